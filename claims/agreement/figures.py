"""Agreement statistics over ratings: Krippendorff's alpha, Cohen's kappa, per-label figures.

Ratings are `item -> reviewer -> value`; `measure` turns them into a `Figure` under the
too-few-items rule (see `claims.agreement`). Nothing here reads a project.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from claims.errors import ProjectError

__all__ = [
    "DEFAULT_MIN_ITEMS",
    "MAX_MIN_ITEMS",
    "Figure",
    "LabelFigure",
    "PairFigure",
    "Ratings",
    "check_min_items",
    "coincidences",
    "cohen_kappa",
    "measure",
    "reliability_matrix",
    "too_few",
]

DEFAULT_MIN_ITEMS = 2
"""Fewer items than this and a figure says "too few items" instead of a number. Two is the
least on which agreement is more than one coincidence; `claims agree --min-items` asks for
more."""
MAX_MIN_ITEMS = 1_000_000_000
"""The largest minimum a figure may be asked to rest on: more claims than any project holds
(and within the 64 bits a JSON report writes an integer in)."""


def check_min_items(min_items: int) -> None:
    """Refuse a minimum of items outside 1..MAX_MIN_ITEMS, naming the option."""
    if not 1 <= min_items <= MAX_MIN_ITEMS:
        raise ProjectError(f"--min-items must be between 1 and {MAX_MIN_ITEMS:,}, "
                           f"not {min_items:,}")


Ratings = dict[str, dict[str, str]]
"""item (claim id) -> reviewer -> value."""


@dataclass(frozen=True)
class PairFigure:
    """Cohen's kappa between two reviewers on the items both rated."""

    reviewers: tuple[str, str]
    items: int
    """Items both reviewers rated."""
    observed: float | None
    """Share of those items on which the two gave the same value."""
    expected: float | None
    """Chance agreement from each reviewer's own distribution of values."""
    kappa: float | None
    """(observed - expected) / (1 - expected); None with `reason` when too few items."""
    reason: str | None = None


@dataclass(frozen=True)
class LabelFigure:
    """One value of the scale: observed vs expected agreement from the coincidence matrix."""

    label: str
    values: int
    """Pairable values (ratings on items rated at least twice) with this label."""
    items: int
    """Items rated at least twice on which some reviewer gave this label."""
    observed: float | None
    """Of the pairable values with this label, the share paired with the same label."""
    expected: float | None
    """The same share if values were paired at random: (n_c - 1) / (n - 1)."""
    alpha: float | None
    """Krippendorff's alpha of "this label against every other"."""
    reason: str | None = None


@dataclass(frozen=True)
class Figure:
    """Agreement on one kind of rating (verdicts, or claim/not-a-claim) over some items."""

    alpha: float | None
    """Krippendorff's alpha, nominal; None with `reason` when there are too few items."""
    reason: str | None
    items: int
    """Items rated by two or more reviewers: what alpha rests on."""
    values: int
    """Ratings on those items (pairable values)."""
    rated: int
    """Items rated by anyone, including those rated once."""
    reviewers: tuple[str, ...]
    """Reviewers with at least one pairable rating."""
    observed: float | None
    """Share of pairable value pairs that agree (1 - D_o)."""
    expected: float | None
    """The same share by chance (1 - D_e)."""
    pairs: list[PairFigure] = field(default_factory=list)
    labels: list[LabelFigure] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "alpha": self.alpha,
            "too_few_items": self.alpha is None,
            "reason": self.reason,
            "items": self.items,
            "values": self.values,
            "rated": self.rated,
            "reviewers": list(self.reviewers),
            "observed": self.observed,
            "expected": self.expected,
            "pairs": [
                {
                    "reviewers": list(p.reviewers),
                    "kappa": p.kappa,
                    "too_few_items": p.kappa is None,
                    "reason": p.reason,
                    "items": p.items,
                    "observed": p.observed,
                    "expected": p.expected,
                }
                for p in self.pairs
            ],
            "labels": [
                {
                    "label": label.label,
                    "values": label.values,
                    "items": label.items,
                    "observed": label.observed,
                    "expected": label.expected,
                    "alpha": label.alpha,
                    "reason": label.reason,
                }
                for label in self.labels
            ],
        }


def too_few(items: int, min_items: int, what: str = "claims rated by 2+ reviewers") -> str:
    noun, _, rest = what.partition(" ")
    if items == 1 and noun.endswith("s"):
        noun = noun[:-1]
    return f"too few items: {items} {' '.join(w for w in (noun, rest) if w)}, {min_items} needed"


def _nominal_alpha(rows: list[list[float]]) -> float:
    import krippendorff  # deferred: it imports numpy (~100 ms), only agreement needs it

    return float(krippendorff.alpha(reliability_data=rows, level_of_measurement="nominal"))


def reliability_matrix(
    ratings: Ratings, reviewers: Sequence[str], values: Sequence[str]
) -> list[list[float]]:
    """Rows per reviewer, columns per item rated at least twice: value codes, NaN if unrated.

    This is the `reliability_data` that `krippendorff.alpha` takes; codes index `values`.
    """
    code = {v: float(i) for i, v in enumerate(values)}
    items = [item for item in sorted(ratings) if len(ratings[item]) >= 2]
    return [[code[ratings[item][r]] if r in ratings[item] else math.nan for item in items]
            for r in reviewers]


