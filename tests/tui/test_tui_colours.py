"""The colours of claims are component classes styled in app.tcss: a user's CSS restyles them
in the text, the list and the details, also while the app runs."""

from __future__ import annotations

from rich.color import Color

from annotator.widgets.article_view import ArticleView
from annotator.widgets.claim_table import ClaimTable
from annotator.widgets.detail import DetailPanel
from tests.tui.tui_helpers import article_screen, run_async, running, settle, wait_for

SUPPORTED = Color.parse("#1e5a2a")
"""The supported claim's background in app.tcss."""
RESTYLED = Color.parse("#123456")


def backgrounds(app) -> dict[str, set[Color | None]]:
    """The backgrounds the text, the list and the details draw their first lines with."""
    screen = article_screen(app)
    found: dict[str, set[Color | None]] = {}
    for name, kind in (("text", ArticleView), ("list", ClaimTable), ("details", DetailPanel)):
        widget = screen.query_one(kind)
        found[name] = {seg.style.bgcolor for y in range(2) for seg in widget.render_line(y)
                       if seg.style is not None}
    return found


@run_async
async def test_a_users_css_restyles_the_claims_colours(make_app) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("1")  # the first claim is supported
        await settle(pilot)
        await pilot.press("j")  # off it, so the text does not draw it as the current claim
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        shown = backgrounds(app)
        assert SUPPORTED in shown["list"] and SUPPORTED in shown["details"]
        assert SUPPORTED in shown["text"]
        assert all(RESTYLED not in colours for colours in shown.values())

        app.stylesheet.add_source(".claim--supported { background: #123456; }",
                                  read_from=("user.tcss", ""))
        app.refresh_css(animate=False)
        await wait_for(pilot, lambda: RESTYLED in backgrounds(app)["list"],
                       what="the list to take the new colour")
        shown = backgrounds(app)
        assert RESTYLED in shown["details"] and RESTYLED in shown["text"]
        assert all(SUPPORTED not in colours for colours in shown.values())
