"""Sentence segmentation written for news, with exact offsets into the article.

One pass over each paragraph with a precompiled regex finds candidate sentence ends; each is
then judged with a few rules that the generic splitters get wrong on news:

- abbreviations and titles (M., Mme, Dr, Gen., Lt., Jan., av. J.-C., U.S.) do not end a sentence
  unless a typical sentence opener follows;
- `?`/`!` before a closing guillemet followed by a comma or a lowercase word (« Pourquoi ? »,
  a-t-il demandé) do not end a sentence;
- a quotation of several sentences is split like any text (each piece gets the quote's speaker
  in the pipeline), or kept whole with its attribution when asked (`keep_quotes=True`);
- captions (PHOTO NAME, AGENCE FRANCE-PRESSE), bylines and datelines ((Lorient), 22 mai 2012. -,
  WASHINGTON (Reuters) -) come out as their own segments with a kind other than "sentence", so
  they are never proposed as claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from claims.extract import lexicons
from claims.extract.quotes import quote_spans

__all__ = ["BYLINE", "CAPTION", "DATELINE", "SENTENCE", "Segment", "segment"]

SENTENCE = "sentence"
CAPTION = "caption"
DATELINE = "dateline"
BYLINE = "byline"

_WS = " \t\r\n\u00a0\u202f\u2009\u200b\ufeff\f\v"
_UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒÁÍÓÚÑ"


@dataclass(frozen=True, slots=True)
class Segment:
    """A span of the article: a sentence, or a caption, byline or dateline that is not a claim."""

    start: int
    end: int
    kind: str
    paragraph: int
    """Index of the paragraph (block of text between blank lines) holding the segment."""


# A candidate end: terminal punctuation, then any closing quotes or brackets. French puts a
# (narrow) no-break space before the closing guillemet; English quotes hug the punctuation.
_END = re.compile(r"(?:[.!?]+|…)(?:[\"”’')\]]|[ \u00a0\u202f]*»|[ \u00a0\u202f]+\"(?=\s|$))*")
_NEXT = re.compile(r"[ \t\u00a0\u202f\u2009]+(\S)")
_WORD_BEFORE = re.compile(r"([\w’'.\-]*\w)\.$")
_WORD_AFTER = re.compile(r"[«“\"‘'(\[]?\s*([\w’'\-]+)")
_ACRONYM = re.compile(r"(?:\w\.-?)+\w")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\u00a0\u202f\f\v]*\n")
_LINE = re.compile(r"[^\n]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_CAPITALS = re.compile(rf"[{_UPPER}]+")

_DATELINES = re.compile(
    rf"""(?x)
    (?:
        \(\s*[{_UPPER}][^()\n]{{0,40}}\)                              # (Lorient)
      | \d{{1,2}}(?:er)?\s+[^\W\d]{{3,10}}\.?\s+\d{{4}}\s*\.?\s*[-–—]+  # 22 mai 2012. -
      | [{_UPPER}][{_UPPER}'’.\-]+(?:[ ][{_UPPER}][{_UPPER}'’.\-]+){{0,3}}  # WASHINGTON, PARIS
        (?:,[ ][^\n()—–]{{1,30}}?)?
        (?:[ ]?\((?:AFP|Reuters|AP|Belga|ATS|CP|PC|Xinhua|dpa|ANSA|EFE)\))?
        [ ]*[-–—]+
      | [{_UPPER}][\w'’\-]+(?:[ ][{_UPPER}][\w'’\-]+){{0,2}}
        [ ]?\((?:AFP|Reuters|AP|Belga|ATS|CP|PC|Xinhua|dpa|ANSA|EFE)\)[ ]*[-–—:]*
    )
    [ \t\u00a0\u202f]+(?=\S)
    """
)
_DATE_LINE = re.compile(
    r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi"
    r"|samedi|dimanche)?,?\s*(?:\d{1,2}(?:er)?\s+)?[^\W\d]{3,10}\.?\s+\d{1,2}?,?\s*\d{4}\.?$"
)


@dataclass(frozen=True)
class _Rules:
    titles: frozenset[str]
    abbreviations: frozenset[str]
    starters: frozenset[str]
    caption: re.Pattern[str]
    byline: re.Pattern[str]
    after_clock: frozenset[str] = frozenset()
    """Words that go on with the sentence after "4 p.m." ("at 11:40 p.m. Friday")."""


@cache
def _rules(lang: str) -> _Rules:
    lex = lexicons.load(lang)
    # Foreign titles and abbreviations show up in any language's news: merge every lexicon,
    # the article's own first.
    others = [lexicons.load(code) for code in lexicons.available() if code != lang]
    titles = set(lex["title_abbreviations"])
    abbreviations = set(lex["abbreviations"])
    starters = set(lex["sentence_starters"]) | set(lex["not_names"])
    starters |= {w.capitalize() for w in lex["function_words"]}
    caption_words = set(lex["caption_words"])
    byline_words = set(lex["byline_words"])
    for other in others:
        titles |= set(other["title_abbreviations"])
        abbreviations |= set(other["abbreviations"])
        starters |= set(other["sentence_starters"])
        caption_words |= set(other["caption_words"])
        byline_words |= set(other["byline_words"])
    caption = re.compile(
        r"(?:(?:PHOTOS?|Photos?|ILLUSTRATION|VIDÉO|VIDEO|Crédits?|Credit|©|FILE PHOTO)\b[\s:]?"
        r"|.*(?:,|/|\|)\s*(?:"
        + "|".join(re.escape(w) for w in sorted(caption_words, key=len, reverse=True))
        + r")\s*\.?$)"
    )
    byline = re.compile(
        r"(?:" + "|".join(re.escape(w) for w in sorted(byline_words, key=len, reverse=True)) + r")\b[\s:]"
    )
    return _Rules(
        titles=frozenset(titles),
        abbreviations=frozenset(abbreviations),
        starters=frozenset(starters),
        caption=caption,
        byline=byline,
        after_clock=frozenset(
            [*(w.capitalize() for w in lex["weekdays"]), *(w.capitalize() for w in lex["months"]),
             *lex.get("clock_zone_words", [])]
        ),
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


def _is_caption(rules: _Rules, line: str) -> bool:
    if len(line) > 300 or line.endswith(("?", "!")):
        return False
    if rules.caption.match(line):
        return True
    # A line in capitals with a comma and no sentence end: "JEFF PACHOUD, AFP".
    if line.endswith(".") or ("," not in line and "/" not in line):
        return False
    letters = _LETTERS.findall(line)
    count = sum(map(len, letters))
    return count >= 6 and sum(map(len, _CAPITALS.findall(line))) >= 0.8 * count


def _is_byline(rules: _Rules, line: str) -> bool:
    return len(line) <= 100 and rules.byline.match(line) is not None and not line.endswith(".")


def _blocks(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, paragraph) of each block: a line, or lines joined when a line wraps."""
    paragraph = 0
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        yield from _lines(text, pos, brk.start(), paragraph)
        paragraph += 1
        pos = brk.end()
    yield from _lines(text, pos, len(text), paragraph)


def _lines(text: str, start: int, end: int, paragraph: int) -> Iterator[tuple[int, int, int]]:
    block_start = -1
    block_end = -1
    for line in _LINE.finditer(text, start, end):
        s, e = _strip(text, line.start(), line.end())
        if s == e:
            continue
        if block_start >= 0:
            # A line that starts lowercase continues the previous one (hard-wrapped text).
            if text[s].islower() and text[block_end - 1] not in '.!?»”"':
                block_end = e
                continue
            yield block_start, block_end, paragraph
        block_start, block_end = s, e
    if block_start >= 0:
        yield block_start, block_end, paragraph


def _ends_sentence(
    rules: _Rules, text: str, block_start: int, punct_start: int, punct: str, next_char: str, next_pos: int
) -> bool:
    """Whether the punctuation `punct` at `punct_start`, followed by `next_char`, ends a sentence."""
    if next_char.islower() or next_char in ",;:)]}%":
        return False
    if not (next_char.isupper() or next_char.isdigit() or next_char in "«“\"‘'([¿¡—–-•*#"):
        return False
    if next_char == "(":
        # A citation after a quotation belongs to it: "... stairways" (Smith 55).
        close = text.find(")", next_pos, next_pos + 40)
        if close > 0 and text[close + 1 : close + 2] in (".", "!", "?"):
            return False
    if punct[0] != "." or punct.startswith(".."):
        return not (punct[0] in "?!" and next_char in "»")
    # A single period: look at the word it closes.
    if punct_start > block_start and text[punct_start - 1] in "°º":
        return False  # N°. 12
    before = _WORD_BEFORE.search(text, max(block_start, punct_start - 40), punct_start + 1)
    if before is None:
        return True
    word = before.group(1)
    after = _WORD_AFTER.match(text, next_pos)
    next_word = after.group(1) if after else ""
    starter = next_word in rules.starters
    bare = word.rsplit(".", 1)[-1] if "." in word else word
    if word in rules.titles or bare in rules.titles:
        return False
    if word in rules.abbreviations or word.lower() in rules.abbreviations or (
        word.isupper() and word.title() in rules.abbreviations  # "FEB. 26", « JANV. 2026 »
    ):
        # "etc.)" or "Inc.»": a bracket or quote closes after it, so the sentence ends there.
        return starter or next_char in '«“"‘' or len(punct) > 1
    if len(word) == 1 and word.isalpha() and word.isupper():
        return starter  # an initial: Joseph J. Lhota
    if _ACRONYM.fullmatch(word):
        if word.lower() in ("a.m", "p.m"):
            if next_word in rules.after_clock or next_word.isupper():
                return False  # "at 11:40 p.m. Friday", "at 5 p.m. ET": the day or zone of that time
            return starter or next_word[:1].isupper()  # "from noon to 5 p.m. Firefighters ..."
        return starter  # U.S. President / av. J.-C. / a.m.
    return not (word.isdigit() and next_char.isdigit())


