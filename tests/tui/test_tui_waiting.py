"""A key pressed while another command holds the project (a large import keeps the write lock
until it ends) says that it waits, and that it is not saved yet; once the other lets go it is
committed and only then shown as saved. SQLite (another connection's write transaction) and
PostgreSQL (the store's write lock held elsewhere)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

import annotator.services as services
from annotator.app import ClaimsApp
from annotator.config import Config
from annotator.screens.article import ArticleScreen
from annotator.widgets.header import AppHeader
from claims.project import Project
from tests.tui.tui_helpers import run_async, running, wait_for

WAITING = "waiting for the project, not saved yet"


def _hold(url: str) -> Callable[[], None]:
    """Take the project's write lock from another connection; returns what lets it go."""
    if "://" not in url:
        conn = sqlite3.connect(url, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")

        def release() -> None:
            conn.execute("ROLLBACK")
            conn.close()

        return release
    import psycopg

    from claims.store.postgres import _WRITE_LOCK_KEY

    pg = psycopg.connect(url)
    pg.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK_KEY,))

    def release_pg() -> None:
        pg.rollback()
        pg.close()

    return release_pg


@run_async
async def test_an_action_waiting_for_the_project_says_so_and_saves_when_it_lets_go(
        shared, monkeypatch: pytest.MonkeyPatch) -> None:
    url, project, ids = shared
    monkeypatch.setattr(services, "WAIT_HINT_S", 0.05, raising=False)
    app = ClaimsApp(project, "bob", open_article=ids[0], config=Config())
    async with running(app) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        header = screen.query_one("#header", AppHeader)
        release = _hold(url)
        try:
            await pilot.press("1")
            await wait_for(pilot, lambda: header.saved == WAITING, what="the header to wait")
            with Project.open(url, mode="read") as other:
                assert other.history(reviewer="bob") == []  # not saved, and not shown as saved
            assert header.saved == WAITING
        finally:
            release()
        await wait_for(pilot, lambda: header.saved == "saved", what="the action to commit")
        with Project.open(url, mode="read") as other:
            assert [e.type for e in other.history(reviewer="bob")] == ["verdict"]
        assert "Not saved" not in str(app._notifications)
