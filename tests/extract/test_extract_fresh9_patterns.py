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
- « en battant Guingamp 2-1 après prolongation » is a score, not a range;
- a title, what it heads and the person with no comma (« a annoncé mercredi le président de
  l’Assemblée nationale Étienne Marchal ») is that person, titled, and « a-t-il précisé » after
  it is the same person;
- offices that speak: « selon les services de l’Assemblée », « selon une source proche du
  dossier », « précise le club finistérien », and the name after its office noun (« précise
  l’ONG Médecins du Monde », "German carmaker Vallendorf ..., it said");
- "The chief said" after "Denver Police Chief Angela Ruiz" is she, and "Ruiz said" too, with the
  city a quote closing on a comma does not cut off;
- a speech verb inside the quoted words (« le groupe n’a jamais lâché ») names no speaker for
  the quote after it;
- « a réagi son avocat, Me Julien Perrot » is the person in apposition, and so « Selon lui »;
- « Pour l’économiste Sophie Le Gall, de Natixis, l’objectif est « ... » » is hers, not the
  previous quote's speaker's;
- "Senator Paul Whitcomb, a Republican from Nebraska, called ..." is the senator, not the state;
- standing by a forecast states it again (« Il maintient sa prévision », « a maintenu son
  objectif »), but « maintient l’ordre » is no speech;
- and, from the tenth fresh gold (facets_fresh10.jsonl): the plural of the French present
  speech verbs (« Les syndicats dénoncent »), « a-t-elle justifié », « fait valoir »; « une
  école rurale sur cinq »; « selon la chambre de commerce et d’industrie du Morbihan », « la
  société d’économie mixte »; a quantifier before a plural subject (« certains wikipédiens
  estiment », "some analysts said").
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities as facets
from tests.helpers import speaker_of


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
        # (an adjective before a noun modifier leaves the head noun counted)
        ("He had the three largest tax increases in its history.", "en", [(3, "=", "increases")]),
        ("Cleaning up two-thirds of the worst toxic waste dumps.", "en", [(0.6667, "=", "dumps")]),
        ("One out of two of the full-time college students get aid.", "en", [(0.5, "=", "students")]),
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


def test_a_title_heading_something_then_the_person_without_a_comma() -> None:
    text = (
        "Le texte sera examiné en séance à partir du 12 janvier, a annoncé mercredi le président "
        "de l’Assemblée nationale Étienne Marchal. Les débats devraient durer au moins deux "
        "semaines, a-t-il précisé."
    )
    expected = "président de l’Assemblée nationale Étienne Marchal"
    assert speaker_of(text, "fr", "sera examiné") == expected
    assert speaker_of(text, "fr", "Les débats") == expected
    assert speaker_of("Le texte a été adopté, a déclaré le président du Sénat Gérard Lemaire.", "fr",
                      "adopté") == "président du Sénat Gérard Lemaire"
    assert speaker_of("Le vote aura lieu mardi, a annoncé le président du conseil régional Jean "
                      "Dupont.", "fr", "Le vote") == "président du conseil régional Jean Dupont"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plus de 3 200 amendements ont été déposés, selon les services de l’Assemblée.",
         "services de l’Assemblée"),
        ("La banque n’a pas souhaité faire de commentaire, selon une source proche du dossier.",
         "source proche du dossier"),
        ("La recette s’élève à environ 210 000 euros, précise le club finistérien.",
         "club finistérien"),
        ("Jusqu’à 2 000 personnes par jour transitent par le camp, précise l’ONG Médecins du Monde.",
         "Médecins du Monde"),
    ],
)
def test_offices_and_names_after_office_nouns_fr(text: str, expected: str) -> None:
    assert speaker_of(text, "fr", text[:20]) == expected


def test_a_title_heading_something_in_an_apposition_is_no_name() -> None:
    text = "Gérald Karsenti, PDG de HP France, a indiqué « vouloir procéder à des départs volontaires »."
    assert speaker_of(text, "fr", "départs") == "Gérald Karsenti"


def test_an_opinion_cue_opening_a_quote_names_a_new_source() -> None:
    text = (
        "« Nous partons », a dit Jean Roux.\n\n"
        "Pour la principale association de défense du logiciel libre, l'April : « Le vote est une "
        "victoire. »"
    )
    assert speaker_of(text, "fr", "Le vote") is None  # not Jean Roux's
    text = "« Nous partons », a dit Jean Roux.\n\nPour gagner, « il faudra se battre », a-t-il ajouté."
    assert speaker_of(text, "fr", "Pour gagner") == "Jean Roux"  # « Pour » and a verb: no cue


def test_a_name_after_an_office_noun_without_article() -> None:
    text = ("FRANKFURT (Reuters) — German carmaker Vallendorf will cut up to 9,000 jobs by 2030, "
            "it said on Friday.")
    assert speaker_of(text, "en", "will cut") == "Vallendorf"


def test_the_title_alone_and_the_surname_stand_for_the_person() -> None:
    text = (
        "“These were not pranks,” Denver Police Chief Angela Ruiz said at a news conference.\n\n"
        "The chief said officers had recovered a handgun.\n\n"
        "Ruiz said robberies had fallen by nearly 12% this year."
    )
    assert speaker_of(text, "en", "The chief said") == "Denver Police Chief Angela Ruiz"
    assert speaker_of(text, "en", "Ruiz said") == "Denver Police Chief Angela Ruiz"
    # ("the police said" after her is the police, not the chief)
    text += "\n\nThe police said two men were arrested."
    assert speaker_of(text, "en", "two men") == "police"


def test_a_speech_verb_inside_the_quoted_words_names_nobody() -> None:
    text = (
        "« On a souffert, mais le groupe n’a jamais lâché », a confié l’entraîneur brestois, "
        "Erwan Cadiou, au micro de France 3. « Ce soir, c’est tout un département qui gagne. »"
    )
    assert speaker_of(text, "fr", "Ce soir") == "Erwan Cadiou"


def test_the_person_in_apposition_after_a_common_noun_and_selon_lui() -> None:
    text = (
        "« Mon client a remboursé un tiers des sommes », a réagi son avocat, Me Julien Perrot. "
        "Selon lui, l’ancien banquier « a pris la mesure de ses actes »."
    )
    assert speaker_of(text, "fr", "Selon lui") == "Me Julien Perrot"
    assert speaker_of("La hausse sera de 3 %, a précisé son directeur, Jean Dupont, à la presse.",
                      "fr", "La hausse") == "Jean Dupont"


def test_an_opinion_opening_the_sentence_of_a_quote() -> None:
    text = (
        "« La tendance reste bonne », a assuré le ministre, Bastien Roche.\n\n"
        "Pour l’économiste Sophie Le Gall, de Natixis, l’objectif est « atteignable, à condition "
        "que les livraisons accélèrent »."
    )
    assert speaker_of(text, "fr", "l’objectif est") == "Sophie Le Gall"


def test_the_person_before_an_apposition_naming_a_place() -> None:
    text = "Senator Paul Whitcomb, a Republican from Nebraska, called the case “an attack on rural jobs.”"
    assert speaker_of(text, "en", "called the case") == "Senator Paul Whitcomb"


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("« L’économie résiste », a déclaré le ministre, Antoine Delmas. Il maintient sa prévision "
         "de croissance de 1,1 %.", "Il maintient", "Antoine Delmas"),
        ("La Banque de France a maintenu son objectif d’une inflation de 2 %.", "maintenu",
         "Banque de France"),
        ("« Tout va bien », a déclaré le préfet, Jean Roux. La police maintient l’ordre dans le "
         "quartier depuis mardi.", "La police maintient", None),
    ],
)
def test_standing_by_a_forecast(text: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Les syndicats dénoncent « une saignée ».", "dénoncent", "syndicats"),
        ("Près de 2 400 postes seront supprimés, a annoncé la ministre de l’Éducation nationale, "
         "Hélène Rivière.\n\n« Nous perdons 100 000 élèves par an », a-t-elle justifié.",
         "Nous perdons", "Hélène Rivière"),
        ("Le ministère fait valoir que les classes resteront petites.", "fait valoir", "ministère"),
        ("Près de 3 000 emplois en dépendent, d’après la chambre de commerce et d’industrie du "
         "Morbihan.", "Près de", "chambre de commerce et d’industrie du Morbihan"),
        ("Les débarquements ont reculé de 6 %, selon le bilan présenté mardi par la société "
         "d’économie mixte qui gère la criée.", "débarquements", "société d’économie mixte"),
    ],
)
def test_plural_verbs_and_long_offices_fr(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "fr", fragment) == expected


def test_a_quantifier_before_a_plural_subject() -> None:
    text = (
        "« Tout va bien », a dit Élisabeth Bonnet.\n\nEn guise de réponse, certains wikipédiens "
        "estiment que la télévision est une « machine à décerveler »."
    )
    assert speaker_of(text, "fr", "certains wikipédiens") == "wikipédiens"
    assert speaker_of("Some analysts said the order was too big.", "en", "analysts") == "analysts"
    # (not "some" inside a word: "somebody who says", "something you said")
    assert speaker_of("They will not follow somebody who says this is the wrong war.", "en",
                      "somebody") is None
    text = ("Malgré tout, des analystes jugent dans la presse que le jugement pourrait être une "
            "chance. Ils estiment que le groupe doit innover.")
    assert speaker_of(text, "fr", "Ils estiment") == "analystes"


def test_a_ratio_with_an_adjective_after_its_noun() -> None:
    assert facets("Près d’une école rurale sur cinq pourrait perdre une classe.", "fr") == [
        (0.2, "~", "école")
    ]
