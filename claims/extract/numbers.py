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

from text_to_num import text2num  # type: ignore[import-untyped]

from claims.extract import lexicons
from claims.extract.number_rules import Found, NumberRules, rules_for

__all__ = ["find_quantities", "parse_digits", "unit_after"]

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
    rules = rules_for(lang)
    found: list[Found] = []
    if has_digit:
        skip_until = start
        for match in rules.digits.finditer(text, start, end):
            if match.start() < skip_until:
                continue
            if text[match.start()] == "0":
                phone = rules.phone.match(text, match.start(), end)
                if phone:  # "0800 555 111": a telephone number, no quantity in it
                    skip_until = phone.end()
                    continue
            at = match.start()
            if text.startswith("24/7", at) and not text[at + 4 : at + 5].isdigit():
                skip_until = at + 4  # "open 24/7": around the clock, no quantity
                continue
            grouped = _PHONE_GROUPS.match(text, match.start(), end)
            if grouped and any(len(g) != 3 for g in _DIGIT_RUN.findall(grouped.group(0))[1:]):
                skip_until = grouped.end()  # "210 335 9000": groups no thousands make, a telephone
                continue
            quantity = _quantity(rules, text, match, start, end, digits=True)
            if quantity is not None:
                found.append(quantity)
    if (
        tokens is None
        or not rules.word_triggers.isdisjoint(tokens)
        or (
            rules.comparator_one is not None
            and not rules.lone_after_comparator.isdisjoint(tokens)
            and rules.comparator_one.search(text, start, end) is not None
        )
    ):
        taken = [(q.core_start, q.core_end) for q in found]
        core = rules.core
        if tokens is None or not rules.fraction_words.isdisjoint(tokens):
            core = rules.core_fraction
        pos = start
        while (words := core.search(text, pos, end)) is not None:
            pos = words.end()
            if any(s < words.end() and words.start() < e for s, e in taken):
                continue
            quantity = _quantity(rules, text, words, start, end, digits=False)
            if quantity is not None:
                found.append(quantity)
                # "half a million": one quantity; « six deux ans », "six two years": two, the
                # words text2num did not take start the next one
                pos = max(quantity.core_end, words.start() + 1) if quantity.core_end < pos else max(
                    pos, quantity.core_end
                )
        found.sort(key=lambda q: q.core_start)
    if rules.rank_verbs and (tokens is None or not rules.rank_verbs.isdisjoint(tokens)):
        # "finished second": a rank; "first" and "second" alone are too often no ordinal.
        for match in rules.rank.finditer(text, start, end):
            group = "rankw" if match.group("rankw") else "rankn"
            at, to = match.span(group)
            if any(q.core_start < to and at < q.core_end for q in found):
                continue
            value = float(rules.rank_ordinals[match.group(group).lower()])
            found.append(Found(value, "=", "ordinal", at, to, at, to))
        found.sort(key=lambda q: q.core_start)
    if rules.article_ordinal is not None and (
        tokens is None or not rules.article_ordinal_words.isdisjoint(tokens)
    ):
        # "a second factory", "a second heart attack", « un second parc »: a rank after "a",
        # before what it ranks (not "a second later", "a second or two", "wait a second.").
        for match in rules.article_ordinal.finditer(text, start, end):
            at, to = match.span("ord")
            following = match.group("next")
            if not following[0].islower() or following.lower() in rules.noun_skip:
                continue
            if any(q.core_start < to and at < q.core_end for q in found):
                continue
            rank = rules.rank_ordinals.get(match.group("ord").lower())
            if rank:
                found.append(Found(float(rank), "=", "ordinal", at, to, at, to))
        found.sort(key=lambda q: q.core_start)
    if rules.possessive_rank is not None and (tokens is None or not rules.rank_words.isdisjoint(tokens)):
        for match in rules.possessive_rank.finditer(text, start, end):
            at, to = match.span("ord")
            if not any(q.core_start < to and at < q.core_end for q in found):
                found.append(Found(float(rules.rank_ordinals[match.group("ord").lower()]), "=", "ordinal",
                                   at, to, at, to))
        found.sort(key=lambda q: q.core_start)
    if rules.ratio is not None and (tokens is None or not rules.ratio_joins.isdisjoint(tokens)):
        _ratios(rules, text, start, end, found)
    if rules.ago_one is not None and (tokens is None or not rules.ago_words.isdisjoint(tokens)):
        for match in rules.ago_one.finditer(text, start, end):
            at, to = match.start("one"), match.end("unit")
            if not any(q.core_start < to and at < q.core_end for q in found):
                found.append(Found(1.0, "=", match.group("unit"), at, to, at, match.end("one")))
                found.sort(key=lambda q: q.core_start)
    if rules.comparator_one_unit is not None and (
        tokens is None
        or (("a" in tokens or "an" in tokens) and not rules.comparator_one_units.isdisjoint(tokens))
    ):
        # "more than a year", "within a week", "nearly a decade": one of that unit
        for match in rules.comparator_one_unit.finditer(text, start, end):
            at, to = match.start("one"), match.end("unit")
            cmp_match = rules.comparator.match(text[max(start, at - 40) : at][::-1])
            if cmp_match and not any(q.core_start < to and at < q.core_end for q in found):
                comparator = rules.comparators[cmp_match.group("cmp")[::-1].lower()]
                found.append(Found(1.0, comparator, match.group("unit"), at - cmp_match.end(), to, at,
                                   match.end("one")))
                found.sort(key=lambda q: q.core_start)
    if len(found) > 1:
        _pair_ranges(rules, text, found)
        _share_of_count(rules, text, found)
        _scale_keeps_currency(rules, found)
        if rules.duration_comparators:
            _over_a_period(rules, text, start, found)
    return found


def _over_a_period(rules: NumberRules, text: str, start: int, found: list[Found]) -> None:
    """ "$3.2 billion over five years", "rose 4% over two years": after another amount, "over" a
    number of time units is the period it is spread over, not "more than" ("for over five
    years", "lasted over five hours" keep their comparator)."""
    for earlier, quantity in zip(found, found[1:], strict=False):
        if quantity.comparator != ">" or quantity.unit.lower() not in rules.time_units:
            continue
        if earlier.unit == "ordinal" or earlier.unit.lower() in rules.time_units:
            continue
        written = text[quantity.start : quantity.core_start].strip().lower()
        if written not in rules.duration_comparators:
            continue
        before = lexicons.letter_tokens(text[max(start, quantity.start - 20) : quantity.start])
        if before and before[-1] in rules.duration_not_after:
            continue
        quantity.comparator = "="
        quantity.start = quantity.core_start


def _shares_scale(low: Found, high: Found) -> bool:
    """Whether the scale word after the second number of a range is the first one's too:
    "between 2 and 3 million", "fell from 3.5 to 2.8 million", but not a first number that
    has its own magnitude ("between 800,000 and 1.2 million", « de 800 000 à 1,2 million »)
    or that the scale would put far above the second ("from 800 to 1.2 million")."""
    return low.value < 1000 and low.value * high.mult <= 100 * high.value


def _scale_keeps_currency(rules: NumberRules, found: list[Found]) -> None:
    """ "16,2 milliards d’euros ..., contre 15,3 milliards en 2025": an amount written with its
    scale and no currency, after one with both, is in that currency."""
    currency = ""
    currencies = set(rules.currencies.values())
    for quantity in found:
        if quantity.unit in currencies and quantity.mult > 1:
            currency = quantity.unit
        elif currency and not quantity.unit and quantity.mult > 1:
            quantity.unit = currency


def _term_value(rules: NumberRules, term: str) -> float | None:
    if term[0].isdigit():
        return float(term)
    parsed = _words_value(term, rules.lang, rules.multipliers)
    return parsed[0] if parsed is not None and parsed[1] == len(term) else None


