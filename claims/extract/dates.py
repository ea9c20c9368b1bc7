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
    counted: bool = False
    """True when the number inside is a real quantity too ("four years ago": 4 years)."""


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
    ago_markers: frozenset[str]
    unit_words: frozenset[str]
    year_prep_before: re.Pattern[str]
    numeric: re.Pattern[str]
    intent: re.Pattern[str]
    clause_join: re.Pattern[str]
    units: dict[str, str]
    ago: frozenset[str]
    ahead_needs_future: frozenset[str]
    count_nouns: frozenset[str]
    count_suffixes: tuple[str, ...]
    range_starts: frozenset[str]
    day_conjunctions: frozenset[str]
    not_weekday_before: re.Pattern[str] | None
    not_weekday_after: re.Pattern[str] | None
    year_unit: re.Pattern[str]
    apostrophe_years: bool
    lang: str
    month_first: bool


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
    # Headlines write names in capitals ("THURSDAY", "JEUDI 16 SEPTEMBRE"): accepted too.
    caps = [name.upper() for name in full]
    month = (
        rf"(?:(?:{_cased(abbreviated, cs)})(?>\.?)|(?:{_cased(full, cs)})|(?:{_alt(caps)}))(?![\w])"
    )
    weekday = rf"(?:{_cased(lex['weekdays'], cs)}|{_alt(w.upper() for w in lex['weekdays'])})"
    parts = lexicons.alternation(lex["day_parts"])
    mods = lexicons.alternation(lex["weekday_past"] + lex["weekday_future"])
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:er|re|st|nd|rd|th)?(?!\d)"
    year = r"(?:1[6-9]\d\d|20\d\d)(?!\d)"
    rel_days = _cased(lex["relative_days"], False)
    rel_periods = _cased(lex["relative_periods"], False)
    year_preps = _cased(lex["year_prepositions"], False)
    period_mods = _cased(lex.get("period_modifiers", []) or ["(?!x)x"], False)
    range_starts = _cased(lex.get("range_starts", []), False)
    range_joins = lexicons.alternation(lex.get("range_joins", []))
    day_joins = _alt(lex.get("day_conjunctions", []))
    month_mods_before = _cased(lex.get("month_mods_before", []) or ["(?!x)x"], False)
    month_mods_after = lexicons.alternation(lex.get("month_mods_after", []) or ["(?!x)x"])
    decade_before = _cased(lex.get("decade_before", []) or ["(?!x)x"], False)
    units = {k.lower(): v for k, v in lex.get("relative_units", {}).items()}
    unit_alt = lexicons.alternation(units)
    number_words = lexicons.alternation(lex["number_words"])
    first_words = _cased(lex["number_words"] + lex.get("number_articles", []), False)
    amount = rf"(?:\d{{1,3}}|(?:{first_words})(?:[-{_SP[1:-1]}](?:{number_words}))*)"
    ago_after = lexicons.alternation(lex.get("ago_after", []) or ["(?!x)x"])
    ahead_after = lexicons.alternation(lex.get("ahead_after", []) or ["(?!x)x"])
    ago_before = _cased(lex.get("ago_before", []) or ["(?!x)x"], False)
    ahead_before = _cased(lex.get("ahead_before", []) or ["(?!x)x"], False)
    apostrophe_years = bool(lex.get("two_digit_year_needs_apostrophe", True))
    short_year = r"(?:['’](?P<{0}>\d\d)|(?P<{1}>(?:0\d|[3-9]\d)))(?![\d\w])" if not apostrophe_years else (
        r"(?:['’](?P<{0}>\d\d))(?![\d\w])(?P<{1}>(?!x)x)?"
    )
    absolute = ""
    if lex.get("month_first_dates"):  # March 2, 2022; Feb. 10-11; April 6 and 13
        absolute = rf"""
            (?P<en_range>(?P<er_m1>{month}){_SP}+(?P<er_d1>{day}){_SP}*
                (?P<er_sep>-|–|(?:to|through|{day_joins})(?={_SP})){_SP}*
                (?:(?P<er_m2>{month}){_SP}+)?(?P<er_d2>{day})(?:,?{_SP}+(?P<er_y>{year}))?)
          | (?P<en_date>(?:(?P<ed_wd>{weekday}),?{_SP}+)?(?P<ed_m>{month}){_SP}+(?P<ed_d>{day})
                (?:,?{_SP}+(?P<ed_y>{year}))?)
          | (?P<en_date2>(?:(?P<ed2_wd>{weekday}),?{_SP}+)?(?:the{_SP}+)?(?P<ed2_d>{day}){_SP}+(?:of{_SP}+)?
                (?P<ed2_m>{month})(?:,?{_SP}+(?P<ed2_y>{year}))?)
        """
    numeric = rf"""
            (?P<iso>(?P<iso_y>{year})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d))
          | (?P<ndate>(?P<nd_a>[0-3]?\d)(?P<nd_sep>[/.])(?P<nd_b>[0-3]?\d)
                (?:(?P=nd_sep)(?P<nd_y>\d{{4}}|\d\d))?(?![/.,]?\d))
          | (?P<yrange>(?:(?P<yg_pre>{range_starts}){_SP}+)?(?P<yg>(?P<yg1>{year})
                (?:{_SP}*(?P<yg_sep>[-–/]){_SP}*(?P<yg2s>\d\d(?!\d))|{_SP}*(?P<yg_sep2>[-–/]|(?:{range_joins})(?={_SP})){_SP}*(?P<yg2>{year}))))
          | (?P<year>(?:(?P<yr_mod>{period_mods})(?:{_SP}+|-))?(?:(?P<yr_dec>{decade_before}){_SP}+)?
                (?P<yr>{year})(?P<yr_s>s|['’]s)?)
        """
    pattern = re.compile(
        rf"""(?x)
        (?<![\w\-])(?:
            {absolute + "|" if absolute else ""}
            (?P<range>(?P<r_d1>{day})(?:{_SP}+(?P<r_m1>{month}))?(?:{_SP}+(?P<r_y1>{year}))?
                {_SP}*(?P<r_sep>au|à|-|–|,|{day_joins}){_SP}*(?P<r_d2>{day}){_SP}+(?P<r_m2>{month})
                (?:{_SP}+(?P<r_y2>{year}))?)
          | (?P<date>(?:(?P<d_wd>{weekday}){_SP}+)?(?P<d_d>{day}){_SP}+(?P<d_m>{month})
                (?:{_SP}+(?P<d_y>{year}))?)
          | (?P<mrange>(?:(?P<mg_pre>{range_starts}|{year_preps}){_SP}+)?(?P<mg>(?P<mg_m1>{month})
                (?:{_SP}+(?P<mg_y1>{year}))?(?:{_SP}*[-–/]{_SP}*|{_SP}+(?:{range_joins}){_SP}+)
                (?P<mg_m2>{month})(?:{_SP}+(?P<mg_y2>{year}))?))
          | (?P<monthyear>(?:(?P<my_mod>{period_mods}){_SP}+)?(?P<my_m>{month}),?{_SP}+
                (?:(?P<my_y>{year})|{short_year.format("my_ys", "my_yb")}))
          | (?P<month>(?:(?:{year_preps}|{month_mods_before}|{period_mods})(?:{_SP}+|-(?=\w))){{0,3}}
                (?P<mo_m>{month})(?:{_SP}+(?P<mo_post>{month_mods_after}))?)(?!,?{_SP}+['’]?\d)
          | (?P<ago>(?P<ag_pre>{ago_before}|{ahead_before}){_SP}+(?P<ag_n>{amount}){_SP}+
                (?P<ag_u>{unit_alt})(?![\w])
            | (?P<ag_n2>{amount}){_SP}+(?P<ag_u2>{unit_alt}){_SP}+(?P<ag_post>{ago_after}|{ahead_after}))
          | (?P<reld>{rel_days})
          | (?P<relp>{rel_periods})
          | (?P<wd>(?:(?P<wd_pre>{mods}){_SP}+)?(?P<wd_day>{weekday})
                (?:{_SP}+(?P<wd_part>{parts}))?(?:{_SP}+(?P<wd_mod>{mods}))?)
          | {numeric}
        )(?![\w\-])
        """
    )
    numeric_pattern = re.compile(rf"(?x)(?<![\w\-])(?:{numeric})(?![\w\-])")
    future_words = rf"(?<![\w\-])(?:{lexicons.alternation(lex['future_markers'])})(?![\w\-])"
    endings = lex.get("future_endings", [])
    if endings:  # "s'ouvrira", "se rendra", "fermeront": a verb in the simple future
        not_verbs = _alt(lex.get("future_ending_exceptions", []) or ["(?!x)x"])
        future_words += (
            rf"|(?<![\w\-])(?!(?:{not_verbs})(?![\w\-]))[a-zà-ÿœ]{{2,}}(?:{_alt(endings)})(?![\w\-])"
        )
    future = re.compile(future_words)
    intent = re.compile(
        rf"(?<![\w\-])(?:{lexicons.alternation(lex.get('intent_verbs', []) or ['(?!x)x'])})"
        rf"{_SP}+(?:\w+{_SP}+){{0,2}}?(?:{_alt(lex.get('infinitive_markers', []) or ['(?!x)x'])})(?=[\s\w])"
    )
    clause_join = re.compile(  # "et", "but", "that", "qu'il"
        rf"{_SP}(?:{lexicons.alternation(lex.get('clause_joins', []) or ['(?!x)x'])})(?:{_SP}|(?<=['’]))"
    )
    word_triggers = lexicons.triggers(
        [
            *lex["months"],
            *lex["weekdays"],
            *lex["relative_days"],
            *lex["relative_periods"],
        ],
        common=lex.get("common_words", []),
    )
    word_triggers = word_triggers | frozenset(w.lower() for w in [*lex["months"], *lex["weekdays"]])
    # "four years ago", "il y a une semaine", "dans trois mois": a marker and a unit word.
    markers = [*lex.get("ago_after", []), *lex.get("ahead_after", []), *lex.get("ago_before", []),
               *lex.get("ahead_before", [])]
    ago_markers = lexicons.triggers(markers, common=[w for w in lex.get("common_words", []) if w != "y"])
    year_prep_before = re.compile(
        rf"{_SP}+(?:{_alt(p[::-1] for p in lex['year_prepositions'])})(?![\w\-])", re.I
    )
    before = lex.get("not_weekday_before", [])
    after = lex.get("not_weekday_after", [])
    from claims.extract.numbers import unit_after  # noqa: PLC0415 - numbers owns units

    return _Rules(
        word_triggers=word_triggers,
        ago_markers=ago_markers,
        unit_words=frozenset(units),
        year_prep_before=year_prep_before,
        pattern=pattern,
        future=future,
        months={k.lower(): int(v) for k, v in lex["months"].items()},
        weekdays={k.lower(): int(v) for k, v in lex["weekdays"].items()},
        relative_days={k.lower(): int(v) for k, v in lex["relative_days"].items()},
        relative_periods={k.lower(): (v[0], int(v[1])) for k, v in lex["relative_periods"].items()},
        past_mods=frozenset(w.lower() for w in [*lex["weekday_past"], "past", "passé", "last"]),
        future_mods=frozenset(w.lower() for w in [*lex["weekday_future"], "next", "prochain"]),
        numeric=numeric_pattern,
        intent=intent,
        clause_join=clause_join,
        units=units,
        ago=frozenset(w.lower() for w in [*lex.get("ago_after", []), *lex.get("ago_before", [])]),
        ahead_needs_future=frozenset(w.lower() for w in lex.get("ahead_needs_future", [])),
        count_nouns=frozenset(lex.get("count_nouns", [])),
        count_suffixes=tuple(lex.get("count_noun_suffixes", [])),
        range_starts=frozenset(w.lower() for w in lex.get("range_starts", [])),
        day_conjunctions=frozenset(w.lower() for w in lex.get("day_conjunctions", [])),
        not_weekday_before=re.compile(rf"(?:{_alt(before)}){_SP}+$") if before else None,
        not_weekday_after=re.compile(rf"{_SP}+(?:{_alt(after)})(?![\w])") if after else None,
        year_unit=unit_after(lang),
        apostrophe_years=apostrophe_years,
        lang=lang,
        month_first=bool(lex.get("month_first_dates")),
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
    rules = _rules(lang)
    return (
        rules.future.search(text, start, end) is not None
        or rules.intent.search(text, start, end) is not None
    )


def _clause(
    rules: _Rules, text: str, start: int, end: int, pos: int, pos_end: int
) -> tuple[int, int]:
    """The clause around `[pos, pos_end)`: bounded by punctuation, brackets, quotes and the
    words that join two clauses ("and", "mais"): "condemned on Thursday and vowed to" has
    the date in a past clause."""
    low = max(start, pos - 300)
    left = low  # no clause runs longer than that: a run-on text stays linear
    for edge in _CLAUSE_EDGE.finditer(text, low, pos):
        left = edge.end()
    for join in rules.clause_join.finditer(text, max(left, low), pos):
        left = join.end()
    high = min(end, pos_end + 300)
    right_match = _CLAUSE_EDGE.search(text, pos_end, high)
    right = right_match.start() if right_match else high
    right_join = rules.clause_join.search(text, pos_end, right)
    if right_join:
        right = right_join.start()
    return left, right


def _ahead(rules: _Rules, text: str, left: int, right: int, pos: int) -> bool:
    """Future clause: a future marker anywhere in it, or an intent verb with its infinitive
    before the date ("vowed to rebuild the school by Friday"; not "vowed on Friday to")."""
    if rules.future.search(text, left, right):
        return True
    intent = rules.intent.search(text, left, pos)
    return intent is not None


_DETERMINERS = frozenset(
    [
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
        "le", "la", "les", "l", "du", "de", "des", "un", "une", "son", "sa", "ses", "leur",
        "leurs", "notre", "ce", "cet", "cette",
    ]
)
_PLURAL = re.compile(r"[ \u00a0\u202f]+([a-zà-ÿ][\w\-]*[sx])(?![\w\-])")
_NOT_YEAR_BEFORE = re.compile(
    r"(?:n°|no\.|nº|#|p\.|page|pages|route|vol|flight|vol\.|[$€£¥])[ \u00a0\u202f]*$", re.I
)


_NUMERIC_HINT = re.compile(r"\d\d\d\d|\d[/.]\d")
_DAY_CUE = re.compile(r"(?<![\w])(?:le|du|au|on|the|dès|since|until|by)[ \u00a0\u202f]+$", re.I)


def _bare_year_ok(rules: _Rules, text: str, start: int, m: re.Match[str]) -> bool:
    """Whether a year with no month is a year: not a count ("2000 soldats", "2010 euros")."""
    s, e = m.span("yr")
    year = int(m["yr"])
    if m["yr_mod"] or m["yr_dec"]:
        return True
    before = text[max(start, s - 16) : s]
    prep = rules.year_prep_before.match(before[::-1]) is not None
    if not prep and year < 1900:
        return False
    if _NOT_YEAR_BEFORE.search(before):
        return False
    if m["yr_s"]:
        return True
    if rules.year_unit.match(text, e) is not None:
        return False
    if prep:
        return True
    if before[-2:-1].isdigit() or before.endswith((",", ".")) and before[-2:-1].isdigit():
        return False
    plural = _PLURAL.match(text, e)
    if plural:
        words = lexicons.letter_tokens(before)
        if not words or words[-1] not in _DETERMINERS:
            return False  # "2000 troops", "1998 offences": a count
        # "the 2018 floods" is a year, "the 2000 soldiers" a count: a round number before
        # people or things counted in news.
        return not (year % 100 == 0 and _counted_noun(rules, plural.group(1)))
    return True


def _counted_noun(rules: _Rules, word: str) -> bool:
    word = word.lower()
    return word in rules.count_nouns or (len(word) > 5 and word.endswith(rules.count_suffixes))


def year_is_count(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the four digits at `text[start:end]` count something rather than name a year
    ("2000 soldiers", "the 2000 soldiers", "1998 offences"; not "the 2018 floods", "in 2000")."""
    rules = _rules(lang)
    match = rules.numeric.fullmatch(text, start, end)
    if match is None or match.lastgroup != "year":
        return False
    return not _bare_year_ok(rules, text, max(0, start - 20), match)


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
    pattern = rules.pattern
    if (
        tokens is not None
        and rules.word_triggers.isdisjoint(tokens)
        and (rules.ago_markers.isdisjoint(tokens) or rules.unit_words.isdisjoint(tokens))
    ):
        if not has_digit or _NUMERIC_HINT.search(text, start, end) is None:
            return []
        pattern = rules.numeric
    out: list[FoundDate] = []
    for match in pattern.finditer(text, start, end):
        kind = match.lastgroup or ""
        if kind == "wd" and _holiday(rules, text, start, end, match):
            continue
        if kind == "year" and not _bare_year_ok(rules, text, start, match):
            continue
        if kind == "ndate" and not match["nd_y"] and (
            match["nd_sep"] == "." or not _DAY_CUE.search(text, max(start, match.start() - 6), match.start())
        ):
            continue  # "3/4", "2.5": a fraction or a decimal unless "le 22/04", "on 4/22"
        ahead = future
        if ahead is None:
            left, right = _clause(rules, text, start, end, match.start(), match.end())
            ahead = _ahead(rules, text, left, right, match.start())
        if kind == "ago" and not ahead and (match["ag_pre"] or "").lower() in rules.ahead_needs_future:
            continue  # "built in two years" is a duration; "will open in two weeks" a date
        try:
            bounds = _resolve(rules, match, published, ahead)
        except (OverflowError, ValueError):  # "hier" on 0001-01-01, "next year" in 9999
            bounds = (None, None)
        if bounds is None:
            continue
        if isinstance(bounds, list):  # two days: "les 6 et 13 avril"
            out.extend(bounds)
            continue
        s, e = _span(match, kind)
        out.append(FoundDate(s, e, bounds[0], bounds[1], kind == "ago"))
    return out


def _span(m: re.Match[str], kind: str) -> tuple[int, int]:
    """What of the match is the date: no leading preposition ("in 2019" -> "2019")."""
    if kind == "year":
        s = m.start("yr_mod") if m["yr_mod"] else m.start("yr_dec") if m["yr_dec"] else m.start("yr")
        return s, m.end()
    if kind == "month":
        return _month_span(m)
    if kind == "yrange":
        return m.span("yg")
    if kind == "mrange":
        return m.span("mg")
    return m.span(kind)


_LEADING_PREPOSITIONS = frozenset(
    [
        "in", "on", "since", "from", "until", "till", "by", "before", "after", "during", "to",
        "and", "between", "of", "through", "year", "en", "depuis", "dès", "de", "d'ici",
        "jusqu'en", "jusqu’en", "avant", "après", "année", "à", "au", "vers", "entre", "et",
    ]
)


def _month_span(m: re.Match[str]) -> tuple[int, int]:
    s, e = m.span("month")
    text = m.string
    while True:
        word = re.match(r"[^\s\u00a0\u202f]+[\s\u00a0\u202f]+", text[s : m.start("mo_m")])
        if not word or word.group().strip().lower() not in _LEADING_PREPOSITIONS:
            return s, e
        s += word.end()


def _holiday(rules: _Rules, text: str, start: int, end: int, m: re.Match[str]) -> bool:
    """"Vendredi saint", "Good Friday", "Black Friday": a named day, not a weekday."""
    if m["wd_pre"] or m["wd_part"] or m["wd_mod"]:
        return False
    if rules.not_weekday_after and rules.not_weekday_after.match(text, m.end(), end):
        return True
    if rules.not_weekday_before:
        return rules.not_weekday_before.search(text[max(start, m.start() - 12) : m.start()]) is not None
    return False


def _short_year(two: int, published: date | None) -> int:
    """'98 -> 1998, '05 -> 2005: the century that puts the year at most 5 years ahead."""
    pivot = (published.year if published else 2025) + 5
    year = pivot // 100 * 100 + two
    return year - 100 if year > pivot else year


def _agreeing_year(month: int, day: int, weekday: int, published: date | None, future: bool) -> int | None:
    """The year, near publication, in which day/month falls on that weekday."""
    base = published.year if published else None
    if base is None:
        return None
    candidates = [
        y for y in range(base - 12, base + 13) if (_safe_date(y, month, day) or date.min).weekday() == weekday
        and _safe_date(y, month, day) is not None
    ]
    if not candidates:
        return None
    assert published is not None
    if future:
        ahead = [y for y in candidates if date(y, month, day) >= published]
        if ahead:
            return min(ahead)
    behind = [y for y in candidates if date(y, month, day) <= published]
    return max(behind) if behind else min(candidates)


def _whole_year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _whole_month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _amount(word: str, lang: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an", "one", "un", "une"):
        return 1
    from text_to_num import text2num  # type: ignore[import-untyped]  # noqa: PLC0415

    try:
        return int(text2num(word.replace("\u00a0", " "), lang))
    except (ValueError, TypeError):
        return None


Bounds = tuple[date | None, date | None]


def _resolve(
    rules: _Rules, m: re.Match[str], published: date | None, future: bool
) -> Bounds | list[FoundDate] | None:
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
        weekday = m[f"{prefix}_wd"]
        if year_s:
            year: int | None = int(year_s)
        elif weekday:
            # "jeudi 16 septembre": the year in which the 16th of September is a Thursday.
            year = _agreeing_year(month, day_n, rules.weekdays[weekday.lower()], published, future)
            year = year or _pick_year(month, day_n, published, future)
        else:
            year = _pick_year(month, day_n, published, future)
        if year is None:
            return None, None
        day = _safe_date(year, month, day_n)
        return (day, day) if day else None
    if kind in ("range", "en_range"):
        return _day_range(rules, m, kind, published, future)
    if kind == "ndate":
        # 22/04/2016 (day first) or 4/22/2016 (month first, in languages that write so).
        a, b = int(m["nd_a"]), int(m["nd_b"])
        day_n, month = (b, a) if rules.month_first else (a, b)
        if not 1 <= month <= 12:
            return None
        year_s = m["nd_y"]
        if year_s:
            year = int(year_s) if len(year_s) == 4 else _short_year(int(year_s), published)
        else:
            year = _pick_year(month, day_n, published, future)
            if year is None:
                return None, None
        day = _safe_date(year, month, day_n)
        return (day, day) if day else None
    if kind == "monthyear":
        month = _month(rules, m["my_m"])
        if month is None:
            return None
        if m["my_y"]:
            year = int(m["my_y"])
        else:
            two = m["my_ys"] or m["my_yb"]
            year = _short_year(int(two), published)
        return _whole_month(year, month)
    if kind == "month":
        return _relative_month(rules, m, published, future)
    if kind == "mrange":
        m1, m2 = _month(rules, m["mg_m1"]), _month(rules, m["mg_m2"])
        if m1 is None or m2 is None:
            return None
        if m["mg_y2"] or m["mg_y1"]:
            y2 = int(m["mg_y2"] or m["mg_y1"])
            y1 = int(m["mg_y1"]) if m["mg_y1"] else (y2 if m1 <= m2 else y2 - 1)
        else:
            if published is None:
                return None, None
            y1 = published.year
            if future and date(y1, m1, 1) < published.replace(day=1):
                y1 += 1
            elif not future and date(y1, m1, 1) > published:
                y1 -= 1
            y2 = y1 if m1 <= m2 else y1 + 1
        first, last = _whole_month(y1, m1)[0], _whole_month(y2, m2)[1]
        return (first, last) if first <= last else None
    if kind == "yrange":
        y1 = int(m["yg1"])
        if m["yg2"]:
            y2 = int(m["yg2"])
            sep = (m["yg_sep2"] or "").strip().lower()
            if sep in rules.day_conjunctions and not m["yg_pre"]:
                # "in 2017 and 2022": two years; "between 2019 and 2021" is one range.
                return [
                    FoundDate(*m.span("yg1"), *_whole_year(y1)),
                    FoundDate(*m.span("yg2"), *_whole_year(y2)),
                ]
        else:
            two = int(m["yg2s"])
            if m["yg_sep"] == "-" and 1 <= two <= 12 and two != (y1 + 1) % 100:
                return _whole_month(y1, two)  # "2015-03": a month
            y2 = y1 // 100 * 100 + two
            if y2 < y1:
                y2 += 100
        if not y1 <= y2 <= y1 + 200:
            return None
        return date(y1, 1, 1), date(y2, 12, 31)
    if kind == "year":
        year = int(m["yr"])
        if m["yr_s"] or m["yr_dec"]:
            if year % 10:
                return _whole_year(year)
            return date(year, 1, 1), date(year + 9, 12, 31)
        return _whole_year(year)
    if kind == "ago":
        return _ago(rules, m, published)
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
            return _whole_month(year, month)
        return _whole_year(published.year + delta)
    if kind == "wd":
        if published is None:
            return None, None
        target = rules.weekdays[m["wd_day"].lower()]
        mods = {(m["wd_pre"] or "").lower(), (m["wd_mod"] or "").lower()}
        ahead = bool(mods & rules.future_mods) or (future and not mods & rules.past_mods)
        strict = bool(mods & (rules.future_mods | rules.past_mods))
        return _resolve_weekday(published, target, ahead, strict)
    return None


def _day_range(
    rules: _Rules, m: re.Match[str], kind: str, published: date | None, future: bool
) -> Bounds | list[FoundDate] | None:
    if kind == "range":
        d1, d2 = _day(m["r_d1"]), _day(m["r_d2"])
        m2 = _month(rules, m["r_m2"])
        m1 = _month(rules, m["r_m1"]) or m2
        y_s, y1_s, sep = m["r_y2"], m["r_y1"], m["r_sep"]
        first_end, second_start = m.end("r_d1"), m.start("r_d2")
    else:
        d1, d2 = _day(m["er_d1"]), _day(m["er_d2"])
        m1 = _month(rules, m["er_m1"])
        m2 = _month(rules, m["er_m2"]) or m1
        y_s, y1_s, sep = m["er_y"], None, m["er_sep"]
        first_end, second_start = m.end("er_d1"), m.start("er_d2")
    if d1 is None or d2 is None or m1 is None or m2 is None:
        return None
    if published is None and not y_s:
        y2: int | None = None
    else:
        y2 = int(y_s) if y_s else _pick_year(m2, d2, published, future)
    two_days = sep.strip().lower() in rules.day_conjunctions | {","}
    opener = lexicons.letter_tokens(m.string[max(0, m.start(kind) - 12) : m.start(kind)])
    if opener and opener[-1] in rules.range_starts:
        two_days = False  # "between Jan. 1 and March 31": one range
    if y2 is None:
        if two_days:
            return [
                FoundDate(m.start(kind), first_end, None, None),
                FoundDate(second_start, m.end(kind), None, None),
            ]
        return None, None
    y1 = int(y1_s) if y1_s else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
    first, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
    if first is None or last is None or first > last:
        return None
    if two_days and (last - first).days > 1:
        # "les 6 et 13 avril": two days; "les 16 et 17 février" stays one span of two days.
        return [
            FoundDate(m.start(kind), first_end, first, first),
            FoundDate(second_start, m.end(kind), last, last),
        ]
    return first, last


def _relative_month(rules: _Rules, m: re.Match[str], published: date | None, future: bool) -> Bounds | None:
    """A month without a year: "en mars", "last June", "late last July", "juin dernier"."""
    month = _month(rules, m["mo_m"])
    if month is None:
        return None
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", m.string[m.start("month") : m.start("mo_m")])}
    post = (m["mo_post"] or "").lower()
    if not words and not post:
        return None  # a bare month name ("May", "Mars") is too often something else
    if published is None:
        return None, None
    mods = words | {post}
    year = published.year
    if mods & rules.past_mods:
        if month >= published.month:
            year -= 1
    elif mods & rules.future_mods:
        if month <= published.month:
            year += 1
    elif "this" in mods:
        pass
    elif future and month < published.month:
        year += 1
    elif not future and month > published.month:
        year -= 1
    return _whole_month(year, month)


def _ago(rules: _Rules, m: re.Match[str], published: date | None) -> Bounds | None:
    """"four years ago", "il y a une semaine", "dans trois mois", "two days from now": the
    period of that unit so far back or ahead (a year, a month, a Monday-to-Sunday week, a day)."""
    amount_s = m["ag_n"] or m["ag_n2"]
    unit_s = (m["ag_u"] or m["ag_u2"] or "").lower()
    marker = (m["ag_pre"] or m["ag_post"] or "").lower()
    amount = _amount(amount_s, rules.lang)
    unit = rules.units.get(unit_s)
    if amount is None or unit is None or amount > 5000:
        return None
    if published is None:
        return None, None
    sign = -1 if marker in rules.ago else 1
    delta = sign * amount
    if unit == "year":
        return _whole_year(published.year + delta)
    if unit == "decade":
        return _whole_year(published.year + 10 * delta)
    if unit == "month":
        year, month = _shift_month(published.year, published.month, delta)
        return _whole_month(year, month)
    if unit == "week":
        day = published + timedelta(weeks=delta)
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    day = published + timedelta(days=delta)
    return day, day


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
