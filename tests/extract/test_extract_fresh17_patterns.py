"""Speaker and number patterns that the seventeenth fresh gold
(tests/extract/gold/facets_fresh17.jsonl) showed, each with what a sloppy rule would take instead:

- "Students who protested outside the meeting called ...", « Les habitants qui ont manifesté
  devant la mairie dénoncent »: the plural noun before the relative clause, not the last noun or
  the organisation inside it ("Dr. Lee, who led the study, said" stays the person);
- "the water utility JXN Water said", "Chile’s disaster agency Senapred said": an office noun
  after an English noun or a country's possessive, then the name it is (not "the elite group
  within Scientology called the Sea Org", a preposition after the office);
- "the USGS said" after "the U.S. Geological Survey": dotted initials spell an acronym too;
- "Varenta said" after "Drugmaker Varenta Pharmaceuticals": a company's name with the word that
  ends it, when no person has that name; an office noun capitalised before a name is no part of
  it ("Drugmaker", not "Police Chief Angela Ruiz");
- "according to a person familiar with the matter", "people close to the talks said": the
  unnamed source, whole;
- « le syndicat mixte »: « mixte » qualifies an office;
- « a exclu toute hausse », "ruled out a tax rise": ruling out is speech (« le club a exclu le
  joueur » is an act);
- a pronoun after a sentence that names a channel after « sur » first (« Interrogé sur France
  Info, le ministre, X, ... Il a promis »): the person, not the channel;
- « Le nouveau propriétaire a promis »: an adjective before an anaphoric noun;
- « », calcule Thierry Lemoine »: verbs that speak only right after a quote (« le récepteur
  calcule la distance » says nothing);
- "1.4 square kilometres": the British spelling of the unit;
- « contre 27 il y a deux ans »: a pronoun is no counted noun;
- « la route départementale 1091 », « la nationale 7 »: road numbers;
- « en Top 14 d’ici trois ans »: a number word is no counted noun;
- « a dépassé mardi les 2 euros »: a day word between a verb comparator and its article.
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities as facets
from tests.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        # a plural subject before its relative clause
        ("The hearing ended late. Parents who attended the hearing said the plan was unfair.", "en",
         "Parents who attended", "Parents"),
        ("The board voted. Nurses who work at the county hospital called the decision “reckless.”", "en",
         "Nurses who work", "Nurses"),
        ("Le conseil a voté. Les riverains qui ont assisté à la réunion dénoncent « un passage "
         "en force ».", "fr",
         "Les riverains qui", "riverains"),
        ("Dr. Ann Lee, who led the study, said the sample was small.", "en", "who led the study",
         "Dr. Ann Lee"),
        ("Les élus qui siègent au conseil ont voté contre le budget.", "fr", "ont voté contre", None),
        # an office after an English noun or a country's possessive, then its name
        ("Gas pressure dropped overnight, the gas utility Norgrid said on Monday.", "en",
         "Gas pressure dropped", "Norgrid"),
        ("Peru’s weather agency Senamhi said the rains would last until Friday.", "en",
         "the rains would last", "Senamhi"),
        ("A former member of the secret group within Opus called the Order was arrested.", "en",
         "was arrested", None),
        # dotted initials spell the acronym
        ("Fires burned 4,000 acres, the U.S. Forest Service said. The USFS said crews were tired.", "en",
         "crews were tired", "U.S. Forest Service"),
        ("The USDA said prices would rise.", "en", "prices would rise", "USDA"),
        # a company's name and the office noun before it
        ("Biotech firm Corvel Therapeutics will cut 200 jobs. Corvel said the trial had failed.", "en",
         "the trial had failed", "Corvel Therapeutics"),
        ("Chipmaker Lumetra will build a plant in Ohio. Lumetra said it would hire 900 people.", "en",
         "would hire 900", "Lumetra"),
        ("Tom Ford visited Ford Motors on Monday. Ford said he was impressed.", "en", "he was impressed",
         "Tom Ford"),
        ("Police Chief Angela Ruiz spoke first. Ruiz said the road would reopen.", "en",
         "the road would reopen", "Police Chief Angela Ruiz"),
        # an unnamed source, whole
        ("The deal values the firm at $4 billion, according to people familiar with the talks.", "en",
         "values the firm", "people familiar with the talks"),
        ("The suspect had fled to Spain, a source close to the investigation said.", "en",
         "had fled to Spain", "source close to the investigation"),
        ("Many people close to him were shocked by the news.", "en", "were shocked", None),
        # « mixte » after an office
        ("Les tarifs augmenteront de 5 % en janvier, selon le syndicat mixte.", "fr",
         "Les tarifs augmenteront", "syndicat mixte"),
        # ruling out is speech
        ("Le ministre du Budget, Paul Durand, a exclu toute hausse d’impôts en 2027.", "fr",
         "toute hausse d’impôts", "Paul Durand"),
        ("Governor Ann Wells ruled out a tax rise before the election.", "en", "ruled out a tax rise",
         "Governor Ann Wells"),
        ("Le club a exclu le joueur pour trois matchs.", "fr", "exclu le joueur", None),
        # a pronoun: the person, not the channel named first
        ("Invitée sur RTL, la ministre de la Santé, Claire Morin, a visité un hôpital. "
         "Elle a promis « des moyens nouveaux » pour les urgences.", "fr", "Elle a promis", "Claire Morin"),
        # an adjective before an anaphoric noun
        ("« Personne ne sera licencié », a assuré Paul Henry. Le nouveau repreneur a promis de garder "
         "les 80 salariés.", "fr", "Le nouveau repreneur", "Paul Henry"),
        ("Le propriétaire du logement a promis des travaux.", "fr", "des travaux", None),
        # verbs that speak only after a quote
        ("« Un trajet coûte 4 euros de plus qu’en 2024 », calcule Anne Morel, infirmière à Brest.", "fr",
         "Un trajet coûte", "Anne Morel"),
        ("« C’est une affaire de confiance », résume le maire, Paul Guérin.", "fr", "affaire de confiance",
         "Paul Guérin"),
        ("Le logiciel calcule la trajectoire de chaque satellite.", "fr", "calcule la trajectoire", None),
    ],
)
def test_speaker_patterns(text: str, lang: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The park covers 2.5 square kilometres of wetland.", "en", [(2.5, "=", "square kilometres")]),
        ("The lake covers 12 kilometres of shore.", "en", [(12, "=", "kilometres")]),
        ("Le ticket coûte 2 euros, contre 1,60 il y a trois ans.", "fr",
         [(2, "=", "euros"), (1.6, "=", ""), (3, "=", "ans")]),
        ("La route départementale 25 est coupée.", "fr", []),
        ("Un camion s’est renversé sur la nationale 7.", "fr", []),
        ("Vingt-cinq routes départementales sont coupées.", "fr", [(25, "=", "routes")]),
        ("Le club veut remonter en Ligue 2 d’ici deux ans.", "fr", [(2, "=", "ans")]),
        ("Il vise 14 titres d’ici trois ans.", "fr", [(14, "=", "titres"), (3, "=", "ans")]),
        ("Le CAC 40 a dépassé jeudi les 8 000 points.", "fr", [(8000, ">", "points")]),
        ("Le taux de chômage dépasse désormais les 9 %.", "fr", [(9, ">", "%")]),
        ("Il est rentré mardi les 2 mains vides.", "fr", [(2, "=", "mains")]),
        ("Le chômage a atteint jeudi les 8 %.", "fr", [(8, "=", "%")]),
    ],
)
def test_number_patterns(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected
