"""Per-reviewer statistics: what each reviewer decided, how fast, and how often the
adjudicator agreed.

Counts come from each reviewer's own review of the live claims (the claims as they now stand).
Time comes from the event log:

**Seconds per claim.** A reviewer's events, in time order, fall into *visits*: runs of
consecutive events on the same claim. The time a visit took is the gap between the end (last
event) of the previous visit and the end of this one, so it covers reading the claim and every
action on it. A gap longer than `BREAK_SECONDS` (10 minutes) is a break, not work: that visit is
not timed (nor is a reviewer's very first visit, which has nothing before it). The figure is
the median over the timed visits; none when there are none.

**Agreement with adjudication.** On the claims an adjudicator gave a verdict and the reviewer
gave one too (not as the adjudicator), the share where the two are the same, and Cohen's kappa
between the reviewer and the adjudicated verdicts (with `claims.agreement`'s too-few-items
rule).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from claims.agreement.figures import DEFAULT_MIN_ITEMS, check_min_items, cohen_kappa, too_few
from claims.model import ClaimState

if TYPE_CHECKING:
    from claims.project import Project

__all__ = [
    "BREAK_SECONDS",
    "MAX_BREAK_SECONDS",
    "ReviewerStats",
    "StatsReport",
    "project_stats",
    "reviewer_stats",
    "seconds_per_claim",
]

BREAK_SECONDS = 600.0
MAX_BREAK_SECONDS = 366 * 86_400.0
"""The longest pause `--break` may name: a year (a longer one, or infinity, would time a
reviewer's months away as one claim)."""
"""A gap between two visits longer than this is a break, not time spent on a claim."""


@dataclass(frozen=True)
class ReviewerStats:
    reviewer: str
    reviewed: int
    """Live claims this reviewer accepted, rejected or gave a verdict."""
    accepted: int
    rejected: int
    verdicts: dict[str, int]
    """Verdicts per label id (claims the reviewer rejected carry none)."""
    actions: int
    """Events in the log by this reviewer (undo and redo included)."""
    median_seconds: float | None
    timed: int
    """Visits that were timed: what the median rests on."""
    breaks: int
    """Gaps longer than `BREAK_SECONDS`, left out as breaks."""
    adjudicated: int
    """Claims this reviewer gave a verdict that an adjudicator then settled with a verdict."""
    agrees: int
    """Of those, how many the adjudicator settled on this reviewer's verdict."""
    kappa: float | None
    kappa_reason: str | None
    adjudications: int
    """Claims this reviewer adjudicated."""

    @property
    def agreement(self) -> float | None:
        return self.agrees / self.adjudicated if self.adjudicated else None

    def to_json(self) -> dict[str, Any]:
        return {
            "reviewer": self.reviewer,
            "claims_reviewed": self.reviewed,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "verdicts": self.verdicts,
            "actions": self.actions,
            "median_seconds_per_claim": self.median_seconds,
            "timed_claims": self.timed,
            "breaks": self.breaks,
            "adjudication": {
                "claims": self.adjudicated,
                "agrees": self.agrees,
                "agreement": self.agreement,
                "kappa": self.kappa,
                "too_few_items": self.kappa is None,
                "reason": self.kappa_reason,
            },
            "adjudicated_claims": self.adjudications,
        }


@dataclass(frozen=True)
class StatsReport:
    reviewers: list[ReviewerStats] = field(default_factory=list)
    labels: tuple[str, ...] = ()
    break_seconds: float = BREAK_SECONDS
    min_items: int = DEFAULT_MIN_ITEMS

    def to_json(self) -> dict[str, Any]:
        return {
            "reviewers": [r.to_json() for r in self.reviewers],
            "labels": list(self.labels),
            "break_seconds": self.break_seconds,
            "min_items": self.min_items,
            "timing": (
                "median over visits (runs of a reviewer's consecutive events on one claim) of "
                "the time from the end of the previous visit to the end of this one; gaps over "
                f"{self.break_seconds:g} s are breaks and are not timed"
            ),
        }


def seconds_per_claim(
    events: Iterable[tuple[datetime, int, str]], break_seconds: float = BREAK_SECONDS
) -> tuple[list[float], int]:
    """The timed visits of one reviewer's `(ts, seq, claim_id)` events, and the breaks."""
    ends: list[datetime] = []
    last_claim: str | None = None
    for ts, _, claim_id in sorted(events):
        if claim_id == last_claim and ends:
            ends[-1] = ts
        else:
            ends.append(ts)
            last_claim = claim_id
    timed: list[float] = []
    breaks = 0
    for before, after in zip(ends, ends[1:], strict=False):
        gap = (after - before).total_seconds()
        if gap > break_seconds:
            breaks += 1
        else:
            timed.append(gap)
    return timed, breaks


def _adjudicated_verdict(state: ClaimState) -> tuple[str, str] | None:
    """(adjudicator, verdict) when the claim was settled with a verdict."""
    adjudication = getattr(state, "adjudication", None)
    if adjudication is None or adjudication.verdict is None:
        return None
    return adjudication.reviewer, adjudication.verdict


def reviewer_stats(
    states: Sequence[ClaimState],
    events: Iterable[tuple[str, datetime, int, str]],
    *,
    labels: Sequence[str],
    min_items: int = DEFAULT_MIN_ITEMS,
    break_seconds: float = BREAK_SECONDS,
) -> StatsReport:
    """Statistics of every reviewer seen in `states` or in `events`
    (`(reviewer, ts, seq, claim_id)` rows of the log)."""
    timeline: dict[str, list[tuple[datetime, int, str]]] = defaultdict(list)
    for reviewer, ts, seq, claim_id in events:
        timeline[reviewer].append((ts, seq, claim_id))
    names = sorted({r.reviewer for s in states for r in s.reviews} | set(timeline))
    adjudications = Counter(a[0] for s in states if (a := _adjudicated_verdict(s)))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    verdicts_of: dict[str, Counter[str]] = defaultdict(Counter)
    versus: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for state in states:  # one pass: a project may hold 100,000 claims
        adjudicated = _adjudicated_verdict(state)
        for review in state.reviews:
            name = review.reviewer
            c = counts[name]
            c["reviewed"] += review.status != "proposed" or review.verdict is not None
            c["accepted"] += review.status == "accepted"
            c["rejected"] += review.status == "rejected"
            verdict = review.verdict if review.status != "rejected" else None
            if verdict is not None:
                verdicts_of[name][verdict] += 1
                if adjudicated is not None and adjudicated[0] != name:
                    versus[name].append((verdict, adjudicated[1]))
    order = {label: i for i, label in enumerate(labels)}
    out = []
    for name in names:
        mine = [m for m, _ in versus[name]]
        settled = [s for _, s in versus[name]]
        verdicts = verdicts_of[name]
        reviewed, accepted, rejected = (counts[name][k] for k in ("reviewed", "accepted",
                                                                   "rejected"))
        timed, breaks = seconds_per_claim(timeline.get(name, []), break_seconds)
        kappa = reason = None
        if len(mine) < min_items:
            reason = too_few(len(mine), min_items, "claims with an adjudicated verdict")
        else:
            kappa = cohen_kappa(mine, settled)[2]
            if kappa is None:
                reason = f"too few items: no variation, every verdict is {mine[0]!r}"
        out.append(
            ReviewerStats(
                reviewer=name,
                reviewed=reviewed,
                accepted=accepted,
                rejected=rejected,
                verdicts=dict(sorted(verdicts.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))),
                actions=len(timeline.get(name, [])),
                median_seconds=statistics.median(timed) if timed else None,
                timed=len(timed),
                breaks=breaks,
                adjudicated=len(mine),
                agrees=sum(a == b for a, b in zip(mine, settled, strict=True)),
                kappa=kappa,
                kappa_reason=reason,
                adjudications=adjudications.get(name, 0),
            )
        )
    return StatsReport(out, tuple(labels), break_seconds, min_items)


def project_stats(
    project: Project, *, min_items: int = DEFAULT_MIN_ITEMS, break_seconds: float = BREAK_SECONDS
) -> StatsReport:
    """Every reviewer's statistics, read in one snapshot; the project is only read."""
    from claims.project import ProjectError

    check_min_items(min_items)
    if not 0 < break_seconds <= MAX_BREAK_SECONDS:
        raise ProjectError(f"--break must be a number of seconds above 0 and at most "
                           f"{MAX_BREAK_SECONDS:,.0f}, not {break_seconds:g}")
    with project.store.read() as tx:
        states = tx.claim_states()
        events = tx.action_times()
    return reviewer_stats(states, events, labels=project.scale.ids, min_items=min_items,
                          break_seconds=break_seconds)
