"""The rationale editor: multi-line, ctrl+s saves, Escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from annotator.keymap import RATIONALE_KEYS, bindings
from annotator.safe_text import clean, clean_line
from annotator.widgets.inputs import SafeTextArea


class RationaleDialog(ModalScreen[str | None]):
    BINDINGS = bindings(RATIONALE_KEYS)

    def __init__(self, claim_text: str, rationale: str, *, title: str = "Rationale") -> None:
        super().__init__()
        self.claim_text = claim_text
        self.rationale = rationale
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="rationale-dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Static(Text(clean_line(self.claim_text)[:200], style="italic"),
                         classes="dialog-context")
            yield SafeTextArea(clean(self.rationale), id="rationale-text", soft_wrap=True,
                           show_line_numbers=False, tab_behavior="focus")
            yield Static(Text("ctrl+s saves · Escape cancels", style="dim"))

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
