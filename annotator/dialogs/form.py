"""What every dialog shares: it fits the terminal, and typing is never thrown away.

A dialog's fields sit in a `.dialog-body` that scrolls when the terminal is too small (80x24,
60x20); the title above it and the error and hint lines below it stay in view, and Tab
scrolls the focused field into view. Forms save with Enter from any field and with ctrl+s.
Escape on a form whose text differs from what is saved keeps the text as a draft of that
claim (`AnnotatorApp.drafts`), which the same key reopens; saving clears the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from textual import events
from textual.containers import VerticalScroll
from textual.widgets import TextArea

from annotator.keymap import DIALOG_KEYS, FORM_KEYS, bindings
from annotator.type_ahead import TypeAheadDialog

__all__ = ["DRAFT_KEYS", "FittedDialog", "FormDialog", "TextFormDialog", "body"]

T = TypeVar("T")

DRAFT_KEYS = {"rationale": "n", "source": "s", "checked": "r"}


class FittedDialog(TypeAheadDialog[T], Generic[T]):
    """A modal dialog whose `.dialog-body` gets the height the terminal leaves it (and which
    keeps what is typed before its field has focus: annotator/type_ahead.py)."""

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit_body)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.fit_body)

    def after_typing(self, then: Callable[[], None]) -> None:
        """Run `then` once the focused field has taken the keys typed before this moment.

        A priority key (ctrl+s, Enter, Escape) runs as it arrives, while the characters
        typed just before it (in one read, over a slow link) still wait in the field's
        queue: saving at once would leave them out. Queued behind them, `then` runs in the
        field's turn, before the keys typed after it, which then find the form closed and
        go on to the screen below (annotator/type_ahead.py)."""
        if self.holding:  # nothing has focus yet: behind the typing held till it has
            self.in_turn(lambda: self.after_typing(then))
            return
        field = self.focused
        if field is None:
            then()
            return
        field.call_later(then)

    def action_next_field(self, step: int) -> None:
        self.in_turn(self.focus_next if step > 0 else self.focus_previous)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_cancel_typed(self) -> None:
        self.after_typing(self.action_cancel)

    def fit_body(self) -> None:
        bodies = self.query(".dialog-body")
        dialogs = self.query(".dialog")
        if not bodies or not dialogs:
            return
        body, dialog = bodies.first(), dialogs.first()
        others = sum(
            w.outer_size.height + w.styles.margin.top + w.styles.margin.bottom
            for w in dialog.children if w is not body and w.display
        )
        chrome = dialog.outer_size.height - dialog.content_size.height
        height = max(3, self.size.height - others - chrome)
        if body.styles.max_height is None or body.styles.max_height.value != height:
            body.styles.max_height = height


class FormDialog(FittedDialog[T], Generic[T]):
    """A form: ctrl+s and Enter save (`action_save`), Escape keeps unsaved typing as a draft."""

    BINDINGS = [*bindings(DIALOG_KEYS), *bindings(FORM_KEYS)]

    def __init__(self, *, draft_key: tuple[str, str] | None = None, saved: Any = None) -> None:
        super().__init__()
        self.draft_key = draft_key
        """`(form, claim id)`: where Escape keeps unsaved typing; None keeps nothing."""
        self.saved = saved
        """What the store holds now: typing equal to it is not a draft."""

    def typed(self) -> Any:
        """What the fields hold now, in the form a draft keeps."""
        return None

    def action_save(self) -> None:  # pragma: no cover - each form saves its own way
        raise NotImplementedError

    def action_save_typed(self) -> None:
        self.after_typing(self.action_save)

    def action_submit_typed(self) -> None:
        self.after_typing(self.action_save)

    def finish(self, value: T | None) -> None:
        """Close with `value` (saved: the draft is gone)."""
        drafts = getattr(self.app, "drafts", None)
        if self.draft_key is not None and drafts is not None:
            drafts.pop(self.draft_key, None)
        self.dismiss(value)

    def action_cancel(self) -> None:
        drafts = getattr(self.app, "drafts", None)
        typed = self.typed()
        if self.draft_key is not None and drafts is not None:
            if typed is not None and typed != self.saved:
                drafts[self.draft_key] = typed
                key = DRAFT_KEYS.get(self.draft_key[0], "the same key")
                self.app.notify(f"Not saved; kept as a draft of this claim ({key} reopens it).",
                                timeout=4)
            else:
                drafts.pop(self.draft_key, None)
        self.dismiss(None)


class TextFormDialog(FormDialog[str | None]):
    """A form around one text area (the rationale, the claim as checked): it opens focused
    with the cursor at the end, and saves what `typed` makes of the text; text over `limit`
    characters (the cap every way in applies) is refused aloud and the form stays open."""

    limit: int | None = None
    what = "the text"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter is a new line in the text area: only the form's own keys save it.
        return action != "submit_typed"

    def on_mount(self) -> None:
        super().on_mount()
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        from claims.model import too_long

        typed = self.typed()
        problem = too_long(typed, self.limit) if self.limit and isinstance(typed, str) else None
        if problem:
            self.app.bell()
            self.app.notify(f"{self.what.capitalize()} {problem}: shorten it to save it.",
                            title="Not saved", severity="error", markup=False)
            return
        self.finish(typed)


def body(**kwargs: Any) -> VerticalScroll:
    """The scrolling part of a dialog."""
    return VerticalScroll(classes="dialog-body", **kwargs)

