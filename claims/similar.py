"""Claims already checked: which reviewed claims, and which published fact-checks, a claim resembles.

A claim is compared with the claims of the project that some reviewer gave a verdict (in any
article) and with the reference claims loaded from published fact-checks (`claims add
--known`). Texts are compared after `normalise`: accents and case folded, number words and
digit groupings turned into one spelling ("mille deux cents", "1 200" and "1,200" are all
"1200"; "12 millions" is "12000000"), punctuation dropped.

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
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from claims.model import KnownClaim

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

# -- normalisation ----------------------------------------------------------------------------

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})
_NUMBER_RUN = re.compile(
    r"\d+(?:(?:[.,'’]|[ \u00a0\u202f\u2009])\d+)*"
    r"(?: ?(?P<mult>millions?|milliards?|billions?|trillions?|thousands?|bn|mn|m|k)(?![^\W\d_]))?"
)
_MULTIPLIERS = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6,
    "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "trillion": 1e12, "trillions": 1e12,
}
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_POINT = "\x1f"
"""Stands for a decimal point until punctuation is gone (a sentence's full stop is not one)."""
_PERCENT = re.compile(r"%|\b(?:pour ?cents?|per ?cent|pourcents?)\b")
_NON_WORD = re.compile(r"[^\w\x1f]+|_+")
_ASCII_PUNCT = {c: " " for c in range(128) if not (chr(c).isalnum() or c == 0x1F)}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DIGIT = re.compile(r"\d")


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def _spell_number(m: re.Match[str], lang: str) -> str:
    """One spelling of a number as news writes it: "1 200", "1,200", "1.200" (fr), "12 millions"."""
    body = m.group(0)
    if body.isdigit():
        return body  # most numbers: nothing to respell
    start = m.start()
    if start and m.string[start - 1].isalpha():
        return body  # part of a word or a code: "a10", "covid19"
    mult = m.group("mult")
    if mult:
        body = body[: m.start("mult") - start].rstrip()
    parts = _SPACES.split(body)
    # Spaces separate thousands only as "1 200 000": a first group of 1-3 digits, then threes.
    chunks = [parts[0]]
    grouping = parts[0].isdigit() and len(parts[0]) <= 3
    for part in parts[1:]:
        head = re.split(r"[.,]", part, maxsplit=1)[0]
        if grouping and len(head) == 3 and head.isdigit():
            chunks[-1] += part
            grouping = head == part
        else:
            chunks.append(part)
            grouping = part.isdigit() and len(part) <= 3
    spelled = [_spell_digits(c, lang) for c in chunks]
    if mult and spelled:
        last = spelled[-1].replace(_POINT, ".")
        spelled[-1] = _number(float(last) * _MULTIPLIERS[mult])
    return " ".join(spelled)


def _spell_digits(s: str, lang: str) -> str:
    if s.isdigit():
        return s
    marks = [ch for ch in s if not ch.isdigit()]
    groups = re.split(r"[.,'’]", s)
    if len(set(marks)) == 1 and len(marks) > 1 and marks[0] in ".,'’" and all(
        len(g) == 3 for g in groups[1:]
    ):
        return "".join(groups)  # 1,200,000 or 1.200.000: a repeated mark is never a decimal point
    if "'" in marks or "’" in marks:
        s = s.replace("'", "").replace("’", "")
    if "," in s and "." in s:  # the later mark is the decimal point
        if s.rindex(",") > s.rindex("."):
            return s.replace(".", "").replace(",", _POINT)
        return s.replace(",", "").replace(".", _POINT)
    head, _, tail = s.replace(",", ".").partition(".")
    sep = "," if "," in s else "."
    thousands = len(tail) == 3 and len(head) <= 3 and (
        (sep == "," and lang == "en") or (sep == "." and lang == "fr")
    )
    return head + tail if thousands else f"{head}{_POINT}{tail}" if tail else head


@functools.cache
def _word_numbers() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each shipped language with the words that can start a number written out in it."""
    from claims.extract import lexicons  # deferred: the lexicons load on first use
    from claims.extract.numbers import _rules

    return tuple((code, _rules(code).word_triggers) for code in lexicons.available())


_LETTERS = re.compile(r"[^\W\d_]+")


def _number_words(text: str, lang: str) -> str:
    """Number words as digits ("trois cents" -> 300), through the extractor's lexicons."""
    tokens = set(_LETTERS.findall(text.lower()))
    table = _word_numbers()
    known_lang = any(code == lang for code, _ in table)  # else: try every language
    for code, triggers in table:
        if (known_lang and code != lang) or triggers.isdisjoint(tokens):
            continue
        from claims.extract.numbers import find_quantities

        found = [q for q in find_quantities(text, 0, len(text), code, tokens, has_digit=False)
                 if not _DIGIT.search(text, q.core_start, q.core_end)
                 and not _DIGIT.match(text[:q.core_start].rstrip()[-1:])]  # "12 millions"
        for q in sorted(found, key=lambda q: q.core_start, reverse=True):
            text = f"{text[:q.core_start]}{_number(q.value)}{text[q.core_end:]}"
        if found:
            break
    return text


def normalise(text: str, lang: str = "und") -> str:
    """`text` in the form claims are compared in: folded, numbers in one spelling, no punctuation.

    >>> normalise("Plus de mille deux cents ouvriers, 12,5 % de plus", "fr")
    'plus de 1200 ouvriers 12.5 percent de plus'
    """
    text = _number_words(text, lang)
    text = text.casefold()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_LIGATURES)
    if _DIGIT.search(text):
        text = _NUMBER_RUN.sub(lambda m: _spell_number(m, lang), text)
    if "%" in text or "cent" in text:
        text = _PERCENT.sub(" percent ", text)
    text = text.translate(_ASCII_PUNCT) if text.isascii() else _NON_WORD.sub(" ", text)
    return " ".join(text.replace(_POINT, ".").split())


def _numbers(norm: str) -> set[str]:
    return set(_NUMBER.findall(norm))


# -- what a claim can resemble -------------------------------------------------------------------


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
    rating: str | None = None
    """Reference claims: the fact-checker's rating as written ("False", "Mostly true")."""
    publisher: str | None = None
    url: str | None = None
    claimant: str | None = None
    """Reference claims: who made the claim, as the fact-check names them."""
    reviewed_on: str | None = None
    """Reference claims: the day the fact-check was published (ISO)."""

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
        self._numbers.append(_numbers(norm))
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
        wanted = _numbers(query)
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
    return Match(kind="known", key=known.id, text=known.text, rating=known.rating,
                 publisher=known.publisher, url=known.url, claimant=known.claimant,
                 reviewed_on=known.reviewed_on.isoformat() if known.reviewed_on else None)


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
