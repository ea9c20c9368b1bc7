"""Parquet: the native records as one Parquet file with a fixed Arrow schema (`SCHEMA`).

The columns are those of the native JSONL, typed once and for all so that pandas, polars,
DuckDB and Hugging Face `datasets` read them with no type guessing: the article, sentence
and paragraph are structs; `reasons` a list of strings; `quantities`, `dates` and `reviews`
lists of structs (each review's `sources` a list of structs); days (`article.published`,
`dates[].from`/`to`, `sources[].accessed`) are `date32`, times (`updated_at`, the
adjudication's `ts`) `timestamp[us, UTC]`. Like the JSONL, each review carries its
`claim_text` (that reviewer's standalone rewrite of the claim, "" when none) and the record
`checked_text` (the claim as checked) and `adjudication` ({reviewer, verdict, note, ts} or
null). `verdict` is the final verdict (the adjudicated one when there is one).

Needs pyarrow, an optional dependency: `pip install 'claims[parquet]'`. Rows are written in
row groups of `ROW_GROUP` claims, so memory stays flat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any

import orjson

from claims.model import SCHEMA_VERSION
from claims.project import ProjectError
from exports.common import ExportContext
from exports.passages import ArticlePassages
from exports.reader import ArticleRow, ClaimRow

ROW_GROUP = 5000
NEEDS_PYARROW = "the parquet format needs pyarrow: pip install 'claims[parquet]'"


def schema() -> Any:
    """The Arrow schema of the Parquet export (fixed; documented in EXPORTS.md)."""
    import pyarrow as pa

    span = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
    utc = pa.timestamp("us", tz="UTC")
    source = pa.struct([("url", pa.string()), ("title", pa.string()), ("quote", pa.string()),
                        ("stance", pa.string()), ("accessed", pa.date32())])
    review = pa.struct([("reviewer", pa.string()), ("status", pa.string()),
                        ("verdict", pa.string()), ("sources", pa.list_(source)),
                        ("rationale", pa.string()), ("claim_text", pa.string()),
                        ("updated_at", utc)])
    return pa.schema([
        ("schema_version", pa.int32()),
        ("claim_id", pa.string()),
        ("article", pa.struct([("id", pa.string()), ("title", pa.string()),
                               ("url", pa.string()), ("published", pa.date32()),
                               ("lang", pa.string())])),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("sentence", span),
        ("paragraph", span),
        ("kind", pa.string()),
        ("score", pa.float64()),
        ("reasons", pa.list_(pa.string())),
        ("quantities", pa.list_(pa.struct([
            ("value", pa.float64()), ("comparator", pa.string()), ("unit", pa.string()),
            ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]))),
        ("dates", pa.list_(pa.struct([
            ("from", pa.date32()), ("to", pa.date32()), ("text", pa.string()),
            ("start", pa.int64()), ("end", pa.int64())]))),
        ("speaker", pa.string()),
        ("origin", pa.string()),
        ("extractor_version", pa.string()),
        ("status", pa.string()),
        ("verdict", pa.string()),
        ("label_scale", pa.string()),
        ("reviews", pa.list_(review)),
        ("checked_text", pa.string()),
        ("adjudication", pa.struct([("reviewer", pa.string()), ("verdict", pa.string()),
                                    ("note", pa.string()), ("ts", utc)])),
    ])


def check(ctx: ExportContext) -> None:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ProjectError(NEEDS_PYARROW) from None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _dates(raw: str) -> list[dict[str, Any]]:
    return [{"from": _day(d.get("from")), "to": _day(d.get("to")), "text": d["text"],
             "start": d["start"], "end": d["end"]} for d in orjson.loads(raw)]


def _sources(raw: str) -> list[dict[str, Any]]:
    return [{"url": s["url"], "title": s.get("title", ""), "quote": s.get("quote", ""),
             "stance": s.get("stance", "context"), "accessed": _day(s.get("accessed"))}
            for s in orjson.loads(raw)]


def converter(ctx: ExportContext) -> Callable[[ArticleRow, ClaimRow], Iterator[dict[str, Any]]]:
    scale = ctx.scale.name
    cache: dict[str, Any] = {"id": None}

    def convert(article: ArticleRow, claim: ClaimRow) -> Iterator[dict[str, Any]]:
        if cache["id"] != article.id:
            cache.update(id=article.id, passages=ArticlePassages(article.text), article={
                "id": article.id, "title": article.title, "url": article.url,
                "published": _day(article.published), "lang": article.lang})
        passages: ArticlePassages = cache["passages"]
        text = passages.text
        s0, s1 = passages.sentence(claim.start, claim.end)
        p0, p1 = passages.paragraph(claim.start, claim.end)
        origin = claim.origin
        adjudication = claim.adjudication
        yield {
            "schema_version": SCHEMA_VERSION,
            "claim_id": claim.id,
            "article": cache["article"],
            "text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "sentence": {"text": text[s0:s1], "start": s0, "end": s1},
            "paragraph": {"text": text[p0:p1], "start": p0, "end": p1},
            "kind": claim.kind,
            "score": claim.score,
            "reasons": orjson.loads(claim.reasons),
            "quantities": orjson.loads(claim.quantities),
            "dates": _dates(claim.dates),
            "speaker": claim.speaker,
            "origin": origin,
            "extractor_version": origin[10:] if origin.startswith("extractor/") else None,
            "status": claim.status,
            "verdict": claim.verdict,
            "label_scale": scale,
            "reviews": [
                {"reviewer": r.reviewer, "status": r.status, "verdict": r.verdict,
                 "sources": _sources(r.sources), "rationale": r.rationale,
                 "claim_text": r.claim_text, "updated_at": _time(r.updated_at)}
                for r in claim.reviews
            ],
            "checked_text": claim.checked_text,
            "adjudication": None if adjudication is None else {
                "reviewer": adjudication.reviewer, "verdict": adjudication.verdict,
                "note": adjudication.note, "ts": _time(adjudication.ts)},
        }

    return convert


def write(records: Iterable[dict[str, Any]], out: IO[bytes], ctx: ExportContext) -> int:
    """Write the records as Parquet to `out`, a row group every `ROW_GROUP` records."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_schema = schema()
    n = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(out, arrow_schema, compression="zstd") as writer:
        for record in records:
            batch.append(record)
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=arrow_schema))
                n += len(batch)
                batch.clear()
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=arrow_schema))
            n += len(batch)
    return n
