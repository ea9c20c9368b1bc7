"""Every `claims` command of the foundation, and every bad input it must refuse cleanly."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from annotator.cli import main
from tests.conftest import SAMPLE_TEXT
from tests.helpers import run_cli as run

ARTICLE_EN = (
    "About 40 firefighters battled the blaze on Tuesday night, the fire service said. "
    "The council will meet on Friday to discuss at least $2.5 million in repairs.\n\n"
    "\"We lost everything in ten minutes,\" said shop owner Maria Lopez."
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "greve.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


def first_claim(db: Path | str) -> str:
    result = run(["list", "--format", "jsonl"], db)
    return orjson.loads(result.stdout.splitlines()[0])["claim_id"]


def test_add_list_review_log_loop(article: Path, backend_url: str) -> None:
    db_path = backend_url  # the same loop on SQLite and on PostgreSQL
    result = run(["add", str(article), "--lang", "fr", "--published", "2025-03-04"], db_path)
    assert result.exit_code == 0, result.output
    assert "added" in result.stdout
    again = run(["add", str(article)], db_path)
    assert again.exit_code == 0 and "already present" in again.stdout

    listed = run(["list"], db_path)
    assert listed.exit_code == 0
    assert "Plus de 300 ouvriers" in listed.stdout
    claim_id = first_claim(db_path)

    reviewed = run(["review", claim_id, "--verdict", "1", "--source", "https://example.org/a",
                    "--title", "Rapport", "--quote", "300 ouvriers", "--stance", "supports",
                    "--note", "Chiffre confirmé", "--reviewer", "bob"], db_path)
    assert reviewed.exit_code == 0, reviewed.output
    rows = [orjson.loads(line) for line in run(["list", "--format", "jsonl"], db_path)
            .stdout.splitlines()]
    row = next(r for r in rows if r["id"] == claim_id)
    assert row["status"] == "accepted" and row["verdict"] == "supported"
    assert row["reviews"] == {"bob": {"status": "accepted", "verdict": "supported"}}

    log = run(["log", claim_id], db_path)
    assert "verdict supported" in log.stdout and "source https://example.org/a" in log.stdout
    assert "rationale: Chiffre confirmé" in log.stdout
    assert run(["list", "--status", "accepted"], db_path).stdout.count("\n") == 2


def test_review_by_position_name_and_prefix(article: Path, db_path: Path) -> None:
    run(["add", str(article)], db_path)
    claim_id = first_claim(db_path)
    assert run(["review", claim_id[:7], "--verdict", "Refuted"], db_path).exit_code == 0
    assert "refuted" in run(["list"], db_path).stdout
    assert run(["review", claim_id, "--reject"], db_path).exit_code == 0
    rejected = run(["list", "--status", "rejected", "--format", "jsonl"], db_path).stdout
    assert [orjson.loads(line)["claim_id"] for line in rejected.splitlines()] == [claim_id]


def test_undo_redo_commands(article: Path, db_path: Path) -> None:
    run(["add", str(article)], db_path)
    claim_id = first_claim(db_path)
    run(["review", claim_id, "--verdict", "2"], db_path)
    undone = run(["undo"], db_path)
    assert undone.exit_code == 0 and "undo: verdict refuted" in undone.stdout
    assert run(["list", "--status", "accepted"], db_path).stdout.count("\n") == 1
    nothing = run(["undo"], db_path)
    assert nothing.exit_code == 1 and "nothing to undo for tester" in nothing.stderr
    assert run(["redo"], db_path).exit_code == 0
    assert "refuted" in run(["list"], db_path).stdout


def test_init_chooses_the_scale(db_path: Path, article: Path) -> None:
    result = run(["init", "--scale", "fever"], db_path)
    assert result.exit_code == 0 and "1=SUPPORTS" in result.stdout
    run(["add", str(article)], db_path)
    claim_id = first_claim(db_path)
    assert run(["review", claim_id, "--verdict", "3"], db_path).exit_code == 0
    assert "NOT ENOUGH INFO" in run(["list"], db_path).stdout
    refused = run(["init", "--scale", "newsroom"], db_path)
    assert refused.exit_code == 1 and "cannot change" in refused.stderr


def test_add_jsonl_articles(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a1", "text": SAMPLE_TEXT, "lang": "fr", "published": "2025-03-04",
         "title": "Grève", "url": "https://example.org/greve"},
        {"id": 2, "text": ARTICLE_EN, "lang": "en"},
    ]
    path.write_bytes(b"\n".join(orjson.dumps(line) for line in lines) + b"\n")
    result = run(["add", str(path)], db_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("added") == 2
    assert run(["list", "--article", "a1"], db_path).exit_code == 0
    assert "firefighters" in run(["list", "--article", "2"], db_path).stdout


def test_list_keeps_each_article_together_in_reading_order(tmp_path: Path,
                                                          backend_url: str) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SAMPLE_TEXT, encoding="utf-8")
    second.write_text(ARTICLE_EN, encoding="utf-8")
    assert run(["add", str(first), str(second)], backend_url).exit_code == 0
    rows = [orjson.loads(line) for line in run(["list", "--format", "jsonl"], backend_url)
            .stdout.splitlines()]
    articles = [r["article_id"] for r in rows]
    # Each article's claims in one run, in the order the articles were added, and in text
    # order within it, not the two articles' claims interleaved by their offsets.
    assert len(set(articles)) == 2
    assert articles == sorted(articles, key=articles.index)
    assert rows[0]["text"] in SAMPLE_TEXT and rows[-1]["text"] in ARTICLE_EN
    for article_id in set(articles):
        starts = [r["start"] for r in rows if r["article_id"] == article_id]
        assert starts == sorted(starts)
    table = run(["list"], backend_url).stdout.splitlines()[1:]
    assert [line.split()[0] for line in table] == [r["claim_id"] for r in rows]


def test_add_reads_a_sidecar_and_markdown_title(tmp_path: Path, db_path: Path) -> None:
    md = tmp_path / "note.md"
    md.write_text("# Le titre\n\n" + SAMPLE_TEXT, encoding="utf-8")
    result = run(["add", str(md)], db_path)
    assert result.exit_code == 0 and "Le titre" in result.stdout
    txt = tmp_path / "story.txt"
    txt.write_text(ARTICLE_EN, encoding="utf-8")
    (tmp_path / "story.json").write_bytes(orjson.dumps({"title": "Fire", "published": "2025-01-07"}))
    assert "Fire" in run(["add", str(txt)], db_path).stdout


def test_add_detects_utf16_and_takes_an_encoding(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(SAMPLE_TEXT.encode("utf-16"))
    assert run(["add", str(path)], db_path).exit_code == 0
    latin = tmp_path / "latin.txt"
    latin.write_bytes(ARTICLE_EN.replace("said", "déclaré").encode("latin-1"))
    refused = run(["add", str(latin)], db_path)
    assert refused.exit_code == 1
    assert "not UTF-8" in refused.stderr and "--encoding latin-1" in refused.stderr
    assert run(["add", str(latin), "--encoding", "latin-1"], db_path).exit_code == 0


def _state(db: Path) -> bytes:
    return run(["list", "--format", "jsonl"], db).stdout.encode() if db.exists() else b""


BAD_FILES = {
    "missing": (None, "no such file"),
    "folder": ("dir", "is a directory"),
    "binary.txt": (b"\x00\x01\x02\x03" * 100, "binary content"),
    "empty.txt": (b"   \n", "the file is empty"),
    "cp1252.txt": ("Le café coûte 3 €".encode("cp1252"), "--encoding cp1252"),
    "bad.jsonl": (b'{"text": "ok, a fine article"}\n{"text": "broken\n', "bad.jsonl:2: not valid JSON"),
    "field.jsonl": (b'{"text": "a fine article"}\n{"text": 12}\n',
                    "field.jsonl:2: text: must be a non-empty string"),
    "date.jsonl": (b'{"text": "x y z", "published": "March 3"}\n', "date.jsonl:1: published: "),
    "lang.jsonl": (b'{"text": "x y z", "lang": "de"}\n', "language 'de' is not supported"),
    "extra.jsonl": (b'{"text": "x y z", "body": 1}\n', "extra.jsonl:1: body: unknown field"),
    "notes.pdf": (b"%PDF-1.4", "unsupported file type '.pdf'"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_add_refuses_bad_files_and_changes_nothing(
    name: str, tmp_path: Path, article: Path, db_path: Path
) -> None:
    run(["add", str(article)], db_path)
    before = _state(db_path)
    content, message = BAD_FILES[name]
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE_EN, encoding="utf-8")
    result = run(["add", str(good), str(path)], db_path)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert str(path.name) in result.stderr
    assert "Traceback" not in result.output
    assert _state(db_path) == before  # the good file given first was not added either


def test_unreadable_file(tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(SAMPLE_TEXT)
    real = os.open

    def denied(name: str, flags: int, *args: int) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real(name, flags, *args)

    # Root reads any file, so a permission error is simulated where the one reader opens.
    monkeypatch.setattr(os, "open", denied)
    result = run(["add", str(path)], db_path)
    assert result.exit_code == 1
    assert "secret.txt: cannot read (Permission denied)" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "nosuchclaim", "--accept"], "unknown claim 'nosuchclaim'"),
        (["review", "{claim}", "--verdict", "maybe"], "--verdict: unknown verdict 'maybe'"),
        (["review", "{claim}", "--verdict", "7"], "has 4 labels, not 7"),
        (["review", "{claim}", "--source", "ftp://example.org/x"], "not an http(s) URL"),
        (["review", "{claim}", "--source", "javascript:alert(1)"], "not an http(s) URL"),
        (["review", "{claim}", "--accept", "--reviewer", "ev\x1bil"], "control characters"),
        (["list", "--article", "nosuch"], "unknown article 'nosuch'"),
        (["log", "nosuch"], "unknown claim 'nosuch'"),
        (["add", "{article}", "--published", "yesterday"], "--published: 'yesterday'"),
        (["add", "{article}", "--url", "file:///etc/passwd"], "--url: not an http(s) URL"),
    ],
)
def test_bad_arguments_are_named(args: list[str], message: str, article: Path,
                                 db_path: Path) -> None:
    run(["add", str(article)], db_path)
    claim_id = first_claim(db_path)
    events_before = run(["log"], db_path).stdout
    args = [a.replace("{claim}", claim_id).replace("{article}", str(article)) for a in args]
    result = run(args, db_path)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert run(["log"], db_path).stdout == events_before


def test_usage_errors_exit_2(db_path: Path) -> None:
    assert run(["review", "abc"], db_path).exit_code == 2
    assert run(["list", "--status", "maybe"], db_path).exit_code == 2
    assert run(["add"], db_path).exit_code == 2
    assert run(["nosuchcommand"], db_path).exit_code == 2


def test_database_path_problems(tmp_path: Path, article: Path) -> None:
    result = run(["add", str(article)], tmp_path / "no" / "such" / "dir.db")
    assert result.exit_code == 1 and "does not exist" in result.stderr
    result = run(["list"], tmp_path)
    assert result.exit_code == 1 and "is a directory" in result.stderr
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"definitely not sqlite" * 200)
    result = run(["list"], junk)
    assert result.exit_code == 1 and "not a claims database" in result.stderr


def test_read_only_database_is_reported(tmp_path: Path, article: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "ro.db"
    run(["add", str(article)], db)
    claim_id = first_claim(db)
    before = run(["log"], db).stdout
    # Root ignores file modes; a read-only mount is what a user would hit. Simulate it with
    # SQLite's own read-only switch, which fails writes exactly as a read-only file does.
    original = sqlite3.connect

    def read_only(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = original(*args, **kwargs)
        conn.execute("PRAGMA query_only = ON")
        return conn

    with monkeypatch.context() as patch:
        patch.setattr(sqlite3, "connect", read_only)
        result = run(["review", claim_id, "--accept"], db)
    assert result.exit_code == 1
    assert "read-only" in result.stderr and str(db) in result.stderr
    assert run(["log"], db).stdout == before


def test_terminal_control_in_article_is_printed_visibly(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text("The mayor said \x1b]0;pwned\x07 that 500 people \x1b[2J came on Monday.",
                    encoding="utf-8")
    run(["add", str(path), "--lang", "en"], db_path)
    listed = run(["list"], db_path)
    assert "\x1b" not in listed.stdout and "\x07" not in listed.stdout
    assert "␛]0;pwned␇" in listed.stdout


def test_command_runs_as_a_real_process(tmp_path: Path, article: Path) -> None:
    env = {**os.environ, "CLAIMS_DB": str(tmp_path / "p.db")}
    done = subprocess.run([sys.executable, "-m", "annotator.cli", "add", str(article)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    bad = subprocess.run([sys.executable, "-m", "annotator.cli", "review", "zz", "--accept"],
                         env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert bad.stderr.strip() == "claims: error: unknown claim 'zz'"


def test_init_publisher_reaches_claimreview(db_path: Path, article: Path) -> None:
    bad = run(["init", "--publisher-url", "ftp://factcheck.example"], db_path)
    assert bad.exit_code == 1 and "--publisher-url" in bad.stderr
    assert run(["init", "--publisher", "Vérif Ouest", "--publisher-url",
                "https://verif.example.org"], db_path).exit_code == 0
    run(["add", str(article)], db_path)
    run(["review", first_claim(db_path), "--verdict", "1"], db_path)
    exported = run(["export", "--format", "claimreview", "-o", "-"], db_path)
    assert exported.exit_code == 0, exported.output
    assert "Vérif Ouest" in exported.stdout and "https://verif.example.org#claim-" in exported.stdout


def test_extract_prints_jsonl_without_a_database(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "untouched.db"
    result = run(["extract", str(article), "--published", "2025-03-04"], db)
    assert result.exit_code == 0, result.output
    rows = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert rows and not db.exists()
    for row in rows:
        assert row["text"] == SAMPLE_TEXT[row["start"] : row["end"]]
        assert set(row) >= {"id", "start", "end", "text", "kind", "score", "quantities", "dates",
                            "speaker"}
    first = rows[0]
    assert first["quantities"][0]["comparator"] == ">" and first["quantities"][0]["value"] == 300
    assert first["dates"][0]["from"] == "2025-03-04"  # "mardi" on or before a Tuesday
    strict = run(["extract", str(article), "--min-score", "0.99"], db)
    assert len(strict.stdout.splitlines()) < len(rows)


def test_extract_jsonl_input_keeps_line_ids(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(orjson.dumps({"id": "fr-1", "text": SAMPLE_TEXT, "published": "2025-03-04"})
                     + b"\n\n" + orjson.dumps({"id": 7, "text": ARTICLE_EN, "lang": "en"}) + b"\n")
    result = run(["extract", str(path), "--input", "jsonl"], tmp_path / "x.db")
    assert result.exit_code == 0, result.output
    ids = {orjson.loads(line)["article_id"] for line in result.stdout.splitlines()}
    assert ids == {"fr-1", 7}
    piped = run(["extract", "-", "--input", "jsonl"], tmp_path / "x.db",
                input=orjson.dumps({"id": "s", "text": ARTICLE_EN}) + b"\n")
    assert piped.exit_code == 0 and '"article_id":"s"' in piped.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": 1, "text": "fine"}\n{"id": 2}\n', "corpus.jsonl:2: text: must be a non-empty string"),
        (b'{"text": "no id"}\n', "corpus.jsonl:1: id: is missing"),
        (b'{"id": 1, "text": "x", "published": "soon"}\n', "corpus.jsonl:1: published: "),
        (b"not json\n", "corpus.jsonl:1: not valid JSON"),
    ],
)
def test_extract_names_the_bad_jsonl_line(content: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(content)
    result = run(["extract", str(path), "--input", "jsonl"], tmp_path / "x.db")
    assert result.exit_code == 1 and message in result.stderr


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        (b'{"id": null, "text": "x"}\n', [], "corpus.jsonl:1: id: is missing"),
        (b'{"id": true, "text": "x"}\n', [], "corpus.jsonl:1: id: must be a string or an integer"),
        (b'{"text": ""}\n', [], "corpus.jsonl:1: text: must be a non-empty string"),
        (b'{"id": 1, "text": "ok"}\n{"id": 2, "text": "caf\xe9"}\n', [],
         "corpus.jsonl:2: not UTF-8 (byte 0xe9 at byte 23 of the line); JSON Lines are UTF-8"),
        (b'{"id": 1, "text": "\xed\xa0\x80"}\n', [],
         "corpus.jsonl:1: not UTF-8 (byte 0xed at byte 20 of the line); JSON Lines are UTF-8"),
        ('{"id": 1, "text": "x"}\n'.encode("utf-16"), [],
         "corpus.jsonl:1: saved as UTF-16, not UTF-8; save it as UTF-8 (iconv -f UTF-16 -t "
         "UTF-8 FILE > NEW)"),
        (b'{"id": 1, "id": 2, "text": "x"}\n', [],
         "corpus.jsonl:1: id: appears twice in one object (duplicate JSON key)"),
        (b'[1, 2]\n', [], "corpus.jsonl:1: expected a JSON object with a 'text' field"),
        (b'{"id": 1, "text": "caf\xe9"}\n', ["--encoding", "ascii"],
         "corpus.jsonl:1: not valid ascii text"),
    ],
)
def test_extract_jsonl_messages_by_line(content: bytes, options: list[str], message: str,
                                        tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(content)
    result = run(["extract", str(path), "--input", "jsonl", *options], tmp_path / "x.db")
    assert result.exit_code == 1 and result.stderr == f"claims: error: {tmp_path}/{message}\n"
    assert result.stdout == ""


def test_extract_jsonl_parses_each_line_once(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """One parse a line (it was parsed twice: to check it, then to read its id), and no
    separate pass over its bytes for UTF-8; the output is as before, ids verbatim."""
    import claims.files

    calls: list[int] = []
    real_loads, real_not_utf8 = claims.files.loads, claims.files.not_utf8

    def loads(raw: Any, name: str, line: int | None = None) -> Any:
        calls.append(line or 0)
        return real_loads(raw, name, line)

    def not_utf8(raw: bytes, line: int | None = None) -> str | None:
        calls.append(-(line or 0))
        return real_not_utf8(raw, line)

    monkeypatch.setattr(claims.files, "loads", loads)
    monkeypatch.setattr(claims.files, "not_utf8", not_utf8)
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b'{"id": "a-1", "text": "Plus de 300 ouvriers sont partis mardi."}\n'
                     b'{"id": 7, "text": "Il y a 40 maisons au bord du fleuve."}\n'
                     b'{"id": "c", "text": "caf\xe9 ferm\xe9 le 3 mars 2024."}\n')
    result = run(["extract", str(path), "--input", "jsonl", "--encoding", "latin-1",
                  "--published", "2024-03-05"], tmp_path / "x.db")
    assert result.exit_code == 0, result.output
    assert calls == [1, 2, 3]
    ids = [orjson.loads(line)["article_id"] for line in result.stdout.splitlines()]
    assert set(ids) == {"a-1", 7, "c"}
    calls.clear()
    path.write_bytes('{"id": 1, "text": "La grève a duré 12 jours."}\n'.encode())
    assert run(["extract", str(path), "--input", "jsonl"], tmp_path / "x.db").exit_code == 0
    assert calls == [1]


def test_extract_refuses_missing_and_binary_files(tmp_path: Path) -> None:
    missing = run(["extract", str(tmp_path / "nope.txt")], tmp_path / "x.db")
    assert missing.exit_code == 1 and "nope.txt: no such file" in missing.stderr
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    refused = run(["extract", str(binary)], tmp_path / "x.db")
    assert refused.exit_code == 1 and "binary content" in refused.stderr


def test_init_without_scale_keeps_the_projects_scale(db_path: Path, article: Path) -> None:
    run(["init", "--scale", "fever"], db_path)
    run(["add", str(article)], db_path)
    run(["review", first_claim(db_path), "--verdict", "1"], db_path)
    result = run(["init", "--publisher", "Acme"], db_path)
    assert result.exit_code == 0 and "fever scale" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "{claim}", "--reviewer", "", "--accept"], "reviewer name is empty"),
        (["review", "{claim}", "--verdict", ""], "unknown verdict ''"),
        (["review", "{claim}", "--verdict", "²"], "unknown verdict '²'"),
        (["list", "--article", ""], "unknown article ''"),
        (["review", "{claim}", "--note", "bad \udcff byte"], "not valid UTF-8"),
        (["review", "{claim}", "--accept", "--reviewer", "bob\udcff"], "--reviewer: not valid UTF-8"),
        (["review", "{claim}", "--accept", "--reviewer", "bob\u2028x"], "line breaks"),
        (["review", "{claim}", "--accept", "--reviewer", "b\u2029ob"], "line breaks"),
    ],
)
def test_empty_and_undecodable_values_are_refused(args: list[str], message: str, article: Path,
                                                  db_path: Path) -> None:
    run(["add", str(article)], db_path)
    claim_id = first_claim(db_path)
    before = run(["log"], db_path).stdout
    result = run([a.replace("{claim}", claim_id) for a in args], db_path)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert run(["log"], db_path).stdout == before


def test_empty_database_setting_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["list", "--db", ""])
    assert result.exit_code == 1 and "is empty" in result.stderr


def test_extract_offsets_index_the_file_as_decoded(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(SAMPLE_TEXT.replace("\n", "\r\n").encode("utf-8"))
    result = run(["extract", str(path)], tmp_path / "x.db")
    decoded = path.read_bytes().decode("utf-8")
    rows = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) > 2
    assert all(decoded[r["start"] : r["end"]] == r["text"] for r in rows)


def test_nul_characters_are_refused_by_name(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    path.write_bytes(orjson.dumps({"text": "A long enough article text " * 20 + "\u0000 end"}) + b"\n")
    result = run(["add", str(path)], db_path)
    assert result.exit_code == 1 and "nul.jsonl:1: text: contains NUL" in result.stderr
    late = tmp_path / "late.txt"
    late.write_text("Plain text. " * 1000 + "\x00", encoding="utf-8")
    result = run(["add", str(late)], db_path)
    assert result.exit_code == 1 and "late.txt: contains NUL characters" in result.stderr


def test_postgres_password_never_shown() -> None:
    from claims.store.target import redact

    assert redact("postgresql://ann:s3cret@db.example/claims") == "postgresql://ann:***@db.example/claims"
    assert "s3cret" not in redact("postgresql:///claims?host=/tmp&password=s3cret&port=5")


def test_article_urls_must_be_http(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "links.jsonl"
    path.write_bytes(orjson.dumps({"text": SAMPLE_TEXT, "url": "javascript:alert(1)"}) + b"\n")
    result = run(["add", str(path)], db_path)
    assert result.exit_code == 1 and "links.jsonl:1: url: " in result.stderr
    txt = tmp_path / "story.txt"
    txt.write_text(ARTICLE_EN, encoding="utf-8")
    (tmp_path / "story.json").write_bytes(orjson.dumps({"url": "file:///etc/passwd"}))
    result = run(["add", str(txt)], db_path)
    assert result.exit_code == 1 and "story.json: url: " in result.stderr


def test_db_and_reviewer_before_or_after_the_command(article: Path, tmp_path: Path) -> None:
    before, after, env_db = tmp_path / "before.db", tmp_path / "after.db", tmp_path / "env.db"
    assert run(["--db", str(before), "add", str(article)], env_db).exit_code == 0
    assert before.exists() and not env_db.exists()
    claim = first_claim(before)
    result = run(["--db", str(before), "--reviewer", "zoe", "review", claim, "--verdict", "1"],
                 env_db)
    assert result.exit_code == 0, result.output
    log = run(["log", "--db", str(before), "--format", "jsonl"], env_db)
    assert orjson.loads(log.stdout.splitlines()[-1])["reviewer"] == "zoe"
    # Given on both sides, the one after the command wins.
    assert run(["--db", str(before), "add", str(article), "--db", str(after)],
               env_db).exit_code == 0
    assert after.exists()
