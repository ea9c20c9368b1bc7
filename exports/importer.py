"""`claims import FILE`: merge reviews exported elsewhere (native JSONL) into this project.

Each imported review that is newer than this project's and says something else becomes one
`review` event of *its own* reviewer, stamped with the imported `updated_at`, that sets the
review whole (status, verdict, sources, rationale, the claim as checked): one action in the
log, which its reviewer can undo as one. An imported adjudication becomes an `adjudicate`
event of its adjudicator, stamped with its `ts`. Rules a user can rely on:

- The file is taken whole or not at all: everything runs in one transaction and the first bad
  line aborts it with `FILE:LINE: field: what is wrong`. A large file's lines are checked by
  worker processes while this one merges them (`exports.checking`); nothing is committed
  before they have passed every line, and the line named is the file's first bad one.
- Importing the same file twice changes nothing. Event ids are derived from (claim, reviewer,
  what, value, updated_at), so even a file imported partly elsewhere (and merged back) adds
  no duplicates.
- Another reviewer's review is never touched. A reviewer's own review is replaced only by a
  newer one (later `updated_at`); when the local one is as new or newer, it is kept.
- An adjudication is applied only when it is newer than every adjudication decision made
  here on that claim (an adjudication given, withdrawn, undone or redone); a record without
  one (null) never withdraws the local one. Version 1 records carry neither adjudications nor
  `claim_text`: what this project holds of those is left as it is.
- Records are matched by `claim_id`. Span edits made in the source project are not carried:
  the local claim keeps its span (`spans_differ` counts such claims). A review or an
  adjudication that would be added to a claim whose span here is not the record's (edited
  here, or where the file was made) is refused by line, naming both spans and who changed
  the claim here: it judged other text. What the project holds already (unchanged, or newer
  here) is no reason to refuse, so an export imported back stays a no-op. A claim id unknown here
  is created when its article is here and `text == article.text[start:end]` (a claim drawn by
  a reviewer, or proposed by another extractor version); otherwise the line is refused.
- An article missing here is created when the record carries its text (`--with-articles`
  exports), and refused by id and title otherwise.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from typing import IO, Any

import orjson

from claims.files import (
    STDIN_NAME,
    FileProblem,
    Limits,
    file_stamp,
    iter_lines,
    loads,
    open_input,
    strict_checks,
)
from claims.model import SCHEMA_VERSION
from claims.project import Project
from exports.checking import (
    CheckFailed,
    LineSums,
    ParallelCheck,
    changed_message,
    sum_file,
    worker_count,
)
from exports.checks import (
    HEAD_BYTES,
    parse_record,
    proven,
    record_problems,
    refuse_foreign,
)
from exports.merge import BatchMerger, ImportFileError
from exports.plan import Packed, RecordIn, packed, record_in, unpacked
from exports.records import ExportRecord


@dataclass
class ImportReport:
    records: int = 0
    reviews_added: int = 0
    """Reviews created here or brought up to date with a newer imported one."""
    reviews_unchanged: int = 0
    """Imported reviews this project already held (same state, or already imported)."""
    reviews_kept: int = 0
    """Imported reviews older than this project's review by the same reviewer: not applied."""
    adjudications_added: int = 0
    adjudications_unchanged: int = 0
    """Imported adjudications this project already held."""
    adjudications_kept: int = 0
    """Imported adjudications older than a decision made here on the same claim: not applied."""
    events: int = 0
    articles_created: int = 0
    claims_created: int = 0
    spans_differ: int = 0
    claims_changed: int = 0
    """Claims whose reviews changed (the annotator redraws them)."""
    dry_run: bool = False

    def summary(self) -> str:
        verb = "would add" if self.dry_run else "added"
        parts = [
            _count(self.records, "record"),
            f"{verb} {_count(self.reviews_added, 'review')} "
            f"({_count(self.events, 'event')})",
            f"{self.reviews_unchanged} unchanged",
            f"{self.reviews_kept} kept (newer here)",
        ]
        if self.adjudications_added:
            parts.append(f"{verb} {_count(self.adjudications_added, 'adjudication')}")
        if self.adjudications_kept:
            parts.append(f"{_count(self.adjudications_kept, 'adjudication')} kept (newer here)")
        if self.articles_created:
            parts.append(f"{_count(self.articles_created, 'article')} created")
        if self.claims_created:
            parts.append(f"{_count(self.claims_created, 'claim')} created")
        if self.spans_differ:
            claims = _count(self.spans_differ, "claim")
            parts.append(f"{claims} {'has' if self.spans_differ == 1 else 'have'} another "
                         "span here (kept)")
        return ", ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class _Rollback(Exception):
    pass


BATCH = 500
"""Records merged together (one query per step for all of them)."""
ALONE_FROM = 64 * 1024 * 1024
"""A file of this many bytes or more (some 40,000 records) is imported in a transaction the
project's backend may keep to itself when nobody else has the project open
(`Store.bulk_transaction(alone=True)`): on SQLite, a million records merge in 64 s instead of
73 s (measured). A smaller one never keeps readers out."""


