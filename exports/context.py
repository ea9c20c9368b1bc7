"""The sentence and the paragraph around a claim, for readers of an export who need context.

Deliberately simple and independent of the extractor (which changes between versions): a
paragraph is a run of text between line breaks; a sentence ends at '.', '!', '?' or '…'
(optionally followed by closing quotes or brackets) followed by whitespace, or at a line break.
The sentence span grows to cover the whole claim when a claim crosses sentence ends.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s)")


class ArticleContext:
    """Sentence and paragraph boundaries of one article, computed once, queried per claim."""

    __slots__ = ("text", "_para_starts", "_para_ends", "_sent_starts", "_sent_ends")

    def __init__(self, text: str) -> None:
        self.text = text
        starts, ends = [0], []
        for match in re.finditer(r"\n", text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(text))
        self._para_starts, self._para_ends = starts, ends
        sent_ends = sorted({m.end() for m in _SENTENCE_END.finditer(text)} | set(ends))
        self._sent_ends = sent_ends
        self._sent_starts = sorted({0, *(e for e in sent_ends if e < len(text))})

    def paragraph(self, start: int, end: int) -> tuple[int, int]:
        """The lines covering `[start, end)`, trimmed of surrounding whitespace."""
        i = bisect_right(self._para_starts, start) - 1
        j = bisect_left(self._para_ends, max(end, start))
        lo = self._para_starts[max(i, 0)]
        hi = self._para_ends[min(j, len(self._para_ends) - 1)]
        return self._trim(lo, hi)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentences covering `[start, end)`, trimmed of surrounding whitespace."""
        lo = self._sent_starts[bisect_right(self._sent_starts, start) - 1]
        # a boundary that lies inside leading whitespace of the claim is still before it
        k = bisect_left(self._sent_ends, max(end, start + 1))
        hi = self._sent_ends[min(k, len(self._sent_ends) - 1)]
        return self._trim(lo, max(hi, end))

    def _trim(self, lo: int, hi: int) -> tuple[int, int]:
        text = self.text
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        return lo, hi
