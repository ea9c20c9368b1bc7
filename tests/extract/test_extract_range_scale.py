"""A scale word ("million", « milliard ») after the second number of a range is the first
number's too only when the first has no magnitude of its own; a currency written before the
first number is the second one's too."""

from __future__ import annotations

import pytest

from claims.extract import extract


def quantities(text: str, lang: str) -> list[tuple[float, str, str]]:
    (claim,) = extract(text, lang=lang)
    return [(q.value, q.comparator, q.unit) for q in claim.quantities]


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("Repairs are put at between 650,000 and 1.4 million dollars by the county.", "en",
         [(650_000, ">=", "dollars"), (1_400_000, "<=", "dollars")]),
        ("La rénovation coûterait de 700 000 à 1,5 million d'euros selon le devis.", "fr",
         [(700_000, ">=", "euros"), (1_500_000, "<=", "euros")]),
        ("Le déficit atteindrait entre 900 000 et 1,1 million d'euros cette année.", "fr",
         [(900_000, ">=", "euros"), (1_100_000, "<=", "euros")]),
    ],
)
def test_a_first_number_with_its_own_magnitude_keeps_it(
    text: str, lang: str, expect: list[tuple[float, str, str]]
) -> None:
    assert quantities(text, lang) == expect


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("Between 4 and 6 million visitors are expected at the fair.", "en",
         [(4_000_000, ">=", "visitors"), (6_000_000, "<=", "visitors")]),
        ("Le plan coûtera entre 2,5 et 3 milliards d'euros à l'État.", "fr",
         [(2_500_000_000, ">=", "euros"), (3_000_000_000, "<=", "euros")]),
        ("The bridge will cost between $2.1 and 2.6 billion to replace.", "en",
         [(2_100_000_000, ">=", "dollars"), (2_600_000_000, "<=", "dollars")]),
        ("The tunnel is priced at $300 to 450 million by the agency.", "en",
         [(300_000_000, ">=", "dollars"), (450_000_000, "<=", "dollars")]),
    ],
)
def test_a_bare_first_number_takes_the_scale_and_currency(
    text: str, lang: str, expect: list[tuple[float, str, str]]
) -> None:
    assert quantities(text, lang) == expect


def test_a_first_number_far_above_the_second_keeps_its_own_value() -> None:
    # The scale would make the first number 500 times the second: no range reads so.
    assert quantities("Estimates ran between 600 and 1.2 million dollars.", "en") == [
        (600, ">=", "dollars"), (1_200_000, "<=", "dollars")
    ]
