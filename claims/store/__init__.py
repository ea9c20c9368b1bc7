"""Storage: the event log and the state derived from it, on SQLite or PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

from claims.store.base import (
    ArticleSummary,
    SchemaTooNew,
    Store,
    StoreError,
    Transaction,
    new_event,
)

DEFAULT_DB = "claims.db"


def resolve_db(db: str | None) -> str:
    """`--db`, else `CLAIMS_DB`, else `./claims.db`; an empty value is a mistake, not a default."""
    target = db if db is not None else os.environ.get("CLAIMS_DB", DEFAULT_DB)
    if not target.strip():
        raise StoreError("the database (--db or CLAIMS_DB) is empty; give a file or a URL")
    return target


def open_store(db: str | None = None) -> Store:
    target = resolve_db(db)
    if target.startswith(("postgresql://", "postgres://")):
        from claims.store.postgres import PostgresStore

        return PostgresStore(target)
    from claims.store.sqlite import SqliteStore

    return SqliteStore(Path(target))


__all__ = [
    "DEFAULT_DB",
    "ArticleSummary",
    "SchemaTooNew",
    "Store",
    "StoreError",
    "Transaction",
    "new_event",
    "open_store",
    "resolve_db",
]
