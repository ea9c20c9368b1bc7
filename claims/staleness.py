"""The stale-action rule: an action applies only to the claim the reviewer saw.

Checked inside the action's write transaction, so no other reviewer's commit can slip between
the check and the append. A claim merged away, hidden (its drawing undone) or moved by anyone
since the reviewer looked is refused with a message that names what happened, who did it and
when, and the claim that replaced it. And a boundary change never changes what another
reviewer judged (`check_unjudged`).
"""

from __future__ import annotations

from datetime import datetime

from claims.errors import ProjectError, StaleAction
from claims.model import ClaimState, Event, Review
from claims.store import Transaction

__all__ = ["check_unjudged", "current_claim", "done_by", "hidden_reason", "judged_by_others",
           "successor"]


def current_claim(tx: Transaction, claim_id: str, seen: tuple[int, int] | None = None) -> ClaimState:
    """The claim as it stands, if it is live and (when `seen` is given) still spans `seen`."""
    state = tx.claim_state(claim_id)
    assert state is not None, f"unknown claim {claim_id}"
    if not state.live:
        raise StaleAction(hidden_reason(tx, state) + "; nothing saved", claim_id,
                          successor(tx, state))
    span = (state.claim.start, state.claim.end)
    if seen is not None and span != tuple(seen):
        change = tx.last_structural_change(claim_id)
        raise StaleAction(
            f"claim {claim_id} was changed{done_by(change)}: it now covers [{span[0]}, {span[1]}), "
            f"not the [{seen[0]}, {seen[1]}) on your screen; nothing saved",
            claim_id,
            claim_id,
        )
    return state


def successor(tx: Transaction, state: ClaimState) -> str | None:
    """The live claim that stands in for a hidden one: the end of its merge chain, else the
    live claim sharing the most text with it."""
    seen = {state.claim.id}
    current = state
    while current.merged_into is not None and current.merged_into not in seen:
        seen.add(current.merged_into)
        following = tx.claim_state(current.merged_into)
        if following is None:
            break
        if following.live:
            return following.claim.id
        current = following
    c = state.claim
    return tx.overlapping_live_claim(c.article_id, c.start, c.end)


def judged_by_others(state: ClaimState, reviewer: str) -> list[str]:
    """Who other than `reviewer` judged the claim as it stands: a review saying anything
    (a status, verdict, source, rationale or claim as checked) or its adjudication."""
    names = {r.reviewer for r in state.reviews if r.reviewer != reviewer and _says_something(r)}
    adjudication = state.adjudication
    if adjudication is not None and adjudication.reviewer != reviewer and (
        adjudication.verdict is not None or adjudication.note
    ):
        names.add(adjudication.reviewer)
    return sorted(names)


def check_unjudged(states: list[ClaimState], reviewer: str, doing: str) -> None:
    """Refuse a boundary change (`doing`: "merging them") of claims other reviewers judged:
    their judgement would be left on text they never read, or hidden with the claim. Their own
    judgement never holds a reviewer up; the others can take theirs back first, and anyone
    can draw the claim they mean as a new one beside it."""
    judged = [(s.claim.id, names) for s in states if (names := judged_by_others(s, reviewer))]
    if not judged:
        return
    said = "; ".join(f"claim {cid} has been judged by {', '.join(names)}" for cid, names in judged)
    raise ProjectError(
        f"{said}; {doing} would change what they judged: nothing saved (they can take it back "
        "first, or draw the claim you mean as a new one: claims draw, key c)"
    )


def _says_something(review: Review) -> bool:
    return bool(review.status != "proposed" or review.verdict is not None or review.sources
                or review.rationale or review.claim_text)


def hidden_reason(tx: Transaction, state: ClaimState) -> str:
    """What hid the claim (merged, its drawing undone, gone) and who did it, when."""
    claim_id = state.claim.id
    change = tx.last_structural_change(claim_id)
    if state.merged_into is not None:
        return f"claim {claim_id} was merged into {state.merged_into}{done_by(change)}"
    if change is not None and change.type == "undo":
        return f"claim {claim_id} was taken back (its drawing undone){done_by(change)}"
    return f"claim {claim_id} is no longer in the article{done_by(change)}"


def done_by(event: Event | None) -> str:
    """' by NAME at TIME' of an event ('' for None), as every refusal names who and when."""
    if event is None:
        return ""
    return f" by {event.reviewer} at {_when(event.ts)}"


def _when(ts: datetime) -> str:
    local = ts.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M")