def coincidences(ratings: Ratings) -> dict[tuple[str, str], float]:
    """Krippendorff's coincidence matrix o_ck over items rated at least twice."""
    out: dict[tuple[str, str], float] = defaultdict(float)
    for by_reviewer in ratings.values():
        values = list(by_reviewer.values())
        m = len(values)
        if m < 2:
            continue
        for i, j in combinations(range(m), 2):
            out[(values[i], values[j])] += 1 / (m - 1)
            out[(values[j], values[i])] += 1 / (m - 1)
    return dict(out)


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> tuple[float, float, float | None]:
    """Observed agreement, chance agreement and Cohen's kappa of two aligned rating lists.

    Kappa is None when chance agreement is 1 (both reviewers used one and the same value).
    """
    n = len(a)
    if n == 0 or n != len(b):
        raise ValueError("kappa needs two non-empty rating lists of the same length")
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[v] * cb[v] for v in ca) / (n * n)
    if expected >= 1.0:
        return observed, expected, None
    return observed, expected, (observed - expected) / (1 - expected)


def measure(
    ratings: Ratings,
    reviewers: Sequence[str],
    labels: Sequence[str],
    *,
    min_items: int = DEFAULT_MIN_ITEMS,
    with_labels: bool = True,
) -> Figure:
    """Alpha, pairwise kappas and per-label agreement of `ratings` among `reviewers`.

    `labels` gives the order of values (the project's scale); values outside it come after.
    """
    ratings = {
        item: {r: v for r, v in by.items() if r in reviewers} for item, by in ratings.items()
    }
    ratings = {item: by for item, by in ratings.items() if by}
    pairable = {item: by for item, by in ratings.items() if len(by) >= 2}
    present = sorted({v for by in pairable.values() for v in by.values()})
    values = [v for v in labels if v in present] + [v for v in present if v not in labels]
    active = tuple(r for r in reviewers if any(r in by for by in pairable.values()))
    n_values = sum(len(by) for by in pairable.values())

    o = coincidences(pairable)
    n_c = {v: sum(o.get((v, k), 0.0) for k in values) for v in values}
    n = sum(n_c.values())
    observed = expected = None
    if n > 1:
        observed = sum(o.get((v, v), 0.0) for v in values) / n
        expected = sum(c * (c - 1) for c in n_c.values()) / (n * (n - 1))

    raters = {r for by in ratings.values() for r in by}
    reason: str | None = None
    if len(raters) < 2:
        reason = f"too few items: {len(raters)} reviewer(s) rated these claims, 2 needed"
    elif len(pairable) < min_items:
        reason = too_few(len(pairable), min_items)
    elif len(values) < 2:
        reason = f"too few items: no variation, every rating is {values[0]!r}"
    alpha = None
    if reason is None:
        alpha = _nominal_alpha(reliability_matrix(pairable, active, values))

    pairs = [_pair(ratings, a, b, min_items) for a, b in combinations(reviewers, 2)]
    label_figures: list[LabelFigure] = []
    if with_labels:
        for label in [*labels, *(v for v in values if v not in labels)]:
            label_figures.append(_label(label, pairable, active, n_c, o, n, reason, min_items))
    return Figure(alpha=alpha, reason=reason, items=len(pairable), values=n_values,
                  rated=len(ratings), reviewers=active, observed=observed, expected=expected,
                  pairs=pairs, labels=label_figures)


def _pair(ratings: Ratings, a: str, b: str, min_items: int) -> PairFigure:
    both = [by for _, by in sorted(ratings.items()) if a in by and b in by]
    if not both:
        return PairFigure((a, b), 0, None, None, None, too_few(0, min_items, "claims both rated"))
    observed, expected, kappa = cohen_kappa([by[a] for by in both], [by[b] for by in both])
    reason = None
    if len(both) < min_items:
        reason = too_few(len(both), min_items, "claims both rated")
    elif kappa is None:
        reason = f"too few items: no variation, both gave every claim {both[0][a]!r}"
    return PairFigure((a, b), len(both), observed, expected, None if reason else kappa, reason)


def _label(
    label: str,
    pairable: Ratings,
    reviewers: Sequence[str],
    n_c: dict[str, float],
    o: dict[tuple[str, str], float],
    n: float,
    overall_reason: str | None,
    min_items: int,
) -> LabelFigure:
    count = round(n_c.get(label, 0.0))
    items = sum(1 for by in pairable.values() if label in by.values())
    if count == 0 or n < 2:
        return LabelFigure(label, count, items, None, None, None, "not used on claims rated twice")
    observed = o.get((label, label), 0.0) / n_c[label]
    expected = (n_c[label] - 1) / (n - 1)
    reason = overall_reason
    alpha = None
    if reason is None and items < min_items:
        reason = too_few(items, min_items, "claims rated by 2+ reviewers with this label")
    if reason is None and count == n:
        reason = f"too few items: no variation, every rating is {label!r}"
    if reason is None:
        binary = {
            item: {r: ("yes" if v == label else "no") for r, v in by.items()}
            for item, by in pairable.items()
        }
        alpha = _nominal_alpha(reliability_matrix(binary, reviewers, ["yes", "no"]))
    return LabelFigure(label, count, items, observed, expected, alpha, reason)
