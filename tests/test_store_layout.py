"""SQL lives in the store, and backend differences in the two backends.

A query outside `claims/store/` would be a second place to change when the schema does; a test
of which backend runs (`store.dialect == ...`) outside the backends would be a branch where a
hook belongs (see `claims.store.base.Store`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "claims" / "store"
BACKENDS = {STORE / "sqlite.py", STORE / "postgres.py"}

_SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH)\s", re.IGNORECASE)
_QUERY_CALLS = {"execute", "executemany", "one", "all"}


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _sql_in(path: Path) -> list[str]:
    """`FILE:LINE` of every string that reads as SQL, and of every query run on a cursor."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and _SQL.match(node.value) and " " in node.value.strip():
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]!r}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in _QUERY_CALLS and isinstance(node.func.value, ast.Name) \
                and node.func.value.id in ("tx", "cur", "conn", "cursor") and node.args \
                and isinstance(node.args[0], ast.Constant | ast.JoinedStr):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.func.value.id}."
                         f"{node.func.attr}(...)")
    return found


def test_the_domain_runs_no_sql_of_its_own() -> None:
    offenders = [
        hit
        for path in _python_files(ROOT / "claims")
        if STORE not in path.parents
        for hit in _sql_in(path)
    ]
    assert offenders == []


def test_the_exporters_run_no_sql_of_their_own() -> None:
    """Exports read and import through named store methods (`claims.store.export_reads`,
    `imports`, `materialise`), so a schema change never reaches `exports/`."""
    offenders = [
        hit
        for path in _python_files(ROOT / "exports")
        for hit in _sql_in(path)
        if not hit.split(": ", 1)[1].lstrip("'\"").split()[0].istitle()  # a docstring's verb
    ]
    assert offenders == []


def test_the_check_sees_a_query() -> None:
    """The scan above is not blind: the store's own files are full of what it looks for."""
    assert _sql_in(STORE / "reads.py")
    assert _sql_in(STORE / "log.py")


def test_only_the_backends_know_which_backend_they_are() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for package in ("claims", "exports", "annotator")
        for path in _python_files(ROOT / package)
        if path not in BACKENDS
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Compare)
        and any(isinstance(side, ast.Attribute) and side.attr == "dialect"
                or isinstance(side, ast.Name) and side.id == "dialect"
                for side in (node.left, *node.comparators))
    ]
    assert offenders == []


def test_the_event_families_cover_every_event_type_once() -> None:
    """`EventType` (what the log may hold) and the families every list is built from agree."""
    from typing import get_args

    from claims.model import ACTION_TYPES, HISTORY_EVENT_TYPES, EventType

    families = [*ACTION_TYPES, *HISTORY_EVENT_TYPES]
    assert sorted(families) == sorted(set(families)) == sorted(get_args(EventType))
