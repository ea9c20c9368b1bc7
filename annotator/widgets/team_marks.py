"""What this reviewer may see of the others' reviews, and the marks that say so in the list.

One place decides blind review (`Project.blind`): until a reviewer has given their own
verdict on a claim (or rejected it as not a claim), they see that others reviewed it, never
what those others said: no verdict, no status, no source, no rationale, no dispute mark.
The adjudication view does not use this filter: it always shows everything.

Marks are glyphs first and colours second, so they read on a monochrome terminal:
`+` others reviewed it, `!` reviewers disagree (verdict, or kept against rejected), `=` an
adjudicator settled it.
"""

from __future__ import annotations

from rich.style import Style

from claims.model import ClaimState, Review

MARK_OTHERS = "+"
MARK_DISPUTED = "!"
MARK_SETTLED = "="
MARK_STYLES = {
    MARK_OTHERS: Style(color="#5fafd7", bold=True),
    MARK_DISPUTED: Style(color="#ffd75f", bold=True),
    MARK_SETTLED: Style(color="#87d787", bold=True),
    " ": Style(),
}
LEGEND = (
    (MARK_OTHERS, "others reviewed it"),
    (MARK_DISPUTED, "reviewers disagree"),
    (MARK_SETTLED, "adjudicated"),
)


def has_judged(review: Review | None) -> bool:
    """Blind review lifts once the reviewer gave a verdict or rejected the claim."""
    return review is not None and (review.verdict is not None or review.status == "rejected")


def sees_others(state: ClaimState, reviewer: str, blind: bool) -> bool:
    return not blind or has_judged(state.review_by(reviewer))


def others_decided(state: ClaimState, reviewer: str) -> list[Review]:
    return [
        r for r in state.reviews
        if r.reviewer != reviewer and (r.status != "proposed" or r.verdict is not None)
    ]


def visible_reviews(state: ClaimState, reviewer: str, blind: bool) -> list[Review]:
    """The reviews this reviewer may read: their own first, the others' unless blinded."""
    mine = [r for r in state.reviews if r.reviewer == reviewer]
    if not sees_others(state, reviewer, blind):
        return mine
    return mine + sorted((r for r in state.reviews if r.reviewer != reviewer),
                         key=lambda r: r.reviewer)


def is_disputed(state: ClaimState) -> bool:
    return state.disputed


def team_mark(state: ClaimState, reviewer: str, blind: bool) -> str:
    """One cell for the claim list: settled, disputed, reviewed by others, or blank."""
    if state.adjudication is not None:
        return MARK_SETTLED
    if not others_decided(state, reviewer):
        return " "
    if sees_others(state, reviewer, blind) and is_disputed(state):
        return MARK_DISPUTED
    return MARK_OTHERS


__all__ = [
    "LEGEND", "MARK_DISPUTED", "MARK_OTHERS", "MARK_SETTLED", "MARK_STYLES", "has_judged",
    "is_disputed", "others_decided", "sees_others", "team_mark", "visible_reviews",
]