def _ratios(rules: NumberRules, text: str, start: int, end: int, found: list[Found]) -> None:
    """ "one in four households", « plus d’un Français sur trois »: one share (1/4, 1/3) of
    what is counted, in place of its two numbers; not "3 mètres sur 4" (a unit) nor "in 2020"."""
    assert rules.ratio is not None
    for match in rules.ratio.finditer(text, start, end):
        top, bottom = _term_value(rules, match.group("rnum")), _term_value(rules, match.group("rden"))
        if top is None or not bottom or not 0 < top < bottom <= 100:
            continue
        noun = match.group("rnoun")
        span_end = match.end("rden")
        after = match.group("rafter")
        if (
            noun
            and after
            and after[0].islower()
            and after.lower() not in rules.noun_skip
            and _plural(after, rules.lang)
            and _plural(noun, rules.lang)
        ):
            continue  # "23 goals in 41 appearances": two counts, no share
        if noun is None and after and _verb_after(rules, after):
            second = match.group("rafter2")
            if (
                second
                and _participle(after)
                and second[0].islower()
                and second.lower() not in rules.noun_skip
                and _plural(second, rules.lang)
            ):
                noun, span_end = second, match.end("rafter2")  # "one in eight nursing posts"
            else:
                noun = ""  # "one in 20 stopped taking it", "two in five do": the share alone
        elif noun is None and after is None and text[match.end("rden") : match.end("rden") + 1] in ".;":
            noun = ""  # "Today two in five do." is taken above; "... one in four." ends on it
        if noun is None:
            if after and not after[0].isupper() and after.lower() not in rules.noun_skip and (
                after.lower() not in rules.number_words
            ):
                noun, span_end = after, match.end("rafter")
            elif after and after[0].isupper() and after.endswith("s"):
                noun, span_end = after, match.end("rafter")  # "one in three Americans"
            elif (
                after
                and after[0].isupper()
                and (second := match.group("rafter2"))
                and not second[0].isupper()
                and second.lower() not in rules.noun_skip
            ):
                noun, span_end = second, match.end("rafter2")  # "one in three American adults"
        if noun is None and (after := match.group("rafter")) and after.lower() in rules.share_links:
            counted = rules.noun.match(text, match.end("rden"), end)  # "one in eight of its workforce"
            if counted and counted.group("noun")[0].islower():
                noun, span_end = counted.group("noun"), counted.end()
                head = _head_noun(rules, text, span_end, end, noun)  # "of the college students"
                if head:
                    noun, span_end = head
        if noun is None and match.group("rnoun") is None and (
            after is None or after.lower() in rules.noun_skip or after.lower() in rules.number_words
        ):
            # « contre un sur six en 2023 », « un sur six deux ans plus tôt »: the share alone
            noun, span_end = "", match.end("rden")
        if noun is None or (noun and (noun.lower() in rules.unit_words or noun.lower() in rules.noun_skip)):
            continue
        comparator = "="
        span_start = match.start()
        cmp_match = rules.comparator.match(text[max(start, span_start - 40) : span_start][::-1])
        if cmp_match:
            comparator = rules.comparators[cmp_match.group("cmp")[::-1].lower()]
            span_start -= cmp_match.end()
        found[:] = [q for q in found if q.core_end <= match.start() or q.core_start >= span_end]
        found.append(
            Found(top / bottom, comparator, noun, span_start, span_end, match.start(), span_end, True)
        )
        found.sort(key=lambda q: q.core_start)


_SHARE_GAP = re.compile(
    r"[ \u00a0\u202f]+(?:(?:of|de|des|du|d['’])[ \u00a0\u202f]*)?"
    r"(?:(?:the|les|ses|ces|mes|tes|nos|vos|leurs|its|their|his|her|our|my|your)[ \u00a0\u202f]+)?"
    r"(?:[^\W\d_][\w\-]*['’]s[ \u00a0\u202f]+)?"  # "two-thirds of the district's 48 schools"
)


_PART_GAP = re.compile(
    r"[ \u00a0\u202f]+(?:of|de|des|d['’])[ \u00a0\u202f]*"
    r"(?:(?:the|les|ses|ces|mes|tes|nos|vos|leurs|its|their|his|her|our|my|your)[ \u00a0\u202f]+)?"
    r"(?:[^\W\d_][\w\-]*['’]s[ \u00a0\u202f]+)?"  # "41 of his 58 matches", "two of the region's five"
)


def _share_of_count(rules: NumberRules, text: str, found: list[Found]) -> None:
    """"Half of the 300 households", « la moitié des 600 lits »: the share counts what the number
    after it counts."""
    for share, count in zip(found, found[1:], strict=False):
        if (
            not share.unit
            and count.unit not in ("", "ordinal")
            and (_SHARE_GAP if share.fraction else _PART_GAP).fullmatch(text, share.end, count.core_start)
            and text[share.end : count.core_start].strip()  # not « un sur six deux ans »
        ):
            share.unit = count.unit  # also "3 of the 12 council members", « 3 des 12 élus »


