"""Planning an import: the events that take what this project holds to what a record says.

Pure functions, no database: `review_events` for one reviewer's review, `adjudication_plan` for
the claim's adjudication. Event ids are derived from (claim, reviewer, field, value, time), so
planning the same record twice gives the same events, and the log can tell which it holds.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

import orjson

from claims.store import EventRow, LocalReview
from exports.records import ExportRecord, ReviewRecord


def utc_text(value: datetime) -> str:
    """A time stamp as the store writes it: UTC, microseconds, 'Z'."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    return value.isoformat(timespec="microseconds").replace("+00:00", "Z")


def event_id(claim_id: str, reviewer: str, what: str, value: Any, ts: str) -> str:
    """32 hex digits, like the uuid4 ids of events made here, but derived from the content."""
    key = "\x1f".join(("claims-import/1", claim_id, reviewer, what, ts)).encode()
    return hashlib.blake2b(key + b"\x1f" + orjson.dumps(value), digest_size=16).hexdigest()


def event_row(
    record: ExportRecord, reviewer: str, type_: str, payload: dict[str, Any], ts: str,
    *, key: str | None = None,
) -> EventRow:
    """The event `type_` with `payload` on the record's claim, in the stored shape."""
    return EventRow(event_id(record.claim_id, reviewer, key or type_, payload, ts), ts,
                    reviewer, type_, record.article.id, record.claim_id, None,
                    orjson.dumps(payload).decode())


def sources_of(review: ReviewRecord) -> list[dict[str, Any]]:
    return [s.model_dump(mode="json") for s in review.sources]


def carries_claim_text(review: ReviewRecord) -> bool:
    """The review says what its claim as checked is (schema version 2 and later)."""
    return "claim_text" in review.model_fields_set


def same_state(mine: LocalReview, review: ReviewRecord) -> bool:
    """The review held here is the imported one."""
    return bool(
        mine.status == review.status
        and mine.verdict == review.verdict
        and orjson.loads(mine.sources) == sources_of(review)
        and mine.rationale == review.rationale
        and (not carries_claim_text(review) or (mine.claim_text or "") == review.claim_text)
    )


def review_events(record: ExportRecord, review: ReviewRecord, mine: LocalReview | None,
                  ts: str) -> list[EventRow]:
    """The events that take this reviewer's local review (`mine`, or none) to `review`."""
    who = review.reviewer
    events: list[EventRow] = []
    old_verdict = mine.verdict if mine is not None else None
    old_sources: list[dict[str, Any]] = orjson.loads(mine.sources) if mine is not None else []
    old_rationale = mine.rationale if mine is not None else ""
    if old_verdict != review.verdict:
        events.append(event_row(record, who, "verdict", {"label": review.verdict}, ts))
    if mine is None:
        implied = "accepted" if review.verdict is not None else "proposed"
        if review.status != implied:
            events.append(event_row(record, who, "status", {"status": review.status}, ts))
    elif mine.status != review.status:
        events.append(event_row(record, who, "status", {"status": review.status}, ts))
    new_sources = sources_of(review)
    keep = 0
    while (keep < len(old_sources) and keep < len(new_sources)
           and old_sources[keep] == new_sources[keep]):
        keep += 1
    for index in range(len(old_sources) - 1, keep - 1, -1):
        events.append(event_row(record, who, "source_remove", {"index": index}, ts,
                                key=f"source_remove:{orjson.dumps(old_sources[index]).decode()}"))
    for index in range(keep, len(new_sources)):
        events.append(event_row(record, who, "source_add", {"source": new_sources[index]}, ts,
                                key=f"source_add:{index}"))
    if old_rationale != review.rationale:
        events.append(event_row(record, who, "rationale", {"text": review.rationale}, ts))
    old_claim_text = (mine.claim_text or "") if mine is not None else ""
    if carries_claim_text(review) and old_claim_text != review.claim_text:
        events.append(event_row(record, who, "claim_text", {"text": review.claim_text}, ts))
    if mine is None and not events:
        events.append(event_row(record, who, "status", {"status": review.status}, ts))
    return events


def status_fix(record: ExportRecord, review: ReviewRecord, ts: str) -> EventRow:
    """The explicit status event for a review whose status the other events did not give
    (a verdict set or cleared moves an implicit status)."""
    return event_row(record, review.reviewer, "status", {"status": review.status}, ts,
                     key="status-fix")


def adjudication_plan(
    record: ExportRecord, local: dict[str, Any] | None, latest: str | None
) -> str | EventRow:
    """What to do with the record's adjudication, given the claim's adjudication here
    (`local`) and the time of the latest adjudication decision here (`latest`): "unchanged"
    (this project holds it), "kept" (a decision made here is as new or newer), or the
    `adjudicate` event to append."""
    imported = record.adjudication
    assert imported is not None
    ts = utc_text(imported.ts)
    if latest is not None and latest >= ts:
        if local is not None and _same_adjudication(local, imported.reviewer, imported.verdict,
                                                    imported.note, ts):
            return "unchanged"
        return "kept"
    return event_row(record, imported.reviewer, "adjudicate",
                     {"label": imported.verdict, "note": imported.note}, ts)


def _same_adjudication(local: dict[str, Any], reviewer: str, verdict: str, note: str,
                       ts: str) -> bool:
    """The stored adjudication (`claims.store.rows.adjudication_json`) is the imported one."""
    return bool(local.get("reviewer") == reviewer and local.get("verdict") == verdict
                and (local.get("note") or "") == note and local.get("ts") == ts)


__all__ = ["adjudication_plan", "event_id", "event_row", "review_events", "same_state",
           "sources_of", "status_fix", "utc_text"]
