"""Batch writes of the store: many events in one statement, many claims re-derived at once,
with the same outcome as one at a time."""

from __future__ import annotations

import sqlite3
from typing import Any

from claims.project import Project
from claims.store import new_event
from tests.helpers import review_of


def _snapshot(project: Project) -> tuple[list[Any], list[Any]]:
    with project.store.read() as tx:
        claims = tx.all(
            "SELECT id, span_start, span_end, text, quantities, dates, speaker, merged_into, "
            "live FROM claims ORDER BY id"
        )
        reviews = tx.all(
            "SELECT claim_id, reviewer, status, verdict, sources, rationale, created_at, "
            "updated_at FROM reviews ORDER BY claim_id, reviewer"
        )
    return [tuple(r) for r in claims], [tuple(r) for r in reviews]


def _scramble(project: Project) -> None:
    with project.store.transaction() as tx:
        tx.execute("DELETE FROM reviews")
        tx.execute("UPDATE claims SET text = 'x', span_start = 0, span_end = 1, live = 0, "
                   "merged_into = NULL, quantities = '[]'")


def test_rederive_many_equals_rederive_one_by_one(sample: tuple[Project, list[str]]) -> None:
    project, ids = sample
    project.set_verdict(ids[0], "ana", "1")
    project.add_source(ids[0], "ana", {"url": "https://example.org/a"})
    project.set_verdict(ids[0], "ben", "2")
    project.set_status(ids[1], "ana", "rejected")
    last = project.claim(ids[3]).claim
    project.set_span(ids[3], "ana", last.start, last.end - 3)
    project.merge_with_next(ids[1], "ana")  # she alone judged it (ben could not)
    project.set_rationale(ids[1], "ben", "merged")
    project.set_verdict(ids[1], "ben", "3")
    project.undo("ben")  # the verdict on ids[1]
    expected = _snapshot(project)
    with project.store.read() as tx:
        every = [row[0] for row in tx.all("SELECT id FROM claims")]

    _scramble(project)
    with project.store.transaction() as tx:
        tx.rederive_many(every)
    assert _snapshot(project) == expected

    _scramble(project)
    with project.store.transaction() as tx:
        for claim_id in every:
            tx.rederive(claim_id)
    assert _snapshot(project) == expected


def test_import_events_in_bulk_skips_held_ids_and_rederives(
    sample: tuple[Project, list[str]],
) -> None:
    project, ids = sample
    article_id = project.claim(ids[0]).claim.article_id
    events = [
        new_event("verdict", reviewer="far", article_id=article_id, claim_id=cid,
                  payload={"label": "supported"})
        for cid in ids
    ]
    assert project.import_events(events[:2]) == 2
    assert project.import_events(events + events) == len(ids) - 2
    states = {s.claim.id: s for s in project.claims()}
    assert all(review_of(states[cid], "far").verdict == "supported" for cid in ids)
    assert len(project.history(reviewer="far")) == len(ids)


def test_rows_inserted_many_to_a_statement_keep_their_order_and_conflicts(
    sample: tuple[Project, list[str]],
) -> None:
    project, _ = sample
    store = project.store
    rows = [(f"k{i % 17}", f"v{i}") for i in range(40)]  # keys repeated within and across
    with store.transaction() as tx:
        if store.dialect == "sqlite":  # 20 rows to a statement: keys repeat within one
            tx.cur.connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 40)
        tx.insert_rows("INSERT INTO meta (key, value)", "(?, ?)", rows,
                       "ON CONFLICT (key) DO NOTHING")
        first = dict(tx.all("SELECT key, value FROM meta WHERE key LIKE 'k%'"))
        tx.insert_rows("INSERT INTO meta (key, value)", "(?, ?)", rows,
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        last = dict(tx.all("SELECT key, value FROM meta WHERE key LIKE 'k%'"))
        tx.insert_rows("INSERT INTO meta (key, value)", "(?, ?)", [])
    assert first == {f"k{i}": f"v{i}" for i in range(17)}
    assert last == {f"k{i % 17}": f"v{i}" for i in range(40)}  # the last of each wins