def _quantity(
    rules: NumberRules, text: str, match: re.Match[str], start: int, end: int, digits: bool
) -> Found | None:
    comparator = "="
    unit = ""
    unit_match: re.Match[str] | None = None
    core_start, core_end = match.span()
    mult_factor = 1.0
    fraction = False
    hour_minutes: re.Match[str] | None = None
    if digits:
        value = parse_digits(match.group("num"), rules.lang)
        if value is None:
            return None
        if core_start - 2 >= start and text[core_start - 2].isupper():
            code = rules.code_before.search(text, max(start, core_start - 6), core_start)
            if (
                code
                and code.group("code") not in rules.not_code
                and not rules.unit.match(text, core_end, end)
            ):
                return None  # "RN 165", "CAC 40": part of a name (but « le RN 33 % » is a score)
        code_word = rules.code_word
        if code_word is not None and code_word.search(text, max(start, core_start - 16),
                                                      core_start):
            return None  # "a Category 4 storm", « l’article 49 »
        if rules.service_before is not None and rules.service_before.search(
            text, max(start, core_start - 16), core_start
        ):
            return None  # "call 112", « composez le 17 »: the number dialled
        hour_minutes = _HOUR_MINUTES.match(text, core_end, end)
        if hour_minutes and text[max(start, core_start - 10) : core_start].lower().endswith(
            _gates(rules.lang).time_before
        ):
            return None  # « à 18h15 », « vers 7 h 30 »: a time of day
        if hour_minutes and rules.timetable_before is not None and rules.timetable_before.search(
            text, max(start, core_start - 40), core_start
        ):
            return None  # « le train de 7 h 12 », « le vol de 18 h 40 »: its time of day
        if _MINUTES_AFTER_HOUR.search(text, max(start, core_start - 4), core_start):
            return None  # the 30 of « 3 h 30 »
        if _CLOCK.match(text, core_end) or _CLOCK_MINUTES.search(
            text, max(start, core_start - 3), core_start
        ):
            return None  # "at 22:30", "2:30 the next day": a time of day, both of its numbers
        following = text[core_end : core_end + 1]
        if following and following in " ,\u00a0\u202fhap" and not match.group("ord") and (
            rules.street.match(text, core_end, end) or rules.clock_after.match(text, core_end, end)
        ):
            return None  # "42 Maple Street", « au 12, rue des Lilas », "2 a.m.": no quantity
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
            symbol = rules.currency_before.search(text, max(start, core_start - 4), core_start)
            if symbol:
                pre = symbol.group("pre")
                core_start = symbol.start()
        if match.group("ord"):
            if _names_something(rules, text, core_end, end):
                return None  # "la 27e brigade", "the 82nd Airborne": a name, not a quantity
            return Found(value, "=", "ordinal", core_start, core_end, core_start, core_end)
        mult = match.group("mult") or match.group("smult") or match.group("smult2")
        if mult:
            factor = rules.multipliers.get(mult) or rules.multipliers.get(mult.lower())
            if match.group("smult") and not pre and len(mult) <= 2 and not (
                (value < 100 or "." in match.group("num")) and _counts_people(rules, text, core_end, end)
            ):
                # "5m" is five metres unless money or a plural noun ("1.5m subscribers") follows.
                core_end = match.end("num")
            elif factor:
                value *= factor
                mult_factor = factor
        attached = rules.attached_units.get(text[core_end : core_end + 1])
        if attached and not text[core_end + 1 : core_end + 2].isalnum():
            unit = attached  # "-8C": degrees Celsius
            core_end += 1
        elif pre:
            unit = rules.currencies.get(pre, pre)
        elif 1800 <= value <= 2100 and not mult and match.group("num").isdigit():
            unit_match = rules.unit.match(text, core_end, end)
            from claims.extract.dates import year_is_count  # noqa: PLC0415 - dates imports us

            if unit_match is None and not year_is_count(text, core_start, core_end, rules.lang):
                return None  # a year: the date finder owns it
    elif match.group("words") is not None:
        words = match.group("words")
        if words.lower() in rules.lone_skip and not _lone_counts(rules, text, match, start, end):
            return None
        if _ALL_OF.search(text, max(start, core_start - 8), core_start):
            return None  # « ont tous deux été mis au point », « toutes trois »: both, all three
        ending = match.group("wend")
        if ending:
            # "vingt et unième", "twenty-first": the cardinal part plus the ordinal ending.
            cardinal = words[: match.start("wend") - core_start].rstrip(" -\u00a0\u202f")
            for conj in (" et", " and", "-et"):
                if cardinal.lower().endswith(conj):
                    cardinal = cardinal[: -len(conj)]
            if cardinal.lower() in rules.articles:
                base = 0.0  # « un deuxième train », "a third term": an article, then the ordinal
            else:
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
        hyphen = None
        if text[core_end : core_end + 1] == "-":
            hyphen = rules.hyphen_unit.match(text, core_end, end)
        if hyphen and _word_compound_no_count(rules, text, hyphen, end):
            return None  # "the nineteen-sixties", "a five-point plan": no count
        if hyphen and not (
            hyphen.group("unit").lower() in rules.unit_words
            or hyphen.group("unit").lower() + "s" in rules.unit_words
            or (
                hyphen.group("unit").lower() not in _NOT_WORD_COMPOUND_COUNTS
                and _compound_count(rules, text, start, core_start, hyphen, end)
            )
        ):
            return None  # "a two-way street", "a one-sided game": no count
    elif match.group("approx") is not None:
        value = rules.approximate[match.group("anoun").lower()]
        comparator = rules.approximate_comparator
    elif match.group("vague") is not None:
        value = rules.vague[match.group("vnoun").lower()]
        comparator = ">"
    elif match.group("frac") is not None:
        # "a third of", "two-thirds of", "la moitié des": a share, 1/3, 2/3, 1/2.
        numerator = 1.0
        top = match.group("fnum")
        den = match.group("fden")
        if (
            top
            and top.lower() in _DEFINITE
            and den.lower().endswith(("ième", "ieme"))
            and not _OF_AFTER.match(text, core_end, end)
        ):
            # « la dixième victoire »: a rank (« le dixième des recettes » is a share)
            return Found(
                float(rules.fractions[den.lower()]), "=", "ordinal", match.start("fden"), core_end,
                match.start("fden"), core_end,
            )
        if top and top.lower() not in _FRACTION_ONE:
            parsed = _words_value(top, rules.lang, rules.multipliers)
            if parsed is None:
                return None
            numerator = parsed[0]
        if numerator == 1 and match.groupdict().get("falone") is not None:
            return None  # « un tiers paiera »: a third party, not a share
        value = numerator / rules.fractions[match.group("fden").lower()]
        fraction = True
    else:
        if _names_something(rules, text, core_end, end):
            return None
        value = float(rules.ordinals[match.group("ordw").lower()])
        return Found(value, "=", "ordinal", core_start, core_end, core_start, core_end)

    if not math.isfinite(value):
        return None  # "1" * 400 overflows a float: not a quantity anyone wrote
    gates = _gates(rules.lang)
    before = text[max(start, core_start - 8) : core_start]
    clock_window = text[max(start, core_start - 20) : core_start]  # « aux alentours de 4 heures »
    if gates.clock_before and clock_window.lower().endswith(gates.clock_before) and (
        rules.unit.match(text, core_end, end) and value <= 24 and value == int(value)
    ):
        unit_word = rules.unit.match(text, core_end, end)
        if unit_word and unit_word.group("unit") in ("heures", "heure", "h"):
            return None  # « vers 3 heures »: a time of day
    if (
        digits
        and rules.lang == "fr"
        and before.endswith((" à ", " à\u00a0"))
        and value <= 24
        and value == int(value)
        and (unit_word := rules.unit.match(text, core_end, end))
        and unit_word.group("unit") in ("heures", "heure")
        and not _OF_AFTER_HOURS.match(text, unit_word.end(), end)
    ):
        return None  # « les cours commencent à 8 heures » (not « à 2 heures de route »)
    span_end = core_end
    half = None
    if text.startswith(gates.half_starts, core_end):
        half = rules.and_half.match(text, core_end, end)
    if half and not fraction:  # "four and a half hours"
        scale = mult_factor
        if not digits:
            last = text[core_start:core_end].rsplit(None, 1)[-1]
            scale = rules.multipliers.get(last) or rules.multipliers.get(last.lower()) or 1.0
        value += 0.5 * scale  # « deux millions et demi »: 2.5 million
        span_end = core_end = half.end()
    if fraction:
        article = _ARTICLE_AFTER.match(text, core_end, end)
        if article:  # "half a cent", "half a million"
            counted = rules.next_word.match(text, article.end(), end)
            factor = rules.multipliers.get(counted.group("word").lower()) if counted else None
            if factor and counted:
                value *= factor
                span_end = core_end = counted.end()
            else:
                span_end = article.end()
    if not unit and value == int(value) and 0 < value < 130 and (
        (
            gates.age_before
            and before.lower().endswith(gates.age_before)
            and _age_word_before(text, start, core_start)
        )
        or (
            text[core_end : core_end + 1] == ","
            and rules.age_apposition.search(text, max(start, core_start - 40), core_start)
            and not text[max(start, core_start - 40) : core_start].rstrip(", ").endswith(_DIGITS)
        )
        or (
            rules.age_copula is not None
            and _AGE_CLAUSE_END.match(text, core_end, end) is not None
            and rules.age_copula.search(text, max(start, core_start - 40), core_start) is not None
        )
    ) and rules.age_unit and not rules.unit.match(text, core_end, end):
        # "aged 19", "The suspect, 32, appeared": an age in years.
        unit = rules.age_unit
    after = rules.after_comparator.match(text, core_end, end)
    if after:  # "107 or more votes"
        comparator = rules.after_comparators[after.group("cmp").lower()]
        span_end = after.end()
    if unit_match is None:
        unit_match = rules.unit.match(text, span_end, end)
    if unit_match is None and fraction and (of_one := _OF_ONE.match(text, span_end, end)):
        unit_match = rules.unit.match(text, of_one.end(), end)  # "a quarter of a percentage point"
    hyphen = None if unit_match or unit else rules.hyphen_unit.match(text, core_end, end)
    if hyphen and (hyphen.group("unit").lower() in rules.unit_words
                   or hyphen.group("unit").lower() + "s" in rules.unit_words
                   or _compound_count(rules, text, start, core_start, hyphen, end)):
        unit = hyphen.group("unit")  # "a 10-year-old browser", "a 5-km race"
        span_end = hyphen.end()
    elif unit_match and not unit:
        word = unit_match.group("unit")
        unit = rules.currencies.get(word, "%" if word.lower() in _PERCENT else word)
        span_end = unit_match.end()
    elif not unit and rules.lang == "en" and (acronym := _ACRONYM_AFTER.match(text, span_end, end)):
        # "71.80 U.S. cents", "200 US troops": the plural noun after a country's or a body's
        # initials.
        counted = rules.next_word.match(text, acronym.end(), end)
        if counted and counted.group("word")[0].islower() and _plural(counted.group("word"), rules.lang) and (
            counted.group("word").lower() not in rules.noun_skip
        ):
            unit, span_end = counted.group("word"), counted.end()
    elif not unit:
        noun = rules.noun.match(text, span_end, end)
        if noun:
            word = noun.group("noun")
            adjective = noun.group("adj")
            if adjective and adjective.lower() in rules.adjectives_alone and word.lower() in rules.noun_skip:
                unit, span_end = adjective, noun.end("adj")  # « une centaine d’autres ont »
            elif fraction and rules.lang == "en" and (share := _share_head(rules, text, noun, end)):
                unit, span_end = share  # "half the number", "a third of a typical grower's costs"
            elif _ELIDED.match(word):
                pass  # « 2,8 milliards l’an passé », « 300 qu’il »: an elided article or pronoun
            elif fraction and rules.lang == "fr" and not _bridged(noun):
                pass  # « dont un quart financé par »: a French share counts only after « de »
            elif word.lower().endswith(rules.noun_skip_endings) or word.lower() in rules.not_counted:
                pass  # « la moitié avaient », « dont 14 mortels », « dont deux ferme »
            elif not _bridged(noun) and len(word) > 5 and word.lower().endswith(rules.verb_endings):
                pass  # « près d’un tiers provenait »: a verb (not « deux tiers du lait »)
            elif word[0].isupper() and word.lower() not in rules.noun_skip:
                named = _named_noun(rules, text, noun, end)
                if named is None and fraction and rules.lang == "en":
                    named = _named_share(rules, text, noun, end)
                if named:  # "600 National Guard troops", « les deux tiers des Français »
                    unit, span_end = named
            elif word.lower() not in rules.noun_skip and word.lower() not in rules.number_words:
                unit = word
                before_noun = span_end
                span_end = noun.end()
                if word.endswith(("’s", "'s")):  # "a fifth of the city's homes"
                    owned = rules.next_word.match(text, span_end, end)
                    if owned and owned.group("word").lower() in rules.noun_adjectives:
                        # "three of the country's largest meatpackers"
                        owned = rules.next_word.match(text, owned.end(), end)
                    if owned and owned.group("word").lower() in rules.number_words:
                        unit, span_end = "", before_noun  # "two of the region's five reservoirs"
                    elif owned and not owned.group("word")[0].isupper():
                        unit, span_end = owned.group("word"), owned.end()
                    elif _DIGIT_AFTER.match(text, span_end, end):
                        # "two-thirds of the city's 48 schools", "three of the state's 12 prisons"
                        unit, span_end = "", before_noun  # (after "11 or more")
                head = None
                # (after "of" too when the word is a compound: "two-thirds of long-distance trains",
                # or after a count, which counts a plural: "hundreds of colorful lantern scenes";
                # not a share: "a third of the population lives")
                if value != 1 and (not _bridged(noun) or "-" in word or noun.group("adj") or value >= 2):
                    head = _head_noun(rules, text, span_end, end, word)
                participle = rules.lang == "en" and _participle(word)
                if head is None and participle and _bridged(noun):
                    # "a third of the missing money": the noun after the participle
                    after = rules.next_word.match(text, span_end, end)
                    if after and after.group("word")[0].islower() and (
                        after.group("word").lower() not in rules.noun_skip
                    ):
                        head = after.group("word"), after.end()
                    elif text[noun.start() : noun.start("noun")].split()[-1:] in (["those"], ["these"]):
                        head = "", core_end  # "half of those affected were": people, unnamed
                if head:
                    unit, span_end = head
                elif participle and not _bridged(noun) and value != 1:
                    unit, span_end = "", core_end  # "7,412 watched the game", "dozens missing"
    if fraction and rules.lang == "en" and unit[:1].islower() and not _plural(unit, rules.lang) and (
        unit.lower() not in rules.unit_words and (tail := _compound_tail(rules, text, span_end, end))
    ):
        unit, span_end = tail  # "a quarter of its market value.": the compound's last noun
    if unit.lower() in _DEGREES and (scale_name := _DEGREE_SCALE.match(text, span_end, end)):
        unit = "°C" if scale_name.group(1) == "Celsius" else "°F"  # "46 degrees Celsius"
        span_end = scale_name.end()
    if (
        unit == "h"
        and digits
        and not hour_minutes
        and value <= 24
        and value == int(value)
        and not _OF_AFTER_HOURS_NOT_DAY.match(text, span_end, end)
        and (
            (
                (to_hour := _TO_HOUR.match(text, span_end, end))
                and _clock_range(value, int(to_hour.group("hour")))
                and not _OF_AFTER_HOURS_NOT_DAY.match(text, to_hour.end(), end)
            )
            or (
                (from_hour := _FROM_HOUR_BEFORE.search(text, max(start, core_start - 14), core_start))
                and _clock_range(int(from_hour.group("hour")), value)
            )
            or (not from_hour and _CLOCK_H_BEFORE.search(text, max(start, core_start - 12), core_start))
        )
    ):
        # « de 10 h à 19 h », « dès 7 h », « à 15 h par la commission »: times of day (not « 3 h
        # à 5 h » of battery life, « jusqu'à 10 h », « à 2 h de route », « 8 h à 10 h de route »)
        return None
    if hour_minutes and unit in ("", "h"):  # « une autonomie de 3 h 30 »: 3.5 hours
        unit = "h"
        value += int(hour_minutes.group("minutes")) / 60
        span_end = max(span_end, hour_minutes.end())
    if unit and not half and text.startswith(gates.half_starts, span_end):
        half = rules.and_half.match(text, span_end, end)
        if half and value == int(value):  # « deux heures et demie »
            value += 0.5
            span_end = half.end()
    if (
        digits
        and not unit
        and value > 1
        and gates.bare_article
        and before.endswith(gates.bare_article)
        and rules.bare_article.search(text, max(start, core_start - 4), core_start)
    ):
        return None  # « Le 115 a reçu 2 000 appels »: the number of a service
    if not after:
        after = rules.after_comparator.match(text, span_end, end)
        if after:  # "50 signatures ou plus"
            comparator = rules.after_comparators[after.group("cmp").lower()]
            span_end = after.end()
    if (
        digits
        and not unit
        and value == int(value)
        and 0 < value < 100
        and rules.name_number.search(text, max(start, core_start - 30), core_start)
        and not _TALLY_AFTER.match(text, span_end, end)  # "passed the Senate 52 to 48"
    ):
        return None  # « en tête de la Ligue 1 », "won the Formula 1": part of a name
    if (
        digits
        and value == int(value)
        and 1 < value < 1000
        and (not unit or (unit[:1].islower() and not _plural(unit, rules.lang)
                          and unit.lower() not in rules.unit_words and unit not in rules.currencies.values()))
        and _named_before(rules, text, start, core_start)
        and not _TALLY_AFTER.match(text, span_end, end)
    ):
        # « la fusée Vega 2 emporte », "Apollo 11 mission", « (Ayrault 2) »: a number right after
        # a name, with no plural noun that it would count, is part of the name.
        return None
    span_start = core_start
    window = max(0, core_start - 40)
    cmp_match = rules.comparator.match(text[window:core_start][::-1])
    if cmp_match is None and rules.comparator_gap is not None and (
        gap := rules.comparator_gap.match(text[window:core_start][::-1])
    ):
        verb = rules.comparator.match(text[window:core_start][::-1], gap.end())
        if verb and any(
            key.endswith(verb.group("cmp")[::-1].lower() + " " + article)
            for key in rules.comparators
            for article in ("les", "la", "le")
        ):
            cmp_match = verb  # « a dépassé mardi les 2 euros »: the verb's comparator
    if cmp_match:
        comparator = rules.comparators[cmp_match.group("cmp")[::-1].lower()]
        span_start = core_start - cmp_match.end()
    elif unit == "ans" and _BEFORE_AGE.search(text, max(start, core_start - 7), core_start):
        comparator = "<"  # « ayant commencé à travailler avant 20 ans »: under 20
        span_start = core_start - 6
    return Found(value, comparator, unit, span_start, span_end, core_start, core_end, fraction, mult_factor)


_SHARE_DETERMINERS = frozenset({"the", "their", "its", "his", "her", "our", "my", "your"})
_ADJECTIVE_ENDINGS = ("al", "ous", "ive", "ic", "ful", "able", "ible", "ary")
_SHARE_REACH = 4


def _share_head(rules: NumberRules, text: str, noun: re.Match[str], end: int) -> tuple[str, int] | None:
    """The noun an English share counts when a determiner follows it with no "of" ("less than
    half the number it did", "half their usual volume") or "of a" does ("a third of a typical
    corn grower's costs"): the word after a possessive within reach, else the first word that
    is no adjective (an adjective-looking word last: "half the total was").
    Capitalised words are left to the name rules."""
    bridge = text[noun.start() : noun.start("noun")].split()
    word = noun.group("noun").lower()
    if not ((bridge == [] and word in _SHARE_DETERMINERS) or (bridge == ["of"] and word in ("a", "an"))):
        return None
    words: list[re.Match[str]] = []
    pos = noun.end()
    for _ in range(_SHARE_REACH):
        following = rules.next_word.match(text, pos, end)
        if following is None:
            break
        head = following.group("word")
        if head[0].isupper() or head.lower() in rules.noun_skip or head.lower() in rules.number_words:
            break
        words.append(following)
        pos = following.end()
    for index, match in enumerate(words[:-1]):
        if match.group("word").endswith(("’s", "'s")):
            owned = words[index + 1]
            return owned.group("word"), owned.end()  # "a typical corn grower's costs"
    last = None
    for match in words:
        head = match.group("word")
        if head.endswith(("’s", "'s")):
            break
        if head.lower() in rules.noun_adjectives or head.lower().endswith(_ADJECTIVE_ENDINGS):
            last = last or match
            continue
        return head, match.end()
    return (last.group("word"), last.end()) if last else None


_COMPOUND_ARTICLE = re.compile(r"(?<![\w’'])(?:a|an|the|its|their|his|her|our)[ \u00a0]+$", re.I)
_NOT_COMPOUND_COUNTS = frozenset(
    {"style", "like", "odd", "plus", "strong", "long", "wide", "high", "deep", "tall", "run", "made", "led"}
)
"""Words after a hyphenated number that are no counted noun ("a 1960s-style", "a 40-odd")."""
def _word_compound_no_count(rules: NumberRules, text: str, hyphen: re.Match[str], end: int) -> bool:
    """Whether a number in words and a hyphen count nothing: a decade or a number in words after
    it ("the nineteen-sixties", "thirteen-twenty"), or "point" before anything but a poll's or a
    market's lead ("a five-point plan"; "a ten-point spread", "a 10-point lead" count points)."""
    unit = hyphen.group("unit").lower()
    if unit in rules.number_words or unit.endswith("ties"):
        return True
    if unit != "point":
        return False
    after = _COMPOUND_NOUN_AFTER.match(text, hyphen.end(), end)
    return after is None or after.group().strip().lower() not in _POINT_MEASURES


_POINT_MEASURES = frozenset(
    {"lead", "leads", "spread", "margin", "gap", "drop", "fall", "rise", "jump", "swing", "advantage",
     "deficit", "decline", "gain", "loss", "edge", "increase", "cut"}
)
_NOT_WORD_COMPOUND_COUNTS = frozenset(
    {"way", "sided", "time", "off", "fold", "handed", "liner", "shot", "stop"}
)
"""Words after a number in words and a hyphen that make an adjective ("a two-way street")."""
_COMPOUND_NOUN_AFTER = re.compile(r"[ \u00a0]+[a-z][a-z\-]+(?![\w’'])")


def _compound_count(
    rules: NumberRules, text: str, start: int, core_start: int, hyphen: re.Match[str], end: int
) -> bool:
    """Whether "a 230-seat parliament", "its 27-member board", "a 12-storey block" count the
    word after the hyphen: English, an article before the number, a lowercase noun after the
    compound (not "the 2-1 win", "the COVID-19 rules", "a 5-Star hotel")."""
    unit = hyphen.group("unit")
    return (
        rules.lang == "en"
        and unit.isalpha()
        and unit.islower()
        and not hyphen.group(0).endswith("-old")
        and unit not in rules.noun_skip
        and unit not in _NOT_COMPOUND_COUNTS
        and not (unit.endswith("ed") and len(unit) >= 5 and not unit.endswith("eed"))  # "737-based"
        and _COMPOUND_ARTICLE.search(text, max(start, core_start - 8), core_start) is not None
        and _COMPOUND_NOUN_AFTER.match(text, hyphen.end(), end) is not None
    )


_AGE_CLAUSE_END = re.compile(r"[ \u00a0]*(?:[,.;:!?)]|$)|[ \u00a0]+(?:and|when|but)(?![\w’'\-])")
"""What closes an age after a copula ("He was 91.", "I was 21 and ..."): no unit or noun."""
_AGE_WORD_BEFORE = re.compile(
    r"(?<![\w’'\-])(?:aged?|age[ \u00a0\u202f]+of|âge[ \u00a0\u202f]+d(?:e|['’]))[ \u00a0\u202f]*$", re.I
)


def _age_word_before(text: str, start: int, at: int) -> bool:
    """Whether "aged", "age of", « âge de » before a number are whole words ("at the age of
    53"; not "an average of 55", "a percentage of 19")."""
    return _AGE_WORD_BEFORE.search(text, max(start, at - 12), at) is not None


@dataclass(frozen=True, slots=True)
class _Gates:
    """Plain-string tests that let `_quantity` skip a pattern that cannot match."""

    clock_before: tuple[str, ...]
    age_before: tuple[str, ...]
    half_starts: tuple[str, ...]
    bare_article: tuple[str, ...]
    time_before: tuple[str, ...]


@cache
def _gates(lang: str) -> _Gates:
    lex = lexicons.load(lang)
    spaces = (" ", "\u00a0", "\u202f")
    return _Gates(
        clock_before=tuple(w.lower() + sp for w in lex.get("clock_before", []) for sp in spaces),
        age_before=tuple(w.lower() + sp for w in lex.get("age_before", []) for sp in spaces),
        half_starts=tuple(
            sp + phrase.split()[0] for phrase in lex.get("and_half", []) for sp in spaces
        ),
        bare_article=tuple(w + sp for w in lex.get("bare_number_articles", []) for sp in spaces),
        time_before=tuple(w.lower() + sp for w in lex.get("time_before", []) for sp in spaces),
    )


_ACRONYM_AFTER = re.compile(r"[ \u00a0\u202f]+(?:(?:[A-Z]\.){2,3}|[A-Z]{2,4}(?=[ \u00a0\u202f]))")
_OF_AFTER_HOURS = re.compile(r"[ \u00a0\u202f]*(?:de|d['’]|du|des|par|plus|près|environ)(?![\w])")
_HOUR_MINUTES = re.compile(r"[ \u00a0\u202f]?h[ \u00a0\u202f]?(?P<minutes>[0-5]\d)(?!\d)")
_NAME_BEFORE_SCORE = re.compile(r"[A-ZÀ-Ý][\w’'\-]*[ \u00a0]$")
_NAME_AFTER_SCORE = re.compile(r"[ \u00a0][A-ZÀ-Ý][\w’'\-]*")
_CLOCK = re.compile(r":[0-5]\d(?!\d)(?!:\d)")
"""Right after an hour: its minutes ("22:30", "9:15"; not a ratio "3:1" nor "1:2:3")."""
_CLOCK_MINUTES = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):$")
_MINUTES_AFTER_HOUR = re.compile(r"\d[ \u00a0\u202f]?h[ \u00a0\u202f]?$")


