"""`claims list | review | undo | redo | log`: claims reviewed from a shell or a script.

`review` is the headless twin of the annotator's keys: whatever a reviewer can do with a key
press, a script can do here, through the same `Project` methods and the same event log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from annotator.cli.common import (
    InputError,
    UserError,
    cell,
    check_known_reviewer,
    db_option,
    echo_jsonl,
    handle_errors,
    open_project,
    parse_date,
    reviewer_name,
    reviewer_option,
    say,
    verdict_option,
    visible,
)
from claims.model import STANCES, STATUSES, Source, review_summary

MAX_LIMIT = 1_000_000_000
"""The largest --limit (a database counts rows in 64 bits; no log holds more than this)."""

if TYPE_CHECKING:
    from claims.project import Project

__all__ = ["list_claims", "log", "redo", "review", "undo"]


def _note_pending(project: Project, article_id: str | None) -> None:
    """Say on stderr which articles still have claims to come (an annotator session is
    proposing them, or one ended before it finished)."""
    pending = project.pending_extractions()
    for aid, offset in sorted(pending.items()):
        if article_id is None or aid == article_id:
            click.echo(
                f"claims: note: article {aid}: claims are proposed up to character {offset} "
                "only; `claims add` of its file or `claims annotate` completes them",
                err=True,
            )


@click.command("list")
@click.option("--article", "article_ref", default=None, metavar="ID",
              help="Only this article (id, id prefix or external id).")
@click.option("--status", type=click.Choice(STATUSES), default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@db_option
@handle_errors
def list_claims(article_ref: str | None, status: str | None, fmt: str, db: str | None) -> None:
    """List claims with their id, status, verdicts, kind, score and text."""
    with open_project(db, "read") as project:
        article_id = project.article(article_ref).id if article_ref is not None else None
        states = project.claims(article_id, status=status)
        _note_pending(project, article_id)
    if fmt == "jsonl":
        # `claim_id` is the export's name for the claim's id; `id` repeats it for scripts
        # written before the two were made one (it will go in a later version).
        echo_jsonl(
            {
                "claim_id": s.claim.id,
                "id": s.claim.id,
                "article_id": s.claim.article_id,
                "start": s.claim.start,
                "end": s.claim.end,
                "text": s.claim.text,
                "kind": s.claim.kind,
                "score": s.claim.score,
                "status": s.status,
                "verdict": s.verdict,
                "reviews": {r.reviewer: {"status": r.status, "verdict": r.verdict}
                            for r in s.reviews},
            }
            for s in states
        )
        return
    lines = [f"{'ID':<12}  {'STATUS':<8}  {'VERDICT':<22}  {'KIND':<10}  SCORE  TEXT"]
    for s in states:
        verdicts = ", ".join(f"{r.reviewer}:{r.verdict}" for r in s.reviews if r.verdict)
        text = cell(s.claim.text)
        if len(text) > 70:
            text = text[:69] + "…"
        lines.append(
            f"{s.claim.id:<12}  {s.status:<8}  {visible(verdicts) or '-':<22}  "
            f"{s.claim.kind:<10}  {s.claim.score:.2f}   {text}"
        )
    say("\n".join(lines))
    say(f"{len(states)} claim(s)", err=True)


@click.command()
@click.argument("claim_id")
@verdict_option("A label of the project's scale, by id, name or 1-based position.")
@click.option("--clear-verdict", is_flag=True, help="Remove this reviewer's verdict.")
@click.option("--accept", is_flag=True, help="Accept the claim as it is.")
@click.option("--reject", is_flag=True, help="Reject it as not a claim.")
@click.option("--restore", is_flag=True, help="Take back an acceptance or rejection.")
@click.option("--source", "source_url", default=None, metavar="URL", help="Attach a source.")
@click.option("--title", default="", help="Title of the source.")
@click.option("--quote", default="", help="Excerpt quoted from the source.")
@click.option("--stance", type=click.Choice(STANCES), default="context", show_default=True)
@click.option("--accessed", default=None, metavar="YYYY-MM-DD",
              help="When the source was read (default: today, UTC).")
@click.option("--note", default=None, help="The rationale (replaces the previous one).")
@click.option("--claim-text", default=None, metavar="TEXT",
              help="The claim as checked: a standalone rewrite of it (\"\" clears).")
@reviewer_option
@db_option
@handle_errors
def review(
    claim_id: str,
    verdict: str | None,
    clear_verdict: bool,
    accept: bool,
    reject: bool,
    restore: bool,
    source_url: str | None,
    title: str,
    quote: str,
    stance: str,
    accessed: str | None,
    note: str | None,
    claim_text: str | None,
    reviewer: str | None,
    db: str | None,
) -> None:
    """Review CLAIM_ID (an id or unambiguous prefix): the headless twin of the annotator keys.

    Everything given is checked before anything is written.
    """
    if sum((accept, reject, restore)) > 1:
        raise click.UsageError("give at most one of --accept, --reject, --restore")
    if verdict is not None and clear_verdict:
        raise click.UsageError("--verdict and --clear-verdict contradict each other")
    if (title or quote or accessed) and source_url is None:
        raise click.UsageError("--title, --quote and --accessed describe a --source; give its URL")
    accessed_day = parse_date(accessed, "--accessed")
    given = (verdict is not None, clear_verdict, accept, reject, restore, source_url is not None,
             note is not None, claim_text is not None)
    if not any(given):
        raise click.UsageError(
            "nothing to do: give --verdict, --accept, --reject, --source, --note or --claim-text"
        )
    name = reviewer_name(reviewer)
    source = None
    if source_url is not None:
        from claims.model import check_http_url

        try:
            check_http_url(source_url)  # the reason by name: credentials, port, a hidden char
        except ValueError as exc:
            raise InputError(f"--source: {exc}") from None
        source = Source(url=source_url, title=title, quote=quote, stance=stance,
                        accessed=accessed_day)
    with open_project(db, "write") as project:
        state = project.claim(claim_id)
        cid = state.claim.id
        if verdict is not None:
            try:
                label = project.scale.resolve(verdict)
            except KeyError as exc:
                raise InputError(f"--verdict: {exc.args[0]}") from None
        done = []
        if verdict is not None:
            done.append(f"verdict {label.id}")
        if clear_verdict:
            done.append("verdict cleared")
        status = None
        if accept or reject or restore:
            status = "accepted" if accept else "rejected" if reject else "proposed"
            done.append(status)
        if source is not None:
            done.append(f"source {source.url}")
        if note is not None:  # (spaces or line breaks only: no rationale)
            done.append("rationale" if note.strip() else "rationale cleared")
        if claim_text is not None:
            done.append("claim as checked" if claim_text.strip() else "claim as checked cleared")
        # One transaction: a command that fails halfway (a full disk) saves nothing.
        project.review(cid, name, verdict=label.id if verdict is not None else None,
                       clear_verdict=clear_verdict, status=status, source=source, rationale=note,
                       claim_text=claim_text)
        final = project.claim(cid)
    say(f"{cid} by {visible(name)}: {'; '.join(visible(d) for d in done)}")
    say(f"{cid}: status {final.status}, verdict {final.verdict or '-'}", err=True)


def _describe_event(event: Any) -> str:
    p = event.payload
    what = {
        "verdict": lambda: f"verdict {p.get('label') or 'cleared'}",
        "status": lambda: f"status {p.get('status')}",
        "source_add": lambda: f"source {p['source']['url']}",
        "source_remove": lambda: f"removed source {int(p['index']) + 1}",
        "rationale": lambda: "rationale: " + cell(p.get("text") or "(empty)")[:60],
        "claim_text": lambda: "claim as checked: " + (p.get("text") or "(cleared)")[:60],
        "review": lambda: "imported review: " + review_summary(p, p.get("verdict")),
        "adjudicate": lambda: f"adjudicated {p.get('label') or '(withdrawn)'}"
        + (f": {p['note'][:50]}" if p.get("note") else ""),
        "span": lambda: f"span [{p['start']}, {p['end']})",
        "claim_create": lambda: f"created claim [{p['start']}, {p['end']})",
        "merge": lambda: f"merged with {event.other_id}",
        "undo": lambda: f"undo {p.get('type')} {event.other_id[:8]}",
        "redo": lambda: f"redo {p.get('type')} {event.other_id[:8]}",
    }[event.type]()
    return visible(what)


def _toggle(kind: str, reviewer: str | None, db: str | None) -> None:
    name = reviewer_name(reviewer)
    with open_project(db, "write") as project:
        result = project.undo(name) if kind == "undo" else project.redo(name)
        if result is None:
            raise UserError(f"nothing to {kind} for {name}")
        with project.store.read() as tx:
            original = tx.event(result.event.other_id or "")
    say(
        f"{kind}: {_describe_event(original)} on claim {result.event.claim_id} "
        f"by {visible(name)}"
    )


@click.command()
@reviewer_option
@db_option
@handle_errors
def undo(reviewer: str | None, db: str | None) -> None:
    """Take back the reviewer's latest action still in effect (repeat to go further back)."""
    _toggle("undo", reviewer, db)


