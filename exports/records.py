"""The native export record: one claim, its article, its context and every review of it.

These pydantic models are the contract of `claims export --format jsonl`: their field order is
the order of the keys in every written line, `claims schema` prints the JSON Schema generated
from them, and `claims import` validates each line against them. The writer does not build
records through pydantic (a million model instances would cost more than the JSON itself); it
builds plain dicts in the same order, and the golden and schema tests keep the two in step.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claims.model import (
    MAX_CLAIM_TEXT,
    MAX_RATIONALE,
    MAX_SOURCE_QUOTE,
    MAX_SOURCE_TITLE,
    MAX_URL_LENGTH,
    SCHEMA_VERSION,
    ClaimKind,
    DateSpan,
    Day,
    Number,
    Offset,
    Quantity,
    Source,
    Status,
)

RFC3339 = re.compile(
    r"^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)$"
)
"""A date-time as JSON Schema's "date-time" format means it (RFC 3339, zone required)."""

SCHEMA_ID = f"https://claims.invalid/schema/export-record-v{SCHEMA_VERSION}.json"


class _Record(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid", use_attribute_docstrings=True)


class ArticleRef(_Record):
    """The article a claim comes from. `text`, `external_id` and `metadata` are present only
    in exports made with `--with-articles`, which lets `claims import` create the article."""

    id: str = Field(pattern=r"^[0-9a-f]{16}$")
    """Hash of the article's exact text (`claims.model.article_id_for`)."""
    title: str | None
    url: str | None
    published: Day | None
    lang: str
    external_id: str | None = None
    metadata: dict[str, Any] | None = None
    text: str | None = None
    """The full article text; claim offsets index into it."""


class Span(_Record):
    """A piece of the article around the claim, with its offsets in the article."""

    text: str
    start: Offset
    end: Offset


def _rfc3339(value: Any) -> Any:
    # Lax pydantic would take a number (seconds since 1970) or a bare date.
    if isinstance(value, str) and not RFC3339.match(value):
        raise ValueError("must be an RFC 3339 date-time with a time zone "
                         "(2025-03-04T10:00:00Z)")
    if not isinstance(value, (str, datetime)):
        raise ValueError("must be an RFC 3339 date-time string")
    return value


class ReviewRecord(_Record):
    """What one reviewer says about the claim."""

    reviewer: str
    status: Status
    verdict: str | None
    """A label id of `label_scale`, or null."""
    sources: list[Source]
    rationale: str
    claim_text: str = ""
    """The claim as this reviewer checked it: their rewrite of it as a standalone statement,
    or "" (none). Since schema version 2; a version 1 record has no such key."""
    updated_at: datetime
    """When the reviewer last changed this review: ISO 8601, UTC, ending in 'Z'."""

    _updated_at_rfc3339 = field_validator("updated_at", mode="before")(_rfc3339)


class AdjudicationRecord(_Record):
    """The final verdict an adjudicator gave the claim (`claims adjudicate`)."""

    reviewer: str
    """The adjudicator."""
    verdict: str
    """A label id of `label_scale`: the claim's final verdict."""
    note: str
    """Why, in the adjudicator's words, or ""."""
    ts: datetime
    """When the verdict was given: ISO 8601, UTC, ending in 'Z'."""

    _ts_rfc3339 = field_validator("ts", mode="before")(_rfc3339)


class ExportRecord(_Record):
    """One claim as exported: a line of the native JSONL."""

    schema_version: Offset = Field(ge=1, le=SCHEMA_VERSION)
    claim_id: str = Field(pattern=r"^[0-9a-f]{12}$")
    """The claim's id as claims makes them (`claims.model.claim_id_for`)."""
    article: ArticleRef
    text: str = Field(min_length=1)
    """Exactly `article.text[start:end]`: never empty, as long as the span."""
    start: Offset = Field(ge=0)
    """Offset of the claim's first character in the article text (a Python str index)."""
    end: Offset = Field(ge=1)
    """Offset just past the claim: start < end, end - start == len(text), and every quantity
    and date lies in [start, end). With the article's text, text == article.text[start:end]."""
    sentence: Span
    """The sentence(s) holding the claim."""
    paragraph: Span
    """The paragraph (line of text) holding the claim."""
    kind: ClaimKind
    score: Number = Field(ge=0.0, le=1.0)
    reasons: list[str]
    quantities: list[Quantity]
    dates: list[DateSpan]
    speaker: str | None
    origin: str
    """'extractor/<version>' for proposed claims, 'reviewer:<name>' for drawn ones."""
    extractor_version: str | None
    """The extractor version that proposed the claim; null for a reviewer-drawn claim."""
    status: Status
    """Accepted if any reviewer kept the claim, rejected if every reviewer rejected it."""
    verdict: str | None
    """The final verdict: the adjudicated one (`adjudication.verdict`) when there is an
    adjudication, else the single reviewer's or the one all reviewers agree on, else null."""
    label_scale: str
    """The project's label scale (`claims/labels.py`): averitec, fever or newsroom."""
    reviews: list[ReviewRecord]
    """One per reviewer, ordered by reviewer name."""
    checked_text: str = ""
    """The claim as checked: the adjudicator's rewrite, else the one rewrite every reviewer
    who wrote one agrees on, else the latest; "" when nobody rewrote the claim. Always one of
    the reviews' `claim_text` (or ""). Derived, like `verdict`; since schema version 2."""
    adjudication: AdjudicationRecord | None = None
    """The adjudicator's final verdict, or null when the claim was not adjudicated (and in an
    export narrowed to one reviewer). Since schema version 2; a version 1 record has no such
    key."""


RECORD_FIELDS: tuple[str, ...] = tuple(ExportRecord.model_fields)
ARTICLE_FIELDS: tuple[str, ...] = tuple(ArticleRef.model_fields)
REVIEW_FIELDS: tuple[str, ...] = tuple(ReviewRecord.model_fields)
ADJUDICATION_FIELDS: tuple[str, ...] = tuple(AdjudicationRecord.model_fields)

SINCE_VERSION_2: tuple[str, ...] = ("checked_text", "adjudication")
"""Record keys every record of schema version 2 or later has (version 1 records lack them)."""
REVIEW_SINCE_VERSION_2: tuple[str, ...] = ("claim_text",)
"""Review keys every review of schema version 2 or later has."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of one native JSONL line."""
    from claims.labels import PRESETS

    schema = ExportRecord.model_json_schema(by_alias=True, mode="serialization")
    # The caps every way in applies to what reviewers write (`claims.model.checks`).
    defs = schema["$defs"]
    for model, field, limit in (
        ("Source", "url", MAX_URL_LENGTH), ("Source", "title", MAX_SOURCE_TITLE),
        ("Source", "quote", MAX_SOURCE_QUOTE), ("ReviewRecord", "rationale", MAX_RATIONALE),
        ("ReviewRecord", "claim_text", MAX_CLAIM_TEXT),
        ("AdjudicationRecord", "note", MAX_CLAIM_TEXT),
    ):
        defs[model]["properties"][field]["maxLength"] = limit
    schema["properties"]["label_scale"]["enum"] = list(PRESETS)
    # The verdicts a record may carry are the labels of its own scale.
    schema["allOf"] = [
        {
            "if": {"properties": {"label_scale": {"const": name}}, "required": ["label_scale"]},
            "then": {
                "properties": {
                    "verdict": {"enum": [*scale.ids, None]},
                    "reviews": {"items": {"properties": {"verdict": {"enum": [*scale.ids, None]}}}},
                    "adjudication": {"properties": {"verdict": {"enum": list(scale.ids)}}},
                }
            },
        }
        for name, scale in PRESETS.items()
    ]
    # Version 2 added the adjudication and the claim as checked; its records always carry them.
    schema["allOf"].append({
        "if": {"properties": {"schema_version": {"minimum": 2}}, "required": ["schema_version"]},
        "then": {
            "required": list(SINCE_VERSION_2),
            "properties": {"reviews": {"items": {"required": list(REVIEW_SINCE_VERSION_2)}}},
        },
    })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
