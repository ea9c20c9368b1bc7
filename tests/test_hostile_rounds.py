"""Hostile round trips: what reaches a real terminal, and crafted native JSONL that `claims
import` and `claims validate` must both refuse by line and field (or both take, correctly).
Beside tests/test_hostile_input.py, which covers the other ways in."""

from __future__ import annotations

import copy
import os
import pty
import select
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.conftest import SAMPLE_TEXT
from tests.helpers import run_cli as run

HOSTILE = "\x1b]0;PWNED\x07\x1b[2J\u202e[bold red]x[/]\u2028\x9b"
CONTROLS = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0), 0x202E, 0x2028)
            if chr(c) not in "\n\t"]


def _on_a_terminal(args: list[str], db: Path) -> bytes:
    """What `claims ARGS` writes to a terminal (a pseudo-terminal as its standard output)."""
    main, child = pty.openpty()
    env = {**os.environ, "CLAIMS_DB": str(db), "CLAIMS_REVIEWER": "tester"}
    process = subprocess.Popen([sys.executable, "-c", "from annotator.cli import main; main()",
                                *args], stdout=child, stderr=subprocess.PIPE, env=env)
    os.close(child)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return b"".join(chunks)


@pytest.fixture
def hostile_project(tmp_path: Path) -> Path:
    """A SQLite project whose article title, claim, reviewer note and source quote carry
    terminal controls and markup (a source title is one line: such a one is refused)."""
    db = tmp_path / "claims.db"
    path = tmp_path / "evil.jsonl"
    text = f"Plus de 300 ouvriers {HOSTILE} sont partis mardi du chantier."
    path.write_bytes(orjson.dumps({"text": text, "title": HOSTILE, "lang": "fr"}) + b"\n")
    assert run(["add", str(path)], db).exit_code == 0
    claim = orjson.loads(run(["list", "--format", "jsonl"], db).stdout.splitlines()[0])
    done = run(["review", claim["claim_id"], "--verdict", "1", "--note", HOSTILE,
                "--source", "https://example.org/a", "--title", "Report",
                "--quote", HOSTILE], db)
    assert done.exit_code == 0, done.output
    return db


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "fever", "averitec"])
def test_an_export_to_a_terminal_never_drives_it(fmt: str, hostile_project: Path) -> None:
    shown = _on_a_terminal(["export", "--format", fmt, "-q"], hostile_project).decode()
    assert "PWNED" in shown
    # The terminal's own line discipline turns "\n" into "\r\n"; nothing else may be raw.
    found = sorted({hex(ord(c)) for c in shown.replace("\r\n", "\n") if c in CONTROLS})
    assert found == [], found


def test_csv_to_a_file_or_a_pipe_stays_exact(hostile_project: Path, tmp_path: Path) -> None:
    """Only a terminal sees the visible placeholders; the dataset itself is unchanged."""
    out = tmp_path / "out.csv"
    assert run(["export", "--format", "csv", "-o", str(out)], hostile_project).exit_code == 0
    piped = run(["export", "--format", "csv", "-q"], hostile_project).stdout_bytes
    assert piped == out.read_bytes()
    assert HOSTILE.encode() in piped and b"\r\n" in piped


# -- crafted native records: import and validate agree --------------------------------------


@pytest.fixture
def native(tmp_path: Path) -> list[dict[str, Any]]:
    """The native records (with their article) of a project holding one reviewed claim."""
    db = tmp_path / "source.db"
    article = tmp_path / "greve.txt"
    article.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert run(["add", str(article), "--lang", "fr"], db).exit_code == 0
    claim = orjson.loads(run(["list", "--format", "jsonl"], db).stdout.splitlines()[0])
    assert run(["review", claim["claim_id"], "--verdict", "1", "--note", "ok"],
               db).exit_code == 0
    out = tmp_path / "native.jsonl"
    assert run(["export", "--with-articles", "-o", str(out)], db).exit_code == 0
    return [orjson.loads(line) for line in out.read_bytes().splitlines()]


def _both(tmp_path: Path, lines: list[bytes]) -> tuple[Any, Any, Path]:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    fresh = tmp_path / "fresh.db"
    assert run(["init"], fresh).exit_code == 0
    before = run(["log", "--format", "jsonl"], fresh).stdout
    imported = run(["import", str(path)], fresh)
    validated = run(["validate", str(path)], fresh)
    if imported.exit_code != 0:
        assert run(["log", "--format", "jsonl"], fresh).stdout == before
    return imported, validated, fresh


