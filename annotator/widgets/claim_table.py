"""The claim list: status and verdict glyphs, the claim text, its kind and score.

A narrow list gives each claim two lines so the text keeps most of the width; a wide one
gives it one line with the verdict named.

Only visible rows are drawn (`render_line`), and rendered rows are cached by claim, version
and cursor, so moving the cursor redraws two rows and scrolling a page draws one page.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from annotator.cache import LRUCache
from annotator.claim_book import ClaimBook
from annotator.safe_text import clean_line
from annotator.widgets.claim_style import (
    format_score,
    status_glyph,
    verdict_glyph,
    verdict_name,
)
from annotator.widgets.line_view import LineView
from annotator.widgets.team_marks import MARK_STYLES, team_mark

__all__ = [
    "ClaimSelected",
    "ClaimTable",
    "GLYPHS",
    "KIND_WIDTH",
    "META_WIDTH",
    "VERDICT_WIDTH",
    "WIDE",
    "row_height",
]

VERDICT_WIDTH = 12
KIND_WIDTH = 10
"""The longest kind, "comparison": a kind is never cut."""
WIDE = 96
"""From this width on a claim takes one line (verdict name, kind, score, text); below it
two lines, so the text keeps the width: glyphs and text, then more text, kind and score."""
META_WIDTH = 1 + KIND_WIDTH + 1 + 4
GLYPHS = 4
"""My status, the team mark (`team_marks`: + others, ! disputed, = adjudicated), my verdict,
a space."""


def _fit(text: str, width: int) -> str:
    """`text` cut or padded to exactly `width` cells."""
    if len(text) <= width and cell_len(text) == len(text):
        return text.ljust(width)
    out, cells = [], 0
    for ch in text:
        w = cell_len(ch)
        if cells + w > width:
            break
        out.append(ch)
        cells += w
    return "".join(out) + " " * (width - cells)


def _split(text: str, width: int) -> tuple[str, str]:
    """The first `width` cells of `text`, broken at a space when one is near, and the rest."""
    head = _fit(text, width).rstrip()
    if len(head) >= len(text):
        return head, ""
    cut = head.rfind(" ")
    if cut > width * 2 // 3:
        return head[:cut], text[cut + 1:]
    return head, text[len(head):]


def row_height(width: int) -> int:
    return 1 if width >= WIDE else 2


@dataclass
class ClaimSelected(Message):
    """The reviewer clicked a row."""

    table: ClaimTable
    index: int

    @property
    def control(self) -> ClaimTable:
        return self.table


class ClaimTable(LineView, can_focus=True, inherit_bindings=False):
    """Virtual list of the article's claims with a cursor row.

    It drops the scroll bindings it would inherit: up, down, Home, End and the page keys move
    the claim cursor (the screen's keys), not the viewport, whatever has focus. Its colours
    are component classes, styled in app.tcss.
    """

    COMPONENT_CLASSES = {"claim-table--cursor", "claim-table--meta"}

    def styles_changed(self) -> None:
        self._cache.clear()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.book: ClaimBook | None = None
        self.cursor = 0
        self._cache: LRUCache[tuple[str, int, bool, int, int], Strip] = LRUCache(1024)

    @property
    def row_height(self) -> int:
        return row_height(self.scrollable_content_region.width)

    def _lines(self) -> int:
        return self.book.row_count * self.row_height if self.book is not None else 0

    def set_book(self, book: ClaimBook, cursor: int) -> None:
        self.book = book
        self.cursor = cursor
        self._cache.clear()
        self.virtual_size = Size(self.size.width, self._lines())
        self.refresh()
        self.call_after_refresh(self.scroll_to_cursor)

    def structure_changed(self) -> None:
        """The book gained or lost rows (or the filter changed): resize, redraw what shows."""
        if self.book is not None:
            self.virtual_size = Size(self.size.width, self._lines())
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.structure_changed()
        self.call_after_refresh(self.scroll_to_cursor)

    def _refresh_index(self, index: int) -> None:
        book = self.book
        if book is None or not book.shows(index):
            return
        h = self.row_height
        self.refresh_lines(book.row_of(index) * h, h)

    def refresh_row(self, index: int) -> None:
        self._refresh_index(index)

    def move_cursor(self, index: int) -> None:
        old, self.cursor = self.cursor, index
        self._refresh_index(old)
        self._refresh_index(index)
        self.scroll_to_cursor()

    def cursor_line(self) -> int:
        """The first line of the cursor's row, in the list's virtual lines."""
        return self.book.row_of(self.cursor) * self.row_height if self.book is not None else 0

    def scroll_to_cursor(self) -> None:
        if self.book is None:
            return
        h = self.row_height
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        first = self.book.row_of(self.cursor) * h
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif first + h > top + height:
            self.scroll_to(y=first + h - height, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.base_style
        h = row_height(width)
        line = y + self.scroll_offset.y
        book = self.book
        row, part = divmod(line, h)
        if book is None or not 0 <= row < book.row_count:
            return Strip.blank(width, base)
        index = book.state_index(row)
        state = book.states[index]
        is_cursor = index == self.cursor
        key = (state.claim.id, book.version, is_cursor, width, part)
        strip = self._cache.get(key)
        if strip is not None:
            return strip
        review = book.mine(state)
        row_style = base + self.get_component_rich_style(
            "claim-table--cursor", partial=True) if is_cursor else base
        dim = self.get_component_rich_style("claim-table--meta", partial=True)
        mark = team_mark(state, book.reviewer, book.blind)
        claim_style = row_style + self.colours.claim(review, book.scale)
        glyphs = [
            Segment(status_glyph(review), claim_style),
            Segment(mark, row_style + MARK_STYLES[mark]),
            Segment(verdict_glyph(review, book.scale), claim_style),
            Segment(" ", row_style),
        ]
        claim = state.claim
        meta = f"{_fit(claim.kind, KIND_WIDTH)} {format_score(claim.score)}"
        text = clean_line(claim.text[: width * 3])
        if h == 1:
            text_width = max(0, width - (GLYPHS + VERDICT_WIDTH + 1 + len(meta) + 1))
            segments = [
                *glyphs,
                Segment(_fit(verdict_name(review, book.scale), VERDICT_WIDTH) + " ", row_style),
                Segment(meta + " ", row_style + dim),
                Segment(_fit(text, text_width), row_style),
            ]
        else:
            first, rest = _split(text, max(1, width - GLYPHS))
            if part == 0:
                segments = [*glyphs, Segment(first, row_style)]
            else:
                rest_width = max(0, width - GLYPHS - META_WIDTH)
                shown = _fit(rest, rest_width)
                if cell_len(rest) > rest_width and rest_width > 0:
                    shown = shown[:-1] + "\u2026"
                segments = [Segment(" " * GLYPHS + shown, row_style),
                            Segment(" " + meta, row_style + dim)]
        strip = Strip(segments).adjust_cell_length(width, row_style)
        self._cache[key] = strip
        return strip

    def on_click(self, event: events.Click) -> None:
        row = (event.y + self.scroll_offset.y) // self.row_height
        if self.book is not None and 0 <= row < self.book.row_count:
            self.post_message(ClaimSelected(self, self.book.state_index(row)))
