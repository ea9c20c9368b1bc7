"""The live shared view: another reviewer's work shows with no key pressed, nothing else moves.

Each test runs on SQLite and PostgreSQL. "Another reviewer" is a second connection in this
process, or a real second process (`claims review`, a `Project` script) on the same database.
Waiting is on conditions, never on fixed sleeps.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app import ClaimsApp
from annotator.config import Config
from annotator.dialogs.source import SourceDialog
from annotator.live import Changes, LiveFeed
from annotator.screens.article import ArticleScreen
from annotator.widgets.article_view import ArticleView
from annotator.widgets.detail import DetailPanel
from claims.project import Project
from tests.tui.tui_helpers import make_project, run_async, running, wait_for

ROOT = Path(__file__).resolve().parents[2]


def app_for(project: Project, article_id: str, reviewer: str = "bob") -> ClaimsApp:
    return ClaimsApp(project, reviewer, open_article=article_id, config=Config())


def screen_of(app: ClaimsApp) -> ArticleScreen:
    for screen in app.screen_stack:
        if isinstance(screen, ArticleScreen):
            return screen
    raise AssertionError("no article screen")


def reviewed_by(screen: ArticleScreen, claim_id: str, reviewer: str) -> bool:
    assert screen.book is not None
    state = screen.book.get(claim_id)
    return state is not None and state.review_by(reviewer) is not None


@run_async
async def test_other_reviewer_shows_without_moving_anything(shared) -> None:
    url, project, ids = shared
    app = app_for(project, ids[0])
    async with running(app) as pilot:
        screen = screen_of(app)
        assert screen.book is not None
        first, second, third = (s.claim.id for s in screen.book.states[:3])
        await pilot.press("j", "j")
        assert screen.current_id() == third
        view = screen.query_one(ArticleView)
        view.selection = (5, 20)
        await pilot.press("s")  # the source dialog stays open through the updates
        await pilot.pause()
        assert isinstance(app.screen, SourceDialog)
        with Project.open(url) as other:
            other.set_verdict(third, "alice", "1")
            other.merge_with_next(first, "alice")  # rows above the cursor change
        await wait_for(pilot, lambda: reviewed_by(screen, third, "alice")
                       and screen.book is not None and screen.book.get(second) is None)
        assert isinstance(app.screen, SourceDialog)
        assert screen.current_id() == third
        assert screen.cursor == 1
        assert view.selection == (5, 20)
        await pilot.press("escape")
        await pilot.pause()
        assert "alice" in screen.query_one(DetailPanel).plain
        # Nothing of bob's was recorded on the way.
        assert all(e.reviewer == "alice" for e in project.history())


@run_async
async def test_the_claim_on_screen_merged_away_moves_to_its_successor(shared) -> None:
    url, project, ids = shared
    app = app_for(project, ids[0])
    async with running(app) as pilot:
        screen = screen_of(app)
        assert screen.book is not None
        first, second = (s.claim.id for s in screen.book.states[:2])
        await pilot.press("j")
        with Project.open(url) as other:
            other.merge_with_next(first, "alice")
        await wait_for(pilot, lambda: screen.current_id() == first)
        assert screen.book.get(second) is None
        await wait_for(pilot, lambda: any("merged or removed" in n.message
                                          for n in app._notifications))


def test_own_events_are_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tick that finds only the reviewer's own events advances without reading claims."""
    project, ids = make_project(tmp_path / "claims.db")
    with project:
        app = ClaimsApp(project, "bob", config=Config())
        monkeypatch.setattr(app, "call_from_thread", lambda fn, *a, **k: fn(*a, **k))
        feed = LiveFeed(app)
        got: list[Changes] = []
        claim = project.claims(ids[0])[0].claim.id
        feed.follow(ids[0], project.last_seq(), got.append)
        feed._tick()
        assert (feed.polls, feed.reads, got) == (1, 0, [])
        result = project.set_verdict(claim, "bob", "1")
        feed.own(result.event.seq)
        feed._tick()
        assert (feed.reads, got) == (0, [])
        project.set_verdict(claim, "alice", "2")
        feed._tick()
        assert feed.reads == 1
        assert [s.claim.id for s in got[0].states] == [claim]
        assert got[0].states[0].review_by("alice") is not None
        feed._tick()  # nothing new since
        assert feed.reads == 1 and len(got) == 1


def _other_process(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "annotator.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@run_async
async def test_another_process_shows_without_a_key(shared) -> None:
    url, project, ids = shared
    app = app_for(project, ids[0])
    async with running(app) as pilot:
        screen = screen_of(app)
        assert screen.book is not None
        target = screen.book.states[0].claim.id
        await asyncio.to_thread(_other_process, ["review", target, "--verdict", "2",
                                                 "--reviewer", "alice", "--db", url])
        await wait_for(pilot, lambda: reviewed_by(screen, target, "alice"))
        assert "alice" in screen.query_one(DetailPanel).plain
        assert screen.current_id() == target


def test_a_database_gone_away_is_said_once_and_its_return_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claims.store import StoreError

    project, ids = make_project(tmp_path / "claims.db")
    with project:
        app = ClaimsApp(project, "bob", config=Config())
        said: list[str] = []
        monkeypatch.setattr(app, "call_from_thread", lambda fn, *a, **k: fn(*a, **k))
        monkeypatch.setattr(app, "notify", lambda message, **kw: said.append(message))
        feed = LiveFeed(app)
        feed.follow(ids[0], project.last_seq(), lambda changes: None)
        real = project.last_seq

        def down() -> int:
            raise StoreError("server closed the connection unexpectedly")

        monkeypatch.setattr(project, "last_seq", down)
        feed._tick()
        feed._tick()
        assert len(said) == 1 and "Live updates paused" in said[0] and "server closed" in said[0]
        monkeypatch.setattr(project, "last_seq", real)
        feed._tick()
        feed._tick()
        assert said[1:] == ["Live updates resumed."]


@pytest.mark.parametrize("grace", [3600.0, 0.0])
@run_async
async def test_a_key_just_after_the_claim_was_replaced_is_refused_once(
    shared, monkeypatch: pytest.MonkeyPatch, grace: float
) -> None:
    """A verdict pressed as another reviewer's merge moves the cursor was meant for the claim
    that went: within the grace it is refused aloud, saves nothing, and the next press acts on
    the successor; once the grace has passed, the first press acts."""
    from annotator.screens import review_actions

    monkeypatch.setattr(review_actions, "REPLACED_GRACE", grace)  # not the machine's speed
    url, project, ids = shared
    app = app_for(project, ids[0])
    async with running(app) as pilot:
        screen = screen_of(app)
        assert screen.book is not None
        first = screen.book.states[0].claim.id
        await pilot.press("j")
        with Project.open(url) as other:
            other.merge_with_next(first, "alice")
        await wait_for(pilot, lambda: screen.current_id() == first)
        await pilot.press("1")
        if grace:
            await wait_for(pilot, lambda: any("press again" in n.message
                                              for n in app._notifications))
            await wait_for(pilot, lambda: not app.runner.pending)
            assert not reviewed_by(screen, first, "bob")
            with Project.open(url) as other:
                assert other.claim(first).review_by("bob") is None
            await pilot.press("1")  # now meant for the claim on screen
        await wait_for(pilot, lambda: reviewed_by(screen, first, "bob"))
        assert any("press again" in n.message for n in app._notifications) == bool(grace)
