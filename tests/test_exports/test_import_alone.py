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


@pytest.fixture
def export(reviewed: Project, tmp_path: Path) -> Path:
    """The reviewed project's JSONL export, to import into `same_articles`."""
    path = tmp_path / "reviews.jsonl"
    exports.write_file(reviewed, "jsonl", path)
    return path


def _pragma(project: Project, name: str) -> Any:
    return project.store._conn.execute(f"PRAGMA {name}").fetchone()[0]


def _header_says_wal(db: Path) -> bool:
    header = db.read_bytes()[:20]
    return (header[18], header[19]) == (2, 2)


def test_a_large_import_alone_runs_on_a_rollback_journal_and_leaves_wal(
    export: Path, same_articles: Project, modes: list[str],
    monkeypatch: pytest.MonkeyPatch, import_checks: str,
) -> None:
    monkeypatch.setattr(exports.importer, "ALONE_FROM", export.stat().st_size)
    report = exports.import_file(same_articles, export)
    assert report.reviews_added > 0
    assert modes and set(modes) == {"delete"}
    assert _pragma(same_articles, "journal_mode") == "wal"
    assert _pragma(same_articles, "synchronous") == 2  # FULL again
    assert _header_says_wal(Path(same_articles.store.url))
    assert exports.import_file(same_articles, export).reviews_added == 0


def test_a_large_import_with_the_project_open_elsewhere_stays_in_wal(
    export: Path, same_articles: Project, modes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(exports.importer, "ALONE_FROM", 0)
    with Project.open(same_articles.store.url) as other:  # another reviewer's session
        before = len(other.claims())
        report = exports.import_file(same_articles, export)
        assert report.reviews_added > 0
        assert set(modes) == {"wal"}
        assert len(other.claims()) == before
        assert sum(1 for s in other.claims() if s.reviews) > 0  # and sees the import


def test_a_small_import_never_leaves_wal(
    export: Path, same_articles: Project, modes: list[str],
) -> None:
    assert export.stat().st_size < exports.importer.ALONE_FROM
    assert exports.import_file(same_articles, export).reviews_added > 0
    assert set(modes) == {"wal"}


def test_a_large_import_that_fails_leaves_the_project_as_it_was_and_in_wal(
    export: Path, same_articles: Project, modes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
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
        assert message.startswith(f"{path}: busy: another command has held the project")
        assert "nothing was changed" in message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_dry_run_never_leaves_wal(
    export: Path, same_articles: Project, modes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A dry run commits nothing: it has nothing to gain from the journal, and on it would
    keep readers out and write pages into the project's file."""
    monkeypatch.setattr(exports.importer, "ALONE_FROM", 0)
    assert exports.import_file(same_articles, export, dry_run=True).reviews_added > 0
    assert set(modes) == {"wal"}


def test_nobody_gets_in_while_a_large_import_holds_the_project(
    export: Path, same_articles: Project,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On the journal the import holds the file's exclusive lock from its start: a reader that
    came in before the pages are written would make the import wait for it at its commit."""
    monkeypatch.setattr(exports.importer, "ALONE_FROM", 0)
    path = same_articles.store.url
    refused: list[str] = []
    merge = BatchMerger.merge

    def merge_while_someone_reads(self: BatchMerger, batch: list[Any]) -> None:
        reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0)
        try:
            reader.execute("SELECT COUNT(*) FROM claims").fetchone()
        except sqlite3.OperationalError as exc:
            refused.append(str(exc))
        finally:
            reader.close()
        merge(self, batch)

    monkeypatch.setattr(BatchMerger, "merge", merge_while_someone_reads)
    assert exports.import_file(same_articles, export).reviews_added > 0
    assert refused and all("locked" in r for r in refused)


def test_a_project_a_reader_holds_at_the_end_of_the_import_goes_back_to_wal_later(
    export: Path, same_articles: Project,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reader that holds the file when the import ends keeps it from going back to WAL:
    the connection stays on the journal with its removal synced (EXTRA), and goes back to WAL
    before its next transaction."""
    import claims.store.sqlite as backend

    monkeypatch.setattr(exports.importer, "ALONE_FROM", 0)
    path = same_articles.store.url
    back = backend.SqliteStore._back_to_wal
    readers: list[sqlite3.Connection] = []

    def back_with_a_reader(self: backend.SqliteStore) -> None:
        if not readers:
            reader = sqlite3.connect(path, isolation_level=None)
            reader.execute("BEGIN")
            reader.execute("SELECT COUNT(*) FROM claims").fetchone()  # holds a shared lock
            readers.append(reader)
        back(self)

    monkeypatch.setattr(backend.SqliteStore, "_back_to_wal", back_with_a_reader)
    assert exports.import_file(same_articles, export).reviews_added > 0
    assert _pragma(same_articles, "journal_mode") == "delete"
    assert _pragma(same_articles, "synchronous") == 3  # EXTRA
    readers[0].execute("COMMIT")
    readers[0].close()
    assert sum(1 for s in same_articles.claims() if s.reviews) > 0
    assert _pragma(same_articles, "journal_mode") == "wal"
    assert _pragma(same_articles, "synchronous") == 2
    assert _header_says_wal(Path(path))


def test_a_switch_to_the_journal_that_fails_is_a_clear_error_and_changes_nothing(
    export: Path, same_articles: Project,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Leaving WAL checkpoints the log first, which a full disk fails."""
    import claims.store.sqlite as backend

    monkeypatch.setattr(exports.importer, "ALONE_FROM", 0)
    path = same_articles.store.url
    same_articles.close()

    class FullDisk(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            if sql == "PRAGMA journal_mode = DELETE":
                raise sqlite3.OperationalError("database or disk is full")
            return super().execute(sql, *args)

    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect",
                        lambda *a, **k: connect(*a, **{**k, "factory": FullDisk}))
    with Project.open(path) as project:
        with pytest.raises(StoreError) as caught:
            exports.import_file(project, export)
        assert str(caught.value).startswith(f"{path}: cannot write, the disk is full")
        assert not any(s.reviews for s in project.claims())
        assert _pragma(project, "cache_size") != backend.BULK_CACHE_KIB  # put back
