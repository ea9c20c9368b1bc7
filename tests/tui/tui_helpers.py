"""Helpers for the annotator tests: small articles of our own, a project on them, waiting.

Claims are built by hand (one a sentence) so screens do not change when the extractor does.
"""

from __future__ import annotations

import asyncio
import functools
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from annotator.app import ClaimsApp
from annotator.screens.article import ArticleScreen
from claims.model import Claim, ClaimState, article_id_for, claim_id_for
from claims.project import Project

ROOT = Path(__file__).resolve().parents[2]
SIZE = (120, 40)
"""The terminal the annotator tests run in, unless a test says otherwise."""

P = ParamSpec("P")
S = TypeVar("S", bound=Screen[Any])

ARTICLE_ONE = (
    "Plus de 300 ouvriers ont quitté mardi le chantier naval de Saint-Brieuc. "
    "La direction a promis une prime de 1 200 euros.\n\n"
    "« Nous ne reviendrons pas sans garanties », a déclaré la syndicaliste Anne Morel. "
    "La grève devrait durer jusqu'au 14 mars. "
    "Le port a accueilli près de 40 navires en février."
)

ARTICLE_TWO = (
    "The city council approved a budget of 12 million dollars on Monday. "
    "About 250 residents attended the meeting. "
    "The mayor said the new bridge will open in 2027."
)

HOSTILE = (
    "Breaking \x1b]0;PWNED-TITLE\x07 news [bold red]not markup[/] from the wire. "
    "Clipboard \x1b]52;c;ZXZpbA==\x07 and clear \x1b[2J\x1b[H screen and C1 \x9b31m here. "
    "Backspace \x08 bell \x07 and [link=https://evil.example]click[/link] end."
)


def sentence_claims(text: str) -> list[Claim]:
    article_id = article_id_for(text)
    claims = []
    for m in re.finditer(r"[^.\n][^.]*\.", text):
        start, end = m.start(), m.end()
        while text[start].isspace():
            start += 1
        claims.append(
            Claim(id=claim_id_for(article_id, start, end), article_id=article_id, start=start,
                  end=end, text=text[start:end], kind="other", score=0.5,
                  reasons=["sentence"], origin="extractor/test")
        )
    return claims


def make_project(path: Path | str, *texts: str) -> tuple[Project, list[str]]:
    project = Project.open(str(path))
    ids = []
    for i, text in enumerate(texts or (ARTICLE_ONE, ARTICLE_TWO)):
        result = project.add_article(
            text, lang="fr" if i == 0 else "en", title=f"Article {i + 1}",
            published=date(2024, 3, 5), claims=sentence_claims(text),
        )
        ids.append(result.article.id)
    return project, ids


async def settle(pilot: Pilot[Any], timeout: float = 10.0) -> None:
    """Wait until every queued action is shown and every worker is done."""
    app = pilot.app
    assert isinstance(app, ClaimsApp)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        await pilot.pause()
        busy = app.runner.pending or any(w.is_running for w in app.workers)
        if not busy:
            await pilot.pause()
            return
        await asyncio.sleep(0.01)
    raise TimeoutError("the app did not settle")


async def wait_for(pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 30.0,
                   what: str = "the screen to change") -> None:
    """Let the app run until `condition()` holds, failing after `timeout` seconds.

    The timeout is a deadline for a loaded machine, never a delay: on a quiet one this returns
    as soon as the condition holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout:g}s waiting for {what}")
        await pilot.pause()
        await asyncio.sleep(0.01)


@asynccontextmanager
async def running(app: ClaimsApp, size: tuple[int, int] = SIZE) -> AsyncIterator[Pilot[None]]:
    """The app running headless at `size` (columns, rows), settled: every queued action shown
    and every worker done before the test's first key."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield pilot


def screen_as(app: App[Any], kind: type[S]) -> S:
    """The screen on top, which the test expects to be a `kind` (it fails where it is not)."""
    screen = app.screen
    assert isinstance(screen, kind), f"on {type(screen).__name__}, not {kind.__name__}"
    return screen


def article_screen(app: App[Any]) -> ArticleScreen:
    """The article screen on top."""
    return screen_as(app, ArticleScreen)


def state_at(app: App[Any], index: int) -> ClaimState:
    """The claim at `index` of the article on screen, as the screen holds it."""
    book = article_screen(app).book
    assert book is not None, "no article open"
    return book.states[index]


def current_claim(screen: ArticleScreen) -> Claim:
    """The claim under the cursor (the test fails where there is none)."""
    state = screen.current()
    assert state is not None, "no claim under the cursor"
    return state.claim


def run_async(fn: Callable[P, Coroutine[Any, Any, None]]) -> Callable[P, None]:
    """Run an async test body with asyncio (the suite does not depend on pytest-asyncio)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


def claims_cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "annotator.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


async def frozen_app(pilot: Pilot[Any], app: ClaimsApp, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Settle, stop the live view, count bells."""
    await settle(pilot)
    app.live.stop()
    await wait_for(pilot, lambda: not app.live.alive, what="the live view to stop")
    bells: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(1))
    return bells


async def notified(pilot: Pilot[Any], app: ClaimsApp, text: str) -> bool:
    """Wait for a notification that contains `text` (the test fails if none comes)."""
    await wait_for(pilot, lambda: any(text in n.message for n in app._notifications),
                   what=f"a notification saying {text!r}")
    return True


def palette_commands(app: App[Any]) -> list[str]:
    """The commands the open palette lists as shown (name and help), highlighted one first."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    if not lists:
        return []
    shown = lists.first()
    options = [shown.get_option_at_index(i) for i in range(shown.option_count)]
    if shown.highlighted is not None:
        options.insert(0, options.pop(shown.highlighted))
    return [str(getattr(option.prompt, "plain", option.prompt)) for option in options]


async def palette_hint(pilot: Pilot[Any], text: str, command: str) -> str:
    """Open the palette, type `text`, wait for `command` to be listed; its prompt as shown."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    await wait_for(pilot, lambda: any(command in shown for shown in palette_commands(pilot.app)),
                   what=f"{command!r} in the palette")
    return next(shown for shown in palette_commands(pilot.app) if command in shown)


async def palette_run(pilot: Pilot[Any], text: str) -> None:
    """Open the palette, type `text`, wait until the command highlighted is the one the whole of
    `text` names, run it."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    wanted = text.casefold()
    await wait_for(pilot, lambda: (shown := palette_commands(pilot.app)) != []
                   and wanted in shown[0].casefold(), what=f"{text!r} highlighted in the palette")
    await pilot.press("enter")
