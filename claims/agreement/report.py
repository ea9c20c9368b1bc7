"""The report of `claims agree`: every agreement figure of a project, overall and per article."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claims.actions import check_known_reviewers
from claims.agreement.figures import (
    DEFAULT_MIN_ITEMS,
    Figure,
    Ratings,
    check_min_items,
    measure,
)
from claims.agreement.spans import SPAN_MEASURE, SpanEvent, SpanPair, span_event, span_pairs
from claims.model import STRUCTURAL_EVENT_TYPES, ClaimState

if TYPE_CHECKING:
    from claims.project import Project

__all__ = [
    "STATUS_VALUES",
    "AgreementReport",
    "ArticleAgreement",
    "agreement_report",
    "project_agreement",
    "status_rating",
    "verdict_rating",
]

STATUS_VALUES = ("claim", "not-a-claim")


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
    check_min_items(min_items)
    article_ids = list(dict.fromkeys(project.article(ref).id for ref in articles))
    with project.store.read() as tx:
        if article_ids:
            states = [s for a in article_ids for s in tx.claim_states(article_id=a)]
        else:
            states = tx.claim_states()
        summaries = {a.id: a.title for a in tx.article_summaries()}
        history = tx.boundary_history(article_ids)
        known = tx.reviewers()
    events = [span_event(e) for e in history]
    check_known_reviewers(reviewers, known)
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
