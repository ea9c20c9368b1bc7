"""The claims DESIGN.md requires on the reference article (skipped when ../shared is absent)."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract, extract_records
from claims.model import Claim, DateSpan, Quantity

PUBLISHED = date(2022, 3, 1)


@pytest.fixture(scope="module")
def claims(reference_text: str) -> list[Claim]:
    return extract(reference_text, lang="fr", published=PUBLISHED)


def claim_with(claims: list[Claim], fragment: str) -> Claim:
    matches = [c for c in claims if fragment in c.text.replace("\u00a0", " ")]
    assert matches, f"no claim contains {fragment!r}"
    return matches[0]


def test_every_claim_is_exact(reference_text: str, claims: list[Claim]) -> None:
    for claim in claims:
        assert claim.text == reference_text[claim.start : claim.end]
        facets: list[Quantity | DateSpan] = [*claim.quantities, *claim.dates]
        for facet in facets:
            assert facet.text == reference_text[facet.start : facet.end]
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_five_hundred_soldiers_on_tuesday(claims: list[Claim]) -> None:
    claim = claim_with(claims, "Plus de 500 soldats")
    q = claim.quantities[0]
    assert (q.value, q.comparator, q.unit) == (500, ">", "soldats")
    assert claim.dates[0].from_ == claim.dates[0].to == date(2022, 3, 1)
    assert claim.kind == "quantity"


def test_more_than_a_thousand_troops(claims: list[Claim]) -> None:
    claim = claim_with(claims, "plus d’un millier de militaires")
    q = next(q for q in claim.quantities if q.value == 1000)
    assert (q.comparator, q.unit) == (">", "militaires")


@pytest.mark.parametrize(
    ("fragment", "first", "last"),
    [
        ("les 16 et 17 février", date(2022, 2, 16), date(2022, 2, 17)),
        ("dès le 19 janvier", date(2022, 1, 19), date(2022, 1, 19)),
        ("Vendredi à Bruxelles", date(2022, 2, 25), date(2022, 2, 25)),
        ("lundi soir", date(2022, 2, 28), date(2022, 2, 28)),
        ("avait-on indiqué dimanche", date(2022, 2, 27), date(2022, 2, 27)),
    ],
)
def test_dates(claims: list[Claim], fragment: str, first: date, last: date) -> None:
    claim = claim_with(claims, fragment)
    assert (first, last) in [(d.from_, d.to) for d in claim.dates]


def test_every_quote_has_its_speaker(claims: list[Claim]) -> None:
    quoted = [c for c in claims if "«" in c.text]
    assert quoted
    for claim in quoted:
        assert claim.speaker, claim.text
    # "le président français" is named in the sentence before: the speaker carries over.
    assert claim_with(claims, "accélérer").speaker == "Emmanuel Macron"
    found = " ".join(c.speaker or "" for c in quoted)
    for name in ("Sanzey", "Thomas", "Frédéric"):
        assert name in found


def test_photo_captions_and_dateline_are_not_claims(claims: list[Claim]) -> None:
    assert not [c for c in claims if c.text.startswith("PHOTO") or c.text == "(Istres)"]
    assert claims[0].text.startswith("Plus de 500 soldats")


def test_records_match_the_design_contract(reference_text: str) -> None:
    records = extract_records(reference_text, lang="fr", published=PUBLISHED)
    keys = {"id", "start", "end", "text", "kind", "score", "quantities", "dates", "speaker"}
    for record in records:
        assert keys <= record.keys()
        assert record["text"] == reference_text[record["start"] : record["end"]]
    dated = [d for r in records for d in r["dates"]]
    assert {"from": "2022-02-16", "to": "2022-02-17"}.items() <= next(
        d for d in dated if "16 et 17" in d["text"]
    ).items()
