"""Golden files: the bytes of every export format are the contract.

The cases come from the format registry (`exports.FORMATS`): a new format fails here until
its golden file exists.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_exports` and review
the diff like code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

import exports
from annotator.cli import main
from claims.project import Project
from exports.common import Publisher
from tests.test_exports.export_data import GOLDEN

GOLDEN_NAMES = {"jsonl": "native.jsonl", "csv": "claims.csv"}
"""A format's golden file is `<name><suffix>` unless named here."""

VARIANTS: dict[str, tuple[str, dict[str, Any]]] = {
    "native-with-articles.jsonl": ("jsonl", {"with_articles": True}),
    "native-reviewer-ana.jsonl": ("jsonl", {"reviewer": "ana"}),
    "claimreview-publisher.json": (
        "claimreview",
        {"publisher": Publisher("Autre Vérif", "https://autre.example.net",
                                review_url="https://autre.example.net/fc/{claim_id}")},
    ),
}
"""Options of a format that change its bytes, each with a golden file of its own."""


def golden_name(fmt: str) -> str:
    return GOLDEN_NAMES.get(fmt, fmt + exports.FORMATS[fmt].suffix)


def _parquet_rows(path: Path) -> list[dict[str, Any]]:
    pq = pytest.importorskip("pyarrow.parquet")
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


DECODERS: dict[str, Callable[[Path], list[dict[str, Any]]]] = {"parquet": _parquet_rows}
"""Binary formats, whose bytes carry their writer library's version: the golden file holds the
rows read back (`<name>.rows.json`) instead of the bytes."""

TEXT_FORMATS = sorted(n for n, f in exports.FORMATS.items() if f.encoding != "binary")
BINARY_FORMATS = sorted(n for n, f in exports.FORMATS.items() if f.encoding == "binary")

CASES: dict[str, tuple[str, dict[str, Any]]] = {
    **{golden_name(fmt): (fmt, {}) for fmt in TEXT_FORMATS},
    **VARIANTS,
}
"""Every text format of the registry with its default options, and the variants: golden file
name -> (format, options)."""


def check_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; create it with UPDATE_GOLDEN=1")
    assert data == path.read_bytes(), f"{name} differs from its golden file"


@pytest.mark.parametrize("name", sorted(CASES))
def test_format_matches_golden_bytes(adjudicated: Project, tmp_path: Path, name: str) -> None:
    fmt, options = CASES[name]
    out = tmp_path / name
    exports.write_file(adjudicated, fmt, out, **options)
    check_golden(name, out.read_bytes())


@pytest.mark.parametrize("fmt", BINARY_FORMATS)
def test_binary_format_matches_golden_rows(adjudicated: Project, tmp_path: Path,
                                           fmt: str) -> None:
    decode = DECODERS.get(fmt)
    assert decode is not None, f"binary export format {fmt!r} has no decoder in DECODERS"
    out = tmp_path / golden_name(fmt)
    exports.write_file(adjudicated, fmt, out)
    rows = orjson.dumps(decode(out), default=str, option=orjson.OPT_INDENT_2) + b"\n"
    check_golden(f"{fmt}.rows.json", rows)


def test_every_golden_file_belongs_to_a_registered_format() -> None:
    """A golden file left behind by a removed or renamed format fails too."""
    expected = {*CASES, *(f"{fmt}.rows.json" for fmt in BINARY_FORMATS), "schema.json"}
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(expected)


@pytest.mark.parametrize("fmt", sorted(exports.FORMATS))
def test_same_data_gives_the_same_bytes(adjudicated: Project, tmp_path: Path, fmt: str) -> None:
    exports.write_file(adjudicated, fmt, tmp_path / "a")
    exports.write_file(adjudicated, fmt, tmp_path / "b")
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()


def test_label_table_document_is_up_to_date() -> None:
    from exports.labels_table import label_table_markdown

    path = Path(exports.__file__).parent / "LABELS.md"
    assert path.read_text(encoding="utf-8") == label_table_markdown(), (
        "run: python -m exports.labels_table > exports/LABELS.md"
    )


def test_json_schema_matches_golden() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    check_golden("schema.json", result.output.encode())
