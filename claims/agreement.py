"""Agreement between reviewers: how far their verdicts, claim/not-a-claim calls and spans match.

Figures are computed over the claims as they now stand (live claims) from each reviewer's own
review, so reviewers never overwrite each other's ratings:

- **verdict**: a reviewer's verdict on a claim, unless that reviewer rejected it as not a
  claim (a rejected claim has no verdict to agree on);
- **status**: "claim" when the reviewer accepted the claim (a verdict implies it) and
  "not-a-claim" when they rejected it; a claim the reviewer has not decided on is not rated.

For each, Krippendorff's alpha (nominal) over every selected reviewer, computed by the
`krippendorff` package, Cohen's kappa for each pair of reviewers, and per label the observed
and expected agreement from the coincidence matrix (with the label's own alpha, "this label
against every other", which equals ``(observed - expected) / (1 - expected)``, given when the
label occurs on at least `min_items` of the items).

Spans are compared where reviewers drew, edited or merged claims (see `span_pairs`): exact
boundary precision, recall and F1 between two reviewers' spans, plus a character-level F1.

**Too few items.** A figure is given only when it rests on at least `min_items` items (claims
rated by two or more of the reviewers; for a pair, claims both rated; for spans, distinct spans
drawn by either) from at least two reviewers, and when the ratings vary (chance agreement is
below 1; when every rating is the same label, alpha and kappa are undefined). Otherwise the
figure is None and `reason` says which of these failed.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from claims.model import HISTORY_EVENT_TYPES, STRUCTURAL_EVENT_TYPES, ClaimState

if TYPE_CHECKING:
    from claims.project import Project
    from claims.store.rows import LogEvent

DEFAULT_MIN_ITEMS = 2
"""Fewer items than this and a figure says "too few items" instead of a number. Two is the
least on which agreement is more than one coincidence; `claims agree --min-items` asks for
more."""

STATUS_VALUES = ("claim", "not-a-claim")

Ratings = dict[str, dict[str, str]]
"""item (claim id) -> reviewer -> value."""


def verdict_rating(state: ClaimState, reviewer: str) -> str | None:
    review = state.review_by(reviewer)
    if review is None or review.status == "rejected":
        return None
    return review.verdict


def status_rating(state: ClaimState, reviewer: str) -> str | None:
    review = state.review_by(reviewer)
    if review is None:
        return None
    if review.status == "accepted":
        return "claim"
    if review.status == "rejected":
        return "not-a-claim"
    return None


# -- figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairFigure:
    """Cohen's kappa between two reviewers on the items both rated."""

    reviewers: tuple[str, str]
    items: int
    observed: float | None
    """Share of those items on which the two gave the same value."""
    expected: float | None
    """Chance agreement from each reviewer's own distribution of values."""
    kappa: float | None
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
    return Figure(
        alpha=alpha,
        reason=reason,
        items=len(pairable),
        values=n_values,
        rated=len(ratings),
        reviewers=active,
        observed=observed,
        expected=expected,
        pairs=pairs,
        labels=label_figures,
    )


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


# -- spans --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpanEvent:
    """A boundary action from the log: what `span_pairs` needs of an event."""

    seq: int
    id: str
    reviewer: str
    type: str
    article_id: str
    claim_id: str
    other_id: str | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class SpanPair:
    """Boundary agreement of two reviewers on the articles where both drew or edited claims."""

    reviewers: tuple[str, str]
    articles: int
    spans: tuple[int, int]
    """How many spans each of the two drew or edited there."""
    exact: int
    """Spans both gave with identical boundaries."""
    precision: float | None
    """Of the second reviewer's spans, the share the first also gave (first as reference)."""
    recall: float | None
    f1: float | None
    """Exact-boundary F1 (symmetric): 2 * exact / (spans of one + spans of the other)."""
    char_f1: float | None
    """F1 of the article characters each reviewer's spans cover (Dice coefficient)."""
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "reviewers": list(self.reviewers),
            "f1": self.f1,
            "too_few_items": self.f1 is None,
            "reason": self.reason,
            "articles": self.articles,
            "spans": list(self.spans),
            "exact": self.exact,
            "precision": self.precision,
            "recall": self.recall,
            "char_f1": self.char_f1,
        }


