"""Pydantic models of the domain: articles, claims and their facets, sources, reviews, events.

These are plain data. Reading and writing them to disk is the store's job
(`claims.store`), turning text into claims is the extractor's (`claims.extract`).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = 1
"""Version of the exported record layout and of the JSON Schema (`claims schema`)."""

ClaimKind = Literal["quantity", "date", "quote", "event", "comparison", "other"]
Comparator = Literal[">", ">=", "<", "<=", "=", "~"]
Status = Literal["proposed", "accepted", "rejected"]
Stance = Literal["supports", "refutes", "context"]

CLAIM_KINDS: tuple[str, ...] = ("quantity", "date", "quote", "event", "comparison", "other")
STATUSES: tuple[str, ...] = ("proposed", "accepted", "rejected")
STANCES: tuple[str, ...] = ("supports", "refutes", "context")


def article_id_for(text: str) -> str:
    """The id of an article: a hash of its exact text, so the same text is one article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def claim_id_for(article_id: str, start: int, end: int) -> str:
    """The id of a claim first proposed at `[start, end)`; stable across runs and machines."""
    key = f"{article_id}:{start}:{end}".encode()
    return hashlib.blake2b(key, digest_size=6).hexdigest()


def utc_now() -> datetime:
    return datetime.now(UTC)


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Quantity(_Model):
    """A number found inside a claim, with how it compares and what it counts."""

    value: float
    """The number itself: 'plus d'un millier' gives 1000."""
    comparator: Comparator = "="
    """'plus de' is '>', 'au moins' '>=', 'près de' '~', and so on."""
    unit: str = ""
    """The unit or counted noun: 'soldats', '%', 'euros', 'km'."""
    text: str
    """The words that carry the quantity, exactly as in the article."""
    start: int
    end: int


class DateSpan(_Model):
    """A date or period mentioned in a claim, resolved to ISO bounds when possible."""

    from_: date | None = Field(default=None, alias="from")
    """First day of the period, or None when it cannot be resolved."""
    to: date | None = None
    """Last day of the period (inclusive), or None when it cannot be resolved."""
    text: str
    start: int
    end: int


class Claim(_Model):
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

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Claim:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"claim span [{self.start}, {self.end}) is not ordered")
        return self


class Article(_Model):
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


def check_http_url(url: str) -> str:
    """Return `url` stripped if it is an absolute http(s) URL with a host; raise otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if any(ord(ch) < 0x20 or ch.isspace() for ch in url):
        raise ValueError(f"URL contains spaces or control characters: {url!r}")
    return url


class Source(_Model):
    """Evidence a reviewer attached to a claim."""

    url: str
    title: str = ""
    quote: str = ""
    """An excerpt of the source, quoted exactly."""
    stance: Stance = "context"
    accessed: date | None = None

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str) -> str:
        return check_http_url(value)


class Review(_Model):
    """What one reviewer says about one claim, derived from that reviewer's events."""

    claim_id: str
    reviewer: str
    status: Status = "proposed"
    verdict: str | None = None
    """A label id of the project's scale, or None."""
    sources: list[Source] = Field(default_factory=list)
    rationale: str = ""
    created_at: datetime
    updated_at: datetime


EventType = Literal[
    "verdict",
    "status",
    "source_add",
    "source_remove",
    "rationale",
    "span",
    "claim_create",
    "merge",
    "undo",
    "redo",
]
ACTION_TYPES: tuple[str, ...] = (
    "verdict",
    "status",
    "source_add",
    "source_remove",
    "rationale",
    "span",
    "claim_create",
    "merge",
)


class Event(_Model):
    """One reviewer action, appended to the log and never changed."""

    seq: int | None = None
    """Position in this database's log (assigned on append)."""
    id: str
    """Globally unique (uuid4 hex); lets imports skip what they already hold."""
    ts: datetime
    reviewer: str
    type: EventType
    article_id: str
    claim_id: str
    other_id: str | None = None
    """A second claim an action touches (merge) or the event an undo/redo targets."""
    payload: dict[str, Any] = Field(default_factory=dict)


class ClaimState(_Model):
    """A claim as it stands now: its current span and every reviewer's review."""

    claim: Claim
    reviews: list[Review] = Field(default_factory=list)
    live: bool = True
    """False once merged into another claim, or when its drawing was undone."""

    @property
    def status(self) -> Status:
        return aggregate_status(self.reviews)

    @property
    def verdict(self) -> str | None:
        return aggregate_verdict(self.reviews)

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


def known_claim_id_for(text: str, url: str | None, publisher: str | None) -> str:
    """The id of a published fact-check: the same review loaded twice is one reference claim."""
    key = "\x1f".join((text.strip(), url or "", publisher or "")).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(key, digest_size=6).hexdigest()


class KnownClaim(_Model):
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
