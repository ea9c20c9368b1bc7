"""`claims merge | span | draw | adjudicate`: the command-line twins of `m`, `e`, `c` and the
adjudication view.

They call the same `Project` methods as the annotator's keys, so a script meets the same
refusals: a claim merged away, hidden or moved by another reviewer is refused by name with
the claim that replaced it, exit 1, and nothing is recorded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from annotator.cli.common import (
    db_option,
    handle_errors,
    reviewer_option,
    say,
    span_arguments,
    verdict_option,
    visible,
)

if TYPE_CHECKING:
    from claims.model import ClaimState
    from claims.project import Project


def _open(db: str | None) -> Project:
    from claims.project import Project

    return Project.open(db, mode="write")  # acting on claims: the project must exist


def _reviewer(name: str | None) -> str:
    from claims.project import check_reviewer, default_reviewer

    return check_reviewer(default_reviewer() if name is None else name)


def _span_of(state: ClaimState) -> str:
    return f"[{state.claim.start}, {state.claim.end})"


@click.command()
@click.argument("claim_id")
@click.option("--next", "next_id", default=None, metavar="CLAIM_ID",
              help="The claim expected to follow; refused if another one does now.")
@reviewer_option
@db_option
@handle_errors
def merge(claim_id: str, next_id: str | None, reviewer: str | None, db: str | None) -> None:
    """Merge CLAIM_ID with the next claim of its article; prints the merged claim's id."""
    name = _reviewer(reviewer)
    with _open(db) as project:
        result = project.merge_with_next(claim_id, name, next_id=next_id)
    merged = next(s for s in result.changed if s.claim.id == result.event.claim_id)
    say(merged.claim.id)
    say(
        f"{merged.claim.id} by {visible(name)}: merged with {result.event.other_id}, now "
        f"{_span_of(merged)}",
        err=True,
    )


@click.command()
@click.argument("claim_id")
@span_arguments
@reviewer_option
@db_option
@handle_errors
def span(claim_id: str, start: int, end: int, reviewer: str | None, db: str | None) -> None:
    """Move CLAIM_ID's boundaries to [START, END) of its article (character offsets)."""
    name = _reviewer(reviewer)
    with _open(db) as project:
        result = project.set_span(claim_id, name, start, end)
    state = result.changed[0]
    say(f"{state.claim.id} by {visible(name)}: span {_span_of(state)}")


@click.command()
@click.argument("article_id")
@span_arguments
@reviewer_option
@db_option
@handle_errors
def draw(article_id: str, start: int, end: int, reviewer: str | None, db: str | None) -> None:
    """Draw a new claim over [START, END) of ARTICLE_ID; prints its id."""
    name = _reviewer(reviewer)
    with _open(db) as project:
        result = project.create_claim(article_id, name, start, end)
    state = result.changed[0]
    say(state.claim.id)
    say(f"{state.claim.id} by {visible(name)}: drawn at {_span_of(state)}", err=True)


@click.command()
@click.argument("claim_id")
@verdict_option("The final verdict (label id, name or 1-based position in the scale).")
@click.option("--clear", is_flag=True, help="Withdraw the adjudication.")
@click.option("--note", default="", help="Why this verdict (shown beside it, exported).")
@reviewer_option
@db_option
@handle_errors
def adjudicate(
    claim_id: str, verdict: str | None, clear: bool, note: str, reviewer: str | None,
    db: str | None,
) -> None:
    """Give CLAIM_ID its final verdict, over what the reviewers said; every export uses it."""
    if verdict is not None and clear:
        raise click.UsageError("--verdict and --clear exclude each other: give one")
    if verdict is None and not clear:
        raise click.UsageError("give --verdict LABEL, or --clear to withdraw the adjudication")
    name = _reviewer(reviewer)
    with _open(db) as project:
        result = project.adjudicate(claim_id, name, verdict, note)
    state = result.changed[0]
    final = state.adjudication.verdict if state.adjudication else "withdrawn"
    said = ", ".join(
        f"{visible(r.reviewer)}={r.verdict or ('rejected' if r.status == 'rejected' else '-')}"
        for r in state.reviews
    )
    say(f"{state.claim.id} adjudicated by {visible(name)}: {final}"
               + (f" (reviewers: {said})" if said else ""))
