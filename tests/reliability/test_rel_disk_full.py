"""A full disk: the user gets a clear error naming the database, and nothing earlier is lost.

Two ways to run out of space: a real tiny filesystem (a tmpfs mounted for the test, when the
test runs as root and `mount` works, as in CI), and SQLite's own `max_page_count`, which yields
the same SQLITE_FULL anywhere. Either way the failed action must not be half-applied: the file
passes `PRAGMA integrity_check`, every event committed before is intact, the materialised state
matches the log, and once space is back, work goes on.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from annotator.cli import main
from claims.project import Project
from claims.store import StoreError
from claims.store import sqlite as sqlite_backend
from tests.reliability.support import (
    ROOT,
    derived_state_mismatches,
    event_ids,
    integrity_check,
    prepare_project,
    synthetic_article,
)

CLAIMS = [sys.executable, "-m", "annotator.cli"]
BIG_NOTE = "Une note très longue pour remplir le disque. " * 60


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLAIMS, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """A 448 KiB tmpfs, or a skip when this machine will not mount one for us."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root; the max_page_count test covers SQLITE_FULL")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=448k", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def _fill_until_full(db: str, claim_ids: list[str]) -> tuple[list[str], StoreError]:
    """Write long notes until the store refuses; the ids of the events it acknowledged."""
    acked: list[str] = []
    with Project.open(db) as project:
        for i in range(100_000):
            try:
                result = project.set_rationale(claim_ids[i % len(claim_ids)], "filler",
                                               f"{i} {BIG_NOTE}")
            except StoreError as exc:
                return acked, exc
            acked.append(result.event.id)
    raise AssertionError("the disk never filled up")


def _state(db: str) -> bytes:
    """Everything a reader sees: claims with reviews, as `claims list --format jsonl` prints."""
    done = _run("list", "--format", "jsonl", "--db", db)
    assert done.returncode == 0, done.stderr
    return done.stdout.encode()


def test_real_full_disk_gives_a_clear_error_and_keeps_earlier_work(tiny_fs: Path) -> None:
    db = str(tiny_fs / "claims.db")
    claim_ids = prepare_project(db, n_articles=1)
    acked, error = _fill_until_full(db, claim_ids)
    assert acked, "the disk was full before any review; make the tmpfs larger"
    assert db in str(error) and "disk is full" in str(error)

    before = _state(db)
    # The command line says so in one line, names the file, and exits 1.
    done = _run("review", claim_ids[0], "--note", BIG_NOTE * 4, "--reviewer", "late",
                "--db", db)
    assert done.returncode == 1
    assert done.stderr.startswith("claims: error: ") and db in done.stderr
    assert "disk is full" in done.stderr and "Traceback" not in done.stderr
    # A batch of articles that does not fit is refused whole.
    batch = tiny_fs.parent / "batch.jsonl"
    rng = random.Random(1)
    batch.write_bytes(b"".join(
        orjson.dumps({"id": f"b{i}", "text": synthetic_article(rng, 4)}) + b"\n" for i in range(30)
    ))
    done = _run("add", str(batch), "--db", db)
    assert done.returncode == 1 and db in done.stderr and "Traceback" not in done.stderr
    assert _state(db) == before

    assert integrity_check(db) == "ok"
    assert set(acked) <= event_ids(db)
    # Space comes back: the same project takes writes again and nothing was half-applied.
    subprocess.run(["mount", "-o", "remount,size=8m", str(tiny_fs)], check=True)
    assert derived_state_mismatches(db) == []
    done = _run("review", claim_ids[0], "--verdict", "1", "--reviewer", "late", "--db", db)
    assert done.returncode == 0, done.stderr
    done = _run("add", str(batch), "--db", db)
    assert done.returncode == 0, done.stderr
    assert integrity_check(db) == "ok"


def _fill(folder: Path) -> Path:
    """A file taking every free block of `folder`'s filesystem."""
    ballast = folder / "ballast"
    with ballast.open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass
    return ballast


def test_new_project_on_a_full_disk_fails_clearly_then_works_once_space_is_back(
    tiny_fs: Path,
) -> None:
    db = str(tiny_fs / "new.db")
    ballast = _fill(tiny_fs)
    done = _run("init", "--db", db)
    assert done.returncode == 1
    assert done.stderr.startswith(f"claims: error: {db}: ") and "disk is full" in done.stderr
    ballast.unlink()
    done = _run("init", "--db", db)  # whatever the failed attempt left is taken up cleanly
    assert done.returncode == 0, done.stderr
    prepare_project(db, n_articles=1)
    assert integrity_check(db) == "ok"


def test_export_to_a_full_disk_fails_clearly_and_keeps_the_previous_file(
    tiny_fs: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "claims.db")  # the project on a roomy disk, the export on the full one
    claim_ids = prepare_project(db, n_articles=3)
    with Project.open(db) as project:
        for cid in claim_ids:
            project.set_rationale(cid, "ana", BIG_NOTE)
    target = tiny_fs / "dataset.jsonl"
    target.write_bytes(b'{"previous": "export"}\n')
    _fill(tiny_fs)
    done = _run("export", "-o", str(target), "-q", "--db", db)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("claims: error: ") and "Traceback" not in done.stderr
    assert str(target) in done.stderr or "dataset.jsonl" in done.stderr, done.stderr
    assert target.read_bytes() == b'{"previous": "export"}\n'
    assert not [p for p in tiny_fs.iterdir() if p.name.endswith(".tmp")], "temp file left"


@pytest.fixture
def page_limit(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Every SQLite store opened from now on may grow by only `extra` pages (SQLITE_FULL)."""
    limit = {"extra": 2}
    original = sqlite_backend.SqliteStore.__init__

    def init(self: Any, path: Any, mode: str = "create") -> None:
        original(self, path, mode)
        if self.read_only:
            return  # a reader cannot fill the disk
        pages = self._conn.execute("PRAGMA page_count").fetchone()[0]
        self._conn.execute(f"PRAGMA max_page_count = {pages + limit['extra']}")

    monkeypatch.setattr(sqlite_backend.SqliteStore, "__init__", init)
    return limit


def test_sqlite_full_through_the_cli_is_a_clear_error_and_changes_nothing(
    tmp_path: Path, page_limit: dict[str, int]
) -> None:
    db = str(tmp_path / "claims.db")
    page_limit["extra"] = 10_000
    claim_ids = prepare_project(db, n_articles=2)
    runner = CliRunner()
    done = runner.invoke(main, ["review", claim_ids[0], "--verdict", "2", "--reviewer", "ana",
                                "--db", db])
    assert done.exit_code == 0, done.output
    kept = event_ids(db)
    before = _state(db)

    page_limit["extra"] = 0
    # 18,900 characters: under the rationale's cap, over the pages left.
    done = runner.invoke(main, ["review", claim_ids[1], "--note", BIG_NOTE * 7,
                                "--reviewer", "ana", "--db", db])
    assert done.exit_code == 1
    assert f"claims: error: {db}: " in done.output and "disk is full" in done.output
    assert "nothing was saved" in done.output
    batch = tmp_path / "more.txt"
    batch.write_text(synthetic_article(random.Random(9), 30), encoding="utf-8")
    done = runner.invoke(main, ["add", str(batch), "--db", db])
    assert done.exit_code == 1 and "disk is full" in done.output

    page_limit["extra"] = 10_000
    assert event_ids(db) == kept
    assert _state(db) == before
    assert integrity_check(db) == "ok"
    assert derived_state_mismatches(db) == []


def test_store_full_mid_session_keeps_every_acknowledged_event(
    tmp_path: Path, page_limit: dict[str, int]
) -> None:
    db = str(tmp_path / "claims.db")
    page_limit["extra"] = 10_000
    claim_ids = prepare_project(db, n_articles=1)
    page_limit["extra"] = 6
    acked, error = _fill_until_full(db, claim_ids)
    assert acked and "disk is full" in str(error)
    page_limit["extra"] = 10_000
    assert set(acked) <= event_ids(db)
    with Project.open(db) as project:
        assert len(project.history(reviewer="filler")) == len(acked)
    assert integrity_check(db) == "ok"
    assert derived_state_mismatches(db) == []


def test_review_with_several_options_is_all_or_nothing_when_the_disk_fills(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`claims review --verdict --note` is one transaction: a failure saves neither."""
    db = str(tmp_path / "claims.db")
    claim_ids = prepare_project(db, n_articles=1)
    from claims.store import Transaction

    original = Transaction._insert_event

    def insert_event(self: Any, event: Any) -> Any:
        if event.type == "rationale":  # the disk fills up exactly when the note is written
            raise sqlite3.OperationalError("database or disk is full")
        return original(self, event)

    monkeypatch.setattr(Transaction, "_insert_event", insert_event)
    done = CliRunner().invoke(main, ["review", claim_ids[0], "--verdict", "1", "--note", "why",
                                     "--reviewer", "ana", "--db", db])
    assert done.exit_code == 1 and "disk is full" in done.output
    monkeypatch.undo()
    with Project.open(db) as project:
        assert project.history(reviewer="ana") == [], "half of a refused command was saved"
