"""The working-day flow: the queue, filters, auto-advance, drafts, forms, search, copy, the
claim as checked and the articles list, driven with Pilot against a real project."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import cast

import pytest
from textual.widgets import Input, TextArea

from annotator.app import ClaimsApp
from annotator.config import Config, load_config
from annotator.dialogs.checked import CheckedTextDialog
from annotator.dialogs.filter import FilterDialog
from annotator.dialogs.rationale import RationaleDialog
from annotator.dialogs.search import EXACT, FUZZY, WORD, SearchItem, rank
from annotator.dialogs.source import SourceDialog
from annotator.queue import ClaimFilter, is_checkworthy, queue_step
from annotator.screens.article import ArticleScreen
from annotator.screens.articles import ArticlesScreen
from annotator.widgets.choice import Choice
from annotator.widgets.detail import DetailPanel, human_number
from annotator.widgets.header import AppHeader
from annotator.widgets.list_header import ListHeader
from claims.model import Claim, Review
from claims.project import Project
from tests.helpers import present, review_of
from tests.tui.tui_helpers import (
    ARTICLE_ONE,
    ARTICLE_TWO,
    article_screen,
    current_claim,
    run_async,
    running,
    sentence_claims,
    settle,
    state_at,
)

SCORES = [0.2, 0.9, 0.3, 0.8, 0.6]
"""ARTICLE_ONE's five sentences: claims 1, 3 and 4 are check-worthy (score >= 0.5)."""
KINDS = ["other", "quantity", "quote", "date", "quantity"]


def scored_project(path: Path) -> tuple[Project, list[str]]:
    project = Project.open(str(path))
    ids = []
    for i, text in enumerate((ARTICLE_ONE, ARTICLE_TWO)):
        claims = sentence_claims(text)
        if i == 0:
            claims = [c.model_copy(update={"score": s, "kind": k})
                      for c, s, k in zip(claims, SCORES, KINDS, strict=True)]
        result = project.add_article(text, lang="fr", title=f"Article {i + 1}",
                                     published=date(2024, 3, 5), claims=claims)
        ids.append(result.article.id)
    return project, ids


@pytest.fixture
def scored(tmp_path: Path):
    project, ids = scored_project(tmp_path / "q.db")
    yield project, ids
    project.close()


def app_for(scored, auto_advance: bool = True, reviewer: str = "bob") -> ClaimsApp:
    project, ids = scored
    return ClaimsApp(project, reviewer, open_article=ids[0],
                     config=Config(auto_advance=auto_advance))


def mine(app: ClaimsApp, index: int) -> Review:
    """The reviewer's own review of the claim at `index` (the test fails where there is none)."""
    return review_of(state_at(app, index), app.reviewer)


# -- the queue -------------------------------------------------------------------------


@run_async
async def test_queue_goes_to_check_worthy_claims_first_then_the_rest(scored) -> None:
    app = app_for(scored, auto_advance=False)
    async with running(app) as pilot:
        screen = article_screen(app)
        assert isinstance(screen, ArticleScreen) and screen.cursor == 0
        await pilot.press("J", "J", "J")
        assert screen.cursor == 4  # 1, 3, 4: check-worthy, in text order from the cursor
        await pilot.press("J")
        assert screen.cursor == 1  # wraps around
        await pilot.press("K")
        assert screen.cursor == 4
        await pilot.press("a")  # decided: the queue skips it now
        await settle(pilot)
        await pilot.press("J")
        assert screen.cursor == 1
        await pilot.press("1", "k", "k")  # 1 judged, then up to the first claim
        await settle(pilot)
        await pilot.press("g", "J")
        assert screen.cursor == 3
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("J")
        assert screen.cursor == 0  # no check-worthy claim left: the others, from the cursor
        await pilot.press("J")
        assert screen.cursor == 2


@run_async
async def test_auto_advance_walks_an_article_with_verdicts_and_rejections_only(scored) -> None:
    app = app_for(scored)
    async with running(app) as pilot:
        screen = article_screen(app)
        await pilot.press("J")
        assert screen.cursor == 1
        # Typed faster than the store answers: each key still lands on the next claim.
        await pilot.press("1", "2", "x", "1", "3")
        await settle(pilot)
        reviews = [mine(app, i) for i in range(5)]
        assert all(r is not None for r in reviews)
        labels = app.project.scale.labels
        assert reviews[1].verdict == labels[0].id
        assert reviews[3].verdict == labels[1].id
        assert reviews[4].status == "rejected"
        assert reviews[0].verdict == labels[0].id  # check-worthy ones done, then the rest
        assert reviews[2].verdict == labels[2].id
        assert "5/5 reviewed" in screen.query_one(AppHeader).progress
        await pilot.press("J")
        await pilot.pause()
        assert any("reviewed" in n.message for n in app._notifications)


