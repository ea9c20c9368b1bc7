"""The source form: URL (checked to be http or https), title, quoted excerpt and stance."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from annotator.keymap import DIALOG_KEYS, bindings
from annotator.safe_text import clean_line
from annotator.widgets.inputs import SafeInput
from claims.model import STANCES, check_http_url


class SourceDialog(ModalScreen[dict[str, Any] | None]):
    """Answers a source dict for `Project.add_source`, or None when cancelled."""

    BINDINGS = bindings(DIALOG_KEYS)

    def __init__(self, claim_text: str) -> None:
        super().__init__()
        self.claim_text = claim_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="source-dialog"):
            yield Static(Text("Add a source", style="bold"), classes="dialog-title")
            yield Static(Text(clean_line(self.claim_text)[:200], style="italic"),
                         classes="dialog-context")
            yield Label("URL (http or https)")
            yield SafeInput(placeholder="https://…", id="source-url")
            yield Label("Title")
            yield SafeInput(id="source-title")
            yield Label("Quoted excerpt")
            yield SafeInput(id="source-quote")
            yield Label("Stance")
            yield Select([(s, s) for s in STANCES], value="context", allow_blank=False,
                         id="source-stance")
            yield Static("", id="source-error", classes="dialog-error")
            yield Static(Text("Enter saves · Escape cancels", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#source-url", Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        url = self.query_one("#source-url", Input).value
        try:
            url = check_http_url(url)
        except ValueError as exc:
            # The reason by name (credentials, a bad port, a hidden character...), shown inertly.
            self._error(clean_line(str(exc)))
            self.query_one("#source-url", Input).focus()
            return
        stance = self.query_one("#source-stance", Select).value
        self.dismiss(
            {
                "url": url,
                "title": self.query_one("#source-title", Input).value.strip(),
                "quote": self.query_one("#source-quote", Input).value.strip(),
                "stance": stance if isinstance(stance, str) else "context",
            }
        )

    def _error(self, message: str) -> None:
        self.query_one("#source-error", Static).update(Text(message, style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)
