"""How a claim looks, from this reviewer's review: one place, so text, list and legend agree.

The colours are component classes styled in app.tcss (`claim--supported` ...), so a theme or
a user's CSS restyles them; they follow the verdict's AVeriTeC meaning (any scale maps to it):
supported green, refuted red, not enough evidence amber, conflicting purple. Accepted without
a verdict is blue, still proposed is a faint underline, rejected as not a claim is struck
through, and the claim under the cursor is reversed and bold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style

from claims.labels import LabelScale
from claims.model import Review

if TYPE_CHECKING:
    from textual.widget import Widget

__all__ = [
    "CLAIM_CLASSES",
    "ClaimColours",
    "KINDS",
    "STATUS_GLYPH",
    "VERDICT_GLYPH",
    "format_score",
    "kind_class",
    "status_glyph",
    "style_key",
    "verdict_glyph",
    "verdict_name",
]

KINDS = {
    "proposed": "proposed",
    "accepted": "accepted",
    "rejected": "rejected",
    "Supported": "supported",
    "Refuted": "refuted",
    "Not Enough Evidence": "not-enough-evidence",
    "Conflicting Evidence/Cherrypicking": "conflicting",
}
"""How a claim can look (`style_key`: its status, else its verdict's AVeriTeC meaning) and the
name of its component class, `claim--NAME`."""


def kind_class(kind: str) -> str:
    """The component class of a kind; a verdict of no AVeriTeC meaning looks accepted."""
    return f"claim--{KINDS.get(kind, 'accepted')}"


CLAIM_CLASSES = frozenset({*(kind_class(kind) for kind in KINDS), "claim--current"})
"""The component classes of a widget that draws claims (styled in app.tcss, so a user's CSS
restyles them); `claim--current` is added to the claim under the cursor."""


class ClaimColours:
    """The styles of claims as one widget resolves its `CLAIM_CLASSES` from the CSS.

    The functions that build rich Text take one, so they draw with the widget's styles."""

    def __init__(self, kinds: dict[str, Style] | None = None, current: Style | None = None) -> None:
        self._kinds = kinds or {}
        self._current = current or Style.null()
        self._cache: dict[tuple[str, bool], Style] = {}

    @classmethod
    def of(cls, widget: Widget) -> ClaimColours:
        """The colours `widget` resolves (it must list `CLAIM_CLASSES` in COMPONENT_CLASSES)."""
        kinds = {name: widget.get_component_rich_style(f"claim--{name}", partial=True)
                 for name in KINDS.values()}
        return cls(kinds, widget.get_component_rich_style("claim--current", partial=True))

    def kind(self, kind: str, current: bool = False) -> Style:
        key = (kind, current)
        style = self._cache.get(key)
        if style is None:
            style = self._kinds.get(kind_class(kind).removeprefix("claim--"), Style.null())
            if current:
                style += self._current
            self._cache[key] = style
        return style

    def claim(self, review: Review | None, scale: LabelScale, current: bool = False) -> Style:
        """How the claim of this reviewer's `review` looks."""
        return self.kind(style_key(review, scale), current)


STATUS_GLYPH = {"proposed": "\u25cb", "accepted": "\u25cf", "rejected": "\u2298"}
"""This reviewer's status: open circle to do, filled circle kept, slashed circle not a claim.

Status glyphs are circles and verdict glyphs are signs, so the two columns never look alike,
and each differs by shape, not only by colour (readable with any colour vision)."""
VERDICT_GLYPH = {
    "Supported": "\u2713",
    "Refuted": "\u2717",
    "Not Enough Evidence": "?",
    "Conflicting Evidence/Cherrypicking": "\u00b1",
}
"""By the verdict's AVeriTeC meaning, whatever the scale: \u2713 supported, \u2717 refuted,
? not enough evidence, \u00b1 conflicting or cherry-picking (the team marks between status
and verdict are + ! =, see `team_marks`)."""


def style_key(review: Review | None, scale: LabelScale) -> str:
    if review is None or review.status == "proposed" and review.verdict is None:
        return "proposed"
    if review.status == "rejected":
        return "rejected"
    if review.verdict is not None:
        label = scale.get(review.verdict)
        return label.averitec if label is not None else "accepted"
    return "accepted"


def status_glyph(review: Review | None) -> str:
    return STATUS_GLYPH[review.status if review is not None else "proposed"]


def verdict_glyph(review: Review | None, scale: LabelScale) -> str:
    if review is None or review.verdict is None:
        return " "
    label = scale.get(review.verdict)
    return VERDICT_GLYPH.get(label.averitec, "*") if label is not None else "*"


def format_score(score: float) -> str:
    """Every score in one format, four cells: '0.27', '1.00'."""
    return f"{score:.2f}"


def verdict_name(review: Review | None, scale: LabelScale) -> str:
    if review is None or review.verdict is None:
        return ""
    label = scale.get(review.verdict)
    return label.name if label is not None else review.verdict
