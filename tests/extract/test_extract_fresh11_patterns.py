"""Number and speaker patterns that the eleventh fresh gold (tests/extract/gold/facets_fresh11.jsonl)
showed, each with the words a sloppy rule would take instead:

- a share standing alone before its verb counts no noun ("one in 20 stopped taking it", "two in
  five do", « un tiers provenait »), and a participle between a share and a plural noun is no
  noun of its own ("one in eight nursing posts"); "half of those affected" counts nobody named;
- a pronoun or a possessive is no counted noun ("41 of his 58 matches" counts matches, "the 10
  largest it had uncovered" nothing); a number word owned by a name ("two of the region's five
  largest reservoirs") is the count the share is of;
- "a second factory" is a rank (not "a second later", "a second, no more", "wait a second");
- "patients aged 45 to 80" is a range of ages;
- « 300 kilos » is 300 kilos, not 300 thousand (a multiplier before a currency sign only);
- « dont un tiers dans le Nord » is a third; « en s’imposant 31-17 » is a score.
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities as facets


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Fewer than one in 20 stopped taking the pill.", "en", [(0.05, "<", "")]),
        ("Today two in five do.", "en", [(0.4, "=", "")]),
        ("About one in four said they would move.", "en", [(0.25, "~", "")]),
        ("It warned that one in eight nursing posts was vacant.", "en", [(0.125, "=", "posts")]),
        ("One in three voters backed the plan.", "en", [(0.3333, "=", "voters")]),
        ("More than half of those affected were children.", "en", [(0.5, ">", "")]),
        ("Près d’un tiers provenait des Antilles.", "fr", [(0.3333, "~", "")]),
        ("Un Français sur trois estime que les prix vont monter.", "fr", [(0.3333, "=", "Français")]),
        ("Il a bu deux tiers du lait.", "fr", [(0.6667, "=", "lait")]),
    ],
)
def test_a_verb_after_a_share_is_no_counted_noun(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Doyle has won 41 of his 58 league matches.", "en", [(41, "=", "matches"), (58, "=", "matches")]),
        ("It was among the 10 largest it had uncovered.", "en", [(10, "=", "")]),
        ("Two of the region’s five largest reservoirs are low.", "en",
         [(2, "=", "reservoirs"), (5, "=", "reservoirs")]),
        ("Three of the state's 12 prisons will close.", "en", [(3, "=", "prisons"), (12, "=", "prisons")]),
        ("It will close 30 of its biggest stores.", "en", [(30, "=", "stores")]),
    ],
)
def test_pronouns_possessives_and_owned_counts(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company would build a second factory in Wales.", [(2, "=", "ordinal")]),
        ("It cut the risk of a second heart attack.", [(2, "=", "ordinal")]),
        ("A second later, the roof fell in.", []),
        ("For a second time, the vote was delayed.", [(2, "=", "ordinal")]),
        ("It lasted a second, no more.", []),
        ("Wait a second.", []),
    ],
)
def test_a_second_before_a_noun_is_a_rank(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


def test_a_range_of_ages() -> None:
    assert facets("The trial followed 14,200 patients aged 45 to 80.", "en") == [
        (14200, "=", "patients"), (45, ">=", "years"), (80, "<=", "years")]
    assert facets("The victim, aged 19, died.", "en") == [(19, "=", "years")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le réseau a fait entrer au moins 300 kilos de drogue.", [(300, ">=", "kilos")]),
        ("Un budget de 5 M€ et une rallonge de 3 k€.", [(5e6, "=", "euros"), (3000, "=", "euros")]),
        ("Plus de 1 500 postes seraient menacés, dont un tiers dans le Nord.",
         [(1500, ">", "postes"), (0.3333, "=", "")]),
        ("Toulouse a conforté sa place de leader en s’imposant 31-17 face à Clermont.",
         [(31, "=", ""), (17, "=", "")]),
        ("Le prix varie de 31 à 37 euros.", [(31, ">=", "euros"), (37, "<=", "euros")]),
    ],
)
def test_french_kilos_dont_and_scores(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "fr") == expected
