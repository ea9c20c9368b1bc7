"""Native records: a claim row from the store turned into the dict `ExportRecord` describes.

Built by hand, in the model's field order, for speed; `tests/test_exports` checks the keys against
`exports.records` and validates the output with the generated JSON Schema.
"""

from __future__ import annotations

from typing import Any

import orjson

from claims.model import SCHEMA_VERSION
from exports.passages import ArticlePassages
from exports.reader import ArticleRow, ClaimRow, Filters

Fragment = orjson.Fragment


class NativeBuilder:
    """Turns (article, claim) rows into native records; caches per-article work."""

    def __init__(self, label_scale: str, filters: Filters) -> None:
        self.label_scale = label_scale
        self.filters = filters
        self._article_id: str | None = None
        self._article: Fragment | None = None
        self._passages: ArticlePassages | None = None
        self._paragraphs: dict[tuple[int, int], Fragment] = {}

    def _article_parts(self, article: ArticleRow) -> tuple[Fragment, ArticlePassages]:
        if self._article_id != article.id or self._article is None or self._passages is None:
            ref: dict[str, Any] = {
                "id": article.id,
                "title": article.title,
                "url": article.url,
                "published": article.published,
                "lang": article.lang,
            }
            if self.filters.with_articles:
                ref["external_id"] = article.external_id
                ref["metadata"] = Fragment(article.metadata)
                ref["text"] = article.text
            self._article = Fragment(orjson.dumps(ref))
            self._passages = ArticlePassages(article.text)
            self._paragraphs = {}
            self._article_id = article.id
        return self._article, self._passages

    def record(self, article: ArticleRow, claim: ClaimRow) -> dict[str, Any]:
        article_ref, passages = self._article_parts(article)
        text = passages.text
        s0, s1 = passages.sentence(claim.start, claim.end)
        p0, p1 = passages.paragraph(claim.start, claim.end)
        paragraph = self._paragraphs.get((p0, p1))
        if paragraph is None:  # claims share paragraphs: encode each once
            paragraph = self._paragraphs[p0, p1] = Fragment(
                orjson.dumps({"text": text[p0:p1], "start": p0, "end": p1})
            )
        reviews = claim.reviews
        origin = claim.origin
        adjudication = claim.adjudication
        return {
            "schema_version": SCHEMA_VERSION,
            "claim_id": claim.id,
            "article": article_ref,
            "text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "sentence": {"text": text[s0:s1], "start": s0, "end": s1},
            "paragraph": paragraph,
            "kind": claim.kind,
            "score": claim.score,
            "reasons": Fragment(claim.reasons),
            "quantities": Fragment(claim.quantities),
            "dates": Fragment(claim.dates),
            "speaker": claim.speaker,
            "origin": origin,
            "extractor_version": origin[10:] if origin.startswith("extractor/") else None,
            "status": claim.status,
            "verdict": claim.verdict,
            "label_scale": self.label_scale,
            "reviews": [
                {
                    "reviewer": r.reviewer,
                    "status": r.status,
                    "verdict": r.verdict,
                    "sources": Fragment(r.sources),
                    "rationale": r.rationale,
                    "claim_text": r.claim_text,
                    "updated_at": r.updated_at,
                }
                for r in reviews
            ],
            "checked_text": claim.checked_text,
            "adjudication": None if adjudication is None else {
                "reviewer": adjudication.reviewer,
                "verdict": adjudication.verdict,
                "note": adjudication.note,
                "ts": adjudication.ts,
            },
        }
