"""A dateline with its year dates the article when no publication date is given (« GENÈVE, 3
déc 2026 (AFP) - », "22 mai 2012. -"; not "PARIS, Feb. 18 (AFP) -", which has none); a date
fronted before a comma takes the tense of the clause after it ("On Monday, the council will
vote" is the coming Monday); a weekday and a day after a day of the sentence are in its month or
the next (« le dimanche 5 août ..., le lundi 6 avec ..., le mardi 7 »)."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract


def days(text: str, lang: str, published: date | None = None) -> list[tuple[str, str]]:
    return [
        (str(d.from_), str(d.to))
        for claim in extract(text, lang=lang, published=published)
        for d in claim.dates
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("GENÈVE, 3 déc 2026 (AFP) - L'OMS a appelé mercredi les pays à renforcer leur surveillance.",
         "fr", [("2026-12-02", "2026-12-02")]),
        ("22 mai 2012. - Prévu initialement pour samedi dernier, le lancement a été reporté.", "fr",
         [("2012-05-19", "2012-05-19")]),
        ("NEW YORK, Oct. 25, 1989 (AP) — Shares fell on Tuesday.", "en", [("1989-10-24", "1989-10-24")]),
        ("PARIS, 18 fév (AFP) - Le gouvernement a annoncé mercredi un plan.", "fr", [("None", "None")]),
    ],
)
def test_a_dateline_with_its_year_dates_the_article(
    text: str, lang: str, expect: list[tuple[str, str]]
) -> None:
    assert days(text, lang) == expect


def test_a_given_publication_date_wins_over_the_dateline() -> None:
    text = "GENÈVE, 3 déc 2026 (AFP) - L'OMS a appelé mercredi les pays à renforcer leur surveillance."
    assert days(text, "fr", date(2026, 12, 10)) == [("2026-12-09", "2026-12-09")]


@pytest.mark.parametrize(
    ("text", "lang", "published", "expect"),
    [
        ("On Monday, the council will vote on the budget.", "en", date(2026, 11, 25), "2026-11-30"),
        ("On Monday, the council voted on the budget.", "en", date(2026, 11, 25), "2026-11-23"),
        ("In March, the plant will close.", "en", date(2026, 11, 25), "2027-03-01"),
        ("Le 30 juin, le minitel cessera de fonctionner.", "fr", date(2012, 6, 22), "2012-06-30"),
        ("Le 30 juin, le minitel a cessé de fonctionner.", "fr", date(2012, 6, 22), "2011-06-30"),
    ],
)
def test_a_fronted_date_takes_the_tense_of_its_clause(
    text: str, lang: str, published: date, expect: str
) -> None:
    assert days(text, lang, published)[0][0] == expect


def test_a_programme_of_weekdays_and_days_follows_the_month_named() -> None:
    text = (
        "Parmi les temps forts se trouve la grande parade le dimanche 5 août, mais aussi une nuit de "
        "l'Acadie le lundi 6 avec Roch Voisine, un concert le mardi 7, et enfin la nuit du Port le samedi 11."
    )
    assert days(text, "fr", date(2012, 8, 3)) == [
        ("2012-08-05", "2012-08-05"), ("2012-08-06", "2012-08-06"),
        ("2012-08-07", "2012-08-07"), ("2012-08-11", "2012-08-11"),
    ]


def test_a_weekday_and_a_count_stay_apart() -> None:
    expect = [("2012-08-02", "2012-08-02")]
    assert days("Le club a aligné jeudi 12 joueurs.", "fr", date(2012, 8, 3)) == expect


@pytest.mark.parametrize(
    ("text", "lang", "published", "expect"),
    [
        ("La console sortira en Europe et au Japon le 28 juillet.", "fr", date(2012, 6, 22), "2012-07-28"),
        ("The console will go on sale in Europe and in Japan on July 28.", "en", date(2026, 6, 22),
         "2026-07-28"),
        ("Sales rose in January and in March they fell.", "en", date(2026, 6, 22), "2026-01-01"),
    ],
)
def test_two_places_joined_make_one_clause(text: str, lang: str, published: date, expect: str) -> None:
    assert days(text, lang, published)[0][0] == expect


@pytest.mark.parametrize(
    ("text", "lang", "published", "expect"),
    [
        ("Shops were packed on Black Friday.", "en", date(2026, 12, 2), "2026-11-27"),
        ("Online sales hit a record on Cyber Monday.", "en", date(2026, 12, 2), "2026-11-30"),
        ("Black Friday 2025 sales rose 3%.", "en", date(2026, 12, 2), "2025-11-28"),
        ("Les magasins étaient bondés lors du Black Friday.", "fr", date(2026, 12, 2), "2026-11-27"),
    ],
)
def test_black_friday_is_the_day_after_thanksgiving(
    text: str, lang: str, published: date, expect: str
) -> None:
    assert days(text, lang, published) == [(expect, expect)]
