"""Reading and checking a large file's lines in other processes while `claims import` merges
them.

Every line of an imported file gets every check `claims validate` applies
(`exports.importer.check_lines`). For a large regular file, worker processes read the lines,
run those checks and hand the importing process what it acts on in each good line
(`exports.plan.RecordIn`, packed with `marshal`): the importing process neither reads nor
parses the file, it only merges.

The file is cut into pieces of about `PIECE_BYTES` at line boundaries (the first few smaller,
so that the merge starts at once), dealt out in turn:
worker k takes pieces k, k + n, k + 2n... (read with `os.pread` on the one open file, so no
name is opened twice), and the importing process takes the pieces back in the file's order.
So every worker works at once, each at most one piece ahead of the merge (a piece waits in its
pipe until the merge takes it: memory stays flat), and a piece arrives only once every line
of it has passed. A worker that finds a bad line sends the good lines before it and the
problem: lines reach the merge in order, so the first problem the merge meets, its own or a
worker's, is the file's first bad line, as when one process does everything.

A line the merge needs whole (to create its article or claim here) is read again from the
file by the importing process, which checks that its bytes are the ones the worker checked
(CRC-32); a file written to during the import is refused.

Workers are forked (they start at once, sharing the loaded code), on Linux and only from a process
running a single thread; otherwise, and for small files or standard input, the import reads
and checks each line itself.
"""

from __future__ import annotations

import contextlib
import fcntl
import marshal
import multiprocessing
import os
import signal
import sys
import threading
import zlib
from collections.abc import Callable, Iterator
from functools import partial
from multiprocessing.connection import Connection
from typing import Any

import orjson

from claims.files import FileProblem, RangeReader, count_lines, iter_lines, line_boundary
from claims.processes import die_with_parent
from exports.plan import RecordIn, unpacked
from exports.records import ExportRecord

PARALLEL_BYTES = 8 << 20
"""Files at least this big are read and checked in worker processes."""
MAX_WORKERS = 4
PIECE_BYTES = 1 << 20
"""About how much of the file a worker checks and hands over at a time."""
FIRST_PIECE_BYTES = 64 << 10


def changed_message(name: str) -> str:
    return f"{name}: the file changed while it was being imported; nothing was imported"


def worker_count(size: int) -> int:
    """How many worker processes read a file of `size` bytes (0: this process reads it).
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
    # The checks cost more than the merge: on two cores, two workers and the merge share them.
    return max(2, min(MAX_WORKERS, (cores or 1) - 1))


Checker = Callable[..., Iterator[tuple[int, Any, int]]]
"""Checks the lines given ((number, raw) pairs) of the file named, yielding (line, record,
bytes) for each good one and raising `FileProblem` at the first bad one
(`exports.importer.check_lines`; with `shape="packed"`, the record as `exports.plan.packed`
gives it)."""


class LineSums:
    """What a file's lines were as the import read them: one value folded from each line's
    number and CRC-32, in order. A file whose size and modification time are unchanged may
    still have been rewritten, its time put back (as `rsync --inplace --times` does); its
    inode's change time then moves, and the lines are summed again to tell that from a
    rename or a chmod (`sum_file`)."""

    def __init__(self) -> None:
        self.value = 0

    def add(self, lineno: int, crc: int) -> None:
        self.value = hash((self.value, lineno, crc))

    def lines(self, lines: Iterator[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
        """The lines, each added as it passes."""
        for number, raw in lines:
            self.add(number, zlib.crc32(raw))
            yield number, raw


def sum_file(fd: int, size: int, name: str, limit: int) -> int:
    """The `LineSums` value of the first `size` bytes of an open file, read now."""
    sums = LineSums()
    for _ in sums.lines(iter_lines(RangeReader(fd, 0, size), name, limit)):
        pass
    return sums.value


def _summed(lines: Iterator[tuple[int, bytes]], last: list[int]) -> Iterator[tuple[int, bytes]]:
    """The lines, with the CRC-32 of the one last given in `last[0]`."""
    for number, raw in lines:
        last[0] = zlib.crc32(raw)
        yield number, raw


def _work(fd: int, cuts: list[int], k: int, step: int, name: str, limit: int, check: Checker,
          conn: Connection, parent: int) -> None:
    # Ctrl-C reaches the whole process group: the importing process handles it and ends the
    # workers (they would print a traceback each); a worker of a killed import dies with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked while it started
    die_with_parent(parent)
    _yield_to_the_merge()
    try:
        lines_before = 0
        for piece in range(k, len(cuts) - 1, step):
            start, end = cuts[piece], cuts[piece + 1]
            # The lines of the pieces since this worker's last one (and of that one).
            lines_before += count_lines(fd, start, cuts[piece - step] if piece >= step else 0)
            reader = RangeReader(fd, start, end)
            last = [0]
            items: list[tuple[Any, ...]] = []
            lines = _summed(iter_lines(reader, name, limit, first_line=lines_before + 1), last)
            try:
                for lineno, values, size in check(lines, name, shape="packed"):
                    items.append((lineno, size, reader.tell(), last[0], values))
            except FileProblem as exc:
                conn.send_bytes(marshal.dumps(("fail", items, str(exc))))
                return
            conn.send_bytes(marshal.dumps(("ok", items, "")))
    except Exception as exc:  # noqa: BLE001 - reported to the importing process
        conn.send_bytes(marshal.dumps(("error", [], f"{name}: cannot check its lines "
                                       f"({type(exc).__name__}: {exc}); nothing was imported")))
    finally:
        conn.close()


WORKER_NICENESS = 10


def _yield_to_the_merge() -> None:
    """Workers run at a lower priority than the importing process: they are ahead of the merge
    (a piece waits in its pipe until the merge takes it), so a core the two want goes to the
    merge, the import's critical path, and they use the time it leaves (on 2 cores the merge
    had waited 0.45 s of a 2.1 s import for a core the workers held)."""
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)


PIPE_BYTES = 1 << 20
"""How much a worker may have handed over and not yet taken back (when the system allows it:
otherwise a pipe's default, 64 KB), so that it goes on to its next piece meanwhile."""


def _widen(conn: Connection) -> None:
    with contextlib.suppress(OSError):  # above /proc/sys/fs/pipe-max-size: the default stays
        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """A Ctrl-C in the middle of a fork would interrupt the bookkeeping on either side of it
    (a traceback, not the one-line "interrupted"): one that comes in the block takes effect
    when it ends. It is blocked for this thread (the workers start with it blocked, and ignore
    it before they unblock it), and one that reaches another thread of the process (a thread
    of a library) is only noted meanwhile."""
    noted: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: noted.append(number))
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # one held comes now, and is noted
        signal.signal(signal.SIGINT, previous)
        if noted and callable(previous):
            previous(signal.SIGINT, None)  # KeyboardInterrupt, as Python's own handler does
        elif noted and previous == signal.SIG_DFL:
            signal.raise_signal(signal.SIGINT)


