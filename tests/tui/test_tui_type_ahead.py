"""Keys that arrive together, as typing does over a slow SSH link: each lands where the
reviewer meant it, in the order typed.

Textual sends a key to the widget focused when the key arrives; a test that presses keys
one at a time with Pilot waits for each, so these tests post a burst of keys at once, as
the terminal driver does when one read brings several."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, TextArea

from annotator.dialogs.rationale import RationaleDialog
from annotator.dialogs.search import SearchDialog
from annotator.dialogs.source import SourceDialog
from tests.tui.tui_helpers import article_screen, run_async, running, screen_as, settle, state_at

NAMED = {"<tab>": "tab", "<shift+tab>": "shift+tab", "<enter>": "enter", "<ctrl+s>": "ctrl+s",
         "<escape>": "escape"}


def burst(app, *chunks: str) -> None:
    """Post every key of `chunks` to the app at once (a chunk in NAMED is one named key)."""
    for chunk in chunks:
        if chunk in NAMED:
            app.post_message(events.Key(NAMED[chunk], None))
            continue
        for ch in chunk:  # named as the terminal driver names them ("/" is "slash")
            app.post_message(events.Key(_character_to_key(ch), ch))


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


@run_async
async def test_text_typed_right_after_the_key_that_opens_a_form_is_kept(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        burst(app, "s", "https://example.org/q?x=1", "<tab>", "Report")
        await settle(pilot)
        assert fields(app) == ["https://example.org/q?x=1", "Report", ""]
        burst(app, "<enter>")
        await settle(pilot)
        burst(app, "n", "Checked against the report.")
        await settle(pilot)
        dialog = screen_as(app, RationaleDialog)
        assert dialog.query_one(TextArea).text == "Checked against the report."
        burst(app, "<ctrl+s>")
        await settle(pilot)
        review = state_at(app, 0).review_by("bob")
        assert review is not None
        assert review.rationale == "Checked against the report."
        assert [s.url for s in review.sources] == ["https://example.org/q?x=1"]


@run_async
async def test_ctrl_s_right_after_typing_saves_what_was_typed(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("n")
        await settle(pilot)
        burst(app, "Matches the report.", "<ctrl+s>")
        await settle(pilot)
        review = state_at(app, 0).review_by("bob")
        assert review is not None and review.rationale == "Matches the report."
        await pilot.press("s")
        await settle(pilot)
        burst(app, "https://example.org/r", "<ctrl+s>")
        await settle(pilot)
        review = state_at(app, 0).review_by("bob")
        assert review is not None and [s.url for s in review.sources] == ["https://example.org/r"]
        await pilot.press("n")
        await settle(pilot)
        burst(app, " Draft", "<escape>")  # Escape keeps the typing as a draft, all of it
        await settle(pilot)
        assert app.drafts[("rationale", state_at(app, 0).claim.id)] == "Matches the report. Draft"


@run_async
async def test_search_and_claim_as_checked_take_the_typing_that_opened_them(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        burst(app, "/", "grève")
        await settle(pilot)
        assert screen_as(app, SearchDialog).query_one(Input).value == "grève"
        burst(app, "<escape>", "r", "Workers at the Saint-Brieuc yard walked out.", "<enter>")
        await settle(pilot)
        review = state_at(app, 0).review_by("bob")
        assert review is not None
        assert review.claim_text == "Workers at the Saint-Brieuc yard walked out."


@run_async
async def test_a_form_typed_through_before_it_opened_saves_all_of_it(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        # The key that opens the form, the text, the key that saves it and the next key, all
        # in one read: the form has not focused its field when they reach it.
        burst(app, "n", "Typed before the form opened.", "<ctrl+s>")
        await settle(pilot)
        review = state_at(app, 0).review_by("bob")
        assert review is not None and review.rationale == "Typed before the form opened."
        burst(app, "s", "https://example.org/a", "<tab>", "A title", "<enter>", "j")
        await settle(pilot)
        review = state_at(app, 0).review_by("bob")
        assert review is not None
        assert [(s.url, s.title) for s in review.sources] == [("https://example.org/a", "A title")]
        assert article_screen(app).cursor == 1  # the j after Enter moved on, on the list
