"""The article view's word wrap: every visible character is on exactly one line that fits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from annotator.widgets.article_view import wrap_offsets

TEXT = st.text(
    alphabet=st.sampled_from(list("ab cd\n") + ["\u00e9", "\u6f22", "\U0001f600"]),
    max_size=300,
)


@settings(max_examples=300)
@given(TEXT, st.integers(min_value=1, max_value=40))
def test_lines_fit_and_cover_the_text(text: str, width: int) -> None:
    lines = wrap_offsets(text, width)
    covered = [False] * len(text)
    previous_end = 0
    for start, end in lines:
        assert previous_end <= start <= end <= len(text)
        assert "\n" not in text[start:end]
        # A single wide character may exceed a 1-cell width; nothing else may.
        assert cell_len(text[start:end]) <= max(width, 2)
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    for i, ch in enumerate(text):
        if ch not in " \n":
            assert covered[i], (text, width, lines, i)


def test_paragraphs_and_long_words() -> None:
    text = "short line\n\n" + "x" * 25 + " tail"
    lines = wrap_offsets(text, 10)
    assert [text[s:e] for s, e in lines] == [
        "short line", "", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx tail",
    ]
