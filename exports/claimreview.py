"""ClaimReview (schema.org JSON-LD): a JSON list of `ClaimReview` objects.

`reviewRating.ratingValue` is the label's `rating` from `claims/labels.py`: 1 is the worst
(false) and the best is the highest rating of the scale (`bestRating`), `alternateName` the
label's name. `author` is the publisher when the project configures one (meta keys
`publisher_name`, `publisher_url`, `publisher_review_url`, or `claims export --publisher ...`),
else the reviewers who gave the verdict, as persons; `url` is written only with a publisher.
`datePublished` is the day of the latest of those reviews. Unknown values are left out, as
JSON-LD expects. Only claims with a final verdict are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from exports.common import ExportContext, final_label, final_reviews, outlet_of
from exports.reader import ArticleRow, ClaimRow


def converter(ctx: ExportContext) -> Callable[[ArticleRow, ClaimRow], Iterator[dict[str, Any]]]:
    ratings = [label.rating for label in ctx.scale.labels]
    best, worst = max(ratings), min(ratings)
    publisher = ctx.publisher

    def convert(article: ArticleRow, claim: ClaimRow) -> Iterator[dict[str, Any]]:
        label = final_label(ctx, claim)
        if label is None:
            return
        reviews = final_reviews(claim)
        item: dict[str, Any] = {"@type": "Claim"}
        if claim.speaker:
            item["author"] = {"@type": "Person", "name": claim.speaker}
        else:
            outlet = outlet_of(article)
            if outlet:
                item["author"] = {"@type": "Organization", "name": outlet}
        appearance: dict[str, Any] = {"@type": "CreativeWork"}
        if article.url:
            appearance["url"] = article.url
        if article.title:
            appearance["headline"] = article.title
        if article.published:
            appearance["datePublished"] = article.published
        item["appearance"] = [appearance]
        if article.published:
            item["datePublished"] = article.published
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": claim.text,
            "reviewRating": {
                "@type": "Rating",
                "alternateName": label.name,
                "ratingValue": label.rating,
                "bestRating": best,
                "worstRating": worst,
            },
            "itemReviewed": item,
        }
        if publisher is not None:
            author: Any = {"@type": "Organization", "name": publisher.name}
            if publisher.url:
                author["url"] = publisher.url
        else:
            author = [{"@type": "Person", "name": r.reviewer} for r in reviews]
        review["author"] = author
        if reviews:
            review["datePublished"] = max(r.updated_at for r in reviews)[:10]
        if publisher is not None:
            url = publisher.url_for(claim.id)
            if url:
                review["url"] = url
        yield review

    return convert
