"""`claims init | add | list | review | undo | redo | log`: the project from a shell or a script.

`review` is the headless twin of the annotator's keys: whatever a reviewer can do with a key
press, a script can do here, through the same `Project` methods and the same event log.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from annotator.cli.common import (
    InputError,
    UserError,
    db_option,
    echo_jsonl,
    handle_errors,
    parse_date,
    reviewer_option,
    say,
    visible,
)
from claims.labels import PRESETS
from claims.model import STANCES, STATUSES, Source

if TYPE_CHECKING:
    from annotator.inputs import ArticleFiles
    from claims.project import Added, Project
    from claims.store import OpenMode


def _open(db: str | None, mode: OpenMode, scale: str | None = None,
          blind: bool | None = None) -> Project:
    """The project; only init and add create one, reading commands open it read-only."""
    from claims.project import Project

    return Project.open(db, scale=scale, blind=blind, mode=mode)


def _reviewer(name: str | None) -> str:
    from claims.project import check_reviewer, default_reviewer

    return check_reviewer(default_reviewer() if name is None else name)


@click.command()
@click.option(
    "--scale",
    type=click.Choice(sorted(PRESETS), case_sensitive=False),
    default=None,
    help="Label scale reviewers choose verdicts from (a new project: averitec).",
)
@click.option("--publisher", default=None, metavar="NAME",
              help="Organisation publishing the fact-checks (ClaimReview author).")
@click.option("--publisher-url", default=None, metavar="URL",
              help="Site of the fact-checks; ClaimReview urls become URL#claim-<id>.")
@click.option("--blind/--no-blind", default=None,
              help="Blind review: reviewers see no other verdict on a claim before giving theirs.")
@db_option
@handle_errors
def init(
    scale: str | None, publisher: str | None, publisher_url: str | None, blind: bool | None,
    db: str | None,
) -> None:
    """Create a project database (or set the scale of one without reviews)."""
    if publisher_url is not None:
        from claims.model import check_http_url

        try:
            publisher_url = check_http_url(publisher_url)
        except ValueError as exc:
            raise InputError(f"--publisher-url: {exc}") from None
    with _open(db, "create", scale, blind=blind) as project:
        if publisher is not None:
            project.store.set_meta("publisher_name", publisher)
        if publisher_url is not None:
            project.store.set_meta("publisher_url", publisher_url)
        labels = ", ".join(f"{i}={label.id}" for i, label in enumerate(project.scale.labels, 1))
        blind_note = ", blind review" if project.blind else ""
        say(f"{project.store.url}: {project.scale.name} scale ({labels}){blind_note}")


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["fr", "en", "auto"]), default=None,
              help="Language of the articles (default: detected).")
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date; weekdays and partial dates resolve against it.")
@click.option("--title", default=None, help="Title (one file only).")
@click.option("--url", default=None, help="URL of the article (one file only).")
@click.option("--encoding", default=None, help="Encoding of the files when not UTF-8.")
@click.option("--from", "from_tool", type=click.Choice(["prodigy", "doccano", "label-studio"]),
              default=None,
              help="FILES are span exports of this tool: their spans become the claims.")
@click.option("--known", is_flag=True,
              help="FILES are published fact-checks (ClaimReview JSON-LD: one object, a list, "
                   "a DataFeed, an @graph or JSON Lines), kept as reference claims that the "
                   "project's claims are matched against (claims similar).")
@db_option
@handle_errors
def add(
    files: tuple[str, ...],
    lang: str | None,
    published: str | None,
    title: str | None,
    url: str | None,
    encoding: str | None,
    from_tool: str | None,
    known: bool,
    db: str | None,
) -> None:
    """Add articles from .txt, .md or .jsonl FILES and propose their claims.

    With --from, FILES are Prodigy, doccano or Label Studio exports: each annotated text
    becomes an article and its spans its claims (origin import:TOOL), with no extraction.
    All files are read and checked first: a bad file or line refuses the whole command and
    nothing is added. Adding the same text again changes nothing. With --known, FILES are
    fact-checks already published (ours from `claims export --format claimreview`, or a
    fact-checker's feed).
    """
    if known:
        if lang or published or title or url:
            raise click.UsageError("--lang, --published, --title and --url describe articles, "
                                   "not --known fact-checks")
        _add_known(files, encoding, db)
        return
    from annotator.inputs import ArticleFiles

    if (title or url) and len(files) > 1:
        raise click.UsageError("--title and --url apply to a single file")
    date = parse_date(published)
    items: ArticleFiles | list[dict[str, Any]]
    skipped = 0
    if from_tool is None:
        items = ArticleFiles(files, lang=lang, published=date, title=title, url=url,
                             encoding=encoding)
    else:
        from claims.files import Limits, read_bytes
        from exports.foreign import read_foreign

        items = []
        for path in files:
            # A whole export of many tasks: bounded like a JSONL file's lines, each text
            # like one article (checked by the reader).
            data = read_bytes(path, Limits.from_env().line_bytes, what="file",
                              variable="CLAIMS_MAX_LINE_BYTES")
            found, n_skipped = read_foreign(data, path, from_tool)
            skipped += n_skipped
            for item in found:
                item.setdefault("lang", lang)
                item.setdefault("published", date)
                if title is not None:
                    item["title"] = title
                if url is not None:
                    item["url"] = url
            items.extend(found)
    if url is not None:
        from claims.model import check_http_url

        try:
            check_http_url(url)
        except ValueError as exc:
            raise InputError(f"--url: {exc}") from None
    with _open(db, "create") as project:
        results = _add_with_progress(project, items)
    created = [r for r in results if r.created]
    for r in results:
        state = "added" if r.created else "completed" if r.resumed else "already present"
        label = visible(r.title or r.external_id or "")
        say(f"{r.id}  {state:<15}  {r.n_claims:>5} claims  {label}")
    verb = f"drawn by {from_tool}" if from_tool else "proposed"
    say(
        f"{len(created)} article(s) added, {sum(r.n_claims for r in created)} claims {verb}; "
        f"{len(results) - len(created)} already present"
        + (f"; {skipped} rejected, ignored or cancelled task(s) skipped" if skipped else ""),
        err=True,
    )


def _add_known(files: tuple[str, ...], encoding: str | None, db: str | None) -> None:
    from annotator.cli.common import decode_bytes
    from claims.files import read_bytes, size_from_env
    from exports.known import KnownFileError, parse_claimreviews

    limit = size_from_env("CLAIMS_MAX_KNOWN_BYTES", 256 * 1024 * 1024)
    loaded = []
    for path in files:
        data = read_bytes(path, limit, what="fact-check file", variable="CLAIMS_MAX_KNOWN_BYTES")
        name = "<stdin>" if path == "-" else path
        text = decode_bytes(data, name, encoding)
        try:
            loaded.append((name, parse_claimreviews(text, name)))
        except KnownFileError as exc:
            raise InputError(f"{exc}; nothing was added") from None
    with _open(db, "create") as project:
        added = project.add_known([k for _, items in loaded for k in items])
    total = sum(len(items) for _, items in loaded)
    for path, items in loaded:
        say(f"{path}: {len(items)} fact-check(s)")
    say(f"{added} reference claim(s) added, {total - added} already present", err=True)


def _add_with_progress(
    project: Project, items: ArticleFiles | list[dict[str, Any]]
) -> list[Added]:
    if len(items) < 20 or not sys.stderr.isatty():
        return project.add_articles(items)
    from rich.progress import Progress  # deferred: only large batches show a bar

    with Progress(transient=True) as progress:
        task = progress.add_task("Extracting claims", total=len(items))
        return project.add_articles(items, progress=lambda n: progress.update(task, completed=n))


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
    with _open(db, "read") as project:
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
        text = visible(s.claim.text.replace("\n", " "))
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
@click.option("--verdict", default=None, metavar="LABEL|N",
              help="A label of the project's scale, by id, name or 1-based position.")
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
    name = _reviewer(reviewer)
    source = None
    if source_url is not None:
        from claims.model import check_http_url

        try:
            check_http_url(source_url)  # the reason by name: credentials, port, a hidden char
        except ValueError as exc:
            raise InputError(f"--source: {exc}") from None
        source = Source(url=source_url, title=title, quote=quote, stance=stance,
                        accessed=accessed_day)
    with _open(db, "write") as project:
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
        if note is not None:
            done.append("rationale")
        if claim_text is not None:
            done.append("claim as checked")
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
        "rationale": lambda: "rationale: " + (p.get("text") or "(empty)").replace("\n", " ")[:60],
        "claim_text": lambda: "claim as checked: " + (p.get("text") or "(cleared)")[:60],
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
    name = _reviewer(reviewer)
    with _open(db, "write") as project:
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
@click.option("--limit", type=click.IntRange(min=1), default=None, help="The newest N events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@db_option
@handle_errors
def log(claim_id: str | None, reviewer: str | None, limit: int | None, fmt: str,
        db: str | None) -> None:
    """Show the event log: who did what, when, for CLAIM_ID or the whole project."""
    with _open(db, "read") as project:
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
