"""Days and years written in words: "the twenty-first of May", "May first", « le premier mai
», « le vingt et un juin », "in two thousand and nine", "nineteen ninety-six", « en deux mille
neuf », « mil neuf cent soixante-douze ».

`word_dates(rules)` is one pattern (built once per language, scanned only in sentences holding
a day word and a month, or a word that starts a year); `word_year(phrase, lang)` reads a year
in words, None when the words are no year ("two thousand troops" is checked by the finder).
"""

from __future__ import annotations

import re
from typing import Any

from claims.extract import lexicons

__all__ = ["word_date_pattern", "word_year"]

_SP = lexicons.SPACE
_SPLIT = re.compile(r"[-\s\u00a0\u202f]+")
_EN_CENTURIES = {
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}


def _number(words: list[str], lang: str) -> int | None:
    from text_to_num import text2num  # type: ignore[import-untyped]  # noqa: PLC0415

    if not words:
        return None
    try:
        return int(text2num(" ".join(words), lang))
    except (ValueError, TypeError):
        return None


def word_year(phrase: str, lang: str) -> int | None:
    """The year `phrase` writes in words (1600 to 2099), or None: "two thousand and nine" 2009, "nineteen
    ninety-six" 1996, "nineteen hundred and five" 1905, "nineteen oh five" 1905, "twenty
    twenty-four" 2024; « deux mille neuf » 2009, « mil neuf cent quatre-vingt-quinze » 1995."""
    tokens = [t for t in _SPLIT.split(phrase.lower().strip()) if t and t not in ("and", "et")]
    if len(tokens) < 2:
        return None
    value: int | None
    if lang == "en":
        if "thousand" in tokens:
            value = _number(tokens, lang)
        elif "hundred" in tokens:
            i = tokens.index("hundred")
            century = _number(tokens[:i], lang)
            rest = _number(tokens[i + 1 :], lang) if tokens[i + 1 :] else 0
            if century is None or rest is None or not 10 <= century <= 20 or rest > 99:
                return None
            value = century * 100 + rest
        else:
            century = _EN_CENTURIES.get(tokens[0])
            rest_words = tokens[1:]
            if century is None:
                return None
            if rest_words[0] == "oh":
                rest = _number(rest_words[1:], lang)
                if rest is None or not 1 <= rest <= 9:
                    return None
            else:
                rest = _number(rest_words, lang)
                if rest is None or not 10 <= rest <= 99:
                    return None
            value = century * 100 + rest
    else:
        if not {"mille", "mil", "cent", "cents"} & set(tokens):
            return None
        value = _number(tokens, lang)
    if value is None or not 1600 <= value <= 2099:
        return None  # as years in digits; "thirteen hundred and twenty" missiles is a count
    return value


def word_date_pattern(lex: dict[str, Any], month: str, month_n: str, year: str) -> re.Pattern[str] | None:
    """Days and years in words (see the module); `month` is the case-checked month name,
    `month_n` the one that may be in lower case beside a day, `year` four digits."""
    days = lex.get("day_ordinal_words", {})
    year_words = lex.get("year_words", [])
    if not days or not year_words:
        return None
    day = lexicons.alternation(days)
    yw = lexicons.alternation(year_words)
    yand = lexicons.alternation(lex.get("year_words_and", []) or ["(?!x)x"])
    wyear = rf"(?:{yw})(?:(?:-|{_SP}+(?:(?:{yand}){_SP}+)?)(?:{yw}))+"
    arts = lexicons.alternation(lex.get("word_day_articles", []) or ["(?!x)x"])
    of = lex.get("word_day_of", [])
    day_month = rf"{_SP}+(?:{lexicons.alternation(of)}){_SP}+" if of else rf"{_SP}+"
    followers = lexicons.alternation(lex.get("word_day_followers", []) or ["(?!x)x"], fold_first=False)
    # What may follow a day or a year in words: the end of a clause, a digit, a capital, or a
    # small word ("May second round" is no date; "on May first in Paris" is).
    after = rf"(?=[,.;:!?)»”\"]|$|{_SP}+(?:{followers})(?![\w\-])|{_SP}*\d|{_SP}+[A-ZÀ-Ý])"
    before = lexicons.alternation(lex.get("year_words_before", []) or ["(?!x)x"])
    of_year = rf"(?:,?{_SP}+(?:(?:of|de){_SP}+)?(?P<wt_y>{year}|(?P<wt_wy>{wyear})))?"
    month_first = ""
    if of:  # English also writes the month first: "May twenty-first", "June the 28th"
        month_first = rf"""
          | (?P<wt_m2>{month}){_SP}+(?:(?:the){_SP}+(?P<wt_dd>[12]?\d|3[01])(?:st|nd|rd|th)|(?P<wt_d2>{day}))
            (?:,?{_SP}+(?P<wt_y2>{year}|(?P<wt_wy2>{wyear})))?{after}"""
    cards = lex.get("day_cardinal_words", {})
    cardinal = "(?!x)x"
    if cards:  # "May twenty-nine, 1953", "twenty five January nineteen eighty-six": only with a
        # year ("In May two people died" is no date)
        card = lexicons.alternation(cards)
        # not "October two thousand and five" (a year), but "January twenty five nineteen eighty-six"
        not_more = rf"(?!(?:{_SP}+|-)(?:thousand|hundred)(?![\w]))"
        cardinal = rf"""(?P<wcard>(?:(?:(?P<wc_m>{month}){_SP}+(?P<wc_d>{card}){not_more}
              |(?P<wc_d2>{card}){_SP}+(?P<wc_m2>{month_n})),?{_SP}+(?P<wc_y>{year}|(?P<wc_wy>{wyear}))
              |(?P<wc_dd>[12]?\d|3[01])(?:st|nd|rd|th)?{_SP}+(?P<wc_m3>{month_n}),?{_SP}+(?P<wc_wy3>{wyear}))
              (?![\w\-]|{_SP}+(?:{yw})(?![\w\-])){after})"""
    day_alone = "(?!x)x"
    # Not the first day of a range ("from the 3rd to the 10th of September").
    joins = lexicons.alternation([*lex.get("range_joins", []), *lex.get("day_range_joins", [])] or ["(?!x)x"])
    if lex.get("day_alone_before"):  # "on the 10th": the 10th of the month the clause points to
        day_alone = rf"""(?P<wdom>(?:{lexicons.alternation(lex["day_alone_before"])}){_SP}+
            (?P<wdm>the{_SP}+(?P<wdm_n>[12]?\d|3[01])(?:st|nd|rd|th))
            (?!{_SP}+(?:of(?![\w\-])|{month_n}))(?!{_SP}*\d)
            (?!{_SP}*(?:[-–]|(?:{joins}){_SP}+)(?:the{_SP}+)?\d){after})"""
    return re.compile(
        rf"""(?x)(?<![\w\-])(?:
            {day_alone} | {cardinal} |
            (?P<wdate>(?:(?P<wt_art>{arts}){_SP}+)?(?P<wt_d>{day}){day_month}(?P<wt_m>{month_n}){of_year}
              {month_first})
          | (?P<wmy>(?P<wm_m>{month_n}),?{_SP}+(?:(?:of|de){_SP}+)?(?P<wm_y>{wyear}){after})
          | (?P<wyear>(?:{before})(?:(?<=['’])|{_SP}+)(?:(?:the{_SP}+year|l['’]an|l['’]année){_SP}+)?
                (?P<wy>{wyear}){after})
        )(?![\w\-])"""
    )
