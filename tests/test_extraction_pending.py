"""An article stored before its claims: extraction window by window, resumable after a kill,
and the other commands say what they see."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from annotator.cli import main as cli
from claims.extract import extract_records
from claims.extract import stream as extract_stream
from claims.model import article_id_for
from claims.project import Project
from tests.reliability.support import synthetic_article

ROOT = Path(__file__).resolve().parents[1]


def _text() -> str:
    return synthetic_article(random.Random(5), paragraphs=30, lang="fr")


def _expected(text: str) -> list[str]:
    return [r["id"] for r in extract_records(text, lang="fr", article_id=article_id_for(text))]


def test_a_stopped_extraction_goes_on_where_it_stopped(
    backend_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_stream, "WINDOW", 1500)
    text = _text()
    with Project.open(backend_url) as project:
        (added,) = project.add_articles([{"text": text, "lang": "fr"}], defer_longer_than=1000)
        assert added.pending and project.extraction_pending(added.id) == 0
        chunks: list[int] = []
        n = project.continue_extraction(added.id, lambda s: chunks.append(len(s)),
                                        stop=lambda: len(chunks) >= 2)
        offset = project.extraction_pending(added.id)
        assert offset is not None and 0 < offset < len(text)
        stored = project.claims(added.id)
        assert n == len(stored) == sum(chunks) > 0
        assert all(s.claim.end <= offset for s in stored)
        assert project.continue_extraction(added.id) == len(_expected(text)) - n
        assert [s.claim.id for s in project.claims(added.id)] == _expected(text)
        assert project.extraction_pending(added.id) is None
        assert project.pending_extractions() == {}
        assert project.continue_extraction(added.id) == 0


_KILLED = """
import sys
from claims.extract import stream
from claims.project import Project
stream.WINDOW = 1500
with Project.open(sys.argv[1]) as project:
    (aid,) = project.pending_extractions()
    project.continue_extraction(aid)
"""


def test_a_kill_mid_extraction_leaves_a_consistent_project_that_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_stream, "WINDOW", 1500)
    db = str(tmp_path / "killed.db")
    text = _text()
    with Project.open(db) as project:
        (added,) = project.add_articles([{"text": text, "lang": "fr"}], defer_longer_than=1000)
    child = subprocess.Popen([sys.executable, "-c", _KILLED, db], cwd=ROOT)
    key = "extraction_pending:" + added.id
    try:
        deadline = time.monotonic() + 120
        while True:  # wait until at least one window is committed, then kill
            conn = sqlite3.connect(db, timeout=30)
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            finally:
                conn.close()
            if row is None or int(row[0]) > 0 or child.poll() is not None:
                break
            assert time.monotonic() < deadline, "no window was committed"
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    with Project.open(db) as project:
        offset = project.extraction_pending(added.id)
        stored = project.claims(added.id)
        if offset is not None:  # killed midway: what is stored ends where the marker says
            assert all(s.claim.end <= offset for s in stored)
            assert [s.claim.id for s in stored] == _expected(text)[: len(stored)]
        project.continue_extraction(added.id)
        assert [s.claim.id for s in project.claims(added.id)] == _expected(text)
        assert project.pending_extractions() == {}


def test_add_list_and_export_on_a_partly_extracted_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_stream, "WINDOW", 1500)
    db = str(tmp_path / "partial.db")
    text = _text()
    path = tmp_path / "long.jsonl"
    path.write_bytes(orjson.dumps({"id": "long-1", "text": text, "lang": "fr"}) + b"\n")
    with Project.open(db) as project:
        (added,) = project.add_articles([{"text": text, "lang": "fr", "external_id": "long-1"}],
                                        defer_longer_than=1000)
        project.continue_extraction(added.id, stop=lambda: True)  # one window only
        partial = len(project.claims(added.id))
    runner = CliRunner()
    listed = runner.invoke(cli, ["list", "--db", db])
    assert listed.exit_code == 0
    assert f"article {added.id}: claims are proposed up to character" in listed.stderr
    exported = runner.invoke(cli, ["export", "--db", db, "-o", str(tmp_path / "out.jsonl")])
    assert exported.exit_code == 0 and "1 article(s) still have claims" in exported.stderr
    done = runner.invoke(cli, ["add", str(path), "--db", db])
    assert done.exit_code == 0, done.stderr
    assert "completed" in done.stdout
    assert f"{len(_expected(text)) - partial:>5} claims" in done.stdout
    with Project.open(db) as project:
        assert [s.claim.id for s in project.claims(added.id)] == _expected(text)
        assert project.pending_extractions() == {}
    again = runner.invoke(cli, ["list", "--db", db])
    assert "claims are proposed up to" not in again.stderr


def test_pace_runs_before_every_commit_and_every_read_of_new_claims(
    backend_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_stream, "WINDOW", 1500)
    monkeypatch.setattr("claims.deferred.ARRIVING_CHUNK", 5)
    text = _text()
    with Project.open(backend_url) as project:
        (added,) = project.add_articles([{"text": text, "lang": "fr"}], defer_longer_than=1000)
        stored_at_pace: list[int] = []
        chunks: list[int] = []
        project.continue_extraction(
            added.id, lambda s: chunks.append(len(s)),
            pace=lambda: stored_at_pace.append(len(project.claims(added.id))))
        windows = sum(1 for _ in extract_stream.extract_windows(
            [extract_stream.Article(0, added.id, text, "fr", None)], workers=1))
        assert len(chunks) > windows > 1  # windows of several pieces
        assert len(stored_at_pace) == windows + len(chunks)
        # A window's claims are committed only after its pace: the first call sees none.
        assert stored_at_pace[0] == 0
        assert stored_at_pace == sorted(stored_at_pace)
