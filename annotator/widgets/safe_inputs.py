"""Text fields that never put a control character on the reviewer's terminal.

Textual draws an Input's value as it is; a paste copied from a hostile page could carry
ESC sequences that the terminal would obey. Pasted text goes through `safe_text` first, so
controls arrive as visible placeholders (and fail URL validation, as they should).

A form may ask its fields to hand it pastes that hold tabs (`split_tabs`): a row copied from
a spreadsheet ("url<TAB>title<TAB>quote") then fills one field per cell.

Typing that reaches a field after its dialog closed was meant for what is on top now, and
goes there (annotator/type_ahead.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input, TextArea

from annotator.safe_text import clean, clean_line
from annotator.type_ahead import typed_past

__all__ = ["SafeInput", "SafeTextArea"]


class SafeInput(Input):
    @dataclass
    class TabbedPaste(Message):
        """A paste with tabs in it, cut at the tabs (each cell still raw)."""

        input: SafeInput
        cells: list[str]

        @property
        def control(self) -> SafeInput:
            return self.input

    def __init__(self, *args: object, split_tabs: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.split_tabs = split_tabs

    async def _on_key(self, event: events.Key) -> None:
        # Runs before the field's own handler, which a key handed on never reaches.
        typed_past(self, event)

    def _on_paste(self, event: events.Paste) -> None:
        if typed_past(self, event):
            return
        if self.split_tabs and "\t" in event.text.strip("\r\n"):
            event.stop()
            event.prevent_default()
            self.post_message(self.TabbedPaste(self, event.text.strip("\r\n").split("\t")))
            return
        event.text = clean_line(event.text)
        super()._on_paste(event)


class SafeTextArea(TextArea):
    async def _on_key(self, event: events.Key) -> None:
        # Runs before the field's own handler, which a key handed on never reaches.
        typed_past(self, event)

    async def _on_paste(self, event: events.Paste) -> None:
        if typed_past(self, event):
            return
        event.text = clean(event.text)
        await super()._on_paste(event)
