"""The detail panel: everything about the current claim, and its history.

Built as a Rich `Text` from parts, never from markup, so a source title or a rationale that
looks like `[bold]` or carries escape sequences shows literally.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.strip import Strip

from annotator.queue import is_checkworthy
from annotator.safe_text import clean, clean_line
from annotator.widgets.claim_style import ClaimColours, format_score
from annotator.widgets.line_view import LineView
from annotator.widgets.team_marks import others_decided, sees_others, visible_reviews
from claims.labels import LabelScale
from claims.model import STRUCTURAL_EVENT_TYPES, ClaimState, Event, idna_host, review_summary

__all__ = [
    "DIM",
    "DetailPanel",
    "HISTORY_LINES",
    "LABEL",
    "VISIBLE_WHEN_BLIND",
    "claim_details",
    "describe_event",
    "human_number",
]

VISIBLE_WHEN_BLIND = STRUCTURAL_EVENT_TYPES
"""Events of others that blind review still shows: they change the claim, not a verdict."""
HISTORY_LINES = 15
"""The most recent events shown; `claims log CLAIM_ID` prints them all."""
LABEL = "bold #87afd7"
DIM = "#9e9e9e"


def _field(text: Text, name: str, value: str | Text, *, one_line: bool = True) -> None:
    text.append(f"{name}: ", style=LABEL)
    if isinstance(value, Text):
        text.append_text(value)
    else:
        text.append(clean_line(value) if one_line else clean(value))
    text.append("\n")


def human_number(value: float) -> str:
    """A quantity as a person writes it: 1200000000 -> '1,200,000,000', 0.5 -> '0.5'.

    Never an exponent: `1.2e+09 dollars` reads as a typo in a fact-check."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else f"{value:.3g}"


def describe_event(event: Event, scale: LabelScale) -> str:
    p = event.payload
    if event.type == "verdict":
        label = scale.get(p.get("label") or "")
        return f"verdict {label.name if label else 'cleared'}"
    if event.type == "status":
        return {"accepted": "accepted", "rejected": "rejected as not a claim",
                "proposed": "restored"}.get(p.get("status", ""), f"status {p.get('status')}")
    if event.type == "source_add":
        return f"source {p.get('source', {}).get('url', '')}"
    if event.type == "source_remove":
        return f"removed source {int(p.get('index', 0)) + 1}"
    if event.type == "rationale":
        return "rationale edited"
    if event.type == "span":
        return f"boundaries [{p.get('start')}, {p.get('end')})"
    if event.type == "claim_create":
        return "created the claim"
    if event.type == "merge":
        return "merged with the next claim"
    if event.type == "claim_text":
        return "rewrote the claim as checked" if p.get("text") else "cleared the claim as checked"
    if event.type == "review":
        label = scale.get(p.get("verdict") or "")
        return "imported review: " + review_summary(p, label.name if label else None)
    if event.type in ("undo", "redo"):
        return f"{event.type} of {p.get('type', 'an action')}"
    return event.type



