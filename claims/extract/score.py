"""Check-worthiness: a score in [0, 1] for a sentence, and the reasons behind it.

A logistic model over two kinds of evidence:

- facts the extractor found in the sentence (a quantity, a comparator, a date, a quote, a named
  source, a comparison word, ...), the same in every language;
- lowercased word 1- to 3-grams and character 4-grams, for languages with a trained word
  model (English, trained on the CLEF CheckThat! 2024 task 1 data by
  `bench/train_checkworthy.py`).

Weights are JSON files in `claims/extract/weights/`: `<lang>.json` when a word model exists,
else `facts.json`, a model trained on the facts alone, which carries to any language. The
bias is shifted so that the decision threshold tuned on the dev set sits at 0.5. Deterministic,
explainable (the reasons are the facts found, the most telling first), no download at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from claims.extract.lexicons import letter_tokens
from claims.model import CHECKWORTHY_THRESHOLD

__all__ = ["THRESHOLD", "char_grams", "fact_features", "is_checkworthy", "load_model", "score", "tokens"]

# Facts the pipeline reports, with the reason string shown to reviewers.
FACT_REASONS: dict[str, str] = {
    "quantity": "quantity",
    "percent": "quantity",
    "money": "quantity",
    "comparator": "comparison",
    "comparison": "comparison",
    "date": "date",
    "quote": "quote",
    "named_source": "named source",
    "source_cue": "source",
    "ordinal": "ranking",
    "proper_nouns": "named entity",
}


THRESHOLD = CHECKWORTHY_THRESHOLD
"""The decision threshold: a claim is check-worthy when its score is at least this. The
trainer picks the threshold that maximises F1 in cross-validation grouped by debate and folds
it into the bias, so that it sits at 0.5 for every language's weights."""


def is_checkworthy(score: float) -> bool:
    """The model's decision for a score from `score()`."""
    return score >= THRESHOLD


@dataclass(frozen=True)
class Model:
    bias: float
    facts: dict[str, float]
    ngrams: dict[str, float]
    """Text feature -> weight, as stored: "word", "two words", "#gram"."""
    words: dict[Any, float] = field(default_factory=dict)
    """The word n-grams keyed as the scorer looks them up: a word, or a tuple of 2 or 3 words
    (zip builds those without joining strings)."""


def tokens(text: str) -> list[str]:
    """Lowercased runs of letters, shared with the pipeline's pre-checks (numbers are facts)."""
    return letter_tokens(text)


def char_grams(word: str) -> tuple[str, ...]:
    """Character 4-grams of `word` padded with spaces, each marked "#" ("#cov", "#ovid")."""
    padded = f" {word} "
    if len(padded) <= 4:
        return ("#" + padded,)
    return tuple("#" + padded[i : i + 4] for i in range(len(padded) - 3))


def word_ngrams(words: list[str]) -> set[str]:
    """Distinct word 1- to 3-grams (the model sees their presence, not counts)."""
    features = set(words)
    if len(words) > 1:
        features.update(map(" ".join, zip(words, words[1:], strict=False)))
        features.update(map(" ".join, zip(words, words[1:], words[2:], strict=False)))
    return features


def text_features(words: list[str]) -> dict[str, float]:
    """Every text feature of a sentence with its value, as the model was trained on it.

    Word 1- to 3-grams count once; the character 4-grams of each distinct word add up, so a
    word's share of the score depends on the word alone and is cached at run time.
    """
    features = dict.fromkeys(word_ngrams(words), 1.0)
    for word in set(words):
        for gram in char_grams(word):
            features[gram] = features.get(gram, 0.0) + 1.0
    return features


_WORD_SHARES: dict[str, dict[str, float]] = {}
_MAX_CACHED_WORDS = 500_000


def _add_word_shares(model: Model, lang: str, words: set[str]) -> dict[str, float]:
    """Per language, each word's summed character-gram weight, computed once per word."""
    shares = _WORD_SHARES.setdefault(lang, {})
    missing = words.difference(shares)
    if missing:
        if len(shares) > _MAX_CACHED_WORDS:
            shares.clear()
        get = model.ngrams.get
        for word in missing:
            shares[word] = sum(get(gram, 0.0) for gram in char_grams(word))
    return shares


def fact_features(facts: dict[str, float]) -> dict[str, float]:
    """The numeric features a model sees for a set of facts (binary flags and length buckets)."""
    return {name: value for name, value in facts.items() if value}


@cache
def load_model(lang: str) -> Model:
    folder = resources.files("claims.extract.weights")
    name = f"{lang}.json"
    path = folder.joinpath(name)
    if not path.is_file():
        path = folder.joinpath("facts.json")
    if not path.is_file():
        return Model(bias=-1.0, facts={}, ngrams={})
    data = json.loads(path.read_text(encoding="utf-8"))
    ngrams = {k: float(v) for k, v in data.get("ngrams", {}).items()}
    words: dict[Any, float] = {}
    for key, weight in ngrams.items():
        if key.startswith("#"):
            continue
        parts = key.split(" ")
        words[parts[0] if len(parts) == 1 else tuple(parts)] = weight
    return Model(
        bias=float(data["bias"]),
        facts={k: float(v) for k, v in data.get("facts", {}).items()},
        ngrams=ngrams,
        words=words,
    )


def score(
    text: str, facts: dict[str, float], lang: str, words: list[str] | None = None
) -> tuple[float, list[str]]:
    """Check-worthiness of `text` and the reasons, strongest first.

    `words` are `tokens(text)` when the caller already has them.
    """
    model = load_model(lang)
    total = model.bias
    contributions: dict[str, float] = {}
    weights = model.facts
    for name, value in facts.items():
        if not value:
            continue
        weight = weights.get(name, 0.0) * value
        total += weight
        reason = FACT_REASONS.get(name)
        if reason is not None and weight > contributions.get(reason, -99.0):
            contributions[reason] = weight
    if model.ngrams:
        if words is None:
            words = tokens(text)
        get = model.words.get
        distinct = set(words)
        total += sum(filter(None, map(get, distinct)))
        if len(words) > 1:
            total += sum(filter(None, map(get, set(zip(words, words[1:], strict=False)))))
            total += sum(filter(None, map(get, set(zip(words, words[1:], words[2:], strict=False)))))
        total += sum(map(_add_word_shares(model, lang, distinct).__getitem__, distinct))
    total = max(-30.0, min(30.0, total))
    probability = 1.0 / (1.0 + math.exp(-total))
    reasons = [r for r, _ in sorted(contributions.items(), key=lambda kv: -kv[1])]
    return round(probability, 4), reasons
