"""Sentence segmentation on our own news sentences, French and English."""

from __future__ import annotations

import pytest

from claims.extract.segment import BYLINE, CAPTION, DATELINE, SENTENCE, segment


def sentences(text: str, lang: str = "fr") -> list[str]:
    return [text[s.start : s.end] for s in segment(text, lang) if s.kind == SENTENCE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "M. Durand est arrivé à midi. Il a salué la foule.",
            ["M. Durand est arrivé à midi.", "Il a salué la foule."],
        ),
        (
            "Mme Leroy et le Dr Martin ont signé. La séance est levée.",
            ["Mme Leroy et le Dr Martin ont signé.", "La séance est levée."],
        ),
        (
            "La ville fut fondée en 52 av. J.-C. par des marchands. Elle a prospéré.",
            ["La ville fut fondée en 52 av. J.-C. par des marchands.", "Elle a prospéré."],
        ),
        (
            "« Pourquoi ? », a-t-il demandé. Personne n’a répondu.",
            ["« Pourquoi ? », a-t-il demandé.", "Personne n’a répondu."],
        ),
        (
            "« Nous partons demain. Le matériel est prêt. Tout ira bien », a expliqué le lieutenant "
            "Marc. La colonne s’est ébranlée.",
            [
                "« Nous partons demain.",
                "Le matériel est prêt.",
                "Tout ira bien », a expliqué le lieutenant Marc.",
                "La colonne s’est ébranlée.",
            ],
        ),
    ],
)
def test_french_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gen. Alvarez met Lt. Park on Jan. 4 in the capital. They spoke for an hour.",
            ["Gen. Alvarez met Lt. Park on Jan. 4 in the capital.", "They spoke for an hour."],
        ),
        (
            "Funding from the U.S. Department of Energy arrived. It came late.",
            ["Funding from the U.S. Department of Energy arrived.", "It came late."],
        ),
        (
            "The plant closed in the U.S. The workers moved on.",
            ["The plant closed in the U.S.", "The workers moved on."],
        ),
        (
            '"We are ready. We leave at dawn," said Capt. Rivera. The trucks were loaded.',
            ['"We are ready.', 'We leave at dawn," said Capt. Rivera.', "The trucks were loaded."],
        ),
        ("Is it safe? Officials think so!", ["Is it safe?", "Officials think so!"]),
        ("Mayor Joseph K. Brennan said so.", ["Mayor Joseph K. Brennan said so."]),
    ],
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


def test_paragraphs_are_boundaries() -> None:
    text = "Premier paragraphe sans point final\n\nDeuxième paragraphe. Suite."
    segs = segment(text, "fr")
    assert [text[s.start : s.end] for s in segs] == [
        "Premier paragraphe sans point final",
        "Deuxième paragraphe.",
        "Suite.",
    ]
    assert [s.paragraph for s in segs] == [0, 1, 1]


def test_captions_bylines_datelines_are_not_sentences() -> None:
    text = (
        "(Lorient) Le chalutier est rentré au port jeudi.\n\n"
        "PHOTO CLAIRE DUVAL, AGENCE FRANCE-PRESSE\n\n"
        "Par Jeanne Morel\n\n"
        "14 mars 2024. - Les pêcheurs ont débarqué 12 tonnes de sardines."
    )
    kinds = [(s.kind, text[s.start : s.end]) for s in segment(text, "fr")]
    assert kinds == [
        (DATELINE, "(Lorient)"),
        (SENTENCE, "Le chalutier est rentré au port jeudi."),
        (CAPTION, "PHOTO CLAIRE DUVAL, AGENCE FRANCE-PRESSE"),
        (BYLINE, "Par Jeanne Morel"),
        (DATELINE, "14 mars 2024. -"),
        (SENTENCE, "Les pêcheurs ont débarqué 12 tonnes de sardines."),
    ]


def test_english_dateline() -> None:
    text = "PORTLAND, Maine (AP) — The ferry resumed service on Monday. Riders cheered."
    segs = segment(text, "en")
    assert segs[0].kind == DATELINE
    assert [text[s.start : s.end] for s in segs[1:]] == [
        "The ferry resumed service on Monday.",
        "Riders cheered.",
    ]


def test_offsets_are_exact_with_odd_spaces() -> None:
    text = "  \u00a0Un.\u202fDeux !\u00a0« Trois ? »\n\n\tQuatre.  "
    for seg in segment(text, "fr"):
        piece = text[seg.start : seg.end]
        assert piece == piece.strip()
        assert piece


def test_keep_quotes_keeps_a_multi_sentence_quote_with_its_attribution() -> None:
    text = "« Nous partons demain. Tout ira bien », a dit Marc. La colonne part."
    kept = [text[s.start : s.end] for s in segment(text, "fr", keep_quotes=True)]
    assert kept == ["« Nous partons demain. Tout ira bien », a dit Marc.", "La colonne part."]
