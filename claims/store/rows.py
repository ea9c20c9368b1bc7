"""Converters between database rows and domain models, and the column lists they assume.

Rows hold JSON text for lists and objects and ISO 8601 text for times, on both backends, so the
same converters serve SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple, TypeVar

import orjson
from pydantic import BaseModel

from claims.model import Adjudication, Article, Claim, DateSpan, Event, Quantity, Review, Source

__all__ = [
    "ARTICLE_COLUMNS",
    "CLAIM_COLUMNS",
    "EVENT_COLUMNS",
    "REVIEW_COLUMNS",
    "STATE_COLUMNS",
    "LogEvent",
    "adjudication_from_json",
    "adjudication_json",
    "adjudication_text",
    "article_from_row",
    "built",
    "claim_from_row",
    "claim_row",
    "dumps",
    "event_from_row",
    "log_event_from_row",
    "parse_ts",
    "record_row",
    "review_from_row",
    "ts_text",
]

CLAIM_COLUMNS = (
    "id, article_id, span_start, span_end, text, kind, score, reasons, quantities, dates, "
    "speaker, origin"
)
STATE_COLUMNS = CLAIM_COLUMNS + ", live, merged_into, adjudication"
"""A claim row plus what the derivation adds: liveness, the merge that hides it, the
adjudication."""
EVENT_COLUMNS = "seq, id, ts, reviewer, type, article_id, claim_id, other_id, payload"
REVIEW_COLUMNS = (
    "claim_id, reviewer, status, verdict, sources, rationale, claim_text, created_at, updated_at"
)
ARTICLE_COLUMNS = "id, text, lang, title, url, published, external_id, metadata"

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__


def built(cls: type[M], **values: Any) -> M:
    """`cls.model_construct(**values)` for trusted values that name every field, in a quarter
    of the time: the store's own rows need neither validation nor defaults.

    With a field missing (a row written before the field existed) or a model with a post-init
    hook, it is model_construct itself.
    """
    if values.keys() != cls.__pydantic_fields__.keys() or cls.__pydantic_post_init__:
        return cls.model_construct(**values)
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def ts_text(value: datetime) -> str:
    return value.isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_ts(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


_RECORD_KEYS = (
    "id", "article_id", "start", "end", "text", "kind", "score", "reasons", "quantities",
    "dates", "speaker", "origin",
)


def record_row(record: dict[str, Any]) -> tuple[Any, ...]:
    """An extractor record (the stored JSON shape) as a `claims` row plus its `base` JSON."""
    base = {key: record[key] for key in _RECORD_KEYS}
    return (
        record["id"],
        record["article_id"],
        record["start"],
        record["end"],
        record["text"],
        record["kind"],
        float(record["score"]),
        dumps(record["reasons"]),
        dumps(record["quantities"]),
        dumps(record["dates"]),
        record["speaker"],
        record["origin"],
        dumps(base),
    )


def claim_row(claim: Claim) -> tuple[Any, ...]:
    return (
        claim.id,
        claim.article_id,
        claim.start,
        claim.end,
        claim.text,
        claim.kind,
        claim.score,
        dumps(claim.reasons),
        dumps([q.model_dump(mode="json") for q in claim.quantities]),
        dumps([d.model_dump(mode="json", by_alias=True) for d in claim.dates]),
        claim.speaker,
        claim.origin,
    )


def claim_from_row(row: Sequence[Any]) -> Claim:
    return built(
        Claim,
        id=row[0],
        article_id=row[1],
        start=int(row[2]),
        end=int(row[3]),
        text=row[4],
        kind=row[5],
        score=float(row[6]),
        reasons=orjson.loads(row[7]),
        quantities=[built(Quantity, **q) for q in orjson.loads(row[8])],
        dates=[
            built(
                DateSpan,
                from_=date.fromisoformat(d["from"]) if d.get("from") else None,
                to=date.fromisoformat(d["to"]) if d.get("to") else None,
                text=d["text"],
                start=d["start"],
                end=d["end"],
            )
            for d in orjson.loads(row[9])
        ],
        speaker=row[10],
        origin=row[11],
    )


def adjudication_from_json(value: str | None) -> Adjudication | None:
    if not value:
        return None
    data = orjson.loads(value)
    return built(
        Adjudication,
        claim_id=data["claim_id"],
        reviewer=data["reviewer"],
        verdict=data["verdict"],
        note=data.get("note", ""),
        ts=parse_ts(data["ts"]),
    )


def adjudication_json(adjudication: Adjudication | None) -> str | None:
    if adjudication is None:
        return None
    return adjudication_text(adjudication.claim_id, adjudication.reviewer, adjudication.verdict,
                             adjudication.note, ts_text(adjudication.ts))


def adjudication_text(claim_id: str, reviewer: str, verdict: str | None, note: str,
                      ts: str) -> str:
    """The `claims.adjudication` column: JSON of the adjudication (`ts` as stored)."""
    return dumps({"claim_id": claim_id, "reviewer": reviewer, "verdict": verdict,
                  "note": note, "ts": ts})


def review_from_row(row: Sequence[Any]) -> Review:
    return built(
        Review,
        claim_id=row[0],
        reviewer=row[1],
        status=row[2],
        verdict=row[3],
        sources=[Source.model_validate(s) for s in orjson.loads(row[4])],
        rationale=row[5],
        claim_text=row[6],
        created_at=parse_ts(row[7]),
        updated_at=parse_ts(row[8]),
    )


def article_from_row(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0],
        text=row[1],
        lang=row[2],
        title=row[3],
        url=row[4],
        published=date.fromisoformat(row[5]) if row[5] else None,
        external_id=row[6],
        metadata=orjson.loads(row[7]),
    )


class LogEvent(NamedTuple):
    """An event of the log as plain fields, built without a model: the fields of `Event`, for
    the reads that take thousands of events at once (the derivation, agreement over spans)."""

    seq: int
    id: str
    ts: datetime
    reviewer: str
    type: str
    article_id: str
    claim_id: str
    other_id: str | None
    payload: dict[str, Any]


def log_event_from_row(row: Sequence[Any]) -> LogEvent:
    """An `EVENT_COLUMNS` row as a `LogEvent`."""
    return LogEvent(int(row[0]), row[1], parse_ts(row[2]), row[3], row[4], row[5], row[6],
                    row[7], orjson.loads(row[8]))


def event_from_row(row: Sequence[Any]) -> Event:
    return built(
        Event,
        seq=int(row[0]),
        id=row[1],
        ts=parse_ts(row[2]),
        reviewer=row[3],
        type=row[4],
        article_id=row[5],
        claim_id=row[6],
        other_id=row[7],
        payload=orjson.loads(row[8]),
    )
