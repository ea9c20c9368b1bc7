"""The checks every way in applies to what a user or a file gives: URLs, languages, spans."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "LANGS",
    "LANG_TAG",
    "MAX_CLAIM_TEXT",
    "MAX_RATIONALE",
    "MAX_SOURCE_QUOTE",
    "MAX_SOURCE_TITLE",
    "MAX_URL_LENGTH",
    "BLANK",
    "NOT_ONE_LINE",
    "blank",
    "breaks_line",
    "repeated_source_problem",
    "repeated_sources",
    "review_text_problems",
    "source_url_key",
    "too_long",
    "check_http_url",
    "check_lang",
    "check_span",
    "idna_host",
]

MAX_URL_LENGTH = 2048
"""Longest URL accepted (browsers and search engines stop near there)."""

MAX_SOURCE_TITLE = 500
"""Longest source title: a headline or a document's name, never a page of text."""
MAX_SOURCE_QUOTE = 5_000
"""Longest quoted excerpt of a source: a few paragraphs, not the source itself."""
MAX_RATIONALE = 20_000
"""Longest rationale: several pages of reasoning (about 3,000 words)."""
MAX_CLAIM_TEXT = 2_000
"""Longest one-line text a reviewer writes: the claim as checked, an adjudication note."""


def too_long(text: str, limit: int) -> str | None:
    """'is longer than N characters (M)' when `text` is over `limit`, else None."""
    if len(text) <= limit:
        return None
    return f"is longer than {limit:,} characters ({len(text):,})"


BLANK = 'is only whitespace (write "" for none)'
"""What a file's text that holds nothing but spaces or line breaks is told; typed, such a
text is taken as empty (`claims.actions`)."""
NOT_ONE_LINE = "contains control characters or line breaks"

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def breaks_line(text: str) -> bool:
    """`text` holds a control character (a tab or line feed included), a surrogate, a line or
    paragraph separator or a bidi control: not one line as a table or a terminal shows it."""
    if text.isprintable():
        return False  # the common case: no control and no separator but the space
    return any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI_CONTROLS
               for ch in text)


def blank(text: str) -> bool:
    """Something typed that says nothing: spaces, tabs or line breaks only (`str.isspace`,
    the characters `str.strip` takes off)."""
    return text.isspace()