@click.command()
@reviewer_option
@db_option
@handle_errors
def redo(reviewer: str | None, db: str | None) -> None:
    """Put back what the reviewer's latest undo took back."""
    _toggle("redo", reviewer, db)


@click.command()
@click.argument("claim_id", required=False)
@click.option("--reviewer", default=None, help="Only this reviewer's events.")
@click.option("--limit", type=click.IntRange(min=1, max=MAX_LIMIT), default=None,
              help="The newest N events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@db_option
@handle_errors
def log(claim_id: str | None, reviewer: str | None, limit: int | None, fmt: str,
        db: str | None) -> None:
    """Show the event log: who did what, when, for CLAIM_ID or the whole project."""
    with open_project(db, "read") as project:
        check_known_reviewer(project, reviewer)
        if claim_id is not None:
            claim_id = project.resolve_claim_id(claim_id)  # "" is no claim, not every claim
        events = project.history(claim_id, reviewer=reviewer, limit=limit,
                                 newest_first=limit is not None)
    if limit is not None:
        events.reverse()
    if fmt == "jsonl":
        echo_jsonl(e.model_dump(mode="json") for e in events)
        return
    for e in events:
        ts = e.ts.strftime("%Y-%m-%d %H:%M:%S")
        say(
            f"{e.seq:>6}  {ts}  {visible(e.reviewer):<12}  {e.claim_id}  {_describe_event(e)}"
        )
    say(f"{len(events)} event(s)", err=True)