def segment(text: str, lang: str = "fr", keep_quotes: bool = False) -> list[Segment]:
    """Every segment of `text`, in order, stripped of surrounding white space.

    A quotation of several sentences is split into its sentences, as the treebanks do (the
    pipeline gives every piece the quote's speaker); with `keep_quotes` it stays one segment
    with its attribution.
    """
    rules = _rules(lang)
    out: list[Segment] = []
    for block_start, block_end, paragraph in _blocks(text):
        start = block_start
        line = text[block_start:block_end]
        if _is_caption(rules, line):
            out.append(Segment(block_start, block_end, CAPTION, paragraph))
            continue
        if _is_byline(rules, line):
            out.append(Segment(block_start, block_end, BYLINE, paragraph))
            continue
        if len(line) <= 40 and _DATE_LINE.match(line):
            out.append(Segment(block_start, block_end, DATELINE, paragraph))
            continue
        dateline = _DATELINES.match(text, block_start, block_end)
        if dateline:
            s, e = _strip(text, block_start, dateline.end())
            out.append(Segment(s, e, DATELINE, paragraph))
            start = dateline.end()
        out.extend(_sentences(rules, text, start, block_end, paragraph, keep_quotes))
    return out


_LIST_MARKER = re.compile(r"(?:[•⁃][ \t]*)?(?:(\d{1,2})|([a-z]))(?:\.\)|\.|\))(?=[ \t\u00a0]+\S)")
_BULLET = re.compile(r"[•⁃](?<!\S[•⁃])[ \t]*(?:\d{1,3}(?:\.\)|\.|\))|[a-z](?:\.\)|\.|\)))?")


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the markers of an inline list: "1. ... 2. ...", "a) ... b) ...", "• ... • ..."."""
    first = _LIST_MARKER.match(text, start, end)
    if first is not None and (first.group(1) or first.group(2)) in ("1", "a"):
        markers: list[tuple[int, int]] = []
        expected = first.group(1) or first.group(2)
        for match in _LIST_MARKER.finditer(text, start, end):
            if match.start() > start and not text[match.start() - 1].isspace():
                continue
            label = match.group(1) or match.group(2)
            if label != expected:
                continue
            markers.append(match.span())
            expected = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        if len(markers) >= 2:
            return markers
    if text.find("•", start, end) < 0 and text.find("⁃", start, end) < 0:
        return []
    bullets = [(m.start(), m.end()) for m in _BULLET.finditer(text, start, end)]
    return bullets if len(bullets) >= 2 else []


def _sentences(
    rules: _Rules, text: str, start: int, end: int, paragraph: int, keep_quotes: bool
) -> Iterator[Segment]:
    quotes = [q for q in quote_spans(text, start, end) if q.close - q.open <= 3000] if keep_quotes else []
    items = _list_items(text, start, end)
    cuts = [a for a, _ in items if a > start]
    qi = 0
    ii = 0
    for match in _END.finditer(text, start, end):
        cut = match.end()
        while qi < len(quotes) and quotes[qi].close <= match.start():
            qi += 1
        if qi < len(quotes) and quotes[qi].open < match.start() and cut < quotes[qi].close:
            continue  # inside a quotation that closes later in the paragraph
        while ii < len(items) and items[ii][1] <= match.start():
            ii += 1
        if ii < len(items) and items[ii][0] <= match.start():
            continue  # the period of a list marker ("2.")
        if cut >= end:
            break
        nxt = _NEXT.match(text, cut, end)
        if nxt is None:
            continue
        punct = text[match.start() : match.end()]
        if not _ends_sentence(rules, text, start, match.start(), punct, nxt.group(1), nxt.start(1)):
            continue
        cuts.append(cut)
    if items:
        cuts.sort()
    sentence_start = start
    for cut in cuts:
        s, e = _strip(text, sentence_start, cut)
        if s < e:
            yield Segment(s, e, SENTENCE, paragraph)
        sentence_start = cut
    s, e = _strip(text, sentence_start, end)
    if s < e:
        yield Segment(s, e, SENTENCE, paragraph)
