"""The annotator's source form applies the URL rules of every other way in, and says why."""

from __future__ import annotations

from textual.widgets import Input, Static

from annotator.dialogs.source import SourceDialog
from tests.tui.tui_helpers import run_async, running, settle, state_at


@run_async
async def test_source_form_refuses_hidden_destinations(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SourceDialog)
        for url, reason in (("http://user:pass@example.org/", "credentials"),
                            ("https://example.org:99999/", "port"),
                            ("https://exa\u200bmple.org/", "zero width"),
                            ("https://example.org/\u202egpj.exe", "right-to-left")):
            app.screen.query_one("#source-url", Input).value = url
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, SourceDialog), url
            shown = str(app.screen.query_one("#source-error", Static).render())
            assert reason in shown.lower(), (url, shown)
            assert "\u202e" not in shown and "\u200b" not in shown
        await pilot.press("escape")
        await settle(pilot)
        state = state_at(app, 0)
        review = state.review_by("bob")
        assert review is None or review.sources == []
