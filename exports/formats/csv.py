"""CSV: flat, one row per claim and reviewer (a claim nobody reviewed has one row with the
reviewer columns empty). `verdict` and `status` are that reviewer's; `final_verdict` and
`claim_status` the claim's. `sources` holds the reviewer's source URLs separated by spaces
(URLs never contain spaces). RFC 4180 quoting, CRLF line ends, UTF-8 without BOM.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from exports.common import ExportContext
from exports.reader import ArticleRow, ClaimRow

COLUMNS: tuple[str, ...] = (
    "claim_id", "article_id", "article_title", "article_url", "published", "lang",
    "start", "end", "text", "kind", "score", "claim_status", "final_verdict",
    "reviewer", "status", "verdict", "n_sources", "sources", "rationale", "updated_at",
)


def converter(ctx: ExportContext) -> Callable[[ArticleRow, ClaimRow], Iterator[list[Any]]]:
    def convert(article: ArticleRow, claim: ClaimRow) -> Iterator[list[Any]]:
        head = [
            claim.id, article.id, article.title or "", article.url or "",
            article.published or "", article.lang, claim.start, claim.end, claim.text,
            claim.kind, claim.score, claim.status, claim.verdict or "",
        ]
        if not claim.reviews:
            yield head + ["", "", "", 0, "", "", ""]
            return
        for review in claim.reviews:
            sources = review.source_list()
            yield head + [
                review.reviewer, review.status, review.verdict or "", len(sources),
                " ".join(s["url"] for s in sources), review.rationale, review.updated_at,
            ]

    return convert
