"""Planning an import: what a record brings, and the events that take this project to it.

A line of the file becomes a `RecordIn`, the part of the record an import acts on, in the
stored shape (time stamps as the store writes them, sources as dicts). It is made from the
checked `ExportRecord` (`record_in`, or as plain values that worker processes can hand over:
`packed`, read back with `unpacked`) or, for a line in the canonical form our exports write,
by the quick proof that it is valid (`exports.checks.proven`, which gives the same values).

Each imported review becomes one `review` event of its reviewer that sets the review whole
(`review_event`); an adjudication becomes an `adjudicate` event (`adjudication_plan`). Event
ids are derived from (claim, reviewer, what, value, time), so planning the same record twice
gives the same events, and the log can tell which it holds. Pure functions, no database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

import orjson

from claims.store import EventRow, LocalReview
from claims.store.derive import whole_review
from exports.records import ExportRecord


def utc_text(value: datetime) -> str:
    """A time stamp as the store writes it: UTC, microseconds, 'Z'."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    return value.isoformat(timespec="microseconds").replace("+00:00", "Z")


class ReviewIn(NamedTuple):
    """One reviewer's review as a record states it, in the stored shape: the state the
    `review` event that brings it here sets (by the fold's rule, `derive.whole_review`), and
    that event."""

    reviewer: str
    status: str
    verdict: str | None
    rationale: str
    claim_text: str | None
    """The claim as checked, or None when the record does not say (schema version 1)."""
    ts: str
    """`updated_at` as the store writes it."""
    event_id: str
    """The id of the `review` event that sets this review whole (`review_event`)."""
    payload: str
    """That event's payload as the log stores it (JSON)."""
    sources_text: str
    """The sources as the reviews table stores them (JSON of `Source.model_dump(mode="json")`)."""


class AdjudicationIn(NamedTuple):
    reviewer: str
    verdict: str
    note: str
    ts: str


@dataclass(slots=True)
class RecordIn:
    """What an import acts on in one record."""

    claim_id: str
    article_id: str
    start: int
    end: int
    text: str
    label_scale: str
    origin: str
    reviews: list[ReviewIn]
    adjudication: AdjudicationIn | None
    checked: ExportRecord | None = None
    """The whole record, when the process that checked it made this."""
    fetch: Callable[[], ExportRecord] | None = None
    """Reads the whole record again (made from what a worker process handed over)."""

    def record(self) -> ExportRecord:
        """The whole record (for creating its article or claim here)."""
        if self.checked is None:
            if self.fetch is None:
                raise ValueError("a RecordIn comes with its checked record or a way to read it")
            self.checked = self.fetch()
        return self.checked


Packed = tuple[Any, ...]
"""A `RecordIn` as plain values (`marshal` can write them): (claim_id, article_id, start, end,
text, label_scale, origin, reviews as tuples of `ReviewIn`'s fields, adjudication as a tuple of
`AdjudicationIn`'s or None)."""


def packed(record: ExportRecord) -> Packed:
    """What an import acts on in a checked record."""
    reviews = [
        packed_review(record.claim_id, r.reviewer, r.status, r.verdict,
                      [s.model_dump(mode="json") for s in r.sources], r.rationale,
                      r.claim_text if "claim_text" in r.model_fields_set else None,
                      utc_text(r.updated_at))
        for r in record.reviews
    ]
    a = record.adjudication
    adjudication = None if a is None else (a.reviewer, a.verdict, a.note, utc_text(a.ts))
    return (record.claim_id, record.article.id, record.start, record.end, record.text,
            record.label_scale, record.origin, reviews, adjudication)


def packed_review(claim_id: str, reviewer: str, status: str, verdict: str | None,
                  sources: list[dict[str, Any]], rationale: str, claim_text: str | None,
                  ts: str) -> tuple[Any, ...]:
    """`ReviewIn`'s fields: the event that brings the review here and the state it sets,
    worked out by the process that checked the line (a worker, so that the merge has less to
    do)."""
    payload = _payload(status, verdict, sources, rationale, claim_text)
    text = orjson.dumps(payload)
    status, verdict, sources, rationale, claim_text = whole_review(payload)
    return (reviewer, status, verdict, rationale, claim_text, ts,
            _event_id(claim_id, reviewer, "review", text, ts), text.decode(),
            orjson.dumps(sources).decode())


