"""The claim list: status, verdict, kind, score and the start of the text, one row a claim.

Only visible rows are drawn (`render_line`), and rendered rows are cached by claim, version
and cursor, so moving the cursor redraws two rows and scrolling a page draws one page.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from annotator.safe_text import clean_line
from annotator.widgets.claim_book import ClaimBook
from annotator.widgets.claim_style import STATUS_GLYPH, claim_style, verdict_name
from annotator.widgets.line_view import LineView
from annotator.widgets.team_marks import MARK_STYLES, team_mark

CURSOR_STYLE = Style(bgcolor="#005f87", color="#ffffff", bold=True)
DIM = Style(color="#9e9e9e")
VERDICT_WIDTH = 12
KIND_WIDTH = 8
HEADER = f"   {'verdict':<{VERDICT_WIDTH}} {'kind':<{KIND_WIDTH}} scr  text"
"""Columns: my status, the team mark (`team_marks`: + others, ! disputed, = adjudicated)."""


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


def _score(score: float) -> str:
    """Three cells: '.27', '1.0'."""
    return "1.0" if score >= 0.995 else f"{score:.2f}"[1:]


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
    the claim cursor (the screen's keys), not the viewport, whatever has focus.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.book: ClaimBook | None = None
        self.cursor = 0
        self._cache: OrderedDict[tuple[str, int, bool, int], Strip] = OrderedDict()

    def set_book(self, book: ClaimBook, cursor: int) -> None:
        self.book = book
        self.cursor = cursor
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(book))
        self.refresh()
        self.call_after_refresh(self.scroll_to_cursor)

    def structure_changed(self) -> None:
        """The book gained or lost rows: resize and redraw what shows."""
        if self.book is not None:
            self.virtual_size = Size(self.size.width, len(self.book))
        self.refresh()

    def refresh_row(self, index: int) -> None:
        self.refresh_line(index)

    def move_cursor(self, index: int) -> None:
        old, self.cursor = self.cursor, index
        self.refresh_line(old)
        self.refresh_line(index)
        self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.base_style
        index = y + self.scroll_offset.y
        book = self.book
        if book is None or not 0 <= index < len(book):
            return Strip.blank(width, base)
        state = book.states[index]
        is_cursor = index == self.cursor
        key = (state.claim.id, book.version, is_cursor, width)
        strip = self._cache.get(key)
        if strip is not None:
            self._cache.move_to_end(key)
            return strip
        review = book.mine(state)
        status = review.status if review is not None else "proposed"
        row_style = base + CURSOR_STYLE if is_cursor else base
        text_width = max(0, width - (3 + VERDICT_WIDTH + 1 + KIND_WIDTH + 1 + 4 + 1))
        mark = team_mark(state, book.reviewer, book.blind)
        segments = [
            Segment(STATUS_GLYPH[status], row_style + claim_style(review, book.scale)),
            Segment(mark + " ", row_style + MARK_STYLES[mark]),
            Segment(_fit(verdict_name(review, book.scale), VERDICT_WIDTH) + " ", row_style),
            Segment(_fit(state.claim.kind, KIND_WIDTH) + " ", row_style + DIM),
            Segment(_score(state.claim.score) + " ", row_style + DIM),
            Segment(_fit(clean_line(state.claim.text[: text_width * 2]), text_width), row_style),
        ]
        strip = Strip(segments).adjust_cell_length(width, row_style)
        self._cache[key] = strip
        if len(self._cache) > 512:
            self._cache.popitem(last=False)
        return strip

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if self.book is not None and 0 <= index < len(self.book):
            self.post_message(ClaimSelected(self, index))
