"""Published fact-checks in, as reference claims: schema.org ClaimReview JSON-LD.

Accepted shapes: one ClaimReview object; a JSON list of them (what `claims export --format
claimreview` writes); a `DataFeed` whose `dataFeedElement` items carry them in `item` (the
feed of Google's Fact Check Markup Tool); a JSON-LD document with an `@graph`; or JSON Lines,
one ClaimReview (or any of the above) a line. Other objects in a `@graph` or a feed (the
publisher's `Organization`, a `WebPage`) are skipped.

Every ClaimReview must give `claimReviewed` (text) and a `reviewRating` with its
`alternateName` (the rating as published) or a numeric `ratingValue`; `url`, when present,
must be an http(s) address. A file with any bad review is refused whole, with
`FILE:LINE: field: problem` for the first, so nothing is half loaded.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from collections.abc import Iterator
from datetime import date
from typing import Any

from claims.model import KnownClaim, check_http_url, known_claim_id_for


class KnownFileError(ValueError):
    """The file is not usable ClaimReview; the message names file, line and field."""


class _Located:
    """Where each decoded JSON object starts in the text, by object identity."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[int, int] = {}
        self._newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def line_of(self, obj: Any, default: int = 1) -> int:
        pos = self.starts.get(id(obj))
        if pos is None:
            return default
        return bisect.bisect_left(self._newlines, pos) + 1

    def line_at(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1


class _DuplicateKey(ValueError):
    def __init__(self, key: str, pos: int) -> None:
        super().__init__(key)
        self.key, self.pos = key, pos


def _decoder(located: _Located, offset: int = 0) -> json.JSONDecoder:
    """A strict decoder recording where every object starts (the pure-Python scanner allows
    the hook): a key given twice in one object is an error, as everywhere in `claims`."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise _DuplicateKey(key, -1)
            out[key] = value
        return out

    decoder = json.JSONDecoder(object_pairs_hook=pairs)
    parse_object = decoder.parse_object  # type: ignore[attr-defined]

    def record(s_and_end: tuple[str, int], *args: Any, **kwargs: Any) -> tuple[Any, int]:
        try:
            obj, end = parse_object(s_and_end, *args, **kwargs)
        except _DuplicateKey as exc:
            if exc.pos < 0:
                exc.pos = offset + s_and_end[1] - 1
            raise
        located.starts[id(obj)] = offset + s_and_end[1] - 1
        return obj, end

    decoder.parse_object = record  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder


def _decode(decoder: json.JSONDecoder, text: str, name: str, located: _Located,
            line: int | None = None) -> Any:
    try:
        return decoder.decode(text)
    except _DuplicateKey as exc:
        where = line if line is not None else located.line_at(exc.pos)
        raise KnownFileError(f"{name}:{where}: {exc.key}: appears twice in one object "
                             "(duplicate JSON key)") from None
    except RecursionError:
        raise KnownFileError(f"{name}:{line or 1}: nested too deeply to be a ClaimReview") \
            from None


def _documents(text: str, name: str, located: _Located) -> Iterator[Any]:
    """The JSON document of the file, or each line's document when the file is JSON Lines."""
    decoder = _decoder(located)
    stripped = text.strip()
    if not stripped:
        raise KnownFileError(f"{name}: empty file, no ClaimReview in it")
    try:
        yield _decode(decoder, text, name, located)
        return
    except json.JSONDecodeError as whole:
        if not stripped.startswith("{") or "\n" not in stripped:
            raise KnownFileError(f"{name}:{whole.lineno}: not valid JSON ({whole.msg}, "
                                 f"column {whole.colno})") from None
        first_error = whole
    # JSON Lines: one document a line.
    offset = 0
    docs = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            try:
                docs.append(_decode(_decoder(located, offset), line, name, located, number))
            except json.JSONDecodeError as exc:
                if number == 1:  # not JSON Lines either: report the whole-file error
                    raise KnownFileError(
                        f"{name}:{first_error.lineno}: not valid JSON ({first_error.msg}, "
                        f"column {first_error.colno})"
                    ) from None
                raise KnownFileError(f"{name}:{number}: not valid JSON ({exc.msg}, "
                                     f"column {exc.colno})") from None
        offset += len(line) + 1
    yield from docs


def _types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return [str(x).rsplit("/", 1)[-1] for x in items if isinstance(x, str)]


def _reviews(doc: Any, name: str, located: _Located, line: int) -> Iterator[tuple[dict[str, Any], int]]:
    """Every ClaimReview object in `doc`, with its line."""
    if isinstance(doc, list):
        for item in doc:
            if not isinstance(item, dict):
                raise KnownFileError(f"{name}:{located.line_of(doc, line)}: a list item is "
                                     f"{type(item).__name__}, not a ClaimReview object")
            if "ClaimReview" not in _types(item) and not _is_container(item):
                raise KnownFileError(
                    f"{name}:{located.line_of(item, line)}: @type: expected ClaimReview, got "
                    f"{item.get('@type')!r}"
                )
            yield from _reviews(item, name, located, located.line_of(item, line))
        return
    if not isinstance(doc, dict):
        raise KnownFileError(f"{name}:{line}: expected a ClaimReview object or a list of them, "
                             f"got {type(doc).__name__}")
    line = located.line_of(doc, line)
    if "ClaimReview" in _types(doc):
        yield doc, line
        return
    if "@graph" in doc:
        yield from _members(doc["@graph"], "@graph", name, located, line)
        return
    if "DataFeed" in _types(doc) or "dataFeedElement" in doc:
        yield from _members(doc.get("dataFeedElement", []), "dataFeedElement", name, located, line)
        return
    if "DataFeedItem" in _types(doc) or "item" in doc:
        yield from _members(doc.get("item", []), "item", name, located, line)
        return
    raise KnownFileError(f"{name}:{line}: @type: expected ClaimReview, DataFeed or an @graph, "
                         f"got {doc.get('@type')!r}")


def _is_container(obj: dict[str, Any]) -> bool:
    types = _types(obj)
    return "@graph" in obj or "DataFeed" in types or "DataFeedItem" in types


def _members(value: Any, field: str, name: str, located: _Located, line: int
             ) -> Iterator[tuple[dict[str, Any], int]]:
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, dict):
            raise KnownFileError(f"{name}:{line}: {field}: expected objects, got "
                                 f"{type(item).__name__}")
        if "ClaimReview" in _types(item) or _is_container(item) or "item" in item:
            yield from _reviews(item, name, located, located.line_of(item, line))
        # Anything else in a graph or a feed (Organization, WebPage...) is not ours to read.


