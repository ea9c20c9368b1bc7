"""`claims export` and `claims import` from the command line: files, filters, bad paths."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, cast

import orjson
import pytest
from click.testing import CliRunner

import exports
from annotator.cli import main
from claims.project import Project


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def db_of(project: Project) -> str:
    return project.store.url


def test_export_to_a_file_and_to_stdout_give_the_same_bytes(
    reviewed: Project, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    code, _, err = run("export", "--db", db_of(reviewed), "-o", str(out))
    assert code == 0, err
    assert "wrote 7 jsonl records" in err
    code, stdout, _ = run("export", "--db", db_of(reviewed), "-o", "-", "-q")
    assert code == 0
    assert stdout.encode() == out.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", ["fever", "averitec", "claimreview", "csv"])
def test_every_format_from_the_command_line(reviewed: Project, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    code, _, err = run("export", "--db", db_of(reviewed), "--format", fmt, "-o", str(out))
    assert code == 0, err
    exports.write_file(reviewed, fmt, tmp_path / "api")
    assert out.read_bytes() == (tmp_path / "api").read_bytes()


def test_filters(reviewed: Project, tmp_path: Path) -> None:
    def ids(*options: str) -> list[str]:
        code, stdout, err = run("export", "--db", db_of(reviewed), "-q", *options)
        assert code == 0, err
        return [orjson.loads(line)["claim_id"] for line in stdout.splitlines()]

    everything = ids()
    assert len(everything) == 7
    assert len(ids("--reviewer", "ana")) == 4
    assert len(ids("--status", "rejected")) == 1
    assert len(ids("--status", "proposed")) == 1
    assert ids("--article", "en-1") == everything[4:]
    assert ids("--since", "2025-03-06") == []
    assert ids("--since", "2025-03-05") == [c for c in everything if c != everything[3]]
    code, _, err = run("export", "--db", db_of(reviewed), "--since", "yesterday")
    assert code == 1 and "--since" in err
    code, _, err = run("export", "--db", db_of(reviewed), "--article", "nope")
    assert code == 1 and "unknown article 'nope'" in err
    code, stdout, err = run("export", "--db", db_of(reviewed), "--reviewer", "anna")
    assert code == 1 and stdout == ""
    assert "no reviewer 'anna' in this project (ana, bruno" in err  # a typo, said, not 0 records


def test_reviewer_filter_keeps_only_that_reviewers_view(reviewed: Project) -> None:
    code, stdout, _ = run("export", "--db", db_of(reviewed), "-q", "--reviewer", "bruno")
    assert code == 0
    records = [orjson.loads(line) for line in stdout.splitlines()]
    assert all([r["reviewer"] for r in rec["reviews"]] == ["bruno"] for rec in records)
    disputed = [r for r in records if r["text"].startswith("la récolte")][0]
    assert disputed["verdict"] == "conflicting-evidence"


@pytest.mark.parametrize("where", ["missing-folder", "directory", "read-only-folder",
                                   "read-only-file"])
def test_a_path_that_cannot_be_written_is_named_and_nothing_is_written(
    reviewed: Project, tmp_path: Path, where: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = {
        "missing-folder": tmp_path / "nope" / "x.jsonl",
        "directory": folder,
        "read-only-folder": folder / "x.jsonl",
        "read-only-file": folder / "ro.jsonl",
    }[where]
    if where == "read-only-file":
        target.write_text("old\n")
        target.chmod(0o444)
    if where == "read-only-folder":
        folder.chmod(0o555)
    if os.geteuid() == 0 and where.startswith("read-only"):
        pytest.skip("root writes through read-only permissions")
    try:
        code, stdout, err = run("export", "--db", db_of(reviewed), "-o", str(target))
    finally:
        folder.chmod(0o755)
    assert code == 1
    assert err.startswith("claims: error: ") and str(target) in err
    assert "Traceback" not in err
    assert sorted(p.name for p in folder.iterdir()) == (["ro.jsonl"] if "file" in where else [])


def test_existing_file_is_replaced_whole_and_keeps_its_mode(
    reviewed: Project, tmp_path: Path
) -> None:
    target = tmp_path / "x.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    exports.write_file(reviewed, "jsonl", target)
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_bytes().count(b"\n") == 7


def test_a_failed_export_leaves_the_old_file_and_no_temporary(
    reviewed: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.jsonl"
    target.write_text("old\n")

    def boom(*args: object, **kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("exports.writer.write_jsonl", boom)
    with pytest.raises(exports.ExportError, match="No space left on device"):
        exports.write_file(reviewed, "jsonl", target)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".x.jsonl")] == []


def test_progress_is_reported(reviewed: Project, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    exports.write_file(reviewed, "jsonl", tmp_path / "x", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (7, 7)


def test_import_command(reviewed: Project, same_articles: Project, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    exports.write_file(reviewed, "jsonl", out)
    code, _, err = run("import", str(out), "--db", db_of(same_articles), "--dry-run")
    assert code == 0, err
    assert "dry run: 7 records, would add 9 reviews" in err
    code, _, err = run("import", str(out), "--db", db_of(same_articles))
    assert code == 0, err
    assert "added 9 reviews" in err
    code, _, err = run("import", str(out), "--db", db_of(same_articles))
    assert "added 0 reviews (0 events), 9 unchanged" in err
    code, _, err = run("import", str(tmp_path / "missing.jsonl"), "--db", db_of(same_articles))
    assert code == 1 and "missing.jsonl: no such file" in err


def test_a_write_error_in_the_background_writer_reaches_the_caller(reviewed: Project) -> None:
    class FullDisk:
        def write(self, chunk: bytes) -> int:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        exports.write_stream(reviewed, "jsonl", cast(IO[bytes], FullDisk()))


def test_the_command_line_offers_every_registered_format() -> None:
    from annotator.cli.export import FORMAT_NAMES

    assert tuple(exports.FORMATS) == FORMAT_NAMES


def test_exporting_a_missing_database_is_an_error(tmp_path: Path) -> None:
    code, _, err = run("export", "--db", str(tmp_path / "typo.db"))
    assert code == 1 and "no project at " in err and "typo.db (claims init creates one)" in err
    assert not (tmp_path / "typo.db").exists()



def test_a_failing_stream_stops_the_reader_before_the_transaction_ends(
    reviewed: Project,
) -> None:
    import io
    import threading

    class Fails(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, chunk: object) -> int:
            raise OSError(5, "Input/output error")

    for fmt in ("jsonl", "averitec", "csv"):
        with pytest.raises(OSError):
            exports.write_stream(reviewed, fmt, io.BufferedWriter(Fails(), 16))
        assert not [t for t in threading.enumerate() if t.name.startswith("export-")]
        assert len(reviewed.claims()) == 7  # the connection is usable


def test_a_folder_the_system_refuses_is_named(reviewed: Project) -> None:
    # Runs as root too (where permission bits do not stop writes): sysfs takes no new files.
    target = Path("/sys/claims-export-test.jsonl")
    if not Path("/sys").is_dir():
        pytest.skip("no /sys")
    code, _, err = run("export", "--db", db_of(reviewed), "-o", str(target))
    assert code == 1
    assert err.startswith(f"claims: error: {target}: ")
    assert not target.exists()


def test_progress_bar_draws_only_for_large_exports(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from annotator.cli import export as export_command

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with export_command._progress_bar("export jsonl", True) as update:
        assert update is not None
        update(10, 100)  # small: no bar
        update(100, 100)
    with export_command._progress_bar("export jsonl", True) as update:
        assert update is not None
        update(5_000, 1_000_000)
        update(1_000_000, 1_000_000)
    with export_command._progress_bar("export jsonl", False) as update:
        assert update is None
