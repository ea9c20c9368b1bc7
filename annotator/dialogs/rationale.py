"""The rationale editor: multi-line, ctrl+s saves, Escape keeps unsaved text as a draft."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from annotator.dialogs.form import TextFormDialog
from annotator.keymap import RATIONALE_KEYS, bindings
from annotator.safe_text import clean, clean_line
from annotator.widgets.safe_inputs import SafeTextArea
from claims.model import MAX_RATIONALE

__all__ = ["RationaleDialog"]


class RationaleDialog(TextFormDialog):
    # Enter is a new line here: only ctrl+s saves.
    BINDINGS = bindings(RATIONALE_KEYS)

    def __init__(self, claim_text: str, rationale: str, *, draft: str | None = None,
                 draft_key: tuple[str, str] | None = None, title: str = "Rationale",
                 limit: int = MAX_RATIONALE, what: str = "the rationale") -> None:
        super().__init__(draft_key=draft_key, saved=clean(rationale).strip())
        self.limit, self.what = limit, what
        self.claim_text = claim_text
        self.rationale = draft if draft is not None else clean(rationale)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="rationale-dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Static(Text(clean_line(self.claim_text)[:200], style="italic"),
                         classes="dialog-context")
            yield SafeTextArea(self.rationale, id="rationale-text", soft_wrap=True,
                               show_line_numbers=False, tab_behavior="focus",
                               classes="dialog-body")
            yield Static(Text("ctrl+s saves \u00b7 Escape keeps a draft", style="dim"),
                         classes="dialog-hint")

    def typed(self) -> str:
        return self.text().strip()
