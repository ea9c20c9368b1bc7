"""Extraction of many articles, or of one very long one, in bounded memory.

An article longer than `WINDOW` characters is cut into windows at paragraph breaks (else at a
line break, else between two sentences, else at white space), and each window is extracted on
its own with its offsets shifted back into the article: the work and the memory for one window
do not depend on the article's length, so a 50 MB single-line article costs what 800 articles
of 64 KB cost. Articles that fit in one window are extracted whole, exactly as `extract_records`
does.

`extract_windows` streams (key, records, last) for the windows of many articles, in input
order, on a pool of worker processes with a bounded number of characters in flight.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from claims.extract.pipeline import extract_records
from claims.extract.pool import die_with_parent, threads_running
from claims.model import claim_id_for

__all__ = ["Article", "extract_windows", "windows"]

WINDOW = 64_000
"""Characters of one article extracted at once."""
BATCH_CHARS = 256_000
"""Characters sent to a worker in one batch (fewer round trips for small articles)."""
BATCH_JOBS = 16
POOL_AFTER = 32
BACKGROUND_NICE = 10
"""How much lower than the UI a background extraction worker runs."""
"""Windows the input must prove to hold before worker processes pay for their start-up."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\u00a0\u202f\f\v]*\n")


@dataclass(frozen=True, slots=True)
class Article:
    """What extraction needs of one article; `key` comes back with its records."""

    key: Any
    article_id: str
    text: str
    lang: str
    published: date | None
    from_offset: int = 0
    """Windows ending at or before this offset are skipped (their claims are stored)."""


@dataclass(frozen=True, slots=True)
class _Job:
    key: Any
    article_id: str
    text: str
    offset: int
    lang: str
    published: date | None
    last: bool
    text_length: int = -1

    @property
    def length(self) -> int:
        return len(self.text) if self.text_length < 0 else self.text_length


def windows(text: str, lang: str, size: int = WINDOW) -> Iterator[tuple[int, int]]:
    """`[start, end)` pieces covering `text`, each at most `size` characters, cut where a
    sentence cannot continue across the cut whenever the text allows it."""
    n = len(text)
    pos = 0
    while n - pos > size:
        yield pos, (cut := _cut(text, pos, pos + size, lang))
        pos = cut
    if pos < n or n == 0:
        yield pos, n


def _cut(text: str, start: int, limit: int, lang: str) -> int:
    """A cut point in `(start, limit]`, preferring the latest paragraph break in its second
    half, then a line break, then the start of the last sentence, then white space."""
    half = start + (limit - start) // 2
    last_break = None
    for m in _PARAGRAPH_BREAK.finditer(text, half, limit):
        last_break = m
    if last_break is not None:
        return last_break.end()
    line = text.rfind("\n", half, limit)
    if line >= 0:
        return line + 1
    from claims.extract.segment import segment  # noqa: PLC0415 - only for long lines

    # The last segment of the window may be cut short; every one before it is whole.
    segments = segment(text[start:limit], lang)
    if len(segments) > 1 and segments[-1].start > (limit - start) // 4:
        return start + segments[-1].start
    space = text.rfind(" ", half, limit)
    if space > start:
        return space + 1
    return limit


def window_records(
    text: str, offset: int, article_id: str, lang: str, published: date | None
) -> list[dict[str, Any]]:
    """The extractor's records for `text`, a window of an article starting at `offset`, with
    offsets and ids in the article's terms."""
    records = extract_records(text, lang=lang, published=published, article_id=article_id)
    if offset:
        for record in records:
            record["start"] += offset
            record["end"] += offset
            record["id"] = claim_id_for(article_id, record["start"], record["end"])
            for facet in (*record["quantities"], *record["dates"]):
                facet["start"] += offset
                facet["end"] += offset
    return records


def _run(job: _Job) -> list[dict[str, Any]]:
    return window_records(job.text, job.offset, job.article_id, job.lang, job.published)


def _run_batch(batch: list[_Job]) -> list[list[dict[str, Any]]]:
    return [_run(job) for job in batch]


