"""Quotations and who said them.

News attributes speech in a handful of shapes: « ... », a expliqué la capitaine Léa Roux;
"...," said Gen. Smith; Emmanuel Macron a dit « compter »; selon Joseph J. Lhota; according to
the minister. This module pairs quote marks inside a paragraph (`quote_spans`) and finds the
named person behind each quote or piece of reported speech (`claims.extract.attribution`). A
quote with no named speaker of its own ("a-t-il ajouté", "he said", or none) inherits the
speaker of the previous quote in the same or the previous paragraph
(`claims.extract.speakers`), so every sentence of a multi-sentence quote knows its speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "closing_mark", "continued_quote", "quote_spans"]

_QUOTE_CHARS = re.compile(r'[«»“”"]')
_SPACE_BEFORE = frozenset(" \t\n\r\u00a0\u202f([{—–-/")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: `open` is the opening mark, `close` the position just after the closing one."""

    open: int
    close: int


_CLOSING = {"»": "«", "”": "“"}
"""Each closing mark and the opening mark it pairs with."""


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Balanced quotations inside `text[start:end]` (one paragraph), outermost first by position.

    Unbalanced marks are ignored rather than guessed: an opening « that never closes protects
    nothing, so an odd quote cannot swallow a whole paragraph.
    """
    if end is None:
        end = len(text)
    spans: list[QuoteSpan] = []
    # Open marks by kind: « », then “ ” (each nests); a close ends the outermost one's span.
    paired: dict[str, list[int]] = {"«": [], "“": []}
    straight: list[int] = []
    for match in _QUOTE_CHARS.finditer(text, start, end):
        pos = match.start()
        char = text[pos]
        if char in paired:
            paired[char].append(pos)
        elif char in _CLOSING:
            stack = paired[_CLOSING[char]]
            if stack:
                opened = stack.pop()
                if not stack:
                    spans.append(QuoteSpan(opened, pos + 1))
        else:
            before = text[pos - 1] if pos > start else " "
            after = text[pos + 1] if pos + 1 < end else " "
            opens = (before in _SPACE_BEFORE or before in "«“") and not after.isspace()
            if straight and not opens:
                spans.append(QuoteSpan(straight.pop(), pos + 1))
            elif opens:
                straight[:] = [pos]
            elif straight:
                spans.append(QuoteSpan(straight.pop(), pos + 1))
    spans.sort(key=lambda span: span.open)
    # Keep outermost spans only: a “ ” inside a « » is part of the same quotation.
    kept: list[QuoteSpan] = []
    for span in spans:
        if kept and span.open < kept[-1].close:
            continue
        kept.append(span)
    return kept


_OPENING = re.compile(r'[«“"]')
_REOPENS = re.compile(r'[\s\u00a0\u202f]*[«“"]')


def continued_quote(
    text: str, start: int, end: int, after: int, reopens: bool = True
) -> int | None:
    """The opening mark of a quotation left open at the end of the paragraph `text[start:end]`
    (after its last closed quotation, `after`) when the next paragraph opens with a quote mark:
    news continues a quotation over paragraphs that way. None otherwise. With `reopens` False,
    the next paragraph need not open with one (see `closing_mark`)."""
    if reopens and _REOPENS.match(text, end) is None:
        return None
    for match in _OPENING.finditer(text, after, end):
        pos = match.start()
        if text[pos] == '"' and pos > start and text[pos - 1] not in _SPACE_BEFORE:
            continue  # a straight mark glued to a word closes, it does not open
        if _QUOTE_CHARS.search(text, pos + 1, end) is None:
            return pos
        return None
    return None


def closing_mark(text: str, start: int, end: int) -> int | None:
    """Where the paragraph `text[start:end]` closes a quotation it never opened: its first quote
    mark is a closing one ("It was a very emotional day. ... better.\"" after a paragraph that
    opened the quote and did not close it). None when its first mark opens a quotation."""
    match = _QUOTE_CHARS.search(text, start, end)
    if match is None:
        return None
    pos = match.start()
    char = text[pos]
    if char in _CLOSING:
        return pos
    if char == '"' and pos > start and text[pos - 1] not in _SPACE_BEFORE:
        after = text[pos + 1] if pos + 1 < end else " "
        if not after.isalnum():
            return pos  # a straight mark glued to the word before it, and not to one after
    return None
