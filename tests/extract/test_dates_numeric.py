"""Dates written in digits (days without a year, lists, ranges, spaced and dashed forms), with
the scores, ratios, fractions, versions and times they must not take; accents left out of
relative periods (« la semaine derniere »), « il ya », and "that weekend" from the date before.

Publication is Wednesday 12 March 2025 (tests.helpers.PUBLISHED).
"""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract
from tests.helpers import found_dates as dates


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The language's order first; the other one when only it is a date (no year needed).
        ("The tribunal sat again on 23/01 to hear the appeal.", "en",
         [("23/01", "2025-01-23", "2025-01-23")]),
        ("The tribunal sat again on 1/23 to hear the appeal.", "en",
         [("1/23", "2025-01-23", "2025-01-23")]),
        ("Le tribunal a siégé le 03/02 pour l'appel.", "fr", [("03/02", "2025-02-03", "2025-02-03")]),
        # Cues of a day in wire copy: "as of", "through", "effective", "dated", "the week of".
        ("Fares were frozen as of 1/15.", "en", [("1/15", "2025-01-15", "2025-01-15")]),
        ("The memo, dated 2/27, was leaked.", "en", [("2/27", "2025-02-27", "2025-02-27")]),
        ("The hearing was held the week of 2/17.", "en", [("the week of 2/17", "2025-02-17", "2025-02-23")]),
        ("Le contrat signé le 12/28/2019 a été résilié.", "fr",
         [("12/28/2019", "2019-12-28", "2019-12-28")]),
        # Dashes with a four-digit year.
        ("The lease, signed 14-06-2011, ran out.", "en", [("14-06-2011", "2011-06-14", "2011-06-14")]),
        # Spaced digits after a cue, with a four-digit year.
        ("L'acte est daté du 09 11 1989 selon les archives.", "fr",
         [("09 11 1989", "1989-11-09", "1989-11-09")]),
        # Without a cue, only two digits each and four for the year: « 2 4 2009 » is no date.
        ("La lettre porte la mention 07 03 1962 en haut.", "fr",
         [("07 03 1962", "1962-03-07", "1962-03-07")]),
        ("Les scores 2 4 2009 ont été retenus.", "fr", []),
    ],
)
def test_a_day_in_digits_is_read_in_the_order_that_makes_it_a_date(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Primaries were held on 2/4, 2/11 and 2/25 in three states.", "en",
         [("2/4", "2025-02-04", "2025-02-04"), ("2/11", "2025-02-11", "2025-02-11"),
          ("2/25", "2025-02-25", "2025-02-25")]),
        ("Les audiences se sont tenues les 14/01 et 21/01 à Rouen.", "fr",
         [("14/01", "2025-01-14", "2025-01-14"), ("21/01", "2025-01-21", "2025-01-21")]),
    ],
)
def test_a_list_of_days_in_digits_is_every_day_of_it(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The road was shut from 2/10 to 2/14 for resurfacing.", "en",
         [("2/10 to 2/14", "2025-02-10", "2025-02-14")]),
        ("The road was shut on 2/10-2/14 for resurfacing.", "en",
         [("2/10-2/14", "2025-02-10", "2025-02-14")]),
        ("The survey ran from 11/4/2022 to 11/18/2022.", "en",
         [("11/4/2022 to 11/18/2022", "2022-11-04", "2022-11-18")]),
        ("The fair ran March 3, 2021 - 03/07/2021 in Dayton.", "en",
         [("March 3, 2021 - 03/07/2021", "2021-03-03", "2021-03-07")]),
        ("La route a été fermée du 10/2 au 14/2 pour travaux.", "fr",
         [("10/2 au 14/2", "2025-02-10", "2025-02-14")]),
        # The first day without its year takes the second's, the year before across New Year.
        ("La trêve a duré du 28/12 au 4/1/2020.", "fr", [("28/12 au 4/1/2020", "2019-12-28", "2020-01-04")]),
        ("Le salon se tenait du 27/2-2/3.", "fr", [("27/2-2/3", "2025-02-27", "2025-03-02")]),
        # Weekdays with their days: the first takes the second's month.
        ("Le tournoi se joue du lundi 3 au dimanche 9 mars.", "fr",
         [("lundi 3 au dimanche 9 mars", "2025-03-03", "2025-03-09")]),
        ("Le salon s'est tenu du vendredi 28 au dimanche 2 mars.", "fr",
         [("vendredi 28 au dimanche 2 mars", "2025-02-28", "2025-03-02")]),
        ("The fair ran from Friday, Feb. 28, to Sunday, March 2.", "en",
         [("Friday, Feb. 28, to Sunday, March 2", "2025-02-28", "2025-03-02")]),
        ("The plan ran from March 3 through April 5, 2020.", "en",
         [("March 3 through April 5, 2020", "2020-03-03", "2020-04-05")]),
        # ... but « entre aujourd'hui et le 30 juin » keeps its two ends (TIMEX3 does).
        ("Le plan court entre aujourd'hui et le 30 juin.", "fr",
         [("aujourd'hui", "2025-03-12", "2025-03-12"), ("30 juin", "2025-06-30", "2025-06-30")]),
        # A change is two dates, not a range.
        ("The hearing was moved from 2/10 to 2/14.", "en",
         [("2/10", "2025-02-10", "2025-02-10"), ("2/14", "2025-02-14", "2025-02-14")]),
    ],
)
def test_two_days_joined_as_a_range_are_one_span(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("United won 4/1 on aggregate.", "en"),
        ("The helpline runs 24/7 all year round.", "en"),
        ("Only 2/3 of the seats were filled.", "en"),
        ("The 2/3 majority was never reached.", "en"),
        ("The share grew from 1/3 to 2/3 of voters.", "en"),
        ("The panel gave the plan 7/10 for safety.", "en"),
        ("The app's version 4.12 fixed the bug.", "en"),
        ("Doors open at 10.30 sharp.", "en"),
        ("The pipes measured 1/4-1/2 inch.", "en"),
        ("Les 3/4 des salariés sont d'accord.", "fr"),
        ("Les 2/3 et 1/3 restants ont été répartis.", "fr"),
        ("La note moyenne atteint 14/20.", "fr"),
        ("La part est passée de 1/4 à 1/3.", "fr"),
        ("Le standard répond au 02 98 45 67 89.", "fr"),
        ("La version 3.10 corrige le défaut.", "fr"),
    ],
)
def test_scores_ratios_fractions_versions_and_times_are_no_dates(text: str, lang: str) -> None:
    assert dates(text, lang) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le suspect a été interpellé il ya 3 jours.", [("il ya 3 jours", "2025-03-09", "2025-03-09")]),
        ("La grève a commencé la semaine derniere.", [("la semaine derniere", "2025-03-03", "2025-03-09")]),
        ("Le stade ouvrira l'annee prochaine.", [("l'annee prochaine", "2026-01-01", "2026-12-31")]),
        ("Les ventes ont baissé l'annee derniere.", [("l'annee derniere", "2024-01-01", "2024-12-31")]),
    ],
)
def test_french_relative_dates_typed_without_accents(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "fr") == expected


