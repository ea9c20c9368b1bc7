"""Claims already checked: the closest reviewed claims and published fact-checks, under the details.

The index of checked claims (`claims.similar`) is built once per project on a worker thread and
kept for the session; each lookup runs on a worker too and its result arrives as a message, so
a key press never waits for it. Verdicts the reviewer gives in this session are added to the
index as they are committed; other reviewers' verdicts arrive when the index is rebuilt (on
opening or reloading an article, at most once a minute).
"""

from __future__ import annotations

import contextlib
import threading
import time
import weakref
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widget import Widget

from annotator.safe_text import clean_line
from claims.labels import LabelScale
from claims.model import ClaimState
from claims.project import Project
from claims.similar import Match, SimilarIndex, build_index

SHOWN = 3
"""Matches listed under the details (`claims similar` prints more)."""
REBUILD_AFTER_S = 60.0
"""An article opened later than this after the last build rebuilds the index (team work)."""
LABEL = "bold #87afd7"
DIM = "#9e9e9e"


class _Shared:
    """One index per project for the whole session, and the changes waiting to reach it."""

    def __init__(self) -> None:
        self.index: SimilarIndex | None = None
        self.built_at = 0.0
        self.generation = 0
        """Bumped whenever the index changes: cached results older than it are stale."""
        self.lock = threading.Lock()
        self.pending: deque[tuple[str, Match | None, str]] = deque()
        """(claim id, its match or None to remove it, its language), applied by the workers."""
        self.building = False

    def drain(self) -> None:
        """Apply queued changes (on a worker, under the lock)."""
        index = self.index
        if index is None:
            return
        changed = False
        while self.pending:
            key, match, lang = self.pending.popleft()
            if match is None:
                index.remove(key)
            else:
                index.add(match, lang)
            changed = True
        if changed:
            self.generation += 1


_SHARED: weakref.WeakKeyDictionary[Project, _Shared] = weakref.WeakKeyDictionary()


def _shared(project: Project) -> _Shared:
    shared = _SHARED.get(project)
    if shared is None:
        shared = _SHARED[project] = _Shared()
    return shared


@dataclass
class SimilarFound(Message):
    """The matches of one claim, computed on a worker."""

    claim_id: str
    matches: list[Match]
    generation: int


