"""`claims extract`: the proposed claims of articles as JSONL on stdout, no database touched."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from typing import Any

import click
import orjson

from annotator.cli.article_files import fill_from_sidecar
from annotator.cli.common import (
    NumberRange,
    escape_json,
    handle_errors,
    parse_date,
    read_text_file,
)


@click.command()
@click.argument("file")
@click.option("--input", "input_format", type=click.Choice(["text", "jsonl"]), default="text",
              show_default=True,
              help="text: FILE is one article; jsonl: one {id, text, lang?, published?} a line.")
@click.option("--lang", type=click.Choice(["fr", "en", "auto"]), default="auto",
              show_default=True)
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date that weekdays and partial dates resolve against.")
@click.option("--min-score", type=NumberRange(0.0, 1.0), default=0.0, show_default=True,
              help="Only claims at least this check-worthy.")
@click.option("--encoding", default=None, help="Encoding of FILE when not UTF-8.")
@click.option("--checkworthy", "only_checkworthy", is_flag=True,
              help="Only the claims the check-worthiness model keeps (score >= 0.5).")
@handle_errors
def extract(
    file: str,
    input_format: str,
    lang: str,
    published: str | None,
    min_score: float,
    encoding: str | None,
    only_checkworthy: bool,
) -> None:
    """Print the claims proposed for FILE (or - for stdin) as JSONL, one claim a line."""
    from claims.extract import extract_records

    default_date = parse_date(published)
    language = None if lang == "auto" else lang
    out = sys.stdout.buffer
    notice = _UnresolvedNotice()
    if input_format == "text":
        # Offsets are positions in the file's decoded text: line endings stay as they are.
        text = read_text_file(file, encoding, keep_newlines=True)
        # As `claims add` reads it: a sidecar NAME.json fills the language and date not given.
        meta: dict[str, Any] = {"lang": language, "published": default_date}
        fill_from_sidecar(meta, file)
        language, default_date = meta["lang"], meta["published"]
        for record in extract_records(
            text, lang=language, published=default_date, min_score=min_score
        ):
            if default_date is None:
                notice.see(record)
            if only_checkworthy and not record["checkworthy"]:
                continue
            out.write(escape_json(orjson.dumps(record)))
            out.write(b"\n")
        out.flush()
        return
    from claims.extract import extract_many

    articles = _jsonl_articles(file, encoding, language, default_date)
    for article, records in zip_lookahead(
        articles, lambda items: extract_many(items, min_score=min_score)
    ):
        for record in records:
            if article["published"] is None:
                notice.see(record)
            if only_checkworthy and not record["checkworthy"]:
                continue
            record["article_id"] = article["id"]
            out.write(escape_json(orjson.dumps(record)))
            out.write(b"\n")
    out.flush()


class _UnresolvedNotice:
    """Says once on stderr that relative dates stay null without a publication date."""

    def __init__(self) -> None:
        self.said = False

    def see(self, record: dict[str, Any]) -> None:
        if self.said or not any(d["from"] is None for d in record["dates"]):
            return
        self.said = True
        click.echo(
            "claims extract: relative dates (weekdays, 'hier', 'last week', 'four years ago', "
            "...) are null without a publication date; give --published YYYY-MM-DD "
            "(or 'published' on each JSONL line) to resolve them",
            err=True,
        )


def zip_lookahead(items: Iterator[dict[str, Any]], fn: Any) -> Iterator[tuple[dict[str, Any], Any]]:
    """Pair each input with its result while `fn` consumes the same stream lazily."""
    pending: list[dict[str, Any]] = []

    def feed() -> Iterator[dict[str, Any]]:
        for item in items:
            pending.append(item)
            yield item

    for result in fn(feed()):
        yield pending.pop(0), result


def _jsonl_articles(
    path: str, encoding: str | None, lang: str | None, published: date | None
) -> Iterator[dict[str, Any]]:
    """Articles of a JSONL stream, each line read as `claims add` reads it (the same fields,
    types and checks), and each needing its `id`; a bad line stops with its number."""
    from annotator.cli.article_files import jsonl_value, line_article
    from claims.files import FileProblem, Limits, iter_lines, open_input

    limits = Limits.from_env()
    stream, name, _ = open_input(path)
    with stream:
        for number, raw in iter_lines(stream, name, limits.line_bytes):
            # Parsed once: a line that is not UTF-8 is named by its first bad byte there.
            record = jsonl_value(raw, name, number, encoding)
            item = line_article(record, name, number, limits, lang=lang, published=published)
            if record.get("id") is None:
                raise FileProblem(name, "is missing", line=number, field="id")
            yield {
                "id": record["id"],
                "text": item["text"],
                "lang": item["lang"] or None,
                "published": item["published"],
            }
