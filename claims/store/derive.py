"""The derivation: a claim's current state as a fold of its active events over its proposal.

Nothing here touches the database. `Transaction.rederive` reads the claim's proposal (`base`) and
its active events, folds them with `derive_claim`, and writes the result back; imports and
ordinary actions share that one rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from claims.model import (
    REVIEW_EVENT_TYPES,
    Adjudication,
    Claim,
    DateSpan,
    Event,
    Quantity,
)

__all__ = ["ClaimFold", "ReviewState", "derive_claim", "respan", "whole_review"]


def whole_review(
    p: dict[str, Any],
) -> tuple[str, str | None, list[dict[str, Any]], str, str | None]:
    """(status, verdict, sources, rationale, claim as checked or None: unchanged) that the
    payload of a `review` event sets. A rejected claim never carries a verdict; a status other
    than the one the verdict implies counts as chosen, as an accept or reject would."""
    status = p["status"]
    verdict = None if status == "rejected" else p.get("verdict")
    return status, verdict, list(p.get("sources", [])), p.get("rationale", ""), \
        p.get("claim_text")


@dataclass
class ReviewState:
    """One reviewer's review while the fold runs."""

    created_at: datetime
    updated_at: datetime
    status: str = "proposed"
    verdict: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    rationale: str = ""
    claim_text: str = ""
    explicit: bool = False
    """The reviewer chose the status themselves (accept, reject) rather than by a verdict."""

    def set_whole(self, p: dict[str, Any]) -> None:
        """A `review` event: the review as its payload states it (`whole_review`)."""
        self.status, self.verdict, self.sources, self.rationale, claim_text = whole_review(p)
        self.explicit = self.status != ("accepted" if self.verdict is not None else "proposed")
        if claim_text is not None:
            self.claim_text = claim_text

    def apply(self, event: Event) -> None:
        p = event.payload
        self.updated_at = event.ts
        if event.type == "verdict":
            self.verdict = p.get("label")
            if self.verdict is not None and self.status == "rejected":
                # A verdict on a claim the reviewer had rejected restores it: a rejected claim
                # never carries a verdict.
                self.status, self.explicit = "accepted", True
        elif event.type == "status":
            self.status = p["status"]
            self.explicit = p["status"] != "proposed"
            if self.status == "rejected":
                self.verdict = None
        elif event.type == "source_add":
            self.sources.append(p["source"])
        elif event.type == "source_remove":
            index = int(p["index"])
            if 0 <= index < len(self.sources):
                self.sources.pop(index)
        elif event.type == "rationale":
            self.rationale = p.get("text", "")
        elif event.type == "claim_text":
            self.claim_text = p.get("text", "")
        elif event.type == "review":
            self.set_whole(p)
        if not self.explicit:
            # A verdict implies the claim is kept; clearing it takes that back.
            self.status = "accepted" if self.verdict is not None else "proposed"


@dataclass
class ClaimFold:
    """A claim's derived state: its span and facets, liveness, reviews and adjudication."""

    claim: Claim
    live: bool
    merged_into: str | None = None
    reviews: dict[str, ReviewState] = field(default_factory=dict)
    adjudication: Adjudication | None = None


def derive_claim(base: Claim, events: Iterable[Event], article_text: Callable[[], str]) -> ClaimFold:
    """Fold the claim's active events (in log order) over its proposal.

    `article_text` is called only when a boundary moves, since most claims never need it.
    """
    state = ClaimFold(claim=base, live=not base.origin.startswith("reviewer:"))
    for event in events:
        p = event.payload
        if event.type == "claim_create":
            state.live = True
        elif event.type in ("span", "merge") and event.claim_id == base.id:
            start, end = int(p["start"]), int(p["end"])
            extra = [Quantity.model_validate(q) for q in p.get("quantities", [])]
            extra_dates = [DateSpan.model_validate(d) for d in p.get("dates", [])]
            claim = respan(state.claim, article_text(), start, end, extra, extra_dates)
            update: dict[str, Any] = {
                k: p[k] for k in ("speaker", "kind", "score", "reasons") if k in p
            }
            state.claim = claim.model_copy(update=update) if update else claim
        elif event.type == "merge":
            state.merged_into = event.claim_id
        elif event.type == "adjudicate":
            label = p.get("label")
            state.adjudication = None if label is None else Adjudication.model_construct(
                claim_id=base.id, reviewer=event.reviewer, verdict=label,
                note=p.get("note", ""), ts=event.ts,
            )
        elif event.type in REVIEW_EVENT_TYPES:
            review = state.reviews.get(event.reviewer)
            if review is None:
                review = state.reviews[event.reviewer] = ReviewState(event.ts, event.ts)
            review.apply(event)
    if state.merged_into is not None:
        state.live = False
    return state


def respan(
    claim: Claim,
    text: str,
    start: int,
    end: int,
    extra_quantities: list[Quantity],
    extra_dates: list[DateSpan],
) -> Claim:
    """The claim moved to `[start, end)`, keeping only the facets that still lie inside it."""
    quantities = [q for q in [*claim.quantities, *extra_quantities] if start <= q.start and q.end <= end]
    dates = [d for d in [*claim.dates, *extra_dates] if start <= d.start and d.end <= end]
    return claim.model_copy(
        update={
            "start": start,
            "end": end,
            "text": text[start:end],
            "quantities": _unique(quantities),
            "dates": _unique(dates),
        }
    )


def _unique(items: list[Any]) -> list[Any]:
    seen, out = set(), []
    for item in items:
        key = (item.start, item.end, item.text)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
