"""Speakers after a cue: « comme le précise » with an office and a name before a colon, the
people a bare plural names after "according to" or « selon des », and what no one says
(« selon le proverbe », "according to reports", a pronoun, a conjunction opening the
sentence)."""

from __future__ import annotations

import pytest

from claims.extract import extract


def speaker(text: str, lang: str, fragment: str | None = None) -> str | None:
    claims = extract(text, lang=lang)
    (claim,) = [c for c in claims if fragment is None or fragment in c.text]
    return claim.speaker


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Comme le souligne la directrice de l'hôpital, Claire Morvan : « Nous manquons de lits. »",
         "Claire Morvan"),
        ("Comme le rappelle Yves Tanguy : « La ligne ferme en juin. »", "Yves Tanguy"),
        ("Comme l'a dit Anne Perrot, le chantier prendra deux ans.", "Anne Perrot"),
        ("Comme le résume le président du club, Marc Even : « Rien n'est joué. »", "Marc Even"),
    ],
)
def test_comme_cues_give_the_person(text: str, expect: str) -> None:
    assert speaker(text, "fr") == expect


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("According to witnesses, the bus left the road at speed.", "en", "witnesses"),
        ("According to local farmers, the river has never been so low.", "en", "farmers"),
        ("According to residents in the valley, the alarm never sounded.", "en", "residents"),
        ("Selon des riverains, l'alarme n'a jamais retenti.", "fr", "riverains"),
        ("Selon plusieurs commerçants interrogés, la fréquentation a chuté.", "fr", "commerçants"),
        ("Selon de nombreux éleveurs du canton, la sécheresse est sans précédent.", "fr", "éleveurs"),
    ],
)
def test_a_bare_plural_after_a_cue_is_the_speaker(text: str, lang: str, expect: str) -> None:
    assert speaker(text, lang) == expect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Selon le dicton, mars est le mois le plus long.", "fr"),
        ("Comme le dit l'adage, rien ne sert de courir.", "fr"),
        ("According to legend, the well never runs dry.", "en"),
        ("According to reports, the ferry was overloaded.", "en"),
        ("Citing safety rules, the airline grounded the jet.", "en"),
        ("Selon eux, la digue était trop basse.", "fr"),
        ("Selon d'autres témoignages, la digue était trop basse.", "fr"),
        ("According to others, the ferry was overloaded.", "en"),
    ],
)
def test_nobody_says_these(text: str, lang: str) -> None:
    assert speaker(text, lang) is None


def test_a_conjunction_opening_the_sentence_is_no_name() -> None:
    assert speaker("Comme le précise Paul Riou : « Le port restera ouvert. »", "fr") == "Paul Riou"
    text = 'Unlike Mayor Dana Whitlock said, "the budget is not balanced."'
    assert speaker(text, "en") != "Unlike"


def test_an_impersonal_cue_keeps_its_office() -> None:
    text = "Deux randonneurs ont été secourus, a-t-on appris auprès de la gendarmerie."
    assert speaker(text, "fr") == "gendarmerie"


def test_letters_after_a_name_are_no_organisation() -> None:
    text = 'The defendant\'s barrister, Ruth Allen KC, said her client "accepts the verdict".'
    assert speaker(text, "en") == "Ruth Allen KC"
    # "MP" is a noun as often as letters after a name.
    text = "Tom Price, a Welsh Labour MP, said the vote was rigged."
    assert speaker(text, "en") == "Tom Price"
