"""Articles, the claims found in them with their facets, and claims already checked elsewhere."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field, model_validator

from claims.model.base import Day, DomainModel, Number, Offset, article_id_for

__all__ = [
    "CHECKWORTHY_THRESHOLD",
    "CLAIM_KINDS",
    "Article",
    "Claim",
    "ClaimKind",
    "Comparator",
    "DateSpan",
    "KnownClaim",
    "Quantity",
]

ClaimKind = Literal["quantity", "date", "quote", "event", "comparison", "other"]
Comparator = Literal[">", ">=", "<", "<=", "=", "~"]


CLAIM_KINDS: tuple[str, ...] = ("quantity", "date", "quote", "event", "comparison", "other")



class Quantity(DomainModel):
    """A number found inside a claim, with how it compares and what it counts."""

    value: Number
    """The number itself: 'plus d'un millier' gives 1000."""
    comparator: Comparator = "="
    """'plus de' is '>', 'au moins' '>=', 'près de' '~', and so on."""
    unit: str = ""
    """The unit or counted noun: 'soldats', '%', 'euros', 'km'."""
    text: str
    """The words that carry the quantity, exactly as in the article."""
    start: Offset
    end: Offset


class DateSpan(DomainModel):
    """A date or period mentioned in a claim, resolved to ISO bounds when possible."""

    from_: Day | None = Field(default=None, alias="from")
    """First day of the period, or None when it cannot be resolved."""
    to: Day | None = None
    """Last day of the period (inclusive), or None when it cannot be resolved."""
    text: str
    start: Offset
    end: Offset


CHECKWORTHY_THRESHOLD = 0.5
"""Scores at or above this are check-worthy (the trainer folds its chosen threshold into the
weights' bias so that it sits here)."""


class Claim(DomainModel):
    """A checkable span of an article, as proposed by the extractor or drawn by a reviewer."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    """Always `article.text[start:end]`."""
    kind: ClaimKind = "other"
    score: float = Field(default=0.0, ge=0.0, le=1.0)
    """Check-worthiness in [0, 1]."""
    reasons: list[str] = Field(default_factory=list)
    """Why the claim was proposed: 'quantity', 'date', 'named source', ..."""
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateSpan] = Field(default_factory=list)
    speaker: str | None = None
    origin: str = "extractor"
    """'extractor/<version>' for proposed claims, 'reviewer:<name>' for drawn ones."""

    @property
    def checkworthy(self) -> bool:
        """The check-worthiness model's decision: `score` at or above its documented threshold
        (0.5, see `claims.extract.score.THRESHOLD`). Derived, never stored."""
        return self.score >= CHECKWORTHY_THRESHOLD

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Claim:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"claim span [{self.start}, {self.end}) is not ordered")
        return self


class Article(DomainModel):
    """An article, exact text included: claim offsets index into `text`."""

    id: str
    text: str
    lang: str = "und"
    title: str | None = None
    url: str | None = None
    published: date | None = None
    external_id: str | None = None
    """The id the article had where it came from (a JSONL line's `id`)."""
    metadata: dict[str, Any] = Field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Article:
        return cls(id=article_id_for(text), text=text, **fields)


class KnownClaim(DomainModel):
    """A claim already checked elsewhere: one published fact-check (a ClaimReview) loaded with
    `claims add --known`, that the project's claims are matched against."""

    id: str
    text: str
    """`claimReviewed`: the claim as the fact-checker states it."""
    rating: str
    """The verdict as published (`reviewRating.alternateName`, e.g. "False", "Mostly true")."""
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    publisher: str | None = None
    """Who published the fact-check (`author` or `publisher` name)."""
    url: str | None = None
    """The fact-check's address."""
    claimant: str | None = None
    """Who made the claim (`itemReviewed.author`)."""
    reviewed_on: date | None = None
    """`datePublished` of the review."""
    lang: str | None = None
    """`inLanguage`, when the feed gives it."""
    origin: str = ""
    """The file it was loaded from."""
