"""A long new article opens at once; its claims arrive while the reviewer reads and acts."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from tui_helpers import run_async

from claims.extract import extract_records
from claims.extract import stream as extract_stream
from claims.model import article_id_for
from claims.project import Project
from tests.reliability.support import synthetic_article


def _long_text() -> str:
    return synthetic_article(random.Random(11), paragraphs=40, lang="fr")


async def _until(pilot: object, condition: object, timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():  # type: ignore[operator]
        if loop.time() > deadline:
            raise TimeoutError("condition not met")
        await pilot.pause()  # type: ignore[attr-defined]
        await asyncio.sleep(0.02)


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
            await _until(pilot, lambda: app.article_screen() is not None
                         and app.article_screen().book is not None)
            screen = app.article_screen()
            assert screen is not None and screen.book is not None
            assert screen.book.article.text == text  # the text is there before its claims
            await _until(pilot, lambda: len(screen.book) > 0)
            first = screen.current_id()
            await pilot.press("1")  # a verdict while the rest is still being proposed
            await pilot.press("j")
            await _until(pilot, lambda: not app.extracting)
            await _until(pilot, lambda: not app.runner.pending)
            expected = extract_records(text, lang="fr", article_id=article_id_for(text))
            assert [s.claim.id for s in screen.book.states] == [r["id"] for r in expected]
            assert screen.book.states[1].claim.id == screen.current_id()
            assert project.claim(first).review_by("ana").verdict is not None
            assert project.pending_extractions() == {}
    finally:
        project.close()
