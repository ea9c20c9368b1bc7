"""Writing an export: to any binary stream, or atomically to a file.

`write_stream` pulls claims from one read snapshot, converts them with the chosen format and
writes as it goes (memory stays flat). `write_file` writes to a temporary file in the target's
folder, fsyncs it and renames it over the target, so a reader never sees half a file and a
failed export leaves the old file as it was.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

import orjson

from claims.model import STATUSES
from claims.project import Project, ProjectError
from claims.terminal import escape_json
from exports.common import FILTERED, ExportContext, ExportReport, Publisher
from exports.reader import Filters, count_claims, iter_claims
from exports.registry import ExportFormat, get_format
from exports.target import (
    ExportTargetError,
    database_files,
    remove_stale_temporaries,
    resolve_target,
    temporary_prefix,
)

Progress = Callable[[int, int], object]
"""`progress(claims_scanned, claims_total)`, called every few thousand claims and at the end."""

PROGRESS_EVERY = 5000


class ExportError(ProjectError):
    """The export cannot be written where asked; the message names the path."""


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


class _BackgroundWriter:
    """Writes chunks to `out` from a thread of its own, so disk time overlaps encoding time.

    A file's write() releases the GIL; with the queue bounded to a few MB, memory stays flat.
    An error in the thread is raised on the next `write` or on `close`.
    """

    def __init__(self, out: IO[bytes], depth: int = 8) -> None:
        import queue
        import threading

        self._out = out
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="export-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            chunk = self._queue.get()
            if chunk is None:
                return
            if self._error is None:
                try:
                    self._out.write(chunk)
                except BaseException as exc:  # handed to the producer
                    self._error = exc

    def write(self, chunk: bytes) -> int:
        if self._error is not None:
            raise self._error
        self._queue.put(chunk)
        return len(chunk)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error


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
                n = _write_csv(records, out, export_format.header, raw_cells=raw_cells)
            elif export_format.array:
                n = _write_json_array(records, out)
            else:
                n = _write_jsonl(records, out)
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


def _write_jsonl(records: Iterator[Any], out: IO[bytes]) -> int:
    dumps, option = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    background = _BackgroundWriter(out)
    n = 0
    buffer: list[bytes] = []
    try:
        for record in records:
            buffer.append(dumps(record, option=option))
            n += 1
            if len(buffer) >= 512:
                background.write(b"".join(buffer))
                buffer.clear()
        if buffer:
            background.write(b"".join(buffer))
    finally:
        background.close()
    return n


def _write_json_array(records: Iterator[Any], out: IO[bytes]) -> int:
    dumps = orjson.dumps
    background = _BackgroundWriter(out)
    n = 0
    buffer: list[bytes] = []
    try:
        for record in records:
            buffer.append(b"[\n" if n == 0 else b",\n")
            buffer.append(dumps(record))
            n += 1
            if len(buffer) >= 1024:
                background.write(b"".join(buffer))
                buffer.clear()
        buffer.append(b"\n]\n" if n else b"[]\n")
        background.write(b"".join(buffer))
    finally:
        background.close()
    return n


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def neutralise_cell(value: Any) -> Any:
    """A text cell that starts like a formula, prefixed with `'` so it stays text (OWASP).

    `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` in a title, a claim, a rationale or a reviewer
    name would otherwise run when the CSV is opened in a spreadsheet. Numbers are left alone.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write_csv(records: Iterator[Any], out: IO[bytes], header: Sequence[str], *,
               raw_cells: bool = False) -> int:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    if not raw_cells:
        records = ([neutralise_cell(cell) for cell in row] for row in records)
    background = _BackgroundWriter(out)
    n = 0
    try:
        for row in records:
            writer.writerow(row)
            n += 1
            if n % 1000 == 0:
                background.write(text.getvalue().encode("utf-8"))
                text.seek(0)
                text.truncate()
        background.write(text.getvalue().encode("utf-8"))
    finally:
        background.close()
    return n


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


def check_writable(path: str | os.PathLike[str], protected: Sequence[Path] = ()) -> Path:
    """The file to replace, or ExportError saying why it cannot or must not be written.

    `protected` are files an export must never replace (the project's database and its
    companions); see `exports.target` for the rules.
    """
    try:
        target = resolve_target(path, protected)
    except ExportTargetError as exc:
        raise ExportError(str(exc)) from None
    folder = target.parent
    if not folder.exists():
        raise ExportError(f"{target}: folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(f"{target}: {folder} is not a folder")
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(f"{target}: the file is read-only")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{target}: folder {folder} is not writable")
    return target


@contextmanager
def atomic_output(
    path: str | os.PathLike[str], protected: Sequence[Path] = ()
) -> Iterator[IO[bytes]]:
    """A binary file that replaces `path` only if the block ends without an exception."""
    target = check_writable(path, protected)
    remove_stale_temporaries(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=temporary_prefix(target), suffix=".tmp",
                                        dir=target.parent)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc}); nothing written") \
            from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, at import, before threads start.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["ExportError", "Filters", "Progress", "write_file", "write_stream"]
