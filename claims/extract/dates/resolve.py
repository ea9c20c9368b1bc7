"""Resolution of a matched date to its first and last day against the publication date.

A day and month without a year take the year that puts them on or before publication (after
it when their clause speaks of the future); a weekday beside a day and month takes the year in
which they agree; months, years, decades and "N units ago" are whole calendar periods; a
weekday is the nearest such day before (or, ahead, after) publication. What cannot be resolved
without a publication date gets bounds None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claims.extract import lexicons
from claims.extract.dates.days import Bounds, safe_date, shift_month, short_year, whole_month, whole_year
from claims.extract.dates.periods import century_bounds, named_day, quarter_bounds, season_bounds
from claims.extract.dates.rules import DateRules, FoundDate
from claims.extract.dates.words import word_year

__all__ = [
    "YEAR_BACK_UNITS", "agreeing_year", "amount", "anaphor", "numeric_day", "offset", "quarter_after",
    "resolve_match", "resolve_weekday", "sub_period",
]

YEAR_BACK_UNITS = frozenset(["quarter", "period", "same-quarter", "same-period"])
"""The anaphoric units that take the period named before a year back (`anaphor`)."""


def _month(rules: DateRules, word: str | None) -> int | None:
    if not word:
        return None
    return rules.months.get(word.rstrip(".").lower())


def _day(word: str | None) -> int | None:
    if not word:
        return None
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


def _pick_year(month: int, day: int, published: date | None, future: bool) -> int | None:
    """The year that puts day/month on or before publication (after it when `future`)."""
    if published is None:
        return None
    step = 1 if future else -1
    for year in range(published.year, published.year + 9 * step, step):
        # "Feb. 29" is in the nearest leap year that way; other days in this year or the next.
        candidate = safe_date(year, month, day)
        if candidate is not None and (candidate >= published if future else candidate <= published):
            return year
    return published.year


def agreeing_year(month: int, day: int, weekday: int, published: date | None, future: bool) -> int | None:
    """The year, near publication, in which day/month falls on that weekday."""
    base = published.year if published else None
    if base is None:
        return None
    candidates = [
        y for y in range(base - 12, base + 13) if (safe_date(y, month, day) or date.min).weekday() == weekday
        and safe_date(y, month, day) is not None
    ]
    if not candidates:
        return None
    assert published is not None
    if future:
        ahead = [y for y in candidates if date(y, month, day) >= published]
        # « Le conseil se réunira le mardi 4 mars », published on 12 March of a year in which
        # the 4th was a Tuesday: that day, not one six years ahead.
        near = [y for y in candidates if abs((date(y, month, day) - published).days) <= 183]
        if ahead and (min(ahead) - published.year <= 1 or not near):
            return min(ahead)
        if near:
            return min(near, key=lambda y: abs((date(y, month, day) - published).days))
    # "The vote was moved to Tuesday, June 24", published the Wednesday before; « jusqu'au
    # vendredi 5 décembre », a month ahead: a weekday that agrees within half a year after
    # publication is that day, not one a decade back (the next year that agrees is 5 or 6
    # years away, so no nearer one is passed over).
    soon = [y for y in candidates if timedelta(0) < date(y, month, day) - published <= timedelta(days=183)]
    if soon:
        return soon[0]
    behind = [y for y in candidates if date(y, month, day) <= published]
    return max(behind) if behind else min(candidates)


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


def amount(word: str, lang: str) -> int | None:
    """The count a number in digits or words names ("6", "nine", « neuf »), None for no count."""
    return _amount(word, lang)


def _one_day(
    year: int | None, month: int, day_n: int, published: date | None, future: bool
) -> Bounds | None:
    """Day `day_n` of `month` in `year`, or, without one, in the year the context points to
    (`(None, None)` when it points to none); None for a day the month does not have."""
    if year is None:
        year = _pick_year(month, day_n, published, future)
        if year is None:
            return None, None
    day = safe_date(year, month, day_n)
    return (day, day) if day else None


_DASHED = {"mdash": "mx", "dmdash": "dx", "ymdash": "yx", "mglue": "mq"}


def numeric_day(
    rules: DateRules, a_s: str, b_s: str, year_s: str | None, published: date | None, future: bool
) -> Bounds | None:
    """A day written in digits, day first (22/04/2016, « 18 08 1978 ») or month first where
    the language writes so (4/22/2016 in English, where 03/04/2021 is March 4). When the
    language's reading is no date and the other one is, the other one is meant: 22/04 and
    22/04/2016 are April 22 in English too, « 04/22/2016 » April 22 in French. None when neither
    reading is a date."""
    a, b = int(a_s), int(b_s)
    day_n, month = (b, a) if rules.month_first else (a, b)
    if not 1 <= month <= 12 and 1 <= day_n <= 12:
        day_n, month = month, day_n
    if not 1 <= month <= 12 or not 1 <= day_n <= 31:
        return None
    year: int | None = None
    if year_s:
        year = int(year_s) if len(year_s) == 4 else short_year(int(year_s), published)
    return _one_day(year, month, day_n, published, future)


def resolve_match(
    rules: DateRules, m: re.Match[str], published: date | None, future: bool
) -> Bounds | list[FoundDate] | None:
    kind = m.lastgroup
    if kind == "iso":
        day = safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        return (day, day) if day else None
    if kind in ("date", "en_date", "en_date2"):
        prefix = {"date": "d", "en_date": "ed", "en_date2": "ed2"}[kind]
        month = _month(rules, m[f"{prefix}_m"])
        day_n = _day(m[f"{prefix}_d"])
        if month is None or day_n is None:
            return None
        year_s = m[f"{prefix}_y"]
        weekday = m[f"{prefix}_wd"]
        year: int | None = None
        if year_s:
            year = int(year_s)
        elif weekday:
            # "jeudi 16 septembre": the year in which the 16th of September is a Thursday.
            year = agreeing_year(month, day_n, rules.weekdays[weekday.lower()], published, future)
        return _one_day(year, month, day_n, published, future)
    if kind in ("range", "en_range"):
        return _day_range(rules, m, kind, published, future)
    if kind == "ndate":
        return numeric_day(rules, m["nd_a"], m["nd_b"], m["nd_y"], published, future)
    if kind == "nspace":  # « le 18 08 1978 »
        return numeric_day(rules, m["ns_a"], m["ns_b"], m["ns_y"], published, future)
    if kind == "nrange":  # "6/12-6/15", « 28/2-1/3 », "10/1/2018-10/7/2018": one span of days
        y2 = m["nr_y2"] or m["nr_y3"]  # "5/1-5/7/2020", "5/1-5/7, 2020"
        last_bounds = numeric_day(rules, m["nr_a2"], m["nr_b2"], y2, published, future)
        if last_bounds is None or last_bounds[0] is None:
            return last_bounds
        end_day: date = last_bounds[0]
        year_s = m["nr_y1"] or m["nr_y3"]
        first_bounds = numeric_day(rules, m["nr_a1"], m["nr_b1"], year_s or str(end_day.year),
                            published, future)
        if first_bounds is None or first_bounds[0] is None:
            return None
        start_day: date = first_bounds[0]
        if not year_s and start_day > end_day:  # « du 28/12 au 3/1/2021 »: December 2020
            first_bounds = numeric_day(rules, m["nr_a1"], m["nr_b1"], str(end_day.year - 1),
                                published, future)
            if first_bounds is None or first_bounds[0] is None:
                return None
            start_day = first_bounds[0]
        if end_day < start_day or not (m["nr_y1"] and y2) and \
                end_day - start_day > timedelta(days=366):
            return None  # with both years written, "5/1/2019-5/7/2020" may span more than a year
        return start_day, end_day
    if kind in _DASHED:  # "Sep-23-2020", "05-Aug-2016", "2019/aug/01", "Dec31, 1994"
        p = _DASHED[kind]
        month = _month(rules, m[f"{p}_m"])
        day_n = _day(m[f"{p}_d"])
        year_s = m[f"{p}_y"]
        if month is None or day_n is None:
            return None
        year = int(year_s) if len(year_s) == 4 else short_year(int(year_s), published)
        return _one_day(year, month, day_n, published, future)
    if kind == "mydash":  # "Dec-2018", "Dec/2018"
        month = _month(rules, m["mz_m"])
        return whole_month(int(m["mz_y"]), month) if month else None
    if kind == "monthyear":
        month = _month(rules, m["my_m"])
        if month is None:
            return None
        if m["my_y"]:
            year = int(m["my_y"])
        else:
            two = m["my_ys"] or m["my_yb"] or m["my_yo"]
            year = short_year(int(two), published)
        return whole_month(year, month)
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
        first, last = whole_month(y1, m1)[0], whole_month(y2, m2)[1]
        return (first, last) if first <= last else None
    if kind == "yrange":
        y1 = int(m["yg1"])
        if m["yg2"]:
            y2 = int(m["yg2"])
            sep = (m["yg_sep2"] or "").strip().lower()
            if sep in rules.day_conjunctions and not m["yg_pre"]:
                # "in 2017 and 2022": two years; "between 2019 and 2021" is one range.
                return [
                    FoundDate(*m.span("yg1"), *whole_year(y1)),
                    FoundDate(*m.span("yg2"), *whole_year(y2)),
                ]
        else:
            two = int(m["yg2s"])
            if len(m["yg2s"]) == 1:  # "2014-5" (British: 2014 to 2015) or "2015-3" (March 2015)
                if two == (y1 + 1) % 10:
                    return date(y1, 1, 1), date(y1 + 1, 12, 31)
                return whole_month(y1, two) if m["yg_sep"] == "-" and two else None
            if m["yg_sep"] == "-" and 1 <= two <= 12 and two != (y1 + 1) % 100:
                return whole_month(y1, two)  # "2015-03": a month
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
                return whole_year(year)
            if m["yr_s"] and year % 100 == 0 and year < 2000:
                return date(year, 1, 1), date(year + 99, 12, 31)  # "the 1800s": a century
            return date(year, 1, 1), date(year + 9, 12, 31)
        return whole_year(year)
    if kind == "yap":  # "in '98": the century that puts the year at most 5 years ahead
        return whole_year(short_year(int(m["ya_n"]), published))
    if kind == "wdate":  # "the twenty-first of May", "May first", « le premier mai »
        assert rules.day_words is not None
        g = m.groupdict()
        day_s = g["wt_d"] or g.get("wt_d2")
        day_n = rules.day_words.get(" ".join(day_s.lower().split())) if day_s else _day(g.get("wt_dd"))
        month = _month(rules, g["wt_m"] or g.get("wt_m2"))
        if day_n is None or month is None:
            return None
        words = g["wt_wy"] or g.get("wt_wy2")
        digits = g["wt_y"] or g.get("wt_y2")
        year = word_year(words, rules.lang) if words else int(digits) if digits else None
        return _one_day(year, month, day_n, published, future)
    if kind == "wcard":  # "May twenty-nine, 1953", "twenty five January nineteen eighty-six"
        assert rules.day_cards is not None
        if m["wc_dd"]:  # "6 April seventeen hundred thirty three"
            day_n = int(m["wc_dd"])
            month, year = _month(rules, m["wc_m3"]), word_year(m["wc_wy3"], rules.lang)
        else:
            day_n = rules.day_cards.get(" ".join((m["wc_d"] or m["wc_d2"]).lower().split()))
            month = _month(rules, m["wc_m"] or m["wc_m2"])
            year = word_year(m["wc_wy"], rules.lang) if m["wc_wy"] else int(m["wc_y"])
        if day_n is None or month is None or year is None:
            return None
        return _one_day(year, month, day_n, published, future)
    if kind == "wdom":  # "on the 10th": of this month, or the one before (after when ahead)
        if published is None:
            return None, None
        day_n = int(m["wdm_n"])
        step = 1 if future else -1
        for delta in range(0, 3 * step, step):
            day = safe_date(*shift_month(published.year, published.month, delta), day_n)
            if day is not None and (day >= published if future else day <= published):
                return day, day
        return None
    if kind == "wmy":  # "October two thousand and five", « mars deux mille dix »
        month = _month(rules, m["wm_m"])
        year = word_year(m["wm_y"], rules.lang)
        return whole_month(year, month) if month and year else None
    if kind == "wyear":  # "in two thousand and nine", « en mil neuf cent quatre-vingt-quinze »
        year = word_year(m["wy"], rules.lang)
        return whole_year(year) if year else None
    if kind == "fy":  # "FY24": the year 2024
        return whole_year(short_year(int(m["fy_n"]), published))
    if kind == "dec_ap":  # "the '90s": the century that puts it at most 5 years ahead
        year = short_year(int(m["da_n"]), published)
        return date(year, 1, 1), date(year + 9, 12, 31)
    if kind == "dec":
        two = rules.decade_words[m["dc_w"].lower()] if m["dc_w"] else int(m["dc_2"])
        year = 1900 + two  # "the nineties", « les années 90 », « les années vingt »
        return date(year, 1, 1), date(year + 9, 12, 31)
    if kind == "season":
        return season_bounds(rules, m, published, future)
    if kind == "cent":
        return century_bounds(rules, m)
    if kind == "hol":
        return named_day(rules, m, published, future)
    if kind == "qtr":
        return quarter_bounds(rules, m, published, future)
    if kind == "sub":  # "the first nine months of the year", « les six premiers mois de l'année »
        if published is None:
            return None, None
        outer = whole_year(published.year + rules.period_of_relative[m["sb_rel"].lower()])
        return sub_period(rules, m, outer) or outer
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
        return _period(*rules.relative_periods[m["relp"].lower()], published)
    if kind == "part":  # "the end of the year", « fin du mois dernier »: the whole period
        if published is None:
            return None, None
        return _period(*rules.part_periods[m["pt_per"].lower()], published)
    if kind == "wkend":
        if published is None:
            return None, None
        return _weekend(published, rules.weekends[m["wkend"].lower()], future)
    if kind == "wdrange":  # "from Monday to Thursday", « du lundi au jeudi »: one span of days
        if published is None:
            return None, None
        w1, w2 = rules.weekdays[m["wr_1"].lower()], rules.weekdays[m["wr_2"].lower()]
        gap = (w2 - w1) % 7 or 7
        if future:
            first, _ = _resolve_weekday(published, w1, True, False)
            return first, first + timedelta(days=gap)
        last, _ = _resolve_weekday(published, w2, False, False)
        return last - timedelta(days=gap), last
    if kind == "wdday":  # « mardi 3 », "Friday 13th": the nearest month in which they agree
        if published is None:
            return None, None
        return _weekday_day(published, rules.weekdays[m["wx_wd"].lower()], _day(m["wx_d"]) or 0, future)
    if kind == "wd":
        if published is None:
            return None, None
        target = rules.weekdays[m["wd_day"].lower()]
        mods = {(m["wd_pre"] or "").lower(), (m["wd_mod"] or "").lower()}
        ahead = bool(mods & rules.future_mods) or (future and not mods & rules.past_mods)
        strict = bool(mods & (rules.future_mods | rules.past_mods))
        return _resolve_weekday(published, target, ahead, strict)
    return None


def _weeks_of(first: date, last: date) -> list[date]:
    """The Mondays of the Monday-to-Sunday weeks whose Thursday falls in `first`..`last` (the
    ISO rule: the first week of 2015 is 29 December 2014 to 4 January 2015)."""
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    out = []
    while thursday <= last:
        out.append(thursday - timedelta(days=3))
        thursday += timedelta(weeks=1)
    return out


def sub_period(rules: DateRules, m: re.Match[str], outer: tuple[date, date]) -> Bounds | None:
    """The part of `outer` (a whole month or year) that "the first week of", "the last ten days
    of", "the first nine months of", « la première quinzaine de », « les trois derniers mois de »
    name; None when the words name no definite part ("the first weeks of")."""
    assert rules.sub_ordinals is not None and rules.sub_units is not None
    order = rules.sub_ordinals[m["sb_ord"].lower()]
    unit_word = m["sb_u"].lower()
    unit = rules.sub_units[unit_word]
    count = _amount(m["sb_n"], rules.lang) if m["sb_n"] else None
    if m["sb_n"] and (count is None or order not in (1, -1) or not 0 < count <= 366):
        return None
    if count is None and unit_word.endswith(("s", "x")) and unit_word != "mois":
        return None  # "the first weeks of 2021", « les premiers jours de janvier »: vague
    first, last = outer
    whole_year_ = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year
    one_month = (first.year, first.month) == (last.year, last.month) and first.day == 1
    if unit == "day":
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        parts = [(d, d) for d in days]
    elif unit == "week":
        parts = [(monday, monday + timedelta(days=6)) for monday in _weeks_of(first, last)]
    elif unit == "month" and whole_year_:
        parts = [whole_month(first.year, month) for month in range(1, 13)]
    elif unit == "weekend":  # the Saturday-and-Sunday pairs whose Saturday falls in it
        saturday = first + timedelta(days=(5 - first.weekday()) % 7)
        parts = []
        while saturday <= last:
            parts.append((saturday, saturday + timedelta(days=1)))
            saturday += timedelta(weeks=1)
    elif unit == "fortnight" and one_month and count is None:
        parts = [(first, first + timedelta(days=14)), (first + timedelta(days=15), last)]
    else:
        return None
    if count is not None:
        if count > len(parts):
            return None
        chosen = parts[:count] if order == 1 else parts[-count:]
        return chosen[0][0], chosen[-1][1]
    if order > len(parts):
        return None
    return parts[order - 1] if order > 0 else parts[-1]


def _weekday_day(published: date, weekday: int, day_n: int, future: bool) -> Bounds | None:
    """Day `day_n` of the nearest month, back from publication (ahead when `future`), that puts
    it on `weekday`; None when none within fourteen months does."""
    step = 1 if future else -1
    for delta in range(0, 15 * step, step):
        year, month = shift_month(published.year, published.month, delta)
        day = safe_date(year, month, day_n)
        if day is None or day.weekday() != weekday:
            continue
        if (day >= published) if future else (day <= published):
            return day, day
    return None


def _period(unit: str, delta: int, published: date) -> Bounds:
    """The week, month, year, decade or century of publication, `delta` of them later (or earlier)."""
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=delta)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        year, month = shift_month(published.year, published.month, delta)
        return whole_month(year, month)
    if unit == "quarter":  # "the end of the quarter", « la fin du trimestre »
        index = published.year * 4 + (published.month - 1) // 3 + delta
        year, first_month = index // 4, index % 4 * 3 + 1
        return date(year, first_month, 1), whole_month(year, first_month + 2)[1]
    if unit in ("decade", "century"):  # "this decade" 2020-2029, "last century" 1900-1999
        size = 10 if unit == "decade" else 100
        first = published.year // size * size + size * delta
        return date(first, 1, 1), date(first + size - 1, 12, 31)
    return whole_year(published.year + delta)


def _weekend(published: date, delta: int, future: bool) -> Bounds:
    """Saturday and Sunday: "this weekend", « ce week-end » the nearest one, before publication
    (after it when the clause speaks of the future; the current one on a weekend); "last
    weekend" the one before, "next weekend" the first one after."""
    weekday = published.weekday()
    if delta < 0 or (delta == 0 and not future):
        saturday = published - timedelta(days=(weekday - 5) % 7)
        if delta < 0 and weekday >= 5:
            saturday -= timedelta(days=7)
    elif delta == 0 and weekday >= 5:
        saturday = published - timedelta(days=weekday - 5)
    else:
        saturday = published + timedelta(days=(5 - weekday) % 7 or 7)
    return saturday, saturday + timedelta(days=1)


def _day_range(
    rules: DateRules, m: re.Match[str], kind: str, published: date | None, future: bool
) -> Bounds | list[FoundDate] | None:
    if kind == "range":
        d1, d2 = _day(m["r_d1"]), _day(m["r_d2"])
        m2 = _month(rules, m["r_m2"])
        m1 = _month(rules, m["r_m1"]) or m2
        y_s, y1_s, sep = m["r_y2"], m["r_y1"], m["r_sep"]
        # "5 March, 12 April": the first day ends after its own month and year.
        first_end = max(m.end("r_d1"), m.end("r_m1"), m.end("r_y1"))
        second_start = m.start("r_d2")
    else:
        d1, d2 = _day(m["er_d1"]), _day(m["er_d2"])
        m1 = _month(rules, m["er_m1"])
        m2 = _month(rules, m["er_m2"]) or m1
        y_s, y1_s, sep = m["er_y"], m["er_y1"], m["er_sep"]
        # "Dec. 30, 2024-Jan. 2, 2025": the first day ends after its own year.
        first_end = max(m.end("er_d1"), m.end("er_y1"))
        second_start = m.start("er_m2") if m["er_m2"] else m.start("er_d2")
    if d1 is None or d2 is None or m1 is None or m2 is None:
        return None
    if published is None and not y_s:
        y2: int | None = None
    else:
        y2 = int(y_s) if y_s else _pick_year(m2, d2, published, future)
    two_days = sep.strip().lower() in rules.day_conjunctions | {","}
    opener = lexicons.letter_tokens(m.string[max(0, m.start(kind) - 12) : m.start(kind)])
    if opener and opener[-1] in rules.range_day_articles:  # « entre le 3 et le 5 mars »
        opener.pop()
    if opener and opener[-1] in rules.range_starts:
        two_days = False  # "between Jan. 1 and March 31": one range
    if y2 is None:
        if two_days:
            return [
                FoundDate(m.start(kind), first_end, None, None),
                FoundDate(second_start, m.end(kind), None, None),
            ]
        return None, None
    if not y_s and not y1_s and not two_days and published is not None:
        # "It is to run from January 23 through March 9", published on January 28: the range
        # that publication falls in, whatever the tense, before the one its last day is nearest.
        for year in (published.year, published.year + 1):
            start_year = year if (m1, d1) <= (m2, d2) else year - 1
            around = safe_date(start_year, m1, d1), safe_date(year, m2, d2)
            if around[0] and around[1] and around[0] <= published <= around[1]:
                y2 = year
                break
    y1 = int(y1_s) if y1_s else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
    first, last = safe_date(y1, m1, d1), safe_date(y2, m2, d2)
    if first is None or last is None or first > last:
        return None
    listed = m["r_list"] if kind == "range" else m["er_list"]
    if two_days and listed:  # « les 3, 4 et 5 mai », "May 3, 10 and 17": each day
        offset = m.start("r_list" if kind == "range" else "er_list")
        listed_days = []
        for day_m in re.finditer(r"\d+", listed):
            day = safe_date(y1, m1, int(day_m.group()))
            if day is None:
                return None
            listed_days.append(FoundDate(offset + day_m.start(), offset + day_m.end(), day, day))
        head = FoundDate(m.start("r_d1") if kind == "range" else m.start(kind), first_end, first, first)
        items = [*listed_days, head] if kind == "range" else [head, *listed_days]
        items.append(FoundDate(second_start, m.end(kind), last, last))
        days = [item.from_ or first for item in items]
        if all((b - a).days == 1 for a, b in zip(days, days[1:], strict=False)):
            return days[0], last  # « les 3, 4 et 5 mai »: three days running, one span
        return items
    if two_days and (last - first).days > 1:
        # "les 6 et 13 avril": two days; "les 16 et 17 février" stays one span of two days.
        return [
            FoundDate(m.start(kind), first_end, first, first),
            FoundDate(second_start, m.end(kind), last, last),
        ]
    return first, last


