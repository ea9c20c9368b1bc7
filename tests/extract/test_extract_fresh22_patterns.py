"""Patterns that the twenty-second fresh gold (tests/extract/gold/facets_fresh22.jsonl, French
national-press and AFP articles) showed, each in phrasings of its own, with what a sloppy rule
would take instead:

- speakers: « a répliqué », « réplique », « propose », « table sur » are speech verbs; « fait-on
  savoir à Matignon » names where « on » speaks; « l'entourage du président », « l'intersyndicale »
  are offices; « la médecin », « la syndicaliste » stand for the person named before; « Pour la
  secrétaire générale du syndicat, X, ... » is X's (also « X (Horizons), »); a pronoun closing a
  quotation opened in the paragraph before stands for the person named before it opened; « X a
  annoncé ..., rapporte l'agence Y » is X's (« Trois soldats ont été tués, rapporte l'agence Y »
  stays the agency's); a demonym after an office is part of it (« l'armée russe »); an unnamed
  person after an indefinite article keeps what they work for (« un conseiller du chef de l'État »,
  « un proche du dossier », stopping at a preposition) and speaks as a quote's subject (« un
  conseiller ministériel résume : »); « Interrogé par Le Figaro, » is who asked, not who speaks;
  two particles inside a name (« les Amis de la Terre »); « selon un document de la direction
  consulté par l'AFP » is the direction's, who consulted it is no author;
- numbers: « avoisinerait » is `~`.
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities, speaker_of


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        # speech verbs
        ("« Le texte est prêt », a affirmé le rapporteur, Jean Morin. « Il ne l'est pas », a "
         "répliqué la présidente du groupe, Anne Vidal.", "Il ne l'est pas", "Anne Vidal"),
        ("La fédération propose un gel des tarifs pendant deux ans.", "un gel des tarifs", "fédération"),
        ("Le directeur financier, Marc Olivier, a présenté les comptes. Il table sur une hausse des "
         "ventes l'an prochain.", "Il table sur", "Marc Olivier"),
        # « fait-on savoir »
        ("« Aucune date n'est fixée », fait-on savoir à l'Élysée.", "Aucune date", "Élysée"),
        ("« Le dossier avance », fait-on valoir à Bercy.", "Le dossier avance", "Bercy"),
        # offices
        ("La réforme sera présentée en juin, selon l'entourage de la ministre.", "La réforme sera",
         "entourage de la ministre"),
        ("La direction propose 2 %, quand l'intersyndicale réclame 4 %.", "La direction propose",
         "direction"),
        # a noun for the person named before
        ("Claire Moreau dirige le service depuis dix ans. La médecin estime que les moyens manquent.",
         "La médecin estime", "Claire Moreau"),
        # « Pour <titre>, <Nom>, ... »
        ("Pour la présidente de la fédération, Lucie Marchand, la saison « sera difficile ».",
         "la saison", "Lucie Marchand"),
        ("Pour le rapporteur du texte, Paul Gervais (MoDem), la mesure « coûtera cher ».",
         "la mesure", "Paul Gervais"),
        ("« Nous irons jusqu'au bout », a dit Julie Caradec, déléguée syndicale. Pour la "
         "syndicaliste, « la direction ment ».", "la direction ment", "Julie Caradec"),
        # a quotation over two paragraphs closed by a pronoun
        ("Le président du club, Hervé Lannes, a parlé aux supporters.\n\n« La saison a été "
         "longue. Nous avons souffert.\n\nMais nous reviendrons », a-t-il promis.",
         "Nous avons souffert", "Hervé Lannes"),
        # « rapporte l'agence »
        ("Le Caire a démenti toute implication, rapporte l'agence officielle MENA.",
         "toute implication", "Caire"),
        ("L'armée turque a affirmé avoir détruit 12 cibles, rapporte l'agence Anadolu.",
         "12 cibles", "armée turque"),
        # a demonym after an office
        ("La police belge a indiqué que le suspect était armé.", "le suspect", "police belge"),
        # an unnamed person after an indefinite article
        ("« Tout est bouclé », souffle un proche du ministre.", "Tout est bouclé", "proche du ministre"),
        ("« Rien n'est signé », glisse un conseiller du Premier ministre sous couvert d'anonymat.",
         "Rien n'est signé", "conseiller du Premier ministre"),
        ("Selon un analyste de Bryan Garnier, la valeur « reste chère ».", "la valeur",
         "analyste de Bryan Garnier"),
        ("Un collaborateur du maire résume : « On attend l'arbitrage. »", "On attend l'arbitrage",
         "collaborateur du maire"),
        # an interview frame
        ("Interrogée par Libération, l'association Robin des Bois dénonce « une honte ».",
         "une honte", "Robin des Bois"),
        # two particles
        ("L'ONG Amis de la Terre a dénoncé un accord « désastreux ».", "un accord", "Amis de la Terre"),
        # a document and who read it
        ("Selon une note de la préfecture consultée par l'AFP, 40 communes sont concernées.",
         "40 communes", "préfecture"),
    ],
)
def test_fresh22_speakers(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, "fr", fragment) == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        # « on » with no place after it names no one
        ("« Rien n'est fait », fait-on savoir, sans plus de détails.", "Rien n'est fait", None),
        # an agency relaying a sentence with no speaker of its own stays the source
        ("Trois soldats ont été tués, rapporte l'agence Anadolu.", "Trois soldats", "Anadolu"),
        # « Pour » before no person
        ("Pour gagner du temps, la mairie a fermé la rue.", "Pour gagner du temps", None),
        # who consulted a document is not its author
        ("Selon un document interne consulté par l'AFP, 300 postes seront supprimés.", "300 postes",
         None),
        # the interviewer after « Interrogé par » never speaks
        ("Interrogé par Le Parisien, il n'a pas souhaité répondre.", "pas souhaité", None),
        # an adjective after an office ending in -ande is no demonym (« demande » is a verb)
        ("La direction demande un effort.", "La direction demande", "direction"),
    ],
)
def test_fresh22_speakers_not_taken(text: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, "fr", fragment) == expected


def test_conditional_of_avoisiner_is_approximate() -> None:
    assert found_quantities("Le coût avoisinerait 3 milliards d'euros.", "fr") == [
        (3_000_000_000, "~", "euros")
    ]
    assert found_quantities("Les pertes avoisineraient 40 %.", "fr") == [(40, "~", "%")]


def test_avoisiner_is_not_taken_elsewhere() -> None:
    assert found_quantities("Le coût atteindrait 3 milliards d'euros.", "fr") == [
        (3_000_000_000, "=", "euros")
    ]
