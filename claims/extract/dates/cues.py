"""Small cues around a date match, from each language's lexicon (`date_cues`).

- a count after "up to", « jusqu'à » before a plural ("up to 1850 passengers"): no year;
- a holiday naming a thing ("the Christmas market", « le marché de Noël », "Easter eggs"):
  no date, as TIMEX3 tags none;
- a year's possessive before a quarter or a half ("last year's second half", "this year's
  first quarter"): one date, the part of that year;
- the first months of a year named alone ("For the first nine months, ...", « sur les neuf
  premiers mois, »): of the year named before, else of the last such months by publication.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from claims.extract import lexicons
from claims.extract.dates.days import whole_month

__all__ = ["bare_months", "count_after_lead", "holiday_names_thing", "possessive_year"]

_SP = r"[ \u00a0\u202f]"
_SPACES = re.compile(rf"{_SP}+")


@cache
def _cues(lang: str) -> dict[str, Any]:
    raw = lexicons.load(lang).get("date_cues", {})
    alt = lexicons.alternation

    def before(words: list[str]) -> re.Pattern[str] | None:
        return re.compile(rf"(?<![\w\-’'])(?:{alt(words)}){_SP}+$", re.I) if words else None

    def after(words: list[str]) -> re.Pattern[str] | None:
        return re.compile(rf"{_SP}+(?:{alt(words)})(?![\w\-])", re.I) if words else None

    return {
        "count_lead": before(raw.get("count_leads", [])),
        "plural": re.compile(rf"{_SP}+([a-zà-ÿ][\w\-]{{2,}}[sx])(?![\w\-])"),
        "not_plural": frozenset(
            w.lower() for w in [*raw.get("count_lead_not_plural", []), *lexicons.load(lang)["function_words"]]
        ),
        "thing_after": after(raw.get("holiday_things_after", [])),
        "thing_before": re.compile(
            rf"(?<![\w\-])(?:{alt(raw['holiday_things_before'])}){_SP}+(?:de|d['’]){_SP}*$", re.I
        ) if raw.get("holiday_things_before") else None,
        "possessive": re.compile(rf"['’]s{_SP}+"),
        "months_article": before(raw.get("months_articles", [])),
        "months_not_after": re.compile(
            rf"{_SP}*(?:{alt(raw['months_not_after'])})(?:(?<=['’])|(?![\w\-]))|{_SP}+\d", re.I
        ) if raw.get("months_not_after") else None,
    }


def count_after_lead(lang: str, text: str, start: int, year_start: int, year_end: int) -> bool:
    """Whether the four digits at `text[year_start:year_end]` are a count after "up to", «
    jusqu'à » with a plural after them ("carries up to 1850 passengers"; not "up to 2030")."""
    cues = _cues(lang)
    lead = cues["count_lead"]
    if lead is None or not lead.search(text, max(start, year_start - 16), year_start):
        return False
    plural = cues["plural"].match(text, year_end)
    return plural is not None and plural.group(1).lower() not in cues["not_plural"] \
        and not plural.group(1).lower().endswith(("ss", "us", "is"))


def holiday_names_thing(lang: str, text: str, start: int, m: re.Match[str]) -> bool:
    """Whether a holiday's name qualifies a thing, not a day: "the Christmas market", "Easter
    eggs", « le marché de Noël », « l'île de Pâques »."""
    cues = _cues(lang)
    after, before = cues["thing_after"], cues["thing_before"]
    return bool(after and after.match(text, m.end())
                or before and before.search(text, max(start, m.start() - 24), m.start()))


def possessive_year(text: str, previous_end: int, at: int) -> bool:
    """Whether a year found just before ends with a possessive right before `at` ("last year's
    second half", "2024's fourth quarter"): the quarter or half is of it, one date."""
    possessive = _cues("en")["possessive"]
    if possessive.fullmatch(text, previous_end, at):
        return True
    # "2024's" is one match ("the 1990's" is a decade): the possessive ends it
    return text[previous_end - 2 : previous_end] in ("'s", "’s") \
        and _SPACES.fullmatch(text, previous_end, at) is not None


def bare_months(
    lang: str, text: str, start: int, end: int, m: re.Match[str], count: int | None,
    order: int, unit: str, year: int | None, published: date | None, ahead: bool,
) -> tuple[date | None, date | None] | None:
    """"For the first nine months, ...", « sur les neuf premiers mois, »: the first `count`
    months of `year` (the one named before), else of the last year whose such months ended
    by publication (this year's ahead). None when the words are no such part: no count, not
    the first months ("the last three months" is a duration), no article, or an "of" after."""
    cues = _cues(lang)
    article, not_after = cues["months_article"], cues["months_not_after"]
    if count is None or order != 1 or unit != "month" or not 1 <= count <= 11 or article is None:
        return None
    if not article.search(text, max(start, m.start() - 8), m.start()):
        return None
    if not_after is not None and not_after.match(text, m.end(), end):
        return None
    if year is None:
        if published is None:
            return None, None
        year = published.year
        if not ahead and whole_month(year, count)[1] > published:
            year -= 1
    return date(year, 1, 1), whole_month(year, count)[1]
