"""How a claim looks, from this reviewer's review: one place, so text, list and legend agree.

Colours follow the verdict's AVeriTeC meaning (any scale maps to it): supported green,
refuted red, not enough evidence amber, conflicting purple. Accepted without a verdict is
blue, still proposed is a faint underline, rejected as not a claim is struck through.
"""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style

from claims.labels import LabelScale
from claims.model import Review

__all__ = [
    "ACCEPTED_BG",
    "PROPOSED_BG",
    "STATUS_GLYPH",
    "VERDICT_GLYPH",
    "claim_style",
    "format_score",
    "kind_style",
    "status_glyph",
    "style_key",
    "verdict_glyph",
    "verdict_name",
]

_VERDICT_BG = {
    "Supported": "#1e5a2a",
    "Refuted": "#7a1f24",
    "Not Enough Evidence": "#6b5300",
    "Conflicting Evidence/Cherrypicking": "#5a2a6e",
}
ACCEPTED_BG = "#1f3d66"
PROPOSED_BG = "#2e2e3e"

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


@lru_cache(maxsize=64)
def kind_style(kind: str, current: bool) -> Style:
    if kind == "rejected":
        base = Style(color="#8a8a8a", strike=True)
    elif kind == "proposed":
        base = Style(bgcolor=PROPOSED_BG, underline=True)
    elif kind == "accepted":
        base = Style(color="#ffffff", bgcolor=ACCEPTED_BG)
    else:
        base = Style(color="#ffffff", bgcolor=_VERDICT_BG.get(kind, ACCEPTED_BG))
    if current:
        base += Style(bold=True, reverse=True)
    return base


def style_key(review: Review | None, scale: LabelScale) -> str:
    if review is None or review.status == "proposed" and review.verdict is None:
        return "proposed"
    if review.status == "rejected":
        return "rejected"
    if review.verdict is not None:
        label = scale.get(review.verdict)
        return label.averitec if label is not None else "accepted"
    return "accepted"


def claim_style(review: Review | None, scale: LabelScale, current: bool = False) -> Style:
    return kind_style(style_key(review, scale), current)


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
