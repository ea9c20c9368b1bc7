"""Pydantic models of the domain: articles, claims and their facets, sources, reviews, events.

These are plain data. Reading and writing them to disk is the store's job (`claims.store`),
turning text into claims is the extractor's (`claims.extract`). Every name is imported from
here (`from claims.model import Claim`); the parts:

- `claims.model.base`: the base class, the clock (`utc_now`), ids of articles and claims;
- `claims.model.claim`: `Article`, `Claim` and its facets, `KnownClaim` (published fact-checks);
- `claims.model.state`: `Review`, `Source`, `Adjudication`, `ClaimState` (a claim as it stands);
- `claims.model.events`: `Event` and the families of event types;
- `claims.model.checks`: the checks applied to URLs, languages and spans from users and files.
"""

from __future__ import annotations

from claims.model.base import (
    ARTICLE_ID,
    CLAIM_ID,
    SCHEMA_VERSION,
    article_id_for,
    claim_id_for,
    known_claim_id_for,
    utc_now,
)
from claims.model.checks import (
    LANG_TAG,
    LANGS,
    MAX_URL_LENGTH,
    check_http_url,
    check_lang,
    check_span,
    idna_host,
)
from claims.model.claim import (
    CHECKWORTHY_THRESHOLD,
    CLAIM_KINDS,
    Article,
    Claim,
    ClaimKind,
    Comparator,
    DateSpan,
    KnownClaim,
    Quantity,
)
from claims.model.events import (
    ACTION_TYPES,
    CLAIM_EVENT_TYPES,
    HISTORY_EVENT_TYPES,
    REVIEW_EVENT_TYPES,
    STRUCTURAL_EVENT_TYPES,
    Event,
    EventType,
)
from claims.model.state import (
    STANCES,
    STATUSES,
    Adjudication,
    ClaimState,
    Review,
    Source,
    Stance,
    Status,
    aggregate_status,
    aggregate_verdict,
)

__all__ = [
    "ACTION_TYPES",
    "ARTICLE_ID",
    "CHECKWORTHY_THRESHOLD",
    "CLAIM_EVENT_TYPES",
    "CLAIM_ID",
    "CLAIM_KINDS",
    "HISTORY_EVENT_TYPES",
    "LANGS",
    "LANG_TAG",
    "MAX_URL_LENGTH",
    "REVIEW_EVENT_TYPES",
    "SCHEMA_VERSION",
    "STANCES",
    "STATUSES",
    "STRUCTURAL_EVENT_TYPES",
    "Adjudication",
    "Article",
    "Claim",
    "ClaimKind",
    "ClaimState",
    "Comparator",
    "DateSpan",
    "Event",
    "EventType",
    "KnownClaim",
    "Quantity",
    "Review",
    "Source",
    "Stance",
    "Status",
    "aggregate_status",
    "aggregate_verdict",
    "article_id_for",
    "check_http_url",
    "check_lang",
    "check_span",
    "claim_id_for",
    "idna_host",
    "known_claim_id_for",
    "utc_now",
]