def _relative_month(
    rules: DateRules, m: re.Match[str], published: date | None, future: bool
) -> Bounds | None:
    """A month without a year: "en mars", "last June", "late last July", "juin dernier"."""
    month = _month(rules, m["mo_m"])
    if month is None:
        return None
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", m.string[m.start("month") : m.start("mo_m")])}
    post = (m["mo_post"] or "").lower()
    noun = None
    if not words and not post:
        noun = _month_noun(rules, m)
        if noun is None:
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
    if noun is not None and noun.lower() in rules.month_quarter_nouns:
        # "the March quarter": the three months ending with March (TIMEX3's 1998-Q1)
        return whole_month(*shift_month(year, month, -2))[0], whole_month(year, month)[1]
    return whole_month(year, month)


def _month_noun(rules: DateRules, m: re.Match[str]) -> str | None:
    """The noun a bare month name dates, after a determiner ("the May election", "a March
    deadline", "the March quarter"); None when it is no such modifier ("May said", "the May
    government")."""
    if rules.month_noun is None or rules.month_noun_before is None:
        return None
    noun = rules.month_noun.match(m.string, m.end())
    if noun is None or not rules.month_noun_before.search(m.string, max(0, m.start() - 8), m.start()):
        return None
    return noun["mn"]


def _vague(rules: DateRules, amount: str | None) -> bool:
    return amount is not None and " ".join(amount.lower().split()) in rules.vague_amounts


def _units_amount(rules: DateRules, amount_s: str) -> int | None:
    """How many units "four", "a dozen", « une dizaine d' » count."""
    if rules.approx_amounts:
        for word in lexicons.letter_tokens(amount_s):
            if word in rules.approx_amounts:
                return rules.approx_amounts[word]
    return _amount(amount_s, rules.lang)


def _ago(rules: DateRules, m: re.Match[str], published: date | None) -> Bounds | None:
    """"four years ago", "il y a une semaine", "dans trois mois", "two days from now": the
    period of that unit so far back or ahead (a year, a month, a Monday-to-Sunday week, a day)."""
    amount_s = m["ag_n"] or m["ag_n2"]
    unit_s = (m["ag_u"] or m["ag_u2"] or "").lower()
    marker = (m["ag_pre"] or m["ag_post"] or "").lower()
    if _vague(rules, amount_s):
        return None, None  # "a few days ago", « il y a quelques années »
    amount = _units_amount(rules, amount_s)
    unit = rules.units.get(unit_s)
    if amount is None or unit is None or amount > 5000:
        return None
    if published is None:
        return None, None
    sign = -1 if marker in rules.ago else 1
    delta = sign * amount
    if m["ag_exact"]:
        return _to_the_day(published, unit, delta)
    if unit == "year":
        return whole_year(published.year + delta)
    if unit == "decade":
        return whole_year(published.year + 10 * delta)
    if unit == "century":
        return whole_year(published.year + 100 * delta)
    if unit == "month":
        year, month = shift_month(published.year, published.month, delta)
        return whole_month(year, month)
    if unit in ("week", "fortnight"):  # "a fortnight ago": the week two weeks back
        day = published + timedelta(weeks=delta * (2 if unit == "fortnight" else 1))
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    day = published + timedelta(days=delta)
    return day, day


