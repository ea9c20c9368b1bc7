"""What a proposed claim states, as the named facts the check-worthiness model reads.

`Analysed` is one claim before it becomes a `Claim` (span, facets, score); `fill_facts` fills its
facts (quantity, percent, money, comparator, comparison, date, quote, named source, ...) from
the facets already found, and `kind_of` names its kind from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from claims.extract import lexicons
from claims.extract.attribution import Attributor
from claims.extract.dates import FoundDate, is_future
from claims.extract.number_rules import Found

__all__ = ["Analysed", "Gates", "comparison_pattern", "fill_facts", "gates_for", "kind_of"]

# Starts with the capital so the regex engine can skip ahead; the look-behind checks the
# character before it. Scans start one character into the sentence, so the capital that
# opens it never counts (as in training, where each sentence is a text of its own).
_PROPER = re.compile(r"[A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ](?<=[\s(«“\"'’].)[\w\-]+")


@dataclass(frozen=True)
class Gates:
    """Words one of which must occur for a scan to be worth running (see `lexicons.triggers`)."""

    future: frozenset[str]
    comparison: frozenset[str]
    speech: frozenset[str]


@cache
def gates_for(lang: str) -> Gates:
    lex = lexicons.load(lang)
    common = lex.get("common_words", [])
    return Gates(
        future=lexicons.triggers(lex["future_markers"], common=common),
        comparison=lexicons.triggers(lex["comparison_cues"], common=common),
        speech=lexicons.triggers(
            [
                *lexicons.speech_verbs(lex),
                *lex["source_cues"],
                *lex.get("speech_participles", []),
                *lex.get("as_speech_verbs", []),
            ],
            common=common,
        ),
    )


@cache
def _currencies(lang: str) -> frozenset[str]:
    return frozenset(lexicons.load(lang)["currency_words"].values())


@cache
def comparison_pattern(lang: str) -> re.Pattern[str]:
    cues = lexicons.alternation(lexicons.load(lang)["comparison_cues"])
    return re.compile(rf"(?<![\w\-])(?:{cues})(?![\w\-])")


@dataclass(slots=True)
class Analysed:
    """One proposed claim before it becomes a `Claim`: span, facets, score."""

    start: int
    end: int
    quantities: list[Found] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)
    speaker: str | None = None
    quote: bool = False
    facts: dict[str, float] = field(default_factory=dict)
    kind: str = "other"
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


def fill_facts(
    item: Analysed,
    text: str,
    lang: str,
    comparison: re.Pattern[str],
    attributor: Attributor,
    gates: Gates,
    tokens: set[str],
    speech: bool,
    has_digit: bool,
    words: int,
) -> None:
    start, end = item.start, item.end
    cardinal = [q for q in item.quantities if q.unit != "ordinal"]
    facts = item.facts
    facts["quantity"] = 1.0 if cardinal else 0.0
    facts["percent"] = 1.0 if any(q.unit == "%" for q in cardinal) else 0.0
    money = _currencies(lang)
    facts["money"] = 1.0 if any(q.unit in money for q in cardinal) else 0.0
    facts["comparator"] = 1.0 if any(q.comparator != "=" for q in cardinal) else 0.0
    compares = not gates.comparison.isdisjoint(tokens) and comparison.search(text, start, end)
    facts["comparison"] = 1.0 if compares else 0.0
    # "now", "currently" (a reference with no calendar value) are no date fact: the scorer
    # was trained without them
    facts["date"] = 1.0 if any(not d.reference for d in item.dates) else 0.0
    facts["quote"] = 1.0 if item.quote else 0.0
    facts["named_source"] = 1.0 if item.speaker else 0.0
    facts["source_cue"] = 1.0 if speech and attributor.has_source_cue(text, start, end) else 0.0
    facts["ordinal"] = 1.0 if len(cardinal) < len(item.quantities) else 0.0
    facts["proper_nouns"] = min(3, len(_PROPER.findall(text, start + 1, end))) / 3
    facts["question"] = 1.0 if text[start:end].rstrip("»”\"' \u00a0").endswith("?") else 0.0
    facts["short"] = 1.0 if words < 8 else 0.0
    facts["long"] = 1.0 if words > 30 else 0.0
    future = not gates.future.isdisjoint(tokens) and is_future(text, start, end, lang)
    facts["future"] = 1.0 if future else 0.0
    facts["digits"] = 1.0 if has_digit else 0.0


def kind_of(item: Analysed) -> str:
    facts = item.facts
    if item.quote and item.speaker:
        return "quote"  # what is checked is what the person said
    if facts.get("comparison") and (facts.get("quantity") or facts.get("comparator")):
        return "comparison"
    if facts.get("quantity"):
        return "quantity"
    if facts.get("comparison"):
        return "comparison"
    if any(not d.reference for d in item.dates):
        return "date"
    if item.quote:
        return "quote"
    if facts.get("proper_nouns"):
        return "event"
    return "other"
