"""`?`: every key, from the keymap table, with the user's remappings applied."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import Static

from annotator.keymap import ALL_KEYS, HELP_KEYS, Key, bindings, effective_keys
from annotator.widgets.claim_style import CLAIM_CLASSES, ClaimColours
from claims.labels import LabelScale

__all__ = ["HelpScreen", "describe", "glyph_legend", "key_names", "keys_table", "legend"]

_NAMES = {
    "question_mark": "?", "slash": "/", "right_square_bracket": "]",
    "left_square_bracket": "[", "pagedown": "PgDn", "pageup": "PgUp",
}


def key_name(key: str) -> str:
    """How a key is written for a reader: `>` for greater_than_sign, PgDn for pagedown."""
    if key in _NAMES:
        return _NAMES[key]
    char = key_to_character(key)
    return char if char is not None and char.isprintable() and not char.isspace() else key


def key_names(keys: str) -> str:
    return " ".join(key_name(k.strip()) for k in keys.split(","))


def describe(key: Key, scale: LabelScale | None) -> str:
    """The key's description; verdict keys name their label of the project's scale."""
    if scale is not None and key.id.startswith("verdict.") and key.id[8:].isdigit():
        n = int(key.id[8:])
        return f"Verdict: {scale.labels[n - 1].name}" if n <= len(scale.labels) else "(unused)"
    return key.description


def keys_table(keymap: dict[str, str], scale: LabelScale | None = None,
               show_ids: bool = True) -> Table:
    """Every key; `show_ids` adds the ids the config remaps (left out on narrow terminals)."""
    table = Table(box=None, show_header=False, pad_edge=False, expand=False)
    table.add_column("keys", style="bold #d7af00", max_width=14)
    table.add_column("what", ratio=1)
    if show_ids:
        table.add_column("id", style="dim", no_wrap=True)
    for title, group in ALL_KEYS:
        table.add_row(Text(title, style="bold underline"), "", *([""] if show_ids else []))
        for key in group:
            row = [key_names(effective_keys(key, keymap)), describe(key, scale)]
            table.add_row(*row, *([key.id] if show_ids else []))
        table.add_row("", "", *([""] if show_ids else []))
    return table


def legend(colours: ClaimColours) -> Text:
    """What the colours of claims mean, drawn with the styles the views use."""

    text = Text("Colours: ", style="bold", end="")
    for key, name in (
        ("proposed", "proposed"), ("accepted", "accepted"), ("Supported", "supported"),
        ("Refuted", "refuted"), ("Not Enough Evidence", "not enough evidence"),
        ("Conflicting Evidence/Cherrypicking", "conflicting"), ("rejected", "not a claim"),
    ):
        text.append(f" {name} ", style=colours.kind(key))
        text.append(" ")
    from annotator.widgets.team_marks import LEGEND, MARK_STYLES

    text.append("\nList marks: ", style="bold")
    for mark, name in LEGEND:
        text.append(mark, style=MARK_STYLES[mark])
        text.append(f" {name}  ")
    return text


def glyph_legend() -> Text:
    """What the two glyphs before each claim of the list mean."""
    from annotator.widgets.claim_style import STATUS_GLYPH, VERDICT_GLYPH

    text = Text("List: ", style="bold", end="")
    for key, name in (("proposed", "to review"), ("accepted", "kept"),
                      ("rejected", "not a claim")):
        text.append(f"{STATUS_GLYPH[key]} {name}  ")
    text.append("\u00b7 ")
    for key, name in (("Supported", "supported"), ("Refuted", "refuted"),
                      ("Not Enough Evidence", "not enough evidence"),
                      ("Conflicting Evidence/Cherrypicking", "conflicting")):
        text.append(f"{VERDICT_GLYPH[key]} {name}  ")
    text.append("\u00b7 Tab moves between the text, the list and the details", style="dim")
    return text


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings(HELP_KEYS)
    COMPONENT_CLASSES = set(CLAIM_CLASSES)
    """The colours of the legend, styled in app.tcss."""

    def __init__(self, keymap: dict[str, str], scale: LabelScale | None = None) -> None:
        super().__init__()
        self.keymap = keymap
        self.scale = scale

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(Text("Keys (remap them in the config file by id)", style="bold"),
                         classes="dialog-title")
            yield Static(id="help-legend")
            yield Static(glyph_legend())
            with VerticalScroll():
                yield Static(keys_table(self.keymap, self.scale,
                                        show_ids=self.app.size.width >= 90))

    def on_mount(self) -> None:
        self.query_one("#help-legend", Static).update(legend(ClaimColours.of(self)))

    def action_close(self) -> None:
        self.dismiss(None)
