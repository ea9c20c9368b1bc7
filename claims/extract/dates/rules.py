"""The patterns and word lists of the date finder, built once per language from its lexicon.

`date_rules(lang)` compiles one alternation for every date shape (absolute days, ranges of days,
months and years, months, "four years ago", relative days and periods, weekdays, numeric
dates) and the cues the finder and the resolver need (future markers, clause joins, holiday
words, counted nouns). `FoundDate` is what the finder returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from claims.extract import lexicons

__all__ = ["DateRules", "FoundDate", "date_rules"]

_SP = lexicons.SPACE


@dataclass(slots=True)
class FoundDate:
    start: int
    end: int
    from_: date | None
    to: date | None
    counted: bool = False
    """True when the number inside is a real quantity too ("four years ago": 4 years)."""
    reference: bool = False
    """True for a word that points at the present, the past or the future with no calendar
    value ("now", "currently", "recently", « actuellement »: TIMEX3's PRESENT_REF, PAST_REF,
    FUTURE_REF); bounds None, and no date fact of the claim."""


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _title(phrase: str) -> str:
    """"last year" -> "Last Year" (the headline form)."""
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split(" "))


def _steps(lex: dict[str, Any], key: str) -> dict[str, int]:
    """The words of `{key}_before` and `{key}_after` (lower-cased) with their step."""
    return {k.lower(): int(v) for k, v in [*lex.get(f"{key}_before", {}).items(),
                                          *lex.get(f"{key}_after", {}).items()]}


def _cased(words: Any, case_sensitive: bool) -> str:
    """Alternation accepting a capitalised first letter; English names must be capitalised."""
    if case_sensitive:
        return lexicons.alternation((w[:1].upper() + w[1:] for w in words), fold_first=False)
    return lexicons.alternation(words)


@dataclass(frozen=True)
class DateRules:
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
    period_ordinals: dict[str, int]
    period_units: dict[str, str]
    period_relative: dict[str, int]
    holidays: dict[str, tuple[Any, ...]]
    named_groups: tuple[tuple[re.Pattern[str], frozenset[str]], ...]
    """Quarters and named days; seasons and centuries; parts of periods, decades in words and
    weekends: each pattern with the words one of which a sentence must hold for it to be tried."""
    season_cue: re.Pattern[str]
    season_cue_words: frozenset[str]
    seasons: dict[str, str]
    season_relative: dict[str, int]
    season_needs_cue: frozenset[str]
    century_ordinals: dict[str, int]
    decade_words: dict[str, int]
    part_periods: dict[str, tuple[str, int]]
    weekends: dict[str, int]
    period_of_relative: dict[str, int]
    before_christ: re.Pattern[str] | None
    anaphoric_days: frozenset[str]
    week_of: re.Pattern[str] | None
    anaphor_after: dict[str, int]
    after_words: frozenset[str]
    anaphor_periods: dict[str, tuple[str, int]]
    sub_before: re.Pattern[str] | None = None
    """"the first week of", « les neuf premiers mois de »: matched against the text just before
    a month or a year, which it narrows."""
    reported_future: re.Pattern[str] | None = None
    """Future in reported speech, for dates only ("said workers would strike on Friday"); not
    a future marker of the claim itself (`is_future`)."""
    generic_month: re.Pattern[str] | None = None
    """Before a month name, what makes it any such month (« un mois d'août », "every May")."""
    weekday_day_after: re.Pattern[str] | None = None
    """What may follow "mardi 3", "Friday 13th" for the number to be a day of the month: the
    end of a clause, or (in French) « à », « et », « matin »."""
    weekday_week: re.Pattern[str] | None = None
    """After a weekday: " of last week", " next week", « de la semaine dernière »."""
    sub_ordinals: dict[str, int] | None = None
    sub_units: dict[str, str] | None = None
    lowercase_verbs: frozenset[str] = frozenset()
    """Month names that are verbs in lower case ("may", "march"): a date only after a cue."""
    lowercase_cues: frozenset[str] = frozenset()
    noun_markers: frozenset[str] = frozenset()
    """Future markers that are nouns too ("plan to": "approved a plan to widen the road")."""
    before_markers: frozenset[str] = frozenset()
    """Markers that look ahead only before the date: an adjective of another noun after it
    ("voted on Thursday to confirm her as the next secretary")."""
    noun_marker_before: frozenset[str] = frozenset()
    """Words before such a marker that make it the noun (articles, possessives, verbs)."""
    bare_day: re.Pattern[str] | None = None
    """« le 3 », « jusqu'au 31 » after a month or a day of that month named before in the
    sentence: a day of the month alone (group `bd`), French news' way of not repeating it."""
    date_name_before: re.Pattern[str] | None = None
    """Right before a date, what makes it part of a name: « rue du 4-Septembre », « place du
    8-Mai-1945 », "the film Friday the 13th" (a street, a square, a title)."""
    word_dates: re.Pattern[str] | None = None
    """Days and years in words ("the twenty-first of May", « en deux mille neuf »), scanned
    only in sentences with a word that starts a year, or a day word and a month."""
    word_year_triggers: frozenset[str] = frozenset()
    word_day_triggers: frozenset[str] = frozenset()
    month_tokens: frozenset[str] = frozenset()
    day_words: dict[str, int] | None = None
    day_cards: dict[str, int] | None = None
    """Days of the month in cardinal words ("twenty-nine"), dates only beside a month and a year."""
    range_day_articles: frozenset[str] = frozenset()
    year_of_after: re.Pattern[str] | None = None
    """After a day and month: " of last year", « de l'année dernière »: their year."""
    small_word_after: re.Pattern[str] | None = None
    """What may follow a bare season for it to be a date ("in the spring, ...", « au
    printemps et »; not "the spring collection", « le printemps arabe »)."""
    offset_before: re.Pattern[str] | None = None
    """Right before a date: "two days after", "a week before", « trois jours après le », «
    la veille du »: that many units from the date."""
    offset_dirs: dict[str, int] | None = None
    offset_amounts: dict[str, int] | None = None
    offset_day_after: re.Pattern[str] | None = None
    """After « la veille », « le lendemain »: « du », « de l' »: the day of what follows."""
    offset_day_words: dict[str, int] | None = None
    now_before: re.Pattern[str] | None = None
    """Right before a date: "between now and", « entre aujourd'hui et »: the date is ahead."""
    set_before: re.Pattern[str] | None = None
    """Right before a weekday: "every", « chaque »: a set of days, no single one."""
    event_days: dict[str, date] | None = None
    """Days written like a day of any year that name one event ("9/11", « le 11-Septembre »)."""
    vague_amounts: frozenset[str] = frozenset()
    """"a few", "several", « quelques »: an amount of units no date can be resolved from."""
    halves_alone: frozenset[str] = frozenset()
    """Names of a half-year that need no year (« au deuxième semestre »; "the second half" of
    a match is no date)."""
    approx_amounts: dict[str, int] | None = None
    """Approximate nouns as an amount of units (« une dizaine d'années », "a dozen years")."""
    number_months: frozenset[str] = frozenset()
    """Abbreviated month names that are number words (« sept »): without their period, a date
    only beside a day or a year (« le 3 sept », « sept 2021 »; « sept morts » is seven)."""
    street_after: re.Pattern[str] | None = None
    """After a number: the street it is the number of ("1984 Harbor Road", « 2012, route de
    Vienne »): no year."""
    address_preps: frozenset[str] = frozenset()
    """Year prepositions that also put a number in an address (« au 2012, route de Vienne »)."""
    name_before: re.Pattern[str] | None = None
    """Before a year: a capitalised word after a lower-case word ("runs Windows 2000", « la
    Peugeot 2008 »), the name of a model or a product when `name_after` follows the year."""
    name_after: re.Pattern[str] | None = None
    name_keeps: frozenset[str] = frozenset()
    """Capitalised words a year after which names its year (« l'Euro 2024 », "Expo 2025")."""
    weekday_anaphor_before: re.Pattern[str] | None = None
    """Right before a weekday: "the following", "the previous": that weekday after or before
    the day named before (« le lundi suivant » is `weekday_anaphor_after`)."""
    weekday_anaphor_after: re.Pattern[str] | None = None
    weekday_anaphor: dict[str, int] | None = None
    until_before: re.Pattern[str] | None = None
    """Right before a date: "until", « jusqu'au »: the end of a state, the nearest such date
    before or after publication ("closed until April 15" in March is this April 15)."""
    until_past: re.Pattern[str] | None = None
    """Verbs of a state that lasted ("served until", « a duré jusqu'en »): the end is behind."""
    until_past_state: re.Pattern[str] | None = None
    """A past tense of a state before "until" ("He was mayor until May", "had served", «
    l'usine était fermée jusqu'en mars »): the end is behind; not a passive ("was closed
    until", which may run on) nor a future in the past ("was to stay")."""
    until_lead: re.Pattern[str] | None = None
    """The same words opening a date's own match (« jusqu'en mai »)."""
    period_anaphoric: frozenset[str] = frozenset()
    """Words that put a quarter or a half after or before the one named before ("the previous
    quarter" after "the third quarter", « le trimestre suivant »), else from publication."""
    reference: re.Pattern[str] | None = None
    """"now", "currently", "recently", "in the past", « actuellement », « à l'avenir »: the
    present, past or future with no calendar value (`FoundDate.reference`); not in a duration
    ("in the past two years") nor a compound ("the now-defunct plant")."""
    reference_triggers: frozenset[str] = frozenset()
    reference_offset: re.Pattern[str] | None = None
    """Before "now": a unit and "from" ("three days from now", "an hour from now"), the anchor
    of an offset, no date of its own."""
    reference_participles: dict[str, Any] | None = None
    """Words that are also a participle (« maintenant », of « maintenir »), with the words
    before or after them that make them one (« en maintenant », « maintenant sa position »)."""
    participle_before: re.Pattern[str] | None = None
    copula_before: re.Pattern[str] | None = None
    """A present copula right before a weekday ("Game 5 is Friday", "The funeral is on
    Saturday"): a day ahead, whatever the rest of the clause says."""
    """Right before a day: a past participle ("the accord signed Tuesday", « l'accord signé
    mardi »): the day is behind whatever the clause's verb says ("will take effect")."""
    period_alone: re.Pattern[str] | None = None
    """"in the quarter", "for the year", « sur le trimestre », « dans l'année »: the quarter,
    half or year in focus (`period_alone_units`), that of the date named before it or of
    publication; not "the year ahead", "the year 2000", "the quarter ended"."""
    period_alone_units: dict[str, str] | None = None
    period_alone_triggers: frozenset[str] = frozenset()
    period_alone_needs_reference: frozenset[str] = frozenset()
    """Of `period_alone_units`: those that are no date at all when nothing named before gives
    them bounds (an English "the half" is as often a match's)."""
    period_alone_only_after: dict[str, frozenset[str]] | None = None
    """Of `period_alone_units`: those that only some prepositions make a period (« sur
    l'exercice »; « pendant l'exercice » is as often a drill)."""
    period_ended: re.Pattern[str] | None = None
    """Right before a day: "the quarter ended", "the fiscal year ending", « l'exercice clos
    le »: the quarter, half or year that ends on that day (`period_ended_months` long)."""
    period_ended_months: dict[str, int] | None = None
    month_noun: re.Pattern[str] | None = None
    """After a bare month name: an event or a period it dates ("the May election", "a March
    deadline", "the March quarter"); `month_noun_before` must come before the month."""
    month_noun_before: re.Pattern[str] | None = None
    month_quarter_nouns: frozenset[str] = frozenset()
    """Nouns after a month that name the three months ending with it ("the March quarter")."""


def _participle_before(words: dict[str, list[str]] | None) -> re.Pattern[str] | None:
    """`DateRules.participle_before`: a word in -ed or a listed participle, not one that
    schedules ("scheduled Tuesday", "expected Friday"), then "on" or nothing before the day;
    the match names the auxiliary before it (`pp_aux`), which leaves the tense to the clause."""
    if not words:
        return None
    alts = [_alt(words["words"])] if words.get("words") else []
    if words.get("endings"):
        alts.append(rf"[^\W\d]{{2,}}(?:{_alt(words['endings'])})")
    if not alts:
        return None
    not_words = _alt(words.get("not", [])) or "(?!x)x"
    between = _alt(words.get("between", [])) or "(?!x)x"
    # not after an auxiliary: "will be paid Friday", « sera voté mardi » (the clause's tense)
    aux = _alt(words.get("not_after", [])) or "(?!x)x"
    return re.compile(
        rf"(?<![\w\-])(?:(?P<pp_aux>(?:{aux})(?:{_SP}+[^\W\d]+)?){_SP}+)?"
        rf"(?!(?:{not_words})(?![\w\-]))(?:{'|'.join(alts)})"
        rf"(?:{_SP}+(?:{between}))?{_SP}+$"
    )


def _reference(lex: dict[str, Any]) -> re.Pattern[str]:
    """`DateRules.reference`: the phrases that end in a duration's head ("in the past", « par
    le passé ») are left out before an amount or a unit ("in the past two years", "in the past
    decade"); the others stand wherever they occur."""
    refs = lex["reference_dates"]
    heads = [r for r in refs if r.split()[-1].lower() in lex.get("reference_duration_heads", [])]
    others = [r for r in refs if r not in heads] or ["(?!x)x"]
    not_after = _alt([*lex.get("reference_not_after", []), *lex["number_words"]])
    return re.compile(
        rf"(?<![\w\-])(?:(?:{_cased(others, False)})(?![\w\-])"
        rf"|(?:{_cased(heads or ['(?!x)x'], False)})(?![\w\-])(?!{_SP}+(?:\d|(?:{not_after})(?![\w\-]))))"
    )


def _until_past_state(words: dict[str, list[str]] | None) -> re.Pattern[str] | None:
    """The past tenses of a state that ended before publication (`DateRules.until_past_state`):
    a copula before anything but a participle ("was mayor", not "was closed"), a pluperfect
    ("had served"), a French imperfect (« était », « dirigeait »; not a conditional, «
    serait », a future in the past, « devait durer », nor a noun, « portrait »)."""
    if not words:
        return None
    alts = []
    if words.get("perfect"):
        alts.append(rf"(?:{lexicons.alternation(words['perfect'])}){_SP}+[^\W\d]")
    if words.get("copulas"):
        adverbs = _alt(words.get("adverbs", [])) or "(?!x)x"
        endings = _alt(words.get("participle_endings", [])) or "(?!x)x"
        not_state = _alt([*words.get("participles", []), *words.get("not_after", [])]) or "(?!x)x"
        participle = rf"(?:[^\W\d]+(?:{endings})|{not_state})"
        alts.append(
            rf"(?:{lexicons.alternation(words['copulas'])}){_SP}+(?:(?:{adverbs}){_SP}+)*+"
            rf"(?!{participle}(?![\w\-]))[^\W\d]"
        )
    if words.get("imperfect_endings"):
        not_words = _alt(words.get("not_imperfect", [])) or "(?!x)x"
        not_endings = "".join(f"(?<!{e})" for e in words.get("not_imperfect_endings", []))
        alts.append(
            rf"(?!(?:{not_words})(?![\w\-]))"
            rf"[a-zà-ÿ]{{2,}}(?:{_alt(words['imperfect_endings'])}){not_endings}(?![\w\-])"
        )
        if words.get("imperfect_also"):  # « durait »: an imperfect that ends like a conditional
            alts.append(rf"(?:{_alt(words['imperfect_also'])})(?![\w\-])")
    if not alts:
        return None
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(alts)})", re.I)


