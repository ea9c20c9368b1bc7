"""Two written-out numbers side by side that make no one number are two quantities, and the
second may open a relative date (« un sur six deux ans plus tôt », "ranked six two years ago");
a share with nothing after it is the share alone (« contre un sur six en 2023 »)."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract

PUBLISHED = date(2026, 11, 20)


def facets(text: str, lang: str) -> tuple[list[tuple[float, str]], list[str | None]]:
    (claim,) = extract(text, lang=lang, published=PUBLISHED)
    return (
        [(round(q.value, 4), q.unit) for q in claim.quantities],
        [d.from_.isoformat() if d.from_ else None for d in claim.dates],
    )


@pytest.mark.parametrize(
    ("text", "lang", "quantities", "dates"),
    [
        ("Le club en avait gagné neuf trois ans plus tôt.", "fr", [(9, ""), (3, "ans")], ["2023-01-01"]),
        ("The club had won nine three years earlier.", "en", [(9, ""), (3, "years")], ["2023-01-01"]),
        ("Un élève sur cinq redoublait en 2025, contre un sur huit quatre ans plus tôt.", "fr",
         [(0.2, "élève"), (0.125, ""), (4, "ans")], ["2025-01-01", "2021-01-01"]),
        ("Un foyer sur dix était concerné, contre un sur vingt en 2020.", "fr",
         [(0.1, "foyer"), (0.05, "")], ["2020-01-01"]),
    ],
)
def test_adjacent_numbers_and_a_share_alone(
    text: str, lang: str, quantities: list[tuple[float, str]], dates: list[str]
) -> None:
    assert facets(text, lang) == (quantities, dates)


@pytest.mark.parametrize(
    ("text", "lang", "quantities"),
    [
        ("Vingt deux maisons ont brûlé.", "fr", [(22, "maisons")]),
        ("Twenty two houses burned.", "en", [(22, "houses")]),
        ("Half the 300 households left.", "en", [(0.5, "households"), (300, "households")]),
    ],
)
def test_one_number_stays_one(text: str, lang: str, quantities: list[tuple[float, str]]) -> None:
    assert facets(text, lang)[0] == quantities
