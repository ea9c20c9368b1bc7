"""The live shared view: other reviewers' work reaches the screen with no key pressed.

One daemon thread polls the event log's high-water mark (`Project.last_seq`, one index
lookup) every `POLL_INTERVAL` seconds. Only when it moved does it read the claims touched
since (`Project.changes_since`, for the article on screen) and hand them to the screen with
`call_from_thread`. An idle project therefore costs one tiny read per tick and never wakes
the event loop; the reviewer's own actions, already shown from their `ActionResult`, are
recognised by their sequence numbers and not read twice.

The screen applies what arrives claim by claim, keeping for each claim the sequence number
its state reflects, so a poll that read before an action committed can never put back an
older state than the one the action showed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claims.model import ClaimState

if TYPE_CHECKING:
    from annotator.services import AnnotatorApp
    from claims.project import Project

POLL_INTERVAL = 0.25
"""Seconds between two looks at the log's high-water mark (the view is at most this late)."""
OWN_WINDOW = 64
"""Ranges of new events up to this long are checked against the reviewer's own events."""


@dataclass(frozen=True)
class Changes:
    """Claims of one article touched by events in `(since, seq]`, as they stood at `seq`."""

    article_id: str
    since: int
    seq: int
    states: list[ClaimState] = field(default_factory=list)


def high_water(project: Project) -> int:
    return project.last_seq()


def changes_since(project: Project, seq: int, article_id: str) -> tuple[int, list[ClaimState]]:
    return project.changes_since(seq, article_id=article_id)


class LiveFeed:
    """Polls the shared log for one subscriber: the article screen in front of the reviewer."""

    def __init__(self, app: AnnotatorApp, interval: float = POLL_INTERVAL) -> None:
        self.app = app
        self.project = app.project
        self.interval = interval
        self.polls = 0
        """Looks at the high-water mark so far (the benchmark reads it)."""
        self.reads = 0
        """Reads of changed claims so far."""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._article: str | None = None
        self._seq = 0
        self._deliver: Callable[[Changes], None] | None = None
        self._own: set[int] = set()
        self._failing = False
        self._thread = threading.Thread(target=self._loop, name="claims-live", daemon=True)

    # -- called from the event loop or the action thread ----------------------------------

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def follow(self, article_id: str, seq: int, deliver: Callable[[Changes], None]) -> None:
        """Report changes to `article_id` after `seq` (the screen's state) to `deliver`."""
        with self._lock:
            self._article, self._seq, self._deliver = article_id, seq, deliver
            self._own = {s for s in self._own if s > seq}

    def unfollow(self, deliver: Callable[[Changes], None]) -> None:
        with self._lock:
            if self._deliver == deliver:
                self._article, self._deliver = None, None

    def own(self, seq: int | None) -> None:
        """The reviewer's own committed event: already shown, not worth a read."""
        if seq is not None:
            with self._lock:
                if seq > self._seq:
                    self._own.add(seq)

    def poke(self) -> None:
        """Look now rather than at the next tick (after a refused action, say)."""
        self._wake.set()

    # -- the polling thread -----------------------------------------------------------------

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self._tick()
            except RuntimeError:  # the app has gone
                return

    def _tick(self) -> None:
        with self._lock:
            article, since, deliver = self._article, self._seq, self._deliver
        if article is None or deliver is None:
            return
        try:
            seq = high_water(self.project)
            self.polls += 1
            if seq <= since:
                self._recovered()
                return
            with self._lock:
                mine = seq - since <= OWN_WINDOW and all(
                    s in self._own for s in range(since + 1, seq + 1)
                )
                if mine and self._article == article and self._seq == since:
                    self._seq = seq
                    self._own = {s for s in self._own if s > seq}
            if mine:
                self._recovered()
                return
            seq, states = changes_since(self.project, since, article)
            self.reads += 1
        except Exception as exc:  # a shared server may go away for a while: say so once
            self._failed(exc)
            return
        self._recovered()
        with self._lock:
            if self._article != article or self._seq != since:
                return  # the screen moved on to another article meanwhile
            self._seq = seq
            self._own = {s for s in self._own if s > seq}
        self.app.call_from_thread(deliver, Changes(article, since, seq, states))

    def _failed(self, exc: Exception) -> None:
        if not self._failing:
            self._failing = True
            self.app.call_from_thread(
                self.app.notify, f"Live updates paused: {exc}", severity="warning",
                timeout=10, markup=False,
            )

    def _recovered(self) -> None:
        if self._failing:
            self._failing = False
            self.app.call_from_thread(self.app.notify, "Live updates resumed.")


__all__ = ["POLL_INTERVAL", "Changes", "LiveFeed", "changes_since", "high_water"]
