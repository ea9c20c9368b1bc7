"""The article text with every claim highlighted, drawn one visible line at a time.

The text is wrapped once per width into a table of `(start, end)` offsets; `render_line`
looks up only the claims overlapping that line (binary search in the `ClaimBook`), so a
key press costs the few lines it changes, however long the article. Text comes from
`ClaimBook.display_text`, where control characters are already visible placeholders, and
goes out as plain Segments: it is never parsed as markup.

The mouse selects text (press, drag, release); `c` turns the selection into a claim.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from annotator.cache import LRUCache
from annotator.claim_book import ClaimBook
from annotator.widgets.line_view import LineView

__all__ = ["ArticleView", "ClaimClicked", "wrap_offsets"]



def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` at `width` cells, as `(start, end)` offsets per line.

    A line never includes its newline; the space a line breaks at belongs to no line.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    n = len(text)
    pos = 0
    while True:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = n
        paragraph = text[pos:nl]
        if len(paragraph) <= width and cell_len(paragraph) <= width:
            lines.append((pos, nl))
        elif cell_len(paragraph) == len(paragraph):
            p = pos
            while nl - p > width:
                cut = text.rfind(" ", p, p + width + 1)
                if cut <= p:
                    lines.append((p, p + width))
                    p += width
                else:
                    lines.append((p, cut))
                    p = cut + 1
            lines.append((p, nl))
        else:
            _wrap_wide(text, pos, nl, width, lines)
        if nl >= n:
            break
        pos = nl + 1
    return lines


def _wrap_wide(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    line_start, cells, last_space = start, 0, -1
    i = start
    while i < end:
        w = get_character_cell_size(text[i])
        if cells + w > width and i > line_start:
            if last_space > line_start:
                out.append((line_start, last_space))
                i = last_space + 1
            else:
                out.append((line_start, i))
            line_start, cells, last_space = i, 0, -1
            continue
        if text[i] == " ":
            last_space = i
        cells += w
        i += 1
    out.append((line_start, end))


@dataclass
class ClaimClicked(Message):
    """The reviewer clicked a claim in the text."""

    view: ArticleView
    claim_id: str

    @property
    def control(self) -> ArticleView:
        return self.view


class ArticleView(LineView, can_focus=True, inherit_bindings=False):
    """Scrollable, highlighted article text (the wheel scrolls; keys move between claims)."""

    ALLOW_SELECT = False  # our own selection maps cells to article offsets
    COMPONENT_CLASSES = {"article-view--selection"}
    """The mouse selection's colours, styled in app.tcss (the claims' are `LineView`'s)."""

    def styles_changed(self) -> None:
        self._cache.clear()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.book: ClaimBook | None = None
        self.current_id: str | None = None
        self.selection: tuple[int, int] | None = None
        """The mouse selection, as article offsets `[start, end)`."""
        self._anchor: int | None = None
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrap_width = -1
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(600)
        """Rendered lines: paging back to text already seen costs nothing."""

    # -- content ---------------------------------------------------------------------

    def set_book(self, book: ClaimBook, current_id: str | None) -> None:
        self.book = book
        self.current_id = current_id
        self.selection = None
        self._cache.clear()  # keys hold the book's version, which restarts with a new book
        self._wrap_width = -1
        self._rewrap()
        self.refresh()
        if current_id:
            self.call_after_refresh(self.scroll_to_claim, current_id, True)

    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - 1)

    def _rewrap(self) -> None:
        if self.book is None:
            return
        width = self._text_width()
        if width == self._wrap_width:
            return
        self._wrap_width = width
        self._lines = wrap_offsets(self.book.display_text, width)
        self._line_starts = [s for s, _ in self._lines]
        # Lines drawn at the old width must never be reused: after 120 -> 80 -> 60 the pane
        # showed old and new wrapping mixed.
        self._cache.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()
        if self.current_id:
            self.scroll_to_claim(self.current_id, center=True)

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def offset_at(self, x: int, y: int) -> int | None:
        """The article offset under content cell `(x, y)` of the widget."""
        if self.book is None or not self._lines:
            return None
        index = y + self.scroll_offset.y
        if not 0 <= index < len(self._lines):
            return None
        start, end = self._lines[index]
        text = self.book.display_text
        cells = 0
        for i in range(start, end):
            cells += get_character_cell_size(text[i])
            if cells > x:
                return i
        return end

    # -- updates ---------------------------------------------------------------------

    def refresh_span(self, start: int, end: int) -> None:
        if not self._lines:
            return
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        self.refresh_lines(first, last - first + 1)

    def set_current(self, claim_id: str | None) -> None:
        book = self.book
        if book is None:
            return
        old = book.get(self.current_id) if self.current_id else None
        self.current_id = claim_id
        if old is not None:
            self.refresh_span(old.claim.start, old.claim.end)
        new = book.get(claim_id) if claim_id else None
        if new is not None:
            self.refresh_span(new.claim.start, new.claim.end)
            self.scroll_to_claim(new.claim.id)

    def scroll_to_claim(self, claim_id: str, center: bool = False) -> None:
        state = self.book.get(claim_id) if self.book else None
        if state is None or not self._lines:
            return
        first = self.line_of(state.claim.start)
        last = self.line_of(max(state.claim.start, state.claim.end - 1))
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if not center and first >= top and last < top + height:
            return
        if center or first < top or last >= top + height:
            span = last - first + 1
            target = first - max(0, (height - span) // 3) if span < height else first
            self.scroll_to(y=max(0, target), animate=False, immediate=True)

    # -- drawing ---------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.base_style
        if self.book is not None and self._text_width() != self._wrap_width:
            self._rewrap()  # resized, and this repaint came before the Resize event
        index = y + self.scroll_offset.y
        if self.book is None or not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        book = self.book
        start, end = self._lines[index]
        current = book.get(self.current_id) if self.current_id else None
        has_current = current is not None and current.claim.start < end and current.claim.end > start
        selection = self.selection
        if selection is not None and not (selection[1] > start and selection[0] < end):
            selection = None
        key = (index, self._wrap_width, width, book.version,
               self.current_id if has_current else None, selection, base)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        strip = self._render_text_line(book, start, end, width, base)
        self._cache[key] = strip
        return strip

    def _render_text_line(self, book: ClaimBook, start: int, end: int, width: int,
                          base: Style) -> Strip:
        text = book.display_text
        # Boundaries where the style may change: claim edges and the selection.
        styles: list[tuple[int, int, Style]] = []
        colours = self.colours
        for state in book.overlapping(start, end):
            c = state.claim
            styles.append((
                max(start, c.start),
                min(end, c.end),
                colours.claim(book.mine(state), book.scale, c.id == self.current_id),
            ))
        if self.selection is not None:
            s0, s1 = self.selection
            if s1 > start and s0 < end:
                styles.append((max(start, s0), min(end, s1), self.get_component_rich_style(
                    "article-view--selection", partial=True)))
        if not styles:
            segments = [Segment(text[start:end], base)]
        else:
            cuts = sorted({start, end, *(a for a, _, _ in styles), *(b for _, b, _ in styles)})
            segments = []
            for a, b in zip(cuts, cuts[1:], strict=False):
                if a >= b:
                    continue
                style = base
                for s0, s1, st in styles:  # later entries (inner, selection) win
                    if s0 <= a and b <= s1:
                        style = style + st
                segments.append(Segment(text[a:b], style))
        return Strip(segments).adjust_cell_length(width, base)

    # -- mouse -----------------------------------------------------------------------

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        self._anchor = offset
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._anchor is None or not event.button:
            return
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        old = self.selection
        lo, hi = sorted((self._anchor, offset))
        self.selection = (lo, hi + 1) if hi + 1 > lo else None
        self._refresh_selection(old)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self.release_mouse()
        anchor, self._anchor = self._anchor, None
        if anchor is None or self.book is None:
            return
        offset = self.offset_at(event.x, event.y)
        if offset is None or offset == anchor:
            old, self.selection = self.selection, None
            self._refresh_selection(old)
            state = self.book.at_offset(anchor)
            if state is not None:
                self.post_message(ClaimClicked(self, state.claim.id))

    def clear_selection(self) -> None:
        old, self.selection = self.selection, None
        self._refresh_selection(old)

    def _refresh_selection(self, old: tuple[int, int] | None) -> None:
        for span in (old, self.selection):
            if span is not None:
                self.refresh_span(*span)
