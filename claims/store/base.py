"""The store: an append-only event log plus the state materialised from it.

A `Store` is a connection and its transactions; everything done inside one goes through a
`Transaction` (`claims.store.transaction`): reviewer actions through `Transaction.append`, which
appends the event and re-derives the claims it touches before the transaction commits. Every
query of `claims/` and `exports/` is in this package: a named method of `Transaction` (its
parts: `claims.store.log`, `reads`, `materialise`, `imports`, `export_reads`, `known`,
`pending`, `cursor`) or of `Store` (schema checks), written once with `?` placeholders. SQLite
and PostgreSQL differ in how they connect, lock and spell a few things; each difference is a
hook of this class that the two backends (`claims.store.sqlite`, `claims.store.postgres`)
override: `_translate` (placeholders), `column_types` (schema), `insert_article_row` (reading
order), `insert_event_rows` and `bulk_transaction` (bulk appends), `prefix_match`,
`_table_names_in`, `transaction` (locking), `spool_dir` and `prefetch_reads`. Nothing else in
`claims/` or `exports/` asks which backend it runs on (`tests/test_store_layout.py`).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, ClassVar

from claims.model import Event, utc_now
from claims.store.cursor import Cursor
from claims.store.materialise import EventRow
from claims.store.reads import ArticleSummary
from claims.store.schema import SCHEMA_VERSION, ColumnTypes, pending_statements
from claims.store.transaction import Transaction


class StoreError(Exception):
    """A store operation failed in a way the user should hear about (disk full, locked...)."""


class SchemaTooNew(StoreError):
    pass


class NoProject(StoreError):
    """The database named does not exist, and the command does not create one."""


class NotAProject(StoreError):
    """The database exists but belongs to something else; it is left untouched."""


class Store:
    """Backend-independent logic; subclasses provide the connection and the transaction lock."""

    dialect: ClassVar[str]
    """The backend's name ("sqlite", "postgres"), for messages and tests; behaviour that
    differs is a hook below, never a test of this name."""
    column_types: ClassVar[ColumnTypes]
    """The column types the schema's statements take on this backend."""
    prefetch_reads: ClassVar[bool] = False
    """A long read gains from fetching its next rows on a thread while the caller works on the
    last ones (a server's round trips); an embedded file does not."""
    url: str = ""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._conn: Any = None

    # -- hooks the backends override ------------------------------------------------------

    def _translate(self, sql: str) -> str:
        """The query in the backend's placeholder style."""
        return sql

    def insert_article_row(self, tx: Transaction, row: dict[str, Any]) -> None:
        """Insert an article, giving it the next reading order (`ord`)."""
        (ord_,) = tx.one("SELECT COALESCE(MAX(ord), 0) + 1 FROM articles")
        columns = ", ".join(["ord", *row])
        marks = ", ".join("?" for _ in range(len(row) + 1))
        tx.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", [ord_, *row.values()])

    def insert_event_rows(self, tx: Transaction, rows: Sequence[EventRow]) -> None:
        """Append events in their stored shape, in order, skipping ids the log holds."""
        tx.insert_rows(
            "INSERT INTO events (id, ts, reviewer, type, article_id, claim_id, other_id, "
            "payload, active)", "(?, ?, ?, ?, ?, ?, ?, ?, 1)", rows, "ON CONFLICT (id) DO NOTHING",
        )

    def insert_rows(self, tx: Cursor, head: str, marks: str, rows: Sequence[Sequence[Any]],
                    tail: str) -> None:
        """`{head} VALUES {marks} {tail}` for each row, in order (`Cursor.insert_rows`)."""
        tx.executemany(f"{head} VALUES {marks} {tail}", rows)

    def prefix_match(self, column: str, prefix: str) -> tuple[str, list[Any]]:
        """A condition on `column` that is true exactly for values starting with `prefix`."""
        # SQLite compares text bytewise: this range is exactly the prefix, on the index.
        return f"{column} >= ? AND {column} < ?", [prefix, prefix + "\uffff"]

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Transaction]:
        """One atomic unit of work, committed when the block ends without an exception.

        `write=False` opens a read snapshot that never blocks writers.
        """
        raise NotImplementedError
        yield  # pragma: no cover

    def spool_dir(self) -> str | None:
        """Where a batch may spool to disk before its one transaction (None: the system's
        temporary folder); an embedded database spools beside its file."""
        return None

    def read(self) -> AbstractContextManager[Transaction]:
        return self.transaction(write=False)

    def bulk_transaction(self, alone: bool = False) -> AbstractContextManager[Transaction]:
        """A write transaction for a bulk append (an import of many records): the same
        guarantees as `transaction()`, tuned for many rows where a backend can be. `alone`:
        it is large enough that, when nobody else has the project open, the backend may keep
        it to itself while it runs (SQLite: a rollback journal instead of the log)."""
        return self.transaction()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------

    read_only: bool = False
    """Opened for reading only (`open_store(mode="read")`): write transactions are refused."""

    def _prepare(self, mode: str) -> None:
        """Check this is a claims database; create or upgrade its schema when `mode` allows.

        A database holding other tables and no claims schema is never touched. In "read" mode
        nothing is created or migrated.
        """
        with self.transaction(write=False) as tx:
            tables = self._table_names_in(tx)
            row = tx.one("SELECT value FROM meta WHERE key = 'schema_version'") \
                if "meta" in tables else None
        current = int(row[0]) if row and str(row[0]).isdigit() else 0
        if current == 0:
            if tables:
                shown = ", ".join(sorted(tables)[:5])
                raise NotAProject(
                    f"{self.url}: not a claims database (it holds other tables: {shown}); "
                    "nothing was changed"
                )
            if mode != "create":
                raise NoProject(f"no project at {self.url} (claims init creates one)")
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{self.url}: database schema version {current} is newer than this "
                f"program's ({SCHEMA_VERSION}); upgrade claims"
            )
        if mode == "read":
            if current < SCHEMA_VERSION:
                raise StoreError(
                    f"{self.url}: the project has schema version {current}, older than this "
                    f"program's ({SCHEMA_VERSION}); a writing command (claims init) upgrades it"
                )
            return
        self._migrate()

    def _table_names_in(self, tx: Transaction) -> set[str]:
        raise NotImplementedError

    def _migrate(self) -> None:
        with self.transaction() as tx:
            tx.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = tx.one("SELECT value FROM meta WHERE key = 'schema_version'")
            current = int(row[0]) if row else 0
            if current > SCHEMA_VERSION:
                raise SchemaTooNew(
                    f"{self.url}: database schema version {current} is newer than this "
                    f"program's ({SCHEMA_VERSION}); upgrade claims"
                )
            for version, statements in pending_statements(current, self.column_types):
                for statement in statements:
                    tx.execute(statement)
                tx.set_meta("schema_version", str(version))

    def schema_version(self) -> int:
        with self.read() as tx:
            value = tx.get_meta("schema_version")
        return int(value) if value else 0

    def get_meta(self, key: str) -> str | None:
        with self.read() as tx:
            return tx.get_meta(key)

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as tx:
            tx.set_meta(key, value)


def new_event(
    type_: str,
    *,
    reviewer: str,
    article_id: str,
    claim_id: str,
    other_id: str | None = None,
    payload: dict[str, Any] | None = None,
) -> Event:
    return Event(
        id=uuid.uuid4().hex,
        ts=utc_now(),
        reviewer=reviewer,
        type=type_,
        article_id=article_id,
        claim_id=claim_id,
        other_id=other_id,
        payload=payload or {},
    )


__all__ = [
    "ArticleSummary",
    "NoProject",
    "NotAProject",
    "SchemaTooNew",
    "Store",
    "StoreError",
    "Transaction",
    "new_event",
]