@run_async
async def test_auto_advance_off_stays_and_restoring_does_not_advance(scored) -> None:
    app = app_for(scored, auto_advance=False)
    async with running(app) as pilot:
        await pilot.press("1")
        await settle(pilot)
        assert article_screen(app).cursor == 0
    app = app_for(scored, auto_advance=True)
    async with running(app) as pilot:
        await pilot.press("x")  # 0 is rejected: on to the queue
        await settle(pilot)
        assert article_screen(app).cursor == 1
        await pilot.press("k", "x")  # restore: it needs review again, stay
        await settle(pilot)
        assert article_screen(app).cursor == 0
        assert mine(app, 0).status == "proposed"
        await pilot.press("0")  # clearing a verdict does not advance either
        await settle(pilot)
        assert article_screen(app).cursor == 0


def test_auto_advance_is_on_by_default_and_off_in_the_config(tmp_path: Path) -> None:
    assert Config().auto_advance is True
    path = tmp_path / "config.toml"
    path.write_text("[annotator]\nauto_advance = false\n", encoding="utf-8")
    assert load_config(path).auto_advance is False
    path.write_text("[annotator]\nauto_advance = 'no'\nspeed = 3\n", encoding="utf-8")
    config = load_config(path)
    assert config.auto_advance is True
    assert any("auto_advance" in p for p in config.problems)
    assert any("speed" in p for p in config.problems)


def test_queue_step_and_checkworthiness_rule(scored) -> None:
    project, ids = scored
    states = sorted(project.claims(ids[0]), key=lambda s: s.claim.start)
    assert [is_checkworthy(s.claim) for s in states] == [False, True, False, True, True]
    assert queue_step(states, None, 0, "bob") == 1
    assert queue_step(states, None, 0, "bob", backward=True) == 4
    assert queue_step(states, [0, 2], 0, "bob") == 2  # a filter keeps only 0 and 2
    assert queue_step(states, None, 1, "bob", skip=frozenset(
        s.claim.id for s in states[2:])) == 0
    # Once the extractor records its own decision, that flag wins over the score.
    from types import SimpleNamespace

    assert is_checkworthy(cast(Claim, SimpleNamespace(score=0.9, checkworthy=False))) is False
    assert is_checkworthy(cast(Claim, SimpleNamespace(score=0.1, checkworthy=True))) is True


# -- filters ---------------------------------------------------------------------------


@run_async
async def test_filters_show_a_subset_counted_in_the_list_header(scored) -> None:
    app = app_for(scored, auto_advance=False)
    async with running(app) as pilot:
        screen = article_screen(app)
        header = screen.query_one(ListHeader)
        assert (header.shown, header.total, header.filter) == (5, 5, "")
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterDialog)
        await pilot.press("tab", "right")  # kind: the first kind after "any"
        kind = app.screen.query_one("#filter-kind", Choice).value
        await pilot.press("enter")  # Enter applies from a choice field
        await settle(pilot)
        book = screen.book
        assert book is not None
        shown = [s.claim.kind for s in book.states if book.shows(present(book.index_of(s.claim.id)))]
        assert shown and set(shown) == {kind}
        assert header.shown == len(shown) and header.total == 5 and kind in header.filter
        # j and k move through the rows shown only
        assert book.shows(screen.cursor)
        await pilot.press("F")
        await settle(pilot)
        assert header.filter == "" and header.shown == 5
        screen.quick_filter(checkworthy=True)
        await pilot.pause()
        assert header.shown == 3
        await pilot.press("g", "j")
        assert screen.cursor == 3
        await pilot.press("j", "j")
        assert screen.cursor == 4
        screen.set_filter(ClaimFilter(min_score=0.85))
        await pilot.pause()
        assert header.shown == 1 and screen.cursor == 1  # the cursor moves onto a shown row
        screen.set_filter(ClaimFilter(status="unreviewed"))
        await pilot.press("a")
        await settle(pilot)
        assert header.shown == 5  # a decided claim keeps its row until the filter is set
        screen.set_filter(ClaimFilter(status="unreviewed"))
        await pilot.pause()
        assert header.shown == 4
        screen.set_filter(ClaimFilter(whose="mine"))
        await pilot.pause()
        assert header.shown == 1