def _text(value: Any, field: str, where: str, *, required: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise KnownFileError(f"{where}: {field}: missing")
        return None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = value[0]
    if not isinstance(value, str):
        raise KnownFileError(f"{where}: {field}: expected text, got {type(value).__name__}")
    value = " ".join(value.split())
    if required and not value:
        raise KnownFileError(f"{where}: {field}: empty")
    if len(value) > 10_000:
        raise KnownFileError(f"{where}: {field}: longer than 10,000 characters")
    return value or None


def _number(value: Any, field: str, where: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise KnownFileError(f"{where}: {field}: expected a number, got {value!r}")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    raise KnownFileError(f"{where}: {field}: expected a number, got {value!r}")


def _name(value: Any, field: str, where: str) -> str | None:
    """The name of an author or publisher: text, an object with `name`, or a list of them."""
    if value is None:
        return None
    if isinstance(value, str):
        return _text(value, field, where)
    if isinstance(value, dict):
        return _text(value.get("name"), f"{field}.name", where)
    if isinstance(value, list):
        names = [n for i, v in enumerate(value) if (n := _name(v, f"{field}[{i}]", where))]
        return ", ".join(dict.fromkeys(names)) or None
    raise KnownFileError(f"{where}: {field}: expected an object with a name, got "
                         f"{type(value).__name__}")


def _date(value: Any, field: str, where: str) -> date | None:
    text = _text(value, field, where)
    if text is None:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise KnownFileError(f"{where}: {field}: {text!r} is not an ISO date") from None


def _known(review: dict[str, Any], where: str, origin: str) -> KnownClaim:
    text = _text(review.get("claimReviewed"), "claimReviewed", where, required=True)
    assert text is not None
    rating = review.get("reviewRating")
    if rating is None:
        raise KnownFileError(f"{where}: reviewRating: missing")
    if isinstance(rating, list) and len(rating) == 1:
        rating = rating[0]
    if not isinstance(rating, dict):
        raise KnownFileError(f"{where}: reviewRating: expected a Rating object, got "
                             f"{type(rating).__name__}")
    label = _text(rating.get("alternateName"), "reviewRating.alternateName", where) or _text(
        rating.get("name"), "reviewRating.name", where)
    value = _number(rating.get("ratingValue"), "reviewRating.ratingValue", where)
    best = _number(rating.get("bestRating"), "reviewRating.bestRating", where)
    worst = _number(rating.get("worstRating"), "reviewRating.worstRating", where)
    if label is None and value is None:
        raise KnownFileError(f"{where}: reviewRating.alternateName: missing (and no ratingValue)")
    if label is None:
        assert value is not None
        label = f"{value:g}" + (f"/{best:g}" if best is not None else "")
    url = _text(review.get("url"), "url", where)
    if url is not None:
        try:
            url = check_http_url(url)
        except ValueError as exc:
            raise KnownFileError(f"{where}: url: {exc}") from None
    publisher = _name(review.get("author"), "author", where) or _name(
        review.get("publisher"), "publisher", where)
    item = review.get("itemReviewed")
    claimant = None
    if isinstance(item, dict):
        claimant = _name(item.get("author"), "itemReviewed.author", where)
    elif item is not None:
        raise KnownFileError(f"{where}: itemReviewed: expected a Claim object, got "
                             f"{type(item).__name__}")
    lang = review.get("inLanguage")
    if isinstance(lang, dict):
        lang = lang.get("alternateName") or lang.get("name")
    lang_code = _text(lang, "inLanguage", where)
    return KnownClaim(
        id=known_claim_id_for(text, url, publisher),
        text=text,
        rating=label,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        publisher=publisher,
        url=url,
        claimant=claimant,
        reviewed_on=_date(review.get("datePublished"), "datePublished", where),
        lang=lang_code.lower()[:2] if lang_code else None,
        origin=origin,
    )


def parse_claimreviews(text: str, name: str) -> list[KnownClaim]:
    """Every ClaimReview in `text` (the contents of file `name`) as reference claims."""
    located = _Located(text)
    out: list[KnownClaim] = []
    seen: set[str] = set()
    for doc in _documents(text, name, located):
        for review, line in _reviews(doc, name, located, 1):
            known = _known(review, f"{name}:{line}", name)
            if known.id not in seen:
                seen.add(known.id)
                out.append(known)
    if not out:
        raise KnownFileError(f"{name}: no ClaimReview in it")
    return out
