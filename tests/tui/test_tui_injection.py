"""Markup and terminal controls in sources, notes and reviewer names show literally on screen."""

from __future__ import annotations

import html

from annotator.widgets.detail import DetailPanel
from tests.tui.tui_helpers import run_async, running, wait_for


@run_async
async def test_hostile_review_fields_show_literally(project, make_app) -> None:
    proj, _ = project
    first = proj.claims(proj.articles()[0].id)[0].claim.id
    eve = "[bold]eve[/bold]"
    proj.add_source(first, eve, {
        "url": "https://evil.example/[red]x[/red]?q=%1b]0;t",
        # (a title is one line: controls in it are refused; the quote may carry them)
        "title": "Title [blink]loud[/blink]",
        "quote": "quote \x1b]0;PWNED\x07 \x1b[2J cleared",
        "stance": "refutes",
    })
    proj.set_rationale(first, eve, "note \x1b]52;c;ZXZpbA==\x07 [link=https://x.example]y[/link]")
    app = make_app()
    async with running(app) as pilot:
        detail = app.screen.query_one(DetailPanel)
        await wait_for(pilot, lambda: "[blink]loud[/blink]" in detail.plain,
                       what="the source in the details")
        screen = html.unescape(app.export_screenshot())
    assert "\x1b" not in screen and "\x07" not in screen
    assert "[bold]eve[/bold]" in screen  # the reviewer's name, not bold text
    assert "␛]0;PWNED␇" in screen and "[blink]loud[/blink]" in screen
    assert "␛]52;c;ZXZpbA==␇" in screen
