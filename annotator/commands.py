"""The command palette (ctrl+p): namespaced commands, `verdict: ...`, `go to: ...`, `export: ...`.

Commands act on the screen the palette was opened from; an article screen offers the
verdicts of the project's scale and claim actions, every screen offers going to an article.
A command that is also a key runs that binding's action and names the key from the keymap
as the user remapped it (annotator/keymap.py, the config's `[keymap]`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from annotator.dialogs.help import key_names
from annotator.keymap import ALL_KEYS, Key, effective_keys
from annotator.safe_text import clean_line

if TYPE_CHECKING:
    from annotator.screens.article import ArticleScreen
    from annotator.services import AnnotatorApp

__all__ = ["ClaimsCommands", "PALETTE_KEYS", "PALETTE_KEYS_AFTER_FILTERS", "key_hint"]


PALETTE_KEYS: tuple[tuple[str, str], ...] = (
    ("verdict: clear", "verdict.clear"),
    ("claim: accept", "claim.accept"),
    ("claim: reject as not a claim (or restore)", "claim.reject"),
    ("claim: add a source", "claim.source"),
    ("claim: edit the rationale", "claim.rationale"),
    ("claim: edit boundaries", "claim.edit"),
    ("claim: new claim from the selection", "claim.create"),
    ("claim: merge with the next", "claim.merge"),
    ("adjudicate: disputed claims, every reviewer side by side", "article.adjudicate"),
    ("history: undo", "history.undo"),
    ("history: redo", "history.redo"),
    ("go to: next claim to review (check-worthy first)", "queue.next"),
    ("go to: previous claim to review", "queue.prev"),
    ("go to: next search match", "search.next_match"),
    ("go to: previous search match", "search.prev_match"),
    ("filter: choose\u2026", "list.filter"),
)
"""Article-screen commands that are keys: (palette name, binding id in annotator/keymap.py)."""

PALETTE_KEYS_AFTER_FILTERS: tuple[tuple[str, str], ...] = (
    ("filter: show every claim", "list.unfilter"),
    ("claim: copy its text or a source URL (OSC 52)", "claim.copy"),
    ("claim: edit the claim as checked", "claim.checked"),
    ("go to: first claim", "claim.first"),
    ("go to: last claim", "claim.last"),
    ("go to: list of articles", "article.list"),
)

_BY_ID: dict[str, Key] = {key.id: key for _, group in ALL_KEYS for key in group}


def key_hint(binding_id: str, keymap: dict[str, str]) -> str:
    """`key a`, or `keys home g`: what the binding answers to once the keymap is applied."""
    names = key_names(effective_keys(_BY_ID[binding_id], keymap))
    return f"{'keys' if ' ' in names else 'key'} {names}"


class ClaimsCommands(Provider):
    def _bound(self, run: Callable[[str], object], binding_id: str, keymap: dict[str, str],
               name: str, extra: str = "") -> tuple[str, Callable[[], object], str]:
        """A palette command that runs what the key runs, with the key's current name."""
        hint = key_hint(binding_id, keymap)
        if extra:
            hint = f"{hint} · {extra}"
        return name, partial(run, _BY_ID[binding_id].action), hint

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from annotator.screens.article import ArticleScreen

        app: AnnotatorApp = self.app  # type: ignore[assignment]
        keymap = app.config.keymap
        screen = self.screen
        out: list[tuple[str, Callable[[], object], str]] = []
        if isinstance(screen, ArticleScreen):
            for n, label in enumerate(app.project.scale.labels, 1):
                name = f"verdict: {label.name}"
                if f"verdict.{n}" in _BY_ID:
                    out.append(self._bound(screen.run_action, f"verdict.{n}", keymap, name,
                                           label.description))
                else:
                    out.append((name, partial(screen.set_verdict_label, label.id),
                                label.description))
            out += [self._bound(screen.run_action, binding_id, keymap, name)
                    for name, binding_id in PALETTE_KEYS]
            out += [
                ("filter: unreviewed by me", partial(screen.quick_filter, status="unreviewed"),
                 ""),
                ("filter: check-worthy", partial(screen.quick_filter, checkworthy=True), ""),
                ("filter: disputed", partial(screen.quick_filter, disputed=True), ""),
                ("filter: reviewed by me", partial(screen.quick_filter, whose="mine"), ""),
                ("filter: reviewed by others", partial(screen.quick_filter, whose="others"), ""),
            ]
            out += [self._bound(screen.run_action, binding_id, keymap, name)
                    for name, binding_id in PALETTE_KEYS_AFTER_FILTERS]
            out += self._export_commands(screen)
        for summary in app.summaries:
            title = clean_line(summary.title or summary.id)[:80]
            out.append((f"go to: {title}", partial(self._open, summary.id),
                        f"{summary.n_reviewed}/{summary.n_claims} reviewed"))
        out.append(self._bound(self.app.run_action, "app.help", keymap, "app: show keys"))
        return out

    def _export_commands(self, screen: ArticleScreen) -> list[tuple[str, Callable[[], object], str]]:
        try:
            import exports
        except ImportError:
            return []
        formats = getattr(exports, "FORMATS", None) or getattr(exports, "EXPORTERS", None)
        if not formats or not hasattr(exports, "write_file"):
            return []
        return [
            (f"export: {name}", partial(self._export, name), "whole project, to a file")
            for name in formats
        ]

    def _export(self, name: str) -> None:
        app: AnnotatorApp = self.app  # type: ignore[assignment]
        app.export_project(name)

    def _open(self, article_id: str) -> None:
        from annotator.screens.article import ArticleScreen

        screen = self.screen
        if isinstance(screen, ArticleScreen):
            screen.open_article(article_id)
        else:
            self.app.push_screen(ArticleScreen(article_id))

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        # Matcher.highlight parses its candidate as markup; article titles are content.
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score, offsets = matcher.fuzzy_search.match(matcher.query, name)
            if score > 0:
                display = Content(name)
                for offset in offsets:
                    display = display.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, display, callback, text=name, help=escape(help_text))