def _reported_future(lex: dict[str, Any]) -> re.Pattern[str]:
    """"would", « serait », « se rendrait », « entrerait »: the future seen from a past
    statement, unless an auxiliary of a past follows ("would have", « serait mort », « aurait
    été »)."""
    words = lexicons.alternation(lex.get("date_future_markers", []) or ["(?!x)x"])
    endings = lex.get("date_future_endings", [])
    if endings:  # « se rendrait », « entreraient »: a verb in the conditional
        not_verbs = _alt(lex.get("date_future_ending_exceptions", []) or ["(?!x)x"])
        words += rf"|(?!(?:{not_verbs})(?![\w\-]))[a-zà-ÿœ]{{2,}}(?:{_alt(endings)})"
    not_before = _alt(lex.get("date_future_not_before", []) or ["(?!x)x"])
    # "did not take place on Monday", "didn't begin Monday": a past of the same verb
    not_after = "".join(
        rf"(?<!{re.escape(word)} )" for word in lex.get("date_future_not_after", [])
    )
    modal = rf"(?-i:{_alt(lex['modal_future'])})" if lex.get("modal_future") else "(?!x)x"
    modal_not = _alt(lex.get("modal_future_not_before", []) or ["(?!x)x"])
    # "rates could fall in September", "talks may resume in May"; not "could not say on
    # Tuesday", "may have peaked in May" (nor the month "May": the modal is lowercase)
    return re.compile(
        rf"(?<![\w\-]){not_after}(?:(?:{words})(?![\w\-])(?!{_SP}+(?:{not_before})(?![\w\-]))"
        rf"|{modal}(?![\w\-])(?!{_SP}+(?:{modal_not})(?![\w\-])))",
        re.I,
    )


