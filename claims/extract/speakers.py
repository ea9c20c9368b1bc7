"""Who said each quote of an article, carried across a quotation of several sentences.

A quote with no speaker of its own ("a-t-il ajouté", "he said", or none) takes the named source
of the sentences just before, or the previous quote's speaker in the same or the previous
paragraph, or for a pronoun the person named just before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from claims.extract.attribution import Attributor
from claims.extract.quotes import QuoteSpan, closing_mark, continued_quote, quote_spans
from claims.extract.segment import SENTENCE, Segment

__all__ = ["interview_answers", "last_mention", "speakers_of_quotes"]


def speakers_of_quotes(
    text: str, segments: list[Segment], attributor: Attributor
) -> tuple[list[QuoteSpan], list[str | None]]:
    """Quotes of the article and who said each, carried across a multi-sentence quotation."""
    starts = [s.start for s in segments]
    quotes: list[QuoteSpan] = []
    speakers: list[str | None] = []
    paragraphs: dict[int, tuple[int, int]] = {}
    for seg in segments:
        lo, hi = paragraphs.get(seg.paragraph, (seg.start, seg.end))
        paragraphs[seg.paragraph] = (min(lo, seg.start), max(hi, seg.end))
    last: str | None = None
    last_paragraph = -10
    fullest: dict[str, str] = {}

    def known(name: str) -> bool:
        """Whether the article names this lone surname in full elsewhere ("Castellanos")."""
        if name not in fullest:
            fullest[name] = attributor.fullest(text, name)
        return fullest[name] != name

    ordered = sorted(paragraphs.items())
    # A quotation this paragraph closes without having opened it: where it closes, and the
    # index of the previous paragraph's part of it.
    carried: tuple[int, int] | None = None
    for number, (paragraph, (lo, hi)) in enumerate(ordered):
        begin = lo
        if carried is not None:
            close, part = carried
            close_seg = segments[max(0, bisect_right(starts, close) - 1)]
            speaker, _ = attributor.after_quote(text, close + 1, close_seg.end)
            if speaker is None:
                speaker = speakers[part]  # '... said, "I think ...\n\nIt was ... better."'
                if speaker is None and attributor.pronoun_attribution(text, close + 1, close_seg.end):
                    # « X a parlé. \n\n « ... \n\n ... », a-t-il martelé. »: the pronoun closing
                    # a quotation opened in the paragraph before stands for the person named
                    # before it opened.
                    index = bisect_right(starts, quotes[part].open) - 1
                    speaker = last_mention(text, segments, index, segments[index].paragraph, attributor)
                    speakers[part] = speaker
            else:
                speakers[part] = speaker  # '"... \n\n... better," said Gomez.'
            quotes.append(QuoteSpan(lo, close + 1))
            speakers.append(speaker)
            if speaker is not None:
                last, last_paragraph = speaker, paragraph
            begin, carried = close + 1, None
        for quote in quote_spans(text, begin, hi):
            close_seg = segments[max(0, bisect_right(starts, quote.close - 1) - 1)]
            open_seg = segments[max(0, bisect_right(starts, quote.open) - 1)]
            speaker, inherit = attributor.after_quote(text, quote.close, close_seg.end)
            referred = speaker is None and inherit  # (by a pronoun, a noun, or nothing)
            # Who reports the words quoted in their sentence ("Japan’s foreign ministry said in a
            # statement that the launches were “a clear violation”"), looked for once: first when
            # the sentence has two speech verbs ("X told reporters that the budget director had
            # told him ... “if it comes to that”": who reports it all, not the one nested in the
            # report), else after the quote's own attribution is found wanting.
            verbs = attributor.speech_verb_count(text, open_seg.start, quote.open) if speaker is None else 0
            reporter = attributor.source(text, open_seg.start, quote.open, known) if verbs > 1 else None
            if reporter is not None:
                speaker, reporter = reporter, None
            if speaker is None:
                # '”, the teenager said' after "Mensah, 19,": the person of that age
                speaker = attributor.aged_referent(text, quote.close, close_seg.end)
                referred = referred and speaker is None
                inherit = inherit and speaker is None
            if speaker is None:
                speaker = attributor.before_quote(text, open_seg.start, quote.open)
            if speaker is None and verbs == 1:
                reporter = attributor.source(text, open_seg.start, quote.open, known)
            if speaker is None and reporter is not None and not reporter[:1].islower():
                # (an office or a title in lowercase, « le président suisse a annoncé qu'il allait
                # l'« étendre » », only when no one named before stands for it: below)
                speaker, reporter = reporter, None
            if speaker is None and number and not text[begin : quote.open].strip():
                speaker = _introduced(text, segments, starts, ordered[number - 1][1], quote.open, attributor)
            if speaker is None:
                speaker = attributor.incise(text, quote.open, quote.close)
            if speaker is None and not text[open_seg.start : quote.open].strip():
                # '“This is the most important vote I will cast.” / Those were the words of Rep.
                # Ana Guerrero': a quote given to its speaker by the sentence after it
                after = bisect_right(starts, quote.close - 1)
                gap = text[quote.close : segments[after].start] if after < len(segments) else "x"
                if not gap.strip(" \n\t.”\"»"):
                    speaker = attributor.words_of(text, segments[after].start, segments[after].end)
            if speaker is None and quote.open > open_seg.start and attributor.opens_with_opinion_at(
                text, open_seg.start, quote.open
            ):
                # « Pour l’économiste Sophie Le Gall, de Natixis, l’objectif est « ... » »: whose
                # view the sentence opens with, not the previous quote's speaker (« Pour la
                # principale association ..., l’April : « ... » » names a new source too).
                speaker = attributor.opinion(text, open_seg.start, quote.open)
                inherit = False
                if speaker is None and attributor.opinion_refers_back(text, open_seg.start, quote.open):
                    # « Pour la syndicaliste, au contraire, « ... » »: the person named before.
                    speaker = _referent(
                        text, segments, starts, open_seg, attributor, last, paragraph - last_paragraph
                    )
            if speaker is None and attributor.incise_pronoun(text, quote.open, quote.close):
                # « Nous avons ..., a-t-elle reconnu, ... »: whom the pronoun stands for.
                speaker = _referent(
                    text, segments, starts, open_seg, attributor, last, paragraph - last_paragraph
                )
            if (
                speaker is None
                and inherit
                and (_fragment(text, quote) or _inner_title(text, quote, close_seg.end))
                and quote.open > open_seg.start
                and not attributor.has_speech_verb(text, open_seg.start, quote.open)
            ):
                # 'The minister, Hugo Blanchard, appealed for « responsabilité ».': a few words
                # quoted inside a sentence that reports no speech before them (a phrase, a title,
                # a scare quote) are not the previous quote's speaker's (« le président a
                # annoncé qu'il allait l'« accélérer » » still is).
                inherit = False
            if speaker is None and inherit and quote.open > open_seg.start:
                # A person named as the subject of the quote's own sentence takes it from the
                # previous speaker: « X a défendu sa décision : « ... ». Bruno Le Roux, président
                # du groupe, est intervenu, trouvant le « procédé ... » »
                speaker = attributor.opening_subject(text, open_seg.start, quote.open)
            if speaker is None and inherit:
                speaker = _previous_speaker(text, segments, starts, open_seg, attributor, known)
                if speaker is None and paragraph != last_paragraph and (
                    attributor.pronoun_attribution(text, quote.close, close_seg.end)
                    or attributor.pronoun_speech(text, open_seg.start, quote.open)
                ):
                    # 'Her colleague, Rep. Paul Grant, disagreed. "...," he said.', « Il a assuré
                    # que ce serait « quasi normal » »: the person named in this paragraph, not
                    # the previous paragraph's speaker.
                    index = bisect_right(starts, open_seg.start) - 1
                    speaker = last_mention(
                        text, segments, index, paragraph, attributor, same_paragraph=True, known=known
                    )
                if speaker is None and paragraph - last_paragraph <= 1:
                    speaker = last
                if speaker is None and attributor.pronoun_attribution(text, quote.close, close_seg.end):
                    # '"We will appeal," he said.': the person named just before ("Raman, 52,
                    # was born in ...": by a surname the article gives in full, too).
                    index = bisect_right(starts, open_seg.start) - 1
                    speaker = last_mention(text, segments, index, paragraph, attributor, known=known)
                    if speaker is None:
                        # « », reconnaît-elle » in a portrait: the one person it has named.
                        speaker = only_person(text, segments, index, attributor, known)
            if speaker is None and reporter is not None:
                speaker = reporter
            if referred and (speaker is None or not attributor.names_person(speaker)):
                # « », a reconnu le prévenu à la barre » after « selon la gendarmerie »: the
                # noun stands for a person, never for the office that spoke before
                speaker = attributor.referring_noun(text, quote.close, close_seg.end) or speaker
            if speaker is not None:
                last, last_paragraph = speaker, paragraph
            quotes.append(quote)
            speakers.append(speaker)
        after = quotes[-1].close if quotes and quotes[-1].open >= lo else lo
        opened = continued_quote(text, lo, hi, after)
        closes: int | None = None
        if opened is None and number + 1 < len(ordered):
            # A quotation opened here and closed in the next paragraph, which does not reopen it.
            closes = closing_mark(text, *ordered[number + 1][1])
            opened = None if closes is None else continued_quote(text, lo, hi, after, reopens=False)
        if opened is not None:
            # A quotation running on into the next paragraph, which reopens it without closing
            # this one (the English and French convention): the rest of this paragraph is quoted.
            open_seg = segments[max(0, bisect_right(starts, opened) - 1)]
            speaker = attributor.before_quote(text, open_seg.start, opened)
            if speaker is None and number and not text[lo:opened].strip():
                speaker = _introduced(text, segments, starts, ordered[number - 1][1], opened, attributor)
            speaker = speaker or attributor.incise(text, opened, hi)
            if speaker is None and paragraph == last_paragraph:
                speaker = last
            if speaker is None and attributor.incise_pronoun(text, opened, hi):
                speaker = _referent(
                    text, segments, starts, open_seg, attributor, last, paragraph - last_paragraph
                )
            if speaker is None and attributor.pronoun_speech(text, open_seg.start, opened):
                # 'Harry Kane won the award. He said, "In the first half ...': the person named
                # in this paragraph
                index = bisect_right(starts, open_seg.start) - 1
                speaker = last_mention(
                    text, segments, index, paragraph, attributor, same_paragraph=True, known=known
                )
            if speaker is not None:
                last, last_paragraph = speaker, paragraph
            quotes.append(QuoteSpan(opened, hi))
            speakers.append(speaker)
            if closes is not None:
                carried = (closes, len(speakers) - 1)
    return quotes, speakers


def _introduced(
    text: str,
    segments: list[Segment],
    starts: list[int],
    previous: tuple[int, int],
    opened: int,
    attributor: Attributor,
) -> str | None:
    """The speaker of a quotation opening its paragraph, named at the end of the paragraph
    before when that ends on a colon or a comma ("Rathbun stated,", "Obama tweeted using his
    account:", « Le ministre a déclaré : »)."""
    lo, hi = previous
    if not text[lo:hi].rstrip().endswith((":", ",")):
        return None
    seg = segments[max(0, bisect_right(starts, hi - 1) - 1)]
    return attributor.before_quote(text, seg.start, opened)


_FRAGMENT_WORDS = 4
"""At most this many words make a quoted fragment rather than a quotation."""


def _fragment(text: str, quote: QuoteSpan) -> bool:
    """Whether a quote is a few words inside a sentence (« responsabilité », "unacceptable")."""
    inner = text[quote.open + 1 : quote.close - 1].strip().rstrip(".,;!?")
    return len(inner.split()) <= _FRAGMENT_WORDS and not any(mark in inner for mark in ".!?")


_TITLE_WORDS = 8
_WORDS_AFTER_TITLE = 3


def _inner_title(text: str, quote: QuoteSpan, sentence_end: int) -> bool:
    """Whether a quote is a short title or phrase that its sentence goes on after (« une
    comédie musicale nommée « Les bâtisseurs de la gloire » présentée au Théâtre de verdure »)."""
    inner = text[quote.open + 1 : quote.close - 1].strip()
    if len(inner.split()) > _TITLE_WORDS or any(mark in inner for mark in ".!?;:"):
        return False
    return len(text[quote.close : sentence_end].split()) >= _WORDS_AFTER_TITLE


def _referent(
    text: str,
    segments: list[Segment],
    starts: list[int],
    seg: Segment,
    attributor: Attributor,
    last: str | None,
    paragraphs_since_last: int,
) -> str | None:
    """Whom a pronoun inside a quotation stands for: the source named just before, the
    previous quote's speaker in this paragraph or the one before, or the person named last."""
    speaker = _previous_speaker(text, segments, starts, seg, attributor)
    if speaker is None and paragraphs_since_last <= 1:
        speaker = last
    if speaker is None:
        index = bisect_right(starts, seg.start) - 1
        speaker = last_mention(text, segments, index, seg.paragraph, attributor)
    return speaker


def _previous_speaker(
    text: str,
    segments: list[Segment],
    starts: list[int],
    seg: Segment,
    attributor: Attributor,
    known: Callable[[str], bool] | None = None,
) -> str | None:
    """Who a pronoun refers to: the named source of one of the two sentences before, same
    paragraph ("Le préfet X a annoncé ... « ... », a-t-il assuré")."""
    index = bisect_right(starts, seg.start) - 1
    for back in (1, 2):
        if index - back < 0:
            break
        previous = segments[index - back]
        if previous.paragraph != seg.paragraph:
            break
        name = attributor.source(text, previous.start, previous.end, known)
        if name:
            return name
    return None


def last_mention(
    text: str,
    segments: list[Segment],
    index: int,
    paragraph: int,
    attributor: Attributor,
    same_paragraph: bool = False,
    known: Callable[[str], bool] | None = None,
) -> str | None:
    """The person a pronoun most likely stands for: the first named in the nearest of the
    three sentences before, in this paragraph or the one before ("Lawyer Tom Beck left the
    court. / "We will appeal," he said.")."""
    for back in (1, 2, 3):
        if index - back < 0:
            return None
        previous = segments[index - back]
        if paragraph - previous.paragraph > (0 if same_paragraph else 1):
            return None
        if previous.kind != SENTENCE:
            continue
        name = attributor.mention(text, previous.start, previous.end, known)
        if name:
            return name
    return None


def only_person(
    text: str,
    segments: list[Segment],
    index: int,
    attributor: Attributor,
    known: Callable[[str], bool] | None = None,
) -> str | None:
    """The person a pronoun stands for when no one is named near it: the only person the
    sentences before `index` name ("À 26 ans, Léa Fontaine dirige ... / Née en 1999, elle ...
    / « ... », reconnaît-elle"), none when they name two or more."""
    found: set[str] = set()
    for previous in segments[:index]:
        if previous.kind != SENTENCE:
            continue
        at = previous.start
        while (name := attributor.mention(text, at, previous.end, known)) is not None:
            found.add(attributor.fullest(text, name))
            if len(found) > 1:
                return None
            named = text.find(name, at, previous.end)
            if named < 0:
                break
            at = named + len(name)  # every person of the sentence, not only its first
    return next(iter(found)) if found else None


# An interview's labels: "Q:", "Question :", « Q. » before a question; "A:", « R : », "Réponse :"
# before an answer.
_QUESTION_LABEL = re.compile(r"(?:Q|Question)[ \u00a0\u202f]*[:.—–-][ \u00a0\u202f]")
_ANSWER_LABEL = re.compile(r"(?:A|R|Answer|Réponse)[ \u00a0\u202f]*[:.—–-][ \u00a0\u202f]")
# A question put to the person interviewed ("Will you ...?", « Comment avez-vous ... ? »).
_SECOND_PERSON = re.compile(r"(?<![\w’'])(?:you|your|vous|votre|vos)(?![\w’'\-])", re.IGNORECASE)
_MIN_QUESTIONS = 2
"""An interview puts at least this many questions, each in a paragraph of its own."""


def interview_answers(
    text: str, segments: list[Segment], attributor: Attributor
) -> tuple[str | None, frozenset[int]]:
    """The person interviewed and the paragraphs of their answers, when the article is an
    interview: paragraphs that are one question each ("Q: ...?", « Comment avez-vous ... ? »),
    each followed by the answer, after an introduction naming the person. (None, {}) otherwise."""
    paragraphs: dict[int, tuple[int, int]] = {}
    for seg in segments:
        lo, hi = paragraphs.get(seg.paragraph, (seg.start, seg.end))
        paragraphs[seg.paragraph] = (min(lo, seg.start), max(hi, seg.end))
    ordered = sorted(paragraphs.items())
    kinds: list[str] = []  # "q", "a" or "" for each paragraph
    for _, (lo, hi) in ordered:
        body = text[lo:hi].strip()
        if _QUESTION_LABEL.match(body):
            kinds.append("q")
        elif _ANSWER_LABEL.match(body):
            kinds.append("a")
        elif body.endswith("?") and body.count("?") == 1 and not any(m in body[:-1] for m in ".!"):
            kinds.append("q?")  # an unlabelled question: one sentence ending its paragraph
        else:
            kinds.append("")
    questions = [i for i, kind in enumerate(kinds) if kind.startswith("q")]
    if len(questions) < _MIN_QUESTIONS or questions[0] == 0:
        return None, frozenset()
    if any(i + 1 >= len(kinds) or kinds[i + 1].startswith("q") for i in questions):
        return None, frozenset()  # every question has its answer
    labelled = all(kinds[i] == "q" for i in questions)
    if not labelled and not any(_SECOND_PERSON.search(text, *ordered[i][1]) for i in questions):
        return None, frozenset()  # questions put to nobody: rhetorical ones
    person = None
    for seg in segments:
        if seg.paragraph >= ordered[questions[0]][0]:
            break
        if seg.kind == SENTENCE:
            person = attributor.mention(text, seg.start, seg.end)
            if person:
                break
    if person is None:
        return None, frozenset()
    answers = set()
    for i in range(questions[0] + 1, len(kinds)):
        if kinds[i] == "a" or (not kinds[i] and not labelled):
            answers.add(ordered[i][0])
    return person, frozenset(answers)
