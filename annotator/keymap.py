"""Every key of the annotator as data: one table, read by the screens, the Footer and `?`.

A binding has a stable `id` ("claim.down"), so a user can remap it in the config file
(`annotator.config`) without knowing which screen owns it; Textual's `App.set_keymap`
applies the overrides. The help screen and the README are generated from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

__all__ = [
    "ADJUDICATE_KEYS",
    "ALL_KEYS",
    "APP_KEYS",
    "ARTICLES_KEYS",
    "ARTICLE_KEYS",
    "CHECKED_KEYS",
    "COPY_KEYS",
    "DIALOG_KEYS",
    "FORM_KEYS",
    "HELP_KEYS",
    "KNOWN_IDS",
    "Key",
    "RATIONALE_KEYS",
    "SEARCH_KEYS",
    "SPAN_KEYS",
    "bindings",
    "effective_keys",
]


@dataclass(frozen=True)
class Key:
    id: str
    """Stable identifier used by the keymap config ("claim.down")."""
    keys: str
    """Default keys, comma-separated, in Textual's names ("j,down")."""
    action: str
    description: str
    """What the Footer and the help screen say."""
    show: bool = True
    """Shown in the Footer (the help screen shows every key)."""
    key_display: str | None = None
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            id=self.id,
        )


def _verdict_keys() -> tuple[Key, ...]:
    keys = [
        Key(f"verdict.{n}", str(n), f"verdict({n})", "Verdict" if n == 1 else f"Verdict {n}",
            show=n == 1,
            key_display="1-9" if n == 1 else None)
        for n in range(1, 10)
    ]
    keys.append(Key("verdict.clear", "0", "verdict(0)", "Clear verdict", show=False))
    return tuple(keys)


ARTICLE_KEYS: tuple[Key, ...] = (
    Key("claim.down", "j,down", "cursor_down", "Next", show=False),
    Key("claim.up", "k,up", "cursor_up", "Previous", show=False),
    Key("claim.page_down", "pagedown", "page_down", "Page down", show=False),
    Key("claim.page_up", "pageup", "page_up", "Page up", show=False),
    Key("claim.first", "home,g", "first", "First claim", show=False),
    Key("queue.next", "J", "next_unreviewed", "Next to review", key_display="J"),
    Key("queue.prev", "K", "prev_unreviewed", "Previous to review", show=False),
    Key("claim.last", "end,G", "last", "Last claim", show=False),
    *_verdict_keys(),
    Key("claim.reject", "x", "toggle_reject", "Reject"),
    Key("claim.accept", "a", "accept", "Accept"),
    Key("claim.source", "s", "add_source", "Source"),
    Key("claim.rationale", "n", "edit_rationale", "Note"),
    Key("history.undo", "u", "undo", "Undo"),
    Key("history.redo", "ctrl+r", "redo", "Redo", show=False),
    Key("search", "slash", "search", "Search", key_display="/"),
    Key("search.next_match", "greater_than_sign", "search_step(1)", "Next search match",
        show=False, key_display=">"),
    Key("search.prev_match", "less_than_sign", "search_step(-1)", "Previous search match",
        show=False, key_display="<"),
    Key("list.filter", "f", "filter", "Filter"),
    Key("list.unfilter", "F", "clear_filter", "Show every claim", show=False),
    Key("claim.checked", "r", "edit_checked", "Claim as checked", show=False),
    Key("claim.copy", "y", "copy", "Copy text or URL", show=False),
    Key("pane.next", "tab", "app.focus_next",
        "Next pane: text, list, details (arrows scroll the details)", show=False),
    Key("pane.prev", "shift+tab", "app.focus_previous", "Previous pane", show=False),
    Key("claim.edit", "e", "edit_span", "Edit span"),
    Key("claim.create", "c", "create_claim", "New claim", show=False),
    Key("claim.merge", "m", "merge", "Merge next", show=False),
    Key("claim.similar", "v", "similar", "Go to the closest claim already checked", show=False),
    Key("article.next", "right_square_bracket", "next_article", "Next article", show=False,
        key_display="]"),
    Key("article.prev", "left_square_bracket", "prev_article", "Previous article", show=False,
        key_display="["),
    Key("article.list", "o", "articles", "Articles", show=False),
    Key("article.reload", "ctrl+l", "reload", "Reload from the database", show=False),
    Key("article.unselect", "escape", "clear_selection", "Clear the text selection", show=False),
    Key("article.adjudicate", "A", "adjudicate", "Adjudicate disputed claims", show=False),
)

ADJUDICATE_KEYS: tuple[Key, ...] = (
    Key("adjudicate.next", "j,down", "next", "Next disputed"),
    Key("adjudicate.prev", "k,up", "previous", "Previous disputed", show=False),
    Key("adjudicate.left", "h,left", "select(-1)", "Previous reviewer", show=False),
    Key("adjudicate.right", "l,right", "select(1)", "Next reviewer", show=False),
    Key("adjudicate.take", "enter", "take", "Take this reviewer's verdict"),
    *(Key(f"adjudicate.{n}", str(n), f"verdict({n})", "Own verdict" if n == 1 else f"Own verdict {n}",
          show=n == 1, key_display="1-9" if n == 1 else None) for n in range(1, 10)),
    Key("adjudicate.withdraw", "0", "verdict(0)", "Withdraw the adjudication", show=False),
    Key("adjudicate.note", "n", "note", "Note"),
    Key("adjudicate.undo", "u", "undo", "Undo"),
    Key("adjudicate.next_article", "right_square_bracket", "article(1)", "Next article",
        show=False, key_display="]"),
    Key("adjudicate.prev_article", "left_square_bracket", "article(-1)", "Previous article",
        show=False, key_display="["),
    Key("adjudicate.close", "escape,A", "close", "Back"),
)

