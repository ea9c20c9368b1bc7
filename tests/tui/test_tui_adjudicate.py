"""The adjudication view: disputed claims side by side, settled by one key, undoable."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot

from annotator.app import ClaimsApp
from annotator.config import Config
from annotator.screens.adjudicate import AdjudicationScreen
from annotator.screens.article import ArticleScreen
from claims.project import Project
from tests.helpers import present
from tests.tui.tui_helpers import (
    claims_cli,
    frozen_app,
    make_project,
    notified,
    palette_run,
    run_async,
    running,
    screen_as,
    settle,
)


def disputed_project(path: Path) -> tuple[Project, list[str], list[str]]:
    project, ids = make_project(path)
    claims = [s.claim.id for s in project.claims(ids[0])]
    project.review(claims[1], "alice", verdict="1", rationale="seen in the minutes")
    project.review(claims[1], "carol", verdict="2",
                   source={"url": "https://example.org/count", "stance": "refutes"})
    project.reject(claims[3], "alice")
    project.accept(claims[3], "carol")
    return project, ids, claims


async def adjudication(pilot: Pilot[None]) -> AdjudicationScreen:
    """Press A: the adjudication view of the article's disputed claims."""
    await pilot.press("A")
    await settle(pilot)
    return screen_as(pilot.app, AdjudicationScreen)


@run_async
async def test_adjudication_is_an_undoable_event(tmp_path: Path) -> None:
    project, ids, claims = disputed_project(tmp_path / "claims.db")
    with project:
        app = ClaimsApp(project, "dave", open_article=ids[0], config=Config())
        async with running(app) as pilot:
            adj = await adjudication(pilot)
            assert adj.claim_ids == [claims[1], claims[3]]
            shown = " ".join(str(w.render()) for w in adj.query(".adj-review"))
            assert "alice" in shown and "carol" in shown and "seen in the minutes" in shown
            assert "https://example.org/count" in shown
            await pilot.press("l", "enter")  # take carol's verdict
            await settle(pilot)
            labels = project.scale.labels
            assert present(project.claim(claims[1]).adjudication).verdict == labels[1].id
            assert "Adjudicated" in str(adj.query_one("#adj-settled").render())
            await pilot.press("3")  # the adjudicator's own verdict replaces it
            await settle(pilot)
            assert present(project.claim(claims[1]).adjudication).verdict == labels[2].id
            await pilot.press("u")
            await settle(pilot)
            assert present(project.claim(claims[1]).adjudication).verdict == labels[1].id
            await pilot.press("j", "l", "enter")  # carol accepted without a verdict: refused
            await settle(pilot)
            assert project.claim(claims[3]).adjudication is None
            await pilot.press("escape")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert screen.current_id() == claims[3]
        types = [e.type for e in project.history(reviewer="dave")]
        assert types == ["adjudicate", "adjudicate", "undo"]


@run_async
async def test_palette_opens_it_and_a_stale_adjudication_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "claims.db"
    project, ids, claims = disputed_project(db)
    with project:
        app = ClaimsApp(project, "dave", open_article=ids[0], config=Config())
        async with running(app) as pilot:
            bells = await frozen_app(pilot, app, monkeypatch)
            await palette_run(pilot, "adjudicate: disputed")
            await settle(pilot)
            adj = app.screen
            assert isinstance(adj, AdjudicationScreen)
            state = project.claim(claims[1])

            def carol_withdraws() -> None:  # else nobody but carol could move the claim
                with Project.open(str(db)) as other:
                    other.set_verdict(claims[1], "carol", None)
                    other.remove_source(claims[1], "carol", 0)

            await asyncio.to_thread(carol_withdraws)
            await asyncio.to_thread(claims_cli, "span", claims[1], str(state.claim.start),
                                    str(state.claim.end - 1), "--reviewer", "alice",
                                    "--db", str(db))
            await pilot.press("1")
            await settle(pilot)
            assert bells
            assert await notified(pilot, app, "nothing saved")
            assert project.claim(claims[1]).adjudication is None
            # No longer disputed (carol withdrew), it has left the view, which shows the next.
            assert claims[1] not in adj.claim_ids
            assert f"claim {claims[3]}" in str(adj.query_one("#adj-claim").render())


@run_async
async def test_blind_project_adjudication_shows_everything(tmp_path: Path) -> None:
    project, ids, claims = disputed_project(tmp_path / "claims.db")
    project.store.set_meta("blind", "1")
    with project:
        app = ClaimsApp(project, "dave", open_article=ids[0], config=Config())
        async with running(app) as pilot:
            assert isinstance(app.screen, ArticleScreen)
            await pilot.press("A")
            await settle(pilot)
            shown = " ".join(str(w.render()) for w in app.screen.query(".adj-review"))
            assert "Supported" in shown and "Refuted" in shown and "seen in the minutes" in shown


@run_async
async def test_brackets_walk_the_next_article_disputes(tmp_path: Path) -> None:
    project, ids, claims = disputed_project(tmp_path / "claims.db")
    with project:
        other = [s.claim.id for s in project.claims(ids[1])]
        project.set_verdict(other[0], "alice", "1")
        project.set_verdict(other[0], "carol", "3")
        app = ClaimsApp(project, "dave", open_article=ids[0], config=Config())
        async with running(app) as pilot:
            adj = await adjudication(pilot)
            assert adj.claim_ids == [claims[1], claims[3]]
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert adj.claim_ids == [other[0]]
            await pilot.press("enter")  # alice's verdict, on the second article's claim
            await settle(pilot)
            assert project.claim(other[0]).adjudication is not None
            await pilot.press("left_square_bracket")
            await settle(pilot)
            assert adj.claim_ids == [claims[1], claims[3]]
