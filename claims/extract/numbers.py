"""Quantities in news text: the number, how it compares, and what it counts.

Finds digits in every news form (500; 1 000 with a space, U+00A0 or U+202F; 1,000; 3,5 %;
12 millions d'euros; 2 000 000 000 €; $1.2 billion; 125 km/h), written-out numbers (through
text2num, plus what it lacks: un millier, des milliers, une vingtaine, a dozen, thousands),
ordinals (27e, sixième, sixth), the comparator in front (plus de -> '>', au moins -> '>=',
près de -> '~', ...), ranges as two bounds (de 1 000 à 4 000) and the unit or counted noun
after. Every phrase list comes from the language's lexicon.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from text_to_num import text2num  # type: ignore[import-untyped]

from claims.extract import lexicons

_SP = r"[ \u00a0\u202f]"


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


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Rules:
    lang: str
    digits: re.Pattern[str]
    currency_before: re.Pattern[str]
    core: re.Pattern[str]
    word_triggers: frozenset[str]
    comparator: re.Pattern[str]
    comparators: dict[str, str]
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


@cache
def _rules(lang: str) -> _Rules:
    lex: dict[str, Any] = lexicons.load(lang)
    alt = lexicons.alternation
    multipliers = {k: float(v) for k, v in lex["multipliers"].items()}
    long_mult = [m for m in multipliers if len(m) > 2]
    short_mult = [m for m in multipliers if len(m) <= 2]
    currencies = dict(lex["currency_words"])
    symbols = [c for c in currencies if not c.isalpha()]
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
        )?
        """
    )
    currency_before = re.compile(rf"(?P<pre>{_alt(symbols)}){_SP}?$")
    core = re.compile(
        rf"""(?x)
        (?<![\w\-])(?P<approx>(?:{alt(articles)}){_SP}+(?P<anoun>{alt(lex["approximate_nouns"])}))(?!\w)
      | (?<![\w\-])(?P<vague>(?:(?:{alt(lex["vague_prefixes"])}){_SP}+)?
            (?P<vnoun>{alt(lex["plural_vague"])}))(?!\w)
      | (?<![\w\-])(?P<words>
            (?:(?:{alt(articles)}){_SP}+(?={alt(lex["article_number_words"])}))?
            {word}(?:(?:{_SP}+|-|{_SP}+(?:et|and){_SP}+|-et-){word})*
            (?:(?:{_SP}+|-|{_SP}+(?:et|and){_SP}+|-et-)(?P<wend>{alt(lex["ordinal_endings"])}))?
        )(?![\w\-])
      | (?<![\w\-])(?P<ordw>{alt(lex["ordinal_words"])})(?!\w)
        """
    )
    word_triggers = (
        lexicons.triggers(words, every_word=True)
        - lexicons.triggers(lex["lone_number_words_skip"], every_word=True)
    ) | lexicons.triggers(
        [*lex["approximate_nouns"], *lex["plural_vague"], *lex["ordinal_words"], *lex["article_number_words"]]
    )
    comparators = {k.lower(): v for k, v in lex["comparators"].items()}
    # Matched on the reversed text before a number: one anchored match instead of a search.
    comparator = re.compile(rf"{_SP}*(?P<cmp>{_alt(c[::-1] for c in lex['comparators'])})(?!\w)", re.I)
    units = list(lex["units"]) + list(lex["percent_words"])
    unit = re.compile(
        rf"{_SP}*(?:(?:d['’]|de{_SP}+|of{_SP}+))?(?P<unit>{_alt(units + list(currencies))})(?![\w/²³])"
    )
    adjectives = alt(lex.get("counted_noun_adjectives", []))
    noun = re.compile(
        rf"{_SP}+(?:(?:d['’]|de{_SP}+|des{_SP}+|of{_SP}+(?:the{_SP}+)?))?"
        rf"(?:(?:{adjectives}){_SP}+)?(?P<noun>[^\W\d_][\w’'\-]*)"
    )
    range_sep = re.compile(rf"{_SP}*(?:à|au|a|et|to|and|-|–|—){_SP}*$", re.I)
    range_open = re.compile(
        rf"(?<!\w)(?:{_alt([p[0] for p in lex.get('range_patterns', [])] or ['de'])}){_SP}*$", re.I
    )
    return _Rules(
        lang=lang,
        digits=digits,
        currency_before=currency_before,
        core=core,
        word_triggers=word_triggers,
        comparator=comparator,
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
    )


_NO_SPACES = str.maketrans("", "", " \u00a0\u202f")


