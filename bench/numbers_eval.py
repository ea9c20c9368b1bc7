"""Quantity finder against public number gold: text2num's tests and Recognizers-Text specs.

Gold (read by path from ../shared/data, never copied): the text2num test suite (MIT; its
`text2num` and `alpha2digit` cases, fr and en, error cases left out) and the Microsoft
Recognizers-Text Number specs (MIT; NumberModel, PercentModel and OrdinalModel, fr and en;
cases marked NotSupported upstream left out, as the README asks).

Each text goes through `claims.extract.numbers.find_quantities`; the multiset of values found
is compared with the multiset of gold values (precision, recall, F1 over values; a value
matches within 1e-6 relative). Fractions ("un demi") and bare ordinal words the finder does
not aim at count as misses.

    /work/venv/bin/python bench/numbers_eval.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / ".." / "shared" / "data"
LANGS = {"en": "English", "fr": "French"}
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")

Case = tuple[str, list[float], str]


def text2num_cases(lang: str) -> Iterator[Case]:
    with open(DATA / "text2num-tests" / f"text2num_{lang}_cases.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["expect_error"] is not None:
                continue
            if row["func"] == "text2num":
                yield row["input"], [float(row["expected"])], lang
            elif row["func"] == "alpha2digit" and not row.get("kwargs"):
                values = [float(v.replace(",", ".")) for v in _DIGITS.findall(row["expected"])]
                yield row["input"], values, lang


def recognizers_cases(lang: str, model: str) -> Iterator[Case]:
    path = DATA / "recognizers-text-specs" / "Number" / LANGS[lang] / f"{model}.json"
    if not path.is_file():
        return
    for case in json.loads(path.read_text(encoding="utf-8")):
        if case.get("NotSupported"):
            continue
        values = []
        for result in case.get("Results", []):
            raw = str(result.get("Resolution", {}).get("value", "")).rstrip("%")
            try:
                values.append(float(raw.replace(",", ".") if lang == "fr" else raw))
            except ValueError:
                continue
        yield case["Input"], values, lang


def score(cases: list[Case]) -> tuple[float, float, float, int]:
    from claims.extract.numbers import find_quantities

    tp = fp = fn = 0
    for text, gold, lang in cases:
        found = [q.value for q in find_quantities(text, 0, len(text), lang)]
        remaining = Counter(round(v, 6) for v in gold)
        for value in found:
            key = round(value, 6)
            if remaining[key] > 0:
                remaining[key] -= 1
                tp += 1
            else:
                fp += 1
        fn += sum(remaining.values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, len(cases)


def main() -> None:
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return
    print(f"{'gold set':40s} {'cases':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for lang in ("fr", "en"):
        sets = {f"text2num tests {lang}": list(text2num_cases(lang))}
        for model in ("NumberModel", "PercentModel", "OrdinalModel"):
            cases = list(recognizers_cases(lang, model))
            if cases:
                sets[f"Recognizers {model} {lang}"] = cases
        for name, cases in sets.items():
            p, r, f, n = score(cases)
            print(f"{name:40s} {n:5d} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    main()
