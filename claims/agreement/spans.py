"""Agreement on claim boundaries: where reviewers drew, edited or merged claims.

Exact-boundary precision, recall and F1 between two reviewers' latest spans, and the F1 of the
characters those spans cover, on the articles where both did such work.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Any

from claims.agreement.figures import DEFAULT_MIN_ITEMS, too_few
from claims.model import HISTORY_EVENT_TYPES, STRUCTURAL_EVENT_TYPES

if TYPE_CHECKING:
    from claims.store.rows import LogEvent

__all__ = ["SPAN_MEASURE", "SpanEvent", "SpanPair", "reviewer_spans", "span_event", "span_pairs"]


@dataclass(frozen=True)
class SpanEvent:
    """A boundary action from the log: what `span_pairs` needs of an event."""

    seq: int
    id: str
    reviewer: str
    type: str
    article_id: str
    claim_id: str
    other_id: str | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class SpanPair:
    """Boundary agreement of two reviewers on the articles where both drew or edited claims."""

    reviewers: tuple[str, str]
    articles: int
    spans: tuple[int, int]
    """How many spans each of the two drew or edited there."""
    exact: int
    """Spans both gave with identical boundaries."""
    precision: float | None
    """Of the second reviewer's spans, the share the first also gave (first as reference)."""
    recall: float | None
    f1: float | None
    """Exact-boundary F1 (symmetric): 2 * exact / (spans of one + spans of the other)."""
    char_f1: float | None
    """F1 of the article characters each reviewer's spans cover (Dice coefficient)."""
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "reviewers": list(self.reviewers),
            "f1": self.f1,
            "too_few_items": self.f1 is None,
            "reason": self.reason,
            "articles": self.articles,
            "spans": list(self.spans),
            "exact": self.exact,
            "precision": self.precision,
            "recall": self.recall,
            "char_f1": self.char_f1,
        }


SPAN_MEASURE = (
    "exact-boundary precision/recall/F1 between two reviewers' drawn, edited or merged spans "
    "(each reviewer's latest span for each claim, undone actions excluded), on the articles "
    "where both did such work; char_f1 is the F1 of the characters those spans cover"
)


def reviewer_spans(events: Iterable[SpanEvent]) -> dict[str, dict[str, dict[str, tuple[int, int]]]]:
    """reviewer -> article -> claim -> the span that reviewer last gave the claim.

    `events` are in log order and include the undo/redo events that target them; an action
    undone (an odd number of undo/redo targeting it) does not count. A claim the reviewer
    merged into another is no longer one of their spans.
    """
    events = list(events)
    toggles = Counter(e.other_id for e in events if e.type in HISTORY_EVENT_TYPES and e.other_id)
    out: dict[str, dict[str, dict[str, tuple[int, int]]]] = defaultdict(lambda: defaultdict(dict))
    for e in sorted(events, key=lambda e: e.seq):
        if e.type not in STRUCTURAL_EVENT_TYPES or toggles[e.id] % 2:
            continue
        if e.start is None or e.end is None:
            continue
        spans = out[e.reviewer][e.article_id]
        spans[e.claim_id] = (e.start, e.end)
        if e.type == "merge" and e.other_id:
            spans.pop(e.other_id, None)
    return {r: {a: dict(s) for a, s in by.items() if s} for r, by in out.items()}


def _covered(spans: Iterable[tuple[int, int]]) -> set[int]:
    chars: set[int] = set()
    for start, end in spans:
        chars.update(range(start, end))
    return chars


def span_pairs(
    events: Iterable[SpanEvent], reviewers: Sequence[str], *, min_items: int = DEFAULT_MIN_ITEMS
) -> list[SpanPair]:
    by_reviewer = reviewer_spans(events)
    out = []
    for a, b in combinations(reviewers, 2):
        sa, sb = by_reviewer.get(a, {}), by_reviewer.get(b, {})
        shared = sorted(set(sa) & set(sb))
        spans_a = {(art, *span) for art in shared for span in sa[art].values()}
        spans_b = {(art, *span) for art in shared for span in sb[art].values()}
        exact = len(spans_a & spans_b)
        union = len(spans_a | spans_b)
        if union < min_items or not shared:
            what = "distinct spans drawn or edited by both on shared articles"
            out.append(SpanPair((a, b), len(shared), (len(spans_a), len(spans_b)), exact,
                                None, None, None, None, too_few(union, min_items, what)))
            continue
        inter = total = 0
        for art in shared:
            ca, cb = _covered(sa[art].values()), _covered(sb[art].values())
            inter += len(ca & cb)
            total += len(ca) + len(cb)
        out.append(
            SpanPair(
                reviewers=(a, b),
                articles=len(shared),
                spans=(len(spans_a), len(spans_b)),
                exact=exact,
                precision=exact / len(spans_b),
                recall=exact / len(spans_a),
                f1=2 * exact / (len(spans_a) + len(spans_b)),
                char_f1=2 * inter / total if total else None,
            )
        )
    return out


def span_event(event: LogEvent) -> SpanEvent:
    """A boundary action, or an undo or redo, of the log as `span_pairs` reads it."""
    start = end = None
    if event.type in STRUCTURAL_EVENT_TYPES:
        start, end = int(event.payload["start"]), int(event.payload["end"])
    return SpanEvent(seq=event.seq, id=event.id, reviewer=event.reviewer, type=event.type,
                     article_id=event.article_id, claim_id=event.claim_id,
                     other_id=event.other_id, start=start, end=end)