def _claim_dates(text: str, lang: str, fragment: str) -> list[tuple[str | None, str | None]]:
    claim = next(c for c in extract(text, lang=lang, published=date(2025, 3, 12)) if fragment in c.text)
    return [(d.from_.isoformat() if d.from_ else None, d.to.isoformat() if d.to else None)
            for d in claim.dates]


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("The levee broke on Thursday, Feb. 20. Crews worked through that weekend.", "en", "Crews",
         [("2025-02-22", "2025-02-23")]),
        ("Crews worked through that weekend.", "en", "Crews", [(None, None)]),
        ("La digue a cédé le jeudi 20 février. Ce week-end-là, les secours étaient débordés.", "fr",
         "secours", [("2025-02-22", "2025-02-23")]),
        ("Le 4 juin 2018, la mine a fermé ; la même semaine, le site a été vendu.", "fr", "mine",
         [("2018-06-04", "2018-06-04"), ("2018-06-04", "2018-06-10")]),
    ],
)
def test_that_weekend_and_the_same_week_count_from_the_date_before(
    text: str, lang: str, fragment: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert _claim_dates(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Month names joined by dashes or slashes, and a month glued to its day before a year.
        ("The permit, dated Mar-04-2019, was revoked.", "en", [("Mar-04-2019", "2019-03-04", "2019-03-04")]),
        ("The invoice of 11-Feb-2021 was never paid.", "en", [("11-Feb-2021", "2021-02-11", "2021-02-11")]),
        ("The log entry 2018/oct/09 shows the breach.", "en", [("2018/oct/09", "2018-10-09", "2018-10-09")]),
        ("Exports peaked in Jun-2017.", "en", [("Jun-2017", "2017-06-01", "2017-06-30")]),
        ("The firm was dissolved on Nov30, 2001.", "en", [("Nov30, 2001", "2001-11-30", "2001-11-30")]),
        ("The Nov30 deadline passed.", "en", []),
        # A two-digit year after "of", a French year after « de », a decade typed "1980 s".
        ("The mill closed in March of 91, workers recall.", "en",
         [("March of 91", "1991-03-01", "1991-03-31")]),
        ("In March of 91 cases, none was solved.", "en", []),
        ("Il a été nommé le 2 juin de 1974.", "fr", [("2 juin de 1974", "1974-06-02", "1974-06-02")]),
        ("Wages stalled in the 1980 s.", "en", [("1980 s", "1980-01-01", "1989-12-31")]),
        ("The 1984 s tax form was revised.", "en", [("1984", "1984-01-01", "1984-12-31")]),  # no decade
    ],
)
def test_dashed_and_glued_month_names_and_written_years(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam opened on August twenty-one, 1962.",
         [("August twenty-one, 1962", "1962-08-21", "1962-08-21")]),
        ("She was born on nine March nineteen seventy-four.",
         [("nine March nineteen seventy-four", "1974-03-09", "1974-03-09")]),
        ("The mill burned on 9 June eighteen hundred twelve.",
         [("9 June eighteen hundred twelve", "1812-06-09", "1812-06-09")]),
        ("She was born on March nine nineteen seventy four.",
         [("March nine nineteen seventy four", "1974-03-09", "1974-03-09")]),
        ("On 6 April two thousand people marched.", [("6 April", "2024-04-06", "2024-04-06")]),
        # A cardinal day needs its year: otherwise it counts ("In May two people died").
        ("In May two people died.", [("May", "2024-05-01", "2024-05-31")]),
        ("The storm of October two thousand and five was the worst.",
         [("October two thousand and five", "2005-10-01", "2005-10-31")]),
    ],
)
def test_a_day_in_cardinal_words_with_a_month_and_a_year(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A weekday with "the" and an ordinal day; "the 3 men" counts.
        ("The court sat on Monday the 3rd.", "en", [("Monday the 3rd", "2025-03-03", "2025-03-03")]),
        ("On Sunday the 3 men were freed.", "en", [("Sunday", "2025-03-09", "2025-03-09")]),
        # A holiday's weekend, as "the weekend of" a day: its Saturday and Sunday.
        ("Roads were jammed over Memorial Day weekend.", "en",
         [("Memorial Day weekend", "2024-05-25", "2024-05-26")]),
        ("Les routes étaient saturées le week-end de la Toussaint.", "fr",
         [("le week-end de la Toussaint", "2024-11-02", "2024-11-03")]),
        ("Output rose 3% this calendar year.", "en", [("this calendar year", "2025-01-01", "2025-12-31")]),
        # A range of days in digits with the year after it, or with both years.
        ("Polls are open from 4/7-4/9, 2024.", "en", [("4/7-4/9, 2024", "2024-04-07", "2024-04-09")]),
        ("The line ran from 3/1/2019-6/30/2021.", "en",
         [("3/1/2019-6/30/2021", "2019-03-01", "2021-06-30")]),
        # A year and one digit: the next year (British "2014-5"), else a month after a dash.
        ("The merger closed in 2016-4.", "en", [("2016-4", "2016-04-01", "2016-04-30")]),
        ("The 2011-2 season was the club's worst.", "en", [("2011-2", "2011-01-01", "2012-12-31")]),
        ("The 2016/4 filing was late.", "en", []),
        # ... and no date in the number of a law or a decree.
        ("The council passed Resolution 2021-3 on Monday.", "en", [("Monday", "2025-03-10", "2025-03-10")]),
        ("Le décret n° 2020-12 a été abrogé.", "fr", []),
    ],
)
def test_weekday_the_nth_holiday_weekends_and_ranges_with_their_year(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A vague amount of units is a date no one day of which is meant: kept, bounds None.
        ("A few weeks ago, the mine reopened.", "en", [("A few weeks ago", "None", "None")]),
        ("Several years later, the mill closed.", "en", [("Several years later", "None", "None")]),
        ("The rover will land in a couple of days.", "en", [("in a couple of days", "None", "None")]),
        ("Il y a quelques jours, la mine a rouvert.", "fr", [("Il y a quelques jours", "None", "None")]),
        ("Plusieurs années plus tard, l'usine a fermé.", "fr",
         [("Plusieurs années plus tard", "None", "None")]),
        # ... but no duration: "for a few years", « pendant quelques années », "built in a few weeks".
        ("He worked there for a few years.", "en", []),
        ("The hall was built in a few weeks.", "en", []),
        ("Il a vécu à Lyon pendant quelques années.", "fr", []),
        # « le reste de la semaine », like "the rest of the week": the whole period.
        ("La pluie va durer le reste de la semaine.", "fr",
         [("le reste de la semaine", "2025-03-10", "2025-03-16")]),
    ],
)
def test_vague_amounts_and_the_rest_of_a_period(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Airport checks have tightened since 9/11.", "en", [("9/11", "2001-09-11", "2001-09-11")]),
        ("After 9/11, the law changed.", "en", [("9/11", "2001-09-11", "2001-09-11")]),
        ("The report is due on 9/11/2026.", "en", [("9/11/2026", "2026-09-11", "2026-09-11")]),
        ("Depuis le 11-Septembre, les contrôles ont été renforcés.", "fr",
         [("11-Septembre", "2001-09-11", "2001-09-11")]),
        ("Le conseil se réunit le 11 septembre.", "fr", [("11 septembre", "2024-09-11", "2024-09-11")]),
    ],
)
def test_a_day_that_names_one_event_keeps_its_year(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected
