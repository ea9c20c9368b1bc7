"""The history in the detail panel follows what the reviewer just did."""

from __future__ import annotations

from annotator.cache import LRUCache
from annotator.widgets.detail import DetailPanel
from tests.tui.tui_helpers import article_screen, run_async, running, settle, wait_for


def history_shown(app) -> str:
    return app.screen.query_one(DetailPanel)._text.plain.split("History\n", 1)[1]


def test_storing_a_key_again_replaces_its_value() -> None:
    cache: LRUCache[str, list[int]] = LRUCache(2)
    cache["a"] = []
    cache["a"] = [1]
    assert cache["a"] == [1]
    cache["b"] = [2]
    cache["c"] = [3]
    assert cache.get("a") is None and len(cache) == 2


@run_async
async def test_history_read_before_an_action_shows_the_action(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        screen = article_screen(app)
        claim_id = screen.current_id()
        assert claim_id is not None
        await wait_for(pilot, lambda: screen._history.get(claim_id) is not None,
                       what="the history to be read")
        assert history_shown(app).startswith("none")
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#source-url").value = "https://example.org/report"
        await pilot.press("enter")
        await settle(pilot)
        assert "source https://example.org/report" in history_shown(app)
        await pilot.press("1")
        await settle(pilot)
        assert "verdict" in history_shown(app).splitlines()[-1]
