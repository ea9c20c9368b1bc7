"""Helpers for the annotator tests: small articles of our own, a project on them, waiting.

Claims are built by hand (one a sentence) so screens do not change when the extractor does.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from claims.model import Claim, article_id_for, claim_id_for
from claims.project import Project

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


def make_project(path: Path, *texts: str) -> tuple[Project, list[str]]:
    project = Project.open(str(path))
    ids = []
    for i, text in enumerate(texts or (ARTICLE_ONE, ARTICLE_TWO)):
        result = project.add_article(
            text, lang="fr" if i == 0 else "en", title=f"Article {i + 1}",
            published=date(2024, 3, 5), claims=sentence_claims(text),
        )
        ids.append(result.article.id)
    return project, ids


async def settle(pilot: object, timeout: float = 10.0) -> None:
    """Wait until every queued action is shown and every worker is done."""
    app = pilot.app  # type: ignore[attr-defined]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        await pilot.pause()  # type: ignore[attr-defined]
        busy = app.runner.pending or any(w.is_running for w in app.workers)
        if not busy:
            await pilot.pause()  # type: ignore[attr-defined]
            return
        await asyncio.sleep(0.01)
    raise TimeoutError("the app did not settle")


def run_async(fn: Callable[..., object]) -> Callable[..., object]:
    """Run an async test body with asyncio (the suite does not depend on pytest-asyncio)."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> object:
        return asyncio.run(fn(*args, **kwargs))  # type: ignore[arg-type]

    return wrapper
