"""One article under review: the highlighted text, the claim list and the current claim.

Per key press the screen touches only the current and previous claim (list rows, text lines,
detail panel, header); actions go to the app's `ActionRunner` and, once committed, replace
just the claims the Project reports as changed.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from annotator.keymap import ARTICLE_KEYS, bindings
from annotator.safe_text import clean
from annotator.widgets.article_view import ArticleView, ClaimClicked
from annotator.widgets.claim_book import ClaimBook
from annotator.widgets.claim_table import HEADER, ClaimSelected, ClaimTable
from annotator.widgets.detail import DetailPanel, claim_details
from annotator.widgets.header import AppHeader
from annotator.widgets.similar import SimilarPanel
from claims.model import ClaimState, Event
from claims.project import ActionResult

if TYPE_CHECKING:
    from annotator.app import ClaimsApp

HISTORY_DELAY = 0.12
"""Seconds the cursor must rest on a claim before its history is read from the log."""


class ArticleScreen(Screen[None]):
    BINDINGS = bindings(ARTICLE_KEYS)

    def __init__(self, article_id: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.start_claim = claim_id
        self.book: ClaimBook | None = None
        self.cursor = 0
        self._history: dict[str, list[Event]] = {}
        self._history_timer: Timer | None = None
        self._detail_pending = False

    @property
    def claims_app(self) -> ClaimsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield AppHeader(self.claims_app.reviewer, id="header")
        with Horizontal(id="body"):
            yield ArticleView(id="article")
            with Vertical(id="side"):
                yield Static(HEADER, id="list-header")
                yield ClaimTable(id="claims")
                yield DetailPanel(id="detail")
                yield SimilarPanel(id="similar")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#header", AppHeader).set(article="loading\u2026")
        self.query_one(ClaimTable).focus()
        # Paint the frame first: building 5,000 claim states competes for the GIL.
        self.call_after_refresh(self.load, self.article_id, self.start_claim)

    # -- loading -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, article_id: str, claim_id: str | None = None) -> None:
        app = self.claims_app
        try:
            article = app.project.article(article_id)
            states = app.project.claims(article.id)
        except Exception as exc:
            app.call_from_thread(app.notify, f"Cannot open article: {exc}", severity="error",
                                 markup=False)
            return
        book = ClaimBook.build(article, states, app.reviewer, app.project.scale)
        app.call_from_thread(self._loaded, book, claim_id)
        if not app.summaries:  # `]` and `[` follow the project's order of articles
            try:
                summaries = app.project.articles(app.reviewer)
            except Exception:
                return
            app.call_from_thread(setattr, app, "summaries", summaries)

    def _loaded(self, book: ClaimBook, claim_id: str | None) -> None:
        self.book = book
        self.article_id = book.article.id
        self._history.clear()
        index = book.index_of(claim_id) if claim_id else None
        self.cursor = index if index is not None else 0
        current = self.current_id()
        self.query_one(ClaimTable).set_book(book, self.cursor)
        self.query_one(ArticleView).set_book(book, current)
        self._update_header(article=True)
        self.query_one(SimilarPanel).article_opened()
        self._show_detail()
        self.set_timer(0.5, lambda: self._warm_extractor(book.article.lang))
        # Thousands of claim objects live as long as the screen: keep them out of the
        # collector's full passes (40 ms pauses at 5,000 claims, felt as a stutter). Unfreeze
        # first, so what the previous article left behind can still be collected.
        gc.unfreeze()
        gc.freeze()

    @work(thread=True, exclusive=True, exit_on_error=False, group="warm-up")
    def _warm_extractor(self, lang: str) -> None:
        """Load the extractor's lexicons before the first `e` or `c` needs them (~0.25 s)."""
        try:
            from claims.extract import extract

            extract("Warm up: 12 words on 3 March.", lang=lang)
        except Exception:
            pass  # the real call will report any problem

    # -- helpers ---------------------------------------------------------------------------

    def current(self) -> ClaimState | None:
        if self.book is None or not len(self.book):
            return None
        return self.book.states[self.cursor]

    def current_id(self) -> str | None:
        state = self.current()
        return state.claim.id if state is not None else None

    def _article_title(self) -> str:
        assert self.book is not None
        a = self.book.article
        title = a.title or a.external_id or a.id
        extra = ", ".join(x for x in (a.lang, a.published.isoformat() if a.published else "") if x)
        return f"{title} ({extra})" if extra else title

    def _update_header(self, article: bool = False) -> None:
        book = self.book
        if book is None:
            return
        header = self.query_one("#header", AppHeader)
        n = len(book)
        header.set(
            article=self._article_title() if article else None,
            progress=f"{book.reviewed}/{n} reviewed",
            position=f"claim {self.cursor + 1 if n else 0} of {n}",
        )

    def _show_detail(self) -> None:
        state = self.current()
        panel = self.query_one(DetailPanel)
        if state is None or self.book is None:
            panel.show("This article has no claims. Select text with the mouse and press c, "
                       "or press c to draw one from the start." if self.book else "")
            if self.book is not None:
                self.query_one(SimilarPanel).show_claim(None, "und", self.book.scale)
            return
        history = self._history.get(state.claim.id)
        panel.show(claim_details(state, self.book.scale, self.book.reviewer, history))
        self.query_one(SimilarPanel).show_claim(state, self.book.article.lang, self.book.scale)
        if history is None:
            if self._history_timer is not None:
                self._history_timer.stop()
            self._history_timer = self.set_timer(
                HISTORY_DELAY, lambda: self._fetch_history(state.claim.id)
            )

    @work(thread=True, exclusive=True, exit_on_error=False, group="history")
    def _fetch_history(self, claim_id: str) -> None:
        app = self.claims_app
        try:
            events = app.project.history(claim_id)
        except Exception:
            return
        app.call_from_thread(self._history_loaded, claim_id, events)

    def _history_loaded(self, claim_id: str, events: list[Event]) -> None:
        self._history[claim_id] = events
        if claim_id == self.current_id() and self.book is not None:
            state = self.current()
            assert state is not None
            panel = self.query_one(DetailPanel)
            panel.show(claim_details(state, self.book.scale, self.book.reviewer, events))

    def move_to(self, index: int) -> None:
        book = self.book
        if book is None or not len(book):
            return
        index = max(0, min(len(book) - 1, index))
        if index == self.cursor:
            return
        self.cursor = index
        self.query_one(ClaimTable).move_cursor(index)
        self.query_one(ArticleView).set_current(self.current_id())
        self._update_header()
        # The list and the text move in this frame; the details follow in the next one, and
        # only for the claim the cursor rests on when several keys arrive within a frame.
        if not self._detail_pending:
            self._detail_pending = True
            self.call_after_refresh(self._flush_detail)

    def _flush_detail(self) -> None:
        self._detail_pending = False
        self._show_detail()

    def jump_to_claim(self, claim_id: str) -> None:
        if self.book is None:
            return
        index = self.book.index_of(claim_id)
        if index is not None:
            self.move_to(index)

    # -- moving ----------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def _page(self) -> int:
        return max(1, self.query_one(ClaimTable).scrollable_content_region.height - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + self._page())

    def action_page_up(self) -> None:
        self.move_to(self.cursor - self._page())

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        if self.book is not None:
            self.move_to(len(self.book) - 1)

    def next_unreviewed(self) -> None:
        book = self.book
        if book is None:
            return
        n = len(book)
        for step in range(1, n + 1):
            i = (self.cursor + step) % n
            if not book.decided(book.states[i]):
                self.move_to(i)
                return
        self.app.notify("Every claim of this article is reviewed.")

    def action_similar(self) -> None:
        """Go to the closest claim already checked, in whichever article it is."""
        panel = self.query_one(SimilarPanel)
        if panel.matches is None:
            self.app.notify("Still looking for similar claims.")
            return
        target = panel.jump_target()
        if target is None:
            self.app.notify("No claim already checked resembles this one." if not panel.matches
                            else "Only published fact-checks resemble this one (listed below "
                            "the details).")
            return
        if target.article_id == self.article_id:
            self.jump_to_claim(target.key)
        else:
            self.open_article(target.article_id or "", target.key)

    @on(ClaimSelected)
    def _row_clicked(self, event: ClaimSelected) -> None:
        self.move_to(event.index)

    @on(ClaimClicked)
    def _text_clicked(self, event: ClaimClicked) -> None:
        self.jump_to_claim(event.claim_id)

    def action_next_article(self) -> None:
        self._switch_article(+1)

    def action_prev_article(self) -> None:
        self._switch_article(-1)

    def _switch_article(self, step: int) -> None:
        ids = [s.id for s in self.claims_app.summaries]
        if self.article_id not in ids:
            self.app.notify("The list of articles is still loading.")
            return
        i = ids.index(self.article_id) + step
        if not 0 <= i < len(ids):
            self.app.notify("This is the last article." if step > 0 else
                            "This is the first article.")
            return
        self.open_article(ids[i])

    def open_article(self, article_id: str, claim_id: str | None = None) -> None:
        self.query_one("#header", AppHeader).set(article="loading\u2026")
        self.load(article_id, claim_id)

    def action_clear_selection(self) -> None:
        self.query_one(ArticleView).clear_selection()

    def action_reload(self) -> None:
        """Read the article again: other reviewers' work (shared database) shows."""
        self.claims_app.summaries = []
        self.open_article(self.article_id, self.current_id())

    def action_articles(self) -> None:
        from annotator.screens.articles import ArticlesScreen

        stack = self.app.screen_stack
        if len(stack) >= 2 and isinstance(stack[-2], ArticlesScreen):
            self.dismiss()
        else:
            self.app.switch_screen(ArticlesScreen())

    # -- actions ---------------------------------------------------------------------------

    def _submit(self, job: Any, *, follow: str | None = None) -> None:
        """Queue `job` (a Project call returning an ActionResult or None)."""
        def run() -> tuple[ActionResult | None, dict[str, bool]]:
            result = job()
            changed = result.changed if result is not None else []
            return result, {state.claim.id: state.live for state in changed}

        self.claims_app.runner.submit(run, lambda outcome: self._applied(*outcome, follow=follow))

    def _applied(self, result: ActionResult | None, live: dict[str, bool], *,
                 follow: str | None) -> None:
        """Show a committed action; `follow` ("undo", "redo", "create") moves to its claim."""
        book = self.book
        if result is None:
            self.app.notify("Nothing to undo." if follow == "undo" else "Nothing to redo.")
            return
        if book is None or not self.is_mounted:  # a dialog on top still wants the update
            return
        event = result.event
        if event.article_id != book.article.id:
            # Undo or redo reached into another article: show it there.
            self.open_article(event.article_id, event.claim_id)
            return
        current_id = self.current_id()
        table = self.query_one(ClaimTable)
        view = self.query_one(ArticleView)
        old_spans = [
            (s.claim.start, s.claim.end) for s in map(book.get, (c.claim.id for c in result.changed))
            if s is not None
        ]
        structural = book.apply(result.changed, live)
        self.query_one(SimilarPanel).claims_changed(result.changed, book.article.title,
                                                    book.article.lang)
        # The log gained exactly `event`: extend the cached history rather than read it again.
        for cid in [s.claim.id for s in result.changed]:
            cached = self._history.get(cid)
            if cached is not None and cid == event.claim_id:
                self._history[cid] = [*cached, event]
            else:
                self._history.pop(cid, None)
        if structural:
            index = book.index_of(current_id) if current_id else None
            self.cursor = max(0, min(len(book) - 1, index if index is not None else self.cursor))
            table.cursor = self.cursor
            table.structure_changed()
            view.refresh()
        else:
            for state in result.changed:
                i = book.index_of(state.claim.id)
                if i is not None:
                    table.refresh_row(i)
            for start, end in old_spans:
                view.refresh_span(start, end)
        target = event.claim_id if follow else None
        if target is not None and book.index_of(target) is not None and target != current_id:
            self.jump_to_claim(target)
            self._update_header()
            return
        if structural:
            table.move_cursor(self.cursor)
            view.set_current(self.current_id())
        self._update_header()
        if self.current_id() in {s.claim.id for s in result.changed} or structural:
            self._show_detail()

    def _with_claim(self) -> ClaimState | None:
        state = self.current()
        if state is None:
            self.app.notify("No claim here.")
        return state

    def action_verdict(self, n: int) -> None:
        state = self._with_claim()
        if state is None:
            return
        app = self.claims_app
        scale = app.project.scale
        if n > len(scale.labels):
            self.app.notify(f"The {scale.name} scale has {len(scale.labels)} verdicts.",
                            severity="warning")
            return
        label = scale.by_position(n).id if n else None
        cid = state.claim.id
        self._submit(lambda: app.project.set_verdict(cid, app.reviewer, label))

    def set_verdict_label(self, label_id: str | None) -> None:
        state = self._with_claim()
        if state is None:
            return
        app, cid = self.claims_app, state.claim.id
        self._submit(lambda: app.project.set_verdict(cid, app.reviewer, label_id))

    def action_toggle_reject(self) -> None:
        state = self._with_claim()
        if state is None:
            return
        app, cid = self.claims_app, state.claim.id
        self._submit(lambda: app.project.toggle_reject(cid, app.reviewer))

    def action_accept(self) -> None:
        state = self._with_claim()
        if state is None:
            return
        app, cid = self.claims_app, state.claim.id
        self._submit(lambda: app.project.accept(cid, app.reviewer))

    def action_undo(self) -> None:
        app = self.claims_app
        self._submit(lambda: app.project.undo(app.reviewer), follow="undo")

    def action_redo(self) -> None:
        app = self.claims_app
        self._submit(lambda: app.project.redo(app.reviewer), follow="redo")

    def action_merge(self) -> None:
        state = self._with_claim()
        if state is None:
            return
        app, cid = self.claims_app, state.claim.id
        self._submit(lambda: app.project.merge_with_next(cid, app.reviewer))

    def action_add_source(self) -> None:
        from annotator.dialogs.source import SourceDialog

        state = self._with_claim()
        if state is None:
            return
        app, cid = self.claims_app, state.claim.id

        def saved(source: dict[str, Any] | None) -> None:
            if source is not None:
                self._submit(lambda: app.project.add_source(cid, app.reviewer, source))

        self.app.push_screen(SourceDialog(state.claim.text), saved)

    def action_edit_rationale(self) -> None:
        from annotator.dialogs.rationale import RationaleDialog

        state = self._with_claim()
        if state is None:
            return
        app, cid = self.claims_app, state.claim.id
        review = state.review_by(app.reviewer)
        before = review.rationale if review is not None else ""

        def saved(text: str | None) -> None:
            if text is not None and text != clean(before).strip():
                self._submit(lambda: app.project.set_rationale(cid, app.reviewer, text))

        self.app.push_screen(RationaleDialog(state.claim.text, before), saved)

    def action_search(self) -> None:
        from annotator.dialogs.search import SearchDialog

        if self.book is None:
            return
        dialog = SearchDialog(list(self.book.states))

        def chosen(claim_id: str | None) -> None:
            if claim_id is not None:
                self.jump_to_claim(claim_id)

        self.app.push_screen(dialog, chosen)

    def action_edit_span(self) -> None:
        from annotator.dialogs.span import SpanDialog

        state = self._with_claim()
        if state is None or self.book is None:
            return
        app, cid = self.claims_app, state.claim.id

        def saved(span: tuple[int, int] | None) -> None:
            if span is not None and span != (state.claim.start, state.claim.end):
                self._submit(lambda: app.project.set_span(cid, app.reviewer, *span))

        self.app.push_screen(
            SpanDialog(self.book.article.text, state.claim.start, state.claim.end,
                       "Edit the claim's boundaries"),
            saved,
        )

    def action_create_claim(self) -> None:
        from annotator.dialogs.span import SpanDialog, next_word_end

        book = self.book
        if book is None:
            return
        view = self.query_one(ArticleView)
        text = book.article.text
        if view.selection is not None:
            start, end = view.selection
        else:
            state = self.current()
            after = state.claim.end if state is not None else 0
            end = next_word_end(text, after)
            start = end - len(text[after:end].lstrip())
            if start >= end:
                self.app.notify("Select text with the mouse first.", severity="warning")
                return
        app, article_id = self.claims_app, book.article.id

        def saved(span: tuple[int, int] | None) -> None:
            if span is not None:
                view.clear_selection()
                self._submit(
                    lambda: app.project.create_claim(article_id, app.reviewer, *span),
                    follow="create",
                )

        self.app.push_screen(SpanDialog(text, start, end, "Draw a new claim"), saved)
