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

Precision, recall and F1 are printed for both, per language; the value figures twice: as
the spec resolves, and again accepting where our documented convention differs from the spec's
(each difference is counted and named, so what the second figure forgives is visible):

- `exclusive-end`: the spec ends a range before its last named unit ("2014-2018" ->
  2014-01-01 .. 2017-12-31, "March to May" -> March and April, "November 18-19" -> the 18th
  alone); news means the whole of the last one, as we do;
- `offset-period`: "two months ago", "in 2 weeks", « il y a deux ans », « dans trois ans »: the
  spec gives the exact day so far back or ahead, we give the period of that unit (that month,
  that Monday-to-Sunday week, that year), which contains the spec's day;
- `part-of-period`: "mid-November", "earlier this month", "later this year", "the end of
  2008": the spec gives a part of the period, we give the whole period, which contains it;
- `last-next-weekday`: the spec reads "last Wednesday" / "next Friday" as that day of the
  previous / next week; we take the nearest such day before / after publication;
- `weekday-agreement`: the spec keeps the reference year for "LUNDI 14 JUIN" even when the
  14th of June is no Monday that year; we take the year in which they agree;
- `reference`: "now", "right now", "at present", « maintenant » are a time in the spec
  (PRESENT_REF, out of scope) or one end of a range it joins ("between now and May 21"); we
  keep them as TIMEX3 does, dates of their own with null bounds: such a date of ours over a
  result holding its words counts neither for nor against the second figure (the first
  counts it against value precision, as any date of ours over a time).

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


_OFFSET = ("ago", "in ", "dans", "il y a", "from now", "after", "later")
_PART = ("mid", "early", "earlier", "late", "end", "beginning", "start", "début", "fin", "mi-")
_UNITS = ("week", "month", "year", "semaine", "mois", "an")


def _period_of(day: date, first: date, last: date) -> bool:
    """Whether first..last is the calendar week, month or year that holds `day`."""
    week = day - timedelta(days=day.weekday())
    month_end = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return (first, last) in {
        (week, week + timedelta(days=6)),
        (day.replace(day=1), month_end),
        (date(day.year, 1, 1), date(day.year, 12, 31)),
    }


def convention(
    gold_text: str, ours_text: str, gold: tuple[date, date], ours: tuple[date, date]
) -> str | None:
    """The documented convention under which `ours` is the same date as the spec's `gold`."""
    (g1, g2), (o1, o2) = gold, ours
    low = gold_text.lower()
    if g1 == o1 and o2 > g2 and o2 - g2 <= timedelta(days=366):
        after = g2 + timedelta(days=1)
        if o2 == after and any(ch.isdigit() for ch in gold_text):
            return "exclusive-end"  # "Nov 18-Dec 19": the spec stops on the 18th of December
        if after.day == 1 and (o2.month == after.month and o2.year == after.year or
                               after.month == 1 and o2.year == after.year and o2.month == 12):
            return "exclusive-end"
    if o1 <= g1 and g2 <= o2 and (o1, o2) != (g1, g2):
        offset = any(w in low for w in _OFFSET) and any(u in low for u in _UNITS)
        if g1 == g2 and offset and _period_of(g1, o1, o2):
            return "offset-period"
        if any(w in low for w in _PART) and (_period_of(g1, o1, o2) or _period_of(g2, o1, o2)):
            return "part-of-period"
    words = ours_text.lower().split()
    moved = ("last", "next", "previous", "coming", "following", "dernier", "prochain")
    if (g1 == g2 and o1 == o2 and abs((g1 - o1).days) == 7 and len(words) == 2
            and words[1] in _WEEKDAYS and words[0] in moved):
        return "last-next-weekday"
    if g1 == g2 and o1 == o2 and (g1.month, g1.day) == (o1.month, o1.day) and g1.year != o1.year:
        weekday = ours_text.split()[0].lower() if ours_text.split() else ""
        if weekday in _WEEKDAYS and date.weekday(o1) == _WEEKDAYS[weekday]:
            return "weekday-agreement"
    return None


