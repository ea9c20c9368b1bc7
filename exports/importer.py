"""`claims import FILE`: merge reviews exported elsewhere (native JSONL) into this project.

Each imported review becomes events of *its own* reviewer: only the events needed to take the
local review (if any) to the imported state are appended (verdict, status, each removed or
missing source, rationale, the claim as checked), stamped with the imported `updated_at`, and
the claim is re-derived. An imported adjudication becomes an `adjudicate` event of its
adjudicator, stamped with its `ts`. Rules a user can rely on:

- The file is taken whole or not at all: everything runs in one transaction and the first bad
  line aborts it with `FILE:LINE: field: what is wrong`.
- Importing the same file twice changes nothing. Event ids are derived from (claim, reviewer,
  field, value, updated_at), so even a file imported partly elsewhere (and merged back) adds
  no duplicates.
- Another reviewer's review is never touched. A reviewer's own review is replaced only by a
  newer one (later `updated_at`); when the local one is as new or newer, it is kept.
- An adjudication is applied only when it is newer than every adjudication decision made
  here on that claim (an adjudication given, withdrawn, undone or redone); a record without
  one (null) never withdraws the local one. Version 1 records carry neither adjudications nor
  `claim_text`: what this project holds of those is left as it is.
- Records are matched by `claim_id`. Span edits made in the source project are not carried:
  the local claim keeps its span (`spans_differ` counts such claims). A claim id unknown here
  is created when its article is here and `text == article.text[start:end]` (a claim drawn by
  a reviewer, or proposed by another extractor version); otherwise the line is refused.
- An article missing here is created when the record carries its text (`--with-articles`
  exports), and refused by id and title otherwise.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any, NamedTuple

import orjson

from claims.files import FileProblem, Limits, iter_lines, loads, open_input
from claims.model import SCHEMA_VERSION, Article, Claim, Event, article_id_for
from claims.project import Project, ProjectError, check_reviewer
from exports.checks import HEAD_BYTES, parse_record, record_problems, refuse_foreign
from exports.records import ExportRecord, ReviewRecord


class ImportFileError(ProjectError):
    """The file cannot be imported; the message names the file, the line and the field."""


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
            f"{self.records} records",
            f"{verb} {self.reviews_added} reviews ({self.events} events)",
            f"{self.reviews_unchanged} unchanged",
            f"{self.reviews_kept} kept (newer here)",
        ]
        if self.adjudications_added:
            parts.append(f"{verb} {self.adjudications_added} adjudications")
        if self.adjudications_kept:
            parts.append(f"{self.adjudications_kept} adjudications kept (newer here)")
        if self.articles_created:
            parts.append(f"{self.articles_created} articles created")
        if self.claims_created:
            parts.append(f"{self.claims_created} claims created")
        if self.spans_differ:
            parts.append(f"{self.spans_differ} claims have another span here (kept)")
        return ", ".join(parts)


class _Rollback(Exception):
    pass


BATCH = 500
"""Records merged together (one query per step for all of them)."""
_READ: Any = object()


def _ts(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    return value.isoformat(timespec="microseconds").replace("+00:00", "Z")


_parsed: dict[str, datetime] = {}


def _parse_ts(ts: str) -> datetime:
    """The datetime of an ISO 'Z' timestamp; a review's events share one, so keep the last few."""
    value = _parsed.get(ts)
    if value is None:
        if len(_parsed) > 64:
            _parsed.clear()
        value = _parsed[ts] = datetime.fromisoformat(ts.replace("Z", "+00:00"))
    return value


def _event_id(claim_id: str, reviewer: str, what: str, value: Any, ts: str) -> str:
    """32 hex digits, like the uuid4 ids of events made here, but derived from the content."""
    key = "\x1f".join(("claims-import/1", claim_id, reviewer, what, ts)).encode()
    return hashlib.blake2b(key + b"\x1f" + orjson.dumps(value), digest_size=16).hexdigest()


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
    with stream if name != "<stdin>" else nullcontext(stream):
        return import_stream(project, stream, name=name, dry_run=dry_run, progress=progress,
                             total_bytes=total)


