"""Text fields that never put a control character on the reviewer's terminal.

Textual draws an Input's value as it is; a paste copied from a hostile page could carry
ESC sequences that the terminal would obey. Pasted text goes through `safe_text` first, so
controls arrive as visible placeholders (and fail URL validation, as they should).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from annotator.safe_text import clean, clean_line


class SafeInput(Input):
    def _on_paste(self, event: events.Paste) -> None:
        event.text = clean_line(event.text)
        super()._on_paste(event)


class SafeTextArea(TextArea):
    async def _on_paste(self, event: events.Paste) -> None:
        event.text = clean(event.text)
        await super()._on_paste(event)
