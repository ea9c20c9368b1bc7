"""Patterns that the eighteenth fresh gold (tests/extract/gold/facets_fresh18.jsonl, French
regional-press articles) showed, each in phrasings of its own, with what a sloppy rule would
take instead:

- speakers: « constate », « invoque », « réclame », « s'est défendu » are speech verbs; « adjoint
  », « adjointe », « chef d'escadron » are titles; « comité », « communauté de communes » are
  offices; a title keeps an adjective in -aire (« le conseiller communautaire X »); an office's
  complement keeps its adjective in -ier (« la direction du centre hospitalier de Quimper »); a
  name joined by « & » is a firm, never the person a later « le dirigeant » stands for;
- numbers: « et plus de » opens a comparison of its own, no « and more » after the number before
  (« 800 exposants et plus de 20 000 visiteurs »); « avoisine » is `~`; « de 21 h à 7 h du 1er
  juillet » are times of day (« 8 h à 10 h de route » stays a range of hours);
- dates: a decimal comma ends no clause (« passera à 2,50 € en janvier » looks ahead); a month
  after an amount in euros (« 3 € en mars ») is a month (« $12 December 27 » still no day); «
  au début du mois de juin » is June alone, no current month beside it; « chaque été », "every
  winter" are sets of seasons.
"""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract
from tests.helpers import found_dates, found_quantities, speaker_of

PUBLISHED = date(2019, 4, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("« Les haies ont disparu en vingt ans », constate Marie Gourvès, technicienne au syndicat.",
         "Les haies ont disparu", "Marie Gourvès"),
        ("La direction invoque la hausse du prix de l'énergie.", "La direction invoque", "direction"),
        ("Le syndicat réclame une prime de 300 euros pour tous les agents.", "prime de 300", "syndicat"),
        ("« Je n'ai rien pris dans la caisse », s'est défendue Lucie Caradec à l'audience.",
         "rien pris dans la caisse", "Lucie Caradec"),
        ("« Les travaux dureront tout l'été », précise l'adjoint à la voirie, Paul Riou.",
         "Les travaux dureront", "Paul Riou"),
        ("« Le cambrioleur est passé par le toit », indique le chef d'escadron Marc Le Goff.",
         "Le cambrioleur", "chef d'escadron Marc Le Goff"),
        ("« La taxe ne baissera pas », regrette la conseillère communautaire Léa Morvan.",
         "La taxe ne baissera", "conseillère communautaire Léa Morvan"),
        ("Le comité des fêtes annonce une édition sur trois jours.", "une édition", "comité des fêtes"),
        ("Selon la communauté de communes, la déchetterie rouvrira lundi.", "la déchetterie",
         "communauté de communes"),
        ("La maternité fermera, a confirmé la direction du centre hospitalier de Quimper.",
         "La maternité fermera", "direction du centre hospitalier de Quimper"),
        ("L'équipementier Durand & Associés va ouvrir une agence, a annoncé son président, Luc Durand. "
         "L'entreprise emploie déjà 40 salariés.\n\n"
         "« Nous embaucherons dix personnes », ajoute le dirigeant.",
         "Nous embaucherons", "Luc Durand"),
    ],
)
def test_regional_speakers(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Le constat de l'inspection est sévère pour la commune.", "Le constat"),  # a noun, no verb
        ("Le comité de pilotage s'est réuni pour la troisième fois.", "Le comité"),  # no speech
        ("Procter & Gamble a fermé son usine. « Nous sommes sous le choc », raconte une ouvrière.",
         "sous le choc"),  # a firm is no person a noun refers back to
    ],
)
def test_what_regional_speakers_do_not_take(text: str, fragment: str) -> None:
    assert speaker_of(text, "fr", fragment) is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("On attend 800 exposants et plus de 20 000 visiteurs.", "fr",
         [(800, "=", "exposants"), (20000, ">", "visiteurs")]),
        ("Le troupeau compte 1 500 brebis et plus d'une centaine de vaches.", "fr",
         [(1500, "=", "brebis"), (100, ">", "vaches")]),
        ("The show drew 1,500 cattle and more than 300 sheep.", "en",
         [(1500, "=", "cattle"), (300, ">", "sheep")]),
        # still a bound after its number
        ("Il faut 50 signatures et plus pour déposer une liste.", "fr", [(50, ">=", "signatures")]),
        ("Le loyer avoisine 1 500 € dans le centre.", "fr", [(1500, "~", "euros")]),
        ("La médiathèque ouvre de 10 h à 18 h du mardi au samedi.", "fr", []),
        ("Le trajet prend de 8 h à 10 h de route selon la météo.", "fr",
         [(8, ">=", "h"), (10, "<=", "h")]),
    ],
)
def test_regional_numbers(text: str, lang: str, expected: list) -> None:
    assert found_quantities(text, lang) == expected


def test_hours_before_a_range_of_days_are_times_of_day() -> None:
    # « de 21 h à 7 h du 1er juillet au 31 août »: opening hours, then the days they hold for
    claims = extract("La piscine sera ouverte de 21 h à 7 h du 1er juillet au 31 août.", lang="fr",
                     published=PUBLISHED)
    assert [(q.value, q.comparator, q.unit) for c in claims for q in c.quantities] == []
    assert [(str(d.from_), str(d.to)) for c in claims for d in c.dates] == [("2019-07-01", "2019-08-31")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le ticket de bus passera à 2,50 € en janvier.", "fr",
         [("janvier", "2020-01-01", "2020-01-31")]),
        ("Le ticket de bus est passé à 2,50 € en janvier.", "fr",
         [("janvier", "2019-01-01", "2019-01-31")]),
        ("La place de cinéma coûtera 9 € en septembre.", "fr",
         [("septembre", "2019-09-01", "2019-09-30")]),
        ("Les travaux reprendront au début du mois de juin.", "fr",
         [("juin", "2019-06-01", "2019-06-30")]),
        ("La fin du mois d'août sera décisive pour les vendanges.", "fr",
         [("août", "2019-08-01", "2019-08-31")]),
        # the current month where no month follows
        ("Les loyers seront versés à la fin du mois.", "fr",
         [("la fin du mois", "2019-04-01", "2019-04-30")]),
        ("Chaque été, la plage des Sables accueille des milliers de touristes.", "fr",
         [("Chaque été", "None", "None")]),
        ("Every winter the mountain road is closed.", "en", [("Every winter", "None", "None")]),
        ("The winter was harsh in the valley.", "en", [("The winter", "2018-12-01", "2019-02-28")]),
    ],
)
def test_regional_dates(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert found_dates(text, lang, PUBLISHED) == expected


def test_a_currency_before_a_day_still_keeps_it_from_the_day() -> None:
    # "$12 December 27": 12 is dollars, the day is the 27th's month alone
    found = found_dates("He paid $12 December 27.", "en", PUBLISHED)
    assert [d for d in found if d[0].startswith("12")] == []
