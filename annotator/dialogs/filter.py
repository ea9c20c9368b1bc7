"""`f`: which claims the list shows, by status, kind, score, check-worthiness, dispute and
whose review. Enter (or ctrl+s) applies; the list header then counts what it shows."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from annotator.dialogs.form import FormDialog, body
from annotator.queue import STATUS_FILTERS, WHOSE_FILTERS, ClaimFilter
from annotator.widgets.choice import Choice
from annotator.widgets.safe_inputs import SafeInput

__all__ = ["FilterDialog", "YES_NO", "parse_score"]

YES_NO = ("no", "yes")


def parse_score(text: str) -> float:
    """A minimum score in [0, 1]; raises ValueError with the reason."""
    text = text.strip().replace(",", ".")
    if not text:
        return 0.0
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise ValueError("the score is between 0 and 1")
    return value


class FilterDialog(FormDialog[ClaimFilter | None]):
    def __init__(self, current: ClaimFilter, kinds: list[str]) -> None:
        super().__init__()
        self.current = current
        self.kinds = ["any", *kinds]

    def compose(self) -> ComposeResult:
        f = self.current
        with Vertical(classes="dialog", id="filter-dialog"):
            yield Static(Text("Filter the claim list", style="bold"), classes="dialog-title")
            with body():
                yield Label("Status (yours): unreviewed = not yet decided by you")
                yield Choice(STATUS_FILTERS, f.status, id="filter-status")
                yield Label("Kind")
                yield Choice(self.kinds, f.kind, id="filter-kind")
                yield Label("Score at least (0 to 1)")
                yield SafeInput(f"{f.min_score:.2f}" if f.min_score else "", placeholder="0",
                                id="filter-score")
                yield Label("Check-worthy only")
                yield Choice(YES_NO, "yes" if f.checkworthy else "no", id="filter-checkworthy")
                yield Label("Disputed only (reviewers disagree)")
                yield Choice(YES_NO, "yes" if f.disputed else "no", id="filter-disputed")
                yield Label("Reviewed by")
                yield Choice(WHOSE_FILTERS, f.whose, id="filter-whose")
            yield Static("", id="filter-error", classes="dialog-error")
            yield Static(Text("\u2190/\u2192 change \u00b7 Enter or ctrl+s applies \u00b7 "
                              "Escape cancels \u00b7 F in the list shows all", style="dim"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#filter-status", Choice).focus()

    def _choice(self, name: str) -> str:
        return self.query_one(f"#filter-{name}", Choice).value

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Input.Changed)
    def _score_changed(self, event: Input.Changed) -> None:
        try:
            parse_score(event.value)
        except ValueError:
            return
        self.query_one("#filter-error", Static).update("")
        self.call_after_refresh(self.fit_body)

    def action_save(self) -> None:
        try:
            score = parse_score(self.query_one("#filter-score", Input).value)
        except ValueError:
            self.query_one("#filter-error", Static).update(
                Text("The score must be a number from 0 to 1 (e.g. 0.5).", style="bold red"))
            self.call_after_refresh(self.fit_body)
            self.query_one("#filter-score", Input).focus()
            return
        self.dismiss(ClaimFilter(
            status=self._choice("status"),
            kind=self._choice("kind"),
            min_score=score,
            checkworthy=self._choice("checkworthy") == "yes",
            disputed=self._choice("disputed") == "yes",
            whose=self._choice("whose"),
        ))