def import_stream(
    project: Project,
    stream: IO[bytes],
    *,
    name: str = "<input>",
    dry_run: bool = False,
    progress: Callable[[int, int], object] | None = None,
    total_bytes: int = 0,
) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    merger = _Merger(project, report, name)
    try:
        with project.store.transaction() as tx:
            merger.tx = tx
            done = 0
            batch: list[tuple[int, ExportRecord]] = []
            in_batch: set[str] = set()
            for lineno, record, size in read_records(stream, name):
                if record.claim_id in in_batch:  # the same claim again: apply the first one
                    merger.merge_batch(batch)
                    batch, in_batch = [], set()
                batch.append((lineno, record))
                in_batch.add(record.claim_id)
                if len(batch) >= BATCH:
                    merger.merge_batch(batch)
                    batch, in_batch = [], set()
                done += size
                if progress is not None and (report.records + len(batch)) % 2000 == 0:
                    progress(done, max(total_bytes, done))
            merger.merge_batch(batch)
            if progress is not None:
                progress(done, max(total_bytes, done))
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except FileProblem as exc:
        raise ImportFileError(str(exc)) from None
    return report


def read_records(stream: IO[bytes], name: str) -> Iterator[tuple[int, ExportRecord, int]]:
    """(line, record, bytes) of a native export; the first bad line raises `FileProblem`.

    Every rule of `exports.checks.record_problems` is applied: what `claims validate` refuses,
    import refuses, with the same `FILE:LINE: field: problem`. A file in another format
    (FEVER, AVeriTeC, ClaimReview, CSV, Prodigy, doccano, Label Studio) is named as such.
    """
    limits = Limits.from_env()
    head = peek(stream)
    refuse_foreign(name, head)
    for lineno, raw in iter_lines(stream, name, limits.line_bytes):
        data = loads(raw, name, lineno)
        if isinstance(data, dict):
            version = data.get("schema_version")
            if isinstance(version, int) and version > SCHEMA_VERSION:
                raise FileProblem(name, f"{version} is newer than this program's "
                                  f"({SCHEMA_VERSION}); upgrade claims", line=lineno,
                                  field="schema_version")
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
        yield lineno, record, len(raw)


def peek(stream: IO[bytes]) -> bytes:
    """The beginning of a stream, left unread (a buffered file or stdin)."""
    peeker = getattr(stream, "peek", None)
    if peeker is not None:
        try:
            return bytes(peeker(HEAD_BYTES)[:HEAD_BYTES])
        except (OSError, ValueError):
            return b""
    return b""


