"""Dates: absolute, ranges, periods, weekdays and relative words resolved to ISO bounds."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract
from claims.extract.dates import resolve_weekday
from tests.helpers import PUBLISHED
from tests.helpers import found_dates as dates


@pytest.mark.parametrize(
    ("text", "span", "first", "last"),
    [
        ("Le conseil s’est réuni le 19 janvier.", "19 janvier", "2025-01-19", "2025-01-19"),
        ("Les ministres se sont vus les 4 et 5 février.", "4 et 5 février", "2025-02-04", "2025-02-05"),
        ("Le salon s’est tenu du 3 au 6 mars.", "3 au 6 mars", "2025-03-03", "2025-03-06"),
        ("Le port a fermé le 1er mars 2024.", "1er mars 2024", "2024-03-01", "2024-03-01"),
        ("La loi date de mars 2021.", "mars 2021", "2021-03-01", "2021-03-31"),
        ("La ville a grandi en 2019.", "2019", "2019-01-01", "2019-12-31"),
        ("Le rapport publié le 2024-11-05 est clair.", "2024-11-05", "2024-11-05", "2024-11-05"),
        ("Il est arrivé mardi après-midi.", "mardi après-midi", "2025-03-11", "2025-03-11"),
        ("Le vote a eu lieu lundi soir.", "lundi soir", "2025-03-10", "2025-03-10"),
        ("Les secours sont intervenus mercredi.", "mercredi", "2025-03-12", "2025-03-12"),
        ("Le magasin devrait rouvrir vendredi.", "vendredi", "2025-03-14", "2025-03-14"),
        ("Il l’a annoncé hier.", "hier", "2025-03-11", "2025-03-11"),
        ("Tout a commencé la veille.", "la veille", "2025-03-11", "2025-03-11"),
        ("Il pleut aujourd’hui.", "aujourd’hui", "2025-03-12", "2025-03-12"),
        ("Il était là la semaine dernière.", "la semaine dernière", "2025-03-03", "2025-03-09"),
        ("Le chantier a débuté en décembre.", "décembre", "2024-12-01", "2024-12-31"),
    ],
)
def test_french_dates(text: str, span: str, first: str, last: str) -> None:
    assert dates(text, "fr")[0] == (span, first, last)


@pytest.mark.parametrize(
    ("text", "span", "first", "last"),
    [
        ("The plant opened on March 2, 2022.", "March 2, 2022", "2022-03-02", "2022-03-02"),
        ("Talks were held Feb. 10-12.", "Feb. 10-12", "2025-02-10", "2025-02-12"),
        ("The vote took place on Tuesday.", "Tuesday", "2025-03-11", "2025-03-11"),
        ("The board will meet on Friday.", "Friday", "2025-03-14", "2025-03-14"),
        ("Crews left Monday morning.", "Monday morning", "2025-03-10", "2025-03-10"),
        ("She resigned last Wednesday.", "last Wednesday", "2025-03-05", "2025-03-05"),
        ("He spoke yesterday.", "yesterday", "2025-03-11", "2025-03-11"),
        ("Sales fell last month.", "last month", "2025-02-01", "2025-02-28"),
        ("The law passed in 2019.", "2019", "2019-01-01", "2019-12-31"),
        ("It was signed 21 July 2017.", "21 July 2017", "2017-07-21", "2017-07-21"),
    ],
)
def test_english_dates(text: str, span: str, first: str, last: str) -> None:
    assert dates(text, "en")[0] == (span, first, last)


def test_future_and_past_in_one_sentence() -> None:
    text = "Le musée, fermé depuis lundi, devrait rouvrir samedi."
    assert [d[0:2] for d in dates(text, "fr")] == [("lundi", "2025-03-10"), ("samedi", "2025-03-15")]


def test_unresolvable_keeps_text_with_null_bounds() -> None:
    assert dates("Il est parti mardi.", "fr", published=None) == [("mardi", "None", "None")]
    assert dates("He left yesterday.", "en", published=None) == [("yesterday", "None", "None")]
    # With a year, no publication date is needed.
    assert dates("Le 5 mai 2020.", "fr", published=None) == [("5 mai 2020", "2020-05-05", "2020-05-05")]


def test_may_the_verb_is_not_a_month() -> None:
    assert dates("Officials may decide later.", "en") == []


def test_resolve_weekday() -> None:
    assert resolve_weekday(PUBLISHED, 2, future=False) == PUBLISHED
    assert resolve_weekday(PUBLISHED, 4, future=False) == date(2025, 3, 7)
    assert resolve_weekday(PUBLISHED, 4, future=True) == date(2025, 3, 14)


@pytest.mark.parametrize(
    ("text", "lang", "span", "first", "last"),
    [
        ("Le chantier finira dans trois mois.", "fr", "dans trois mois", "2025-06-01", "2025-06-30"),
        ("Prices rose in the 1990s.", "en", "1990s", "1990-01-01", "1999-12-31"),
        ("Le cinéma des années 1970 revient.", "fr", "années 1970", "1970-01-01", "1979-12-31"),
        ("Le rapport du 22/04/2016 est clair.", "fr", "22/04/2016", "2016-04-22", "2016-04-22"),
        ("The report of 4/22/2016 is clear.", "en", "4/22/2016", "2016-04-22", "2016-04-22"),
        ("The rate was cut last Wednesday.", "en", "last Wednesday", "2025-03-05", "2025-03-05"),
        ("The season 2009-10 was long.", "en", "2009-10", "2009-01-01", "2010-12-31"),
        ("Les ventes de 2015-03 ont baissé.", "fr", "2015-03", "2015-03-01", "2015-03-31"),
    ],
)
def test_periods_decades_and_numeric_dates(text: str, lang: str, span: str, first: str, last: str) -> None:
    assert dates(text, lang)[0] == (span, first, last)


@pytest.mark.parametrize(
    "text",
    ["Il a mangé 3/4 du gâteau.", "Le taux est de 2.5 points.", "Nearly 2000 soldiers left."],
)
def test_fractions_decimals_and_counts_are_not_dates(text: str) -> None:
    lang = "fr" if " du " in text or " de " in text else "en"
    assert dates(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A round number before people counted is no year; an event after a year is.
        ("The 2000 soldiers returned home.", "en", []),
        ("Les 2000 manifestants ont défilé.", "fr", []),
        ("The 2000 elections were close.", "en", [("2000", "2000-01-01", "2000-12-31")]),
        ("The 2018 floods destroyed the harvest.", "en", [("2018", "2018-01-01", "2018-12-31")]),
        # "in two weeks" is a date only in a future clause; otherwise a duration.
        ("The bridge will open in two weeks.", "en", [("in two weeks", "2025-03-24", "2025-03-30")]),
        ("The bridge was built in two years.", "en", []),
        # "that" and « que » close a clause: the weekday before them keeps the past.
        ("The firm announced on Thursday that it will cut jobs.", "en",
         [("Thursday", "2025-03-06", "2025-03-06")]),
        ("Le ministre a annoncé jeudi qu’il partira.", "fr", [("jeudi", "2025-03-06", "2025-03-06")]),
        # French simple future without a listed marker.
        ("Le procès s’ouvrira le 2 juin.", "fr", [("2 juin", "2025-06-02", "2025-06-02")]),
        ("Le ministre se rendra vendredi à Kyiv.", "fr", [("vendredi", "2025-03-14", "2025-03-14")]),
        ("La caméra a filmé la scène lundi.", "fr", [("lundi", "2025-03-10", "2025-03-10")]),
        ("The talks stalled in mid-March.", "en", [("mid-March", "2025-03-01", "2025-03-31")]),
        ("Between Jan. 1 and March 31, 2024, sales doubled.", "en",
         [("Jan. 1 and March 31, 2024", "2024-01-01", "2024-03-31")]),
        # A holiday is its own day, not the weekday in its name.
        ("Le lundi de Pâques est férié.", "fr", [("lundi de Pâques", "2024-04-01", "2024-04-01")]),
        # (Black Friday is the day after Thanksgiving, not a Friday of its own)
        ("Shops were busy on Black Friday.", "en", [("Black Friday", "2024-11-29", "2024-11-29")]),
    ],
)
def test_patterns_checked_on_new_sentences(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


def test_two_years_joined_by_and_are_two_years() -> None:
    assert dates("Il a été élu en 2017 et 2022.", "fr") == [
        ("2017", "2017-01-01", "2017-12-31"),
        ("2022", "2022-01-01", "2022-12-31"),
    ]
    assert dates("Prices rose between 2019 and 2021.", "en") == [
        ("2019 and 2021", "2019-01-01", "2021-12-31")
    ]
    assert dates("The 2019 to 2021 period was hard.", "en") == [("2019 to 2021", "2019-01-01", "2021-12-31")]


def test_quarters_and_halves() -> None:
    assert dates("Sales will rise next quarter.", "en") == [("next quarter", "2025-04-01", "2025-06-30")]
    assert dates("The first quarter will be hard.", "en") == [("first quarter", "2025-01-01", "2025-03-31")]
    assert dates("The 2019 Q1 figures were revised.", "en") == [("2019 Q1", "2019-01-01", "2019-03-31")]
    assert dates("A quarter of the wells ran dry.", "en") == []
    assert dates("Third-quarter profit beat forecasts.", "en") == [
        ("Third-quarter", "2024-07-01", "2024-09-30")
    ]
    assert dates("Les ventes ont chuté au troisième trimestre.", "fr") == [
        ("troisième trimestre", "2024-07-01", "2024-09-30")
    ]


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("Prices rose this summer.", "en", "this summer"),
        ("The credit ends at the end of the year.", "en", "the end of the year"),
        ("Protesters gathered over the weekend.", "en", "the weekend"),
        ("La piscine ouvrira cet été.", "fr", "cet été"),
        ("Les comptes seront publiés en fin d’année.", "fr", "fin d’année"),
        ("Les soldes ont débuté ce week-end.", "fr", "ce week-end"),
    ],
)
def test_periods_named_from_publication_need_it(text: str, lang: str, span: str) -> None:
    assert dates(text, lang, published=None) == [(span, "None", "None")]


@pytest.mark.parametrize(
    ("text", "lang", "first", "last"),
    [
        ("Exports grew in the summer of 2022.", "en", "2022-06-01", "2022-08-31"),
        ("Le pont date du XIXe siècle.", "fr", "1800-01-01", "1899-12-31"),
        ("He grew up in the '90s.", "en", "1990-01-01", "1999-12-31"),
        ("Elle a grandi dans les années quatre-vingt-dix.", "fr", "1990-01-01", "1999-12-31"),
    ],
)
def test_named_periods_resolve_without_publication(text: str, lang: str, first: str, last: str) -> None:
    assert [d[1:] for d in dates(text, lang, published=None)] == [(first, last)]


@pytest.mark.parametrize(
    ("published", "text", "first"),
    [
        (date(2025, 3, 15), "Shops were busy this weekend.", "2025-03-15"),  # a Saturday: this one
        (date(2025, 3, 16), "The fair will close this weekend.", "2025-03-15"),  # a Sunday: still this one
        (date(2025, 3, 15), "Shops were busy last weekend.", "2025-03-08"),
        (date(2025, 3, 15), "The fair opens next weekend.", "2025-03-22"),
        (date(2025, 12, 10), "Snow is expected this winter.", "2025-12-01"),
        (date(2025, 10, 10), "The winter will be mild this winter, forecasters expect.", "2025-12-01"),
        (date(2025, 10, 10), "Crops failed last summer.", "2025-06-01"),
    ],
)
def test_weekends_and_seasons_around_publication(published: date, text: str, first: str) -> None:
    assert dates(text, "en", published)[0][1] == first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court will rule on may 6.", [("may 6", "2025-05-06", "2025-05-06")]),
        ("She was sworn in 4 may 2019 in Dover.", [("4 may 2019", "2019-05-04", "2019-05-04")]),
        ("The depot closed in march 2021.", [("march 2021", "2021-03-01", "2021-03-31")]),
        ("The levy rose on 2 feb and again in october.",
         [("2 feb", "2025-02-02", "2025-02-02"), ("october", "2024-10-01", "2024-10-31")]),
        ("Talks resume on sept. 9, 2024, in Oslo.", [("sept. 9, 2024", "2024-09-09", "2024-09-09")]),
        # The verbs stay verbs, beside a number too; "august" alone is an adjective.
        ("Rates may 3 times fall this year.", [("this year", "2025-01-01", "2025-12-31")]),
        ("Of the nine bidders, 4 may drop out.", []),
        ("Protesters march 12 miles to the capital.", []),
        ("Costs may rise in spring.", []),
        ("It is an august body of judges.", []),
    ],
)
def test_lowercase_english_month_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The depot was shut from 4 August to 19 August.", "en",
         [("4 August to 19 August", "2024-08-04", "2024-08-19")]),
        ("She chaired the board from 20 May to 2 July 2018.", "en",
         [("20 May to 2 July 2018", "2018-05-20", "2018-07-02")]),
        ("The fair will run from 6 to 9 June.", "en", [("6 to 9 June", "2025-06-06", "2025-06-09")]),
        ("Voting ran 11 through 14 of February.", "en",
         [("11 through 14 of February", "2025-02-11", "2025-02-14")]),
        ("Roads were closed Jan. 8 until Jan. 11.", "en",
         [("Jan. 8 until Jan. 11", "2025-01-08", "2025-01-11")]),
        ("Le salon se tiendra du 6 jusqu’au 9 juin.", "fr",
         [("6 jusqu’au 9 juin", "2025-06-06", "2025-06-09")]),
        # Two days listed with their months stay two days, each with its own span.
        ("Strikes hit on 5 February, 20 February and 1 March.", "en",
         [("5 February", "2025-02-05", "2025-02-05"), ("20 February", "2025-02-20", "2025-02-20"),
          ("1 March", "2025-03-01", "2025-03-01")]),
        # Numbers with a unit between them are no range of days.
        ("Turnout went from 3 to 5 percent in May.", "en", [("May", "2024-05-01", "2024-05-31")]),
    ],
)
def test_ranges_of_days_day_first(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Weeks are Monday to Sunday, counted by their Thursday (the ISO rule).
        ("Floods hit in the first week of February.", "en",
         [("first week of February", "2025-02-03", "2025-02-09")]),
        ("Turnout fell in the last week of November 2020.", "en",
         [("last week of November 2020", "2020-11-23", "2020-11-29")]),
        ("Exports grew 4% in the first eight months of 2023.", "en",
         [("first eight months of 2023", "2023-01-01", "2023-08-31")]),
        ("Orders slowed in the last two weeks of 2024.", "en",
         [("last two weeks of 2024", "2024-12-16", "2024-12-29")]),
        ("Prices rose in the first ten days of January.", "en",
         [("first ten days of January", "2025-01-01", "2025-01-10")]),
        ("Sales doubled in the first three months of the year.", "en",
         [("first three months of the year", "2025-01-01", "2025-03-31")]),
        ("Le chômage a reculé sur les sept premiers mois de 2022.", "fr",
         [("sept premiers mois de 2022", "2022-01-01", "2022-07-31")]),
        ("Les pluies ont cessé la deuxième semaine de janvier.", "fr",
         [("deuxième semaine de janvier", "2025-01-06", "2025-01-12")]),
        ("Le site ferme la seconde quinzaine d’août.", "fr",
         [("seconde quinzaine d’août", "2024-08-16", "2024-08-31")]),
        ("Les ventes ont chuté durant les deux derniers mois de l’année dernière.", "fr",
         [("deux derniers mois de l’année dernière", "2024-11-01", "2024-12-31")]),
        # No definite part: the whole month or year stays.
        ("The first weeks of 2021 were hard.", "en", [("2021", "2021-01-01", "2021-12-31")]),
        ("Les premiers jours de janvier ont été froids.", "fr", [("janvier", "2025-01-01", "2025-01-31")]),
    ],
)
def test_parts_of_a_month_or_year(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


def test_month_after_an_elided_de() -> None:
    assert dates("Le mois d’août a été sec.", "fr") == [("août", "2024-08-01", "2024-08-31")]
    assert dates("Il est rentré fin d'octobre.", "fr") == [("fin d'octobre", "2024-10-01", "2024-10-31")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The mayor resigned on Tuesday of last week.", "en",
         [("Tuesday of last week", "2025-03-04", "2025-03-04")]),
        ("The jury will meet Monday next week.", "en", [("Monday next week", "2025-03-17", "2025-03-17")]),
        ("Crews left on Saturday morning last week.", "en",
         [("Saturday morning last week", "2025-03-08", "2025-03-08")]),
        ("Le maire a démissionné mardi de la semaine dernière.", "fr",
         [("mardi de la semaine dernière", "2025-03-04", "2025-03-04")]),
        ("Le jury se réunira lundi de la semaine prochaine.", "fr",
         [("lundi de la semaine prochaine", "2025-03-17", "2025-03-17")]),
        # A weekday with its own modifier keeps it; the week after it is a date of its own.
        ("He quit last Friday, and she quit last week.", "en",
         [("last Friday", "2025-03-07", "2025-03-07"), ("last week", "2025-03-03", "2025-03-09")]),
    ],
)
def test_weekday_of_a_named_week(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The strike began on tuesday.", "en", [("tuesday", "2025-03-11", "2025-03-11")]),
        ("Polls close on Thursday, 3/13.", "en", [("Thursday, 3/13", "2025-03-13", "2025-03-13")]),
        # The weekday picks the year: 3/14/2025 is a Friday, two days after publication.
        ("The ballot is on friday 3/14.", "en", [("friday 3/14", "2025-03-14", "2025-03-14")]),
        ("Le match s’est joué samedi 08/03.", "fr", [("samedi 08/03", "2025-03-08", "2025-03-08")]),
        # A fraction after a weekday stays a fraction.
        ("Mardi 2/3 des salariés étaient en grève.", "fr", [("Mardi", "2025-03-11", "2025-03-11")]),
    ],
)
def test_lowercase_weekdays_and_weekday_before_a_numeric_date(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The levy took effect on Feb. 29.", [("Feb. 29", "2024-02-29", "2024-02-29")]),
        ("The levy will take effect on Feb. 29.", [("Feb. 29", "2028-02-29", "2028-02-29")]),
        ("The form is due on 31 April.", []),
    ],
)
def test_the_29th_of_february_is_in_a_leap_year(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("She paid $14 December 3 for the ticket.", "en", [("December 3", "2024-12-03", "2024-12-03")]),
        ("Le billet coûtait € 9 mars compris.", "fr", []),
        ("He paid £5 on 5 May.", "en", [("5 May", "2024-05-05", "2024-05-05")]),
    ],
)
def test_an_amount_of_money_is_no_day(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Margins widened in H2 2024.", "en", [("H2 2024", "2024-07-01", "2024-12-31")]),
        ("The 2023-H1 results were restated.", "en", [("2023-H1", "2023-01-01", "2023-06-30")]),
        ("Les ventes du S1 2024 ont reculé.", "fr", [("S1 2024", "2024-01-01", "2024-06-30")]),
        # A code with no year is no half.
        ("Hospitals tracked H1 cases in 2024.", "en", [("2024", "2024-01-01", "2024-12-31")]),
    ],
)
def test_half_years_in_code(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Les débats ont eu lieu les 2, 9 et 16 février.", "fr",
         [("2", "2025-02-02", "2025-02-02"), ("9", "2025-02-09", "2025-02-09"),
          ("16 février", "2025-02-16", "2025-02-16")]),
        ("Le festival aura lieu les 4, 5 et 6 juillet.", "fr",
         [("4, 5 et 6 juillet", "2025-07-04", "2025-07-06")]),
        ("Rallies were held Feb. 2, 9 and 16.", "en",
         [("Feb. 2", "2025-02-02", "2025-02-02"), ("9", "2025-02-09", "2025-02-09"),
          ("16", "2025-02-16", "2025-02-16")]),
        ("Talks ran on 7, 8 and 9 January 2024.", "en",
         [("7, 8 and 9 January 2024", "2024-01-07", "2024-01-09")]),
    ],
)
def test_lists_of_days_in_one_month(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The nearest month, back from publication, in which the 4th is a Tuesday: March 2025.
        ("Le conseil s’est réuni mardi 4, en urgence.", "fr", [("mardi 4", "2025-03-04", "2025-03-04")]),
        ("La foire ouvrira jeudi 27 à Nantes.", "fr", [("jeudi 27", "2025-03-27", "2025-03-27")]),
        # Sunday the 29th: back in December 2024.
        ("The ferry sank on Sunday 29th.", "en", [("Sunday 29th", "2024-12-29", "2024-12-29")]),
        # A count after a weekday stays a count.
        ("On Monday 40 workers walked out.", "en", [("Monday", "2025-03-10", "2025-03-10")]),
        ("Samedi 12 blessés ont été soignés.", "fr", [("Samedi", "2025-03-08", "2025-03-08")]),
    ],
)
def test_weekday_with_a_day_and_no_month(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Fares rose in mid-June 2023.", "en", [("mid-June 2023", "2023-06-01", "2023-06-30")]),
        ("Les tarifs ont augmenté à la mi-juin 2023.", "fr", [("mi-juin 2023", "2023-06-01", "2023-06-30")]),
    ],
)
def test_part_of_a_month_with_its_year_after_a_hyphen(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # With no date before it, "earlier" counts back from publication, as "ago" does.
        ("Exports were down from a year earlier.", "en", [("a year earlier", "2024-01-01", "2024-12-31")]),
        ("Le chômage a reculé par rapport à trois mois plus tôt.", "fr",
         [("trois mois plus tôt", "2024-12-01", "2024-12-31")]),
        # After a date, from that date; "later" with none stays null.
        ("In 2019 he won; two years earlier he had lost.", "en",
         [("2019", "2019-01-01", "2019-12-31"), ("two years earlier", "2017-01-01", "2017-12-31")]),
        ("He came back two years later.", "en", [("two years later", "None", "None")]),
    ],
)
def test_earlier_without_a_date_before_it(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Margins improved on the prior quarter.", "en", [("prior quarter", "2024-10-01", "2024-12-31")]),
        ("Output fell short of the prior year.", "en", [("the prior year", "2024-01-01", "2024-12-31")]),
        ("In 2021 output fell short of the previous year.", "en",
         [("2021", "2021-01-01", "2021-12-31"), ("the previous year", "2020-01-01", "2020-12-31")]),
        ("La production avait reculé le mois précédent.", "fr",
         [("le mois précédent", "2025-02-01", "2025-02-28")]),
        ("Output recovered the following year.", "en", [("the following year", "None", "None")]),
    ],
)
def test_previous_periods_without_a_date_before_them(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le record pour un mois de juillet est tombé.", []),
        ("Chaque mois d’avril, le lac déborde.", []),
        ("Le lac a débordé au mois d’avril.", [("avril", "2024-04-01", "2024-04-30")]),
    ],
)
def test_any_such_month_is_no_date(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The club was relegated in '97.", "en", [("'97", "1997-01-01", "1997-12-31")]),
        ("She has coached since ’08.", "en", [("’08", "2008-01-01", "2008-12-31")]),
        ("Le club est descendu en ’97.", "fr", [("’97", "1997-01-01", "1997-12-31")]),
        # Two digits in quotes are no year.
        ("The scoreboard read '97' at the break.", "en", []),
    ],
)
def test_two_digit_years_after_an_apostrophe(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Les fouilles ont eu lieu fin janvier-début février.", "fr",
         [("janvier-début février", "2025-01-01", "2025-02-28")]),
        ("Le musée a fermé de mi-octobre à fin novembre.", "fr",
         [("mi-octobre à fin novembre", "2024-10-01", "2024-11-30")]),
        ("The port was closed from mid-October to late November.", "en",
         [("mid-October to late November", "2024-10-01", "2024-11-30")]),
    ],
)
def test_month_ranges_with_parts_of_months(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Imports were lower than the year before.", "en", [("the year before", "2024-01-01", "2024-12-31")]),
        ("In 2016 rents rose; the year before, they fell.", "en",
         [("2016", "2016-01-01", "2016-12-31"), ("the year before", "2015-01-01", "2015-12-31")]),
        ("Les loyers ont moins augmenté que l’année d’avant.", "fr",
         [("l’année d’avant", "2024-01-01", "2024-12-31")]),
        # Before an event, no date: "the week before the vote".
        ("He resigned the week before the vote.", "en", []),
    ],
)
def test_the_year_before(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Fares Rose Sharply Last Month", "en", [("Last Month", "2025-02-01", "2025-02-28")]),
        ("Les Loyers Baisseront L’an Prochain", "fr", [("L’an Prochain", "2026-01-01", "2026-12-31")]),
        ("This past week, crews cleared the road.", "en", [("This past week", "2025-03-03", "2025-03-09")]),
        # "the past week" is a duration, no date.
        ("Crews worked hard over the past week.", "en", []),
    ],
)
def test_headline_case_and_this_past_week(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voting ran Dec. 28, 2023-Jan. 3, 2024.",
         [("Dec. 28, 2023-Jan. 3, 2024", "2023-12-28", "2024-01-03")]),
        ("He served from Jan. 20, 2017, to Jan. 20, 2021.",
         [("Jan. 20, 2017, to Jan. 20, 2021", "2017-01-20", "2021-01-20")]),
        ("Fires broke out on June 2, 2019 and June 9, 2020.",
         [("June 2, 2019", "2019-06-02", "2019-06-02"), ("June 9, 2020", "2020-06-09", "2020-06-09")]),
    ],
)
def test_ranges_of_days_across_years_month_first(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Published on a Wednesday: the last Thursday was a week ago, so the Monday before it.
        ("The blockade lasted from Monday to Thursday.", "en",
         [("Monday to Thursday", "2025-03-03", "2025-03-06")]),
        ("The envoy will stay from Friday through Sunday.", "en",
         [("Friday through Sunday", "2025-03-14", "2025-03-16")]),
        ("Le blocage a duré du lundi au mardi.", "fr", [("lundi au mardi", "2025-03-10", "2025-03-11")]),
        ("L’émissaire restera de vendredi à dimanche.", "fr",
         [("vendredi à dimanche", "2025-03-14", "2025-03-16")]),
    ],
)
def test_ranges_of_weekdays(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


JUNE = date(2025, 6, 18)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Weekends counted by their Saturday: the first one of June 2025 is the 7th and 8th.
        ("Crowds came on the first weekend of June.", "en",
         [("first weekend of June", "2025-06-07", "2025-06-08")]),
        ("Le dernier week-end de mai a été pluvieux.", "fr",
         [("dernier week-end de mai", "2025-05-31", "2025-06-01")]),
        # A weekday and a date that agree a few days after publication: that day.
        ("The hearing was moved to Monday, June 23.", "en",
         [("Monday, June 23", "2025-06-23", "2025-06-23")]),
        ("Talks ran from Tuesday until Thursday last week.", "en",
         [("Tuesday until Thursday last week", "2025-06-10", "2025-06-12")]),
        # « attendues », a future: the second half of July ahead.
        ("Les averses sont attendues la deuxième quinzaine de juillet.", "fr",
         [("deuxième quinzaine de juillet", "2025-07-16", "2025-07-31")]),
    ],
)
def test_weekends_weekday_dates_ahead_and_weekday_ranges_of_a_week(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang, published=JUNE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Reported future: the Friday after publication (a Wednesday).
        ("The union said on Monday that drivers would walk out on Friday.",
         [("Monday", "2025-03-10", "2025-03-10"), ("Friday", "2025-03-14", "2025-03-14")]),
        # "would have" is no future.
        ("Output would have fallen on Friday without the subsidy.", [("Friday", "2025-03-07", "2025-03-07")]),
    ],
)
def test_reported_future_with_would(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "en") == expected


def test_would_is_no_future_marker_of_the_claim() -> None:
    from claims.extract.dates import is_future

    text = "The union said drivers would walk out."
    assert not is_future(text, 0, len(text), "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council met a fortnight ago.", [("a fortnight ago", "2025-02-24", "2025-03-02")]),
        ("The mine will reopen in a fortnight.", [("in a fortnight", "2025-03-24", "2025-03-30")]),
        ("The strike has lasted a fortnight.", []),
    ],
)
def test_a_fortnight_is_two_weeks(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "en") == expected


def test_a_weekday_range_running_over_a_weekend_before_a_named_week() -> None:
    # Thursday to Tuesday wraps past Sunday: one span of its own, the week a date of its own.
    assert dates("Talks ran from Thursday until Tuesday last week.", "en") == [
        ("Thursday until Tuesday", "2025-03-06", "2025-03-11"),
        ("last week", "2025-03-03", "2025-03-09"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("It rained on Friday of next week.", "en"),
        ("Talks ran from Monday to Friday next week.", "en"),
        ("La réunion aura lieu la semaine du 31 décembre.", "fr"),
    ],
)
def test_weeks_past_the_last_calendar_day_have_null_bounds(text: str, lang: str) -> None:
    found = dates(text, lang, published=date(9999, 12, 30))
    assert found and all(first == last == "None" for _, first, last in found)


@pytest.mark.parametrize(
    ("text", "dates", "quantity"),
    [
        ("Le bilan fait état de sept morts et de douze blessés.", [], (7.0, "morts")),
        ("Sept personnes ont été blessées dans l’accident.", [], (7.0, "personnes")),
        ("La réunion est prévue le 3 sept. à Lyon.", [("2025-09-03", "2025-09-03")], None),
        ("Il a été élu le 12 sept 2021 à la tête du syndicat.",
         [("2021-09-12", "2021-09-12")], None),
        ("Le chantier reprendra en sept. 2025, selon la mairie.",
         [("2025-09-01", "2025-09-30")], None),
    ],
)
def test_sept_is_seven_unless_a_day_a_year_or_its_period_make_it_september(
    text: str, dates: list[tuple[str, str]], quantity: tuple[float, str] | None
) -> None:
    [claim] = extract(text, lang="fr", published=date(2025, 3, 4))
    assert [(d.from_.isoformat(), d.to.isoformat()) for d in claim.dates if d.from_ and d.to] \
        == dates
    if quantity is not None:
        assert (claim.quantities[0].value, claim.quantities[0].unit) == quantity


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A month ahead, in a clause with no future marker: this year's, not one of 2014.
        ("Le procès doit durer jusqu’au vendredi 5 décembre.", "fr", ("2025-12-05", "2025-12-05")),
        ("The hearing runs until Friday, Dec. 5.", "en", ("2025-12-05", "2025-12-05")),
        # Nothing within half a year agrees: the most recent year that does.
        ("Le sommet s’est tenu le lundi 3 juin.", "fr", ("2024-06-03", "2024-06-03")),
    ],
)
def test_a_weekday_and_day_agreeing_within_half_a_year_ahead_is_that_day(
    text: str, lang: str, expected: tuple[str, str]
) -> None:
    assert [(f, t) for _, f, t in dates(text, lang, published=date(2025, 11, 6))] == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "published", "expected"),
    [
        # « cet hiver » in November is the coming winter; "this winter" in March the one over.
        ("La facture pourrait grimper cet hiver.", "fr", date(2025, 11, 6), ("2025-12-01", "2026-02-28")),
        ("Heating bills soared this winter.", "en", date(2026, 3, 19), ("2025-12-01", "2026-02-28")),
        ("Les jardins ont souffert cet été.", "fr", date(2025, 11, 6), ("2025-06-01", "2025-08-31")),
        # A clause about the future takes the next one, however near the last one is.
        ("Il fera froid cet été.", "fr", date(2025, 11, 6), ("2026-06-01", "2026-08-31")),
        ("We will ski this winter.", "en", date(2026, 3, 19), ("2026-12-01", "2027-02-28")),
        ("The market is quiet this summer.", "en", date(2026, 7, 2), ("2026-06-01", "2026-08-31")),
    ],
)
def test_this_season_is_the_one_under_way_or_the_nearer_one(
    text: str, lang: str, published: date, expected: tuple[str, str]
) -> None:
    assert [(f, t) for _, f, t in dates(text, lang, published=published)] == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The trial will resume in the fall.", "en", [("2026-09-01", "2026-11-30")]),
        ("Lawyers asked the court last week to move the trial to the fall.", "en",
         [("2026-03-09", "2026-03-15"), ("2026-09-01", "2026-11-30")]),
        ("Le texte sera adopté avant l’été.", "fr", [("2026-06-01", "2026-08-31")]),
        ("Le gouvernement table sur une adoption avant l’hiver.", "fr", [("2026-12-01", "2027-02-28")]),
        # Told of the past, the last one; with no article, a season alone is no date.
        ("The summer was hot.", "en", [("2025-06-01", "2025-08-31")]),
        ("L’été fut chaud.", "fr", [("2025-06-01", "2025-08-31")]),
        ("Prices will fall in summer.", "en", []),
        ("Il a été élu.", "fr", []),
    ],
)
def test_a_season_with_its_article_in_a_clause_about_the_future_is_the_next_one(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert [(f, t) for _, f, t in dates(text, lang, published=date(2026, 3, 19))] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Sur l’ensemble de l’année, le marché devrait reculer de 3 %.", "fr", ("2025-01-01", "2025-12-31")),
        ("Tout au long de l’année, les prix ont monté.", "fr", ("2025-01-01", "2025-12-31")),
        ("Over the whole of the year, prices rose.", "en", ("2025-01-01", "2025-12-31")),
        ("Over the course of the month, prices rose.", "en", ("2025-11-01", "2025-11-30")),
    ],
)
def test_the_whole_of_a_period_named_from_publication_is_that_period(
    text: str, lang: str, expected: tuple[str, str]
) -> None:
    assert [(f, t) for _, f, t in dates(text, lang, published=date(2025, 11, 6))] == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A relative year right after a day or a month without one: that day of that year.
        ("Tax returns are due by April 15 next year.", "en",
         [("April 15 next year", "2027-04-15", "2027-04-15")]),
        ("He was arrested on March 3 last year.", "en", [("March 3 last year", "2025-03-03", "2025-03-03")]),
        ("Il a été arrêté le 3 mars l’an dernier.", "fr",
         [("3 mars l’an dernier", "2025-03-03", "2025-03-03")]),
        ("Le vote aura lieu en juin l’année prochaine.", "fr",
         [("juin l’année prochaine", "2027-06-01", "2027-06-30")]),
        ("Prices rose in February last year.", "en", [("February last year", "2025-02-01", "2025-02-28")]),
        # ... not across a comma, nor a day that has its year.
        ("He left on May 2, next year he returns.", "en",
         [("May 2", "2026-05-02", "2026-05-02"), ("next year", "2027-01-01", "2027-12-31")]),
        ("The talks of March 2024 last year.", "en",
         [("March 2024", "2024-03-01", "2024-03-31"), ("last year", "2025-01-01", "2025-12-31")]),
    ],
)
def test_a_relative_year_after_a_day_or_month_gives_it_its_year(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang, published=date(2026, 5, 7)) == expected
