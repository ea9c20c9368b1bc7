"""The base of the annotator's line-by-line views: the text, the claim list, the detail panel."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip

from annotator.widgets.claim_style import CLAIM_CLASSES, ClaimColours

__all__ = ["LineView"]


class LineView(ScrollView):
    """A ScrollView drawn with `render_line`, whose base style is read once per repaint.

    `rich_style` walks the widget's ancestors; reading it once per line made every repaint
    pay for it as many times as there are visible lines. Its colours (those of claims,
    `CLAIM_CLASSES`, and any of a subclass) are component classes styled in app.tcss; each
    repaint checks them, and `styles_changed` drops what was drawn with old ones (a theme, a
    user's CSS).
    """

    COMPONENT_CLASSES = set(CLAIM_CLASSES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._base_style: Style | None = None
        self._colours: ClaimColours | None = None
        self._component_styles_seen: tuple[Style, ...] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base_style = self.rich_style
        seen = tuple(self.get_component_rich_style(name, partial=True)
                     for name in sorted(self._get_component_classes()))
        if seen != self._component_styles_seen:
            changed = self._component_styles_seen is not None
            self._component_styles_seen, self._colours = seen, None
            if changed:
                self.styles_changed()
        return super().render_lines(crop)

    @property
    def base_style(self) -> Style:
        """The widget's style for the repaint in progress."""
        return self._base_style or self.rich_style

    @property
    def colours(self) -> ClaimColours:
        """The colours of claims, as this widget's CSS styles them."""
        if self._colours is None:
            self._colours = ClaimColours.of(self)
        return self._colours

    def styles_changed(self) -> None:
        """The CSS changed (a theme, a stylesheet): drop what was drawn with the old one."""
