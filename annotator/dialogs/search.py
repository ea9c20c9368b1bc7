"""Search the article's claims: their text, speakers and sources.

Whole-word matches come first, then other exact matches (both ignoring case and accents, in
the order of the article), then fuzzy ones, marked ≈ and ranked by similarity. Matches
are highlighted in the results. Matching runs in a worker on each change of the query, so
typing never waits on a 5,000-claim article. Enter jumps to the highlighted result; `>` and
`<` on the article then step through every result.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from annotator.dialogs.form import FittedDialog
from annotator.keymap import DIALOG_KEYS, SEARCH_KEYS, bindings
from annotator.safe_text import clean_line
from annotator.widgets.safe_inputs import SafeInput
from claims.model import ClaimState

__all__ = [
    "EXACT",
    "EXACT_LIMIT",
    "FUZZY",
    "FUZZY_CUTOFF",
    "FUZZY_LIMIT",
    "Hit",
    "SearchDialog",
    "SearchItem",
    "WORD",
    "fold",
    "rank",
    "result_row",
    "search_items",
]

EXACT_LIMIT = 500
FUZZY_LIMIT = 20
FUZZY_CUTOFF = 80
WORD, EXACT, FUZZY = "word", "exact", "fuzzy"


@dataclass(frozen=True)
class SearchItem:
    claim_id: str
    label: str
    """What the result list shows: the claim text."""
    haystack: str
    """Claim text, speaker, source titles, quotes and URLs, as one string."""


@dataclass(frozen=True)
class Hit:
    item: SearchItem
    kind: str
    """WORD, EXACT or FUZZY."""
    spans: tuple[tuple[int, int], ...]
    """Where the query is in `item.label` (may be empty: a match in a source)."""
    score: float


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[:1] or ch
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Lower case without accents, one character for each character of `text`."""
    return "".join(_fold_char(ch) for ch in text)


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


def rank(query: str, items: list[SearchItem]) -> list[Hit]:
    """Whole-word, then exact, then fuzzy matches; an empty query lists nothing."""
    query = " ".join(query.split())
    if not query:
        return []
    q = fold(query)
    word = re.compile(r"(?<!\w)" + re.escape(q) + r"(?!\w)")
    words: list[Hit] = []
    exact: list[Hit] = []
    rest: list[int] = []
    for i, item in enumerate(items):
        hay = fold(item.haystack)
        if q not in hay:
            rest.append(i)
            continue
        label = hay[: len(item.label)]
        whole = [m.span() for m in word.finditer(label)] if word.search(hay) else []
        if whole or word.search(hay):
            if len(words) < EXACT_LIMIT:
                words.append(Hit(item, WORD, tuple(whole), 100.0))
        elif len(exact) < EXACT_LIMIT:
            spans = []
            at = label.find(q)
            while at != -1:
                spans.append((at, at + len(q)))
                at = label.find(q, at + len(q))
            exact.append(Hit(item, EXACT, tuple(spans), 100.0))
    fuzzy: list[Hit] = []
    if len(q) >= 3 and rest:
        from rapidfuzz import fuzz, process

        found = process.extract(q, [fold(items[i].haystack) for i in rest],
                                scorer=fuzz.partial_ratio, limit=FUZZY_LIMIT,
                                score_cutoff=FUZZY_CUTOFF)
        for _, score, j in found:
            item = items[rest[j]]
            align = fuzz.partial_ratio_alignment(q, fold(item.label))
            marks: tuple[tuple[int, int], ...] = ((align.dest_start, align.dest_end),) if (
                align is not None and align.score >= FUZZY_CUTOFF) else ()
            fuzzy.append(Hit(item, FUZZY, marks, score))
    return [*words, *exact, *fuzzy]


def result_row(hit: Hit, width: int) -> Text:
    """One result: ≈ for a fuzzy match, then the claim text with the matches in bold."""
    label = hit.item.label
    first = hit.spans[0][0] if hit.spans else 0
    # Keep the first match in view: start a little before it when the text is long.
    lo = max(0, first - width // 3) if first > width - 10 else 0
    row = Text(no_wrap=True, overflow="ellipsis", end="")
    row.append("\u2248 " if hit.kind == FUZZY else "  ", style="bold #d7af00")
    shown = clean_line(label[lo:])
    if lo:
        shown = "\u2026" + shown[1:]
    body = Text(shown)
    for a, b in hit.spans:
        if b > lo:
            body.stylize("bold reverse", max(0, a - lo), b - lo)
    row.append_text(body)
    return row


class SearchDialog(FittedDialog[tuple[str, list[str]] | None]):
    """Answers `(chosen claim id, every result's claim id)`, or None."""

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
            yield OptionList(id="search-results", classes="dialog-body")
            yield Static("", id="search-count", classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search(self, query: str) -> None:
        hits = rank(query, self.items)
        self.app.call_from_thread(self._show, hits)

    def _show(self, hits: list[Hit]) -> None:
        results = self.query_one(OptionList)
        width = max(10, results.scrollable_content_region.width - 2)
        results.clear_options()
        self.results = [hit.item.claim_id for hit in hits]
        results.add_options(Option(result_row(hit, width)) for hit in hits)
        if hits:
            results.highlighted = 0
        fuzzy = sum(1 for hit in hits if hit.kind == FUZZY)
        count = Text(f"{len(hits)} match{'es' if len(hits) != 1 else ''}", style="dim")
        if fuzzy:
            count.append(f" ({fuzzy} fuzzy, marked \u2248)", style="dim")
        count.append(" \u00b7 Enter jumps \u00b7 then > and < step", style="dim")
        self.query_one("#search-count", Static).update(count)

    def _answer(self, index: int) -> None:
        self.dismiss((self.results[index], list(self.results)))

    @on(Input.Submitted)
    def _jump(self) -> None:
        index = self.query_one(OptionList).highlighted
        if not self.results:
            # The worker may not have answered yet: search now.
            self.results = [hit.item.claim_id for hit in rank(self.query_one(Input).value,
                                                                 self.items)]
        if self.results:
            self._answer(index or 0)
        else:
            self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._answer(event.option_index)

    def action_result_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_result_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
