"""An anaphor that counts back from the date an earlier sentence named: "the previous year",
« l'année précédente » always; "a year earlier", « un mois plus tôt » when they open their
sentence. Elsewhere "from a year earlier" counts back from publication, as before."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract

PUBLISHED = date(2026, 6, 15)


def dates_of(text: str, lang: str, fragment: str) -> list[tuple[str | None, str | None]]:
    (claim,) = [c for c in extract(text, lang=lang, published=PUBLISHED) if fragment in c.text]
    return [
        (d.from_.isoformat() if d.from_ else None, d.to.isoformat() if d.to else None)
        for d in claim.dates
    ]


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expect"),
    [
        ("Exports reached a record in 2021. The previous year, the port had been shut for weeks.",
         "en", "shut for weeks", [("2020-01-01", "2020-12-31")]),
        ("The ferry sank in May 2019. A month earlier, inspectors had flagged its hull.",
         "en", "flagged its hull", [("2019-04-01", "2019-04-30")]),
        ("Turnout fell in 2022. And two years earlier, it had been the highest on record.",
         "en", "highest on record", [("2020-01-01", "2020-12-31")]),
        ("La récolte de 2023 a été médiocre. L'année précédente, la grêle avait détruit les vignes.",
         "fr", "grêle", [("2022-01-01", "2022-12-31")]),
        ("Le pont a été fermé en octobre 2024. Deux mois plus tôt, une fissure avait été signalée.",
         "fr", "fissure", [("2024-08-01", "2024-08-31")]),
    ],
)
def test_counted_back_from_the_date_named_before(
    text: str, lang: str, fragment: str, expect: list[tuple[str, str]]
) -> None:
    assert dates_of(text, lang, fragment) == expect


def test_a_year_earlier_inside_a_sentence_counts_from_publication() -> None:
    text = "The mill closed in 2019. Output is down 4% from a year earlier, the union said."
    assert dates_of(text, "en", "Output") == [("2025-01-01", "2025-12-31")]


def test_with_no_date_before_it_counts_from_publication() -> None:
    assert dates_of("A year earlier, the mill had been sold.", "en", "mill") == [
        ("2025-01-01", "2025-12-31")
    ]
