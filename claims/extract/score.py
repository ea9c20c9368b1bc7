"""Check-worthiness: a score in [0, 1] for a sentence, and the reasons behind it.

A logistic model over two kinds of evidence:

- facts the extractor found in the sentence (a quantity, a comparator, a date, a quote, a named
  source, a comparison word, ...), the same in every language;
- lowercased word 1- to 3-grams and character 4-grams, for languages with a trained word model (English, trained
  on the CLEF CheckThat! 2024 task 1 training data by `bench/train_checkworthy.py`).

Weights are JSON files in `claims/extract/weights/`: `<lang>.json` when a word model exists,
else `facts.json`, a model trained on the facts alone, which carries to any language. The
bias is shifted so that the decision threshold tuned on the dev set sits at 0.5. Deterministic,
explainable (the reasons are the facts found, the most telling first), no download at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from claims.extract.lexicons import letter_tokens


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


@dataclass(frozen=True)
class Model:
    bias: float
    facts: dict[str, float]
    ngrams: dict[str, float]


def tokens(text: str) -> list[str]:
    """Lowercased runs of letters, shared with the pipeline's pre-checks (numbers are facts)."""
    return letter_tokens(text)


def ngram_features(text: str) -> Iterable[str]:
    """Word 1-, 2- and 3-grams of `tokens(text)`."""
    words = tokens(text)
    yield from words
    for a, b in zip(words, words[1:], strict=False):
        yield f"{a} {b}"
    for a, b, c in zip(words, words[1:], words[2:], strict=False):
        yield f"{a} {b} {c}"


def ngram_set(words: list[str]) -> set[str]:
    """The distinct text features of a sentence (the model sees presence, not counts).

    Word 1- to 3-grams, and character 4-grams of each word padded with spaces, marked "#"
    ("#cov", "#ovid"): they carry what words unseen in training share with seen ones.
    """
    features = set(words)
    if len(words) > 1:
        features.update(map(" ".join, zip(words, words[1:], strict=False)))
        features.update(map(" ".join, zip(words, words[1:], words[2:], strict=False)))
    for word in set(words):
        padded = f"#{word} "
        padded = " " + padded[1:]
        if len(padded) <= 4:
            features.add("#" + padded)
        else:
            features.update("#" + padded[i : i + 4] for i in range(len(padded) - 3))
    return features


def fact_features(facts: dict[str, float]) -> dict[str, float]:
    """The numeric features a model sees for a set of facts (binary flags and length buckets)."""
    return {name: value for name, value in facts.items() if value}


@cache
def load_model(lang: str) -> Model:
    folder = resources.files("claims.extract").joinpath("weights")
    name = f"{lang}.json"
    path = folder.joinpath(name)
    if not path.is_file():
        path = folder.joinpath("facts.json")
    if not path.is_file():
        return Model(bias=-1.0, facts={}, ngrams={})
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        bias=float(data["bias"]),
        facts={k: float(v) for k, v in data.get("facts", {}).items()},
        ngrams={k: float(v) for k, v in data.get("ngrams", {}).items()},
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
    for name, value in fact_features(facts).items():
        weight = model.facts.get(name, 0.0) * value
        total += weight
        reason = FACT_REASONS.get(name)
        if reason:
            contributions[reason] = max(contributions.get(reason, -99.0), weight)
    if model.ngrams:
        features = ngram_set(tokens(text) if words is None else words)
        total += sum(filter(None, map(model.ngrams.get, features)))
    total = max(-30.0, min(30.0, total))
    probability = 1.0 / (1.0 + math.exp(-total))
    reasons = [r for r, _ in sorted(contributions.items(), key=lambda kv: -kv[1])]
    return round(probability, 4), reasons
