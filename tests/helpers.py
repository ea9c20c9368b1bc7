"""Small helpers any test may import: optional values read with a failure that says so, the
command line run in-process, and the dates, quantities and speaker the extractor finds in a
sentence."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from click.testing import CliRunner, Result

from claims.model import ClaimState, Review

T = TypeVar("T")

__all__ = ["PUBLISHED", "found_dates", "found_quantities", "present", "review_of", "run_cli",
           "speaker_of"]

PUBLISHED = date(2025, 3, 12)  # a Wednesday


def present(value: T | None, what: str = "value") -> T:
    """The value, failing the test where it is None (and telling the type checker it is not)."""
    assert value is not None, f"no {what}"
    return value


def review_of(state: ClaimState, reviewer: str) -> Review:
    """The reviewer's review of the claim; the test fails where the reviewer has none."""
    return present(state.review_by(reviewer), f"review by {reviewer} of {state.claim.id}")


def run_cli(args: list[str], db: Path | str | None = None, *, reviewer: str = "tester",
            env: dict[str, str] | None = None, **kwargs: Any) -> Result:
    """`claims ARGS` in-process, on the database DB (as CLAIMS_DB) as REVIEWER; an exception
    the command line lets through fails the test instead of becoming an exit code."""
    from annotator.cli import main

    environment = {"CLAIMS_REVIEWER": reviewer}
    if db is not None:
        environment["CLAIMS_DB"] = str(db)
    environment.update(env or {})
    return CliRunner().invoke(main, args, env=environment, catch_exceptions=False, **kwargs)


def found_dates(text: str, lang: str, published: date | None = PUBLISHED
                ) -> list[tuple[str, str, str]]:
    """(words, first day, last day) of every date the extractor finds in `text`."""
    from claims.extract.dates import find_dates

    return [
        (text[d.start : d.end], str(d.from_), str(d.to))
        for d in find_dates(text, 0, len(text), lang, published)
    ]


def found_quantities(text: str, lang: str) -> list[tuple[float, str, str]]:
    """(value to 4 places, comparator, unit) of every quantity the extractor finds in `text`."""
    from claims.extract.numbers import find_quantities

    return [(round(q.value, 4), q.comparator, q.unit)
            for q in find_quantities(text, 0, len(text), lang)]


def speaker_of(text: str, lang: str, fragment: str) -> str | None:
    """The speaker of the first claim extracted from `text` that holds `fragment` (the test
    fails where none does)."""
    from claims.extract import extract

    claims = [c for c in extract(text, lang=lang) if fragment in c.text]
    assert claims, fragment
    return claims[0].speaker
