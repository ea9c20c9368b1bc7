"""An event called for lies ahead: « a appelé à une nouvelle mobilisation le 12 décembre »,
"called a strike for Monday"; not a call for calm on a day, nor "called a strike on Monday"
(as often the day it was called) or "a strike for higher pay on Monday". An acronym named after
a quote (« », a indiqué l'ARS ») speaks, spelled out where the article gives it in full."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract

PUBLISHED = date(2026, 7, 29)  # a Wednesday


def dates(text: str, lang: str) -> list[tuple[str | None, str | None]]:
    (claim,) = extract(text, lang=lang, published=PUBLISHED)
    return [
        (d.from_.isoformat() if d.from_ else None, d.to.isoformat() if d.to else None)
        for d in claim.dates
    ]


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("La CGT a appelé à une nouvelle mobilisation le 12 décembre.", "fr", "2026-12-12"),
        ("Les cheminots ont appelé à la grève lundi.", "fr", "2026-08-03"),
        ("L'intersyndicale appelle à un rassemblement samedi devant la mairie.", "fr", "2026-08-01"),
        ("Les cheminots ont appelé à la grève le Vendredi saint.", "fr", "2027-03-26"),
        ("Unions called a strike for Monday.", "en", "2026-08-03"),
        ("Union leaders called a 24-hour strike for Thursday.", "en", "2026-07-30"),
        ("The opposition called for a national protest for Dec. 12.", "en", "2026-12-12"),
    ],
)
def test_an_event_called_for_lies_ahead(text: str, lang: str, day: str) -> None:
    assert dates(text, lang) == [(day, day)]


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("Le préfet a appelé à la retenue dimanche.", "fr", "2026-07-26"),
        ("La CGT a appelé lundi à une grève.", "fr", "2026-07-27"),
        ("The union called a general strike on Monday.", "en", "2026-07-27"),
        ("The union called a strike for higher pay on Monday.", "en", "2026-07-27"),
        ("The mayor called on Monday for calm.", "en", "2026-07-27"),
    ],
)
def test_a_call_that_names_no_coming_event_stays_past(text: str, lang: str, day: str) -> None:
    assert dates(text, lang) == [(day, day)]


def test_an_acronym_after_a_quote_speaks_in_full() -> None:
    text = (
        "L'Agence régionale de santé (ARS) a ouvert une enquête. "
        "« Le risque reste faible », a indiqué l'ARS dans un communiqué."
    )
    claims = extract(text, lang="fr", published=PUBLISHED)
    assert claims[-1].speaker == "Agence régionale de santé"


def test_an_acronym_the_article_never_spells_out_speaks_as_written() -> None:
    claims = extract("« Le risque reste faible », a indiqué l'ARS dans un communiqué.", lang="fr")
    assert claims[-1].speaker == "ARS"
