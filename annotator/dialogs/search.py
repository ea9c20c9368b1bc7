"""Fuzzy search over the article's claims: their text, speakers and sources.

Matching (rapidfuzz) runs in a worker on each change of the query, so typing never waits on
a 5,000-claim article. Enter jumps to the highlighted match (the best one, at first).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from annotator.keymap import DIALOG_KEYS, SEARCH_KEYS, bindings
from annotator.safe_text import clean_line
from annotator.widgets.inputs import SafeInput
from claims.model import ClaimState

LIMIT = 30


@dataclass(frozen=True)
class SearchItem:
    claim_id: str
    label: str
    """What the result list shows: the claim text."""
    haystack: str
    """Claim text, speaker, source titles, quotes and URLs, as one string."""


def search_items(states: list[ClaimState]) -> list[SearchItem]:
    items = []
    for state in states:
        c = state.claim
        parts = [c.text]
        if c.speaker:
            parts.append(c.speaker)
        for review in state.reviews:
            for source in review.sources:
                parts += [source.title, source.quote, source.url]
        items.append(SearchItem(c.id, c.text, " \u2502 ".join(p for p in parts if p)))
    return items


def rank(query: str, items: list[SearchItem], limit: int = LIMIT) -> list[tuple[SearchItem, float]]:
    """Best matches first; an empty query lists nothing."""
    from rapidfuzz import fuzz, process, utils

    query = query.strip()
    if not query:
        return []
    hits = process.extract(
        query,
        [item.haystack for item in items],
        scorer=fuzz.partial_ratio,
        processor=utils.default_process,
        limit=limit,
        score_cutoff=50,
    )
    return [(items[index], score) for _, score, index in hits]


def _one_line(text: str, width: int) -> str:
    text = clean_line(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


class SearchDialog(ModalScreen[str | None]):
    """Answers the id of the chosen claim, or None."""

    BINDINGS = [*bindings(DIALOG_KEYS), *bindings(SEARCH_KEYS)]

    def __init__(self, states: list[ClaimState]) -> None:
        super().__init__()
        self.states = states
        self._items: list[SearchItem] | None = None
        self.results: list[str] = []

    @property
    def items(self) -> list[SearchItem]:
        """Built on first use, in the search worker: O(claims) stays off the key press."""
        if self._items is None:
            self._items = search_items(self.states)
        return self._items

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="search-dialog"):
            yield Static(Text("Search claims, speakers and sources", style="bold"),
                         classes="dialog-title")
            yield SafeInput(placeholder="type to search; Enter jumps", id="search-input")
            yield OptionList(id="search-results")
            yield Static("", id="search-count", classes="dim")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search(self, query: str) -> None:
        hits = rank(query, self.items)
        self.app.call_from_thread(self._show, hits)

    def _show(self, hits: list[tuple[SearchItem, float]]) -> None:
        results = self.query_one(OptionList)
        width = max(10, results.scrollable_content_region.width - 2)
        results.clear_options()
        self.results = [item.claim_id for item, _ in hits]
        results.add_options(
            Option(Text(_one_line(item.label, width), no_wrap=True)) for item, _ in hits
        )
        if hits:
            results.highlighted = 0
        self.query_one("#search-count", Static).update(
            Text(f"{len(hits)} match{'es' if len(hits) != 1 else ''}", style="dim")
        )

    @on(Input.Submitted)
    def _jump(self) -> None:
        index = self.query_one(OptionList).highlighted
        if self.results:
            self.dismiss(self.results[index or 0])
        else:
            # The worker may not have answered yet: search now, it is one call.
            hits = rank(self.query_one(Input).value, self.items, limit=1)
            self.dismiss(hits[0][0].claim_id if hits else None)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.results[event.option_index])

    def action_result_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_result_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