def parse_digits(num: str, lang: str) -> float | None:
    """The value of a digit string written the way `lang` writes numbers."""
    if num.isdigit():
        return float(num)
    raw = num.translate(_NO_SPACES)
    if "," in raw and "." in raw:
        if raw.index(",") < raw.index("."):
            raw = raw.replace(",", "")
        else:
            raw = raw.replace(".", "").replace(",", ".")
    elif "," in raw:
        groups = raw.split(",")
        if len(groups) > 2 or (lang != "fr" and all(len(g) == 3 for g in groups[1:])):
            raw = raw.replace(",", "")
        else:
            raw = raw.replace(",", ".")
    elif raw.count(".") > 1 or "." in raw and lang == "fr" and len(raw.split(".")[1]) == 3:
        raw = raw.replace(".", "")
    try:
        return float(raw)
    except ValueError:
        return None


def _text2num(words: str, lang: str, multipliers: dict[str, float]) -> float:
    """text2num, plus a trailing multiplier it does not know ("twenty-one trillion")."""
    plain = words.lower().replace("\u00a0", " ").replace("\u202f", " ")
    try:
        return float(text2num(plain, lang))
    except (ValueError, TypeError):
        head, _, last = plain.rpartition(" ")
        factor = multipliers.get(last)
        if not head or not factor:
            raise
        return float(text2num(head, lang)) * factor


def _words_value(
    words: str, lang: str, multipliers: dict[str, float] | None = None
) -> tuple[float, int] | None:
    """Value of a run of number words and how many characters of it text2num accepted."""
    candidate = words
    while candidate:
        try:
            return _text2num(candidate, lang, multipliers or {}), len(candidate)
        except (ValueError, TypeError):
            cut = max(candidate.rfind(" "), candidate.rfind("-"), candidate.rfind("\u00a0"))
            if cut <= 0:
                return None
            candidate = candidate[:cut].rstrip(" -\u00a0\u202f")
            for conj in (" et", " and"):
                if candidate.lower().endswith(conj):
                    candidate = candidate[: -len(conj)]
    return None


def find_quantities(
    text: str,
    start: int,
    end: int,
    lang: str,
    tokens: set[str] | None = None,
    has_digit: bool = True,
) -> list[Found]:
    """Quantities in `text[start:end]`, in order; two bounds for a range.

    `tokens` (the sentence's `lexicons.letter_tokens`) and `has_digit` let the caller skip the
    scans that cannot match; by default everything is scanned.
    """
    rules = _rules(lang)
    found: list[Found] = []
    if has_digit:
        for match in rules.digits.finditer(text, start, end):
            quantity = _quantity(rules, text, match, start, end, digits=True)
            if quantity is not None:
                found.append(quantity)
    if tokens is None or not rules.word_triggers.isdisjoint(tokens):
        taken = [(q.core_start, q.core_end) for q in found]
        for match in rules.core.finditer(text, start, end):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            quantity = _quantity(rules, text, match, start, end, digits=False)
            if quantity is not None:
                found.append(quantity)
        found.sort(key=lambda q: q.core_start)
    if len(found) > 1:
        _pair_ranges(rules, text, found)
    return found


