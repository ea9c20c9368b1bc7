"""The database schema and the migrations that bring an older database up to date.

The event log (`events`) is the source of truth for everything reviewers did. `claims` and
`reviews` are materialised from it inside the same transaction that appends an event, so
readers never fold the log themselves. `articles` and the extractor's proposals in `claims.base`
are inputs, not reviewer actions.

Migrations are code: `MIGRATIONS[n]` takes a database at version n-1 to version n. A new
version appends to the list; `SCHEMA_VERSION` follows. The statements are the same on both
backends but for a few column types, which each backend gives as its `ColumnTypes` (a hook:
`Store.column_types`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "ColumnTypes", "describe", "pending_statements"]


@dataclass(frozen=True)
class ColumnTypes:
    """The column definitions that differ between backends."""

    seq: str
    """The log's position: numbered by the database, in commit order."""
    ord: str
    """An article's reading order (SQLite: given by the insert; PostgreSQL: an identity)."""
    real: str
    """A floating-point number."""


def _v1(types: ColumnTypes) -> list[str]:
    seq, ord_col, real = types.seq, types.ord, types.real
    return [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        f"""CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY,
            {ord_col},
            text TEXT NOT NULL,
            lang TEXT NOT NULL,
            title TEXT,
            url TEXT,
            published TEXT,
            external_id TEXT,
            metadata TEXT NOT NULL,
            added_at TEXT NOT NULL
        )""",
        f"""CREATE TABLE IF NOT EXISTS claims (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            score {real} NOT NULL,
            reasons TEXT NOT NULL,
            quantities TEXT NOT NULL,
            dates TEXT NOT NULL,
            speaker TEXT,
            origin TEXT NOT NULL,
            base TEXT NOT NULL,
            merged_into TEXT,
            live INTEGER NOT NULL DEFAULT 1
        )""",
        "CREATE INDEX IF NOT EXISTS claims_by_article ON claims (article_id, live, span_start)",
        f"""CREATE TABLE IF NOT EXISTS events (
            {seq},
            id TEXT NOT NULL UNIQUE,
            ts TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            type TEXT NOT NULL,
            article_id TEXT NOT NULL,
            claim_id TEXT NOT NULL,
            other_id TEXT,
            payload TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS events_by_claim ON events (claim_id, seq)",
        "CREATE INDEX IF NOT EXISTS events_by_other ON events (other_id)",
        "CREATE INDEX IF NOT EXISTS events_by_reviewer ON events (reviewer, seq)",
        """CREATE TABLE IF NOT EXISTS reviews (
            claim_id TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            status TEXT NOT NULL,
            verdict TEXT,
            sources TEXT NOT NULL,
            rationale TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (claim_id, reviewer)
        )""",
    ]


def _v2(types: ColumnTypes) -> list[str]:
    # Exports filter reviews by reviewer and by time; the key (claim_id, reviewer) cannot.
    return ["CREATE INDEX IF NOT EXISTS reviews_by_reviewer ON reviews (reviewer, updated_at)"]


def _v3(types: ColumnTypes) -> list[str]:
    # `claims list --article ID` and imports name articles by the id they had at the source.
    return ["CREATE INDEX IF NOT EXISTS articles_by_external_id ON articles (external_id)"]


def _v4(types: ColumnTypes) -> list[str]:
    # Adding an article reads MAX(ord); without an index that scans every article's text.
    return ["CREATE INDEX IF NOT EXISTS articles_by_ord ON articles (ord)"]


def _v5(types: ColumnTypes) -> list[str]:
    # Team review: whether an action is in effect becomes a column kept by the append path
    # (undo targets are an index lookup, not a count over the log); undo and redo events are
    # never themselves in effect. Reviews gain the claim as checked, claims their adjudication.
    return [
        "ALTER TABLE events ADD COLUMN active INTEGER NOT NULL DEFAULT 1",
        "UPDATE events SET active = CASE WHEN type IN ('undo', 'redo') THEN 0 "
        "WHEN (SELECT COUNT(*) FROM events t WHERE t.other_id = events.id "
        "AND t.type IN ('undo', 'redo')) % 2 = 0 THEN 1 ELSE 0 END",
        "CREATE INDEX IF NOT EXISTS events_in_effect ON events (reviewer, active, seq)",
        "CREATE INDEX IF NOT EXISTS events_by_reviewer_type ON events (reviewer, type, seq)",
        "ALTER TABLE reviews ADD COLUMN claim_text TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE claims ADD COLUMN adjudication TEXT",
    ]


def _v6(types: ColumnTypes) -> list[str]:
    # Published fact-checks (ClaimReview) loaded with `claims add --known`: reference claims
    # that the project's claims are matched against. Not reviews: no event, no undo.
    real = types.real
    return [
        f"""CREATE TABLE IF NOT EXISTS known_claims (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            rating TEXT NOT NULL,
            rating_value {real},
            best_rating {real},
            worst_rating {real},
            publisher TEXT,
            url TEXT,
            claimant TEXT,
            reviewed_on TEXT,
            lang TEXT,
            origin TEXT NOT NULL,
            added_at TEXT NOT NULL
        )""",
    ]


def _v7(types: ColumnTypes) -> list[str]:
    # The log may hold `review` events (an imported review set whole, one event for it): a
    # program older than this version would not fold them, so it must not open the project.
    return []


MIGRATIONS: list[Callable[[ColumnTypes], list[str]]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7]
SCHEMA_VERSION = len(MIGRATIONS)


def pending_statements(current: int, types: ColumnTypes) -> list[tuple[int, list[str]]]:
    """The statements that take a database from `current` to `SCHEMA_VERSION`, per version."""
    return [(n + 1, MIGRATIONS[n](types)) for n in range(current, SCHEMA_VERSION)]


def describe() -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "migrations": len(MIGRATIONS)}