def _one_refusal(result: Any, where: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert where in result.stderr, (where, result.stderr)


def _with(record: dict[str, Any], path: str, value: Any) -> bytes:
    changed = copy.deepcopy(record)
    target: Any = changed
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    target[int(last) if isinstance(target, list) else last] = value
    return orjson.dumps(changed)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("start", "0"),  # a number written as a string
        ("end", True),  # a boolean where an offset goes
        ("schema_version", "2"),
        ("score", "0.5"),
        ("sentence.start", "0"),
        ("quantities.0.start", "0"),
        ("quantities.0.value", "300"),
        ("end", 1.0e1),  # JSON Schema calls 10.0 an integer; our offsets are written 10
        ("article.published", 86400),  # a day as a number of seconds
        ("dates.0.from", 0),
    ],
)
def test_a_value_of_the_wrong_json_type_is_refused_by_both(
        field: str, value: Any, native: list[dict[str, Any]], tmp_path: Path) -> None:
    record = native[0]
    if field.startswith("dates"):
        record = next(r for r in native if r["dates"])
    line = _with(record, field, value)
    imported, validated, _ = _both(tmp_path, [line])
    _one_refusal(imported, f"in.jsonl:1: {field}")
    _one_refusal(validated, f"in.jsonl:1: {field}")


def test_an_article_id_that_is_not_its_texts_is_refused_by_both(
        native: list[dict[str, Any]], tmp_path: Path) -> None:
    lines = [orjson.dumps(native[0]), _with(native[1], "article.id", "0" * 16)]
    imported, validated, _ = _both(tmp_path, lines)
    _one_refusal(imported, "in.jsonl:2: article.text")
    _one_refusal(validated, "in.jsonl:2: article.text")


LINE = orjson.dumps({"text": "Plus de 300 ouvriers ont quitté le chantier.", "lang": "fr"})


@pytest.mark.parametrize("command", [["add"], ["extract", "--input", "jsonl"], ["import"],
                                     ["validate"]])
@pytest.mark.parametrize(
    ("content", "says"),
    [
        (LINE.decode().encode("utf-16") + b"\n", "in.jsonl:1: saved as UTF-16"),
        (LINE.replace("é".encode(), b"\xe9") + b"\n", "in.jsonl:1: not UTF-8 (byte 0xe9 at "),
        (b"\n\n" + LINE.replace(b"300", b"3\xff0") + b"\n", "in.jsonl:3: not UTF-8 (byte 0xff at "),
    ],
    ids=["utf-16", "latin-1", "third line"],
)
def test_a_jsonl_file_not_in_utf8_says_so_by_line(command: list[str], content: bytes, says: str,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(content)
    result = run([*command, str(path)], tmp_path / "claims.db")
    assert result.exit_code == 1 and "Traceback" not in result.output
    where, what = says.split(": ", 1)  # (validate puts "(record): " between them)
    assert any(where in line and what in line for line in result.stderr.splitlines()), \
        result.stderr
    assert "surrogates" not in result.stderr


@pytest.mark.parametrize(
    ("facets", "change", "field"),
    [
        ("quantities", {"text": "999 ouvriers"}, "quantities.0.text"),
        ("dates", {"text": "jeudi"}, "dates.0.text"),
        ("dates", {"from": "2025-03-05", "to": "2025-03-04"}, "dates.0.to"),
    ],
)
def test_a_facet_that_says_other_words_or_ends_before_it_starts_is_refused(
        facets: str, change: dict[str, Any], field: str, native: list[dict[str, Any]],
        tmp_path: Path) -> None:
    """A quantity or date carries the words it was read from, exactly as in the claim, and a
    period ends on or after its first day: a record saying otherwise was not written by us."""
    record = copy.deepcopy(next(r for r in native if r[facets]))
    record[facets][0].update(change)
    imported, validated, _ = _both(tmp_path, [orjson.dumps(record)])
    _one_refusal(imported, f"in.jsonl:1: {field}")
    _one_refusal(validated, f"in.jsonl:1: {field}")


def test_a_tab_or_line_break_in_a_cell_never_breaks_a_table_row(tmp_path: Path) -> None:
    """`claims list`, `log`, `similar` and `agree` print one row a claim or event: a tab or
    a line break in the text, a title or a rationale shows as a space."""
    db = tmp_path / "claims.db"
    path = tmp_path / "tabs.jsonl"
    text = "Plus de 300\touvriers ont quitté mardi\u2028le chantier naval de Saint-Brieuc."
    path.write_bytes(orjson.dumps({"text": text, "title": "Grève\tau\nchantier",
                                   "lang": "fr"}) + b"\n")
    assert run(["add", str(path)], db).exit_code == 0
    claim = orjson.loads(run(["list", "--format", "jsonl"], db).stdout.splitlines()[0])
    for reviewer in ("ana", "bob"):
        done = run(["review", claim["claim_id"], "--verdict", "1", "--note", "vu\tle\nrapport"],
                   db, reviewer=reviewer)
        assert done.exit_code == 0, done.output
    for args, rows in ((["list"], 2), (["log"], 4), (["similar", claim["claim_id"]], 0)):
        shown = run(args, db).stdout
        assert "\t" not in shown, (args, shown)
        assert len(shown.splitlines()) == rows, (args, shown)
    agree = run(["agree", "--min-items", "1"], db).stdout
    assert "\t" not in agree and "Grève au chantier" in agree


@pytest.mark.parametrize("name", ["Le \x1b]0;PWNED\x07Vérificateur", "Vérif\u202eication",
                                  "Deux\nlignes", "   "])
@pytest.mark.parametrize("command", ["init", "export"])
def test_a_publisher_name_is_one_line_of_text(name: str, command: str, tmp_path: Path) -> None:
    """The organisation ClaimReview names as the author is typed once and published in every
    fact-check: one that holds controls, bidi overrides or line breaks, or is blank, is
    refused before anything is created or written."""
    db = tmp_path / "claims.db"
    if command == "export":
        assert run(["init"], db).exit_code == 0
    args = {"init": ["init"], "export": ["export", "--format", "claimreview",
                                         "-o", str(tmp_path / "out.json")]}[command]
    result = run([*args, "--publisher", name, "--publisher-url", "https://example.org"], db)
    _one_refusal(result, "--publisher")
    assert not (tmp_path / "out.json").exists()
    if command == "init":
        assert not db.exists()


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_validate_never_calls_a_bad_file_valid_whatever_the_error_limit(
        limit: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"not": "a record"}\n')
    result = run(["validate", "--max-errors", limit, str(path)], tmp_path / "claims.db")
    assert result.exit_code == 2 and "--max-errors" in result.output, result.output
    assert "valid" not in result.stdout


def test_validate_stopped_at_its_limit_is_not_valid(tmp_path: Path) -> None:
    from exports.validate import validate_file

    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"not": "a record"}\n' * 3)
    report = validate_file(path, max_problems=0)
    assert not report.ok and report.truncated


