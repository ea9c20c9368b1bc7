"""Speaker patterns that the fourteenth fresh gold (tests/extract/gold/facets_fresh14.jsonl)
showed, each with the words a sloppy rule would take instead:

- offices that speak: "the fire service", "the returning officer", "the court's registry", «
  l'inspection académique », « la direction académique du Finistère », « la Garde civile », «
  la direction du Grand Port maritime »; « prédit », « conteste », « chiffre ... à », « a
  proposé » report speech;
- "... in the Twin Cities, the union said": the office after the comma, not the place before it
  ("Anna Berg, the airline's spokeswoman, said" stays the person);
- '"...," the statement said', « précise le communiqué », "The report says ...": the author
  named before;
- "Dr. Alan Pierce, the chief medical officer of Twin Cities Health, told": the person;
- "Civil Protection Minister Nikos Daras" then "Daras": the two-word portfolio kept (not
  "University of Texas Arlington President");
- "the Australian Workers' Union", "the dockers' union FNV Havens": plural possessives;
- "the economy ministry in The Hague said": the office, not the place it sits in;
- '", said Unite regional officer Dawn Price': the person after the organisation and the job;
- "X, who came second, said the party had": X; "his team said": "team" as written;
- « », juge M. Fauré »: the fuller name, not the verb; « le Belge Jens Peeters »: no nationality
  (in French, where it is a noun); « le groupe minier Altéa a annoncé »: the name;
- « », a promis l'infirmière » after "X, infirmière aux urgences": X; « a raconté le coureur de
  26 ans au micro de France Télévisions »: the person named before, not the channel;
- interviews ("Q: ...? / A: ...", « Question ? / réponse »): the person the introduction names.
"""

from __future__ import annotations

import pytest

from tests.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Two homes were destroyed overnight, the fire service said.", "Two homes", "fire service"),
        ("The count was delayed by three hours, the returning officer said.", "The count",
         "returning officer"),
        ("The tribunal’s registry said the hearing would resume in May.", "would resume",
         "tribunal’s registry"),
        ("The officer was suspended on Monday.", "The officer", None),
    ],
)
def test_english_offices(text: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Selon l’inspection académique, le collège perdra deux classes.", "perdra deux classes",
         "inspection académique"),
        ("Onze postes seront supprimés, a indiqué la direction académique du Morbihan.",
         "Onze postes", "direction académique du Morbihan"),
        ("« La saison sera difficile », prédit Paul Ménard, maraîcher à Plougastel.",
         "La saison sera difficile", "Paul Ménard"),
        ("Le président du club, Yves Tanguy, a parlé aux joueurs. M. Tanguy conteste la sanction.",
         "conteste la sanction", "Yves Tanguy"),
        ("L’inspection des travaux a eu lieu lundi.", "L’inspection des travaux", None),
    ],
)
def test_french_offices_and_verbs(text: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Schools closed early across the Highlands, the council said.", "Schools closed", "council"),
        ("Flights were cancelled at two airports near Lyon, the airline said on Monday.",
         "Flights were cancelled", "airline"),
        ("Flights were cancelled, Anna Berg, the airline’s spokeswoman, said.", "Flights were",
         "Anna Berg"),
        ("Flights were cancelled, Anna Berg said.", "Flights were", "Anna Berg"),
    ],
)
def test_office_after_a_place_ending_the_clause(text: str, fragment: str, expected: str) -> None:
    # "... in the Twin Cities, the union said": the office, not the place before its comma
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("Harbor Water said in a statement that supplies were safe. “Nobody needs to boil water,” "
         "the statement said.", "en", "Nobody needs", "Harbor Water"),
        ("La mairie de Brest a diffusé un communiqué lundi. « Le marché restera ouvert », précise "
         "le communiqué.", "fr", "Le marché restera", "mairie de Brest"),
    ],
)
def test_a_document_speaks_for_its_author(text: str, lang: str, fragment: str, expected: str) -> None:
    # '"...," the statement said': the author named before, not "statement"
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("Asked about the delays, Dr. Nora Vance, the medical director of Lakeside Clinics, said: "
         "“We are hiring.”", "en", "We are hiring", "Dr. Nora Vance"),
        ("Tom Reid, the chief operating officer of Blue Harbor Ferries, told reporters the route "
         "would reopen.", "en", "would reopen", "Tom Reid"),
        ("Interrogée, Marie Dupuis, directrice générale de l’hôpital de Morlaix, a déclaré : « Nous "
         "recrutons. »", "fr", "Nous recrutons", "Marie Dupuis"),
    ],
)
def test_person_before_an_office_apposition(text: str, lang: str, fragment: str, expected: str) -> None:
    # the person before "the <office> of <Organisation>", not the organisation
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Home Affairs Minister Priya Das visited the camp. Das said more tents would arrive.",
         "more tents", "Home Affairs Minister Priya Das"),
        ("Northern Ireland Secretary Hugh Kerr met both parties. Kerr said talks would resume.",
         "talks would resume", "Northern Ireland Secretary Hugh Kerr"),
        ("Finance Minister Lars Holm spoke first. Holm said taxes would rise.", "taxes would rise",
         "Finance Minister Lars Holm"),
    ],
)
def test_two_word_portfolio_before_a_title(text: str, fragment: str, expected: str) -> None:
    # the surname referred back to takes the whole title ("Civil Protection Minister")
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Milk prices must rise, the National Farmers’ Union said.", "Milk prices",
         "National Farmers’ Union"),
        ("The Scottish Teachers' Association said the strike would go ahead.", "would go ahead",
         "Scottish Teachers' Association"),
        ("The Nurses’ Union of Ontario said talks had failed.", "talks had failed",
         "Nurses’ Union of Ontario"),
    ],
)
def test_plural_possessive_inside_an_organisation(text: str, fragment: str, expected: str) -> None:
    # "the Australian Workers’ Union said": the whole name, not "Union"
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Flights resumed at noon, the pilots’ union BALPA said.", "Flights resumed", "BALPA"),
        ("The nurses’ union Unison said the offer was too low.", "the offer was too low", "Unison"),
        ("The embassy in Madrid said two tourists were hurt.", "two tourists", "embassy"),
        ("The foreign ministry in Oslo said it had summoned the ambassador.", "had summoned",
         "foreign ministry"),
        ("The storm hit hardest in New Orleans, Mayor Ann Cole said.", "The storm hit", "Mayor Ann Cole"),
    ],
)
def test_office_with_its_owner_or_its_seat(text: str, fragment: str, expected: str) -> None:
    # "the dockers’ union FNV Havens said": the name; "the economy ministry in The Hague said":
    # the office, not the place
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("“The pay offer is an insult,” said GMB regional organiser Kate Lyons.", "pay offer", "Kate Lyons"),
        ("“We will appeal,” said Acme chief counsel Rob Hart.", "We will appeal", "Rob Hart"),
        ("“It is over,” said Okafor on a visit to Lagos.", "It is over", "Okafor"),
        ("“It is over,” said Okafor after meeting Tom Hale.", "It is over", "Okafor"),
    ],
)
def test_person_after_organisation_and_job_after_quote(text: str, fragment: str, expected: str) -> None:
    # '”, said Unite regional officer Dawn Price': the person, not the organisation
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("The Green candidate, Ruth Ames, who finished third, said the party had “work to do.”", "en",
         "work to do", "Ruth Ames"),
        ("Le candidat socialiste, Paul Morin, arrivé deuxième, a estimé que le parti devait « se "
         "remettre en question ».", "fr", "se remettre en question", "Paul Morin"),
        ("The Danish team Nordvik won the relay. Two riders crashed, the team said.", "en",
         "Two riders", "team"),
        ("La société Batifer a été rachetée. Cent postes seront supprimés, a indiqué la société.",
         "fr", "Cent postes", "société"),
    ],
)
def test_subject_before_apposition_and_lone_office(
    text: str, lang: str, fragment: str, expected: str
) -> None:
    # "X, who came second, said the party had": X, not "party"; "his team said": "team", not
    # "the Danish team" named before
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Sa directrice, Anne Kerlo, est inquiète. « La saison est perdue », juge Mme Kerlo.",
         "La saison est perdue", "Anne Kerlo"),
        ("Le maire, Paul Tanguy, a reçu les parents. « Rien n’est joué », estime M. Tanguy.",
         "Rien n’est joué", "Paul Tanguy"),
        ("Selon la Garde nationale, trois ponts ont été emportés.", "trois ponts", "Garde nationale"),
        ("Le port était bloqué, a indiqué la préfecture maritime.", "Le port était bloqué",
         "préfecture maritime"),
        ("La Fédération nationale des transports chiffre le manque à gagner à dix millions d’euros.",
         "le manque à gagner", "Fédération nationale des transports"),
        ("Le chiffre d’affaires du groupe a reculé de 3 %.", "Le chiffre d’affaires", None),
    ],
)
def test_french_names_offices_and_verbs(text: str, fragment: str, expected: str | None) -> None:
    # « », juge M. Fauré »: the person named before, not « juge M. Fauré »; « la Garde civile »,
    # « du Grand Port maritime »: the whole name; « chiffre les pertes à » reports a figure
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Le constructeur automobile Valdor a annoncé la fermeture de son usine.", "la fermeture",
         "Valdor"),
        ("Le groupe pharmaceutique Sanval a confirmé le rappel des lots.", "le rappel", "Sanval"),
        ("La préfecture du Finistère a indiqué que la route restait fermée.", "la route restait",
         "préfecture du Finistère"),
        ("Le groupe a annoncé que Valdor reprendrait le site.", "reprendrait le site", "groupe"),
        ("Le Suisse Marc Aebi a gagné le prologue.\n\nAebi a estimé que le parcours était « piégeux ».",
         "piégeux", "Marc Aebi"),
    ],
)
def test_office_adjective_name_and_demonym(text: str, fragment: str, expected: str) -> None:
    # « le groupe minier Altéa a annoncé »: the name after the office and its adjective; « le
    # Belge Jens Peeters » then « Peeters »: the person, without the nationality
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("« On manque de bras », a déclaré Léa Morin, boulangère à Quimper. Le syndicat "
         "patronal dénonce « une taxe de trop ».\n\n« Je ne tiendrai pas l’hiver », a lancé la "
         "boulangère.", "fr", "Je ne tiendrai pas", "Léa Morin"),
        ("“We need more boats,” said Tom Reed, 61, a fisherman from Looe. The council called the "
         "plan “fair.”\n\n“Nobody asked us,” said the fisherman.", "en", "Nobody asked us", "Tom Reed"),
        ("« Le chantier avance », a assuré le maire, Paul Roux. « Nous tiendrons les délais », a "
         "ajouté l’élu.", "fr", "Nous tiendrons les délais", "Paul Roux"),
    ],
)
def test_noun_referring_to_a_described_person(
    text: str, lang: str, fragment: str, expected: str | None
) -> None:
    # « », a promis l’infirmière » after "Soizic Le Gall, infirmière aux urgences": that person,
    # not the previous quote's speaker
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("La Française Inès Garnier a remporté le tournoi de Rouen.\n\n« J’ai tout donné », a confié "
         "la joueuse de 19 ans au micro de Canal+.", "J’ai tout donné", "Inès Garnier"),
        ("L’Espagnol Hugo Ruiz a marqué deux buts.\n\n« On y croyait », a lancé l’attaquant sur "
         "France Bleu Breizh Izel.", "On y croyait", "Hugo Ruiz"),
        ("« Le feu repart », a déclaré le colonel Marc Aubin à France Info.", "Le feu repart",
         "colonel Marc Aubin"),
    ],
)
def test_noun_subject_before_where_it_was_said(text: str, fragment: str, expected: str) -> None:
    # « », a raconté le coureur de 26 ans au micro de France Télévisions »: the person named
    # before, not the channel; a nationality before the name is no part of it
    assert speaker_of(text, "fr", fragment) == expected


