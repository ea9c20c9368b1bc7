"""Read the article files a user names on the command line: .txt, .md and .jsonl.

Everything is read and checked before anything is written, so a bad file (or a bad line of a
JSONL file) refuses the whole command with a message naming the file, line and field.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from annotator.cli.common import (
    InputError,
    check_user_file,
    parse_date,
    read_text_file,
)
from claims.files import FileProblem

__all__ = ["ArticleFiles", "LANGS", "SIDECAR_BYTES", "SUFFIXES", "fill_from_sidecar",
           "iter_articles", "jsonl_article", "jsonl_value", "line_article"]

SUFFIXES = (".txt", ".md", ".jsonl")
LANGS = ("fr", "en")
_JSONL_FIELDS = {"id", "text", "title", "url", "published", "lang", "metadata"}


class ArticleFiles:
    """The articles of the files a user named, checked in a first pass that keeps nothing but
    their number, then streamed again for `Project.add_articles`: a bad file or line refuses
    the command before anything is extracted or written, and memory stays flat in the size of
    the files. Standard input (`-`, one text article) is read once and kept."""

    def __init__(self, paths: Iterable[str], **options: Any) -> None:
        self.paths = list(paths)
        self.options = options
        self._stdin: list[dict[str, Any]] | None = None
        self.count = 0
        for path in self.paths:
            for _ in self._read(path):
                self.count += 1

    def _read(self, path: str) -> Iterator[dict[str, Any]]:
        if path == "-":
            if self._stdin is None:
                self._stdin = list(iter_articles(path, **self.options))
            return iter(self._stdin)
        return iter_articles(path, **self.options)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for path in self.paths:
            yield from self._read(path)


def iter_articles(
    path: str,
    *,
    lang: str | None = None,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
) -> Iterator[dict[str, Any]]:
    """The articles in one file, one at a time, as dicts ready for `Project.add_articles`.

    Command-line values (`lang`, `published`, `title`, `url`) fill what a file leaves out; for
    a .txt or .md file a sidecar `NAME.json` next to it may give title, url, published and lang.
    A JSONL file is read line by line, so memory does not grow with the file. Errors are
    raised when the item they concern is reached."""
    from claims.files import input_name

    name = input_name(path)
    suffix = Path(path).suffix.lower() if path != "-" else ".txt"
    if path != "-":
        check_user_file(path)
    if suffix == "":
        suffix = ".txt"  # a bare name is read as plain text
    if suffix not in SUFFIXES:
        raise InputError(
            f"{name}: unsupported file type {suffix or '(none)'!r}; claims reads "
            + ", ".join(SUFFIXES)
        )
    if suffix == ".jsonl":
        if path == "-":
            raise InputError("-: JSONL from standard input is not supported; name the file")
        yield from _load_jsonl(path, lang=lang, published=published, encoding=encoding)
        return
    text = read_text_file(path, encoding)
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    item: dict[str, Any] = {"text": text, "lang": lang, "published": published,
                            "title": title, "url": url, "external_id": None, "metadata": {}}
    fill_from_sidecar(item, path)
    if suffix == ".md" and item["title"] is None:
        for line in text.splitlines():
            if line.startswith("# "):
                item["title"] = line[2:].strip()
                break
            if line.strip():
                break
    if item["title"] is None and path != "-":
        # A file name may hold bytes that are not UTF-8; the title must be text.
        item["title"] = os.fsencode(Path(path).stem).decode("utf-8", "replace")
    if item["lang"] is not None:
        item["lang"] = _check_lang(item["lang"], name)
    yield item


def fill_from_sidecar(item: dict[str, Any], path: str) -> None:
    """Fill the title, url, lang and published that `item` lacks from the sidecar `NAME.json`
    beside the article file `path`, if there is one; a bad field is named with the file."""
    sidecar = Path(path).with_suffix(".json") if path != "-" else None
    if sidecar is None or not sidecar.is_file():
        return
    meta = _read_sidecar(sidecar)
    for key in ("title", "url", "lang"):
        if item.get(key) is None and meta.get(key) is not None:
            item[key] = _string(meta[key], str(sidecar), key)
            if key == "url":  # a --url given is checked as such by the command
                item["url"] = _http_url(item["url"], str(sidecar))
            if key == "lang":
                item["lang"] = _check_lang(item["lang"], str(sidecar))
    if item.get("published") is None and meta.get("published") is not None:
        item["published"] = parse_date(
            _string(meta["published"], str(sidecar), "published"), f"{sidecar}: published"
        )


def _read_sidecar(path: Path) -> dict[str, Any]:
    from claims.files import loads, read_bytes

    name = str(path)
    value = loads(read_bytes(name, SIDECAR_BYTES, what="metadata file"), name)
    if not isinstance(value, dict):
        raise FileProblem(name, "not a JSON object of article metadata")
    return value


SIDECAR_BYTES = 1024 * 1024


def _load_jsonl(
    path: str, *, lang: str | None, published: date | None, encoding: str | None
) -> Iterator[dict[str, Any]]:
    """The articles of a JSONL file, a line at a time (never the whole file in memory)."""
    from claims.files import Limits, iter_lines, open_input

    limits = Limits.from_env()
    stream, name, _ = open_input(path)
    found = False
    with stream:
        for number, raw in iter_lines(stream, name, limits.line_bytes):
            found = True
            item = jsonl_article(raw, name, number, limits, lang=lang,
                                  published=published, encoding=encoding)
            del raw
            yield item
            del item
    if not found:
        raise FileProblem(name, "no articles (the file has no non-empty line)")


def jsonl_article(
    raw: bytes, name: str, number: int, limits: Any, *, lang: str | None,
    published: date | None, encoding: str | None,
) -> dict[str, Any]:
    """The article of one JSONL line (`claims add`, `claims extract --input jsonl`): text,
    title, url, lang, external_id (the line's id), metadata and published, each checked."""
    return line_article(jsonl_value(raw, name, number, encoding), name, number, limits,
                        lang=lang, published=published)


def jsonl_value(raw: bytes, name: str, number: int, encoding: str | None) -> Any:
    """The JSON value of one line, decoded from `encoding` (else read as UTF-8, a line that
    is not named by its first bad byte), parsed once with the checks of `claims.files.loads`."""
    from claims.files import loads

    if encoding:
        try:
            line: bytes | str = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise FileProblem(name, f"not valid {encoding} text", line=number) from None
    else:
        line = raw
    return loads(line, name, number)


def line_article(
    record: Any, name: str, number: int, limits: Any, *, lang: str | None,
    published: date | None,
) -> dict[str, Any]:
    """`jsonl_article` of the line's parsed value (`jsonl_value`)."""

    def fail(field: str | None, problem: str) -> FileProblem:
        return FileProblem(name, problem, line=number, field=field)

    if not isinstance(record, dict):
        raise fail(None, "expected a JSON object with a 'text' field")
    unknown = set(record) - _JSONL_FIELDS
    if unknown:
        raise fail(sorted(unknown)[0], f"unknown field; known: {', '.join(sorted(_JSONL_FIELDS))}")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise fail("text", "must be a non-empty string")
    limits.check_article(body, name, number, "text")
    where = f"{name}:{number}"
    item: dict[str, Any] = {
        "text": body,
        "title": _optional_string(record, "title", where),
        "url": _http_url(_optional_string(record, "url", where), name, number),
        "lang": _optional_string(record, "lang", where) or lang,
        "external_id": None,
        "metadata": record.get("metadata") or {},
    }
    if not isinstance(item["metadata"], dict):
        raise fail("metadata", "must be an object")
    if "id" in record and record["id"] is not None:
        if not isinstance(record["id"], (str, int)) or isinstance(record["id"], bool):
            raise fail("id", "must be a string or an integer")
        item["external_id"] = str(record["id"])
    raw_date = _optional_string(record, "published", where)
    item["published"] = parse_date(raw_date, f"{where}: published") or published
    if item["lang"] is not None:
        item["lang"] = _check_lang(item["lang"], name, number)
    return item


def _optional_string(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return _string(value, where, key)


def _string(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{where}: {key}: must be a string")
    return value


def _http_url(value: str | None, name: str, line: int | None = None) -> str | None:
    if value is None:
        return None
    from claims.model import check_http_url

    try:
        return check_http_url(value)
    except ValueError as exc:
        raise FileProblem(name, str(exc), line=line, field="url") from None


def _check_lang(value: str, name: str, line: int | None = None) -> str:
    from claims.model import check_lang

    try:
        return check_lang(value)
    except ValueError as exc:
        raise FileProblem(name, str(exc), line=line, field="lang") from None
