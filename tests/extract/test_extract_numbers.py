"""Quantities: digits in news forms, written-out numbers, comparators, ranges, units."""

from __future__ import annotations

import pytest

from claims.extract.numbers import find_quantities, parse_digits


def quantities(text: str, lang: str) -> list[tuple[float, str, str, str]]:
    return [
        (q.value, q.comparator, q.unit, text[q.start : q.end])
        for q in find_quantities(text, 0, len(text), lang)
    ]


@pytest.mark.parametrize(
    ("text", "value", "comparator", "unit"),
    [
        ("Le stade compte 500 places.", 500, "=", "places"),
        ("Il a reçu 1 000 lettres.", 1000, "=", "lettres"),
        ("Il a reçu 1\u00a0000 lettres.", 1000, "=", "lettres"),
        ("Il a reçu 1\u202f000 lettres.", 1000, "=", "lettres"),
        ("Le chômage atteint 3,5 % de la population.", 3.5, "=", "%"),
        ("Le projet coûte 12 millions d'euros.", 12_000_000, "=", "euros"),
        ("Le budget est de 2 000 000 000 €.", 2_000_000_000, "=", "euros"),
        ("Les camions roulaient à 125 km/h.", 125, "=", "km/h"),
        ("Plus de 300 marins ont embarqué.", 300, ">", "marins"),
        ("Au moins 4 blessés sont signalés.", 4, ">=", "blessés"),
        ("Pas moins de 60 bénévoles sont venus.", 60, ">=", "bénévoles"),
        ("Moins de 20 élèves sont inscrits.", 20, "<", "élèves"),
        ("Près de 800 spectateurs étaient présents.", 800, "~", "spectateurs"),
        ("Environ 40 camions attendaient.", 40, "~", "camions"),
        ("Une vingtaine de pompiers sont intervenus.", 20, "~", "pompiers"),
        ("Plus d'un millier de coureurs ont pris le départ.", 1000, ">", "coureurs"),
        ("Des milliers de manifestants ont défilé.", 1000, ">", "manifestants"),
        ("Quarante-cinq minutes ont suffi.", 45, "=", "minutes"),
        ("Ils ont attendu vingt et un jours.", 21, "=", "jours"),
        ("La mairie a recruté une centaine d'agents.", 100, "~", "agents"),
    ],
)
def test_french_quantities(text: str, value: float, comparator: str, unit: str) -> None:
    found = quantities(text, "fr")
    assert found, text
    assert found[0][:3] == (value, comparator, unit)


@pytest.mark.parametrize(
    ("text", "value", "comparator", "unit"),
    [
        ("The county hired 1,000 nurses.", 1000, "=", "nurses"),
        ("The bridge cost $1.2 billion.", 1_200_000_000, "=", "dollars"),
        ("More than 250 volunteers came.", 250, ">", "volunteers"),
        ("At least 7 people were hurt.", 7, ">=", "people"),
        ("Fewer than 30 boats remain.", 30, "<", "boats"),
        ("Crews arrived within 15 minutes.", 15, "<=", "minutes"),
        ("About 400 homes lost power.", 400, "~", "homes"),
        ("Nearly 12% of voters abstained.", 12, "~", "%"),
        ("Thousands of fans gathered.", 1000, ">", "fans"),
        ("A dozen trucks blocked the road.", 12, "=", "trucks"),
        ("Twenty-three schools closed.", 23, "=", "schools"),
        ("A hundred residents signed.", 100, "=", "residents"),
    ],
)
def test_english_quantities(text: str, value: float, comparator: str, unit: str) -> None:
    found = quantities(text, "en")
    assert found, text
    assert found[0][:3] == (value, comparator, unit)


def test_ranges_give_two_bounds() -> None:
    text = "La foule comptait de 1 000 à 4 000 personnes."
    assert [q[:3] for q in quantities(text, "fr")] == [
        (1000, ">=", "personnes"),
        (4000, "<=", "personnes"),
    ]
    text = "Prices rose between 10 and 20 percent."
    assert [q[:3] for q in quantities(text, "en")] == [(10, ">=", "%"), (20, "<=", "%")]


def test_ordinals() -> None:
    assert quantities("La 27e place au classement.", "fr")[0][:3] == (27, "=", "ordinal")
    assert quantities("Au sixième jour du siège.", "fr")[0][:3] == (6, "=", "ordinal")
    assert quantities("On the sixth day of talks.", "en")[0][:3] == (6, "=", "ordinal")


def test_identifiers_and_years_are_not_quantities() -> None:
    assert quantities("Le F-35 et le COVID-19 en 2021.", "fr") == []


def test_spans_are_exact() -> None:
    text = "Selon la police, plus de 2 500 personnes ont défilé."
    ((value, comparator, unit, span),) = quantities(text, "fr")
    assert span == "plus de 2 500 personnes"


@pytest.mark.parametrize(
    ("raw", "lang", "value"),
    [
        ("1,000", "en", 1000),
        ("3,5", "fr", 3.5),
        ("1.5", "en", 1.5),
        ("1.234,5", "fr", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("12\u202f345", "fr", 12345),
    ],
)
def test_parse_digits(raw: str, lang: str, value: float) -> None:
    assert parse_digits(raw, lang) == value


def test_compound_ordinals_negatives_and_large_multipliers() -> None:
    assert quantities("Le vingt et unième jour.", "fr")[0][:3] == (21, "=", "ordinal")
    assert quantities("Their twenty-first title.", "en")[0][:3] == (21, "=", "ordinal")
    assert quantities("Il a fait -5 °C cette nuit.", "fr")[0][0] == -5
    assert [q[0] for q in quantities("Scores of 10-20 and 10 - 20.", "en")] == [10, 20, 10, 20]
    assert quantities("A debt of twenty-one trillion dollars.", "en")[0][:3] == (
        21_000_000_000_000,
        "=",
        "dollars",
    )
    assert quantities("En mil neuf cent vingt habitants.", "fr")[0][0] == 1920


def test_lone_hundred_after_a_comparator_and_counted_years() -> None:
    assert quantities("Le village compte moins de cent habitants.", "fr")[0][:3] == (100, "<", "habitants")
    assert quantities("Il est né en cent avant notre ère.", "fr") == []
    assert quantities("The 2000 soldiers returned home.", "en")[0][:3] == (2000, "=", "soldiers")
    assert quantities("The 2000 elections were close.", "en") == []
