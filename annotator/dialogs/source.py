"""The source form: URL (checked to be http or https), title, quoted excerpt and stance.

Enter saves from any field (the stance too), ctrl+s as well; an error about the URL goes
away as soon as the URL is fixed; a pasted row with tabs fills URL, title and quote (and
the stance, when a fourth cell names one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from annotator.dialogs.form import FormDialog, body
from annotator.safe_text import clean_line
from annotator.widgets.choice import Choice
from annotator.widgets.safe_inputs import SafeInput
from claims.model import STANCES, check_http_url, review_text_problems, source_url_key

__all__ = ["EMPTY", "FIELDS", "SourceDialog"]

FIELDS = ("url", "title", "quote")
EMPTY: dict[str, str] = {"url": "", "title": "", "quote": "", "stance": "context"}


class SourceDialog(FormDialog[dict[str, Any] | None]):
    """Answers a source dict for `Project.add_source`, or None when cancelled."""

    def __init__(self, claim_text: str, *, draft: dict[str, str] | None = None,
                 draft_key: tuple[str, str] | None = None, cited: Sequence[str] = ()) -> None:
        super().__init__(draft_key=draft_key, saved=dict(EMPTY))
        self.claim_text = claim_text
        self.cited = list(cited)
        """The URLs the reviewer's review of the claim already cites, in order."""
        self.initial = {**EMPTY, **(draft or {})}
        self.has_error = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="source-dialog"):
            yield Static(Text("Add a source", style="bold"), classes="dialog-title")
            with body():
                yield Static(Text(clean_line(self.claim_text)[:200], style="italic"),
                             classes="dialog-context")
                yield Label("URL (http or https)")
                yield SafeInput(self.initial["url"], placeholder="https://…", id="source-url",
                                split_tabs=True)
                yield Label("Title")
                yield SafeInput(self.initial["title"], id="source-title", split_tabs=True)
                yield Label("Quoted excerpt")
                yield SafeInput(self.initial["quote"], id="source-quote", split_tabs=True)
                yield Label("Stance (\u2190/\u2192 or its first letter)")
                yield Choice(STANCES, self.initial["stance"], id="source-stance")
            yield Static("", id="source-error", classes="dialog-error")
            yield Static(Text("Enter or ctrl+s saves \u00b7 Escape keeps a draft", style="dim"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#source-url", Input).focus()

    def _input(self, name: str) -> Input:
        return self.query_one(f"#source-{name}", Input)

    def typed(self) -> dict[str, str]:
        out = {name: self._input(name).value for name in FIELDS}
        out["stance"] = self.query_one(Choice).value
        return out

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        url = self._input("url").value
        try:
            url = check_http_url(url)
        except ValueError as exc:
            # The reason by name (credentials, a bad port, a hidden character...), shown inertly.
            self._error(clean_line(str(exc)))
            self._input("url").focus()
            return
        for n, held in enumerate(self.cited, 1):
            if source_url_key(held) == source_url_key(url):
                self._error(clean_line(f"Your source {n} is this URL already ({held[:200]}): "
                                       "a review cites each source once."))
                self._input("url").focus()
                return
        title, quote = self._input("title").value.strip(), self._input("quote").value.strip()
        for where, problem in review_text_problems("", [(title, quote)]):
            name = where.rsplit(".", 1)[-1]
            fix = "shorten it" if problem.startswith("is longer") else "write it on one line"
            self._error(f"The {name} {problem}: {fix} to save the source.")
            self._input(name).focus()
            return
        self.finish({
            "url": url,
            "title": title,
            "quote": quote,
            "stance": self.query_one(Choice).value,
        })

    @on(Input.Changed, "#source-url")
    def _url_changed(self, event: Input.Changed) -> None:
        if not self.has_error:
            return
        try:
            check_http_url(event.value)
        except ValueError:
            return
        self.has_error = False
        self.query_one("#source-error", Static).update("")  # fixed: the complaint is stale
        self.call_after_refresh(self.fit_body)

    @on(SafeInput.TabbedPaste)
    def _tabbed_paste(self, event: SafeInput.TabbedPaste) -> None:
        """One cell a field, from the field pasted into onwards."""
        name = (event.input.id or "").removeprefix("source-")
        start = FIELDS.index(name) if name in FIELDS else 0
        cells = [c.strip() for c in event.cells]
        for offset, cell in enumerate(cells[: len(FIELDS) - start]):
            field = self._input(FIELDS[start + offset])
            text = clean_line(cell)
            if offset == 0:
                field.insert_text_at_cursor(text)
            else:
                field.value = text
        rest = cells[len(FIELDS) - start:]
        if rest and rest[0].lower() in STANCES:
            self.query_one(Choice).set_value(rest[0].lower())

    def _error(self, message: str) -> None:
        self.has_error = True
        self.query_one("#source-error", Static).update(Text(message, style="bold red"))
        self.call_after_refresh(self.fit_body)  # the error takes lines: keep the hint in view
