"""Fixtures for the annotator tests: a project of our own text and a factory for the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claims.project import Project
from tests.tui.tui_helpers import make_project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[Project, list[str]]]:
    proj, ids = make_project(tmp_path / "claims.db")
    yield proj, ids
    proj.close()


@pytest.fixture
def shared(backend_url: str) -> Iterator[tuple[str, Project, list[str]]]:
    """A project on each backend, and its URL for the other reviewer to open."""
    proj, ids = make_project(backend_url)
    yield backend_url, proj, ids
    proj.close()


@pytest.fixture
def make_app(project: tuple[Project, list[str]]) -> Callable[..., object]:
    from annotator.app import ClaimsApp
    from annotator.config import Config

    proj, ids = project

    def factory(open_first: bool = True, keymap: dict[str, str] | None = None,
                reviewer: str = "bob", auto_advance: bool = False) -> ClaimsApp:
        # Most tests drive one key at a time; the queue's tests turn auto-advance on.
        return ClaimsApp(proj, reviewer, open_article=ids[0] if open_first else None,
                         config=Config(keymap=keymap or {}, auto_advance=auto_advance))

    return factory


@pytest.fixture(autouse=True)
def _no_history_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.screens.claim_details as claim_details

    monkeypatch.setattr(claim_details, "HISTORY_DELAY", 0.01)


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text cursors stay lit: a snapshot taken half a second late must show the same screen."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
