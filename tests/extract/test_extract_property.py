"""Any text gives valid claims (`text == article[start:end]`) or none, never an exception."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract import extract, extract_records
from claims.model import DateSpan, Quantity

NEWSY = st.sampled_from(
    [
        "Plus de ",
        "500",
        " soldats",
        " 1 000",
        "\u00a0000",
        "\u202f",
        "3,5 %",
        "« ",
        " »",
        "“",
        "”",
        '"',
        "M. ",
        "Gen. ",
        "U.S. ",
        "av. J.-C.",
        ". ",
        "? ",
        "! ",
        "…",
        "\n",
        "\n\n",
        "mardi",
        " soir",
        "les 16 et 17 février",
        "March 2, 2022",
        "PHOTO X, AFP",
        "(Lorient) ",
        "22 mai 2012. - ",
        "a expliqué la capitaine Léa Roux",
        "said Gen. Smith",
        "selon ",
        "hier",
        "une vingtaine de ",
        "thousands of ",
        "$1.2 billion",
        "de 1 000 à 4 000",
        "27e",
        "sixth",
        "\x00",
        "\x1b[31m",
        "\r",
        "\t",
        "\ufeff",
        "\u200b",
        "\ud800",
        "😀",
        "中文",
        "العربية",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(NEWSY, max_size=60).map("".join),
    st.lists(st.one_of(NEWSY, st.text(max_size=5)), max_size=80).map("".join),
)


def check(text: str, lang: str | None, published: date | None, records: bool = True) -> None:
    claims = extract(text, lang=lang, published=published)
    for claim in claims:
        assert claim.text == text[claim.start : claim.end]
        assert 0 <= claim.start < claim.end <= len(text)
        facets: list[Quantity | DateSpan] = [*claim.quantities, *claim.dates]
        for facet in facets:
            assert facet.text == text[facet.start : facet.end]
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    assert all(math.isfinite(q.value) for c in claims for q in c.quantities)
    if not records:
        return
    for record in extract_records(text, lang=lang, published=published):
        assert record["text"] == text[record["start"] : record["end"]]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    TEXTS,
    st.sampled_from([None, "fr", "en", "de"]),
    st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))),
)
def test_any_text_gives_valid_claims(text: str, lang: str | None, published: date | None) -> None:
    check(text, lang, published)


def test_extreme_publication_dates() -> None:
    text = "Hier, mardi, la veille, l’an prochain, le 3 mars, yesterday, next year, on Friday."
    for published in (date.min, date.max, date(1, 1, 2), date(9999, 12, 30)):
        check(text, "fr", published)
        check(text, "en", published)


def test_edge_inputs() -> None:
    for text in [
        "",
        " ",
        "\n\n\n",
        "\x00\x01\x02",
        "«««",
        "»»» « « “",
        '"' * 50,
        "." * 1000,
        "1" * 5000,
        "Plus de " * 200,
        bytes(range(256)).decode("latin-1"),
    ]:
        check(text, None, date(2025, 1, 1))


def test_five_megabyte_line() -> None:
    # One line, no sentence end, a fact every few words: cut into bounded clauses, all valid.
    unit = "plus de 300 marins rentrés jeudi, dit l’amiral Claire Dumas, « selon 3,5 % "
    line = (unit * (5_000_000 // len(unit) + 1))[:5_000_000]
    check(line, "fr", date(2022, 3, 1), records=False)
    check("x" * 5_000_000, None, None, records=False)
