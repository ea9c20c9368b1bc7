"""Speaker and number patterns of court, sport, economic, disaster, election and health news
that a seventh fresh gold (tests/extract/gold/facets_fresh7.jsonl) showed; each test uses
sentences of its own, not the gold's.
"""

from __future__ import annotations

import pytest

from claims.extract import extract
from tests.helpers import found_quantities as facets
from tests.helpers import speaker_of


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
        # A possessive after a currency keeps it; an elided article does not make a litre.
        ("They sold 37 billion dollars' worth of equipment.", "en", [(37e9, "=", "dollars")]),
        ("Elle a perdu 2,8 milliards l’an passé.", "fr", [(2.8e9, "=", "")]),
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
        # "in the first place", "the first place it would show up" are no ranks.
        ("We should never have gone there in the first place.", "en", []),
        ("The first place it would show up is the budget.", "en", []),
        ("She finished the race in second place.", "en", [(2, "=", "ordinal")]),
        # A small number after a capitalised name counts nothing: « la Ligue 2 », "the Serie A".
        ("Le club remonte en Ligue 2 avec 3 points d’avance.", "fr", [(3, "=", "points")]),
        ("Le promu est dernier de la Ligue 1.", "fr", []),
        # ... but a tally after a name stays ("passed the House 230 to 201").
        ("The bill passed the House 230 to 201.", "en", [(230, "=", ""), (201, "=", "")]),
    ],
)
def test_ordinals_ranks_scores_and_numbered_names(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        # An acronym after a comma speaks as the organisation the article spells it with.
        ("The World Meteorological Organization met in Geneva.\n\n"
         "Sea levels rose by 4 millimetres last year, the WMO said.",
         "en", "Sea levels rose", "World Meteorological Organization"),
        # A long organisation name after "according to" is kept whole.
        ("Some 8,000 homes were flooded, according to the Regional Emergency Response and Civil "
         "Protection Agency.", "en", "Some 8,000 homes",
         "Regional Emergency Response and Civil Protection Agency"),
        # An office with its complement: "an official at the finance ministry".
        ("An official at the finance ministry, who declined to be named, said the deficit would "
         "reach 6%.", "en", "the deficit would", "official at the finance ministry"),
        # An office holder's office: "the head of state’s office".
        ("The visit was postponed, the head of state’s office said.", "en", "The visit was postponed",
         "head of state’s office"),
        # A party before a name is no part of it.
        ("The seat was won by Conservative Helen Marsh.\n\n“We earned this,” Marsh said.",
         "en", "We earned this", "Helen Marsh"),
        # A pronoun closing reported speech: the person named before.
        ("Governor Ann Lee unveiled a housing plan on Monday. It will cost $2bn over five years, "
         "she said.", "en", "It will cost", "Governor Ann Lee"),
    ],
)
def test_english_speakers(text: str, lang: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        # An office after an indefinite article, after « selon ».
        ("Selon un haut responsable de la préfecture, 40 familles ont été relogées.",
         "40 familles", "haut responsable de la préfecture"),
        # « ..., a-t-il ajouté » closing a sentence: the person named before.
        ("Le ministre de l’Agriculture, Marc Olivier, a annoncé jeudi un plan d’aide. Il coûtera "
         "200 millions d’euros, a-t-il ajouté.", "Il coûtera", "Marc Olivier"),
        # A pronoun after a person named in its own paragraph, not the previous speaker.
        ("Le trafic a repris sur 80 % des lignes, selon la SNCF.\n\n"
         "La maire de Lille, Claire Roux, s’est rendue à la gare. Elle a annoncé que 300 navettes "
         "seraient affrétées.", "300 navettes", "Claire Roux"),
        # A name with an adjective inside it after a document.
        ("Selon une étude d’Eau publique Bretagne, 12 % des captages sont pollués.",
         "12 % des captages", "Eau publique Bretagne"),
        # Results published by an office.
        ("Le maire sortant obtient 41,2 % des voix, selon les résultats officiels publiés par la "
         "préfecture.", "Le maire sortant", "préfecture"),
    ],
)
def test_french_speakers(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "fr", fragment) == expected


