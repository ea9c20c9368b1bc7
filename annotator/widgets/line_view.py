"""The base of the annotator's line-by-line views: the text, the claim list, the detail panel."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip

__all__ = ["LineView"]


class LineView(ScrollView):
    """A ScrollView drawn with `render_line`, whose base style is read once per repaint.

    `rich_style` walks the widget's ancestors; reading it once per line made every repaint
    pay for it as many times as there are visible lines.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._base_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base_style = self.rich_style
        return super().render_lines(crop)

    @property
    def base_style(self) -> Style:
        """The widget's style for the repaint in progress."""
        return self._base_style or self.rich_style
