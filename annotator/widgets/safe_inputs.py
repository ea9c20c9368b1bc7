"""Text fields that never put a control character on the reviewer's terminal.

Textual draws an Input's value as it is; a paste copied from a hostile page could carry
ESC sequences that the terminal would obey. Pasted text goes through `safe_text` first, so
controls arrive as visible placeholders (and fail URL validation, as they should).

A form may ask its fields to hand it pastes that hold tabs (`split_tabs`): a row copied from
a spreadsheet ("url<TAB>title<TAB>quote") then fills one field per cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input, TextArea

from annotator.safe_text import clean, clean_line

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

    def _on_paste(self, event: events.Paste) -> None:
        if self.split_tabs and "\t" in event.text.strip("\r\n"):
            event.stop()
            event.prevent_default()
            self.post_message(self.TabbedPaste(self, event.text.strip("\r\n").split("\t")))
            return
        event.text = clean_line(event.text)
        super()._on_paste(event)


class SafeTextArea(TextArea):
    async def _on_paste(self, event: events.Paste) -> None:
        event.text = clean(event.text)
        await super()._on_paste(event)