SPAN_MEASURE = (
    "exact-boundary precision/recall/F1 between two reviewers' drawn, edited or merged spans "
    "(each reviewer's latest span for each claim, undone actions excluded), on the articles "
    "where both did such work; char_f1 is the F1 of the characters those spans cover"
)


def reviewer_spans(events: Iterable[SpanEvent]) -> dict[str, dict[str, dict[str, tuple[int, int]]]]:
    """reviewer -> article -> claim -> the span that reviewer last gave the claim.

    `events` are in log order and include the undo/redo events that target them; an action
    undone (an odd number of undo/redo targeting it) does not count. A claim the reviewer
    merged into another is no longer one of their spans.
    """
    events = list(events)
    toggles = Counter(e.other_id for e in events if e.type in HISTORY_EVENT_TYPES and e.other_id)
    out: dict[str, dict[str, dict[str, tuple[int, int]]]] = defaultdict(lambda: defaultdict(dict))
    for e in sorted(events, key=lambda e: e.seq):
        if e.type not in STRUCTURAL_EVENT_TYPES or toggles[e.id] % 2:
            continue
        if e.start is None or e.end is None:
            continue
        spans = out[e.reviewer][e.article_id]
        spans[e.claim_id] = (e.start, e.end)
        if e.type == "merge" and e.other_id:
            spans.pop(e.other_id, None)
    return {r: {a: dict(s) for a, s in by.items() if s} for r, by in out.items()}


def _covered(spans: Iterable[tuple[int, int]]) -> set[int]:
    chars: set[int] = set()
    for start, end in spans:
        chars.update(range(start, end))
    return chars


def span_pairs(
    events: Iterable[SpanEvent], reviewers: Sequence[str], *, min_items: int = DEFAULT_MIN_ITEMS
) -> list[SpanPair]:
    by_reviewer = reviewer_spans(events)
    out = []
    for a, b in combinations(reviewers, 2):
        sa, sb = by_reviewer.get(a, {}), by_reviewer.get(b, {})
        shared = sorted(set(sa) & set(sb))
        spans_a = {(art, *span) for art in shared for span in sa[art].values()}
        spans_b = {(art, *span) for art in shared for span in sb[art].values()}
        exact = len(spans_a & spans_b)
        union = len(spans_a | spans_b)
        if union < min_items or not shared:
            what = "distinct spans drawn or edited by both on shared articles"
            out.append(SpanPair((a, b), len(shared), (len(spans_a), len(spans_b)), exact,
                                None, None, None, None, too_few(union, min_items, what)))
            continue
        inter = total = 0
        for art in shared:
            ca, cb = _covered(sa[art].values()), _covered(sb[art].values())
            inter += len(ca & cb)
            total += len(ca) + len(cb)
        out.append(
            SpanPair(
                reviewers=(a, b),
                articles=len(shared),
                spans=(len(spans_a), len(spans_b)),
                exact=exact,
                precision=exact / len(spans_b),
                recall=exact / len(spans_a),
                f1=2 * exact / (len(spans_a) + len(spans_b)),
                char_f1=2 * inter / total if total else None,
            )
        )
    return out


# -- the report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleAgreement:
    article_id: str
    title: str | None
    verdict: Figure
    status: Figure


@dataclass(frozen=True)
class AgreementReport:
    reviewers: tuple[str, ...]
    labels: tuple[str, ...]
    min_items: int
    articles: int
    claims: int
    verdict: Figure
    status: Figure
    by_article: list[ArticleAgreement]
    spans: list[SpanPair]

    def to_json(self) -> dict[str, Any]:
        return {
            "reviewers": list(self.reviewers),
            "articles": self.articles,
            "claims": self.claims,
            "min_items": self.min_items,
            "rule": (
                f"a figure needs at least {self.min_items} items (claims rated by 2+ reviewers; "
                "for a pair, claims both rated; for spans, distinct spans) from 2+ reviewers, "
                "and ratings that vary; otherwise it is null with a reason"
            ),
            "verdict": self.verdict.to_json(),
            "status": self.status.to_json(),
            "by_article": [
                {
                    "article_id": a.article_id,
                    "title": a.title,
                    "verdict": a.verdict.to_json(),
                    "status": a.status.to_json(),
                }
                for a in self.by_article
            ],
            "spans": {"measure": SPAN_MEASURE, "pairs": [p.to_json() for p in self.spans]},
        }