class SimilarPanel(Widget):
    """The claims already checked that resemble the current claim, closest first."""

    DEFAULT_CSS = """
    SimilarPanel {
        display: none;
        height: 4;
        border-top: solid $panel-lighten-2;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Text = Text("", end="")
        self._claim_id: str | None = None
        self._lang = "und"
        self._text = ""
        self._scale: LabelScale | None = None
        self._results: dict[str, tuple[int, list[Match]]] = {}
        self.matches: list[Match] | None = None
        """The current claim's matches, or None while they are being looked up."""

    def render(self) -> Text:
        return self._shown

    def update(self, text: Text | str) -> None:
        # A fixed-height panel: repaint it alone, never the screen's layout.
        self._shown = text if isinstance(text, Text) else Text(text, end="")
        self.refresh()

    @property
    def plain(self) -> str:
        return self._shown.plain

    @property
    def project(self) -> Project:
        return self.app.project  # type: ignore[attr-defined,no-any-return]

    # -- what the screen tells the panel ---------------------------------------------------

    def article_opened(self) -> None:
        """Build the index if there is none, or rebuild it when it may miss others' verdicts."""
        shared = _shared(self.project)
        if shared.index is not None and len(shared.index):
            self.display = True
        stale = time.monotonic() - shared.built_at > REBUILD_AFTER_S
        if not shared.building and (shared.index is None or stale):
            shared.building = True
            self._build()

    def show_claim(self, state: ClaimState | None, lang: str, scale: LabelScale) -> None:
        """Look up the claims resembling `state` (None: no claim) off the event loop."""
        self._scale = scale
        if state is None:
            self._claim_id = None
            self.matches = []
            self.update("")
            return
        self._claim_id, self._lang, self._text = state.claim.id, lang, state.claim.text
        shared = _shared(self.project)
        cached = self._results.get(state.claim.id)
        if cached is not None and cached[0] == shared.generation:
            self._show(cached[1])
            return
        self.matches = None
        self.update(Text("Already checked: looking\u2026", style=DIM))
        if shared.index is not None:
            self._lookup(state.claim.id, state.claim.text, lang)

    def claims_changed(self, states: Iterable[ClaimState], article_title: str | None,
                       lang: str) -> None:
        """Committed changes: a claim given a verdict becomes a match for others, and one whose
        verdicts were all taken back stops being one."""
        shared = _shared(self.project)
        for state in states:
            verdicts = tuple(r.verdict for r in sorted(state.reviews, key=lambda r: r.reviewer)
                             if r.verdict is not None and r.status != "rejected")
            match = None
            if verdicts and state.live:
                match = Match(kind="claim", key=state.claim.id, text=state.claim.text,
                              verdict=state.verdict, verdicts=verdicts,
                              article_id=state.claim.article_id, article_title=article_title)
            shared.pending.append((state.claim.id, match, lang))
            if match is not None:
                self.display = True
        if self._claim_id is not None and shared.index is not None:
            self._lookup(self._claim_id, self._text, self._lang)

    def jump_target(self) -> Match | None:
        """The closest checked claim of the project (not a published fact-check)."""
        return next((m for m in self.matches or [] if m.kind == "claim"), None)

    # -- workers ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="similar-index")
    def _build(self) -> None:
        shared = _shared(self.project)
        try:
            # Give the screen the interpreter every few hundred claims: at 100,000 checked
            # claims the build takes seconds and must not hold a key press up.
            index = build_index(self.project.store, pause=lambda: time.sleep(0.001))
        except Exception as exc:
            shared.building = False
            with contextlib.suppress(RuntimeError):  # the app has gone meanwhile
                self.app.call_from_thread(self._failed, str(exc))
            return
        with shared.lock:
            shared.index = index
            shared.built_at = time.monotonic()
            shared.generation += 1
            shared.drain()
            shared.building = False
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._index_ready)

    def _index_ready(self) -> None:
        if not self.is_mounted:  # the screen closed while the index was built: it is kept
            return
        shared = _shared(self.project)
        # Shown once the project has anything checked, then kept: the layout stays put.
        if shared.index is not None and len(shared.index):
            self.display = True
        self._results.clear()
        if self._claim_id is not None:
            self._lookup(self._claim_id, self._text, self._lang)

    @work(thread=True, exclusive=True, exit_on_error=False, group="similar")
    def _lookup(self, claim_id: str, text: str, lang: str) -> None:
        shared = _shared(self.project)
        with shared.lock:
            shared.drain()
            index = shared.index
            if index is None:
                return
            generation = shared.generation
            matches = index.search(text, lang, exclude=[claim_id], limit=SHOWN + 2)
        self.post_message(SimilarFound(claim_id, matches, generation))

    def on_similar_found(self, message: SimilarFound) -> None:
        message.stop()
        self._results[message.claim_id] = (message.generation, message.matches)
        if message.claim_id == self._claim_id:
            self._show(message.matches)

    def _failed(self, reason: str) -> None:
        if not self.is_mounted:
            return
        self.matches = []
        self.update(Text(f"Already checked: unavailable ({clean_line(reason)})", style=DIM))

    # -- drawing ---------------------------------------------------------------------------

    def _show(self, matches: list[Match]) -> None:
        self.matches = matches
        self.update(render_matches(matches, self._scale))


def _cut(value: str, limit: int) -> str:
    value = clean_line(value)
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


def verdict_name(match: Match, scale: LabelScale | None) -> str:
    if match.kind == "known":
        return match.rating or "?"
    if match.verdict is not None:
        label = scale.get(match.verdict) if scale is not None else None
        return label.name if label else match.verdict
    return "disputed"


def render_matches(matches: list[Match], scale: LabelScale | None) -> Text:
    """The panel's lines, built from parts: claim, title and publisher text stay literal."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    if not matches:
        text.append("Already checked: ", style=LABEL)
        text.append("nothing similar", style=DIM)
        return text
    text.append("Already checked", style=LABEL)
    text.append("  v goes to the closest claim\n", style=DIM)
    for i, m in enumerate(matches[:SHOWN]):
        text.append(f"{m.score:3.0f} ", style=DIM)
        text.append(_cut(verdict_name(m, scale), 24), style="bold")
        if m.kind == "claim":
            text.append("  " + _cut(m.article_title or m.article_id or "", 24),
                        style="italic")
        else:
            text.append("  " + _cut(m.publisher or "published", 24), style="italic")
        text.append("  " + clean_line(m.text))
        if m.kind == "known" and m.url:
            text.append("  " + clean_line(m.url), style=DIM)
        if i < min(SHOWN, len(matches)) - 1:
            text.append("\n")
    return text