@run_async
async def test_filter_disputed_and_others(scored) -> None:
    project, ids = scored
    states = sorted(project.claims(ids[0]), key=lambda s: s.claim.start)
    project.set_verdict(states[2].claim.id, "alice", "supported")
    project.set_verdict(states[2].claim.id, "carol", "refuted")
    project.accept(states[3].claim.id, "alice")
    app = app_for(scored, auto_advance=False)
    async with running(app) as pilot:
        screen = article_screen(app)
        assert screen.book is not None
        screen.set_filter(ClaimFilter(disputed=True))
        await pilot.pause()
        assert screen.book.rows == [2]
        screen.set_filter(ClaimFilter(whose="others"))
        await pilot.pause()
        assert screen.book.rows == [2, 3]
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("tab", "tab", *"2", "enter")  # not a score
        await pilot.pause()
        assert isinstance(app.screen, FilterDialog)
        assert "from 0 to 1" in str(app.screen.query_one("#filter-error").render())


# -- drafts and forms ------------------------------------------------------------------


@run_async
async def test_escape_keeps_a_draft_that_the_same_key_reopens(scored) -> None:
    app = app_for(scored, auto_advance=False)
    async with running(app) as pilot:
        await pilot.press("n", *"Half a thought", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert state_at(app, 0).review_by(app.reviewer) is None  # nothing saved
        cid = current_claim(article_screen(app)).id
        assert app.drafts[("rationale", cid)] == "Half a thought"
        assert "draft: unsaved rationale" in app.screen.query_one("#detail", DetailPanel).plain
        await pilot.press("j", "n")  # another claim: its own, empty form
        await pilot.pause()
        assert app.screen.query_one("#rationale-text", TextArea).text == ""
        await pilot.press("escape", "k", "n")
        await pilot.pause()
        assert isinstance(app.screen, RationaleDialog)
        assert app.screen.query_one("#rationale-text", TextArea).text == "Half a thought"
        await pilot.press(*" finished.", "ctrl+s")
        await settle(pilot)
        assert mine(app, 0).rationale == "Half a thought finished."
        assert ("rationale", cid) not in app.drafts
        # The source form keeps every field, the stance included.
        await pilot.press("s", *"https://example.org/a", "tab", *"A title", "tab", "tab",
                          "left", "escape")
        await settle(pilot)
        draft = app.drafts[("source", cid)]
        assert draft == {"url": "https://example.org/a", "title": "A title", "quote": "",
                         "stance": "refutes"}
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one("#source-title", Input).value == "A title"
        await pilot.press("escape")  # unchanged draft: still kept
        await settle(pilot)
        assert ("source", cid) in app.drafts


@run_async
async def test_source_form_enter_from_any_field_ctrl_s_stale_error_and_tabbed_paste(scored) -> None:
    from textual import events

    app = app_for(scored, auto_advance=False)
    async with running(app, (60, 20)) as pilot:
        await pilot.press("s", *"not a url", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SourceDialog) and dialog.has_error
        await pilot.press(*["backspace"] * 9, *"https://example.org/x")
        await pilot.pause()
        assert not dialog.has_error  # fixed: the complaint is gone at once
        await pilot.press("tab", "tab", "tab")  # to the stance, scrolled into view
        assert app.focused is dialog.query_one("#source-stance")
        assert app.focused.region.bottom <= 20
        await pilot.press("s", "enter")  # Enter saves from the stance too
        await settle(pilot)
        source = mine(app, 0).sources[0]
        assert (source.url, source.stance) == ("https://example.org/x", "supports")
        await pilot.press("s")
        await pilot.pause()
        url = app.screen.query_one("#source-url", Input)
        url.post_message(events.Paste("https://example.org/y\tThe report\t\"500 soldiers\"\trefutes"))
        await pilot.pause()
        await pilot.pause()
        assert url.value == "https://example.org/y"
        assert app.screen.query_one("#source-title", Input).value == "The report"
        assert app.screen.query_one("#source-quote", Input).value == '"500 soldiers"'
        assert app.screen.query_one("#source-stance", Choice).value == "refutes"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [s.title for s in mine(app, 0).sources] == ["", "The report"]


@run_async
async def test_claim_as_checked_is_saved_and_shown(scored) -> None:
    app = app_for(scored, auto_advance=False)
    async with running(app) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, CheckedTextDialog)
        await pilot.press(*"Over 300 workers left the Saint-Brieuc shipyard", "enter")
        await settle(pilot)
        assert mine(app, 0).claim_text == "Over 300 workers left the Saint-Brieuc shipyard"
        detail = app.screen.query_one("#detail", DetailPanel).plain
        assert "as checked: Over 300 workers left the Saint-Brieuc shipyard" in detail
        events = app.project.history(article_screen(app).current_id())
        assert events[-1].type == "claim_text"