def _to_the_day(day: date, unit: str, delta: int) -> Bounds:
    """`day` moved by `delta` units, to the same day ("ten years ago to the day"); the 29th of
    February of a year without one is the 28th."""
    if unit in ("year", "decade", "century", "month"):
        months = delta * {"year": 12, "decade": 120, "century": 1200, "month": 1}[unit]
        year, month = shift_month(day.year, day.month, months)
        moved = safe_date(year, month, day.day) or whole_month(year, month)[1]
        return moved, moved
    days = delta * {"week": 7, "fortnight": 14}.get(unit, 1)
    moved = day + timedelta(days=days)
    return moved, moved


def quarter_after(ref: tuple[date, date], step: int) -> tuple[date, date] | None:
    """The quarter `step` quarters after `ref` when `ref` is one whole quarter, else None."""
    first, last = ref
    if first.day != 1 or (first.month - 1) % 3:
        return None
    year, month = shift_month(first.year, first.month, 2)
    if last != whole_month(year, month)[1]:
        return None
    year, month = shift_month(first.year, first.month, 3 * step)
    return whole_month(year, month)[0], whole_month(*shift_month(year, month, 2))[1]


def anaphor(
    rules: DateRules, m: re.Match[str], before: Bounds | None, published: date | None = None
) -> Bounds | None:
    """"two years later", "the following year", « un an plus tôt », « ce jour-là »: that unit
    of the date the sentence named `before`, so many of them later or earlier; "earlier"
    with no date before counts back from `published`; bounds None when there is none, or when
    it is no single such unit (a year for "the following year")."""
    if m.lastgroup == "anaph":
        unit, delta = rules.anaphor_periods[m["anaph"].lower()]
    else:
        if _vague(rules, m["ag_n2"]):
            return None, None  # "a few days later", « quelques années plus tard »
        amount = _units_amount(rules, m["ag_n2"])
        unit = rules.units.get((m["ag_u2"] or "").lower(), "")
        if amount is None or not unit or amount > 5000:
            return None
        delta = amount * rules.anaphor_after[m["ag_post"].lower()]
        if unit == "fortnight":
            unit, delta = "week", 2 * delta
        elif unit == "decade":
            unit, delta = "year", 10 * delta
        elif unit == "century":
            unit, delta = "year", 100 * delta
    if unit in YEAR_BACK_UNITS:
        # "the year-earlier quarter", "the same period last year", « la même période de l'an
        # dernier »: the quarter (the period) named before, a year back; with none named,
        # "the same period last year" lies in the year before publication, "the year-earlier
        # quarter" has no bounds
        first, last = before if before is not None else (None, None)
        if first is None or last is None:
            if unit.startswith("same-") and published is not None:
                return whole_year(published.year - 1)
            return None, None
        if unit.endswith("quarter"):
            return quarter_after((first, last), delta) or (None, None)
        moved = safe_date(first.year + delta, first.month, first.day), _last_day_moved(last, delta)
        return (moved[0], moved[1]) if moved[0] and moved[1] else (None, None)
    if before is None and published is not None and delta < 0:
        # "profit fell from a year earlier", "the previous year", « un mois plus tôt »: with no
        # date before it in the sentence, earlier than publication, as "a year ago" ("two years
        # later", "the following year" stay null).
        before = published, published
    if before is None:
        return None, None
    first, last = before
    if first is None or last is None:
        return None, None
    if m.groupdict().get("ag_exact") and first == last:
        return _to_the_day(first, unit, delta)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if unit == "year" and delta < 0 and months in (1, 3, 6) and first.day == 1 \
            and last == whole_month(last.year, last.month)[1]:
        # "earnings of 45 cents for the fourth quarter, against 38 cents a year earlier": the
        # month, quarter or half named before, a year back, as TIMEX3 values it (1996-Q4);
        # "re-elected a year later" stays the year
        moved = safe_date(first.year + delta, first.month, 1), _last_day_moved(last, delta)
        if moved[0] and moved[1]:
            return moved[0], moved[1]
    if unit == "year" and first.year == last.year:
        return whole_year(first.year + delta)
    if unit == "month" and (first.year, first.month) == (last.year, last.month):
        return whole_month(*shift_month(first.year, first.month, delta))
    if unit == "week" and (last - first).days < 7:
        monday = first - timedelta(days=first.weekday()) + timedelta(weeks=delta)
        if last <= monday - timedelta(weeks=delta) + timedelta(days=6):
            return monday, monday + timedelta(days=6)
    if unit == "day" and first == last:
        day = first + timedelta(days=delta)
        return day, day
    if unit == "weekend" and (last - first).days < 7:
        # "that weekend", « ce week-end-là »: the Saturday and Sunday of the date's week
        saturday = first - timedelta(days=first.weekday()) + timedelta(days=5)
        if last <= saturday + timedelta(days=1):
            return saturday, saturday + timedelta(days=1)
    return None, None


