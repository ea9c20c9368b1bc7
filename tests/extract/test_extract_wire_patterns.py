"""Speaker and number patterns of court, sport, economic, disaster, election and health news
that a seventh fresh gold (tests/extract/gold/facets_fresh7.jsonl) showed; each test uses
sentences of its own, not the gold's.
"""

from __future__ import annotations

import pytest

from claims.extract import extract
from claims.extract.numbers import find_quantities


def facets(text: str, lang: str) -> list[tuple[float, str, str]]:
    return [(round(q.value, 4), q.comparator, q.unit) for q in find_quantities(text, 0, len(text), lang)]


def speaker_of(text: str, lang: str, fragment: str) -> str | None:
    claims = [c for c in extract(text, lang=lang) if fragment in c.text]
    assert claims, fragment
    return claims[0].speaker


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # An English participle right after a number is a verb or an elided noun, not the unit.
        ("An audience of 2,310 cheered the band.", "en", [(2310, "=", "")]),
        ("Dozens still missing after the blast.", "en", [(12, ">", "")]),
        ("Rescuers found 14 trapped under the rubble.", "en", [(14, "=", "")]),
        # ... and after "of the" it qualifies the noun that follows.
        ("Police recovered half of the looted jewellery.", "en", [(0.5, "=", "jewellery")]),
        # A participle before a plural noun still lets the noun be counted.
        ("Five injured climbers were rescued.", "en", [(5, "=", "climbers")]),
        # « d'autres » with no noun after counts the others.
        ("Une vingtaine d’autres sont hospitalisés.", "fr", [(20, "~", "autres")]),
    ],
)
def test_participles_adverbs_and_others_are_no_counted_noun(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "as much as", "as many as" are upper bounds.
        ("The index fell as much as 7% on Monday.", "en", [(7, "<=", "%")]),
        ("As many as 300 homes were damaged.", "en", [(300, "<=", "homes")]),
        # An approximation before a range is the range's: two bounds, the multiplier on both.
        ("The repairs will cost an estimated 2 to 3 billion dollars.", "en",
         [(2e9, ">=", "dollars"), (3e9, "<=", "dollars")]),
        ("About 30 to 40 volunteers turned up.", "en", [(30, ">=", "volunteers"), (40, "<=", "volunteers")]),
        # An amount with a scale and no currency after one with both keeps that currency.
        ("La dette atteint 3,1 milliards d’euros, contre 2,8 milliards l’an passé.", "fr",
         [(3.1e9, "=", "euros"), (2.8e9, "=", "euros")]),
        ("Sales hit 4 billion dollars, up from 3.5 billion.", "en",
         [(4e9, "=", "dollars"), (3.5e9, "=", "dollars")]),
        # ... but a scale alone after a count is no money.
        ("The group has 2 million members and 1.5 million volunteers.", "en",
         [(2e6, "=", "members"), (1.5e6, "=", "volunteers")]),
    ],
)
def test_upper_bounds_estimated_ranges_and_currency_of_a_scale(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # « un deuxième », "a third term": an article then an ordinal, not 1 + 2.
        ("Un deuxième procès s’ouvrira.", "fr", [(2, "=", "ordinal")]),
        ("Une troisième vague est attendue.", "fr", [(3, "=", "ordinal")]),
        ("C’est la vingt-deuxième édition.", "fr", [(22, "=", "ordinal")]),
        # A rank before "place" is an ordinal, "first" and "second" included.
        ("The club climbed to second place.", "en", [(2, "=", "ordinal")]),
        ("Lyon reprend la première place.", "fr", [(1, "=", "ordinal")]),
        # A score at half-time or a draw is two counts, never a range.
        ("Menée 0-2 à la mi-temps, l’équipe a réagi.", "fr", [(0, "=", ""), (2, "=", "")]),
        ("Lille a été tenu en échec 1-1 par Brest.", "fr", [(1, "=", ""), (1, "=", "")]),
        # A small number after a capitalised name counts nothing: « la Ligue 2 », "the Serie A".
        ("Le club remonte en Ligue 2 avec 3 points d’avance.", "fr", [(3, "=", "points")]),
        ("Le promu est dernier de la Ligue 1.", "fr", []),
        # ... but a tally after a name stays ("passed the House 230 to 201").
        ("The bill passed the House 230 to 201.", "en", [(230, "=", ""), (201, "=", "")]),
    ],
)
def test_ordinals_ranks_scores_and_numbered_names(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected
