"""Speaker and number patterns that the twentieth fresh gold
(tests/extract/gold/facets_fresh20.jsonl, whole articles in both languages: obituaries and
profiles, election nights, appeal and supreme court rulings, product recalls, anniversaries)
showed, each with what a sloppy rule would take instead:

- "The youngest victim was 16, and the oldest ... was 63", "I was 21 and ...": an age after a
  copula whose subject is a person's pronoun, a person's noun or a first name and a surname,
  the number closing its clause ("The score was 16", "was 45 metres" are none);
- "the city's first Latina mayor": a rank after a noun's possessive, as after "her" (not "it's
  first come", nor "the company's first quarter");
- "The three-judge panel", "a five-member board": a count in words before a hyphen, kept as a
  count in digits is ("a 230-seat parliament"); "a two-way street" counts nothing;
- « a raconté l'Américain Robert Hale »: a nationality before a name is no stand-in for the
  person named before (« a reconnu la Suédoise » still is);
- "Prior conceded in a phone call, his campaign said.": an office closing the sentence after a
  comma reports it, not the subject of an earlier speech verb;
- '“...,” she said.' and « », reconnaît-elle » in a portrait: the person named by a surname in
  the paragraph before, or the only person the article has named;
- "historians estimate", « se souvient son ancien coéquipier X »: speech verbs;
- « ramenés de 400 000 à 250 000 euros », « est passée de 1 200 à 850 couples »: participles of
  change that agree, two values, no range;
- « la Ligue pour la protection des oiseaux »: « pour la » inside an organisation's name;
- « la moitié de ma section »: a singular possessive before the noun counted (« ma » is none).
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities as facets
from tests.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The youngest passenger was a girl who was 9, the airline said.", [(9.0, "=", "years")]),
        ("The driver was 27, police said.", [(27.0, "=", "years")]),
        ("She was 102 when she cast her last vote.", [(102.0, "=", "years")]),
        ("I was 17 and had never left the village.", [(17.0, "=", "years")]),
        ("The founder, a baker named Marta Kowalski, was 71.", [(71.0, "=", "years")]),
        ("Maria Lopez was 33, her sister said.", [(33.0, "=", "years")]),
        # not an age: no person before the copula, a unit after it, a capitalised common noun
        ("The score was 16 at half-time.", [(16.0, "=", "")]),
        ("The man was 45 metres from the blast.", [(45.0, "=", "metres")]),
        ("The Dow was 200 points lower.", [(200.0, "=", "points")]),
        ("Turnout in the ward was 41, officials said.", [(41.0, "=", "")]),
    ],
)
def test_age_after_copula(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She became the state's first Black governor in 2019.", [(1.0, "=", "ordinal")]),
        ("It was the club's second trophy of the season.", [(2.0, "=", "ordinal")]),
        ("It's first come, first served at the food bank.", []),
        ("That's second nature to a sailor.", []),
        ("The retailer's first quarter was its weakest.", []),
    ],
)
def test_rank_after_possessive_s(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A three-judge panel heard the appeal.", [(3.0, "=", "judge")]),
        ("The seven-member commission will report in June.", [(7.0, "=", "member")]),
        ("They signed a four-nation agreement.", [(4.0, "=", "nation")]),
        ("He took a two-year break.", [(2.0, "=", "year")]),
        ("Twenty-one people were hurt.", [(21.0, "=", "people")]),
        # adjectives, not counts
        ("Trade is a two-way street.", []),
        ("It was a one-sided contest.", []),
        ("She received a one-time bonus.", []),
    ],
)
def test_count_in_words_before_hyphen(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("La cérémonie s'est tenue à Utah Beach.\n\n« Nous étions des gamins », a confié le "
         "Canadien Paul Gagnon, venu de Québec.", "Nous étions des gamins", "Paul Gagnon"),
        ("Anna Berg a remporté la course à Paris.\n\n« J'étais prête », a reconnu la Suédoise.",
         "J'étais prête", "Anna Berg"),
    ],
)
def test_demonym_before_name(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Senator Ruth Vance lost her seat.\n\nVance conceded shortly after midnight, her "
         "spokesman said.", "conceded shortly", "spokesman"),
        ("The mayor conceded the race on Wednesday, the campaign said.", "conceded the race",
         "campaign"),
        # an earlier speech verb with no office closing the sentence keeps its subject
        ("Ruth Vance conceded that the race was lost.", "the race was lost", "Ruth Vance"),
    ],
)
def test_office_closing_after_comma(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("Tomas Varga opened his first garage in Debrecen in 1998.\n\nVarga, 61, trained as a "
         "welder.\n\n“I never planned to run a business,” he said.", "en",
         "never planned", "Tomas Varga"),
        ("À 31 ans, Inès Morel dirige le théâtre de la ville.\n\nNée à Nantes, elle a d'abord "
         "été comédienne.\n\n« Je voulais ouvrir les portes », explique-t-elle.", "fr",
         "ouvrir les portes", "Inès Morel"),
        # two people named before: no guess
        ("À 31 ans, Inès Morel dirige le théâtre, que Paul Abadie lui a confié.\n\nNée à Nantes, "
         "elle a d'abord été comédienne.\n\n« Je voulais ouvrir les portes », explique-t-elle.",
         "fr", "ouvrir les portes", None),
    ],
)
def test_pronoun_with_one_person(text: str, lang: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("Some 3,000 people lived in the valley, geographers estimate.", "en", "lived in the valley",
         "geographers"),
        ("« Il ne lâchait jamais rien », se souvient son ancien voisin Marc Olivier.", "fr",
         "ne lâchait jamais", "Marc Olivier"),
        ("Selon l'Association pour la sauvegarde du littoral, la plage a reculé.", "fr",
         "la plage a reculé", "Association pour la sauvegarde du littoral"),
    ],
)
def test_speech_verbs_and_names(text: str, lang: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les indemnités, ramenées de 8 000 à 5 000 euros, seront versées en mai.",
         [(8000.0, "=", "euros"), (5000.0, "=", "euros")]),
        ("La part des jeunes est passée de 12 à 18 %.", [(12.0, "=", "%"), (18.0, "=", "%")]),
        # no verb of change before « de »: a range
        ("Les loyers de 600 à 800 euros sont les plus demandés.",
         [(600.0, ">=", "euros"), (800.0, "<=", "euros")]),
    ],
)
def test_agreeing_participles_of_change(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # « la moitié de ma section » counted « ma »: a singular possessive is a determiner
        ("Il a perdu la moitié de sa fortune en bourse.", [(0.5, "=", "fortune")]),
        ("Le quart de notre budget part en loyers.", [(0.25, "=", "budget")]),
        ("Deux de leurs enfants vivent à Lyon.", [(2.0, "=", "enfants")]),
    ],
)
def test_share_of_a_possessive(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "fr") == expected
