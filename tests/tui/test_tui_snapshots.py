"""What every screen and dialog shows, as SVG snapshots at 120x40, 80x24 and 60x20.

Update with `pytest tests/tui/test_tui_snapshots.py --snapshot-update` after a deliberate
change, and look at the report before committing the new files.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator.app import ClaimsApp
from annotator.config import Config
from tests.tui.tui_helpers import ARTICLE_ONE, HOSTILE, make_project, settle

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24"),
         pytest.param((60, 20), id="60x20")]


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Events carry their time, and the detail pane shows it."""
    import claims.store.base as base

    monkeypatch.setattr(base, "utc_now", lambda: datetime(2024, 3, 5, 9, 30, tzinfo=UTC))


def _app(tmp_path: Path, *texts: str, open_first: bool = True) -> ClaimsApp:
    project, ids = make_project(tmp_path / "claims.db", *texts)
    return ClaimsApp(project, "bob", open_article=ids[0] if open_first else None,
                     config=Config())


def _keys(*keys: str, before: Callable[[ClaimsApp], None] | None = None):
    async def run_before(pilot) -> None:
        if before is not None:
            before(pilot.app)
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
        await settle(pilot)
        await pilot.pause()

    return run_before


def _reviewed(app: ClaimsApp) -> None:
    """A few reviews, so glyphs, verdicts and a source show."""
    project = app.project
    states = sorted(project.claims(app.open_article), key=lambda s: s.claim.start)
    project.set_verdict(states[0].claim.id, "bob", "supported")
    project.set_verdict(states[1].claim.id, "bob", "refuted")
    project.reject(states[2].claim.id, "bob")
    project.add_source(states[0].claim.id, "bob", {"url": "https://example.org/report",
                                                   "title": "The report", "stance": "supports"})


@pytest.mark.parametrize("size", SIZES)
def test_article_screen(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size,
                        run_before=_keys("j", before=_reviewed))


@pytest.mark.parametrize("size", SIZES)
def test_article_screen_filtered(snap_compare, tmp_path: Path, size) -> None:
    def before(app: ClaimsApp) -> None:
        _reviewed(app)
        from annotator.queue import ClaimFilter

        app.claim_filter = ClaimFilter(status="unreviewed")

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_keys(before=before))


@pytest.mark.parametrize("size", SIZES)
def test_articles_screen(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path, open_first=False), terminal_size=size,
                        run_before=_keys())


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_keys("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_source_dialog(snap_compare, tmp_path: Path, size) -> None:
    # Tab to the stance: at 60x20 the form scrolls it into view.
    assert snap_compare(_app(tmp_path), terminal_size=size,
                        run_before=_keys("s", *"ftp://x", "enter", "tab", "tab", "tab"))


@pytest.mark.parametrize("size", SIZES)
def test_rationale_dialog(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size,
                        run_before=_keys("n", *"Matches the figure"))


@pytest.mark.parametrize("size", SIZES)
def test_search_dialog(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size,
                        run_before=_keys("slash", *"grève"))


@pytest.mark.parametrize("size", SIZES)
def test_span_dialog(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_keys("e", "right"))


@pytest.mark.parametrize("size", SIZES)
def test_filter_dialog(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size,
                        run_before=_keys("f", "right", "tab", "right", "right"))


@pytest.mark.parametrize("size", SIZES)
def test_checked_text_dialog(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size,
                        run_before=_keys("r", *"Over 300 shipyard workers left"))


@pytest.mark.parametrize("size", SIZES)
def test_copy_dialog(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size,
                        run_before=_keys("y", before=_reviewed))


@pytest.mark.parametrize("size", SIZES)
def test_hostile_article_shows_literally(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_app(tmp_path, HOSTILE, ARTICLE_ONE), terminal_size=size,
                        run_before=_keys())
