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

from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson

from claims.model import aggregate_status, aggregate_verdict
from claims.store import StoredReview, Transaction


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
    added_at: str | None = None
    """When the article was added to the project (ISO 8601 UTC), as stored."""


ReviewRow = StoredReview
"""One review as stored (`claims.store.StoredReview`): what every format reads of a review."""


@dataclass(slots=True, frozen=True)
class Adjudication:
    """The final verdict an adjudicator gave a disputed claim (the latest one in effect)."""

    reviewer: str
    verdict: str | None
    note: str
    ts: str


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
    adjudication: Adjudication | None = None

    @property
    def checked_text(self) -> str:
        """The claim as checked: the adjudicator's rewrite, else the one rewrite every
        reviewer who wrote one agrees on, else the latest; "" when nobody rewrote the claim
        (the rule of `claims.model.ClaimState.checked_text`)."""
        rewritten = [r for r in self.reviews if r.claim_text and r.status != "rejected"]
        if not rewritten:
            return ""
        adjudication = self.adjudication
        if adjudication is not None:
            for r in rewritten:
                if r.reviewer == adjudication.reviewer:
                    return r.claim_text
        if len({r.claim_text for r in rewritten}) == 1:
            return rewritten[0].claim_text
        return max(rewritten, key=lambda r: r.updated_at).claim_text

    @property
    def status(self) -> str:
        adjudication = self.adjudication
        if adjudication is not None and adjudication.verdict is not None:
            return "accepted"  # an adjudicated verdict keeps the claim
        reviews = self.reviews
        if not reviews:
            return "proposed"
        if len(reviews) == 1:
            return reviews[0].status
        return aggregate_status(reviews)  # type: ignore[arg-type]

    @property
    def verdict(self) -> str | None:
        """The claim's final verdict: the adjudicated one when there is an adjudication, else
        the single reviewer's or the one every reviewer agrees on (`agreed_verdict`)."""
        adjudication = self.adjudication
        if adjudication is not None:
            return adjudication.verdict
        return self.agreed_verdict

    @property
    def agreed_verdict(self) -> str | None:
        reviews = self.reviews
        if not reviews:
            return None
        if len(reviews) == 1:
            only = reviews[0]
            return only.verdict if only.status != "rejected" else None
        return aggregate_verdict(reviews)  # type: ignore[arg-type]

    @property
    def disputed(self) -> bool:
        """Reviewers' verdicts differ, or one kept the claim and another rejected it."""
        kept = [r for r in self.reviews if r.status != "rejected"]
        if len(kept) != len(self.reviews) and any(
            r.status == "accepted" or r.verdict is not None for r in kept
        ):
            return True
        return len({r.verdict for r in kept if r.verdict is not None}) > 1


_BATCH = 2000


def count_claims(tx: Transaction, filters: Filters) -> int:
    """Live claims in the selected articles: the length of the progress bar (an upper bound)."""
    return tx.count_live_claims(filters.article_ids)


def articles(tx: Transaction, filters: Filters, page: int = 500) -> Iterator[ArticleRow]:
    """The selected articles in `ord` order, without their text, a page at a time.

    Keyset paging on `ord` keeps memory flat for a project of a million one-claim articles.
    """
    last = -1
    while True:
        rows = tx.article_page(last, page, filters.article_ids)
        for row in rows:
            yield ArticleRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], int(row[7]),
                             added_at=row[8])
        if len(rows) < page:
            return
        last = int(rows[-1][7])


def _row_batches(tx: Transaction, filters: Filters) -> Iterator[tuple[ArticleRow, list[Any]]]:
    """The selected articles (text included) with their claim-and-review rows, in batches."""
    for article in articles(tx, filters):
        article.text = tx.article_text(article.id)
        yield article, []  # an article with no claims still moves the reader along
        for rows in tx.claims_with_reviews(article.id, filters.reviewer, _BATCH):
            yield article, rows


