"""`claims extract`: the check-worthiness decision on every record, `--checkworthy`, the
one-line notice when relative dates cannot be resolved, and the sidecar `NAME.json` that
`claims add` reads."""

from __future__ import annotations

from pathlib import Path

import orjson
from click.testing import CliRunner

from annotator.cli import main

TEXT = (
    "Le ministre est arrivé mardi à Paris avec 300 soldats.\n\n"
    "Pourquoi pas, après tout, se demandent-ils ?\n\n"
    "Le conseil a voté hier une aide de 2 millions d’euros pour 40 communes.\n"
)


def run(tmp_path: Path, *args: str) -> tuple[list[dict], str]:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--lang", "fr", *args])
    assert result.exit_code == 0, result.output
    return [orjson.loads(line) for line in result.stdout.splitlines()], result.stderr


def test_every_record_carries_the_decision_beside_its_score(tmp_path: Path) -> None:
    records, _ = run(tmp_path, "--published", "2025-03-12")
    assert len(records) == 3
    for record in records:
        assert record["checkworthy"] is (record["score"] >= 0.5)
    assert {r["checkworthy"] for r in records} == {True, False}


def test_checkworthy_prints_only_those(tmp_path: Path) -> None:
    everything, _ = run(tmp_path, "--published", "2025-03-12")
    kept, _ = run(tmp_path, "--published", "2025-03-12", "--checkworthy")
    assert kept == [r for r in everything if r["checkworthy"]]
    assert 0 < len(kept) < len(everything)


def test_unresolved_relative_dates_are_said_once(tmp_path: Path) -> None:
    records, stderr = run(tmp_path)
    assert [d["from"] for r in records for d in r["dates"]] == [None, None]
    assert stderr.count("--published") == 1
    _, stderr = run(tmp_path, "--published", "2025-03-12")
    assert stderr == ""


def test_jsonl_input_filters_and_notices_too(tmp_path: Path) -> None:
    lines = tmp_path / "a.jsonl"
    lines.write_bytes(
        orjson.dumps({"id": "a", "text": TEXT, "lang": "fr"}) + b"\n"
        + orjson.dumps({"id": "b", "text": TEXT, "lang": "fr", "published": "2025-03-12"}) + b"\n"
    )
    result = CliRunner().invoke(main, ["extract", str(lines), "--input", "jsonl", "--checkworthy"])
    assert result.exit_code == 0, result.output
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["checkworthy"] for r in records)
    assert {r["article_id"] for r in records} == {"a", "b"}
    assert result.stderr.count("--published") == 1


def test_a_sidecar_gives_the_date_and_language_as_add_reads_it(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.json").write_bytes(orjson.dumps({"published": "2025-03-12", "lang": "fr"}))
    result = CliRunner().invoke(main, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    dates = [d["from"] for line in result.stdout.splitlines() for d in orjson.loads(line)["dates"]]
    assert dates == ["2025-03-11", "2025-03-11"]
    assert result.stderr == ""
    # The command line wins over the sidecar.
    records, _ = run(tmp_path, "--published", "2025-03-19")
    assert [d["from"] for r in records for d in r["dates"]] == ["2025-03-18", "2025-03-18"]


def test_a_bad_sidecar_is_named_and_nothing_is_printed(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    sidecar = tmp_path / "a.json"
    for content, field in ((b'{"published": "12/03/2025"}', "published"),
                           (b'{"lang": "klingon"}', "lang"), (b"[1, 2]", "")):
        sidecar.write_bytes(content)
        result = CliRunner().invoke(main, ["extract", str(article)])
        assert result.exit_code != 0 and result.stdout == ""
        assert str(sidecar) in result.stderr and field in result.stderr
        assert "Traceback" not in result.output
