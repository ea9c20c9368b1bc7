"""Several reviewers at once, on SQLite and on PostgreSQL: nobody's work is lost or erased.

Four processes review the same project at the same time, on distinct claims and on the very
same claims, through `Project` and through the `claims review` command. Every acknowledged
event must be in the log, no process may fail ("database is locked" or otherwise), every
reviewer keeps a review of every claim they touched, and the materialised state is exactly
what the log says.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from claims.project import Project
from tests.reliability.support import (
    ROOT,
    WriterRun,
    collect,
    derived_state_mismatches,
    event_ids,
    integrity_check,
    prepare_project,
    spawn_writer,
)

WRITERS = 4
ACTIONS = 100


def _run_writers(url: str, claim_sets: list[list[str]], reviewers: list[str]) -> list[WriterRun]:
    start_at = str(time.time() + 1.5)  # past every writer's start-up: they all write at once
    procs = [
        spawn_writer(url, reviewer, seed, "--n", str(ACTIONS), "--claims", ",".join(claims),
                     "--start-at", start_at)
        for seed, (reviewer, claims) in enumerate(zip(reviewers, claim_sets, strict=True))
    ]
    return [collect(proc, reviewer, killed=False) for proc, reviewer in zip(procs, reviewers, strict=True)]


def _check(url: str, runs: list[WriterRun], reviewers: list[str]) -> None:
    for run in runs:
        assert run.returncode == 0, f"{run.reviewer} failed: {run.stderr}"
        assert "locked" not in run.stderr and run.stderr == ""
    acked = {fields[1] for run in runs for fields in run.acked}
    assert len(acked) >= WRITERS * ACTIONS // 2
    assert acked <= event_ids(url), "acknowledged events are missing"
    with Project.open(url) as project:
        touched: dict[str, set[str]] = {}
        for event in project.history():
            if event.type in ("verdict", "status", "source_add", "rationale"):
                touched.setdefault(event.claim_id, set()).add(event.reviewer)
        for reviewer in set(reviewers):
            n_acked = sum(len(r.acked) for r in runs if r.reviewer == reviewer)
            assert len(project.history(reviewer=reviewer)) == n_acked
        states = {s.claim.id: s for s in project.claims(include_hidden=True)}
        for claim_id, names in touched.items():
            have = {r.reviewer for r in states[claim_id].reviews}
            assert names <= have, f"{claim_id}: the reviews of {names - have} were erased"
    if not url.startswith("postgres"):
        assert integrity_check(url) == "ok"
    assert derived_state_mismatches(url) == []


def test_four_reviewers_on_distinct_claims(backend_url: str) -> None:
    claim_ids = prepare_project(backend_url, n_articles=2)
    assert len(claim_ids) >= 2 * WRITERS
    shares = [claim_ids[i::WRITERS] for i in range(WRITERS)]
    reviewers = [f"rev{i}" for i in range(WRITERS)]
    _check(backend_url, _run_writers(backend_url, shares, reviewers), reviewers)


def test_four_reviewers_on_identical_claims(backend_url: str) -> None:
    claim_ids = prepare_project(backend_url, n_articles=1)[:3]
    reviewers = [f"rev{i}" for i in range(WRITERS)]
    runs = _run_writers(backend_url, [claim_ids] * WRITERS, reviewers)
    _check(backend_url, runs, reviewers)
    with Project.open(backend_url) as project:
        for state in project.claims(include_hidden=True):
            if state.claim.id in claim_ids:
                assert len(state.reviews) == WRITERS


def test_one_reviewer_in_two_processes_on_the_same_claim(backend_url: str) -> None:
    """Two windows of the same reviewer: the log orders their writes, none is dropped."""
    claim_ids = prepare_project(backend_url, n_articles=1)[:1]
    reviewers = ["same", "same", "other", "other"]
    _check(backend_url, _run_writers(backend_url, [claim_ids] * 4, reviewers), reviewers)


def test_four_processes_adding_the_same_articles(backend_url: str) -> None:
    Project.open(backend_url).close()
    start_at = str(time.time() + 1.5)
    procs = [spawn_writer(backend_url, "adder", 42, "--mode", "add", "--n", "8",
                          "--start-at", start_at)
             for _ in range(WRITERS)]
    runs = [collect(proc, "adder", killed=False) for proc in procs]
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert run.stderr == ""
    ids = {fields[1] for run in runs for fields in run.acked}
    with Project.open(backend_url) as project:
        summaries = project.articles()
        assert {a.id for a in summaries} == ids and len(summaries) == 8
        assert len({a.ord for a in summaries}) == 8
        created: dict[str, int] = {}
        for run in runs:  # the process that created an article reports its claims, others 0
            for fields in run.acked:
                created[fields[1]] = max(created.get(fields[1], 0), int(fields[2]))
        for article_id, n_claims in created.items():
            assert len(project.claims(article_id, include_hidden=True)) == n_claims


def test_four_claims_review_command_loops_on_one_claim(backend_url: str) -> None:
    claim_id = prepare_project(backend_url, n_articles=1)[0]
    n = 4
    script = (
        "for i in $(seq 1 {n}); do "
        "{claims} review {cid} --verdict $((i % 4 + 1)) --source https://example.org/{who}/$i "
        "--reviewer {who} || exit 9; done"
    )
    claims = f"{sys.executable} -m annotator.cli"
    procs = [
        subprocess.Popen(
            ["bash", "-c", script.format(n=n, claims=claims, cid=claim_id, who=f"cli{k}")],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "CLAIMS_DB": backend_url},
        )
        for k in range(WRITERS)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0 and "locked" not in err, err
    with Project.open(backend_url) as project:
        state = project.claim(claim_id)
        assert len(state.reviews) == WRITERS
        for review in state.reviews:
            assert len(review.sources) == n, f"{review.reviewer} lost sources"
        assert len(project.history(claim_id)) == 2 * n * WRITERS


def test_sqlite_file_is_in_wal_mode_so_readers_never_block_writers(tmp_path: Path) -> None:
    db = str(tmp_path / "wal.db")
    prepare_project(db, n_articles=1)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with Project.open(db) as project:  # and every commit reaches the disk before "done"
        assert project.store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
