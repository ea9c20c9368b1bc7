"""Keys are written as a reader types them, in the help and in the palette."""

from __future__ import annotations

from annotator.commands import key_hint
from annotator.dialogs.help import key_names, keys_table


def test_punctuation_keys_are_their_characters() -> None:
    assert key_names("greater_than_sign") == ">"
    assert key_names("less_than_sign,comma") == "< ,"
    assert key_names("pagedown,ctrl+r,home,g") == "PgDn ctrl+r home g"
    assert key_hint("search.next_match", {}) == "key >"
    assert key_hint("search.prev_match", {"search.prev_match": "full_stop"}) == "key ."


def test_help_names_no_key_by_its_textual_name() -> None:
    from rich.console import Console

    console = Console(width=120, record=True)
    console.print(keys_table({}))
    shown = console.export_text()
    assert "greater_than" not in shown and "less_than" not in shown
    assert "Next search match" in shown
