"""Dates and periods in news text, resolved to ISO bounds against the publication date.

Handles absolute dates (19 janvier; March 2, 2022; 2012-05-22), day ranges (les 16 et 17
février; March 2-4), months and years as whole periods (en mars 2021; in 2019), weekdays with
parts of day (mardi après-midi, lundi soir, on Tuesday, last Friday) and relative words (hier,
la veille, yesterday, last week).

Resolution follows DESIGN.md: a weekday is the most recent such day on or before publication,
or the next one when the sentence speaks of the future (devrait rouvrir mercredi); a day and
month without a year take the year that puts them on or before publication, again unless the
sentence is about the future. Anything that cannot be resolved keeps its text, bounds None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from claims.extract import lexicons

_SP = r"[ \u00a0\u202f]"


@dataclass(slots=True)
class FoundDate:
    start: int
    end: int
    from_: date | None
    to: date | None


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _cased(words: Any, case_sensitive: bool) -> str:
    """Alternation accepting a capitalised first letter; English names must be capitalised."""
    if case_sensitive:
        return lexicons.alternation((w[:1].upper() + w[1:] for w in words), fold_first=False)
    return lexicons.alternation(words)


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern[str]
    future: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative_periods: dict[str, tuple[str, int]]
    past_mods: frozenset[str]
    future_mods: frozenset[str]
    word_triggers: frozenset[str]
    year_prep_before: re.Pattern[str]


@cache
def _rules(lang: str) -> _Rules:
    lex: dict[str, Any] = lexicons.load(lang)
    cs = bool(lex.get("months_case_sensitive", False))
    months: dict[str, int] = lex["months"]
    abbreviated = {
        name
        for name, number in months.items()
        if any(o != name and o.startswith(name) and months[o] == number for o in months)
    }
    full = [name for name in months if name not in abbreviated]
    month = rf"(?:(?:{_cased(abbreviated, cs)})\.?|(?:{_cased(full, cs)}))(?![\w])"
    weekday = _cased(lex["weekdays"], cs)
    parts = lexicons.alternation(lex["day_parts"])
    mods = lexicons.alternation(lex["weekday_past"] + lex["weekday_future"])
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:er|re|st|nd|rd|th)?(?!\d)"
    year = r"(?:1[6-9]\d\d|20\d\d)(?!\d)"
    rel_days = _cased(lex["relative_days"], False)
    rel_periods = _cased(lex["relative_periods"], False)
    year_preps = _cased(lex["year_prepositions"], False)
    absolute = ""
    if lex.get("month_first_dates"):  # March 2, 2022; Feb. 10-11
        absolute = rf"""
            (?P<en_range>(?P<er_m1>{month}){_SP}+(?P<er_d1>{day}){_SP}*(?:-|–|to|and|through)
                {_SP}*(?:(?P<er_m2>{month}){_SP}+)?(?P<er_d2>{day})(?:,?{_SP}+(?P<er_y>{year}))?)
          | (?P<en_date>(?:(?:{weekday}),?{_SP}+)?(?P<ed_m>{month}){_SP}+(?P<ed_d>{day})
                (?:,?{_SP}+(?P<ed_y>{year}))?)
          | (?P<en_date2>(?:(?:{weekday}),?{_SP}+)?(?P<ed2_d>{day}){_SP}+(?:of{_SP}+)?
                (?P<ed2_m>{month})(?:,?{_SP}+(?P<ed2_y>{year}))?)
        """
    pattern = re.compile(
        rf"""(?x)
        (?<![\w\-])(?:
            (?P<iso>(?P<iso_y>{year})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d))
          | {absolute + "|" if absolute else ""}
            (?P<range>(?P<r_d1>{day})(?:{_SP}+(?P<r_m1>{month}))?(?:{_SP}+(?P<r_y1>{year}))?
                {_SP}*(?:et|au|à|-|–|,){_SP}*(?P<r_d2>{day}){_SP}+(?P<r_m2>{month})
                (?:{_SP}+(?P<r_y2>{year}))?)
          | (?P<date>(?:(?:{weekday}){_SP}+)?(?P<d_d>{day}){_SP}+(?P<d_m>{month})
                (?:{_SP}+(?P<d_y>{year}))?)
          | (?P<monthyear>(?P<my_m>{month}){_SP}+(?P<my_y>{year}))
          | (?P<month>(?:{year_preps}){_SP}+(?P<mo_m>{month}))(?!{_SP}+\d)
          | (?P<reld>{rel_days})
          | (?P<relp>{rel_periods})
          | (?P<wd>(?:(?P<wd_pre>{mods}){_SP}+)?(?P<wd_day>{weekday})
                (?:{_SP}+(?P<wd_part>{parts}))?(?:{_SP}+(?P<wd_mod>{mods}))?)
          | (?P<year>(?:{year_preps}){_SP}+(?P<yr>{year}))
        )(?![\w\-])
        """
    )
    future = re.compile(rf"(?<![\w\-])(?:{lexicons.alternation(lex['future_markers'])})(?![\w\-])")
    word_triggers = lexicons.triggers(
        [*lex["months"], *lex["weekdays"], *lex["relative_days"], *lex["relative_periods"]],
        common=lex.get("common_words", []),
    )
    year_prep_before = re.compile(
        rf"{_SP}+(?:{_alt(p[::-1] for p in lex['year_prepositions'])})(?![\w\-])", re.I
    )
    return _Rules(
        word_triggers=word_triggers,
        year_prep_before=year_prep_before,
        pattern=pattern,
        future=future,
        months={k.lower(): int(v) for k, v in lex["months"].items()},
        weekdays={k.lower(): int(v) for k, v in lex["weekdays"].items()},
        relative_days={k.lower(): int(v) for k, v in lex["relative_days"].items()},
        relative_periods={k.lower(): (v[0], int(v[1])) for k, v in lex["relative_periods"].items()},
        past_mods=frozenset(lex["weekday_past"]),
        future_mods=frozenset(lex["weekday_future"]),
    )


def _month(rules: _Rules, word: str | None) -> int | None:
    if not word:
        return None
    return rules.months.get(word.rstrip(".").lower())


def _day(word: str | None) -> int | None:
    if not word:
        return None
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pick_year(month: int, day: int, published: date | None, future: bool) -> int | None:
    """The year that puts day/month on or before publication (after it when `future`)."""
    if published is None:
        return None
    year = published.year
    candidate = _safe_date(year, month, day)
    if candidate is None:
        return year
    if future:
        return year if candidate >= published else year + 1
    return year if candidate <= published else year - 1


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


_CLAUSE_EDGE = re.compile(r"[,;:()—–«»“”\"]")


def is_future(text: str, start: int, end: int, lang: str) -> bool:
    """Whether `text[start:end]` (a sentence or a clause) speaks of the future."""
    return _rules(lang).future.search(text, start, end) is not None


def _clause(text: str, start: int, end: int, pos: int, pos_end: int) -> tuple[int, int]:
    """The clause around `[pos, pos_end)`: bounded by commas, colons, brackets, quotes."""
    left = start
    for edge in _CLAUSE_EDGE.finditer(text, max(start, pos - 300), pos):
        left = edge.end()
    right_match = _CLAUSE_EDGE.search(text, pos_end, min(end, pos_end + 300))
    right = right_match.start() if right_match else end
    return left, right


_YEARISH = re.compile(r"\d(?<![\w.,\-/]\d)\d{3}(?:-[01]\d-[0-3]\d)?(?![\w\-])")


def _numeric_dates(rules: _Rules, text: str, start: int, end: int) -> list[FoundDate]:
    """ISO dates and years after a preposition, for sentences with no month or day word."""
    out: list[FoundDate] = []
    for match in _YEARISH.finditer(text, start, end):
        found = match.group()
        year = int(found[:4])
        if not 1600 <= year <= 2099:
            continue
        if len(found) == 10:
            day = _safe_date(year, int(found[5:7]), int(found[8:10]))
            if day:
                out.append(FoundDate(match.start(), match.end(), day, day))
            continue
        before = text[max(start, match.start() - 16) : match.start()][::-1]
        if rules.year_prep_before.match(before):
            out.append(FoundDate(match.start(), match.end(), date(year, 1, 1), date(year, 12, 31)))
    return out


def find_dates(
    text: str,
    start: int,
    end: int,
    lang: str,
    published: date | None,
    future: bool | None = None,
    tokens: set[str] | None = None,
    has_digit: bool = True,
) -> list[FoundDate]:
    """Dates in `text[start:end]`, resolved when `published` allows.

    `future` forces the tense; by default each date looks at its own clause ("devrait rouvrir
    mercredi" is ahead, ", avait-on indiqué dimanche" is behind, in one sentence). `tokens` (the
    sentence's `lexicons.letter_tokens`) and `has_digit` let the caller skip what cannot match.
    """
    rules = _rules(lang)
    if tokens is not None and rules.word_triggers.isdisjoint(tokens):
        return _numeric_dates(rules, text, start, end) if has_digit else []
    out: list[FoundDate] = []
    for match in rules.pattern.finditer(text, start, end):
        ahead = future
        if ahead is None:
            left, right = _clause(text, start, end, match.start(), match.end())
            ahead = rules.future.search(text, left, right) is not None
        try:
            bounds = _resolve(rules, match, published, ahead)
        except (OverflowError, ValueError):  # "hier" on 0001-01-01, "next year" in 9999
            bounds = (None, None)
        if bounds is None:
            continue
        kind = match.lastgroup or ""
        s, e = match.span({"year": "yr", "month": "mo_m"}.get(kind, kind))
        out.append(FoundDate(s, e, bounds[0], bounds[1]))
    return out


def _resolve(
    rules: _Rules, m: re.Match[str], published: date | None, future: bool
) -> tuple[date | None, date | None] | None:
    kind = m.lastgroup
    if kind == "iso":
        day = _safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        return (day, day) if day else None
    if kind in ("date", "en_date", "en_date2"):
        prefix = {"date": "d", "en_date": "ed", "en_date2": "ed2"}[kind]
        month = _month(rules, m[f"{prefix}_m"])
        day_n = _day(m[f"{prefix}_d"])
        if month is None or day_n is None:
            return None
        year_s = m[f"{prefix}_y"]
        year = int(year_s) if year_s else _pick_year(month, day_n, published, future)
        if year is None:
            return None, None
        day = _safe_date(year, month, day_n)
        return (day, day) if day else None
    if kind in ("range", "en_range"):
        if kind == "range":
            d1, d2 = _day(m["r_d1"]), _day(m["r_d2"])
            m2 = _month(rules, m["r_m2"])
            m1 = _month(rules, m["r_m1"]) or m2
            y_s = m["r_y2"]
            y1_s = m["r_y1"]
        else:
            d1, d2 = _day(m["er_d1"]), _day(m["er_d2"])
            m1 = _month(rules, m["er_m1"])
            m2 = _month(rules, m["er_m2"]) or m1
            y_s = m["er_y"]
            y1_s = None
        if None in (d1, d2, m1, m2):
            return None
        assert d1 is not None and d2 is not None and m1 is not None and m2 is not None
        y2 = int(y_s) if y_s else _pick_year(m2, d2, published, future)
        if y2 is None:
            return None, None
        y1 = int(y1_s) if y1_s else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
        first, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        if first is None or last is None or first > last:
            return None
        return first, last
    if kind == "monthyear":
        month = _month(rules, m["my_m"])
        if month is None:
            return None
        year = int(m["my_y"])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if kind == "month":
        month = _month(rules, m["mo_m"])
        if month is None:
            return None
        if published is None:
            return None, None
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if kind == "year":
        year = int(m["yr"])
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "reld":
        if published is None:
            return None, None
        day = published + timedelta(days=rules.relative_days[m["reld"].lower()])
        return day, day
    if kind == "relp":
        if published is None:
            return None, None
        unit, delta = rules.relative_periods[m["relp"].lower()]
        if unit == "week":
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=delta)
            return monday, monday + timedelta(days=6)
        if unit == "month":
            year, month = _shift_month(published.year, published.month, delta)
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        year = published.year + delta
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "wd":
        if published is None:
            return None, None
        target = rules.weekdays[m["wd_day"].lower()]
        mods = {(m["wd_pre"] or "").lower(), (m["wd_mod"] or "").lower()}
        ahead = bool(mods & rules.future_mods) or (future and not mods & rules.past_mods)
        strict = bool(mods & (rules.future_mods | rules.past_mods))
        return _resolve_weekday(published, target, ahead, strict)
    return None


def resolve_weekday(published: date, weekday: int, future: bool) -> date:
    """The most recent `weekday` on or before `published`, or the next one on or after it."""
    day, _ = _resolve_weekday(published, weekday, future, strict=False)
    return day


def _resolve_weekday(published: date, weekday: int, ahead: bool, strict: bool) -> tuple[date, date]:
    if ahead:
        delta = (weekday - published.weekday()) % 7
        if delta == 0 and strict:
            delta = 7
        day = published + timedelta(days=delta)
    else:
        delta = (published.weekday() - weekday) % 7
        if delta == 0 and strict:
            delta = 7
        day = published - timedelta(days=delta)
    return day, day
