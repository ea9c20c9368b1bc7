"""Untrusted text never reaches the terminal as markup or control sequences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.safe_text import clean, clean_line, content, line


def test_escape_sequences_become_visible_placeholders() -> None:
    text = "a\x1b]0;title\x07b\x1b[2Jc\x9b31m"
    out = clean(text)
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert out.startswith("a\u241b]0;title\u2407b\u241b[2Jc")


def test_newlines_and_tabs_are_layout_in_text_and_flattened_in_lines() -> None:
    assert clean("a\nb\tc") == "a\nb\tc"
    assert clean_line("a\nb\tc") == "a\u2424b c"


def test_bidi_overrides_are_replaced() -> None:
    assert "\u202e" not in clean("abc\u202edef")


def test_markup_is_content() -> None:
    text = content("[bold red]x[/] [link=https://e.x]y[/link]")
    assert text.plain == "[bold red]x[/] [link=https://e.x]y[/link]"
    assert not text.spans
    assert line("a\nb" * 50, limit=10).plain.endswith("\u2026")


@given(st.text())
def test_clean_keeps_offsets_and_removes_every_control(text: str) -> None:
    out = clean(text)
    assert len(out) == len(text)
    for ch in out:
        code = ord(ch)
        assert ch in "\n\t" or not (code < 0x20 or 0x7F <= code < 0xA0)
