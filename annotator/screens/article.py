"""One article under review: the highlighted text, the claim list and the current claim.

Per key press the screen touches only the current and previous claim (list rows, text lines,
detail panel, header); actions go to the app's `ActionRunner` and, once committed, replace
just the claims the Project reports as changed.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import events, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer

from annotator.cache import LRUCache
from annotator.claim_book import ClaimBook
from annotator.keymap import ARTICLE_KEYS, bindings
from annotator.live import Changes, high_water
from annotator.screens.claim_details import ClaimDetails
from annotator.screens.moves import ArticleMoves
from annotator.screens.review_actions import ReviewActions
from annotator.widgets.article_view import ArticleView
from annotator.widgets.claim_table import ClaimTable
from annotator.widgets.detail import DetailPanel
from annotator.widgets.header import AppHeader
from annotator.widgets.list_header import ListHeader
from annotator.widgets.similar import SimilarPanel
from claims.model import ClaimState, Event
from claims.project import ActionResult, StaleAction

__all__ = ["ArticleScreen", "HISTORIES_KEPT", "NARROW", "Refused"]

HISTORIES_KEPT = 256
"""Claims whose history (read from the log) the screen keeps; the least recently used go."""
NARROW = 72
"""Terminal width under which the article text pane is hidden (the details show the claim)."""


@dataclass(frozen=True)
class Refused:
    """A stale action: nothing was recorded. The claims it named, as they stand at `seq`."""

    error: StaleAction
    seq: int
    states: list[ClaimState]


class ArticleScreen(ReviewActions, ArticleMoves, ClaimDetails):
    BINDINGS = bindings(ARTICLE_KEYS)

    def __init__(self, article_id: str, claim_id: str | None = None) -> None:
        super().__init__()  # ReviewActions, ReviewFlow: keys, queue, filters, search matches
        self.article_id = article_id
        self.start_claim = claim_id
        self.book: ClaimBook | None = None
        self.cursor = 0
        self._history: LRUCache[str, list[Event]] = LRUCache(HISTORIES_KEPT)
        self._history_timer: Timer | None = None
        self._detail_pending = False
        self._arrived: dict[str, list[ClaimState]] = {}
        """Claims proposed in the background before their article's book was loaded."""
        self.watchers: list[Callable[[set[str]], None]] = []
        """Called with the ids of claims that changed under the screen (adjudication view)."""
        self._seq_of: dict[str, int] = {}
        """Per claim, the log position its state on screen reflects (live view, actions)."""

    def compose(self) -> ComposeResult:
        yield AppHeader(self.claims_app.reviewer, id="header")
        with Horizontal(id="body"):
            yield ArticleView(id="article")
            with Vertical(id="side"):
                yield ListHeader(id="list-header")
                yield ClaimTable(id="claims")
                yield DetailPanel(id="detail")
                yield SimilarPanel(id="similar")
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        # Under NARROW columns the text pane would be a sliver: the list takes the width.
        self.set_class(event.size.width < NARROW, "-narrow")

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
            # Read the log's mark first: whatever commits after it reaches the live view.
            seq = high_water(app.project)
            states = app.project.claims(article.id)
            book = ClaimBook.build(article, states, app.reviewer, app.project.scale,
                                   blind=app.project.blind)
        except Exception as exc:
            app.call_from_thread(self._load_failed, str(exc))
        else:
            app.call_from_thread(self._loaded, book, claim_id, seq)
        if not app.summaries:  # `]` and `[` follow the project's order of articles
            try:
                summaries = app.project.articles(app.reviewer)
            except Exception:
                return
            app.call_from_thread(setattr, app, "summaries", summaries)

    def _load_failed(self, reason: str) -> None:
        """Opening an article failed: say why, in a toast and where "loading…" stood. The
        article on screen, if any, stays (and its title comes back); else the panes say what
        the reviewer can still do."""
        self.app.bell()
        self.app.notify(f"Cannot open the article: {reason}", severity="error", timeout=15,
                        markup=False)
        if self.book is not None:
            self._update_header(article=True)
            return
        self.query_one("#header", AppHeader).set(article=f"cannot open the article: {reason}")
        self.query_one(DetailPanel).show(
            "This article could not be opened (see the header). ] and [ try the next and "
            "previous articles, o lists them, q quits.")

    def _loaded(self, book: ClaimBook, claim_id: str | None, seq: int = 0) -> None:
        self.book = book
        self.article_id = book.article.id
        self.claims_app.last_article = book.article.id
        self._history.clear()
        claim_id = claim_id or self.claims_app.positions.get(book.article.id)
        book.set_filter(self.claims_app.claim_filter)
        self._seq_of.clear()
        self.claims_app.live.follow(book.article.id, seq, self._remote)
        for watcher in list(self.watchers):  # another article: the adjudication view follows
            watcher(set())
        index = book.index_of(claim_id) if claim_id else None
        index = index if index is not None else 0
        if book.row_count and not book.shows(index):  # a filter hides it: the next shown
            index = book.state_index(min(book.row_of(index), book.row_count - 1))
        self.cursor = index
        current = self.current_id()
        self.query_one(ClaimTable).set_book(book, self.cursor)
        self.query_one(ArticleView).set_book(book, current)
        self._update_header(article=True)
        self.update_list_header()
        self.query_one(SimilarPanel).article_opened()
        self._show_detail()
        if self._arrived.get(book.article.id):  # proposed while the book was being built
            self.claims_arrived(book.article.id, self._arrived.pop(book.article.id))
        self._arrived.clear()
        self.set_timer(0.5, lambda: self._warm_extractor(book.article.lang))
        # Thousands of claim objects live as long as the screen: keep them out of the
        # collector's full passes (40 ms pauses at 5,000 claims, felt as a stutter). Unfreeze
        # first, so what the previous article left behind can still be collected.
        gc.unfreeze()
        gc.freeze()

    def on_unmount(self) -> None:
        self.claims_app.live.unfollow(self._remote)

    def claims_arrived(self, article_id: str, states: list[ClaimState]) -> None:
        """Claims of `article_id` just proposed in the background (annotator/extraction.py):
        add them to the book; the cursor stays on its claim. No states: extraction ended."""
        book = self.book
        if book is None or book.article.id != article_id:
            if states and (book is None or article_id == self.article_id):
                self._arrived.setdefault(article_id, []).extend(states)
            return
        had_claim = self.current() is not None
        if states:
            self._put(states, keep_row=True)
        self._update_header()
        if not had_claim:
            self._show_detail()

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

    def move_to(self, index: int) -> None:
        book = self.book
        if book is None or not len(book):
            return
        index = max(0, min(len(book) - 1, index))
        if index == self.cursor:
            return
        self.cursor = index
        self.replaced = None  # the reviewer has moved on: what is under the cursor is theirs
        self.claims_app.positions[book.article.id] = book.states[index].claim.id
        self.query_one(ClaimTable).move_cursor(index)
        self.query_one(ArticleView).set_current(self.current_id())
        self._update_header()
        # The list and the text move in this frame; the details follow in the next one, and
        # only for the claim the cursor rests on when several keys arrive within a frame.
        if not self._detail_pending:
            self._detail_pending = True
            self.call_after_refresh(self._flush_detail)

    def jump_to_claim(self, claim_id: str) -> None:
        if self.book is None:
            return
        index = self.book.index_of(claim_id)
        if index is not None:
            self.move_to(index)

    # -- actions ---------------------------------------------------------------------------

    def submit_action(self, job: Any, *, follow: str | None = None) -> None:
        """Queue a Project action for another screen (adjudication) that shows this book."""
        self._submit(job, follow=follow)

    def action_adjudicate(self) -> None:
        from annotator.screens.adjudicate import AdjudicationScreen

        if self.book is None:
            return

        def back(claim_id: str | None) -> None:
            if claim_id is not None:
                self.jump_to_claim(claim_id)

        self.app.push_screen(AdjudicationScreen(self, self.current_id()), back)

    def _submit(self, job: Any, *, follow: str | None = None) -> None:
        """Queue `job` (a Project call returning an ActionResult or None)."""
        app = self.claims_app
        live = app.live
        self.query_one("#header", AppHeader).set(saved="saving\u2026")

        def run() -> tuple[ActionResult | Refused | None, dict[str, bool]]:
            try:
                result = job()
            except StaleAction as exc:
                # Read what replaced the claim now, off the event loop, to show it at once.
                seq = app.project.last_seq()
                ids = dict.fromkeys(c for c in (exc.claim_id, exc.successor) if c)
                return Refused(exc, seq, [app.project.claim(cid) for cid in ids]), {}
            live.own(result.event.seq if result is not None else None)
            changed = result.changed if result is not None else []
            return result, {state.claim.id: state.live for state in changed}

        self.claims_app.runner.submit(run, lambda outcome: self._applied(*outcome, follow=follow))

    def _applied(self, result: ActionResult | Refused | None, live: dict[str, bool], *,
                 follow: str | None) -> None:
        """Show a committed action; `follow` ("undo", "redo", "create") moves to its claim."""
        book = self.book
        if not self.claims_app.runner.pending:
            self.query_one("#header", AppHeader).set(
                saved="not saved" if isinstance(result, Refused) else "saved")
        if isinstance(result, Refused):
            self._refused(result)
            return
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
        changed = self._newer(result.changed, event.seq or 0)
        # The log gained exactly `event`: extend the cached history rather than read it again.
        for cid in [s.claim.id for s in changed]:
            cached = self._history.get(cid)
            if cached is not None and cid == event.claim_id:
                self._history[cid] = [*cached, event]
            else:
                self._history.discard(cid)
        structural = self._put(changed)
        target = event.claim_id if follow else None
        if target is not None and book.index_of(target) is not None and target != current_id:
            self.jump_to_claim(target)
            self._update_header()
            return
        self._update_header()
        if self.current_id() in {s.claim.id for s in changed} or structural:
            self._show_detail()

    def _refused(self, refused: Refused) -> None:
        """A stale action: say so aloud, show what replaced the claim, go to it."""
        self.app.bell()
        self.app.notify(str(refused.error), title="Not saved", severity="warning", timeout=12,
                        markup=False)
        self.claims_app.live.poke()  # whatever else changed meanwhile comes in right away
        book = self.book
        if book is None or not self.is_mounted:
            return
        changed = self._newer(refused.states, refused.seq)
        for state in changed:
            self._history.discard(state.claim.id)
        self._put(changed)
        successor = refused.error.successor
        if successor is not None and book.index_of(successor) is not None:
            self.jump_to_claim(successor)
        self._update_header()
        self._show_detail()

    # -- the live shared view -------------------------------------------------------------

    def _newer(self, states: list[ClaimState], seq: int) -> list[ClaimState]:
        """The states that are not older than what the screen shows; remember their `seq`."""
        out = []
        for state in states:
            cid = state.claim.id
            if self._seq_of.get(cid, -1) <= seq:
                self._seq_of[cid] = seq
                out.append(state)
        return out

    def _remote(self, changes: Changes) -> None:
        """Claims changed by others (or by this reviewer elsewhere): show them in place."""
        book = self.book
        if book is None or changes.article_id != book.article.id:
            return
        changed = self._newer(changes.states, changes.seq)
        if not changed:
            return
        before = self.current()
        ids = {s.claim.id for s in changed}
        for cid in ids:
            if cid != (before.claim.id if before else None):
                self._history.discard(cid)
        self._put(changed, keep_row=True)
        self._update_header()
        now = self.current()
        if before is not None and (now is None or now.claim.id != before.claim.id):
            self.replaced = (before.claim.id, time.monotonic())
            self.app.notify(
                f"Claim {before.claim.id}, the one you were on, was merged or removed by "
                f"another reviewer" + (f"; you are now on claim {now.claim.id}." if now else "."),
                severity="warning", markup=False,
            )
            self._show_detail()
        elif now is not None and now.claim.id in ids:
            self._show_detail(keep_scroll=True)
            self._fetch_history(now.claim.id)

    def _put(self, changed: list[ClaimState], *, keep_row: bool = False) -> bool:
        """Put changed claims in the book and redraw what they touch; True if rows moved.

        The cursor stays on its claim; if that claim is gone (merged away, undrawn) it goes
        to the claim that now covers its text. `keep_row` also keeps the cursor's row where
        it is on screen, so rows added or removed above it do not scroll the list.
        """
        book = self.book
        assert book is not None
        table = self.query_one(ClaimTable)
        view = self.query_one(ArticleView)
        before = self.current()
        row_on_screen = table.cursor_line() - table.scroll_offset.y
        spans = [
            (s.claim.start, s.claim.end) for s in map(book.get, (c.claim.id for c in changed))
            if s is not None
        ]
        structural = book.apply(changed, {s.claim.id: s.live for s in changed})
        self.query_one(SimilarPanel).claims_changed(changed, book.article.title, book.article.lang)
        if structural:
            index = book.index_of(before.claim.id) if before is not None else None
            if index is None and before is not None and len(book):
                covering = book.overlapping(before.claim.start, before.claim.end)
                index = (book.index_of(covering[0].claim.id) if covering
                         else book.first_at_or_after(before.claim.start))
            self.cursor = max(0, min(len(book) - 1, index if index is not None else self.cursor))
            table.cursor = self.cursor
            table.structure_changed()
            view.refresh()
            self.update_list_header()
            if keep_row:
                table.scroll_to(y=max(0, table.cursor_line() - row_on_screen), animate=False,
                                immediate=True)
            table.move_cursor(self.cursor)
            view.current_id = None
            view.set_current(self.current_id())
        else:
            for state in changed:
                i = book.index_of(state.claim.id)
                if i is not None:
                    table.refresh_row(i)
                spans.append((state.claim.start, state.claim.end))
            for start, end in spans:
                view.refresh_span(start, end)
        ids = {s.claim.id for s in changed}
        for watcher in list(self.watchers):
            watcher(ids)
        return structural
