"""Crash safety: writers SIGKILLed at random moments lose nothing they acknowledged.

A writer acknowledges an action only after `Project` returned, i.e. after the commit. These
tests kill writers (a Python loop through `Project`, and the `claims` command line) at random
moments, then check that the file passes `PRAGMA integrity_check`, that every acknowledged
event is in the log, and that the materialised claims and reviews are exactly what the log
says (nothing half-applied). `bench/crash.py` runs the same with many more kills.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson

from claims.project import Project
from tests.reliability.support import (
    ROOT,
    collect,
    derived_state_mismatches,
    event_ids,
    integrity_check,
    kill_writers,
    prepare_project,
    spawn_writer,
    synthetic_article,
    wait_ready,
)

KILLS = 50
CLAIMS = [sys.executable, "-m", "annotator.cli"]


def test_project_writer_killed_50_times_keeps_every_acknowledged_action(tmp_path: Path) -> None:
    db = str(tmp_path / "kill.db")
    prepare_project(db)
    # Two writers at a time on the one file, each killed after its own random 20-300 ms.
    runs = kill_writers(db, KILLS, parallel=2, rng=random.Random(2026))
    assert runs["early_exits"] == 0
    assert len(runs["events"]) > KILLS, "the writers hardly wrote anything; the test proves little"
    assert integrity_check(db) == "ok"
    missing = set(runs["events"]) - event_ids(db)
    assert not missing, f"{len(missing)} acknowledged events lost, e.g. {sorted(missing)[:3]}"
    with Project.open(db) as project:
        for article_id, n_claims in runs["articles"].items():
            assert len(project.claims(article_id, include_hidden=True)) == n_claims
    assert derived_state_mismatches(db) == []


def test_writer_killed_while_creating_a_new_database_leaves_a_usable_file(tmp_path: Path) -> None:
    rng = random.Random(11)
    for attempt in range(5):
        db = str(tmp_path / f"new{attempt}.db")
        proc = subprocess.Popen(
            [*CLAIMS, "init", "--db", db], cwd=ROOT, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(0.05, 0.25))
        proc.kill()
        proc.communicate()
        prepare_project(db, n_articles=1)
        assert integrity_check(db) == "ok"


def _cli_loop_script(db: str, claim_ids: list[str], reviewer: str) -> str:
    """A shell loop of single-action `claims review` commands, acknowledging each one."""
    lines = ["set -u", "i=0", "while true; do"]
    lines.append("  case $((i % 3)) in")
    lines.append("    0) args=\"--verdict $((i % 4 + 1))\";;")
    lines.append(f"    1) args=\"--source https://example.org/{reviewer}/$i\";;")
    lines.append(f"    2) args=\"--note cli-note-{reviewer}-$i\";;")
    lines.append("  esac")
    ids = " ".join(claim_ids)
    lines.append(f"  set -- {ids}; shift $((i % $#)); cid=$1")
    lines.append(f"  {' '.join(CLAIMS)} review \"$cid\" $args --reviewer {reviewer} "
                 f"--db {db} >/dev/null && echo \"ack $i\"")
    lines.append("  i=$((i + 1))")
    lines.append("done")
    return "\n".join(lines)


def _read_acks(proc: subprocess.Popen[str], want: int, timeout: float = 600.0) -> list[str]:
    """The loop's first lines, read until `want` acknowledgements (or fail with its stderr)."""
    import select

    assert proc.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while sum(line.startswith("ack ") for line in lines) < want:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([proc.stdout], [], [], max(left, 0))
        line = proc.stdout.readline() if ready else ""
        if not line:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            raise AssertionError(f"the loop acknowledged {len(lines)} of {want}: {err}")
        lines.append(line.rstrip("\n"))
    return lines