def import_file(
    project: Project,
    path: str | os.PathLike[str],
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], object] | None = None,
) -> ImportReport:
    """Import a native JSONL export ("-" reads stdin); see the module docstring for the rules."""
    try:
        stream, name, total = open_input(str(path))
    except FileProblem as exc:
        raise ImportFileError(str(exc)) from None
    with stream if name != STDIN_NAME else nullcontext(stream):
        return import_stream(project, stream, name=name, dry_run=dry_run, progress=progress,
                             total_bytes=total, regular=name != STDIN_NAME)


def import_stream(
    project: Project,
    stream: IO[bytes],
    *,
    name: str = "<input>",
    dry_run: bool = False,
    progress: Callable[[int, int], object] | None = None,
    total_bytes: int = 0,
    regular: bool = False,
) -> ImportReport:
    """Import the lines of `stream`. `regular`: it is a regular file of `total_bytes` bytes,
    which worker processes may check while this one merges (`exports.checking`); one written
    to, cut or grown before the import commits is refused."""
    report = ImportReport(dry_run=dry_run)
    limits = Limits.from_env()
    check: ParallelCheck | None = None
    stamp = file_stamp(stream.fileno()) if regular else None
    sums = LineSums()  # of the lines this process reads (the workers': check.sums)

    def changed(every_line_read: bool = False) -> bool:
        """Whether the file changed since the import began. Once every line has been read, a
        file whose inode changed (renamed, chmod-ed, or rewritten with its time put back) is
        read again and its lines compared; a failed import names its bad line unless the
        file's size or modification time moved."""
        if stamp is None:
            return False
        now = file_stamp(stream.fileno())
        if stamp[0] != total_bytes or now[:2] != stamp[:2]:
            return True
        if now[2] == stamp[2] or not total_bytes or not every_line_read:
            return False  # (a size unknown: nothing to read again)
        read = check.sums.value if check is not None else sums.value
        try:
            return sum_file(stream.fileno(), total_bytes, name, limits.line_bytes) != read
        except FileProblem:  # a line it could read before
            return True

    # The objects alive before the import (the loaded program: modules, models, schemas; most
    # of the heap) stay out of the garbage collector's passes until it ends: the full passes
    # its allocations set off would walk them all (0.05-0.06 s of a 30,000-record import's
    # 1.6-1.8 s of CPU, measured), and the forked workers would copy each page they touch.
    # A caller that froze objects of its own (the annotator does) keeps them frozen after.
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        refuse_foreign(name, peek(stream))
        # A file whose size the system does not know (0, as under /proc) is read to its end.
        workers = worker_count(total_bytes) if regular and total_bytes else 0
        if workers and ParallelCheck.usable():
            try:
                check = ParallelCheck(stream.fileno(), total_bytes, name, limits.line_bytes,
                                      check_lines, workers)
            except OSError:  # no worker could be started: this process checks every line
                check = None
        records: Iterator[tuple[int, RecordIn, int] | None]
        if check is not None:
            records = check.records()
        else:
            records = check_lines(sums.lines(iter_lines(stream, name, limits.line_bytes)),
                                  name, shape="plan")
        alone = regular and total_bytes >= ALONE_FROM and not dry_run  # (it commits nothing)
        with project.store.bulk_transaction(alone=alone) as tx:
            _merge_all(BatchMerger(project, tx, report, name), records, report, progress,
                       total_bytes)
            if changed(every_line_read=True):
                raise ImportFileError(changed_message(name))
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except (FileProblem, ImportFileError, CheckFailed) as exc:
        if changed():  # the line named may be one cut in half
            raise ImportFileError(changed_message(name)) from None
        raise ImportFileError(str(exc)) from None
    except Exception:
        if changed():
            raise ImportFileError(changed_message(name)) from None
        raise
    finally:
        if check is not None:
            check.close()
        if not frozen_before:
            gc.unfreeze()
    return report


def _merge_all(merger: BatchMerger, records: Iterator[tuple[int, RecordIn, int] | None],
               report: ImportReport, progress: Callable[[int, int], object] | None,
               total_bytes: int) -> None:
    """Merge the records in batches of distinct claims; None among them: merge what has come
    (the lines after it are not there yet)."""
    done = 0
    batch: list[tuple[int, RecordIn]] = []
    in_batch: set[str] = set()

    def flush() -> None:
        merger.merge(batch)
        batch.clear()
        in_batch.clear()

    try:
        for item in records:
            if item is None:
                flush()
                continue
            lineno, record, size = item
            if record.claim_id in in_batch:  # the same claim again: apply the first one
                flush()
            batch.append((lineno, record))
            in_batch.add(record.claim_id)
            if len(batch) >= BATCH:
                flush()
            done += size
            if progress is not None and (report.records + len(batch)) % 2000 == 0:
                progress(done, max(total_bytes, done))
    except (FileProblem, CheckFailed):
        flush()  # a problem the merge finds on an earlier line is the one to name
        raise
    flush()
    if progress is not None:
        progress(done, max(total_bytes, done))


