"""The claim as checked: the reviewer's rewrite of a claim as a standalone statement.

"It will operate a Patriot system" says little out of its article; the statement a
fact-check settles names who and what. The rewrite is this reviewer's, recorded by
`Project.set_claim_text`; exports use it as the claim (FEVER, AVeriTeC, ClaimReview).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from annotator.dialogs.form import TextFormDialog
from annotator.keymap import CHECKED_KEYS, bindings
from annotator.safe_text import clean, clean_line
from annotator.widgets.safe_inputs import SafeTextArea
from claims.model import MAX_CLAIM_TEXT, ClaimState

__all__ = ["CheckedTextDialog", "checked_text"]


def checked_text(state: ClaimState) -> str:
    """The claim as checked, as the project now stands (empty when nobody rewrote it)."""
    text = getattr(state, "checked_text", "")
    return text if isinstance(text, str) else ""


class CheckedTextDialog(TextFormDialog):
    """Answers the new text ("" clears this reviewer's rewrite), or None when cancelled."""

    BINDINGS = bindings(CHECKED_KEYS)

    def __init__(self, claim_text: str, initial: str, *, saved_text: str = "",
                 draft_key: tuple[str, str] | None = None) -> None:
        super().__init__(draft_key=draft_key, saved=clean(saved_text).strip())
        self.limit, self.what = MAX_CLAIM_TEXT, "the claim as checked"
        self.claim_text = claim_text
        self.initial = clean(initial).replace("\n", " ")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="checked-dialog"):
            yield Static(Text("The claim as checked", style="bold"), classes="dialog-title")
            yield Static(Text(clean_line(self.claim_text)[:300], style="italic"),
                         classes="dialog-context")
            yield Static(Text("Rewrite it as a statement that stands on its own: who, what, "
                              "when. Empty keeps the article's words.", style="dim"))
            yield SafeTextArea(self.initial, id="checked-text", soft_wrap=True,
                               show_line_numbers=False, tab_behavior="focus",
                               classes="dialog-body")
            yield Static(Text("Enter or ctrl+s saves \u00b7 Escape keeps a draft", style="dim"),
                         classes="dialog-hint")

    def typed(self) -> str:
        return " ".join(self.text().split())