@pytest.mark.parametrize(
    "args",
    [
        ["log", "--limit", "99999999999999999999999"],
        ["stats", "--break", "nan"],
        ["extract", "--min-score", "nan", "ARTICLE"],
    ],
)
def test_a_number_out_of_any_sense_is_a_usage_error(args: list[str], tmp_path: Path) -> None:
    """A limit past what the database can count, or NaN where a number is compared, is
    refused by its option, not passed on (a database error, or every comparison false)."""
    db = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert run(["add", str(article)], db).exit_code == 0
    result = run([str(article) if a == "ARTICLE" else a for a in args], db)
    assert result.exit_code == 2, result.output
    assert args[1] in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("args", "says"), [
    (["log", ""], "empty claim id"),
    (["log", "--reviewer", "anna"], "--reviewer: no reviewer 'anna' in this project (tester)"),
    (["export", "--reviewer", "anna"], "--reviewer: no reviewer 'anna'"),
])
def test_a_typo_in_what_to_show_is_named_not_shown_as_nothing(
        args: list[str], says: str, tmp_path: Path) -> None:
    """An empty claim id (a script's unset variable) or a reviewer nobody is would show the
    whole log, or nothing, as if that were the answer."""
    db = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert run(["add", str(article)], db).exit_code == 0
    claim = orjson.loads(run(["list", "--format", "jsonl"], db).stdout.splitlines()[0])
    assert run(["review", claim["claim_id"], "--verdict", "1"], db).exit_code == 0
    result = run(args, db)
    _one_refusal(result, says)
    assert result.stdout == ""


@pytest.mark.parametrize(("extra", "field"), [
    ({"id": {"a": 1}}, "id"),
    ({"id": True}, "id"),
    ({"id": "a", "title": 5}, "title"),
    ({"id": "a", "url": "javascript:alert(1)"}, "url"),
    ({"id": "a", "metadata": "x"}, "metadata"),
    ({"id": "a", "txt": "typo"}, "txt"),
])
def test_extract_reads_an_article_line_as_add_does(extra: dict[str, Any], field: str,
                                                   tmp_path: Path) -> None:
    """`claims extract --input jsonl` and `claims add` read the same article lines: what add
    refuses by line and field, extract refuses the same way (and needs the line's id)."""
    path = tmp_path / "in.jsonl"
    path.write_bytes(orjson.dumps({"text": SAMPLE_TEXT, **extra}) + b"\n")
    for command in (["add"], ["extract", "--input", "jsonl"]):
        result = run([*command, str(path)], tmp_path / "claims.db")
        _one_refusal(result, f"in.jsonl:1: {field}: ")
        assert result.stdout == ""