_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [("monday", "lundi"), ("tuesday", "mardi"), ("wednesday", "mercredi"), ("thursday", "jeudi"),
         ("friday", "vendredi"), ("saturday", "samedi"), ("sunday", "dimanche")]
    )
    for name in names
}


def evaluate(lang: str, misses: int) -> dict[str, float]:
    from claims.extract.dates import find_dates

    gold_n = ours_n = found = false = right_gold = right_ours = references = 0
    conventions: dict[str, int] = {}
    forgiven_gold = forgiven_ours = 0
    shown = 0
    for case in cases(lang):
        text = case["Input"]
        published = _day(case.get("Context", {}).get("ReferenceDateTime")) or date(2016, 11, 7)
        results = [r for r in case.get("Results", []) if "Start" in r and "End" in r]
        spans = [(r["Start"], r["End"] + 1) for r in results]
        texts = [(r["Start"], r["End"] + 1, str(r.get("Text", "")).lower()) for r in results]
        golds = [
            (r["Start"], r["End"] + 1, gold_bounds(r))
            for r in results
            if r.get("TypeName") in TYPES
        ]
        golds = [g for g in golds if g[2]]
        ours = find_dates(text, 0, len(text), lang, published)
        gold_n += len(golds)
        ours_n += len(ours)
        def named(d: object, s: int, e: int, bounds: list[tuple[date, date]], text: str = text) -> str | None:
            if d.from_ is None or d.to is None:  # type: ignore[attr-defined]
                return None
            for b in bounds:
                name = convention(text[s:e], text[d.start : d.end], b, (d.from_, d.to))  # type: ignore[attr-defined]
                if name:
                    return name
            return None

        for d in ours:
            if getattr(d, "reference", False) and any(
                s < d.end and d.start < e and text[d.start : d.end].lower() in words for s, e, words in texts
            ):
                references += 1  # "now" as a time ("Can we meet now") or an end ("between now and May")
            if not any(s < d.end and d.start < e for s, e in spans):
                false += 1
            elif any(
                s < d.end and d.start < e and (d.from_, d.to) in bounds for s, e, bounds in golds
            ):
                right_ours += 1
            elif any(s < d.end and d.start < e and named(d, s, e, bounds) for s, e, bounds in golds):
                forgiven_ours += 1
        for s, e, bounds in golds:
            overlapping = [d for d in ours if s < d.end and d.start < e]
            if overlapping:
                found += 1
            if any((d.from_, d.to) in bounds for d in overlapping):
                right_gold += 1
                continue
            names = [n for d in overlapping if (n := named(d, s, e, bounds))]
            if names:
                forgiven_gold += 1
                conventions[names[0]] = conventions.get(names[0], 0) + 1
            elif shown < misses:
                shown += 1
                got = [(text[d.start : d.end], str(d.from_), str(d.to)) for d in overlapping]
                print(f"  miss [{lang}] {text!r} gold {text[s:e]!r} {bounds[0]} got {got}")
    considered = ours_n
    precision = (considered - false) / considered if considered else 0.0
    recall = found / gold_n if gold_n else 0.0
    value_p = right_ours / considered if considered else 0.0
    value_r = right_gold / gold_n if gold_n else 0.0
    conv_considered = considered - references
    conv_p = (right_ours + forgiven_ours) / conv_considered if conv_considered else 0.0
    conv_r = (right_gold + forgiven_gold) / gold_n if gold_n else 0.0
    return {
        "conv_f1": 2 * conv_p * conv_r / (conv_p + conv_r) if conv_p + conv_r else 0.0,
        "conv_p": conv_p,
        "conv_r": conv_r,
        "conventions": conventions,  # type: ignore[dict-item]
        "references": references,
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
        named = ", ".join(f"{k} {v}" for k, v in sorted(r["conventions"].items()))  # type: ignore[union-attr]
        print(
            f"    value under our conventions P={r['conv_p']:.3f} R={r['conv_r']:.3f} "
            f"F1={r['conv_f1']:.3f} (gold dates forgiven: {named or 'none'}; "
            f"references to the present left out: {r['references']})"
        )


if __name__ == "__main__":
    main()