class CheckFailed(Exception):
    """A worker found a bad line (every line before it has been handed over), or could not go
    on; the message says which."""


class ParallelCheck:
    """Worker processes reading and checking the pieces of an open file; see the module
    docstring."""

    def __init__(self, fd: int, size: int, name: str, limit: int, check: Checker,
                 workers: int) -> None:
        context = multiprocessing.get_context("fork")
        cuts = [0]
        # The first pieces are smaller (FIRST_PIECE_BYTES, doubling up to PIECE_BYTES): the
        # merge starts on the first while the workers check the next.
        step = min(FIRST_PIECE_BYTES, PIECE_BYTES)
        at = step
        while at < size:
            cut = line_boundary(fd, at, size)
            if cut >= size:
                break
            if cut > cuts[-1]:
                cuts.append(cut)
            step = min(step * 2, PIECE_BYTES)
            at = max(cut, at) + step
        cuts.append(size)
        self.fd = fd
        self.name = name
        self.sums = LineSums()
        """The lines handed over so far, as the workers read them."""
        self.cuts = cuts
        """Where each piece starts (and, last, the end of the file)."""
        self.pipes: list[Connection] = []
        self.processes: list[Any] = []
        try:
            with _ctrl_c_held():
                for k in range(min(workers, len(cuts) - 1)):
                    here, there = context.Pipe(duplex=False)
                    _widen(there)
                    self.pipes.append(here)
                    process = context.Process(target=_work, daemon=True,
                                              args=(fd, cuts, k, workers, name, limit, check,
                                                    there, os.getpid()))
                    self.processes.append(process)
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

    def _piece(self, k: int) -> tuple[str, list[Any], str]:
        """The next piece worker `k` hands over (waiting for it)."""
        try:
            kind, items, message = marshal.loads(self.pipes[k].recv_bytes())
        except EOFError:  # it ended without a word: killed (out of memory, kill -9)
            self.processes[k].join(5)
            code = self.processes[k].exitcode
            how = (f"was killed (signal {-code})" if code is not None and code < 0
                   else f"ended (exit code {code})")
            return "error", [], (f"{self.name}: the process checking lines of it {how}; "
                                 "nothing was imported")
        return kind, items, message

    def records(self) -> Iterator[tuple[int, RecordIn, int] | None]:
        """(line, record, bytes) of every line of the file, in order, each once a worker has
        passed it; a bad line (or a worker that could not go on) raises `CheckFailed`. None
        comes before a wait for the next piece: the time to merge what has come."""
        workers = len(self.pipes)
        for piece in range(len(self.cuts) - 1):
            if not self.pipes[piece % workers].poll():
                yield None
            kind, items, message = self._piece(piece % workers)
            for lineno, size, end, crc, values in items:
                self.sums.add(lineno, crc)
                yield lineno, unpacked(values, fetch=partial(self._whole, end - size, size,
                                                              crc)), size
            if kind != "ok":
                raise CheckFailed(message)

    def _whole(self, offset: int, size: int, crc: int) -> ExportRecord:
        """The record of the line at `offset`, read again, as the worker checked it."""
        raw = os.pread(self.fd, size, offset)
        if zlib.crc32(raw) != crc:
            raise CheckFailed(changed_message(self.name))
        return ExportRecord.model_validate(orjson.loads(raw))

    def close(self) -> None:
        """End the workers and wait for them; a Ctrl-C meanwhile (a second one, or one the
        system handed to another thread while the first was being handled) takes effect once
        they have ended, so that none is left running."""
        held = (_ctrl_c_held() if threading.current_thread() is threading.main_thread()
                else contextlib.nullcontext())
        with held:
            for process in self.processes:
                if process.pid is None:  # never started
                    continue
                if process.is_alive():
                    process.kill()
                process.join()
            for pipe in self.pipes:
                pipe.close()


__all__ = ["PARALLEL_BYTES", "PIECE_BYTES", "CheckFailed", "LineSums", "ParallelCheck",
           "changed_message", "sum_file", "worker_count"]
