"""Claims already checked: the closest reviewed claims and published fact-checks, under the details.

The index of checked claims (`claims.similar`) is built once per project and kept for the
session. Building it and every lookup run on one thread per project (`_Lookups`), never on the
event loop; results arrive as messages. A lookup starts once the cursor has rested on a claim
for `LOOKUP_DELAY` (held keys look nothing up), and only the newest request is served, so a
key press never waits for the matcher. Verdicts committed in this session (and those the live
view brings for the article on screen) reach the index at once; others when an article is
opened `REBUILD_AFTER_S` or more after the last build.
"""

from __future__ import annotations

import queue
import threading
import time
import weakref
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from annotator.cache import LRUCache
from annotator.safe_text import clean_line
from claims.labels import LabelScale
from claims.model import ClaimState
from claims.project import Project
from claims.similar import Match, SimilarIndex, build_index

__all__ = [
    "DIM",
    "IDLE_EXIT_S",
    "IndexReady",
    "LABEL",
    "LOOKUP_DELAY",
    "REBUILD_AFTER_S",
    "RESULTS_KEPT",
    "SHOWN",
    "SimilarFound",
    "SimilarPanel",
    "render_matches",
    "verdict_name",
]

SHOWN = 3
"""Matches listed under the details (`claims similar` prints more)."""
RESULTS_KEPT = 512
"""Claims whose similar claims the panel remembers (the least recently shown go first)."""
LOOKUP_DELAY = 0.08
"""Seconds the cursor rests on a claim before its similar claims are looked up."""
REBUILD_AFTER_S = 60.0
"""An article opened later than this after the last build rebuilds the index (team work)."""
IDLE_EXIT_S = 30.0
"""The lookup thread ends after this long without work (a new request starts it again)."""
LABEL = "bold #87afd7"
DIM = "#9e9e9e"


@dataclass
class SimilarFound(Message):
    """The matches of one claim, computed off the event loop."""

    claim_id: str
    matches: list[Match]
    generation: int


@dataclass
class IndexReady(Message):
    """The index is built (`error` says why not)."""

    size: int
    error: str | None = None


class _Lookups:
    """One project's index and the thread that builds it and answers lookups, newest first."""

    def __init__(self, project: Project) -> None:
        self._project = weakref.ref(project)
        self.index: SimilarIndex | None = None
        self.built_at = 0.0
        self.building = False
        self.generation = 0
        """Bumped whenever the index changes: results computed before are stale."""
        self.pending: deque[tuple[str, Match | None, str]] = deque()
        """(claim id, its match or None to remove it, its language), applied by the thread."""
        self._requests: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def build(self, panel: SimilarPanel) -> None:
        self.building = True
        self._put(("build", panel))

    def lookup(self, panel: SimilarPanel, claim_id: str, text: str, lang: str) -> None:
        self._put(("lookup", panel, claim_id, text, lang))

    def _put(self, request: tuple[Any, ...]) -> None:
        self._requests.put(request)
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._serve, name="claims-similar",
                                                daemon=True)
                self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                batch = [self._requests.get(timeout=IDLE_EXIT_S)]
            except queue.Empty:
                with self._start_lock:
                    if self._requests.empty():
                        self._thread = None
                        return
                continue
            while True:  # take everything queued: only the newest lookup per panel counts
                try:
                    batch.append(self._requests.get_nowait())
                except queue.Empty:
                    break
            builds = [r for r in batch if r[0] == "build"]
            if builds:
                self._build(builds[-1][1])
            newest: dict[int, tuple[Any, ...]] = {}
            for request in batch:
                if request[0] == "lookup":
                    newest[id(request[1])] = request
            for _, panel, claim_id, text, lang in newest.values():
                self._lookup(panel, claim_id, text, lang)

    def _build(self, panel: SimilarPanel) -> None:
        project = self._project()
        if project is None:
            return
        try:
            # Give the screen the interpreter every few hundred claims: at 100,000 checked
            # claims the build takes seconds and must not hold a key press up.
            index = build_index(project.store, pause=lambda: time.sleep(0.001))
        except Exception as exc:
            self.building = False
            panel.post_message(IndexReady(0, str(exc)))
            return
        self.index = index
        self.built_at = time.monotonic()
        self.generation += 1
        self._drain()
        self.building = False
        panel.post_message(IndexReady(len(index)))

    def _drain(self) -> None:
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

    def _lookup(self, panel: SimilarPanel, claim_id: str, text: str, lang: str) -> None:
        self._drain()
        index = self.index
        if index is None:
            return
        try:
            matches = index.search(text, lang, exclude=[claim_id], limit=SHOWN + 2)
        except Exception:  # a lookup that fails shows nothing rather than stop the thread
            matches = []
        panel.post_message(SimilarFound(claim_id, matches, self.generation))


