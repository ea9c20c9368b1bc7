"""English modals look ahead ("rates could fall in September" is the coming September), but
not when denied or perfect ("could not say on Tuesday", "may have peaked in May"), and the
month "May" is no modal; a month after "as early as", "as soon as", "no later than" is a date."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract

PUBLISHED = date(2026, 7, 29)  # a Wednesday


def dates(text: str) -> list[tuple[str | None, str | None]]:
    (claim,) = extract(text, lang="en", published=PUBLISHED)
    return [
        (d.from_.isoformat() if d.from_ else None, d.to.isoformat() if d.to else None)
        for d in claim.dates
    ]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Ticket prices could rise in April, the operator warned.", [("2027-04-01", "2027-04-30")]),
        ("The strike might spread to other ports on Monday.", [("2026-08-03", "2026-08-03")]),
        ("Talks may resume in October.", [("2026-10-01", "2026-10-31")]),
        ("The bank could raise rates as early as November.", [("2026-11-01", "2026-11-30")]),
        ("A ruling is expected no later than January.", [("2027-01-01", "2027-01-31")]),
        ("The line reopens as soon as September.", [("2026-09-01", "2026-09-30")]),
    ],
)
def test_a_modal_or_an_earliest_date_looks_ahead(text: str, expect: list[tuple[str, str]]) -> None:
    assert dates(text) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Police could not say on Tuesday how many were hurt.", [("2026-07-28", "2026-07-28")]),
        ("Prices may have peaked in April.", [("2026-04-01", "2026-04-30")]),
        ("Sales rose in May and fell in June.", [("2026-05-01", "2026-05-31"), ("2026-06-01", "2026-06-30")]),
        ("The law was still in force as late as March.", [("2026-03-01", "2026-03-31")]),
    ],
)
def test_a_denied_or_perfect_modal_and_a_past_stay_past(text: str, expect: list[tuple[str, str]]) -> None:
    assert dates(text) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("The council on Monday approved a plan to close two libraries.", "2026-07-27"),
        ("Ministers on Monday unveiled plans to cut rail fares.", "2026-07-27"),
        ("The board on Monday backed the mayor's plan to sell the port.", "2026-07-27"),
        ("We plan to announce the route on Monday.", "2026-08-03"),
        ("The airline plans to resume flights on Monday.", "2026-08-03"),
    ],
)
def test_a_plan_as_a_noun_does_not_look_ahead(text: str, expect: str) -> None:
    assert dates(text)[0][0] == expect
