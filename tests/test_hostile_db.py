"""Databases the user did not mean, and connection strings that carry passwords.

Reading commands never create or alter a database; a foreign SQLite file is never touched;
every PostgreSQL form psycopg accepts is recognised, and no message shows its password.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claims.project import Project, ProjectError
from claims.store import StoreError, parse_target, redact
from tests.conftest import SAMPLE_TEXT
from tests.helpers import run_cli as run


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "greve.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["list"], ["log"], ["export", "-o", "-"],
                                     ["review", "abc123", "--accept"], ["undo"]])
def test_a_typo_never_becomes_a_project(command: list[str], tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    result = run(command, typo)
    assert result.exit_code == 1
    assert f"no project at {typo} (claims init creates one)" in result.stderr
    assert not typo.exists()
    assert list(tmp_path.iterdir()) == []


def _foreign(tmp_path: Path) -> tuple[Path, bytes]:
    other = tmp_path / "other-app.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.execute("INSERT INTO users VALUES ('ann')")
    conn.commit()
    conn.close()
    return other, other.read_bytes()


@pytest.mark.parametrize("command", [["list"], ["log"], ["export", "-o", "-"], ["init"],
                                     ["add", "{article}"], ["review", "abc", "--accept"],
                                     ["import", "{article}"]])
def test_another_applications_database_is_never_touched(command: list[str], tmp_path: Path,
                                                        article: Path) -> None:
    other, before = _foreign(tmp_path)
    result = run([a.replace("{article}", str(article)) for a in command], other)
    assert result.exit_code == 1, result.output
    assert "not a claims database" in result.stderr
    assert "Traceback" not in result.output
    assert other.read_bytes() == before
    assert not Path(f"{other}-wal").exists()
    conn = sqlite3.connect(other)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["users"]
    conn.close()


def test_reading_commands_open_read_only(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "p.db"
    assert run(["add", str(article)], db).exit_code == 0
    with Project.open(str(db), mode="read") as project:
        assert project.store.read_only
        claim_id = project.claims()[0].claim.id
        with pytest.raises((ProjectError, StoreError), match="read-only"):
            project.review(claim_id, "ann", status="accepted")
    # A project left in rollback-journal mode stays so after every reading command.
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    for command in (["list"], ["log"], ["export", "-o", "-"]):
        assert run(command, db).exit_code == 0
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_read_only_medium_is_named_on_write(tmp_path: Path, article: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "p.db"
    assert run(["add", str(article)], db).exit_code == 0
    original = sqlite3.connect

    def no_write_access(target: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if not kwargs.get("uri"):  # writers open the path; readers a mode=ro URI
            raise sqlite3.OperationalError("unable to open database file")
        return original(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", no_write_access)
    result = run(["review", "abc", "--accept"], db)
    assert result.exit_code == 1
    assert "read-only" in result.stderr and "unable to open database file" in result.stderr
    assert run(["list"], db).exit_code == 0


@pytest.mark.parametrize(
    "value",
    [
        "POSTGRESQL://ann:hunter22@db.example/claims",
        "PostgreSQL://ann:hunter22@db.example/claims",
        "postgres://ann:hunter22@db.example/claims",
        "postgresql+psycopg://ann:hunter22@db.example/claims",
        "   postgresql://ann:hunter22@db.example/claims",
        "host=db.example dbname=claims user=ann password=hunter22",
        "  dbname=claims password='hunter 22'",
        "service=claims",
    ],
)
def test_every_postgresql_form_is_recognised(value: str) -> None:
    target = parse_target(value)
    assert target.kind == "postgres"
    assert "hunter" not in target.shown


@pytest.mark.parametrize(
    ("value", "secret"),
    [
        ("POSTGRESQL://ann:hunter22@127.0.0.1:1/claims", "hunter22"),
        ("postgresql+psycopg://ann:hunter22@127.0.0.1:1/claims", "hunter22"),
        ("  postgresql://ann:hunter22@127.0.0.1:1/claims", "hunter22"),
        ("postgresql://ann:p@ss@127.0.0.1:1/claims", "p@ss"),
        ("postgresql://ann:p@ss@127.0.0.1:1/claims", "ss@"),
        ("host=127.0.0.1 port=1 dbname=claims user=ann password=hunter22", "hunter22"),
        ("host=127.0.0.1 port=1 password='two words' dbname=x", "two words"),
        ("postgresql:///claims?host=127.0.0.1&port=1&password=hunter22", "hunter22"),
    ],
)
def test_passwords_never_reach_a_message(value: str, secret: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["list"], ["init"], ["review", "abc", "--accept"]):
        result = run([*command, "--db", value])
        assert result.exit_code == 1, result.output
        assert "cannot connect to" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1  # libpq's hints joined on one line
        assert secret not in result.output
        assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []  # never a SQLite file named after the string


def test_a_mistyped_connection_string_never_names_a_file(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(["init", "--db", "claims password=hunter22"])
    assert result.exit_code == 1
    assert "looks like a PostgreSQL connection string" in result.stderr
    assert "hunter22" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_redact_masks_the_whole_password() -> None:
    assert redact("postgresql://ann:p@ss@db/x") == "postgresql://ann:***@db/x"
    assert redact("host=db password='a b c' dbname=x") == "host=db password=*** dbname=x"
    assert redact("postgresql:///x?host=/tmp&password=s3cret&port=5") == \
        "postgresql:///x?host=/tmp&password=***&port=5"


def test_postgres_forms_reach_the_server(backend_url: str, article: Path) -> None:
    if not backend_url.startswith("postgresql://"):
        pytest.skip("PostgreSQL only")
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    assert run(["add", str(article)], backend_url).exit_code == 0
    upper = "  POSTGRESQL" + backend_url[len("postgresql"):]
    driver = "postgresql+psycopg" + backend_url[len("postgresql"):]
    keywords = make_conninfo("", **conninfo_to_dict(backend_url))
    for value in (upper, driver, keywords):
        listed = run(["list"], value)
        assert listed.exit_code == 0, (value, listed.output)
        assert "Plus de 300" in listed.stdout


def test_postgres_reading_commands_never_create_tables(backend_url: str) -> None:
    if not backend_url.startswith("postgresql://"):
        pytest.skip("PostgreSQL only")
    import psycopg

    for command in (["list"], ["log"], ["export", "-o", "-"], ["review", "abc", "--accept"]):
        result = run(command, backend_url)
        assert result.exit_code == 1
        assert "no project at" in result.stderr and "claims init creates one" in result.stderr
    with psycopg.connect(backend_url) as conn:
        tables = conn.execute("SELECT tablename FROM pg_tables "
                              "WHERE schemaname = current_schema()").fetchall()
        assert tables == []
        conn.execute("CREATE TABLE users (name TEXT)")
    result = run(["add", "--help"], backend_url)
    for command in (["list"], ["init"]):
        result = run(command, backend_url)
        assert result.exit_code == 1 and "not a claims database" in result.stderr


@pytest.mark.parametrize("value", ["mysql://ann:hunter22@db/claims", "sqlite:///claims.db",
                                   "https://example.org/claims.db"])
def test_a_url_of_another_database_is_refused_by_name(value: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    text = tmp_path.parent / f"{tmp_path.name}-article.txt"
    text.write_text(SAMPLE_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    scheme = value.split("://")[0]
    for command in (["list"], ["init"], ["add", str(text)], ["import", str(text)]):
        result = run([*command, "--db", value])
        assert result.exit_code == 1, result.output
        assert f"{scheme} is not a database claims speaks" in result.stderr
        assert "hunter22" not in result.output
    assert list(tmp_path.iterdir()) == []
    assert parse_target(r"C://claims.db").kind == "sqlite"  # a Windows drive, not a scheme


class _NoSharedMemory(sqlite3.Connection):
    """A reader of a WAL database whose folder it cannot write, as SQLite 3.22+ answers it."""

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        raise sqlite3.OperationalError("attempt to write a readonly database")


def test_reading_commands_work_in_a_folder_they_cannot_write(
        tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "p.db"
    assert run(["add", str(article)], db).exit_code == 0
    claims_before = run(["list"], db).stdout
    original = sqlite3.connect

    def read_only_folder(target: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if not kwargs.get("uri"):
            raise sqlite3.OperationalError("unable to open database file")
        if "immutable=1" not in str(target):
            return original(target, *args, factory=_NoSharedMemory, **kwargs)
        return original(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only_folder)
    for command in (["list"], ["log"], ["export", "-o", "-", "-q"], ["agree"], ["stats"]):
        result = run(command, db)
        assert result.exit_code == 0, (command, result.output)
    assert run(["list"], db).stdout == claims_before
    refused = run(["review", "abc", "--accept"], db)
    assert refused.exit_code == 1 and "read-only" in refused.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes any folder; the simulation above stands in")
def test_reading_commands_work_in_a_real_read_only_folder(tmp_path: Path, article: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "p.db"
    assert run(["add", str(article)], db).exit_code == 0
    folder.chmod(0o555)
    try:
        assert run(["list"], db).exit_code == 0
        assert run(["export", "-o", "-", "-q"], db).exit_code == 0
    finally:
        folder.chmod(0o755)


def test_an_unknown_scale_creates_no_project(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "new.db"
    result = run(["annotate", "--scale", "nosuch", str(article)], db)
    assert result.exit_code == 1
    assert "unknown label scale 'nosuch'" in result.stderr
    assert not db.exists()
    with pytest.raises(KeyError):
        Project.open(str(db), scale="nosuch")
    assert sorted(p.name for p in tmp_path.iterdir()) == [article.name]


def test_annotate_names_a_directory_as_add_does(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for command in (["annotate", str(folder)], ["add", str(folder)]):
        result = run(command, tmp_path / "p.db")
        assert result.exit_code == 1
        assert result.stderr == f"claims: error: {folder}: is a directory, not a file\n"
    assert not (tmp_path / "p.db").exists()
