"""A long new article opens at once; its claims arrive while the reviewer reads and acts."""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest

from claims.extract import extract_records
from claims.extract import stream as extract_stream
from claims.model import article_id_for
from claims.project import Project
from tests.helpers import review_of
from tests.reliability.support import synthetic_article
from tests.tui.tui_helpers import current_claim, run_async, wait_for

if TYPE_CHECKING:
    from annotator.services import AnnotatorApp


def _long_text() -> str:
    return synthetic_article(random.Random(11), paragraphs=40, lang="fr")


@run_async
async def test_claims_arrive_in_the_open_article_while_keys_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.app import ClaimsApp
    from annotator.config import Config

    monkeypatch.setattr(extract_stream, "WINDOW", 1500)
    text = _long_text()
    project = Project.open(str(tmp_path / "arrive.db"))
    try:
        (added,) = project.add_articles([{"text": text, "lang": "fr"}], defer_longer_than=1500)
        assert added.pending and added.n_claims == 0
        assert project.claims(added.id) == []
        assert project.pending_extractions() == {added.id: 0}

        app = ClaimsApp(project, "ana", open_article=added.id, config=Config(auto_advance=False),
                        extract=list(project.pending_extractions()))
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: (shown := app.article_screen()) is not None
                           and shown.book is not None, timeout=60)
            screen = app.article_screen()
            assert screen is not None and screen.book is not None
            assert screen.book.article.text == text  # the text is there before its claims
            await wait_for(pilot, lambda: len(screen.book or ()) > 0, timeout=60)
            first = current_claim(screen).id
            await pilot.press("1")  # a verdict while the rest is still being proposed
            await pilot.press("j")
            await wait_for(pilot, lambda: not app.extracting, timeout=60)
            await wait_for(pilot, lambda: not app.runner.pending, timeout=60)
            expected = extract_records(text, lang="fr", article_id=article_id_for(text))
            assert [s.claim.id for s in screen.book.states] == [r["id"] for r in expected]
            assert screen.book.states[1].claim.id == screen.current_id()
            assert review_of(project.claim(first), "ana").verdict is not None
            assert project.pending_extractions() == {}
    finally:
        project.close()


class _TypingApp:
    """What BackgroundExtraction reads of the app: when the reviewer last typed."""

    def __init__(self, last_input: float) -> None:
        self.last_input = last_input


def _typing(last_input: float) -> AnnotatorApp:
    return cast("AnnotatorApp", _TypingApp(last_input))


def test_arriving_claims_wait_for_a_pause_in_the_typing(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    from annotator import extraction

    waiting = extraction.BackgroundExtraction.__new__(extraction.BackgroundExtraction)
    waiting._stop = threading.Event()
    monkeypatch.setattr(extraction, "MAX_DEFER", 0.3)
    waiting.app = _typing(time.monotonic() + 3600)  # typing all the time
    start = time.monotonic()
    waiting._wait_for_pause()
    assert time.monotonic() - start >= 0.3  # held back up to MAX_DEFER, then let through

    monkeypatch.setattr(extraction, "MAX_DEFER", 3600.0)
    monkeypatch.setattr(extraction, "QUIET", 0.2)
    waiting.app = _typing(time.monotonic())  # a key just now
    start = time.monotonic()
    waiting._wait_for_pause()
    assert time.monotonic() - start >= 0.2 - 0.01  # waited for the pause

    waiting.app = _typing(time.monotonic() + 3600)
    waiting._stop.set()  # the app is closing: no wait at all
    waiting._wait_for_pause()


@run_async
async def test_keys_and_scrolls_mark_the_reviewer_as_typing(tmp_path: Path) -> None:
    from annotator.app import ClaimsApp

    project = Project.open(str(tmp_path / "typing.db"))
    try:
        (added,) = project.add_articles([{"text": _long_text()[:3000], "lang": "fr"}])
        app = ClaimsApp(project, "ana", open_article=added.id)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: (shown := app.article_screen()) is not None
                           and shown.book is not None)
            assert app.last_input == 0.0
            await pilot.press("j")
            pressed = app.last_input
            assert pressed > 0.0
            await pilot.press("k")
            assert app.last_input > pressed
    finally:
        project.close()
