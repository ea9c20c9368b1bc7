"""`claims export`, `claims schema`, `claims validate`, `claims import`: datasets out and in.

The work is done by `exports` (no UI there); this module parses options, draws the progress
bar (Rich, on stderr, only for large exports to a terminal) and prints one-line summaries.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from annotator.cli.common import UserError, db_option, handle_errors, parse_date, say

__all__ = [
    "FORMAT_NAMES",
    "PROGRESS_FROM",
    "STATUS_NAMES",
    "export",
    "import_reviews",
    "schema",
    "validate",
]

FORMAT_NAMES = ("jsonl", "fever", "averitec", "claimreview", "csv", "parquet")
STATUS_NAMES = ("proposed", "accepted", "rejected")
PROGRESS_FROM = 20_000
"""Claims (export) or bytes/50 (import) below which no progress bar is drawn."""


@contextmanager
def _progress_bar(label: str, enabled: bool) -> Iterator[Callable[[int, int], object] | None]:
    """A `progress(done, total)` callback drawing a Rich bar on stderr, or None."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console  # deferred: ~40 ms, only for interactive exports
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeRemainingColumn

    progress = Progress(
        "[progress.description]{task.description}", BarColumn(), TaskProgressColumn(),
        TimeRemainingColumn(), console=Console(stderr=True), transient=True,
    )
    task: list[Any] = []

    def update(done: int, total: int) -> None:
        if not task:
            if total < PROGRESS_FROM:
                task.append(None)
                return
            progress.start()
            task.append(progress.add_task(label, total=total))
        if task[0] is not None:
            progress.update(task[0], completed=done, total=total)

    try:
        yield update
    finally:
        if task and task[0] is not None:
            progress.stop()


@click.command()
@db_option
@click.option("-o", "--output", default="-", metavar="FILE|-", show_default=True,
              help="Where to write; '-' is standard output. Files are replaced atomically.")
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES, case_sensitive=False),
              default="jsonl", show_default=True, help="Dataset format.")
@click.option("--reviewer", default=None, metavar="NAME",
              help="Only this reviewer's reviews (and the claims they reviewed).")
@click.option("--status", type=click.Choice(STATUS_NAMES), default=None,
              help="Only claims with this status.")
@click.option("--article", "articles", multiple=True, metavar="ID",
              help="Only this article (id, id prefix or external id); repeatable.")
@click.option("--since", default=None, metavar="YYYY-MM-DD",
              help="Only claims with a review updated on or after this day (UTC).")
@click.option("--with-articles", is_flag=True,
              help="Carry each article's full text (jsonl), so `claims import` can create it.")
@click.option("--publisher", default=None, metavar="NAME",
              help="ClaimReview author organisation (default: project meta publisher_name).")
@click.option("--publisher-url", default=None, metavar="URL",
              help="ClaimReview publisher site; fact-check urls are URL#claim-<id>.")
@click.option("--raw-cells", is_flag=True,
              help="CSV: write cells exactly, even those a spreadsheet would run as formulas "
                   "(by default a cell starting with = + - @ tab or CR gets a leading ').")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary.")
@handle_errors
def export(
    db: str | None, output: str, fmt: str, reviewer: str | None, status: str | None,
    articles: tuple[str, ...], since: str | None, with_articles: bool,
    publisher: str | None, publisher_url: str | None, raw_cells: bool, quiet: bool,
) -> None:
    """Export claims and their reviews as a dataset (deterministic order and bytes)."""
    import exports
    from claims.project import Project
    from exports.common import ExportReport, Publisher

    since_day = parse_date(since, "--since")
    chosen = Publisher(name=publisher, url=publisher_url) if publisher else None
    if publisher_url and not publisher:
        raise UserError("--publisher-url needs --publisher NAME")
    if fmt.lower() == "parquet" and output == "-" and sys.stdout.isatty():
        raise UserError("parquet is a binary format: give -o FILE.parquet (or redirect)")
    report = ExportReport()
    with Project.open(db, mode="read") as project, \
            _progress_bar(f"export {fmt}", not quiet) as progress:
        if reviewer is not None:
            with project.store.read() as tx:  # a typo would otherwise export nothing, silently
                if not tx.has_reviewer(reviewer):
                    listed = ", ".join(sorted(tx.reviewers())) or "none yet"
                    raise UserError(
                        f"--reviewer: no reviewer {reviewer!r} in this project ({listed})")
        exports.write_file(
            project, fmt.lower(), output, reviewer=reviewer, status=status,
            article=list(articles), since=since_day, with_articles=with_articles,
            publisher=chosen, progress=progress, report=report, raw_cells=raw_cells,
        )
        unfinished = len(project.pending_extractions())
    if unfinished:
        click.echo(f"claims: note: {unfinished} article(s) still have claims to be proposed; "
                   "`claims annotate` or `claims add` of their files completes them", err=True)
    if not quiet:
        where = "standard output" if output == "-" else output
        say(f"claims: {report.summary(fmt.lower(), where)}", err=True)
        for line in report.warning_lines():
            say(f"claims: warning: {line}", err=True)