def check_lines(lines: Iterator[tuple[int, bytes]], name: str, *, shape: str = "record"
                ) -> Iterator[tuple[int, Any, int]]:
    """(line, record, bytes) of the lines of a native export; the first bad line raises
    `FileProblem`. The record is the `ExportRecord` (`shape="record"`), or what an import acts
    on in it: a `RecordIn` (`"plan"`), or the same as plain values (`"packed"`,
    `exports.plan.packed`).

    Every rule of `exports.checks.record_problems` is applied: what `claims validate` refuses,
    import refuses, with the same `FILE:LINE: field: problem`. A file in another format
    (FEVER, AVeriTeC, ClaimReview, CSV, Prodigy, doccano, Label Studio) is refused before
    (`exports.checks.refuse_foreign`).
    """
    limits = Limits.from_env()
    # A file repeats its article on every line of it, and a paragraph on each of its claims:
    # the piece checked on the line before is used again when the line has it unchanged.
    last_article: tuple[Any, Any] = (None, None)
    last_paragraph: tuple[Any, Any] = (None, None)
    proven_article: Any = None
    for lineno, raw in lines:
        if shape != "record":
            found = proven_line(raw, name, lineno, limits, proven_article)
            if found is not None:
                data, values = found
                proven_article = data["article"]
                yield lineno, values if shape == "packed" else unpacked(
                    values, fetch=partial(ExportRecord.model_validate, data)), len(raw)
                continue
        data = loads(raw, name, lineno)
        if isinstance(data, dict):
            version = data.get("schema_version")
            if isinstance(version, int) and version > SCHEMA_VERSION:
                raise FileProblem(name, f"{version} is newer than this program's "
                                  f"({SCHEMA_VERSION}); upgrade claims", line=lineno,
                                  field="schema_version")
            article, paragraph = data.get("article"), data.get("paragraph")
            if article is not None and _same_json(article, last_article[0]):
                data["article"] = last_article[1]
            if paragraph is not None and _same_json(paragraph, last_paragraph[0]):
                data["paragraph"] = last_paragraph[1]
        elif isinstance(data, list) and lineno == 1:
            raise FileProblem(name, "a JSON array, not JSON Lines (one record a line)",
                              line=lineno)
        record, problems = parse_record(data)
        if record is None:
            field, problem = problems[0]
            raise FileProblem(name, problem, line=lineno, field=field or None)
        for field, problem in record_problems(record):
            raise FileProblem(name, problem, line=lineno, field=field)
        if record.article.text is not None:
            limits.check_article(record.article.text, name, lineno, "article.text")
        if isinstance(data, dict):
            last_article, last_paragraph = (article, record.article), \
                (paragraph, record.paragraph)
        if shape == "record":
            yield lineno, record, len(raw)
        elif shape == "plan":
            yield lineno, record_in(record), len(raw)
        else:
            yield lineno, packed(record), len(raw)


def proven_line(raw: bytes, name: str, lineno: int, limits: Limits, article_proven: Any
                ) -> tuple[dict[str, Any], Packed] | None:
    """The parsed line and what an import acts on in it, when the quick proof proves it a valid
    record (`exports.checks.proven`; `article_proven`: the article object of the line proven
    before); None when it does not, and the full checks then name the problem. A line it
    proves is parsed once, with the checks of `loads` but the bracket count (the proof bounds
    the nesting; the count is 7% of the checks): duplicate keys and NUL characters raise
    `FileProblem`, as does an article text over the limit."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    values = proven(data, article_proven) if type(data) is dict else None
    if values is None:
        return None
    strict_checks(data, raw, name, lineno)
    text = data["article"].get("text")
    if text is not None:
        limits.check_article(text, name, lineno, "article.text")
    return data, values


def _same_json(value: Any, other: Any) -> bool:
    """`value` is `other`, value for value and of the same JSON types: `==` alone takes
    0 == 0.0 == False, which the model does not take alike (a date may be 0, never false)."""
    if type(value) is not type(other):
        return False
    if type(value) is dict:
        return value.keys() == other.keys() and all(_same_json(item, other[key])
                                                    for key, item in value.items())
    if type(value) is list:
        return len(value) == len(other) and all(map(_same_json, value, other))
    return bool(value == other)


def peek(stream: IO[bytes]) -> bytes:
    """The beginning of a stream, left unread (a buffered file or stdin)."""
    peeker = getattr(stream, "peek", None)
    if peeker is not None:
        try:
            return bytes(peeker(HEAD_BYTES)[:HEAD_BYTES])
        except (OSError, ValueError):
            return b""
    return b""


__all__ = ["ImportFileError", "ImportReport", "check_lines", "import_file", "import_stream",
           "peek", "proven_line"]