def _quantity(
    rules: _Rules, text: str, match: re.Match[str], start: int, end: int, digits: bool
) -> Found | None:
    comparator = "="
    unit = ""
    unit_match: re.Match[str] | None = None
    core_start, core_end = match.span()
    if digits:
        value = parse_digits(match.group("num"), rules.lang)
        if value is None:
            return None
        if core_start > start and text[core_start - 1] in "-−":
            # A sign when the dash hugs the number after a space ("-5 °C"); a dash between two
            # numbers is a range ("10-20").
            ahead = text[core_start - 2] if core_start - 2 >= start else " "
            previous = text[max(start, core_start - 12) : core_start - 1].rstrip()
            if not ahead.isalnum() and not (previous and previous[-1].isdigit()):
                value = -value
                core_start -= 1
        pre = None
        if core_start > start and (
            text[core_start - 1] in rules.symbol_chars
            or (core_start - 1 > start and text[core_start - 2] in rules.symbol_chars)
        ):
            before = rules.currency_before.search(text, max(start, core_start - 4), core_start)
            if before:
                pre = before.group("pre")
                core_start = before.start()
        if match.group("ord"):
            return Found(value, "=", "ordinal", core_start, core_end, core_start, core_end)
        mult = match.group("mult") or match.group("smult")
        if mult:
            factor = rules.multipliers.get(mult) or rules.multipliers.get(mult.lower())
            if match.group("smult") and not pre and len(mult) <= 2:
                # "5m" is five metres unless money is involved: leave the letter to the unit.
                core_end = match.end("num")
            elif factor:
                value *= factor
        if pre:
            unit = rules.currencies.get(pre, pre)
        elif 1800 <= value <= 2100 and not mult and match.group("num").isdigit():
            unit_match = rules.unit.match(text, core_end, end)
            if unit_match is None:
                return None  # a year: the date finder owns it
    elif match.group("words") is not None:
        words = match.group("words")
        if words.lower() in rules.lone_skip:
            return None
        ending = match.group("wend")
        if ending:
            # "vingt et unième", "twenty-first": the cardinal part plus the ordinal ending.
            cardinal = words[: match.start("wend") - core_start].rstrip(" -\u00a0\u202f")
            for conj in (" et", " and", "-et"):
                if cardinal.lower().endswith(conj):
                    cardinal = cardinal[: -len(conj)]
            try:
                base = _text2num(cardinal, rules.lang, rules.multipliers)
            except (ValueError, TypeError):
                return None
            value = base + rules.ordinal_endings[ending.lower()]
            return Found(value, "=", "ordinal", core_start, core_end, core_start, core_end)
        lead = words.split(None, 1)
        if len(lead) == 2 and lead[0].lower() in rules.articles:
            parsed = _words_value(lead[1], rules.lang, rules.multipliers)
            if parsed is not None:
                parsed = (parsed[0], parsed[1] + len(words) - len(lead[1]))
        else:
            parsed = _words_value(words, rules.lang, rules.multipliers)
        if parsed is None:
            return None
        value, length = parsed
        core_end = core_start + length
    elif match.group("approx") is not None:
        value = rules.approximate[match.group("anoun").lower()]
        comparator = rules.approximate_comparator
    elif match.group("vague") is not None:
        value = rules.vague[match.group("vnoun").lower()]
        comparator = ">"
    else:
        value = float(rules.ordinals[match.group("ordw").lower()])
        return Found(value, "=", "ordinal", core_start, core_end, core_start, core_end)

    if not math.isfinite(value):
        return None  # "1" * 400 overflows a float: not a quantity anyone wrote
    span_end = core_end
    if unit_match is None:
        unit_match = rules.unit.match(text, core_end, end)
    if unit_match and not unit:
        word = unit_match.group("unit")
        unit = rules.currencies.get(word, "%" if word.lower() in _PERCENT else word)
        span_end = unit_match.end()
    elif not unit:
        noun = rules.noun.match(text, core_end, end)
        if noun:
            word = noun.group("noun")
            if word.lower() not in rules.noun_skip and not word[0].isupper():
                unit = word
                span_end = noun.end()
    span_start = core_start
    window = max(0, core_start - 40)
    cmp_match = rules.comparator.match(text[window:core_start][::-1])
    if cmp_match:
        comparator = rules.comparators[cmp_match.group("cmp")[::-1].lower()]
        span_start = core_start - cmp_match.end()
    return Found(value, comparator, unit, span_start, span_end, core_start, core_end)


_PERCENT = frozenset({"%", "pour cent", "pourcent", "pour-cent", "percent", "per cent"})


def _pair_ranges(rules: _Rules, text: str, found: list[Found]) -> None:
    """Turn "de 1 000 à 4 000" / "between 10 and 20" / "10-20" into a '>=' and a '<=' bound."""
    for low, high in zip(found, found[1:], strict=False):
        if low.unit == "ordinal" or high.unit == "ordinal":
            continue
        if low.comparator != "=" or high.comparator != "=":
            continue
        sep = rules.range_sep.match(text, low.end, high.core_start)
        if sep is None or sep.end() != high.core_start:
            sep = rules.range_sep.match(text, low.core_end, high.core_start)
            if sep is None or sep.end() != high.core_start:
                continue
        dash = text[sep.start() : sep.end()].strip() in ("-", "–", "—")
        opener = rules.range_open.search(text, max(0, low.start - 12), low.start)
        if not (opener or dash):
            continue
        conjunction = text[sep.start() : sep.end()].strip().lower() in ("et", "and")
        between = opener is not None and opener.group(0).strip().lower() in ("entre", "between")
        if not dash and conjunction and not between:
            continue  # "10 et 20" is a range only after "entre"
        low.comparator = ">="
        high.comparator = "<="
        if not low.unit:
            low.unit = high.unit
        if opener:
            low.start = opener.start()
