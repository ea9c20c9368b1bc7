"""FEVER: JSONL in the form the official FEVER scorer reads.

Each line: `id` (the claim id), `verifiable` ("VERIFIABLE" or "NOT VERIFIABLE"), `label`
(SUPPORTS, REFUTES, NOT ENOUGH INFO), `claim` (the claim as checked: a reviewer's standalone
rewrite when there is one, else the article's words), `evidence` and `evidence_text`.

`evidence` is a list of evidence sets, each a list of items
`[annotation_id, evidence_id, page, line]` as in FEVER:

- a SUPPORTS or REFUTES claim gets one set per source of its final verdict (any one source
  is enough evidence), leaving out a source whose stance contradicts the label (a refuting
  source of a supported claim). `page` is the source URL (a string), `line` an integer: the
  position of the quote among the quotes taken from that page for this claim (0, 1, ...).
  `annotation_id` is the claim id read as a hexadecimal integer, `evidence_id` the position
  of the item among the claim's evidence items;
- a NOT ENOUGH INFO claim gets the official `[[[annotation_id, null, null, null]]]`.

`evidence_text` holds, for each item of `evidence` in the same order, `{"page", "line",
"quote", "title", "stance"}`: the quoted excerpt has a field of its own, and this column reads
in pyarrow, pandas, DuckDB and `datasets` with no type guessing (the FEVER `evidence` column
mixes integers and strings in one list, which Arrow cannot type; `read_table` below reads it).

Only claims with a final verdict are written; a verifiable claim whose final reviews have no
usable source is written with `evidence: []` (the scorer can never count it strictly correct)
and named in the export's warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from claims.labels import NEI, REF, SUP
from exports.common import ExportContext, checked_claim, final_label, final_sources
from exports.reader import ArticleRow, ClaimRow

NO_EVIDENCE = "verifiable claims (SUPPORTS/REFUTES) have no evidence"
_CONTRADICTS = {SUP: "refutes", REF: "supports"}


def annotation_id(claim_id: str) -> int | None:
    """The claim id as an integer (claim ids are 12 hexadecimal digits), else None."""
    try:
        value = int(claim_id, 16)
    except ValueError:
        return None
    return value if value < 1 << 63 else None


def evidence_of(claim_id: str, fever_label: str, sources: list[dict[str, Any]]
                ) -> tuple[list[list[list[Any]]], list[dict[str, Any]]]:
    """The FEVER evidence sets of one claim and, in the same order, their quoted text."""
    ann = annotation_id(claim_id)
    if fever_label == NEI:
        return [[[ann, None, None, None]]], []
    contradicting = _CONTRADICTS.get(fever_label)
    lines: dict[str, int] = {}
    evidence: list[list[list[Any]]] = []
    texts: list[dict[str, Any]] = []
    for source in sources:
        if source.get("stance") == contradicting:
            continue
        page = source["url"]
        line = lines.get(page, 0)
        lines[page] = line + 1
        evidence.append([[ann, len(evidence), page, line]])
        texts.append({"page": page, "line": line, "quote": source.get("quote") or "",
                      "title": source.get("title") or "",
                      "stance": source.get("stance") or "context"})
    return evidence, texts


def converter(ctx: ExportContext) -> Callable[[ArticleRow, ClaimRow], Iterator[dict[str, Any]]]:
    report = ctx.report

    def convert(article: ArticleRow, claim: ClaimRow) -> Iterator[dict[str, Any]]:
        label = final_label(ctx, claim)
        if label is None:
            return
        evidence, texts = evidence_of(claim.id, label.fever, final_sources(claim))
        if label.fever != NEI and not evidence:
            report.warn(NO_EVIDENCE, claim.id)
        yield {
            "id": claim.id,
            "verifiable": "NOT VERIFIABLE" if label.fever == NEI else "VERIFIABLE",
            "label": label.fever,
            "claim": checked_claim(claim),
            "evidence": evidence,
            "evidence_text": texts,
        }

    return convert


def arrow_schema() -> Any:
    """The Arrow schema `read_table` gives a FEVER export (pyarrow needed)."""
    import pyarrow as pa

    item = pa.struct([("annotation_id", pa.int64()), ("evidence_id", pa.int64()),
                      ("page", pa.string()), ("line", pa.int64())])
    text = pa.struct([("page", pa.string()), ("line", pa.int64()), ("quote", pa.string()),
                      ("title", pa.string()), ("stance", pa.string())])
    return pa.schema([
        ("id", pa.string()), ("verifiable", pa.string()), ("label", pa.string()),
        ("claim", pa.string()), ("evidence", pa.list_(pa.list_(item))),
        ("evidence_text", pa.list_(text)),
    ])


def read_table(path: str) -> Any:
    """A FEVER export as a pyarrow Table, each evidence item a struct
    {annotation_id, evidence_id, page, line} (pyarrow's own JSON reader cannot type FEVER's
    mixed lists)."""
    import orjson
    import pyarrow as pa

    names = ("annotation_id", "evidence_id", "page", "line")
    rows = []
    with open(path, "rb") as handle:
        for raw in handle:
            if not raw.strip():
                continue
            record = orjson.loads(raw)
            record["evidence"] = [[dict(zip(names, item, strict=True)) for item in group]
                                  for group in record["evidence"]]
            rows.append(record)
    return pa.Table.from_pylist(rows, schema=arrow_schema())
