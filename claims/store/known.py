"""Reads and writes of what "claims already checked" needs: reference claims and checked claims.

Reference claims are published fact-checks loaded with `claims add --known` (table
`known_claims`, schema version 6); checked claims are the live claims a reviewer gave a verdict,
read in one pass for `claims.similar.build_index`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from claims.model import KnownClaim, utc_now
from claims.store.cursor import Cursor
from claims.store.rows import adjudication_from_json, ts_text

__all__ = ["CheckedRow", "KnownClaims"]

CheckedRow = tuple[str, str, str, str | None, str, str, str, bool, str | None]
"""(claim id, text, article id, article title, lang, reviewer, verdict, adjudicated,
adjudicated verdict)."""


class KnownClaims(Cursor):
    def insert_known(self, known: Sequence[KnownClaim]) -> int:
        """Add reference claims; one already held (same id) is left as it is. Returns how many
        were new."""
        added = 0
        now = ts_text(utc_now())
        for k in known:
            if self.one("SELECT 1 FROM known_claims WHERE id = ?", (k.id,)) is not None:
                continue
            self.execute(
                "INSERT INTO known_claims (id, text, rating, rating_value, best_rating, "
                "worst_rating, publisher, url, claimant, reviewed_on, lang, origin, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (k.id, k.text, k.rating, k.rating_value, k.best_rating, k.worst_rating,
                 k.publisher, k.url, k.claimant,
                 k.reviewed_on.isoformat() if k.reviewed_on else None, k.lang, k.origin, now),
            )
            added += 1
        return added

    def known_claims(self) -> list[KnownClaim]:
        rows = self.all(
            "SELECT id, text, rating, rating_value, best_rating, worst_rating, publisher, url, "
            "claimant, reviewed_on, lang, origin FROM known_claims ORDER BY added_at, id"
        )
        return [
            KnownClaim.model_construct(
                id=r[0], text=r[1], rating=r[2], rating_value=r[3], best_rating=r[4],
                worst_rating=r[5], publisher=r[6], url=r[7], claimant=r[8],
                reviewed_on=date.fromisoformat(r[9]) if r[9] else None, lang=r[10], origin=r[11],
            )
            for r in rows
        ]

    def checked_claims(self) -> list[CheckedRow]:
        """Live claims some reviewer gave a verdict (rejections aside), one row per such review,
        by claim then reviewer, with the claim's article and its adjudicated verdict if any."""
        # Articles are read apart: their title and language sit after the text in the row,
        # and a join would read every article's whole text once per review.
        articles = {
            r[0]: (r[1], r[2]) for r in self.all("SELECT id, title, lang FROM articles")
        }
        rows = self.all(
            "SELECT c.id, c.text, c.article_id, r.reviewer, r.verdict, c.adjudication "
            "FROM reviews r JOIN claims c ON c.id = r.claim_id "
            "WHERE r.verdict IS NOT NULL AND r.status != 'rejected' AND c.live = 1 "
            "ORDER BY c.id, r.reviewer"
        )
        out: list[CheckedRow] = []
        for r in rows:
            title, lang = articles.get(r[2], (None, "und"))
            adjudication = adjudication_from_json(r[5]) if r[5] else None
            out.append((r[0], r[1], r[2], title, lang or "und", r[3], r[4],
                        adjudication is not None,
                        adjudication.verdict if adjudication is not None else None))
        return out
