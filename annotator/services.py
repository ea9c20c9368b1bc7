"""What the annotator's screens, palette and background helpers need of the app.

`AnnotatorApp` is the narrow interface they are written against; `ClaimsApp` (annotator/app.py)
is the one implementation. Screens import this module, never the app, so the app imports its
screens and nothing imports the app back. `ActionRunner` lives here because it is part of
that interface: the one queue through which every reviewer action is committed.

Reviewer actions go through one queue served by one thread: each is committed by the Project
before the screen is told, in the order the keys were pressed, and quitting waits for the
queue, so `1 j 2 j x q` leaves exactly what was typed.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Awaitable, Callable
from queue import SimpleQueue
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from claims.project import ProjectError

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from annotator.config import Config
    from annotator.live import LiveFeed
    from annotator.queue import ClaimFilter
    from claims.model import ClaimState
    from claims.project import Project
    from claims.store import ArticleSummary

__all__ = ["WAITING", "WAIT_HINT_S", "ActionRunner", "AnnotatorApp"]

WAIT_HINT_S = 1.0
"""An action not committed after this long is said to be waiting (another command holds the
project: a large import keeps the write lock until it ends); the store goes on waiting and
retrying, and the screen says "saved" only once it has committed."""
WAITING = "waiting for the project, not saved yet"
"""What the header says of such an action."""

T = TypeVar("T")


class AnnotatorApp(Protocol):
    """The app as its screens, the palette, the live feed and the extraction see it."""

    project: Project
    reviewer: str
    config: Config
    summaries: list[ArticleSummary]
    """The articles of the project with their counts (the articles list, the palette)."""
    runner: ActionRunner
    live: LiveFeed
    extracting: set[str]
    """Articles still being split into claims in the background."""
    drafts: dict[tuple[str, str], Any]
    """Unsaved dialog text per (claim, field), reopened by the same key."""
    claim_filter: ClaimFilter
    last_article: str | None
    positions: dict[str, str]
    """The claim the reviewer was on, per article."""

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...

    def call_from_thread(self, callback: Callable[..., T | Awaitable[T]], *args: Any,
                         **kwargs: Any) -> T: ...

    def save_failed(self, message: str | None) -> None: ...

    def save_waits(self) -> None: ...

    def refused(self, message: str) -> None: ...

    def export_project(self, fmt: str) -> None: ...

    def action_help(self) -> None: ...

    last_input: float
    """`time.monotonic()` of the reviewer's last key, click or scroll."""

    def claims_arrived(self, article_id: str, states: list[ClaimState]) -> None: ...

    def extraction_done(self, article_id: str) -> None: ...

    def extraction_failed(self, article_id: str, message: str) -> None: ...


class ActionRunner:
    """Runs reviewer actions one at a time, in order, off the event loop."""

    def __init__(self, app: AnnotatorApp) -> None:
        self.app = app
        self.pending = 0
        """Actions submitted whose outcome the screen has not yet seen (event loop only)."""
        self._queue: SimpleQueue[
            tuple[Callable[[], Any], Callable[[Any], None], bool] | None] = SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name="claims-actions", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._queue.put(None)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def submit(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.pending += 1
        self._queue.put((job, done, False))

    def after_queued(self, done: Callable[[], None]) -> None:
        """Call `done` on the event loop once every action submitted so far is shown.

        Not an action: it is not counted in `pending` and says nothing about saving."""
        self._queue.put((lambda: None, lambda _: done(), True))

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            job, done, marker = item
            hint = None if marker else threading.Timer(WAIT_HINT_S, self._waits)
            if hint is not None:
                hint.daemon = True
                hint.start()
            try:
                outcome: tuple[str, Any] = ("ok", job())
            except ProjectError as exc:
                outcome = ("refused", str(exc))
            except Exception as exc:  # disk full, database locked: the reviewer must know
                outcome = ("failed", f"{type(exc).__name__}: {exc}")
            finally:
                if hint is not None:
                    hint.cancel()
            try:
                self.app.call_from_thread(self._finish, done, outcome, marker)
            except RuntimeError:  # the app has gone
                return
            except Exception:  # _finish reports its own failures; keep serving the queue
                pass

    def _waits(self) -> None:
        """The action has not committed yet: the screen says it waits (it still says nothing
        of it saved)."""
        with contextlib.suppress(RuntimeError):  # the app has gone
            self.app.call_from_thread(self.app.save_waits)

    def _finish(self, done: Callable[[Any], None], outcome: tuple[str, Any],
                marker: bool = False) -> None:
        if not marker:
            self.pending -= 1
        kind, value = outcome
        if kind == "ok":
            if not marker:
                self.app.save_failed(None)
            try:
                done(value)
            except Exception as exc:  # saved, but not shown: say so rather than lose the queue
                self.app.notify(f"Saved, but the screen could not show it ({exc}); "
                                "ctrl+l reloads.", severity="warning", markup=False)
        elif kind == "refused":
            self.app.refused(value)
        else:
            self.app.save_failed(value)
