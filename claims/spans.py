"""Claim boundaries a reviewer chooses: checking them, and what the extractor finds inside."""

from __future__ import annotations

from typing import Any

from claims.errors import ProjectError
from claims.model import Article

__all__ = ["check_span", "span_facets", "trimmed"]


def check_span(article: Article, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` inside the article, trimmed of whitespace at both ends."""
    if not 0 <= start < end <= len(article.text):
        raise ProjectError(
            f"span [{start}, {end}) is outside article {article.id} (length {len(article.text)})"
            if start < end
            else f"span [{start}, {end}) is empty or reversed: START must be below END"
        )
    # Never start or end on whitespace: a claim's text is what a reviewer would quote.
    start, end = trimmed(article.text, start, end)
    if start == end:
        raise ProjectError(f"span [{start}, {end}) holds only whitespace")
    return start, end


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` of `text` without the whitespace at either end (empty if it is all
    whitespace)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def span_facets(article: Article, start: int, end: int) -> dict[str, Any]:
    """Quantities, dates and speaker the extractor finds inside `[start, end)`, with the kind,
    score and reasons of the best claim it proposes there (absent when it proposes none)."""
    from claims.extract import extract  # deferred: lexicons load on use

    quantities: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    speaker = None
    found = extract(
        article.text[start:end], lang=article.lang, published=article.published,
        article_id=article.id,
    )
    for claim in found:
        for q in claim.quantities:
            quantities.append(
                q.model_copy(update={"start": q.start + start, "end": q.end + start}).model_dump(
                    mode="json"
                )
            )
        for d in claim.dates:
            dates.append(
                d.model_copy(update={"start": d.start + start, "end": d.end + start}).model_dump(
                    mode="json", by_alias=True
                )
            )
        speaker = speaker or claim.speaker
    facets: dict[str, Any] = {"quantities": quantities, "dates": dates, "speaker": speaker}
    if found:
        best = max(found, key=lambda c: c.score)
        reasons = list(dict.fromkeys(r for c in found for r in c.reasons))
        facets.update(kind=best.kind, score=best.score, reasons=reasons)
    return facets
