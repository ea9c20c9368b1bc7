"""Keys that arrive together, as typing does over a slow SSH link: each lands where the
reviewer meant it, in the order typed.

Textual sends a key to the widget focused when the key arrives; a test that presses keys
one at a time with Pilot waits for each, so these tests post a burst of keys at once, as
the terminal driver does when one read brings several."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from annotator.dialogs.source import SourceDialog
from tests.tui.tui_helpers import run_async, running, screen_as, settle, state_at

NAMED = {"<tab>": "tab", "<shift+tab>": "shift+tab", "<enter>": "enter"}


def burst(app, *chunks: str) -> None:
    """Post every key of `chunks` to the app at once (a chunk in NAMED is one named key)."""
    for chunk in chunks:
        if chunk in NAMED:
            app.post_message(events.Key(NAMED[chunk], None))
            continue
        for ch in chunk:
            app.post_message(events.Key(ch, ch))


def fields(app) -> list[str]:
    dialog = screen_as(app, SourceDialog)
    return [dialog.query_one(f"#source-{name}", Input).value for name in ("url", "title", "quote")]


@run_async
async def test_text_typed_after_tab_goes_to_the_next_field(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("s")
        await settle(pilot)
        burst(app, "https://example.org/r", "<tab>", "Report", "<tab>", "300 workers")
        await settle(pilot)
        assert fields(app) == ["https://example.org/r", "Report", "300 workers"]
        burst(app, "<shift+tab>", "Our report")  # back to the title (its text selected)
        await settle(pilot)
        assert fields(app) == ["https://example.org/r", "Our report", "300 workers"]
        burst(app, "<enter>")
        await settle(pilot)
        review = state_at(app, 0).review_by("bob")
        assert review is not None
        assert [(s.url, s.title, s.quote) for s in review.sources] == [
            ("https://example.org/r", "Our report", "300 workers")
        ]
