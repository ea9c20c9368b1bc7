"""The article screen's detail side: the header line, the details of the claim under the
cursor, the claims already checked that resemble it, and its history, read from the log once
the cursor rests on it (`HISTORY_DELAY`).

Kept apart from `screens/article.py` (loading, cursor, committing actions, the live view);
`ClaimDetails` is a base of `ArticleScreen` and reads its `book`, `cursor` and `_history`.
"""

from __future__ import annotations

from textual import work
from textual.timer import Timer

from annotator.cache import LRUCache
from annotator.screens.review_flow import ReviewFlow
from annotator.widgets.detail import DetailPanel, claim_details
from annotator.widgets.header import AppHeader
from annotator.widgets.similar import SimilarPanel
from annotator.widgets.team_marks import sees_others
from claims.model import Event

__all__ = ["HISTORY_DELAY", "ClaimDetails"]

HISTORY_DELAY = 0.12
"""Seconds the cursor must rest on a claim before its history is read from the log."""


class ClaimDetails(ReviewFlow):
    """Header, detail and similar panels for the claim under the cursor."""

    _history: LRUCache[str, list[Event]]
    _history_timer: Timer | None
    _detail_pending: bool

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
        more = ", more coming" if book.article.id in self.claims_app.extracting else ""
        header.set(
            article=self._article_title() if article else None,
            progress=f"{book.reviewed}/{n} reviewed{more}",
            position=f"claim {self.cursor + 1 if n else 0} of {n}",
        )

    def _show_detail(self, keep_scroll: bool = False) -> None:
        state = self.current()
        panel = self.query_one(DetailPanel)
        if state is None or self.book is None:
            panel.show("This article has no claims. Select text with the mouse and press c, "
                       "or press c to draw one from the start." if self.book else "")
            if self.book is not None:
                self.query_one(SimilarPanel).show_claim(None, "und", self.book.scale)
            return
        history = self._history.get(state.claim.id)
        book, drafts = self.book, self.drafts_for(state.claim.id)
        panel.show(lambda colours: claim_details(state, book.scale, book.reviewer, history,
                                                 drafts, blind=book.blind, colours=colours),
                   keep_scroll=keep_scroll)
        self.query_one(SimilarPanel).show_claim(
            state, self.book.article.lang, self.book.scale,
            hidden=not sees_others(state, self.book.reviewer, self.book.blind))
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
            book, drafts = self.book, self.drafts_for(claim_id)
            panel.show(lambda colours: claim_details(state, book.scale, book.reviewer, events,
                                                     drafts, blind=book.blind, colours=colours),
                       keep_scroll=True)

    def _flush_detail(self) -> None:
        self._detail_pending = False
        self._show_detail()
