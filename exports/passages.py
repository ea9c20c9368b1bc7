"""The passages around a claim, its sentence and its paragraph, for readers of an export who
need them (the native record's `sentence` and `paragraph`).

Deliberately simple and independent of the extractor (which changes between versions): a
paragraph is a run of text between line breaks; a sentence ends at '.', '!', '?' or '…'
(optionally followed by closing quotes or brackets) followed by whitespace, or at a line break.
A claim that crosses sentence or paragraph ends gets all the pieces it touches. Spans are
trimmed of surrounding whitespace.

Boundaries are computed once per article and each piece's trimmed span is precomputed, so
a claim costs two binary searches (this runs a million times in a large export).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s)")


class _Pieces:
    """Consecutive pieces `[bounds[k], bounds[k+1])` of a text, with trimmed spans."""

    __slots__ = ("bounds", "trimmed", "text")

    def __init__(self, text: str, bounds: list[int]) -> None:
        self.text = text
        if len(bounds) < 2:  # empty text: one empty piece
            bounds = [0, len(text)]
        self.bounds = bounds
        self.trimmed = [_trim(text, bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]

    def covering(self, start: int, end: int) -> tuple[int, int]:
        bounds = self.bounds
        first = bisect_right(bounds, start) - 1
        last = bisect_left(bounds, end if end > start else start + 1) - 1
        n = len(self.trimmed)
        if first == last and 0 <= first < n:  # the claim lies in one piece: the usual case
            return self.trimmed[first]
        first = min(max(first, 0), n - 1)
        last = min(max(last, first), n - 1)
        if first == last:
            return self.trimmed[first]
        return _trim(self.text, bounds[first], bounds[last + 1])


class ArticlePassages:
    """Sentence and paragraph boundaries of one article, computed once, queried per claim."""

    __slots__ = ("text", "_paragraphs", "_sentences")

    def __init__(self, text: str) -> None:
        self.text = text
        n = len(text)
        breaks = [m.end() for m in re.finditer(r"\n", text)]
        self._paragraphs = _Pieces(text, sorted({0, *breaks, n}))
        ends = {m.end() for m in _SENTENCE_END.finditer(text)}
        self._sentences = _Pieces(text, sorted({0, *breaks, *ends, n}))

    def paragraph(self, start: int, end: int) -> tuple[int, int]:
        """The lines covering `[start, end)`, trimmed of surrounding whitespace."""
        return self._paragraphs.covering(start, end)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentences covering `[start, end)`, trimmed of surrounding whitespace."""
        return self._sentences.covering(start, end)


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
