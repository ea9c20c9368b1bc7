"""What merging reviews from a file (`claims import`) asks of the store, a batch of claims at a
time: where the claims are, the reviews and adjudications held here, and which events the log
already has. The appends themselves are `Transaction.append_imported`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import orjson

from claims.store.cursor import Cursor
from claims.store.export_reads import StoredReview
from claims.store.materialise import CHUNK

LocalReview = StoredReview
"""A review as this project holds it, in the stored shape, with its `created_at`."""


class ClaimPlace(NamedTuple):
    article_id: str
    start: int
    end: int
    live: bool = True
    """False when the claim is hidden here (merged away, or its drawing undone)."""


def _marks(chunk: Sequence[Any]) -> str:
    return ", ".join("?" for _ in chunk)


class ImportReads(Cursor):
    """Reads of a batch of claims for an import, `CHUNK` claims to a query."""

    def claim_places(self, claim_ids: Sequence[str]) -> dict[str, ClaimPlace]:
        """The article, current span and liveness of each claim of `claim_ids` held here."""
        out: dict[str, ClaimPlace] = {}
        for at in range(0, len(claim_ids), CHUNK):
            chunk = claim_ids[at : at + CHUNK]
            for row in self.all("SELECT id, article_id, span_start, span_end, live FROM claims "
                                f"WHERE id IN ({_marks(chunk)})", chunk):
                out[row[0]] = ClaimPlace(row[1], int(row[2]), int(row[3]), bool(row[4]))
        return out

    def local_reviews(self, claim_ids: Sequence[str]) -> dict[str, dict[str, LocalReview]]:
        """claim id -> reviewer -> that reviewer's review held here."""
        out: dict[str, dict[str, LocalReview]] = {}
        for at in range(0, len(claim_ids), CHUNK):
            chunk = claim_ids[at : at + CHUNK]
            for row in self.all(
                "SELECT claim_id, reviewer, status, verdict, sources, rationale, updated_at, "
                f"claim_text, created_at FROM reviews WHERE claim_id IN ({_marks(chunk)})", chunk
            ):
                out.setdefault(row[0], {})[row[1]] = LocalReview(*row[1:])
        return out

    def event_ids_of_claims(self, claim_ids: Sequence[str]) -> set[str]:
        """The ids of every event recorded on these claims (in effect or not): an event made
        from a claim's id, as an import's are, can only be held among them."""
        held: set[str] = set()
        for at in range(0, len(claim_ids), CHUNK):
            chunk = claim_ids[at : at + CHUNK]
            rows = self.all(f"SELECT id FROM events WHERE claim_id IN ({_marks(chunk)})", chunk)
            held.update(row[0] for row in rows)
        return held

    def adjudication_state(
        self, claim_ids: Sequence[str]
    ) -> dict[str, tuple[dict[str, Any] | None, str | None]]:
        """For each claim: its adjudication here (`claims.store.rows.adjudication_json`, or
        None) and the time of the latest adjudication decision made here (an adjudication
        given or withdrawn, or an undo or redo of one), or None."""
        out: dict[str, tuple[dict[str, Any] | None, str | None]] = {}
        for at in range(0, len(claim_ids), CHUNK):
            chunk = claim_ids[at : at + CHUNK]
            marks = _marks(chunk)
            latest = {
                row[0]: row[1]
                for row in self.all(
                    "SELECT claim_id, MAX(ts) FROM events WHERE claim_id IN "
                    f"({marks}) AND (type = 'adjudicate' OR (type IN ('undo', 'redo') AND "
                    "other_id IN (SELECT id FROM events WHERE claim_id IN "
                    f"({marks}) AND type = 'adjudicate'))) GROUP BY claim_id",
                    [*chunk, *chunk],
                )
            }
            for row in self.all(f"SELECT id, adjudication FROM claims WHERE id IN ({marks})",
                                chunk):
                out[row[0]] = (orjson.loads(row[1]) if row[1] else None, latest.get(row[0]))
        return out


__all__ = ["ClaimPlace", "ImportReads", "LocalReview"]