def _jobs(articles: Iterable[Article], size: int) -> Iterator[_Job]:
    for article in articles:
        text = article.text
        if len(text) <= size and not article.from_offset:
            yield _Job(article.key, article.article_id, text, 0, article.lang,
                       article.published, True)
            continue
        pieces = [p for p in windows(text, article.lang, size) if p[1] > article.from_offset]
        for i, (start, end) in enumerate(pieces):
            yield _Job(article.key, article.article_id, text[start:end], start, article.lang,
                       article.published, i == len(pieces) - 1)


@dataclass(frozen=True, slots=True)
class Extracted:
    """The records of one window of an article, offsets in the article's terms."""

    key: Any
    records: list[dict[str, Any]]
    last: bool
    """The article's last window: its extraction is complete with this one."""
    end: int
    """Where the window ends in the article: claims before it are all in `records` so far."""


def extract_windows(
    articles: Iterable[Article],
    *,
    workers: int = 2,
    window: int | None = None,
    background: bool = False,
) -> Iterator[Extracted]:
    """The records of every window of `articles`, in order.

    With `workers > 1` and more than `POOL_AFTER` windows, or with `background` (the caller
    must keep its own process free, e.g. a UI), windows go to worker processes in batches,
    with at most `2 * workers` batches (each at most `BATCH_CHARS` characters or `BATCH_JOBS`
    windows) in flight, so memory stays flat however long the input is.
    """
    jobs = _jobs(articles, window or WINDOW)
    if background:
        yield from _pooled([], jobs, max(1, workers), batch_jobs=1, nice=True)
        return
    first: list[_Job] = []
    for job in jobs:
        first.append(job)
        if len(first) > POOL_AFTER:
            break
    if workers <= 1 or len(first) <= POOL_AFTER:
        for job in first:
            yield _done(job, _run(job))
        for job in jobs:
            yield _done(job, _run(job))
        return
    yield from _pooled(first, jobs, workers)


def _done(job: _Job, records: list[dict[str, Any]]) -> Extracted:
    return Extracted(job.key, records, job.last, job.offset + job.length)


def _batches(
    first: list[_Job], rest: Iterator[_Job], batch_jobs: int = BATCH_JOBS
) -> Iterator[list[_Job]]:
    batch: list[_Job] = []
    chars = 0
    for source in (first, rest):
        for job in source:
            batch.append(job)
            chars += len(job.text)
            if len(batch) >= batch_jobs or chars >= BATCH_CHARS:
                yield batch
                batch, chars = [], 0
    if batch:
        yield batch


def _background_worker() -> None:
    """A worker of a UI's background extraction: it yields the CPU to the reviewer's keys."""
    die_with_parent()
    # No nice() on this system, or not allowed: the worker runs at normal priority.
    with contextlib.suppress(AttributeError, OSError):
        os.nice(BACKGROUND_NICE)


def _pooled(
    first: list[_Job],
    rest: Iterator[_Job],
    workers: int,
    batch_jobs: int = BATCH_JOBS,
    nice: bool = False,
) -> Iterator[Extracted]:
    import multiprocessing  # noqa: PLC0415 - only needed for large inputs
    from concurrent.futures import Future, ProcessPoolExecutor  # noqa: PLC0415

    context = multiprocessing.get_context("spawn" if threads_running() else None)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_background_worker if nice else die_with_parent,
    ) as pool:
        pending: deque[tuple[list[_Job], Future[list[list[dict[str, Any]]]]]] = deque()

        def drain_one() -> Iterator[Extracted]:
            batch, future = pending.popleft()
            for job, records in zip(batch, future.result(), strict=True):
                yield _done(job, records)

        for batch in _batches(first, rest, batch_jobs):
            # The job texts are not kept here: the worker has its copy, and the key is enough.
            light = [_Job(j.key, j.article_id, "", j.offset, j.lang, j.published, j.last,
                          len(j.text)) for j in batch]
            pending.append((light, pool.submit(_run_batch, batch)))
            del batch
            while len(pending) >= workers * 2:
                yield from drain_one()
        while pending:
            yield from drain_one()
