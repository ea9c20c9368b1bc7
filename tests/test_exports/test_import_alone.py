"""A large import into a SQLite project nobody else has open runs on a rollback journal (the
log would take its pages twice) and leaves the project in WAL; with the project open elsewhere,
or for a small file, it runs in WAL as any transaction does."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

import exports
import exports.importer
from claims.project import Project
from claims.store import StoreError
from exports.merge import BatchMerger


@pytest.fixture
def modes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The journal mode each batch of the import was merged under."""
    seen: list[str] = []
    merge = BatchMerger.merge

    def merge_and_look(self: BatchMerger, batch: list[Any]) -> None:
        seen.append(str(self.tx.one("PRAGMA journal_mode")[0]))
        merge(self, batch)

    monkeypatch.setattr(BatchMerger, "merge", merge_and_look)
    return seen


def _pragma(project: Project, name: str) -> Any:
    return project.store._conn.execute(f"PRAGMA {name}").fetchone()[0]


def _header_says_wal(db: Path) -> bool:
    header = db.read_bytes()[:20]
    return (header[18], header[19]) == (2, 2)


def test_a_large_import_alone_runs_on_a_rollback_journal_and_leaves_wal(
    reviewed: Project, same_articles: Project, tmp_path: Path, modes: list[str],
    monkeypatch: pytest.MonkeyPatch, import_checks: str,
) -> None:
    export = tmp_path / "reviews.jsonl"
    exports.write_file(reviewed, "jsonl", export)
    monkeypatch.setattr(exports.importer, "ALONE_FROM", export.stat().st_size)
    report = exports.import_file(same_articles, export)
    assert report.reviews_added > 0
    assert modes and set(modes) == {"delete"}
    assert _pragma(same_articles, "journal_mode") == "wal"
    assert _pragma(same_articles, "synchronous") == 2  # FULL again
    assert _header_says_wal(Path(same_articles.store.url))
    assert exports.import_file(same_articles, export).reviews_added == 0


def test_a_large_import_with_the_project_open_elsewhere_stays_in_wal(
    reviewed: Project, same_articles: Project, tmp_path: Path, modes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export = tmp_path / "reviews.jsonl"
    exports.write_file(reviewed, "jsonl", export)
    monkeypatch.setattr(exports.importer, "ALONE_FROM", 0)
    with Project.open(same_articles.store.url) as other:  # another reviewer's session
        before = len(other.claims())
        report = exports.import_file(same_articles, export)
        assert report.reviews_added > 0
        assert set(modes) == {"wal"}
        assert len(other.claims()) == before
        assert sum(1 for s in other.claims() if s.reviews) > 0  # and sees the import


def test_a_small_import_never_leaves_wal(
    reviewed: Project, same_articles: Project, tmp_path: Path, modes: list[str],
) -> None:
    export = tmp_path / "reviews.jsonl"
    exports.write_file(reviewed, "jsonl", export)
    assert export.stat().st_size < exports.importer.ALONE_FROM
    assert exports.import_file(same_articles, export).reviews_added > 0
    assert set(modes) == {"wal"}


def test_a_large_import_that_fails_leaves_the_project_as_it_was_and_in_wal(
    reviewed: Project, same_articles: Project, tmp_path: Path, modes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export = tmp_path / "reviews.jsonl"
    exports.write_file(reviewed, "jsonl", export)
    lines = export.read_bytes().splitlines(keepends=True)
    export.write_bytes(b"".join(lines) + b'{"not": "a record"}\n')
    monkeypatch.setattr(exports.importer, "ALONE_FROM", 0)
    with pytest.raises(exports.importer.ImportFileError, match=f":{len(lines) + 1}:"):
        exports.import_file(same_articles, export)
    assert set(modes) == {"delete"}
    assert not any(s.reviews for s in same_articles.claims())
    assert _pragma(same_articles, "journal_mode") == "wal"


def test_a_reading_command_that_cannot_roll_back_an_interrupted_import_says_so(
    same_articles: Project, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reading command that meets a hot journal rolls it back with a connection that can
    write; where it cannot (a file or folder it may only read), it says what happened."""
    import claims.store.sqlite as backend

    path = same_articles.store.url
    connect = sqlite3.connect

    def hot_journal(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if kwargs.get("uri"):  # the read-only connection: as SQLite answers with a hot journal
            error = sqlite3.OperationalError("attempt to write a readonly database")
            error.sqlite_errorcode = backend._READONLY_ROLLBACK
            raise error
        if Path(str(database)) == Path(path):
            raise sqlite3.OperationalError("unable to open database file")
        return connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", hot_journal)
    with pytest.raises(StoreError) as caught:
        backend.SqliteStore(path, mode="read")
    message = str(caught.value)
    assert message.startswith(f"{path}: an import into this project was stopped")
    assert "write access" in message and "nothing of it was kept" in message


def test_a_command_kept_out_by_a_long_writer_says_so(
    same_articles: Project, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While a large import keeps the project to itself, a reading command waits for it, then
    says why it could not read, instead of SQLite's bare "database is locked"."""
    import claims.store.sqlite as backend

    path = same_articles.store.url
    monkeypatch.setattr(backend, "BUSY_TIMEOUT_MS", 50)
    same_articles.store.close()  # nobody else has it open
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:  # as the import holds it once it writes pages
        with pytest.raises(StoreError) as caught:
            backend.SqliteStore(path, mode="read")
        message = str(caught.value)
        assert message.startswith(f"{path}: busy: another command has been writing")
        assert "nothing was changed" in message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
