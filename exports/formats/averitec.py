"""AVeriTeC: a JSON list of claims with every key of the official dev set, in its order.

Record keys: `claim` (the claim as checked: a reviewer's standalone rewrite, else the
article's words), `required_reannotation` (false), `label`, `justification`, `claim_date`,
`speaker`, `original_claim_url`, `fact_checking_article`, `reporting_source`,
`location_ISO_code`, `claim_types`, `fact_checking_strategies`, `questions`,
`cached_original_claim_url`.

The tool does not collect question-answer pairs, so each source of the final verdict becomes
one question:

- a source with a stance (supports or refutes) answers "Does <title or site> support the
  claim?" with Yes/No (`Boolean`); `boolean_explanation` is the quoted excerpt, or, without
  one, a sentence saying what the source does ("<title or site> contradicts the claim.");
- a context source with a quote answers "What does <title or site> say about the claim?"
  with the quote (`Extractive`);
- a context source without a quote says nothing checkable: it gets the dev set's
  `Unanswerable` answer ("No answer could be found.", `source_url` and `source_medium` "").

A claim without any source gets one question, "What evidence supports or refutes the
claim?", with that `Unanswerable` answer: the question list is never empty (`eval.py` divides
by its length). `claim_date` (the dev set's d-m-yyyy, no zero padding) is the article's
publication date, else the day the article was added to the project (the claim was made on
or before it), so it is never null. `justification` is the adjudicator's note followed by the
rationales of the reviewers who gave the final verdict, joined by blank lines; claims whose
justification is empty are named in the export's warnings (`eval.py` scores them 0).
Only claims with a final verdict are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import orjson

from exports.common import (
    ExportContext,
    checked_claim,
    final_label,
    final_reviews,
    final_sources,
    host_of,
    outlet_of,
)
from exports.reader import ArticleRow, ClaimRow

EMPTY_JUSTIFICATION = "claims have an empty justification (eval.py scores it 0)"
NO_ANSWER = "No answer could be found."
NO_SOURCE_QUESTION = "What evidence supports or refutes the claim?"
UNANSWERABLE = {"answer": NO_ANSWER, "answer_type": "Unanswerable", "source_url": "",
                "source_medium": ""}

CLAIM_TYPES = {
    "quantity": "Numerical Claim",
    "comparison": "Numerical Claim",
    "quote": "Quote Verification",
    "date": "Event/Property Claim",
    "event": "Event/Property Claim",
    "other": "Event/Property Claim",
}
"""The claim's kind -> its AVeriTeC claim type (the dev set's names)."""

_ARCHIVES = ("web.archive.org", "archive.org", "archive.ph", "archive.today", "archive.is")


def claim_date(published: str | None, added_at: str | None = None) -> str | None:
    """d-m-yyyy of the publication day, else of the day the article was added."""
    day = published or (added_at[:10] if added_at else None)
    if not day:
        return None
    year, month, date_of_month = day.split("-")
    return f"{int(date_of_month)}-{int(month)}-{int(year)}"


def _medium(url: str) -> str:
    path = url.split("?", 1)[0].lower()
    return "PDF" if path.endswith(".pdf") else "Web text"


def _cached(url: str | None) -> str | None:
    """`url` when it is itself an archived copy, else None (the tool keeps no copies)."""
    host = host_of(url)
    return url if host and host in _ARCHIVES else None


def question_for(source: dict[str, Any]) -> dict[str, Any]:
    url = source["url"]
    name = (source.get("title") or "").strip() or host_of(url) or url
    quote = (source.get("quote") or "").strip()
    stance = source.get("stance")
    answer: dict[str, Any]
    if stance in ("supports", "refutes"):
        question = f"Does {name} support the claim?"
        explanation = quote or (f"{name} supports the claim." if stance == "supports"
                                else f"{name} contradicts the claim.")
        answer = {"answer": "Yes" if stance == "supports" else "No", "answer_type": "Boolean",
                  "source_url": url, "source_medium": _medium(url),
                  "boolean_explanation": explanation, "cached_source_url": _cached(url) or ""}
    elif quote:
        question = f"What does {name} say about the claim?"
        answer = {"answer": quote, "answer_type": "Extractive", "source_url": url,
                  "source_medium": _medium(url), "cached_source_url": _cached(url) or ""}
    else:
        question = f"What does {name} say about the claim?"
        answer = dict(UNANSWERABLE)
    return {"question": question, "answers": [answer]}


def _location(article: ArticleRow) -> str | None:
    if article.metadata and article.metadata != "{}":
        meta = orjson.loads(article.metadata)
        for key in ("location_ISO_code", "country"):
            value = meta.get(key)
            if isinstance(value, str) and len(value.strip()) == 2 and value.strip().isalpha():
                return value.strip().upper()
    return None


def converter(ctx: ExportContext) -> Callable[[ArticleRow, ClaimRow], Iterator[dict[str, Any]]]:
    publisher = ctx.publisher
    report = ctx.report

    def convert(article: ArticleRow, claim: ClaimRow) -> Iterator[dict[str, Any]]:
        label = final_label(ctx, claim)
        if label is None:
            return
        parts = []
        if claim.adjudication is not None and claim.adjudication.note.strip():
            parts.append(claim.adjudication.note.strip())
        parts.extend(r.rationale.strip() for r in final_reviews(claim) if r.rationale.strip())
        justification = "\n\n".join(parts)
        if not justification:
            report.warn(EMPTY_JUSTIFICATION, claim.id)
        sources = final_sources(claim)
        questions = [question_for(s) for s in sources] or [
            {"question": NO_SOURCE_QUESTION, "answers": [dict(UNANSWERABLE)]}]
        strategies = []
        if sources:
            strategies.append("Written Evidence")
            if claim.kind in ("quantity", "comparison"):
                strategies.append("Numerical Comparison")
        review_url = publisher.url_for(claim.id) if publisher is not None else None
        yield {
            "claim": checked_claim(claim),
            "required_reannotation": False,
            "label": label.averitec,
            "justification": justification,
            "claim_date": claim_date(article.published, article.added_at),
            "speaker": claim.speaker,
            "original_claim_url": article.url,
            "fact_checking_article": review_url or "",
            "reporting_source": outlet_of(article),
            "location_ISO_code": _location(article),
            "claim_types": [CLAIM_TYPES.get(claim.kind, "Event/Property Claim")],
            "fact_checking_strategies": strategies,
            "questions": questions,
            "cached_original_claim_url": _cached(article.url),
        }

    return convert
