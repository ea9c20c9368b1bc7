"""The boundaries editor, for `e` (move a claim's edges) and `c` (draw a new claim).

Edges move by whole words; the dialog shows the span in its context so the reviewer sees
what the claim will quote. It answers `(start, end)` or None.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from annotator.keymap import SPAN_KEYS, bindings
from annotator.safe_text import clean

__all__ = ["CONTEXT", "SpanDialog", "next_word_end", "prev_word_start"]

_WORD = re.compile(r"\S+")
CONTEXT = 160


def next_word_end(text: str, pos: int) -> int:
    """The end of the word after `pos` (skipping spaces), or `pos` at the end of the text."""
    m = _WORD.search(text, pos, min(len(text), pos + 400))
    return m.end() if m else pos


def prev_word_start(text: str, pos: int) -> int:
    """The start of the word before `pos`, or `pos` at the start of the text."""
    lo = max(0, pos - 400)
    starts = [m.start() for m in _WORD.finditer(text, lo, pos)]
    return starts[-1] if starts else pos


class SpanDialog(ModalScreen[tuple[int, int] | None]):
    BINDINGS = bindings(SPAN_KEYS)

    def __init__(self, text: str, start: int, end: int, title: str) -> None:
        super().__init__()
        self.text = text
        self.start, self.end = start, end
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="span-dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Static(id="span-preview")
            yield Static(id="span-status")
            yield Static(Text(
                "\u2190/\u2192 end by a word \u00b7 shift+\u2190/\u2192 start by a word \u00b7 "
                "Enter saves \u00b7 Escape cancels", style="dim"))

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        lo = max(0, self.start - CONTEXT)
        hi = min(len(self.text), self.end + CONTEXT)
        preview = Text(end="")
        preview.append(("\u2026" if lo else "") + clean(self.text[lo:self.start]), style="dim")
        preview.append(clean(self.text[self.start:self.end]), style="bold black on #d7af00")
        preview.append(clean(self.text[self.end:hi]) + ("\u2026" if hi < len(self.text) else ""),
                       style="dim")
        self.query_one("#span-preview", Static).update(preview)
        self.query_one("#span-status", Static).update(
            Text(f"[{self.start}, {self.end})  {self.end - self.start} characters", style="dim")
        )

    def action_grow_end(self) -> None:
        self.end = next_word_end(self.text, self.end)
        self._show()

    def action_shrink_end(self) -> None:
        new = prev_word_start(self.text, self.end)
        new_end = len(self.text[:new].rstrip())
        if new_end > self.start:
            self.end = new_end
            self._show()

    def action_grow_start(self) -> None:
        self.start = prev_word_start(self.text, self.start)
        self._show()

    def action_shrink_start(self) -> None:
        new = next_word_end(self.text, self.start)
        m = _WORD.search(self.text, new, self.end)
        if m is not None:
            self.start = m.start()
            self._show()

    def action_save(self) -> None:
        self.dismiss((self.start, self.end))

    def action_cancel(self) -> None:
        self.dismiss(None)
