"""Claims of a new long article arriving while the reviewer already reads it.

`claims annotate` stores an article longer than one extraction window without its claims,
marked as pending, and opens it at once. `BackgroundExtraction` then proposes its claims
window by window in a worker process (the UI process keeps its time for keys), commits each
window with the marker, and hands the new claims to the screen. The work this process does for
it (a commit, reading new claims, adding them to the list) waits for a pause in the reviewer's
typing, `QUIET` seconds without a key, so it never lands inside a key's frame; during
uninterrupted typing a piece still arrives every `MAX_DEFER` seconds. A kill at any moment leaves
the project consistent: the next session goes on from the last window committed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claims.model import ClaimState

if TYPE_CHECKING:
    from annotator.services import AnnotatorApp

__all__ = ["BackgroundExtraction", "MAX_DEFER", "QUIET"]

QUIET = 0.3
"""Seconds without a key or a scroll that count as a pause in the reviewer's typing."""
MAX_DEFER = 10.0
"""Longest a piece of arriving claims waits for such a pause."""


class BackgroundExtraction:
    """One thread that completes the pending extractions of the project, in the order given."""

    def __init__(self, app: AnnotatorApp, article_ids: Sequence[str]) -> None:
        # Worker processes need multiprocessing's resource tracker, which is started with
        # the process's stderr; once Textual runs, stderr is a capture without a file
        # descriptor. Start it now, before the app does.
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
        self.app = app
        self.article_ids = list(dict.fromkeys(article_ids))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="claims-extraction", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        project = self.app.project
        for article_id in self.article_ids:
            if self._stop.is_set():
                return

            def arrived(states: list[ClaimState], article_id: str = article_id) -> None:
                self._tell(self.app.claims_arrived, article_id, states)

            try:
                project.continue_extraction(article_id, arrived, workers=1, background=True,
                                            stop=self._stop.is_set, pace=self._wait_for_pause)
            except Exception as exc:  # the reviewer must know claims stopped arriving
                self._tell(self.app.extraction_failed, article_id, f"{type(exc).__name__}: {exc}")
                continue
            if self._stop.is_set():
                return
            self._tell(self.app.extraction_done, article_id)

    def _wait_for_pause(self) -> None:
        """Return once the reviewer has not typed for `QUIET` seconds (or after `MAX_DEFER`)."""
        give_up = time.monotonic() + MAX_DEFER
        while not self._stop.is_set():
            now = time.monotonic()
            quiet = now - self.app.last_input
            if quiet >= QUIET or now >= give_up:
                return
            self._stop.wait(min(QUIET - quiet, give_up - now))

    def _tell(self, fn: object, *args: object) -> None:
        try:
            self.app.call_from_thread(fn, *args)  # type: ignore[arg-type]
        except RuntimeError:  # the app has gone
            self._stop.set()
