"""Every binding of the annotator, driven with Pilot against a real (temporary) project."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from annotator.dialogs.help import HelpScreen
from annotator.dialogs.rationale import RationaleDialog
from annotator.dialogs.search import SearchDialog
from annotator.dialogs.source import SourceDialog
from annotator.dialogs.span import SpanDialog
from annotator.screens.article import ArticleScreen
from annotator.screens.articles import ArticlesScreen
from annotator.widgets.article_view import ArticleView
from annotator.widgets.claim_table import ClaimTable
from annotator.widgets.header import AppHeader
from tests.tui.tui_helpers import (
    article_screen,
    current_claim,
    make_project,
    palette_hint,
    palette_run,
    run_async,
    running,
    screen_as,
    settle,
    wait_for,
)


def mine(app, index):
    state = app.screen.book.states[index]
    return state.review_by("bob")


def status(app, index):
    review = mine(app, index)
    return review.status if review is not None else "proposed"


def verdict(app, index):
    review = mine(app, index)
    return review.verdict if review is not None else None


async def open_app(make_app, **kw):
    app = make_app(**kw)
    return app


@run_async
async def test_moves_and_verdicts(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.cursor == 0
        await pilot.press("j")
        assert screen.cursor == 1
        await pilot.press("down", "down")
        assert screen.cursor == 3
        await pilot.press("k", "up")
        assert screen.cursor == 1
        await pilot.press("end")
        assert screen.book is not None
        assert screen.cursor == len(screen.book) - 1
        await pilot.press("home")
        assert screen.cursor == 0
        await pilot.press("1", "j", "2", "j", "x")
        await settle(pilot)
        labels = app.project.scale.labels
        assert mine(app, 0).verdict == labels[0].id
        assert mine(app, 1).verdict == labels[1].id
        assert mine(app, 2).status == "rejected"
        await pilot.press("x")
        await settle(pilot)
        assert status(app, 2) == "proposed"
        await pilot.press("k", "0")
        await settle(pilot)
        assert verdict(app, 1) is None
        await pilot.press("9")  # beyond the scale: refused, nothing written
        await settle(pilot)
        assert verdict(app, 1) is None
        await pilot.press("a")
        await settle(pilot)
        assert mine(app, 1).status == "accepted"
        header = app.screen.query_one(AppHeader)
        assert "2/5 reviewed" in header.progress
        events = app.project.history()
        assert [e.type for e in events].count("verdict") == 3


@run_async
async def test_undo_redo_any_depth_and_across_restarts(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("1", "j", "2", "j", "x")
        await settle(pilot)
        await pilot.press("u", "u")
        await settle(pilot)
        assert status(app, 2) == "proposed"
        assert verdict(app, 1) is None
        assert app.screen.cursor == 1  # undo shows the claim it touched
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert verdict(app, 1) is not None
    # A new session undoes from the log.
    app2 = make_app()
    async with running(app2) as pilot:
        await pilot.press("u", "u", "u")
        await settle(pilot)
        assert [verdict(app2, i) for i in range(3)] == [None, None, None]
        await pilot.press("u")  # nothing left: a message, no error
        await settle(pilot)


@run_async
async def test_source_form(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SourceDialog)
        assert app.focused is app.screen.query_one("#source-url", Input)
        await pilot.press(*"ftp://x", "enter")  # refused, the form stays
        assert isinstance(app.screen, SourceDialog)
        url = app.screen.query_one("#source-url", Input)
        url.value = "https://example.org/report"
        app.screen.query_one("#source-title", Input).value = "Report [bold]x[/bold]"
        app.screen.query_one("#source-quote", Input).value = "300 workers left"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        sources = mine(app, 0).sources
        assert sources[0].url == "https://example.org/report"
        assert sources[0].title == "Report [bold]x[/bold]"
        await pilot.press("s", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert len(mine(app, 0).sources) == 1


@run_async
async def test_rationale(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, RationaleDialog)
        await pilot.press(*"first line", "enter", *"second")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert mine(app, 0).rationale == "first line\nsecond"
        await pilot.press("n", "x", "escape")
        await settle(pilot)
        assert mine(app, 0).rationale == "first line\nsecond"


@run_async
async def test_search_jumps(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchDialog)
        await pilot.press(*"Anne Morel")
        await settle(pilot)
        assert app.screen.query_one(OptionList).option_count >= 1
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert "Anne Morel" in current_claim(screen).text


@run_async
async def test_search_finds_sources(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("j", "j", "j")
        app.project.add_source(app.screen.current_id(), "bob",
                               {"url": "https://example.org/zebra-quagga"})
        app.screen.load(app.screen.article_id, app.screen.current_id())
        await settle(pilot)
        await pilot.press("home", "slash", *"zebra quagga", "enter")
        await settle(pilot)
        assert app.screen.cursor == 3


@run_async
async def test_edit_boundaries(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        before = current_claim(article_screen(app))
        await pilot.press("e")
        assert isinstance(app.screen, SpanDialog)
        await pilot.press("left", "left", "shift+right", "enter")
        await settle(pilot)
        screen = article_screen(app)
        assert screen.book is not None
        after = current_claim(screen)
        assert after.start > before.start and after.end < before.end
        assert after.text == screen.book.article.text[after.start:after.end]
        await pilot.press("e", "right", "escape")  # cancelled: unchanged
        await settle(pilot)
        assert current_claim(article_screen(app)).end == after.end


@run_async
async def test_create_claim_from_keyboard_and_from_mouse_selection(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        n = len(app.screen.book)
        await pilot.press("e", "left", "left", "left", "enter")  # free the end of sentence 1
        await settle(pilot)
        await pilot.press("c")
        assert isinstance(app.screen, SpanDialog)
        await pilot.press("right", "enter")
        await settle(pilot)
        screen = article_screen(app)
        assert screen.book is not None
        assert len(screen.book) == n + 1
        created = current_claim(screen)
        assert created.origin == "reviewer:bob"
        # Mouse: select a range in the text, then c and Enter.
        view = screen.query_one(ArticleView)
        text = screen.book.article.text
        start = text.index("1 200 euros")
        view.selection = (start, start + len("1 200 euros"))
        await pilot.press("c", "enter")
        await settle(pilot)
        assert current_claim(screen).text == "1 200 euros"
        assert view.selection is None


@run_async
async def test_merge_with_next(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        n = len(app.screen.book)
        await pilot.press("m")
        await settle(pilot)
        assert len(app.screen.book) == n - 1
        assert "1 200 euros" in current_claim(article_screen(app)).text
        await pilot.press("u")
        await settle(pilot)
        assert len(app.screen.book) == n


@run_async
async def test_next_and_previous_article(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        first = app.screen.article_id
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.screen.article_id != first
        assert "city council" in current_claim(article_screen(app)).text
        await pilot.press("right_square_bracket")  # last one: stays
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.screen.article_id == first


@run_async
async def test_articles_screen_filter_and_open(make_app) -> None:
    app = make_app(open_first=False)
    async with running(app) as pilot:
        assert isinstance(app.screen, ArticlesScreen)
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("slash", *"Article 2")
        await settle(pilot)
        assert app.screen.shown[0].title == "Article 2"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert "city council" in current_claim(article_screen(app)).text
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("o")  # back to the list, progress refreshed
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        assert sum(s.n_reviewed for s in app.summaries) == 1
        await pilot.press("escape", "down", "up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)


@run_async
async def test_help_lists_every_key(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ArticleScreen)


@run_async
async def test_palette_verdict_command(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await palette_run(pilot, "verdict: refuted")
        await settle(pilot)
        assert mine(app, 0).verdict == "refuted"


@run_async
async def test_quit_waits_for_queued_actions(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("1", "j", "2", "j", "x", "q")
        await wait_for(pilot, lambda: app.return_code is not None, what="the app to quit")
    states = app.project.claims(app.open_article)
    reviews = [s.review_by("bob") for s in states[:3]]
    assert [r.verdict for r in reviews[:2]] == ["supported", "refuted"]
    assert reviews[2].status == "rejected"


@run_async
async def test_nothing_starts_while_quitting(make_app) -> None:
    """Keys pressed after q, while the actions before it are still being saved, open no dialog
    and take no action (a dialog opening on a closing app used to end in a traceback); the
    actions pressed before q are still committed."""
    import threading

    app = make_app()
    async with running(app) as pilot:
        gate = threading.Event()
        app.runner.submit(lambda: gate.wait(30), lambda _: None)  # saving is slow today
        await pilot.press("1", "q")
        screens = list(app.screen_stack)
        for key in ("e", "s", "r", "slash", "A", "question_mark", "ctrl+p", "2", "x", "j",
                    "k", "ctrl+l", "n", "c", "m", "u", "escape", "q", "enter"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen_stack == screens, f"{key} started something while quitting"
        assert app.return_code is None, "quit did not wait for the actions pressed before it"
        gate.set()
        await wait_for(pilot, lambda: app.return_code is not None, what="the app to quit")
    assert app.return_code == 0
    review = app.project.claims(app.open_article)[0].review_by("bob")
    assert review is not None
    assert (review.status, review.verdict) == ("accepted", "supported")


@run_async
async def test_keymap_config_remaps(make_app) -> None:
    app = make_app(keymap={"claim.down": "ctrl+n", "claim.reject": "d"})
    async with running(app) as pilot:
        await pilot.press("ctrl+n")
        assert app.screen.cursor == 1
        await pilot.press("d")
        await settle(pilot)
        assert mine(app, 1).status == "rejected"


@run_async
async def test_palette_hint_and_action_follow_the_keymap(make_app) -> None:
    app = make_app(keymap={"claim.reject": "d", "claim.first": "ctrl+home"})
    async with running(app) as pilot:
        hint = await palette_hint(pilot, "claim: reject", "reject as not a claim")
        assert "key d" in hint and "key x" not in hint
        await pilot.press("escape")
        await pilot.pause()
        hint = await palette_hint(pilot, "go to: first claim", "first claim")
        assert "key ctrl+home" in hint and "g" not in hint.split("key ")[-1]
        await pilot.press("escape")
        await pilot.pause()
        await palette_run(pilot, "claim: reject as not")
        await settle(pilot)
        assert mine(app, 0).status == "rejected"


@run_async
async def test_mouse_click_on_row_and_text(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.click("#claims", offset=(5, 4))  # two lines a claim at this width
        assert app.screen.cursor == 2
        await pilot.click("#article", offset=(2, 0))
        assert app.screen.cursor == 0


@run_async
async def test_failed_save_is_loud_and_shows_nothing_as_done(make_app, monkeypatch) -> None:
    import sqlite3

    app = make_app()
    async with running(app) as pilot:

        def broken(*args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(app.project, "set_verdict", broken)
        await pilot.press("1")
        await settle(pilot)
        assert verdict(app, 0) is None
        header = app.screen.query_one(AppHeader)
        assert "disk is full" in header.error
        assert any(n.severity == "error" for n in app._notifications)
        monkeypatch.undo()
        await pilot.press("a")  # the next save works: the warning goes away
        await settle(pilot)
        assert header.error == ""


@run_async
async def test_palette_export_writes_a_file(make_app, tmp_path, monkeypatch) -> None:
    pytest.importorskip("exports")
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("1")
        await settle(pilot)
        await palette_run(pilot, "export: jsonl")
        await settle(pilot)
    files = list(tmp_path.glob("claims-export-*"))
    assert files and files[0].read_text(encoding="utf-8").strip()


@run_async
async def test_articles_list_from_an_article_opened_at_launch(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert "city council" in current_claim(article_screen(app)).text


@run_async
async def test_action_finishing_under_a_dialog_still_shows(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        article = app.screen
        await pilot.press("1", "s")
        await settle(pilot)
        assert isinstance(app.screen, SourceDialog)
        assert article.book.states[0].review_by("bob").verdict == "supported"
        await pilot.press("escape")
        assert app.screen is article


@run_async
async def test_pasted_escape_sequences_never_reach_the_screen(make_app) -> None:
    from textual import events

    app = make_app()
    async with running(app) as pilot:
        await pilot.press("s")
        title = app.screen.query_one("#source-title", Input)
        title.focus()
        title._on_paste(events.Paste("evil \x1b]0;PWNED\x07 title"))
        assert "\x1b" not in title.value and "\u241b]0;PWNED" in title.value
        await pilot.press("escape")
        app.notify("bad \x1b[2J file", markup=False)
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages and all("\x1b" not in m for m in messages)


@run_async
async def test_resize_rewraps_and_keeps_the_claim_in_view(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("end")
        view = app.screen.query_one(ArticleView)
        wide = len(view._lines)
        await pilot.resize_terminal(80, 20)  # under 72 columns the text pane steps aside
        await settle(pilot)
        assert len(view._lines) > wide
        claim = current_claim(article_screen(app))
        top = view.scroll_offset.y
        assert top <= view.line_of(claim.start) < top + view.scrollable_content_region.height


@run_async
async def test_undo_reaches_back_into_the_previous_article(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        first = app.screen.article_id
        await pilot.press("j", "2", "right_square_bracket")
        await settle(pilot)
        assert app.screen.article_id != first
        await pilot.press("u")
        await settle(pilot)
        assert app.screen.article_id == first
        assert app.screen.cursor == 1
        assert verdict(app, 1) is None


@run_async
async def test_reload_shows_work_done_elsewhere(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        claim_id = app.screen.book.states[2].claim.id
        app.project.set_verdict(claim_id, "alice", "refuted")  # another reviewer, same database
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.screen.book.states[2].review_by("alice").verdict == "refuted"


@run_async
async def test_a_display_bug_does_not_stop_the_action_queue(make_app, monkeypatch) -> None:
    app = make_app()
    async with running(app) as pilot:
        screen = app.screen

        def broken(*args, **kwargs):
            raise ValueError("boom")

        monkeypatch.setattr(screen, "_applied", broken)
        await pilot.press("1")
        await settle(pilot)
        monkeypatch.undo()
        await pilot.press("j", "2")
        await settle(pilot)
        assert verdict(app, 1) == "refuted"
        assert app.runner.alive
        await pilot.press("q")
        await wait_for(pilot, lambda: app.return_code is not None, what="the app to quit")
    assert app.return_code == 0 or app.return_code is None


@run_async
async def test_mouse_drag_selects_text_for_a_new_claim(make_app) -> None:
    from textual import events

    app = make_app()
    async with running(app) as pilot:
        screen = app.screen
        view = screen.query_one(ArticleView)
        text = screen.book.article.text

        def mouse(kind, x, y, button=1):
            return kind(view, x, y, 0, 0, button, False, False, False)

        # Row 0 starts at offset 0: select the cells of "Plus de 300".
        view.on_mouse_down(mouse(events.MouseDown, 0, 0))
        view.on_mouse_move(mouse(events.MouseMove, 10, 0))
        view.on_mouse_up(mouse(events.MouseUp, 10, 0))
        assert view.selection == (0, 11)
        assert text[slice(*view.selection)] == "Plus de 300"
        await pilot.press("escape")
        assert view.selection is None
        view.selection = (0, 11)
        await pilot.press("c", "enter")
        await settle(pilot)
        assert current_claim(screen).text == "Plus de 300"
        assert current_claim(screen).origin == "reviewer:bob"


@run_async
async def test_remaining_keys_pages_search_results_and_span_start(tmp_path) -> None:
    from annotator.app import ClaimsApp
    from annotator.config import Config

    long_text = " ".join(f"Claim number {i} says {i * 7} units moved." for i in range(120))
    project, ids = make_project(tmp_path / "long.db", long_text)
    app = ClaimsApp(project, "bob", open_article=ids[0], config=Config())
    async with running(app) as pilot:
        screen = article_screen(app)
        assert screen.book is not None
        assert len(screen.book) == 120, len(screen.book)
        await pilot.press("pagedown")
        page = screen.cursor
        table = screen.query_one("#claims", ClaimTable)
        assert page == table.scrollable_content_region.height // table.row_height - 1 > 5
        await pilot.press("pagedown", "pageup")
        assert screen.cursor == page
        await pilot.press("pageup")
        assert screen.cursor == 0
        # Search: down and up move in the results, Enter takes the highlighted one.
        await pilot.press("slash", *"units moved")
        await settle(pilot)
        await pilot.press("down", "down", "up")
        results = screen_as(app, SearchDialog).results
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current_id() == results[1]
        # Boundaries: shift+left (or H) grows the start by a word, l/h move the end.
        await pilot.press("j")
        await settle(pilot)
        before = current_claim(screen)
        await pilot.press("e", "H", "l", "h", "enter")
        await settle(pilot)
        after = current_claim(screen)
        assert after.start < before.start and after.end == before.end
    project.close()


@run_async
async def test_detail_panel_scrolls_its_long_content(make_app) -> None:
    from annotator.widgets.detail import DetailPanel

    app = make_app()
    async with running(app) as pilot:
        panel = app.screen.query_one(DetailPanel)
        panel.show("\n".join(f"line {i}" for i in range(100)))
        await pilot.pause()
        assert panel.virtual_size.height == 100
        panel.scroll_to(y=50, animate=False, immediate=True)
        await pilot.pause()
        assert panel.scroll_offset.y == 50
        panel.show("short")
        await pilot.pause()
        assert panel.scroll_offset.y == 0 and panel.virtual_size.height == 1
