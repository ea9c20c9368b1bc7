"""Per-language word lists for the extractor, kept as data so a language is a JSON file.

Each `<lang>.json` next to this module holds abbreviations, month and weekday names,
comparator phrases, number words, speech verbs and the like. `load(lang)` reads one file
once per process; `available()` lists the languages shipped. A new language is a new file
with the same keys as `fr.json` (copy it and translate the lists; `number_words` must be what
text2num accepts for that language, or numbers in words are skipped); language detection and
every scan pick it up. A language without a file falls back to English.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["DEFAULT_LANG", "SPACE", "alternation", "available", "letter_tokens", "load", "triggers"]

DEFAULT_LANG = "en"
SPACE = r"[ \u00a0\u202f]"
"""A space inside a number or a date in patterns: plain, no-break or narrow no-break."""
_LEXICON_FILE = re.compile(r"[a-z]{2,3}\.json")


@cache
def available() -> tuple[str, ...]:
    files = resources.files(__name__)
    return tuple(
        sorted(
            entry.name[: -len(".json")] for entry in files.iterdir() if _LEXICON_FILE.fullmatch(entry.name)
        )
    )


_LETTERS = re.compile(r"[^\W\d_]+")


def letter_tokens(text: str) -> list[str]:
    """Lowercased runs of letters: the tokens the extractor's cheap pre-checks compare."""
    return _LETTERS.findall(text.lower())


def triggers(phrases: Iterable[str], every_word: bool = False, common: Iterable[str] = ()) -> frozenset[str]:
    """Words of which at least one must occur in a sentence for any of `phrases` to match.

    One word of each phrase stands for it (a necessary condition, cheap to test with a set):
    the longest that is not `common` ("cette nuit" is gated on "nuit", "last week" on "week"),
    or every word when `every_word` (number words, where any word can start a match).
    """
    frequent = frozenset(common)
    out: set[str] = set()
    for phrase in phrases:
        words = letter_tokens(phrase)
        if not words:
            continue
        if every_word:
            out.update(words)
            continue
        rare = [w for w in words if w not in frequent] or words
        out.add(max(reversed(rare), key=len))
    return frozenset(out)


def alternation(words: Iterable[str], fold_first: bool = True) -> str:
    """A regex matching any of `words`, built as a trie (longest match first).

    Python's `re` tries every branch of a flat alternation at every position, and IGNORECASE
    slows it four times more; a trie with only the first letter case-folded ("Selon", "selon")
    scans news text several times faster and matches the same words.
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return "(?!x)x"
    return _emit(trie, fold_first, first=True)


def _emit(node: dict[str, Any], fold_first: bool, first: bool) -> str:
    branches: dict[str, list[str]] = {}
    for char in sorted(k for k in node if k):
        rest = _emit(node[char], fold_first, first=False)
        if first and fold_first and char.lower() != char.upper():
            key = f"[{re.escape(char.lower())}{re.escape(char.upper())}]"
        else:
            key = re.escape(char)
        branches.setdefault(key, []).append(rest)
    parts = []
    for key, rests in branches.items():
        # Upper- and lower-case words folded onto one key: keep both continuations.
        parts.append(key + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"))
    optional = "" in node
    if not parts:
        return ""
    if len(parts) == 1 and not optional:
        return parts[0]
    body = "(?:" + "|".join(parts) + ")"
    return body + "?" if optional else body


def speech_verbs(lex: dict[str, Any]) -> list[str]:
    """The speech verbs of a lexicon, with the phrases of standing by a forecast built from its
    stance verbs, possessives and nouns (« maintient sa prévision », « a maintenu son objectif »:
    the forecast is stated again; « maintient l’ordre » is no speech)."""
    phrases = [
        f"{verb} {possessive} {noun}"
        for verb in lex.get("stance_verbs", [])
        for possessive in lex.get("stance_possessives", [])
        for noun in lex.get("stance_nouns", [])
    ]
    # (« Les syndicats dénoncent »: the plural of each single-word present form ending in -e)
    suffix = lex.get("speech_verb_plural_suffix", "")
    plurals = [
        v + suffix
        for v in lex["speech_verbs"]
        if suffix and " " not in v and v.endswith("e") and not v.endswith("ée")
    ]
    return [*lex["speech_verbs"], *plurals, *phrases]


@cache
def load(lang: str) -> dict[str, Any]:
    """The lexicon of `lang`, or of English when the language is not shipped."""
    if lang not in available():
        lang = DEFAULT_LANG
    raw = resources.files(__name__).joinpath(f"{lang}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data
