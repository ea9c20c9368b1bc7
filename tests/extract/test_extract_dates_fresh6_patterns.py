"""Date patterns of earnings copy and general news: the first months of a year named alone, the
latest week or month, a year's possessive before its quarter or half, "a year earlier" after a
sum in words, references to the coming days; and the counts and things they must not take."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract
from tests.helpers import found_dates as dates

# PUBLISHED (tests.helpers) is Wednesday 12 March 2025.


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The first months of a year named alone: the last such months by publication ...
        ("For the first nine months, net income rose 8%.", "en",
         [("first nine months", "2024-01-01", "2024-09-30")]),
        ("In the first 6 months, the insurer lost $61 million.", "en",
         [("first 6 months", "2024-01-01", "2024-06-30")]),
        ("In the first two months, exports rose 4%.", "en",
         [("first two months", "2025-01-01", "2025-02-28")]),
        ("Sur les neuf premiers mois, le bénéfice a reculé.", "fr",
         [("neuf premiers mois", "2024-01-01", "2024-09-30")]),
        ("Au cours des deux premiers mois, les ventes ont progressé.", "fr",
         [("deux premiers mois", "2025-01-01", "2025-02-28")]),
        # ... this year's when the clause looks ahead.
        ("The group expects sales to rise in the first six months.", "en",
         [("first six months", "2025-01-01", "2025-06-30")]),
        # With their year, as before.
        ("In the first nine months of 2023, the insurer lost $61 million.", "en",
         [("first nine months of 2023", "2023-01-01", "2023-09-30")]),
    ],
)
def test_first_months_named_alone(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


def test_first_months_alone_take_the_year_named_before() -> None:
    text = "Net income rose 14% in the third quarter of 2023. For the first nine months, sales fell 2%."
    claims = extract(text, lang="en", published=date(2025, 3, 12))
    second = next(c for c in claims if "nine months" in c.text)
    assert [(d.from_, d.to) for d in second.dates] == [(date(2023, 1, 1), date(2023, 9, 30))]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # The last months are a duration up to now; months of something else are no part of a year.
        ("Sales fell over the last three months.", "en"),
        ("Les ventes ont baissé au cours des trois derniers mois.", "fr"),
        ("Prices rose in the first nine months of his term.", "en"),
        ("Les neuf premiers mois d'activité ont été difficiles.", "fr"),
        ("In the first week, sales rose.", "en"),
        ("The first months were hard for the new owners.", "en"),
    ],
)
def test_not_first_months_of_a_year(text: str, lang: str) -> None:
    assert dates(text, lang) == []


def test_a_week_named_last_stays_a_week() -> None:
    assert dates("It happened last week.", "en") == [("last week", "2025-03-03", "2025-03-09")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Assets of money-market funds rose $1.4 billion in the latest week.", "en",
         [("the latest week", "2025-03-03", "2025-03-09")]),
        ("Retail sales fell 0.4% in the latest month.", "en",
         [("the latest month", "2025-02-01", "2025-02-28")]),
        ("Le CAC 40 a gagné 2 % la semaine écoulée.", "fr",
         [("la semaine écoulée", "2025-03-03", "2025-03-09")]),
        ("Les immatriculations ont chuté le mois écoulé.", "fr",
         [("le mois écoulé", "2025-02-01", "2025-02-28")]),
    ],
)
def test_latest_week_and_month(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    "text", ["The latest weekly figures were released.", "It was the latest week-long strike."]
)
def test_not_latest_week(text: str) -> None:
    assert dates(text, "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit in last year's second half was hurt by a strike.",
         [("last year's second half", "2024-07-01", "2024-12-31")]),
        ("Sales in this year's first quarter rose 3%.",
         [("this year's first quarter", "2025-01-01", "2025-03-31")]),
        ("The company expects growth in next year’s fourth quarter.",
         [("next year’s fourth quarter", "2026-10-01", "2026-12-31")]),
        ("Profit in 2024's fourth quarter fell 3%.",
         [("2024's fourth quarter", "2024-10-01", "2024-12-31")]),
        # A decade's possessive is no year's: the half has none to take.
        ("Growth in the 1990's first half was slow.",
         [("1990's", "1990-01-01", "1999-12-31")]),
        # Not a possessive: two dates, the half of the year named before.
        ("Sales rose 5% last year, and the second half was the strongest.",
         [("last year", "2024-01-01", "2024-12-31"), ("second half", "2024-07-01", "2024-12-31")]),
        ("Last year's budget was cut.", [("Last year", "2024-01-01", "2024-12-31")]),
    ],
)
def test_possessive_year_before_its_quarter(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le chiffre d'affaires a atteint 12 milliards en 2023, contre 11,2 milliards un an plus tôt.",
         [("2023", "2023-01-01", "2023-12-31"), ("un an plus tôt", "2022-01-01", "2022-12-31")]),
        ("Les ventes ont atteint 3 millions en janvier, contre 2,8 millions un an plus tôt.",
         [("janvier", "2025-01-01", "2025-01-31"), ("un an plus tôt", "2024-01-01", "2024-01-31")]),
        ("Le village a été fondé il y a mille ans.",
         [("il y a mille ans", "1025-01-01", "1025-12-31")]),
    ],
)
def test_a_year_earlier_after_a_sum(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("Les résultats seront publiés dans les prochains jours.", "fr", "dans les prochains jours"),
        ("Le texte sera examiné dans les semaines à venir.", "fr", "dans les semaines à venir"),
        ("Officials will decide in the coming days.", "en", "in the coming days"),
        ("More layoffs are expected in the months ahead.", "en", "in the months ahead"),
        ("The bank will decide on rates in coming weeks.", "en", "in coming weeks"),
    ],
)
def test_coming_days_are_a_future_reference(text: str, lang: str, words: str) -> None:
    assert dates(text, lang) == [(words, "None", "None")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A duration with its count stays no date.
        ("Le refuge restera ouvert pendant les trois prochains jours.", "fr"),
        ("The shelter will stay open for the next three days.", "en"),
    ],
)
def test_counted_coming_days_are_a_duration(text: str, lang: str) -> None:
    assert dates(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The new ferry carries up to 1850 passengers.", "en", []),
        ("The stadium holds up to 2000 fans.", "en", []),
        ("Le navire peut transporter jusqu'à 1850 passagers.", "fr", []),
        # A year after "up to", « jusqu'à » with no plural counted after it stays a year.
        ("The plan runs up to 2030 as planned.", "en", [("2030", "2030-01-01", "2030-12-31")]),
        ("Les mesures sont prolongées jusqu'à 2030 puis seront revues.", "fr",
         [("2030", "2030-01-01", "2030-12-31")]),
        ("Le plan court jusqu'à 2030 dans toute la région.", "fr", [("2030", "2030-01-01", "2030-12-31")]),
    ],
)
def test_count_after_up_to(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le marché de Noël de la place Kléber ouvrira vendredi.", "fr",
         [("vendredi", "2025-03-14", "2025-03-14")]),
        ("Le sapin de Noël a été installé sur la place.", "fr", []),
        ("The Christmas market opens on Friday.", "en", [("Friday", "2025-03-14", "2025-03-14")]),
        ("Children hunted for Easter eggs in the park.", "en", []),
        ("Une expédition est partie pour l'île de Pâques.", "fr", []),
        # The day itself stays a day.
        ("Shops will close early on Christmas Eve.", "en", [("Christmas Eve", "2025-12-24", "2025-12-24")]),
        ("Trois personnes ont été blessées le soir de Noël.", "fr", [("Noël", "2024-12-25", "2024-12-25")]),
    ],
)
def test_holiday_naming_a_thing(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected
