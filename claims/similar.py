"""Claims already checked: which reviewed claims, and which published fact-checks, a claim resembles.

A claim is compared with the claims of the project that some reviewer gave a verdict (in any
article) and with the reference claims loaded from published fact-checks (`claims add
--known`). Texts are compared after `claims.normalise.normalise`: accents and case folded,
number words and digit groupings turned into one spelling ("mille deux cents", "1 200" and
"1,200" are all "1200"; "12 millions" is "12000000"), punctuation dropped.

Scoring every reference for every claim is too slow for a 100,000-claim project inside a key
press, so `SimilarIndex` keeps a token inverted index: the query's rarest tokens pick at most
`CANDIDATES` references (those sharing the most informative words), and only those are scored
with rapidfuzz (`process.extract`). Building the index normalises each reference once; a lookup
then costs a few milliseconds whatever the project's size (`bench/similar.py` measures it).
"""

from __future__ import annotations

import dataclasses
import functools
import heapq
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from claims.model import KnownClaim
from claims.normalise import normalise, numbers_in

if TYPE_CHECKING:
    from claims.store import Store
    from claims.store.known import CheckedRow

SCORE_CUTOFF = 70.0
"""Matches scoring below this (0-100) are not shown."""
CANDIDATES = 200
"""References scored with rapidfuzz per lookup, picked by the inverted index."""
POSTINGS_BUDGET = 8_000
"""Postings read per lookup at most: the rarest tokens first, common words last or never."""
NUMBER_MISMATCH = 0.85
"""Score factor when both texts give numbers and none of them agree: 300 is not 400."""

__all__ = [
    "CANDIDATES",
    "NUMBER_MISMATCH",
    "POSTINGS_BUDGET",
    "SCORE_CUTOFF",
    "Match",
    "SimilarClaims",
    "SimilarIndex",
    "build_index",
    "checked_matches",
    "known_match",
]


# -- what a claim can resemble -------------------------------------------------------------------


class _FromKnown:
    """A field of the published fact-check a reference match stands for (None on a claim's
    match); dates as ISO text."""

    def __init__(self, doc: str) -> None:
        self.__doc__ = f"Reference claims: {doc}."
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, match: Match | None, owner: type | None = None) -> str | None:
        known = match.known if match is not None else None
        value = getattr(known, self.name) if known is not None else None
        return value.isoformat() if isinstance(value, date) else value


@dataclass(frozen=True, slots=True)
class Match:
    """A reviewed claim of the project, or a published fact-check, that resembles the claim."""

    kind: Literal["claim", "known"]
    key: str
    """The claim id, or the reference claim's id."""
    text: str
    score: float = 0.0
    """0-100, higher is closer."""
    verdict: str | None = None
    """Claims: the final verdict's label id (None when reviewers disagree)."""
    verdicts: tuple[str, ...] = ()
    """Claims: every reviewer's verdict, by reviewer (label ids)."""
    article_id: str | None = None
    article_title: str | None = None
    known: KnownClaim | None = field(default=None, compare=False)
    """Reference claims: the published fact-check itself."""

    rating = _FromKnown("the fact-checker's rating as written (\"False\", \"Mostly true\")")
    publisher = _FromKnown("who published the fact-check")
    url = _FromKnown("the fact-check's address")
    claimant = _FromKnown("who made the claim, as the fact-check names them")
    reviewed_on = _FromKnown("the day the fact-check was published (ISO)")

    def with_score(self, score: float) -> Match:
        return dataclasses.replace(self, score=score)

    def as_record(self) -> dict[str, Any]:
        """The match as JSON (`claims similar --format jsonl`)."""
        record: dict[str, Any] = {"kind": self.kind, "score": round(self.score, 1)}
        if self.kind == "claim":
            record.update(claim_id=self.key, article_id=self.article_id,
                          article_title=self.article_title, text=self.text,
                          verdict=self.verdict, verdicts=list(self.verdicts))
        else:
            record.update(known_id=self.key, text=self.text, rating=self.rating,
                          publisher=self.publisher, url=self.url, claimant=self.claimant,
                          reviewed_on=self.reviewed_on)
        return record


class SimilarIndex:
    """Reviewed claims and reference claims, indexed by token for fast fuzzy lookups.

    Not thread-safe: one thread adds, removes and searches (in the annotator, its lookup
    thread). A removed or replaced entry leaves its slot in the postings, skipped by lookups.
    """

    def __init__(self) -> None:
        self._norms: list[str | None] = []
        self._items: list[Match] = []
        self._numbers: list[set[str]] = []
        self._slot: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        self._live = 0

    def __len__(self) -> int:
        return self._live

    def __contains__(self, key: str) -> bool:
        return key in self._slot

    def add(self, item: Match, lang: str = "und") -> None:
        """Index `item` (replacing an entry with the same key)."""
        self.remove(item.key)
        norm = normalise(item.text, lang)
        slot = len(self._norms)
        self._norms.append(norm)
        self._items.append(item)
        self._numbers.append(numbers_in(norm))
        self._slot[item.key] = slot
        self._live += 1
        for token in set(norm.split()):
            self._postings.setdefault(token, []).append(slot)

    def remove(self, key: str) -> None:
        slot = self._slot.pop(key, None)
        if slot is not None:
            self._norms[slot] = None  # postings keep the slot; lookups skip it
            self._live -= 1

    def search(
        self,
        text: str,
        lang: str = "und",
        *,
        exclude: Iterable[str] = (),
        limit: int = 5,
        cutoff: float = SCORE_CUTOFF,
    ) -> list[Match]:
        """The references closest to `text`, best first, scoring at least `cutoff`."""
        query = normalise(text, lang)
        if not query or not self._live:
            return []
        skip = {self._slot[k] for k in exclude if k in self._slot}
        candidates = self._candidates(query, skip)
        if not candidates:
            return []
        from rapidfuzz import process  # deferred: `claims` starts without it (tens of ms)

        choices = {slot: self._norms[slot] for slot in candidates}
        scored = process.extract(query, choices, scorer=_score, processor=None,
                                 limit=limit * 3 + 5, score_cutoff=cutoff * NUMBER_MISMATCH)
        wanted = numbers_in(query)
        out: list[tuple[float, int]] = []
        for _, score, slot in scored:
            theirs = self._numbers[slot]
            if wanted and theirs and wanted.isdisjoint(theirs):
                score *= NUMBER_MISMATCH
            if score >= cutoff:
                out.append((score, slot))
        out.sort(key=lambda pair: (-pair[0], self._items[pair[1]].key))
        return [self._items[slot].with_score(score) for score, slot in out[:limit]]

    def _candidates(self, query: str, skip: set[int]) -> list[int]:
        """At most CANDIDATES live slots sharing the query's most informative tokens."""
        postings = [self._postings[t] for t in set(query.split()) if t in self._postings]
        if not postings:
            return []
        postings.sort(key=len)
        total = max(1, len(self._norms))
        weights: dict[int, float] = {}
        read = 0
        for i, plist in enumerate(postings):
            if read + len(plist) > POSTINGS_BUDGET:
                if i:
                    break  # the remaining tokens are common words: they pick nothing out
                plist = plist[-POSTINGS_BUDGET:]  # only common words: the latest entries
            read += len(plist)
            w = math.log(1 + total / len(plist))
            get = weights.get
            for slot in plist:
                weights[slot] = get(slot, 0.0) + w
        norms = self._norms
        best = heapq.nlargest(
            CANDIDATES + len(skip),
            (slot for slot in weights if norms[slot] is not None and slot not in skip),
            key=weights.__getitem__,
        )
        return best[:CANDIDATES]


def _score(a: str, b: str, *, score_cutoff: float | None = None, **_: Any) -> float:
    # Word order barely matters in a paraphrase, and a claim quoted inside a longer one is
    # close but not the same: half token_set (containment), half token_sort (whole text).
    return float(_fuzz().token_set_ratio(a, b) + _fuzz().token_sort_ratio(a, b)) / 2


@functools.cache
def _fuzz() -> Any:
    from rapidfuzz import fuzz

    return fuzz


# -- the project's index --------------------------------------------------------------------------


def checked_matches(rows: Iterable[CheckedRow]) -> list[tuple[Match, str]]:
    """Store rows (`claims.store.known.CheckedRow`), one per review, as one `Match` per claim
    with its final verdict (the adjudicated one, else the one every reviewer gave, else None),
    each with its article's language."""
    out: list[tuple[Match, str]] = []
    current: list[CheckedRow] = []

    def flush() -> None:
        if not current:
            return
        first = current[0]
        verdicts = tuple(str(r[6]) for r in current)
        agreed = verdicts[0] if len(set(verdicts)) == 1 else None
        final = first[8] if first[7] else agreed
        out.append((Match(kind="claim", key=first[0], text=first[1], verdict=final,
                          verdicts=verdicts, article_id=first[2], article_title=first[3]),
                    first[4] or "und"))
        current.clear()

    for row in rows:
        if current and current[0][0] != row[0]:
            flush()
        current.append(row)
    flush()
    return out


def known_match(known: KnownClaim) -> Match:
    return Match(kind="known", key=known.id, text=known.text, known=known)


def build_index(store: Store, *, pause: Callable[[], None] | None = None) -> SimilarIndex:
    """Every checked claim and reference claim of the project, indexed.

    `pause` is called every few hundred entries: a worker thread passes one that yields the
    interpreter to the screen, so building at 100,000 claims never holds a key press up.
    """
    with store.read() as tx:
        rows = tx.checked_claims()
        known = tx.known_claims()
    index = SimilarIndex()
    for n, (match, lang) in enumerate(checked_matches(rows), 1):
        index.add(match, lang)
        if pause is not None and n % 500 == 0:
            pause()
    for k in known:
        index.add(known_match(k), k.lang or "und")
    return index


class SimilarClaims:
    """`Project`'s part for claims already checked (mixed into `claims.project.Project`)."""

    store: Store

    if TYPE_CHECKING:
        from claims.model import ClaimState

        def claim(self, ref: str) -> ClaimState: ...

    def add_known(self, known: Sequence[KnownClaim]) -> int:
        """Store published fact-checks as reference claims, all in one transaction; returns how
        many were new (one already held is not added twice)."""
        with self.store.transaction() as tx:
            return tx.insert_known(known)

    def known_claims(self) -> list[KnownClaim]:
        with self.store.read() as tx:
            return tx.known_claims()

    def similar_index(self) -> SimilarIndex:
        """Every claim some reviewer gave a verdict, and every reference claim, indexed."""
        return build_index(self.store)

    def similar(
        self, claim_ref: str, *, limit: int = 5, index: SimilarIndex | None = None
    ) -> list[Match]:
        """Checked claims (any article) and reference claims closest to the claim, best first."""
        state = self.claim(claim_ref)
        with self.store.read() as tx:
            lang = tx.article_lang(state.claim.article_id)
        index = index if index is not None else self.similar_index()
        return index.search(state.claim.text, lang or "und",
                            exclude=[state.claim.id], limit=limit)
