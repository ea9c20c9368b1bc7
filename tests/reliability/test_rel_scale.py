"""Scale without timing: what one reviewer action costs must not grow with the project.

Timed figures live in `bench/scale.py`. Here the check is structural and deterministic: every
SQL statement a reviewer action runs on SQLite is planned as an index search, never a scan of
a whole table of claims, events or reviews. One such scan costs ~45 ms per action in a
380,000-claim project (bench/scale.py), beyond the two-frame budget of a key press.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from claims.project import Project
from tests.reliability.support import prepare_project

BIG_TABLES = ("claims", "events", "reviews")


def _scans(db: str, action: Callable[[Project], object]) -> list[str]:
    """Statements `action` runs that scan one of the big tables, with the plan step."""
    statements: list[str] = []
    with Project.open(db) as project:
        project.store._conn.set_trace_callback(statements.append)
        try:
            action(project)
        finally:
            project.store._conn.set_trace_callback(None)
    conn = sqlite3.connect(db)
    found = []
    try:
        for sql in dict.fromkeys(statements):
            if not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "INSERT")):
                continue
            for row in conn.execute("EXPLAIN QUERY PLAN " + sql):
                step = row[3]
                if step.startswith("SCAN") and step.split()[1] in BIG_TABLES:
                    found.append(f"{step}: {sql[:120]}")
    finally:
        conn.close()
    return found


@pytest.fixture
def ids(tmp_path: Path) -> tuple[str, list[str]]:
    db = str(tmp_path / "plan.db")
    claim_ids = prepare_project(db, n_articles=3)
    with Project.open(db) as project:
        project.set_verdict(claim_ids[0], "ana", "1")
        project.add_source(claim_ids[0], "ana", {"url": "https://example.org/1"})
    return db, claim_ids


def test_undo_redo_and_reads_of_one_claim_use_indexes(ids: tuple[str, list[str]]) -> None:
    db, claim_ids = ids

    def act(project: Project) -> None:
        project.undo("ana")
        project.redo("ana")
        with project.store.read() as tx:
            tx.claim_states(claim_ids=[claim_ids[0]])
            tx.events(claim_id=claim_ids[0])

    assert _scans(db, act) == []


def test_reviewer_actions_on_a_claim_use_indexes_only(ids: tuple[str, list[str]]) -> None:
    db, claim_ids = ids

    def act(project: Project) -> None:
        project.set_verdict(claim_ids[1], "ben", "2")
        project.set_status(claim_ids[1], "ben", "rejected")
        project.add_source(claim_ids[1], "ben", {"url": "https://example.org/2"})
        project.set_rationale(claim_ids[1][:6], "ben", "prefix of the id")

    assert _scans(db, act) == []
