"""The annotator's forms refuse text over the caps every way in applies (a rationale, a
source's title or quote), aloud and naming the field; the form stays open with the text."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea

from annotator.dialogs.rationale import RationaleDialog
from annotator.dialogs.source import SourceDialog
from tests.tui.tui_helpers import notified, run_async, running, settle


@run_async
async def test_a_rationale_over_its_cap_is_refused_and_kept(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RationaleDialog)
        dialog.query_one(TextArea).load_text("x" * 20_001)
        await pilot.press("ctrl+s")
        assert await notified(pilot, app, "The rationale is longer than 20,000 characters")
        assert app.screen is dialog and len(dialog.query_one(TextArea).text) == 20_001
        assert app.project.history(reviewer="bob") == []
        dialog.query_one(TextArea).load_text("x" * 20_000)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not dialog
        assert [e.type for e in app.project.history(reviewer="bob")] == ["rationale"]


@run_async
async def test_a_source_title_over_its_cap_is_refused_naming_it(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SourceDialog)
        dialog.query_one("#source-url", Input).value = "https://example.org/a"
        dialog.query_one("#source-title", Input).value = "t" * 501
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        error = str(dialog.query_one("#source-error", Static).render())
        assert "The title is longer than 500 characters" in error, error
        assert app.focused is dialog.query_one("#source-title", Input)
        assert app.project.history(reviewer="bob") == []


@run_async
async def test_a_source_already_cited_is_refused_in_the_form(make_app) -> None:
    """s with a URL the reviewer's review cites already: the form says which source it is
    and stays open with what was typed; another URL saves."""
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#source-url", Input).value = "https://example.org/a"
        await pilot.press("enter")
        await settle(pilot)
        (first,) = app.project.history(reviewer="bob")
        cid = first.claim_id
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SourceDialog)
        dialog.query_one("#source-url", Input).value = "HTTPS://EXAMPLE.ORG/a"
        dialog.query_one("#source-quote", Input).value = "a second passage"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        error = str(dialog.query_one("#source-error", Static).render())
        assert "Your source 1 is this URL already (https://example.org/a)" in error, error
        assert dialog.query_one("#source-quote", Input).value == "a second passage"
        assert len(app.project.history(reviewer="bob")) == 1
        dialog.query_one("#source-url", Input).value = "https://example.org/b"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not dialog
        sources = app.project.claim(cid).review_by("bob").sources
        assert [s.url for s in sources] == ["https://example.org/a", "https://example.org/b"]
