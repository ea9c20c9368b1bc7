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
- « dont un tiers dans le Nord » is a third; « en s’imposant 31-17 » is a score;
- speakers: « Elle a également demandé » (the French « a » is no article), « la docteure X », «
  l’autorité organisatrice des transports », « a requis », « selon le bulletin ... publié par X »,
  « a-t-on appris de source judiciaire » when nobody else says the sentence, « l’Office
  antistupéfiants (Ofast) », "It appealed for" after the organisation, "The Securities and
  Exchange Commission, which ..., said" whole, "X welcomed the plan but warned that", and "the
  judge" for "U.S. District Judge X" with its portfolio.
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities as facets
from tests.helpers import speaker_of


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


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        # the French « a » is a verb, never an article before an adverb
        ("« C’est un réseau », a soutenu l’avocate générale, Marion Dufresne. Elle a également "
         "demandé une amende.", "fr", "Elle a également", "Marion Dufresne"),
        # a feminine title, an office's adjective in -trice, a verb of the court
        ("« Nous sommes débordés », raconte la docteure Inès Caradec, cheffe du service.", "fr",
         "Nous sommes", "docteure Inès Caradec"),
        ("La ligne a transporté 9 millions de voyageurs, d’après l’autorité organisatrice des "
         "transports.", "fr", "La ligne", "autorité organisatrice des transports"),
        ("Le parquet de Rennes a requis dix ans de prison contre le prévenu.", "fr", "dix ans",
         "parquet de Rennes"),
        ("Le trafic a doublé, selon le bulletin mensuel publié jeudi par Météo-France.", "fr",
         "Le trafic", "Météo-France"),
        # where the impersonal « on » speaks, when nobody else says the sentence
        ("L’audience est renvoyée à lundi, a-t-on appris de source judiciaire.", "fr",
         "L’audience", "source judiciaire"),
        ("La ministre, Anne Royer, a annoncé un plan, a-t-on appris de source gouvernementale.",
         "fr", "un plan", "Anne Royer"),
        # an acronym in brackets after a name holding a lowercase word
        ("D’après l’Office antifraude (Olaf), les saisies ont doublé.", "fr", "les saisies",
         "Office antifraude"),
        ("UNICEF said half of them were children. It appealed for $12 million in aid.", "en",
         "It appealed", "UNICEF"),
    ],
)
def test_speakers_of_offices_titles_and_sources(
    text: str, lang: str, fragment: str, expected: str
) -> None:
    assert speaker_of(text, lang, fragment) == expected


def test_the_whole_organisation_before_an_apposition_and_a_coordinated_verb() -> None:
    text = ("The Federal Trade Commission, which opened an inquiry in 2023, said the merger would "
            "raise prices.")
    assert speaker_of(text, "en", "merger") == "Federal Trade Commission"
    text = "The Royal Society of Chemistry welcomed the report but warned that funds were short."
    assert speaker_of(text, "en", "funds") == "Royal Society of Chemistry"
    assert speaker_of("Prices rose and said nothing.", "en", "Prices") is None


def test_a_title_named_again_keeps_its_portfolio() -> None:
    text = ("U.S. District Judge Carla Mendes ordered a new hearing. “The record is incomplete,” "
            "the judge said.")
    assert speaker_of(text, "en", "The record") == "U.S. District Judge Carla Mendes"


def test_the_subject_after_an_inverted_verb_before_a_quote() -> None:
    text = ("Le feu a parcouru 300 hectares près de Lodève (Hérault), a indiqué mardi la "
            "préfecture, qui évoque un incendie « en voie de fixation ».")
    assert speaker_of(text, "fr", "Le feu") == "préfecture"


def test_a_plural_common_noun_of_an_organisation_closing_an_inverted_attribution() -> None:
    text = "Le pic sera atteint d’ici trois semaines, estiment les chercheurs de l’Institut Curie."
    assert speaker_of(text, "fr", "Le pic") == "chercheurs de l’Institut Curie"


def test_a_name_after_an_office_and_what_it_does() -> None:
    assert speaker_of("Le groupe de distribution Marvane a annoncé un bénéfice.", "fr",
                      "un bénéfice") == "Marvane"
    assert speaker_of("Le ministère de la Santé a annoncé un plan.", "fr", "un plan") == (
        "ministère de la Santé")


def test_a_pronoun_after_a_surname_named_in_its_own_paragraph() -> None:
    text = ("Piet Dekker, 23, scored twice.\n\n"
            "A crowd of 30,000 watched the game, the club said.\n\n"
            "Dekker, signed last summer, now has 19 goals. He told the BBC he felt fitter than ever.")
    assert speaker_of(text, "en", "He told") == "Piet Dekker"
    # (a capitalised word the article never names in full stays no person)
    text = ("“We were lucky,” the club said.\n\n"
            "Rain, heavy since dawn, had soaked the pitch. He told the BBC it was a bog.")
    assert speaker_of(text, "en", "He told") != "Rain"


def test_a_source_learned_from_but_not_an_impersonal_one() -> None:
    text = "Les 300 premiers véhicules seront livrés en mars, a-t-on appris de source industrielle."
    assert speaker_of(text, "fr", "Les 300 premiers") == "source industrielle"
    text = "Les 300 premiers véhicules seront livrés en mars, avait-on indiqué de source industrielle."
    assert speaker_of(text, "fr", "Les 300 premiers") is None
