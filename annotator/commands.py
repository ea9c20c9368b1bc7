"""The command palette (ctrl+p): namespaced commands, `verdict: ...`, `go to: ...`, `export: ...`.

Commands act on the screen the palette was opened from; an article screen offers the
verdicts of the project's scale and claim actions, every screen offers going to an article.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from annotator.safe_text import clean_line

if TYPE_CHECKING:
    from annotator.screens.article import ArticleScreen
    from annotator.services import AnnotatorApp


class ClaimsCommands(Provider):
    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from annotator.screens.article import ArticleScreen

        app: AnnotatorApp = self.app  # type: ignore[assignment]
        screen = self.screen
        out: list[tuple[str, Callable[[], object], str]] = []
        if isinstance(screen, ArticleScreen):
            for n, label in enumerate(app.project.scale.labels, 1):
                out.append((f"verdict: {label.name}", partial(screen.set_verdict_label, label.id),
                            f"key {n} · {label.description}".rstrip(" ·")))
            out += [
                ("verdict: clear", partial(screen.set_verdict_label, None), "key 0"),
                ("claim: accept", screen.action_accept, "key a"),
                ("claim: reject as not a claim (or restore)", screen.action_toggle_reject,
                 "key x"),
                ("claim: add a source", screen.action_add_source, "key s"),
                ("claim: edit the rationale", screen.action_edit_rationale, "key n"),
                ("claim: edit boundaries", screen.action_edit_span, "key e"),
                ("claim: new claim from the selection", screen.action_create_claim, "key c"),
                ("claim: merge with the next", screen.action_merge, "key m"),
                ("adjudicate: disputed claims, every reviewer side by side",
                 screen.action_adjudicate, "key A"),
                ("history: undo", screen.action_undo, "key u"),
                ("history: redo", screen.action_redo, "key ctrl+r"),
                ("go to: next claim to review (check-worthy first)",
                 screen.action_next_unreviewed, "key J"),
                ("go to: previous claim to review", screen.action_prev_unreviewed, "key K"),
                ("go to: next search match", partial(screen.action_search_step, 1), "key >"),
                ("go to: previous search match", partial(screen.action_search_step, -1),
                 "key <"),
                ("filter: choose\u2026", screen.action_filter, "key f"),
                ("filter: unreviewed by me", partial(screen.quick_filter, status="unreviewed"),
                 ""),
                ("filter: check-worthy", partial(screen.quick_filter, checkworthy=True), ""),
                ("filter: disputed", partial(screen.quick_filter, disputed=True), ""),
                ("filter: reviewed by me", partial(screen.quick_filter, whose="mine"), ""),
                ("filter: reviewed by others", partial(screen.quick_filter, whose="others"), ""),
                ("filter: show every claim", screen.action_clear_filter, "key F"),
                ("claim: copy its text or a source URL (OSC 52)", screen.action_copy, "key y"),
                ("claim: edit the claim as checked", screen.action_edit_checked, "key r"),
                ("go to: first claim", screen.action_first, "key g"),
                ("go to: last claim", screen.action_last, "key G"),
                ("go to: list of articles", screen.action_articles, "key o"),
            ]
            out += self._export_commands(screen)
        for summary in app.summaries:
            title = clean_line(summary.title or summary.id)[:80]
            out.append((f"go to: {title}", partial(self._open, summary.id),
                        f"{summary.n_reviewed}/{summary.n_claims} reviewed"))
        out.append(("app: show keys", app.action_help, "key ?"))
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
