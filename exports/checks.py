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
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from claims.actions import MAX_CLAIM_TEXT, check_line
from claims.labels import PRESETS
from claims.model import (
    ARTICLE_ID,
    CLAIM_ID,
    LANG_TAG,
    check_http_url,
    check_span,
)
from claims.project import ProjectError, check_reviewer
from exports.records import REVIEW_SINCE_VERSION_2, SINCE_VERSION_2, ExportRecord

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
           "record_problems", "refuse_foreign"]
