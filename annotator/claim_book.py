"""The claims of the article under review, held for O(1) and O(log n) access per key press.

The screen keeps one `ClaimBook`: the live claims sorted by position, an index from id to
position, and running counts for the header. After an action only the claims the Project
says changed are replaced; nothing here walks every claim except loading and the rare
actions that add or hide a claim (create, merge, their undo).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.queue import ClaimFilter
from annotator.queue import decided as review_is_decided
from annotator.safe_text import clean
from claims.labels import LabelScale
from claims.model import Article, ClaimState, Review


def _key(state: ClaimState) -> tuple[int, int, str]:
    c = state.claim
    return (c.start, c.end, c.id)


@dataclass
class ClaimBook:
    article: Article
    reviewer: str
    scale: LabelScale
    states: list[ClaimState] = field(default_factory=list)
    display_text: str = ""
    """The article with controls made visible and tabs as spaces; same length as the text."""
    _keys: list[tuple[int, int, str]] = field(default_factory=list)
    _pos: dict[str, int] = field(default_factory=dict)
    max_len: int = 0
    reviewed: int = 0
    version: int = 0
    """Bumped on every change; caches of rendered rows key on it with the claim id."""
    filter: ClaimFilter = field(default_factory=ClaimFilter)
    rows: list[int] | None = None
    """With a filter, the indices (into `states`, ascending) the list shows; else None.

    Worked out when the filter is set and when claims are added or removed; a claim that
    stops matching after a verdict keeps its row until the filter is set again, so the row
    under the cursor never vanishes."""
    blind: bool = False
    """Blind review: others' reviews stay hidden until this reviewer judged the claim."""

    @classmethod
    def build(
        cls, article: Article, states: Iterable[ClaimState], reviewer: str, scale: LabelScale,
        *, blind: bool = False,
    ) -> ClaimBook:
        book = cls(article=article, reviewer=reviewer, scale=scale, blind=blind)
        book.display_text = clean(article.text).replace("\t", " ")
        book.states = sorted(states, key=_key)
        book._reindex()
        book.reviewed = sum(1 for s in book.states if book.decided(s))
        return book

    def _reindex(self) -> None:
        self._keys = [_key(s) for s in self.states]
        self._pos = {s.claim.id: i for i, s in enumerate(self.states)}
        self.max_len = max((s.claim.end - s.claim.start for s in self.states), default=0)

    def _renumber(self, first: int) -> None:
        """Positions from `first` on moved: several structural changes in one `apply`
        (a merge hides one claim and grows another) must each find the others' rows."""
        for i in range(first, len(self.states)):
            self._pos[self.states[i].claim.id] = i

    def __len__(self) -> int:
        return len(self.states)

    # -- the rows the list shows (all claims, or those the filter keeps) -------------------

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        self.filter = claim_filter
        self._refilter()
        self.version += 1

    def _refilter(self) -> None:
        if not self.filter.active:
            self.rows = None
            return
        match = self.filter.matcher(self.reviewer, self.blind)
        self.rows = [i for i, s in enumerate(self.states) if match(s)]

    @property
    def row_count(self) -> int:
        return len(self.rows) if self.rows is not None else len(self.states)

    def state_index(self, row: int) -> int:
        return self.rows[row] if self.rows is not None else row

    def row_of(self, index: int) -> int:
        """The list row of `states[index]`, or of the first shown claim after it."""
        if self.rows is None:
            return index
        return bisect_left(self.rows, index)

    def shows(self, index: int) -> bool:
        if self.rows is None:
            return 0 <= index < len(self.states)
        r = bisect_left(self.rows, index)
        return r < len(self.rows) and self.rows[r] == index

    def index_of(self, claim_id: str) -> int | None:
        return self._pos.get(claim_id)

    def get(self, claim_id: str) -> ClaimState | None:
        i = self._pos.get(claim_id)
        return None if i is None else self.states[i]

    def mine(self, state: ClaimState) -> Review | None:
        return state.review_by(self.reviewer)

    def decided(self, state: ClaimState) -> bool:
        return review_is_decided(self.mine(state))

    def overlapping(self, start: int, end: int) -> list[ClaimState]:
        """Claims that share at least one character with `[start, end)`, in order."""
        lo = bisect_left(self._keys, (start - self.max_len,))
        hi = bisect_left(self._keys, (end,))
        return [s for s in self.states[lo:hi] if s.claim.end > start and s.claim.start < end]

    def at_offset(self, offset: int) -> ClaimState | None:
        """The shortest claim that covers `offset` (the most specific one)."""
        hits = self.overlapping(offset, offset + 1)
        return min(hits, key=lambda s: s.claim.end - s.claim.start) if hits else None

    def first_at_or_after(self, offset: int) -> int:
        return bisect_left(self._keys, (offset,))

    def apply(self, changed: Iterable[ClaimState], live: dict[str, bool]) -> bool:
        """Put the changed claims in; returns True when the order or membership changed.

        `live` says which changed claims are still shown (a merged-away or an undone created
        claim is not); claims missing from it are taken as live. Claims of other articles
        are ignored.
        """
        structural = False
        for state in changed:
            if state.claim.article_id != self.article.id:
                continue
            cid = state.claim.id
            i = self._pos.get(cid)
            is_live = live.get(cid, True)
            if i is not None:
                old = self.states[i]
                self.reviewed -= self.decided(old)
                if is_live and _key(old) == _key(state):
                    self.states[i] = state
                    self.reviewed += self.decided(state)
                    continue
                del self.states[i]
                del self._keys[i]
                del self._pos[cid]
                self._renumber(i)
                structural = True
            if is_live:
                k = _key(state)
                j = bisect_left(self._keys, k)
                self._keys.insert(j, k)
                self.states.insert(j, state)
                self._renumber(j)
                self.reviewed += self.decided(state)
                structural = True
        if structural:
            self.max_len = max((s.claim.end - s.claim.start for s in self.states), default=0)
            self._refilter()
        self.version += 1
        return structural


__all__ = ["ClaimBook", "review_is_decided"]