_LOOKUPS: weakref.WeakKeyDictionary[Project, _Lookups] = weakref.WeakKeyDictionary()


def _lookups(project: Project) -> _Lookups:
    found = _LOOKUPS.get(project)
    if found is None:
        found = _LOOKUPS[project] = _Lookups(project)
    return found


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
        self._results: LRUCache[str, tuple[int, list[Match]]] = LRUCache(RESULTS_KEPT)
        self._timer: Timer | None = None
        self.matches: list[Match] | None = None
        """The current claim's matches, or None while they are being looked up."""

    def render(self) -> Text:
        return self._shown

    def update(self, text: Text) -> None:
        # A fixed-height panel: repaint it alone (never the screen's layout), and only when
        # what it shows changes.
        if text.plain == self._shown.plain and text.spans == self._shown.spans:
            return
        self._shown = text
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
        lookups = _lookups(self.project)
        if lookups.index is not None and len(lookups.index):
            self.display = True
        stale = time.monotonic() - lookups.built_at > REBUILD_AFTER_S
        if not lookups.building and (lookups.index is None or stale):
            lookups.build(self)

    def show_claim(self, state: ClaimState | None, lang: str, scale: LabelScale, *,
                   hidden: bool = False) -> None:
        """Show the claims resembling `state` (None: no claim), looked up off the event loop
        once the cursor rests on it. `hidden` (blind review, claim not yet judged by this
        reviewer): others' verdicts on similar claims are not shown either."""
        self._scale = scale
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if state is None or hidden:
            self._claim_id = None
            self.matches = []
            text = Text("", end="")
            if hidden:
                text = Text("Already checked: ", style=LABEL, no_wrap=True, end="")
                text.append("shown once you have judged this claim (blind review)", style=DIM)
            self.update(text)
            return
        self._claim_id, self._lang, self._text = state.claim.id, lang, state.claim.text
        cached = self._results.get(state.claim.id)
        if cached is not None and cached[0] == _lookups(self.project).generation:
            self._show(cached[1])
            return
        self.matches = None
        self.update(_pending())
        self._timer = self.set_timer(LOOKUP_DELAY, self._request)

    def _request(self) -> None:
        self._timer = None
        lookups = _lookups(self.project)
        if self._claim_id is not None and lookups.index is not None:
            lookups.lookup(self, self._claim_id, self._text, self._lang)

    def claims_changed(self, states: Iterable[ClaimState], article_title: str | None,
                       lang: str) -> None:
        """Committed changes: a claim given a verdict becomes a match for others, and one whose
        verdicts were all taken back stops being one."""
        lookups = _lookups(self.project)
        for state in states:
            verdicts = tuple(r.verdict for r in sorted(state.reviews, key=lambda r: r.reviewer)
                             if r.verdict is not None and r.status != "rejected")
            match = None
            if verdicts and state.live:
                match = Match(kind="claim", key=state.claim.id, text=state.claim.text,
                              verdict=state.verdict, verdicts=verdicts,
                              article_id=state.claim.article_id, article_title=article_title)
            lookups.pending.append((state.claim.id, match, lang))
            if match is not None:
                self.display = True
        if self._claim_id is not None and lookups.index is not None:
            lookups.lookup(self, self._claim_id, self._text, self._lang)

    def jump_target(self) -> Match | None:
        """The closest checked claim of the project (not a published fact-check)."""
        return next((m for m in self.matches or [] if m.kind == "claim"), None)

    # -- results ---------------------------------------------------------------------------

    def on_index_ready(self, message: IndexReady) -> None:
        message.stop()
        if message.error is not None:
            self.matches = []
            self.update(Text(f"Already checked: unavailable ({clean_line(message.error)})",
                             style=DIM, end=""))
            return
        # Shown once the project has anything checked, then kept: the layout stays put.
        if message.size:
            self.display = True
        self._results.clear()
        if self._claim_id is not None:
            self._request()

    def on_similar_found(self, message: SimilarFound) -> None:
        message.stop()
        self._results[message.claim_id] = (message.generation, message.matches)
        if message.claim_id == self._claim_id:
            self._show(message.matches)

    # -- drawing ---------------------------------------------------------------------------

    def _show(self, matches: list[Match]) -> None:
        self.matches = matches
        self.update(render_matches(matches, self._scale))


def _pending() -> Text:
    text = Text("Already checked", style=LABEL, no_wrap=True, end="")
    text.append("  \u2026", style=DIM)
    return text


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
