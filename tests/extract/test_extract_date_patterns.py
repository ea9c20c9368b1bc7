"""Dates news writes that TIMEX3 annotation counts: reported future, weekdays with a day near
publication, fiscal years, days and years in words, offsets from a date, ranges to now, sets."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract
from tests.helpers import PUBLISHED
from tests.helpers import found_dates as dates


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The conditional of reported speech looks ahead from the statement.
        ("Le maire a annoncé qu'il se rendrait à Lyon vendredi.", "fr",
         [("vendredi", "2025-03-14", "2025-03-14")]),
        ("La ministre a précisé que le projet serait présenté jeudi.", "fr",
         [("jeudi", "2025-03-13", "2025-03-13")]),
        ("Il a assuré que la taxe entrerait en vigueur en juin.", "fr",
         [("juin", "2025-06-01", "2025-06-30")]),
        ("Le syndicat a indiqué que la réunion aurait lieu lundi.", "fr",
         [("lundi", "2025-03-17", "2025-03-17")]),
        # ... but a compound past in the conditional reports a past ("allegedly died").
        ("Selon la police, le suspect serait mort dimanche.", "fr",
         [("dimanche", "2025-03-09", "2025-03-09")]),
        ("L'otage aurait été libéré mardi.", "fr", [("mardi", "2025-03-11", "2025-03-11")]),
        ("Le portrait exposé lundi a été volé.", "fr", [("lundi", "2025-03-10", "2025-03-10")]),
        # A date before the reported future keeps the statement's past.
        ("The mayor said on Tuesday the bridge would reopen on Friday.", "en",
         [("Tuesday", "2025-03-11", "2025-03-11"), ("Friday", "2025-03-14", "2025-03-14")]),
        ("Le préfet a dit lundi que la route rouvrirait samedi.", "fr",
         [("lundi", "2025-03-10", "2025-03-10"), ("samedi", "2025-03-15", "2025-03-15")]),
    ],
)
def test_reported_future_in_both_languages(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The present of a schedule looks ahead: what opens, begins, resumes or ends.
        ("The pool opens in June.", "en", [("June", "2025-06-01", "2025-06-30")]),
        ("Talks begin on Monday in Geneva.", "en", [("Monday", "2025-03-17", "2025-03-17")]),
        ("The season starts in January and ends in May.", "en",
         [("January", "2026-01-01", "2026-01-31"), ("May", "2025-05-01", "2025-05-31")]),
        ("The minister is to visit Paris in May.", "en", [("May", "2025-05-01", "2025-05-31")]),
        # ... not its past, nor a present that is no schedule.
        ("The pool opened in June.", "en", [("June", "2024-06-01", "2024-06-30")]),
        ("Sales rose in June.", "en", [("June", "2024-06-01", "2024-06-30")]),
        ("The store, which opens at nine, was robbed on Tuesday.", "en",
         [("Tuesday", "2025-03-11", "2025-03-11")]),
    ],
)
def test_the_present_of_a_schedule_looks_ahead(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The 4th of March 2025 was a Tuesday, a week before publication: that day, even in a
        # future clause, not the next year in which the 4th is a Tuesday (2031).
        ("Le conseil se réunira le mardi 4 mars.", "fr", [("mardi 4 mars", "2025-03-04", "2025-03-04")]),
        ("The board will meet on Tuesday, March 4.", "en",
         [("Tuesday, March 4", "2025-03-04", "2025-03-04")]),
        # Ahead of publication, the next agreeing day stays.
        ("Le vote aura lieu le jeudi 20 mars.", "fr", [("jeudi 20 mars", "2025-03-20", "2025-03-20")]),
    ],
)
def test_weekday_with_day_takes_the_agreeing_year_nearest_publication(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Profits rose 8% in fiscal 2024.", "en", [("fiscal 2024", "2024-01-01", "2024-12-31")]),
        ("Revenue for FY2023 was flat.", "en", [("FY2023", "2023-01-01", "2023-12-31")]),
        ("The group expects losses in FY26.", "en", [("FY26", "2026-01-01", "2026-12-31")]),
        ("Spending for fiscal year 2022 was cut.", "en", [("fiscal year 2022", "2022-01-01", "2022-12-31")]),
        ("Le résultat de l'exercice 2023 est en baisse.", "fr",
         [("exercice 2023", "2023-01-01", "2023-12-31")]),
        ("Les comptes de l'exercice 2022-2023 ont été validés.", "fr",
         [("exercice 2022-2023", "2022-01-01", "2023-12-31")]),
    ],
)
def test_fiscal_years_are_the_year_named(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Parliament opened on the fifth of November.", "en",
         [("the fifth of November", "2024-11-05", "2024-11-05")]),
        ("The treaty was signed on the first of June, 2019.", "en",
         [("the first of June, 2019", "2019-06-01", "2019-06-01")]),
        ("The fair closes on April twenty-second.", "en",
         [("April twenty-second", "2024-04-22", "2024-04-22")]),
        ("On March first in Paris, it rained.", "en", [("March first", "2025-03-01", "2025-03-01")]),
        ("The vote will be held on June the 3rd.", "en", [("June the 3rd", "2025-06-03", "2025-06-03")]),
        ("La loi est entrée en vigueur le premier mars.", "fr",
         [("premier mars", "2025-03-01", "2025-03-01")]),
        ("Le traité a été signé le premier juin 2019.", "fr",
         [("premier juin 2019", "2019-06-01", "2019-06-01")]),
        ("Il est né le vingt-cinq décembre 1950.", "fr",
         [("vingt-cinq décembre 1950", "1950-12-25", "1950-12-25")]),
        ("Le sommet s'ouvrira le trente et un mai.", "fr",
         [("trente et un mai", "2025-05-31", "2025-05-31")]),
        # Ordinals and number words that are no day.
        ("Voters in the May second round chose her.", "en", []),
        ("It was the first of many.", "en", []),
        ("Le Premier ministre a parlé mardi.", "fr", [("mardi", "2025-03-11", "2025-03-11")]),
    ],
)
def test_days_in_words(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The plant closed in two thousand and nine.", "en",
         [("two thousand and nine", "2009-01-01", "2009-12-31")]),
        ("Since nineteen ninety-six, the town has grown.", "en",
         [("nineteen ninety-six", "1996-01-01", "1996-12-31")]),
        ("The mill opened in nineteen oh five.", "en", [("nineteen oh five", "1905-01-01", "1905-12-31")]),
        ("The fire of October two thousand and five was the worst.", "en",
         [("October two thousand and five", "2005-10-01", "2005-10-31")]),
        ("On the third of May two thousand and one, she left.", "en",
         [("the third of May two thousand and one", "2001-05-03", "2001-05-03")]),
        ("L'usine a fermé en deux mille neuf.", "fr", [("deux mille neuf", "2009-01-01", "2009-12-31")]),
        ("Elle est née en mil neuf cent soixante-douze.", "fr",
         [("mil neuf cent soixante-douze", "1972-01-01", "1972-12-31")]),
        ("Le pont a été inauguré en mars deux mille dix.", "fr",
         [("mars deux mille dix", "2010-03-01", "2010-03-31")]),
        # Counts in words are no years.
        ("In two thousand cases, the police came.", "en", []),
        ("In nineteen twenty-five cases were reported.", "en", []),
        ("En deux mille exemplaires, le livre est rare.", "fr", []),
        ("Il y avait deux mille manifestants en mai.", "fr", [("mai", "2024-05-01", "2024-05-31")]),
    ],
)
def test_years_in_words(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The offset is a date of its own; the date it counts from stays one too.
        ("Voting closes two days after March 3.", "en",
         [("two days after", "2025-03-05", "2025-03-05"), ("March 3", "2025-03-03", "2025-03-03")]),
        ("The deal was struck three weeks before Christmas.", "en",
         [("three weeks before", "2024-12-04", "2024-12-04"), ("Christmas", "2024-12-25", "2024-12-25")]),
        ("The strike began the day after Jan. 9.", "en",
         [("the day after", "2025-01-10", "2025-01-10"), ("Jan. 9", "2025-01-09", "2025-01-09")]),
        ("The mine reopened six months after March 2021.", "en",
         [("six months after", "2021-09-01", "2021-09-30"), ("March 2021", "2021-03-01", "2021-03-31")]),
        ("She returned two years after 2019.", "en",
         [("two years after", "2021-01-01", "2021-12-31"), ("2019", "2019-01-01", "2019-12-31")]),
        ("Le scrutin est prévu trois jours après le 5 mai.", "fr",
         [("trois jours après", "2025-05-08", "2025-05-08"), ("5 mai", "2025-05-05", "2025-05-05")]),
        ("L'accord a été conclu deux semaines avant Noël.", "fr",
         [("deux semaines avant", "2024-12-11", "2024-12-11"), ("Noël", "2024-12-25", "2024-12-25")]),
        ("Il a été libéré la veille du 14 juillet.", "fr",
         [("la veille", "2024-07-13", "2024-07-13"), ("14 juillet", "2024-07-14", "2024-07-14")]),
        ("Le texte a été voté le lendemain du 3 février.", "fr",
         [("le lendemain", "2025-02-04", "2025-02-04"), ("3 février", "2025-02-03", "2025-02-03")]),
        # A unit that does not fit the date moves nothing.
        ("It rained for two days after 2019.", "en", [("2019", "2019-01-01", "2019-12-31")]),
    ],
)
def test_offsets_from_a_date(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "between now and" looks ahead whatever the verb; the two ends stay apart, as TIMEX3
        # ("now" is a reference to the present, with no calendar value).
        ("Let's meet between now and May 21.", "en",
         [("now", "None", "None"), ("May 21", "2025-05-21", "2025-05-21")]),
        ("The plan runs from now until June 30.", "en",
         [("now", "None", "None"), ("June 30", "2025-06-30", "2025-06-30")]),
        ("Le plan court entre aujourd'hui et le 30 juin.", "fr",
         [("aujourd'hui", "2025-03-12", "2025-03-12"), ("30 juin", "2025-06-30", "2025-06-30")]),
        ("Les inscriptions sont ouvertes d'ici au 2 février.", "fr",
         [("2 février", "2026-02-02", "2026-02-02")]),
    ],
)
def test_between_now_and_a_date_is_ahead(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Protests took place every Monday.", "en", [("every Monday", "None", "None")]),
        ("The market opens each Saturday morning.", "en", [("each Saturday morning", "None", "None")]),
        ("Le marché se tient chaque samedi.", "fr", [("chaque samedi", "None", "None")]),
        # A weekday named once keeps its day.
        ("Le marché s'est tenu samedi.", "fr", [("samedi", "2025-03-08", "2025-03-08")]),
    ],
)
def test_a_set_of_weekdays_is_no_single_day(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A season with its article alone is the nearest one by the clause's tense.
        ("Crops failed in the summer, officials said.", "en", [("the summer", "2024-06-01", "2024-08-31")]),
        ("The works will resume in the autumn.", "en", [("the autumn", "2025-09-01", "2025-11-30")]),
        ("Les travaux reprendront à l'automne.", "fr", [("l'automne", "2025-09-01", "2025-11-30")]),
        ("La récolte a été mauvaise l'été.", "fr", [("l'été", "2024-06-01", "2024-08-31")]),
        ("Il a neigé en hiver et au printemps.", "fr",
         [("hiver", "2024-12-01", "2025-02-28"), ("printemps", "2025-03-01", "2025-05-31")]),
        # Names, common words and seasons as modifiers are no dates.
        ("The fall in prices hurt exporters.", "en", []),
        ("Sales of the spring collection rose.", "en", []),
        ("The Arab Spring began in 2010.", "en", [("2010", "2010-01-01", "2010-12-31")]),
        ("Le printemps arabe a commencé en 2010.", "fr", [("2010", "2010-01-01", "2010-12-31")]),
        ("Le Printemps a ouvert un magasin.", "fr", []),
        ("Le projet a été adopté.", "fr", []),
    ],
)
def test_seasons_with_their_article_alone(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The plant will close at the end of the quarter.", "en",
         [("the end of the quarter", "2025-01-01", "2025-03-31")]),
        ("Les comptes seront arrêtés à la fin du trimestre.", "fr",
         [("la fin du trimestre", "2025-01-01", "2025-03-31")]),
        ("Le chiffre a doublé l'année passée.", "fr", [("l'année passée", "2024-01-01", "2024-12-31")]),
        ("Les prix ont reculé le mois passé.", "fr", [("le mois passé", "2025-02-01", "2025-02-28")]),
        ("La commune a été créée en l'an 1790.", "fr", [("1790", "1790-01-01", "1790-12-31")]),
    ],
)
def test_quarter_parts_and_past_periods(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The bill passed on Nov. 3 of last year.", "en",
         [("Nov. 3 of last year", "2024-11-03", "2024-11-03")]),
        ("The works start on March 3 of next year.", "en",
         [("March 3 of next year", "2026-03-03", "2026-03-03")]),
        ("La loi a été votée le 3 novembre de l'année dernière.", "fr",
         [("3 novembre de l'année dernière", "2024-11-03", "2024-11-03")]),
        ("Le chantier débutera le 3 mars de l'an prochain.", "fr",
         [("3 mars de l'an prochain", "2026-03-03", "2026-03-03")]),
        # A day with its own year keeps it.
        ("It opened on March 3, 2020, as last year's report said.", "en",
         [("March 3, 2020", "2020-03-03", "2020-03-03"), ("last year", "2024-01-01", "2024-12-31")]),
    ],
)
def test_a_day_of_last_or_next_year(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Officials met on the 10th.", "en", [("the 10th", "2025-03-10", "2025-03-10")]),
        ("The vote will take place on the 20th.", "en", [("the 20th", "2025-03-20", "2025-03-20")]),
        ("On the 31st, he left.", "en", [("the 31st", "2025-01-31", "2025-01-31")]),
        ("He lives on the 10th floor.", "en", []),
        ("It opened on the 5th of May.", "en", [("the 5th of May", "2024-05-05", "2024-05-05")]),
        # Later the same day: the day named before, or publication.
        ("The deal closed later in the day.", "en", [("later in the day", "2025-03-12", "2025-03-12")]),
        ("He was arrested on May 5 and freed later that day.", "en",
         [("May 5", "2024-05-05", "2024-05-05"), ("later that day", "2024-05-05", "2024-05-05")]),
        ("Le texte a été adopté plus tard dans la journée.", "fr",
         [("plus tard dans la journée", "2025-03-12", "2025-03-12")]),
        ("The law expires at year's end.", "en", [("year's end", "2025-01-01", "2025-12-31")]),
    ],
)
def test_a_day_of_the_month_alone_and_later_in_the_day(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Police arrested the suspect on May 5, 2019 in Lyon. The next day, a judge released him "
         "on bail. Two years later, the case was closed by the court.", "en",
         [[("May 5, 2019", "2019-05-05", "2019-05-05")], [("The next day", "2019-05-06", "2019-05-06")],
          [("Two years later", "2021-01-01", "2021-12-31")]]),
        ("Le suspect a été arrêté le 5 mai 2019 à Lyon. Le lendemain, un juge l'a remis en liberté. "
         "Deux ans plus tard, le dossier a été classé par le tribunal.", "fr",
         [[("5 mai 2019", "2019-05-05", "2019-05-05")], [("Le lendemain", "2019-05-06", "2019-05-06")],
          [("Deux ans plus tard", "2021-01-01", "2021-12-31")]]),
        # "a year earlier" with no date of its own sentence counts back from publication.
        ("The company was founded in 1990 by two engineers. Profit fell 3% from a year earlier, "
         "the firm said.", "en",
         [[("1990", "1990-01-01", "1990-12-31")], [("a year earlier", "2024-01-01", "2024-12-31")]]),
        # Two paragraphs on, the earlier date no longer anchors: "the same day" stays null.
        ("The plant shut on June 2, 2018 after a fire.\n\nThe mayor spoke at length to residents.\n\n"
         "The same day, the firm issued a statement to workers.", "en",
         [[("June 2, 2018", "2018-06-02", "2018-06-02")], [("The same day", "None", "None")]]),
    ],
)
def test_anaphoric_dates_count_from_the_sentence_before(
    text: str, lang: str, expected: list[list[tuple[str, str, str]]]
) -> None:
    from claims.extract import extract

    got = [
        [(d.text, str(d.from_), str(d.to)) for d in claim.dates]
        for claim in extract(text, lang=lang, published=PUBLISHED)
        if claim.dates
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The fair is held on the weekend of Aug. 15.", "en",
         [("the weekend of Aug. 15", "2024-08-17", "2024-08-18")]),
        ("Le festival aura lieu le week-end du 15 août.", "fr",
         [("le week-end du 15 août", "2025-08-16", "2025-08-17")]),
        ("Les faits se sont déroulés entre le 3 et le 5 mars.", "fr",
         [("3 et le 5 mars", "2025-03-03", "2025-03-05")]),
        ("It rained between the 3rd and the 5th of May.", "en",
         [("3rd and the 5th of May", "2024-05-03", "2024-05-05")]),
        # Without "entre" / "between", two days.
        ("Le 3 et le 5 mars, il a plu.", "fr",
         [("3", "2025-03-03", "2025-03-03"), ("5 mars", "2025-03-05", "2025-03-05")]),
        ("La tempête a frappé la nuit dernière.", "fr", [("la nuit dernière", "2025-03-11", "2025-03-11")]),
        ("Prices collapsed in the mid-'80s.", "en", [("mid-'80s", "1980-01-01", "1989-12-31")]),
    ],
)
def test_weekends_of_a_day_ranges_with_articles_and_last_night(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A year in words is one a year in digits could be: "thirteen hundred and twenty" counts.
        ("They agreed a limit of thirteen hundred and twenty on warheads.", []),
        # A bare season followed by "of" is someone's ("the fall of Rome") or has its year.
        ("Historians still argue about the fall of Rome.", []),
        # A reported future after "in N years" makes it a date, as a future marker does.
        ("In 6 years the college program would cost 8 billion dollars.",
         [("In 6 years", "2031-01-01", "2031-12-31")]),
    ],
)
def test_word_years_seasons_and_in_n_years_guards(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The day before or after an event we cannot date: null bounds, not publication's.
        ("Le lendemain de l'élection, il a démissionné.", "fr", [("Le lendemain", "None", "None")]),
        ("La veille du scrutin, le candidat a parlé.", "fr", [("La veille", "None", "None")]),
        ("He resigned the day before the vote.", "en", [("the day before", "None", "None")]),
        # With a date after it, an offset from that date; alone, as before.
        ("Il a été libéré la veille du 14 juillet.", "fr",
         [("la veille", "2024-07-13", "2024-07-13"), ("14 juillet", "2024-07-14", "2024-07-14")]),
        ("Il a été arrêté lundi et libéré le lendemain.", "fr",
         [("lundi", "2025-03-10", "2025-03-10"), ("le lendemain", "2025-03-11", "2025-03-11")]),
        ("The day before, he had resigned.", "en", [("The day before", "2025-03-11", "2025-03-11")]),
    ],
)
def test_the_day_before_an_event(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A range of months before "last year", "next year": those months of that year, one date.
        ("Arrivals dropped from September to November last year.", "en",
         [("September to November last year", "2024-09-01", "2024-11-30")]),
        ("Sales will peak from June to August next year.", "en",
         [("June to August next year", "2026-06-01", "2026-08-31")]),
        ("Les ventes ont chuté de mars à mai l'an dernier.", "fr",
         [("mars à mai l'an dernier", "2024-03-01", "2024-05-31")]),
        # A quarter code with "of" before its year.
        ("Net income doubled in Q2 of 2024.", "en", [("Q2 of 2024", "2024-04-01", "2024-06-30")]),
        ("Le PIB a progressé au T3 de 2023.", "fr", [("T3 de 2023", "2023-07-01", "2023-09-30")]),
        # « la décennie 2010 », like « les années 2010 ».
        ("Le nombre a diminué au cours de la décennie 2010.", "fr",
         [("décennie 2010", "2010-01-01", "2019-12-31")]),
    ],
)
def test_month_ranges_of_a_relative_year_quarter_codes_and_decades(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A season with a year in two digits: "the summer of '69", « l'été 76 », « l'hiver 54 »
        # (the winter its January falls in).
        ("It was the summer of '69, he said.", "en", [("the summer of '69", "1969-06-01", "1969-08-31")]),
        ("La sécheresse de l'été 76 reste dans les mémoires.", "fr",
         [("l'été 76", "1976-06-01", "1976-08-31")]),
        ("L'hiver 54 a marqué les esprits.", "fr", [("L'hiver 54", "1953-12-01", "1954-02-28")]),
        # ... not a count after it.
        ("L'été 40 personnes sont mortes de chaud.", "fr", [("L'été", "2024-06-01", "2024-08-31")]),
    ],
)
def test_a_season_with_a_two_digit_year(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Four digits numbering a street are no year ...
        ("The fire broke out at 1984 Harbor Road.", "en", []),
        ("Le magasin du 2012, route de Vienne a fermé.", "fr", []),
        # ... unless a year's preposition puts them before the street's name.
        ("En 2012, rue de Rivoli, des milliers de personnes ont défilé.", "fr",
         [("2012", "2012-01-01", "2012-12-31")]),
        # A model after its maker's name is no year when nothing it qualifies follows.
        ("The agency still runs Windows 2000 on its servers.", "en", []),
        ("La Peugeot 2008 reste le SUV le plus vendu.", "fr", []),
        # A year qualifying a noun, after a place or a preposition, or naming a tournament is one.
        ("Aides to the Trump 2020 campaign testified.", "en", [("2020", "2020-01-01", "2020-12-31")]),
        ("The Paris 2024 Games drew record crowds.", "en", [("2024", "2024-01-01", "2024-12-31")]),
        ("Spain won Euro 2024 in Berlin.", "en", [("2024", "2024-01-01", "2024-12-31")]),
        ("Le Tour de France 2023 s'est achevé à Paris.", "fr", [("2023", "2023-01-01", "2023-12-31")]),
    ],
)
def test_street_numbers_and_models_are_no_years(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The agency still runs Windows 2000 on its servers.", "en"),
        ("La Peugeot 2008 reste le SUV le plus vendu.", "fr"),
        ("The fire broke out at 1984 Harbor Road.", "en"),
    ],
)
def test_a_model_or_a_street_number_is_no_quantity_either(text: str, lang: str) -> None:
    (claim,) = extract(text, lang=lang, published=PUBLISHED)
    assert claim.quantities == [] and claim.dates == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A month abbreviated in capitals, with its period, is a month and ends no sentence.
        ("The hearing is set for THURSDAY, FEB. 27, in federal court.", "en",
         [("THURSDAY, FEB. 27", "2025-02-27", "2025-02-27")]),
        ("Le vote aura lieu le JEUDI 27 FÉVR. à Paris.", "fr",
         [("JEUDI 27 FÉVR.", "2025-02-27", "2025-02-27")]),
        ("La réunion est fixée au 12 JANV. 2026.", "fr", [("12 JANV. 2026", "2026-01-12", "2026-01-12")]),
        # A weekday after a time of day goes on with the sentence ("at 11:40 p.m. Friday").
        ("Police said the attack occurred at 11:40 p.m. Friday.", "en",
         [("Friday", "2025-03-07", "2025-03-07")]),
    ],
)
def test_capital_abbreviations_and_a_weekday_after_a_time(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected
    assert len(extract(text, lang=lang, published=PUBLISHED)) == 1


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A season of last or next year is that season of that year, one date.
        ("The merger was announced in the spring of last year.", "en",
         [("the spring of last year", "2024-03-01", "2024-05-31")]),
        ("Le projet sera lancé au printemps de l'an prochain.", "fr",
         [("printemps de l'an prochain", "2026-03-01", "2026-05-31")]),
        ("In the spring, of last year's crop, little remained.", "en",
         [("the spring", "2025-03-01", "2025-05-31"), ("last year", "2024-01-01", "2024-12-31")]),
        # An approximate noun counts the units: « une dizaine d'années », "a dozen years".
        ("Le chantier a démarré il y a une dizaine d'années.", "fr",
         [("il y a une dizaine d'années", "2015-01-01", "2015-12-31")]),
        ("The plant closed a dozen years ago.", "en", [("a dozen years ago", "2013-01-01", "2013-12-31")]),
        ("Élu en 2010, il a démissionné une dizaine d'années plus tard.", "fr",
         [("2010", "2010-01-01", "2010-12-31"),
          ("une dizaine d'années plus tard", "2020-01-01", "2020-12-31")]),
        ("Il y a une dizaine de manifestants devant la mairie.", "fr", []),
        # A season after « d' » qualifies a noun; the year after it stays a year.
        ("Les JO d'hiver de 2030 auront lieu dans les Alpes.", "fr", [("2030", "2030-01-01", "2030-12-31")]),
        ("Les sports d'hiver attirent les touristes.", "fr", []),
    ],
)
def test_seasons_of_a_relative_year_approximate_amounts_and_season_complements(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A part of next or last week, month or year without its article: that whole period.
        ("Les discussions reprendront en début de semaine prochaine.", "fr",
         [("début de semaine prochaine", "2025-03-17", "2025-03-23")]),
        ("Le vote a eu lieu en fin de mois dernier.", "fr",
         [("fin de mois dernier", "2025-02-01", "2025-02-28")]),
        ("Le vote aura lieu en fin d'année prochaine.", "fr",
         [("fin d'année prochaine", "2026-01-01", "2026-12-31")]),
        # « semestre » names no half of a match: a date without its year, like a quarter.
        ("Le chantier démarrera au deuxième semestre.", "fr",
         [("deuxième semestre", "2025-07-01", "2025-12-31")]),
        ("He scored twice in the first half.", "en", []),
    ],
)
def test_parts_of_a_relative_period_and_half_years_without_their_year(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The vote is set for the week after next.", "en",
         [("the week after next", "2025-03-24", "2025-03-30")]),
        ("Sales fell the week before last, the company said.", "en",
         [("the week before last", "2025-02-24", "2025-03-02")]),
        ("The plant closed the month before last.", "en",
         [("the month before last", "2025-01-01", "2025-01-31")]),
        ("The tunnel should open the year after next.", "en",
         [("the year after next", "2027-01-01", "2027-12-31")]),
        # "the year before" alone is still the year before the date named earlier.
        ("Exports rose in 2019 after falling the year before.", "en",
         [("2019", "2019-01-01", "2019-12-31"), ("the year before", "2018-01-01", "2018-12-31")]),
    ],
)
def test_the_period_after_next_and_before_last(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The bridge fell two years ago to the day.", "en",
         [("two years ago to the day", "2023-03-12", "2023-03-12")]),
        ("Il y a dix ans jour pour jour, l'usine fermait ses portes.", "fr",
         [("Il y a dix ans jour pour jour", "2015-03-12", "2015-03-12")]),
        ("Il y a un an, jour pour jour, la digue cédait.", "fr",
         [("Il y a un an, jour pour jour", "2024-03-12", "2024-03-12")]),
        ("The law passed on 29 February 2024 and was repealed a year later to the day.", "en",
         [("29 February 2024", "2024-02-29", "2024-02-29"),
          ("a year later to the day", "2025-02-28", "2025-02-28")]),
        # Without "to the day" the period stays whole.
        ("The bridge fell two years ago.", "en", [("two years ago", "2023-01-01", "2023-12-31")]),
        ("Il y a dix ans, l'usine fermait ses portes.", "fr",
         [("Il y a dix ans", "2015-01-01", "2015-12-31")]),
    ],
)
def test_so_long_ago_to_the_day_is_that_very_day(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


LATE_SUMMER = date(2025, 8, 20)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "the last quarter of 2023", « le dernier trimestre 2024 »: the fourth of that year.
        ("Profits rose in the last quarter of 2023.", "en",
         [("last quarter of 2023", "2023-10-01", "2023-12-31")]),
        ("Deliveries slowed in the final quarter of 2024, the company said.", "en",
         [("final quarter of 2024", "2024-10-01", "2024-12-31")]),
        ("Margins improved in the last quarter of the year.", "en",
         [("last quarter of the year", "2025-10-01", "2025-12-31")]),
        ("Les commandes ont chuté au dernier trimestre 2024.", "fr",
         [("dernier trimestre 2024", "2024-10-01", "2024-12-31")]),
        ("Les marges se sont redressées au dernier trimestre de l’année.", "fr",
         [("dernier trimestre de l’année", "2025-10-01", "2025-12-31")]),
        # Without a year, "last" / « dernier » is the quarter before the current one (in
        # August, April to June), as « le trimestre dernier » and « le trimestre écoulé ».
        ("Revenue fell in the last quarter.", "en", [("last quarter", "2025-04-01", "2025-06-30")]),
        ("Les commandes ont chuté au dernier trimestre.", "fr",
         [("dernier trimestre", "2025-04-01", "2025-06-30")]),
        ("Le chômage a reculé au cours du trimestre écoulé.", "fr",
         [("trimestre écoulé", "2025-04-01", "2025-06-30")]),
        ("Le déficit s’est creusé au dernier semestre.", "fr",
         [("dernier semestre", "2025-01-01", "2025-06-30")]),
        # A half of a match stays no date.
        ("The visitors scored twice in the last half of the match.", "en", []),
    ],
)
def test_the_last_quarter_of_a_year_and_the_last_quarter(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang, LATE_SUMMER) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A time of day counted from the day named before is that day, or the one next to it.
        ("The ferry sank on March 3, and survivors were found the next morning.", "en",
         [("March 3", "2025-03-03", "2025-03-03"), ("the next morning", "2025-03-04", "2025-03-04")]),
        ("The mayor resigned on Feb. 27 after a council meeting the previous evening.", "en",
         [("Feb. 27", "2025-02-27", "2025-02-27"), ("the previous evening", "2025-02-26", "2025-02-26")]),
        ("The plant was evacuated on March 1 and reopened later that night.", "en",
         [("March 1", "2025-03-01", "2025-03-01"), ("later that night", "2025-03-01", "2025-03-01")]),
        ("Le député a été interpellé le 4 mars et relâché le lendemain soir.", "fr",
         [("4 mars", "2025-03-04", "2025-03-04"), ("le lendemain soir", "2025-03-05", "2025-03-05")]),
        ("Le corps a été découvert le 6 mars, la victime avait dîné en ville la veille au soir.", "fr",
         [("6 mars", "2025-03-06", "2025-03-06"), ("la veille au soir", "2025-03-05", "2025-03-05")]),
        ("Le gouvernement a présenté son plan le 10 mars, et le Sénat l’a rejeté dans la soirée.", "fr",
         [("10 mars", "2025-03-10", "2025-03-10"), ("dans la soirée", "2025-03-10", "2025-03-10")]),
        ("Les élus ont voté le 3 mars et quitté la salle le soir même.", "fr",
         [("3 mars", "2025-03-03", "2025-03-03"), ("le soir même", "2025-03-03", "2025-03-03")]),
        # « dans la matinée » with no day named before is the day of publication...
        ("L’incendie s’est déclaré dans la matinée.", "fr",
         [("dans la matinée", "2025-03-12", "2025-03-12")]),
        # ... but "that evening", « ce matin-là » point back to a day: none named, no bounds.
        ("Crowds gathered in the square that evening.", "en", [("that evening", "None", "None")]),
        ("Ce matin-là, la neige bloquait les routes.", "fr", [("Ce matin-là", "None", "None")]),
    ],
)
def test_times_of_day_counted_from_the_day_named_before(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A rule that "takes effect", « entre en vigueur » on a day without its year is
        # scheduled: the next such day; in the past tense the last one.
        ("The new rules take effect on Jan. 1.", "en", [("Jan. 1", "2026-01-01", "2026-01-01")]),
        ("The treaty enters into force on Christmas Day.", "en",
         [("Christmas Day", "2025-12-25", "2025-12-25")]),
        ("The rules took effect on Jan. 1.", "en", [("Jan. 1", "2025-01-01", "2025-01-01")]),
        ("La nouvelle grille tarifaire entre en vigueur le 1er février.", "fr",
         [("1er février", "2026-02-01", "2026-02-01")]),
        ("La loi est entrée en vigueur le 1er février.", "fr", [("1er février", "2025-02-01", "2025-02-01")]),
    ],
)
def test_a_rule_taking_effect_looks_ahead(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "the previous quarter", « le trimestre suivant » count from the quarter named before...
        ("Output rose 2% in the second quarter, after falling 1% in the previous quarter.", "en",
         [("second quarter", "2024-04-01", "2024-06-30"), ("previous quarter", "2024-01-01", "2024-03-31")]),
        ("Orders rose in the fourth quarter of 2024 and slowed in the following quarter.", "en",
         [("fourth quarter of 2024", "2024-10-01", "2024-12-31"),
          ("following quarter", "2025-01-01", "2025-03-31")]),
        ("La production a progressé de 0,4 % au deuxième trimestre, après un recul de 0,1 % au "
         "trimestre précédent.", "fr",
         [("deuxième trimestre", "2024-04-01", "2024-06-30"),
          ("trimestre précédent", "2024-01-01", "2024-03-31")]),
        ("Les commandes ont bondi au quatrième trimestre 2024 avant de ralentir au trimestre suivant.", "fr",
         [("quatrième trimestre 2024", "2024-10-01", "2024-12-31"),
          ("trimestre suivant", "2025-01-01", "2025-03-31")]),
        # ... with none, "the preceding quarter" is the one before publication's, "the following
        # quarter" has no bounds.
        ("Exports fell in the preceding quarter.", "en", [("preceding quarter", "2024-10-01", "2024-12-31")]),
        ("Orders will slow in the following quarter.", "en", [("following quarter", "None", "None")]),
    ],
)
def test_the_previous_and_following_quarter_count_from_the_quarter_named_before(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The dam burst on Sunday, March 2, and the following Thursday the army arrived.", "en",
         [("Sunday, March 2", "2025-03-02", "2025-03-02"),
          ("the following Thursday", "2025-03-06", "2025-03-06")]),
        ("The body was found on March 7; the previous Tuesday, the man had been reported missing.", "en",
         [("March 7", "2025-03-07", "2025-03-07"), ("the previous Tuesday", "2025-03-04", "2025-03-04")]),
        ("Le gouvernement a été renversé le mardi 4 mars et le premier ministre a démissionné le "
         "jeudi suivant.", "fr",
         [("mardi 4 mars", "2025-03-04", "2025-03-04"), ("jeudi suivant", "2025-03-06", "2025-03-06")]),
        ("Le corps a été découvert le 7 mars ; le mardi précédent, l’homme avait été porté disparu.", "fr",
         [("7 mars", "2025-03-07", "2025-03-07"), ("mardi précédent", "2025-03-04", "2025-03-04")]),
        # No day named before: the following one is no day we know (not the last Thursday).
        ("The following Thursday, the army arrived.", "en", [("The following Thursday", "None", "None")]),
        ("Le jeudi suivant, l’armée est arrivée.", "fr", [("jeudi suivant", "None", "None")]),
    ],
)
def test_the_following_weekday_counts_from_the_day_named_before(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The period a result is compared with: the one named before, a year back.
        ("Operating profit in the fourth quarter of 2024 rose 9% from the year-ago quarter.", "en",
         [("fourth quarter of 2024", "2024-10-01", "2024-12-31"),
          ("the year-ago quarter", "2023-10-01", "2023-12-31")]),
        ("Sales in the first half of 2024 rose 5% from the same period a year earlier.", "en",
         [("first half of 2024", "2024-01-01", "2024-06-30"),
          ("the same period a year earlier", "2023-01-01", "2023-06-30")]),
        ("Au premier semestre 2024, le chiffre d’affaires a progressé de 6 % par rapport à la même "
         "période de l’année précédente.", "fr",
         [("premier semestre 2024", "2024-01-01", "2024-06-30"),
          ("la même période de l’année précédente", "2023-01-01", "2023-06-30")]),
        # None named: "the same period last year" lies in last year; "the year-earlier quarter"
        # is no quarter we know.
        ("Sales rose 4% from the same period last year.", "en",
         [("the same period last year", "2024-01-01", "2024-12-31")]),
        ("Les ventes ont reculé de 2 % par rapport à la même période de l’an dernier.", "fr",
         [("la même période de l’an dernier", "2024-01-01", "2024-12-31")]),
        ("Net income rose 12% from the year-earlier quarter.", "en",
         [("the year-earlier quarter", "None", "None")]),
        # May Day is the first of May.
        ("Thousands marched on May Day in the capital.", "en", [("May Day", "2024-05-01", "2024-05-01")]),
    ],
)
def test_the_year_earlier_period_is_the_one_named_before_a_year_back(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A vague time back, as TIMEX3 counts it: a date with no calendar value.
        ("The quarry closed years ago.", "en", [("years ago", "None", "None")]),
        ("The family fled weeks ago, neighbours said.", "en", [("weeks ago", "None", "None")]),
        ("La carrière a fermé il y a des années.", "fr", [("il y a des années", "None", "None")]),
        # A count keeps its period.
        ("The quarry closed two years ago.", "en", [("two years ago", "2023-01-01", "2023-12-31")]),
        # A day a hearing "is set for", « est fixée au » is ahead.
        ("The hearing is set for Feb. 2.", "en", [("Feb. 2", "2026-02-02", "2026-02-02")]),
        ("The audit is due on Jan. 10.", "en", [("Jan. 10", "2026-01-10", "2026-01-10")]),
        ("L’audience est fixée au 2 février.", "fr", [("2 février", "2026-02-02", "2026-02-02")]),
    ],
)
def test_vague_times_back_and_scheduled_days(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The end of a state ("until", « jusqu'au ») is the nearer of the last and the next
        # such date: a strike extended on a Wednesday "until Thursday" runs to the next day...
        ("The strike was extended until Thursday.", "en", [("Thursday", "2025-03-13", "2025-03-13")]),
        ("La grève a été reconduite jusqu’à jeudi.", "fr", [("jeudi", "2025-03-13", "2025-03-13")]),
        ("Le couvre-feu a été prolongé jusqu’en mai.", "fr", [("mai", "2025-05-01", "2025-05-31")]),
        ("La piscine est fermée jusqu’au 20 avril.", "fr", [("20 avril", "2025-04-20", "2025-04-20")]),
        # ... and a state that ended in January ended this January.
        ("The pool was closed until Jan. 5.", "en", [("Jan. 5", "2025-01-05", "2025-01-05")]),
        ("L’interdiction est restée en vigueur jusqu’au 5 janvier.", "fr",
         [("5 janvier", "2025-01-05", "2025-01-05")]),
        # After a start named in the clause, the first such date after it.
        ("Les écoles sont fermées depuis lundi jusqu’au 17 avril.", "fr",
         [("lundi", "2025-03-10", "2025-03-10"), ("17 avril", "2025-04-17", "2025-04-17")]),
        # A state that lasted ("served until", « a duré jusqu'à ») ended before publication.
        ("He served as mayor until May.", "en", [("May", "2024-05-01", "2024-05-31")]),
        ("La grève a duré jusqu’à jeudi.", "fr", [("jeudi", "2025-03-06", "2025-03-06")]),
        # A weekday that ends a state is the next one: a fair "runs through Sunday".
        ("The fair runs through Sunday.", "en", [("Sunday", "2025-03-16", "2025-03-16")]),
        ("Le suspect restera en garde à vue jusqu’à lundi.", "fr", [("lundi", "2025-03-17", "2025-03-17")]),
    ],
)
def test_until_a_date_is_the_nearer_one(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A fiscal year named from publication is that year, as "fiscal 2024" is 2024.
        ("The agency's budget runs out next fiscal year.", "en",
         [("next fiscal year", "2026-01-01", "2026-12-31")]),
        ("Spending rose 4% in the current fiscal year.", "en",
         [("the current fiscal year", "2025-01-01", "2025-12-31")]),
        ("Le groupe a dégagé un bénéfice sur l’exercice écoulé.", "fr",
         [("l’exercice écoulé", "2024-01-01", "2024-12-31")]),
        # "the previous fiscal year" counts from the fiscal year named before.
        ("Sales rose in fiscal 2023 after falling in the previous fiscal year.", "en",
         [("fiscal 2023", "2023-01-01", "2023-12-31"),
          ("the previous fiscal year", "2022-01-01", "2022-12-31")]),
        ("Le bénéfice a progressé sur l’exercice 2023, après une perte sur l’exercice précédent.", "fr",
         [("exercice 2023", "2023-01-01", "2023-12-31"),
          ("l’exercice précédent", "2022-01-01", "2022-12-31")]),
    ],
)
def test_fiscal_years_named_from_publication_or_from_the_one_before(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected
