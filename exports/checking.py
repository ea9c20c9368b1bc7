"""Checking a large file's lines in other processes while `claims import` merges them.

Every line of an imported file gets every check `claims validate` applies
(`exports.importer.check_lines`). For a large regular file those checks run in worker
processes, each over a byte range of the file (read with `os.pread` on the one open file, so
no name is opened twice), while the importing process merges the lines as it reads them.
Nothing is committed before every worker has passed its range, and a failure is reported only
once every range before it has passed: the line named is the file's first bad line, as when
one process does everything.

Workers are forked (they start at once, sharing the loaded code), on Linux and only from a process
running a single thread; otherwise, and for small files or standard input, the import checks
each line itself.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from claims.files import FileProblem, RangeReader, count_lines, iter_lines, line_boundary
from claims.processes import die_with_parent

PARALLEL_BYTES = 8 << 20
"""Files at least this big are checked in worker processes."""
MAX_WORKERS = 4
PROGRESS_LINES = 2000
"""A worker tells how far it has checked every this many lines, so that a bad line this
process finds early waits only for the lines before it, not for the worker's whole range."""


def changed_message(name: str) -> str:
    return f"{name}: the file changed while it was being imported; nothing was imported"


def worker_count(size: int) -> int:
    """How many worker processes check a file of `size` bytes (0: check in this process).
    `CLAIMS_IMPORT_WORKERS` sets it (0 turns the workers off)."""
    raw = os.environ.get("CLAIMS_IMPORT_WORKERS", "").strip()
    if raw:
        if not raw.isdecimal():
            raise FileProblem("CLAIMS_IMPORT_WORKERS", f"{raw[:40]!r} is not a number of "
                              "processes (0 checks the lines in the importing process)")
        return min(int(raw), MAX_WORKERS)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if size < PARALLEL_BYTES or (cores or 1) < 2:
        return 0
    # The importing process keeps one core busy merging; the workers share the others (on
    # two cores one worker beats two, which would take turns with the merge).
    return max(1, min(MAX_WORKERS, (cores or 1) - 1))


Checker = Callable[[Iterator[tuple[int, bytes]], str], Iterator[Any]]
"""Checks the lines given ((number, raw) pairs) of the file named, yielding an item for each
good one (its line number first) and raising `FileProblem` at the first bad one
(`exports.importer.check_lines`)."""


def _work(fd: int, start: int, end: int, name: str, limit: int, check: Checker,
          conn: Connection, parent: int) -> None:
    # Ctrl-C reaches the whole process group: the importing process handles it and ends the
    # workers (they would print a traceback each); a worker of a killed import dies with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    try:
        first = count_lines(fd, start) + 1 if start else 1
        conn.send(("start", first, ""))
        reader = RangeReader(fd, start, end)
        every = PROGRESS_LINES
        for n, item in enumerate(check(iter_lines(reader, name, limit, first_line=first),
                                       name), 1):
            if n % every == 0:
                conn.send(("passed", item[0], ""))
        conn.send(("ok", reader.sums[0], ""))
    except FileProblem as exc:
        conn.send(("fail", exc.line or 0, str(exc)))
    except Exception as exc:  # noqa: BLE001 - reported to the importing process
        conn.send(("error", 0, f"{name}: cannot check its lines ({type(exc).__name__}: {exc}); "
                   "nothing was imported"))
    finally:
        conn.close()


class ParallelCheck:
    """Worker processes checking the ranges of an open file; see the module docstring."""

    def __init__(self, fd: int, size: int, name: str, limit: int, check: Checker,
                 workers: int) -> None:
        context = multiprocessing.get_context("fork")
        cuts = [0]
        for k in range(1, workers):
            cut = line_boundary(fd, size * k // workers, size)
            if cut > cuts[-1] and cut < size:
                cuts.append(cut)
        cuts.append(size)
        self.name = name
        self.cuts = cuts
        """Where each worker's range starts (and, last, the end of the file)."""
        self.outcomes: list[tuple[str, int, str] | None] = []
        self.first_lines: list[int | None] = []
        self.passed: list[int] = []
        """The line up to which each worker has found nothing wrong (as it last told)."""
        self.pipes: list[Connection] = []
        self.processes: list[Any] = []
        try:
            for start, end in zip(cuts, cuts[1:], strict=False):
                here, there = context.Pipe(duplex=False)
                self.pipes.append(here)
                process = context.Process(target=_work, daemon=True,
                                          args=(fd, start, end, name, limit, check, there,
                                                os.getpid()))
                self.processes.append(process)
                self.outcomes.append(None)
                self.first_lines.append(None)
                self.passed.append(0)
                try:
                    process.start()
                finally:
                    there.close()
        except BaseException:  # fork refused (a process limit, no memory), or Ctrl-C while
            self.close()  # starting them: end those started
            raise

    @staticmethod
    def usable() -> bool:
        """Whether workers can be forked safely here: on Linux (macOS system libraries do not
        survive a fork), from a process running one thread."""
        return (sys.platform.startswith("linux")
                and "fork" in multiprocessing.get_all_start_methods()
                and threading.active_count() == 1)

    def _receive(self, k: int) -> None:
        """The next message of worker `k` (waiting for it)."""
        try:
            message = self.pipes[k].recv()
        except EOFError:  # it ended without a word: killed (out of memory, kill -9)
            self.processes[k].join(5)
            code = self.processes[k].exitcode
            how = (f"was killed (signal {-code})" if code is not None and code < 0
                   else f"ended (exit code {code})")
            message = ("error", 0, f"{self.name}: the process checking lines of it {how}; "
                       "nothing was imported")
        if message[0] == "start":
            self.first_lines[k] = message[1]
        elif message[0] == "passed":
            self.passed[k] = message[1]
        else:
            self.outcomes[k] = message

    def _collect(self, k: int, block: bool) -> tuple[str, int, str] | None:
        while self.outcomes[k] is None and (block or self.pipes[k].poll()):
            self._receive(k)
        return self.outcomes[k]

    def _first_line(self, k: int) -> int:
        while self.first_lines[k] is None and self.outcomes[k] is None:
            self._receive(k)
        return self.first_lines[k] or 0

    def failure(self, block: bool = False, *, merged: int | None = None) -> str | None:
        """The message of the file's first bad line, once the workers have settled it (with
        `block`, waiting for them; without, None while it is still open). With `merged`
        (every line before it merged by this process without a problem), only a bad line
        before `merged`: a later one waits until this process has read up to it, since it
        may find a problem of its own on an earlier line."""
        for k in range(len(self.pipes)):
            outcome = self._collect(k, block)
            if outcome is None:
                return None
            if outcome[0] == "error":
                return outcome[2]
            if outcome[0] == "fail":
                return outcome[2] if merged is None or outcome[1] < merged else None
        return None

    def failure_before(self, line: int) -> str | None:
        """Waiting as needed: the first bad line's message if it comes before or at `line`
        (where this process found something wrong), else None. Lines after `line` are not
        waited for."""
        for k in range(len(self.pipes)):
            if k and self._first_line(k) > line:
                return None
            while self.outcomes[k] is None and self.passed[k] < line:
                self._receive(k)
            outcome = self.outcomes[k]
            if outcome is None:  # every line of it up to `line` is good
                return None
            if outcome[0] == "error" or (outcome[0] == "fail" and outcome[1] <= line):
                return outcome[2]
            if outcome[0] == "fail":
                return None
        return None

    def changed(self, sums: list[int]) -> str | None:
        """Once every worker passed its range: a message if this process did not read the
        bytes they checked (`sums`: its CRC-32 of each range, `RangeReader` cut at `cuts`),
        as when the file is rewritten during the import; else None."""
        checked = [outcome[1] for outcome in self.outcomes if outcome is not None]
        return changed_message(self.name) if checked != sums else None

    def close(self) -> None:
        for process in self.processes:
            if process.pid is None:  # never started
                continue
            if process.is_alive():
                process.kill()
            process.join()
        for pipe in self.pipes:
            pipe.close()


__all__ = ["PARALLEL_BYTES", "ParallelCheck", "changed_message", "worker_count"]
