"""Terminal escape sequences in an article (colours, window titles, cursor moves) are no part
of what a claim says: none of their parameters becomes a quantity or a date, and the claims
still hold the article's exact text."""

from __future__ import annotations

import pytest

from claims.extract.pipeline import extract, mask_terminal_sequences

ARTICLE = (
    "The council met.\x1b]0;window title 2024\x07 About 40 people came on Monday, the mayor "
    "said.\n\x1b[31;1mRed 12 apples were sold for 3 euros.\x1b[0m\n"
    "Prices rose 5%\x9b2J in March 2024, the office said.\x1b7\x1b8\n"
)


def test_no_quantity_or_date_comes_from_an_escape_sequence() -> None:
    claims = extract(ARTICLE, lang="en")
    quantities = [(q.value, q.text) for c in claims for q in c.quantities]
    assert quantities == [(40.0, "About 40 people"), (12.0, "12 apples"), (3.0, "3 euros"),
                          (5.0, "5%")]
    assert [d.text for c in claims for d in c.dates] == ["Monday", "March 2024"]
    for claim in claims:
        assert ARTICLE[claim.start : claim.end] == claim.text


@pytest.mark.parametrize("sequence", ["\x1b[0m", "\x1b[38;5;196m", "\x1b]8;;https://x.example/\x1b\\",
                                      "\x1b]0;t\x07", "\x9b31m", "\x1bc", "\x1b(B"])
def test_a_sequence_becomes_as_many_spaces(sequence: str) -> None:
    text = f"Sales grew 7{sequence} percent."
    masked = mask_terminal_sequences(text)
    assert len(masked) == len(text)
    assert masked == "Sales grew 7" + " " * len(sequence) + " percent."


def test_a_stray_title_sequence_masks_its_line_only() -> None:
    text = "First line \x1b]0;no end\nThe budget is 48 million dollars, the mayor said.\n"
    claims = extract(text, lang="en")
    assert [q.value for c in claims for q in c.quantities] == [48_000_000.0]
    assert mask_terminal_sequences("plain text, 2024") == "plain text, 2024"
