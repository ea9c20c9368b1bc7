"""`Transaction`: the one path by which anything enters the store.

`append(event)` is how every reviewer action is recorded: it inserts the event, marks the
action an undo or redo names as taken back or put back, and re-derives the state of every claim
the event touches, all inside the caller's transaction. The store commits when the transaction
block ends, so a caller that hears "done" can tell the user "done": a crash after that point
loses nothing. Articles and the extractor's proposals enter through `insert_article`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from claims.model import HISTORY_EVENT_TYPES, Article, Claim, Event, Review, utc_now
from claims.store.export_reads import ExportReads
from claims.store.imports import ImportReads
from claims.store.known import KnownClaims
from claims.store.log import EventLog
from claims.store.materialise import CHUNK, EventRow, Materialise
from claims.store.pending import PendingExtractions
from claims.store.rows import (
    CLAIM_COLUMNS,
    adjudication_text,
    claim_row,
    dumps,
    record_row,
    ts_text,
)

if TYPE_CHECKING:
    from claims.store.base import Store

__all__ = ["Transaction"]


class Transaction(EventLog, Materialise, ImportReads, ExportReads, KnownClaims,
                  PendingExtractions):
    """Typed helpers over one cursor, valid inside `Store.transaction()` (or `Store.read()`)."""

    def __init__(self, store: Store, cur: Any) -> None:
        super().__init__(store, cur)
        self.touched: list[str] = []
        """The claims the latest `append`/`append_many` re-derived, in the order first touched."""

    # -- articles and proposed claims -------------------------------------------------

    def insert_article(
        self, article: Article, claims: Sequence[Claim] | Sequence[dict[str, Any]]
    ) -> None:
        """Insert an article and its proposed claims: `Claim` models, or the extractor's
        JSON-shaped records (with `article_id` and `origin` set), which skip a model round trip.
        """
        published = article.published.isoformat() if article.published else None
        self.store.insert_article_row(
            self,
            {
                "id": article.id,
                "text": article.text,
                "lang": article.lang,
                "title": article.title,
                "url": article.url,
                "published": published,
                "external_id": article.external_id,
                "metadata": dumps(article.metadata),
                "added_at": ts_text(utc_now()),
            },
        )
        self.insert_claims(claims)

    def insert_claims(self, claims: Sequence[Claim] | Sequence[dict[str, Any]]) -> None:
        records = [c for c in claims if isinstance(c, dict)]
        for claim in claims:
            if not isinstance(claim, dict):
                self.insert_claim(claim)
        if records:
            self.executemany(
                f"INSERT INTO claims ({CLAIM_COLUMNS}, base, live) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (id) DO NOTHING",
                [record_row(r) for r in records],
            )

    def insert_claim(self, claim: Claim, *, live: bool = True) -> None:
        base = claim.model_dump(mode="json", by_alias=True)
        self.execute(
            f"INSERT INTO claims ({CLAIM_COLUMNS}, base, live) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (*claim_row(claim), dumps(base), 1 if live else 0),
        )

    # -- the log ------------------------------------------------------------------------

    def append(self, event: Event) -> Event:
        """Record one action and re-derive what it touches; returns the event with its `seq`
        (an event whose id the log already holds is left as it was)."""
        stored = self.append_many([event])
        return stored[0] if stored else event

    def append_many(self, events: Iterable[Event]) -> list[Event]:
        """Record actions in order, skipping ids the log already holds, then re-derive every
        claim they touch once. Returns the events that were new, with their `seq`."""
        new: list[Event] = []
        touched: dict[str, None] = {}
        for event in events:
            stored = self._insert_event(event)
            if stored is None:
                continue
            new.append(stored)
            touched.update(dict.fromkeys(self.claims_touched_by(stored)))
            if stored.type in HISTORY_EVENT_TYPES and stored.other_id:
                self.execute(
                    "UPDATE events SET active = 1 - active WHERE id = ?", (stored.other_id,)
                )
        self.rederive_many(list(touched))
        self.touched = list(touched)
        return new

    def _insert_event(self, event: Event) -> Event | None:
        # One round trip: insert unless the id is held, and read the position it was given.
        row = self.one(
            "INSERT INTO events (id, ts, reviewer, type, article_id, claim_id, other_id, "
            "payload, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING "
            "RETURNING seq",
            (
                event.id,
                ts_text(event.ts),
                event.reviewer,
                event.type,
                event.article_id,
                event.claim_id,
                event.other_id,
                dumps(event.payload),
                0 if event.type in HISTORY_EVENT_TYPES else 1,
            ),
        )
        if row is None:
            return None
        return event.model_copy(update={"seq": int(row[0])})

    # -- derived state -------------------------------------------------------------------

    def rederive(self, claim_id: str) -> None:
        """Recompute the claim's span, liveness, reviews and adjudication from its active
        events, and write them to the materialised tables."""
        self.rederive_many([claim_id])

    def rederive_many(self, claim_ids: Sequence[str]) -> None:
        """`rederive` for many claims with the same fold (`derive_claim`): two queries per 500
        claims for their rows and active events, and one statement per table for the writes
        (a claims row only where it changed); see `claims.store.materialise`."""
        ids = list(dict.fromkeys(claim_ids))
        for at in range(0, len(ids), CHUNK):
            inputs = self.derivation_inputs(ids[at : at + CHUNK])
            self.write_derived(inputs, {cid: inputs.fold(cid) for cid in inputs.rows})

    # -- bulk appends (imports) ------------------------------------------------------------

    def append_imported(
        self,
        rows: Sequence[EventRow],
        reviews: Sequence[tuple[Any, ...]],
        adjudications: Sequence[tuple[str, Any]],
    ) -> None:
        """Append an import's `review` and `adjudicate` events (`rows`, in order) with the
        state they lead to: each sets a review or the claim's adjudication whole, so the caller
        works that state out from the event alone (the fold's rule, `derive.whole_review`).
        `reviews` are the reviews rows (`write_reviews`), `adjudications` (claim id, the
        imported adjudication: reviewer, verdict, note, ts as stored). The outcome is that of
        appending the rows and re-deriving their claims."""
        if any(row.type not in ("review", "adjudicate") for row in rows):
            raise ValueError("append_imported takes review and adjudicate events only")
        if rows:
            self.store.insert_event_rows(self, rows)
        if reviews:
            self.write_reviews(reviews)
        if adjudications:
            self.executemany(
                "UPDATE claims SET adjudication = ? WHERE id = ?",
                [(adjudication_text(cid, a.reviewer, a.verdict, a.note, a.ts), cid)
                 for cid, a in adjudications],
            )

    def review_of(self, claim_id: str, reviewer: str) -> Review | None:
        for review in self.reviews_for([claim_id]).get(claim_id, []):
            if review.reviewer == reviewer:
                return review
        return None