@run_async
async def test_y_copies_the_claim_text_or_a_source_url(scored, monkeypatch) -> None:
    app = app_for(scored, auto_advance=False)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with running(app) as pilot:
        await pilot.press("y")
        await pilot.pause()
        assert copied == [current_claim(article_screen(app)).text]  # no source: copied at once
        app.project.add_source(current_claim(article_screen(app)).id, "bob",
                               {"url": "https://example.org/s"})
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.press("y", "2")
        await pilot.pause()
        assert copied[-1] == "https://example.org/s"


# -- search ----------------------------------------------------------------------------


def test_search_ranks_whole_words_then_exact_then_fuzzy_marked() -> None:
    items = [
        SearchItem("a", "Les macronistes ont voté.", "Les macronistes ont voté."),
        SearchItem("b", "Macron a parlé mardi.", "Macron a parlé mardi."),
        SearchItem("c", "Le président Macron est venu.", "Le président Macron est venu."),
        SearchItem("d", "Un marcon sans rapport.", "Un marcon sans rapport."),
        SearchItem("e", "Rien à voir ici.", "Rien à voir ici."),
        SearchItem("f", "Citation.", "Citation. \u2502 Emmanuel Macron"),
    ]
    hits = rank("macron", items)
    assert [h.item.claim_id for h in hits[:4]] == ["b", "c", "f", "a"]
    assert [h.kind for h in hits[:4]] == [WORD, WORD, WORD, EXACT]
    assert hits[0].spans == ((0, 6),) and hits[1].spans == ((13, 19),)
    assert all(h.kind == FUZZY for h in hits[4:])
    assert "e" not in [h.item.claim_id for h in hits]
    assert [h.item.claim_id for h in rank("president", items)] == ["c"]  # accents ignored


@run_async
async def test_search_then_step_through_matches(scored) -> None:
    app = app_for(scored, auto_advance=False)
    async with running(app) as pilot:
        screen = article_screen(app)
        await pilot.press("slash", *"de")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        hits = screen.search_hits
        assert len(hits) >= 3 and screen.current_id() == hits[0]
        await pilot.press("greater_than_sign")
        assert screen.current_id() == hits[1]
        await pilot.press("less_than_sign", "less_than_sign")
        assert screen.current_id() == hits[-1]


# -- the articles list -----------------------------------------------------------------


@run_async
async def test_articles_list_escape_goes_back_and_enter_reopens_at_the_claim(scored) -> None:
    app = app_for(scored, auto_advance=False)
    async with running(app) as pilot:
        await pilot.press("j", "j", "j")
        claim = article_screen(app).current_id()
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        assert app.screen.query_one(AppHeader).position == "2 articles"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and article_screen(app).current_id() == claim
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("up", "enter")  # back to the first article, at the claim left
        await settle(pilot)
        assert article_screen(app).current_id() == claim


def test_one_article_is_singular() -> None:
    from annotator.widgets.list_header import plural

    assert plural(1, "article") == "1 article"
    assert plural(2, "article") == "2 articles"
    assert plural(1204, "claim") == "1,204 claims"


def test_big_numbers_read_as_people_write_them() -> None:
    assert human_number(1.2e9) == "1,200,000,000"
    assert human_number(500.0) == "500"
    assert human_number(0.5) == "0.5"
    assert human_number(1234.75) == "1,234.75"
    assert "e" not in human_number(3.2e-7)


@run_async
async def test_article_text_rewraps_cleanly_after_resizes(scored) -> None:
    from annotator.widgets.article_view import ArticleView

    app = app_for(scored, auto_advance=False)
    async with running(app) as pilot:
        for size in ((80, 24), (100, 30), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            view = app.screen.query_one(ArticleView)
            assert view.book is not None
            text = view.book.display_text
            for y in range(min(len(view._lines), view.scrollable_content_region.height)):
                start, end = view._lines[y + view.scroll_offset.y]
                drawn = view.render_line(y).text.rstrip()
                assert drawn == text[start:end].rstrip(), (size, y)
        await pilot.resize_terminal(60, 20)
        await settle(pilot)
        assert app.screen.has_class("-narrow")  # the text pane steps aside under 72 columns
        assert not app.screen.query_one(ArticleView).display


@run_async
async def test_tab_reaches_the_details_whose_arrows_scroll(scored) -> None:
    app = app_for(scored, auto_advance=False)
    async with running(app, (80, 24)) as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, DetailPanel)
        cursor = article_screen(app).cursor
        await pilot.press("down")  # scrolls the details, the claim stays
        assert article_screen(app).cursor == cursor
        await pilot.press("j")  # j still moves between claims
        assert article_screen(app).cursor == cursor + 1
