"""`y`: copy the claim's text, the claim as checked or a source URL to the clipboard.

The copy travels as an OSC 52 sequence (Textual's `copy_to_clipboard`), which terminals
honour locally and over SSH; the text copied is the stored text, the list shows it cleaned.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from annotator.dialogs.checked import checked_text
from annotator.dialogs.form import FittedDialog
from annotator.keymap import COPY_KEYS, bindings
from annotator.safe_text import clean_line
from claims.model import ClaimState

__all__ = ["CopyDialog", "copy_choices"]


def copy_choices(state: ClaimState, reviewer: str) -> list[tuple[str, str]]:
    """`(what, text)` pairs: the claim text first, then its rewrite, then source URLs."""
    out = [("the claim text", state.claim.text)]
    rewrite = checked_text(state)
    if rewrite:
        out.append(("the claim as checked", rewrite))
    seen: set[str] = set()
    reviews = sorted(state.reviews, key=lambda r: r.reviewer != reviewer)
    for review in reviews:
        for source in review.sources:
            if source.url not in seen:
                seen.add(source.url)
                out.append(("a source URL", source.url))
    return out


class CopyDialog(FittedDialog[tuple[str, str] | None]):
    BINDINGS = bindings(COPY_KEYS)

    def __init__(self, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="copy-dialog"):
            yield Static(Text("Copy to the clipboard", style="bold"), classes="dialog-title")
            options = []
            for n, (what, text) in enumerate(self.choices, 1):
                row = Text(no_wrap=True, overflow="ellipsis", end="")
                row.append(f"{n} ", style="bold")
                row.append(f"{what}: ", style="dim")
                row.append(clean_line(text))
                options.append(Option(row))
            yield OptionList(*options, id="copy-list", classes="dialog-body")
            yield Static(Text("Enter or 1-9 copies \u00b7 Escape cancels", style="dim"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        listing = self.query_one(OptionList)
        listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index])

    def on_key(self, event: object) -> None:
        ch = getattr(event, "character", None)
        if ch and ch.isdigit() and 1 <= int(ch) <= len(self.choices):
            self.dismiss(self.choices[int(ch) - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)
