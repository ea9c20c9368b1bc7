"""An adverb after a number is no counted noun: « dont trois grièvement », "including two
seriously", "two critically" count what they count, not the adverb."""

from __future__ import annotations

import pytest

from claims.extract import extract


def units(text: str, lang: str) -> list[str]:
    (claim,) = extract(text, lang=lang)
    return [q.unit for q in claim.quantities]


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("Onze randonneurs ont été secourus, dont deux légèrement.", "fr", ["randonneurs", ""]),
        ("Douze salariés ont été licenciés, dont quatre seulement en CDI.", "fr", ["salariés", ""]),
        ("Nine workers were hurt, including two critically.", "en", ["workers", ""]),
        ("Forty homes were damaged, six severely.", "en", ["homes", ""]),
    ],
)
def test_an_adverb_is_no_counted_noun(text: str, lang: str, expect: list[str]) -> None:
    assert units(text, lang) == expect


def test_a_noun_in_ment_is_still_counted() -> None:
    assert units("La ville a construit 300 logements en 2024.", "fr") == ["logements"]
