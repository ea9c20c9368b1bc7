"""The patterns and word lists of the quantity finder, built once per language from its lexicon.

`rules_for(lang)` compiles the number (digits in every news form, written-out numbers, ordinals,
multipliers), the comparators before and after it, the units, currencies and counted nouns,
fractions and vague plurals; `Found` is what the finder returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from claims.extract import lexicons

__all__ = ["Found", "NumberRules", "rules_for"]

_SP = lexicons.SPACE
# A noun's possessive before a rank ("the city's first"), not a pronoun's contraction
# ("it's first"), nor a period ("the company's first quarter").
_POSSESSIVE_S = (
    r"|(?<![\w\-’'])(?!(?i:it|that|what|there|here|he|she|who|let|where)['’]s)[^\W\d_]+['’]s"
    r"(?=[ \u00a0]+(?:first|second)[ \u00a0]+(?!(?:quarter|half)(?![\w\-])))"
)
_UPPER_NAME = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"


@dataclass(slots=True)
class Found:
    """A quantity found in the text; `start`/`end` cover comparator, number and unit."""

    value: float
    comparator: str
    unit: str
    start: int
    end: int
    core_start: int
    core_end: int
    fraction: bool = False
    """A share ("a third of", « la moitié des »): its counted noun may come after a number."""
    mult: float = 1.0
    """The multiplier written after the number ("million", "Md"), 1 when none."""


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class NumberRules:
    lang: str
    digits: re.Pattern[str]
    currency_before: re.Pattern[str]
    core: re.Pattern[str]
    core_fraction: re.Pattern[str]
    fraction_words: frozenset[str]
    word_triggers: frozenset[str]
    # « plus d’une heure », « moins d’un an »: a lone "one" after a comparator is a count, so
    # the word scan also runs where both occur.
    lone_after_comparator: frozenset[str]
    comparator_one: re.Pattern[str] | None
    comparator: re.Pattern[str]
    comparators: dict[str, str]
    comparator_gap: re.Pattern[str] | None
    """A day word between a verb comparator and its article, on the reversed text (« a dépassé
    mardi les 2 euros »): what is left before it is matched against the comparators again."""
    unit: re.Pattern[str]
    noun: re.Pattern[str]
    range_sep: re.Pattern[str]
    range_open: re.Pattern[str]
    multipliers: dict[str, float]
    currencies: dict[str, str]
    symbol_chars: frozenset[str]
    approximate: dict[str, float]
    approximate_comparator: str
    vague: dict[str, float]
    ordinals: dict[str, int]
    ordinal_endings: dict[str, int]
    lone_skip: frozenset[str]
    noun_skip: frozenset[str]
    articles: frozenset[str]
    after_comparator: re.Pattern[str]
    after_comparators: dict[str, str]
    next_word: re.Pattern[str]
    fractions: dict[str, int]
    ordinal_names: frozenset[str]
    lone_counted: frozenset[str]
    lone_noun_skip: frozenset[str]
    lone_noun_keep_before: frozenset[str]
    lone_units_before_position: frozenset[str]
    lone_not_after: frozenset[str]
    hyphen_unit: re.Pattern[str]
    unit_words: frozenset[str]
    name_not_before: frozenset[str]
    """Capitalised words before a number that are no name it belongs to: function words opening
    a sentence, months, weekdays (« Sur 340 votants », "March 12")."""
    ratio: re.Pattern[str] | None
    ago_one: re.Pattern[str] | None
    ago_words: frozenset[str]
    code_word: re.Pattern[str] | None
    number_words: frozenset[str]
    ratio_joins: frozenset[str]
    phone: re.Pattern[str]
    code_before: re.Pattern[str]
    not_code: frozenset[str]
    street: re.Pattern[str]
    clock_after: re.Pattern[str]
    clock_before: re.Pattern[str]
    age_before: re.Pattern[str]
    age_apposition: re.Pattern[str]
    age_copula: re.Pattern[str] | None
    age_unit: str
    attached_units: dict[str, str]
    and_half: re.Pattern[str]
    score_words: re.Pattern[str]
    change_before: re.Pattern[str]
    rank_ordinals: dict[str, int]
    rank_words: frozenset[str]
    change_by_verbs: frozenset[str]
    rank: re.Pattern[str]
    rank_verbs: frozenset[str]
    adjectives_alone: frozenset[str]
    name_number: re.Pattern[str]
    """A capitalised word after an article or a preposition, right before a number that counts
    nothing: « la Ligue 1 », "won the Formula 1" (the number is part of the name)."""
    """Adjectives of a counted noun that count by themselves with no noun after (« d’autres »)."""
    bare_article: re.Pattern[str]
    noun_adjectives: frozenset[str]
    """Adjectives a counted noun may follow ("the country's largest meatpackers")."""
    noun_skip_endings: tuple[str, ...]
    """Endings of words that are no counted noun (« la moitié avaient »: a verb)."""
    not_counted: frozenset[str]
    """Adjectives standing for a noun left out (« dont 14 mortels », « dont deux ferme »)."""
    duration_comparators: frozenset[str]
    """Comparators that spread an amount over a period after it ("$3bn over five years")."""
    duration_not_after: frozenset[str]
    """Words before such a comparator that make it one again ("for over five years")."""
    time_units: frozenset[str]
    share_links: frozenset[str]
    """Words linking a share to what it counts ("one in eight of its workforce")."""
    verb_endings: tuple[str, ...]
    """Endings of a verb right after a number, where no noun is counted (« un tiers provenait »)."""
    verbs_after_count: frozenset[str]
    """Verbs that may follow a share standing alone ("two in five do", "one in 20 stopped")."""
    article_ordinal: re.Pattern[str] | None
    possessive_rank: re.Pattern[str] | None
    """ "a second factory": an ordinal after an indefinite article, before the noun it ranks."""
    article_ordinal_words: frozenset[str] = frozenset()
    """The ordinals `article_ordinal` takes ("second", « seconde »), to skip its scan."""
    service_before: re.Pattern[str] | None = None
    """ "call 112", « composer le 17 »: the number dialled, no quantity."""
    comparator_one_unit: re.Pattern[str] | None = None
    """ "a year", "an hour": "a" before a unit of time, one of it after a comparator ("more than a
    year", "within a week")."""
    comparator_one_units: frozenset[str] = frozenset()
    timetable_before: re.Pattern[str] | None = None
    """ « le train de 7 h 12 »: a time of day after a noun of a timetable and « de »."""
    change_object: re.Pattern[str] | None = None
    """ "raise the pension age from 66 to 67", « porter l’âge légal de 64 à 65 ans »: a verb of change
    and its object before "from", « de »: two values, not a range."""


@cache
def rules_for(lang: str) -> NumberRules:
    lex: dict[str, Any] = lexicons.load(lang)
    alt = lexicons.alternation
    multipliers = {k: float(v) for k, v in lex["multipliers"].items()}
    long_mult = [m for m in multipliers if len(m) > 2]
    short_mult = [m for m in multipliers if len(m) <= 2]
    currencies = dict(lex["currency_words"])
    symbols = [c for c in currencies if not c.isalpha()]
    # "5 M€": a short multiplier before a currency sign (the signs' marks, not the letters of a
    # name such as « livres sterling »: "300 kilos" is no 300 k).
    symbol_marks = "".join(re.escape(c) for c in sorted({c for s in symbols for c in s if not c.isalnum()}))
    words = lex["number_words"]
    word = rf"(?:{lexicons.alternation(words)})"
    articles = lex["number_articles"]
    ordinal_suffix = _alt(lex["ordinal_suffixes"])
    # Digits first: the pattern starts with \d so the regex engine skips ahead to digits.
    digits = re.compile(
        rf"""(?x)
        (?P<num>\d(?<![\w.,/]\d)(?<![^\W\d_][\-−]\d)
            (?:\d{{0,2}}(?:{_SP}\d{{3}})+(?!\d)(?:[.,]\d+)?|\d*(?:[.,]\d+)*))
        (?:
            (?P<ord>{ordinal_suffix})(?!\w)
          | {_SP}?(?P<mult>{_alt(long_mult)})(?!\w)
          | (?P<smult>{_alt(short_mult)})(?!\w)
          | {_SP}(?P<smult2>{_alt(short_mult)})(?=[{symbol_marks}])
        )?
        """
    )
    currency_before = re.compile(rf"(?P<pre>{_alt(symbols)}){_SP}?$")
    fractions = {k.lower(): int(v) for k, v in lex.get("fractions", {}).items()}
    frac_articles = alt(lex.get("fraction_articles", []) or ["(?!x)x"])
    # (a follower elided before a vowel, « d’entre eux », is followed by a word at once)
    followers = lex.get("fraction_followers", [])
    frac_follow = (
        rf"(?:{alt([w for w in followers if w[-1] not in chr(39) + '’'] or ['(?!x)x'])})(?![\w])"
        rf"|(?:{alt([w for w in followers if w[-1] in chr(39) + '’'] or ['(?!x)x'])})"
    )
    # "cut by a third", « réduit de moitié », « baissé d’un quart »: a share with nothing after.
    frac_by = "|".join(
        rf"(?<={re.escape(w)}{_SP})" + (rf"|(?<={re.escape(w)})" if w[-1] in "'’" else "")
        for w in lex.get("fraction_before", [])
    ) or "(?!x)x"
    # "a tenth more than", "a quarter fewer": a share of a comparison, with nothing after it.
    frac_more = alt(lex.get("fraction_comparisons", []) or ["(?!x)x"])
    # « les trois quarts chez », « les deux tiers ont voté »: a share after a number word, in
    # the plural, needs no « de » after it (« un tiers » alone is a third party).
    frac_plural = (
        r"|(?(fword)(?<=s)(?![\w\-])(?P<falone>)|(?!x)x)" if lex.get("fraction_plural_alone") else ""
    )
    fraction = rf"""
        (?<![\w\-])(?P<fby>{frac_by})?(?P<frac>(?:(?P<fnum>{frac_articles}|(?P<fword>{word}))(?:{_SP}+|(?P<fhy>-)))?
            (?P<fden>{alt(fractions) if fractions else "(?!x)x"}))
            (?(fby)(?![\w\-])|(?(fhy)(?![\w\-])|(?:(?={_SP}+(?:{frac_follow}))
                |(?={_SP}+(?:{frac_more})(?![\w])){frac_plural})))
      |"""
    no_fraction = "(?P<fby>(?!x)x)?(?P<frac>(?P<fnum>(?!x)x)(?P<fden>(?!x)x))|"
    # "a four-day week", "a two-hour delay": a count in words before a hyphen and its unit.
    hyphen_units = rf"(?:{alt(u[:-1] for u in lex['units'] if u.isalpha() and u.endswith('s'))})"
    # "the three-judge panel", "a five-member board": a count in words before a hyphen and a
    # lowercase word, then a noun (kept only as `_compound_count` keeps digits, in numbers.py).
    word_compound = r"|[a-z]+[ \u00a0]+[a-z]" if lex.get("word_compound_counts") else ""
    body = rf"""
        (?<![\w\-])(?P<approx>(?:{alt(articles)}){_SP}+(?P<anoun>{alt(lex["approximate_nouns"])}))(?!\w)
      | (?<![\w\-])(?P<vague>(?:(?:{alt(lex["vague_prefixes"])}){_SP}+)?
            (?P<vnoun>{alt(lex["plural_vague"])}))(?!\w)
      | (?<![\w\-])(?P<words>
            (?:(?:{alt(articles)}){_SP}+(?={alt(lex["article_number_words"])}))?
            {word}(?:(?:{_SP}+|-|{_SP}+(?:et|and){_SP}+|-et-){word})*
            (?:(?:{_SP}+|-|{_SP}+(?:et|and){_SP}+|-et-)(?P<wend>{alt(lex["ordinal_endings"])}))?
        )(?![\w])(?!-(?!{hyphen_units}(?:-old)?(?![\w\-]){word_compound}))
      | (?<![\w\-])(?P<ordw>{alt(lex["ordinal_words"])})(?!\w)
        """
    # Two scans: the one with fractions ("a third of") only for sentences that have one.
    core = re.compile("(?x)" + no_fraction + body)
    core_fraction = re.compile("(?x)" + fraction + body)
    word_triggers = (
        lexicons.triggers(words, every_word=True)
        - lexicons.triggers(lex["lone_number_words_skip"], every_word=True)
    ) | lexicons.triggers(
        [*lex["approximate_nouns"], *lex["plural_vague"], *lex["ordinal_words"], *lex["article_number_words"],
         *fractions, *lex.get("lone_counted_words", [])]
    )
    comparators = {k.lower(): v for k, v in lex["comparators"].items()}
    # Matched on the reversed text before a number: one anchored match instead of a search.
    comparator = re.compile(rf"{_SP}*(?P<cmp>{_alt(c[::-1] for c in lex['comparators'])})(?!\w)", re.I)
    units = list(lex["units"]) + list(lex["percent_words"])
    unit = re.compile(
        # (not "l" of « l’an »; "dollars' worth" and "dollar's" keep theirs)
        rf"{_SP}*(?:(?:d['’]|de{_SP}+|of{_SP}+))?(?P<unit>{_alt(units + list(currencies))})"
        r"(?![\w/²³]|['’](?!s\b)[^\W\d_])"
    )
    adjectives = alt(lex.get("counted_noun_adjectives", []), fold_first=False)  # not "Français"
    determiners = alt(lex.get("counted_noun_determiners", []) or ["the"])
    # The counted noun, after "de", "of", a determiner ("8 000 de ces suppressions", "30 of its
    # stores") and an adjective of the lexicon ("12 nouvelles usines").
    noun = re.compile(
        rf"{_SP}+(?:(?:d['’]|de{_SP}+|des{_SP}+|du{_SP}+|of{_SP}+)(?:(?:{determiners})(?:{_SP}+|(?<=['’])))?)?"
        rf"(?:(?P<adj>{adjectives}){_SP}+)?(?P<noun>[^\W\d_][\w’'\-]*)"
    )
    next_word = re.compile(rf"{_SP}+(?P<word>[^\W\d_][\w’'\-]*)")
    after_comparators = {k.lower(): v for k, v in lex.get("comparators_after", {}).items()}
    after_comparator = re.compile(
        # not before a comparison of its own: « 1 500 animaux et plus de 300 000 visiteurs »
        rf"{_SP}+(?P<cmp>{alt(after_comparators) if after_comparators else '(?!x)x'})(?![\w])"
        rf"(?!{_SP}+(?:de|than)(?![\w])|{_SP}+d['’])", re.I
    )
    unit_words = frozenset(u.lower() for u in lex["units"] if u.isalpha())
    # "one in four households", « un Français sur trois »: a share, numerator over denominator.
    # « il y a un an », « voici une semaine »: the article is the count of a relative date.
    ago_one = None
    if lex.get("ago_one_words") and lex.get("ago_before"):
        ago_one = re.compile(
            rf"(?<![\w’'\-])(?:{_alt(lex['ago_before'])}){_SP}+(?P<one>{_alt(lex['ago_one_words'])})"
            rf"{_SP}+(?P<unit>{_alt(lex['relative_units'])})(?![\w\-])",
            re.I,
        )
    ratio = None
    if lex.get("ratio_joins"):
        term = rf"(?:\d{{1,3}}(?![\d.,])|{word})"
        ratio = re.compile(
            # (« une école rurale sur cinq »: an adjective after the noun)
            rf"(?<![\w\-])(?P<rnum>{term})(?:{_SP}+(?P<rnoun>[^\W\d_][\w’'\-]*)(?:{_SP}+[a-zà-ÿœæ][\w\-]*)??)??"
            rf"{_SP}+(?:{_alt(lex['ratio_joins'])}){_SP}+(?P<rden>{term})(?![\w\-])"
            rf"(?:{_SP}+(?P<rafter>[^\W\d_][\w’'\-]*)(?:{_SP}+(?P<rafter2>[^\W\d_][\w’'\-]*))?)?",
            re.I,
        )
    hyphen_unit = re.compile(r"-(?P<unit>[^\W\d_]+)(?:-old)?(?![\w])")
    range_sep = re.compile(rf"{_SP}*(?:à|au|a|et|to|and|-|–|—){_SP}*$", re.I)
    range_open = re.compile(
        rf"(?<!\w)(?:{_alt([p[0] for p in lex.get('range_patterns', [])] or ['de'])}){_SP}*$", re.I
    )
    street_words = alt(lex.get("street_words", []) or ["(?!x)x"], fold_first=False)
    street_lead = rf"(?:[A-Z][\w’'\-]*{_SP}+){{1,3}}" if lex.get("street_names_capitalised") else ""
    clock_before = lex.get("clock_before", [])
    bare_articles = lex.get("bare_number_articles", []) or ["(?!x)x"]
    # ("in the first place", "the first place it would show up", "Well, first place, ...": no rank)
    rank_not_after = "".join(rf"(?<!{re.escape(w)})" for w in lex.get("rank_noun_not_after", []))
    return NumberRules(
        lang=lang,
        # A telephone number: a 0 and 6 to 13 more digits, grouped or not ("0800 555 111",
        # « 0 800 130 000 », "01 23 45 67 89"); never a quantity.
        phone=re.compile(r"(?:\+\d{1,3}[ \u00a0.]?)?0(?:[ \u00a0.\-]?\d){6,13}(?!\d)"),
        # A code before a number names a road, an index or a line ("RN 165", "CAC 40").
        code_before=re.compile(rf"(?<![\w’'])(?P<code>[A-Z]{{1,4}}){_SP}$"),
        not_code=frozenset([*lex["not_names"], *lex["currency_words"], "I", "A", "À"]),
        # A number in an address: "42 Maple Street", « au 12, rue des Lilas », « 3 bis rue ».
        street=re.compile(
            rf",?{_SP}+(?:(?:bis|ter){_SP}+)?{street_lead}(?:{street_words})(?![\w\-])"
        ),
        # A time of day: "2 a.m.", « 3 heures du matin », « vers 15 heures », « 15h30 ».
        clock_after=re.compile(
            rf"{_SP}*(?:{alt(lex.get('clock_after', []) or ['(?!x)x'], fold_first=False)})(?![\w])"
        ),
        clock_before=re.compile(
            rf"(?<![\w])(?:{alt(clock_before) if clock_before else '(?!x)x'}){_SP}+$", re.I
        ),
        age_before=re.compile(
            rf"(?<![\w])(?:{alt(lex.get('age_before', []) or ['(?!x)x'])}){_SP}+$"
        ),
        # "The suspect, 32, appeared": a whole number alone between commas after a word.
        age_apposition=re.compile(r"[^\W\d_][\w’'\-]*,[ \u00a0]$"),
        # "He was 91.", "The youngest victim was 16, and ...", "..., a foreman named Arthur
        # Doyle, was 63": a person's age after a copula (a person's pronoun or noun, or a
        # first name and a surname, before it).
        age_copula=re.compile(
            rf"(?:(?<![\w’'\-])(?i:{alt(lex['age_copula_subjects'])})"
            rf"|(?<![\w’'\-])(?!(?:The|A|An|In|On|At|By|This|That|Last|Next)(?![\w’'\-]))"
            rf"[{_UPPER_NAME}][^\W\d_’'\-]+{_SP}+[{_UPPER_NAME}][^\W\d_’'\-]+,?){_SP}+"
            rf"(?:{alt(lex['age_copulas'])}){_SP}+$"
        ) if lex.get("age_copula_subjects") else None,
        age_unit=lex.get("age_unit", ""),
        attached_units=dict(lex.get("attached_units", {})),
        and_half=re.compile(
            rf"{_SP}+(?:{alt(lex.get('and_half', []) or ['(?!x)x'])})(?![\w])"
        ),
        score_words=re.compile(
            rf"(?<![\w’'])(?:{alt(lex.get('score_words', []) or ['(?!x)x'])})(?![\w’'])", re.I
        ),
        rank_ordinals={k.lower(): int(v) for k, v in lex.get("rank_ordinals", {}).items()},
        rank_words=frozenset(k.lower() for k in lex.get("rank_ordinals", {})),
        # « augmenter de 5 à 10 % » is by 5 to 10 %: a range; « passer de 7 à 8 % » a change.
        change_by_verbs=frozenset(w.lower() for w in lex.get("change_by_verbs", [])),
        # "finished second", "came first": a rank, scanned only when a verb of ranking is there.
        # ("second place", « la première place »: a rank before its noun)
        rank=re.compile(
            rf"(?<![\w\-])(?:(?:{alt(lex.get('rank_verbs', []) or ['(?!x)x'])}){_SP}+"
            rf"(?P<rankw>{alt(lex.get('rank_ordinals', {}) or ['(?!x)x'])})(?!\w)"
            rf"|{rank_not_after}(?P<rankn>{alt(lex.get('rank_ordinals', {}) or ['(?!x)x'])})(?:{_SP}+|-)"
            rf"(?:{alt(lex.get('rank_nouns', []) or ['(?!x)x'])})(?![\w\-]))"
        ),
        rank_verbs=frozenset(
            w.lower() for w in [*lex.get("rank_verbs", []), *lex.get("rank_nouns", [])]
        ),
        name_number=re.compile(
            rf"(?<![\w’'])(?:{alt(lex.get('name_number_before', []) or ['(?!x)x'], fold_first=False)})"
            rf"(?:{_SP}+|(?<=['’]))(?!(?:{alt(lex.get('months', {}) or ['(?!x)x'])})(?!\w))"
            rf"[{_UPPER_NAME}][^\W\d_]+{_SP}$"
        ),
        adjectives_alone=frozenset(w.lower() for w in lex.get("counted_adjectives_alone", [])),
        # « Le 115 a reçu »: a number right after a singular article, counting nothing, names a
        # service or a line.
        bare_article=re.compile(
            rf"(?<![\w’'])(?:{alt(bare_articles, fold_first=False)}){_SP}+$"
        ),
        change_before=re.compile(
            rf"(?<![\w])(?P<verb>{alt(lex.get('change_verbs', []) or ['(?!x)x'])})"
            rf"(?:{_SP}+[^\W\d_]+)?{_SP}+$"
        ),
        noun_adjectives=frozenset(w.lower() for w in lex.get("counted_noun_adjectives", [])),
        noun_skip_endings=tuple(lex.get("counted_noun_skip_endings", [])),
        not_counted=frozenset(w.lower() for w in lex.get("adjectives_not_counted", [])),
        duration_comparators=frozenset(w.lower() for w in lex.get("duration_comparators", [])),
        duration_not_after=frozenset(w.lower() for w in lex.get("duration_not_after", [])),
        time_units=frozenset(w.lower() for w in lex.get("relative_units", {})),
        share_links=frozenset(w.lower() for w in lex.get("share_links", [])),
        verb_endings=tuple(lex.get("counted_noun_verb_endings", [])),
        verbs_after_count=frozenset(w.lower() for w in lex.get("verbs_after_count", [])),
        article_ordinal=re.compile(
            rf"(?<![\w\-])(?:{alt(lex['article_ordinal_articles'])}){_SP}+"
            rf"(?P<ord>{alt(lex['article_ordinals'])}){_SP}+(?=(?P<next>[a-z][\w\-]*))",
            re.I,
        ) if lex.get("article_ordinals") else None,
        # "her first Grand Slam title", « son premier but »: a rank after a possessive.
        # ("the city's first Latina mayor": after a noun's "'s" too, not "it's", nor a
        # period, "the company's first quarter").
        possessive_rank=re.compile(
            rf"(?:(?<![\w\-])(?:{alt(lex['rank_possessives'])})"
            rf"{_POSSESSIVE_S if lex.get('rank_possessive_s') else ''}){_SP}+"
            rf"(?P<ord>{alt(lex['rank_ordinals'])})"
            rf"(?!{_SP}+(?:{alt(lex.get('rank_possessive_not_before', []) or ['(?!x)x'])})(?![\w\-]))"
            rf"(?={_SP}+[^\W\d_]|{_SP}*[,.])"
        ) if lex.get("rank_possessives") else None,
        article_ordinal_words=frozenset(w.lower() for w in lex.get("article_ordinals", {})),
        service_before=re.compile(
            rf"(?<![\w’'])(?:{alt(lex['service_number_before'])}){_SP}+$", re.I
        ) if lex.get("service_number_before") else None,
        # (the comparator before it is matched on the reversed text, as before a number)
        comparator_one_unit=re.compile(
            rf"(?<![\w’'\-])(?P<one>[Aa]n?){_SP}+(?P<unit>{alt(lex['comparator_one_units'])})(?![\w\-])"
        ) if lex.get("comparator_one_units") else None,
        comparator_one_units=frozenset(lex.get("comparator_one_units", [])),
        timetable_before=re.compile(
            rf"(?<![\w’'])(?:{alt(lex['timetable_nouns'], fold_first=False)})"
            rf"(?:{_SP}+[{_UPPER_NAME}][\w\-]*)?{_SP}+de{_SP}+$"
        ) if lex.get("timetable_nouns") else None,
        change_object=re.compile(
            rf"(?<![\w’'])(?:{alt(lex['change_object_verbs'])}){_SP}+"
            rf"(?:l['’]|la{_SP}|le{_SP}|les{_SP}|the{_SP}|its{_SP}|their{_SP})[^,;.:\d«»“”()]{{0,60}}$",
            re.I,
        ) if lex.get("change_object_verbs") else None,
        digits=digits,
        currency_before=currency_before,
        core=core,
        core_fraction=core_fraction,
        fraction_words=frozenset(fractions),
        word_triggers=word_triggers,
        lone_after_comparator=frozenset(lex.get("lone_after_comparator", [])),
        comparator_one=re.compile(
            rf"(?<![\w])(?:{alt([c for c in lex['comparators'] if c[-1] in chr(39) + '’'])})"
            rf"(?:{alt(lex['lone_after_comparator'])})(?![\w])", re.I
        ) if lex.get("lone_after_comparator") else None,
        comparator=comparator,
        comparator_gap=re.compile(
            rf"{_SP}*(?:{_alt(a[::-1] for a in lex['comparator_gaps']['articles'])}){_SP}+"
            rf"(?:{_alt(w[::-1] for w in lex['comparator_gaps']['words'])})(?!\w)",
            re.I,
        ) if lex.get("comparator_gaps") else None,
        comparators=comparators,
        unit=unit,
        noun=noun,
        range_sep=range_sep,
        range_open=range_open,
        multipliers=multipliers,
        currencies=currencies,
        symbol_chars=frozenset("".join(symbols)),
        approximate={k.lower(): float(v) for k, v in lex["approximate_nouns"].items()},
        approximate_comparator=lex.get("approximate_comparator", "~"),
        vague={k.lower(): float(v) for k, v in lex["plural_vague"].items()},
        ordinals={k.lower(): int(v) for k, v in lex["ordinal_words"].items()},
        ordinal_endings={k.lower(): int(v) for k, v in lex["ordinal_endings"].items()},
        lone_skip=frozenset(w.lower() for w in lex["lone_number_words_skip"]),
        noun_skip=frozenset(w.lower() for w in lex["counted_noun_skip"]),
        articles=frozenset(w.lower() for w in articles),
        after_comparator=after_comparator,
        after_comparators=after_comparators,
        next_word=next_word,
        fractions=fractions,
        ordinal_names=frozenset(lex.get("ordinal_name_nouns", [])),
        lone_counted=frozenset(w.lower() for w in lex.get("lone_counted_words", [])),
        lone_noun_skip=frozenset(
            w.lower() for w in [*lex.get("lone_counted_noun_skip", []), *lex["counted_noun_skip"]]
        ),
        lone_not_after=frozenset(w.lower() for w in lex.get("lone_counted_not_after", [])),
        lone_noun_keep_before=frozenset(w.lower() for w in lex.get("lone_counted_noun_keep_before", [])),
        lone_units_before_position=frozenset(
            w.lower() for w in lex.get("lone_counted_units_before_position", [])
        ),
        hyphen_unit=hyphen_unit,
        unit_words=unit_words,
        name_not_before=frozenset(
            w.lower()
            for w in [
                *lex["function_words"], *lex.get("sentence_starters", []), *lex["months"],
                *lex["weekdays"], *lex.get("articles", []), *lex.get("time_before", []),
                *lex.get("year_prepositions", []), *lex.get("comparators", {}),
            ]
        ),
        ratio=ratio,
        ago_one=ago_one,
        ago_words=frozenset(
            w for phrase in lex.get("ago_before", []) for w in lexicons.letter_tokens(phrase)[-1:]
        ),
        # "a Category 4 storm", « l’article 49 »: a number naming a class, a rule, a flight.
        code_word=re.compile(
            rf"(?:(?<![\w\-])(?:{alt(lex['code_words'])}){_SP}+(?:n°{_SP}*)?|(?<![\w\-])n°{_SP}*)$"
        ) if lex.get("code_words") else None,
        number_words=frozenset(w.lower() for w in lex["number_words"]),
        ratio_joins=frozenset(w for join in lex.get("ratio_joins", []) for w in join.split()[:1]),
    )
