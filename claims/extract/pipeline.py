"""The extraction pipeline: article text in, proposed claims out.

segment -> (per sentence) quantities, dates, quotes and speakers -> check-worthiness score.
Each sentence that is not a caption, byline or dateline becomes a claim (a long sentence is cut
at semicolons into clauses), with its facts made explicit and exact: offsets index into the
original text, and `text == article[start:end]` for the claim and for every facet.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from claims.extract import lexicons
from claims.extract.dates import FoundDate, find_dates, is_future
from claims.extract.numbers import Found, find_quantities
from claims.extract.quotes import Attributor, QuoteSpan, quote_spans
from claims.extract.score import is_checkworthy, score
from claims.extract.segment import SENTENCE, Segment, segment
from claims.model import Claim, DateSpan, Quantity, article_id_for, claim_id_for

EXTRACTOR_VERSION = "1.1.0"
ORIGIN = f"extractor/{EXTRACTOR_VERSION}"

_MIN_WORDS = 3
_CLAUSE_MIN = 400
_CLAUSE_MAX = 3000
_CLAUSE_CUT = re.compile(r";[ \u00a0\u202f]+")
# Starts with the capital so the regex engine can skip ahead; the look-behind checks the
# character before it. Scans start one character into the sentence, so the capital that
# opens it never counts (as in training, where each sentence is a text of its own).
_PROPER = re.compile(r"[A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ](?<=[\s(«“\"'’].)[\w\-]+")


@cache
def _hints(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.load(lang)["function_words"])


@dataclass(frozen=True)
class _Gates:
    """Words one of which must occur for a scan to be worth running (see `lexicons.triggers`)."""

    future: frozenset[str]
    comparison: frozenset[str]
    speech: frozenset[str]


@cache
def _gates(lang: str) -> _Gates:
    lex = lexicons.load(lang)
    common = lex.get("common_words", [])
    return _Gates(
        future=lexicons.triggers(lex["future_markers"], common=common),
        comparison=lexicons.triggers(lex["comparison_cues"], common=common),
        speech=lexicons.triggers([*lex["speech_verbs"], *lex["source_cues"]], common=common),
    )


_DIGIT = re.compile(r"\d")


@cache
def _currencies(lang: str) -> frozenset[str]:
    return frozenset(lexicons.load(lang)["currency_words"].values())


@cache
def _comparison(lang: str) -> re.Pattern[str]:
    cues = lexicons.alternation(lexicons.load(lang)["comparison_cues"])
    return re.compile(rf"(?<![\w\-])(?:{cues})(?![\w\-])")


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


@dataclass(slots=True)
class Analysed:
    """One proposed claim before it becomes a `Claim`: span, facets, score."""

    start: int
    end: int
    quantities: list[Found] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)
    speaker: str | None = None
    quote: bool = False
    facts: dict[str, float] = field(default_factory=dict)
    kind: str = "other"
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


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


def _speakers(
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
    for paragraph, (lo, hi) in sorted(paragraphs.items()):
        for quote in quote_spans(text, lo, hi):
            close_seg = segments[max(0, bisect_right(starts, quote.close - 1) - 1)]
            open_seg = segments[max(0, bisect_right(starts, quote.open) - 1)]
            speaker, inherit = attributor.after_quote(text, quote.close, close_seg.end)
            if speaker is None:
                speaker = attributor.before_quote(text, open_seg.start, quote.open)
            if speaker is None and inherit:
                speaker = _previous_speaker(text, segments, starts, open_seg, attributor)
                if speaker is None and paragraph - last_paragraph <= 1:
                    speaker = last
                if speaker is None and attributor.pronoun_attribution(text, quote.close, close_seg.end):
                    # '"We will appeal," he said.': the person named just before.
                    index = bisect_right(starts, open_seg.start) - 1
                    speaker = _last_mention(text, segments, index, paragraph, attributor)
            if speaker is not None:
                last, last_paragraph = speaker, paragraph
            quotes.append(quote)
            speakers.append(speaker)
    return quotes, speakers


def _previous_speaker(
    text: str, segments: list[Segment], starts: list[int], seg: Segment, attributor: Attributor
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
        name = attributor.source(text, previous.start, previous.end)
        if name:
            return name
    return None


def _last_mention(
    text: str, segments: list[Segment], index: int, paragraph: int, attributor: Attributor
) -> str | None:
    """The person a pronoun most likely stands for: the first named in the nearest of the
    three sentences before, in this paragraph or the one before ("Lawyer Tom Beck left the
    court. / "We will appeal," he said.")."""
    for back in (1, 2, 3):
        if index - back < 0:
            return None
        previous = segments[index - back]
        if paragraph - previous.paragraph > 1:
            return None
        if previous.kind != SENTENCE:
            continue
        name = attributor.mention(text, previous.start, previous.end)
        if name:
            return name
    return None


def analyse(text: str, lang: str, published: date | None) -> list[Analysed]:
    """Every proposed claim of `text` with its facets, before scoring filters."""
    segments = segment(text, lang)
    if not segments:
        return []
    attributor = Attributor(lang)
    quotes, quote_speakers = _speakers(text, segments, attributor)
    quote_opens = [q.open for q in quotes]
    comparison = _comparison(lang)
    fullest: dict[str, str] = {}

    def full(name: str) -> str:
        if name not in fullest:
            fullest[name] = attributor.fullest(text, name)
        return fullest[name]

    def known(name: str) -> bool:
        return full(name) != name

    out: list[Analysed] = []
    previous_speaker: tuple[str, int] | None = None
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
            )
            if item.speaker is None and attributor.pronoun_speech(text, start, end):
                # "She said the plan would cost ...": the person named or quoted just before.
                if previous_speaker and seg.paragraph - previous_speaker[1] <= 1:
                    item.speaker = previous_speaker[0]
                else:
                    item.speaker = _last_mention(text, segments, index, seg.paragraph, attributor)
                if item.speaker:
                    item.facts["named_source"] = 1.0
            if item.speaker:
                item.speaker = full(item.speaker)
                previous_speaker = (item.speaker, seg.paragraph)
            out.append(item)
    return out


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
) -> Analysed:
    item = Analysed(start, end)
    gates = _gates(lang)
    if words is None:
        words = lexicons.letter_tokens(text[start:end])
    tokens = set(words)
    has_digit = _DIGIT.search(text, start, end) is not None
    item.dates = find_dates(text, start, end, lang, published, None, tokens, has_digit)
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
    _facts(item, text, lang, comparison, attributor, gates, tokens, speech, has_digit, len(words))
    item.score, item.reasons = score(text[start:end], item.facts, lang, words)
    item.kind = _kind(item)
    return item


