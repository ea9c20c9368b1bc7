"""Quarters, halves, seasons, centuries and named days resolved to their first and last day.

"the third quarter of 2019", "last quarter", "Q3 2019", « le premier semestre 2023 » are three
or six whole months; seasons are meteorological, three whole months ("the summer of 2022" is
June to August 2022; the winter of a year is the one its January falls in, December before to
February: "winter 2021", « l'hiver 2020-2021 »); the Nth century is the hundred years
(N-1)00-(N-1)99, as TIMEX3 writes it ("the 19th century", « le XIXe siècle »: 1800-1899);
"Christmas", "Good Friday", "Thanksgiving", « le lundi de Pâques » one day (a fixed day, a day
from Easter by the Gregorian computus, or the nth weekday of a month).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claims.extract.dates.days import Bounds, short_year, whole_month
from claims.extract.dates.rules import DateRules

__all__ = ["century_bounds", "easter", "named_day", "quarter_bounds", "season_bounds"]


def quarter_bounds(
    rules: DateRules, m: re.Match[str], published: date | None, future: bool, year_named: int | None = None
) -> Bounds | None:
    """"the third quarter (of 2019)", "Q3 2019", "last quarter", « le premier semestre 2023 »:
    three (or six) whole months. Without a year, the one of `year_named` (the year the text
    named before: "sales rose in 1997, mostly in the second half"), else the most recent such
    period that has begun (the next one when the clause speaks of the future); a half needs a
    year, since "the first half" of a match is no date, unless its name is no match's (« le
    second semestre »)."""
    if m["q_n"] or m["q_n2"]:
        n, size, year_s = int(m["q_n"] or m["q_n2"]), 3, m["q_y2"] or m["q_y3"]
    elif m["q_h"] or m["q_h2"]:  # "H2 2025", "2025-H1", « S1 2024 »
        n, size, year_s = int(m["q_h"] or m["q_h2"]), 6, m["q_hy"] or m["q_hy2"]
    elif m["q_ord"]:
        n = rules.period_ordinals[m["q_ord"].lower()]
        size = 3 if rules.period_units[m["q_unit"].lower()] == "quarter" else 6
        year_s = m["q_y"] or (str(year_named) if year_named and not m["q_of"] else None)
        if m["q_of"]:  # "the first half of the year", « le premier semestre de l'an dernier »
            if published is None:
                return None, None
            year_s = str(published.year + rules.period_of_relative[m["q_of"].lower()])
        if size == 6 and not year_s and m["q_unit"].lower() not in rules.halves_alone:
            return None  # "the first half" of a match; « au deuxième semestre » is a date
        if n < 0:  # "the last quarter of 2024", « le dernier trimestre de l'année »: the fourth
            n = 12 // size
            delta = rules.period_relative.get(m["q_ord"].lower())
            if not year_s and delta is not None:  # "last quarter", « au dernier trimestre »:
                if published is None:  # the one before the current one
                    return None, None
                index = published.year * (12 // size) + (published.month - 1) // size + delta
                year, part = divmod(index, 12 // size)
                return whole_month(year, part * size + 1)[0], whole_month(year, part * size + size)[1]
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


def _nth_weekday(year: int, month: int, weekday: int, n: int, offset: int = 0) -> date:
    """The `n`th `weekday` of `month` (the last one for n = -1), `offset` days later."""
    if n > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    else:
        last = whole_month(year, month)[1]
        day = last - timedelta(days=(last.weekday() - weekday) % 7)
    return day + timedelta(days=offset)


def named_day(rules: DateRules, m: re.Match[str], published: date | None, future: bool) -> Bounds | None:
    """"Christmas", "Good Friday 2024", « le lundi de Pâques »: that day in the year given, or
    the nearest one before publication (after it when the clause speaks of the future)."""
    rule = rules.holidays[m["h_name"]]

    def on(year: int) -> date:
        if rule[0] == "easter":
            return easter(year) + timedelta(days=int(rule[1]))
        if rule[0] == "nth":  # "Thanksgiving": the 4th Thursday of November (-1: the last one)
            return _nth_weekday(year, *(int(x) for x in rule[1:]))
        return date(year, int(rule[0]), int(rule[1]))

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


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def _season(name: str, year: int) -> tuple[date, date]:
    """The season `name` of `year`: three whole months (winter: December of the year before)."""
    start = _SEASON_START[name]
    first_year = year - 1 if name == "winter" else year
    first = date(first_year, start, 1)
    end_year, end_month = (first_year + 1, start + 2 - 12) if start + 2 > 12 else (first_year, start + 2)
    return first, whole_month(end_year, end_month)[1]


_OF_AFTER = re.compile(r"[ \u00a0\u202f]+(?:of|de|du|des|d['’])(?![\w\-])", re.I)


def season_bounds(rules: DateRules, m: re.Match[str], published: date | None, future: bool) -> Bounds | None:
    """"this summer", "last winter", "the autumn of 2019", « cet été », « l'hiver dernier », «
    au printemps 2021 »: three whole months. "this" is the season of the publication year (the
    next one when the clause speaks of a season already over, the previous one when it tells
    of one not begun); "last" the latest one over by publication, "next" the first one not
    begun. "fall" and « été » need a cue (an article, a modifier or a year): "prices fall", «
    a été »."""
    word = (m["s_name"] or m["s_name2"]).lower()
    name = rules.seasons[word]
    if m["s_name2"] and not (m["s_art"] or m["s_art2"]) and word in rules.season_needs_cue:
        return None
    two = m["s_ys"] or m["s_yb"]
    if two:
        # "the summer of '69", « l'été 76 »: a year in two digits after the season
        return _season(name, short_year(int(two), published))
    if m["s_y"]:
        year = int(m["s_y"])
        if m["s_y2"] and name == "winter":  # « l'hiver 2020-2021 »: the winter of January 2021
            two = m["s_y2"]
            second = int(two) if len(two) == 4 else year // 100 * 100 + int(two)
            if second != year + 1:
                return None
            year = second
        return _season(name, year)
    mod = m["s_rel"] or m["s_post"]
    of_year = (
        rules.year_of_after.match(m.string, m.end())
        if rules.year_of_after and not m.string.startswith(",", m.end()) else None
    )
    if not mod and of_year and (m["s_art"] or m["s_art2"]):
        # "the spring of last year", « l'été de l'année dernière »: that season of that year
        if published is None:
            return None, None
        return _season(name, published.year + rules.relative_periods[of_year["yo"].lower()][1])
    if not mod:
        # "in the spring", « au printemps », « l'été »: the nearest one in the direction of the
        # clause's tense (under way, else the last one over, or for a clause about the future
        # the next one); not a name ("the Arab Spring", « le Printemps », "the spring
        # collection", « le printemps arabe »), not "the fall in prices": "fall" with "the"
        # alone only in a clause about the future ("to move the trial to the fall").
        article = (m["s_art"] or m["s_art2"] or "").lower()
        if (
            not article
            or not m["s_name2"].islower()
            or word in rules.season_needs_cue and not m["s_art"] and not future
            or rules.small_word_after is None
            or not rules.small_word_after.match(m.string, m.end())
            or _OF_AFTER.match(m.string, m.end())  # "the spring of fifty-five", "the fall of Rome"
        ):
            return None
        if published is None:
            return None, None
        year = published.year + (1 if name == "winter" and published.month == 12 else 0)
        if future:
            while _season(name, year)[1] < published:
                year += 1
        else:
            while _season(name, year)[0] > published:
                year -= 1
        return _season(name, year)
    if published is None:
        return None, None
    rel = rules.season_relative[mod.lower()] if mod else 0
    year = published.year + (1 if name == "winter" and published.month == 12 else 0)
    if rel == 0:
        return _this_season(name, year, published, future)
    if rel < 0:
        while _season(name, year)[1] >= published:
            year -= 1
        return _season(name, year)
    while _season(name, year)[0] <= published:
        year += 1
    return _season(name, year)


def _this_season(name: str, year: int, published: date, future: bool) -> tuple[date, date]:
    """"this summer", « cet hiver »: the season under way at publication, else the nearer of
    the last one and the next one (« cet hiver » in November is the coming winter, "this
    winter" in March the one just over). The clause's tense picks the other one when the
    nearer one contradicts it: always the next one for a clause about the future, the last
    one for another clause only when it ended within half a year."""
    first, last = _season(name, year)
    if first <= published <= last:
        return first, last
    before = _season(name, year - 1) if first > published else (first, last)
    after = _season(name, year + 1) if last < published else (first, last)
    since, until = (published - before[1]).days, (after[0] - published).days
    if future:
        return after
    return before if since <= until or since <= 183 else after


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text):
        value = _ROMAN[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total if total > 0 else None


def century_bounds(rules: DateRules, m: re.Match[str]) -> Bounds | None:
    """"the 19th century", "the twenty-first century", « le XIXe siècle »: (N-1)00 to (N-1)99.
    A century before Christ (« le IIIe siècle av. J.-C. ») is no calendar date here."""
    if m["c_n"]:
        n: int | None = int(m["c_n"])
    elif m.groupdict().get("c_rom"):  # Roman numerals where the language writes them
        n = _roman(m["c_rom"])
    else:
        n = rules.century_ordinals.get(m["c_word"].lower().replace("\u00a0", " "))
    if not n or not 1 <= n <= 30:
        return None
    if rules.before_christ is not None and rules.before_christ.match(m.string, m.end()):
        return None
    first = max(1, (n - 1) * 100)
    return date(first, 1, 1), date((n - 1) * 100 + 99, 12, 31)
