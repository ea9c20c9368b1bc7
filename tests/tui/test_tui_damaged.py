"""An article that cannot be read (a damaged database) is said so on screen: the header shows
the failure instead of staying on "loading…", and the annotator stays usable and quits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.app import ClaimsApp
from annotator.config import Config
from annotator.widgets.header import AppHeader
from tests.tui.tui_helpers import article_screen, make_project, notified, run_async, running, wait_for


def _damage(db: Path, article_id: str) -> None:
    """Overwrite the stored claim texts of one article with bytes that are not UTF-8."""
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE claims SET text = CAST(x'ff00fe41' AS TEXT) "
                           "WHERE article_id = ?", (article_id,))


@run_async
async def test_a_damaged_first_article_shows_the_failure_and_quits(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    project, ids = make_project(db)
    _damage(db, ids[0])
    with project:
        app = ClaimsApp(project, "bob", open_article=ids[0], config=Config())
        async with running(app) as pilot:
            header = article_screen(app).query_one("#header", AppHeader)
            await wait_for(pilot, lambda: "loading" not in header.article,
                           what="the header to leave 'loading…'")
            assert header.article.startswith("cannot open the article"), header.article
            assert "damaged" in header.article
            assert await notified(pilot, app, "damaged")
            await pilot.press("j", "1", "x", "]")  # no claim, no crash
            await pilot.press("q")
            await wait_for(pilot, lambda: not app.is_running, what="the app to quit")


@run_async
async def test_a_damaged_next_article_leaves_the_one_on_screen_named(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    project, ids = make_project(db)
    _damage(db, ids[1])
    with project:
        app = ClaimsApp(project, "bob", open_article=ids[0], config=Config())
        async with running(app) as pilot:
            screen = article_screen(app)
            header = screen.query_one("#header", AppHeader)
            title = header.article
            assert "Article 1" in title
            await pilot.press("]")
            assert await notified(pilot, app, "damaged")
            await wait_for(pilot, lambda: header.article == title,
                           what="the header to name the article on screen again")
            assert screen.book is not None and screen.book.article.id == ids[0]
            await pilot.press("1")  # the article on screen still takes keys
            await wait_for(pilot, lambda: header.saved == "saved", what="the verdict saved")
