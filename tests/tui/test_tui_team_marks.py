"""The claim list marks other reviewers' work and disputes; blind review hides what they said."""

from __future__ import annotations

from annotator.screens.article import ArticleScreen
from annotator.widgets.claim_table import ClaimTable
from annotator.widgets.detail import DetailPanel
from annotator.widgets.team_marks import MARK_DISPUTED, MARK_OTHERS, team_mark
from tests.tui.tui_helpers import run_async, running, settle, wait_for


def row(app, index: int) -> str:
    """The first line of the claim's row (a row is two lines on a narrow list)."""
    table = app.screen.query_one(ClaimTable)
    line = index * table.row_height - table.scroll_offset.y
    return "".join(seg.text for seg in table.render_line(line))


def mark(app, index: int) -> str:
    return row(app, index)[1]


def setup_team(project, ids) -> list[str]:
    claims = [s.claim.id for s in project.claims(ids[0])]
    project.review(claims[0], "alice", verdict="1", rationale="secret reasoning of alice")
    project.set_verdict(claims[1], "alice", "1")
    project.set_verdict(claims[1], "carol", "2")
    project.reject(claims[2], "alice")
    project.accept(claims[2], "carol")
    return claims


@run_async
async def test_marks_for_others_and_disputes(make_app, project) -> None:
    proj, ids = project
    setup_team(proj, ids)
    app = make_app()
    async with running(app):
        assert isinstance(app.screen, ArticleScreen)
        assert [mark(app, i) for i in range(4)] == [MARK_OTHERS, MARK_DISPUTED, MARK_DISPUTED, " "]
        detail = app.screen.query_one(DetailPanel).plain
        assert "secret reasoning of alice" in detail  # not blind: everything shows


@run_async
async def test_blind_review_hides_others_until_my_verdict(make_app, project) -> None:
    proj, ids = project
    claims = setup_team(proj, ids)
    proj.store.set_meta("blind", "1")
    app = make_app()
    async with running(app) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        # Others reviewed: shown; that they disagree: not before I judged.
        assert [mark(app, i) for i in range(3)] == [MARK_OTHERS] * 3
        detail = screen.query_one(DetailPanel).plain
        assert "1 other reviewer reviewed this claim" in detail
        assert "secret reasoning" not in detail
        assert "Supported" not in detail
        assert "rationale edited" not in detail
        assert "alice reviewed (hidden until you give your verdict)" in detail
        await pilot.press("j")
        await settle(pilot)
        assert "Refuted" not in screen.query_one(DetailPanel).plain
        await pilot.press("3")  # my own verdict lifts the veil on this claim
        await settle(pilot)
        detail = screen.query_one(DetailPanel).plain
        assert "alice" in detail and "carol" in detail and "Refuted" in detail
        assert mark(app, 1) == MARK_DISPUTED
        # Live updates stay blind: carol's verdict on the claim I am on shows only as "+".
        await pilot.press("j", "j")
        await settle(pilot)
        assert screen.cursor == 3
        from claims.project import Project

        with Project.open(str(proj.store.url)) as other:
            other.set_verdict(claims[3], "carol", "2")
        await wait_for(pilot, lambda: mark(app, 3) == MARK_OTHERS, what="the others' mark")
        assert mark(app, 3) == MARK_OTHERS
        detail = screen.query_one(DetailPanel).plain
        assert "Refuted" not in detail and "1 other reviewer" in detail


def test_mark_is_a_glyph_not_only_a_colour(project) -> None:
    proj, ids = project
    claims = setup_team(proj, ids)
    states = {s.claim.id: s for s in proj.claims(ids[0])}
    assert team_mark(states[claims[1]], "bob", blind=False) == "!"
    assert team_mark(states[claims[1]], "bob", blind=True) == "+"
    assert team_mark(states[claims[1]], "alice", blind=True) == "!"  # alice judged it
    assert team_mark(states[claims[3]], "bob", blind=False) == " "


@run_async
async def test_blind_search_finds_no_source_of_another_reviewer(make_app, project) -> None:
    from annotator.dialogs.search import FUZZY, SearchDialog, rank, search_items

    proj, ids = project
    claims = [s.claim.id for s in proj.claims(ids[0])]
    proj.add_source(claims[2], "alice", {"url": "https://example.org/zebra-report"})
    proj.store.set_meta("blind", "1")
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SearchDialog)
        hits = rank("zebra-report", search_items(dialog.states))
        assert all(hit.item.claim_id != claims[2] or hit.kind == FUZZY for hit in hits)
