"""Extraction pipeline: a plain sentence splitter until the full extractor lands."""

from __future__ import annotations

import re
from datetime import date

from claims.model import Claim, article_id_for, claim_id_for

EXTRACTOR_VERSION = "0.0.1"

_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+|$)", re.M)
_FRENCH_HINTS = re.compile(r"\b(?:le|la|les|des|est|une|et|dans|pour)\b", re.I)
_ENGLISH_HINTS = re.compile(r"\b(?:the|and|is|of|was|for|in|that)\b", re.I)


def detect_language(text: str) -> str:
    sample = text[:5000]
    fr = len(_FRENCH_HINTS.findall(sample))
    en = len(_ENGLISH_HINTS.findall(sample))
    return "fr" if fr > en else "en"


def extract(
    text: str,
    *,
    lang: str | None = None,
    published: date | None = None,
    article_id: str | None = None,
) -> list[Claim]:
    article_id = article_id or article_id_for(text)
    claims = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 20:
            continue
        claims.append(
            Claim(
                id=claim_id_for(article_id, start, end),
                article_id=article_id,
                start=start,
                end=end,
                text=text[start:end],
                score=0.5,
                reasons=["sentence"],
                origin=f"extractor/{EXTRACTOR_VERSION}",
            )
        )
    return claims
