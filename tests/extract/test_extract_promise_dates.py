"""What is promised lies ahead: "promised a public meeting on March 20" is the coming March 20
even in a past sentence; the date of the promise itself stays in the past."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract

PUBLISHED = date(2026, 3, 11)


def first_date(text: str, lang: str) -> str | None:
    (claim,) = extract(text, lang=lang, published=PUBLISHED)
    day = claim.dates[0].from_
    return day.isoformat() if day else None


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("The governor pledged a full inquiry on April 2, after the hearing.", "en", "2026-04-02"),
        ("The club promised a new stadium vote on May 14.", "en", "2026-05-14"),
        ("La présidente a promis une consultation des habitants le 4 avril.", "fr", "2026-04-04"),
        ("Le ministre a promis de nouvelles mesures le 30 mars.", "fr", "2026-03-30"),
    ],
)
def test_a_promised_event_is_ahead(text: str, lang: str, expect: str) -> None:
    assert first_date(text, lang) == expect


@pytest.mark.parametrize(
    ("text", "lang", "expect"),
    [
        ("The governor pledged on March 2 that the bridge would reopen.", "en", "2026-03-02"),
        ("The coach promised fans on March 5 that the team would fight.", "en", "2026-03-05"),
        ("Le maire a promis le 3 mars que l'école rouvrirait.", "fr", "2026-03-03"),
        ("The council held a public meeting on March 20.", "en", "2025-03-20"),
        ("Le conseil a tenu une réunion publique le 20 mars.", "fr", "2025-03-20"),
    ],
)
def test_the_day_of_the_promise_or_a_past_event_stays_past(text: str, lang: str, expect: str) -> None:
    assert first_date(text, lang) == expect