class _Merger:
    def __init__(self, project: Project, report: ImportReport, name: str) -> None:
        self.project = project
        self.report = report
        self.name = name
        self.tx: Any = None
        self.known_articles: set[str] = set()
        self.text_cache: tuple[str, str] | None = None
        self.good_reviewers: set[str] = set()

    def fail(self, lineno: int, where: str, message: str) -> ImportFileError:
        return ImportFileError(f"{self.name}:{lineno}: {where}: {message}")

    # -- a batch of records ------------------------------------------------------------

    def merge_batch(self, batch: list[tuple[int, ExportRecord]]) -> None:
        """Merge records of distinct claims with one query per table and step for the whole
        batch instead of several per record: the claims' rows, their local reviews, the events
        already held, one insert of every new event and one re-derivation of every claim they
        touch. Lines are checked in order, so the first bad line is the one named; the outcome
        equals merging the records one by one."""
        if not batch:
            return
        scale = self.project.scale
        ids = [record.claim_id for _, record in batch]
        rows = self._rows_by_claim(
            "SELECT id, article_id, span_start, span_end FROM claims WHERE id IN ({})", ids
        )
        checked: list[tuple[ExportRecord, list[ReviewRecord]]] = []
        for lineno, record in batch:
            self.report.records += 1
            if record.label_scale != scale.name:
                raise self.fail(lineno, "label_scale",
                                f"the file uses the {record.label_scale} scale, this project "
                                f"the {scale.name} scale")
            self._ensure_article(lineno, record)
            row = rows.get(record.claim_id)
            self._ensure_claim(lineno, record, row[0][1:] if row else None)
            checked.append((record, self._checked_reviews(lineno, record)))
        local: dict[str, dict[str, Any]] = {}
        for claim_id, review_rows in self._rows_by_claim(
            "SELECT claim_id, reviewer, status, verdict, sources, rationale, updated_at, "
            "claim_text FROM reviews WHERE claim_id IN ({})", ids
        ).items():
            local[claim_id] = {r[1]: r[1:] for r in review_rows}
        plans: list[tuple[ExportRecord, ReviewRecord, Any, str, list[_NewEvent]]] = []
        for record, reviews in checked:
            mine_by = local.get(record.claim_id, {})
            for review in reviews:
                ts = _ts(review.updated_at)
                mine = mine_by.get(review.reviewer)
                if mine is not None and mine[5] >= ts:
                    if _same_state(mine, review):
                        self.report.reviews_unchanged += 1
                    else:
                        self.report.reviews_kept += 1
                    continue
                plans.append((record, review, mine, ts, _plan(record, review, mine, ts)))
        held = self._held_events([e.id for *_, events in plans for e in events])
        fresh_events: list[_NewEvent] = []
        touched: list[str] = []
        check: list[tuple[ExportRecord, ReviewRecord, str]] = []
        for record, review, mine, ts, events in plans:
            fresh = [e for e in events if e.id not in held]
            if not fresh:
                self.report.reviews_unchanged += 1
                continue
            fresh_events += fresh
            self.report.events += len(fresh)
            self.report.reviews_added += 1
            if not touched or touched[-1] != record.claim_id:
                touched.append(record.claim_id)
            # For a new review the plan's status is exact; otherwise check after re-deriving.
            if mine is not None or len(fresh) != len(events):
                check.append((record, review, ts))
        for event in self._adjudication_events([record for record, _ in checked]):
            fresh_events.append(event)
            self.report.events += 1
            if event.claim_id not in touched:
                touched.append(event.claim_id)
        if not fresh_events:
            return
        self.tx.insert_new_event_rows(fresh_events)
        self.tx.rederive_many(touched)
        self.report.claims_changed += len(touched)
        if not check:
            return
        # A verdict set or cleared can move an implicit status; say the imported one explicitly.
        statuses = {
            (r[0], r[1]): r[2]
            for review_rows in self._rows_by_claim(
                "SELECT claim_id, reviewer, status FROM reviews WHERE claim_id IN ({})",
                list(dict.fromkeys(record.claim_id for record, _, _ in check)),
            ).values()
            for r in review_rows
        }
        fixes = [
            _row(record, review.reviewer, "status", {"status": review.status}, ts,
                 key="status-fix")
            for record, review, ts in check
            if statuses.get((record.claim_id, review.reviewer)) != review.status
        ]
        held = self._held_events([e.id for e in fixes])
        fixes = [e for e in fixes if e.id not in held]
        if fixes:
            self.tx.insert_new_event_rows(fixes)
            self.report.events += len(fixes)
            self.tx.rederive_many([e.claim_id for e in fixes])

    def _rows_by_claim(self, sql: str, claim_ids: list[str]) -> dict[str, list[Any]]:
        """Rows of `sql` (its first column a claim id, `{}` the place of the id list) for
        `claim_ids`, grouped by claim, 500 ids to a query."""
        out: dict[str, list[Any]] = {}
        for start in range(0, len(claim_ids), 500):
            chunk = claim_ids[start : start + 500]
            for row in self.tx.all(sql.format(", ".join("?" for _ in chunk)), chunk):
                out.setdefault(row[0], []).append(row)
        return out

    # -- checks and creation, one record at a time -----------------------------------------

    def _adjudication_events(self, records: list[ExportRecord]) -> list[_NewEvent]:
        """The `adjudicate` events that bring the records' adjudications here (the others
        counted as unchanged or kept; see `_adjudication_plan`), one query for all of them."""
        adjudicated = [r for r in records if r.adjudication is not None]
        if not adjudicated:
            return []
        state = self._adjudication_state([r.claim_id for r in adjudicated])
        events: list[_NewEvent] = []
        for record in adjudicated:
            local, latest = state.get(record.claim_id, (None, None))
            outcome = _adjudication_plan(record, local, latest)
            if outcome == "unchanged":
                self.report.adjudications_unchanged += 1
            elif outcome == "kept":
                self.report.adjudications_kept += 1
            else:
                self.report.adjudications_added += 1
                events.append(_row(record, *outcome))
        return events

    def _adjudication_state(
        self, claim_ids: list[str]
    ) -> dict[str, tuple[dict[str, Any] | None, str | None]]:
        """For each claim: its adjudication here (`claims.store.rows.adjudication_json`, or
        None) and the time of the latest adjudication decision made here (an adjudication
        given or withdrawn, or an undo or redo of one), or None. 500 claims to a query."""
        out: dict[str, tuple[dict[str, Any] | None, str | None]] = {}
        for start in range(0, len(claim_ids), 500):
            chunk = claim_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            latest = {
                row[0]: row[1]
                for row in self.tx.all(
                    "SELECT claim_id, MAX(ts) FROM events WHERE claim_id IN "
                    f"({marks}) AND (type = 'adjudicate' OR (type IN ('undo', 'redo') AND "
                    "other_id IN (SELECT id FROM events WHERE claim_id IN "
                    f"({marks}) AND type = 'adjudicate'))) GROUP BY claim_id",
                    [*chunk, *chunk],
                )
            }
            for row in self.tx.all(f"SELECT id, adjudication FROM claims WHERE id IN ({marks})",
                                   chunk):
                out[row[0]] = (orjson.loads(row[1]) if row[1] else None, latest.get(row[0]))
        return out

    def _held_events(self, ids: list[str]) -> set[str]:
        held: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.tx.all(
                f"SELECT id FROM events WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
            )
            held.update(row[0] for row in rows)
        return held

    def _has_event(self, event_id: str) -> bool:
        return self.tx.one("SELECT 1 FROM events WHERE id = ?", (event_id,)) is not None

    def _article_text(self, article_id: str) -> str:
        if self.text_cache is None or self.text_cache[0] != article_id:
            row = self.tx.one("SELECT text FROM articles WHERE id = ?", (article_id,))
            self.text_cache = (article_id, row[0])
        return self.text_cache[1]

    def _ensure_article(self, lineno: int, record: ExportRecord) -> None:
        ref = record.article
        if ref.id in self.known_articles:
            return
        if not self.tx.has_article(ref.id):
            if ref.text is None:
                title = f" ({ref.title!r})" if ref.title else ""
                raise self.fail(
                    lineno, "article",
                    f"article {ref.id}{title} is not in this project and the file does not "
                    "carry its text; add the article first or export with --with-articles",
                )
            if article_id_for(ref.text) != ref.id:
                raise self.fail(lineno, "article.text",
                                f"the text does not match article id {ref.id}")
            article = Article(
                id=ref.id, text=ref.text, lang=ref.lang, title=ref.title, url=ref.url,
                published=ref.published, external_id=ref.external_id,
                metadata=ref.metadata or {},
            )
            self.tx.insert_article(article, [])
            self.report.articles_created += 1
        self.known_articles.add(ref.id)

    def _ensure_claim(self, lineno: int, record: ExportRecord, row: Any = _READ) -> None:
        """Check the record's claim against this project's, or create it; `row` is the
        claim's (article_id, span_start, span_end) when the caller read it (None: not here)."""
        if row is _READ:
            row = self.tx.one(
                "SELECT article_id, span_start, span_end FROM claims WHERE id = ?",
                (record.claim_id,),
            )
        if row is not None:
            if row[0] != record.article.id:
                raise self.fail(lineno, "claim_id",
                                f"claim {record.claim_id} belongs to article {row[0]} here, "
                                f"not {record.article.id}")
            if (int(row[1]), int(row[2])) != (record.start, record.end):
                self.report.spans_differ += 1
            return
        text = self._article_text(record.article.id)
        if record.end > len(text) or text[record.start : record.end] != record.text:
            raise self.fail(
                lineno, "claim_id",
                f"claim {record.claim_id} is not in this project and its text is not "
                f"[{record.start}, {record.end}) of article {record.article.id} here",
            )
        claim = Claim(
            id=record.claim_id, article_id=record.article.id, start=record.start,
            end=record.end, text=record.text, kind=record.kind, score=record.score,
            reasons=list(record.reasons), quantities=list(record.quantities),
            dates=list(record.dates), speaker=record.speaker, origin=record.origin,
        )
        drawn_by = record.origin[len("reviewer:"):] if record.origin.startswith("reviewer:") \
            else None
        self.tx.insert_claim(claim, live=drawn_by is None)
        if drawn_by:
            try:
                drawn_by = check_reviewer(drawn_by)
            except ProjectError as exc:
                raise self.fail(lineno, "origin", str(exc)) from None
            stamps = [_ts(r.updated_at) for r in record.reviews]
            ts = min(stamps) if stamps else "1970-01-01T00:00:00.000000Z"
            event = _event(record, drawn_by, "claim_create",
                           {"start": record.start, "end": record.end}, ts)
            if not self._has_event(event.id):
                self.report.events += 1
            self.tx.append(event)
        self.report.claims_created += 1

    def _checked_reviews(self, lineno: int, record: ExportRecord) -> list[ReviewRecord]:
        scale = self.project.scale
        seen: set[str] = set()
        for i, review in enumerate(record.reviews):
            where = f"reviews.{i}"
            if review.reviewer not in self.good_reviewers:
                try:
                    check_reviewer(review.reviewer)
                except ProjectError as exc:
                    raise self.fail(lineno, f"{where}.reviewer", str(exc)) from None
                self.good_reviewers.add(review.reviewer)
            if review.reviewer in seen:
                raise self.fail(lineno, f"{where}.reviewer",
                                f"{review.reviewer!r} has two reviews of this claim")
            seen.add(review.reviewer)
            if review.verdict is not None and scale.get(review.verdict) is None:
                raise self.fail(lineno, f"{where}.verdict",
                                f"{review.verdict!r} is not a label of the {scale.name} scale "
                                f"({', '.join(scale.ids)})")
            if review.status == "proposed" and review.verdict is not None:
                raise self.fail(lineno, f"{where}.status",
                                "a review with a verdict is accepted or rejected, not proposed")
        return list(record.reviews)


