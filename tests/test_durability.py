"""Nothing acknowledged is lost: SIGKILLed writers, several processes writing at once."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from claims.project import Project
from tests.conftest import SAMPLE_TEXT, sample_claims

ROOT = Path(__file__).resolve().parents[1]

# A writer that prints a line only after each action has returned (i.e. committed).
WRITER = r"""
import sys
from claims.project import Project
db, reviewer, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
project = Project.open(db)
ids = [s.claim.id for s in project.claims()]
for i in range(n):
    claim = ids[i % len(ids)]
    if i % 3 == 0:
        project.set_verdict(claim, reviewer, str(1 + i % 4))
    elif i % 3 == 1:
        project.add_source(claim, reviewer, {"url": f"https://example.org/{reviewer}/{i}"})
    else:
        project.set_rationale(claim, reviewer, f"note {i}")
    print(f"ack {i}", flush=True)
"""


def _prepare(db: Path) -> list[str]:
    with Project.open(str(db)) as project:
        result = project.add_article(SAMPLE_TEXT, lang="fr", claims=sample_claims())
        return [s.claim.id for s in project.claims(result.article.id)]


def _spawn(db: Path, reviewer: str, n: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), reviewer, str(n)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _acknowledged_sources(project: Project, reviewer: str) -> set[str]:
    urls: set[str] = set()
    for state in project.claims():
        review = state.review_by(reviewer)
        if review:
            urls.update(s.url for s in review.sources)
    return urls


def test_sigkilled_writers_lose_no_acknowledged_event(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    _prepare(db)
    rng = random.Random(7)
    acknowledged: dict[str, int] = {}
    for round_ in range(8):
        reviewer = f"r{round_}"
        proc = _spawn(db, reviewer, 10_000)
        assert proc.stdout is not None
        deadline = time.monotonic() + rng.uniform(0.3, 1.2)
        last = -1
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line.startswith("ack"):
                last = int(line.split()[1])
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        acknowledged[reviewer] = last
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Project.open(str(db)) as project:
        for reviewer, last in acknowledged.items():
            assert last >= 0, "the writer never got going"
            events = project.history(reviewer=reviewer)
            assert len(events) >= last + 1, f"{reviewer}: acknowledged {last + 1}, kept {len(events)}"
            expected = {f"https://example.org/{reviewer}/{i}" for i in range(last + 1) if i % 3 == 1}
            assert expected <= _acknowledged_sources(project, reviewer)


def test_three_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    _prepare(db)
    n = 60
    procs = [_spawn(db, f"w{i}", n) for i in range(3)]
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert out.count("ack") == n
    with Project.open(str(db)) as project:
        for i in range(3):
            reviewer = f"w{i}"
            assert len(project.history(reviewer=reviewer)) == n
            expected = {f"https://example.org/{reviewer}/{k}" for k in range(n) if k % 3 == 1}
            assert _acknowledged_sources(project, reviewer) == expected
        # Each reviewer's review of every claim is intact: nobody overwrote anybody.
        for state in project.claims():
            assert {r.reviewer for r in state.reviews} == {"w0", "w1", "w2"}
