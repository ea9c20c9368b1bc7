"""`claims import` of a large file: worker processes check the lines while the import merges
them (`exports.checking`). The outcome, and the line a refusal names, are those of one process
doing everything."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
from pathlib import Path
from typing import Any

import orjson
import pytest

import exports
import exports.importer
from claims.project import Project
from exports.checking import ParallelCheck
from exports.importer import ImportFileError
from exports.records import ExportRecord


def export_records(project: Project, path: Path) -> list[dict[str, Any]]:
    exports.write_file(project, "jsonl", path)
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def write_lines(path: Path, items: list[Any]) -> Path:
    path.write_bytes(b"".join((item if isinstance(item, bytes) else orjson.dumps(item)) + b"\n"
                              for item in items))
    os.utime(path, ns=(10**18, 10**18))  # any change made later shows in its times
    return path


class CountingCheck(ParallelCheck):
    started = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        CountingCheck.started += 1
        super().__init__(*args, **kwargs)


@pytest.fixture(params=["one piece", "many pieces"])
def counted(request: pytest.FixtureRequest,
            monkeypatch: pytest.MonkeyPatch) -> type[CountingCheck]:
    """Workers started once; the file in one piece, or cut into pieces of a line or two dealt
    out in turn among the workers (as a large file is)."""
    import exports.checking

    if request.param == "many pieces":
        monkeypatch.setattr(exports.checking, "PIECE_BYTES", 3000)
    CountingCheck.started = 0
    monkeypatch.setattr(exports.importer, "ParallelCheck", CountingCheck)
    return CountingCheck


def test_workers_check_a_file_and_the_import_is_the_same(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, counted: type[CountingCheck],
) -> None:
    first = tmp_path / "a.jsonl"
    items = export_records(adjudicated, first) * 5  # a claim seen again: the first one counts
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "3")
    report = exports.import_file(same_articles, write_lines(tmp_path / "b.jsonl", items))
    assert counted.started == 1
    assert report.records == len(items)
    assert not multiprocessing.active_children()
    exports.write_file(same_articles, "jsonl", tmp_path / "c.jsonl")
    assert (tmp_path / "c.jsonl").read_bytes() == first.read_bytes()


def _unknown_article(item: dict[str, Any]) -> Any:
    item["article"]["id"] = "0" * 16
    return item


def _other_scale(item: dict[str, Any]) -> Any:
    item["label_scale"] = "fever"
    item["verdict"] = None
    for review in item["reviews"]:
        review["verdict"] = None
    item["adjudication"] = None
    return item


def _bad_status(item: dict[str, Any]) -> Any:
    item["reviews"][0]["status"] = "maybe"
    return item


def _short_text(item: dict[str, Any]) -> Any:
    item["end"] = item["end"] + 1  # offsets no longer hold the text
    return item


def _out_of_utc(item: dict[str, Any]) -> Any:
    item["reviews"][0]["updated_at"] = "0001-01-01T00:00:00+01:00"  # a valid date-time
    return item


def _not_json(item: dict[str, Any]) -> Any:
    return b'{"schema_version": 2, "claim_id": '


# A line this process finds wrong (the article, the scale, not JSON) against one only the
# full checks find (a status, the offsets), in either order and in either half of the file.
CASES = [
    ({5: _other_scale, 30: _bad_status}, 5),
    ({5: _bad_status, 30: _other_scale}, 5),
    ({4: _short_text, 31: _unknown_article}, 4),
    ({6: _unknown_article, 33: _short_text}, 6),
    ({35: _bad_status}, 35),
    ({3: _not_json, 36: _bad_status}, 3),
    ({2: _bad_status, 36: _not_json}, 2),
    ({38: _not_json}, 38),
    ({9: _out_of_utc}, 9),
    ({12: _out_of_utc, 30: _bad_status}, 12),
]


@pytest.mark.parametrize(("faults", "line"), CASES)
def test_the_first_bad_line_is_named_whichever_process_finds_it(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, counted: type[CountingCheck],
    faults: dict[int, Any], line: int,
) -> None:
    items: list[Any] = export_records(adjudicated, tmp_path / "a.jsonl") * 7
    for at, fault in faults.items():
        items[at - 1] = fault(orjson.loads(orjson.dumps(items[at - 1])))
    path = write_lines(tmp_path / "b.jsonl", items)
    messages = {}
    for workers in ("0", "2"):
        monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", workers)
        with pytest.raises(ImportFileError) as err:
            exports.import_file(same_articles, path)
        messages[workers] = str(err.value)
    assert counted.started == 1
    assert messages["2"] == messages["0"]
    assert messages["0"].startswith(f"{path}:{line}: ")
    with same_articles.store.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM events")[0] == 0
    assert not multiprocessing.active_children()


def test_a_dry_run_with_workers_changes_nothing(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, counted: type[CountingCheck],
) -> None:
    items = export_records(adjudicated, tmp_path / "a.jsonl") * 3
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "2")
    report = exports.import_file(same_articles, write_lines(tmp_path / "b.jsonl", items),
                                 dry_run=True)
    assert counted.started == 1 and report.reviews_added > 0
    with same_articles.store.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM events")[0] == 0


def _lines(reader: Any, limit: int = 1 << 20) -> list[tuple[int, bytes]]:
    from claims.files import iter_lines

    return list(iter_lines(reader, "f", limit))


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_a_range_reader_reads_the_lines_a_stream_gives_and_tells_where_each_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    import io

    from claims.files import RangeReader, count_lines, line_boundary

    data = b"\xef\xbb\xbf{\"a\": 1}\n\n  \n" + b"".join(b'{"n": %d}\n' % n for n in range(40)) + b"{}"
    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    monkeypatch.setattr(RangeReader, "CHUNK", chunk)
    with open(path, "rb") as handle:
        fd = handle.fileno()
        reader = RangeReader(fd, 0, len(data))
        assert _lines(reader) == _lines(io.BytesIO(data))
        reader, ends = RangeReader(fd, 0, len(data)), []
        while reader.readline(1 << 20):
            ends.append(reader.tell())
        assert ends == [i + 1 for i, c in enumerate(data) if c == ord("\n")] + [len(data)]
        cut = line_boundary(fd, 100, len(data))
        assert data[cut - 1:cut] == b"\n"
        first_half = _lines(RangeReader(fd, 0, cut))
        rest = list(iter_lines_from(RangeReader(fd, cut, len(data)),
                                    count_lines(fd, cut) + 1))
        assert first_half + rest == _lines(io.BytesIO(data))
        assert count_lines(fd, len(data), cut) == data[cut:].count(b"\n")


def iter_lines_from(reader: Any, first: int) -> Any:
    from claims.files import iter_lines

    return iter_lines(reader, "f", 1 << 20, first_line=first)


def test_a_line_read_again_that_changed_since_it_was_checked_is_refused(
    adjudicated: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import reads a line again to create its claim here: the bytes must be those the
    worker checked, even when the file's times were put back."""
    import exports.checking
    from exports.checking import CheckFailed

    monkeypatch.setattr(exports.checking, "PIECE_BYTES", 3000)
    path = write_lines(tmp_path / "b.jsonl", export_records(adjudicated, tmp_path / "a.jsonl"))
    data = path.read_bytes()
    with open(path, "r+b") as handle:
        fd = handle.fileno()
        check = ParallelCheck(fd, len(data), str(path), 1 << 20, exports.importer.check_lines, 2)
        try:
            assert len(check.cuts) > 3
            records = [item for item in check.records() if item is not None]
            assert [n for n, _, _ in records] == list(range(1, data.count(b"\n") + 1))
            for (_, record, _), line in zip(records, data.splitlines(), strict=True):
                assert record.record() == ExportRecord.model_validate_json(line)
                record.checked = None
            last = data.rindex(b'"text":"') + len(b'"text":"')
            os.pwrite(fd, data[last:last + 1].swapcase(), last)  # a letter of the last line
            os.utime(path, ns=(10**18, 10**18))
            with pytest.raises(CheckFailed) as err:
                records[-1][1].record()
            assert str(err.value) == (f"{path}: the file changed while it was being imported; "
                                      "nothing was imported")
            assert records[0][1].record().claim_id == records[0][1].claim_id
        finally:
            check.close()


