"""Stale actions in the annotator: another process changed the claim on screen first.

The live view is stopped in these tests so the key reaches the claim the reviewer still sees
(the race the view narrows but cannot close); the store refuses it, the screen bells, says
what happened, records nothing and puts the cursor on the claim that replaced it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.pilot import Pilot

from annotator.app import ClaimsApp
from annotator.config import Config
from annotator.widgets.header import AppHeader
from claims.project import Project
from tests.helpers import present
from tests.tui.tui_helpers import (
    article_screen,
    claims_cli,
    frozen_app,
    notified,
    run_async,
    running,
    settle,
)


@asynccontextmanager
async def bob_frozen(shared, monkeypatch) -> AsyncIterator[tuple[Pilot[None], ClaimsApp, list[int]]]:
    """Bob's annotator on the first article, settled, its live view stopped, bells counted."""
    _, project, ids = shared
    app = ClaimsApp(project, "bob", open_article=ids[0], config=Config())
    async with running(app) as pilot:
        bells = await frozen_app(pilot, app, monkeypatch)
        yield pilot, app, bells


async def refused(pilot: Pilot[None], app: ClaimsApp, bells: list[int], key: str,
                  says: str) -> None:
    """Press `key`: the screen bells and says `says`."""
    await pilot.press(key)
    await settle(pilot)
    assert bells
    assert await notified(pilot, app, says)


@run_async
async def test_merge_race_refuses_the_verdict_and_goes_to_the_successor(shared, monkeypatch) -> None:
    url, project, ids = shared
    async with bob_frozen(shared, monkeypatch) as (pilot, app, bells):
        screen = article_screen(app)
        assert screen.book is not None
        first, second = (s.claim.id for s in screen.book.states[:2])
        await pilot.press("j")
        assert screen.current_id() == second
        merged = await asyncio.to_thread(claims_cli, "merge", first, "--reviewer", "alice",
                                         "--db", url)
        assert merged.strip() == first
        await refused(pilot, app, bells, "1", f"claim {second} was merged into {first} by alice")
        assert screen.current_id() == first
        assert screen.book.get(second) is None
        assert screen.query_one("#header", AppHeader).saved == "not saved"
        with Project.open(url) as other:
            assert [e.reviewer for e in other.history()] == ["alice"]


@run_async
async def test_boundary_edit_race_refuses_and_shows_the_new_span(shared, monkeypatch) -> None:
    url, project, ids = shared
    async with bob_frozen(shared, monkeypatch) as (pilot, app, bells):
        screen = article_screen(app)
        assert screen.book is not None
        state = screen.book.states[0]
        cid, start, end = state.claim.id, state.claim.start, state.claim.end
        await asyncio.to_thread(claims_cli, "span", cid, str(start), str(end - 1),
                                "--reviewer", "alice", "--db", url)
        await refused(pilot, app, bells, "x", "nothing saved")
        now = screen.book.get(cid)
        assert now is not None and now.claim.end < end  # the new span is on screen
        assert screen.current_id() == cid
        # Now the reviewer sees the new span: the same key applies.
        await pilot.press("x")
        await settle(pilot)
        assert screen.query_one("#header", AppHeader).saved == "saved"
        review = present(screen.book.get(cid)).review_by("bob")
        assert review is not None and review.status == "rejected"


@run_async
async def test_merge_refused_when_another_claim_now_comes_next(shared, monkeypatch) -> None:
    url, project, ids = shared
    async with bob_frozen(shared, monkeypatch) as (pilot, app, bells):
        screen = article_screen(app)
        assert screen.book is not None
        first = screen.book.states[0].claim
        # Another reviewer draws a claim inside the first one: it now comes between the first
        # and the second claim the reviewer sees.
        await asyncio.to_thread(claims_cli, "draw", ids[0], str(first.start + 9), str(first.end),
                                "--reviewer", "alice", "--db", url)
        await refused(pilot, app, bells, "m", "now comes between")
        with Project.open(url) as other:
            assert [e.type for e in other.history()] == ["claim_create"]
        assert screen.current_id() == first.id


@run_async
async def test_any_refused_action_bells_and_says_not_saved(shared, monkeypatch) -> None:
    url, project, ids = shared
    async with bob_frozen(shared, monkeypatch) as (pilot, app, bells):
        screen = article_screen(app)
        assert screen.book is not None
        second = screen.book.states[1].claim.id
        project.set_verdict(second, "alice", "1")  # a merge would hide alice's review
        await refused(pilot, app, bells, "m", "has been judged by alice")
        assert screen.query_one("#header", AppHeader).saved == "not saved"
        assert [e.reviewer for e in project.history()] == ["alice"]


@run_async
async def test_e_and_m_on_a_claim_another_reviewer_judged_are_refused_at_once(
    shared, monkeypatch
) -> None:
    """The screen knows alice judged the claim: `e` says so before any form opens, `m` before
    anything is sent; nothing is recorded; bob's own verdict never holds him up."""
    from annotator.dialogs.span import SpanDialog

    url, project, ids = shared
    first_id = project.claims(ids[0])[0].claim.id
    project.set_verdict(first_id, "alice", "1")
    async with bob_frozen(shared, monkeypatch) as (pilot, app, bells):
        screen = article_screen(app)
        assert screen.current_id() == first_id
        await refused(pilot, app, bells, "e", f"claim {first_id} has been judged by alice")
        assert not isinstance(app.screen, SpanDialog)
        bells.clear()
        await refused(pilot, app, bells, "m", f"claim {first_id} has been judged by alice")
        assert [e.reviewer for e in project.history()] == ["alice"]
        await pilot.press("j", "e")
        await settle(pilot)
        assert isinstance(app.screen, SpanDialog)  # the second claim nobody judged