ARTICLES_KEYS: tuple[Key, ...] = (
    Key("articles.filter", "slash", "filter", "Filter", key_display="/"),
    Key("articles.back", "escape", "back", "Back (or clear the filter)"),
)
"""Up, down and Enter are the list's own keys."""

SEARCH_KEYS: tuple[Key, ...] = (
    Key("search.down", "down", "result_down", "Next result", show=False, priority=True),
    Key("search.up", "up", "result_up", "Previous result", show=False, priority=True),
)

HELP_KEYS: tuple[Key, ...] = (
    Key("help.close", "escape,question_mark,q", "close", "Close"),
)

APP_KEYS: tuple[Key, ...] = (
    Key("app.help", "question_mark", "help", "Keys", key_display="?"),
    Key("app.palette", "ctrl+p", "command_palette", "Commands", show=False),
    Key("app.next_pane", "tab", "focus_next",
        "Next pane: claim list, details, article text (up/down then scroll it)", show=False),
    Key("app.prev_pane", "shift+tab", "focus_previous", "Previous pane", show=False),
    Key("app.quit", "q", "quit", "Quit"),
)

DIALOG_KEYS: tuple[Key, ...] = (
    Key("dialog.cancel", "escape", "cancel_typed", "Cancel (typed text is kept as a draft)",
        priority=True),
)

FORM_KEYS: tuple[Key, ...] = (
    Key("form.save", "ctrl+s", "save_typed", "Save", priority=True),
    Key("form.submit", "enter", "submit_typed", "Save", show=False, priority=True),
    Key("form.next_field", "tab", "next_field(1)", "Next field", show=False, priority=True),
    Key("form.prev_field", "shift+tab", "next_field(-1)", "Previous field", show=False,
        priority=True),
)
"""Source, filter and claim-as-checked forms: Enter saves from any field, ctrl+s too.

Saving and cancelling are priority keys whose action waits behind the keys typed before
them (`save_typed`, `submit_typed`, `cancel_typed`: annotator/dialogs/form.py), so a form
saves all that was typed, and what is typed after it closes goes to the screen below.

Tab moves to the next field the moment it arrives (a priority binding): keys that arrive
together with it (typed ahead over a slow SSH link) are sent to the field focused when they
arrive, so a Tab that waited behind them in the old field's queue would leave the text typed
after it in the field before."""

CHECKED_KEYS: tuple[Key, ...] = (
    Key("checked.save", "enter,ctrl+s", "save_typed", "Save", priority=True),
    Key("checked.cancel", "escape", "cancel_typed", "Cancel (typed text is kept as a draft)",
        priority=True),
)
"""The claim as checked is one statement: Enter saves it."""

COPY_KEYS: tuple[Key, ...] = (
    Key("copy.cancel", "escape", "cancel", "Cancel"),
)
"""Up, down and Enter (or 1-9) are the list's own keys."""

SPAN_KEYS: tuple[Key, ...] = (
    Key("span.grow_end", "right,l", "grow_end", "End +word"),
    Key("span.shrink_end", "left,h", "shrink_end", "End -word"),
    Key("span.grow_start", "shift+left,H", "grow_start", "Start +word"),
    Key("span.shrink_start", "shift+right,L", "shrink_start", "Start -word"),
    Key("span.save", "enter,ctrl+s", "save", "Save"),
    Key("span.cancel", "escape", "cancel", "Cancel"),
)

RATIONALE_KEYS: tuple[Key, ...] = (
    Key("note.save", "ctrl+s", "save_typed", "Save", priority=True),
    Key("note.cancel", "escape", "cancel_typed", "Cancel", priority=True),
)

ALL_KEYS: tuple[tuple[str, tuple[Key, ...]], ...] = (
    ("Article", ARTICLE_KEYS),
    ("Articles list", ARTICLES_KEYS),
    ("Everywhere", APP_KEYS),
    ("Adjudication (A)", ADJUDICATE_KEYS),
    ("Boundaries editor (e, c)", SPAN_KEYS),
    ("Rationale editor (n)", RATIONALE_KEYS),
    ("Claim as checked (r)", CHECKED_KEYS),
    ("Forms: source (s), filter (f)", FORM_KEYS),
    ("Search (/)", SEARCH_KEYS),
    ("Copy (y)", COPY_KEYS),
    ("Keys screen (?)", HELP_KEYS),
    ("Dialogs", DIALOG_KEYS),
)

KNOWN_IDS: frozenset[str] = frozenset(k.id for _, group in ALL_KEYS for k in group)


def bindings(keys: tuple[Key, ...]) -> list[BindingType]:
    return [k.binding() for k in keys]


def effective_keys(key: Key, keymap: dict[str, str]) -> str:
    """The keys `key` answers to once the user's keymap is applied."""
    return keymap.get(key.id, key.keys)
