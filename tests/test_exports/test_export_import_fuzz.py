"""Property: whatever a line of an import file holds, the import succeeds or fails cleanly
(ImportFileError naming the line), and the project stays consistent."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import exports
from claims.project import Project
from exports.importer import ImportFileError

pytestmark = pytest.mark.usefixtures("import_checks")

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 400) | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6,
)
PATHS = [
    ("claim_id",), ("text",), ("start",), ("end",), ("kind",), ("score",), ("origin",),
    ("label_scale",), ("article", "id"), ("article", "text"), ("reviews",),
    ("reviews", 0, "verdict"), ("reviews", 0, "status"), ("reviews", 0, "reviewer"),
    ("reviews", 0, "sources"), ("reviews", 0, "updated_at"), ("reviews", 0, "rationale"),
    ("quantities",), ("dates",), ("reviews", 0, "claim_text"), ("checked_text",),
    ("adjudication",), ("adjudication", "verdict"), ("adjudication", "ts"),
    ("adjudication", "reviewer"), ("adjudication", "note"),
]
ADJUDICATION = {"reviewer": "chloe", "verdict": "refuted", "note": "n",
                "ts": "2025-03-05T09:00:25.000000Z"}


def _set(record: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    target: Any = record
    for key in path[:-1]:
        try:
            target = target[key]
        except (KeyError, IndexError, TypeError):
            return
    with contextlib.suppress(IndexError, TypeError):
        target[path[-1]] = value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.sampled_from(PATHS), JSON), min_size=1, max_size=3),
       line=st.integers(0, 6))
def test_any_line_imports_or_fails_cleanly(
    reviewed: Project, tmp_path: Path, changes: list[tuple[tuple[Any, ...], Any]], line: int
) -> None:
    source = tmp_path / "source.jsonl"
    if not source.exists():
        exports.write_file(reviewed, "jsonl", source, with_articles=True)
    lines = source.read_bytes().splitlines()
    record = orjson.loads(lines[line])
    if any(path[0] == "adjudication" and len(path) > 1 for path, _ in changes):
        record["adjudication"] = dict(ADJUDICATION)  # something inside to change
        record["verdict"] = "refuted"
    for path, value in changes:
        _set(record, path, value)
    lines[line] = orjson.dumps(record)
    mutated = tmp_path / "mutated.jsonl"
    mutated.write_bytes(b"\n".join(lines) + b"\n")
    db = tmp_path / "target.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with Project.open(str(db)) as target:
        try:
            exports.import_file(target, mutated)
        except ImportFileError as exc:
            assert str(exc).startswith(f"{mutated}:")
            with target.store.read() as tx:
                assert tx.one("SELECT COUNT(*) FROM events")[0] == 0
                assert tx.one("SELECT COUNT(*) FROM articles")[0] == 0
            return
        for state in target.claims(include_hidden=True):
            article = target.article(state.claim.article_id)
            assert state.claim.text == article.text[state.claim.start : state.claim.end]