@click.command()
@click.option("--indent", default=2, show_default=True, help="Spaces of indentation.")
def schema(indent: int) -> None:
    """Print the JSON Schema (Draft 2020-12) of the exported JSONL records."""
    import json

    from exports.records import json_schema

    click.echo(json.dumps(json_schema(), indent=indent or None, ensure_ascii=False))


@click.command()
@click.argument("file", metavar="FILE|-")
@click.option("--max-errors", default=100, show_default=True,
              help="Stop after this many problems.")
@click.option("--db", default=None, metavar="PATH|URL",
              help="Also run `claims import --dry-run` against this project (articles, "
                   "claims and scale must match it).")
@handle_errors
def validate(file: str, max_errors: int, db: str | None) -> None:
    """Check a JSONL file as `claims import` would, and against the export schema.

    Every rule import applies that needs no project is checked (ids, offsets, facets inside
    the claim, labels of the record's scale, time stamps), with the line and field of each
    problem; with --db, the import itself is tried and rolled back.
    """
    from exports.validate import validate_file

    if file == "-" and db is not None:
        raise click.UsageError("--db needs a named FILE (standard input is read once)")
    report = validate_file(file, max_problems=max_errors)
    name = report.name
    for problem in report.problems:
        say(f"{name}:{problem.line}: {problem.field or '(record)'}: {problem.message}",
                   err=True)
    if not report.ok:
        more = f" (stopped after {max_errors})" if report.truncated else ""
        raise UserError(f"{name}: {_counted(len(report.problems), 'problem')} in "
                        f"{_counted(report.records, 'record')}{more}")
    if db is not None:
        from claims.project import Project
        from exports.importer import import_file

        with Project.open(db, mode="write") as project:
            dry = import_file(project, file, dry_run=True)
        say(f"{name}: import --dry-run: {dry.summary()}", err=True)
    versions = ", ".join(str(v) for v in sorted(report.versions)) or _schema_version()
    say(f"{name}: {_counted(report.records, 'record')} valid (schema_version {versions})")


def _schema_version() -> str:
    from claims.model import SCHEMA_VERSION

    return str(SCHEMA_VERSION)


def _new_sqlite_file(db: str | None) -> Path | None:
    """The SQLite file this command would create, or None when it exists or is not SQLite."""
    from claims.store import parse_target, resolve_db

    target = parse_target(resolve_db(db))
    if target.kind != "sqlite" or Path(target.value).exists():
        return None
    return Path(target.value)


@click.command(name="import")
@click.argument("file", metavar="FILE|-")
@db_option
@click.option("--dry-run", is_flag=True, help="Check and count, change nothing.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary.")
@handle_errors
def import_reviews(file: str, db: str | None, dry_run: bool, quiet: bool) -> None:
    """Merge reviews from a native JSONL export: all lines or none, never overwriting others."""
    from claims.files import check_regular
    from claims.project import Project
    from exports.importer import import_file

    if file != "-":
        check_regular(file)
    new_file = _new_sqlite_file(db)
    try:
        with Project.open(db, mode="write" if dry_run else "create") as project, \
                _progress_bar("import", not quiet) as progress:
            scaled = None
            if progress is not None:
                def scaled(done: int, total: int) -> object:  # bytes -> a bar like the export's
                    return progress(done // 50, total // 50)
            report = import_file(project, file, dry_run=dry_run, progress=scaled)
    except BaseException:
        if new_file is not None:  # a refused import into a new project leaves no project
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{new_file}{suffix}").unlink(missing_ok=True)
        raise
    if not quiet:
        prefix = "dry run: " if dry_run else ""
        say(f"claims: {prefix}{report.summary()}", err=True)


def _counted(n: int, noun: str) -> str:
    """'1 record', '2 records'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
