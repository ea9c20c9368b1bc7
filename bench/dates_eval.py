"""Date finder against public date gold: the Recognizers-Text DateTime specs (en, fr).

Gold (read by path from ../shared/data, never copied): Microsoft Recognizers-Text
`DateTime/<Language>/DateTimeModel.json` (MIT). Each case is a sentence, a reference date
(`Context.ReferenceDateTime`, used as the publication date) and results with character spans
and resolved values. Cases the reference implementation itself does not support (`NotSupported`
naming "dotnet") are left out.

What is scored is what the extractor aims at: calendar dates and periods, results typed
`datetimeV2.date` or `datetimeV2.daterange` whose resolution is a day or a span of days
(times of day, durations, sets and open-ended ranges are out of scope). A date we find that
overlaps a gold result of any type (a time, a duration) counts neither for nor against us;
one that overlaps none is a false detection.

- detection: a gold date is found when one of ours overlaps its span;
- value: one of ours that overlaps a gold date and has the same first and last day (gold
  `daterange` ends are exclusive; an ambiguous gold date lists several values, any counts).

Precision, recall and F1 are printed for both, per language.

    /work/venv/bin/python bench/dates_eval.py [--misses 20]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SPECS = ROOT / ".." / "shared" / "data" / "recognizers-text-specs" / "DateTime"
LANGS = {"en": "English", "fr": "French"}
TYPES = ("datetimeV2.date", "datetimeV2.daterange")


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def gold_bounds(result: dict) -> list[tuple[date, date]]:
    """Every acceptable (first, last) day of a gold result; empty when out of scope."""
    out = []
    for value in result.get("Resolution", {}).get("values", []):
        if value.get("type") == "date":
            day = _day(value.get("value"))
            if day:
                out.append((day, day))
        elif value.get("type") == "daterange":
            first, end = _day(value.get("start")), _day(value.get("end"))
            if first and end and end > first:
                out.append((first, end - timedelta(days=1)))
    return out


def cases(lang: str) -> list[dict]:
    path = SPECS / LANGS[lang] / "DateTimeModel.json"
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    return [
        c
        for c in data
        if "dotnet" not in (c.get("NotSupported") or "").lower()
        and "dotnet" not in (c.get("NotSupportedByDesign") or "").lower()
    ]


def evaluate(lang: str, misses: int) -> dict[str, float]:
    from claims.extract.dates import find_dates

    gold_n = ours_n = found = false = right_gold = right_ours = 0
    shown = 0
    for case in cases(lang):
        text = case["Input"]
        published = _day(case.get("Context", {}).get("ReferenceDateTime")) or date(2016, 11, 7)
        results = [r for r in case.get("Results", []) if "Start" in r and "End" in r]
        spans = [(r["Start"], r["End"] + 1) for r in results]
        golds = [
            (r["Start"], r["End"] + 1, gold_bounds(r))
            for r in results
            if r.get("TypeName") in TYPES
        ]
        golds = [g for g in golds if g[2]]
        ours = find_dates(text, 0, len(text), lang, published)
        gold_n += len(golds)
        ours_n += len(ours)
        for d in ours:
            if not any(s < d.end and d.start < e for s, e in spans):
                false += 1
            elif any(
                s < d.end and d.start < e and (d.from_, d.to) in bounds for s, e, bounds in golds
            ):
                right_ours += 1
        for s, e, bounds in golds:
            overlapping = [d for d in ours if s < d.end and d.start < e]
            if overlapping:
                found += 1
            if any((d.from_, d.to) in bounds for d in overlapping):
                right_gold += 1
            elif shown < misses:
                shown += 1
                got = [(text[d.start : d.end], str(d.from_), str(d.to)) for d in overlapping]
                print(f"  miss [{lang}] {text!r} gold {text[s:e]!r} {bounds[0]} got {got}")
    considered = ours_n
    precision = (considered - false) / considered if considered else 0.0
    recall = found / gold_n if gold_n else 0.0
    value_p = right_ours / considered if considered else 0.0
    value_r = right_gold / gold_n if gold_n else 0.0
    return {
        "gold": gold_n,
        "ours": ours_n,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "value_p": value_p,
        "value_r": value_r,
        "value_f1": 2 * value_p * value_r / (value_p + value_r) if value_p + value_r else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", type=int, default=0, help="print this many misses a language")
    args = parser.parse_args()
    if not SPECS.is_dir():
        print(f"skipped: {SPECS} is absent")
        return
    print("Recognizers-Text DateTime specs (MIT), date and daterange results")
    for lang in LANGS:
        r = evaluate(lang, args.misses)
        print(
            f"{lang}: {r['gold']} gold dates, {r['ours']} found; detection P={r['precision']:.3f} "
            f"R={r['recall']:.3f} F1={r['f1']:.3f}; value P={r['value_p']:.3f} "
            f"R={r['value_r']:.3f} F1={r['value_f1']:.3f}"
        )


if __name__ == "__main__":
    main()
