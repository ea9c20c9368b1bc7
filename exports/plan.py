"""Planning an import: what a record brings, and the events that take this project to it.

A line of the file becomes a `RecordIn`, the part of the record an import acts on, in the
stored shape (time stamps as the store writes them, sources as dicts). It is made from the
checked `ExportRecord` (`record_in`, or as plain values that worker processes can hand over:
`packed`, read back with `unpacked`) or, for a line already in the canonical form our exports
write, straight from the parsed JSON (`packed_from_json`, which gives the same values or None
when the line is not in that form); the import checks every line in full either way.

Each imported review becomes one `review` event of its reviewer that sets the review whole
(`review_event`); an adjudication becomes an `adjudicate` event (`adjudication_plan`). Event
ids are derived from (claim, reviewer, what, value, time), so planning the same record twice
gives the same events, and the log can tell which it holds. Pure functions, no database.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

import orjson

from claims.store import EventRow, LocalReview
from exports.records import ExportRecord

_CANONICAL_TS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z\Z")
_CANONICAL_DAY = re.compile(r"\d{4}-\d\d-\d\d\Z")
_URL_SPACE = " \t\r\n"
_SOURCE_KEYS = ["url", "title", "quote", "stance", "accessed"]


def utc_text(value: datetime) -> str:
    """A time stamp as the store writes it: UTC, microseconds, 'Z'."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    return value.isoformat(timespec="microseconds").replace("+00:00", "Z")


class ReviewIn(NamedTuple):
    """One reviewer's review as a record states it, in the stored shape."""

    reviewer: str
    status: str
    verdict: str | None
    sources: list[dict[str, Any]]
    """As `Source.model_dump(mode="json")` gives them."""
    rationale: str
    claim_text: str | None
    """The claim as checked, or None when the record does not say (schema version 1)."""
    ts: str
    """`updated_at` as the store writes it."""


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
        (r.reviewer, r.status, r.verdict, [s.model_dump(mode="json") for s in r.sources],
         r.rationale, r.claim_text if "claim_text" in r.model_fields_set else None,
         utc_text(r.updated_at))
        for r in record.reviews
    ]
    a = record.adjudication
    adjudication = None if a is None else (a.reviewer, a.verdict, a.note, utc_text(a.ts))
    return (record.claim_id, record.article.id, record.start, record.end, record.text,
            record.label_scale, record.origin, reviews, adjudication)


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


def packed_from_json(data: Any) -> Packed | None:
    """`packed` of the record a parsed line holds, read straight from the JSON, for a line
    whose time stamps and source URLs are already in the form the store writes (as our exports
    write them); None otherwise, and for most of what is not a record.

    Whether the line is a valid record is for the full checks to say (`exports.checks`), and
    the import commits nothing they refuse: for a valid record this gives what `packed`
    gives, because pydantic keeps strings as they are and fills the same defaults."""
    canonical_ts, canonical_day = _CANONICAL_TS.match, _CANONICAL_DAY.match
    try:
        reviews = []
        for r in data["reviews"]:
            ts = r["updated_at"]
            if type(ts) is not str or not canonical_ts(ts):
                return None
            sources = r["sources"]
            for s in sources:
                if list(s) != _SOURCE_KEYS:  # as `Source.model_dump` orders them: rebuild
                    sources = [_source(s) for s in sources]
                    break
            for s in sources:
                url, accessed = s["url"], s["accessed"]
                if type(url) is not str or url.strip(_URL_SPACE) != url or not (
                    accessed is None or (type(accessed) is str and canonical_day(accessed))
                ):
                    return None
            reviewer = r["reviewer"]
            if type(reviewer) is not str:
                return None
            reviews.append((reviewer, r["status"], r["verdict"], sources, r["rationale"],
                            r.get("claim_text"), ts))
        a = data.get("adjudication")
        adjudication = None
        if a is not None:
            ts = a["ts"]
            if type(ts) is not str or not _CANONICAL_TS.match(ts):
                return None
            adjudication = (a["reviewer"], a["verdict"], a["note"], ts)
        start, end = data["start"], data["end"]
        claim_id, article_id = data["claim_id"], data["article"]["id"]
        if type(start) is not int or type(end) is not int or type(claim_id) is not str \
                or type(article_id) is not str:
            return None
        return (claim_id, article_id, start, end, data["text"], data["label_scale"],
                data["origin"], reviews, adjudication)
    except (KeyError, TypeError, AttributeError):
        return None


def _source(s: dict[str, Any]) -> dict[str, Any]:
    """A source's keys in `Source`'s order, with its defaults."""
    return {"url": s["url"], "title": s.get("title", ""), "quote": s.get("quote", ""),
            "stance": s.get("stance", "context"), "accessed": s.get("accessed")}


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


def review_payload(review: ReviewIn) -> dict[str, Any]:
    """The payload of the `review` event that sets `review` whole."""
    payload: dict[str, Any] = {"status": review.status, "verdict": review.verdict,
                               "sources": review.sources, "rationale": review.rationale}
    if review.claim_text is not None:
        payload["claim_text"] = review.claim_text
    return payload


def review_event(record: RecordIn, review: ReviewIn) -> tuple[EventRow, dict[str, Any]]:
    """The `review` event that takes this reviewer's review to `review`, and its payload."""
    payload = review_payload(review)
    return event_row(record, review.reviewer, "review", payload, review.ts), payload


def same_state(mine: LocalReview, review: ReviewIn) -> bool:
    """The review held here is the imported one (whatever the time stamps)."""
    return bool(
        mine.status == review.status
        and mine.verdict == review.verdict
        and mine.rationale == review.rationale
        and (review.claim_text is None or (mine.claim_text or "") == review.claim_text)
        and orjson.loads(mine.sources) == review.sources
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
           "event_row", "packed", "packed_from_json", "record_in",
           "review_event", "review_payload", "same_state", "unpacked", "utc_text"]
