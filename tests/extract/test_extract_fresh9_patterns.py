"""Number and speaker patterns that the ninth fresh gold (tests/extract/gold/facets_fresh9.jsonl)
showed, each with the words a sloppy rule would take instead:

- "over" a number of time units after another amount is the period it is spread over ("$3.2
  billion over five years" is 5 years, `=`), but "more than" where a verb of duration or a
  preposition comes before it ("for over five years", "served over 10 years");
- a superlative or an adjective between a share and its noun ("three of the country's largest
  meatpackers", "a fifth of the world's strongest earthquakes") is no counted noun, and "one
  in eight of its domestic workforce" is 1/8 of the workforce;
- « âgés de 19 et 21 ans »: two values joined by « et » with the unit written once share it;
- a verb (« la moitié avaient »), an adverb (« de Ligue 1 encore en lice ») or an adjective
  standing for a noun left out (« dont 14 mortels », « dont deux ferme ») counts nothing;
- « les trois prochains mois » counts months;
- « en battant Guingamp 2-1 après prolongation » is a score, not a range.
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities as facets


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("It would spend up to $3.2 billion over five years.", "en",
         [(3.2e9, "<=", "dollars"), (5, "=", "years")]),
        ("Prices rose 4% over two years.", "en", [(4, "=", "%"), (2, "=", "years")]),
        ("The 40 staff have worked there for over five years.", "en",
         [(40, "=", "staff"), (5, ">", "years")]),
        ("He served over 10 years in prison.", "en", [(10, ">", "years")]),
        ("Over 300 people were evacuated.", "en", [(300, ">", "people")]),
    ],
)
def test_over_a_period_after_an_amount_is_a_duration(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("It sued three of the country’s largest meatpackers.", "en", [(3, "=", "meatpackers")]),
        ("Japan has about a fifth of the world’s strongest earthquakes.", "en",
         [(0.2, "~", "earthquakes")]),
        ("It will close 30 of its biggest stores.", "en", [(30, "=", "stores")]),
        ("It will cut about one in eight of its domestic workforce.", "en",
         [(0.125, "~", "workforce")]),
        ("Il faudra 4 millions de dollars pour les trois prochains mois.", "fr",
         [(4e6, "=", "dollars"), (3, "=", "mois")]),
    ],
)
def test_adjectives_before_the_counted_noun(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ses deux passagers, âgés de 19 et 21 ans, ont été blessés.", "fr",
         [(2, "=", "passagers"), (19, "=", "ans"), (21, "=", "ans")]),
        ("Plus de la moitié avaient moins de 30 ans.", "fr", [(0.5, ">", ""), (30, "<", "ans")]),
        ("Au moins 312 cas, dont 14 mortels, ont été recensés.", "fr",
         [(312, ">=", "cas"), (14, "=", "")]),
        ("Il a été condamné à quatre ans de prison, dont deux ferme.", "fr",
         [(4, "=", "ans"), (2, "=", "")]),
        ("Brest est le seul club de Ligue 1 encore en lice.", "fr", []),
        ("Les loyers ont connu des hausses de 3 et 5 euros.", "fr", [(3, "=", "euros"), (5, "=", "euros")]),
    ],
)
def test_shared_units_and_words_that_count_nothing(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


def test_a_score_after_a_present_participle_and_extra_time() -> None:
    text = "Brest s’est qualifié en battant Guingamp 2-1 après prolongation, devant 14\u00a0200 spectateurs."
    assert facets(text, "fr") == [(2, "=", ""), (1, "=", ""), (14200, "=", "spectateurs")]
