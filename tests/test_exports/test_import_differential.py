"""Differential property: whatever a line holds, importing the file with its lines checked by
worker processes (while this process reads them the fast way, `exports.plan`) ends exactly as
importing it in one process does: the same message naming the same line, or the same project.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import exports
from claims.project import Project
from exports.importer import ImportFileError
from tests.test_exports.test_export_import_fuzz import ADJUDICATION, JSON, PATHS, _set

NASTY = st.sampled_from([
    "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2025-03-05T09:00:25Z",
    "2025-03-05t09:00:25.5z", "2025-03-05T09:00:25.000000+00:00", "2025-02-30T00:00:00Z",
    "2025-03-05", "2025-03-05T00:00:00", 10**30, -(10**30), 2**63, 1e308, -0.0, 0.5, True,
    False, 3.0, "", " ana", "ana\u00a0", "\u202eana", "a\x00b", "https://x.example/ a",
    " https://x.example/a ", "refuted", "supported", "rejected", "proposed", "accepted",
    "reviewer:ana", "reviewer: ana", "extractor/test", "averitec", "fever", [], {}, None,
    [{"url": "https://x.example/a", "accessed": "2025-03-05T00:00:00Z"}],
    [{"url": "https://x.example/a", "stance": "refutes", "accessed": None}],
    {"reviewer": "ana", "verdict": "refuted", "note": "", "ts": "0001-01-01T00:00:00+01:00"},
])
MORE_PATHS = [*PATHS, ("reviews", 0, "sources", 0, "url"), ("reviews", 0, "sources", 0, "accessed"),
              ("reviews", 1, "updated_at"), ("article", "published"), ("quantities", 0, "value"),
              ("sentence", "start"), ("schema_version",), ("article", "lang")]


def _outcome(source: Path, workers: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", workers)
    with tempfile.TemporaryDirectory() as folder, Project.open(f"{folder}/t.db") as target:
        try:
            report = exports.import_file(target, source)
        except ImportFileError as exc:
            with target.store.read() as tx:
                assert tx.one("SELECT COUNT(*) FROM events")[0] == 0
            return "refused", str(exc)
        out = Path(folder) / "out.jsonl"
        exports.write_file(target, "jsonl", out, with_articles=True)
        return "imported", report.summary(), out.read_bytes()


@settings(max_examples=80, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.sampled_from(MORE_PATHS), NASTY | JSON), min_size=1,
                        max_size=3),
       line=st.integers(0, 13))
@example(changes=[(("claim_id",), [])], line=0)  # unhashable: read before any check
@example(changes=[(("reviews", 0, "updated_at"), "0001-01-01T00:00:00+01:00")], line=3)
def test_workers_and_one_process_end_an_import_alike(
    reviewed: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    changes: list[tuple[tuple[Any, ...], Any]], line: int,
) -> None:
    source = tmp_path / "source.jsonl"
    if not source.exists():
        exports.write_file(reviewed, "jsonl", source, with_articles=True)
    lines = source.read_bytes().splitlines() * 2
    record = orjson.loads(lines[line])
    if any(path[0] == "adjudication" and len(path) > 1 for path, _ in changes):
        record["adjudication"] = dict(ADJUDICATION)
        record["verdict"] = "refuted"
    for path, value in changes:
        _set(record, path, value)
    with contextlib.suppress(TypeError):  # a value orjson cannot write: keep the line
        lines[line] = orjson.dumps(record)
    mutated = tmp_path / "mutated.jsonl"
    mutated.write_bytes(b"\n".join(lines) + b"\n")
    alone = _outcome(mutated, "0", monkeypatch)
    assert _outcome(mutated, "2", monkeypatch) == alone