def _prefetched(
    batches: Iterator[tuple[ArticleRow, list[Any]]], depth: int = 8
) -> Iterator[tuple[ArticleRow, list[Any]]]:
    """`batches`, produced by a thread of its own, `depth` batches ahead.

    Worth it where fetching waits without the GIL (PostgreSQL, over the network). On SQLite
    turning rows into Python objects holds the GIL, and a second thread only adds contention
    (measured: 10% slower), so the SQLite export reads in the consuming thread. The thread is
    the only user of the cursor until it is joined, which happens before this generator
    returns (even when abandoned half-way).
    """
    import contextlib
    import queue
    import threading

    box: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def run() -> None:
        try:
            for item in batches:
                while not stop.is_set():
                    try:
                        box.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            box.put(done)
        except BaseException as exc:  # handed to the consumer
            box.put(exc)

    thread = threading.Thread(target=run, name="export-reader", daemon=True)
    thread.start()
    try:
        while True:
            item = box.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():
            with contextlib.suppress(queue.Empty):
                box.get(timeout=0.1)
        thread.join()


def iter_claims(
    tx: Transaction, filters: Filters, scanned: list[int] | None = None, *,
    prefetch: bool = False,
) -> Generator[tuple[ArticleRow, ClaimRow], None, None]:
    """Every selected claim with its kept reviews, in export order.

    `scanned[0]` counts the claims looked at (kept or not), for a progress bar. With
    `prefetch`, rows are read by a second thread while records are being built.
    """
    since = filters.since.isoformat() if filters.since else None
    batches = _row_batches(tx, filters)
    if prefetch:
        batches = _prefetched(batches)
    try:
        yield from _group(batches, filters, since, scanned)
    finally:
        close = getattr(batches, "close", None)
        if close is not None:
            close()


def _group(
    batches: Iterator[tuple[ArticleRow, list[Any]]],
    filters: Filters,
    since: str | None,
    scanned: list[int] | None,
) -> Iterator[tuple[ArticleRow, ClaimRow]]:
    """Rows (one per claim and review) grouped into claims with their reviews."""
    current: ClaimRow | None = None
    current_article: ArticleRow | None = None
    for article, rows in batches:
        # the claim's text is always article.text[start:end]: slicing beats fetching it
        text = article.text
        for row in rows:
            if current is None or current.id != row[0]:
                if current is not None:
                    if len(current.reviews) > 1:  # code-point order on every backend
                        current.reviews.sort(key=_by_reviewer)
                    if scanned is not None:
                        scanned[0] += 1
                    if _keep(current, filters, since):
                        yield current_article, current  # type: ignore[misc]
                start, end = row[1], row[2]
                current = ClaimRow(
                    row[0], start, end, text[start:end], row[3], row[4],
                    row[5], row[6], row[7], row[8], row[9], [],
                    None if filters.reviewer is not None else _adjudication(row[17]),
                )
                current_article = article
            if row[10] is not None:
                current.reviews.append(ReviewRow(*row[10:17]))
    if current is not None:
        if len(current.reviews) > 1:
            current.reviews.sort(key=_by_reviewer)
        if scanned is not None:
            scanned[0] += 1
        if _keep(current, filters, since):
            yield current_article, current  # type: ignore[misc]


def _adjudication(value: Any) -> Adjudication | None:
    """The stored adjudication (JSON, `claims.store.rows.adjudication_json`), or None.

    With a reviewer filter none applies: that export is the reviewer's own view."""
    if not value:
        return None
    data = orjson.loads(value)
    verdict = data.get("verdict")
    return Adjudication(str(data.get("reviewer", "")), verdict if isinstance(verdict, str) else None,
                        str(data.get("note") or ""), str(data.get("ts", "")))


def _by_reviewer(review: ReviewRow) -> str:
    return review.reviewer


def _keep(claim: ClaimRow, filters: Filters, since: str | None) -> bool:
    if filters.reviewer is not None and not claim.reviews:
        return False
    if since is not None and not any(r.updated_at >= since for r in claim.reviews):
        return False
    return filters.status is None or claim.status == filters.status
