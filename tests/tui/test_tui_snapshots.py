"""What the main screens show, as SVG snapshots at a fixed terminal size.

Update with `pytest tests/tui --snapshot-update` after a deliberate change, and look at the
report before committing the new files.
"""

from __future__ import annotations

from pathlib import Path

from tui_helpers import ARTICLE_ONE, HOSTILE, make_project, settle

from annotator.app import ClaimsApp
from annotator.config import Config

SIZE = (120, 40)


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)


def _app(tmp_path: Path, *texts: str, open_first: bool = True) -> ClaimsApp:
    project, ids = make_project(tmp_path / "claims.db", *texts)
    return ClaimsApp(project, "bob", open_article=ids[0] if open_first else None, config=Config())


def test_article_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_articles_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(tmp_path, open_first=False), terminal_size=SIZE,
                        run_before=_settle)


def test_help_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_source_dialog(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_hostile_article_shows_literally(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(tmp_path, HOSTILE, ARTICLE_ONE), terminal_size=SIZE,
                        run_before=_settle)
