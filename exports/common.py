"""What several formats share: the export settings, the final reviews and their sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from claims.labels import Label, LabelScale
from exports.reader import ArticleRow, ClaimRow, Filters, ReviewRow


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact-checks (ClaimReview `author` and `url`)."""

    name: str
    url: str | None = None
    review_url: str | None = None
    """Template of a fact-check's address, with `{claim_id}`; default `<url>#claim-<id>`."""

    def url_for(self, claim_id: str) -> str | None:
        if self.review_url:
            return self.review_url.replace("{claim_id}", claim_id)
        if self.url:
            return f"{self.url}#claim-{claim_id}"
        return None


@dataclass(frozen=True)
class ExportContext:
    """Everything a format needs besides the rows: the project's scale, filters, publisher."""

    scale: LabelScale
    filters: Filters = field(default_factory=Filters)
    publisher: Publisher | None = None


def final_label(ctx: ExportContext, claim: ClaimRow) -> Label | None:
    """The label of the claim's final verdict, or None (no verdict, disagreement, rejected)."""
    verdict = claim.verdict
    if verdict is None or claim.status == "rejected":
        return None
    return ctx.scale.get(verdict)


def final_reviews(claim: ClaimRow) -> list[ReviewRow]:
    """The reviews that give the final verdict (rejections left out), by reviewer."""
    verdict = claim.verdict
    return [r for r in claim.reviews if r.verdict == verdict and r.status != "rejected"]


def final_sources(claim: ClaimRow) -> list[dict[str, Any]]:
    """Sources of the final reviews, in reviewer then entry order, each (url, quote) once."""
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []
    for review in final_reviews(claim):
        for source in review.source_list():
            key = (source.get("url", ""), source.get("quote", ""))
            if key not in seen:
                seen.add(key)
                out.append(source)
    return out


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    if host and host.startswith("www."):
        host = host[4:]
    return host or None


def outlet_of(article: ArticleRow) -> str | None:
    """The outlet that published the article: metadata `source`/`publisher`, else URL host."""
    import orjson

    if article.metadata and article.metadata != "{}":
        meta = orjson.loads(article.metadata)
        for key in ("source", "publisher", "site_name", "outlet"):
            value = meta.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return host_of(article.url)