_ACCENTS = str.maketrans("éèêëàâîïôûùç", "eeeeaaiiouuc")
_UNACCENTED_KEYS = ("relative_periods", "weekends", "anaphor_periods", "current_periods")


def _unaccented_too(lex: dict[str, Any]) -> dict[str, Any]:
    """The lexicon with each relative period also written without its accents (« la semaine
    derniere », « l'annee prochaine », « la semaine precedente »), as news typed in haste or
    in capitals stripped of accents writes them."""
    out = dict(lex)
    for key in _UNACCENTED_KEYS:
        words = lex.get(key)
        if isinstance(words, dict):
            out[key] = {**{w.translate(_ACCENTS): v for w, v in words.items()}, **words}
    return out


def _period_alone(lex: dict[str, Any]) -> re.Pattern[str] | None:
    """"in the quarter", "for the year", « sur le trimestre »: a preposition (`pa_p`) and the
    period (`pa`), with no year, number, possessive or word after it that makes it another
    period ("the year ahead", "the year 2000", "the year's best", « l'année d'avant »)."""
    spec = lex.get("period_alone")
    if not spec:
        return None
    words = [*spec["not_after"], *lex["number_words"]]
    elided = [w for w in words if w.endswith(("'", "’"))]  # « d'avant »: no word edge after it
    whole = [w for w in words if not w.endswith(("'", "’"))]
    after = rf"(?:{_alt(whole)})(?![\w\-])" + (rf"|(?:{_alt(elided)})" if elided else "")
    return re.compile(
        rf"(?<![\w\-])(?P<pa_p>{_cased(spec['preps'], False)}){_SP}+"
        rf"(?P<pa>{_alt(spec['units'])})(?![\w\-])(?!['’]s)(?!{_SP}*[-–]?{_SP}*['’‘]?\d)"
        rf"(?!{_SP}+(?:{after}))"
    )


