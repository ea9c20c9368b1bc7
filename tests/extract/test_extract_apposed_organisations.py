"""An organisation named before its apposition speaks ("Oxfam, a charity, said", "Ryanair,
Europe's biggest airline, said", « Enedis, le gestionnaire du réseau, a précisé »), not the
apposition's noun; names joined by "&" ("Marks & Spencer", "AT&T"); an apposition closing on a
company's "Corp." or on initials; and a share's plural head before a verb ("two-thirds of member
states had backed": states)."""

from __future__ import annotations

import pytest

from claims.extract import extract


def speaker(text: str, lang: str = "en") -> str | None:
    return extract(text, lang=lang)[-1].speaker


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("Oxfam, a charity, said 40 people had died in the floods.", "en", "Oxfam"),
        ("Greenpeace, an environmental group, said the plan would add 12 million tonnes.", "en",
         "Greenpeace"),
        ("Ryanair, Europe's biggest low-cost airline, said fares would rise.", "en", "Ryanair"),
        ("Ikea, the furniture retailer, said sales rose 4% in the year.", "en", "Ikea"),
        ("Enedis, le gestionnaire du réseau, a précisé que 3 000 foyers étaient privés de courant.",
         "fr", "Enedis"),
        ("Bouygues, le groupe de BTP, a indiqué que les travaux reprendraient.", "fr", "Bouygues"),
    ],
)
def test_the_organisation_before_its_apposition_speaks(text: str, lang: str, expect: str) -> None:
    assert speaker(text, lang) == expect


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("Separately, the ministry's spokesman, said the talks had stalled.", "en", "ministry's spokesman"),
        ("Critics, including the Sierra Club, said the plan was flawed.", "en", "Sierra Club"),
        ("Parallèlement, le porte-parole, a précisé que les travaux reprendraient.", "fr", "porte-parole"),
        ("The union, the largest in the sector, said pay would rise.", "en", "union"),
    ],
)
def test_an_adverb_or_a_common_noun_before_an_apposition_is_no_name(
    text: str, lang: str, expect: str
) -> None:
    assert speaker(text, lang) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Transport & Environment said the decision was wrong.", "Transport & Environment"),
        ("Transport & Environment, a Brussels-based campaign group, said the tax was needed.",
         "Transport & Environment"),
        ("Marks & Spencer, the retailer, said sales rose.", "Marks & Spencer"),
        ("AT&T said its network was down for six hours.", "AT&T"),
        ('"We are sorry for the delay," said Procter & Gamble.', "Procter & Gamble"),
    ],
)
def test_names_joined_by_an_ampersand(text: str, expect: str) -> None:
    assert speaker(text) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Jane Smith, a spokeswoman for Acme Corp., said sales rose 4% last year.", "Jane Smith"),
        ("Tom Hale, a spokesman for the U.S. Navy, said two sailors were hurt.", "Tom Hale"),
        ("Dana Ruiz, a lawyer for Bell Bros., said the case was weak.", "Dana Ruiz"),
    ],
)
def test_an_apposition_may_close_on_an_abbreviation(text: str, expect: str) -> None:
    assert speaker(text) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("About two-thirds of member states had backed the delay.", [(2 / 3, "~", "states")]),
        ("Half of the council votes were cast by post.", [(0.5, "=", "votes")]),
        ("A third of the population lives in cities.", [(1 / 3, "=", "population")]),
        ("Half of the staff works from home.", [(0.5, "=", "staff")]),
        ("A quarter of the wheat harvest was lost.", [(0.25, "=", "harvest")]),
    ],
)
def test_a_shares_plural_head_before_a_verb(text: str, expect: list[tuple[float, str, str]]) -> None:
    (claim,) = extract(text, lang="en")
    got = [(q.value, q.comparator, q.unit) for q in claim.quantities]
    assert [(round(v, 4), c, u) for v, c, u in got] == [(round(v, 4), c, u) for v, c, u in expect]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Shares have lost nearly a quarter of their market value over the past 12 months.",
         [(0.25, "~", "value"), (12, "=", "months")]),
        ("Half of the wheat harvest since 2020 was sold abroad.", [(0.5, "=", "harvest")]),
        ("A third of the population in cities lives alone.", [(1 / 3, "=", "population")]),
    ],
)
def test_a_shares_compound_head_before_a_phrase_of_time(
    text: str, expect: list[tuple[float, str, str]]
) -> None:
    (claim,) = extract(text, lang="en")
    got = [(round(q.value, 4), q.comparator, q.unit) for q in claim.quantities]
    assert got == [(round(v, 4), c, u) for v, c, u in expect]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("We are back in the nineteen-sixties.", []),
        ("He has a five-point plan for the economy.", []),
        ("There was a ten-point spread after the convention.", [(10, "=", "point")]),
        ("The three-judge panel ruled 2-1.", [(3, "=", "judge"), (2, "=", ""), (1, "=", "")]),
    ],
)
def test_a_number_in_words_before_a_hyphen(text: str, expect: list[tuple[float, str, str]]) -> None:
    (claim,) = extract(text, lang="en")
    assert [(q.value, q.comparator, q.unit) for q in claim.quantities] == expect
