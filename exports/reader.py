"""Streaming reads for exports: claims with their reviews, in a deterministic order.

Records come out ordered by article (`ord`, the order articles were added), then claim start,
end and id, with reviews ordered by reviewer. One article's claims are fetched at a time, so
memory stays flat however large the project; the whole export reads one snapshot (a single
read transaction), so a reviewer working meanwhile never produces a half-changed file.

The JSON columns (quantities, dates, sources) are passed through as `orjson.Fragment`s: they
were written by the store from the same pydantic models, and re-parsing them would cost more
than writing the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson

from claims.model import aggregate_status, aggregate_verdict


@dataclass(frozen=True)
class Filters:
    """Which claims and reviews an export holds. Every field narrows; the default is all."""

    reviewer: str | None = None
    """Keep only this reviewer's reviews, and only claims this reviewer reviewed."""
    status: str | None = None
    """Keep only claims whose status (over the kept reviews) is this one."""
    article_ids: tuple[str, ...] = ()
    """Keep only these articles (full ids)."""
    since: date | None = None
    """Keep only claims with a kept review updated on or after this day (UTC)."""
    with_articles: bool = False
    """Carry each article's text, external id and metadata in every record."""


@dataclass(slots=True)
class ArticleRow:
    id: str
    title: str | None
    url: str | None
    published: str | None
    lang: str
    external_id: str | None
    metadata: str
    ord: int
    text: str = ""


@dataclass(slots=True)
class ReviewRow:
    reviewer: str
    status: str
    verdict: str | None
    sources: str
    """JSON text of the source list, as stored."""
    rationale: str
    updated_at: str
    """ISO 8601 UTC with 'Z', as stored."""

    def source_list(self) -> list[dict[str, Any]]:
        parsed: list[dict[str, Any]] = orjson.loads(self.sources)
        return parsed


@dataclass(slots=True)
class ClaimRow:
    id: str
    start: int
    end: int
    text: str
    kind: str
    score: float
    reasons: str
    quantities: str
    dates: str
    speaker: str | None
    origin: str
    reviews: list[ReviewRow] = field(default_factory=list)

    @property
    def status(self) -> str:
        reviews = self.reviews
        if not reviews:
            return "proposed"
        if len(reviews) == 1:
            return reviews[0].status
        return aggregate_status(reviews)  # type: ignore[arg-type]

    @property
    def verdict(self) -> str | None:
        reviews = self.reviews
        if not reviews:
            return None
        if len(reviews) == 1:
            only = reviews[0]
            return only.verdict if only.status != "rejected" else None
        return aggregate_verdict(reviews)  # type: ignore[arg-type]


_CLAIMS_SQL = (
    "SELECT c.id, c.span_start, c.span_end, c.kind, c.score, c.reasons, c.quantities, "
    "c.dates, c.speaker, c.origin, r.reviewer, r.status, r.verdict, r.sources, r.rationale, "
    "r.updated_at FROM claims c LEFT JOIN reviews r ON r.claim_id = c.id{reviewer} "
    "WHERE c.article_id = ? AND c.live = 1 "
    "ORDER BY c.span_start, c.span_end, c.id, r.reviewer"
)
_BATCH = 2000


def count_claims(tx: Any, filters: Filters) -> int:
    """Live claims in the selected articles: the length of the progress bar (an upper bound)."""
    if filters.article_ids:
        marks = ", ".join("?" for _ in filters.article_ids)
        row = tx.one(
            f"SELECT COUNT(*) FROM claims WHERE live = 1 AND article_id IN ({marks})",
            filters.article_ids,
        )
    else:
        row = tx.one("SELECT COUNT(*) FROM claims WHERE live = 1")
    return int(row[0])


def articles(tx: Any, filters: Filters, page: int = 500) -> Iterator[ArticleRow]:
    """The selected articles in `ord` order, without their text, a page at a time.

    Keyset paging on `ord` keeps memory flat for a project of a million one-claim articles.
    """
    sql = "SELECT id, title, url, published, lang, external_id, metadata, ord FROM articles " \
          "WHERE ord > ?"
    extra: tuple[Any, ...] = ()
    if filters.article_ids:
        sql += f" AND id IN ({', '.join('?' for _ in filters.article_ids)})"
        extra = filters.article_ids
    sql += f" ORDER BY ord LIMIT {int(page)}"
    last = -1
    while True:
        rows = tx.all(sql, (last, *extra))
        for row in rows:
            yield ArticleRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], int(row[7]))
        if len(rows) < page:
            return
        last = int(rows[-1][7])


def iter_claims(
    tx: Any, filters: Filters, scanned: list[int] | None = None
) -> Iterator[tuple[ArticleRow, ClaimRow]]:
    """Every selected claim with its kept reviews, in export order.

    `scanned[0]` counts the claims looked at (kept or not), for a progress bar.
    """
    since = filters.since.isoformat() if filters.since else None
    sql = _CLAIMS_SQL.format(reviewer=" AND r.reviewer = ?" if filters.reviewer else "")
    for article in articles(tx, filters):
        # the claim's text is always article.text[start:end]: slicing beats fetching it
        text = article.text = tx.one("SELECT text FROM articles WHERE id = ?", (article.id,))[0]
        params: list[Any] = [filters.reviewer] if filters.reviewer else []
        params.append(article.id)
        cursor = tx.execute(sql, params)
        current: ClaimRow | None = None
        while True:
            rows = cursor.fetchmany(_BATCH)
            if not rows:
                break
            for row in rows:
                if current is None or current.id != row[0]:
                    if current is not None:
                        if len(current.reviews) > 1:  # code-point order on every backend
                            current.reviews.sort(key=_by_reviewer)
                        if scanned is not None:
                            scanned[0] += 1
                        if _keep(current, filters, since):
                            yield article, current
                    start, end = row[1], row[2]
                    current = ClaimRow(
                        row[0], start, end, text[start:end], row[3], row[4],
                        row[5], row[6], row[7], row[8], row[9], [],
                    )
                if row[10] is not None:
                    current.reviews.append(ReviewRow(*row[10:16]))
        if current is not None:
            if len(current.reviews) > 1:
                current.reviews.sort(key=_by_reviewer)
            if scanned is not None:
                scanned[0] += 1
            if _keep(current, filters, since):
                yield article, current


def _by_reviewer(review: ReviewRow) -> str:
    return review.reviewer


def _keep(claim: ClaimRow, filters: Filters, since: str | None) -> bool:
    if filters.reviewer is not None and not claim.reviews:
        return False
    if since is not None and not any(r.updated_at >= since for r in claim.reviews):
        return False
    return filters.status is None or claim.status == filters.status
