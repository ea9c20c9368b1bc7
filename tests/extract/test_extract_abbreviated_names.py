"""Abbreviations inside names: a company's "Corp.", "Inc.", "Co.", a "Jr.", a place's "St."
are part of the speaker, and "pct" is percent."""

from __future__ import annotations

import pytest

from claims.extract import extract
from claims.model import Claim


def only(text: str) -> Claim:
    (claim,) = extract(text, lang="en")
    return claim


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Output fell by a fifth, Borealis Corp. said on Monday.", "Borealis Corp."),
        ("Vantor Inc. said it would close the plant.", "Vantor Inc."),
        ('"We will appeal," said Harlan Brothers Co.', "Harlan Brothers Co."),
        ("Sam Ortega Jr. said the field had flooded twice.", "Sam Ortega Jr."),
        ("St. Cloud Mayor Dana Reyes said the bridge was safe.", "St. Cloud Mayor Dana Reyes"),
        ("Dana Reyes, the mayor of St. Cloud, said the bridge was safe.", "Dana Reyes"),
    ],
)
def test_abbreviations_inside_names(text: str, expect: str) -> None:
    assert only(text).speaker == expect


def test_the_place_alone_is_no_speaker() -> None:
    assert only("The bridge in St. Cloud was closed on Monday.").speaker is None


def test_pct_is_percent() -> None:
    assert [(q.value, q.unit) for q in only("Exports rose 1.5 pct in March.").quantities] == [(1.5, "%")]
