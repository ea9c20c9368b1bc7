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