def _same_state(row: Any, review: ReviewRecord) -> bool:
    return bool(
        row[1] == review.status
        and row[2] == review.verdict
        and orjson.loads(row[3]) == _sources(review)
        and row[4] == review.rationale
        and (not _carries_claim_text(review) or (row[6] or "") == review.claim_text)
    )


def _carries_claim_text(review: ReviewRecord) -> bool:
    """The review says what its claim as checked is (schema version 2 and later)."""
    return "claim_text" in review.model_fields_set


def _adjudication_plan(
    record: ExportRecord, local: dict[str, Any] | None, latest: str | None
) -> str | tuple[str, str, dict[str, Any], str]:
    """What to do with the record's adjudication, given the claim's adjudication here
    (`local`) and the time of the latest adjudication decision here (`latest`): "unchanged"
    (this project holds it), "kept" (a decision made here is as new or newer), or the
    `adjudicate` event to append, as (adjudicator, type, payload, ts)."""
    imported = record.adjudication
    assert imported is not None
    ts = _ts(imported.ts)
    if latest is not None and latest >= ts:
        if local is not None and _same_adjudication(local, imported.reviewer, imported.verdict,
                                                    imported.note, ts):
            return "unchanged"
        return "kept"
    return (imported.reviewer, "adjudicate", {"label": imported.verdict, "note": imported.note},
            ts)