def test_a_damaged_text_in_the_database_is_named_as_damage(tmp_path: Path) -> None:
    """A page of the file overwritten (a disk fault, a stray write) can leave a stored text
    that is not UTF-8: every command says the database is damaged, in one line, without
    echoing the garbage."""
    import sqlite3

    db = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert run(["add", str(article)], db).exit_code == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE claims SET text = CAST(x'ff00fe41' AS TEXT)")
    for args in (["list"], ["list", "--format", "jsonl"], ["stats"]):
        result = run(args, db)
        _one_refusal(result, f"{db}: damaged")
        assert "\ufffd" not in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("args, data", [
    (["add", "-"], b""),
    (["add", "-"], b"  \n\t\n"),
    (["add", "--from", "prodigy", "-"], b""),
    (["add", "--known", "-"], b""),
    (["add", "-"], b"\xff\xfeA\x00"[:3]),
    (["extract", "-"], b"caf\xe9 \xff"),
])
def test_standard_input_is_named_as_such(args: list[str], data: bytes, tmp_path: Path) -> None:
    """A refusal of what came on standard input names it "standard input", never "-" or
    "<stdin>", which a reviewer could take for a file of that name."""
    result = run(args, tmp_path / "claims.db", input=data)
    _one_refusal(result, "standard input")
    assert not result.stderr.startswith(("claims: error: -:", "claims: error: <stdin>"))
    assert "<stdin>" not in result.stderr


def test_validate_names_standard_input(tmp_path: Path) -> None:
    result = run(["validate", "-"], tmp_path / "claims.db", input=b"{}\n")
    assert result.exit_code == 1
    assert result.output.startswith("standard input:1:"), result.output


# -- length caps on what reviewers write -----------------------------------------------------

CAPS = {"rationale": 20_000, "title": 500, "quote": 5_000}


@pytest.mark.parametrize("field", sorted(CAPS))
def test_review_text_longer_than_its_cap_is_refused_naming_the_field(
    field: str, backend_url: str
) -> None:
    """A 50 MB rationale (or a long source title or quote) from the command line is refused by
    name with its cap, nothing saved; text at the cap is taken."""
    from claims.project import Project
    from tests.conftest import _fill

    with Project.open(backend_url) as project:
        _, ids = _fill(project)
    option = {"rationale": "--note", "title": "--title", "quote": "--quote"}[field]
    source = [] if field == "rationale" else ["--source", "https://example.org/a"]
    limit = CAPS[field]
    for size in (limit + 1, 50 * 1024 * 1024):
        refused = run(["review", ids[0], *source, option, "é" * size], backend_url)
        _one_refusal(refused, f"{field} is longer than {limit:,} characters")
        assert len(refused.stderr) < 300
    assert run(["log", "--format", "jsonl"], backend_url).stdout == ""
    done = run(["review", ids[0], *source, option, "é" * limit], backend_url)
    assert done.exit_code == 0, done.output


@pytest.mark.parametrize(("path", "limit"), [
    ("reviews.0.rationale", 20_000),
    ("reviews.0.sources.0.title", 500),
    ("reviews.0.sources.0.quote", 5_000),
    ("adjudication.note", 2_000),
])
def test_an_import_line_over_a_cap_is_refused_by_both(
        path: str, limit: int, native: list[dict[str, Any]], tmp_path: Path) -> None:
    record = copy.deepcopy(native[0])
    record["reviews"][0]["sources"] = [{"url": "https://example.org/a", "title": "t",
                                        "quote": "q", "stance": "supports",
                                        "accessed": "2025-03-04"}]
    if path.startswith("adjudication"):
        record["adjudication"] = {"reviewer": "ada", "verdict": record["verdict"], "note": "n",
                                  "ts": record["reviews"][0]["updated_at"]}
    assert _both(tmp_path, [orjson.dumps(record)])[0].exit_code == 0
    (tmp_path / "fresh.db").unlink()
    imported, validated, _ = _both(tmp_path, [_with(record, path, "x" * (limit + 1))])
    _one_refusal(imported, f"in.jsonl:1: {path}: is longer than {limit:,} characters")
    _one_refusal(validated, f"in.jsonl:1: {path}: is longer than {limit:,} characters")


def test_the_schema_states_the_caps() -> None:
    from exports.records import json_schema

    schema = json_schema()
    source = schema["$defs"]["Source"]["properties"]
    review = schema["$defs"]["ReviewRecord"]["properties"]
    assert source["title"]["maxLength"] == 500 and source["quote"]["maxLength"] == 5_000
    assert source["url"]["maxLength"] == 2_048
    assert review["rationale"]["maxLength"] == 20_000 and review["claim_text"]["maxLength"] == 2_000
    assert schema["$defs"]["AdjudicationRecord"]["properties"]["note"]["maxLength"] == 2_000