_PHONE_GROUPS = re.compile(r"\d{2,4}(?:[ \u00a0]\d{2,4}){2,}(?![\d,.]\d)")
_DIGIT_RUN = re.compile(r"\d+")
_DEGREES = frozenset({"degrees", "degree", "degrés", "degré"})
_DEGREE_SCALE = re.compile(r"[ \u00a0]+(Celsius|Fahrenheit)(?![\w])")
_TO_HOUR = re.compile(r"[ \u00a0]*(?:à|a|et)[ \u00a0]*(?P<hour>[01]?\d|2[0-4])[ \u00a0]?h(?![\w])")
_CLOCK_H_BEFORE = re.compile(r"(?<![\w’'])(?:à|vers|dès)[ \u00a0]$", re.I)
_FROM_HOUR_BEFORE = re.compile(
    r"(?<![\d,.])(?P<hour>[01]?\d|2[0-4])[ \u00a0]?h[ \u00a0]+(?:à|a|et)[ \u00a0]$"
)
"""The low bound before the high one of « de 9 h à 18 h », « 14h à 17h »: opening hours, or
durations (« de 3 h à 5 h »), which `_clock_range` tells apart."""


def _clock_range(low: float, high: float) -> bool:
    """Whether « de N h à M h » are two times of day (« de 9 h à 18 h », « de 22 h à 6 h ») rather
    than two durations (« de 3 h à 5 h » of battery life): from 6 o'clock on, or overnight."""
    return low >= 6 or high <= low
_BEFORE_AGE = re.compile(r"(?<![\w])avant[ \u00a0]$")
_OF_ONE = re.compile(r"[ \u00a0\u202f]+(?:of[ \u00a0\u202f]+an?|d['’]un|d['’]une)(?=[ \u00a0\u202f])")
_ELIDED = re.compile(r"[^\W\d_]['’]")
_TALLY_AFTER = re.compile(r"[ \u00a0\u202f]*(?:to|à|a|-|–|—)[ \u00a0\u202f]*\d")
_ARTICLE_AFTER = re.compile(r"[ \u00a0\u202f]+(?:a|an)(?=[ \u00a0\u202f])")
_DIGITS = tuple("0123456789")


def _counts_people(rules: NumberRules, text: str, pos: int, end: int) -> bool:
    """Whether "1.5m" is followed by a plural noun it counts ("1.5m subscribers"): millions."""
    following = rules.next_word.match(text, pos, end)
    if following is None:
        return False
    word = following.group("word")
    lower = word.lower()
    return (
        not word[0].isupper()
        and lower not in rules.unit_words
        and lower not in rules.noun_skip
        and (_plural(word, rules.lang) or lower in _count_nouns(rules.lang))
    )


@cache
def _count_nouns(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.load(lang).get("count_nouns", []))


_PERCENT = frozenset({"%", "pour cent", "pourcent", "pour-cent", "percent", "per cent", "pct"})
_FRACTION_ONE = frozenset({"a", "an", "one", "un", "une", "la", "le", "l'", "l’"})
_NOT_PLURAL = frozenset(
    [
        "is", "was", "has", "as", "its", "this", "his", "us", "does", "says", "thus", "plus",
        "less", "unless", "gas", "bus", "yes", "was", "has", "was", "dans", "sous", "sans", "mais",
        "plus", "moins", "puis", "alors", "après", "depuis", "vers", "chez", "très", "pas",
        "jamais", "tous",
    ]
)


_IRREGULAR_PLURALS = ("children", "women", "people", "policemen", "firemen", "servicemen", "fishermen")
"""English plurals without an s, or the endings of some ("schoolchildren", "servicewomen")."""


def _plural(word: str, lang: str) -> bool:
    lower = word.lower()
    if lower in _NOT_PLURAL or len(lower) < 3:
        return False
    if lang == "fr":
        return lower.endswith(("s", "x"))
    if lower.endswith(_IRREGULAR_PLURALS) or lower in ("men", "feet", "teeth", "mice", "geese"):
        return True  # "children", "schoolchildren", "women", "people"
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


_IRREGULAR_PARTICIPLES = frozenset(
    ["made", "held", "given", "taken", "seen", "known", "found", "left", "kept", "built", "sent",
     "brought", "caught", "bought", "sold", "told", "paid", "hit", "hurt", "shot", "struck", "lost"]
)


def _participle(word: str) -> bool:
    """ "watched", "missing", "made": an English participle, which names no counted thing by
    itself."""
    lower = word.lower()
    if lower in _IRREGULAR_PARTICIPLES:
        return True
    return len(lower) >= 5 and lower.endswith(("ed", "ing")) and not lower.endswith(("eed", "ring"))


def _verb_after(rules: NumberRules, word: str) -> bool:
    """Whether the word after a share is its verb ("one in 20 stopped", "two in five do", « un
    Français sur trois estime »), so that the share counts no noun of its own."""
    lower = word.lower()
    if word[0].isupper():
        return False
    if lower in rules.verbs_after_count:
        return True
    if rules.lang == "en":
        return _participle(word)
    return lower.endswith(rules.verb_endings) and len(lower) > 5


def _bridged(noun: re.Match[str]) -> bool:
    """Whether the counted noun came after "of", "de" or a determiner (an adjective alone, "the
    three largest tax increases", is no bridge)."""
    bridge_end = noun.start("adj") if noun.group("adj") else noun.start("noun")
    return bool(noun.group(0)[: bridge_end - noun.start()].strip())


_DIGIT_AFTER = re.compile(r"[ \u00a0\u202f]+\d")
_HEAD_REACH = 3
"""How many words a counted noun may come after its modifiers ("14 offshore wind farms")."""


def _head_noun(rules: NumberRules, text: str, pos: int, end: int, word: str) -> tuple[str, int] | None:
    """The noun a counted word modifies: "14 hydrogen projects" -> projects, "three newer
    versions" -> versions, "5,000 permanent jobs" -> jobs, "two city-owned parking garages"
    -> garages (the first word is not plural, one of the next few lowercase words is)."""
    if _plural(word, rules.lang):
        return None
    for _ in range(_HEAD_REACH if rules.lang == "en" else 1):
        following = rules.next_word.match(text, pos, end)
        if following is None:
            return None
        head = following.group("word")
        if head[0].isupper() or head.lower() in rules.noun_skip or head.lower() in rules.number_words:
            return None  # (« en Top 14 d’ici trois ans »: a number word is no noun)
        if _plural(head, rules.lang):
            return head, following.end()
        pos = following.end()
    return None


_NAME_BEFORE = re.compile(r"(?<![\w’'\-.])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)[ \u00a0]$")


def _named_before(rules: NumberRules, text: str, start: int, core_start: int) -> bool:
    """Whether a capitalised word right before a number is a name: not a word opening the
    sentence in capitals (« Sur 340 votants »), a month or a weekday."""
    match = _NAME_BEFORE.search(text, max(start, core_start - 30), core_start)
    if match is None or not text[start : match.start()].strip():
        return False  # (opening the sentence, it may be any word: "Only 4 of the 9 members")
    word = match.group(1).lower()
    return word not in rules.name_not_before


_DEFINITE = frozenset({"la", "le", "l'", "l’"})
_OF_AFTER = re.compile(r"[ \u00a0]+(?:de|des|du|d['’])(?![\w])", re.I)
_OF_AFTER_HOURS_NOT_DAY = re.compile(
    r"[ \u00a0]+(?:de|des|du|d['’])(?![\w])"
    r"(?![ \u00a0]+(?:\d|(?:1er|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\w])))",
    re.I,
)
"""« 8 h de route », not « de 20 h à 8 h du 15 décembre au 4 janvier »: a duration's « de »."""
_ALL_OF = re.compile(r"(?<![\w’'])(?:tous|toutes)[ \u00a0]+$")
_PEOPLE_ENDINGS = ("ais", "ois", "ens", "ains", "ands", "ols", "ans", "ins", "ites", "otes", "ards")
"""Plural endings of the names of peoples (Français, Européens, Américains, Allemands, ...), which
a count after « de » names, where a capitalised word is otherwise a place (« trois de Paris »)."""


