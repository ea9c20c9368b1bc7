"""Hostile and careless input on the command line: the project survives, the terminal stays
ours, and every refusal is one line naming the file, line and field, with exit 1 and nothing
changed. One test (or parametrised group) per way in."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import Result

from tests.conftest import SAMPLE_TEXT
from tests.helpers import run_cli as run

ESC_TITLE = "\x1b]0;PWNED\x07"

Change = Callable[[dict[str, Any]], None]
"""An edit made to a native record before it is imported or validated."""


def refused(result: Result, *needles: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("claims: error:")]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "greve.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def reviewed(tmp_path: Path, article: Path, backend_url: str) -> str:
    """A project on each backend with the sample article and one reviewed claim."""
    assert run(["add", str(article), "--lang", "fr"], backend_url).exit_code == 0
    claim = orjson.loads(run(["list", "--format", "jsonl"], backend_url).stdout.splitlines()[0])
    done = run(["review", claim["id"], "--verdict", "1", "--note", "Chiffre confirmé"],
               backend_url)
    assert done.exit_code == 0, done.output
    return backend_url


def native_lines(db: str, tmp_path: Path) -> list[dict[str, Any]]:
    out = tmp_path / "native.jsonl"
    assert run(["export", "--with-articles", "-o", str(out)], db).exit_code == 0
    return [orjson.loads(line) for line in out.read_bytes().splitlines()]


def state(db: str) -> str:
    return run(["log", "--format", "jsonl"], db).stdout + run(["list", "--format", "jsonl"],
                                                               db).stdout


# -- 1. export targets ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_export_never_replaces_the_database(suffix: str, tmp_path: Path, article: Path) -> None:
    db = tmp_path / "claims.db"
    run(["add", str(article)], db)
    before = state(str(db))
    refused(run(["export", "-o", f"{db}{suffix}"], db), "the project's database file")
    assert state(str(db)) == before
    # Another name for the same file (a hard link, a symlink) is the same file.
    (tmp_path / "alias.db").hardlink_to(db)
    refused(run(["export", "-o", str(tmp_path / "alias.db")], db), "the project's database")
    (tmp_path / "link.db").symlink_to(db)
    refused(run(["export", "-o", str(tmp_path / "link.db")], db), "the project's database")
    assert state(str(db)) == before


def test_export_refuses_devices_fifos_and_links_to_them(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "claims.db"
    run(["add", str(article)], db)
    link = tmp_path / "out.jsonl"
    link.symlink_to("/dev/null")
    refused(run(["export", "-o", str(link)], db), "is a device", "symlink")
    assert link.is_symlink() and Path("/dev/null").is_char_device()
    refused(run(["export", "-o", "/dev/null"], db), "is a device")
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    refused(run(["export", "-o", str(fifo)], db), "FIFO")
    # A symlink to a regular file is followed: the file is replaced, the link stays.
    real = tmp_path / "real.jsonl"
    real.write_text("old")
    alias = tmp_path / "alias.jsonl"
    alias.symlink_to(real)
    assert run(["export", "-o", str(alias)], db).exit_code == 0
    assert alias.is_symlink() and real.read_bytes().startswith(b'{"schema_version"')
    assert run(["export", "-o", "-"], db).stdout.startswith('{"schema_version"')


def test_a_killed_exports_temporary_file_is_cleaned(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "claims.db"
    run(["add", str(article)], db)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.jsonl.{dead.pid}.k1ll3d.tmp"
    stale.write_bytes(b'{"half": ')
    live = tmp_path / f".out.jsonl.{os.getpid()}.running.tmp"  # an export still running
    live.write_bytes(b"")
    assert run(["export", "-o", str(tmp_path / "out.jsonl")], db).exit_code == 0
    assert not stale.exists() and live.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == [live.name]


# -- 2. CSV formula injection ---------------------------------------------------------------


def test_csv_cells_never_run_as_formulas(tmp_path: Path, backend_url: str) -> None:
    path = tmp_path / "evil.jsonl"
    text = "=HYPERLINK(\"http://evil.example\",\"x\") Plus de 300 ouvriers sont partis mardi."
    path.write_bytes(orjson.dumps({"text": text, "title": "=cmd|'/C calc'!A0", "lang": "fr"})
                     + b"\n")
    assert run(["add", str(path)], backend_url).exit_code == 0
    claim = orjson.loads(run(["list", "--format", "jsonl"], backend_url).stdout.splitlines()[0])
    run(["review", claim["id"], "--verdict", "1", "--note", "@SUM(1+1)*cmd|' /C calc'!A0",
         "--reviewer", "-bob"], backend_url)
    import csv
    import io

    safe = run(["export", "--format", "csv", "-o", "-"], backend_url).stdout
    rows = list(csv.DictReader(io.StringIO(safe)))
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c and c[0] in "=+-@\t\r"], cells
    assert rows[0]["article_title"] == "'=cmd|'/C calc'!A0"
    assert rows[0]["rationale"].startswith("'@SUM") and rows[0]["reviewer"] == "'-bob"
    raw = list(csv.DictReader(io.StringIO(
        run(["export", "--format", "csv", "--raw-cells", "-o", "-"], backend_url).stdout)))
    assert raw[0]["article_title"] == "=cmd|'/C calc'!A0" and raw[0]["reviewer"] == "-bob"


# -- 3. terminal control through the command line -------------------------------------------

HOSTILE = "\x1b]0;PWNED\x07 \x1b[2J \x9b31m \u202etxt.exe \u2066"


def _no_controls(text: str) -> None:
    for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066"):
        assert bad not in text, (bad, text)


def test_imported_ids_must_be_ours(reviewed: str, tmp_path: Path) -> None:
    record = native_lines(reviewed, tmp_path)[0]
    for field, value in (("claim_id", ESC_TITLE), ("claim_id", "ABCDEF012345"),
                         ("claim_id", "5cee38"), ("article.id", ESC_TITLE)):
        bad = orjson.loads(orjson.dumps(record))
        if field == "article.id":
            bad["article"]["id"] = value
        else:
            bad[field] = value
        path = tmp_path / "ids.jsonl"
        path.write_bytes(orjson.dumps(bad) + b"\n")
        result = run(["import", str(path)], reviewed)
        refused(result, "ids.jsonl:1: ", field)
        _no_controls(result.output)
        validated = run(["validate", str(path)], reviewed)
        assert validated.exit_code == 1 and f":1: {field}" in validated.stderr


def test_everything_printed_shows_controls_visibly(reviewed: str, tmp_path: Path) -> None:
    path = tmp_path / "evil.jsonl"
    text = f"Plus de 300 ouvriers {HOSTILE} sont partis mardi du chantier."
    path.write_bytes(orjson.dumps({"text": text, "title": HOSTILE, "lang": "fr"}) + b"\n")
    added = run(["add", str(path)], reviewed)
    assert added.exit_code == 0, added.output
    _no_controls(added.output)
    rows = [orjson.loads(line) for line in run(["list", "--format", "jsonl"],
                                                reviewed).stdout.splitlines()]
    claim = next(r for r in rows if "PWNED" in r["text"])
    for args in (["list"], ["log"], ["list", "--format", "jsonl"], ["log", "--format", "jsonl"],
                 ["review", claim["id"], "--note", HOSTILE, "--source",
                  "https://example.org/a", "--quote", HOSTILE], ["log"], ["undo"], ["redo"],
                 ["export", "-o", "-"], ["export", "--format", "fever", "-o", "-"]):
        result = run(args, reviewed)
        assert result.exit_code == 0, (args, result.output)
        _no_controls(result.output)
    # A source title is one line: controls in it are refused, the refusal shown inertly.
    titled = run(["review", claim["id"], "--source", "https://example.org/b", "--title",
                  HOSTILE], reviewed)
    assert titled.exit_code == 1 and "contains control characters" in titled.stderr
    _no_controls(titled.output)
    # JSONL stays exact JSON: the escaped text reads back as the article's text.
    listed = run(["list", "--format", "jsonl"], reviewed).stdout
    assert "\\u001b]0;PWNED\\u0007" in listed and "\\u202e" in listed
    assert any(orjson.loads(line)["text"] == claim["text"] for line in listed.splitlines())


@pytest.mark.parametrize("where", ["add", "output", "db", "usage"])
def test_file_names_and_arguments_are_shown_visibly(where: str, tmp_path: Path,
                                                    article: Path) -> None:
    db = tmp_path / "claims.db"
    run(["add", str(article)], db)
    evil = str(tmp_path / f"{ESC_TITLE}.txt")
    args: dict[str, tuple[list[str], Path | str]] = {
        "add": (["add", evil], db),
        "output": (["export", "-o", str(tmp_path / ESC_TITLE / "x.jsonl")], db),
        "db": (["list"], str(tmp_path / f"{ESC_TITLE}.db")),
        "usage": ([ESC_TITLE, "--status", ESC_TITLE], db),  # click's own "No such command"
    }
    result = run(*args[where])
    assert result.exit_code in (1, 2)
    _no_controls(result.output)
    assert "␛]0;PWNED␇" in result.stderr or "\\x1b]0;PWNED\\x07" in result.stderr
    assert "Traceback" not in result.output


# -- 4. the same validation on every way in -------------------------------------------------


DEEP = "@@deep@@"


def _import_variant(reviewed: str, tmp_path: Path, change: Change) -> Result:
    record = native_lines(reviewed, tmp_path)[0]
    run(["init"], tmp_path / "fresh.db")
    change(record)
    line = orjson.dumps(record)
    if DEEP.encode() in line:  # nesting orjson itself cannot write
        depth = int(record["article"]["metadata"]["depth"])
        line = line.replace(f'"{DEEP}"'.encode(), b"[" * depth + b"]" * depth)
    path = tmp_path / "in.jsonl"
    path.write_bytes(line + b"\n")
    return run(["import", str(path)], tmp_path / "fresh.db")


def _set(path: str, value: object) -> Change:
    def change(record: dict[str, Any]) -> None:
        target: Any = record
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[int(last) if isinstance(target, list) else last] = value

    return change


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set("article.url", "javascript:alert(1)"), "article.url"),
        (_set("article.lang", "\x1b[31mfr"), "article.lang"),
        (_set("end", 0), "end"),  # start == end: a zero-length claim
        (_set("quantities", [{"value": 3, "comparator": "=", "unit": "", "text": "3",
                              "start": 10_000, "end": 10_001}]), "quantities.0"),
        (_set("reviews.0.sources", [{"url": "http://user:pass@example.org/", "title": "",
                                     "quote": "", "stance": "context", "accessed": None}]),
         "reviews.0.sources.0.url"),
    ],
)
def test_import_checks_what_add_checks(change: Change, field: str, reviewed: str,
                                       tmp_path: Path) -> None:
    result = _import_variant(reviewed, tmp_path, change)
    refused(result, "in.jsonl:1: ", field)
    assert run(["list", "--format", "jsonl"], tmp_path / "fresh.db").stdout == ""
    validated = run(["validate", str(tmp_path / "in.jsonl")], reviewed)
    assert validated.exit_code == 1 and f"in.jsonl:1: {field}" in validated.stderr


@pytest.mark.parametrize("command", ["add", "extract", "import", "validate"])
def test_duplicate_json_keys_are_an_error(command: str, tmp_path: Path, reviewed: str) -> None:
    path = tmp_path / "dup.jsonl"
    if command in ("add", "extract"):
        path.write_bytes(b'{"id": 1, "text": "Plus de 300 ouvriers.", "text": "Autre texte."}\n')
        args = [command, str(path)] + (["--input", "jsonl"] if command == "extract" else [])
    else:
        record = native_lines(reviewed, tmp_path)[0]
        line = orjson.dumps(record)
        # The same key twice, the second hiding the first from any parser that keeps one.
        line = line[:-1] + b',"verdict":null}'
        path.write_bytes(line + b"\n")
        args = [command, str(path)]
    before = state(reviewed)
    result = run(args, reviewed)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "dup.jsonl:1: " in result.stderr and "duplicate JSON key" in result.stderr
    assert state(reviewed) == before


@pytest.mark.parametrize("command", ["add", "import", "validate"])
def test_a_nul_character_in_text_is_an_error(command: str, tmp_path: Path, reviewed: str) -> None:
    """As `claims add` refuses a file holding NUL bytes as binary: on every backend (a
    PostgreSQL project could not store it), by line and field."""
    path = tmp_path / "nul.jsonl"
    if command == "add":
        path.write_bytes(b'{"id": "a", "text": "Plus de 300 ouvriers."}\n'
                         b'{"id": "b", "text": "Plus de 300\\u0000 ouvriers."}\n')
        args, field = [command, str(path)], "text"
    else:
        record = native_lines(reviewed, tmp_path)[0]
        record["reviews"][0]["rationale"] = "checked\x00"
        path.write_bytes(orjson.dumps(native_lines(reviewed, tmp_path)[1]) + b"\n"
                         + orjson.dumps(record) + b"\n")
        args, field = [command, str(path)], "reviews.0.rationale"
    before = state(reviewed)
    result = run(args, reviewed)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"nul.jsonl:2: {field}: contains NUL characters" in result.stderr
    assert state(reviewed) == before


def test_source_and_language_rules_hold_in_the_domain() -> None:
    from claims.model import Source, check_lang

    with pytest.raises(ValueError, match="credentials"):
        Source(url="https://user:secret@example.org/")
    with pytest.raises(ValueError, match="not supported|language tag"):
        check_lang("\x1b[2J")


# -- 5. no tracebacks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: r.update(start=r["end"] + 5), "end"),  # start > end
        (_set("reviews.0.updated_at", "0001-01-01T00:00:00+14:00"), "reviews.0.updated_at"),
        (_set("article.metadata", {"depth": 300, "a": DEEP}), "nested deeper"),
        (_set("article.metadata", {"depth": 1000, "a": DEEP}), "nested deeper"),
    ],
)
def test_records_that_crashed_are_one_line(change: Change, field: str, reviewed: str,
                                           tmp_path: Path) -> None:
    result = _import_variant(reviewed, tmp_path, change)
    refused(result, "in.jsonl:1: ", field)
    validated = run(["validate", str(tmp_path / "in.jsonl")], reviewed)
    assert validated.exit_code == 1 and "Traceback" not in validated.output
    assert "in.jsonl:1:" in validated.stderr and "valid (schema" not in validated.output


def test_deep_metadata_in_add_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_bytes(b'{"text": "Plus de 300 ouvriers.", "metadata": {"a": ' + b"[" * 500
                     + b"]" * 500 + b"}}\n")
    refused(run(["add", str(path)], tmp_path / "c.db"), "deep.jsonl:1: ", "nested deeper")


# -- 6. special files and sizes --------------------------------------------------------------


@pytest.mark.parametrize("command", [["add"], ["import"], ["validate"], ["extract"],
                                     ["extract", "--input", "jsonl"]])
def test_fifos_and_devices_are_refused_without_blocking(command: list[str],
                                                        tmp_path: Path) -> None:
    fifo = tmp_path / "in.jsonl"
    os.mkfifo(fifo)
    env = {**os.environ, "CLAIMS_DB": str(tmp_path / "c.db")}
    for target, message in ((str(fifo), "FIFO"), ("/dev/zero", "is a device")):
        done = subprocess.run([sys.executable, "-m", "annotator.cli", command[0], target,
                               *command[1:]], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 1, done.stderr
        assert message in done.stderr and "Traceback" not in done.stderr


def test_article_and_line_sizes_are_capped(tmp_path: Path) -> None:
    env = {"CLAIMS_MAX_ARTICLE_BYTES": "2k", "CLAIMS_MAX_LINE_BYTES": "3k"}
    big = tmp_path / "big.txt"
    big.write_text("Plus de 300 ouvriers sont partis. " * 100, encoding="utf-8")  # 3.4 KB
    db = tmp_path / "c.db"
    refused(run(["add", str(big)], db, env=env), "big.txt: article too large",
            "CLAIMS_MAX_ARTICLE_BYTES")
    refused(run(["extract", str(big)], db, env=env), "article too large")
    refused(run(["extract", "-"], db, env=env, input=big.read_bytes()), "standard input",
            "article too large")
    lines = tmp_path / "lines.jsonl"
    lines.write_bytes(b"\n" + orjson.dumps({"text": "x" * 4000}) + b"\n")
    for command in (["add"], ["import"], ["validate"], ["extract", "--input", "jsonl"]):
        refused(run([command[0], str(lines), *command[1:]], db, env=env),
                "lines.jsonl:2: line too large", "CLAIMS_MAX_LINE_BYTES")
    marked = tmp_path / "marked.jsonl"  # a first line opening with a byte order mark
    marked.write_bytes(b"\xef\xbb\xbf" + orjson.dumps({"text": "x" * 4000}) + b"\n")
    for command in (["add"], ["import"], ["validate"], ["extract", "--input", "jsonl"]):
        refused(run([command[0], str(marked), *command[1:]], db, env=env),
                "marked.jsonl:1: line too large", "CLAIMS_MAX_LINE_BYTES")
    one_line = tmp_path / "one.jsonl"
    one_line.write_bytes(orjson.dumps({"text": "y " * 1200}) + b"\n")  # line fits, text not
    refused(run(["add", str(one_line)], db, env=env), "one.jsonl:1: text: article too large")
    assert not db.exists()
    ok = run(["add", str(big)], db, env={"CLAIMS_MAX_ARTICLE_BYTES": "1M"})
    assert ok.exit_code == 0, ok.output
    refused(run(["add", str(big)], db, env={"CLAIMS_MAX_ARTICLE_BYTES": "lots"}),
            "CLAIMS_MAX_ARTICLE_BYTES")


def test_a_pathological_single_line_article_is_refused_at_once(tmp_path: Path) -> None:
    # The default cap (5 MB): a 6 MB one-line article is refused before any extraction.
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"Plus de 300 ouvriers sont partis mardi, " * 150_000)
    refused(run(["add", str(path)], tmp_path / "c.db"), "article too large", "5 MB")


# -- 9. source URLs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://user:pass@example.org/",
        "http://:80",
        "http://@",
        "http://example.org:99999/",
        "https://good.example\\@evil.example/",
        "https://example.org/\x85path",
        "https://example.org/\u202egpj.exe",
        "https://exa\u200bmple.org/",
        "https://example.org/" + "a" * 3000,
        "https://example.org:/x",
        "ftp://example.org/",
    ],
)
def test_bad_source_urls_are_refused(url: str, reviewed: str) -> None:
    claim = orjson.loads(run(["list", "--format", "jsonl"], reviewed).stdout.splitlines()[0])
    before = state(reviewed)
    result = run(["review", claim["id"], "--source", url], reviewed)
    refused(result, "--source")
    _no_controls(result.output)
    assert state(reviewed) == before


def test_an_international_host_is_kept_and_its_punycode_shown() -> None:
    from annotator.widgets.claim_style import ClaimColours
    from annotator.widgets.detail import claim_details
    from claims.labels import DEFAULT_SCALE
    from claims.model import Claim, ClaimState, Review, Source, idna_host, utc_now

    homograph = "https://\u0430pple.com/report"  # Cyrillic "а"
    assert idna_host(homograph) == ("\u0430pple.com", "xn--pple-43d.com")
    now = utc_now()
    state_ = ClaimState(
        claim=Claim(id="0" * 12, article_id="0" * 16, start=0, end=4, text="Plus"),
        reviews=[Review(claim_id="0" * 12, reviewer="ann", status="accepted",
                        sources=[Source(url=homograph)], created_at=now, updated_at=now)],
    )
    shown = claim_details(state_, DEFAULT_SCALE, "ann", [], colours=ClaimColours()).plain
    assert "xn--pple-43d.com" in shown


# -- validate is import --dry-run plus the schema ---------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set("reviews.0.verdict", "mostly-true"), "reviews.0.verdict"),
        (_set("verdict", "SUPPORTS"), "verdict"),
        (_set("reviews.0.updated_at", "yesterday"), "reviews.0.updated_at"),
        (_set("reviews.0.updated_at", "2025-03-04T10:00:00"), "reviews.0.updated_at"),
        (_set("reviews.0.updated_at", 1741082400), "reviews.0.updated_at"),
        (_set("label_scale", "stars"), "label_scale"),
        (lambda r: r.update(end=r["start"] - 1), "end"),
    ],
)
def test_validate_refuses_what_import_refuses(change: Change, field: str, reviewed: str,
                                              tmp_path: Path) -> None:
    imported = _import_variant(reviewed, tmp_path, change)
    refused(imported, "in.jsonl:1: ", field)
    validated = run(["validate", str(tmp_path / "in.jsonl")], reviewed)
    assert validated.exit_code == 1, validated.output
    assert f"in.jsonl:1: {field}" in validated.stderr


def test_the_schema_alone_carries_labels_formats_and_offsets(reviewed: str,
                                                             tmp_path: Path) -> None:
    from jsonschema import Draft202012Validator, FormatChecker

    from exports.records import json_schema
    from exports.validate import format_checker

    schema = json_schema()
    plain = Draft202012Validator(schema, format_checker=format_checker(FormatChecker))
    record = native_lines(reviewed, tmp_path)[0]
    assert not list(plain.iter_errors(record))
    for change in (_set("reviews.0.verdict", "SUPPORTS"), _set("label_scale", "stars"),
                   _set("reviews.0.updated_at", "yesterday"), _set("end", 0),
                   _set("claim_id", ESC_TITLE), _set("text", "")):
        bad = orjson.loads(orjson.dumps(record))
        change(bad)
        assert list(plain.iter_errors(bad)), change
    assert "start < end" in schema["properties"]["end"]["description"]


# -- foreign files named ---------------------------------------------------------------------

FOREIGN = {
    "prodigy.jsonl": (b'{"text": "Plus de 300 ouvriers.", "spans": [{"start": 0, "end": 7, '
                      b'"label": "CLAIM"}], "_input_hash": 1, "_task_hash": 2, '
                      b'"answer": "accept"}\n', "a Prodigy export", "claims add --from prodigy"),
    "doccano.jsonl": (b'{"id": 1, "text": "Plus de 300 ouvriers.", "label": [[0, 7, "CLAIM"]]}\n',
                      "a doccano export", "claims add --from doccano"),
    "label-studio.json": (orjson.dumps([{"id": 1, "data": {"text": "Plus de 300 ouvriers."},
                                         "annotations": [{"result": []}]}],
                                       option=orjson.OPT_INDENT_2),
                          "a Label Studio export", "claims add --from label-studio"),
}


@pytest.mark.parametrize("fmt", ["fever", "averitec", "claimreview", "csv", *FOREIGN])
@pytest.mark.parametrize("command", ["import", "validate"])
def test_foreign_files_are_named_in_one_line(fmt: str, command: str, reviewed: str,
                                             tmp_path: Path) -> None:
    path = tmp_path / f"in.{fmt}"
    if fmt in FOREIGN:
        content, what, hint = FOREIGN[fmt]
        path.write_bytes(content)
    else:
        publisher = ["--publisher", "Vérif", "--publisher-url", "https://verif.example.org"]
        exported = run(["export", "--format", fmt, "-o", str(path),
                        *(publisher if fmt == "claimreview" else [])], reviewed)
        assert exported.exit_code == 0, exported.output
        what = {"fever": "a FEVER export", "averitec": "an AVeriTeC export",
                "claimreview": "a ClaimReview JSON-LD export", "csv": "a CSV export"}[fmt]
        hint = "claims export --format jsonl"
    before = state(reviewed)
    refused(run([command, str(path)], reviewed), f"this is {what}", hint)
    assert state(reviewed) == before


def test_add_from_another_tool_reads_strictly_and_bounds_each_text(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    env = {"CLAIMS_MAX_ARTICLE_BYTES": "2k"}
    tasks = tmp_path / "prodigy.jsonl"
    text = "Plus de 300 ouvriers sont partis mardi du chantier naval. " * 20  # 1.2 KB each
    with tasks.open("wb") as out:
        for i in range(5):  # 6 KB in all: more than one article's cap, each text within it
            out.write(orjson.dumps({"text": f"{i} {text}", "spans": [
                {"start": 2, "end": 20, "label": "CLAIM"}], "answer": "accept",
                "meta": {"url": "http://user:pass@example.org/" if i == 0 else
                         f"https://example.org/{i}"}}) + b"\n")
    added = run(["add", "--from", "prodigy", str(tasks)], db, env=env)
    assert added.exit_code == 0, added.output
    from claims.project import Project

    with Project.open(str(db), mode="read") as project, project.store.read() as tx:
        urls = sorted(str(row[0]) for row in tx.all("SELECT url FROM articles"))
    assert "http://user:pass@example.org/" not in urls  # the credentials never get in
    dup = tmp_path / "dup.jsonl"
    dup.write_bytes(b'{"text": "Plus de 300.", "text": "Autre.", "spans": []}\n')
    refused(run(["add", "--from", "prodigy", str(dup)], db, env=env), "dup.jsonl:1: ",
            "duplicate JSON key")
    big = tmp_path / "big.jsonl"
    big.write_bytes(orjson.dumps({"text": "x " * 2000, "spans": []}) + b"\n")
    refused(run(["add", "--from", "prodigy", str(big)], db, env=env), "article too large")


def test_a_span_that_does_not_fit_its_text_says_both_lengths() -> None:
    from claims.model import check_span

    assert check_span(184, 281, "x" * 92) == (
        "text", "has 92 characters but the span [184, 281) has 97")


def test_jsonl_saved_with_a_byte_order_mark_reads_as_without(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    articles = tmp_path / "articles.jsonl"
    articles.write_bytes(b"\xef\xbb\xbf" + orjson.dumps({"id": "a1", "text": SAMPLE_TEXT}) + b"\n")
    extracted = run(["extract", "--input", "jsonl", str(articles)])
    assert extracted.exit_code == 0, extracted.output
    assert '"article_id":"a1"' in extracted.stdout
    assert run(["add", str(articles)], db).exit_code == 0
    exported = tmp_path / "export.jsonl"
    assert run(["export", "-o", str(exported), "-q"], db).exit_code == 0
    with_bom = tmp_path / "with-bom.jsonl"
    with_bom.write_bytes(b"\xef\xbb\xbf" + exported.read_bytes())
    assert run(["validate", str(with_bom)]).exit_code == 0
    imported = run(["import", str(with_bom)], db)
    assert imported.exit_code == 0, imported.output
    # A mark anywhere else is still not JSON, named by its line.
    later = tmp_path / "later.jsonl"
    later.write_bytes(exported.read_bytes() + b"\xef\xbb\xbf{}\n")
    result = run(["validate", str(later)])
    line = len(exported.read_bytes().splitlines()) + 1
    assert result.exit_code == 1 and f"later.jsonl:{line}:" in result.output


def test_import_names_a_parquet_export_and_a_pretty_printed_record(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    db = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert run(["add", str(article)], db).exit_code == 0
    parquet = tmp_path / "export.parquet"
    assert run(["export", "--format", "parquet", "-o", str(parquet), "-q"], db).exit_code == 0
    native = tmp_path / "export.jsonl"
    assert run(["export", "-o", str(native), "-q"], db).exit_code == 0
    pretty = tmp_path / "pretty.json"
    pretty.write_bytes(orjson.dumps(orjson.loads(native.read_bytes().splitlines()[0]),
                                    option=orjson.OPT_INDENT_2))
    for path, what in ((parquet, "a Parquet export"),
                       (pretty, "one JSON object written over several lines")):
        for command in (["import", str(path)], ["validate", str(path)]):
            result = run(command, db)
            assert result.exit_code == 1
            assert result.stderr.startswith(f"claims: error: {path}: this is {what}")
            assert len(result.stderr.splitlines()) == 1


def test_a_bad_url_is_blamed_on_where_it_came_from(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_TEXT, encoding="utf-8")
    sidecar = tmp_path / "a.json"
    sidecar.write_text('{"title": "T", "url": "https://example.org/a"}', encoding="utf-8")
    result = run(["add", str(article), "--url", "javascript:x"], db)
    assert result.exit_code == 1
    assert result.stderr == "claims: error: --url: not an http(s) URL: 'javascript:x'\n"
    sidecar.write_text('{"title": "T", "url": "javascript:y"}', encoding="utf-8")
    result = run(["add", str(article)], db)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"claims: error: {sidecar}: url: not an http(s) URL")
    assert not db.exists()
    # The URL given on the command line is the one kept, so the sidecar's does not matter.
    assert run(["add", str(article), "--url", "https://example.org/b"], db).exit_code == 0


def test_a_line_cut_short_is_placed_within_that_line() -> None:
    """The position orjson gives is inside the line named, not on a "line 2" past its end."""
    from claims.files import FileProblem, loads

    for raw in (b'{"schema_version": 2,\n', b'{"schema_version": 2,\r\n'):
        with pytest.raises(FileProblem) as err:
            loads(raw, "f.jsonl", 7)
        assert str(err.value) == ("f.jsonl:7: not valid JSON (unexpected end of data: line 1 "
                                  "column 22 (char 21))")
