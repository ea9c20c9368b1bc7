"""The adjudication view: the disputed claims of the article, every reviewer side by side.

Opened from an article screen (`A`, or `adjudicate: disputed claims` in the palette), it walks
the claims where reviewers' verdicts differ or one kept what another rejected, in article
order; `]` and `[` go to the next or previous article's. Each reviewer gets a column:
status, verdict, sources, rationale and the claim as they checked it. `enter` takes the
selected reviewer's verdict (`left`/`right` select), `1`..`9` give the adjudicator's own,
`0` withdraws the adjudication, `n` edits its note, `u` undoes.
Blind review never applies here: an adjudicator sees everything.

It reads the claims from the article screen's book, which the action queue and the live view
keep current, and sends its actions through the article screen, so an adjudication is an
event like any other: committed before it shows, undoable, refused aloud when stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalScroll, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from annotator.keymap import ADJUDICATE_KEYS, bindings
from annotator.safe_text import clean, clean_line
from annotator.widgets.claim_style import CLAIM_CLASSES, ClaimColours
from annotator.widgets.header import AppHeader
from annotator.widgets.team_marks import is_disputed
from claims.model import MAX_CLAIM_TEXT, ClaimState, Review

if TYPE_CHECKING:
    from annotator.screens.article import ArticleScreen
    from annotator.services import AnnotatorApp

__all__ = ["AdjudicationScreen", "DIM", "LABEL", "review_column"]

LABEL = "bold #87afd7"
DIM = "#9e9e9e"


def review_column(review: Review, state: ClaimState, scale: object, selected: bool,
                  colours: ClaimColours) -> Text:
    """One reviewer's review, built from parts (never markup): their text is content; drawn
    with the screen's `colours` of claims."""
    from claims.labels import LabelScale

    assert isinstance(scale, LabelScale)
    label = scale.get(review.verdict) if review.verdict else None
    text = Text(end="")
    text.append(("\u25b6 " if selected else "  ") + clean_line(review.reviewer)[:40] + "\n",
                style="bold reverse" if selected else "bold")
    text.append("status ", style=LABEL)
    text.append(review.status + "\n", style=colours.claim(review, scale))
    text.append("verdict ", style=LABEL)
    text.append((label.name if label else "none") + "\n", style="bold" if label else DIM)
    checked = review.claim_text
    if checked:
        text.append("as checked ", style=LABEL)
        text.append(clean(checked) + "\n", style="italic")
    if review.sources:
        text.append("sources\n", style=LABEL)
    for i, source in enumerate(review.sources, 1):
        text.append(f" {i} ", style=LABEL)
        text.append(f"({source.stance}) ", style=DIM)
        text.append(clean_line(source.url) + "\n")
        if source.title:
            text.append("   " + clean_line(source.title) + "\n", style="italic")
        if source.quote:
            text.append("   \u201c" + clean_line(source.quote) + "\u201d\n", style=DIM)
    if review.rationale:
        text.append("rationale\n", style=LABEL)
        text.append(clean(review.rationale) + "\n")
    text.rstrip()
    return text


