"""An English share whose noun follows a capitalised modifier ("a third of the Greek
population lives") counts that noun, as it does without the modifier; a verb after the
modifier ("half of the French voted") is no counted thing."""

from __future__ import annotations

import pytest

from claims.extract import extract


def units(text: str) -> list[str]:
    (claim,) = extract(text, lang="en")
    return [q.unit for q in claim.quantities]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Almost a third of the Irish workforce commutes by car.", ["workforce"]),
        ("Half of the Danish herd was culled last year.", ["herd"]),
        ("Two-thirds of the Welsh coastline is protected.", ["coastline"]),
        ("A quarter of the Canadian harvest was lost to frost.", ["harvest"]),
        ("A fifth of the barley crop was sold abroad.", ["crop"]),
    ],
)
def test_the_noun_after_a_capitalised_modifier(text: str, expect: list[str]) -> None:
    assert units(text) == expect


@pytest.mark.parametrize(
    "text",
    ["Half of the Portuguese voted for the plan.", "A third of the Finns surveyed disagreed."],
)
def test_a_verb_after_the_modifier_counts_nothing(text: str) -> None:
    assert units(text) == [""]