def unpacked(values: Packed, **more: Any) -> RecordIn:
    """The `RecordIn` of packed values (`more`: its other fields)."""
    (claim_id, article_id, start, end, text, label_scale, origin, reviews,
     adjudication) = values
    return RecordIn(claim_id, article_id, start, end, text, label_scale, origin,
                    [ReviewIn(*r) for r in reviews],
                    None if adjudication is None else AdjudicationIn(*adjudication), **more)


def record_in(record: ExportRecord) -> RecordIn:
    """What an import acts on in a checked record."""
    return unpacked(packed(record), checked=record)


def event_id(claim_id: str, reviewer: str, what: str, value: Any, ts: str) -> str:
    """32 hex digits, like the uuid4 ids of events made here, but derived from the content."""
    return _event_id(claim_id, reviewer, what, orjson.dumps(value), ts)


def _event_id(claim_id: str, reviewer: str, what: str, value: bytes, ts: str) -> str:
    digest = hashlib.blake2b(
        f"claims-import/1\x1f{claim_id}\x1f{reviewer}\x1f{what}\x1f{ts}\x1f".encode(),
        digest_size=16)
    digest.update(value)
    return digest.hexdigest()


def event_row(record: RecordIn, reviewer: str, type_: str, payload: dict[str, Any],
              ts: str) -> EventRow:
    """The event `type_` with `payload` on the record's claim, in the stored shape."""
    text = orjson.dumps(payload)
    return EventRow(_event_id(record.claim_id, reviewer, type_, text, ts), ts, reviewer,
                    type_, record.article_id, record.claim_id, None, text.decode())


def _payload(status: str, verdict: str | None, sources: list[dict[str, Any]], rationale: str,
             claim_text: str | None) -> dict[str, Any]:
    """The payload of the `review` event that sets a review whole."""
    payload: dict[str, Any] = {"status": status, "verdict": verdict, "sources": sources,
                               "rationale": rationale}
    if claim_text is not None:  # a version 1 record does not say: what is held here stays
        payload["claim_text"] = claim_text
    return payload


def review_event(record: RecordIn, review: ReviewIn) -> EventRow:
    """The `review` event that takes this reviewer's review to `review`."""
    return EventRow(review.event_id, review.ts, review.reviewer, "review", record.article_id,
                    record.claim_id, None, review.payload)


def same_state(mine: LocalReview, review: ReviewIn) -> bool:
    """The review held here is the imported one (whatever the time stamps)."""
    return bool(
        mine.status == review.status
        and mine.verdict == review.verdict
        and mine.rationale == review.rationale
        and (review.claim_text is None or (mine.claim_text or "") == review.claim_text)
        and (mine.sources == review.sources_text
             or orjson.loads(mine.sources) == orjson.loads(review.sources_text))
    )


def adjudication_plan(
    record: RecordIn, local: dict[str, Any] | None, latest: str | None
) -> str | EventRow:
    """What to do with the record's adjudication, given the claim's adjudication here
    (`local`) and the time of the latest adjudication decision here (`latest`): "unchanged"
    (this project holds it), "kept" (a decision made here is as new or newer), or the
    `adjudicate` event to append."""
    imported = record.adjudication
    assert imported is not None
    if latest is not None and latest >= imported.ts:
        if local is not None and _same_adjudication(local, imported):
            return "unchanged"
        return "kept"
    return event_row(record, imported.reviewer, "adjudicate",
                     {"label": imported.verdict, "note": imported.note}, imported.ts)


def _same_adjudication(local: dict[str, Any], imported: AdjudicationIn) -> bool:
    """The stored adjudication (`claims.store.rows.adjudication_json`) is the imported one."""
    return bool(local.get("reviewer") == imported.reviewer
                and local.get("verdict") == imported.verdict
                and (local.get("note") or "") == imported.note and local.get("ts") == imported.ts)


__all__ = ["AdjudicationIn", "Packed", "RecordIn", "ReviewIn", "adjudication_plan", "event_id",
           "event_row", "packed", "packed_review", "record_in",
           "review_event", "same_state", "unpacked", "utc_text"]
