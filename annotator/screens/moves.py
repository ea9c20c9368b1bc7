"""The article screen's moving keys: claim by claim and page by page through the rows the list
shows, clicks in the list and the text, the closest claim already checked, the next and
previous article, the articles list and reloading.

Kept apart from `screens/article.py` (loading, cursor, committing actions, the live view);
`ArticleMoves` is a base of `ArticleScreen` and moves with its `move_to` and `load`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on

from annotator.screens.review_flow import ReviewFlow
from annotator.widgets.article_view import ArticleView, ClaimClicked
from annotator.widgets.claim_table import ClaimSelected
from annotator.widgets.header import AppHeader
from annotator.widgets.similar import SimilarPanel

__all__ = ["ArticleMoves"]


class ArticleMoves(ReviewFlow):
    """Keys and clicks that move the cursor or open another article."""

    article_id: str

    if TYPE_CHECKING:  # provided by ArticleScreen
        def load(self, article_id: str, claim_id: str | None = None) -> object: ...

    # Moves go by the rows the list shows: with a filter, hidden claims are skipped.

    def action_cursor_down(self) -> None:
        self.move_rows(1)

    def action_cursor_up(self) -> None:
        self.move_rows(-1)

    def action_page_down(self) -> None:
        self.move_rows(self.page_rows())

    def action_page_up(self) -> None:
        self.move_rows(-self.page_rows())

    def action_first(self) -> None:
        self.move_to_row(0)

    def action_last(self) -> None:
        if self.book is not None:
            self.move_to_row(self.book.row_count - 1)

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