def _same_adjudication(local: dict[str, Any], reviewer: str, verdict: str, note: str,
                       ts: str) -> bool:
    """The stored adjudication (`claims.store.rows.adjudication_json`) is the imported one."""
    return bool(local.get("reviewer") == reviewer and local.get("verdict") == verdict
                and (local.get("note") or "") == note and local.get("ts") == ts)


def _sources(review: ReviewRecord) -> list[dict[str, Any]]:
    return [s.model_dump(mode="json") for s in review.sources]


def _event(
    record: ExportRecord, reviewer: str, type_: str, payload: dict[str, Any], ts: str,
    *, key: str | None = None,
) -> Event:
    # Built without validation: every field comes from a validated record (a third of the
    # import's time went to re-validating these).
    return Event.model_construct(
        seq=None,
        id=_event_id(record.claim_id, reviewer, key or type_, payload, ts),
        ts=_parse_ts(ts),
        reviewer=reviewer,
        type=type_,  # type: ignore[arg-type]
        article_id=record.article.id,
        claim_id=record.claim_id,
        other_id=None,
        payload=payload,
    )


class _NewEvent(NamedTuple):
    """A planned event in the stored row shape (`Transaction.insert_new_event_rows`):
    building a model for each of them took a third of the import's time."""

    id: str
    ts: str
    reviewer: str
    type: str
    article_id: str
    claim_id: str
    other_id: str | None
    payload: str


