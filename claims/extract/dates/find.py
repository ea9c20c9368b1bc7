"""Finding dates in a span of text: which matches are dates, their tense, their spans.

A bare year must not be a count ("2000 soldiers"), a weekday not a holiday ("Vendredi saint"),
"3/4" not a fraction; each date's tense is judged in its own clause ("condemned on Thursday
and vowed to ..."), then `resolve` turns the match into bounds.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from claims.extract import lexicons
from claims.extract.dates import cues
from claims.extract.dates.days import safe_date, shift_month, whole_month
from claims.extract.dates.periods import quarter_bounds
from claims.extract.dates.resolve import (
    YEAR_BACK_UNITS,
    agreeing_year,
    amount,
    anaphor,
    offset,
    quarter_after,
    resolve_match,
    sub_period,
)
from claims.extract.dates.rules import DateRules, FoundDate, date_rules
from claims.extract.dates.words import word_year

__all__ = ["find_dates", "is_future", "is_period", "year_is_count"]

# "Today is Monday", "It is Friday": the copula names the present day, not one ahead
_TODAY_IS = re.compile(r"(?i)(?:today|tonight|it)\W*\w+\W*$")
# (a comma between two digits, "1,300 flights", « 3,25 € », is part of a number, no edge)
_CLAUSE_EDGE = re.compile(r"[;:()—–«»“”\"]|,(?!\d)|(?<!\d),")


def is_future(text: str, start: int, end: int, lang: str) -> bool:
    """Whether `text[start:end]` (a sentence or a clause) speaks of the future."""
    rules = date_rules(lang)
    return (
        rules.future.search(text, start, end) is not None
        or rules.intent.search(text, start, end) is not None
    )


def _noun_use(rules: DateRules, text: str, left: int, at: int) -> bool:
    """Whether the word before a marker that may be a noun ("plan to") makes it one: an
    article, a possessive, a number or scale, a past verb ("approved plans to"), not a
    subject ("we plan to", "the city plans to")."""
    words = text[max(left, at - 40) : at].split()
    if not words:
        return False
    word = words[-1].lower().strip(",;:()\"“”")
    return (
        word in rules.noun_marker_before
        or word.endswith(("'s", "’s", "ed"))
        or word[:1].isdigit()
        or word[:1] in "$€£"
    )


def _clause(
    rules: DateRules, text: str, start: int, end: int, pos: int, pos_end: int
) -> tuple[int, int]:
    """The clause around `[pos, pos_end)`: bounded by punctuation, brackets, quotes and the
    words that join two clauses ("and", "mais"): "condemned on Thursday and vowed to" has
    the date in a past clause."""
    low = max(start, pos - 300)
    left = low  # no clause runs longer than that: a run-on text stays linear
    for edge in _CLAUSE_EDGE.finditer(text, low, pos):
        left = edge.end()
    for join in rules.clause_join.finditer(text, max(left, low), pos):
        # "between now and November 15", « entre aujourd'hui et le 15 novembre »: a join right
        # before the date (but for an article) coordinates it with what comes before.
        between = text[join.end() : pos].split()
        if len(between) <= 3 and between and between[0].lower() in _ADJUNCT_OPENERS:
            continue  # « sortira en Europe et au Japon le 28 juillet »: two places, one clause
        if len(text[join.end() : pos].strip()) > 3:
            left = join.end()
    high = min(end, pos_end + 300)
    right_match = _CLAUSE_EDGE.search(text, pos_end, high)
    right = right_match.start() if right_match else high
    if (
        right_match is not None
        and right_match.group() == ","
        and not text[pos_end:right].strip()
        and len(text[left:pos].split()) <= 2
    ):
        # "On Monday, the council will vote", « Le 30 juin, le minitel cessera »: a date fronted
        # before a comma belongs to the clause after it
        following = _CLAUSE_EDGE.search(text, right + 1, high)
        right = following.start() if following else high
    right_join = rules.clause_join.search(text, pos_end, right)
    if right_join:
        right = right_join.start()
    return left, right


def _ahead(rules: DateRules, text: str, left: int, right: int, pos: int) -> bool:
    """Future clause: a future marker anywhere in it, or an intent verb with its infinitive
    before the date ("vowed to rebuild the school by Friday"; not "vowed on Friday to")."""
    reported = rules.reported_future.search(text, pos, right) if rules.reported_future else None
    for marker in rules.future.finditer(text, left, right):
        if rules.noun_markers and marker.group(0).lower() in rules.noun_markers and _noun_use(
            rules, text, left, marker.start()
        ):
            continue  # "approved a $1.8 billion plan to widen the road on Monday": a noun
        if marker.start() > pos and marker.group(0).lower() in rules.before_markers:
            continue  # "voted on Thursday to confirm her as the next secretary"
        if marker.start() < pos or not (
            reported is not None and marker.start() >= reported.start()
        ):
            return True  # not "said on Tuesday the plant would reopen (next week)"
    if rules.reported_future and rules.reported_future.search(text, left, pos):
        # "said that workers would strike on Friday", « il se rendrait lundi »; not "would
        # have struck", and not a date before it ("He said on Tuesday the vote would ...").
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
_COUNT_PREPS = frozenset({"of", "de", "d"})
"""Before a number, the prepositions of a count ("of 1709 schoolchildren", « de 2000 élèves »)."""
_PLURAL = re.compile(r"[ \u00a0\u202f]+([a-zà-ÿ][\w\-]*[sx])(?![\w\-])")
_NEXT_WORD = re.compile(r"[ \u00a0\u202f]+([a-zà-ÿ][\w\-]*)(?![\w\-])")
_NOT_YEAR_BEFORE = re.compile(
    r"(?:n°|no\.|nº|#|p\.|page|pages|route|vol|flight|vol\.|[$€£¥])[ \u00a0\u202f]*$", re.I
)


_NUMERIC_HINT = re.compile(r"\d\d\d\d|\d[/.]\d|['’]\d\d")
_BEFORE_ENDS = re.compile(  # what may follow "the year before" for it to count back from a date
    r"[ \u00a0\u202f]*(?:[,.;:)!?\"”—–]|$)|[ \u00a0\u202f]+(?:it|he|she|they|we|i|you|there|and|but|when|"
    r"while|as|had|was|were|is|has|have|,)(?![\w\-])", re.I
)
_CODE_BEFORE = re.compile(
    r"(?:(?<![\w])(?:act|law|bill|resolution|decree|ordinance|directive|loi|décret|arrêté|ordonnance|"
    r"circulaire|délibération|directive)[ \u00a0\u202f]+(?:(?:n°|no\.?|nº|number|numéro)[ \u00a0\u202f]*)?"
    r"|(?:n°|no\.|nº|#)[ \u00a0\u202f]*)$",
    re.I,
)
_FRACTION_OF = re.compile(r"[ \u00a0\u202f]+(?:des|de|du|d['’]|of)(?![\w])", re.I)
_DAY_CUE = re.compile(
    r"(?<![\w])(?:le|du|au|on|the|dès|since|until|by|through|as[ \u00a0\u202f]+of|week[ \u00a0\u202f]+of|"
    r"weekend[ \u00a0\u202f]+of|starting|effective|dated|daté|datée)[ \u00a0\u202f]+$",
    re.I,
)
_WIDE_CUE = re.compile(  # a list or a range of days may start after these
    r"(?<![\w])(?:from|between|entre|les|des|on|dates)[ \u00a0\u202f]+$", re.I
)
_PADDED_SPACED = re.compile(r"(?:0[1-9]|[12]\d|3[01])[ \u00a0\u202f](?:0[1-9]|1[0-2])[ \u00a0\u202f]\d{4}")
_NUMERIC_DAY = re.compile(r"[0-3]?\d[/.-][0-3]?\d(?:[/.-]\d{2,4})?")
_NEXT_SEP = re.compile(  # between two days of a list or a range: "11/3, 11/10 and 11/17", "6/12 to 6/15"
    r",?[ \u00a0\u202f]*(?:,|and|or|et|ou|to|through|thru|till|until|au|jusqu['’]au|-|–)[ \u00a0\u202f]*"
    r"(?:(?<=[ \u00a0\u202f])(?:le|du|on)[ \u00a0\u202f]+)?",
    re.I,
)
_NEXT_NUMERIC = re.compile(r"[0-3]?\d/[0-3]?\d(?:/\d\d(?:\d\d)?)?(?![\d/])")
_NOT_A_DAY_AFTER = re.compile(
    r"[ \u00a0\u202f]+(?:des|de|du|d['’]|of|majority|majorité|split|ratio)(?![\w])", re.I
)


def _day_first_over_12(rules: DateRules, piece: str) -> bool:
    """Whether a day in digits has a day of the month above 12 in the language's order
    ("6/15", « 19/03 »): never a fraction, as "3/4", « 1/3 » may be."""
    a, b = (int(x) for x in re.split(r"[/.-]", piece)[:2])
    return (b if rules.month_first else a) > 12


def _numeric_cue(rules: DateRules, text: str, start: int, m: re.Match[str], out: list[FoundDate]) -> bool:
    """Whether a day in digits with no year is a date: after a cue ("le 22/04", "on 4/22"),
    next in a list or a range after one ("on 11/3, 11/10 and 11/17", "from 6/12 to 6/15"), or
    first of a list or a range after « les », "from", "between" when a day of the month above
    12 shows it is no fraction (« les 12/03 et 19/03 »); not "3/4 of", « les 3/4 des salariés »,
    "from 1/3 to 2/3", "the 2/3 majority"."""
    if _NOT_A_DAY_AFTER.match(text, m.end()):
        return False
    if _DAY_CUE.search(text, max(start, m.start() - 12), m.start()):
        return True
    if out and out[-1].start >= start and _NEXT_SEP.fullmatch(text, out[-1].end, m.start()) and \
            _NUMERIC_DAY.fullmatch(text, out[-1].start, out[-1].end):
        return True
    if not _WIDE_CUE.search(text, max(start, m.start() - 10), m.start()):
        return False
    sep = _NEXT_SEP.match(text, m.end())
    following = _NEXT_NUMERIC.match(text, sep.end()) if sep and sep.end() > m.end() else None
    return following is not None and not _NOT_A_DAY_AFTER.match(text, following.end()) and (
        _day_first_over_12(rules, m.group()) or _day_first_over_12(rules, following.group())
    )


def _bare_year_ok(rules: DateRules, text: str, start: int, m: re.Match[str], names: bool = True) -> bool:
    """Whether a year with no month is a year: not a count ("2000 soldats", "2010 euros"), nor
    (unless `names` is False) the number of a street or a model, which counts nothing either."""
    s, e = m.span("yr")
    year = int(m["yr"])
    if m["yr_mod"] or m["yr_dec"] or m["yr_s"] or m["yr_fy"]:
        return True  # "mid-2026", « les années 1990 », "the 1800s", "fiscal 2024"
    before = text[max(start, s - 16) : s]
    prep = rules.year_prep_before.match(before[::-1]) is not None
    if not prep and year < 1900:
        return False
    if _NOT_YEAR_BEFORE.search(before):
        return False
    if rules.year_unit.match(text, e) is not None:
        return False
    if names and _address_or_model(rules, text, start, s, e, prep):
        return False
    if prep and cues.count_after_lead(rules.lang, text, start, s, e):
        return False  # "carries up to 1850 passengers": a count
    if prep:
        # "a study of 1709 schoolchildren", « un échantillon de 2000 personnes »: after "of", «
        # de », people or things counted in news are counted, and before any plural so is a
        # number too small for a year of news.
        words = lexicons.letter_tokens(before)
        noun = _NEXT_WORD.match(text, e) if words and words[-1] in _COUNT_PREPS else None
        return noun is None or not (
            _counted_noun(rules, noun.group(1), True) or year < 1900 and noun.group(1)[-1] in "sx"
        )
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


def _address_or_model(rules: DateRules, text: str, start: int, s: int, e: int, prep: bool) -> bool:
    """Whether four digits are the number of a street ("at 1984 Harbor Road", « au 2012, route
    de Vienne »; not « en 2012, rue de Rivoli ») or of a model ("still runs Windows 2000 on",
    « la Peugeot 2008 reste »: a capitalised word after a lower-case one, the year then ending
    the phrase; not "the Trump 2020 campaign", « l'Euro 2024 », "in Paris 2024")."""
    if rules.street_after is not None and rules.street_after.match(text, e):
        if not prep:
            return True
        words = lexicons.letter_tokens(text[max(start, s - 8) : s])
        return bool(words) and words[-1] in rules.address_preps
    if prep or rules.name_before is None or rules.name_after is None:
        return False
    named = rules.name_before.search(text, max(start, s - 40), s)
    if named is None or named["name"] in rules.name_keeps:
        return False
    lead, name = named["lead"].lower(), named["name"].lower()
    if not named["lead"].islower() and lead not in _DETERMINERS:
        return False  # "The", « La » open a sentence; "Mr", "New" are part of a name
    if rules.year_prep_before.match(f"{lead} "[::-1]) or any(
        name in words for words in (rules.months, rules.weekdays, rules.seasons)
    ):
        return False
    return rules.name_after.match(text, e) is not None


_MONTH_GROUPS = ("er_m1", "ed_m", "ed2_m", "r_m1", "r_m2", "d_m", "my_m")


def _lowercase_month_ok(rules: DateRules, text: str, start: int, m: re.Match[str]) -> bool:
    """"on may 5", "5 may 2021", "by march 2020" are dates; "It may 5 times", "Of the ten, 5
    may leave", "troops march 20 miles" are not: a month name that is a verb in lower case
    needs a year in the match, or a cue word ("on", "in", "since") right before it."""
    groups = m.re.groupindex
    for name in _MONTH_GROUPS:
        if name not in groups or m[name] is None:
            continue
        if m[name].rstrip(".") not in rules.lowercase_verbs:
            return True
        if any(m[y] for y in ("er_y", "ed_y", "ed2_y", "r_y2", "d_y", "my_y") if y in groups):
            return True
        words = lexicons.letter_tokens(text[max(start, m.start() - 16) : m.start()])
        return bool(words) and words[-1] in rules.lowercase_cues
    return True


def _word_date_ok(rules: DateRules, text: str, end: int, m: re.Match[str]) -> bool:
    """A day or a year in words: the words read as a year ("in two thousand and nine"), not
    as a count ("in two thousand cases", « en deux mille exemplaires »)."""
    g = m.groupdict()
    phrase = g["wt_wy"] or g.get("wt_wy2") or g["wm_y"] or g["wy"] or g.get("wc_wy") or g.get("wc_wy3")
    if phrase is None:
        return True
    if word_year(phrase, rules.lang) is None:
        return False
    return rules.year_unit.match(text, m.end()) is None


def _counted_noun(rules: DateRules, word: str, compound: bool = False) -> bool:
    """Whether `word` names people or things news counts ("troops", "voters"); with `compound`,
    also a word ending on one ("schoolchildren", "servicemen")."""
    word = word.lower()
    if word in rules.count_nouns or (len(word) > 5 and word.endswith(rules.count_suffixes)):
        return True
    return compound and any(len(noun) > 2 and word.endswith(noun) for noun in rules.count_nouns)


def year_is_count(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the four digits at `text[start:end]` count something rather than name a year
    ("2000 soldiers", "the 2000 soldiers", "1998 offences"; not "the 2018 floods", "in 2000")."""
    rules = date_rules(lang)
    match = rules.numeric.fullmatch(text, start, end)
    if match is None or match.lastgroup != "year":
        return False
    return not _bare_year_ok(rules, text, max(0, start - 20), match, names=False)


def find_dates(
    text: str,
    start: int,
    end: int,
    lang: str,
    published: date | None,
    future: bool | None = None,
    tokens: set[str] | None = None,
    has_digit: bool = True,
    context: tuple[date, date] | None = None,
    period_context: tuple[date, date] | None = None,
) -> list[FoundDate]:
    """Dates in `text[start:end]`, resolved when `published` allows.

    `future` forces the tense; by default each date looks at its own clause ("devrait rouvrir
    mercredi" is ahead, ", avait-on indiqué dimanche" is behind, in one sentence). `tokens` (the
    sentence's `lexicons.letter_tokens`) and `has_digit` let the caller skip what cannot match.
    `context` is the last date named before the span (in an earlier sentence): "The next day",
    "two years later", « le lendemain », « l'année suivante » with no date of their own before
    them count from it; "a year earlier" with none counts back from publication.
    `period_context` is the last month or longer period named before the span (`is_period`):
    "In the quarter", "For the year", « sur le trimestre » with none of their own take it.
    """
    rules = date_rules(lang)
    named: list[re.Match[str]] = []
    for group, (named_pattern, triggers) in enumerate(rules.named_groups):
        if (
            tokens is None
            or not triggers.isdisjoint(tokens)
            or (group == 1 and not rules.season_cue_words.isdisjoint(tokens)
                and rules.season_cue.search(text, start, end))
        ):
            for m in named_pattern.finditer(text, start, end):
                if not any(n.start() < m.end() and m.start() < n.end() for n in named):
                    named.append(m)
    if rules.word_dates is not None and (
        tokens is None
        or not rules.word_year_triggers.isdisjoint(tokens)
        or not (rules.word_day_triggers.isdisjoint(tokens) or rules.month_tokens.isdisjoint(tokens))
        or "the" in tokens and not _ORDINAL_TOKENS.isdisjoint(tokens)  # "on the 10th"
    ):
        for m in rules.word_dates.finditer(text, start, end):
            if _word_date_ok(rules, text, end, m) and not any(
                n.start() < m.end() and m.start() < n.end() for n in named
            ):
                named.append(m)
    if len(named) > 1:
        named.sort(key=lambda m: m.start())
    references = _references(rules, text, start, end, tokens)
    pattern: re.Pattern[str] | None = rules.pattern
    if (
        tokens is not None
        and rules.word_triggers.isdisjoint(tokens)
        and (rules.ago_markers.isdisjoint(tokens) or rules.unit_words.isdisjoint(tokens))
    ):
        has_numeric = has_digit and _NUMERIC_HINT.search(text, start, end) is not None
        pattern = rules.numeric if has_numeric else None
        if pattern is None and not named:
            return _alone_and_references(
                rules, text, start, end, [], context, published, tokens, references, period_context
            )
    matches = named
    if pattern is not None:
        found = pattern.finditer(text, start, end)
        if named:  # a named day or quarter wins over what overlaps it ("2019" of "Q3 2019"),
            # but not over a longer date holding it ("the year before" of "the year before last")
            others = list(found)
            named = [n for n in named if not any(
                m.start() <= n.start() and n.end() <= m.end() and m.end() - m.start() > n.end() - n.start()
                for m in others)]
            found = (m for m in others if not any(n.start() < m.end() and m.start() < n.end() for n in named))
            matches = sorted([*named, *found], key=lambda m: m.start())
        else:
            matches = list(found)
    out: list[FoundDate] = []
    anchor: date | None = None  # the last single day named before, for "the next day"
    before: tuple[date, date] | None = None  # the last date named before, for "two years later"
    taken = start  # the end of a weekday's week ("Monday of last week"), which it consumed
    for match in matches:
        kind = match.lastgroup or ""
        if match.start() < taken:
            continue
        if kind == "ago" and match["ag_n2"] and pattern is not None:
            match = _shorter_amount(rules, pattern, text, end, match)
            kind = match.lastgroup or ""
        if rules.event_days and kind in ("ndate", "date") and match.group(kind) in rules.event_days:
            # "since 9/11", « depuis le 11-Septembre »: the attacks of 2001, not a day of this year
            event = rules.event_days[match.group(kind)]
            out.append(FoundDate(*match.span(kind), event, event))
            before, anchor = (event, event), event
            continue
        if kind == "wd" and _holiday(rules, text, start, end, match):
            continue
        if kind == "hol" and _surname_holiday(text, start, match):
            continue  # "illustrator Johnnie Christmas", « le Père Noël »: a person
        if kind == "hol" and cues.holiday_names_thing(rules.lang, text, start, match):
            continue  # "the Christmas market", « le marché de Noël »: a thing, not a day
        if kind == "wd" and rules.set_before and not match["wd_pre"]:
            every = rules.set_before.search(text, max(start, match.start() - 12), match.start())
            if every:  # "every Monday", « chaque lundi »: a set of days, none of them alone
                out.append(FoundDate(every.start("set"), match.end(), None, None))
                continue
        if kind == "season" and rules.set_before and match.group(0).lower() in rules.seasons and (
            every := rules.set_before.search(text, max(start, match.start() - 12), match.start())
        ):  # "every winter", « chaque été »: a set of seasons, none of them alone
            out.append(FoundDate(every.start("set"), match.end(), None, None))
            continue
        if kind == "wd" and not match["wd_mod"] and rules.weekday_anaphor:
            counted = _weekday_anaphor(rules, text, start, match, anchor, context)
            if counted is not None:  # "the following Monday", « le vendredi précédent »
                s, e, counted_day = counted
                out.append(FoundDate(s, e, counted_day, counted_day))
                taken = e
                if counted_day is not None:
                    before, anchor = (counted_day, counted_day), counted_day
                continue
        if kind == "month" and rules.generic_month and rules.generic_month.search(
            text, max(start, match.start("mo_m") - 24), match.start("mo_m")
        ):
            continue  # « le record pour un mois d'août », "every May": any such month
        if (kind == "anaph" and match["anaph"].lower().endswith(" before")
                and not _BEFORE_ENDS.match(text, match.end())):
            continue  # "the year before independence", "the week before the vote": from an event
        if kind == "wdday" and not _weekday_day_ok(rules, text, end, match):
            # "On Sunday 31 people died": a count; only the weekday is a date.
            match = rules.pattern.match(text, match.start(), match.end("wx_wd")) or match
            kind = match.lastgroup or ""
            if kind != "wd":
                continue
        if kind == "year" and not _bare_year_ok(rules, text, start, match):
            continue
        if kind == "yrange" and _CODE_BEFORE.search(text, max(start, match.start() - 24), match.start()):
            continue  # « le décret n° 2020-12 », "Act 2019-3", "Resolution 2021-14": a number
        if kind == "yap" and not rules.year_prep_before.match(
            text[max(start, match.start() - 16) : match.start()][::-1]
        ):
            continue  # "in '98", "the class of '98"; not a quoted number
        if rules.lowercase_verbs and not _lowercase_month_ok(rules, text, start, match):
            continue
        if kind == "month" and rules.number_months and \
                match["mo_m"].lower() in rules.number_months:
            continue  # « sept morts », « Sept personnes »: a number, not September
        after_weekday = (
            kind == "ndate" and _after_weekday(rules, text, start, match.start(), out)
            and not _FRACTION_OF.match(text, match.end())  # « lundi 2/3 des élèves »
        )
        if kind == "ndate" and not match["nd_y"] and not after_weekday and (
            match["nd_sep"] == "." or not _numeric_cue(rules, text, start, match, out)
        ):
            continue  # "3/4", "2.5": a fraction or a decimal unless "le 22/04", "on 4/22", "Friday 5/12"
        if kind in ("nrange", "nspace") and not (match["nr_y1"] or match["nr_y2"] or match["nr_y3"]) and (
            not _DAY_CUE.search(text, max(start, match.start() - 12), match.start())
            and not (kind == "nspace" and _PADDED_SPACED.fullmatch(match.group(kind)))
            or _NOT_A_DAY_AFTER.match(text, match.end())
        ):
            # "a 1/4-1/2 inch gap", "18 8 1978"; "on 6/12-6/15", « le 18 8 1978 », « 18 08 1978 »
            continue
        ahead = future
        if ahead is None and rules.now_before and rules.now_before.search(
            text, max(start, match.start() - 32), match.start()
        ):
            # "between now and November 15", « entre aujourd'hui et le 15 novembre »: ahead,
            # whatever the clause's verb ("Let's meet between now and May 21"); TIMEX3 and our
            # gold keep the two ends apart (« aujourd'hui » is a date of its own).
            ahead = True
        if ahead is None:
            left, right = _clause(rules, text, start, end, match.start(), match.end())
            ahead = _ahead(rules, text, left, right, match.start())
            participle = rules.participle_before.search(
                text, max(start, match.start() - 40), match.start()
            ) if ahead and kind in ("wd", *_DAY_KINDS) and rules.participle_before is not None and not (
                kind == "wd" and (match["wd_pre"] or match["wd_mod"])
            ) else None
            if participle is not None and not participle["pp_aux"]:
                ahead = False  # "the accord signed Tuesday will take effect", « signé mardi »
            if not ahead and kind == "wd" and rules.copula_before is not None and not (
                match["wd_pre"] or match["wd_mod"]
            ) and rules.copula_before.search(text, max(start, match.start() - 12), match.start()) and not (
                text.startswith(("'s", "’s"), match.end())  # "He is Monday's hero"
                or _TODAY_IS.search(text, max(start, match.start() - 20), match.start())
            ):
                ahead = True  # "Game 5 is Friday night in Milwaukee": the coming one
        if kind == "ago" and not ahead and (match["ag_pre"] or "").lower() in rules.ahead_needs_future:
            left, right = _clause(rules, text, start, end, match.start(), match.end())
            if not (rules.reported_future and rules.reported_future.search(text, match.end(), right)):
                continue  # "built in two years" is a duration; "will open in two weeks" a date
            ahead = True  # "in 6 years the program would cost": the reported future after it
        week = (
            rules.weekday_week.match(text, max(match.end("wd_day"), match.end("wd_part")), end)
            if kind == "wd" and rules.weekday_week and not match["wd_pre"] else None
        )
        if kind == "wdrange" and rules.weekday_week and published is not None:
            of_week = rules.weekday_week.match(text, match.end(), end)
            w1, w2 = rules.weekdays[match["wr_1"].lower()], rules.weekdays[match["wr_2"].lower()]
            if of_week and w1 < w2:  # "from Tuesday until Thursday last week": those days of it
                span: tuple[date | None, date | None] = (None, None)
                try:
                    monday = _monday_of(rules, of_week, published)
                    span = monday + timedelta(days=w1), monday + timedelta(days=w2)
                except OverflowError:  # a week past 9999
                    pass
                out.append(FoundDate(match.start("wr_1"), of_week.end(), *span))
                taken = of_week.end()
                continue
        if week:  # "Monday of last week", "Tuesday next week", « lundi de la semaine dernière »
            day: date | None = None
            if published is not None:
                try:
                    day = _monday_of(rules, week, published)
                    day += timedelta(days=rules.weekdays[match["wd_day"].lower()])
                except OverflowError:  # a week past 9999
                    day = None
            out.append(FoundDate(match.start("wd"), week.end(), day, day))
            taken = week.end()
            if day is not None:
                before, anchor = (day, day), day
            continue
        if kind == "sub" and not match["sb_rel"]:
            # "For the first nine months, ...", « sur les neuf premiers mois, »: of the period
            # named before, else the last such months by publication
            named_period = before if before is not None and is_period(before) else period_context
            bare = cues.bare_months(
                rules.lang, text, start, end, match,
                amount(match["sb_n"], rules.lang) if match["sb_n"] else None,
                (rules.sub_ordinals or {}).get(match["sb_ord"].lower(), 0),
                (rules.sub_units or {}).get(match["sb_u"].lower(), ""),
                named_period[1].year if named_period is not None else None, published, bool(ahead),
            )
            if bare is not None:
                out.append(FoundDate(match.start(), match.end(), *bare))
                if bare[0] is not None and bare[1] is not None:
                    before = bare[0], bare[1]
            continue
        bounds: Any
        try:
            day_base = anchor if anchor is not None else (
                context[0] if context is not None and context[0] == context[1] else None
            )
            if kind == "reld" and match["reld"].lower() in rules.anaphoric_days and _of_an_event(
                rules, text, match
            ):
                # « le lendemain de l'élection », "the day before the vote": the day of an event
                # we cannot date (a date after it is an offset, below, which replaces this).
                bounds = (None, None)
            elif kind == "reld" and day_base is not None and match["reld"].lower() in rules.anaphoric_days:
                # "arrested on May 5 and released the next day", « arrêté lundi, libéré le lendemain »:
                # from the day the sentence (or the one before) named, not from publication.
                day = day_base + timedelta(days=rules.relative_days[match["reld"].lower()])
                bounds = (day, day)
            elif kind == "anaph" or (kind == "ago" and (match["ag_post"] or "").lower() in rules.after_words):
                ref = before
                back = ref is None and context is not None and _counts_back_from_context(
                    rules, text, start, match
                )
                if ref is None and context is not None and (
                    back or _anaphor_step(rules, match) >= 0
                    or _anaphor_unit(rules, match) in YEAR_BACK_UNITS
                ):
                    ref = context  # "Two years later, ...": from the date named before
                bounds = anaphor(rules, match, ref, published)
                if back and bounds == (None, None):
                    bounds = anaphor(rules, match, None, published)  # no such unit: as before
            else:
                bounds = resolve_match(rules, match, published, ahead)
                if kind == "qtr" and match["q_ord"] and not match["q_y"] and not match["q_of"] \
                        and rules.period_ordinals.get(match["q_ord"].lower(), 0) > 0:
                    year_named = _whole_year_of(before if before is not None else context)
                    in_year = year_named and quarter_bounds(rules, match, published, ahead, year_named)
                    if isinstance(in_year, tuple) and in_year[1] is not None and not (
                        ahead and published is not None and in_year[1] < published
                    ) and not (
                        # "expects ... in fiscal 2027. Second-quarter income fell": a past
                        # clause's quarter is not one that starts after publication
                        not ahead and published is not None and in_year[0] is not None
                        and in_year[0] > published
                    ):  # "rose 8% in 1997, helped by the second half": that year's
                        bounds = in_year
                if not ahead and published is not None and isinstance(bounds, tuple) and \
                        bounds[1] is not None and rules.until_before is not None and \
                        (rules.until_before.search(text, max(start, match.start() - 16), match.start())
                         or rules.until_lead is not None and rules.until_lead.match(text, match.start())):
                    # "closed until April 15", « couvre-feu prolongé jusqu'en mai »: the end of
                    # a state, the nearer of the last and the next such date; "runs through
                    # Sunday", « reconduite jusqu'à jeudi »: a weekday, the next one
                    later = resolve_match(rules, match, published, True)
                    left, _right = _clause(rules, text, start, end, match.start(), match.end())
                    lasted = any(
                        past is not None and past.search(text, left, match.start())
                        for past in (rules.until_past, rules.until_past_state)
                    )  # "served until May", « l'interdiction est restée en vigueur jusqu'au »,
                    # "He was mayor until May", « l'usine était fermée jusqu'en mars »
                    opening = out[-1] if out and out[-1].start >= left and out[-1].from_ else None
                    if isinstance(later, tuple) and later[0] is not None and not lasted and (
                        # "shut from Monday until April 17": the first such date after the start
                        bounds[1] < opening.from_ if opening is not None and opening.from_
                        else kind == "wd" or later[0] - published < published - bounds[1]
                    ):
                        bounds = later
        except (OverflowError, ValueError):  # "hier" on 0001-01-01, "next year" in 9999
            bounds = (None, None)
        if bounds is None:
            continue
        if isinstance(bounds, list):  # two days: "les 6 et 13 avril"
            out.extend(bounds)
            continue
        s, e = _span(match, kind)
        if after_weekday and bounds[0] is not None and isinstance(bounds, tuple):
            weekday = out.pop()  # "Friday 5/12", « vendredi 12/05 »: one date, the weekday with it
            s = weekday.start
            day = bounds[0]
            if not match["nd_y"] and weekday.from_ is not None and day.weekday() != weekday.from_.weekday():
                # The year in which they agree, nearest to publication ("friday 3/20" two days
                # after it is that Friday, not one six years back).
                years = {agreeing_year(day.month, day.day, weekday.from_.weekday(), published, f)
                         for f in (ahead, not ahead)} - {None}
                if years and published is not None:
                    day = min((day.replace(year=y) for y in years if y is not None),
                              key=lambda d: abs((d - published).days))
            bounds = day, day
        if kind in _OUTER_KINDS and bounds[0] is not None and bounds[1] is not None and rules.sub_before:
            part = rules.sub_before.search(text, max(start, s - 60), s)
            narrowed = sub_period(rules, part, (bounds[0], bounds[1])) if part else None
            if part and narrowed:  # "the first week of July", « les six premiers mois de 2024 »
                bounds, s = narrowed, part.start("sb")
                out = [d for d in out if d.end <= s]  # not "last week" of "the last week of July"
        if bounds[0] is not None and bounds[0] == bounds[1] and rules.week_of is not None:
            week = rules.week_of.match(text[max(start, s - 24) : s][::-1])
            if week:  # "the week of April 10": Monday to Sunday around it; "the week beginning
                # March 24", « la semaine commençant le 24 mars »: seven days from it
                day = bounds[0]
                try:
                    if week["wkend"]:  # "the weekend of Aug. 15", « le week-end du 15 août »
                        bounds, s = _weekend_of(day), s - week.end()
                    else:
                        first = day if week["from"] else day - timedelta(days=day.weekday())
                        bounds, s = (first, first + timedelta(days=6)), s - week.end()
                except OverflowError:  # the week of 31 December 9999
                    bounds, s = (None, None), s - week.end()
                out = [d for d in out if d.end <= s]  # not "the weekend" of it
        if bounds[0] is not None and bounds[0] == bounds[1] and rules.period_ended is not None \
                and rules.period_ended_months:
            ended = rules.period_ended.search(text, max(start, s - 40), s)
            if ended:  # "the quarter ended Sept. 30": that quarter, and the day itself
                months = rules.period_ended_months[ended["pe_u"].lower()]
                first = _months_back(bounds[0], months)
                if first is not None:
                    # "the third quarter ended Nov. 1": one quarter, the one that ends that day,
                    # not also the calendar's third
                    covered = [d for d in out if d.start < ended.end("pe_u") and d.end > ended.start()]
                    out = [d for d in out if d not in covered]
                    begin = min([ended.start(), *(d.start for d in covered)])
                    out.append(FoundDate(begin, ended.end("pe_u"), first, bounds[0]))
        if kind == "hol" and bounds[0] is not None and bounds[0] == bounds[1]:
            long_weekend = _HOLIDAY_WEEKEND.match(text, e, end)
            if long_weekend:  # "Labor Day weekend", "over the Easter weekend"
                try:
                    bounds, e = _weekend_of(bounds[0]), long_weekend.end()
                except OverflowError:
                    bounds, e = (None, None), long_weekend.end()
                taken = e
        if (kind in _DAY_KINDS and bounds[0] is not None and bounds[0] == bounds[1] and rules.year_of_after
                and published is not None and not re.search(r"\d\d\d\d|['’]\d\d", text[s:e])):
            year_of = rules.year_of_after.match(text, e, end)
            if year_of:  # "Nov. 3 of last year", « le 3 novembre de l'année dernière »
                year = published.year + rules.relative_periods[year_of["yo"].lower()][1]
                day = safe_date(year, bounds[0].month, bounds[0].day)
                if day is not None:
                    bounds, e = (day, day), year_of.end()
                    taken = e
        if kind == "season" and bounds[0] is not None and rules.year_of_after and not (
            match["s_rel"] or match["s_post"] or match["s_y"] or match["s_ys"] or match["s_yb"]
        ):
            year_of = rules.year_of_after.match(text, e, end) if not text.startswith(",", e) else None
            if year_of:  # "the spring of last year": one date, resolved with its year
                e = taken = year_of.end()
        if rules.offset_before:
            off = rules.offset_before.search(text, max(start, s - 48), s)
            shifted = offset(rules, off, bounds) if off else None
            if off and shifted:  # "two days after March 3": March 5, and March 3 itself
                day_word = off.groupdict().get("o_day")
                # « la veille » of « la veille du 14 juillet »
                off_end = off.end("o_day") if day_word else off.end("off")
                out = [d for d in out if d.end <= off.start("off") or d.start >= s]
                out.append(FoundDate(off.start("off"), off_end, *shifted))
        if kind == "qtr" and (match["q_rel"] or match["q_post"] or "").lower() in rules.period_anaphoric:
            # "the previous quarter" after "the third quarter", « le trimestre suivant »: from
            # the quarter named before; "the following quarter" with none has no bounds
            ref = before if before is not None else context
            step = rules.period_relative[(match["q_rel"] or match["q_post"]).lower()]
            shifted_q = quarter_after(ref, step) if ref is not None else None
            if shifted_q is not None:
                bounds = shifted_q
            elif step > 0:
                bounds = (None, None)
        if kind == "relp" and out and _year_of_previous(text, out[-1], s, e, bounds):
            continue  # "April 15 next year", « le 3 mars l'an dernier »: that day of that year
        if kind == "qtr" and out and out[-1].start >= start and _whole_year_of(
            (out[-1].from_, out[-1].to) if out[-1].from_ and out[-1].to else None
        ) and cues.possessive_year(text, out[-1].end, s):
            s = out.pop().start  # "last year's second half": one date, the half of that year
        out.append(FoundDate(s, e, bounds[0], bounds[1], kind == "ago"))
        if bounds[0] is not None and bounds[1] is not None:
            before = bounds[0], bounds[1]
            if bounds[0] == bounds[1]:
                anchor = bounds[0]
    if out and has_digit and (rules.bare_day is not None or rules.date_name_before is not None):
        out = _bare_days_and_names(rules, text, start, end, out)
    if has_digit and len(out) > 1:
        out = _numeric_ranges(rules, text, start, out)
        out = _chained_weekday_days(rules, text, out)
    return _alone_and_references(
        rules, text, start, end, out, context, published, tokens, references, period_context
    )


def _bare_days_and_names(
    rules: DateRules, text: str, start: int, end: int, out: list[FoundDate]
) -> list[FoundDate]:
    """`out` without the dates that are part of a name (« rue du 4-Septembre », "the film
    Friday the 13th": one with a digit right after a street or a title noun; "screened the film
    Tuesday night" keeps its Tuesday), and with the days of the month named alone after a month
    or a day of that month (« Prévue en avril, l'inauguration aura lieu le 3 » is April 3;
    « depuis le 1er mars, ... jusqu'au 31 » March 31; a day alone needs a date before it in
    its sentence, and after a day a later one: « le 12 mars ... le 3 » is left alone)."""
    if rules.date_name_before is not None:
        out = [d for d in out if not (
            _DIGIT.search(text, d.start, d.end)
            and rules.date_name_before.search(text, max(start, d.start - 24), d.start)
        )]
    if rules.bare_day is None or not out:
        return out
    added: list[FoundDate] = []
    for m in rules.bare_day.finditer(text, start, end):
        s, e = m.span("bd")
        if any(d.start < e and s < d.end for d in out):
            continue
        prior = [d for d in out if d.end <= m.start()]
        last = prior[-1] if prior else None
        if last is None or last.from_ is None or last.to is None or last.reference:
            continue
        first, final = last.from_, last.to
        if (first.year, first.month) != (final.year, final.month):
            continue
        n = 1 if m["bd"] == "1er" else int(m["bd"])
        if first == final and n <= first.day or first != final and not _whole_months(first, final):
            continue
        day = safe_date(first.year, first.month, n)
        if day is not None:
            added.append(FoundDate(s, e, day, day))
    return sorted([*out, *added], key=lambda d: d.start) if added else out


def _alone_and_references(
    rules: DateRules, text: str, start: int, end: int, out: list[FoundDate],
    context: tuple[date, date] | None, published: date | None, tokens: set[str] | None,
    references: list[FoundDate], period_context: tuple[date, date] | None = None,
) -> list[FoundDate]:
    """`out` with the periods named alone ("for the year") and the references to the present
    ("now") that no date of it overlaps, in order."""
    if rules.period_alone is not None and (
        tokens is None or not rules.period_alone_triggers.isdisjoint(tokens)
    ):
        out = _periods_alone(rules, text, start, end, out, context, published, period_context)
    if references:
        out = sorted([*out, *(r for r in references if not any(
            d.start < r.end and r.start < d.end for d in out))], key=lambda d: d.start)
    return out


def is_period(bounds: tuple[date | None, date | None]) -> bool:
    """Whether `bounds` span a month or more (a month, a quarter, a half, a year): what a
    quarter, a half or a year named alone may take its bounds from, where a day would not do
    ("Apple said on Thursday that in the quarter ..." is no quarter holding that Thursday)."""
    return bounds[0] is not None and bounds[1] is not None and (bounds[1] - bounds[0]).days >= 27


def _periods_alone(
    rules: DateRules, text: str, start: int, end: int, out: list[FoundDate],
    context: tuple[date, date] | None, published: date | None,
    period_context: tuple[date, date] | None = None,
) -> list[FoundDate]:
    """"Third-quarter profit rose 12%. In the quarter, sales rose 5%.", "For the year, ...", «
    sur le trimestre »: the quarter or half named before in the span, else in the sentences
    before it (`period_context`, the last month or longer period named there), or the one
    holding the month so named (no day will do: results are reported after their quarter); a
    year is the year of that period, else of the date named before, else of publication. A
    quarter or a half with nothing to take it from has null bounds (an English
    "the half", as often a match's, is then no date: `period_alone_needs_reference`)."""
    assert rules.period_alone is not None and rules.period_alone_units is not None
    added = []
    for m in rules.period_alone.finditer(text, start, end):
        s, e = m.span("pa")
        if any(d.start < e and s < d.end for d in out):
            continue
        key = m["pa"].lower()
        allowed = (rules.period_alone_only_after or {}).get(key)
        if allowed is not None and m["pa_p"].lower() not in allowed:
            continue  # « pendant l'exercice »: a drill as often as a year
        before = [(d.from_, d.to) for d in out if d.end <= s and d.from_ is not None and d.to is not None]
        periods = [b for b in before if is_period(b)]
        ref = periods[-1] if periods else period_context
        unit = rules.period_alone_units[key]
        bounds: tuple[date | None, date | None] = (None, None)
        if unit == "year":
            if ref is None:
                ref = before[-1] if before else context  # "On Tuesday, ... for the year"
            if ref is not None and ref[0] is not None and ref[1] is not None:
                if ref[0].year == ref[1].year:
                    bounds = (date(ref[0].year, 1, 1), date(ref[0].year, 12, 31))
            elif published is not None:
                bounds = (date(published.year, 1, 1), date(published.year, 12, 31))
        elif ref is not None:
            size = 3 if unit == "quarter" else 6
            first, last = ref
            index = (first.month - 1) // size
            period = (whole_month(first.year, index * size + 1)[0],
                      whole_month(first.year, index * size + size)[1])
            if first >= period[0] and last <= period[1]:
                bounds = period  # the quarter named before, or the one holding the month named
        if bounds[0] is None and key in rules.period_alone_needs_reference:
            continue
        added.append(FoundDate(s, e, bounds[0], bounds[1]))
    return sorted([*out, *added], key=lambda d: d.start) if added else out


def _references(
    rules: DateRules, text: str, start: int, end: int, tokens: set[str] | None
) -> list[FoundDate]:
    """"now", "currently", "recently", « actuellement », « à l'avenir »: the present, the past
    or the future with no calendar value, kept with bounds None as TIMEX3 values them
    PRESENT_REF, PAST_REF, FUTURE_REF (« en maintenant sa position » is a participle)."""
    if rules.reference is None or tokens is not None and rules.reference_triggers.isdisjoint(tokens):
        return []
    out = []
    participles = rules.reference_participles
    for m in rules.reference.finditer(text, start, end):
        if rules.reference_offset is not None and rules.reference_offset.search(
            text, max(start, m.start() - 24), m.start()
        ):
            continue  # "three minutes from now": the anchor of an offset
        if participles and m.group().lower() in participles["forms"] and (
            participles["before"].search(text, max(start, m.start() - 8), m.start())
            or participles["after"].match(text, m.end(), end)
        ):
            continue
        out.append(FoundDate(m.start(), m.end(), None, None, reference=True))
    return out


_RANGE_DASH = re.compile(r"[ \u00a0\u202f]*[-–—][ \u00a0\u202f]*")
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_ADJUNCT_OPENERS = frozenset(["au", "aux", "en", "à", "dans", "chez", "in", "at", "to", "across"])
"""Prepositions after "et", "and" that join two places, not two clauses (the date right after)."""
_WEEKDAY_DAY = re.compile(
    r"(?P<wd>[^\W\d]+),?[ \u00a0\u202f]+(?:the[ \u00a0\u202f]+)?\d{1,2}(?:er|st|nd|rd|th)?"
)
_RANGE_WORD = re.compile(
    r",?[ \u00a0\u202f]+(?P<join>to|through|thru|until|till|and|au|jusqu['’]au|et)[ \u00a0\u202f]+"
    r"(?:le[ \u00a0\u202f]+)?",
    re.I,
)
_RANGE_FROM = re.compile(
    r"(?<![\w])(?:(?P<from>from|du|de)|(?P<between>between|entre))[ \u00a0\u202f]+"
    r"(?:(?:le|the)[ \u00a0\u202f]+)?$",
    re.I,
)
_HAS_NUMERIC_DAY = re.compile(r"\d[/.-]\d")
_CHANGE_BEFORE = re.compile(
    r"(?<![\w])(?:moved|postponed|pushed|delayed|brought|rescheduled|changed|shifted|advanced|"
    r"report[ée]e?s?|repouss[ée]e?s?|avanc[ée]e?s?|d[ée]cal[ée]e?s?|d[ée]plac[ée]e?s?)(?![\w])", re.I
)


def _chained_weekday_days(rules: DateRules, text: str, found: list[FoundDate]) -> list[FoundDate]:
    """A weekday and a day without a month after a day of the sentence is in that day's month,
    or the next, where they agree (« le dimanche 5 août ..., le lundi 6 ..., le mardi 7 »): a
    programme of days, which the tense of each clause cannot place."""
    out: list[FoundDate] = []
    for d in found:
        previous = next((p for p in reversed(out) if p.from_ is not None and p.from_ == p.to), None)
        weekday_day = _WEEKDAY_DAY.fullmatch(text, d.start, d.end)
        if previous is not None and previous.from_ is not None and weekday_day is not None:
            weekday = rules.weekdays.get(weekday_day["wd"].lower())
            number = int(_DIGIT_RUN.search(text, d.start, d.end).group())  # type: ignore[union-attr]
            for months in (0, 1):
                year, month = shift_month(previous.from_.year, previous.from_.month, months)
                day = safe_date(year, month, number)
                if weekday is not None and day is not None and day.weekday() == weekday and (
                    day > previous.from_
                ):
                    d = FoundDate(d.start, d.end, day, day, d.counted, d.reference)
                    break
        out.append(d)
    return out


def _numeric_ranges(
    rules: DateRules, text: str, start: int, found: list[FoundDate]
) -> list[FoundDate]:
    """Two days joined as a range are one span of days: "from 6/12 to 6/15", « du 28/2 au 1/3 »,
    "between 6/12 and 6/15", « du lundi 6 au dimanche 12 octobre », "from Monday, Oct. 6, to
    Sunday, Oct. 12", and with a dash when one is in digits ("January 12, 2016 - 01/22/2016"); a
    first day without its year takes the second's (« du 10/1 au 11/2/2017 »), one without its
    month the second's month (« du lundi 6 au dimanche 12 octobre »)."""
    out: list[FoundDate] = []
    for d in found:
        a = out[-1] if out else None
        if a is None or a.from_ is None or a.from_ != a.to or d.from_ is None or d.from_ != d.to:
            out.append(d)
            continue
        numeric = bool(_HAS_NUMERIC_DAY.search(text, a.start, a.end)
                       or _HAS_NUMERIC_DAY.search(text, d.start, d.end))
        joined = numeric and _RANGE_DASH.fullmatch(text, a.end, d.start) is not None
        if not joined and _DIGIT.search(text, a.start, a.end) and _DIGIT.search(text, d.start, d.end):
            # "from 6/12 to 6/15", « du lundi 6 au dimanche 12 octobre »; not « entre aujourd'hui
            # et le 30 juin », whose two ends TIMEX3 keeps apart
            word = _RANGE_WORD.fullmatch(text, a.end, d.start)
            cue = _RANGE_FROM.search(text, max(start, a.start - 16), a.start) if word else None
            joined = bool(word and cue and (
                word["join"].lower() in ("and", "et")) == bool(cue["between"]))
        if joined and _CHANGE_BEFORE.search(text, max(start, a.start - 40), a.start):
            joined = False  # "moved from 6/12 to 6/15", « reporté du 3/5 au 10/5 »: two dates
        first = a.from_
        weekday_day = _WEEKDAY_DAY.fullmatch(text, a.start, a.end)
        if joined and weekday_day and weekday_day["wd"].lower() in rules.weekdays:
            # « du lundi 6 au dimanche 12 octobre »: the first day is in the second's month
            moved = safe_date(d.from_.year, d.from_.month, first.day)
            if moved is None or moved > d.from_:
                year, month = shift_month(d.from_.year, d.from_.month, -1)
                moved = safe_date(year, month, first.day)
            first = moved or first
        elif joined and not _YEAR_DIGITS.search(text, a.start, a.end) and \
                _YEAR_DIGITS.search(text, d.start, d.end):
            moved = safe_date(d.from_.year, first.month, first.day)
            if moved is not None and moved > d.from_:
                moved = safe_date(d.from_.year - 1, first.month, first.day)
            first = moved or first
        if not joined or not timedelta(0) < d.from_ - first <= timedelta(days=366):
            out.append(d)
            continue
        out[-1] = FoundDate(a.start, d.end, first, d.to)
    return out


_HOLIDAY_WEEKEND = re.compile(r"(?:['’]s)?[ \u00a0\u202f]+(?:long[ \u00a0\u202f]+)?week-?end(?![\w\-])", re.I)


def _weekend_of(day: date) -> tuple[date, date]:
    """The Saturday and Sunday `day` falls on, else the next ones (the ones before for a
    Monday): "the weekend of Aug. 15", « le week-end du 15 août », "Labor Day weekend"."""
    first = day - timedelta(days=(day.weekday() - 5) % 7) if day.weekday() in (0, 5, 6) \
        else day + timedelta(days=5 - day.weekday())
    return first, first + timedelta(days=1)


_OUTER_KINDS = frozenset(["month", "monthyear", "year", "relp"])
_ORDINAL_TOKENS = frozenset(["st", "nd", "rd", "th"])
_DAY_KINDS = frozenset(["date", "en_date", "en_date2", "wdate", "ndate", "wdday", "nspace", "wcard"])


def _weekday_anaphor(
    rules: DateRules, text: str, start: int, m: re.Match[str], anchor: date | None,
    context: tuple[date, date] | None,
) -> tuple[int, int, date | None] | None:
    """"the following Monday", "the previous Friday", « le lundi suivant »: that weekday after
    (before) the day named before in the sentence or the ones before; "the following Monday"
    with none has no bounds ("the previous Friday" with none is the last one, as "last
    Friday"). None when no such word is beside the weekday."""
    s, e, word = m.start(), m.end(), ""
    if rules.weekday_anaphor_before is not None:
        pre = rules.weekday_anaphor_before.search(text, max(start, m.start("wd_day") - 24), m.start("wd_day"))
        if pre and (not m["wd_pre"] or pre.start() < m.start()):
            s, word = pre.start(), pre["wa"]
    if not word and rules.weekday_anaphor_after is not None:
        post = rules.weekday_anaphor_after.match(text, e)
        if post:
            e, word = post.end(), post["wa"]
    if not word or not rules.weekday_anaphor:
        return None
    step = rules.weekday_anaphor[" ".join(word.lower().split())]
    ref = anchor if anchor is not None else (
        context[0] if context is not None and context[0] == context[1] else None
    )
    wd = rules.weekdays[m["wd_day"].lower()]
    if ref is None:
        return (s, e, None) if step > 0 else None
    if step > 0:
        return s, e, ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    return s, e, ref - timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)


def _of_an_event(rules: DateRules, text: str, m: re.Match[str]) -> bool:
    """« le lendemain de l'élection », « la veille du scrutin », "the day before the vote": a
    day counted from what follows, not from a date named before."""
    if rules.offset_day_after is not None and rules.offset_day_after.match(text, m.end()):
        return True
    phrase = m["reld"].lower()
    return phrase.endswith((" before", " after")) and not _BEFORE_ENDS.match(text, m.end())


_SENTENCE_LEAD = re.compile(r"[\s\"“”«»'‘’(—–-]*(?:(?:and|but|et|mais)[ \u00a0\u202f]+)?", re.I)


def _shorter_amount(
    rules: DateRules, pattern: re.Pattern[str], text: str, end: int, m: re.Match[str]
) -> re.Match[str]:
    """An amount of several number words that is no number ends the word before it: « un sur
    six deux ans plus tôt » is « deux ans plus tôt », "ranked six two years ago" "two years
    ago"."""
    words = m["ag_n2"].split()
    if len(words) < 2 or amount(m["ag_n2"], rules.lang) is not None:
        return m
    at = m.start("ag_n2")
    for _ in words[:-1]:
        at = text.index(" ", at) + 1 if " " in text[at : m.end("ag_n2")] else m.end("ag_n2")
        shorter = pattern.match(text, at, end)
        if shorter is not None and shorter.lastgroup == "ago" and (
            amount(shorter["ag_n2"] or "", rules.lang) is not None
        ):
            return shorter
    return m


def _counts_back_from_context(rules: DateRules, text: str, start: int, m: re.Match[str]) -> bool:
    """Whether an anaphor that counts back, in a sentence naming no date before it, counts from
    the date an earlier sentence named: "the previous year", « l'année précédente », "the
    week before" always do; "a year earlier", « un mois plus tôt » when they open the sentence
    ("Sales fell in 2023. A year earlier, they rose"; not "profit fell from a year earlier",
    which is a year before publication)."""
    if _anaphor_step(rules, m) >= 0 or _anaphor_unit(rules, m) in YEAR_BACK_UNITS:
        return False
    if m.lastgroup == "anaph":
        return _anaphor_unit(rules, m) in ("year", "month", "week", "day")
    return _SENTENCE_LEAD.fullmatch(text, start, m.start()) is not None


def _anaphor_step(rules: DateRules, m: re.Match[str]) -> int:
    """The direction of "two years later" (1), "the same day" (0), "a year earlier" (-1)."""
    if m.lastgroup == "anaph":
        return rules.anaphor_periods[m["anaph"].lower()][1]
    return rules.anaphor_after[m["ag_post"].lower()]



def _anaphor_unit(rules: DateRules, m: re.Match[str]) -> str:
    """The unit of "the following year" (year), "the year-earlier quarter" (quarter)."""
    return rules.anaphor_periods[m["anaph"].lower()][0] if m.lastgroup == "anaph" else ""


_YEAR_DIGITS = re.compile(r"\d{4}|['’]\d\d")


def _months_back(last: date, months: int) -> date | None:
    """The first day of the `months` ending on `last` (a month's end: whole months)."""
    if (last + timedelta(days=1)).day == 1:
        year, month = shift_month(last.year, last.month, 1 - months)
        return date(year, month, 1) if year >= 1 else None
    year, month = shift_month(last.year, last.month, -months)
    back = safe_date(year, month, min(last.day, 28)) if year >= 1 else None
    return back + timedelta(days=1) if back is not None else None


def _whole_year_of(bounds: tuple[date, date] | None) -> int | None:
    """The year `bounds` are the whole of, if they are one ("in 1997", "last year")."""
    if bounds is None:
        return None
    first, last = bounds
    return first.year if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) \
        and first.year == last.year else None


def _whole_months(first: date, last: date) -> bool:
    """Whether first..last is one or more whole months ("June", "September to November")."""
    return first.day == 1 and (last + timedelta(days=1)).day == 1 and first != last


def _year_of_previous(text: str, previous: FoundDate, at: int, end: int, bounds: Any) -> bool:
    """A relative year right after a day, a month or a range of months written without one
    ("April 15 next year", "on March 3 last year", « le 3 mars l'an dernier », "from September
    to November last year"): moves `previous` into that year, in place, to the end of the
    year's words, and says so; the year is no date of its own then."""
    first, last = bounds
    if (
        first is None or last is None or previous.from_ is None or previous.to is None
        or (first.month, first.day, last.month, last.day) != (1, 1, 12, 31) or first.year != last.year
        or text[previous.end : at].strip(" \t\u00a0\u202f")
        or previous.from_.year != previous.to.year
        or (previous.to - previous.from_).days > 31 and not _whole_months(previous.from_, previous.to)
        or _YEAR_DIGITS.search(text, previous.start, previous.end)
    ):
        return False
    try:
        moved = previous.from_.replace(year=first.year), previous.to.replace(year=first.year)
    except ValueError:  # 29 February into a common year
        if not _whole_months(previous.from_, previous.to):
            return False
        moved = previous.from_.replace(year=first.year), date(first.year, 3, 1) - timedelta(days=1)
    if _whole_months(previous.from_, previous.to):  # to the last day of its month that year (February)
        moved = moved[0], whole_month(first.year, previous.to.month)[1]
    previous.from_, previous.to = moved
    previous.end = end
    return True


def _monday_of(rules: DateRules, week: re.Match[str], published: date) -> date:
    """The Monday of the week that "last week", « la semaine prochaine » name."""
    monday = published - timedelta(days=published.weekday())
    return monday + timedelta(weeks=rules.relative_periods[week["ww"].lower()][1])


def _weekday_day_ok(rules: DateRules, text: str, end: int, m: re.Match[str]) -> bool:
    """"Friday 13th", « mardi 3, », « jeudi 12 à Lyon »: the number is a day of the month."""
    if re.search(r"[^\d]$", m["wx_d"]):
        return True  # an ordinal suffix: "13th", « 1er »
    after = rules.weekday_day_after
    return after is not None and after.match(text, m.end(), end) is not None


def _after_weekday(rules: DateRules, text: str, start: int, pos: int, out: list[FoundDate]) -> bool:
    """Whether the date found last is a weekday written right before `pos` ("Friday 5/12")."""
    if not out or out[-1].start < start or not re.fullmatch(r",?[ \u00a0\u202f]", text[out[-1].end : pos]):
        return False
    return text[out[-1].start : out[-1].end].lower() in rules.weekdays


def _span(m: re.Match[str], kind: str) -> tuple[int, int]:
    """What of the match is the date: no leading preposition ("in 2019" -> "2019")."""
    if kind == "year":
        s = next(m.start(g) for g in ("yr_mod", "yr_dec", "yr_fy", "yr") if m[g])
        return s, m.end()
    if kind == "month":
        return _month_span(m)
    if kind == "yrange":
        return m.span("yg")
    if kind == "wdrange":
        return m.start("wr_1"), m.end()
    if kind == "mrange":
        return m.span("mg")
    if kind == "wyear":
        return m.span("wy")
    if kind == "wdom":
        return m.span("wdm")
    if kind == "wdate" and m["wt_art"] and m["wt_art"].lower() in _LEADING_PREPOSITIONS | {"le"}:
        return m.start("wt_d"), m.end()  # « le premier mai »: « premier mai »
    if kind == "season" and m["s_art2"] and m["s_art2"].lower() in _LEADING_PREPOSITIONS:
        return m.start("s_name2"), m.end()  # « en été 2022 »
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
        if text[s : m.start("mo_m")].lower() in ("d'", "d’"):
            return m.start("mo_m"), e  # « le mois d'août »
        word = re.match(r"[^\s\u00a0\u202f]+[\s\u00a0\u202f]+", text[s : m.start("mo_m")])
        if not word or word.group().strip().lower() not in _LEADING_PREPOSITIONS:
            return s, e
        s += word.end()


_NAME_THEN_HOLIDAY = re.compile(r"(?<![\w’'\-.])([A-ZÀ-Þ][a-zß-ÿ]+)[ \u00a0]$")
_HOLIDAY_MODIFIERS = frozenset(
    {"merry", "happy", "orthodox", "western", "eastern", "white", "last", "next", "this", "joyeux",
     "joyeuses", "bon", "bonne", "christmas", "easter", "new", "good", "black", "boxing", "labor",
     "labour", "memorial", "independence", "veterans", "presidents", "catholic", "jewish",
     "chinese", "lunar", "julian", "protestant", "christian", "muslim", "sunday", "saturday"}
)
_HOLIDAY_PERSONS = ("Père", "Papa")


def _surname_holiday(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether a holiday's name is a person's (a surname after a given name, not opening the
    sentence: "illustrator Johnnie Christmas"; « le Père Noël »), not "Merry Christmas"."""
    before = _NAME_THEN_HOLIDAY.search(text, max(start, m.start() - 30), m.start())
    if before is None or not text[start : before.start()].strip():
        return False
    word = before.group(1)
    return word in _HOLIDAY_PERSONS or word.lower() not in _HOLIDAY_MODIFIERS


def _holiday(rules: DateRules, text: str, start: int, end: int, m: re.Match[str]) -> bool:
    """"Vendredi saint", "Good Friday", "Black Friday": a named day, not a weekday."""
    if m["wd_pre"] or m["wd_part"] or m["wd_mod"]:
        return False
    if rules.not_weekday_after and rules.not_weekday_after.match(text, m.end(), end):
        return True
    if rules.not_weekday_before:
        return rules.not_weekday_before.search(text[max(start, m.start() - 12) : m.start()]) is not None
    return False
