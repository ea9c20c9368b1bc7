"""The article screen's working-day flow: the queue, list filters, auto-advance, stepping
through search matches, drafts of unsaved typing, copying and the claim as checked.

Kept apart from `screens/article.py` (loading, drawing, committing actions) so each file
holds one idea. `ReviewFlow` is the base of `ArticleScreen`; it reads the screen's `book`
and `cursor` and moves with `move_to`, so every step touches what a cursor move touches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from annotator.queue import ClaimFilter, queue_step
from annotator.widgets.claim_table import ClaimTable
from annotator.widgets.list_header import ListHeader

if TYPE_CHECKING:
    from annotator.claim_book import ClaimBook
    from annotator.services import AnnotatorApp
    from claims.model import ClaimState

__all__ = ["ReviewFlow"]


class ReviewFlow(Screen[None]):
    book: ClaimBook | None
    cursor: int

    def __init__(self) -> None:
        super().__init__()
        self._deciding: set[str] = set()
        """Claims given a verdict or rejected whose commit the screen has not yet seen: the
        queue counts them as decided, so `1 1 1` typed fast judges three claims."""
        self.search_hits: list[str] = []
        """Claim ids of the last search, best first; `>` and `<` step through them."""
        self.search_pos = 0
        self.replaced: tuple[str, float] | None = None
        """The claim another reviewer just took from under the cursor, and when (review_actions)."""

    @property
    def claims_app(self) -> AnnotatorApp:
        return self.app  # type: ignore[return-value]

    if TYPE_CHECKING:  # provided by ArticleScreen
        def move_to(self, index: int) -> None: ...
        def current(self) -> ClaimState | None: ...
        def current_id(self) -> str | None: ...
        def jump_to_claim(self, claim_id: str) -> None: ...
        def _submit(self, job: Any, *, follow: str | None = None) -> None: ...
        def _show_detail(self) -> None: ...

    # -- drafts ----------------------------------------------------------------------------

    def drafts_for(self, claim_id: str) -> tuple[str, ...]:
        """The forms with unsaved typing for this claim ("rationale", "source", "checked")."""
        drafts = self.claims_app.drafts
        if not drafts:
            return ()
        return tuple(form for form, cid in drafts if cid == claim_id)

    def draft_changed(self, claim_id: str) -> None:
        """A form closed: the detail panel says whether a draft waits for this claim."""
        state = self.current()
        if state is not None and state.claim.id == claim_id:
            self._show_detail()

    # -- moving by the rows the list shows -------------------------------------------------

    def move_rows(self, delta: int) -> None:
        """Move `delta` rows of the list (claims the filter hides are skipped)."""
        book = self.book
        if book is None or not book.row_count:
            return
        row = book.row_of(self.cursor)
        if delta > 0 and not book.shows(self.cursor):
            row -= 1  # the cursor sits just before the row `row_of` names
        target = max(0, min(book.row_count - 1, row + delta))
        self.move_to(book.state_index(target))

    def move_to_row(self, row: int) -> None:
        book = self.book
        if book is None or not book.row_count:
            return
        self.move_to(book.state_index(max(0, min(book.row_count - 1, row))))

    def page_rows(self) -> int:
        table = self.query_one(ClaimTable)
        return max(1, table.scrollable_content_region.height // table.row_height - 1)

    # -- the queue -------------------------------------------------------------------------

    def queue_target(self, *, backward: bool = False, skip: frozenset[str] = frozenset()
                     ) -> int | None:
        book = self.book
        if book is None:
            return None
        return queue_step(book.states, book.rows, self.cursor, book.reviewer,
                          backward=backward, skip=frozenset(self._deciding) | skip)

    def next_unreviewed(self, backward: bool = False) -> None:
        if self.book is None:
            return
        target = self.queue_target(backward=backward)
        if target is None:
            self.app.notify("Nothing left to review here." if self.book.filter.active
                            else "Every claim of this article is reviewed.")
            return
        self.move_to(target)

    def action_next_unreviewed(self) -> None:
        self.next_unreviewed()

    def action_prev_unreviewed(self) -> None:
        self.next_unreviewed(backward=True)

    def decided_now(self, claim_id: str) -> None:
        """The reviewer just gave `claim_id` a verdict or rejected it: maybe move on."""
        app = self.claims_app
        self._deciding.add(claim_id)
        # Runs once the action before it is shown (the queue keeps order).
        app.runner.after_queued(lambda: self._deciding.discard(claim_id))
        if not app.config.auto_advance:
            return
        target = self.queue_target()
        if target is not None:
            self.move_to(target)

    # -- filters ---------------------------------------------------------------------------

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        book = self.book
        self.claims_app.claim_filter = claim_filter
        if book is None:
            return
        book.set_filter(claim_filter)
        table = self.query_one(ClaimTable)
        table.structure_changed()
        if book.row_count and not book.shows(self.cursor):
            row = min(book.row_of(self.cursor), book.row_count - 1)
            self.move_to(book.state_index(row))
        table.move_cursor(self.cursor)
        self.update_list_header()

    def update_list_header(self) -> None:
        book = self.book
        if book is None:
            return
        self.query_one(ListHeader).set(book.row_count, len(book),
                                       book.filter.describe() if book.filter.active else "")

    def action_filter(self) -> None:
        from annotator.dialogs.filter import FilterDialog

        if self.book is None:
            return
        kinds = sorted({s.claim.kind for s in self.book.states} | {"quantity", "date", "quote"})

        def chosen(claim_filter: ClaimFilter | None) -> None:
            if claim_filter is not None:
                self.set_filter(claim_filter)

        self.app.push_screen(FilterDialog(self.book.filter, kinds), chosen)

    def action_clear_filter(self) -> None:
        self.set_filter(ClaimFilter())

    def quick_filter(self, **changes: Any) -> None:
        """A palette command: one facet of the filter, the others kept."""
        if self.book is not None:
            self.set_filter(self.book.filter.with_(**changes))

    # -- search matches --------------------------------------------------------------------

    def searched(self, chosen: str, hits: list[str]) -> None:
        self.search_hits = hits
        self.search_pos = hits.index(chosen) if chosen in hits else 0
        self.jump_to_claim(chosen)

    def action_search_step(self, step: int) -> None:
        book = self.book
        if book is None:
            return
        live = [h for h in self.search_hits if book.index_of(h) is not None]
        if not live:
            self.app.notify("No search results: press / to search.")
            return
        current = self.search_hits[self.search_pos % len(self.search_hits)] if self.search_hits else None
        pos = live.index(current) if current in live else -1 if step > 0 else 0
        pos = (pos + step) % len(live)
        self.search_hits, self.search_pos = live, pos
        self.jump_to_claim(live[pos])
        self.app.notify(f"match {pos + 1} of {len(live)}", timeout=1.5)

    # -- copy and the claim as checked -----------------------------------------------------

    def action_copy(self) -> None:
        from annotator.dialogs.copy import CopyDialog, copy_choices

        state = self.current()
        if state is None:
            self.app.notify("No claim here.")
            return
        choices = copy_choices(state, self.claims_app.reviewer)
        if len(choices) == 1:
            self.copy_text(*choices[0])
            return

        def picked(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                self.copy_text(*choice)

        self.app.push_screen(CopyDialog(choices), picked)

    def copy_text(self, what: str, text: str) -> None:
        # OSC 52: the terminal (local, or at the far end of SSH) puts it on its clipboard.
        self.app.copy_to_clipboard(text)
        self.app.notify(f"Copied {what} ({len(text):,} characters).", timeout=2)

    def action_edit_checked(self) -> None:
        from annotator.dialogs.checked import CheckedTextDialog, checked_text

        state = self.current()
        if state is None:
            self.app.notify("No claim here.")
            return
        app = self.claims_app
        setter = getattr(app.project, "set_claim_text", None)
        if setter is None:
            self.app.notify("This version of the store cannot record the claim as checked.",
                            severity="warning")
            return
        cid = state.claim.id
        mine = state.review_by(app.reviewer)
        before = getattr(mine, "claim_text", "") if mine is not None else ""
        key = ("checked", cid)

        def saved(text: str | None) -> None:
            if text is not None and text != before:
                self._submit(lambda: setter(cid, app.reviewer, text))
            self.draft_changed(cid)

        initial = app.drafts.get(key) or before or checked_text(state)
        self.app.push_screen(
            CheckedTextDialog(state.claim.text, initial, draft_key=key, saved_text=before or ""),
            saved)
