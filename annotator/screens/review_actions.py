"""The article screen's review keys: verdict, reject, accept, undo and redo, merge, the forms
(source, rationale, boundaries, a new claim) and search.

Every action names the span the reviewer sees (`seen`): the store refuses it when another
reviewer changed the claim first. Kept apart from `screens/article.py` (loading, drawing,
committing actions, the live view): `ReviewActions` builds each job and hands it to the
screen's `_submit`, which commits it and shows the result.
"""

from __future__ import annotations

import time
from typing import Any

from annotator.safe_text import clean
from annotator.screens.review_flow import ReviewFlow
from annotator.widgets.article_view import ArticleView
from annotator.widgets.team_marks import sees_others, visible_reviews
from claims.model import ClaimState
from claims.project import ProjectError
from claims.staleness import check_unjudged

__all__ = ["REPLACED_GRACE", "ReviewActions"]

REPLACED_GRACE = 1.5
"""Seconds after another reviewer replaced the claim under the cursor during which an action
key is taken as meant for the claim that went (refused once), not for its successor."""


class ReviewActions(ReviewFlow):
    """The keys that change a review or a claim; the base of `ArticleScreen`."""

    def _with_claim(self) -> ClaimState | None:
        """The claim under the cursor, to act on; None (said aloud) when there is none, or when
        another reviewer replaced it under the cursor an instant ago: a key pressed then was
        meant for the claim that went, so it is refused once, and pressing again acts."""
        state = self.current()
        if state is None:
            self.app.notify("No claim here.")
            return None
        replaced, self.replaced = self.replaced, None
        if replaced is not None and time.monotonic() - replaced[1] < REPLACED_GRACE:
            self.claims_app.refused(
                f"Claim {replaced[0]}, the one you were on, was just merged or removed by another "
                f"reviewer; you are now on claim {state.claim.id}. Nothing saved: press again to "
                "act on this one.")
            return None
        return state

    def _judged_by_others(self, states: list[ClaimState], doing: str) -> bool:
        """Refuse aloud, before any form opens, a boundary change of claims another reviewer
        judged as the screen shows them (the store checks again when it commits)."""
        try:
            check_unjudged(states, self.claims_app.reviewer, doing)
        except ProjectError as exc:
            self.claims_app.refused(str(exc))
            return True
        return False

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
        cid, seen = state.claim.id, _seen(state)
        self._submit(lambda: app.project.set_verdict(cid, app.reviewer, label, seen=seen))
        if label is not None:
            self.decided_now(cid)

    def set_verdict_label(self, label_id: str | None) -> None:
        state = self._with_claim()
        if state is None:
            return
        app, cid, seen = self.claims_app, state.claim.id, _seen(state)
        self._submit(lambda: app.project.set_verdict(cid, app.reviewer, label_id, seen=seen))
        if label_id is not None:
            self.decided_now(cid)

    def action_toggle_reject(self) -> None:
        state = self._with_claim()
        if state is None:
            return
        app, cid, seen = self.claims_app, state.claim.id, _seen(state)
        mine = state.review_by(app.reviewer)
        self._submit(lambda: app.project.toggle_reject(cid, app.reviewer, seen=seen))
        if mine is None or mine.status != "rejected":  # rejecting, not restoring
            self.decided_now(cid)

    def action_accept(self) -> None:
        state = self._with_claim()
        if state is None:
            return
        app, cid, seen = self.claims_app, state.claim.id, _seen(state)
        self._submit(lambda: app.project.accept(cid, app.reviewer, seen=seen))

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
        app, cid, seen = self.claims_app, state.claim.id, _seen(state)
        book = self.book
        after = (book.states[self.cursor + 1]
                 if book is not None and self.cursor + 1 < len(book) else None)
        if self._judged_by_others([state] if after is None else [state, after], "merging them"):
            return
        following = after.claim.id if after is not None else None
        self._submit(lambda: app.project.merge_with_next(cid, app.reviewer, seen=seen,
                                                         next_id=following))

    def action_add_source(self) -> None:
        from annotator.dialogs.source import SourceDialog

        state = self._with_claim()
        if state is None:
            return
        app, cid, seen = self.claims_app, state.claim.id, _seen(state)

        def saved(source: dict[str, Any] | None) -> None:
            if source is not None:
                self._submit(lambda: app.project.add_source(cid, app.reviewer, source, seen=seen))
            self.draft_changed(cid)

        key = ("source", cid)
        mine = state.review_by(app.reviewer)
        cited = [s.url for s in mine.sources] if mine is not None else []
        self.app.push_screen(SourceDialog(state.claim.text, draft=app.drafts.get(key),
                                          draft_key=key, cited=cited), saved)

    def action_edit_rationale(self) -> None:
        from annotator.dialogs.rationale import RationaleDialog

        state = self._with_claim()
        if state is None:
            return
        app, cid, seen = self.claims_app, state.claim.id, _seen(state)
        review = state.review_by(app.reviewer)
        before = review.rationale if review is not None else ""

        def saved(text: str | None) -> None:
            if text is not None and text != clean(before).strip():
                self._submit(lambda: app.project.set_rationale(cid, app.reviewer, text,
                                                               seen=seen))
            self.draft_changed(cid)

        key = ("rationale", cid)
        self.app.push_screen(RationaleDialog(state.claim.text, before, draft=app.drafts.get(key),
                                             draft_key=key), saved)

    def action_search(self) -> None:
        from annotator.dialogs.search import SearchDialog

        if self.book is None:
            return
        states = list(self.book.states)
        if self.book.blind:  # others' sources are not searchable before the reviewer judged
            me = self.book.reviewer
            states = [
                s if sees_others(s, me, True)
                else s.model_copy(update={"reviews": visible_reviews(s, me, True)})
                for s in states
            ]
        dialog = SearchDialog(states)

        def chosen(found: tuple[str, list[str]] | None) -> None:
            if found is not None:
                self.searched(*found)

        self.app.push_screen(dialog, chosen)

    def action_edit_span(self) -> None:
        from annotator.dialogs.span import SpanDialog

        state = self._with_claim()
        if state is None or self.book is None:
            return
        if self._judged_by_others([state], "moving its boundaries"):
            return
        app, cid, seen = self.claims_app, state.claim.id, _seen(state)

        def saved(span: tuple[int, int] | None) -> None:
            if span is not None and span != seen:
                self._submit(lambda: app.project.set_span(cid, app.reviewer, *span, seen=seen))

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


def _seen(state: ClaimState) -> tuple[int, int]:
    """The span on the reviewer's screen: an action applies only if the claim still has it."""
    return (state.claim.start, state.claim.end)
