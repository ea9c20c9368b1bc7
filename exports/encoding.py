"""Turning records into bytes: JSON Lines, one JSON array, or CSV, written as they come.

Each writer encodes on the caller's thread and hands chunks of a few hundred records to a
thread that writes them (`BackgroundWriter`), so disk time overlaps encoding time while memory
stays flat. CSV cells that a spreadsheet would run as formulas are neutralised
(`neutralise_cell`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import IO, Any

import orjson


class BackgroundWriter:
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


def write_jsonl(records: Iterator[Any], out: IO[bytes]) -> int:
    dumps, option = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    background = BackgroundWriter(out)
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


def write_json_array(records: Iterator[Any], out: IO[bytes]) -> int:
    dumps = orjson.dumps
    background = BackgroundWriter(out)
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


def write_csv(records: Iterator[Any], out: IO[bytes], header: Sequence[str], *,
               raw_cells: bool = False) -> int:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    if not raw_cells:
        records = ([neutralise_cell(cell) for cell in row] for row in records)
    background = BackgroundWriter(out)
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


__all__ = ["FORMULA_STARTS", "BackgroundWriter", "neutralise_cell", "write_csv",
           "write_json_array", "write_jsonl"]
