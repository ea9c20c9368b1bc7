"""Reads of the materialised state: claims as they stand, reviews, articles and their progress,
and look-ups of claims and articles by id prefix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from claims.model import Article, ClaimState, Review
from claims.store.cursor import Cursor
from claims.store.rows import (
    ARTICLE_COLUMNS,
    REVIEW_COLUMNS,
    STATE_COLUMNS,
    adjudication_from_json,
    article_from_row,
    built,
    claim_from_row,
    review_from_row,
)

__all__ = ["ArticleSummary", "StateReads"]

_N_CLAIM = len(STATE_COLUMNS.split(", ")) - 3


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    title: str | None
    lang: str
    published: date | None
    url: str | None
    n_claims: int
    n_reviewed: int
    """Claims the asking reviewer (or anyone, when none is given) has decided on."""
    ord: int


class StateReads(Cursor):
    def has_article(self, article_id: str) -> bool:
        return self.one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def article(self, article_id: str) -> Article | None:
        row = self.one(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return article_from_row(row) if row else None

    def article_label(self, article_id: str) -> tuple[str | None, str | None] | None:
        """(title, external id) of an article, without reading its text; None if unknown."""
        row = self.one("SELECT title, external_id FROM articles WHERE id = ?", (article_id,))
        return (row[0], row[1]) if row else None

    def article_lang(self, article_id: str) -> str | None:
        row = self.one("SELECT lang FROM articles WHERE id = ?", (article_id,))
        return str(row[0]) if row else None

    def article_text(self, article_id: str) -> str:
        return str(self.one("SELECT text FROM articles WHERE id = ?", (article_id,))[0])

    def has_claim(self, claim_id: str) -> bool:
        return self.one("SELECT 1 FROM claims WHERE id = ?", (claim_id,)) is not None

    def claim_state(self, claim_id: str) -> ClaimState | None:
        states = self.claim_states(claim_ids=[claim_id], include_hidden=True)
        return states[0] if states else None

    def claim_states(
        self,
        *,
        article_id: str | None = None,
        claim_ids: Sequence[str] | None = None,
        include_hidden: bool = False,
    ) -> list[ClaimState]:
        where, params = [], []
        if article_id is not None:
            where.append("c.article_id = ?")
            params.append(article_id)
        if claim_ids is not None:
            if not claim_ids:
                return []
            where.append(f"c.id IN ({', '.join('?' for _ in claim_ids)})")
            params += list(claim_ids)
        if not include_hidden:
            where.append("c.live = 1")
        columns = ", ".join(f"c.{name}" for name in STATE_COLUMNS.split(", "))
        # Across articles, each article's claims together, articles in their reading order.
        by_article = ("" if article_id is not None
                      else "(SELECT a.ord FROM articles a WHERE a.id = c.article_id), ")
        sql = (
            f"SELECT {columns} FROM claims c"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {by_article}c.span_start, c.span_end, c.id"
        )
        rows = self.all(sql, params)
        claims = [claim_from_row(row) for row in rows]
        reviews = self.reviews_for([c.id for c in claims]) if claims else {}
        return [
            built(
                ClaimState,
                claim=c,
                reviews=reviews.get(c.id, []),
                live=bool(row[_N_CLAIM]),
                merged_into=row[_N_CLAIM + 1],
                adjudication=adjudication_from_json(row[_N_CLAIM + 2]),
            )
            for c, row in zip(claims, rows, strict=True)
        ]

    def next_live_claim(self, article_id: str, start: int, end: int, claim_id: str) -> str | None:
        """The live claim that follows `[start, end)` (then `claim_id`) in reading order."""
        return self._claim_id(
            "SELECT id FROM claims WHERE article_id = ? AND live = 1 AND id != ? AND "
            "(span_start > ? OR (span_start = ? AND (span_end > ? OR "
            "(span_end = ? AND id > ?)))) ORDER BY span_start, span_end, id LIMIT 1",
            (article_id, claim_id, start, start, end, end, claim_id),
        )

    def live_claim_at(self, article_id: str, start: int, end: int) -> str | None:
        return self._claim_id(
            "SELECT id FROM claims WHERE article_id = ? AND live = 1 AND span_start = ? "
            "AND span_end = ?",
            (article_id, start, end),
        )

    def _claim_id(self, sql: str, params: Sequence[Any]) -> str | None:
        """The id the query finds first, if it finds one."""
        row = self.one(sql, params)
        return str(row[0]) if row else None

    def overlapping_live_claim(self, article_id: str, start: int, end: int) -> str | None:
        """The live claim sharing the most text with `[start, end)`, if any does."""
        rows = self.all(
            "SELECT id, span_start, span_end FROM claims WHERE article_id = ? AND live = 1 "
            "AND span_start < ? AND span_end > ?",
            (article_id, end, start),
        )
        if not rows:
            return None
        best = max(rows, key=lambda r: (min(end, r[2]) - max(start, r[1]), -r[1]))
        return str(best[0])

    def reviews_for(self, claim_ids: Sequence[str]) -> dict[str, list[Review]]:
        out: dict[str, list[Review]] = {}
        for chunk_start in range(0, len(claim_ids), 500):
            chunk = claim_ids[chunk_start : chunk_start + 500]
            rows = self.all(
                f"SELECT {REVIEW_COLUMNS} FROM reviews "
                f"WHERE claim_id IN ({', '.join('?' for _ in chunk)}) ORDER BY claim_id, reviewer",
                chunk,
            )
            for row in rows:
                out.setdefault(row[0], []).append(review_from_row(row))
        return out

    def article_summaries(self, reviewer: str | None = None) -> list[ArticleSummary]:
        counts = {
            row[0]: int(row[1])
            for row in self.all(
                "SELECT article_id, COUNT(*) FROM claims WHERE live = 1 GROUP BY article_id"
            )
        }
        reviewed_sql = (
            "SELECT c.article_id, COUNT(DISTINCT c.id) FROM claims c JOIN reviews r "
            "ON r.claim_id = c.id WHERE c.live = 1 "
            "AND (r.status != 'proposed' OR r.verdict IS NOT NULL)"
        )
        params: list[Any] = []
        if reviewer is not None:
            reviewed_sql += " AND r.reviewer = ?"
            params.append(reviewer)
        reviewed = {
            row[0]: int(row[1]) for row in self.all(reviewed_sql + " GROUP BY c.article_id", params)
        }
        rows = self.all("SELECT id, title, lang, published, url, ord FROM articles ORDER BY ord")
        return [
            ArticleSummary(
                id=r[0],
                title=r[1],
                lang=r[2],
                published=date.fromisoformat(r[3]) if r[3] else None,
                url=r[4],
                n_claims=counts.get(r[0], 0),
                n_reviewed=reviewed.get(r[0], 0),
                ord=int(r[5]),
            )
            for r in rows
        ]

    def find_claims(self, prefix: str) -> list[str]:
        """Claim ids equal to, or else starting with, `prefix` (at most 3); index lookups only."""
        if self.has_claim(prefix):
            return [prefix]
        return self._ids_with_prefix("claims", prefix)

    def _ids_with_prefix(self, table: str, prefix: str) -> list[str]:
        condition, params = self.store.prefix_match("id", prefix)
        rows = self.all(f"SELECT id FROM {table} WHERE {condition} ORDER BY id LIMIT 3", params)
        return [r[0] for r in rows]

    def find_articles(self, ref: str) -> list[str]:
        """Article ids equal to or starting with `ref`, or whose external id is `ref`."""
        if self.has_article(ref):
            return [ref]
        rows = self.all(
            "SELECT id FROM articles WHERE external_id = ? ORDER BY ord LIMIT 3", (ref,)
        )
        if rows:
            return [r[0] for r in rows]
        return self._ids_with_prefix("articles", ref)
