"""`extract_many`: a JSONL corpus through the extractor, on several processes when it is large.

Articles go to a process pool in batches with a bounded number in flight, so memory stays flat
in corpus size; the pool starts only once the input proves larger than one batch, and its
workers die with their parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from claims.extract.pipeline import records_from_line
from claims.processes import die_with_parent

__all__ = ["die_with_parent", "extract_many", "threads_running"]


def _worker(
    job: tuple[str | bytes | dict[str, Any], str | None, date | None, float],
) -> list[dict[str, Any]]:
    return records_from_line(*job)


def extract_many(
    lines: Iterable[str | bytes | dict[str, Any]],
    *,
    lang: str | None = None,
    published: date | None = None,
    min_score: float = 0.0,
    workers: int = 2,
    chunk: int = 16,
) -> Iterator[list[dict[str, Any]]]:
    """Per-article record lists for `--input jsonl`, in input order, memory flat in corpus size.

    Blank lines are skipped. With `workers > 1`, articles go to a process pool with at most
    `workers * chunk * 2` of them in flight; the pool only starts once the input proves larger
    than one chunk, so a small file pays no process start-up.
    """
    iterator = iter(lines)
    first: list[str | bytes | dict[str, Any]] = []
    for line in iterator:
        if isinstance(line, str | bytes) and not line.strip():
            continue
        first.append(line)
        if len(first) > chunk:
            break
    if workers <= 1 or len(first) <= chunk:
        for line in first:
            yield records_from_line(line, lang, published, min_score)
        for line in iterator:
            if isinstance(line, str | bytes) and not line.strip():
                continue
            yield records_from_line(line, lang, published, min_score)
        return
    yield from _pooled(first, iterator, lang, published, min_score, workers, chunk)


def _pooled(
    first: list[str | bytes | dict[str, Any]],
    rest: Iterator[str | bytes | dict[str, Any]],
    lang: str | None,
    published: date | None,
    min_score: float,
    workers: int,
    chunk: int,
) -> Iterator[list[dict[str, Any]]]:
    import multiprocessing  # noqa: PLC0415 - only needed for large inputs
    from collections import deque  # noqa: PLC0415
    from concurrent.futures import Future, ProcessPoolExecutor  # noqa: PLC0415

    def jobs() -> Iterator[tuple[str | bytes | dict[str, Any], str | None, date | None, float]]:
        for line in first:
            yield line, lang, published, min_score
        for line in rest:
            if isinstance(line, str | bytes) and not line.strip():
                continue
            yield line, lang, published, min_score

    def batches() -> Iterator[list[tuple[Any, str | None, date | None, float]]]:
        batch: list[tuple[Any, str | None, date | None, float]] = []
        for job in jobs():
            batch.append(job)
            if len(batch) >= chunk:
                yield batch
                batch = []
        if batch:
            yield batch

    context = multiprocessing.get_context("spawn" if threads_running() else None)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=die_with_parent
    ) as pool:
        pending: deque[Future[list[list[dict[str, Any]]]]] = deque()
        for batch in batches():
            pending.append(pool.submit(_batch_worker, batch))
            while len(pending) >= workers * 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _batch_worker(
    batch: list[tuple[str | bytes | dict[str, Any], str | None, date | None, float]],
) -> list[list[dict[str, Any]]]:
    return [_worker(job) for job in batch]


def threads_running() -> bool:
    import threading  # noqa: PLC0415

    return threading.active_count() > 1
