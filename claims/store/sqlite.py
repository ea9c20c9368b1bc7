"""The embedded backend: one SQLite file in WAL mode, safe for several processes at once.

Writers take the write lock up front (`BEGIN IMMEDIATE`) so two processes never deadlock on a
lock upgrade; a busy file is waited for (busy timeout) and the transaction retried. Commits are
synchronous (`synchronous=FULL`): once `commit` returns, the event survives a crash of the
process or of the machine.

A large bulk transaction (`bulk_transaction(alone=True)`: an import of a big file) into a
file no other connection has open runs on a rollback journal instead of the log, and the file
goes back to WAL after it. The log would take each page twice (into the log, then copied into
the database at the checkpoint); a rollback journal takes only the pages that held data before,
and an import mostly appends new ones. The transaction takes the file's exclusive lock up front
(`BEGIN EXCLUSIVE`), so a process that opens the project meanwhile waits for the import (for
its busy timeout, then it says the project is busy), and the import never waits for it. A
process killed in the middle leaves a hot journal: the next connection that can write rolls it
back (SQLite's own recovery), and a reading command does the same before it reads
(`_recover`). When the file cannot go back to WAL at once (a reader holds it), the connection
stays on the journal with `synchronous=EXTRA` and tries again before its next transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from claims.store.base import NoProject, Store, StoreError, Transaction
from claims.store.cursor import Cursor
from claims.store.schema import ColumnTypes

__all__ = ["BUSY_TIMEOUT_MS", "RETRY_FOR_S", "SqliteStore"]

BUSY_TIMEOUT_MS = 30_000
RETRY_FOR_S = 120.0
_READONLY_ROLLBACK = 776
"""SQLITE_READONLY_ROLLBACK: a read-only connection met a hot journal it cannot roll back."""
BULK_CACHE_KIB = -131072
"""Page cache of a bulk transaction (negative: KiB, SQLite's convention), 128 MB."""
T = TypeVar("T")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _describe(path: str, exc: sqlite3.Error) -> str:
    message = str(exc)
    if "disk is full" in message or "disk I/O" in message:
        return f"{path}: cannot write, the disk is full or failing ({message}); nothing was saved"
    if "readonly" in message or "read-only" in message:
        return f"{path}: the database is read-only ({message}); nothing was saved"
    if "not a database" in message or "malformed" in message:
        return f"{path}: not a claims database or damaged ({message})"
    if "database is locked" in message:
        return (f"{path}: busy: another command has held the project longer than this one "
                "waits (a large import keeps it to itself until it ends); nothing was changed, "
                "try again when it is done")
    if message.startswith("Could not decode to UTF-8"):  # a page overwritten: never show it
        column = message.split("'")[1] if message.count("'") >= 2 else "text"
        return (f"{path}: damaged: a stored {column[:40]} is not UTF-8 text; restore the "
                "file from a backup (PRAGMA integrity_check lists what else is hit)")
    return f"{path}: {message}"


@contextmanager
def _without_waiting(conn: sqlite3.Connection) -> Iterator[None]:
    """A statement that must not wait on another connection's lock (a busy file answers at
    once), then the usual busy timeout again."""
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _open_read_only(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


class SqliteStore(Store):
    dialect = "sqlite"
    column_types = ColumnTypes(
        seq="seq INTEGER PRIMARY KEY AUTOINCREMENT", ord="ord INTEGER NOT NULL", real="REAL"
    )

    ROWS_PER_INSERT = 500

    def insert_rows(self, tx: Cursor, head: str, marks: str, rows: Sequence[Sequence[Any]],
                    tail: str) -> None:
        # A statement a row costs SQLite a statement's setup for each (and, on the event log,
        # an update of its AUTOINCREMENT counter): 500 rows to a statement insert an import's
        # 27,000 events in 0.22 s of CPU instead of 0.28-0.45 s (measured on one database).
        # A statement takes at most SQLITE_LIMIT_VARIABLE_NUMBER values (999 before 3.32).
        limit = tx.cur.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        per = max(1, min(self.ROWS_PER_INSERT, limit // max(1, marks.count("?"))))
        for at in range(0, len(rows), per):
            chunk = rows[at : at + per]
            tx.execute(f"{head} VALUES {', '.join([marks] * len(chunk))} {tail}",
                       [value for row in chunk for value in row])

    def __init__(self, path: str | Path, mode: str = "create") -> None:
        super().__init__()
        self._wal_pending = False
        """A bulk transaction left this connection on a rollback journal (`_back_to_wal`)."""
        self.path = Path(path)
        self.url = str(self.path)
        self.read_only = mode == "read"
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a database file")
        if not self.path.exists():
            if mode != "create":
                raise NoProject(f"no project at {self.path} (claims init creates one)")
            if not self.path.parent.exists():
                raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")
        elif not self.path.is_file():
            raise StoreError(f"{self.path}: not a regular file, not a database")
        try:
            conn = self._connect()
        except sqlite3.Error as exc:
            raise StoreError(self._describe_open(exc)) from exc
        self._conn = conn
        try:
            self._prepare(mode)
            if not self.read_only:
                # Only a claims database is switched to WAL (never another application's).
                self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL"))
        except sqlite3.Error as exc:
            self.close()
            raise StoreError(self._describe_open(exc)) from exc
        except StoreError:
            self.close()
            raise

    def reader(self) -> SqliteStore:
        """The same database on a read-only connection of its own (long exports)."""
        return SqliteStore(self.path, mode="read")

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            try:
                conn = self._open_recovered(uri)
            except sqlite3.OperationalError as exc:
                # SQLite says "unable to open", or since 3.22 "attempt to write a readonly
                # database" (SQLITE_READONLY_DIRECTORY), when it cannot create the -shm file.
                if "unable to open" not in str(exc) and "readonly database" not in str(exc):
                    raise
                # A WAL database on a read-only medium without its -shm file: nobody can be
                # writing it, so read it as immutable.
                conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                                       check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
        else:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _open_recovered(self, uri: str) -> sqlite3.Connection:
        """A read-only connection, once any hot journal is rolled back (`_recover`). Never
        lets a hot journal through to the `immutable` fallback, which would read the pages of
        an unfinished transaction."""
        for _ in range(3):
            try:
                return _open_read_only(uri)
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorcode", None) != _READONLY_ROLLBACK:
                    raise
            self._recover()
        raise StoreError(f"{self.path}: imports into this project keep being stopped before "
                         "they end; nothing of them was kept, try again")

    def _recover(self) -> None:
        """Roll back the transaction a killed process left in a rollback journal (a bulk
        import, see the module docstring), which a read-only connection cannot do: a
        connection that can write does it on its first read, and changes nothing else. The
        project is then as its last commit left it."""
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None)
            try:
                conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")
            finally:
                conn.close()
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"{self.path}: an import into this project was stopped before it ended and "
                f"must be rolled back, which needs write access to the file and its folder "
                f"({exc}); nothing of it was kept") from exc

    def _describe_open(self, exc: sqlite3.Error) -> str:
        if "unable to open" in str(exc) and self.path.exists() and not self.read_only:
            return (f"{self.path}: cannot open for writing: the file or its folder is read-only "
                    f"({exc}); reading commands (list, log, export) still work")
        return _describe(self.url, exc)

    def _table_names_in(self, tx: Transaction) -> set[str]:
        rows = tx.all("SELECT name FROM sqlite_master WHERE type = 'table' "
                      "AND name NOT LIKE 'sqlite_%'")
        return {row[0] for row in rows}

    def spool_dir(self) -> str | None:
        return str(self.path.resolve().parent)

    @contextmanager
    def bulk_transaction(self, alone: bool = False) -> Iterator[Transaction]:
        # The event log's unique id index takes its inserts at random places: with SQLite's
        # default 2 MB page cache a large import rereads index pages for most rows (100,000
        # records: event inserts 5.3 -> 3.4 s). A million-record one writes 0.8 GB of pages;
        # with 64 MB it merges in 69.6 s on a rollback journal, 63-64 s with 128 MB, 61.7 s
        # with 256 MB (and 74.8, 73.2, 71.1 s in WAL), measured on one machine. The cache is
        # a bound, not an allocation.
        with self._lock:
            if self._conn is None:
                raise StoreError(f"{self.url}: the database is closed")
            conn = self._conn
            (before,) = conn.execute("PRAGMA cache_size").fetchone()
            conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
            journal = False
            try:
                journal = alone and not self.read_only and self._rollback_journal()
                with self.transaction(begin="BEGIN EXCLUSIVE" if journal else None) as tx:
                    yield tx
            finally:
                if self._conn is not None:
                    conn.execute(f"PRAGMA cache_size = {int(before)}")
                    if journal:
                        self._back_to_wal()

    def _rollback_journal(self) -> bool:
        """Switch this connection from the log to a rollback journal when no other connection
        has the file open (SQLite refuses the switch otherwise: the transaction then runs in
        WAL as any other). EXTRA: the journal's removal, which commits, is synced too."""
        conn = self._conn
        assert conn is not None
        try:
            with _without_waiting(conn):
                (mode,) = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                return False
            # The switch checkpoints the log first: a full disk fails it (nothing is lost).
            raise StoreError(_describe(self.url, exc)) from exc
        if str(mode).lower() != "delete":
            return False
        conn.execute("PRAGMA synchronous = EXTRA")
        return True

    def _back_to_wal(self) -> None:
        """Back to the log after a bulk transaction on a rollback journal. A process that opened
        the file meanwhile may hold it: then this connection tries again before its next
        transaction (`_wal_pending`), and any other that writes switches it when it opens."""
        conn = self._conn
        assert conn is not None
        mode = "delete"
        with contextlib.suppress(sqlite3.OperationalError), _without_waiting(conn):
            (mode,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        self._wal_pending = str(mode).lower() != "wal"
        if not self._wal_pending:  # (the switch itself committed under EXTRA)
            conn.execute("PRAGMA synchronous = FULL")

    @staticmethod
    def _retry(fn: Callable[[], T]) -> T:
        deadline = time.monotonic() + RETRY_FOR_S
        delay = 0.01
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    @contextmanager
    def transaction(self, write: bool = True, *, begin: str | None = None
                    ) -> Iterator[Transaction]:
        """`begin`: the statement that opens it, when not the usual one (a bulk transaction on
        a rollback journal takes the exclusive lock)."""
        with self._lock:
            if self._conn is None:
                raise StoreError(f"{self.url}: the database is closed")
            if write and self.read_only:
                raise StoreError(f"{self.url}: opened read-only; nothing was saved")
            if self._wal_pending:
                self._back_to_wal()
            cur = self._conn.cursor()
            begin = begin or ("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                self._retry(lambda: cur.execute(begin))
            except sqlite3.Error as exc:
                raise StoreError(_describe(self.url, exc)) from exc
            try:
                yield Transaction(self, cur)
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    cur.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(_describe(self.url, exc)) from exc
                raise
            else:
                try:
                    self._retry(lambda: cur.execute("COMMIT"))
                except sqlite3.Error as exc:
                    with contextlib.suppress(sqlite3.Error):
                        cur.execute("ROLLBACK")
                    raise StoreError(_describe(self.url, exc)) from exc
            finally:
                cur.close()