def review_text_problems(rationale: str, sources: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(field, problem) for each text of a review a reviewer could not have saved: over its
    cap, only whitespace, or a source title (a one-line field) holding a line break or a
    control; the rationale, and each source's (title, quote) as `sources.N.title`. Every way
    in (the actions, import, validate) applies these, and the JSON Schema states the caps."""
    found = []
    if len(rationale) > MAX_RATIONALE or rationale.isspace():
        problem = too_long(rationale, MAX_RATIONALE) or BLANK
        found.append(("rationale", problem))
    for i, (title, quote) in enumerate(sources):
        if (len(title) <= MAX_SOURCE_TITLE and len(quote) <= MAX_SOURCE_QUOTE
                and title.isprintable() and not title.isspace() and not quote.isspace()):
            continue  # the common case, at the cost of a few comparisons (imports check many)
        for name, text, limit in (("title", title, MAX_SOURCE_TITLE),
                                  ("quote", quote, MAX_SOURCE_QUOTE)):
            issue = too_long(text, limit) or (BLANK if blank(text) else None)
            if issue is None and name == "title" and breaks_line(text):
                issue = NOT_ONE_LINE
            if issue:
                found.append((f"sources.{i}.{name}", issue))
    return found


def source_url_key(url: str) -> str:
    """What makes two source URLs one source: the URL with its scheme and host in lower case
    (neither tells one page from another) and an empty path written `/`. The host ends at
    the first `/`, `?` or `#`, as `urllib.parse.urlsplit` reads it (written out: an import
    works this out for every source of every review)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = len(rest)
    for mark in "/?#":
        at = rest.find(mark, 0, end)
        if at != -1:
            end = at
    path = rest[end:]
    if path[:1] != "/":
        path = "/" + path
    return f"{scheme.lower()}://{rest[:end].lower()}{path}"


def repeated_sources(urls: Sequence[str]) -> list[tuple[int, int]]:
    """(index, index of the first with the same URL) for each source of one review that cites
    a URL an earlier one cites (`source_url_key`): a review cites each source once."""
    if len(urls) < 2:
        return []
    first: dict[str, int] = {}
    found = []
    for i, url in enumerate(urls):
        key = source_url_key(url)
        if key in first:
            found.append((i, first[key]))
        else:
            first[key] = i
    return found


def repeated_source_problem(first: int, url: str) -> str:
    """What a file's source that repeats source `first` of its review is told."""
    return (f"cites the same URL as sources.{first} of this review ({url[:200]}); a review "
            "cites each source once (put both excerpts in one quote)")


LANG_TAG = re.compile(r"^(?:[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*|und)?\Z")
"""A BCP 47 language tag as stored (fr, en, pt-BR, und) or empty (not known)."""
LANGS: tuple[str, ...] = ("fr", "en")
"""Languages the extractor reads."""

_INVISIBLE = frozenset("\\")
_PLAIN_URL = re.compile(r"(?i:https?)://[A-Za-z0-9][A-Za-z0-9.-]*(?:[/?#][!-\[\]-~]*)?\Z")
"""An http(s) URL with a plain ASCII host, no port, no credentials, and nothing but printable
ASCII other than a backslash after the host: every rule of `check_http_url` holds for it."""


def _url_problem_char(url: str) -> str | None:
    if url.isascii() and url.isprintable() and " " not in url and "\\" not in url:
        return None  # the common case, without a look at each character (imports)
    for ch in url:
        if ch in _INVISIBLE:
            return "a backslash"
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Zl", "Zp", "Zs", "Cs", "Co", "Cn"):
            name = unicodedata.name(ch, f"U+{ord(ch):04X}")
            return f"{name.lower()} (U+{ord(ch):04X})" if ch != " " else "a space"
    return None


def check_http_url(url: str) -> str:
    """Return `url` stripped if it is a safe absolute http(s) URL; raise ValueError naming why.

    A URL needs a host and a valid port; credentials (`user:pass@`), backslashes, spaces,
    control, bidi and zero-width characters are refused (they hide where a link goes), and
    so is anything longer than `MAX_URL_LENGTH`. Internationalised host names are accepted
    when they encode to IDNA; the annotator shows their punycode beside them (`idna_host`).
    """
    url = url.strip(" \t\r\n")
    if len(url) > MAX_URL_LENGTH:
        raise ValueError(f"URL longer than {MAX_URL_LENGTH} characters ({len(url)})")
    if _PLAIN_URL.match(url) and url.isprintable():
        return url  # the common case, which every check below passes (imports check many)
    bad = _url_problem_char(url)
    if bad is not None:
        raise ValueError(f"URL contains {bad}: {url[:200]!r}")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"not an http(s) URL: {url[:200]!r}")
    if "@" in parts.netloc:
        raise ValueError(f"URL carries credentials or an '@' before the host: {url[:200]!r}")
    host = parts.hostname
    if not host:
        raise ValueError(f"URL has no host: {url[:200]!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError when out of range or not a number
    except ValueError:
        raise ValueError(f"URL has an invalid port: {url[:200]!r}") from None
    if parts.netloc.endswith(":"):
        raise ValueError(f"URL has an empty port: {url[:200]!r}")
    if not host.isascii():
        try:
            host.encode("idna")
        except UnicodeError:
            raise ValueError(f"URL host is not a valid internationalised name: {host!r}") \
                from None
    return url


def idna_host(url: str) -> tuple[str, str] | None:
    """(host as written, its punycode) when the URL's host is not plain ASCII, else None."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or host.isascii():
        return None
    try:
        return host, host.encode("idna").decode("ascii")
    except UnicodeError:
        return host, "invalid international host name"


def check_lang(value: str, supported: tuple[str, ...] | None = LANGS) -> str:
    """A language given by a user: '' for auto/unknown, else one of `supported` (or any tag)."""
    value = value.strip().lower()
    if value in ("auto", ""):
        return ""
    if supported is not None and value not in supported:
        raise ValueError(f"language {value[:40]!r} is not supported; use one of "
                         f"{', '.join(supported)}")
    if not LANG_TAG.match(value):
        raise ValueError(f"{value[:40]!r} is not a language tag (fr, en, pt-br, und)")
    return value


def check_span(
    start: int, end: int, text: str, quantities: list[Any] = (), dates: list[Any] = ()  # type: ignore[assignment]
) -> tuple[str, str] | None:
    """(field, why) when a claim's span or facets are inconsistent, or None.

    The same rule for every way in (add, import, the annotator): the span is non-empty and
    ordered, `text` is exactly as long as the span, and every quantity and date lies inside
    the claim (offsets into the article), carrying the claim's own words at those offsets; a
    period ends on or after its first day.
    """
    if start < 0 or end < 0:
        return "start", f"[{start}, {end}) has a negative offset"
    if start > end:
        return "end", f"start {start} is after end {end}"
    if start == end:
        return "end", f"[{start}, {end}) is empty; a claim has at least one character"
    if len(text) != end - start:
        return "text", (f"has {len(text)} characters but the span [{start}, {end}) has "
                        f"{end - start}")
    for name, facets in (("quantities", quantities), ("dates", dates)):
        for i, facet in enumerate(facets):
            if not (start <= facet.start <= facet.end <= end):
                return (f"{name}.{i}", f"[{facet.start}, {facet.end}) is not inside the claim "
                        f"[{start}, {end})")
            words = text[facet.start - start : facet.end - start]
            if facet.text != words:
                return (f"{name}.{i}.text", f"{facet.text[:40]!r} is not the claim's words at "
                        f"[{facet.start}, {facet.end}) ({words[:40]!r})")
            first, last = getattr(facet, "from_", None), getattr(facet, "to", None)
            if first is not None and last is not None and last < first:
                return f"{name}.{i}.to", f"{last} is before the period's first day {first}"
    return None