def test_claims_review_command_loop_killed_at_random_keeps_acknowledged_reviews(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "cli.db")
    claim_ids = prepare_project(db, n_articles=1)[:6]
    rng = random.Random(5)
    acked: dict[str, list[int]] = {}
    waited_for = 0
    for kill in range(8):
        reviewer = f"cli{kill}"
        proc = subprocess.Popen(
            ["bash", "-c", _cli_loop_script(db, claim_ids, reviewer)], cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        # Wait for a few acknowledged commands (however slow the machine), then kill at a
        # random moment of the next one: the count of acks never depends on machine speed.
        want = rng.randint(1, 3)
        early = _read_acks(proc, want)
        waited_for += want
        time.sleep(rng.uniform(0.0, 0.3))
        os.killpg(proc.pid, signal.SIGKILL)  # the loop and the `claims` process inside it
        out, err = proc.communicate()
        assert "locked" not in err and "Traceback" not in err, err
        acked[reviewer] = [int(line.split()[1]) for line in [*early, *out.splitlines()]
                           if line.startswith("ack ")]
    assert sum(len(v) for v in acked.values()) >= waited_for
    assert integrity_check(db) == "ok"
    with Project.open(db) as project:
        for reviewer, numbers in acked.items():
            events = project.history(reviewer=reviewer)
            payloads = [orjson.dumps(e.payload).decode() for e in events]
            for i in numbers:
                if i % 3 == 1:
                    assert any(f"https://example.org/{reviewer}/{i}\"" in p for p in payloads)
                elif i % 3 == 2:
                    assert any(f"cli-note-{reviewer}-{i}\"" in p for p in payloads)
            assert len(events) >= len(numbers)
    assert derived_state_mismatches(db) == []


def _batch(tmp_path: Path, n: int) -> Path:
    rng = random.Random(3)
    batch = tmp_path / f"batch{n}.jsonl"
    with batch.open("wb") as fh:
        for i in range(n):
            text = synthetic_article(rng, paragraphs=3)
            fh.write(orjson.dumps({"id": f"a{i}", "text": text, "lang": "fr"}) + b"\n")
    return batch


def _group_members(pgid: int) -> list[int]:
    """The live (not zombie) processes of process group `pgid`."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


def test_claims_add_killed_midway_imports_all_articles_or_none(tmp_path: Path) -> None:
    batch = _batch(tmp_path, 60)
    rng = random.Random(3)
    outcomes: list[int | str] = []
    for attempt in range(5):
        db = str(tmp_path / f"add{attempt}.db")
        # Only the command is killed, as `kill -9` or the OOM killer would; its own session
        # lets the test sweep up whatever it leaves behind (see the orphan test below).
        proc = subprocess.Popen([*CLAIMS, "add", str(batch), "--db", db], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(rng.uniform(0.1, 1.2))
        proc.kill()
        proc.wait()
        _kill_group(proc.pid)
        if not Path(db).exists():
            outcomes.append("before open")
            continue
        assert integrity_check(db) == "ok"
        with Project.open(db) as project:
            n = len(project.articles())
        assert n in (0, 60), f"a killed `claims add` left {n} of 60 articles"
        if proc.returncode == 0:
            assert n == 60
        outcomes.append(n)
    assert outcomes  # each kill landed somewhere; all-or-nothing held every time


def test_killed_claims_add_leaves_no_orphan_extraction_workers(tmp_path: Path) -> None:
    """The extraction workers of a SIGKILLed `claims add` die with it (PR_SET_PDEATHSIG)."""
    batch = _batch(tmp_path, 400)
    db = str(tmp_path / "orphans.db")
    proc = subprocess.Popen([*CLAIMS, "add", str(batch), "--db", db], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while len(_group_members(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # until the extraction workers are up
        assert proc.poll() is None and len(_group_members(proc.pid)) >= 2
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 5
        while _group_members(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = _group_members(proc.pid)
        assert left == [], f"{len(left)} extraction workers outlived the killed `claims add`"
    finally:
        _kill_group(proc.pid)


def _reviewed_export(tmp_path: Path, n_articles: int = 12) -> Path:
    """A native JSONL export of a project where every claim has a verdict, source and note."""
    from claims.store import new_event
    from tests.reliability.support import sentence_claims

    source = str(tmp_path / "source.db")
    rng = random.Random(12)
    with Project.open(source) as project:
        for _ in range(n_articles):
            text = synthetic_article(rng, paragraphs=6)
            project.add_article(text, lang="fr", claims=sentence_claims(text))
        events = []
        for i, state in enumerate(project.claims()):
            claim = state.claim
            for type_, payload in (
                ("verdict", {"label": ("supported", "refuted")[i % 2]}),
                ("source_add", {"source": {"url": f"https://example.org/{i}", "title": "t",
                                           "quote": "", "stance": "supports",
                                           "accessed": None}}),
                ("rationale", {"text": f"checked {i}"}),
            ):
                events.append(new_event(type_, reviewer="far", article_id=claim.article_id,
                                        claim_id=claim.id, payload=payload))
        project.import_events(events)
    export = tmp_path / "reviews.jsonl"
    done = subprocess.run([*CLAIMS, "export", "--with-articles", "-q", "-o", str(export),
                           "--db", source], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return export


def test_claims_import_killed_midway_imports_all_reviews_or_none(tmp_path: Path) -> None:
    export = _reviewed_export(tmp_path)
    n_records = sum(1 for line in export.read_bytes().splitlines() if line.strip())
    rng = random.Random(21)
    outcomes = []
    for attempt in range(5):
        db = str(tmp_path / f"import{attempt}.db")
        Project.open(db).close()
        proc = subprocess.Popen([*CLAIMS, "import", str(export), "-q", "--db", db], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.1, 1.0))
        proc.kill()
        proc.communicate()
        assert integrity_check(db) == "ok"
        with Project.open(db) as project:
            reviewed = sum(1 for s in project.claims() if s.reviews)
        assert reviewed in (0, n_records), f"a killed import left {reviewed}/{n_records} reviews"
        if proc.returncode == 0:
            assert reviewed == n_records
        assert derived_state_mismatches(db) == []
        outcomes.append(reviewed)
    assert outcomes


def test_postgres_clients_killed_keep_every_acknowledged_action(pg_server: str) -> None:
    """On the team backend a killed client's open transaction is rolled back by the server."""
    from tests.pg import fresh_database

    url = fresh_database(pg_server)
    prepare_project(url)
    rng = random.Random(17)
    acked: list[str] = []
    for kill in range(6):
        proc = spawn_writer(url, f"pg{kill % 3}", kill)
        wait_ready(proc)
        time.sleep(rng.uniform(0.02, 0.30))
        os.kill(proc.pid, signal.SIGKILL)
        run = collect(proc, f"pg{kill % 3}", killed=True)
        acked.extend(fields[1] for fields in run.acked)
    assert len(acked) > 6
    assert set(acked) <= event_ids(url)
    assert derived_state_mismatches(url) == []


_ALONE_IMPORT = """
import os, sys
import claims.store.sqlite
import exports
import exports.importer
from claims.project import Project
from exports.merge import BatchMerger

claims.store.sqlite.BULK_CACHE_KIB = 20  # pages: changed pages reach the file early
exports.importer.ALONE_FROM = 0  # any file is imported as a large one
exports.importer.BATCH = 40
merged = 0
merge = BatchMerger.merge


def merge_then_die(self, batch):
    global merged
    merge(self, batch)
    merged += 1
    if merged == int(sys.argv[3]):
        os._exit(9)


BatchMerger.merge = merge_then_die
with Project.open(sys.argv[1]) as project:
    exports.import_file(project, sys.argv[2])
"""


def _journal_mode(db: str) -> str:
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])


