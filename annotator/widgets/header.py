"""The one-line header: reviewer, article, progress and, when saving fails, a loud warning."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from annotator.safe_text import clean_line

__all__ = ["AppHeader"]


class AppHeader(Widget):
    """Drawn by `render`, refreshed without layout: a key press repaints one line."""

    DEFAULT_CSS = """
    AppHeader { dock: top; height: 1; background: $panel; color: $foreground; }
    """

    def __init__(self, reviewer: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reviewer = reviewer
        self.article = ""
        self.progress = ""
        self.position = ""
        self.error = ""
        self.saved = ""
        """"saving…" while actions wait for their commit, then "saved" (or "not saved")."""

    def set(self, *, article: str | None = None, progress: str | None = None,
            position: str | None = None, error: str | None = None,
            saved: str | None = None) -> None:
        if article is not None:
            self.article = article
        if progress is not None:
            self.progress = progress
        if position is not None:
            self.position = position
        if error is not None:
            self.error = error
        if saved is not None:
            self.saved = saved
        self.refresh()

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(" claims ", style="bold reverse")
        text.append(" ")
        text.append(clean_line(self.reviewer)[:40], style="bold")
        # The article title goes last: on a narrow terminal it is what gets cut, never the
        # progress, the position or whether the last action was saved.
        if self.progress:
            text.append(" \u2502 ")
            text.append(self.progress, style="bold")
        if self.position:
            text.append(" \u2502 ")
            text.append(self.position)
        if self.saved:
            text.append(" \u2502 ")
            text.append(self.saved, style="bold #ffd75f" if self.saved != "saved" else "dim")
        if self.error:
            text.append("  ")
            text.append(f" NOT SAVED: {clean_line(self.error)} ", style="bold white on red")
        if self.article:
            text.append(" \u2502 ")
            text.append(clean_line(self.article)[:70])
        return text
