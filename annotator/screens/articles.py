"""Every article of the project with its progress; `/` filters (fuzzy), Enter opens.

Enter reopens an article at the claim the reviewer was last on there; Escape clears the
filter, else goes back to the article the reviewer came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import Option

from annotator.keymap import ARTICLES_KEYS, bindings
from annotator.safe_text import clean_line
from annotator.widgets.header import AppHeader
from annotator.widgets.list_header import plural
from annotator.widgets.safe_inputs import SafeInput
from claims.store import ArticleSummary

if TYPE_CHECKING:
    from annotator.services import AnnotatorApp

__all__ = ["ArticlesScreen", "article_row", "filter_articles"]


def article_row(summary: ArticleSummary, width: int = 70) -> Text:
    title = clean_line(summary.title or summary.id)
    if len(title) > width:
        title = title[: width - 1] + "\u2026"
    done = summary.n_claims and summary.n_reviewed >= summary.n_claims
    row = Text(no_wrap=True, overflow="ellipsis", end="")
    row.append(f"{summary.n_reviewed:>5}/{summary.n_claims:<5} ",
               style="bold green" if done else "bold")
    row.append(f"{clean_line(summary.lang):<4}", style="dim")
    row.append(f"{summary.published.isoformat() if summary.published else '':<11}", style="dim")
    row.append(title)
    return row


def filter_articles(query: str, summaries: list[ArticleSummary]) -> list[ArticleSummary]:
    """Fuzzy match on title and ids, best first; an empty query keeps project order."""
    query = query.strip()
    if not query:
        return summaries
    from rapidfuzz import fuzz, process, utils

    choices = [f"{s.title or ''} {s.id}" for s in summaries]
    hits = process.extract(query, choices, scorer=fuzz.partial_ratio,
                           processor=utils.default_process, limit=None, score_cutoff=60)
    return [summaries[index] for _, _, index in hits]


class ArticlesScreen(Screen[None]):
    BINDINGS = bindings(ARTICLES_KEYS)

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[ArticleSummary] = []

    @property
    def claims_app(self) -> AnnotatorApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield AppHeader(self.claims_app.reviewer, id="header")
        yield SafeInput(placeholder="/ filters the articles (fuzzy); Enter opens", id="filter")
        yield OptionList(id="articles")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#header", AppHeader).set(article="Articles")
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown.
        self.refresh_articles()

    @work(thread=True, exclusive=True, exit_on_error=False, group="articles")
    def refresh_articles(self) -> None:
        app = self.claims_app
        try:
            summaries = app.project.articles(app.reviewer)
        except Exception as exc:
            app.call_from_thread(app.notify, f"Cannot list articles: {exc}", severity="error",
                                 markup=False)
            return
        app.call_from_thread(self._loaded, summaries)

    def _loaded(self, summaries: list[ArticleSummary]) -> None:
        self.claims_app.summaries = summaries
        reviewed = sum(s.n_reviewed for s in summaries)
        total = sum(s.n_claims for s in summaries)
        self.query_one("#header", AppHeader).set(
            progress=f"{reviewed}/{total} reviewed", position=plural(len(summaries), "article")
        )
        self._show(self.query_one("#filter", Input).value)
        if not summaries:
            self.app.notify("No articles yet: start with `claims annotate FILE...` "
                            "(.txt, .md or .jsonl).", markup=False, timeout=15)

    def _show(self, query: str, keep: bool = True) -> None:
        """List the articles matching `query`; `keep` stays on the highlighted one."""
        listing = self.query_one(OptionList)
        previous = self.shown[listing.highlighted].id if (
            listing.highlighted is not None and listing.highlighted < len(self.shown)) else None
        self.shown = filter_articles(query, self.claims_app.summaries)
        listing.clear_options()
        listing.add_options(Option(article_row(s), id=s.id) for s in self.shown)
        if self.shown:
            ids = [s.id for s in self.shown]
            listing.highlighted = ids.index(previous) if keep and previous in ids else 0

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._show(event.value, keep=False)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        listing = self.query_one(OptionList)
        listing.focus()
        if self.shown:
            self.open(self.shown[listing.highlighted or 0].id)

    @on(OptionList.OptionSelected, "#articles")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open(event.option.id)

    def open(self, article_id: str) -> None:
        from annotator.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(article_id))

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_back(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
            self.query_one(OptionList).focus()
            return
        last = self.claims_app.last_article
        if last is None:
            self.app.notify("No article open yet: Enter opens the highlighted one.")
            return
        self.open(last)
