"""The embedded backend: one SQLite file in WAL mode, safe for several processes at once.

Writers take the write lock up front (`BEGIN IMMEDIATE`) so two processes never deadlock on a
lock upgrade; a busy file is waited for (busy timeout) and the transaction retried. Commits are
synchronous (`synchronous=FULL`): once `commit` returns, the event survives a crash of the
process or of the machine.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from claims.store.base import Store, StoreError, Transaction

BUSY_TIMEOUT_MS = 30_000
RETRY_FOR_S = 120.0
T = TypeVar("T")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _describe(path: str, exc: sqlite3.Error) -> str:
    message = str(exc)
    if "disk is full" in message or "disk I/O" in message:
        return f"{path}: cannot write, the disk is full or failing ({message}); nothing was saved"
    if "readonly" in message or "read-only" in message:
        return f"{path}: the database is read-only ({message})"
    if "not a database" in message or "malformed" in message:
        return f"{path}: not a claims database or damaged ({message})"
    return f"{path}: {message}"


class SqliteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)
        self.url = str(self.path)
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a database file")
        if not self.path.parent.exists():
            raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")
        try:
            conn = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise StoreError(_describe(self.url, exc)) from exc
        self._conn = conn
        self._migrate()

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
    def transaction(self, write: bool = True) -> Iterator[Transaction]:
        with self._lock:
            if self._conn is None:
                raise StoreError(f"{self.url}: the database is closed")
            cur = self._conn.cursor()
            try:
                self._retry(lambda: cur.execute("BEGIN IMMEDIATE" if write else "BEGIN"))
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
