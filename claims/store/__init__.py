"""Storage: the event log and the state derived from it, on SQLite or PostgreSQL.

`open_store(db, mode)` says what the caller means to do, so a typo never becomes a project:

- ``"create"`` (init, add, annotate, import): a missing SQLite file becomes a new project;
- ``"write"`` (review, undo, redo, ...): the project must exist;
- ``"read"`` (list, log, export, ...): the project must exist, and is opened read-only; nothing
  is created, migrated or switched to WAL.

A database that exists but is not ours (another application's SQLite file, a PostgreSQL
database with other tables) is refused in every mode: "not a claims database".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from claims.store.base import (
    ArticleSummary,
    SchemaTooNew,
    Store,
    StoreError,
    Transaction,
    new_event,
)
from claims.store.export_reads import StoredReview
from claims.store.imports import ClaimPlace, LocalReview
from claims.store.materialise import EventRow
from claims.store.target import Target, parse_target, redact

DEFAULT_DB = "claims.db"
OpenMode = Literal["create", "write", "read"]


def resolve_db(db: str | None) -> str:
    """`--db`, else `CLAIMS_DB`, else `./claims.db`; an empty value is a mistake, not a default."""
    target = db if db is not None else os.environ.get("CLAIMS_DB", DEFAULT_DB)
    if not target.strip():
        raise StoreError("the database (--db or CLAIMS_DB) is empty; give a file or a URL")
    return target


def open_store(db: str | None = None, mode: OpenMode = "create") -> Store:
    target = parse_target(resolve_db(db))
    if target.kind == "postgres":
        from claims.store.postgres import PostgresStore

        return PostgresStore(target.value, mode=mode)
    from claims.store.sqlite import SqliteStore

    return SqliteStore(Path(target.value), mode=mode)


__all__ = [
    "DEFAULT_DB",
    "ArticleSummary",
    "ClaimPlace",
    "EventRow",
    "LocalReview",
    "OpenMode",
    "SchemaTooNew",
    "Store",
    "StoreError",
    "StoredReview",
    "Target",
    "Transaction",
    "new_event",
    "open_store",
    "parse_target",
    "redact",
    "resolve_db",
]
