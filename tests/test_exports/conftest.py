"""Fixtures of the export tests: a reviewed project and one with the same articles, unreviewed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claims.project import Project
from tests.test_exports.export_data import FrozenClock, add_articles, add_reviews, add_team_work


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


@pytest.fixture(params=["in-process", "workers"])
def import_checks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run an import test twice: lines checked by the importing process, and by two worker
    processes while it merges (`exports.checking`), as a large file is."""
    monkeypatch.setenv("CLAIMS_IMPORT_WORKERS", "0" if request.param == "in-process" else "2")
    return str(request.param)
