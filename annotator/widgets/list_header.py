"""The line above the claim list: how many claims it shows, and the filter that chose them."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

__all__ = ["ListHeader", "plural"]


def plural(n: int, word: str) -> str:
    """'1 claim', '2 claims', '1,204 claims'."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class ListHeader(Widget):
    """Repainted without layout when the filter or the counts change."""

    DEFAULT_CSS = """
    ListHeader { height: 1; color: $text-muted; background: $panel; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown = 0
        self.total = 0
        self.filter = ""
        """The filter in words; empty when the list shows every claim."""

    def set(self, shown: int, total: int, filter_text: str) -> None:
        if (shown, total, filter_text) != (self.shown, self.total, self.filter):
            self.shown, self.total, self.filter = shown, total, filter_text
            self.refresh()

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        if self.filter:
            text.append(f" {self.shown:,} of {plural(self.total, 'claim')}", style="bold")
            text.append(" \u00b7 filter: ")
            text.append(self.filter, style="bold")
        else:
            text.append(f" {plural(self.total, 'claim')}")
            text.append(" \u00b7 f filters \u00b7 J/K next/previous to review", style="dim")
        return text