def analyse_sentence(text: str, lang: str, published: date | None = None) -> Analysed:
    """The whole of `text` analysed as one claim (used to score single sentences)."""
    attributor = Attributor(lang)
    quotes = quote_spans(text)
    seg = Segment(0, len(text), SENTENCE, 0)
    _, speakers = _speakers(text, [seg], attributor)
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
        _comparison(lang),
    )


def _inside(quantity: Found, dates: list[FoundDate], starts: list[int]) -> bool:
    """Whether the number of `quantity` is part of a date (the 16 of "16 et 17 février")."""
    index = bisect_right(starts, quantity.core_start) - 1
    return index >= 0 and quantity.core_end <= dates[index].end and not dates[index].counted


def _facts(
    item: Analysed,
    text: str,
    lang: str,
    comparison: re.Pattern[str],
    attributor: Attributor,
    gates: _Gates,
    tokens: set[str],
    speech: bool,
    has_digit: bool,
    words: int,
) -> None:
    start, end = item.start, item.end
    cardinal = [q for q in item.quantities if q.unit != "ordinal"]
    facts = item.facts
    facts["quantity"] = 1.0 if cardinal else 0.0
    facts["percent"] = 1.0 if any(q.unit == "%" for q in cardinal) else 0.0
    money = _currencies(lang)
    facts["money"] = 1.0 if any(q.unit in money for q in cardinal) else 0.0
    facts["comparator"] = 1.0 if any(q.comparator != "=" for q in cardinal) else 0.0
    compares = not gates.comparison.isdisjoint(tokens) and comparison.search(text, start, end)
    facts["comparison"] = 1.0 if compares else 0.0
    facts["date"] = 1.0 if item.dates else 0.0
    facts["quote"] = 1.0 if item.quote else 0.0
    facts["named_source"] = 1.0 if item.speaker else 0.0
    facts["source_cue"] = 1.0 if speech and attributor.has_source_cue(text, start, end) else 0.0
    facts["ordinal"] = 1.0 if len(cardinal) < len(item.quantities) else 0.0
    facts["proper_nouns"] = min(3, len(_PROPER.findall(text, start + 1, end))) / 3
    facts["question"] = 1.0 if text[start:end].rstrip("»”\"' \u00a0").endswith("?") else 0.0
    facts["short"] = 1.0 if words < 8 else 0.0
    facts["long"] = 1.0 if words > 30 else 0.0
    future = not gates.future.isdisjoint(tokens) and is_future(text, start, end, lang)
    facts["future"] = 1.0 if future else 0.0
    facts["digits"] = 1.0 if has_digit else 0.0


