"""Hostile input: whatever bytes a user feeds in, a clean error or a clean import, never a crash.

Property tests (hypothesis) over every door articles and reviews come in by: the file loader
(`.txt`, `.md`, `.jsonl`, any bytes, any encoding), `claims add` end to end, the extractor on
any text, and `claims import` on mutated exports. Refused input changes nothing; accepted input
gives claims whose offsets are valid (`text == article[start:end]`). Terminal control
sequences in article text, titles, URLs, notes and reviewer names never reach the terminal
through the command line's output.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.cli.article_files import iter_articles
from claims.extract import extract
from claims.files import FileProblem
from claims.project import Project
from tests.reliability.support import (
    derived_state_mismatches,
    integrity_check,
    sentence_claims,
    synthetic_article,
)

FUZZ = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ_SLOW = settings(FUZZ, max_examples=60)

# Pieces that stress the extractor and the loaders: numbers, dates, quotes, separators,
# controls, markup, escape sequences, odd spaces and surrogates.
FRAGMENTS = [
    "plus de ", "500", "1 200", "1\u202f200", "2,5", "%", " millions d'euros", "mardi",
    "le 16 et 17 février", "« ", " »", "\u201c", "\u201d", '"', ". ", "! ", "? ", "; ", "\n",
    "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "\x00", "\x1b[31m", "\x1b]0;pwned\x07", "\x9b2J",
    "[bold red]", "[/]", "[link=https://x]", "\u202e", "a déclaré ", "Marie Curie", "about ",
    "more than ", "on Friday", "3 March 2021", "\ud800", "🙂", "e\u0301", "M.", "Dr. ", "...",
    "-", "—", "(", ")", "http://example.org/a b", "St. ", "n°", "1er", "XXe", "\ufeff",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60
).map("".join)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        hostile_text)
json_value = st.recursive(json_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)
ARTICLE_FIELDS = ["id", "text", "title", "url", "published", "lang", "metadata", "extra"]
jsonl_record = st.dictionaries(
    st.sampled_from(ARTICLE_FIELDS),
    st.one_of(json_value, hostile_text, st.sampled_from(["fr", "en", "auto", "de", "2022-03-01",
                                                          "2022-02-30", "https://ex.org/"])),
    max_size=6,
)


def _json_bytes(value: Any) -> bytes:
    # The standard library writes what orjson refuses (integers past 64 bits, lone surrogates).
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


def jsonl_bytes() -> st.SearchStrategy[bytes]:
    line = st.one_of(
        jsonl_record.map(_json_bytes),
        st.binary(max_size=40),
        hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    )
    return st.lists(line, max_size=5).map(lambda lines: b"\n".join(lines))


any_file_bytes = st.one_of(
    st.binary(max_size=600),
    st.tuples(hostile_text, st.sampled_from(ENCODINGS)).map(lambda p: _encoded(*p)),
    jsonl_bytes(),
)


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="claims-fuzz-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _check_items(items: list[dict[str, Any]]) -> None:
    assert items
    for item in items:
        assert isinstance(item["text"], str) and item["text"].strip()
        assert item.get("lang") in (None, "", "fr", "en")
        assert item.get("published") is None or isinstance(item["published"], date)
        assert isinstance(item.get("metadata") or {}, dict)


@FUZZ
@given(data=any_file_bytes, suffix=st.sampled_from([".txt", ".md", ".jsonl", ""]))
def test_load_articles_takes_any_bytes_or_refuses_with_a_message(
    workdir: Path, data: bytes, suffix: str
) -> None:
    path = workdir / f"input{suffix}"
    path.write_bytes(data)
    try:
        items = list(iter_articles(str(path)))
    except FileProblem as exc:  # InputError is one too
        assert str(exc).startswith(str(path)), f"the message does not name the file: {exc}"
        event("refused")
        return
    event("accepted")
    _check_items(items)


@FUZZ
@given(text=hostile_text, lang=st.sampled_from([None, "fr", "en"]),
       published=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31))))
def test_extractor_offsets_are_always_valid(text: str, lang: str | None,
                                            published: date | None) -> None:
    for claim in extract(text, lang=lang, published=published):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert claim.text == text[claim.start:claim.end]
        spans = [(q.start, q.end, q.text) for q in claim.quantities]
        spans += [(d.start, d.end, d.text) for d in claim.dates]
        for start, end, facet_text in spans:
            assert claim.start <= start <= end <= claim.end
            assert facet_text == text[start:end]


def _invoke(args: list[str]) -> Result:
    result = CliRunner().invoke(main, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"claims {args[0]} crashed: {result.exception!r}") from result.exception
    return result


def _listing(db: str) -> bytes:
    result = _invoke(["list", "--format", "jsonl", "--db", db])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _assert_offsets_valid(db: str) -> None:
    with Project.open(db) as project:
        texts: dict[str, str] = {}
        for state in project.claims(include_hidden=True):
            claim = state.claim
            if claim.article_id not in texts:
                texts[claim.article_id] = project.article(claim.article_id).text
            text = texts[claim.article_id]
            assert 0 <= claim.start <= claim.end <= len(text)
            assert claim.text == text[claim.start:claim.end]


@pytest.fixture(scope="module")
def add_db(workdir: Path) -> str:
    db = str(workdir / "add.db")
    text = synthetic_article(random.Random(4), paragraphs=2)
    with Project.open(db) as project:
        project.add_article(text, lang="fr", claims=sentence_claims(text))
    return db


@FUZZ_SLOW
@given(files=st.lists(st.tuples(any_file_bytes, st.sampled_from([".txt", ".md", ".jsonl"])),
                      min_size=1, max_size=3))
def test_claims_add_of_fuzzed_files_is_all_or_nothing(
    workdir: Path, add_db: str, files: list[tuple[bytes, str]]
) -> None:
    paths = []
    for n, (data, suffix) in enumerate(files):
        path = workdir / f"add{n}{suffix}"
        path.write_bytes(data)
        paths.append(str(path))
    before = _listing(add_db)
    result = _invoke(["add", *paths, "--db", add_db])
    assert result.exit_code in (0, 1), result.output
    event(f"claims add exit {result.exit_code}")
    if result.exit_code == 1:
        assert result.output.startswith("claims: error: ")
        assert "Traceback" not in result.output
        assert _listing(add_db) == before, "a refused `claims add` changed the project"
    else:
        _assert_offsets_valid(add_db)


# -- claims import ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def export_lines(workdir: Path) -> tuple[str, list[bytes]]:
    """A reviewed project and its native JSONL export, to mutate."""
    db = str(workdir / "source.db")
    rng = random.Random(8)
    with Project.open(db) as project:
        for _ in range(2):
            text = synthetic_article(rng, paragraphs=2)
            project.add_article(text, lang="fr", claims=sentence_claims(text))
        ids = [s.claim.id for s in project.claims()]
        for i, cid in enumerate(ids[:6]):
            project.set_verdict(cid, "ana", str(1 + i % 4))
            project.add_source(cid, "ana", {"url": f"https://example.org/{i}", "title": "t"})
            project.set_rationale(cid, "ben", f"why {i}")
    result = _invoke(["export", "--format", "jsonl", "--with-articles", "-q", "--db", db])
    assert result.exit_code == 0, result.output
    return db, [line for line in result.stdout_bytes.split(b"\n") if line]


def _mutate(record: Any, rng: random.Random, replacement: Any) -> Any:
    """`record` with one value somewhere inside replaced, or one key removed."""
    if isinstance(record, dict) and record:
        key = rng.choice(sorted(record))
        if rng.random() < 0.25:
            return {k: v for k, v in record.items() if k != key}
        return {**record, key: _mutate(record[key], rng, replacement)}
    if isinstance(record, list) and record:
        i = rng.randrange(len(record))
        return [*record[:i], _mutate(record[i], rng, replacement), *record[i + 1:]]
    return replacement


@FUZZ_SLOW
@given(seed=st.integers(0, 2**32 - 1), replacement=json_value,
       how=st.sampled_from(["damage", "mutate", "mutate", "hostile text"]),
       raw=st.binary(max_size=30), note=hostile_text)
def test_claims_import_of_a_mutated_export_is_all_or_nothing(
    workdir: Path, export_lines: tuple[str, list[bytes]], seed: int, replacement: Any,
    how: str, raw: bytes, note: str,
) -> None:
    source_db, lines = export_lines
    rng = random.Random(seed)
    lines = list(lines)
    target = rng.randrange(len(lines))
    if how == "damage":
        cut = rng.randrange(len(lines[target]))
        lines[target] = lines[target][:cut] + raw  # a truncated, garbled line
    elif how == "hostile text":  # valid JSON, odd content: a newer review with a hostile note
        record = orjson.loads(lines[target])
        record["reviews"] = [{"reviewer": "zoe", "status": "accepted", "verdict": None,
                              "sources": [{"url": "https://example.org/z", "title": note}],
                              "rationale": note, "claim_text": "",
                              "updated_at": "2030-01-01T00:00:00Z"}]
        lines[target] = _json_bytes(record)
    else:
        record = _mutate(orjson.loads(lines[target]), rng, replacement)
        lines[target] = _json_bytes(record)
    path = workdir / "mutated.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    # The target project: a copy of the source before its reviews plus one review of its own.
    db = str(workdir / f"target-{seed}.db")
    shutil.copyfile(source_db, db)
    with Project.open(db) as project:
        project.set_rationale(project.claims()[0].claim.id, "local", "mine")
    before = _listing(db)
    result = _invoke(["import", str(path), "-q", "--db", db])
    assert result.exit_code in (0, 1), result.output
    event(f"claims import exit {result.exit_code}")
    if result.exit_code == 1:
        assert "Traceback" not in result.output
        assert f"{path}:{target + 1}:" in result.output, f"the error names no line: {result.output}"
        assert _listing(db) == before, "a refused import changed the project"
    else:
        _assert_offsets_valid(db)
        assert derived_state_mismatches(db) == []
    assert integrity_check(db) == "ok"
    Path(db).unlink()


# -- terminal injection through the command line --------------------------------------------

INJECTIONS = ["\x1b[2J\x1b[H", "\x1b]0;owned\x07", "\x9b31m", "\x07", "\x08\x08",
              "[bold red]markup[/]", "\u202egnp.exe", "\r overwritten"]


def test_control_sequences_in_articles_sources_and_names_never_reach_the_terminal(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "inject.db")
    evil = "".join(INJECTIONS)
    text = f"Plus de 500 soldats{evil} sont partis mardi. La réunion{evil} aura lieu le 16 février.\n"
    article = tmp_path / "evil.jsonl"
    article.write_bytes(orjson.dumps({"id": f"id{evil}", "text": text, "lang": "fr",
                                      "title": f"Titre{evil}",
                                      "url": "https://ex.org/[red]markup[/red]"}))
    outputs = [_invoke(["add", str(article), "--db", db])]
    assert outputs[0].exit_code == 0, outputs[0].output
    # A URL carrying control characters is refused, and the refusal shows them inertly.
    bad_url = tmp_path / "evil-url.jsonl"
    bad_url.write_bytes(orjson.dumps({"text": text + " Autre.", "url": f"https://ex.org/{evil}"}))
    outputs.append(_invoke(["add", str(bad_url), "--db", db]))
    assert outputs[-1].exit_code == 1 and "evil-url.jsonl:1: url: " in outputs[-1].output
    with Project.open(db) as project:
        claim_id = project.claims()[0].claim.id
    outputs.append(_invoke(["review", claim_id, "--note", f"note{evil}", "--verdict", "1",
                            "--reviewer", "ana", "--source", "https://ex.org/s",
                            "--title", f"src{evil}", "--quote", f"q{evil}", "--db", db]))
    outputs.append(_invoke(["review", claim_id, "--note", "x", "--reviewer", f"bad{evil}",
                            "--db", db]))
    outputs.append(_invoke(["list", "--db", db]))
    outputs.append(_invoke(["log", "--db", db]))
    outputs.append(_invoke(["undo", "--reviewer", "ana", "--db", db]))
    for result in outputs:
        raw = [ch for ch in result.output if _is_control(ch)]
        assert raw == [], f"raw control characters {raw} in: {result.output}"


def _is_control(ch: str) -> bool:
    return ch != "\n" and (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0)


def test_bidi_overrides_in_titles_and_notes_are_shown_visibly_by_the_cli(tmp_path: Path) -> None:
    db = str(tmp_path / "bidi.db")
    article = tmp_path / "bidi.jsonl"
    text = "Plus de 500 soldats sont partis mardi. La réunion aura lieu le 16 février.\n"
    article.write_bytes(orjson.dumps({"text": text, "lang": "fr", "title": "rapport\u202egnp.exe"}))
    result = _invoke(["add", str(article), "--db", db])
    assert result.exit_code == 0
    shown = [result.output]
    with Project.open(db) as project:
        claim_id = project.claims()[0].claim.id
    shown.append(_invoke(["review", claim_id, "--note", "vrai\u2066faux", "--reviewer",
                          "ana\u202d", "--db", db]).output)
    shown.append(_invoke(["log", "--db", db]).output)
    shown.append(_invoke(["list", "--db", db]).output)
    for output in shown:
        assert not set(output) & {"\u202e", "\u202d", "\u2066"}, output
