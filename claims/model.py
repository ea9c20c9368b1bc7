"""Pydantic models of the domain: articles, claims and their facets, sources, reviews, events.

These are plain data. Reading and writing them to disk is the store's job
(`claims.store`), turning text into claims is the extractor's (`claims.extract`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = 2
"""Version of the exported record layout and of the JSON Schema (`claims schema`).

2 added the adjudication, the claim as checked (`checked_text`) and each review's
`claim_text`; `claims import` still reads version 1 records (which carry neither)."""

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


CHECKWORTHY_THRESHOLD = 0.5
"""Scores at or above this are check-worthy (the trainer folds its chosen threshold into the
weights' bias so that it sits here)."""


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


MAX_URL_LENGTH = 2048
"""Longest URL accepted (browsers and search engines stop near there)."""

ARTICLE_ID = re.compile(r"^[0-9a-f]{16}$")
"""`article_id_for`: 16 lowercase hex digits."""
CLAIM_ID = re.compile(r"^[0-9a-f]{12}$")
"""`claim_id_for`: 12 lowercase hex digits."""
LANG_TAG = re.compile(r"^(?:[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*|und)?$")
"""A BCP 47 language tag as stored (fr, en, pt-BR, und) or empty (not known)."""
LANGS: tuple[str, ...] = ("fr", "en")
"""Languages the extractor reads."""

_INVISIBLE = frozenset("\\")
_PLAIN_URL = re.compile(r"(?i:https?)://[A-Za-z0-9][A-Za-z0-9.-]*(?:[/?#][!-\[\]-~]*)?\Z")
"""An http(s) URL with a plain ASCII host, no port, no credentials, and nothing but printable
ASCII other than a backslash after the host: every rule of `check_http_url` holds for it."""


def _url_problem_char(url: str) -> str | None:
    if url.isascii() and url.isprintable() and " " not in url and "\\" not in url:
        return None  # the common case, without a look at each character (imports)
    for ch in url:
        if ch in _INVISIBLE:
            return "a backslash"
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Zl", "Zp", "Zs", "Cs", "Co", "Cn"):
            name = unicodedata.name(ch, f"U+{ord(ch):04X}")
            return f"{name.lower()} (U+{ord(ch):04X})" if ch != " " else "a space"
    return None


def check_http_url(url: str) -> str:
    """Return `url` stripped if it is a safe absolute http(s) URL; raise ValueError naming why.

    A URL needs a host and a valid port; credentials (`user:pass@`), backslashes, spaces,
    control, bidi and zero-width characters are refused (they hide where a link goes), and
    so is anything longer than `MAX_URL_LENGTH`. Internationalised host names are accepted
    when they encode to IDNA; the annotator shows their punycode beside them (`idna_host`).
    """
    url = url.strip(" \t\r\n")
    if len(url) > MAX_URL_LENGTH:
        raise ValueError(f"URL longer than {MAX_URL_LENGTH} characters ({len(url)})")
    if _PLAIN_URL.match(url) and url.isprintable():
        return url  # the common case, which every check below passes (imports check many)
    bad = _url_problem_char(url)
    if bad is not None:
        raise ValueError(f"URL contains {bad}: {url[:200]!r}")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"not an http(s) URL: {url[:200]!r}")
    if "@" in parts.netloc:
        raise ValueError(f"URL carries credentials or an '@' before the host: {url[:200]!r}")
    host = parts.hostname
    if not host:
        raise ValueError(f"URL has no host: {url[:200]!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError when out of range or not a number
    except ValueError:
        raise ValueError(f"URL has an invalid port: {url[:200]!r}") from None
    if parts.netloc.endswith(":"):
        raise ValueError(f"URL has an empty port: {url[:200]!r}")
    if not host.isascii():
        try:
            host.encode("idna")
        except UnicodeError:
            raise ValueError(f"URL host is not a valid internationalised name: {host!r}") \
                from None
    return url


def idna_host(url: str) -> tuple[str, str] | None:
    """(host as written, its punycode) when the URL's host is not plain ASCII, else None."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or host.isascii():
        return None
    try:
        return host, host.encode("idna").decode("ascii")
    except UnicodeError:
        return host, "invalid international host name"


def check_lang(value: str, supported: tuple[str, ...] | None = LANGS) -> str:
    """A language given by a user: '' for auto/unknown, else one of `supported` (or any tag)."""
    value = value.strip().lower()
    if value in ("auto", ""):
        return ""
    if supported is not None and value not in supported:
        raise ValueError(f"language {value[:40]!r} is not supported; use one of "
                         f"{', '.join(supported)}")
    if not LANG_TAG.match(value):
        raise ValueError(f"{value[:40]!r} is not a language tag (fr, en, pt-br, und)")
    return value


def check_span(
    start: int, end: int, text: str, quantities: list[Any] = (), dates: list[Any] = ()  # type: ignore[assignment]
) -> tuple[str, str] | None:
    """(field, why) when a claim's span or facets are inconsistent, or None.

    The same rule for every way in (add, import, the annotator): the span is non-empty and
    ordered, `text` is exactly as long as the span, and every quantity and date lies inside
    the claim (offsets into the article).
    """
    if start < 0 or end < 0:
        return "start", f"[{start}, {end}) has a negative offset"
    if start > end:
        return "end", f"start {start} is after end {end}"
    if start == end:
        return "end", f"[{start}, {end}) is empty; a claim has at least one character"
    if len(text) != end - start:
        return "text", f"has {len(text)} characters but the span [{start}, {end}) {end - start}"
    for name, facets in (("quantities", quantities), ("dates", dates)):
        for i, facet in enumerate(facets):
            if not (start <= facet.start <= facet.end <= end):
                return (f"{name}.{i}", f"[{facet.start}, {facet.end}) is not inside the claim "
                        f"[{start}, {end})")
    return None


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
    claim_text: str = ""
    """The claim rewritten by this reviewer as a standalone statement ("the claim as checked")."""
    created_at: datetime
    updated_at: datetime


EventType = Literal[
    "verdict",
    "status",
    "source_add",
    "source_remove",
    "rationale",
    "claim_text",
    "span",
    "claim_create",
    "merge",
    "adjudicate",
    "undo",
    "redo",
]

# The event families. Every list of event types in the project is built from these.
REVIEW_EVENT_TYPES: tuple[str, ...] = (
    "verdict", "status", "source_add", "source_remove", "rationale", "claim_text",
)
"""Actions on one reviewer's review of a claim."""
STRUCTURAL_EVENT_TYPES: tuple[str, ...] = ("span", "claim_create", "merge")
"""Actions that move claim boundaries; later ones build on earlier ones."""
CLAIM_EVENT_TYPES: tuple[str, ...] = ("adjudicate",)
"""Actions on the claim as a whole, not on anyone's review of it."""
ACTION_TYPES: tuple[str, ...] = REVIEW_EVENT_TYPES + STRUCTURAL_EVENT_TYPES + CLAIM_EVENT_TYPES
"""Everything a reviewer can undo."""
HISTORY_EVENT_TYPES: tuple[str, ...] = ("undo", "redo")
"""Events that take back or put back an action (`other_id` names it)."""


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

    def touched_claims(self) -> tuple[str, ...]:
        """The claims whose state this event changes by itself: a merge also hides the other.

        An undo or redo touches what its target touches; the log resolves that
        (`Transaction.append`), since the target is another event.
        """
        if self.type == "merge" and self.other_id:
            return (self.claim_id, self.other_id)
        return (self.claim_id,)


class Adjudication(_Model):
    """The final verdict of a claim, given by an adjudicator over the reviewers' verdicts."""

    claim_id: str
    reviewer: str
    """The adjudicator."""
    verdict: str | None
    """A label id of the project's scale."""
    note: str = ""
    ts: datetime


class ClaimState(_Model):
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
