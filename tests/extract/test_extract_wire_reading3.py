"""Shapes found reading wire stories of our own: "next" or "upcoming" after the date qualify
another noun ("voted on Thursday to confirm her as the next secretary" is last Thursday); two
numbers of different units joined by « à » are two counts unless a range of durations runs
upwards (« un chef d'entreprise de 52 ans à 18 mois de prison »; "from 18 months to seven
years" stays a range); a dash after a percentage is no score; a noun naming the speaker after
a quote (« a reconnu le prévenu à la barre ») is never the office that spoke before."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract

FRIDAY = date(2026, 11, 20)


def days(text: str) -> list[str]:
    (claim,) = extract(text, lang="en", published=FRIDAY)
    return [d.from_.isoformat() for d in claim.dates if d.from_]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("The Senate voted on Thursday to confirm Laura Chen as the next secretary of transportation.",
         ["2026-11-19"]),
        ("On Monday, the party unveiled its upcoming manifesto.", ["2026-11-16"]),
        ("The next meeting is on Tuesday.", ["2026-11-24"]),
        ("The upcoming vote on Tuesday will be close.", ["2026-11-24"]),
        ("Prices rose on Monday ahead of next week's meeting.", ["2026-11-16", "2026-11-23"]),
    ],
)
def test_next_after_the_date_qualifies_another_noun(text: str, expect: list[str]) -> None:
    assert days(text) == expect


def quantities(text: str, lang: str) -> list[tuple[float, str, str]]:
    (claim,) = extract(text, lang=lang)
    return [(round(q.value, 4), q.comparator, q.unit) for q in claim.quantities]


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("Le tribunal a condamné un chef d'entreprise de 52 ans à 18 mois de prison.", "fr",
         [(52, "=", "ans"), (18, "=", "mois")]),
        ("Un retraité de 70 ans à 2 000 euros d'amende.", "fr", [(70, "=", "ans"), (2000, "=", "euros")]),
        ("Les peines vont de 18 mois à 7 ans de prison.", "fr", [(18, ">=", "mois"), (7, "<=", "ans")]),
        ("Les prix passeront de 3 à 5 euros.", "fr", [(3, ">=", "euros"), (5, "<=", "euros")]),
        ("Sentences ranged from 18 months to seven years.", "en", [(18, ">=", "months"), (7, "<=", "years")]),
        ("Inflation was about 2 percent - one-third what it is now.", "en",
         [(2, "~", "%"), (0.3333, "=", "")]),
        ("Sweden beat Korea 1-0.", "en", [(1, "=", ""), (0, "=", "")]),
    ],
)
def test_two_units_make_two_counts_unless_durations_run_upwards(
    text: str, lang: str, expect: list[tuple[float, str, str]]
) -> None:
    assert quantities(text, lang) == expect


def test_a_noun_after_a_quote_is_no_office_named_before() -> None:
    text = (
        "Il avait détourné près de 430 000 euros, selon l'enquête menée par la gendarmerie. "
        "« J'ai fait une énorme bêtise », a reconnu le prévenu à la barre."
    )
    assert extract(text, lang="fr")[-1].speaker == "prévenu"


def test_a_noun_after_a_quote_is_the_person_named_before() -> None:
    text = (
        "Le coureur Yann Morvan, 26 ans, a remporté l'étape. "
        "« C'était dur », a raconté le coureur au micro de France Télévisions."
    )
    assert extract(text, lang="fr")[-1].speaker == "Yann Morvan"


def test_a_document_after_a_quote_is_its_authors() -> None:
    text = (
        "La mairie de Brest a diffusé un communiqué lundi. "
        "« Le marché restera ouvert », précise le communiqué."
    )
    assert extract(text, lang="fr")[-1].speaker == "mairie de Brest"


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("The government unveiled a £2.5 billion plan to repair schools, Education Secretary "
         "Bridget Phillipson said on Wednesday.", "en", "Education Secretary Bridget Phillipson"),
        ("The government unveiled a plan to repair schools, Bridget Phillipson said.", "en",
         "Bridget Phillipson"),
        ("Le gouvernement a présenté mercredi un plan de 2,5 milliards d'euros, a annoncé la ministre "
         "de l'Éducation nationale, Élisabeth Borne, lors d'un déplacement à Lyon.", "fr", "Élisabeth Borne"),
        ("Le préfet a annoncé la fermeture de la route, a indiqué la mairie.", "fr", "mairie"),
        ("Le maire a présenté son budget, a-t-on appris auprès de la préfecture.", "fr", "préfecture"),
    ],
)
def test_an_attribution_closing_the_sentence_reports_all_of_it(text: str, lang: str, expect: str) -> None:
    assert extract(text, lang=lang)[-1].speaker == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("The minister said the plan, which the cabinet approved, would cost £2bn and take years.",
         "minister"),
        ("Smith announced the deal on Monday, and the shares rose 4%.", "Smith"),
    ],
)
def test_a_sentence_without_a_closing_attribution_keeps_its_subject(text: str, expect: str) -> None:
    assert extract(text, lang="en")[-1].speaker == expect


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("Comparable sales fell 2.7% in the third quarter ended Nov. 1.", "en",
         [("2026-08-02", "2026-11-01"), ("2026-11-01", "2026-11-01")]),
        ("Net income for the fourth quarter ended Dec. 31 rose 5%.", "en",
         [("2025-10-01", "2025-12-31"), ("2025-12-31", "2025-12-31")]),
        ("Le bénéfice du troisième trimestre clos le 30 septembre a reculé.", "fr",
         [("2026-07-01", "2026-09-30"), ("2026-09-30", "2026-09-30")]),
    ],
)
def test_a_named_quarter_that_ended_on_a_day_is_one_quarter(
    text: str, lang: str, expect: list[tuple[str, str]]
) -> None:
    (claim,) = extract(text, lang=lang, published=date(2026, 11, 18))
    assert [(str(d.from_), str(d.to)) for d in claim.dates] == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("The minister, Anne Lowe, unveiled the plan. It will cost $2 billion, according to the "
         "Treasury. She said the plan was fair.", "Anne Lowe"),
        ("Tom Reyes, the council leader, spoke first. The cost is $2 million, according to Ofwat. "
         "According to him, the work starts in May.", "Tom Reyes"),
        ("The budget grew 4%, according to the Treasury. It said the rise was temporary.", "Treasury"),
    ],
)
def test_he_or_she_stands_for_a_person_not_the_office_before(text: str, expect: str) -> None:
    assert extract(text, lang="en")[-1].speaker == expect


def test_a_french_pronoun_may_stand_for_an_agency() -> None:
    text = (
        "« Nos services sont saturés », a alerté le directeur du CHU, Pascal Giraud. "
        "L’ARS a demandé aux établissements de déprogrammer. Selon elle, 60 % des lits sont occupés."
    )
    assert extract(text, lang="fr")[-1].speaker == "ARS"


def test_evoquer_reports_speech() -> None:
    text = (
        "Le Premier ministre, Michel Barnier, a annoncé jeudi le gel des tarifs.\n\n"
        "Le chef du gouvernement a également évoqué la situation en Nouvelle-Calédonie."
    )
    assert extract(text, lang="fr")[-1].speaker == "Michel Barnier"


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("Officers responded to the intersection shortly before 11:30 p.m., Portland Police Bureau "
         "spokesperson Sgt. Kevin Allen said at a news conference.", "en", "Sgt. Kevin Allen"),
        ("Aucun blessé n'est à déplorer, a-t-on appris auprès des sapeurs-pompiers.", "fr",
         "sapeurs-pompiers"),
        ("Les sapeurs-pompiers ont indiqué que trois personnes étaient blessées.", "fr", "sapeurs-pompiers"),
    ],
)
def test_a_long_title_closing_the_sentence_and_the_firefighters(text: str, lang: str, expect: str) -> None:
    assert extract(text, lang=lang)[-1].speaker == expect


@pytest.mark.parametrize(
    "text",
    [
        "Nous avons appliqué ce concept en Afrique après avoir constaté le caractère désastreux du système.",
        "The firm changed course after having noted the losses.",
    ],
)
def test_a_speech_verb_after_an_infinitive_auxiliary_names_no_one(text: str) -> None:
    lang = "fr" if text.startswith("Nous") else "en"
    assert extract(text, lang=lang)[-1].speaker is None


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Kofi Mensah headed the equaliser. “We were poor,” manager Steve Curran said. Curran said "
         "Mensah, 19, had been outstanding.\n\n“I just tried to attack the ball,” the teenager said.",
         "Kofi Mensah"),
        ("Ruth Chepkemoi, 27, won in 2:18:30. “It was cold,” coach Tom Hale said.\n\n“I felt strong,” "
         "the 27-year-old told reporters.", "Ruth Chepkemoi"),
        ("“It was cold,” coach Tom Hale said of the race won by Ruth Chepkemoi, 27.\n\n“We will be back,” "
         "the 31-year-old said.", "Tom Hale"),
    ],
)
def test_an_age_after_a_quote_is_the_person_of_that_age(text: str, expect: str) -> None:
    assert extract(text, lang="en")[-1].speaker == expect


def test_a_title_reporting_quoted_words_is_the_person_named_before() -> None:
    text = (
        "Marc Olivier a présenté le plan le 3 mars. "
        "Jeudi, le président suisse a annoncé qu’il allait l’« étendre »."
    )
    assert extract(text, lang="fr")[-1].speaker == "Marc Olivier"


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("I still remember a woman I met ten years ago who said she wanted to get off welfare.", None),
        ("Anybody who says the state has been standing still for seven years is wrong.", None),
        ("WHO say iodine deficiency is the most preventable cause of brain damage.", "WHO"),
    ],
)
def test_a_relative_or_a_pronoun_is_no_speakers_name(text: str, expect: str | None) -> None:
    assert extract(text, lang="en")[-1].speaker == expect


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("Le plan avait été présenté par Marc Olivier. Mardi à Liège, le ministre a annoncé qu’il "
         "allait l’« amplifier ».", "fr", "ministre"),
        ("Mardi à Liège, Marc Olivier a annoncé qu’il allait doubler le budget.", "fr", "Marc Olivier"),
        ("He told them about the missiles in Cuba, he said, “Here, let me show you the photos.”", "en", None),
    ],
)
def test_a_place_after_a_preposition_is_no_speaker(text: str, lang: str, expect: str | None) -> None:
    assert extract(text, lang=lang)[-1].speaker == expect