# "MPs", "CEOs", "NGOs": initials in the plural, a counted noun
_PLURAL_INITIALS = re.compile(r"[A-Z]{2,4}s")


def _named_noun(rules: NumberRules, text: str, noun: re.Match[str], end: int) -> tuple[str, int] | None:
    """The counted noun after a capitalised word: a plural noun after up to three capitalised
    words in English ("600 National Guard troops"), a plural people's name after « des » in
    French (« les deux tiers des Français »)."""
    word = noun.group("noun")
    if rules.lang != "en":
        bridge = text[noun.start() : noun.start("noun")].split()
        if not (_plural(word, rules.lang) and word[1:].islower()):
            return None
        if bridge == ["des"] or (bridge in (["de"], ["d'"], ["d’"]) and word.endswith(_PEOPLE_ENDINGS)):
            return word, noun.end()  # « 332 millions d'Européens », « des milliers de Parisiens »
        if not bridge and word.endswith((*_PEOPLE_ENDINGS, "sses", "iques")):
            return word, noun.end()  # « deux Polonais et deux Russes », « trois Britanniques »
        return None
    pos = noun.end()
    bare = not text[noun.start() : noun.start("noun")].strip()
    if _PLURAL_INITIALS.fullmatch(word):
        return word, noun.end()  # "38 MPs", "12 CEOs": plural initials
    if bare and word[1:].islower() and word.endswith(_PEOPLE_ENDINGS):
        following = rules.next_word.match(text, pos, end)
        if following is None or not following.group("word")[0].isupper():
            return word, noun.end()  # "1.3 million Arizonans", "three Americans were killed"
    for _ in range(_HEAD_REACH):
        following = rules.next_word.match(text, pos, end)
        if following is None:
            return None
        head = following.group("word")
        if head.lower() in rules.noun_skip:
            return None
        if not head[0].isupper():
            return (head, following.end()) if _plural(head, rules.lang) else None
        if _PLURAL_INITIALS.fullmatch(head):
            return head, following.end()  # "38 Labour MPs"
        pos = following.end()
    return None


_CLAUSE_END = re.compile(r"[ \u00a0\u202f]*(?:[.,;:!?)]|$)")


def _compound_tail(rules: NumberRules, text: str, pos: int, end: int) -> tuple[str, int] | None:
    """The last noun of a compound closing its clause after a share's singular noun ("of its
    market value.", "of the nitrogen market,", "of the wheat harvest was lost"): a lowercase
    word right before a stop or a verb, neither a present verb in -s ("of the population
    lives.") nor a past one in -ed ("the class voted."); a plural before a verb is the head
    ("of member states had backed", "of the council votes were cast")."""
    following = rules.next_word.match(text, pos, end)
    if following is None or following.start("word") != pos + 1:
        return None
    word = following.group("word")
    plural_subject = (  # "two-thirds of member states had backed": the plural before the verb
        word.endswith("s")
        and not word.endswith("ss")
        and _verb_follows(rules, text, following.end(), end)
    )
    if (
        not word.isalpha()
        or not word.islower()
        or (word.endswith(("s", "ed")) and not plural_subject)
        or word in rules.noun_skip
        or word in rules.number_words
        or not (
            _CLAUSE_END.match(text, following.end(), end)
            or _verb_follows(rules, text, following.end(), end)
            or _TIME_PREPOSITION.match(text, following.end(), end)
        )
    ):
        return None
    return word, following.end()


# "lost a quarter of its market value over the past 12 months": a compound's head before a
# phrase of time
_TIME_PREPOSITION = re.compile(
    r"[ \u00a0]+(?:over|during|since|in[ \u00a0]+(?:the[ \u00a0]+)?(?:past|last))[ \u00a0]"
)


_AUXILIARIES = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
     "might", "must", "shall", "should", "does", "did"]
)


def _verb_follows(rules: NumberRules, text: str, pos: int, end: int) -> bool:
    """Whether an English verb follows `pos` ("the wheat harvest was lost", "the salmon catch
    goes"): an auxiliary, or a present in -s or a past in -ed that is no number word."""
    following = rules.next_word.match(text, pos, end)
    if following is None or following.start("word") != pos + 1:
        return False
    word = following.group("word")
    if not word.islower():
        return False
    return word in _AUXILIARIES or (
        word.endswith(("s", "ed")) and not word.endswith("ss") and word not in rules.number_words
    )


def _named_share(rules: NumberRules, text: str, noun: re.Match[str], end: int) -> tuple[str, int] | None:
    """The noun an English share counts after capitalised modifiers ("three-quarters of the
    North American nitrogen market."): the first lowercase word, or the compound it opens, when
    it closes the clause, or the word itself when a verb follows it ("a third of the Greek
    population lives")."""
    pos = noun.end()
    for _ in range(_HEAD_REACH):
        following = rules.next_word.match(text, pos, end)
        if following is None:
            return None
        head = following.group("word")
        if head.lower() in rules.noun_skip:
            return None
        if not head[0].isupper():
            if _participle(head):
                return None  # "half of the French voted": a verb, no counted thing
            if _CLAUSE_END.match(text, following.end(), end):
                return head, following.end()
            tail = _compound_tail(rules, text, following.end(), end)
            if tail is None and head.lower() not in rules.noun_adjectives and not head.lower().endswith(
                _ADJECTIVE_ENDINGS
            ) and not _participle(head):
                return head, following.end()
            return tail
        pos = following.end()
    return None


def _names_something(rules: NumberRules, text: str, pos: int, end: int) -> bool:
    """Whether an ordinal is part of a name: "27e brigade", "82nd Airborne", "15e arrondissement"."""
    following = rules.next_word.match(text, pos, end)
    if following is None:
        return False
    word = following.group("word")
    return word in rules.ordinal_names or (word[0].isupper() and rules.lang == "en")


_ONE_OF = re.compile(
    r"[ \u00a0\u202f]+of[ \u00a0\u202f]+(?:(?:the|its|their|his|her|our)[ \u00a0\u202f]+)?"
    r"(?P<count>[\w]+)"
)


def _lone_counts(rules: NumberRules, text: str, match: re.Match[str], start: int, end: int) -> bool:
    """Whether a lone "one" (or "un" before "pour cent") counts something: "one shell", "less
    than one percent"; not "one of", "no one", "one day"."""
    word = match.group("words").lower()
    unit = rules.unit.match(text, match.end(), end)
    if unit and (unit.group("unit") in rules.currencies or unit.group("unit").lower() in _PERCENT):
        return True
    if rules.comparator.match(text[max(start, match.start() - 20) : match.start()][::-1]):
        # "moins de cent habitants", "more than a hundred": a comparator makes it a count.
        following = rules.next_word.match(text, match.end(), end)
        return following is not None and not following.group("word")[0].isupper()
    if word not in rules.lone_counted:
        return False
    before = lexicons.letter_tokens(text[max(start, match.start() - 20) : match.start()])
    if before and before[-1] in rules.lone_not_after:
        return False
    share = _ONE_OF.match(text, match.end(), end)
    if share:  # "one of nine children", "one of the 12 finalists": one of a count
        counted = share.group("count")
        return counted[0].isdigit() or counted.lower() in rules.number_words
    following = rules.next_word.match(text, match.end(), end)
    if following is None:
        return False
    noun = following.group("word")
    if noun.lower() in rules.lone_units_before_position:
        # "one point above the relegation zone", "one day ahead": a count of that unit (not
        # "one point I want to make", "one day we will")
        position = rules.next_word.match(text, following.end(), end)
        return position is not None and position.group("word").lower() in rules.lone_noun_keep_before
    if rules.lang == "en" and noun.lower() in _IRREGULAR_PARTICIPLES:
        return False  # "one made up of refugees": a participle, no counted noun
    return not noun[0].isupper() and noun.lower() not in rules.lone_noun_skip


