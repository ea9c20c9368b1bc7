"""Materialising the derived state: the `claims` and `reviews` rows re-derived from the log.

Re-deriving a claim is three steps, and this module holds each of them for many claims at once:
read the claim's proposal and its active events (`Materialise.derivation_inputs`), fold them
(`Derivation.fold`, `claims.store.derive.derive_claim`), and write back what changed
(`Materialise.write_derived`). `Transaction.rederive_many` runs the three in a row. An import's
events each set a review or an adjudication whole, so it writes the state they lead to without
a fold over the claim (`Transaction.append_imported`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson

from claims.model import Claim
from claims.store.derive import ClaimFold, derive_claim
from claims.store.reads import StateReads
from claims.store.rows import (
    EVENT_COLUMNS,
    LogEvent,
    adjudication_json,
    claim_row,
    dumps,
    log_event_from_row,
    ts_text,
)

CHUNK = 500
"""Claims (or ids) named in one query."""

_DERIVED_COLUMNS = (
    "span_start, span_end, text, kind, score, reasons, quantities, dates, speaker, "
    "merged_into, live, adjudication"
)


class EventRow(NamedTuple):
    """An event in its stored shape, for appends that skip the model (imports)."""

    id: str
    ts: str
    """ISO 8601 UTC with 'Z' and microseconds, as stored."""
    reviewer: str
    type: str
    article_id: str
    claim_id: str
    other_id: str | None
    payload: str
    """JSON text."""


@dataclass
class Derivation:
    """What re-deriving some claims starts from: each claim's row (proposal and derived
    columns) and its active events in log order, as read before any new event is added."""

    rows: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    """claim id -> (id, base, article_id, then the derived columns as stored)."""
    events: dict[str, list[LogEvent]] = field(default_factory=dict)
    article_text: Callable[[str], str] = str
    """`article_text(article_id)`, called only when a boundary moves."""
    _texts: dict[str, str] = field(default_factory=dict)

    def fold(self, claim_id: str, new: Iterable[LogEvent] = ()) -> ClaimFold:
        """The claim's state with `new` events (in order) after the ones it has: the same
        fold as every action (`derive_claim`)."""
        row = self.rows[claim_id]
        base = Claim.model_validate(orjson.loads(row[1]))
        events: list[Any] = [*self.events.get(claim_id, ()), *new]
        return derive_claim(base, events, functools.partial(self._text_of, row[2]))

    def _text_of(self, article_id: str) -> str:
        if article_id not in self._texts:
            self._texts[article_id] = self.article_text(article_id)
        return self._texts[article_id]


class Materialise(StateReads):
    """The batch derivation, mixed into `Transaction`."""

    def derivation_inputs(self, claim_ids: Sequence[str]) -> Derivation:
        """The rows and active events of `claim_ids` (each claim's own events and the merges
        that hide it), two queries per `CHUNK` claims; unknown ids are left out."""
        out = Derivation(article_text=self.article_text)
        ids = list(dict.fromkeys(claim_ids))
        for at in range(0, len(ids), CHUNK):
            chunk = ids[at : at + CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in self.all(f"SELECT id, base, article_id, {_DERIVED_COLUMNS} "
                                f"FROM claims WHERE id IN ({marks})", chunk):
                out.rows[row[0]] = tuple(row)
            events = out.events
            for row in self.all(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE (claim_id IN ({marks}) OR "
                f"(type = 'merge' AND other_id IN ({marks}))) AND active = 1 ORDER BY seq",
                [*chunk, *chunk],
            ):
                event = log_event_from_row(row)
                events.setdefault(event.claim_id, []).append(event)
                if event.type == "merge" and event.other_id is not None \
                        and event.other_id != event.claim_id:
                    events.setdefault(event.other_id, []).append(event)
        return out

    def write_derived(
        self,
        inputs: Derivation,
        folds: Mapping[str, ClaimFold],
        reviewers: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        """Write the folded state of each claim of `folds`: its claims row where it changed,
        and its reviews. With `reviewers` (claim id -> reviewers), only those reviewers'
        reviews are written, for callers that only added events of theirs: nobody else's
        review can have changed. Without it, every review of the claims is replaced."""
        updates: list[tuple[Any, ...]] = []
        review_rows: list[tuple[Any, ...]] = []
        for claim_id, fold in folds.items():
            row = inputs.rows[claim_id]
            derived = (*claim_row(fold.claim)[2:11], fold.merged_into, 1 if fold.live else 0,
                       adjudication_json(fold.adjudication))
            if row[3:] != derived:
                updates.append((*derived, claim_id))
            names = fold.reviews if reviewers is None else reviewers.get(claim_id, ())
            for reviewer in names:
                r = fold.reviews.get(reviewer)
                if r is not None:
                    review_rows.append((claim_id, reviewer, r.status, r.verdict,
                                        dumps(r.sources), r.rationale, r.claim_text,
                                        ts_text(r.created_at), ts_text(r.updated_at)))
        if updates:
            self.executemany(
                "UPDATE claims SET span_start = ?, span_end = ?, text = ?, kind = ?, "
                "score = ?, reasons = ?, quantities = ?, dates = ?, speaker = ?, "
                "merged_into = ?, live = ?, adjudication = ? WHERE id = ?",
                updates,
            )
        if reviewers is None:
            found = list(folds)
            for at in range(0, len(found), CHUNK):
                chunk = found[at : at + CHUNK]
                self.execute(
                    f"DELETE FROM reviews WHERE claim_id IN ({', '.join('?' for _ in chunk)})",
                    chunk,
                )
        if review_rows:
            self.write_reviews(review_rows)

    def write_reviews(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert or replace reviews rows: (claim_id, reviewer, status, verdict, sources JSON,
        rationale, claim_text, created_at, updated_at)."""
        self.insert_rows(
            "INSERT INTO reviews (claim_id, reviewer, status, verdict, sources, rationale, "
            "claim_text, created_at, updated_at)", "(?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
            "ON CONFLICT (claim_id, reviewer) DO UPDATE SET status = excluded.status, "
            "verdict = excluded.verdict, sources = excluded.sources, "
            "rationale = excluded.rationale, claim_text = excluded.claim_text, "
            "created_at = excluded.created_at, updated_at = excluded.updated_at",
        )


__all__ = ["CHUNK", "Derivation", "EventRow", "Materialise"]
