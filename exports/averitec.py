"""AVeriTeC: a JSON list of claims, each with question-answer evidence built from the sources.

The tool does not collect question-answer pairs, so each source becomes one question,
"What does <source title or site> say about the claim?", answered by the quoted excerpt
(`Extractive`), or, when there is no quote, by Yes/No from the source's stance (`Boolean`,
with the title as `boolean_explanation`), else `Unanswerable`. `claim_date` follows the
dataset's own day-month-year form without zero padding ("1-3-2022"). `justification` is the
rationales of the reviewers who gave the final verdict, joined by blank lines.
Only claims with a final verdict are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from exports.common import ExportContext, final_label, final_reviews, final_sources, host_of, outlet_of
from exports.reader import ArticleRow, ClaimRow


def claim_date(published: str | None) -> str | None:
    if not published:
        return None
    year, month, day = published.split("-")
    return f"{int(day)}-{int(month)}-{int(year)}"


def _medium(url: str) -> str:
    path = url.split("?", 1)[0].lower()
    return "PDF" if path.endswith(".pdf") else "Web text"


def question_for(source: dict[str, Any]) -> dict[str, Any]:
    name = (source.get("title") or "").strip() or host_of(source["url"]) or source["url"]
    quote = (source.get("quote") or "").strip()
    answer: dict[str, Any]
    if quote:
        answer = {"answer": quote, "answer_type": "Extractive"}
    elif source.get("stance") in ("supports", "refutes"):
        answer = {
            "answer": "Yes" if source["stance"] == "supports" else "No",
            "answer_type": "Boolean",
            "boolean_explanation": name,
        }
    else:
        answer = {"answer": "No answer could be found.", "answer_type": "Unanswerable"}
    answer["source_url"] = source["url"]
    answer["source_medium"] = _medium(source["url"])
    return {"question": f"What does {name} say about the claim?", "answers": [answer]}


def converter(ctx: ExportContext) -> Callable[[ArticleRow, ClaimRow], Iterator[dict[str, Any]]]:
    def convert(article: ArticleRow, claim: ClaimRow) -> Iterator[dict[str, Any]]:
        label = final_label(ctx, claim)
        if label is None:
            return
        rationales = [r.rationale.strip() for r in final_reviews(claim) if r.rationale.strip()]
        yield {
            "claim": claim.text,
            "label": label.averitec,
            "justification": "\n\n".join(rationales),
            "claim_date": claim_date(article.published),
            "speaker": claim.speaker,
            "original_claim_url": article.url,
            "reporting_source": outlet_of(article),
            "questions": [question_for(s) for s in final_sources(claim)],
        }

    return convert
