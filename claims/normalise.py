"""Texts in the form claims are compared in: folded, numbers in one spelling, no punctuation.

Accents and case are folded, number words and digit groupings turned into one spelling
("mille deux cents", "1 200" and "1,200" are all "1200"; "12 millions" is "12000000"),
percent signs and words become "percent", punctuation is dropped. `claims.similar` compares
claims this way.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["normalise", "numbers_in"]

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})
_NUMBER_RUN = re.compile(
    r"\d+(?:(?:[.,'’]|[ \u00a0\u202f\u2009])\d+)*"
    r"(?: ?(?P<mult>millions?|milliards?|billions?|trillions?|thousands?|bn|mn|m|k)(?![^\W\d_]))?"
)
_MULTIPLIERS = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6,
    "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "trillion": 1e12, "trillions": 1e12,
}
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_POINT = "\x1f"
"""Stands for a decimal point until punctuation is gone (a sentence's full stop is not one)."""
_PERCENT = re.compile(r"%|\b(?:pour ?cents?|per ?cent|pourcents?)\b")
_NON_WORD = re.compile(r"[^\w\x1f]+|_+")
_ASCII_PUNCT = {c: " " for c in range(128) if not (chr(c).isalnum() or c == 0x1F)}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DIGIT = re.compile(r"\d")


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def _spell_number(m: re.Match[str], lang: str) -> str:
    """One spelling of a number as news writes it: "1 200", "1,200", "1.200" (fr), "12 millions"."""
    body = m.group(0)
    if body.isdigit():
        return body  # most numbers: nothing to respell
    start = m.start()
    if start and m.string[start - 1].isalpha():
        return body  # part of a word or a code: "a10", "covid19"
    mult = m.group("mult")
    if mult:
        body = body[: m.start("mult") - start].rstrip()
    parts = _SPACES.split(body)
    # Spaces separate thousands only as "1 200 000": a first group of 1-3 digits, then threes.
    chunks = [parts[0]]
    grouping = parts[0].isdigit() and len(parts[0]) <= 3
    for part in parts[1:]:
        head = re.split(r"[.,]", part, maxsplit=1)[0]
        if grouping and len(head) == 3 and head.isdigit():
            chunks[-1] += part
            grouping = head == part
        else:
            chunks.append(part)
            grouping = part.isdigit() and len(part) <= 3
    spelled = [_spell_digits(c, lang) for c in chunks]
    if mult and spelled:
        last = spelled[-1].replace(_POINT, ".")
        spelled[-1] = _number(float(last) * _MULTIPLIERS[mult])
    return " ".join(spelled)


def _spell_digits(s: str, lang: str) -> str:
    if s.isdigit():
        return s
    marks = [ch for ch in s if not ch.isdigit()]
    groups = re.split(r"[.,'’]", s)
    if len(set(marks)) == 1 and len(marks) > 1 and marks[0] in ".,'’" and all(
        len(g) == 3 for g in groups[1:]
    ):
        return "".join(groups)  # 1,200,000 or 1.200.000: a repeated mark is never a decimal point
    if "'" in marks or "’" in marks:
        s = s.replace("'", "").replace("’", "")
    if "," in s and "." in s:  # the later mark is the decimal point
        if s.rindex(",") > s.rindex("."):
            return s.replace(".", "").replace(",", _POINT)
        return s.replace(",", "").replace(".", _POINT)
    head, _, tail = s.replace(",", ".").partition(".")
    sep = "," if "," in s else "."
    thousands = len(tail) == 3 and len(head) <= 3 and (
        (sep == "," and lang == "en") or (sep == "." and lang == "fr")
    )
    return head + tail if thousands else f"{head}{_POINT}{tail}" if tail else head


@functools.cache
def _word_numbers() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each shipped language with the words that can start a number written out in it."""
    from claims.extract import lexicons  # deferred: the lexicons load on first use
    from claims.extract.number_rules import rules_for

    return tuple((code, rules_for(code).word_triggers) for code in lexicons.available())


_LETTERS = re.compile(r"[^\W\d_]+")


def _number_words(text: str, lang: str) -> str:
    """Number words as digits ("trois cents" -> 300), through the extractor's lexicons."""
    tokens = set(_LETTERS.findall(text.lower()))
    table = _word_numbers()
    known_lang = any(code == lang for code, _ in table)  # else: try every language
    for code, triggers in table:
        if (known_lang and code != lang) or triggers.isdisjoint(tokens):
            continue
        from claims.extract.numbers import find_quantities

        found = [q for q in find_quantities(text, 0, len(text), code, tokens, has_digit=False)
                 if not _DIGIT.search(text, q.core_start, q.core_end)
                 and not _DIGIT.match(text[:q.core_start].rstrip()[-1:])]  # "12 millions"
        for q in sorted(found, key=lambda q: q.core_start, reverse=True):
            text = f"{text[:q.core_start]}{_number(q.value)}{text[q.core_end:]}"
        if found:
            break
    return text


def normalise(text: str, lang: str = "und") -> str:
    """`text` in the form claims are compared in: folded, numbers in one spelling, no punctuation.

    >>> normalise("Plus de mille deux cents ouvriers, 12,5 % de plus", "fr")
    'plus de 1200 ouvriers 12.5 percent de plus'
    """
    text = _number_words(text, lang)
    text = text.casefold()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_LIGATURES)
    if _DIGIT.search(text):
        text = _NUMBER_RUN.sub(lambda m: _spell_number(m, lang), text)
    if "%" in text or "cent" in text:
        text = _PERCENT.sub(" percent ", text)
    text = text.translate(_ASCII_PUNCT) if text.isascii() else _NON_WORD.sub(" ", text)
    return " ".join(text.replace(_POINT, ".").split())


def numbers_in(norm: str) -> set[str]:
    """The numbers of a normalised text, as spelled there."""
    return set(_NUMBER.findall(norm))