def claim_details(
    state: ClaimState, scale: LabelScale, reviewer: str, history: list[Event] | None,
    drafts: tuple[str, ...] = (), *, blind: bool = False, colours: ClaimColours,
) -> Text:
    """Everything about the claim; `drafts` names this reviewer's unsaved forms for it, and
    `colours` are the panel's (`DetailPanel.colours`).

    Under blind review, nothing the other reviewers said until `reviewer` judged it (their
    names and times, not their verdicts, show)."""
    claim = state.claim
    mine = state.review_by(reviewer)
    hidden = not sees_others(state, reviewer, blind)
    text = Text(end="")
    text.append(clean(claim.text), style=colours.claim(mine, scale))
    text.append("\n")
    checked = getattr(state, "checked_text", "")
    if isinstance(checked, str) and checked:
        text.append("as checked: ", style=LABEL)
        text.append(clean(checked), style="italic")
        text.append("\n")
    text.append("\n")
    worthy = "check-worthy" if is_checkworthy(claim) else "not check-worthy"
    _field(text, "kind", f"{claim.kind}  score {format_score(claim.score)} ({worthy})  "
                         f"[{claim.start}, {claim.end})")
    if claim.reasons:
        _field(text, "why", ", ".join(claim.reasons))
    for q in claim.quantities:
        unit = f" {q.unit}" if q.unit else ""
        _field(text, "quantity",
               f"{q.comparator} {human_number(q.value)}{unit}  \u201c{q.text}\u201d")
    for d in claim.dates:
        rng = f"{d.from_ or '?'}" + (f" \u2192 {d.to}" if d.to and d.to != d.from_ else "")
        _field(text, "date", f"{rng}  \u201c{d.text}\u201d")
    if claim.speaker:
        _field(text, "speaker", claim.speaker)
    if claim.origin != "extractor" and not claim.origin.startswith("extractor"):
        _field(text, "origin", claim.origin)
    text.append("\n")
    for form in drafts:
        key = {"rationale": "n", "source": "s", "checked": "r"}.get(form, "")
        text.append(f"draft: unsaved {form if form != 'checked' else 'claim as checked'}"
                    f" ({key} reopens it)\n", style="bold #d7af00")
    if not hidden and state.disputed:
        text.append("disputed: reviewers disagree\n", style="bold #d7af00")
    if not state.reviews:
        text.append("No review yet.\n", style=DIM)
    if hidden:
        n = len(others_decided(state, reviewer))
        if n:
            text.append(
                f"{n} other reviewer{'s' if n > 1 else ''} reviewed this claim; blind review: "
                "theirs shows once you give your verdict.\n", style="italic",
            )
    adjudication = state.adjudication
    if adjudication is not None and not hidden:
        label = scale.get(adjudication.verdict) if adjudication.verdict else None
        text.append("adjudicated ", style=LABEL)
        text.append(label.name if label else "no verdict", style="bold")
        text.append(" by ")
        text.append(clean_line(adjudication.reviewer), style="bold")
        if adjudication.note:
            text.append(": " + clean_line(adjudication.note))
        text.append("\n")
    for review in visible_reviews(state, reviewer, blind):
        label = scale.get(review.verdict) if review.verdict else None
        text.append(clean_line(review.reviewer), style="bold")
        text.append(f"  {review.status}", style=colours.claim(review, scale))
        text.append(f"  {label.name if label else 'no verdict'}\n")
        for i, source in enumerate(review.sources, 1):
            text.append(f"  source {i} ", style=LABEL)
            text.append(f"({source.stance}) ", style=DIM)
            text.append(clean_line(source.url))
            international = idna_host(source.url)
            if international is not None:
                # A homograph (Cyrillic "а" for Latin "a") reads the same; its punycode does not.
                text.append(f"  [host {clean_line(international[1])}]", style="bold yellow")
            if source.title:
                text.append("\n    " + clean_line(source.title), style="italic")
            if source.quote:
                text.append("\n    \u201c" + clean_line(source.quote) + "\u201d", style=DIM)
            text.append("\n")
        rewrite = getattr(review, "claim_text", "")
        if isinstance(rewrite, str) and rewrite:
            text.append("  as checked ", style=LABEL)
            text.append(clean_line(rewrite) + "\n", style="italic")
        if review.rationale:
            text.append("  rationale ", style=LABEL)
            text.append(clean(review.rationale).replace("\n", "\n    "))
            text.append("\n")
    text.append("\nHistory\n", style=LABEL)
    if history is None:
        text.append("\u2026\n", style=DIM)
    elif not history:
        text.append("none\n", style=DIM)
    else:
        if len(history) > HISTORY_LINES:
            text.append(f"\u2026 {len(history) - HISTORY_LINES} earlier (claims log CLAIM_ID)\n", style=DIM)
        for event in history[-HISTORY_LINES:]:
            text.append(event.ts.strftime("%Y-%m-%d %H:%M:%S "), style=DIM)
            text.append(clean_line(event.reviewer), style="bold")
            if hidden and event.reviewer != reviewer and event.type not in VISIBLE_WHEN_BLIND:
                text.append(" reviewed (hidden until you give your verdict)\n", style=DIM)
            else:
                text.append(" " + clean_line(describe_event(event, scale)) + "\n")
    return text


class DetailPanel(LineView):
    """Scrollable details of the current claim, wrapped once and drawn line by line."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text(end="")
        self._build: Callable[[ClaimColours], Text] | None = None
        self._lines: list[list[Segment]] = []
        self._width = -1

    def show(self, text: Text | str | Callable[[ClaimColours], Text], *,
             keep_scroll: bool = False) -> None:
        """Show `text`, or what `text(colours)` builds with the panel's colours of claims (built
        again when the CSS changes); `keep_scroll` (the same claim, updated) leaves the
        reader's place."""
        self._build = text if callable(text) else None
        if callable(text):
            text = text(self.colours)
        self._text = text if isinstance(text, Text) else Text(text, end="")
        self._width = -1
        self._wrap()
        if not keep_scroll:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def plain(self) -> str:
        return self._text.plain

    def _wrap(self) -> None:
        width = max(1, self.scrollable_content_region.width - 1)
        if width == self._width:
            return
        self._width = width
        self.refresh()
        console = self.app.console
        lines = self._text.wrap(console, width)
        self._lines = [
            [seg for seg in line.render(console, end="") if not seg.control and seg.text != "\n"]
            for line in lines
        ]
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            # The scrollbar is always shown (overflow-y: scroll), so a new content height
            # changes no widget's region: update the scroll range without a screen layout,
            # which would repaint every widget (three frames on a jump to the last claim).
            self.set_reactive(DetailPanel.virtual_size, size)
            self._scroll_update(size)

    def styles_changed(self) -> None:
        if self._build is not None:
            self._text = self._build(self.colours)
            self._width = -1

    def on_resize(self, event: events.Resize) -> None:
        self._wrap()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.base_style
        if max(1, width - 1) != self._width:
            self._wrap()  # resized, and this repaint came before the Resize event
        index = y + self.scroll_offset.y
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        segments = [Segment(seg.text, base + seg.style if seg.style else base)
                    for seg in self._lines[index]]
        return Strip(segments).adjust_cell_length(width, base)
