"""Reads of the event log: one event, a claim's history, undo and redo targets, changes since,
the claims an event touches, and the log as agreement and reviewer statistics read it.

Whether an action is in effect is a column (`events.active`), kept by `Transaction.append` when
an undo or redo names it, so finding the action to undo is one index lookup however long a
reviewer's history grows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from claims.model import (
    ACTION_TYPES,
    CLAIM_EVENT_TYPES,
    HISTORY_EVENT_TYPES,
    REVIEW_EVENT_TYPES,
    STRUCTURAL_EVENT_TYPES,
    Event,
)
from claims.store.cursor import Cursor
from claims.store.rows import EVENT_COLUMNS, LogEvent, event_from_row, log_event_from_row, parse_ts

__all__ = ["EventLog"]

_STRUCTURAL = ", ".join(f"'{t}'" for t in STRUCTURAL_EVENT_TYPES)
_JUDGEMENTS = ", ".join(f"'{t}'" for t in REVIEW_EVENT_TYPES + CLAIM_EVENT_TYPES)
_BOUNDARY_HISTORY = ", ".join(f"'{t}'" for t in STRUCTURAL_EVENT_TYPES + HISTORY_EVENT_TYPES)


class EventLog(Cursor):
    def event(self, event_id: str) -> Event | None:
        row = self.one(f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,))
        return event_from_row(row) if row else None

    def claims_touched_by(self, event: Event) -> tuple[str, ...]:
        """The claims whose state `event` changes: those it names (`Event.touched_claims`) and,
        for an undo or redo, those of the action it takes back or puts back."""
        touched = event.touched_claims()
        if event.type in HISTORY_EVENT_TYPES and event.other_id:
            target = self.event(event.other_id)
            if target is not None:
                touched += target.touched_claims()
        return touched

    def has_event(self, event_id: str) -> bool:
        return self.one("SELECT 1 FROM events WHERE id = ?", (event_id,)) is not None

    def is_active(self, event_id: str) -> bool:
        row = self.one("SELECT active FROM events WHERE id = ?", (event_id,))
        return bool(row and row[0])

    def last_seq(self) -> int:
        """The high-water mark of the log: the newest event's position, 0 when empty."""
        row = self.one("SELECT MAX(seq) FROM events")
        return int(row[0]) if row and row[0] is not None else 0

    def events_since(self, seq: int, limit: int = 10_000) -> list[Event]:
        rows = self.all(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT {int(limit)}",
            (seq,),
        )
        return [event_from_row(row) for row in rows]

    def undo_target(self, reviewer: str) -> Event | None:
        """The reviewer's latest action that is still in effect."""
        row = self.one(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE reviewer = ? AND active = 1 "
            "ORDER BY seq DESC LIMIT 1",
            (reviewer,),
        )
        return event_from_row(row) if row else None

    def last_action_seq(self, reviewer: str) -> int:
        """Where the reviewer's latest action (in effect or undone) sits in the log."""
        best = 0
        for type_ in ACTION_TYPES:  # one index lookup per type
            row = self.one(
                "SELECT MAX(seq) FROM events WHERE reviewer = ? AND type = ?", (reviewer, type_)
            )
            if row and row[0] is not None:
                best = max(best, int(row[0]))
        return best

    def redo_target(self, reviewer: str) -> Event | None:
        """The action the reviewer's latest undo took back, if no new action came since."""
        floor = self.last_action_seq(reviewer)
        below: int | None = None
        while True:  # newest undo first; nearly always the first one is the answer
            row = self.one(
                "SELECT other_id, seq FROM events WHERE reviewer = ? AND type = 'undo' "
                "AND seq > ? AND seq < ? ORDER BY seq DESC LIMIT 1",
                (reviewer, floor, below if below is not None else 2**62),
            )
            if row is None:
                return None
            if not self.is_active(row[0]):
                return self.event(row[0])
            below = int(row[1])

    def later_structural_change(self, target: Event) -> Event | None:
        """An active boundary change (span, merge, drawing) made after `target` to the claims
        `target` touches, by anyone: undoing or redoing `target` under it would overlap or hide
        text."""
        claims = list(target.touched_claims())
        marks = ", ".join("?" for _ in claims)
        row = self.one(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE seq > ? AND id != ? "
            f"AND type IN ({_STRUCTURAL}) "
            f"AND (claim_id IN ({marks}) OR (type = 'merge' AND other_id IN ({marks}))) "
            "AND active = 1 ORDER BY seq DESC LIMIT 1",
            (target.seq, target.id, *claims, *claims),
        )
        return event_from_row(row) if row else None

    def later_judgement_by_others(self, target: Event) -> Event | None:
        """An active review or adjudication of a claim `target` touches, made after `target`
        by someone else: undoing `target` would leave it on text its author never judged (or
        hide it with a drawn claim)."""
        claims = list(target.touched_claims())
        marks = ", ".join("?" for _ in claims)
        row = self.one(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE seq > ? AND reviewer != ? "
            f"AND type IN ({_JUDGEMENTS}) AND claim_id IN ({marks}) AND active = 1 "
            "ORDER BY seq DESC LIMIT 1",
            (target.seq, target.reviewer, *claims),
        )
        return event_from_row(row) if row else None

    def last_structural_change(self, claim_id: str) -> Event | None:
        """The latest boundary change touching the claim, or the latest undo or redo of one."""
        row = self.one(
            f"SELECT {EVENT_COLUMNS} FROM events e WHERE "
            f"((e.type IN ({_STRUCTURAL}) AND (e.claim_id = ? OR (e.type = 'merge' "
            "AND e.other_id = ?))) OR (e.type IN ('undo', 'redo') AND e.other_id IN "
            f"(SELECT t.id FROM events t WHERE t.type IN ({_STRUCTURAL}) AND (t.claim_id = ? "
            "OR (t.type = 'merge' AND t.other_id = ?))))) ORDER BY e.seq DESC LIMIT 1",
            (claim_id, claim_id, claim_id, claim_id),
        )
        return event_from_row(row) if row else None

    def events(
        self,
        *,
        claim_id: str | None = None,
        reviewer: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[Event]:
        where, params = [], []
        if claim_id is not None:
            where.append(
                "(claim_id = ? OR (type = 'merge' AND other_id = ?) OR (type IN ('undo', 'redo') "
                "AND other_id IN (SELECT m.id FROM events m WHERE m.type = 'merge' "
                "AND m.other_id = ?)))"
            )
            params += [claim_id, claim_id, claim_id]
        if reviewer is not None:
            where.append("reviewer = ?")
            params.append(reviewer)
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        sql = f"SELECT {EVENT_COLUMNS} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq DESC" if newest_first else " ORDER BY seq"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [event_from_row(row) for row in self.all(sql, params)]

    def active_events_touching(self, claim_id: str) -> list[Event]:
        rows = self.all(
            f"SELECT {EVENT_COLUMNS} FROM events "
            "WHERE (claim_id = ? OR (type = 'merge' AND other_id = ?)) AND active = 1 "
            "ORDER BY seq",
            (claim_id, claim_id),
        )
        return [event_from_row(row) for row in rows]

    def reviewers(self) -> set[str]:
        """Everyone who has an event in the log."""
        return {row[0] for row in self.all("SELECT DISTINCT reviewer FROM events")}

    def has_reviewer(self, name: str) -> bool:
        """Whether `name` has an event in the log: one index lookup, however long the log."""
        return self.one("SELECT 1 FROM events WHERE reviewer = ? LIMIT 1", (name,)) is not None

    def boundary_history(self, article_ids: Sequence[str] = ()) -> list[LogEvent]:
        """Every boundary action (span, drawing, merge) and every undo or redo, in log order,
        of the articles given (none: of every article); undone ones included."""
        sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE type IN ({_BOUNDARY_HISTORY})"
        params: list[Any] = []
        if article_ids:
            sql += f" AND article_id IN ({', '.join('?' for _ in article_ids)})"
            params += list(article_ids)
        return [log_event_from_row(row) for row in self.all(sql + " ORDER BY seq", params)]

    def action_times(self) -> list[tuple[str, datetime, int, str]]:
        """(reviewer, time, seq, claim id) of every event, in log order."""
        rows = self.all("SELECT reviewer, ts, seq, claim_id FROM events ORDER BY seq")
        return [(r[0], parse_ts(r[1]), int(r[2]), r[3]) for r in rows]