def test_a_fraction_of_a_unit_counts_that_unit() -> None:
    assert facets("The bank raised rates by a quarter of a percentage point.", "en") == [
        (0.25, "=", "percentage point")
    ]
    assert facets("Le taux a reculé d’un quart d’un point.", "fr") == [(0.25, "=", "point")]


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        # An apposition holding a number with a separator still ends before the verb.
        ("The union, which has 14,500 members in the region, said the strike would go ahead.",
         "en", "the strike would go ahead", "union"),
        # A job description then a person after "according to": the person.
        ("Two homes burned down, according to fire department spokesman Luis Ortega.",
         "en", "Two homes burned down", "Luis Ortega"),
        # « a alerté » is a speech verb.
        ("« La situation est critique », a alerté mardi la directrice de l’hôpital, Anne Vidal.",
         "fr", "La situation est critique", "Anne Vidal"),
        # A few quoted words inside a sentence are the person's it names, so a pronoun after
        # them is that person, not the previous paragraph's speaker.
        ("« Nous sommes à bout », a déclaré Lucie Arnaud.\n\n"
         "Le préfet du Gard, Jean Morin, a appelé au « calme ». Il a promis 50 gendarmes de plus.",
         "fr", "Il a promis", "Jean Morin"),
        # ... and a pronoun reporting a few quoted words is that person too.
        ("« Nous sommes à bout », a déclaré Lucie Arnaud.\n\n"
         "Le préfet du Gard, Jean Morin, a appelé au « calme ». Il a assuré que 200 pompiers "
         "seraient « sur place » dès ce soir.", "fr", "200 pompiers", "Jean Morin"),
    ],
)
def test_appositions_job_descriptions_alerts_and_quoted_fragments(
    text: str, lang: str, fragment: str, expected: str
) -> None:
    assert speaker_of(text, lang, fragment) == expected


def test_a_quoted_title_is_not_the_previous_speakers() -> None:
    text = ("“We will win,” said coach Tim Hale.\n\n"
            "On Sunday he was hosting the “Morning Show” on Channel 4 for 2 hours.")
    assert speaker_of(text, "en", "hosting the") is None


def test_an_impersonal_on_closing_a_sentence_names_no_one() -> None:
    text = ("« Le calendrier sera tenu », a déclaré le ministre, Paul Arnaud. Les 300 premiers "
            "véhicules seront livrés en mars, avait-on indiqué lundi de source industrielle.")
    assert speaker_of(text, "fr", "Les 300 premiers") is None


@pytest.mark.parametrize(
    ("text", "lang", "fragment"),
    [
        # A pronoun after a comma is a closing attribution only with its verb ending the
        # sentence: not a relative clause, not a passive.
        ("Marie Dupont est arrivée hier. Elle a vécu 20 ans à Lyon, où elle demande un logement.",
         "fr", "Elle a vécu"),
        ("Jane Roe spoke at length. In 1995, at age 17, she was told to leave the group.",
         "en", "In 1995"),
    ],
)
def test_a_pronoun_inside_a_clause_is_no_closing_attribution(text: str, lang: str, fragment: str) -> None:
    assert speaker_of(text, lang, fragment) is None


def test_an_adjective_standing_for_its_noun_ends_the_quantity_span() -> None:
    """« deux autres ont été blessées »: the span is the count and the adjective, no space after."""
    text = "Trois femmes sont mortes et deux autres ont été blessées."
    (claim,) = extract(text, lang="fr")
    spans = [q.text for q in claim.quantities]
    assert spans == ["Trois femmes", "deux autres"]
    assert all(text[q.start : q.end] == q.text for q in claim.quantities)
