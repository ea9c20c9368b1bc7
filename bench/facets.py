"""Exact-facet accuracy of the extractor on our own gold sentences, per pattern and family.

Gold: `tests/extract/gold/facets.jsonl`, sentences written by us (French and English), one
check a line: an article `text`, its `lang` and `published` date (or null), the `claim` (a
fragment that picks the claim containing it), the `facet` checked and what it must be:

- `speaker`: the claim's speaker, a string or null;
- `quantities`: every quantity of the claim, in order, as [value, comparator, unit]
  (values compared to 1e-3, so 1/3 is written 0.3333);
- `dates`: every date of the claim, in order, as [from, to] (ISO days or null).

A check is right only when the facet is exactly that. Printed: accuracy per pattern, per
family (speakers, numbers, dates), per family and language, and overall; `--failures` lists
what came out instead.

    /work/venv/bin/python bench/facets.py [--failures] [--gold FILE ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLD = ROOT / "tests" / "extract" / "gold" / "facets.jsonl"


def load(path: Path = GOLD) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def facet_of(case: dict[str, Any]) -> Any:
    """What the extractor gives for the case's facet (None when no claim holds the fragment)."""
    from claims.extract import extract

    published = date.fromisoformat(case["published"]) if case.get("published") else None
    claims = extract(case["text"], lang=case["lang"], published=published)
    matches = [c for c in claims if case["claim"] in c.text]
    if not matches:
        return "<no claim>"
    claim = matches[0]
    if case["facet"] == "speaker":
        return claim.speaker
    if case["facet"] == "quantities":
        return [[q.value, q.comparator, q.unit] for q in claim.quantities]
    return [[d.from_ and d.from_.isoformat(), d.to and d.to.isoformat()] for d in claim.dates]


def is_right(case: dict[str, Any], got: Any) -> bool:
    expect = case["expect"]
    if case["facet"] != "quantities" or not isinstance(got, list):
        return bool(got == expect)
    if len(got) != len(expect):
        return False
    return all(
        abs(g[0] - e[0]) <= 1e-3 * max(1.0, abs(e[0])) and g[1:] == e[1:]
        for g, e in zip(got, expect, strict=True)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--failures", action="store_true", help="print every wrong facet")
    parser.add_argument("--gold", type=Path, action="append",
                        help="gold file(s) to score (default: every tests/extract/gold/facets*.jsonl)")
    args = parser.parse_args()
    paths = args.gold or sorted(GOLD.parent.glob("facets*.jsonl"))
    cases = [case for path in paths for case in load(path)]
    by_pattern: dict[str, list[bool]] = defaultdict(list)
    right_of: dict[int, bool] = {}
    for case in cases:
        got = facet_of(case)
        right = is_right(case, got)
        right_of[id(case)] = right
        by_pattern[case["pattern"]].append(right)
        if args.failures and not right:
            print(f"  wrong {case['pattern']} [{case['lang']}] {case['claim']!r}: "
                  f"expected {case['expect']!r}, got {got!r}")
    families: dict[str, list[bool]] = defaultdict(list)
    by_lang: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for case in cases:
        by_lang[(case["pattern"].split("/")[0], case["lang"])].append(right_of[id(case)])
    print(f"{'pattern':32s} right / checks")
    for pattern in sorted(by_pattern):
        results = by_pattern[pattern]
        families[pattern.split("/")[0]].extend(results)
        print(f"{pattern:32s} {sum(results):3d} / {len(results):3d}")
    print()
    every = [r for results in by_pattern.values() for r in results]
    for family in sorted(families):
        results = families[family]
        print(f"{family:10s} exact-facet accuracy {sum(results) / len(results):.3f} "
              f"({sum(results)}/{len(results)})")
    for (family, lang), results in sorted(by_lang.items()):
        print(f"{family + ' ' + lang:10s} exact-facet accuracy {sum(results) / len(results):.3f} "
              f"({sum(results)}/{len(results)})")
    print(f"{'overall':10s} exact-facet accuracy {sum(every) / len(every):.3f} "
          f"({sum(every)}/{len(every)})")


if __name__ == "__main__":
    main()
