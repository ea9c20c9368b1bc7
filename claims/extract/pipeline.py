"""The extraction pipeline: article text in, proposed claims out.

segment -> (per sentence) quantities, dates, quotes and speakers -> check-worthiness score.
The facts and kind of a claim live in `facts`, who said each quote in `speakers` and
`attribution`, a corpus on several processes in `pool`.
Each sentence that is not a caption, byline or dateline becomes a claim (a long sentence is cut
at semicolons into clauses), with its facts made explicit and exact: offsets index into the
original text, and `text == article[start:end]` for the claim and for every facet.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

from claims.extract import lexicons
from claims.extract.attribution import Attributor, attributor_for
from claims.extract.dates import FoundDate, find_dates, is_period
from claims.extract.facts import Analysed, comparison_pattern, fill_facts, gates_for, kind_of
from claims.extract.number_rules import Found
from claims.extract.numbers import find_quantities
from claims.extract.quotes import QuoteSpan, quote_spans
from claims.extract.score import is_checkworthy, score
from claims.extract.segment import DATELINE, SENTENCE, Segment, segment
from claims.extract.speakers import interview_answers, last_mention, speakers_of_quotes
from claims.model import Claim, DateSpan, Quantity, article_id_for, claim_id_for

__all__ = [
    "EXTRACTOR_VERSION",
    "ORIGIN",
    "analyse",
    "analyse_sentence",
    "detect_language",
    "extract",
    "extract_records",
    "records_from_line",
]

EXTRACTOR_VERSION = "1.10.0"
ORIGIN = f"extractor/{EXTRACTOR_VERSION}"

_MIN_WORDS = 3
_PERSONAL_PRONOUN = re.compile(
    r"[\s“\"]*(?:according[ \u00a0]+to[ \u00a0]+(?:him|her)(?![\w’'])|(?:he|she)[ \u00a0]+)", re.I
)
"""A clause opening on an English pronoun that stands for a person ("She said", "According to
him,"); the French « il », « elle », « lui » stand for « l'ARS » or « le ministère » as well."""
_CLAUSE_MIN = 400
_CLAUSE_MAX = 3000
_CLAUSE_CUT = re.compile(r";[ \u00a0\u202f]+")


@cache
def _hints(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.load(lang)["function_words"])


_DIGIT = re.compile(r"\d")


def detect_language(text: str) -> str:
    """'fr' or 'en' (the languages with a lexicon), by counting function words in a sample."""
    words = lexicons.letter_tokens(text[:8000])
    best, best_count = lexicons.DEFAULT_LANG, -1
    for lang in lexicons.available():
        hints = _hints(lang)
        count = sum(1 for w in words if w in hints)
        if count > best_count:
            best, best_count = lang, count
    return best


def _clauses(text: str, seg: Segment) -> Iterator[tuple[int, int]]:
    """A sentence, or its clauses when it is long and cut by semicolons.

    A run-on "sentence" longer than `_CLAUSE_MAX` (a table, a dump, a 5 MB line) is cut at
    white space into pieces of at most that size, so no claim is unreadable or slow to analyse.
    """
    if seg.end - seg.start < _CLAUSE_MIN:
        yield seg.start, seg.end
        return
    start = seg.start
    for cut in _CLAUSE_CUT.finditer(text, seg.start, seg.end):
        if cut.start() + 1 - start >= 80 and seg.end - cut.end() >= 80:
            yield from _bounded(text, start, cut.start() + 1)
            start = cut.end()
    yield from _bounded(text, start, seg.end)


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > _CLAUSE_MAX:
        limit = start + _CLAUSE_MAX
        cut = max(text.rfind(" ", start + _CLAUSE_MAX // 2, limit), -1)
        if cut <= start:
            cut = limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


_TERMINAL_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves
    # OSC, DCS and the like: up to BEL or ST (a stray one, to the end of the line at most)
    r"|(?:\x1b[\]PX^_]|[\x90\x9d\x98\x9e\x9f])[^\x07\x1b\x9c\n]{0,512}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"  # any other escape
)


_SEQUENCE_START = re.compile("[\x1b\x90-\x9f]")


def mask_terminal_sequences(text: str) -> str:
    """`text` with every terminal escape sequence (colours, titles, cursor moves) turned into
    as many spaces, so that offsets hold and none of its parameters reads as a number or a
    word of the sentence. The claims keep the article's own text."""
    if _SEQUENCE_START.search(text) is None:
        return text
    return _TERMINAL_SEQUENCE.sub(lambda m: " " * len(m.group()), text)


def analyse(text: str, lang: str, published: date | None) -> list[Analysed]:
    """Every proposed claim of `text` with its facets, before scoring filters. Terminal escape
    sequences in the text are read as spaces (`mask_terminal_sequences`)."""
    text = mask_terminal_sequences(text)
    segments = segment(text, lang)
    if not segments:
        return []
    if published is None:
        # « GENÈVE, 3 déc 2026 (AFP) - », "22 mai 2012. -": the wire's own day is the article's
        published = _dateline_day(text, segments, lang)
    attributor = attributor_for(lang)
    quotes, quote_speakers = speakers_of_quotes(text, segments, attributor)
    quote_opens = [q.open for q in quotes]
    interviewee, answers = interview_answers(text, segments, attributor)
    comparison = comparison_pattern(lang)
    fullest: dict[str, str] = {}

    def full(name: str) -> str:
        if name not in fullest:
            fullest[name] = attributor.fullest(text, name)
        return fullest[name]

    def known(name: str) -> bool:
        return full(name) != name

    out: list[Analysed] = []
    previous_speaker: tuple[str, int] | None = None
    # The last date named, and its paragraph: "The next day, ...", "Two years later, ..." count
    # from it in the sentences that follow (in that paragraph or the next).
    previous_date: tuple[tuple[date, date], int] | None = None
    # The last month, quarter, half or year named, and its paragraph: "In the quarter", "For the
    # year" take it, where a day named since ("the company said Tuesday") would not do.
    previous_period: tuple[tuple[date, date], int] | None = None
    for index, seg in enumerate(segments):
        if seg.kind != SENTENCE:
            continue
        for start, end in _clauses(text, seg):
            words = lexicons.letter_tokens(text[start:end])
            if sum(1 for word in words[:12] if len(word) > 1) < _MIN_WORDS:
                continue
            item = _analyse_span(
                text,
                start,
                end,
                lang,
                published,
                attributor,
                quotes,
                quote_opens,
                quote_speakers,
                comparison,
                words,
                known,
                previous_date[0] if previous_date and seg.paragraph - previous_date[1] <= 1 else None,
                previous_period[0] if previous_period and seg.paragraph - previous_period[1] <= 1 else None,
            )
            named = [(d.from_, d.to) for d in item.dates if d.from_ is not None and d.to is not None]
            if named:
                previous_date = (named[-1][0], named[-1][1]), seg.paragraph
            periods = [n for n in named if is_period(n)]
            if periods:
                previous_period = (periods[-1][0], periods[-1][1]), seg.paragraph
            if previous_speaker and attributor.same_source(text, start, end):
                item.speaker = previous_speaker[0]  # « selon la même source »: the one before
                item.facts["named_source"] = 1.0
            if item.speaker is None and attributor.pronoun_speech(text, start, end):
                # "She said the plan would cost ...": the person named or quoted just before.
                item.speaker = attributor.inside_cue_person(text, start, end)
                if item.speaker is None and previous_speaker and previous_speaker[1] != seg.paragraph:
                    # "The minister, Sophie Garnier, went there. She promised ...": the person
                    # named in this paragraph before the previous paragraph's speaker.
                    item.speaker = last_mention(
                        text, segments, index, seg.paragraph, attributor, True, known
                    )
                if item.speaker is None and previous_speaker and previous_speaker[1] == seg.paragraph:
                    # "Morrison said ... Feeney was not persuaded. She said ...": the person
                    # opening the sentence just before, which reports nothing, not the speaker
                    item.speaker = _subject_just_before(text, segments, index, out, attributor, known)
                if item.speaker is None and previous_speaker and seg.paragraph - previous_speaker[1] <= 1:
                    item.speaker = previous_speaker[0]
                    personal = _PERSONAL_PRONOUN.match(text, start, end) is not None
                    if personal and not _person_like(item.speaker, attributor):
                        # "..., according to the Treasury. She said ...": "she", "him" stand for
                        # a person, not the office that spoke before
                        person = last_mention(text, segments, index, seg.paragraph, attributor)
                        item.speaker = person or item.speaker
                elif item.speaker is None:
                    item.speaker = last_mention(text, segments, index, seg.paragraph, attributor)
                if item.speaker:
                    item.facts["named_source"] = 1.0
            if (
                item.speaker is None
                and previous_speaker
                and seg.paragraph - previous_speaker[1] <= 1
                and (
                    attributor.document_subject(text, start, end)
                    or attributor.document_closes(text, start, end)  # "..., the report found."
                )
            ):
                item.speaker = previous_speaker[0]  # "The report says ...": its author's, named before
                item.facts["named_source"] = 1.0
            if item.speaker is None and (author := attributor.document_author(text, start, end)):
                item.speaker = author  # "A poll released Thursday by Saint Anselm College showed"
                item.facts["named_source"] = 1.0
            if item.speaker is None and seg.paragraph in answers:
                item.speaker = interviewee  # an interview's answer: the person interviewed
                item.facts["named_source"] = 1.0
            if (
                item.speaker
                and previous_speaker
                and seg.paragraph - previous_speaker[1] <= 1
                and _refers_back(item.speaker, previous_speaker[0], attributor.title_words)
            ):
                # "A senior Pentagon official ... said ... The official acknowledged": the same.
                item.speaker = previous_speaker[0]
            if item.speaker and " " not in item.speaker and item.speaker[:1].islower():
                # "The witness conceded": the person the article says testified
                item.speaker = attributor.role_person(text, start, item.speaker) or item.speaker
            if item.speaker and item.speaker.lower() in _PRONOUNS and not item.speaker.isupper():
                item.speaker = None  # 'a woman ... who said', '"...," you said': no name of anyone
            if item.speaker:
                item.speaker = full(item.speaker)
                previous_speaker = (item.speaker, seg.paragraph)
            out.append(item)
    return out


_PRONOUNS = frozenset(
    ["who", "whom", "which", "that", "you", "i", "we", "he", "she", "it", "they", "qui", "que",
     "vous", "tu", "je", "nous", "il", "elle", "on", "ils", "elles"]
)
"""Words a speaker rule may take for a name that name no one."""
_YEAR = re.compile(r"\d{4}")


def _subject_just_before(
    text: str,
    segments: list[Segment],
    index: int,
    out: list[Analysed],
    attributor: Attributor,
    known: Any,
) -> str | None:
    """The person named at the opening of the sentence right before `index`, in its paragraph,
    when that sentence has no speaker ("Feeney was not persuaded."): whom a pronoun after it
    stands for."""
    if index == 0 or not out:
        return None
    previous = segments[index - 1]
    if (
        previous.kind != SENTENCE
        or previous.paragraph != segments[index].paragraph
        or out[-1].start < previous.start
        or out[-1].speaker is not None
        or out[-1].quote
    ):
        return None
    name = attributor.mention(text, previous.start, previous.end, known)
    opening = text[previous.start : previous.end].lstrip()
    at = opening.find(name) if name else -1
    if name is None or at < 0 or not name[:1].isupper():
        return None
    if not all(word[:1].isupper() for word in opening[:at].split()):
        return None  # (only a title before it: "Nurse Jill Park was not convinced.")
    return name


def _dateline_day(text: str, segments: list[Segment], lang: str) -> date | None:
    """The day a dateline opening the article names with its year (« GENÈVE, 3 déc 2026 (AFP)
    - », "22 mai 2012. -"), which dates the article when no publication date is given; none for
    a dateline without a year ("PARIS, Feb. 18 (AFP) -")."""
    for seg in segments[:2]:
        if seg.kind != DATELINE:
            continue
        for found in find_dates(text, seg.start, seg.end, lang, None):
            day = found.from_
            if day is not None and day == found.to and _YEAR.search(text, found.start, found.end):
                return day
    return None


def _person_like(name: str, attributor: Attributor) -> bool:
    """Whether a speaker may be what "he" or « elle » stands for: a person's name of two words
    or more, or an office in lowercase (« le maire »); not an organisation's name ("Bercy",
    "Institute for Fiscal Studies")."""
    if not name[:1].isupper():
        return True
    return " " in name and attributor.names_person(name)


_SOURCE_QUALIFIERS = frozenset(["familiar", "close", "briefed", "proche", "proches"])


def _refers_back(noun: str, previous: str, titles: frozenset[str] = frozenset()) -> bool:
    """Whether a one-word office ("official", "officials") is the head of the previous speaker's
    longer name ("senior Pentagon official", "state officials"), or the title the previous
    speaker was named with ("The chief said" after "Denver Police Chief Angela Ruiz")."""
    words = previous.split()
    if " " in noun or len(words) < 2 or not noun[:1].islower():
        return False
    if words[-1] == noun:
        return True
    if words[0] == noun and words[1] in _SOURCE_QUALIFIERS:
        return True  # "the people said" after "people familiar with the matter"
    return noun.capitalize() in titles and noun.capitalize() in words[:-1]


def _analyse_span(
    text: str,
    start: int,
    end: int,
    lang: str,
    published: date | None,
    attributor: Attributor,
    quotes: list[QuoteSpan],
    quote_opens: list[int],
    quote_speakers: list[str | None],
    comparison: re.Pattern[str],
    words: list[str] | None = None,
    known: Any = None,
    date_context: tuple[date, date] | None = None,
    period_context: tuple[date, date] | None = None,
) -> Analysed:
    item = Analysed(start, end)
    gates = gates_for(lang)
    if words is None:
        words = lexicons.letter_tokens(text[start:end])
    tokens = set(words)
    has_digit = _DIGIT.search(text, start, end) is not None
    item.dates = find_dates(
        text, start, end, lang, published, None, tokens, has_digit, date_context, period_context
    )
    quantities = find_quantities(text, start, end, lang, tokens, has_digit)
    if item.dates and quantities:
        date_starts = [d.start for d in item.dates]
        quantities = [q for q in quantities if not _inside(q, item.dates, date_starts)]
    item.quantities = quantities
    # The first quote overlapping the span gives its speaker.
    index = bisect_right(quote_opens, end) - 1
    while index >= 0 and quotes[index].close > start:
        item.quote = True
        if quote_speakers[index]:
            item.speaker = quote_speakers[index]
        index -= 1
    speech = not gates.speech.isdisjoint(tokens)
    if item.speaker is None and speech:
        item.speaker = attributor.source(text, start, end, known)
    if item.speaker is None and words and attributor.opens_with_opinion(words[0]):
        item.speaker = attributor.opinion(text, start, end)  # « Pour l’économiste X, ... »
    fill_facts(item, text, lang, comparison, attributor, gates, tokens, speech, has_digit, len(words))
    item.score, item.reasons = score(text[start:end], item.facts, lang, words)
    item.kind = kind_of(item)
    return item


def analyse_sentence(text: str, lang: str, published: date | None = None) -> Analysed:
    """The whole of `text` analysed as one claim (used to score single sentences)."""
    text = mask_terminal_sequences(text)
    attributor = attributor_for(lang)
    quotes = quote_spans(text)
    seg = Segment(0, len(text), SENTENCE, 0)
    _, speakers = speakers_of_quotes(text, [seg], attributor)
    return _analyse_span(
        text,
        0,
        len(text),
        lang,
        published,
        attributor,
        quotes,
        [q.open for q in quotes],
        speakers,
        comparison_pattern(lang),
    )


def _inside(quantity: Found, dates: list[FoundDate], starts: list[int]) -> bool:
    """Whether the number of `quantity` is part of a date (the 16 of "16 et 17 février")."""
    index = bisect_right(starts, quantity.core_start) - 1
    return index >= 0 and quantity.core_end <= dates[index].end and not dates[index].counted


def extract(
    text: str,
    *,
    lang: str | None = None,
    published: date | None = None,
    article_id: str | None = None,
) -> list[Claim]:
    """Proposed claims of `text`, sorted by start; `text == article[start:end]` for each."""
    article_id = article_id or article_id_for(text)
    lang = _language(text, lang)
    claims: list[Claim] = []
    for item in analyse(text, lang, published):
        claims.append(
            Claim(
                id=claim_id_for(article_id, item.start, item.end),
                article_id=article_id,
                start=item.start,
                end=item.end,
                text=text[item.start : item.end],
                kind=item.kind,
                score=item.score,
                reasons=item.reasons,
                quantities=[
                    Quantity(
                        value=q.value,
                        comparator=q.comparator,
                        unit=q.unit,
                        text=text[q.start : q.end],
                        start=q.start,
                        end=q.end,
                    )
                    for q in item.quantities
                ],
                dates=[
                    DateSpan(
                        **{"from": d.from_},
                        to=d.to,
                        text=text[d.start : d.end],
                        start=d.start,
                        end=d.end,
                    )
                    for d in item.dates
                ],
                speaker=item.speaker,
                origin=ORIGIN,
            )
        )
    return claims


def _language(text: str, lang: str | None) -> str:
    if lang and lang != "auto":
        return lang
    return detect_language(text)


def extract_records(
    text: str,
    *,
    lang: str | None = None,
    published: date | None = None,
    article_id: str | None = None,
    min_score: float = 0.0,
) -> list[dict[str, Any]]:
    """DESIGN.md's JSONL line dicts for one article (`claims extract`), sorted by start.

    Built straight from the analysis, without pydantic, so `--input jsonl` stays fast.
    """
    aid = article_id or article_id_for(text)
    lang = _language(text, lang)
    records: list[dict[str, Any]] = []
    for item in analyse(text, lang, published):
        if item.score < min_score:
            continue
        records.append(
            {
                "id": claim_id_for(aid, item.start, item.end),
                "start": item.start,
                "end": item.end,
                "text": text[item.start : item.end],
                "kind": item.kind,
                "score": item.score,
                "checkworthy": is_checkworthy(item.score),
                "quantities": [
                    {
                        "value": q.value,
                        "comparator": q.comparator,
                        "unit": q.unit,
                        "text": text[q.start : q.end],
                        "start": q.start,
                        "end": q.end,
                    }
                    for q in item.quantities
                ],
                "dates": [
                    {
                        "from": d.from_.isoformat() if d.from_ else None,
                        "to": d.to.isoformat() if d.to else None,
                        "text": text[d.start : d.end],
                        "start": d.start,
                        "end": d.end,
                    }
                    for d in item.dates
                ],
                "speaker": item.speaker,
                "reasons": item.reasons,
            }
        )
    return records


def records_from_line(
    line: str | bytes | dict[str, Any], lang: str | None, published: date | None, min_score: float
) -> list[dict[str, Any]]:
    """Records for one `--input jsonl` line, each with `article_id` = the line's `id`."""
    import orjson  # noqa: PLC0415 - only the JSONL mode needs it

    record = line if isinstance(line, dict) else orjson.loads(line)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ValueError("each line must be a JSON object with a string 'text'")
    line_lang = record.get("lang") or lang
    line_published = published
    if record.get("published"):
        line_published = date.fromisoformat(str(record["published"])[:10])
    external = record.get("id")
    text = record["text"]
    out = extract_records(text, lang=line_lang, published=line_published, min_score=min_score)
    for item in out:
        item["article_id"] = external
    return out


