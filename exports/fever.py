"""FEVER: JSONL with `id`, `verifiable`, `label` (SUPPORTS, REFUTES, NOT ENOUGH INFO),
`claim` and `evidence`.

Only claims with a final verdict are written (a claim reviewers disagree on, or that was
rejected as not a claim, has no FEVER label). FEVER's evidence is a list of evidence sets,
each a list of `[annotation_id, evidence_id, page, sentence]`; here each source is one set of
one item: `[null, n, source URL, quoted excerpt]`, n counting from 0. `id` is the claim id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from claims.labels import NEI
from exports.common import ExportContext, final_label, final_sources
from exports.reader import ArticleRow, ClaimRow


def converter(ctx: ExportContext) -> Callable[[ArticleRow, ClaimRow], Iterator[dict[str, Any]]]:
    def convert(article: ArticleRow, claim: ClaimRow) -> Iterator[dict[str, Any]]:
        label = final_label(ctx, claim)
        if label is None:
            return
        evidence = [
            [[None, n, source["url"], source.get("quote", "")]]
            for n, source in enumerate(final_sources(claim))
        ]
        yield {
            "id": claim.id,
            "verifiable": "NOT VERIFIABLE" if label.fever == NEI else "VERIFIABLE",
            "label": label.fever,
            "claim": claim.text,
            "evidence": evidence,
        }

    return convert