def agreement_report(
    states: Sequence[ClaimState],
    events: Iterable[SpanEvent],
    *,
    reviewers: Sequence[str],
    labels: Sequence[str],
    titles: dict[str, str | None],
    min_items: int = DEFAULT_MIN_ITEMS,
) -> AgreementReport:
    """Every figure of `claims agree` over `states` (the live claims of the selected articles).

    `titles` maps each selected article to its title, in the order articles are listed.
    """
    reviewers = tuple(reviewers)
    verdicts: dict[str, Ratings] = defaultdict(dict)
    statuses: dict[str, Ratings] = defaultdict(dict)
    chosen = set(reviewers)
    for state in states:
        article = state.claim.article_id
        for review in state.reviews:
            r = review.reviewer
            if r not in chosen:
                continue
            v = verdict_rating(state, r)
            if v is not None:
                verdicts[article].setdefault(state.claim.id, {})[r] = v
            s = status_rating(state, r)
            if s is not None:
                statuses[article].setdefault(state.claim.id, {})[r] = s
    all_verdicts = {k: v for by in verdicts.values() for k, v in by.items()}
    all_statuses = {k: v for by in statuses.values() for k, v in by.items()}
    by_article = [
        ArticleAgreement(
            article_id=article,
            title=title,
            verdict=measure(verdicts.get(article, {}), reviewers, labels, min_items=min_items,
                            with_labels=False),
            status=measure(statuses.get(article, {}), reviewers, STATUS_VALUES,
                           min_items=min_items, with_labels=False),
        )
        for article, title in titles.items()
        if article in verdicts or article in statuses
    ]
    return AgreementReport(
        reviewers=reviewers,
        labels=tuple(labels),
        min_items=min_items,
        articles=len(titles),
        claims=len(states),
        verdict=measure(all_verdicts, reviewers, labels, min_items=min_items),
        status=measure(all_statuses, reviewers, STATUS_VALUES, min_items=min_items),
        by_article=by_article,
        spans=span_pairs(events, reviewers, min_items=min_items),
    )


# -- reading a project ----------------------------------------------------------------------


def project_agreement(
    project: Project,
    *,
    articles: Sequence[str] = (),
    reviewers: Sequence[str] = (),
    min_items: int = DEFAULT_MIN_ITEMS,
) -> AgreementReport:
    """The agreement report of a project, read in one snapshot; the project is only read.

    `articles` are references (id, prefix, external id); none means every article.
    `reviewers` restricts the figures to those reviewers; none means everyone who reviewed.
    """
    from claims.project import ProjectError

    if min_items < 1:
        raise ProjectError(f"--min-items must be at least 1, not {min_items}")
    article_ids = list(dict.fromkeys(project.article(ref).id for ref in articles))
    with project.store.read() as tx:
        if article_ids:
            states = [s for a in article_ids for s in tx.claim_states(article_id=a)]
        else:
            states = tx.claim_states()
        summaries = {a.id: a.title for a in tx.article_summaries()}
        history = tx.boundary_history(article_ids)
        known = tx.reviewers()
    events = [_span_event(e) for e in history]
    for name in reviewers:
        if name not in known:
            listed = ", ".join(sorted(known)) or "none yet"
            raise ProjectError(f"--reviewer: no reviewer {name!r} in this project ({listed})")
    if reviewers:
        chosen = list(dict.fromkeys(reviewers))
    else:
        chosen = sorted(
            {r.reviewer for s in states for r in s.reviews}
            | {e.reviewer for e in events if e.type in STRUCTURAL_EVENT_TYPES}
        )
    titles = {a: summaries.get(a) for a in (article_ids or list(summaries))}
    return agreement_report(
        states, events, reviewers=chosen, labels=project.scale.ids, titles=titles,
        min_items=min_items,
    )


def _span_event(event: LogEvent) -> SpanEvent:
    start = end = None
    if event.type in STRUCTURAL_EVENT_TYPES:
        start, end = int(event.payload["start"]), int(event.payload["end"])
    return SpanEvent(seq=event.seq, id=event.id, reviewer=event.reviewer, type=event.type,
                     article_id=event.article_id, claim_id=event.claim_id,
                     other_id=event.other_id, start=start, end=end)
