"""`claims export --format parquet`: a fixed Arrow schema that pandas, DuckDB, polars and
`datasets` read without guessing."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

import exports
from annotator.cli import main
from claims.project import Project

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def parquet_file(adjudicated: Project, tmp_path: Path) -> Path:
    out = tmp_path / "claims.parquet"
    result = CliRunner().invoke(main, ["export", "--db", adjudicated.store.url, "--format",
                                       "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "wrote 7 parquet records" in result.stderr
    return out


def test_the_file_has_the_documented_schema(parquet_file: Path) -> None:
    from exports.formats.parquet import schema

    table = pq.read_table(parquet_file)
    assert table.schema.remove_metadata() == schema()
    assert table.schema.field("article").type.field("published").type == pa.date32()
    review = table.schema.field("reviews").type.value_type
    assert review.field("sources").type.value_type.field("accessed").type == pa.date32()
    assert str(review.field("updated_at").type) == "timestamp[us, tz=UTC]"


def test_its_columns_are_the_jsonl_keys_in_their_order() -> None:
    from exports.formats.parquet import schema
    from exports.records import ADJUDICATION_FIELDS, RECORD_FIELDS, REVIEW_FIELDS

    arrow = schema()
    assert arrow.names == list(RECORD_FIELDS)
    review = arrow.field("reviews").type.value_type
    assert [review.field(i).name for i in range(review.num_fields)] == list(REVIEW_FIELDS)
    adjudication = arrow.field("adjudication").type
    assert [adjudication.field(i).name for i in range(adjudication.num_fields)] == \
        list(ADJUDICATION_FIELDS)


def test_it_holds_what_the_jsonl_holds(adjudicated: Project, parquet_file: Path,
                                       tmp_path: Path) -> None:
    exports.write_file(adjudicated, "jsonl", tmp_path / "n.jsonl")
    native = [orjson.loads(x) for x in (tmp_path / "n.jsonl").read_bytes().splitlines()]
    rows = pq.read_table(parquet_file).to_pylist()
    assert [r["claim_id"] for r in rows] == [n["claim_id"] for n in native]
    for row, record in zip(rows, native, strict=True):
        for key in ("text", "start", "end", "kind", "status", "verdict", "speaker", "reasons"):
            assert row[key] == record[key], key
        assert row["article"]["published"] == date.fromisoformat(record["article"]["published"])
        assert [(r["reviewer"], r["claim_text"]) for r in row["reviews"]] == \
            [(r["reviewer"], r["claim_text"]) for r in record["reviews"]]
        assert row["checked_text"] == record["checked_text"]
        if record["adjudication"] is None:
            assert row["adjudication"] is None
        else:
            assert row["adjudication"]["ts"].isoformat().replace("+00:00", "Z") == \
                record["adjudication"]["ts"].replace(".000000Z", "Z")
            assert {k: v for k, v in row["adjudication"].items() if k != "ts"} == \
                {k: v for k, v in record["adjudication"].items() if k != "ts"}
    adjudicated_row = next(r for r in rows if r["adjudication"] is not None)
    assert adjudicated_row["adjudication"]["verdict"] == adjudicated_row["verdict"] == "refuted"
    assert "Ridership of the city's buses grew by about 12% in 2024." in \
        [r["checked_text"] for r in rows]


def test_loads_in_pandas(parquet_file: Path) -> None:
    import pandas as pd

    frame = pd.read_parquet(parquet_file)
    assert len(frame) == 7
    assert frame["verdict"].notna().sum() == 5
    assert frame["article"].iloc[0]["published"] == date(2025, 2, 28)


def test_loads_in_duckdb(parquet_file: Path) -> None:
    import duckdb

    con = duckdb.connect()
    rows = con.execute(
        "SELECT claim_id, article.published, len(reviews), reviews[1].sources[1].accessed "
        "FROM read_parquet(?) WHERE len(reviews) > 0 AND len(reviews[1].sources) > 0 "
        "ORDER BY claim_id", [str(parquet_file)],
    ).fetchall()
    assert rows and all(isinstance(r[1], date) and isinstance(r[3], date) for r in rows)
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                             "read_parquet(?))", [str(parquet_file)]).fetchall())
    assert types["score"] == "DOUBLE" and types["start"] == "BIGINT"


def test_loads_in_polars(parquet_file: Path) -> None:
    pl = pytest.importorskip("polars")
    frame = pl.read_parquet(parquet_file)
    assert frame.height == 7
    assert frame.schema["article"].to_schema()["published"] == pl.Date


def test_loads_in_datasets(parquet_file: Path) -> None:
    datasets = pytest.importorskip("datasets")
    data = datasets.Dataset.from_parquet(str(parquet_file))
    assert len(data) == 7


def test_an_empty_project_gives_an_empty_file_with_the_schema(
    same_articles: Project, tmp_path: Path
) -> None:
    out = tmp_path / "e.parquet"
    exports.write_file(same_articles, "parquet", out, status="accepted")
    table = pq.read_table(out)
    assert table.num_rows == 0 and "reviews" in table.schema.names


def test_without_pyarrow_the_export_says_how_to_get_it(
    adjudicated: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "x.parquet"
    result = CliRunner().invoke(main, ["export", "--db", adjudicated.store.url, "--format",
                                       "parquet", "-o", str(out)])
    assert result.exit_code == 1
    assert "pip install 'claims[parquet]'" in result.stderr
    assert not out.exists()
