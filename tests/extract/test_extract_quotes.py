"""Speakers of quotes and reported speech, before or after the quote, carried across sentences."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract
from claims.extract.quotes import quote_spans


def speakers(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.speaker) for c in extract(text, lang=lang, published=date(2025, 3, 12))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "« Les digues tiendront », a assuré le général Paul Bernard, chef des secours.",
            "général Paul Bernard",
        ),
        (
            "« Nous manquons de bras », a expliqué devant la presse la capitaine Léa Roux.",
            "capitaine Léa Roux",
        ),
        ("« Le pont sera rouvert », a déclaré Emmanuel Macron.", "Emmanuel Macron"),
        ("La maire Sophie Caron a répondu : « Personne ne sera oublié ».", "maire Sophie Caron"),
        ("Selon Joseph J. Lhota, le réseau a perdu 20 % de ses passagers.", "Joseph J. Lhota"),
    ],
)
def test_french_speakers(text: str, speaker: str) -> None:
    assert speakers(text, "fr")[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The levee will hold," said Gen. Ruth Okafor.', "Gen. Ruth Okafor"),
        ('"We need more pumps," Okafor said.', "Okafor"),
        ('Mayor Dana Whitfield said: "Nobody will be left behind."', "Mayor Dana Whitfield"),
        ("Ridership fell 20%, according to Joseph J. Lhota.", "Joseph J. Lhota"),
    ],
)
def test_english_speakers(text: str, speaker: str) -> None:
    assert speakers(text, "en")[0][1] == speaker


def test_pronoun_attribution_inherits_the_previous_speaker() -> None:
    text = (
        "« Le fleuve monte encore », a averti le colonel Henri Vasseur.\n\n"
        "« Nous évacuerons deux quartiers », a-t-il ajouté."
    )
    assert [s for _, s in speakers(text, "fr")] == ["colonel Henri Vasseur"] * 2


def test_multi_sentence_quote_every_piece_knows_its_speaker() -> None:
    text = (
        '"The water came fast. We had ten minutes. Nobody slept," said Capt. Ines Moreau. '
        "Rescue boats arrived at dawn."
    )
    result = speakers(text, "en")
    assert [t for t, _ in result[:3]] == [
        '"The water came fast.',
        "We had ten minutes.",
        'Nobody slept," said Capt. Ines Moreau.',
    ]
    assert [s for _, s in result[:3]] == ["Capt. Ines Moreau"] * 3
    assert result[-1] == ("Rescue boats arrived at dawn.", None)


def test_quote_split_across_paragraphs_carries_speaker() -> None:
    text = (
        "« Nous avons tout perdu. La maison, la grange, les bêtes », a raconté Marie Lenoir.\n\n"
        "« Il faudra des années pour reconstruire. »"
    )
    assert [s for _, s in speakers(text, "fr")] == ["Marie Lenoir"] * 3


def test_an_office_is_a_speaker_and_a_pronoun_alone_is_not() -> None:
    text = "« Nous reviendrons », a dit le porte-parole du ministère."
    assert speakers(text, "fr")[0][1] == "porte-parole du ministère"
    assert speakers("« Nous reviendrons », a-t-il dit.", "fr")[0][1] is None


def test_quote_spans_ignore_unbalanced_marks() -> None:
    text = '« ouvert sans fermer. Puis “ceci” et "cela".'
    spans = [text[q.open : q.close] for q in quote_spans(text)]
    assert spans == ["“ceci”", '"cela"']


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "speaker"),
    [
        ('"The engine failed," Karen Wells, the airline\'s spokeswoman, said.', "en", "engine",
         "Karen Wells"),
        ("Maria Lopez rejected the offer.\n\nLopez, who has led the union since 2019, said the strike "
         "would continue.", "en", "strike", "Maria Lopez"),
        ("Microsoft said it would invest in the region.", "en", "invest", "Microsoft"),
        ("La SNCF a annoncé l’annulation de trains.", "fr", "annulation", "SNCF"),
        ("Selon les autorités locales, le bilan s’élève à 12 morts.", "fr", "bilan", "autorités locales"),
        ("The deficit will grow, according to the finance ministry.", "en", "deficit", "finance ministry"),
        # English job descriptions before a name are not titles; capitalised titles are.
        ("Police spokesman Jim Carter said two officers were hurt.", "en", "officers", "Jim Carter"),
        ('Fire chief Laura Quinn said: "The blaze started in the kitchen."', "en", "blaze", "Laura Quinn"),
        ('Governor Amy Stone called the budget "reckless".', "en", "budget", "Governor Amy Stone"),
        # A one-word subject must open the clause: "In Paris, the mayor said" names no Paris
        # (the office speaks, as no mayor is named).
        ("In Paris, the mayor said the city was ready.", "en", "ready", "mayor"),
    ],
)
def test_speakers_of_new_patterns(text: str, lang: str, fragment: str, speaker: str | None) -> None:
    found = [s for t, s in speakers(text, lang) if fragment in t]
    assert found == [speaker]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Opened in one paragraph and closed in the next, which does not reopen it.
        (
            'After the vote, Mayor Joan Whitlock said, "We listened to every street.\n\n'
            "The bus lanes stay. The parking fees go up by a dollar.\"\n\nThe council adjourned.",
            "en",
            ["Mayor Joan Whitlock", "Mayor Joan Whitlock", "Mayor Joan Whitlock", None],
        ),
        # ... and attributed after it closes: both paragraphs are that speaker's.
        (
            '"Nobody saw the flood coming.\n\nWe lost the whole harvest," Pierre Lanson said.',
            "en",
            ["Pierre Lanson", "Pierre Lanson"],
        ),
        # A pronoun introducing it: the person named in its paragraph.
        (
            'Coach Dana Ruiz praised her side. She said, "We defended well.\n\n'
            'We will need more goals next week."',
            "en",
            [None, "Coach Dana Ruiz", "Coach Dana Ruiz"],
        ),
        # A paragraph ending on a comma or a colon introduces the quote opening the next one.
        (
            'Inspector Rhys Morgan stated,\n\n"The driver was never tested. '
            'The report says otherwise."',
            "en",
            ["Inspector Rhys Morgan", "Inspector Rhys Morgan", "Inspector Rhys Morgan"],
        ),
        (
            "La préfète Anne Sorel a déclaré :\n\n« Les routes resteront fermées. "
            "Aucune dérogation ne sera accordée. »",
            "fr",
            ["préfète Anne Sorel", "préfète Anne Sorel", "préfète Anne Sorel"],
        ),
    ],
)
def test_a_quotation_over_paragraphs_keeps_its_speaker(
    text: str, lang: str, expected: list[str | None]
) -> None:
    assert [speaker for _, speaker in speakers(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "fragment"),
    [
        # A mark left open is no quotation when the next paragraph opens one of its own.
        ('The sign on the door read "Closed for the season.\n\n'
         'Later, Mayor Joan Whitlock said "it will reopen" in May.', "en", "Closed for"),
        # A paragraph that ends on a comma but says nothing introduces nothing.
        ("The river rose by two metres overnight,\n\n"
         '"The bridge is gone," Pierre Lanson said.', "en", "The river rose"),
    ],
)
def test_what_a_quotation_over_paragraphs_must_not_take(text: str, lang: str, fragment: str) -> None:
    found = [speaker for claim, speaker in speakers(text, lang) if fragment in claim]
    assert found == [None]


@pytest.mark.parametrize(
    ("text", "lang", "speaker"),
    [
        # A news agency is the source after a cue or right before a speech verb ...
        ("The mill will shut in May, according to AFP.", "en", "AFP"),
        ("The mill, according to Reuters, will shut in May.", "en", "Reuters"),
        ("Selon l'AFP, l'usine fermera en mai.", "fr", "AFP"),
        ("The mill will shut in May, Reuters reported.", "en", "Reuters"),
        # ... and so is one capitalised word between a comma and the verb.
        ("Farm prices fell by 4%, Eurostat reported on Tuesday.", "en", "Eurostat"),
        ("In March, Halvorsen said the mill would shut.", "en", "Halvorsen"),
        # Not the agency of a dateline or of an interview, nor a title.
        ("LONDON (Reuters) - The mill will shut in May.", "en", None),
        ("Anna Berg, the mill's owner, told Reuters the mill would shut.", "en", "Anna Berg"),
        ("The mill will shut in May, Minister said.", "en", None),
    ],
)
def test_agencies_and_lone_names_as_sources(text: str, lang: str, speaker: str | None) -> None:
    assert speakers(text, lang)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "speaker"),
    [
        # Whose document speaks: the owner before the possessive.
        ('Hadley\'s statement added, "The depot should never have closed."', "en", "depot", "Hadley"),
        ("The ministry's latest report says the border will reopen.", "en", "border", "ministry"),
        ("Last year's report said costs would rise.", "en", "costs", None),
        # Issuing a statement is speech: the quote after it is that speaker's.
        ('Senator Ruth Hadley issued a statement on the closure. "Like every family here, I am '
         'angry at this choice."', "en", "angry", "Senator Ruth Hadley"),
        ("La mairie a publié un communiqué dimanche. « Le marché rouvrira lundi », y lit-on.", "fr",
         "marché", "mairie"),
    ],
)
def test_documents_and_statements_speak_for_their_owner(
    text: str, lang: str, fragment: str, speaker: str | None
) -> None:
    assert [s for claim, s in speakers(text, lang) if fragment in claim] == [speaker]


@pytest.mark.parametrize(
    ("text", "lang", "speaker"),
    [
        # An adverb between the subject and its speech verb.
        ("Ana Brooks, the harbour master, later told reporters the dock would reopen.", "en", "Ana Brooks"),
        ("The Church also claims that the ferry was on time.", "en", "Church"),
        # « comme le précise X » is a cue.
        ("L'usine restera ouverte, comme le précise le ministre.", "fr", "ministre"),
        ("Comme l'a rappelé la préfecture, la route restera fermée.", "fr", "préfecture"),
        # Offices of diplomacy, the church, sport as titles.
        ("La frontière restera ouverte, a précisé l'ambassadrice de France Claire Roy.", "fr",
         "ambassadrice de France Claire Roy"),
        # A document after a cue, and a body after an indefinite article.
        ("Neuf randonneurs sont morts, selon les informations des autorités.", "fr", "autorités"),
        ("Ce droit est menacé, selon un collectif de défense des locataires.", "fr",
         "collectif de défense des locataires"),
        ("The levy is unfair, according to a coalition of farm groups.", "en", "coalition of farm groups"),
        # Not a body of nobody: « un groupe » alone is still one.
        ("The levy is unfair, according to a group.", "en", "group"),
    ],
)
def test_adverbs_cues_and_bodies(text: str, lang: str, speaker: str | None) -> None:
    assert speakers(text, lang)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A pronoun cue inside the clause stands for the person named before it in that clause.
        ("Le maire Jean Morel a visité l'hôtel, qui est, selon lui, le siège de fêtes.", "maire Jean Morel"),
        ("Le maire Jean Morel a fermé l'hôtel car selon lui, il était insalubre.", "maire Jean Morel"),
        # Reflexive and other French speech verbs.
        ("« Les entreprises ont embauché en octobre » s'est réjoui le président Paul Roche.",
         "président Paul Roche"),
        ("Le syndicat s’inquiète d'une hausse des loyers.", "syndicat"),
        ("Jean Morel renchérit que le succès du parti tient à sa candidate.", "Jean Morel"),
        ("Les Verts faisaient part dimanche soir de leur étonnement.", "Verts"),
    ],
)
def test_french_pronoun_cues_and_reflexive_speech(text: str, speaker: str) -> None:
    assert speakers(text, "fr")[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "lang", "speaker"),
    [
        ('The paper quoted tenant organiser Maya Lund, with Lund stating: "Nobody can fill in this '
         'form alone."', "en", "Maya Lund"),
        ("Talks stalled on Friday, with the ministry saying that no deal was near.", "en", "ministry"),
        ("Talks stalled on Friday, with Okafor saying no deal was near.", "en", "Okafor"),
        ("Les discussions ont échoué, avec le syndicat affirmant qu'aucun accord n'était proche.", "fr",
         "syndicat"),
        # Not whoever is "with" someone who then speaks of nothing.
        ("The mayor left with them, saying nothing about the budget.", "en", None),
    ],
)
def test_with_a_speaker_and_a_speech_participle(text: str, lang: str, speaker: str | None) -> None:
    assert speakers(text, lang)[0][1] == speaker