_DAYS_IN = {
    "year": 365.0, "an": 365.0, "année": 365.0, "month": 30.0, "moi": 30.0, "mois": 30.0,
    "week": 7.0, "semaine": 7.0, "day": 1.0, "jour": 1.0, "journée": 1.0, "hour": 1 / 24,
    "heure": 1 / 24, "h": 1 / 24,
}
"""Units of time in days, to tell a range of durations from two counts."""


def _singular(unit: str) -> str:
    """A unit without its plural ending, to compare two ("1 year to 5 years", « 1 an à 5 ans »)."""
    unit = unit.lower()
    return unit[:-1] if len(unit) > 2 and unit.endswith(("s", "x")) else unit


def _pair_ranges(rules: NumberRules, text: str, found: list[Found]) -> None:
    """Turn "de 1 000 à 4 000" / "between 10 and 20" / "10-20" into a '>=' and a '<=' bound."""
    for low, high in zip(found, found[1:], strict=False):
        if low.unit == "ordinal" or high.unit == "ordinal":
            continue
        if low.comparator not in ("=", "~") or high.comparator != "=":
            continue  # ("an estimated 4 to 5 million deaths": the range is the estimate)
        sep = rules.range_sep.match(text, low.end, high.core_start)
        if sep is None or sep.end() != high.core_start:
            sep = rules.range_sep.match(text, low.core_end, high.core_start)
            if sep is None or sep.end() != high.core_start:
                continue
        joiner = text[sep.start() : sep.end()].strip().lower()
        dash = joiner in ("-", "–", "—")
        if (
            rules.age_unit
            and low.unit == rules.age_unit
            and not high.unit
            and joiner in ("to", "à", "a")
            and low.value < high.value < 130
            and high.value == int(high.value)
        ):
            high.unit = low.unit  # "patients aged 45 to 80": a range of ages
            low.comparator, high.comparator = ">=", "<="
            continue
        if (
            rules.age_unit
            and low.unit == rules.age_unit
            and joiner in ("and", "et")
            and rules.unit.match(text, low.core_end) is None  # an age read from "aged", not "19 years"
            and low.value < high.value < 130
            and high.value == int(high.value)
            and high.unit.lower() not in rules.unit_words
            and high.unit != "%"
            and high.unit not in rules.currencies.values()
        ):
            high.unit = low.unit  # "Victims aged 19 and 21 died", "aged 19 and 21,": two ages
            high.end = high.core_end
            continue
        if low.unit and high.unit and _singular(low.unit) != _singular(high.unit):
            low_days, high_days = _DAYS_IN.get(_singular(low.unit)), _DAYS_IN.get(_singular(high.unit))
            if low_days is None or high_days is None or low.value * low_days >= high.value * high_days:
                # « un chef d'entreprise de 52 ans à 18 mois de prison », "aged 70 to 2,000
                # euros": two counts (not "ranging from 18 months to seven years")
                continue
        opener = rules.range_open.search(text, max(0, low.start - 12), low.start)
        if not (opener or dash) and not _bare_to_range(rules, text, low, high, joiner):
            continue
        conjunction = text[sep.start() : sep.end()].strip().lower() in ("et", "and")
        between = opener is not None and opener.group(0).strip().lower() in ("entre", "between")
        if not dash and conjunction and not between:
            if not low.unit and low.value < high.value and (
                high.unit.lower() in rules.unit_words
                or high.unit == "%"
                or high.unit in rules.currencies.values()
            ):
                low.unit = high.unit  # « âgés de 19 et 21 ans »: two values, one unit written
            continue  # "10 et 20" is a range only after "entre"
        if dash and not opener and low.value >= high.value and (
            low.unit == "%" or low.unit in rules.currencies.values() or low.unit.lower() in rules.unit_words
        ):
            continue  # "about 2 percent - one-third of what it is": a dash between two values
        if dash and not opener and (low.value >= high.value or _is_score(rules, text, low, high)):
            # ("Sweden 1 – 0 Korea Republic", "ended 0 – 0": no range runs downwards or nowhere)
            # "beat Rovers 3-1", « s'est imposé 2-0 »: a score is two counts, no range, no unit.
            low.unit = high.unit = ""
            high.end = high.core_end
            continue
        currency_first = low.unit in rules.currencies.values() and not high.unit
        if (not low.unit or currency_first) and low.mult == 1 and high.mult > 1 and _shares_scale(
            low, high
        ):
            low.value *= high.mult  # "between $1.2 and 1.5 billion", « de 3,5 à 4,2 millions »
        if not low.unit:
            low.unit = high.unit
        elif currency_first:
            high.unit = low.unit  # "between $1.2 and 1.5 billion", "from $5 to 10": one currency
        verb = None
        if opener and not between:
            verb = rules.change_before.search(text, max(0, opener.start() - 40), opener.start())
            # (« réduire les émissions de 30 à 40 % » is by 30 to 40 %: a range; "from" is a start)
            if verb is None and rules.change_object is not None and (high.unit != "%" or rules.lang != "fr"):
                verb = rules.change_object.search(text, max(0, opener.start() - 90), opener.start())
        by_verb = verb is not None and verb.groupdict().get("verb", "").lower() in rules.change_by_verbs
        if verb and not (high.unit == "%" and by_verb):
            continue  # "rose from 2,500 to 4,100", « passe de 3,5 à 4,2 millions »: two values
        low.comparator = ">="
        high.comparator = "<="
        if opener:
            low.start = opener.start()


def _bare_to_range(rules: NumberRules, text: str, low: Found, high: Found, joiner: str) -> bool:
    """ "2 to 4 inches of rain", « 8 à 12 euros »: a range with no opener, the unit written once
    after the high bound, or a currency or percent written with both ("a charge of $1.1 billion
    to $1.4 billion", "5% to 7%"), or a currency before the low bound and a scale after the
    high one ("$300 to 450 million"), the low one smaller, and no verb of change before ("rose
    2 to 4")."""
    if joiner not in ("to", "à", "a") or low.value >= high.value:
        return False
    if not high.unit:
        # "$300 to 450 million": the currency before the low bound, the scale after the high.
        return (
            low.unit in rules.currencies.values()
            and low.mult == 1
            and high.mult > 1
            and _shares_scale(low, high)
            and rules.change_before.search(text, max(0, low.start - 40), low.start) is None
        )
    written_twice = high.unit == "%" or high.unit in rules.currencies.values()
    if low.unit and (low.unit != high.unit or not written_twice):
        return False
    return rules.change_before.search(text, max(0, low.start - 40), low.start) is None


_BRACKETED_AFTER_NAME = re.compile(r"[A-Z][\w’'\-]*[ \u00a0\u202f]\($")


def _is_score(rules: NumberRules, text: str, low: Found, high: Found) -> bool:
    """Whether "3-1" is a score: two whole numbers under 100 joined by a bare dash, with a word of
    the match (beat, won, victory, « imposé », « victoire ») in the sentence around them, and no
    unit ("lost 3-5%" is a range)."""
    if low.value != int(low.value) or high.value != int(high.value) or max(low.value, high.value) >= 100:
        return False
    if high.unit == "%" or high.unit in rules.currencies.values() or high.unit.lower() in rules.unit_words:
        return False
    if text[low.core_end : high.core_start] not in ("-", "–", "—", " – ", " — ", " - "):
        return False
    if _NAME_BEFORE_SCORE.search(text, max(0, low.core_start - 40), low.core_start) and (
        _NAME_AFTER_SCORE.match(text, high.core_end)
    ):
        return True  # "Tunisia 1 – 2 England", "Lyon 2-3 Marseille": a result between two names
    if _BRACKETED_AFTER_NAME.search(text, max(0, low.core_start - 40), low.core_start) and (
        text.startswith(")", high.core_end)
    ):
        return True  # « Lyon a renversé Marseille (3-2) », "Rovers (2-1)": a result after a name
    around = rules.score_words.search(text, max(0, low.start - 100), min(len(text), high.core_end + 40))
    return around is not None


def unit_after(lang: str) -> re.Pattern[str]:
    """The pattern of a unit, percent or currency word right after a number (`match(text, pos)`)."""
    return rules_for(lang).unit