@cache
def date_rules(lang: str) -> DateRules:
    lex: dict[str, Any] = _unaccented_too(lexicons.load(lang))
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
    caps_abbreviated = [name.upper() for name in abbreviated]  # "FEB. 26", « 12 JANV. 2026 »
    # English names are capitalised; in lower case a name stands alone only where it is no
    # common word ("in january", not "may" or "march"), and any name stands beside a day or a
    # year ("on may 5", "14 nov", "march 2020"), the verbs among them only after a cue that
    # `find` checks ("It may 5 times" is no date).
    alone = lexicons.alternation(lex.get("months_lowercase_alone", []), fold_first=False)
    month = (
        rf"(?:(?:{_cased(abbreviated, cs)})(?>\.?)|(?:{_cased(full, cs)})|(?:{_alt(caps)})"
        rf"|(?:{_alt(caps_abbreviated)})\.|(?:{alone}))(?![\w])"
    )
    month_n = month
    if cs:
        month_n = (
            rf"(?:(?:{lexicons.alternation(abbreviated)})(?>\.?)|(?:{lexicons.alternation(full)})"
            rf"|(?:{_alt(caps)})|(?:{_alt(caps_abbreviated)})\.)(?![\w])"
        )
    # Weekdays in lower case are no common word ("on monday"): accepted in every language.
    weekday = (
        rf"(?:{lexicons.alternation(lex['weekdays'])}"
        rf"|{_alt(w.upper() for w in lex['weekdays'])})"
    )
    parts = lexicons.alternation(lex["day_parts"])
    mods = lexicons.alternation(lex["weekday_past"] + lex["weekday_future"])
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:er|re|st|nd|rd|th)?(?!\d)"
    year = r"(?:1[6-9]\d\d|20\d\d)(?!\d)"
    # Headlines capitalise every word ("Last Year", "Next Week"): those forms are accepted too.
    rel_days = _cased([*lex["relative_days"], *(_title(w) for w in lex["relative_days"])], False)
    rel_periods = _cased([*lex["relative_periods"], *(_title(w) for w in lex["relative_periods"])], False)
    year_preps = _cased(lex["year_prepositions"], False)
    period_mods = _cased(lex.get("period_modifiers", []) or ["(?!x)x"], False)
    range_starts = _cased(lex.get("range_starts", []), False)
    range_joins = lexicons.alternation(lex.get("range_joins", []))
    day_joins = _alt(lex.get("day_conjunctions", []))
    wr_arts = lexicons.alternation(lex.get("weekday_range_articles", []) or ["(?!x)x"])
    # "from 2 July to 10 July", "3 to 5 May", « du 3 jusqu'au 5 mai »; "9 to 12 of June".
    day_to = lexicons.alternation(lex.get("day_range_joins", []) or ["(?!x)x"])
    day_of = rf"(?:(?:{lexicons.alternation(lex.get('day_month_joins', []) or ['(?!x)x'])}){_SP}+)?"
    # « entre le 3 et le 5 mars », "between the 3rd and the 5th of May"
    day_articles = lexicons.alternation(lex.get("range_day_articles", []) or ["(?!x)x"])
    month_mods_before = _cased(lex.get("month_mods_before", []) or ["(?!x)x"], False)
    month_mods_after = lexicons.alternation(lex.get("month_mods_after", []) or ["(?!x)x"])
    decade_before = _cased(lex.get("decade_before", []) or ["(?!x)x"], False)
    units = {k.lower(): v for k, v in lex.get("relative_units", {}).items()}
    unit_alt = lexicons.alternation(units)
    number_words = lexicons.alternation(lex["number_words"])
    # An amount opens with no multiplier of a million or more: "11,2 milliards un an plus tôt"
    # counts one year, not "milliards un" of them.
    big = {w.lower() for w, v in lex.get("multipliers", {}).items() if v >= 1_000_000}
    first_words = _cased(
        [w for w in lex["number_words"] if w.lower() not in big] + lex.get("number_articles", []), False
    )
    amount = rf"(?:\d{{1,3}}|(?:{first_words})(?:[-{_SP[1:-1]}](?:{number_words}))*)"
    # "a few days ago", « il y a quelques années », "several years later": a date no one day or
    # year of which is meant (TIMEX3 values them PAST_REF, FUTURE_REF): kept with bounds None.
    vague = lex.get("vague_amounts", [])
    ago_amount = rf"(?:{_cased(vague, False)}|{amount})" if vague else amount
    # « il y a une dizaine d'années », "a dozen years ago": an approximate noun as the amount
    approx_nouns = lex.get("approximate_nouns", {})
    if approx_nouns:
        ago_amount = (
            rf"(?:(?:{first_words}){_SP}+(?:{lexicons.alternation(approx_nouns, fold_first=False)})"
            rf"(?:{_SP}+de|{_SP}+d['’])?|{ago_amount})"
        )
    ago_after = lexicons.alternation(lex.get("ago_after", []) or ["(?!x)x"])
    # "two years later", « un an plus tôt »: from the date the sentence named before.
    anaphor = lexicons.alternation(lex.get("anaphor_after", {}) or ["(?!x)x"])
    ahead_after = lexicons.alternation(lex.get("ahead_after", []) or ["(?!x)x"])
    ago_before = _cased(lex.get("ago_before", []) or ["(?!x)x"], False)
    ahead_before = _cased(lex.get("ahead_before", []) or ["(?!x)x"], False)
    approx = lexicons.alternation(lex.get("ago_approx", []) or ["(?!x)x"])  # « il y a près de deux ans »
    # "two years ago to the day", « il y a dix ans jour pour jour »: that very day
    to_the_day = lexicons.alternation(lex.get("to_the_day", []) or ["(?!x)x"])
    apostrophe_years = bool(lex.get("two_digit_year_needs_apostrophe", True))
    short_year = r"(?:['’](?P<{0}>\d\d)|(?P<{1}>(?:0\d|[3-9]\d)))(?![\d\w])" if not apostrophe_years else (
        r"(?:['’](?P<{0}>\d\d))(?![\d\w])(?P<{1}>(?!x)x)?"
    )
    # Quarters and halves: "the third quarter of 2019", "third-quarter", "last quarter", "Q3
    # 2019", "Q2 of 2025", « le premier trimestre 2023 », « le trimestre dernier », "the first
    # half of 2024".
    p_ords = lexicons.alternation(lex.get("period_ordinals", {}) or ["(?!x)x"])
    p_units = lexicons.alternation(lex.get("period_units", {}) or ["(?!x)x"])
    quarters = [u for u, kind in lex.get("period_units", {}).items() if kind == "quarter"] or ["(?!x)x"]
    p_quarter = lexicons.alternation(quarters)
    p_before = _cased(lex.get("period_relative_before", {}) or ["(?!x)x"], False)
    p_after = lexicons.alternation(lex.get("period_relative_after", {}) or ["(?!x)x"])
    p_of = lexicons.alternation(lex.get("period_of", []) or ["(?!x)x"])
    code = re.escape(lex.get("quarter_code", "")) or "(?!x)x"
    hcode = re.escape(lex.get("half_code", "")) or "(?!x)x"  # "H2 2025", « S1 2024 »
    p_of_rel = lexicons.alternation(lex.get("period_of_relative", {}) or ["(?!x)x"])
    period = rf"""
            (?P<qtr>(?P<q_ord>{p_ords})(?:{_SP}+|-)(?P<q_unit>{p_units})
                (?:{_SP}+(?:(?:{p_of}){_SP}+)?(?P<q_y>{year})|{_SP}+(?P<q_of>{p_of_rel})(?![\w\-]))?
              | (?P<q_rel>{p_before}){_SP}+(?P<q_runit>{p_quarter})
              | (?P<q_runit2>{p_quarter}){_SP}+(?P<q_post>{p_after})
              | {code}(?P<q_n>[1-4])(?:{_SP}+(?:{p_of}){_SP}+|{_SP}*|-)(?P<q_y2>{year})
              | (?P<q_y3>{year})(?:{_SP}*|-){code}(?P<q_n2>[1-4])
              | {hcode}(?P<q_h>[12])(?:{_SP}*|-)(?P<q_hy>{year})
              | (?P<q_hy2>{year})(?:{_SP}*|-){hcode}(?P<q_h2>[12]))
    """
    # Named days: "Christmas", "Good Friday", « Noël », « le lundi de Pâques » (exact case:
    # « l'ascension du mont Blanc » is no holiday).
    holiday_names = lexicons.alternation(lex.get("holidays", {}) or ["(?!x)x"], fold_first=False)
    holiday = rf"(?P<hol>(?P<h_name>{holiday_names})(?:,?{_SP}+(?P<h_y>{year}))?)"
    # Seasons: "this summer", "last winter", "the summer of 2022", « cet été », « l'hiver
    # dernier », « au printemps 2021 », « l'hiver 2021-2022 », "the summer of '69", « l'été 76 ».
    s_names = _cased(lex.get("seasons", {}) or ["(?!x)x"], False)
    s_before = _cased(lex.get("season_before", {}) or ["(?!x)x"], False)
    s_after = lexicons.alternation(lex.get("season_after", {}) or ["(?!x)x"])
    s_arts = _cased([*lex.get("season_articles", []), *lex.get("season_cues", [])] or ["(?!x)x"], False)
    s_of = lexicons.alternation(lex.get("season_of", []) or ["(?!x)x"])
    # "the summer of '69", « l'été 76 » (two digits without their apostrophe only after « l' »,
    # and not « l'été 40 personnes »). A season right after « d' », « de » qualifies a noun («
    # les JO d'hiver de 2030 », « les sports d'hiver »): no date.
    bare_two = r"(?:0\d|[3-9]\d)" if not apostrophe_years else "(?!x)x"
    season_short = (
        rf"(?:['’](?P<s_ys>\d\d)|(?(s_art)(?P<s_yb>{bare_two})|(?!x)x))(?![\d\w])(?!{_SP}*\d)"
        rf"(?!{_SP}+[^\W\d]+[sx](?![\w\-]))"
    )
    season = rf"""
        (?P<season>(?P<s_rel>{s_before}){_SP}+(?P<s_name>{s_names})
          | (?:(?P<s_art>{s_arts})(?<=['’]){_SP}*|(?P<s_art2>{s_arts}){_SP}+)?(?<![dD]['’])(?<![dD]e{_SP})
            (?P<s_name2>{s_names})
            (?:{_SP}+(?P<s_post>{s_after})|(?:{_SP}+(?:{s_of}))?{_SP}+(?:(?P<s_y>{year})
                (?:[-–/](?P<s_y2>{year}|\d\d(?!\d)))?|{season_short}))?
            (?![\w’'\-]))
    """
    # Centuries: "the 19th century", "the nineteenth century", « le XIXe siècle », « au 19e siècle ».
    c_words = lexicons.alternation(lex.get("century_words", []) or ["(?!x)x"])
    c_ords = _cased(lex.get("century_ordinals", {}) or ["(?!x)x"], False)
    c_suffix = _alt(lex.get("century_ordinal_suffixes", []) or ["(?!x)x"])
    roman = r"|(?P<c_rom>[IVX]{1,5})(?:" + c_suffix + ")" if lex.get("century_roman") else ""
    century = rf"""
        (?P<cent>(?:(?P<c_n>[12]?\d)(?:{c_suffix}){roman}|(?P<c_word>{c_ords}))(?:{_SP}+|-)(?:{c_words}))
    """
    my_joins = lexicons.alternation(lex.get("month_year_joins", []) or ["(?!x)x"])
    absolute = absolute_day_first = ""
    if lex.get("month_first_dates"):  # March 2, 2022; Feb. 10-11; April 6 and 13
        absolute = rf"""
            (?P<en_range>(?P<er_m1>{month_n}){_SP}+(?P<er_d1>{day})(?P<er_list>(?:{_SP}*,{_SP}*{day})+)?
                (?:,?{_SP}+(?P<er_y1>{year})(?=,?{_SP}*(?:-|–|(?:{day_to}|{day_joins}){_SP}+){month_n}),?)?{_SP}*
                (?P<er_sep>-|–|(?:{day_to}|{day_joins})(?={_SP})){_SP}*
                (?:(?P<er_m2>{month_n}){_SP}+)?(?P<er_d2>{day})(?:,?{_SP}+(?P<er_y>{year}))?)
          | (?P<en_date>(?:(?P<ed_wd>{weekday}),?{_SP}+)?(?P<ed_m>{month_n}){_SP}+(?P<ed_d>{day})
                (?:{_SP}?,?{_SP}+(?:(?:{my_joins}){_SP}+)?(?P<ed_y>{year}))?)
        """
        # Day first ("2 July", "the 4th of July") after the ranges of days ("2 July to 10 July").
        absolute_day_first = rf"""
            (?P<en_date2>(?:(?P<ed2_wd>{weekday}),?{_SP}+)?(?:the{_SP}+)?(?P<ed2_d>{day}){_SP}+(?:of{_SP}+)?
                (?P<ed2_m>{month_n})(?:{_SP}?,?{_SP}+(?:(?:{my_joins}){_SP}+)?(?P<ed2_y>{year}))?)
        """
    # Decades in two digits or words: "the nineties", « les années 90 », « les
    # années quatre-vingt-dix » (four digits are `year`: "the 1990s", « les années 1990 »; "the '90s"
    # is `dec_ap`).
    d_words = _cased(lex.get("decade_words", {}) or ["(?!x)x"], False)
    d_words_before = _cased(lex.get("decade_words_before", []) or ["(?!x)x"], False)
    d_digits_before = _cased(lex.get("decade_digits_before", []) or ["(?!x)x"], False)
    decade = rf"""
        (?P<dec>(?:(?P<dc_mod>{period_mods})(?:{_SP}+|-))?
            (?:(?:(?P<dc_pre>{d_words_before}){_SP}+(?:(?P<dc_mod2>{period_mods})(?:{_SP}+|-))?
                (?P<dc_w>{d_words})(?!-))
              | (?:{d_digits_before}){_SP}+(?P<dc_2>[1-9]0)(?![\d\w%])))
    """
    # Parts of a period named from publication: "the end of the year", "later this month", «
    # à la fin de l'année », « en début d'année », « fin du mois dernier ».
    part_periods = {
        k.lower(): (v[0], int(v[1]))
        for k, v in [*lex["relative_periods"].items(), *lex.get("current_periods", {}).items()]
    }
    part_of = _cased(lex.get("part_of", []) or ["(?!x)x"], False)
    part_per = lexicons.alternation(part_periods)
    weekends = {k.lower(): int(v) for k, v in lex.get("weekends", {}).items()}
    # "fiscal 2024", "FY2024", "FY24", « l'exercice 2024 »: the year named (its fiscal calendar
    # is the organisation's).
    fiscal = _cased(lex.get("fiscal_year_before", []) or ["(?!x)x"], False)
    numeric = rf"""
            (?P<iso>(?P<iso_y>{year})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d))
          | (?P<nrange>(?P<nr_a1>[0-3]?\d)/(?P<nr_b1>[0-3]?\d)(?:/(?P<nr_y1>{year}))?{_SP}*[-–]{_SP}*
                (?P<nr_a2>[0-3]?\d)/(?P<nr_b2>[0-3]?\d)(?:/(?P<nr_y2>{year}|\d\d)|,?{_SP}+(?P<nr_y3>{year}))?
                (?![/.,]?\d))
          | (?P<ndate>(?P<nd_a>[0-3]?\d)(?P<nd_sep>[/.]|-(?=[0-3]?\d-(?:1[6-9]|20)\d\d(?!\d)))
                (?P<nd_b>[0-3]?\d)
                (?:(?P=nd_sep)(?P<nd_y>\d{{4}}|\d\d))?(?![/.,]?\d))
          | (?P<nspace>(?<!\d{_SP})(?P<ns_a>[0-3]?\d){_SP}(?P<ns_b>[01]?\d){_SP}(?P<ns_y>(?:1[6-9]|20)\d\d)
                (?!{_SP}?\d))
          | (?P<yrange>(?:(?P<yg_pre>{range_starts}){_SP}+)?(?P<yg>
                (?:(?:{fiscal})(?:{_SP}+|-|(?<=FY)))?(?P<yg1>{year})
                (?:{_SP}*(?P<yg_sep>[-–/]){_SP}*(?P<yg2s>\d\d?(?![\d/.,:]?\d))|{_SP}*(?P<yg_sep2>[-–/]|(?:{range_joins})(?={_SP})){_SP}*(?P<yg2>{year}))))
          | (?P<year>(?:(?P<yr_mod>{period_mods})(?:{_SP}+|-))?(?:(?P<yr_dec>{decade_before}){_SP}+)?
                (?:(?P<yr_fy>{fiscal})(?:{_SP}+|-|(?<=FY)))?
                (?P<yr>{year})(?P<yr_s>s|['’]s|(?<=0){_SP}s(?![\w'’]))?)
          | (?P<dec_ap>(?:(?:{period_mods})(?:{_SP}+|-))?['’](?P<da_n>\d0)s)
          | (?P<yap>['’](?P<ya_n>\d\d)(?![\d'’]))
          | (?P<fy>(?:FY|fy)['’]?{_SP}?(?P<fy_n>\d\d)(?![\d\w]))
        """
    # Month names joined by dashes or slashes, as forms and tables write them: "Sep-23-2020",
    # "05-Aug-2016", "23/Sep/2020", "2019/aug/01", "Dec-2018"; a month glued to its day before a
    # year: "Dec31, 1994".
    assert month_n.endswith("(?![\\w])")
    glued = month_n[: -len("(?![\\w])")] + r"(?=\d)"
    dashed = rf"""
            (?P<mdash>(?P<mx_m>{month_n})(?P<mx_s>[-/])(?P<mx_d>{day})(?P=mx_s)(?P<mx_y>{year}))
          | (?P<dmdash>(?P<dx_d>{day})(?P<dx_s>[-/])(?P<dx_m>{month_n})(?P=dx_s)(?P<dx_y>{year}|\d\d(?!\d)))
          | (?P<ymdash>(?P<yx_y>{year})(?P<yx_s>[-/])(?P<yx_m>{month_n})(?P=yx_s)(?P<yx_d>{day}))
          | (?P<mydash>(?P<mz_m>{month_n})[-/](?P<mz_y>{year}))
          | (?P<mglue>(?P<mq_m>{glued})(?P<mq_d>{day}){_SP}?,?{_SP}+(?P<mq_y>{year}))
          """
    pattern = re.compile(
        rf"""(?x)
        (?<![\w\-])(?<![$€£¥])(?!(?<=[$€£¥]{_SP})\d)(?:  # "$12 December 27" (not « 3 € en mai »)
            (?=\w{{1,10}}[-/]|[^\W\d]{{3,10}}\d)(?:{dashed}) |
            {absolute + "|" if absolute else ""}
            (?P<range>(?P<r_list>(?:{day}{_SP}*,{_SP}*)+)?(?P<r_d1>{day})(?:{_SP}+{day_of}(?P<r_m1>{month_n}))?(?:{_SP}+(?P<r_y1>{year}))?
                {_SP}*(?P<r_sep>au|à|-|–|,|{day_joins}|(?:{day_to})(?={_SP})){_SP}*
                (?:(?<={_SP})(?:{day_articles}){_SP}+)?(?P<r_d2>{day}){_SP}+
                {day_of}(?P<r_m2>{month_n})
                (?:{_SP}+(?P<r_y2>{year}))?)
          | {absolute_day_first + "|" if absolute_day_first else ""}
            (?P<date>(?:(?P<d_wd>{weekday}){_SP}+)?(?P<d_d>{day})(?:{_SP}+|-(?=[A-ZÉ]))(?P<d_m>{month_n})
                (?:{_SP}+(?:(?:{my_joins}){_SP}+)?(?P<d_y>{year}))?)
          | (?P<mrange>(?:(?P<mg_pre>{range_starts}|{year_preps}){_SP}+)?(?P<mg>
                (?:(?:{period_mods})(?:{_SP}+|-))?(?P<mg_m1>{month})
                (?:{_SP}+(?P<mg_y1>{year}))?(?:{_SP}*[-–/]{_SP}*|{_SP}+(?:{range_joins}){_SP}+)
                (?:(?:{period_mods})(?:{_SP}+|-))?(?P<mg_m2>{month})(?:{_SP}+(?P<mg_y2>{year}))?))
          | (?P<monthyear>(?:(?P<my_mod>{period_mods})(?:{_SP}+|-(?=\w)))?(?P<my_m>{month_n}),?{_SP}+
                (?:(?:{my_joins}){_SP}+)?(?:(?P<my_y>{year})|{short_year.format("my_ys", "my_yb")}
                    |(?<=of{_SP})(?P<my_yo>\d\d)(?=[,.;:)]|$)))
          | (?P<month>(?:(?:{year_preps}|{month_mods_before}|{period_mods})
                (?:{_SP}+|-(?=\w)|(?<=['’]))){{0,3}}
                (?P<mo_m>{month})(?:{_SP}+(?P<mo_post>{month_mods_after}))?)
                (?!,?{_SP}+(?:(?:{my_joins}){_SP}+)?['’]?\d)
          | (?P<ago>(?:(?P<ag_pre>{ago_before}|{ahead_before}){_SP}+(?:(?:{approx})(?:(?<=['’])|{_SP}+))?
                (?P<ag_n>{ago_amount})(?:{_SP}+|(?<=['’]))
                (?P<ag_u>{unit_alt})(?![\w])
            | (?P<ag_n2>{ago_amount})(?:{_SP}+|(?<=['’]))(?P<ag_u2>{unit_alt}){_SP}+
                (?P<ag_post>{ago_after}|{ahead_after}|{anaphor}))
              (?:,?{_SP}+(?P<ag_exact>{to_the_day}))?)
          | (?P<reld>{rel_days})
          | (?P<relp>{rel_periods})
          | (?P<wdrange>(?:{range_starts}){_SP}+(?:(?:{wr_arts}){_SP}+)?(?P<wr_1>{weekday}){_SP}+
                (?:{range_joins}){_SP}+(?:(?:{wr_arts}){_SP}+)?(?P<wr_2>{weekday}))
          | (?P<wdday>(?P<wx_wd>{weekday}),?{_SP}+(?:(?<=[a-z]{_SP})the{_SP}+(?=\d+(?:st|nd|rd|th)))?
                (?P<wx_d>{day})(?![/.:,h]?\d))
          | (?P<wd>(?:(?P<wd_pre>{mods}){_SP}+)?(?P<wd_day>{weekday})
                (?:{_SP}+(?P<wd_part>{parts}))?(?:{_SP}+(?P<wd_mod>{mods}))?)
          | {numeric}
        )(?![\w\-])
        """
    )
    numeric_pattern = re.compile(rf"(?x)(?<![\w\-])(?:{numeric})(?![\w\-])")
    # Quarters, halves, seasons, centuries, decades in words, parts of periods, weekends and
    # named days are scanned apart, in three groups, each only in sentences holding one of its
    # words: most sentences have none, and the main alternation stays as short as it was.
    def _named(body: str) -> re.Pattern[str]:
        return re.compile(rf"(?x)(?<![\w\-])(?:{body})(?![\w\-])")

    # A season word that is also a common word ("fall", « a été ») gates the scan only with
    # its cue before it ("the fall", « l'été », « cet été »), tested by a short search.
    needs_cue = [w for w in lex.get("seasons", {}) if w in lex.get("season_needs_cue", [])]
    # Words that never stand for a phrase: a weekday ("Ash Wednesday" is gated on "ash", «
    # mardi gras » on « gras »), fillers ("later in", « plus tard dans », « fête du Travail »).
    fillers = [*lex.get("common_words", []), *lex.get("trigger_fillers", []), *lex["weekdays"]]
    common = lex.get("common_words", [])
    days_triggers = lexicons.triggers(lex.get("period_units", {}), common=common) | lexicons.triggers(
        lex.get("holidays", {}), common=fillers
    )
    if lex.get("quarter_code"):
        days_triggers = days_triggers | {lex["quarter_code"].lower()}  # "Q3 2019"
    if lex.get("half_code"):
        days_triggers = days_triggers | {lex["half_code"].lower()}  # "H2 2025"
    ages_triggers = lexicons.triggers(
        [*lex.get("century_words", []), *(w for w in lex.get("seasons", {}) if w not in needs_cue)],
        common=common,
    )
    # "the end of the year" is gated on "end", "later in the year" on "later", "this weekend" on
    # "weekend"; "the nineties" on "nineties", « les années soixante » on « années ».
    d_before = lex.get("decade_words_before", [])
    lowered = {w.lower() for w in common}
    parts_triggers = (
        lexicons.triggers(lex.get("part_of", []), common=fillers)
        | lexicons.triggers(lex.get("anaphor_periods", {}), common=fillers)
        | lexicons.triggers(lex.get("weekends", {}), common=[*fillers, *lex.get("weekday_past", []),
                                                              *lex.get("weekday_future", [])])
        | lexicons.triggers(
            d_before
            if d_before and not lowered & {w.lower() for w in d_before}
            else lex.get("decade_words", {})
        )
    )
    # A part of a period: "the first week of July", "the last ten days of 2021", "the first nine
    # months of the year", « la première quinzaine d'août », « les six premiers mois de 2024 ».
    sub_ords = lexicons.alternation(lex.get("sub_period_ordinals", {}) or ["(?!x)x"])
    sub_units = lexicons.alternation(lex.get("sub_period_units", {}) or ["(?!x)x"])
    sub_core = (
        rf"(?:(?P<sb_n>{amount}){_SP}+)?(?P<sb_ord>{sub_ords}){_SP}+(?P<sb_u>{sub_units})"
        if lex.get("sub_period_number_first")
        else rf"(?P<sb_ord>{sub_ords})(?:{_SP}+(?P<sb_n>{amount}))?{_SP}+(?P<sb_u>{sub_units})"
    )
    sub_arts = _cased(lex.get("sub_period_articles", []) or ["(?!x)x"], False)
    sub_of = lexicons.alternation(lex.get("sub_period_of", []) or ["(?!x)x"])
    sub_before = re.compile(
        rf"(?<![\w\-])(?:(?:{sub_arts}){_SP}+)?(?P<sb>{sub_core}){_SP}+(?:{sub_of})(?:(?<=['’])|{_SP}+)$"
    ) if lex.get("sub_period_units") else None
    # "the first nine months of the year"; with a count, alone too ("For the first nine months,")
    sub_named = (
        rf"(?P<sub>{sub_core}(?:{_SP}+(?P<sb_rel>{p_of_rel})|(?(sb_n)|(?!x)x)))" if sub_before else "(?!x)x"
    )
    parts_triggers = parts_triggers | lexicons.triggers(
        [u for u in lex.get("sub_period_units", {}) if u not in ("day", "jour")]
    )
    named_groups = (
        (_named(f"{period}|{holiday}"), frozenset(days_triggers)),
        (_named(f"{season}|{century}"), frozenset(ages_triggers)),
        (
            _named(
                rf"""(?P<part>(?P<pt_mod>{part_of}){_SP}+(?P<pt_per>{part_per}))(?!{_SP}+{year})
                  (?!{_SP}+(?:de|d['’])(?:{_SP}+|(?<=['’]))(?:{month})(?![\w]))  # « début du mois de juin »
                  | {decade} | (?P<wkend>{lexicons.alternation(weekends) if weekends else "(?!x)x"})
                  | (?P<anaph>{lexicons.alternation(lex.get("anaphor_periods", {}) or ["(?!x)x"])})
                  | {sub_named}"""
            ),
            frozenset(parts_triggers),
        ),
    )
    cue_words = [*lex.get("season_articles", []), *lex.get("season_cues", []), *lex.get("season_before", {})]
    cue_before = rf"(?<![\w\-])(?:{_cased(cue_words, False)})(?:(?<=['’]){_SP}*|{_SP}+)"
    season_cue = re.compile(
        rf"{cue_before}(?:{_cased(needs_cue, False)})(?![\w\-])" if needs_cue and cue_words else "(?!x)x"
    )
    future_words = rf"(?<![\w\-])(?:{lexicons.alternation(lex['future_markers'])})(?![\w\-])"
    endings = lex.get("future_endings", [])
    if endings:  # "s'ouvrira", "se rendra", "fermeront": a verb in the simple future
        not_verbs = _alt(lex.get("future_ending_exceptions", []) or ["(?!x)x"])
        future_words += (
            rf"|(?<![\w\-])(?!(?:{not_verbs})(?![\w\-]))[a-zà-ÿœ]{{2,}}(?:{_alt(endings)})(?![\w\-])"
        )
    future = re.compile(future_words)
    month_nouns = lexicons.alternation(lex.get("month_event_nouns", []) + lex.get("month_quarter_nouns", []))
    intent_alts = [
        rf"(?:{lexicons.alternation(lex.get('intent_verbs', []) or ['(?!x)x'])})"
        rf"{_SP}+(?:\w+{_SP}+){{0,4}}?(?:{_alt(lex.get('infinitive_markers', []) or ['(?!x)x'])})(?=[\s\w])"
    ]
    if lex.get("intent_bare_verbs"):  # « espère l'emporter », « veut se rendre »: an infinitive
        clitics = _alt(lex.get("infinitive_clitics", []) or ["(?!x)x"])
        intent_alts.append(
            rf"(?:{lexicons.alternation(lex['intent_bare_verbs'])}){_SP}+"
            rf"(?:(?:{clitics})(?:(?<=['’])|{_SP}+)){{0,2}}"
            rf"[a-zà-ÿ]{{2,}}(?:{_alt(lex.get('infinitive_endings', []))})(?![\w\-])"
        )
    if lex.get("promise_verbs"):
        # "promised a public meeting on March 20", « a promis une réunion le 20 mars »: what
        # is promised is ahead (not "promised on Tuesday", "promised residents on Monday").
        intent_alts.append(
            rf"(?:{lexicons.alternation(lex['promise_verbs'])}){_SP}+"
            rf"(?:{lexicons.alternation(lex.get('promise_objects', []) or ['(?!x)x'])}){_SP}"
        )
    if lex.get("call_verbs") and lex.get("called_events"):
        # « a appelé à une nouvelle mobilisation le 12 décembre », "called a strike for Monday":
        # the event called for lies ahead (not « a appelé à la retenue dimanche »)
        intent_alts.append(
            rf"(?:{lexicons.alternation(lex['call_verbs'])}){_SP}+"
            rf"(?:(?:{lexicons.alternation(lex.get('called_event_determiners', []) or ['(?!x)x'])})"
            rf"(?:{_SP}+[\w\-]+){{0,2}}?(?:{_SP}+|(?<=['’])))?"  # "a 48-hour", « une grande »
            rf"(?:{lexicons.alternation(lex['called_events'])})(?![\w\-])"
            # English wants "for" right before the date: "called a strike on Monday" is when
            # it was called as often as when it falls, and so is "a strike for higher pay"
            + (rf"{_SP}+(?:{lexicons.alternation(lex['called_event_followers'])})"
               rf"(?={_SP}+(?:[A-Z\d]|next\b|this\b|the\b)|{_SP}*\Z)"  # \Z: the date
               if lex.get("called_event_followers") else "")
        )
    if lex.get("plan_verbs"):  # « les syndicats préparent un défilé le 1er mai »: what is planned
        intent_alts.append(rf"(?:{lexicons.alternation(lex['plan_verbs'])})(?![\w\-])")
    intent = re.compile(rf"(?<![\w\-])(?:{'|'.join(intent_alts)})")
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
    if lex.get("fiscal_year_before"):
        word_triggers = word_triggers | {"fy"}  # "FY24"
    # "four years ago", "il y a une semaine", "dans trois mois": a marker and a unit word.
    markers = [*lex.get("ago_after", []), *lex.get("ahead_after", []), *lex.get("ago_before", []),
               *lex.get("anaphor_after", {}),
               *lex.get("ahead_before", [])]
    ago_markers = lexicons.triggers(markers, common=[w for w in lex.get("common_words", []) if w != "y"])
    year_prep_before = re.compile(
        rf"{_SP}+(?:{_alt(p[::-1] for p in lex['year_prepositions'])})(?![\w\-])", re.I
    )
    before = lex.get("not_weekday_before", [])
    after = lex.get("not_weekday_after", [])
    from claims.extract.dates.words import word_date_pattern  # noqa: PLC0415

    dirs = lex.get("offset_after", {})
    day_offsets = lex.get("offset_day_words", {})
    offset_amounts = lexicons.alternation(lex.get("offset_amounts", {}) or ["(?!x)x"])
    offset_arts = _alt(lex.get("offset_articles", []) or ["(?!x)x"])
    offset_before = (
        re.compile(
            rf"(?<![\w\-])(?P<off>(?:(?P<o_n>{amount}|{offset_amounts}){_SP}+(?P<o_u>{unit_alt})"
            rf"{_SP}+(?P<o_dir>{lexicons.alternation(dirs)})"
            + (rf"|(?P<o_day>{_cased(day_offsets, False)}){_SP}+(?:{_alt(lex.get('offset_day_joins', []))})"
               if day_offsets else "")
            + rf"))(?:{_SP}+(?:{offset_arts})(?:(?<=['’])|(?={_SP}))|(?<=['’]))?{_SP}*$"
        )
        if dirs else None
    )
    now_before = lex.get("now_before", [])
    from claims.extract.number_rules import rules_for  # noqa: PLC0415 - numbers owns addresses
    from claims.extract.numbers import unit_after  # noqa: PLC0415 - numbers owns units

    name_followers = lexicons.alternation(lex.get("year_name_followers", []) or ["(?!x)x"])

    bare_before = lex.get("bare_day_before", [])
    bare_after = lex.get("bare_day_followers", [])
    bare_day = re.compile(
        rf"(?<![\w\-])(?:{lexicons.alternation(bare_before)})(?:(?<=['’])|{_SP}+)"
        rf"(?P<bd>1er|[12]?\d|3[01])(?![\w\-]|{_SP}*(?:\d|[,./]\d|%|°|h\d))"
        rf"(?=[,.;:!?)»”\"]|$|{_SP}+(?:{lexicons.alternation(bare_after)})(?![\w\-]))"
    ) if bare_before else None
    names_before = lex.get("date_name_before", [])
    date_name_before = re.compile(
        rf"(?<![\w\-])(?:{lexicons.alternation(names_before)}){_SP}+[«“\"]?{_SP}*$"
    ) if names_before else None

    return DateRules(
        bare_day=bare_day,
        date_name_before=date_name_before,
        word_dates=word_date_pattern(lex, month, month_n, year),
        offset_before=offset_before,
        range_day_articles=frozenset(lex.get("range_day_articles", [])),
        year_of_after=re.compile(
            rf",?{_SP}+(?:of|de){_SP}+(?P<yo>"
            rf"{lexicons.alternation(k for k, v in lex['relative_periods'].items() if v[0] == 'year')})"
            rf"(?![\w\-])"
        ),
        small_word_after=re.compile(
            rf"{_SP}*(?:[,.;:!?)»”\"]|$)|{_SP}+(?:"
            rf"{lexicons.alternation(lex.get('word_day_followers', []) or ['(?!x)x'], fold_first=False)})"
            rf"(?![\w\-])|{_SP}+\d"
        ),
        offset_dirs={k.lower(): int(v) for k, v in dirs.items()},
        offset_amounts={k.lower(): int(v) for k, v in lex.get("offset_amounts", {}).items()},
        offset_day_words={k.lower(): int(v) for k, v in day_offsets.items()},
        offset_day_after=re.compile(
            rf"{_SP}+(?:{_alt(lex.get('offset_day_joins', []))})(?:(?<=['’])|{_SP}|$)"
        ) if lex.get("offset_day_joins") else None,
        now_before=re.compile(
            rf"(?<![\w\-])(?:{_cased(now_before, False)})"
            rf"(?:{_SP}+(?:{offset_arts})(?:(?<=['’])|(?={_SP})))?{_SP}*$"
        ) if now_before else None,
        set_before=re.compile(
            rf"(?<![\w\-])(?P<set>{_cased(lex.get('set_before', []) or ['(?!x)x'], False)}){_SP}+$"
        ),
        word_year_triggers=frozenset(lex.get("year_word_triggers", [])),
        # Cardinal days are dates only with a year, mostly in words ("May twenty-nine, 1953",
        # "nine March nineteen seventy-four"): the year words trigger those scans.
        word_day_triggers=lexicons.triggers(lex.get("day_ordinal_words", {}), every_word=True),
        day_cards={" ".join(k.lower().split()): int(v) for k, v in lex.get("day_cardinal_words", {}).items()},
        month_tokens=frozenset(w for m in lex["months"] for w in lexicons.letter_tokens(m)),
        day_words={" ".join(k.lower().split()): int(v) for k, v in lex.get("day_ordinal_words", {}).items()},
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
        holidays={k: tuple(v) for k, v in lex.get("holidays", {}).items()},
        named_groups=named_groups,
        season_cue=season_cue,
        season_cue_words=frozenset(w.lower() for w in needs_cue),
        period_ordinals={k.lower(): int(v) for k, v in lex.get("period_ordinals", {}).items()},
        period_units={k.lower(): v for k, v in lex.get("period_units", {}).items()},
        seasons={k.lower(): v for k, v in lex.get("seasons", {}).items()},
        season_relative={
            k.lower(): int(v)
            for k, v in [*lex.get("season_before", {}).items(), *lex.get("season_after", {}).items()]
        },
        season_needs_cue=frozenset(w.lower() for w in lex.get("season_needs_cue", [])),
        century_ordinals={k.lower(): int(v) for k, v in lex.get("century_ordinals", {}).items()},
        decade_words={k.lower(): int(v) for k, v in lex.get("decade_words", {}).items()},
        part_periods=part_periods,
        weekends=weekends,
        period_of_relative={k.lower(): int(v) for k, v in lex.get("period_of_relative", {}).items()},
        week_of=(  # "the week of April 10", "the week beginning March 24": matched backwards
            re.compile(
                rf"{_SP}+(?:(?P<from>{_alt(w[::-1] for w in lex.get('week_from', []) or ['(?!x)x'])})"
                rf"|(?P<wkend>{_alt(w[::-1] for w in lex.get('weekend_of', []) or ['(?!x)x'])})"
                rf"|{_alt(w[::-1] for w in lex['week_of'])})(?![\w\-])",
                re.I,
            )
            if lex.get("week_of") else None
        ),
        anaphor_after={k.lower(): int(v) for k, v in lex.get("anaphor_after", {}).items()},
        after_words=frozenset(k.lower() for k in lex.get("anaphor_after", {})),
        anaphor_periods={k.lower(): (v[0], int(v[1])) for k, v in lex.get("anaphor_periods", {}).items()},
        anaphoric_days=frozenset(w.lower() for w in lex.get("anaphoric_days", [])),
        sub_before=sub_before,
        reported_future=_reported_future(lex),
        generic_month=re.compile(
            rf"(?<![\w\-])(?:{_cased(lex.get('generic_month_before', []) or ['(?!x)x'], False)})"
            rf"(?:{_SP}+|(?<=['’]))$"
        ),
        weekday_day_after=re.compile(
            rf"{_SP}*(?:[,.;:)!?»”\"]|$)|{_SP}+"
            rf"(?:{lexicons.alternation(lex.get('weekday_day_followers', []) or ['(?!x)x'])})(?![\w\-])"
        ),
        weekday_week=re.compile(
            rf"{_SP}+(?:(?:{lexicons.alternation(lex.get('weekday_week_joins', []) or ['(?!x)x'])}){_SP}+)?"
            rf"(?P<ww>{_cased([k for k, v in lex['relative_periods'].items() if v[0] == 'week'], False)})"
            r"(?![\w\-])"
        ),
        sub_ordinals={k.lower(): int(v) for k, v in lex.get("sub_period_ordinals", {}).items()},
        sub_units={k.lower(): v for k, v in lex.get("sub_period_units", {}).items()},
        lowercase_verbs=frozenset(lex.get("months_lowercase_verbs", [])),
        lowercase_cues=frozenset(lex.get("months_lowercase_cues", [])),
        noun_markers=frozenset(w.lower() for w in lex.get("future_markers_as_nouns", [])),
        before_markers=frozenset(w.lower() for w in lex.get("future_markers_before_only", [])),
        noun_marker_before=frozenset(w.lower() for w in lex.get("future_noun_before", [])),
        number_months=frozenset(lex.get("months_number_words", [])),
        approx_amounts={k.lower(): int(v) for k, v in lex.get("approximate_nouns", {}).items()},
        halves_alone=frozenset(w.lower() for w in lex.get("halves_without_year", [])),
        street_after=rules_for(lang).street,
        address_preps=frozenset(w.lower() for w in lex.get("year_address_prepositions", [])),
        name_before=re.compile(
            rf"(?:^|(?<=[\s\u00a0\u202f]))(?P<lead>[a-zà-ÿ][\w’'\-]*|[A-ZÀ-Þ][a-zà-ÿ]{{0,2}}){_SP}+"
            rf"(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+){_SP}+$"
        ),
        name_after=re.compile(
            rf"{_SP}*(?:[,.;:!?)»”\"]|$)|{_SP}+(?:{name_followers})(?![\w\-])"
        ),
        name_keeps=frozenset(lex.get("year_name_keeps", [])),
        weekday_anaphor_before=re.compile(
            rf"(?<![\w\-])(?P<wa>{_cased(lex['weekday_anaphor_before'], False)}){_SP}+$"
        ) if lex.get("weekday_anaphor_before") else None,
        weekday_anaphor_after=re.compile(
            rf"{_SP}+(?P<wa>{lexicons.alternation(lex['weekday_anaphor_after'])})(?![\w\-])"
        ) if lex.get("weekday_anaphor_after") else None,
        weekday_anaphor=_steps(lex, "weekday_anaphor"),
        period_anaphoric=frozenset(w.lower() for w in lex.get("period_anaphoric", [])),
        until_before=re.compile(
            rf"(?<![\w\-])(?:{_cased(lex['until_before'], False)})(?:(?<=['’])|{_SP}+)"
            rf"(?:(?:{_alt(lex.get('until_articles', []) or ['(?!x)x'])})(?:(?<=['’])|{_SP}+))?$"
        ) if lex.get("until_before") else None,
        until_past=re.compile(
            rf"(?<![\w\-])(?:{lexicons.alternation(lex['until_past_verbs'])})(?![\w\-])"
        ) if lex.get("until_past_verbs") else None,
        until_lead=re.compile(
            rf"(?:{_cased(lex['until_before'], False)})(?:(?<=['’])|{_SP}+)"
        ) if lex.get("until_before") else None,
        until_past_state=_until_past_state(lex.get("until_past_state")),
        vague_amounts=frozenset(" ".join(w.lower().split()) for w in vague),
        event_days={k: date.fromisoformat(v) for k, v in lex.get("event_days", {}).items()},
        before_christ=(
            re.compile(rf"{_SP}+(?:{_alt(lex['before_christ'])})") if lex.get("before_christ") else None
        ),
        period_relative=_steps(lex, "period_relative"),
        reference=_reference(lex) if lex.get("reference_dates") else None,
        reference_triggers=lexicons.triggers(
            lex.get("reference_dates", []), common=lex.get("common_words", [])
        ),
        reference_offset=re.compile(
            rf"(?<![\w\-])(?:{_alt([*units, *lex.get('reference_offset_units', [])])}){_SP}+"
            rf"(?:{_alt(lex['reference_offset_before'])}){_SP}+$", re.I
        ) if lex.get("reference_offset_before") else None,
        reference_participles={
            "forms": frozenset(w.lower() for w in lex.get("reference_participles", {}).get("forms", [])),
            "before": re.compile(
                rf"(?<![\w\-])(?:{_cased(lex['reference_participles']['not_before'], False)}){_SP}+$"
            ),
            "after": re.compile(
                rf"{_SP}+(?:{_alt(lex['reference_participles']['not_after'])})(?![\w\-])"
            ),
        } if lex.get("reference_participles") else None,
        participle_before=_participle_before(lex.get("date_past_participles")),
        copula_before=(
            re.compile(rf"(?<![\w\-])(?:{_alt(lex['copula_ahead'])}){_SP}+(?:on{_SP}+)?$", re.I)
            if lex.get("copula_ahead") else None
        ),
        period_alone=_period_alone(lex),
        period_alone_units={k.lower(): v for k, v in lex.get("period_alone", {}).get("units", {}).items()},
        period_alone_triggers=lexicons.triggers(lex.get("period_alone", {}).get("units", {})),
        period_alone_needs_reference=frozenset(
            w.lower() for w in lex.get("period_alone", {}).get("need_reference", [])
        ),
        period_alone_only_after={
            k.lower(): frozenset(p.lower() for p in v)
            for k, v in lex.get("period_alone", {}).get("only_after", {}).items()
        },
        period_ended=re.compile(
            rf"(?<![\w\-])(?:(?:{_cased(lex['period_ended']['articles'], False)})(?:(?<=['’])|{_SP}+))?"
            rf"(?P<pe_u>{_alt(lex['period_ended']['units'])}){_SP}+"
            rf"(?:{_alt(lex['period_ended']['joins'])}){_SP}+$"
        ) if lex.get("period_ended") else None,
        period_ended_months={k.lower(): v for k, v in lex.get("period_ended", {}).get("units", {}).items()},
        month_noun=re.compile(
            rf"{_SP}+(?P<mn>{month_nouns})(?![\w\-])"
        ) if lex.get("month_event_nouns") else None,
        month_noun_before=re.compile(
            rf"(?<![\w\-])(?:{_cased(lex['month_noun_before'], False)}){_SP}+$"
        ) if lex.get("month_noun_before") else None,
        month_quarter_nouns=frozenset(w.lower() for w in lex.get("month_quarter_nouns", [])),
    )