def _row(
    record: ExportRecord, reviewer: str, type_: str, payload: dict[str, Any], ts: str,
    *, key: str | None = None,
) -> _NewEvent:
    """`_event` as a stored row; the same id."""
    return _NewEvent(_event_id(record.claim_id, reviewer, key or type_, payload, ts), ts,
                     reviewer, type_, record.article.id, record.claim_id, None,
                     orjson.dumps(payload).decode())


def _plan(record: ExportRecord, review: ReviewRecord, mine: Any, ts: str) -> list[_NewEvent]:
    """The events that take this reviewer's local review (`mine`, or none) to `review`."""
    who = review.reviewer
    events: list[_NewEvent] = []
    old_verdict = mine[2] if mine is not None else None
    old_status = mine[1] if mine is not None else None
    old_sources: list[dict[str, Any]] = orjson.loads(mine[3]) if mine is not None else []
    old_rationale = mine[4] if mine is not None else ""
    if old_verdict != review.verdict:
        events.append(_row(record, who, "verdict", {"label": review.verdict}, ts))
    if mine is None:
        implied = "accepted" if review.verdict is not None else "proposed"
        if review.status != implied:
            events.append(_row(record, who, "status", {"status": review.status}, ts))
    elif old_status != review.status:
        events.append(_row(record, who, "status", {"status": review.status}, ts))
    new_sources = _sources(review)
    keep = 0
    while (keep < len(old_sources) and keep < len(new_sources)
           and old_sources[keep] == new_sources[keep]):
        keep += 1
    for index in range(len(old_sources) - 1, keep - 1, -1):
        events.append(_row(record, who, "source_remove", {"index": index}, ts,
                             key=f"source_remove:{orjson.dumps(old_sources[index]).decode()}"))
    for index in range(keep, len(new_sources)):
        events.append(_row(record, who, "source_add", {"source": new_sources[index]}, ts,
                             key=f"source_add:{index}"))
    if old_rationale != review.rationale:
        events.append(_row(record, who, "rationale", {"text": review.rationale}, ts))
    old_claim_text = (mine[6] or "") if mine is not None else ""
    if _carries_claim_text(review) and old_claim_text != review.claim_text:
        events.append(_row(record, who, "claim_text", {"text": review.claim_text}, ts))
    if mine is None and not events:
        events.append(_row(record, who, "status", {"status": review.status}, ts))
    return events



__all__ = ["ImportFileError", "ImportReport", "import_file", "import_stream", "peek"]
