"""ClaimReview (schema.org JSON-LD): a JSON list of `ClaimReview` objects, as Google's
fact-check markup asks for them.

A ClaimReview is published by someone: the export needs the publishing organisation and its
site (`claims init --publisher NAME --publisher-url URL`, stored as project meta
`publisher_name`, `publisher_url` and optionally `publisher_review_url`, or the same options
of `claims export`), and refuses without them. `author` is that Organization; `url` (which
Google requires) is the fact-check's address, `publisher_review_url` with `{claim_id}`
replaced, else `<publisher_url>#claim-<id>`.

`claimReviewed` is the claim as checked (a reviewer's standalone rewrite, else the article's
words). `reviewRating` has `alternateName` (the label's name) always, and `ratingValue`,
`bestRating` and `worstRating` only for a label on the scale's truth ordering (1 = false,
see LABELS.md): "Not enough evidence", "Conflicting" or "Unverifiable" carry no number, so
sorting by rating never ranks them as more truthful than a refuted claim. `itemReviewed` is
the `Claim`: its `author` is the quote's speaker (a Person) or the outlet named in the
article's metadata (an Organization), never a site's host name, and left out when unknown;
`appearance` and `firstAppearance` are the article; `datePublished` the article's date.
`datePublished` of the review is the day of the latest review giving the verdict (or of the
adjudication). Unknown values are left out, as JSON-LD expects. Only claims with a final
verdict are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from claims.project import ProjectError
from exports.common import ExportContext, checked_claim, final_label, final_reviews, outlet_of
from exports.reader import ArticleRow, ClaimRow

NEEDS_PUBLISHER = (
    "ClaimReview needs the organisation that publishes the fact-checks and its site: set "
    "them once with `claims init --publisher NAME --publisher-url URL` (or give "
    "--publisher and --publisher-url to claims export)"
)


def check(ctx: ExportContext) -> None:
    """Refuse before anything is written when there is no publisher, or no site for `url`."""
    publisher = ctx.publisher
    if publisher is None or not publisher.name.strip():
        raise ProjectError(NEEDS_PUBLISHER)
    if not publisher.url and not publisher.review_url:
        raise ProjectError(f"ClaimReview needs the publisher's site for each review's url: "
                           f"{NEEDS_PUBLISHER[NEEDS_PUBLISHER.index('set them'):]}")


def converter(ctx: ExportContext) -> Callable[[ArticleRow, ClaimRow], Iterator[dict[str, Any]]]:
    check(ctx)
    publisher = ctx.publisher
    assert publisher is not None
    rating_range = ctx.scale.rating_range
    author: dict[str, Any] = {"@type": "Organization", "name": publisher.name}
    if publisher.url:
        author["url"] = publisher.url

    def convert(article: ArticleRow, claim: ClaimRow) -> Iterator[dict[str, Any]]:
        label = final_label(ctx, claim)
        if label is None:
            return
        reviews = final_reviews(claim)
        item: dict[str, Any] = {"@type": "Claim"}
        if claim.speaker:
            item["author"] = {"@type": "Person", "name": claim.speaker}
        else:
            outlet = outlet_of(article, host_fallback=False)
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
        item["firstAppearance"] = appearance
        if article.published:
            item["datePublished"] = article.published
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": label.name}
        if label.rating is not None and rating_range is not None:
            rating["ratingValue"] = label.rating
            rating["bestRating"] = rating_range[1]
            rating["worstRating"] = rating_range[0]
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": publisher.url_for(claim.id),
            "claimReviewed": checked_claim(claim),
            "reviewRating": rating,
            "itemReviewed": item,
            "author": author,
        }
        days = [r.updated_at for r in reviews]
        if claim.adjudication is not None:
            days.append(claim.adjudication.ts)
        if days:
            review["datePublished"] = max(days)[:10]
        yield review

    return convert
