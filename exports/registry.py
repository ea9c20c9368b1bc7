"""The registry of export formats: a name maps to how records are made and written.

A format is a frozen `ExportFormat`: a converter factory (rows -> zero or more records), the
encoding (`json` or `csv`), whether JSON records form one array (`array=True`) or one line
each (JSONL), and the file suffix. Adding a format is one module in
`exports/formats/` and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from exports.common import ExportContext
from exports.formats import averitec, claimreview, csv, fever, parquet
from exports.formats.native import NativeBuilder
from exports.reader import ArticleRow, ClaimRow


class Converter(Protocol):
    """Turns one claim (with its article) into the records a format writes for it."""

    def __call__(self, article: ArticleRow, claim: ClaimRow, /) -> Iterable[Any]: ...


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    suffix: str
    converter: Callable[[ExportContext], Converter]
    encoding: Literal["json", "csv", "binary"] = "json"
    array: bool = False
    """JSON only: write one JSON list instead of one record a line."""
    header: tuple[str, ...] = ()
    """CSV only: the column names."""
    check: Callable[[ExportContext], None] | None = None
    """Raises `ProjectError` before anything is written when the export cannot be made."""
    writer: Callable[[Iterable[Any], Any, ExportContext], int] | None = None
    """Writes the records itself (binary formats such as Parquet); returns how many."""


def _native(ctx: ExportContext) -> Converter:
    builder = NativeBuilder(ctx.scale.name, ctx.filters)

    def convert(article: ArticleRow, claim: ClaimRow) -> Iterable[Any]:
        return (builder.record(article, claim),)

    return convert


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("jsonl", "native JSONL, one claim a line (see `claims schema`)", ".jsonl",
                     _native),
        ExportFormat("fever", "FEVER JSONL (SUPPORTS / REFUTES / NOT ENOUGH INFO)", ".jsonl",
                     fever.converter),
        ExportFormat("averitec", "AVeriTeC JSON list with question-answer evidence", ".json",
                     averitec.converter, array=True),
        ExportFormat("claimreview", "schema.org ClaimReview JSON-LD list", ".json",
                     claimreview.converter, array=True, check=claimreview.check),
        ExportFormat("csv", "CSV, one row per claim and reviewer", ".csv", csv.converter,
                     encoding="csv", header=csv.COLUMNS),
        ExportFormat("parquet", "Parquet with a fixed Arrow schema (needs pyarrow)", ".parquet",
                     parquet.converter, encoding="binary", check=parquet.check,
                     writer=parquet.write),
    )
}


def get_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        from claims.project import ProjectError

        raise ProjectError(
            f"unknown export format {name!r}; one of: {', '.join(FORMATS)}"
        ) from None
