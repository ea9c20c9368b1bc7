"""Fixtures of the export tests: a reviewed project and one with the same articles, unreviewed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# tests/ is on sys.path (its conftest) and holds a folder named `exports`: make sure the
# package, not this test folder, answers `import exports`.
if sys.path[0] != str(ROOT):
    sys.path.insert(0, str(ROOT))
_loaded = sys.modules.get("exports")
if _loaded is not None and getattr(_loaded, "__file__", None) is None:
    for _name in [m for m in sys.modules if m == "exports" or m.startswith("exports.")]:
        del sys.modules[_name]

from export_data import FrozenClock, add_articles, add_reviews, add_team_work  # noqa: E402

from claims.project import Project  # noqa: E402


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FrozenClock:
    frozen = FrozenClock()
    import claims.model
    import claims.store.base
    import claims.store.transaction

    monkeypatch.setattr(claims.store.base, "utc_now", frozen)
    monkeypatch.setattr(claims.store.transaction, "utc_now", frozen)
    monkeypatch.setattr(claims.model, "utc_now", frozen)
    return frozen


@pytest.fixture
def reviewed(tmp_path: Path, clock: FrozenClock) -> Iterator[Project]:
    with Project.open(str(tmp_path / "reviewed.db")) as project:
        fr, en = add_articles(project)
        add_reviews(project, fr, en)
        yield project


@pytest.fixture
def adjudicated(tmp_path: Path, clock: FrozenClock) -> Iterator[Project]:
    """The reviewed project after team work: an adjudication, a disputed claim left open, a
    reviewer's rewrite of a claim (the golden files are made from it)."""
    with Project.open(str(tmp_path / "adjudicated.db")) as project:
        fr, en = add_articles(project)
        add_reviews(project, fr, en)
        add_team_work(project, fr, en)
        yield project


@pytest.fixture
def same_articles(tmp_path: Path, clock: FrozenClock) -> Iterator[Project]:
    """Another project with the same articles and claims, and no reviews."""
    with Project.open(str(tmp_path / "target.db")) as project:
        add_articles(project)
        yield project
