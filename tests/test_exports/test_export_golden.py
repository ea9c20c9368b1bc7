"""Golden files: the bytes of every export format are the contract.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_exports` and review
the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import exports
from annotator.cli import main
from claims.project import Project
from exports.common import Publisher
from tests.test_exports.export_data import GOLDEN

CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "native.jsonl": ("jsonl", {}),
    "native-with-articles.jsonl": ("jsonl", {"with_articles": True}),
    "native-reviewer-ana.jsonl": ("jsonl", {"reviewer": "ana"}),
    "fever.jsonl": ("fever", {}),
    "averitec.json": ("averitec", {}),
    "claimreview.json": ("claimreview", {}),
    "claimreview-publisher.json": (
        "claimreview",
        {"publisher": Publisher("Autre Vérif", "https://autre.example.net",
                                review_url="https://autre.example.net/fc/{claim_id}")},
    ),
    "claims.csv": ("csv", {}),
}


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


@pytest.mark.parametrize("fmt", ["jsonl", "fever", "averitec", "claimreview", "csv"])
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
