"""`Transaction`: the one path by which anything enters the store.

`append(event)` is how every reviewer action is recorded: it inserts the event, marks the
action an undo or redo names as taken back or put back, and re-derives the state of every claim
the event touches, all inside the caller's transaction. The store commits when the transaction
block ends, so a caller that hears "done" can tell the user "done": a crash after that point
loses nothing. Articles and the extractor's proposals enter through `insert_article`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import orjson

from claims.model import HISTORY_EVENT_TYPES, Article, Claim, Event, Review, utc_now
from claims.store.derive import derive_claim
from claims.store.known import KnownClaims
from claims.store.log import EventLog
from claims.store.pending import PendingExtractions
from claims.store.reads import StateReads
from claims.store.rows import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    LogEvent,
    adjudication_json,
    claim_row,
    dumps,
    log_event_from_row,
    record_row,
    ts_text,
)

if TYPE_CHECKING:
    from claims.store.base import Store

__all__ = ["Transaction"]


class Transaction(EventLog, StateReads, KnownClaims, PendingExtractions):
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

    # -- bulk paths (imports) ------------------------------------------------------------

    def insert_new_events(self, events: Sequence[Event]) -> None:
        """Append events in one statement, skipping ids the log holds; their `seq` is not read
        back and nothing is re-derived (call `rederive_many` on the claims they touch). Only
        for actions that name no other event: an undo or redo goes through `append`."""
        self.insert_new_event_rows(
            [
                (e.id, ts_text(e.ts), e.reviewer, e.type, e.article_id, e.claim_id, e.other_id,
                 dumps(e.payload))
                for e in events
            ]
        )

    def insert_new_event_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """`insert_new_events` for rows already in the stored shape: (id, ts as stored text,
        reviewer, type, article_id, claim_id, other_id, payload as JSON text)."""
        if any(row[3] in HISTORY_EVENT_TYPES for row in rows):
            raise ValueError("undo and redo events go through append")
        if not rows:
            return
        self.executemany(
            "INSERT INTO events (id, ts, reviewer, type, article_id, claim_id, other_id, "
            "payload, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (id) DO NOTHING",
            rows,
        )

    def rederive_many(self, claim_ids: Sequence[str]) -> None:
        """`rederive` for many claims with the same fold (`derive_claim`): one query for their
        rows and one for their active events per 500 claims, and one statement per table for
        the writes (a claims row only where it changed)."""
        ids = list(dict.fromkeys(claim_ids))
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.all(
                "SELECT id, base, article_id, span_start, span_end, text, kind, score, reasons, "
                "quantities, dates, speaker, merged_into, live, adjudication "
                f"FROM claims WHERE id IN ({marks})",
                chunk,
            )
            events: dict[str, list[LogEvent]] = {cid: [] for cid in chunk}
            for row in self.all(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE (claim_id IN ({marks}) OR "
                f"(type = 'merge' AND other_id IN ({marks}))) AND active = 1 ORDER BY seq",
                [*chunk, *chunk],
            ):
                event = log_event_from_row(row)
                if event.claim_id in events:
                    events[event.claim_id].append(event)
                if event.type == "merge" and event.other_id in events \
                        and event.other_id != event.claim_id:
                    events[event.other_id].append(event)
            texts: dict[str, str] = {}
            updates, review_rows = [], []
            for row in rows:
                claim_id = row[0]
                base = Claim.model_validate(orjson.loads(row[1]))
                fold = derive_claim(base, events[claim_id],  # type: ignore[arg-type]
                                    functools.partial(self._text_of, texts, row[2]))
                derived = (*claim_row(fold.claim)[2:11], fold.merged_into,
                           1 if fold.live else 0, adjudication_json(fold.adjudication))
                if tuple(row[3:]) != derived:
                    updates.append((*derived, claim_id))
                for reviewer, r in fold.reviews.items():
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
            found = [row[0] for row in rows]
            if found:
                self.execute(
                    f"DELETE FROM reviews WHERE claim_id IN ({', '.join('?' for _ in found)})",
                    found,
                )
            if review_rows:
                self.executemany(
                    "INSERT INTO reviews (claim_id, reviewer, status, verdict, sources, "
                    "rationale, claim_text, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    review_rows,
                )

    def _text_of(self, texts: dict[str, str], article_id: str) -> str:
        if article_id not in texts:
            texts[article_id] = self.article_text(article_id)
        return texts[article_id]

    def review_of(self, claim_id: str, reviewer: str) -> Review | None:
        for review in self.reviews_for([claim_id]).get(claim_id, []):
            if review.reviewer == reviewer:
                return review
        return None
