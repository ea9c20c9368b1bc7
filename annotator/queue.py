"""The reviewer's queue and the list filters: which claims need this reviewer, in what order.

No Textual here: the screen asks, for the claims of one article in text order, which index
comes next. The queue visits the claims this reviewer has not decided on, check-worthy ones
first: from the cursor forward (wrapping), every undecided check-worthy claim, then every
other undecided claim. A step scans from the cursor and stops at the first hit, so it costs
the distance to the next claim that needs work, never the whole project.

Check-worthiness is the claim's `checkworthy` flag when the extractor set one, else a score
of at least `CHECKWORTHY_SCORE` (`is_checkworthy`, the one place that decides).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from claims.model import Claim, ClaimState, Review

CHECKWORTHY_SCORE = 0.5
"""Used only for claims stored before the extractor recorded its own decision."""

STATUS_FILTERS = ("any", "unreviewed", "proposed", "accepted", "rejected", "judged")
"""`unreviewed`: this reviewer has not decided; `judged`: this reviewer gave a verdict."""
WHOSE_FILTERS = ("anyone", "mine", "others")
"""`mine`: claims this reviewer decided on; `others`: claims another reviewer decided on."""


def is_checkworthy(claim: Claim) -> bool:
    flag = getattr(claim, "checkworthy", None)
    if isinstance(flag, bool):
        return flag
    return claim.score >= CHECKWORTHY_SCORE


def decided(review: Review | None) -> bool:
    """A reviewer has decided on a claim once they accepted, rejected or judged it."""
    return review is not None and (review.status != "proposed" or review.verdict is not None)


def is_disputed(state: ClaimState) -> bool:
    """Reviewers' verdicts differ, or one kept the claim and another rejected it."""
    flag = getattr(state, "disputed", None)
    if isinstance(flag, bool):
        return flag
    verdicts = {r.verdict for r in state.reviews if r.verdict is not None and r.status != "rejected"}
    if len(verdicts) > 1:
        return True
    statuses = {r.status for r in state.reviews if decided(r)}
    kept = bool(statuses & {"accepted"}) or any(
        r.verdict is not None and r.status != "rejected" for r in state.reviews)
    return kept and "rejected" in statuses


@dataclass(frozen=True)
class ClaimFilter:
    """What the claim list shows; the default shows everything."""

    status: str = "any"
    kind: str = "any"
    min_score: float = 0.0
    checkworthy: bool = False
    disputed: bool = False
    whose: str = "anyone"

    @property
    def active(self) -> bool:
        return self != ClaimFilter()

    def with_(self, **changes: object) -> ClaimFilter:
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> str:
        """A few words for the header: 'unreviewed, quantity, score >= 0.50'."""
        parts = []
        if self.status != "any":
            parts.append(self.status)
        if self.kind != "any":
            parts.append(self.kind)
        if self.min_score > 0:
            parts.append(f"score \u2265 {self.min_score:.2f}")
        if self.checkworthy:
            parts.append("check-worthy")
        if self.disputed:
            parts.append("disputed")
        if self.whose != "anyone":
            parts.append("mine" if self.whose == "mine" else "others'")
        return ", ".join(parts) or "all claims"

    def matcher(self, reviewer: str, blind: bool = False) -> Callable[[ClaimState], bool]:
        """`blind`: under blind review a claim counts as disputed only once this reviewer
        may see the others' reviews (their own verdict given), as the list's marks do."""
        status, kind, min_score = self.status, self.kind, self.min_score
        checkworthy, disputed, whose = self.checkworthy, self.disputed, self.whose

        def match(state: ClaimState) -> bool:
            claim = state.claim
            if kind != "any" and claim.kind != kind:
                return False
            if claim.score < min_score:
                return False
            if checkworthy and not is_checkworthy(claim):
                return False
            mine = state.review_by(reviewer)
            if disputed and not (is_disputed(state) and (
                    not blind or (mine is not None and (
                        mine.verdict is not None or mine.status == "rejected")))):
                return False
            if status != "any":
                if status == "unreviewed":
                    if decided(mine):
                        return False
                elif status == "judged":
                    if mine is None or mine.verdict is None:
                        return False
                elif (mine.status if mine is not None else "proposed") != status:
                    return False
            if whose == "mine" and not decided(mine):
                return False
            return whose != "others" or any(
                decided(r) for r in state.reviews if r.reviewer != reviewer)

        return match


def queue_step(
    states: Sequence[ClaimState],
    rows: Sequence[int] | None,
    cursor: int,
    reviewer: str,
    *,
    backward: bool = False,
    skip: frozenset[str] = frozenset(),
) -> int | None:
    """The index (into `states`) the queue goes to from `cursor`, or None when it is empty.

    `rows` restricts the queue to the claims the list shows (a filter), as indices into
    `states` in order; None means every claim. Claims whose id is in `skip` count as decided
    (the one a verdict was just given to, before the store has answered).
    """
    order = rows if rows is not None else range(len(states))
    n = len(order)
    if n == 0:
        return None
    # Where the cursor sits in `order` (it may sit on a row the filter no longer holds).
    here = bisect_left(order, cursor) if rows is not None else cursor
    on_row = here < n and order[here] == cursor
    fallback: int | None = None
    for step in range(1, n + 1):
        j = (here - step) % n if backward else (here + step - (0 if on_row else 1)) % n
        index = order[j]
        state = states[index]
        if state.claim.id in skip or index == cursor:
            continue
        if decided(state.review_by(reviewer)):
            continue
        if is_checkworthy(state.claim):
            return index
        if fallback is None:
            fallback = index
    return fallback


__all__ = [
    "CHECKWORTHY_SCORE",
    "ClaimFilter",
    "STATUS_FILTERS",
    "WHOSE_FILTERS",
    "decided",
    "is_checkworthy",
    "is_disputed",
    "queue_step",
]
