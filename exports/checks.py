"""The rules one native JSONL record must meet, shared by `claims import` and `claims validate`.

`claims validate FILE` is `claims import --dry-run` without a project, plus the JSON Schema:
both read lines through `claims.files` (regular files only, bounded lines, no duplicate keys,
bounded nesting), both build the record with the same pydantic model, and both apply
`record_problems` below. What import additionally checks needs the project (is the article
here, is the scale the project's), and `claims validate --db` runs that too.

A file that is not a native export at all (FEVER, AVeriTeC, ClaimReview, our CSV, Prodigy,
doccano, Label Studio) is named in one line with what to do instead (`foreign_format`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any, get_args

from pydantic import ValidationError

from claims.actions import MAX_CLAIM_TEXT, check_line
from claims.files import MAX_DEPTH, depth
from claims.labels import PRESETS
from claims.model import (
    ARTICLE_ID,
    BLANK,
    CLAIM_ID,
    LANG_TAG,
    SCHEMA_VERSION,
    article_id_for,
    blank,
    check_http_url,
    check_span,
    repeated_source_problem,
    repeated_sources,
    review_text_problems,
)
from claims.model.claim import CLAIM_KINDS, Comparator
from claims.model.state import STANCES, STATUSES
from claims.project import ProjectError, check_reviewer
from exports.plan import Packed, packed_review
from exports.records import (
    ARTICLE_FIELDS,
    RECORD_FIELDS,
    REVIEW_FIELDS,
    REVIEW_SINCE_VERSION_2,
    SINCE_VERSION_2,
    ExportRecord,
)

Problem = tuple[str, str]
"""(field path, what is wrong)."""


def parse_record(data: Any) -> tuple[ExportRecord | None, list[Problem]]:
    """The record a parsed JSON line holds, or the problems that stop it being one."""
    if not isinstance(data, dict):
        return None, [("", "a record must be a JSON object")]
    try:
        return ExportRecord.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()))
            problems.append((where, str(error.get("msg", ""))))
        return None, problems


def record_problems(record: ExportRecord) -> Iterator[Problem]:
    """Every rule a record breaks that needs no project."""
    if not CLAIM_ID.match(record.claim_id):
        yield "claim_id", "is not a claim id (12 lowercase hex digits, as claims makes them)"
    article = record.article
    yield from _article_problems(article.id, article.url, article.lang)
    if article.text is not None and not _text_is_article(article.id, article.text):
        yield "article.text", f"the text does not match article id {article.id}"
    span = check_span(record.start, record.end, record.text, record.quantities, record.dates)
    if span is not None:
        yield span
    elif article.text is not None and article.text[record.start:record.end] != record.text:
        yield "text", "is not article.text[start:end]"
    for name, piece in (("sentence", record.sentence), ("paragraph", record.paragraph)):
        if not 0 <= piece.start <= piece.end or len(piece.text) != piece.end - piece.start:
            yield name, f"[{piece.start}, {piece.end}) does not hold its text"
    scale = PRESETS.get(record.label_scale)
    if scale is None:
        yield "label_scale", (f"{record.label_scale[:40]!r} is not a label scale "
                              f"({', '.join(PRESETS)})")
    elif record.verdict is not None and scale.get(record.verdict) is None:
        yield "verdict", (f"{record.verdict[:40]!r} is not a label of the {scale.name} scale "
                          f"({', '.join(scale.ids)})")
    if record.origin.startswith("reviewer:"):
        problem = _reviewer_problem(record.origin[len("reviewer:"):])
        if problem:
            yield "origin", problem
    seen: set[str] = set()
    version_2 = record.schema_version >= 2
    for i, review in enumerate(record.reviews):
        problem = _reviewer_problem(review.reviewer)
        if problem:
            yield f"reviews.{i}.reviewer", problem
        if review.reviewer in seen:
            yield (f"reviews.{i}.reviewer",
                   f"{review.reviewer[:40]!r} has two reviews of this claim")
        seen.add(review.reviewer)
        if review.verdict is not None:
            if scale is not None and scale.get(review.verdict) is None:
                yield f"reviews.{i}.verdict", (f"{review.verdict[:40]!r} is not a label of the "
                                               f"{scale.name} scale ({', '.join(scale.ids)})")
            if review.status != "accepted":  # a rejected claim is not checked: no verdict
                yield (f"reviews.{i}.status",
                       f"a review with a verdict is accepted, not {review.status}")
        stamp = _utc_problem(review.updated_at)
        if stamp:
            yield f"reviews.{i}.updated_at", stamp
        if version_2:
            fields = review.model_fields_set
            for key in REVIEW_SINCE_VERSION_2:
                if key not in fields:
                    yield f"reviews.{i}.{key}", _REQUIRED
        for where, problem in review_text_problems(
                review.rationale, [(s.title, s.quote) for s in review.sources]):
            yield f"reviews.{i}.{where}", problem
        for n, first in repeated_sources([s.url for s in review.sources]):
            yield (f"reviews.{i}.sources.{n}.url",
                   repeated_source_problem(first, review.sources[n].url))
        if review.claim_text:
            line = _line_problem("the claim as checked", review.claim_text)
            if line:
                yield f"reviews.{i}.claim_text", line
    yield from _version_2_problems(record, scale)


@functools.lru_cache(maxsize=4096)
def _article_problems(article_id: str, url: str | None, lang: str) -> tuple[Problem, ...]:
    """The article reference's problems; a file repeats each article for every claim of it,
    so they are worked out once per article."""
    problems: list[Problem] = []
    if not ARTICLE_ID.match(article_id):
        problems.append(("article.id", "is not an article id (16 lowercase hex digits)"))
    if url is not None:
        try:
            check_http_url(url)
        except ValueError as exc:
            problems.append(("article.url", str(exc)))
    if not LANG_TAG.match(lang):
        problems.append(("article.lang", f"{lang[:40]!r} is not a language tag (fr, en, und)"))
    return tuple(problems)


@functools.lru_cache(maxsize=2)  # a few MB held at most
def _text_is_article(article_id: str, text: str) -> bool:
    """The article id is the hash of the text (`claims.model.article_id_for`): an edited text,
    or another article's id, would import a claim onto words it was never about. Each article
    is hashed once per file (its text is the same string on every line of it)."""
    return article_id_for(text) == article_id


@functools.lru_cache(maxsize=1024)
def _reviewer_problem(name: str) -> str | None:
    """Why `name` is not a reviewer name (`claims.project.check_reviewer`), or None; a file
    names the same few reviewers on every line."""
    try:
        stored = check_reviewer(name)
    except ProjectError as exc:
        return str(exc)
    if stored != name:  # names are stored stripped: this one nobody could act as
        return f"reviewer name {name[:40]!r} has spaces around it (write {stored[:40]!r})"
    return None


_REQUIRED = (f"is required in a record of schema version 2 or later "
             f"({', '.join(SINCE_VERSION_2)}, and each review's claim_text)")


def _version_2_problems(record: ExportRecord, scale: Any) -> Iterator[Problem]:
    """The adjudication and the claim as checked (schema version 2)."""
    if record.schema_version >= 2:
        for key in SINCE_VERSION_2:
            if key not in record.model_fields_set:
                yield key, _REQUIRED
    rewrites = {r.claim_text for r in record.reviews if r.claim_text}
    if record.checked_text and record.checked_text not in rewrites:
        yield "checked_text", "is not the claim_text of any review of this record"
    adjudication = record.adjudication
    if adjudication is None:
        return
    problem = _reviewer_problem(adjudication.reviewer)
    if problem:
        yield "adjudication.reviewer", problem
    if scale is not None and scale.get(adjudication.verdict) is None:
        yield "adjudication.verdict", (f"{adjudication.verdict[:40]!r} is not a label of the "
                                       f"{scale.name} scale ({', '.join(scale.ids)})")
    elif record.verdict != adjudication.verdict:
        yield "verdict", (f"{str(record.verdict)[:40]!r} is not the adjudicated verdict "
                          f"{adjudication.verdict[:40]!r}")
    line = _line_problem("the adjudication note", adjudication.note)
    if line:
        yield "adjudication.note", line
    stamp = _utc_problem(adjudication.ts)
    if stamp:
        yield "adjudication.ts", stamp


def _line_problem(what: str, text: str) -> str | None:
    """Why `text` is not something a reviewer could have typed (`claims.actions.check_line`)."""
    if not text:
        return None
    if blank(text):
        return BLANK
    try:
        check_line(what, text, MAX_CLAIM_TEXT)
    except ProjectError as exc:
        return str(exc).removeprefix(what + " ")
    return None


def _utc_problem(value: datetime) -> str | None:
    if value.tzinfo is None:
        return "has no time zone (write it in UTC, ending in 'Z')"
    if 1 < value.year < 9999:  # no zone offset takes such a time out of range
        return None
    try:
        value.astimezone(UTC)
    except (OverflowError, ValueError):
        return f"{value.isoformat()} is outside the range of UTC timestamps"
    return None


# -- the quick proof -----------------------------------------------------------------------

_KEYS = list(RECORD_FIELDS)
_ARTICLE_KEYS = frozenset(ARTICLE_FIELDS)
_ARTICLE_REQUIRED = frozenset({"id", "title", "url", "published", "lang"})
_SPAN_KEYS = frozenset({"text", "start", "end"})
_QUANTITY_KEYS = frozenset({"value", "comparator", "unit", "text", "start", "end"})
_DATE_KEYS = frozenset({"from", "to", "text", "start", "end"})
_REVIEW_KEYS = frozenset(REVIEW_FIELDS)
_SOURCE_KEYS = ["url", "title", "quote", "stance", "accessed"]
"""As `Source.model_dump` orders them (an event's payload holds them so)."""
_ADJUDICATION_KEYS = frozenset({"reviewer", "verdict", "note", "ts"})
_KINDS = frozenset(CLAIM_KINDS)
_STATUSES = frozenset(STATUSES)
_STANCES = frozenset(STANCES)
_COMPARATORS = frozenset(get_args(Comparator))
_LABEL_IDS = {name: frozenset(scale.ids) for name, scale in PRESETS.items()}
_HEX12 = re.compile(r"[0-9a-f]{12}").fullmatch
_HEX16 = re.compile(r"[0-9a-f]{16}").fullmatch
_DAY = re.compile(r"\d{4}-\d\d-\d\d").fullmatch
_BIG = 1 << 53
"""Integers are proven below this (far past any offset); pydantic's bounds are not at stake."""
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z").fullmatch


def proven(data: dict[str, Any], article_proven: Any = None) -> Packed | None:
    """What an import acts on in the parsed line `data` (`exports.plan.packed` of its record),
    when this proves that the full checks (the `ExportRecord` model and `record_problems`)
    find nothing wrong with it; None when it does not prove it, and the full checks then run
    and name the problem.

    It proves, with plain comparisons and for a fraction of pydantic's cost, the lines of our
    exports' canonical form: every key of the model in its order, values of the exact JSON
    types the model keeps as they are, time stamps as the store writes them. Anything else (a
    value pydantic would convert, a version 1 record, a key left out, another time zone) is
    not proven. `article_proven` is an article object an earlier line proved: equal to this
    line's (a file repeats it on every claim of the article), it is not proved again.
    Tests hold this to the full checks field by field (tests/test_exports/test_quick_proof.py).
    """
    if list(data) != _KEYS:
        return None
    version, claim_id, start, end, text = (data["schema_version"], data["claim_id"],
                                           data["start"], data["end"], data["text"])
    if not (type(version) is int and 2 <= version <= SCHEMA_VERSION
            and type(claim_id) is str and _HEX12(claim_id)
            and type(start) is int and type(end) is int and 0 <= start < end < _BIG
            and type(text) is str and len(text) == end - start):
        return None
    article = data["article"]
    if type(article) is not dict or (article != article_proven
                                     and not _article_proven(article)):
        return None
    article_text = article.get("text")
    if article_text is not None and article_text[start:end] != text:
        return None
    for name in ("sentence", "paragraph"):
        piece = data[name]
        if not (type(piece) is dict and piece.keys() == _SPAN_KEYS):
            return None
        piece_text, piece_start, piece_end = piece["text"], piece["start"], piece["end"]
        if not (type(piece_text) is str and type(piece_start) is int
                and type(piece_end) is int and 0 <= piece_start <= piece_end < _BIG
                and len(piece_text) == piece_end - piece_start):
            return None
    kind, score, reasons = data["kind"], data["score"], data["reasons"]
    if not (type(kind) is str and kind in _KINDS
            and type(score) in (float, int) and 0 <= score <= 1
            and type(reasons) is list and all(type(r) is str for r in reasons)):
        return None
    quantities, dates = data["quantities"], data["dates"]
    if type(quantities) is not list or type(dates) is not list:
        return None
    for q in quantities:
        if not (type(q) is dict and q.keys() == _QUANTITY_KEYS
                and (type(q["value"]) is float or type(q["value"]) is int
                     and -_BIG < q["value"] < _BIG)
                and type(q["comparator"]) is str and q["comparator"] in _COMPARATORS
                and type(q["unit"]) is str and _inside(q, text, start, end)):
            return None
    for d in dates:
        if not (type(d) is dict and d.keys() == _DATE_KEYS and _day(d["from"])
                and _day(d["to"]) and _inside(d, text, start, end)
                and (d["from"] is None or d["to"] is None or d["from"] <= d["to"])):
            return None
    speaker, origin, extractor, status, verdict, label_scale = (
        data["speaker"], data["origin"], data["extractor_version"], data["status"],
        data["verdict"], data["label_scale"])
    if not ((speaker is None or type(speaker) is str) and type(origin) is str
            and (extractor is None or type(extractor) is str)
            and type(status) is str and status in _STATUSES
            and type(label_scale) is str and label_scale in _LABEL_IDS):
        return None
    scale = _LABEL_IDS[label_scale]
    if verdict is not None and not (type(verdict) is str and verdict in scale):
        return None
    if origin.startswith("reviewer:") and _reviewer_problem(origin[len("reviewer:"):]):
        return None
    reviews = data["reviews"]
    if type(reviews) is not list:
        return None
    seen: set[str] = set()
    rewrites: set[str] = set()
    packed_reviews = []
    for review in reviews:
        if not (type(review) is dict and review.keys() == _REVIEW_KEYS
                and _review_proven(review, scale)) or review["reviewer"] in seen:
            return None
        seen.add(review["reviewer"])
        if review["claim_text"]:
            rewrites.add(review["claim_text"])
        packed_reviews.append(packed_review(
            claim_id, review["reviewer"], review["status"], review["verdict"],
            review["sources"], review["rationale"], review["claim_text"], review["updated_at"]))
    checked = data["checked_text"]
    if type(checked) is not str or (checked and checked not in rewrites):
        return None
    a = data["adjudication"]
    if a is not None and not (
        type(a) is dict and a.keys() == _ADJUDICATION_KEYS
        and type(a["reviewer"]) is str and not _reviewer_problem(a["reviewer"])
        and type(a["verdict"]) is str and a["verdict"] in scale
        and verdict == a["verdict"]
        and type(a["note"]) is str and not _line_problem("the adjudication note", a["note"])
        and _stamp(a["ts"])):
        return None
    return (claim_id, article["id"], start, end, text, label_scale, origin, packed_reviews,
            None if a is None else (a["reviewer"], a["verdict"], a["note"], a["ts"]))


def _article_proven(article: Any) -> bool:
    if type(article) is not dict:
        return False
    keys = article.keys()
    if not (keys >= _ARTICLE_REQUIRED and keys <= _ARTICLE_KEYS):
        return False
    article_id, url, lang = article["id"], article["url"], article["lang"]
    return (type(article_id) is str and bool(_HEX16(article_id))
            and _text_or_none(article["title"]) and _text_or_none(url) and type(lang) is str
            and _day(article["published"]) and _text_or_none(article.get("external_id"))
            and _text_or_none(article.get("text"))
            and (article.get("text") is None or _text_is_article(article_id, article["text"]))
            and (article.get("metadata") is None or type(article["metadata"]) is dict
                 and depth(article["metadata"]) <= MAX_DEPTH - 2)
            and not _article_problems(article_id, url, lang))


def _text_or_none(value: Any) -> bool:
    return value is None or type(value) is str


def _review_proven(review: dict[str, Any], scale: frozenset[str]) -> bool:
    reviewer, status, verdict, sources, rationale, claim_text = (
        review["reviewer"], review["status"], review["verdict"], review["sources"],
        review["rationale"], review["claim_text"])
    if not (type(reviewer) is str and not _reviewer_problem(reviewer)
            and type(status) is str and status in _STATUSES
            and type(rationale) is str and type(claim_text) is str
            and (not claim_text or not _line_problem("the claim as checked", claim_text))
            and _stamp(review["updated_at"]) and type(sources) is list):
        return False
    if verdict is not None and not (type(verdict) is str and verdict in scale
                                    and status == "accepted"):
        return False
    for s in sources:
        if not (type(s) is dict and list(s) == _SOURCE_KEYS and type(s["url"]) is str
                and type(s["title"]) is str and type(s["quote"]) is str
                and type(s["stance"]) is str and s["stance"] in _STANCES
                and _day(s["accessed"]) and _url_proven(s["url"])):
            return False
    return not (review_text_problems(rationale, [(s["title"], s["quote"]) for s in sources])
                or repeated_sources([s["url"] for s in sources]))


def _url_proven(url: str) -> bool:
    try:
        return check_http_url(url) == url
    except ValueError:
        return False


def _inside(facet: dict[str, Any], text: str, start: int, end: int) -> bool:
    """The facet lies in the claim [start, end) and carries the claim's words there."""
    facet_start, facet_end, words = facet["start"], facet["end"], facet["text"]
    return (type(facet_start) is int and type(facet_end) is int and type(words) is str
            and start <= facet_start <= facet_end <= end
            and text[facet_start - start : facet_end - start] == words)


def _day(value: Any) -> bool:
    """None, or a date as our exports write it."""
    if value is None:
        return True
    return type(value) is str and _date_text(value)


@functools.lru_cache(maxsize=4096)
def _date_text(value: str) -> bool:
    """`value` is a date as our exports write it (a file names the same few dates often)."""
    if not _DAY(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _stamp(value: Any) -> bool:
    """A time stamp as the store writes it (UTC, microseconds, 'Z'), in UTC's range."""
    if type(value) is not str or not _STAMP(value) or not "0001" < value[:4] < "9999":
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


# -- files that are not native exports -----------------------------------------------------

_NATIVE_HINT = ("claims import reads the native JSONL export (claims export --format jsonl, "
                "with --with-articles to carry the articles)")


def foreign_format(first: Any, raw: bytes = b"") -> str | None:
    """What a file is when its first value shows it is not a native export, else None."""
    if raw.startswith(b"PAR1"):
        return ("a Parquet export (claims export --format parquet), which claims cannot read "
                f"back; {_NATIVE_HINT}")
    text = raw.lstrip()[:400].decode("utf-8", "replace")
    if text.startswith("claim_id,article_id,"):
        return f"a CSV export of claims (claims export --format csv); {_NATIVE_HINT}"
    items = first if isinstance(first, list) else [first]
    head = items[0] if items and isinstance(items[0], dict) else None
    if head is None:
        return None
    if not isinstance(first, list) and text.lstrip("\ufeff").split("\n", 1)[0].strip() == "{":
        return ("one JSON object written over several lines, not JSON Lines (one record a "
                f"line); {_NATIVE_HINT}")
    keys = set(head)
    tool = None
    if "schema_version" in keys and "claim_id" in keys:
        return None
    if head.get("@type") == "ClaimReview" or "claimReviewed" in keys:
        name = "a ClaimReview JSON-LD export (claims export --format claimreview)"
    elif {"claim", "label", "evidence"} <= keys or ({"claim", "label"} <= keys and "id" in keys
                                                    and "questions" not in keys):
        name = "a FEVER export (claims export --format fever)"
    elif {"claim", "questions"} <= keys or {"claim", "justification"} <= keys:
        name = "an AVeriTeC export (claims export --format averitec)"
    elif "_input_hash" in keys or "_task_hash" in keys or ("spans" in keys and "answer" in keys):
        name, tool = "a Prodigy export", "prodigy"
    elif "annotations" in keys and "data" in keys or "predictions" in keys and "data" in keys:
        name, tool = "a Label Studio export", "label-studio"
    elif "text" in keys and ("label" in keys or "entities" in keys) and "claim_id" not in keys:
        name, tool = "a doccano export", "doccano"
    else:
        return None
    if tool:
        return (f"{name}, not a claims export; bring its spans in as articles and claims "
                f"with claims add --from {tool} FILE")
    return f"{name}, which claims cannot read back; {_NATIVE_HINT}"


def first_value(data: bytes) -> Any:
    """The first JSON value of a file's beginning, for `foreign_format`.

    A JSON array (pretty-printed or not) gives its first element; a JSONL file its first
    line. Only the first value is read, so `data` may be cut anywhere after it.
    """
    import json

    text = data.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    decoder = json.JSONDecoder()
    try:
        if text.startswith("["):
            index = 1
            while index < len(text) and text[index] in " \t\r\n":
                index += 1
            return decoder.raw_decode(text, index)[0]
        return decoder.raw_decode(text, 0)[0]
    except (ValueError, RecursionError):
        return None


def refuse_foreign(name: str, head: bytes) -> None:
    """Raise `FileProblem` naming what the file is, when its beginning is a foreign format."""
    from claims.files import FileProblem

    if not head.strip():
        return
    what = foreign_format(first_value(head), head)
    if what is not None:
        raise FileProblem(name, f"this is {what}")


HEAD_BYTES = 256 * 1024
"""How much of a file is read to tell what format it is."""


__all__ = ["HEAD_BYTES", "Problem", "first_value", "foreign_format", "parse_record",
           "proven", "record_problems", "refuse_foreign"]
