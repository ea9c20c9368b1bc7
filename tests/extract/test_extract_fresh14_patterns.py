"""Speaker patterns that the fourteenth fresh gold (tests/extract/gold/facets_fresh14.jsonl)
showed, each with the words a sloppy rule would take instead:

- offices that speak: "the fire service", "the returning officer", "the court's registry", «
  l'inspection académique », « la direction académique du Finistère »;
- « prédit », « conteste » report speech (« », prédit X », « M. X conteste ces chiffres »).
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
