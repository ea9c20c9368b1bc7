"""What writing an export asks of the store: the selected articles a page at a time, and each
article's live claims joined with their reviews, in export order, a batch of rows at a time.

The rows are the stored columns as they are (JSON text, ISO time stamps): the exporters pass the
JSON through without parsing it (`exports.reader`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import orjson

from claims.store.cursor import Cursor

ARTICLE_PAGE_COLUMNS = "id, title, url, published, lang, external_id, metadata, ord, added_at"
"""The columns of `article_page` rows, in order (no text: `article_text` fetches it)."""
CLAIM_REVIEW_COLUMNS = (
    "c.id, c.span_start, c.span_end, c.kind, c.score, c.reasons, c.quantities, c.dates, "
    "c.speaker, c.origin, r.reviewer, r.status, r.verdict, r.sources, r.rationale, "
    "r.updated_at, r.claim_text, c.adjudication"
)
"""The columns of `claims_with_reviews` rows: the claim's, then one review's (null without
one), then the claim's adjudication."""


class StoredReview(NamedTuple):
    """One reviewer's review as the `reviews` table holds it (the review columns of
    `CLAIM_REVIEW_COLUMNS`, in order): what exports write and imports compare against."""

    reviewer: str
    status: str
    verdict: str | None
    sources: str
    """JSON text of the source list, as stored."""
    rationale: str
    updated_at: str
    """ISO 8601 UTC with 'Z' and microseconds, as stored."""
    claim_text: str = ""
    """This reviewer's rewrite of the claim as a standalone statement, or ""."""
    created_at: str = ""
    """As stored, when the read asked for it (an import's); "" otherwise."""

    def source_list(self) -> list[dict[str, Any]]:
        parsed: list[dict[str, Any]] = orjson.loads(self.sources)
        return parsed


class ExportReads(Cursor):
    def count_live_claims(self, article_ids: Sequence[str] = ()) -> int:
        """Live claims in these articles (all articles when none are named)."""
        if article_ids:
            marks = ", ".join("?" for _ in article_ids)
            row = self.one(
                f"SELECT COUNT(*) FROM claims WHERE live = 1 AND article_id IN ({marks})",
                article_ids,
            )
        else:
            row = self.one("SELECT COUNT(*) FROM claims WHERE live = 1")
        return int(row[0])

    def article_page(
        self, after_ord: int, limit: int, article_ids: Sequence[str] = ()
    ) -> list[Any]:
        """Up to `limit` articles (`ARTICLE_PAGE_COLUMNS`) after reading order `after_ord`, in
        that order, among `article_ids` when given: keyset paging keeps memory flat."""
        sql = f"SELECT {ARTICLE_PAGE_COLUMNS} FROM articles WHERE ord > ?"
        if article_ids:
            sql += f" AND id IN ({', '.join('?' for _ in article_ids)})"
        sql += f" ORDER BY ord LIMIT {int(limit)}"
        return self.all(sql, (after_ord, *article_ids))

    def claims_with_reviews(
        self, article_id: str, reviewer: str | None = None, batch: int = 2000
    ) -> Iterator[list[Any]]:
        """The article's live claims with their reviews (only `reviewer`'s when given), one
        row per claim and review (`CLAIM_REVIEW_COLUMNS`), ordered by start, end, id and
        reviewer, `batch` rows at a time."""
        on_reviewer = " AND r.reviewer = ?" if reviewer is not None else ""
        params: list[Any] = [reviewer] if reviewer is not None else []
        params.append(article_id)
        cursor = self.execute(
            f"SELECT {CLAIM_REVIEW_COLUMNS} FROM claims c LEFT JOIN reviews r "
            f"ON r.claim_id = c.id{on_reviewer} WHERE c.article_id = ? AND c.live = 1 "
            "ORDER BY c.span_start, c.span_end, c.id, r.reviewer",
            params,
        )
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield rows


__all__ = ["ARTICLE_PAGE_COLUMNS", "CLAIM_REVIEW_COLUMNS", "ExportReads", "StoredReview"]
