"""The native JSONL against its contract: JSON Schema, pandas, DuckDB, the field order."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

import exports
from annotator.cli import main
from claims.model import SCHEMA_VERSION
from claims.project import Project
from exports.records import ARTICLE_FIELDS, RECORD_FIELDS, REVIEW_FIELDS, ExportRecord


@pytest.fixture
def native(reviewed: Project, tmp_path: Path) -> Path:
    out = tmp_path / "native.jsonl"
    exports.write_file(reviewed, "jsonl", out, with_articles=True)
    return out


def test_every_line_validates_against_the_json_schema(native: Path) -> None:
    from jsonschema import Draft202012Validator

    schema = exports.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    lines = native.read_bytes().splitlines()
    assert len(lines) == 7
    for line in lines:
        validator.validate(orjson.loads(line))


def test_records_follow_the_model_field_order(native: Path) -> None:
    for line in native.read_bytes().splitlines():
        record = orjson.loads(line)
        assert tuple(record) == RECORD_FIELDS
        assert tuple(record["article"]) == ARTICLE_FIELDS
        for review in record["reviews"]:
            assert tuple(review) == REVIEW_FIELDS
        assert record["schema_version"] == SCHEMA_VERSION
        assert record["text"] == record["article"]["text"][record["start"] : record["end"]]
        for part in ("sentence", "paragraph"):
            span = record[part]
            assert span["start"] <= record["start"] and record["end"] <= span["end"]
            assert span["text"] == record["article"]["text"][span["start"] : span["end"]]
        ExportRecord.model_validate(record)


def test_final_verdict_rules(native: Path) -> None:
    records = [orjson.loads(line) for line in native.read_bytes().splitlines()]
    by_text = {r["text"][:20]: r for r in records}
    assert by_text["Plus de 400 apiculte"]["verdict"] == "supported"  # two agree
    assert by_text["la récolte de miel a"]["verdict"] is None  # they disagree
    assert by_text["« Nous perdons un ti"]["status"] == "rejected"
    assert by_text["Bus fares will stay "]["verdict"] == "supported"  # the only verdict
    assert by_text["La préfecture promet"]["reviews"] == []


def test_loads_with_pandas(native: Path) -> None:
    import pandas as pd

    frame = pd.read_json(native, lines=True)
    assert len(frame) == 7
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert frame["verdict"].notna().sum() == 4


def test_loads_with_duckdb(native: Path) -> None:
    import duckdb

    con = duckdb.connect()
    rows = con.execute(
        "SELECT claim_id, article.lang, len(reviews) FROM read_json_auto(?) ORDER BY claim_id",
        [str(native)],
    ).fetchall()
    assert len(rows) == 7
    n = con.execute(
        "SELECT count(*) FROM (SELECT unnest(reviews) AS r FROM read_json_auto(?)) "
        "WHERE r.verdict = 'supported'", [str(native)]
    ).fetchone()
    assert n == (3,)


def test_claims_schema_prints_the_generated_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == exports.json_schema()


def test_validate_accepts_an_export(native: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(native)])
    assert result.exit_code == 0, result.output
    assert "7 records valid" in result.output


def test_validate_names_line_and_field(native: Path, tmp_path: Path) -> None:
    lines = native.read_bytes().splitlines()
    broken = orjson.loads(lines[2])
    broken["reviews"][0]["verdict"] = 5
    del broken["kind"]
    lines[2] = orjson.dumps(broken)
    lines[4] = b"{not json"
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\n".join(lines) + b"\n")
    report = exports.validate_file(bad)
    found = {(p.line, p.field) for p in report.problems}
    assert (3, "reviews.0.verdict") in found
    assert (3, "kind") in found
    assert (5, "") in found
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:3: reviews.0.verdict:" in result.output
    assert f"{bad}: {len(report.problems)} problems in 7 records" in result.output


def test_validate_counts_one_record_and_one_problem_in_the_singular(
        native: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    one.write_bytes(native.read_bytes().splitlines()[0] + b"\n")
    result = CliRunner().invoke(main, ["validate", str(one)])
    assert result.exit_code == 0 and "1 record valid" in result.output, result.output
    broken = orjson.loads(one.read_bytes())
    del broken["kind"]
    one.write_bytes(orjson.dumps(broken) + b"\n")
    result = CliRunner().invoke(main, ["validate", str(one)])
    assert result.exit_code == 1
    assert f"{one}: 1 problem in 1 record" in result.output, result.output


def test_validate_checks_text_against_the_article(native: Path, tmp_path: Path) -> None:
    record = orjson.loads(native.read_bytes().splitlines()[0])
    record["start"] += 1
    bad = tmp_path / "shifted.jsonl"
    bad.write_bytes(orjson.dumps(record) + b"\n")
    report = exports.validate_file(bad)
    assert [(p.line, p.field) for p in report.problems] == [(1, "text")]


def test_the_lazy_names_are_the_public_surface() -> None:
    """`exports.__all__` (what type checkers and `import *` see) names exactly what
    `exports.__getattr__` loads, and each name loads."""
    import exports

    assert exports.__all__ == sorted(exports._LAZY)
    for name in exports.__all__:
        assert getattr(exports, name) is not None
