"""Number and speaker patterns that the thirteenth fresh gold (tests/extract/gold/facets_fresh13.jsonl)
showed, each with the words a sloppy rule would take instead:

- « près des deux tiers », « plus des trois quarts »: « des » (de + les) before a share keeps the
  comparator of « près de », « plus de », « moins de »;
- a French share counts only after « de » (« dont un quart financé par » counts no « financé »;
  « les deux tiers des salariés » counts employees);
- « 80 de mes 350 brebis », « 12 de ses 40 vaches »: a possessive is no counted noun; the count
  before it counts what the number after it counts;
- "a 230-seat parliament", "its 27-member board": the word after the hyphen, after an article
  and before a noun (not "a 737-based jet", "a 40-strong team", "the 2-1 win");
- « selon des résultats quasi définitifs publiés lundi par la commission électorale »: the
  author of a document four words on; "the local chamber of commerce", « la commission
  électorale »: offices that speak;
- « selon son vice-président, Karim Benali »: the person after an office in apposition;
- « la Commission de régulation de l’énergie (CRE) » spells out « la CRE » (the elided article
  is no initial, « É » is an E);
- « », a réagi un porte-parole de l’UFC-Que Choisir »: the office after an indefinite article,
  not the name inside it;
- « dont un quart financé par la Région, a indiqué le maire, X »: the name after a
  preposition before an inverted speech verb is a complement; the speaker follows the verb;
- "Lee told reporters" after "Lee Dong-wook": a family name written first refers to the full name;
- « le président de la commission européenne se dit »: an office completing a title is no speaker.
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities as facets
from tests.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Près des deux tiers des électeurs se sont abstenus.", [(0.6667, "~", "électeurs")]),
        ("Plus des trois quarts des communes ont voté contre.", [(0.75, ">", "communes")]),
        ("Moins des deux tiers des lits sont occupés.", [(0.6667, "<", "lits")]),
        ("Les deux tiers des salariés ont voté.", [(0.6667, "=", "salariés")]),  # no comparator
        ("La moitié des élèves sont absents.", [(0.5, "=", "élèves")]),
    ],
)
def test_comparator_before_des(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La rénovation coûtera 6 millions d’euros, dont un tiers payé par l’État.",
         [(6000000, "=", "euros"), (0.3333, "=", "")]),
        ("Le budget, dont un quart consacré à la voirie, est voté.", [(0.25, "=", "")]),
        ("Un quart des communes n’ont plus de médecin.", [(0.25, "=", "communes")]),
        ("Il a attendu trois quarts d’heure.", [(0.75, "=", "heure")]),
    ],
)
def test_french_share_counts_after_de(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("J’ai perdu 30 de mes 120 vaches.", "fr", [(30, "=", "vaches"), (120, "=", "vaches")]),
        ("Elle a licencié 4 de ses 25 salariés.", "fr", [(4, "=", "salariés"), (25, "=", "salariés")]),
        ("Nous avons fermé 2 de nos 9 agences.", "fr", [(2, "=", "agences"), (9, "=", "agences")]),
        ("Le plan prévoit 5 000 de ces départs.", "fr", [(5000, "=", "départs")]),
        ("Deux de leurs fils ont été blessés.", "fr", [(2, "=", "fils")]),
        ("I lost 30 of my 120 cows.", "en", [(30, "=", "cows"), (120, "=", "cows")]),
    ],
)
def test_possessive_is_no_counted_noun(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elections for the 150-seat assembly are due.", [(150, "=", "seat")]),
        ("Its 15-member board met on Friday.", [(15, "=", "member")]),
        ("They live in a 12-storey block.", [(12, "=", "storey")]),
        ("A 10-year-old browser was found.", [(10, "=", "year")]),
        ("It flies a 320-based jet.", [(320, "=", "")]),  # a participle, not a noun
        ("A 40-strong team was sent.", [(40, "=", "")]),
        ("They won the match 2-1 on Sunday.", [(2, "=", ""), (1, "=", "")]),
        ("Turnout in District 9-b was low.", []),  # no article before it: a label
    ],
)
def test_hyphenated_count(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("Le Parti libéral obtient 31 % des voix, selon des résultats encore provisoires publiés "
         "mardi par la commission électorale.", "fr", "Parti libéral", "commission électorale"),
        ("Le oui l’emporte avec 54 %, selon les chiffres publiés lundi par le ministère de "
         "l’Intérieur.", "fr", "Le oui", "ministère de l’Intérieur"),
        ("Hotel bookings fell 12% in August, according to the regional chamber of commerce.", "en",
         "Hotel bookings", "regional chamber of commerce"),
        ("Le taux de réussite atteint 91 %, a indiqué la commission académique.", "fr",
         "taux de réussite", "commission académique"),
    ],
)
def test_document_author_and_offices(text: str, lang: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("La saison a attiré 40 000 spectateurs, selon son vice-président, Paul Ferrand.",
         "La saison", "Paul Ferrand"),
        ("La saison a attiré 40 000 spectateurs, selon la vice-présidente, Anne Roux.",
         "La saison", "Anne Roux"),
        ("La saison a attiré 40 000 spectateurs, selon son vice-président, qui ne cite personne.",
         "La saison", "vice-président"),  # no name after it: the office, as « selon la préfète »
    ],
)
def test_office_apposition_after_selon(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("L’hiver sera doux, a estimé l’Agence de l’environnement et de la maîtrise de l’énergie "
         "(AEME). Les prix baisseront, a ajouté l’AEME.", "Les prix baisseront",
         "Agence de l’environnement et de la maîtrise de l’énergie"),
        ("Les crues ont cessé, selon l’Établissement public du Rhône (EPR). Les digues tiennent, "
         "a précisé l’EPR.", "Les digues tiennent", "Établissement public du Rhône"),
        ("Les digues tiennent, a précisé l’EPR.", "Les digues tiennent", "EPR"),  # never spelled out
    ],
)
def test_acronym_spelled_out_in_french(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("« C’est trop peu », a réagi un porte-parole de l’Union des locataires.", "trop peu",
         "porte-parole de l’Union des locataires"),
        ("« C’est trop peu », a déploré une porte-parole de l’UNEF-Lyon.", "trop peu",
         "porte-parole de l’UNEF-Lyon"),
        ("« C’est trop peu », a réagi Julie Martin, porte-parole de l’Union des locataires.",
         "trop peu", "Julie Martin"),  # a name after the verb is the speaker
    ],
)
def test_indefinite_office_after_quote(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("Le pont coûtera 8 millions d’euros, dont la moitié payée par le Département, a indiqué "
         "la présidente, Anne Colin.", "fr", "Le pont coûtera", "Anne Colin"),
        ("Les repas seront offerts par la Ville, a précisé l’adjointe, Marie Lenoir.", "fr",
         "Les repas", "Marie Lenoir"),
        ("Le Département, a indiqué sa présidente, financera la moitié.", "fr", "financera",
         "présidente"),
        ("The bridge will be paid for by the State, said Mayor Tom Reed.", "en", "The bridge",
         "Mayor Tom Reed"),
    ],
)
def test_complement_before_inverted_verb(text: str, lang: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("His lawyer, Choi Min-jun, said he would appeal. “This is unjust,” Choi told reporters.",
         "This is unjust", "Choi Min-jun"),
        ("Judge Yoon Hye-jin read the verdict. “The facts are clear,” Yoon said.",
         "The facts are clear", "Judge Yoon Hye-jin"),
        ("Anna Berg chairs the board. “We will vote,” Berg said.", "We will vote", "Anna Berg"),
        # a lone surname with no hyphenated given name after it stays what it was
        ("“We will vote,” Choi said.", "We will vote", "Choi"),
    ],
)
def test_family_name_first(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        # the office completes a title before it: no fragment of the title is the speaker
        ("Barroso, le président de la commission européenne se dit « rassuré » par le vote.",
         "rassuré", None),
        ("Le président de la commission des finances, Paul Dupont, se dit « inquiet ».", "inquiet",
         "Paul Dupont"),
        ("La commission électorale se dit « satisfaite » du scrutin.", "satisfaite",
         "commission électorale"),
    ],
)
def test_office_inside_a_title(text: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a share with a determiner and no "of" after it counts the noun after any adjective
        ("Now it hires less than half the staff it did.", [(0.5, "<", "staff")]),
        ("The lake holds half its normal volume.", [(0.5, "=", "volume")]),
        ("He is half her age.", [(0.5, "=", "age")]),
        ("Half the total was spent.", [(0.5, "=", "total")]),  # adjective-looking, but the noun
        ("Prices fell by half a cent.", [(0.5, "=", "cent")]),  # the article rule is kept
        # "of a" then a possessive within reach: the noun it owns
        ("Rent takes about a third of a young teacher’s pay.", [(0.3333, "~", "pay")]),
        ("Rent takes a third of a typical bill.", [(0.3333, "=", "bill")]),
        # a compound closing its clause: its last noun
        ("The firm lost a quarter of its stock value.", [(0.25, "=", "value")]),
        ("They control half of the North Sea gas market.", [(0.5, "=", "market")]),
        ("Two-thirds of the European Union budget, the report said.", [(0.6667, "=", "budget")]),
        # not a verb after the noun
        ("A third of the population lives in cities.", [(0.3333, "=", "population")]),
        ("A third of the French population lives in cities.", [(0.3333, "=", "population")]),
        ("Half of the class voted.", [(0.5, "=", "class")]),
    ],
)
def test_english_share_heads(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("Mayor Paula Grant conceded defeat late on Tuesday.", "en", "conceded", None),
        ("Senator Ray Cole conceded the race on Wednesday.", "en", "conceded", None),
        ("Mayor Paula Grant conceded that the count was fair.", "en", "conceded", "Mayor Paula Grant"),
        ("Le maire sortant, Paul Morel, a reconnu sa défaite dimanche.", "fr", "reconnu", None),
        ("Le maire sortant, Paul Morel, a reconnu que le scrutin était régulier.", "fr", "reconnu",
         "Paul Morel"),
    ],
)
def test_conceding_defeat_is_no_speech(text: str, lang: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, lang, fragment) == expected
