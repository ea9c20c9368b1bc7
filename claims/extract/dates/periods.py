"""Quarters, halves and named days resolved to their first and last day.

"the third quarter of 2019", "last quarter", "Q3 2019", « le premier semestre 2023 » are three
or six whole months; "Christmas", "Good Friday", « le lundi de Pâques » one day, Easter by the
Gregorian computus.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claims.extract.dates.days import Bounds, whole_month
from claims.extract.dates.rules import DateRules

__all__ = ["easter", "named_day", "quarter_bounds"]


def quarter_bounds(rules: DateRules, m: re.Match[str], published: date | None, future: bool) -> Bounds | None:
    """"the third quarter (of 2019)", "Q3 2019", "last quarter", « le premier semestre 2023 »:
    three (or six) whole months. Without a year, the most recent such period that has begun
    (the next one when the clause speaks of the future); a half needs its year, since "the
    first half" of a match is no date."""
    if m["q_n"] or m["q_n2"]:
        n, size, year_s = int(m["q_n"] or m["q_n2"]), 3, m["q_y2"] or m["q_y3"]
    elif m["q_ord"]:
        n = rules.period_ordinals[m["q_ord"].lower()]
        size = 3 if rules.period_units[m["q_unit"].lower()] == "quarter" else 6
        year_s = m["q_y"]
        if size == 6 and not year_s:
            return None
        if n > 12 // size:
            return None
    else:
        if published is None:
            return None, None
        delta = rules.period_relative[(m["q_rel"] or m["q_post"]).lower()]
        index = published.year * 4 + (published.month - 1) // 3 + delta
        year, quarter = divmod(index, 4)
        return whole_month(year, quarter * 3 + 1)[0], whole_month(year, quarter * 3 + 3)[1]
    if year_s:
        year = int(year_s)
    elif published is None:
        return None, None
    else:
        year = published.year
        first = date(year, (n - 1) * size + 1, 1)
        last = whole_month(year, n * size)[1]
        if future and last < published:
            year += 1
        elif not future and first > published:
            year -= 1
    return whole_month(year, (n - 1) * size + 1)[0], whole_month(year, n * size)[1]


def easter(year: int) -> date:
    """Easter Sunday of `year` (Gregorian calendar, the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def named_day(rules: DateRules, m: re.Match[str], published: date | None, future: bool) -> Bounds | None:
    """"Christmas", "Good Friday 2024", « le lundi de Pâques »: that day in the year given, or
    the nearest one before publication (after it when the clause speaks of the future)."""
    first, second = rules.holidays[m["h_name"]]

    def on(year: int) -> date:
        if first == "easter":
            return easter(year) + timedelta(days=second)
        return date(year, int(first), second)

    if m["h_y"]:
        day = on(int(m["h_y"]))
        return day, day
    if published is None:
        return None, None
    day = on(published.year)
    if future and day < published:
        day = on(published.year + 1)
    elif not future and day > published:
        day = on(published.year - 1)
    return day, day