class AdjudicationScreen(Screen[str | None]):
    """Dismisses with the id of the claim last shown, for the article screen's cursor."""

    BINDINGS = bindings(ADJUDICATE_KEYS)
    COMPONENT_CLASSES = set(CLAIM_CLASSES)
    """The colours of the reviews' statuses, styled in app.tcss."""

    def __init__(self, article: ArticleScreen, claim_id: str | None = None) -> None:
        super().__init__()
        self.article = article
        self.claim_ids: list[str] = []
        self.index = 0
        self.selected = 0
        """The reviewer column `enter` takes the verdict of."""
        self._start = claim_id
        self._article_id = article.book.article.id if article.book is not None else None

    @property
    def claims_app(self) -> AnnotatorApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield AppHeader(self.claims_app.reviewer, id="header")
        with VerticalScroll(id="adj-body"):
            yield Static(id="adj-claim")
            yield Static(id="adj-settled")
            yield HorizontalScroll(id="adj-reviews")
        yield Footer()

    def on_mount(self) -> None:
        self._collect(self._start)
        self.article.watchers.append(self._changed)
        self._show()

    def on_unmount(self) -> None:
        if self._changed in self.article.watchers:
            self.article.watchers.remove(self._changed)

    # -- which claims --------------------------------------------------------------------

    def _collect(self, keep: str | None) -> None:
        book = self.article.book
        states = book.states if book is not None else []
        self.claim_ids = [s.claim.id for s in states if is_disputed(s)]
        if keep is not None and keep in self.claim_ids:
            self.index = self.claim_ids.index(keep)
        elif keep is not None and book is not None and (pos := book.index_of(keep)) is not None:
            # Opened on an undisputed claim: start at the first disputed one after it.
            later = (i for i, cid in enumerate(self.claim_ids) if (book.index_of(cid) or 0) >= pos)
            self.index = next(later, 0)
        self.index = max(0, min(self.index, len(self.claim_ids) - 1))

    def current(self) -> ClaimState | None:
        book = self.article.book
        if book is None or not self.claim_ids:
            return None
        return book.get(self.claim_ids[self.index])

    def _reviews(self, state: ClaimState) -> list[Review]:
        return sorted(state.reviews, key=lambda r: r.reviewer)

    def _changed(self, ids: set[str]) -> None:
        """The book changed (an action, or another reviewer): redraw, keep the claim."""
        book = self.article.book
        if book is not None and book.article.id != self._article_id:  # another article
            self._article_id = book.article.id
            self.index, self.selected = 0, 0
            self._collect(None)
            self._show()
            return
        current = self.claim_ids[self.index] if self.claim_ids else None
        if current is not None and book is not None and book.get(current) is None:
            current = self.article.current_id()  # merged away: the claim that replaced it
        self._collect(current)
        self._show()

    # -- drawing ---------------------------------------------------------------------------

    def _show(self) -> None:
        header = self.query_one("#header", AppHeader)
        claim = self.query_one("#adj-claim", Static)
        settled = self.query_one("#adj-settled", Static)
        columns = self.query_one("#adj-reviews", HorizontalScroll)
        state = self.current()
        n = len(self.claim_ids)
        shown = self.article.book
        title = (shown.article.title or shown.article.id) if shown is not None else ""
        header.set(article=f"Adjudication \u2502 {title}", progress=f"{n} disputed",
                   position=f"claim {self.index + 1 if n else 0} of {n}")
        columns.remove_children()
        if state is None:
            claim.update(Text("No disputed claim in this article: reviewers agree on every "
                              "claim they both reviewed. Escape goes back.", style="italic"))
            settled.update("")
            return
        book = self.article.book
        assert book is not None
        scale = book.scale
        body = Text(end="")
        body.append(f"claim {state.claim.id}  [{state.claim.start}, {state.claim.end})\n",
                    style=DIM)
        body.append(clean(state.claim.text), style="bold")
        claim.update(body)
        adjudication = state.adjudication
        line = Text(end="")
        if adjudication is not None:
            label = scale.get(adjudication.verdict) if adjudication.verdict else None
            line.append("Adjudicated: ", style=LABEL)
            line.append(label.name if label else "no verdict", style="bold")
            line.append(" by ")
            line.append(clean_line(adjudication.reviewer), style="bold")
            line.append(adjudication.ts.strftime(" at %Y-%m-%d %H:%M"), style=DIM)
            if adjudication.note:
                line.append("\nnote: ", style=LABEL)
                line.append(clean(adjudication.note))
        else:
            line.append("Not adjudicated. ", style="bold")
            line.append("enter takes the selected reviewer's verdict, 1-9 gives yours.",
                        style=DIM)
        settled.update(line)
        reviews = self._reviews(state)
        self.selected = max(0, min(self.selected, len(reviews) - 1))
        colours = ClaimColours.of(self)
        columns.mount_all(
            Static(review_column(r, state, scale, i == self.selected, colours),
                   classes="adj-review" + (" -selected" if i == self.selected else ""))
            for i, r in enumerate(reviews)
        )

    # -- moving ----------------------------------------------------------------------------

    def action_next(self) -> None:
        if self.index + 1 < len(self.claim_ids):
            self.index += 1
            self._show()
        else:
            self.app.notify("This is the last disputed claim of the article.")

    def action_previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show()
        else:
            self.app.notify("This is the first disputed claim of the article.")

    def action_select(self, step: int) -> None:
        state = self.current()
        if state is None:
            return
        self.selected = max(0, min(len(state.reviews) - 1, self.selected + step))
        self._show()

    def action_article(self, step: int) -> None:
        """`]` / `[`: the disputed claims of the next or previous article."""
        self._start = None
        if step > 0:
            self.article.action_next_article()
        else:
            self.article.action_prev_article()

    def action_close(self) -> None:
        self.dismiss(self.claim_ids[self.index] if self.claim_ids else None)

    # -- settling ----------------------------------------------------------------------------

    def _adjudicate(self, label_id: str | None, note: str | None = None) -> None:
        state = self.current()
        if state is None:
            self.app.notify("No disputed claim here.")
            return
        app, cid = self.claims_app, state.claim.id
        seen = (state.claim.start, state.claim.end)
        previous = state.adjudication
        text = note if note is not None else (previous.note if previous is not None else "")
        self.article.submit_action(
            lambda: app.project.adjudicate(cid, app.reviewer, label_id, text, seen=seen)
        )

    def action_take(self) -> None:
        state = self.current()
        if state is None:
            return
        reviews = self._reviews(state)
        if not reviews:
            return
        review = reviews[min(self.selected, len(reviews) - 1)]
        if review.verdict is None:
            what = "rejected it as not a claim" if review.status == "rejected" else "gave no verdict"
            self.app.notify(f"{clean_line(review.reviewer)} {what}; give a verdict with 1-9 "
                            "(0 withdraws the adjudication).", severity="warning", markup=False)
            return
        self._adjudicate(review.verdict)

    def action_verdict(self, n: int) -> None:
        scale = self.claims_app.project.scale
        if n > len(scale.labels):
            self.app.notify(f"The {scale.name} scale has {len(scale.labels)} verdicts.",
                            severity="warning")
            return
        state = self.current()
        if n == 0 and state is not None and state.adjudication is None:
            self.app.notify("This claim has no adjudication to withdraw.")
            return
        self._adjudicate(scale.by_position(n).id if n else None)

    def action_note(self) -> None:
        from annotator.dialogs.rationale import RationaleDialog

        state = self.current()
        if state is None:
            return
        adjudication = state.adjudication
        if adjudication is None:
            self.app.notify("Give the verdict first (enter or 1-9); the note goes with it.")
            return

        def saved(text: str | None) -> None:
            if text is not None and text != adjudication.note:
                self._adjudicate(adjudication.verdict, text)

        self.app.push_screen(RationaleDialog(state.claim.text, adjudication.note,
                                             title="Adjudication note", limit=MAX_CLAIM_TEXT,
                                             what="the adjudication note"), saved)

    def action_undo(self) -> None:
        app = self.claims_app
        self.article.submit_action(lambda: app.project.undo(app.reviewer), follow="undo")
