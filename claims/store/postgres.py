"""The team backend: a shared PostgreSQL database through psycopg 3.

Same schema and queries as SQLite (see `claims.store.base`); placeholders, identity columns,
prefix matching and locking are the hooks this backend overrides. Writers serialise on a
transaction-level advisory lock so that the log's order (`seq`) is the order in which state was
derived, exactly as with SQLite's single writer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from claims.store.base import Store, StoreError, Transaction
from claims.store.schema import ColumnTypes
from claims.store.target import redact

__all__ = ["PostgresStore"]

_WRITE_LOCK_KEY = 0x636C61696D73  # "claims"
_PLACEHOLDER = re.compile(r"\?")


class PostgresStore(Store):
    dialect = "postgres"
    column_types = ColumnTypes(
        seq="seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        ord="ord BIGINT GENERATED ALWAYS AS IDENTITY",
        real="DOUBLE PRECISION",
    )
    prefetch_reads = True

    def __init__(self, url: str, mode: str = "create") -> None:
        super().__init__()
        self.url = redact(url)  # shown in messages; the password never is
        self.read_only = mode == "read"
        self._dsn = url
        try:
            import psycopg  # deferred: only teams on PostgreSQL pay for the import
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL support needs psycopg: pip install 'claims[postgres]'"
            ) from exc
        self._psycopg = psycopg
        try:
            self._conn = psycopg.connect(url, autocommit=False)
        except (psycopg.Error, ValueError) as exc:
            raise StoreError(f"cannot connect to {self.url}: {_one_line(exc)}") from None
        try:
            self._prepare(mode)
        except StoreError:
            self.close()
            raise

    def reader(self) -> PostgresStore:
        """The same database on a read-only connection of its own (long exports)."""
        return PostgresStore(self._dsn, mode="read")

    def _table_names_in(self, tx: Transaction) -> set[str]:
        rows = tx.all("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return {row[0] for row in rows}

    def _translate(self, sql: str) -> str:
        sql = sql.replace("%", "%%")
        return _PLACEHOLDER.sub("%s", sql)

    def insert_article_row(self, tx: Transaction, row: dict[str, Any]) -> None:
        # `ord` is an identity column: concurrent writers never read MAX(ord).
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        tx.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", list(row.values()))

    def prefix_match(self, column: str, prefix: str) -> tuple[str, list[Any]]:
        # A range on a collated text column is not a prefix match under every locale.
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return f"{column} LIKE ? ESCAPE '\\'", [pattern]

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Transaction]:
        psycopg = self._psycopg
        with self._lock:
            if self._conn is None:
                raise StoreError(f"{self.url}: the database is closed")
            conn: Any = self._conn
            cur = conn.cursor()
            try:
                if write and self.read_only:
                    raise StoreError(f"{self.url}: opened read-only; nothing was saved")
                if write:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK_KEY,))
                else:
                    # One snapshot for the whole read, as SQLite gives: claims and their
                    # reviews never come from two sides of another reviewer's commit.
                    cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield Transaction(self, cur)
            except BaseException as exc:
                conn.rollback()
                if isinstance(exc, psycopg.Error):
                    raise StoreError(f"{self.url}: {_one_line(exc)}") from exc
                raise
            else:
                try:
                    conn.commit()
                except psycopg.Error as exc:
                    conn.rollback()
                    raise StoreError(f"{self.url}: {_one_line(exc)}") from exc
            finally:
                cur.close()



def _one_line(exc: BaseException) -> str:
    """libpq's message on one line (it adds hint lines), with any password masked."""
    return redact("; ".join(line.strip() for line in str(exc).splitlines() if line.strip()))