def test_a_large_import_killed_on_its_rollback_journal_is_undone_even_by_a_reading_command(
    tmp_path: Path,
) -> None:
    """A large import into a project nobody has open runs on a rollback journal: killed half
    way, it leaves a hot journal and a file holding part of it. `claims list`, which opens the
    project read-only, rolls it back (SQLite's recovery) and reads the project as it was."""
    export = _reviewed_export(tmp_path)
    n_records = sum(1 for line in export.read_bytes().splitlines() if line.strip())
    assert n_records > 3 * 40, "too few records to be killed after three batches"
    db = str(tmp_path / "alone.db")
    Project.open(db).close()
    before = subprocess.run([*CLAIMS, "list", "--db", db], cwd=ROOT, capture_output=True,
                            text=True)
    assert before.returncode == 0, before.stderr
    done = subprocess.run([sys.executable, "-c", _ALONE_IMPORT, db, str(export), "3"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 9, done.stderr
    journal = Path(db + "-journal")
    assert journal.exists() and journal.stat().st_size > 0, "the import left no hot journal"
    assert not Path(db + "-wal").exists()

    listed = subprocess.run([*CLAIMS, "list", "--db", db], cwd=ROOT, capture_output=True,
                            text=True)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == before.stdout  # the claims as they were, with no review
    assert not journal.exists()
    assert integrity_check(db) == "ok"
    with Project.open(db) as project:
        assert not any(s.reviews for s in project.claims())
    assert _journal_mode(db) == "wal"  # a connection that writes puts the log back
    assert derived_state_mismatches(db) == []

    finished = subprocess.run([sys.executable, "-c", _ALONE_IMPORT, db, str(export), "0"],
                              cwd=ROOT, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert _journal_mode(db) == "wal" and not journal.exists()
    with Project.open(db) as project:
        assert sum(1 for s in project.claims() if s.reviews) == n_records
