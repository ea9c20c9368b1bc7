"""What reviewers say about a claim (reviews, sources, adjudication), and the claim as it stands.

A claim's state is derived from the log by the store (`claims.store.derive`); these are the
shapes it is read in, and the rules that read a final status or verdict out of the reviews.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, field_validator

from claims.model.base import Day, DomainModel
from claims.model.checks import check_http_url
from claims.model.claim import Claim

__all__ = [
    "STANCES",
    "STATUSES",
    "Adjudication",
    "ClaimState",
    "Review",
    "Source",
    "Stance",
    "Status",
    "aggregate_status",
    "aggregate_verdict",
]

Status = Literal["proposed", "accepted", "rejected"]
Stance = Literal["supports", "refutes", "context"]


STATUSES: tuple[str, ...] = ("proposed", "accepted", "rejected")
STANCES: tuple[str, ...] = ("supports", "refutes", "context")



class Source(DomainModel):
    """Evidence a reviewer attached to a claim."""

    url: str
    title: str = ""
    quote: str = ""
    """An excerpt of the source, quoted exactly."""
    stance: Stance = "context"
    accessed: Day | None = None

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str) -> str:
        return check_http_url(value)


class Review(DomainModel):
    """What one reviewer says about one claim, derived from that reviewer's events."""

    claim_id: str
    reviewer: str
    status: Status = "proposed"
    verdict: str | None = None
    """A label id of the project's scale, or None."""
    sources: list[Source] = Field(default_factory=list)
    rationale: str = ""
    claim_text: str = ""
    """The claim rewritten by this reviewer as a standalone statement ("the claim as checked")."""
    created_at: datetime
    updated_at: datetime


class Adjudication(DomainModel):
    """The final verdict of a claim, given by an adjudicator over the reviewers' verdicts."""

    claim_id: str
    reviewer: str
    """The adjudicator."""
    verdict: str | None
    """A label id of the project's scale."""
    note: str = ""
    ts: datetime


class ClaimState(DomainModel):
    """A claim as it stands now: its current span and every reviewer's review."""

    claim: Claim
    reviews: list[Review] = Field(default_factory=list)
    live: bool = True
    """False once merged into another claim, or when its drawing was undone."""
    adjudication: Adjudication | None = None
    """The adjudicator's final verdict, when one was given (and not undone)."""
    merged_into: str | None = None
    """The claim this one was merged into, while it is hidden by that merge."""

    @property
    def status(self) -> Status:
        return aggregate_status(self.reviews)

    @property
    def verdict(self) -> str | None:
        """The final verdict: the adjudicated one, else the one every reviewer agrees on."""
        if self.adjudication is not None:
            return self.adjudication.verdict
        return aggregate_verdict(self.reviews)

    @property
    def disputed(self) -> bool:
        """Reviewers disagree: two verdicts differ, or one kept the claim and another
        rejected it. An adjudicated claim is still disputed; `settled` says it is decided."""
        verdicts = {r.verdict for r in self.reviews if r.verdict is not None and r.status != "rejected"}
        if len(verdicts) > 1:
            return True
        statuses = {r.status for r in self.reviews}
        return "rejected" in statuses and "accepted" in statuses

    @property
    def settled(self) -> bool:
        """Disputed, and an adjudicator gave the final verdict."""
        return self.disputed and self.adjudication is not None

    @property
    def checked_text(self) -> str:
        """The claim as checked: the adjudicator's rewrite, else the one rewrite every reviewer
        who wrote one agrees on, else the latest; "" when nobody rewrote the claim."""
        rewritten = [r for r in self.reviews if r.claim_text and r.status != "rejected"]
        if not rewritten:
            return ""
        if self.adjudication is not None:
            for r in rewritten:
                if r.reviewer == self.adjudication.reviewer:
                    return r.claim_text
        if len({r.claim_text for r in rewritten}) == 1:
            return rewritten[0].claim_text
        return max(rewritten, key=lambda r: r.updated_at).claim_text

    def review_by(self, reviewer: str) -> Review | None:
        for review in self.reviews:
            if review.reviewer == reviewer:
                return review
        return None


def aggregate_status(reviews: list[Review]) -> Status:
    """A claim is accepted if any reviewer kept it, rejected if every reviewer rejected it."""
    statuses = {r.status for r in reviews}
    if "accepted" in statuses:
        return "accepted"
    if statuses == {"rejected"}:
        return "rejected"
    return "proposed"


def aggregate_verdict(reviews: list[Review]) -> str | None:
    """The final verdict: the one every reviewer who gave one agrees on, else None."""
    verdicts = {r.verdict for r in reviews if r.verdict is not None and r.status != "rejected"}
    if len(verdicts) == 1:
        return next(iter(verdicts))
    return None