# -- the workers and the signals that end an import -------------------------------------------

STALLED_IMPORT = """
import os, signal, sys, time
import exports.checking
import exports.importer

# As at a terminal: a command started in the background of a shell without job control (as
# CI may run the tests) inherits Ctrl-C ignored, and Python then leaves it so.
signal.signal(signal.SIGINT, signal.default_int_handler)

PARENT = os.getpid()
real = exports.importer.check_lines

def stalled(lines, name, **options):  # in a worker: a check that never ends, as of a huge file
    if os.getpid() != PARENT:
        open(os.path.join(sys.argv[3], str(os.getpid())), "w").close()
        while True:
            signal.pause()
    yield from real(lines, name, **options)

exports.importer.check_lines = stalled
exports.checking.PIECE_BYTES = 3000  # pieces for both workers
from annotator.cli import main
main(["import", sys.argv[1], "--db", sys.argv[2], "-q"])
"""


def _start_stalled_import(source: Path, db: Path, tmp_path: Path) -> tuple[Any, list[int]]:
    """`claims import` in a process of its own whose two workers never finish their checks;
    returned once both are running."""
    import subprocess
    import sys
    import time

    markers = tmp_path / "workers"
    markers.mkdir()
    env = {**os.environ, "CLAIMS_IMPORT_WORKERS": "2"}
    process = subprocess.Popen([sys.executable, "-c", STALLED_IMPORT, str(source), str(db),
                                str(markers)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(list(markers.iterdir())) < 2:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"the workers did not start: {process.communicate()}")
        time.sleep(0.02)
    return process, [int(p.name) for p in markers.iterdir()]


def _state(pid: int) -> str:
    """A process's state and the kernel function it waits in, for a failure message."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            state = next(line for line in handle if line.startswith("State:")).split(":")[1]
        with open(f"/proc/{pid}/wchan") as handle:
            return f"{state.strip()} in {handle.read().strip()}"
    except (OSError, StopIteration):
        return "gone"


def _gone(pid: int) -> bool:
    """The process has ended (a zombie nobody reaps has ended too)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def _wait_gone(pids: list[int]) -> list[int]:
    import time

    deadline = time.monotonic() + 60
    while not all(_gone(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if not _gone(pid)]


def _events(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@needs_proc
def test_workers_end_with_an_import_killed_outright(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    import signal

    source = write_lines(tmp_path / "b.jsonl", export_records(adjudicated, tmp_path / "a.jsonl"))
    process, workers = _start_stalled_import(source, Path(same_articles.store.url), tmp_path)
    try:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        assert _wait_gone(workers) == []
    finally:
        process.stdout.close()
        process.stderr.close()
        for pid in workers:
            if not _gone(pid):
                os.kill(pid, signal.SIGKILL)
    assert _events(Path(same_articles.store.url)) == 0


@needs_proc
def test_ctrl_c_ends_an_import_and_its_workers_with_one_line(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    import signal

    source = write_lines(tmp_path / "b.jsonl", export_records(adjudicated, tmp_path / "a.jsonl"))
    process, workers = _start_stalled_import(source, Path(same_articles.store.url), tmp_path)
    try:
        for pid in workers:  # Ctrl-C is the importing process's to handle, not theirs
            with open(f"/proc/{pid}/status") as handle:
                masks = dict(line.split(":") for line in handle if line.startswith("Sig"))
            assert int(masks["SigIgn"], 16) & (1 << (signal.SIGINT - 1))
            assert not int(masks["SigBlk"], 16) & (1 << (signal.SIGINT - 1))
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        try:
            _, err = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:  # say where each process was, then end them
            states = {pid: _state(pid) for pid in [process.pid, *workers]}
            os.killpg(process.pid, signal.SIGKILL)
            raise AssertionError(f"the import did not end on Ctrl-C: {states}") from None
        assert process.returncode == 1
        assert err.decode() == "claims: error: interrupted\n"
        assert _wait_gone(workers) == []
    finally:
        for pid in workers:
            if not _gone(pid):
                os.kill(pid, signal.SIGKILL)
    assert _events(Path(same_articles.store.url)) == 0


def test_a_worker_killed_fails_the_import_in_one_line_naming_the_file(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, counted: type[CountingCheck],
) -> None:
    import signal

    items = export_records(adjudicated, tmp_path / "a.jsonl") * 3
    path = write_lines(tmp_path / "b.jsonl", items)
    parent, real = os.getpid(), exports.importer.check_lines

    def killed(lines: Any, name: str, **options: Any) -> Any:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        yield from real(lines, name, **options)

    monkeypatch.setattr(exports.importer, "check_lines", killed)
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "2")
    with pytest.raises(ImportFileError) as err:
        exports.import_file(same_articles, path)
    assert counted.started == 1
    assert str(err.value) == (f"{path}: the process checking lines of it was killed (signal "
                              f"{int(signal.SIGKILL)}); nothing was imported")
    with same_articles.store.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM events")[0] == 0
    assert not multiprocessing.active_children()


# -- a file changed while it is imported --------------------------------------------------------


def _truncate_at_a_line(path: Path) -> None:
    data = path.read_bytes()
    os.truncate(path, data.index(b"\n", len(data) // 2) + 1)


def _append_lines(path: Path) -> None:
    with open(path, "ab") as handle:
        handle.write(path.read_bytes()[:2000].split(b"\n")[0] + b"\n")


def _rewrite_in_place(path: Path) -> None:
    with open(path, "r+b") as handle:  # the same size, other bytes
        handle.write(handle.read(1).upper())


def _rewrite_with_its_times_put_back(path: Path) -> None:
    """As `rsync --inplace --times` leaves a file: the same size and modification time, other
    bytes (a letter of the last line's claim)."""
    before = path.stat()
    data = path.read_bytes()
    at = data.rindex(b'"text":"') + len(b'"text":"')
    with open(path, "r+b") as handle:
        handle.seek(at)
        handle.write(data[at:at + 1].swapcase())
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


@pytest.mark.usefixtures("import_checks")
def test_a_file_renamed_or_chmod_during_the_import_is_imported(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    path = write_lines(tmp_path / "b.jsonl", export_records(adjudicated, tmp_path / "a.jsonl"))

    def progress(done: int, total: int) -> None:
        if done == total and path.exists():
            path.chmod(0o600)
            path.rename(tmp_path / "renamed.jsonl")

    report = exports.import_file(same_articles, path, progress=progress)
    assert not path.exists() and report.reviews_added == 11


@pytest.mark.usefixtures("import_checks")
def test_a_bad_line_of_a_file_chmod_during_the_import_is_named(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the inode's change time moved: the file is not called changed, its bad line is
    named (the lines after it, never read, are not compared)."""
    good = export_records(adjudicated, tmp_path / "a.jsonl")
    path = write_lines(tmp_path / "b.jsonl", [*good * 4, b"{not json", b"x" * 5000])
    real = exports.importer.check_lines

    def chmod_first(lines: Any, name: str, **options: Any) -> Any:
        path.chmod(0o600)
        yield from real(lines, name, **options)

    monkeypatch.setattr(exports.importer, "check_lines", chmod_first)
    monkeypatch.setenv("CLAIMS_MAX_LINE_BYTES", "4096")
    with pytest.raises(ImportFileError) as err:
        exports.import_file(same_articles, path)
    assert str(err.value).startswith(f"{path}:{len(good) * 4 + 1}: "), str(err.value)
    with same_articles.store.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM events")[0] == 0


@pytest.mark.usefixtures("import_checks")
@pytest.mark.parametrize("change", [_truncate_at_a_line, _append_lines, _rewrite_in_place,
                                    _rewrite_with_its_times_put_back])
def test_a_file_changed_before_the_import_commits_is_refused(
    adjudicated: Project, same_articles: Project, tmp_path: Path, change: Any
) -> None:
    path = write_lines(tmp_path / "b.jsonl", export_records(adjudicated, tmp_path / "a.jsonl") * 4)
    changed: list[bool] = []

    def progress(done: int, total: int) -> None:  # called once every line has been read
        if done == total and not changed:
            change(path)
            changed.append(True)

    with pytest.raises(ImportFileError) as err:
        exports.import_file(same_articles, path, progress=progress)
    assert changed
    assert str(err.value) == (f"{path}: the file changed while it was being imported; "
                              "nothing was imported")
    with same_articles.store.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM events")[0] == 0


def test_a_file_cut_short_under_the_workers_is_refused_as_changed(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker finding a line cut in half by a truncation does not blame the line."""
    path = write_lines(tmp_path / "b.jsonl", export_records(adjudicated, tmp_path / "a.jsonl") * 4)
    data = path.read_bytes()
    parent, real = os.getpid(), exports.importer.check_lines

    def truncating(lines: Any, name: str, **options: Any) -> Any:
        if os.getpid() != parent:
            os.truncate(path, data.index(b"\n", len(data) // 2) + 50)  # inside a line
        yield from real(lines, name, **options)

    monkeypatch.setattr(exports.importer, "check_lines", truncating)
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "2")
    with pytest.raises(ImportFileError) as err:
        exports.import_file(same_articles, path)
    assert str(err.value) == (f"{path}: the file changed while it was being imported; "
                              "nothing was imported")
    with same_articles.store.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM events")[0] == 0


def test_how_many_workers_check_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from exports.checking import PARALLEL_BYTES, worker_count

    monkeypatch.delenv("CLAIMS_IMPORT_WORKERS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert worker_count(PARALLEL_BYTES - 1) == 0  # a small file: checked as it is read
    assert worker_count(PARALLEL_BYTES) == 2  # two cores: the merge and two workers share them
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(8)), raising=False)
    assert worker_count(PARALLEL_BYTES) == 4
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert worker_count(1 << 40) == 0
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "2")
    assert worker_count(10) == 2
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "0")
    assert worker_count(1 << 40) == 0


def test_a_bad_number_of_workers_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          reviewed: Project, same_articles: Project) -> None:
    path = tmp_path / "a.jsonl"
    exports.write_file(reviewed, "jsonl", path)
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "two")
    with pytest.raises(ImportFileError) as err:
        exports.import_file(same_articles, path)
    assert str(err.value) == ("CLAIMS_IMPORT_WORKERS: 'two' is not a number of processes "
                              "(0 checks the lines in the importing process)")


def _dies(lines: Any, name: str, **options: Any) -> Any:
    os._exit(9)
    yield  # pragma: no cover


def test_a_checking_process_that_dies_fails_the_import_cleanly(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = export_records(adjudicated, tmp_path / "a.jsonl") * 3
    path = write_lines(tmp_path / "b.jsonl", items)
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "2")
    monkeypatch.setattr(exports.importer, "check_lines", _dies)
    with pytest.raises(ImportFileError) as err:
        exports.import_file(same_articles, path)
    assert str(err.value) == (f"{path}: the process checking lines of it ended (exit code 9); "
                              "nothing was imported")
    with same_articles.store.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM events")[0] == 0
    assert not multiprocessing.active_children()


def test_a_bad_line_this_process_finds_early_does_not_wait_for_the_rest_of_the_file(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An unknown article on line 3 of a huge file is reported once the worker has passed
    line 3, not once it has checked the whole file (here it never would)."""
    import signal

    import exports.checking

    items: list[Any] = export_records(adjudicated, tmp_path / "a.jsonl") * 4
    items[2] = _unknown_article(items[2])
    path = write_lines(tmp_path / "b.jsonl", items)
    parent, real = os.getpid(), exports.importer.check_lines

    def slow_after_line_10(lines: Any, name: str, **options: Any) -> Any:
        for item in real(lines, name, **options):
            yield item
            while os.getpid() != parent and item[0] >= 10:  # the rest of a huge file
                signal.pause()

    def too_long(signum: int, frame: Any) -> None:
        raise AssertionError("the import waited for lines after the bad one")

    monkeypatch.setattr(exports.importer, "check_lines", slow_after_line_10)
    monkeypatch.setattr(exports.checking, "PIECE_BYTES", 3000)
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "1")
    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(120)
    try:
        with pytest.raises(ImportFileError) as err:
            exports.import_file(same_articles, path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert str(err.value).startswith(f"{path}:3: article: article 0000000000000000")
    assert not multiprocessing.active_children()


def test_an_import_that_cannot_start_its_workers_checks_the_lines_itself(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """fork() refused (a process limit, no memory): the import goes on in one process."""
    import errno

    items = export_records(adjudicated, tmp_path / "a.jsonl") * 3
    path = write_lines(tmp_path / "b.jsonl", items)
    context = multiprocessing.get_context("fork")
    started: list[Any] = []
    real_start = context.Process.start

    def second_fails(self: Any) -> None:
        if started:
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        started.append(self)
        real_start(self)

    monkeypatch.setattr(context.Process, "start", second_fails)
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "2")
    report = exports.import_file(same_articles, path)
    assert started and report.records == len(items) and report.reviews_added == 11
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("other_thread", [False, True])
def test_ctrl_c_while_the_workers_start_waits_until_they_have_started(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], other_thread: bool,
) -> None:
    """A Ctrl-C landing inside a fork would break the bookkeeping on either side of it (a
    traceback instead of the one-line "interrupted"): it is held until every worker has
    started, then ends the import and them; also when the system hands it to another thread
    of the process (a library's, which Python's thread count does not see)."""
    import _thread
    import signal

    import exports.checking

    if other_thread:  # a thread with Ctrl-C unblocked, outside the threading module
        parked = _thread.allocate_lock()
        parked.acquire()
        _thread.start_new_thread(parked.acquire, ())

    monkeypatch.setattr(exports.checking, "PIECE_BYTES", 3000)
    path = write_lines(tmp_path / "b.jsonl", export_records(adjudicated, tmp_path / "a.jsonl"))
    context = multiprocessing.get_context("fork")
    real_start, held, started = context.Process.start, [], []

    def start_then_ctrl_c(self: Any) -> None:
        held.append(signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, []))
        real_start(self)
        started.append(self.pid)
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(context.Process, "start", start_then_ctrl_c)
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "2")
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal
    try:
        with pytest.raises(KeyboardInterrupt):
            exports.import_file(same_articles, path)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
        if other_thread:
            parked.release()
    assert held == [True, True] and len(started) == 2
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    assert not multiprocessing.active_children()
    assert "Traceback" not in capfd.readouterr().err
    with same_articles.store.read() as tx:
        assert tx.one("SELECT COUNT(*) FROM events")[0] == 0


@pytest.mark.skipif(not Path("/proc/self/mountinfo").exists(), reason="needs /proc")
def test_a_file_of_unknown_size_is_read_to_its_end(same_articles: Project,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The system gives 0 as the size of a file under /proc: the workers, which read up to
    the size, are not used, and its lines are read (here: refused as not JSON)."""
    messages = set()
    for workers in ("0", "2"):
        monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", workers)
        with pytest.raises(ImportFileError) as err:
            exports.import_file(same_articles, "/proc/self/mountinfo")
        messages.add(str(err.value))
    [message] = messages
    assert message.startswith("/proc/self/mountinfo:1: not valid JSON")


def _priority_check(lines: Any, name: str, **_: Any) -> Any:
    """A checker that reports the priority it runs at (as the problem of the first line)."""
    from claims.files import FileProblem

    for lineno, _raw in lines:
        raise FileProblem(name, f"niceness {os.nice(0)}", line=lineno)
    yield from ()


def test_the_workers_yield_the_cores_to_the_merge(tmp_path: Path) -> None:
    """They run at a lower priority than the importing process (a core both want goes to
    the merge, which is the import's critical path)."""
    from exports.checking import WORKER_NICENESS, CheckFailed

    path = tmp_path / "lines.jsonl"
    path.write_bytes(b"{}\n" * 10)
    with open(path, "rb") as handle:
        check = ParallelCheck(handle.fileno(), 30, str(path), 1 << 20, _priority_check, 1)
        try:
            with pytest.raises(CheckFailed) as failed:
                list(check.records())
        finally:
            check.close()
    expected = min(19, os.nice(0) + WORKER_NICENESS)
    assert f"niceness {expected}" in str(failed.value)


def test_an_import_leaves_the_callers_frozen_objects_frozen(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
) -> None:
    """The import keeps the objects alive when it starts out of the collector's passes and
    lets them go after; what a caller froze before (the annotator freezes an open article's
    claims) stays frozen, and nothing of the import's stays frozen when nothing was before."""
    import gc

    path = tmp_path / "a.jsonl"
    export_records(adjudicated, path)
    gc.unfreeze()
    exports.import_file(same_articles, path)
    assert gc.get_freeze_count() == 0
    held = [object() for _ in range(10)]
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        exports.import_file(same_articles, path)
        assert gc.get_freeze_count() >= before > 0
    finally:
        gc.unfreeze()
    del held