_INTERVIEW_EN = (
    "Dr. Amy Stone runs the only maternity unit left in the valley. She talked to the Herald about "
    "the closures.\n\nQ: How many births do you expect this year?\n\nA: About nine hundred, which "
    "is more than we can safely handle.\n\nQ: What would help?\n\nA: Two more midwives would make "
    "the night shifts safe again."
)
_INTERVIEW_FR = (
    "Martine Caradec, présidente de l’association des parents d’élèves, a répondu à nos questions."
    "\n\nQue reprochez-vous au rectorat ?\n\nDe ne jamais nous consulter. Les décisions tombent "
    "par courrier.\n\nQue demandez-vous ?\n\nUn moratoire de deux ans sur les fermetures de classes."
)
_NOT_INTERVIEW = (
    "Le conseil municipal s’est réuni lundi.\n\nFaut-il fermer la piscine ?\n\nLe débat a duré "
    "trois heures sans qu’aucun vote n’ait lieu.\n\nEt que deviendra le terrain ?\n\nLe projet "
    "d’un parking a été évoqué par plusieurs élus."
)


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        (_INTERVIEW_EN, "en", "About nine hundred", "Dr. Amy Stone"),
        (_INTERVIEW_EN, "en", "Two more midwives", "Dr. Amy Stone"),
        (_INTERVIEW_FR, "fr", "Les décisions tombent par courrier", "Martine Caradec"),
        (_INTERVIEW_FR, "fr", "Un moratoire de deux ans", "Martine Caradec"),
        (_NOT_INTERVIEW, "fr", "Le débat a duré", None),  # questions put to nobody
        (_NOT_INTERVIEW, "fr", "Le projet d’un parking", None),
    ],
)
def test_interview_answers(text: str, lang: str, fragment: str, expected: str | None) -> None:
    # "Q: ...? / A: ..." or « Question ? / réponse » after an introduction naming the person
    # interviewed: the answers are that person's
    assert speaker_of(text, lang, fragment) == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "expected"),
    [
        ("The Coastal Trust said on Monday that the dunes were shrinking. The report says two beaches "
         "could vanish by 2040.", "en", "two beaches could vanish", "Coastal Trust"),
        ("L’Observatoire régional de l’eau a indiqué lundi que la sécheresse durait. Le rapport "
         "précise que trois nappes sont au plus bas.", "fr", "trois nappes",
         "Observatoire régional de l’eau"),
        ("The report says two beaches could vanish by 2040.", "en", "two beaches", None),
        ("The Australian National Heart Study said most adults walk too little. The study’s authors "
         "said so again.", "en", "most adults walk", "Australian National Heart Study"),
    ],
)
def test_document_as_subject_and_english_demonym(
    text: str, lang: str, fragment: str, expected: str | None
) -> None:
    # "The report says ...": the author named before (no one when none is); an English
    # nationality opening an organisation's name stays in it
    assert speaker_of(text, lang, fragment) == expected
