"""A one-line choice among a few values: left/right (or space, or a value's first letter)
change it, and Enter is left to the form, so Enter saves from this field as from any other.

Textual's `Select` opens a menu on Enter and shows its value only when it has room; a form
at 60x20 needs the chosen value always in sight and one key to save.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from annotator.type_ahead import typed_past

__all__ = ["Choice"]


class Choice(Widget, can_focus=True):
    DEFAULT_CSS = """
    Choice { height: 1; width: auto; padding: 0 1; background: $boost; }
    Choice:focus { background: $accent 40%; text-style: bold; }
    """
    BINDINGS = [
        Binding("right,space", "step(1)", "Next value", show=False),
        Binding("left", "step(-1)", "Previous value", show=False),
    ]

    @dataclass
    class Changed(Message):
        choice: Choice
        value: str

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, values: Sequence[str], value: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.values = list(values)
        self.value = value if value in self.values else self.values[0]

    def render(self) -> Text:
        text = Text(no_wrap=True, end="")
        text.append("\u25c2 ", style="dim")
        text.append(self.value)
        text.append(" \u25b8", style="dim")
        text.append(f"  ({self.values.index(self.value) + 1}/{len(self.values)})", style="dim")
        return text

    def set_value(self, value: str) -> None:
        if value in self.values and value != self.value:
            self.value = value
            self.refresh(layout=True)
            self.post_message(self.Changed(self, value))

    def action_step(self, step: int) -> None:
        i = self.values.index(self.value)
        self.set_value(self.values[(i + step) % len(self.values)])

    def on_key(self, event: events.Key) -> None:
        if typed_past(self, event):
            return
        ch = event.character
        if ch and ch.isalpha():
            hits = [v for v in self.values if v.lower().startswith(ch.lower())]
            if hits:
                event.stop()
                i = hits.index(self.value) + 1 if self.value in hits else 0
                self.set_value(hits[i % len(hits)])

    def on_click(self) -> None:
        self.action_step(1)
