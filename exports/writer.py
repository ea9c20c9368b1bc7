"""Writing an export: to any binary stream, or atomically to a file.

`write_stream` pulls claims from one read snapshot, converts them with the chosen format and
writes as it goes (memory stays flat; the bytes are `exports.encoding`'s). `write_file` writes
atomically (`exports.atomic`): a reader never sees half a file and a failed export leaves the
old file as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import IO, Any

import orjson

from claims.model import STATUSES
from claims.project import Project, ProjectError
from claims.terminal import clean, escape_json
from exports.atomic import ExportError, atomic_output
from exports.common import FILTERED, ExportContext, ExportReport, Publisher
from exports.encoding import write_csv, write_json_array, write_jsonl
from exports.reader import Filters, count_claims, iter_claims
from exports.registry import ExportFormat, get_format
from exports.target import database_files

Progress = Callable[[int, int], object]
"""`progress(claims_scanned, claims_total)`, called every few thousand claims and at the end."""

PROGRESS_EVERY = 5000


def make_filters(
    project: Project,
    *,
    reviewer: str | None = None,
    status: str | None = None,
    article: str | Sequence[str] | None = None,
    since: date | None = None,
    with_articles: bool = False,
) -> Filters:
    """Filters from user-level values; article references are resolved (id, prefix, external id)."""
    if status is not None and status not in STATUSES:
        raise ProjectError(f"unknown status {status!r}; one of: {', '.join(STATUSES)}")
    refs = [article] if isinstance(article, str) else list(article or ())
    ids = tuple(sorted({project.article(ref).id for ref in refs}))
    return Filters(reviewer=reviewer, status=status, article_ids=ids, since=since,
                   with_articles=with_articles)


def project_publisher(project: Project) -> Publisher | None:
    name = project.store.get_meta("publisher_name")
    if not name:
        return None
    return Publisher(name=name, url=project.store.get_meta("publisher_url"),
                     review_url=project.store.get_meta("publisher_review_url"))


def write_stream(
    project: Project,
    fmt: str | ExportFormat,
    out: IO[bytes],
    *,
    filters: Filters | None = None,
    publisher: Publisher | None = None,
    progress: Progress | None = None,
    report: ExportReport | None = None,
    raw_cells: bool = False,
) -> int:
    """Write the export to a binary stream; returns the number of records written.

    `report`, when given, is filled with the records written, the claims looked at, the
    claims left out and why, and the format's warnings (for the summary on stderr). CSV cells
    that a spreadsheet would run as a formula get a leading `'` unless `raw_cells`
    (see `neutralise_cell`).
    """
    export_format = get_format(fmt) if isinstance(fmt, str) else fmt
    filters = filters or Filters()
    report = report if report is not None else ExportReport()
    ctx = ExportContext(scale=project.scale, filters=filters,
                        publisher=publisher or project_publisher(project), report=report)
    if export_format.check is not None:
        export_format.check(ctx)
    convert = export_format.converter(ctx)
    scanned = [0]
    kept = [0]
    with project.store.read() as tx:
        total = count_claims(tx, filters) if progress is not None else 0
        claims = iter_claims(tx, filters, scanned,
                             prefetch=project.store.prefetch_reads)
        try:
            records = _records(claims, convert, scanned, kept, total, progress)
            if export_format.writer is not None:
                n = export_format.writer(records, out, ctx)
            elif export_format.encoding == "csv":
                n = write_csv(records, out, export_format.header, raw_cells=raw_cells)
            elif export_format.array:
                n = write_json_array(records, out)
            else:
                n = write_jsonl(records, out)
        except (orjson.JSONEncodeError, UnicodeEncodeError) as exc:
            # Text that is not valid Unicode (a lone surrogate from an escaped JSON input).
            raise ExportError(f"a record cannot be written as UTF-8: {exc}") from None
        finally:
            # Stop the reading thread before the transaction ends, whatever went wrong.
            claims.close()
    if progress is not None:
        progress(scanned[0], max(total, scanned[0]))
    report.records = n
    report.claims = scanned[0]
    if scanned[0] > kept[0]:
        report.left_out[FILTERED] += scanned[0] - kept[0]
    return n


def _records(
    rows: Iterator[Any], convert: Any, scanned: list[int], kept: list[int], total: int,
    progress: Progress | None,
) -> Iterator[Any]:
    next_report = PROGRESS_EVERY
    for article, claim in rows:
        kept[0] += 1
        yield from convert(article, claim)
        if progress is not None and scanned[0] >= next_report:
            progress(scanned[0], max(total, scanned[0]))
            next_report = scanned[0] + PROGRESS_EVERY


def write_file(
    project: Project,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    reviewer: str | None = None,
    status: str | None = None,
    article: str | Sequence[str] | None = None,
    since: date | None = None,
    with_articles: bool = False,
    publisher: Publisher | None = None,
    progress: Progress | None = None,
    report: ExportReport | None = None,
    raw_cells: bool = False,
) -> int:
    """Export `project` in format `fmt` to `path`, atomically; returns the records written.

    `path` "-" writes to standard output. Raises `ExportError` (a `ProjectError`) naming the
    path when it cannot be written; nothing is left behind then.
    """
    export_format = get_format(fmt)
    filters = make_filters(project, reviewer=reviewer, status=status, article=article,
                           since=since, with_articles=with_articles)
    if str(path) == "-":
        import sys

        out: Any = sys.stdout.buffer
        if export_format.encoding == "json":
            out = _TerminalSafe(out)  # the same JSON, with terminal controls escaped
        elif export_format.encoding == "csv" and sys.stdout.isatty():
            out = _TerminalShown(out)  # CSV cannot escape: a terminal is shown them visibly
        with _reading_project(project) as reader:
            n = write_stream(reader, export_format, out, filters=filters,
                             publisher=publisher or project_publisher(project),
                             progress=progress, report=report, raw_cells=raw_cells)
        out.flush()
        return n
    with atomic_output(path, database_files(project.store)) as out, \
            _reading_project(project) as reader:
        return write_stream(reader, export_format, out, filters=filters,
                            publisher=publisher or project_publisher(project),
                            progress=progress, report=report, raw_cells=raw_cells)


class _TerminalSafe:
    """Standard output for JSON exports: C1, DEL and bidi controls written as \\u escapes."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out

    def write(self, chunk: bytes) -> int:
        self._out.write(escape_json(chunk))
        return len(chunk)

    def flush(self) -> None:
        self._out.flush()