def _kind(item: Analysed) -> str:
    facts = item.facts
    if item.quote and item.speaker:
        return "quote"  # what is checked is what the person said
    if facts.get("comparison") and (facts.get("quantity") or facts.get("comparator")):
        return "comparison"
    if facts.get("quantity"):
        return "quantity"
    if facts.get("comparison"):
        return "comparison"
    if item.dates:
        return "date"
    if item.quote:
        return "quote"
    if facts.get("proper_nouns"):
        return "event"
    return "other"


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


def _records_from_line(
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


def _worker(
    job: tuple[str | bytes | dict[str, Any], str | None, date | None, float],
) -> list[dict[str, Any]]:
    return _records_from_line(*job)


def extract_many(
    lines: Iterable[str | bytes | dict[str, Any]],
    *,
    lang: str | None = None,
    published: date | None = None,
    min_score: float = 0.0,
    workers: int = 2,
    chunk: int = 16,
) -> Iterator[list[dict[str, Any]]]:
    """Per-article record lists for `--input jsonl`, in input order, memory flat in corpus size.

    Blank lines are skipped. With `workers > 1`, articles go to a process pool with at most
    `workers * chunk * 2` of them in flight; the pool only starts once the input proves larger
    than one chunk, so a small file pays no process start-up.
    """
    iterator = iter(lines)
    first: list[str | bytes | dict[str, Any]] = []
    for line in iterator:
        if isinstance(line, str | bytes) and not line.strip():
            continue
        first.append(line)
        if len(first) > chunk:
            break
    if workers <= 1 or len(first) <= chunk:
        for line in first:
            yield _records_from_line(line, lang, published, min_score)
        for line in iterator:
            if isinstance(line, str | bytes) and not line.strip():
                continue
            yield _records_from_line(line, lang, published, min_score)
        return
    yield from _pooled(first, iterator, lang, published, min_score, workers, chunk)


def _pooled(
    first: list[str | bytes | dict[str, Any]],
    rest: Iterator[str | bytes | dict[str, Any]],
    lang: str | None,
    published: date | None,
    min_score: float,
    workers: int,
    chunk: int,
) -> Iterator[list[dict[str, Any]]]:
    import multiprocessing  # noqa: PLC0415 - only needed for large inputs
    from collections import deque  # noqa: PLC0415
    from concurrent.futures import Future, ProcessPoolExecutor  # noqa: PLC0415

    def jobs() -> Iterator[tuple[str | bytes | dict[str, Any], str | None, date | None, float]]:
        for line in first:
            yield line, lang, published, min_score
        for line in rest:
            if isinstance(line, str | bytes) and not line.strip():
                continue
            yield line, lang, published, min_score

    def batches() -> Iterator[list[tuple[Any, str | None, date | None, float]]]:
        batch: list[tuple[Any, str | None, date | None, float]] = []
        for job in jobs():
            batch.append(job)
            if len(batch) >= chunk:
                yield batch
                batch = []
        if batch:
            yield batch

    context = multiprocessing.get_context("spawn" if _threads_running() else None)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_die_with_parent
    ) as pool:
        pending: deque[Future[list[list[dict[str, Any]]]]] = deque()
        for batch in batches():
            pending.append(pool.submit(_batch_worker, batch))
            while len(pending) >= workers * 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies, even by SIGKILL.

    Without it a worker of a killed `claims add` waits forever on its call queue, holding
    memory and the command's pipes. Elsewhere (no prctl) this does nothing.
    """
    import ctypes  # noqa: PLC0415 - only in pool workers
    import signal  # noqa: PLC0415

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def _batch_worker(
    batch: list[tuple[str | bytes | dict[str, Any], str | None, date | None, float]],
) -> list[list[dict[str, Any]]]:
    return [_worker(job) for job in batch]


def _threads_running() -> bool:
    import threading  # noqa: PLC0415

    return threading.active_count() > 1
