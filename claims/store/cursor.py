"""A typed handle over one database cursor inside one transaction, and the `meta` table.

The queries are written once with `?` placeholders; a backend's `_translate` hook turns them
into its own dialect. Differences that are more than spelling are hooks of the backend
(`Store.insert_article_row`, `Store.prefix_match`, `Store.column_types`, ...), never branches
in the queries or their callers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claims.store.base import Store

__all__ = ["Cursor"]


class Cursor:
    def __init__(self, store: Store, cur: Any) -> None:
        self.store = store
        self.cur = cur

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        self.cur.execute(self.store._translate(sql), tuple(params))
        return self.cur

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.cur.executemany(self.store._translate(sql), rows)

    def insert_rows(self, head: str, marks: str, rows: Sequence[Sequence[Any]],
                    tail: str = "") -> None:
        """`{head} VALUES {marks} {tail}` for each row, in order, as the backend inserts many
        rows best (`Store.insert_rows`); `tail` is an ON CONFLICT clause or empty."""
        if rows:
            self.store.insert_rows(self, head, marks, rows, tail)

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(self.execute(sql, params).fetchall())

    def get_meta(self, key: str) -> str | None:
        row = self.one("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def meta_with_prefix(self, prefix: str) -> dict[str, str]:
        """The meta entries whose key starts with `prefix`, by key."""
        condition, params = self.store.prefix_match("key", prefix)
        rows = self.all(f"SELECT key, value FROM meta WHERE {condition}", params)
        return {str(key): str(value) for key, value in rows}

    def delete_meta(self, key: str) -> None:
        self.execute("DELETE FROM meta WHERE key = ?", (key,))