class _TerminalShown:
    """CSV on a terminal: rows end in a plain newline, and every control character, ESC and
    bidi override in a cell shows as a visible symbol (`claims.terminal.clean`), as in every
    table the command line prints. Only a terminal gets this; a file or a pipe gets the
    exact CSV."""

    def __init__(self, out: IO[bytes]) -> None:
        import codecs

        self._out = out
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""  # a CR that may start the next chunk's CRLF

    def write(self, chunk: bytes) -> int:
        self._emit(self._decoder.decode(chunk))
        return len(chunk)

    def _emit(self, text: str, final: bool = False) -> None:
        text = self._pending + text
        self._pending = ""
        if text.endswith("\r") and not final:
            text, self._pending = text[:-1], "\r"
        if text:
            self._out.write(clean(text.replace("\r\n", "\n")).encode("utf-8"))

    def flush(self) -> None:
        self._emit(self._decoder.decode(b"", final=True), final=True)
        self._out.flush()


@contextmanager
def _reading_project(project: Project) -> Iterator[Project]:
    """The same database on a connection of its own.

    A long export holds its read transaction for its whole length; on the project's own
    connection that would make the annotator's writes (same connection, same lock) wait.
    """
    from claims.store import StoreError

    try:
        store = project.store.reader()  # type: ignore[attr-defined]
    except (StoreError, OSError, AttributeError):
        yield project
        return
    reader = Project(store)
    try:
        yield reader
    finally:
        reader.close()


__all__ = ["ExportError", "Filters", "Progress", "write_file", "write_stream"]
