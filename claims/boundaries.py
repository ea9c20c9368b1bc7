"""Boundary actions: moving a claim's span, drawing a new claim, merging a claim with the next.

These are the structural actions (`claims.model.STRUCTURAL_EVENT_TYPES`): later ones build on
earlier ones, so undoing one under a later change is refused (`ReviewActions.undo`). Each
recomputes the facets of the new text with the extractor (`claims.spans.span_facets`).
"""

from __future__ import annotations

from typing import Any

from claims.actions import ActionBase, ActionResult, Span, Spec, appended, check_reviewer
from claims.errors import ProjectError, StaleAction
from claims.model import Claim, ClaimState, claim_id_for
from claims.spans import check_span, span_facets
from claims.staleness import check_unjudged, current_claim
from claims.store import Transaction, new_event

__all__ = ["BoundaryActions"]


class BoundaryActions(ActionBase):
    """Mixin of `Project`: the actions that change where claims start and end."""

    def set_span(
        self, claim_ref: str, reviewer: str, start: int, end: int,
        *, seen: Span | None = None,
    ) -> ActionResult:
        """Move the claim's boundaries to `[start, end)` of its article."""
        state = self.claim(claim_ref)
        article = self.article(state.claim.article_id)
        start, end = check_span(article, start, end)
        facets = _refit(state.claim, span_facets(article, start, end))

        def build(tx: Transaction, current: ClaimState) -> list[Spec]:
            check_unjudged([current], reviewer, "moving its boundaries")
            same = tx.live_claim_at(article.id, start, end)
            if same is not None and same != current.claim.id:
                raise ProjectError(f"a claim already covers exactly [{start}, {end}): {same}")
            return [("span", {"start": start, "end": end, **facets}, None)]

        return self._record(state.claim.id, reviewer, build, seen=seen)

    def create_claim(
        self, article_ref: str, reviewer: str, start: int, end: int, kind: str = "other"
    ) -> ActionResult:
        """Draw a new claim over `[start, end)` of the article."""
        reviewer = check_reviewer(reviewer)
        article = self.article(article_ref)
        start, end = check_span(article, start, end)
        claim_id = claim_id_for(article.id, start, end)
        facets = span_facets(article, start, end)
        for key in ("kind", "score", "reasons"):
            facets.pop(key, None)
        claim = Claim.model_validate(
            {
                "id": claim_id, "article_id": article.id, "start": start, "end": end,
                "text": article.text[start:end], "kind": kind, "score": 1.0,
                "reasons": ["drawn by reviewer"], "origin": f"reviewer:{reviewer}", **facets,
            }
        )
        with self.store.transaction() as tx:
            same = tx.live_claim_at(article.id, start, end)
            if same is not None:
                raise ProjectError(f"a claim already covers exactly [{start}, {end}): {same}")
            existing = tx.claim_state(claim_id)
            if existing is not None and existing.merged_into is not None:
                raise ProjectError(
                    f"[{start}, {end}) is claim {claim_id}, merged into {existing.merged_into}; "
                    "undo that merge to bring it back"
                )
            if existing is not None and existing.live:
                raise ProjectError(
                    f"claim {claim_id} was first proposed at [{start}, {end}) and now covers "
                    f"[{existing.claim.start}, {existing.claim.end}); edit its boundaries instead"
                )
            if existing is None:
                tx.insert_claim(claim, live=False)
            return appended(tx, [
                new_event("claim_create", reviewer=reviewer, article_id=article.id,
                          claim_id=claim_id, payload={"start": start, "end": end})
            ])

    def merge_with_next(
        self, claim_ref: str, reviewer: str, *, seen: Span | None = None, next_id: str | None = None
    ) -> ActionResult:
        """Merge the claim with the next live claim of its article (the next one is hidden).

        `next_id` is the claim the reviewer saw after it: when another claim now comes between
        them, or it is gone, the merge is refused. A merge of claims other reviewers judged is
        refused (`check_unjudged`): it would change the text they judged, or hide it.
        """
        name = check_reviewer(reviewer)
        claim_id = self.resolve_claim_id(claim_ref)
        expected = self.resolve_claim_id(next_id) if next_id else None
        article = self.article(self.claim(claim_id).claim.article_id)
        if expected == claim_id:
            raise ProjectError(f"--next names claim {claim_id} itself; name the claim after it")
        if expected is not None and self.claim(expected).claim.article_id != article.id:
            raise ProjectError(f"claim {expected} is in another article than claim {claim_id}; "
                               "a merge joins claims of one article")

        def build(tx: Transaction, state: ClaimState) -> list[Spec]:
            c = state.claim
            if expected is not None:
                current_claim(tx, expected)
            following = tx.next_live_claim(c.article_id, c.start, c.end, c.id)
            if following is None:
                raise ProjectError(f"claim {c.id} is the last of its article")
            if expected is not None and following != expected:
                raise StaleAction(
                    f"claim {following} now comes between claim {c.id} and claim {expected}; "
                    "nothing saved",
                    c.id,
                    c.id,
                )
            nxt = tx.claim_state(following)
            assert nxt is not None
            check_unjudged([state, nxt], name, "merging them")
            end = max(c.end, nxt.claim.end)
            facets = _refit(c, span_facets(article, c.start, end))
            facets["speaker"] = facets["speaker"] or c.speaker or nxt.claim.speaker
            return [("merge", {"start": c.start, "end": end, **facets}, nxt.claim.id)]

        return self._record(claim_id, name, build, seen=seen)


def _refit(claim: Claim, facets: dict[str, Any]) -> dict[str, Any]:
    """A reviewer-drawn claim keeps its kind, score and reasons when its boundaries move; a
    proposed one takes those the extractor gives its new text."""
    if not claim.origin.startswith("extractor"):
        for key in ("kind", "score", "reasons"):
            facets.pop(key, None)
    return facets
