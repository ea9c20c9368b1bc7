"""Number and speaker patterns that the twelfth fresh gold (tests/extract/gold/facets_fresh12.jsonl)
showed, each with the words a sloppy rule would take instead:

- two ages after "aged" joined by "and" are both ages ("Victims aged 19 and 21 died": not
  "died"), not "19 years and 21 others"; "at the age of 19", « à l'âge de 91 ans »;
- a tally or a result is no range ("voted 4-3", « a renversé Marseille 3-2 », "Marseille (3-2)"
  after a name), a bracketed range with a unit still is;
- "one of nine children" counts one child of nine ("one of the best" counts nothing);
- a fraction before a comparison ("a tenth more than", "a quarter fewer") is a share, not the
  ordinal "tenth"; « les trois quarts chez », « les deux tiers ont voté »: a French share after a
  number word needs no « de » (« un tiers paiera » is a third party);
- « quatre de plus », « deux de moins » count no « plus »; « proches de 24 °C » is about 24.
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities as facets
from tests.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Victims aged 19 and 21 died in the crash.", "en", [(19, "=", "years"), (21, "=", "years")]),
        ("The suspects, aged 19 and 21, were arrested.", "en", [(19, "=", "years"), (21, "=", "years")]),
        ("He was jailed for 19 years and 21 others were fined.", "en",
         [(19, "=", "years"), (21, "=", "others")]),
        ("He won his title at the age of 19.", "en", [(19, "=", "years")]),
        ("Il est mort à l’âge de 91 ans.", "fr", [(91, "=", "ans")]),
        ("Deux jeunes femmes âgées de 19 et 22 ans ont été tuées.", "fr",
         [(2, "=", "femmes"), (19, "=", "ans"), (22, "=", "ans")]),
    ],
)
def test_ages(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The council voted 4-3 to raise fees.", "en", [(4, "=", ""), (3, "=", "")]),
        ("Lyon a renversé Marseille 3-2 dimanche.", "fr", [(3, "=", ""), (2, "=", "")]),
        ("Lyon bat Marseille (3-2) dimanche.", "fr", [(3, "=", ""), (2, "=", "")]),
        ("Le PSG (2-1) reste en tête.", "fr", [(2, "=", ""), (1, "=", "")]),
        ("Prices rose (3-5%) in the region.", "en", [(3, ">=", "%"), (5, "<=", "%")]),
        ("It will take 10-20 days.", "en", [(10, ">=", "days"), (20, "<=", "days")]),
    ],
)
def test_a_tally_or_a_result_is_no_range(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("She was one of nine children.", "en", [(1, "=", "children"), (9, "=", "children")]),
        ("He is one of the 12 finalists.", "en", [(1, "=", "finalists"), (12, "=", "finalists")]),
        ("It is one of the best teams.", "en", []),
        ("One of them was hurt.", "en", []),
    ],
)
def test_one_of_a_count(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The winner takes 3 million pounds, a tenth more than last year.", "en",
         [(3000000, "=", "pounds"), (0.1, "=", "")]),
        ("The plant used a quarter less water.", "en", [(0.25, "=", "")]),
        ("He finished tenth.", "en", [(10, "=", "ordinal")]),
        ("Il y a eu 1 500 décès, dont les trois quarts chez des personnes âgées.", "fr",
         [(1500, "=", "décès"), (0.75, "=", "")]),
        ("Les deux tiers ont voté pour.", "fr", [(0.6667, "=", "")]),
        ("Un tiers paiera la facture.", "fr", []),
        ("Le match a duré trois quarts d’heure.", "fr", [(0.75, "=", "heure")]),
    ],
)
def test_a_share_with_nothing_after_it(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Il y a eu 23 morts, soit quatre de plus qu’en 2024.", "fr", [(23, "=", "morts"), (4, "=", "")]),
        ("On compte deux de moins que l’an dernier.", "fr", [(2, "=", "")]),
        ("Les minimales seront proches de 24 °C.", "fr", [(24, "~", "°C")]),
        ("Le bilan est proche de 300 morts.", "fr", [(300, "~", "morts")]),
    ],
)
def test_more_and_close_to(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        # A lone surname the article names in full, in the paragraph of the pronoun, rather than
        # the previous paragraph's speaker.
        ("“It was a business model,” Daniel Frye told the court.\n\nRaymond Castellanos had pleaded "
         "guilty.\n\nCastellanos apologized before the sentence was read. “I let down my family,” he "
         "said.", "en", "I let down", "Raymond Castellanos"),
        # Any verb inverted with its pronoun after a quote attributes it (« a-t-il souri »).
        ("« Le groupe a du caractère », a confié l’entraîneur, Fabien Reynaud.\n\nMamadou Koné, 20 "
         "ans, a inscrit le but de la victoire. « Je n’ai pas réalisé tout de suite », a-t-il souri.",
         "fr", "Je n’ai pas réalisé", "Mamadou Koné"),
        ("« Le groupe a du caractère », a confié l’entraîneur, Fabien Reynaud.\n\nMamadou Koné a "
         "marqué. « C’est un rêve », s’amuse-t-il.", "fr", "C’est un rêve", "Mamadou Koné"),
        # A surname nobody names in full is no person of its own: the previous speaker stays.
        ("“We will appeal,” said lawyer Tom Beck.\n\n“It is not over,” he said.", "en",
         "It is not over", "Tom Beck"),
    ],
)
def test_a_pronoun_after_a_person_named_in_its_paragraph(
    text: str, lang: str, fragment: str, expected: str
) -> None:
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les cours commencent à 8 heures dans neuf lycées sur dix.", [(0.9, "=", "lycées")]),
        ("Il est arrivé à 9 heures.", []),
        ("Le village est à 2 heures de route.", [(2, "=", "heures")]),
        ("L’attente peut aller jusqu’à 12 heures.", [(12, "<=", "heures")]),
    ],
)
def test_a_french_hour_after_a_is_a_time_of_day(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("She won her first Grand Slam title.", "en", [(1, "=", "ordinal")]),
        ("Il a marqué son premier but.", "fr", [(1, "=", "ordinal")]),
        ("C’est son premier en Ligue 1.", "fr", [(1, "=", "ordinal")]),
        ("She beat second-seeded Hanna Lindgren.", "en", [(2, "=", "ordinal")]),
        ("He graduated first in his class.", "en", [(1, "=", "ordinal")]),
        ("At first, nobody came.", "en", []),
        ("First, the council must vote.", "en", []),
        ("Le premier ministre a parlé.", "fr", []),
    ],
)
def test_a_rank_after_a_possessive_or_a_verb(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        # An apposition holding an age and a relative clause between the name and the verb.
        ("Hanna Lindgren lost the final.\n\nLindgren, 27, who had not dropped a set all tournament, "
         "said the wind made serving difficult.", "the wind made", "Hanna Lindgren"),
        # A name of a few words opening the clause, with an acronym or a possessive in it, also
        # before an apposition.
        ("Alzheimer’s Research UK said the findings were encouraging.", "the findings",
         "Alzheimer’s Research UK"),
        ("Alzheimer’s Research UK, which was not involved in the work, called the findings "
         "encouraging.", "the findings", "Alzheimer’s Research UK"),
        ("Microsoft, which employs 200,000 people, said it would cut jobs.", "cut jobs", "Microsoft"),
        ("On Tuesday Mayor said it was fine.", "it was fine", None),
        # The subject of a first verb, then an apposition, then "and said".
        ("The Bank of Canada cut its key interest rate on Wednesday, its third cut this year, and "
         "said further easing was possible.", "further easing", "Bank of Canada"),
        ("Prices rose sharply, and said nothing.", "Prices rose", None),
        # A document's authors: the people at an organisation, whole.
        ("Adults who walked more were less likely to develop dementia, according to a study "
         "published Tuesday by researchers at the University of Sydney.", "Adults who walked",
         "researchers at the University of Sydney"),
    ],
)
def test_english_subjects(text: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        # A closing attribution followed by a manner adjunct.
        ("Le procureur de Lyon, Stéphane Morel, a ouvert une enquête. Un dépistage a été réalisé "
         "sur les deux conducteurs, a-t-il précisé, sans en communiquer les résultats.", "fr",
         "Un dépistage", "Stéphane Morel"),
        ("Le procureur de Lyon, Stéphane Morel, a ouvert une enquête. La route est fermée, où elle "
         "demande, sans doute, des travaux.", "fr", "La route", None),
        # « selon lui » between commas inside the sentence.
        ("« Le sommeil compte », explique le professeur Damien Lefort, qui a dirigé les travaux. "
         "Les écrans sont en cause, selon lui, mais aussi les horaires.", "fr", "Les écrans",
         "professeur Damien Lefort"),
        ("“Sleep matters,” said Professor Dan Lee. Screens are to blame, according to him, but so "
         "are schedules.", "en", "Screens are", "Professor Dan Lee"),
        ("Marie Dupont a gagné. C’est un cadeau pour elle, a dit son père.", "fr", "un cadeau", "père"),
        # The author's name right after or before the document.
        ("Selon un sondage Ifop publié dimanche, 78 % des Français se disent favorables.", "fr",
         "78 %", "Ifop"),
        ("According to a Gallup poll released Monday, 40% approve.", "en", "40%", "Gallup"),
        ("According to a new study, prices rise.", "en", "prices rise", None),
        # An office noun with its complement, then the name, after an inverted verb.
        ("La consommation devrait grimper de 8 à 10 %, estime le gestionnaire du réseau RTE, qui "
         "n’anticipe toutefois « aucune difficulté ».", "fr", "La consommation", "RTE"),
    ],
)
def test_sources_named_inside_the_sentence(text: str, lang: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dollar fell to 71.80 U.S. cents.", [(71.8, "=", "cents")]),
        ("It sent 200 US troops.", [(200, "=", "troops")]),
        ("Officials counted 40 U.N. vehicles.", [(40, "=", "vehicles")]),
        ("About 30 EU states agreed.", [(30, "~", "states")]),
    ],
)
def test_the_noun_after_initials(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("La CGT appelle à un rassemblement jeudi devant la sous-préfecture.", "rassemblement", "CGT"),
        ("Le syndicat a appelé à la grève.", "grève", "syndicat"),
        ("Il s’appelle Jean et il a appelé les pompiers.", "pompiers", None),
    ],
)
def test_a_call_to_act_is_speech(text: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les secours ont mis plus d’une heure à désincarcérer les victimes.", [(1, ">", "heure")]),
        ("L’opposition dénonce une mesure à moins d’un an des municipales.", [(1, "<", "an")]),
        ("Il a vendu une maison.", []),
    ],
)
def test_one_after_a_comparator_in_a_sentence(text: str, expected: list[tuple[float, str, str]]) -> None:
    from claims.extract import extract

    claim = extract(text, lang="fr")[0]
    assert [(round(q.value, 4), q.comparator, q.unit) for q in claim.quantities] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harlow remain 17th, one point above the relegation zone.",
         [(17, "=", "ordinal"), (1, "=", "point")]),
        ("They finished one point behind.", [(1, "=", "point")]),
        ("At one point, he left.", []),
        ("One point I want to make is this.", []),
        ("One day we will win.", []),
    ],
)
def test_one_unit_before_a_position(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        # Adjectives after a common subject, an adverb after its auxiliary: the subject of the first
        # speech verb, not of a later one (« la gauche dénonce »).
        ("Toute la classe politique a violemment réagi contre cette annonce, la droite pointant le "
         "doigt sur les coûts, tandis que la gauche dénonce un abandon.", "classe politique",
         "classe politique"),
        ("La centrale syndicale précise que l’agent avait demandé à changer de service.", "l’agent",
         "centrale syndicale"),
        ("Le géant japonais promet une autonomie accrue.", "autonomie", "géant japonais"),
        ("Les syndicats dénoncent un plan brutal.", "plan brutal", "syndicats"),
    ],
)
def test_a_common_subject_with_its_adjectives(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        # A nationality or an age standing for the person named before.
        ("“I was shaking,” Elif Sarac said.\n\nHanna Lindgren, 27, said the wind made serving "
         "difficult. “She played better,” the Swede said.", "en", "She played better", "Hanna Lindgren"),
        ("Hanna Lindgren lost. “She was better,” said the 27-year-old.", "en", "She was better",
         "Hanna Lindgren"),
        ("Hanna Lindgren a perdu. « Elle a mieux joué », a reconnu la Suédoise.", "fr", "Elle a mieux",
         "Hanna Lindgren"),
        # A newspaper is no nationality.
        ("“It is fine,” the Guardian said.", "en", "It is fine", "Guardian"),
    ],
)
def test_a_nationality_or_an_age_refers_back(text: str, lang: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Roosevelt vetoed an average of fifty-five bills a year.", "en", [(55, "=", "bills")]),
        ("From the day I came with our first lady, it was bad.", "en", []),
        ("These are our first responders.", "en", []),
        ("Sa première dame est venue.", "fr", []),
        ("He put in deficits for every one of his four years.", "en", [(4, "=", "years")]),
        ("Let me make one thing clear.", "en", []),
    ],
)
def test_what_the_new_number_rules_must_not_take(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "wrong"),
    [
        # A sequence adverb before an apposition is no subject.
        ("First, the Joint Chiefs of Staff went to the President, said, “Don’t put those troops "
         "there.”", "Joint Chiefs", "First"),
        # Only an age stands before an apposition: no place several commas back.
        ("What happens in South Africa, where, for example, the Nobel Prize winner, 2 days ago, "
         "said this.", "South Africa", "South Africa"),
    ],
)
def test_what_the_new_speaker_rules_must_not_take(text: str, fragment: str, wrong: str) -> None:
    assert speaker_of(text, "en", fragment) != wrong
