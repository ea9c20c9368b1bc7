"""Date patterns that the sixteenth fresh gold (tests/extract/gold/facets_fresh16.jsonl) showed,
each with the words a sloppy rule would take instead:

- "the fair takes place on May 12", "the festival runs from May 12 to May 23", « le salon se
  tient du 12 au 23 mai », « les épreuves ont lieu le 12 mai », « le festival se déroule », «
  s'ouvre », « débute », « ouvre ses portes »: the present of a
  scheduled event looks ahead, as "opens", "begins" and "ends" already did ("took place", « a
  eu lieu », "runs three plants", "runs from offices" before a past verb stay behind; "closes"
  is not among them: "Stocks close higher Tuesday" is a headline's past); "did" or "never"
  before the infinitive of such a verb makes it no future ("did not take place on Monday",
  "didn't begin Monday", as "did not begin" was before);
- "a crowd of 2000 fans", "the 2000 guests", « 2000 supporters », « de 2000 fidèles »: people
  counted, not the year 2000 (the lexicon of counted nouns; "the 2018 floods" stays a year).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers import found_dates

PUBLISHED = date(2019, 4, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The county fair takes place on May 18 at the fairgrounds.", "en",
         [("May 18", "2019-05-18", "2019-05-18")]),
        ("The regatta takes place Saturday on the lake.", "en",
         [("Saturday", "2019-04-13", "2019-04-13")]),
        ("Early voting runs from May 2 to May 14 in most counties.", "en",
         [("May 2 to May 14", "2019-05-02", "2019-05-14")]),
        ("Both rounds take place in June.", "en", [("June", "2019-06-01", "2019-06-30")]),
        ("Le congrès des maires se tient du 20 au 23 mai à Paris.", "fr",
         [("20 au 23 mai", "2019-05-20", "2019-05-23")]),
        ("Les épreuves écrites ont lieu le 12 mai.", "fr", [("12 mai", "2019-05-12", "2019-05-12")]),
        ("La grande braderie se déroule le 21 juin dans toutes les rues du centre.", "fr",
         [("21 juin", "2019-06-21", "2019-06-21")]),
        ("La brocante s’ouvre samedi sur les quais.", "fr",
         [("samedi", "2019-04-13", "2019-04-13")]),
        ("Le chantier débute en juin.", "fr", [("juin", "2019-06-01", "2019-06-30")]),
        ("La piscine ouvre ses portes le 1er juin.", "fr",
         [("1er juin", "2019-06-01", "2019-06-01")]),
    ],
)
def test_the_present_of_a_scheduled_event_looks_ahead(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found_dates(text, lang, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a past tense of the same verbs, and "runs" without "from", stay behind
        ("The county fair took place on May 18 at the fairgrounds.", "en",
         [("May 18", "2018-05-18", "2018-05-18")]),
        ("The cooperative, which runs three mills, was founded on May 18.", "en",
         [("May 18", "2018-05-18", "2018-05-18")]),
        ("The company runs from offices in Ohio and was sold on May 3.", "en",
         [("May 3", "2018-05-03", "2018-05-03")]),
        # "did" before a marker's infinitive is its past ("did not begin", "didn't take place")
        ("The talks did not take place on Monday as planned.", "en",
         [("Monday", "2019-04-08", "2019-04-08")]),
        ("Classes didn't begin Monday because of the storm.", "en",
         [("Monday", "2019-04-08", "2019-04-08")]),
        ("L’accident a eu lieu le 12 mai sur la nationale.", "fr",
         [("12 mai", "2018-05-12", "2018-05-12")]),
        ("La réunion s’est tenue le 12 mai à la mairie.", "fr",
         [("12 mai", "2018-05-12", "2018-05-12")]),
    ],
)
def test_a_past_occurrence_stays_behind(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found_dates(text, lang, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A crowd of 2000 fans packed the square for the parade.", "en"),
        ("The 2000 guests were evacuated from the hotel.", "en"),
        ("A convoy of 2000 vehicles crossed the border.", "en"),
        ("The airline cancelled 2000 flights.", "en"),
        ("Un cortège de 2000 fidèles a suivi la procession.", "fr"),
        ("Les 2000 supporters ont été escortés jusqu’au stade.", "fr"),
        ("Un rassemblement de 2000 jeunes a eu lieu devant la préfecture.", "fr"),
    ],
)
def test_people_and_things_counted_are_no_year(text: str, lang: str) -> None:
    assert found_dates(text, lang, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Fans still talk about the 2000 final.", "en",
         [("2000", "2000-01-01", "2000-12-31")]),
        ("The stadium was rebuilt after the 2000 fire.", "en",
         [("2000", "2000-01-01", "2000-12-31")]),
        ("Les supporters se souviennent de la finale de 2000.", "fr",
         [("2000", "2000-01-01", "2000-12-31")]),
    ],
)
def test_a_year_before_a_noun_that_is_no_count_stays_a_year(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found_dates(text, lang, PUBLISHED) == expected