def _last_day_moved(last: date, years: int) -> date | None:
    """The last day of a period moved by whole years (29 February to the 28th)."""
    if (last + timedelta(days=1)).day == 1:  # the end of a month stays the end of its month
        return whole_month(last.year + years, last.month)[1]
    return safe_date(last.year + years, last.month, last.day)


def offset(rules: DateRules, m: re.Match[str], bounds: Bounds) -> Bounds | None:
    """"two days after March 3" (March 5), "three weeks before Christmas", « trois jours après
    le 5 mai », « la veille du 14 juillet »: the date `bounds` moved by that many units; a day
    moves by days, weeks, months or years, a whole month by months or years, a whole year by
    years; None when the unit does not fit the date ("two days after 2019")."""
    first, last = bounds
    if m.groupdict().get("o_day"):
        assert rules.offset_day_words is not None
        unit, delta = "day", rules.offset_day_words[" ".join(m["o_day"].lower().split())]
    else:
        assert rules.offset_amounts is not None and rules.offset_dirs is not None
        word = m["o_n"].lower()
        amount = rules.offset_amounts.get(word) or _amount(word, rules.lang)
        unit_s = rules.units.get(m["o_u"].lower())
        if amount is None or unit_s is None or amount > 5000:
            return None
        unit, delta = unit_s, amount * rules.offset_dirs[" ".join(m["o_dir"].lower().split())]
        if unit in ("week", "fortnight"):
            unit, delta = "day", delta * (7 if unit == "week" else 14)
        elif unit in ("decade", "century"):
            unit, delta = "year", delta * (10 if unit == "decade" else 100)
    if first is None or last is None:
        return None, None
    try:
        if first == last:
            if unit == "day":
                day = first + timedelta(days=delta)
                return day, day
            months = delta if unit == "month" else 12 * delta if unit == "year" else None
            if months is None:
                return None
            year, month = shift_month(first.year, first.month, months)
            day = safe_date(year, month, first.day) or whole_month(year, month)[1]
            return day, day
        if (first, last) == whole_month(first.year, first.month) and unit in ("month", "year"):
            months = delta if unit == "month" else 12 * delta
            return whole_month(*shift_month(first.year, first.month, months))
        if (first, last) == whole_year(first.year) and unit == "year":
            return whole_year(first.year + delta)
    except (OverflowError, ValueError):
        return None, None
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
