"""Events: every reviewer action, as it is appended to the log, and the families of event types.

Every list of event types in the project is built from the families here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from claims.model.base import DomainModel

__all__ = [
    "ACTION_TYPES",
    "CLAIM_EVENT_TYPES",
    "HISTORY_EVENT_TYPES",
    "REVIEW_EVENT_TYPES",
    "STRUCTURAL_EVENT_TYPES",
    "Event",
    "EventType",
    "review_summary",
]

EventType = Literal[
    "verdict",
    "status",
    "source_add",
    "source_remove",
    "rationale",
    "claim_text",
    "review",
    "span",
    "claim_create",
    "merge",
    "adjudicate",
    "undo",
    "redo",
]

# The event families.
REVIEW_EVENT_TYPES: tuple[str, ...] = (
    "verdict", "status", "source_add", "source_remove", "rationale", "claim_text", "review",
)
"""Actions on one reviewer's review of a claim. A `review` event sets the whole review at
once (status, verdict, sources, rationale and, when its payload has it, the claim as
checked): `claims import` brings each reviewer's review in as one."""
STRUCTURAL_EVENT_TYPES: tuple[str, ...] = ("span", "claim_create", "merge")
"""Actions that move claim boundaries; later ones build on earlier ones."""
CLAIM_EVENT_TYPES: tuple[str, ...] = ("adjudicate",)
"""Actions on the claim as a whole, not on anyone's review of it."""
ACTION_TYPES: tuple[str, ...] = REVIEW_EVENT_TYPES + STRUCTURAL_EVENT_TYPES + CLAIM_EVENT_TYPES
"""Everything a reviewer can undo."""
HISTORY_EVENT_TYPES: tuple[str, ...] = ("undo", "redo")
"""Events that take back or put back an action (`other_id` names it)."""


class Event(DomainModel):
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



def review_summary(p: dict[str, Any], verdict: str | None) -> str:
    """What a `review` event (a review set whole, as an import brings it) says, in a line."""
    status = p.get("status", "")
    if status == "rejected":
        said = "rejected as not a claim"
    else:
        said = f"verdict {verdict}" if verdict else "no verdict"
    count = len(p.get("sources") or [])
    said += f", {count} source{'s' if count != 1 else ''}"
    if p.get("rationale"):
        said += ", a rationale"
    return said
