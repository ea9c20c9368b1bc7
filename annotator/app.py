"""The Textual annotator: the app object and the screens it starts with.

Reviewer actions go through one queue served by one thread (`ActionRunner`, in
annotator/services.py beside `AnnotatorApp`, the interface the screens see of this app).
Reads (loading an article, the history of a claim, search) run in Textual thread workers; the
event loop never waits on the database.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import events, work
from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen

from annotator.config import Config
from annotator.extraction import BackgroundExtraction
from annotator.keymap import APP_KEYS, bindings
from annotator.live import LiveFeed
from annotator.queue import ClaimFilter
from annotator.safe_text import clean, clean_line
from annotator.screens.article import ArticleScreen
from annotator.services import WAITING, ActionRunner
from annotator.type_ahead import TypeAheadDialog, TypeAheadRouter
from claims.model import ClaimState
from claims.project import Project
from claims.store import ArticleSummary

__all__ = ["ClaimsApp", "claims_commands"]


def claims_commands() -> type:
    """The palette provider, imported when the palette first opens (textual.command: ~20 ms)."""
    from annotator.commands import ClaimsCommands

    return ClaimsCommands


_TYPING = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
"""Input that makes background work wait for a pause (annotator/extraction.py)."""

_INPUT = (events.Key, events.MouseEvent, events.Paste)
"""Input refused once quitting has begun: no key, click or paste starts anything new."""


class ClaimsApp(App[None]):
    """Review the claims of a project's articles from the keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "claims"
    BINDINGS = bindings(APP_KEYS)
    COMMANDS = App.COMMANDS | {claims_commands}

    def __init__(
        self,
        project: Project,
        reviewer: str,
        *,
        open_article: str | None = None,
        config: Config | None = None,
        extract: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.project = project
        self.reviewer = reviewer
        self.open_article = open_article
        self.config = config or Config()
        self.summaries: list[ArticleSummary] = []
        """Articles in project order, refreshed by the articles screen; `]`/`[` follow it."""
        self.runner = ActionRunner(self)
        self.live = LiveFeed(self)
        """Brings other reviewers' work to the screen (annotator.live)."""
        self.last_error: str | None = None
        self.extracting: set[str] = set(extract)
        """Articles whose claims are still being proposed in the background."""
        self._extraction = BackgroundExtraction(self, extract) if extract else None
        self.drafts: dict[tuple[str, str], Any] = {}
        """Unsaved typing by `(form, claim id)`: Escape keeps it, the form's key reopens it."""
        self.claim_filter = ClaimFilter()
        """What the claim list shows; kept from one article to the next."""
        self.last_article: str | None = None
        """The article last opened, where Escape on the articles list goes back to."""
        self.positions: dict[str, str] = {}
        """The claim the cursor was last on, per article: reopening an article goes there."""
        self.last_input = 0.0
        """`time.monotonic()` of the reviewer's last key, click or scroll: background work
        (claims arriving) waits for a pause."""
        self.quitting = False
        """Set by quit: from then on no key, click, paste or action starts anything (no dialog
        opens on an app that is closing); actions pressed before quit are still committed."""
        self.type_ahead = TypeAheadRouter()
        """Where each key was sent when it arrived (annotator/type_ahead.py)."""

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        for problem in self.config.problems:
            self.notify(problem, severity="warning", markup=False, timeout=10)
        self.runner.start()
        self.live.start()
        if self._extraction is not None:
            self._extraction.start()
        # The list of articles is built only when asked for: first paint is the article.
        if self.open_article:
            self.push_screen(ArticleScreen(self.open_article))
        else:
            from annotator.screens.articles import ArticlesScreen

            self.push_screen(ArticlesScreen())

    async def on_event(self, event: events.Event) -> None:
        if self.quitting and isinstance(event, _INPUT) and not event.is_forwarded:
            event.stop()
            event.prevent_default()
            return
        if isinstance(event, _TYPING) and not event.is_forwarded:
            self.last_input = time.monotonic()
        if isinstance(event, (events.Key, events.Paste)):
            # Typing for a dialog that has not focused its field yet waits for it; typing that
            # comes back unhandled after a dialog opened was meant for the dialog.
            if not event.is_forwarded:
                top = self.screen
                if isinstance(top, TypeAheadDialog) and top.hold_typing(event):
                    return
                self.type_ahead.arrived(event, top)
            elif self.type_ahead.hand_on(event, self.screen):
                return
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.live.stop()
        self.runner.stop()
        if self._extraction is not None:
            self._extraction.stop()

    # -- claims proposed in the background (annotator/extraction.py) -------------------------

    def claims_arrived(self, article_id: str, states: list[ClaimState]) -> None:
        screen = self.article_screen()
        if screen is not None:
            screen.claims_arrived(article_id, states)

    def extraction_done(self, article_id: str) -> None:
        self.extracting.discard(article_id)
        screen = self.article_screen()
        if screen is not None:
            screen.claims_arrived(article_id, [])

    def extraction_failed(self, article_id: str, message: str) -> None:
        self.extracting.discard(article_id)
        self.notify(f"Proposing the claims of article {article_id} stopped: {message}; "
                    "they resume at the next start.", severity="error", timeout=30,
                    markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.quitting:
            return False
        # Inside a dialog, `q` and `?` are text or the dialog's own keys, never the app's.
        return not (action in ("quit", "help") and isinstance(self.screen, ModalScreen))

    async def action_quit(self) -> None:
        """Quit once every action already pressed is committed; nothing new starts meanwhile."""
        self.quitting = True
        if not self.runner.alive:
            self.exit()
            return
        self.runner.submit(lambda: None, lambda _: self.exit())

    def action_help(self) -> None:
        from annotator.dialogs.help import HelpScreen

        self.push_screen(HelpScreen(self.config.keymap, self.project.scale))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Messages that carry outside text (markup=False) get their controls made visible."""
        if not markup:
            message, title = clean(message), clean_line(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def save_failed(self, message: str | None) -> None:
        """Saving is silent when it works and loud when it fails."""
        if message is None:
            if self.last_error is not None:
                self.last_error = None
                self._show_error("")
            return
        self.last_error = message
        self.bell()
        self.notify(f"Not saved: {message}", title="Saving failed", severity="error",
                    timeout=30, markup=False)
        self._show_error(message)

    def save_waits(self) -> None:
        """An action is still waiting for its commit (another command may hold the project:
        a large import keeps it until it ends): the header says so until it is saved or
        fails; nothing is shown as done before. No toast: a slow disk waits too, and the
        header is where saving is told."""
        from annotator.widgets.header import AppHeader

        if not self.runner.pending:  # it ended meanwhile
            return
        for screen in self.screen_stack:
            for header in screen.query(AppHeader):
                header.set(saved=WAITING)

    def refused(self, message: str) -> None:
        """An action the Project would not take: nothing was saved, and the reviewer hears it."""
        from annotator.widgets.header import AppHeader

        self.bell()
        self.notify(message, title="Not saved", severity="warning", markup=False)
        if not self.runner.pending:
            for screen in self.screen_stack:
                for header in screen.query(AppHeader):
                    header.set(saved="not saved")

    def _show_error(self, message: str) -> None:
        from annotator.widgets.header import AppHeader

        for header in self.screen.query(AppHeader):
            header.set(error=message, saved="not saved" if message else None)

    def export_project(self, fmt: str) -> None:
        """`export: ...` in the palette: the whole project to a new file in the current folder."""
        import exports

        suffix = exports.FORMATS[fmt].suffix
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path.cwd() / f"claims-export-{stamp}{suffix if suffix.startswith('.') else '.' + suffix}"
        self.notify(f"Exporting {fmt} to {path.name}\u2026", markup=False)
        self._export(fmt, path)

    @work(thread=True, exit_on_error=False, group="export")
    def _export(self, fmt: str, path: Path) -> None:
        import exports

        try:
            count = exports.write_file(self.project, fmt, path)
        except Exception as exc:
            self.call_from_thread(self.notify, f"Export failed: {exc}", severity="error",
                                  timeout=20, markup=False)
            return
        self.call_from_thread(self.notify, f"Exported {count} records to {path}", markup=False)

    def article_screen(self) -> ArticleScreen | None:
        return self.screen if isinstance(self.screen, ArticleScreen) else None
