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

import orjson

from annotator.cli_common import (
    InputError,
    _guess_legacy,
    check_user_file,
    decode_bytes,
    open_user_file,
    parse_date,
    read_text_file,
    read_user_file,
)

SUFFIXES = (".txt", ".md", ".jsonl")
LANGS = ("fr", "en")
_JSONL_FIELDS = {"id", "text", "title", "url", "published", "lang", "metadata"}


def load_articles(
    path: str,
    *,
    lang: str | None = None,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
) -> list[dict[str, Any]]:
    """The articles in one file, as dicts ready for `Project.add_articles`.

    Command-line values (`lang`, `published`, `title`, `url`) fill what a file leaves out; for
    a .txt or .md file a sidecar `NAME.json` next to it may give title, url, published and lang.
    """
    return list(iter_articles(path, lang=lang, published=published, title=title, url=url,
                              encoding=encoding))


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
    """The articles of one file as `load_articles` gives them, one at a time: a JSONL file is
    read line by line, so memory does not grow with the file. Errors are raised when the
    item they concern is reached."""
    suffix = Path(path).suffix.lower() if path != "-" else ".txt"
    if path != "-":
        check_user_file(path)
    if suffix == "":
        suffix = ".txt"  # a bare name is read as plain text
    if suffix not in SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'!r}; claims reads "
            + ", ".join(SUFFIXES)
        )
    if suffix == ".jsonl":
        if path == "-":
            raise InputError("-: JSONL from standard input is not supported; name the file")
        yield from _load_jsonl(path, lang=lang, published=published, encoding=encoding)
        return
    text = read_text_file(path, encoding)
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    item: dict[str, Any] = {"text": text, "lang": lang, "published": published,
                            "title": title, "url": url, "external_id": None, "metadata": {}}
    sidecar = Path(path).with_suffix(".json") if path != "-" else None
    if sidecar is not None and sidecar.is_file():
        meta = _read_sidecar(sidecar)
        for key in ("title", "url", "lang"):
            if item[key] is None and meta.get(key) is not None:
                item[key] = _string(meta[key], str(sidecar), key)
        item["url"] = _http_url(item["url"], f"{sidecar}: field 'url'")
        if item["published"] is None and meta.get("published") is not None:
            item["published"] = parse_date(
                _string(meta["published"], str(sidecar), "published"), f"{sidecar}: published"
            )
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
        item["lang"] = _check_lang(item["lang"], path)
    yield item


def _read_sidecar(path: Path) -> dict[str, Any]:
    try:
        value = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a JSON object of article metadata ({exc})") from None
    if not isinstance(value, dict):
        raise InputError(f"{path}: not a JSON object of article metadata")
    return value


def _load_jsonl(
    path: str, *, lang: str | None, published: date | None, encoding: str | None
) -> Iterator[dict[str, Any]]:
    found = False
    for where, record in _jsonl_records(path, encoding):
        found = True
        yield _jsonl_item(record, where, lang=lang, published=published)
        del record
    if not found:
        raise InputError(f"{path}: no articles (the file has no non-empty line)")


def _jsonl_records(path: str, encoding: str | None) -> Iterator[tuple[str, Any]]:
    """("FILE:LINE", parsed JSON value) of each non-blank line of a JSONL file.

    UTF-8 (the default) is read and parsed a line at a time, straight from its bytes, with
    the checks and messages of a whole-file read; other encodings are decoded whole. A line's
    bytes are let go before its value is handed on, so one huge line is held once, not twice.
    """
    if encoding and encoding.lower().replace("_", "-") not in ("utf-8", "utf8", "utf-8-sig"):
        yield from _parsed_lines(path, decode_bytes(read_user_file(path), path, encoding))
        return
    with open_user_file(path) as fh:
        try:
            head = fh.read(8192)
            fh.seek(0)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield from _parsed_lines(path, decode_bytes(read_user_file(path), path, encoding))
            return
        # The whole-file checks, on the first block: binary content is refused up front.
        decode_bytes(head.decode("utf-8-sig", "ignore").encode(), path)
        del head
        number = offset = 0
        while True:
            try:
                data = fh.readline()
            except OSError as exc:
                raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
            if not data:
                return
            start = offset
            offset += len(data)
            if start == 0 and data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
                start = 3
            data = data.removesuffix(b"\n").removesuffix(b"\r")
            if b"\r" in data:
                # A lone CR ends a line too, as in a whole-file read.
                text = _utf8(data, path, start)
                del data
                for piece in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                    number += 1
                    if piece.strip():
                        yield f"{path}:{number}", _parse(piece, f"{path}:{number}")
                continue
            number += 1
            if not data.strip():
                continue
            where = f"{path}:{number}"
            try:
                value = orjson.loads(data)
            except orjson.JSONDecodeError as exc:
                _utf8(data, path, start)  # bad bytes are named as such, not as bad JSON
                raise InputError(f"{where}: not valid JSON ({exc})") from None
            del data
            yield where, value
            del value


def _parsed_lines(path: str, text: str) -> Iterator[tuple[str, Any]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield f"{path}:{number}", _parse(line, f"{path}:{number}")


def _utf8(data: bytes, path: str, start: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _guess_legacy(data)
        raise InputError(
            f"{path}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset "
            f"{start + exc.start}); if it is {guess}, pass --encoding {guess}"
        ) from None


def _parse(line: str, where: str) -> Any:
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc})") from None


def _jsonl_item(
    record: Any, where: str, *, lang: str | None, published: date | None
) -> dict[str, Any]:
    """One parsed JSONL line as an article item, or an InputError naming the line and field."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field")
    unknown = set(record) - _JSONL_FIELDS
    if unknown:
        raise InputError(
            f"{where}: unknown field {sorted(unknown)[0]!r}; known: {', '.join(sorted(_JSONL_FIELDS))}"
        )
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{where}: field 'text' must be a non-empty string")
    if "\x00" in body:
        raise InputError(f"{where}: field 'text' contains NUL characters")
    item: dict[str, Any] = {
        "text": body,
        "title": _optional_string(record, "title", where),
        "url": _http_url(_optional_string(record, "url", where), f"{where}: field 'url'"),
        "lang": _optional_string(record, "lang", where) or lang,
        "external_id": None,
        "metadata": record.get("metadata") or {},
    }
    if not isinstance(item["metadata"], dict):
        raise InputError(f"{where}: field 'metadata' must be an object")
    if "id" in record and record["id"] is not None:
        if not isinstance(record["id"], (str, int)) or isinstance(record["id"], bool):
            raise InputError(f"{where}: field 'id' must be a string or an integer")
        item["external_id"] = str(record["id"])
    raw_date = _optional_string(record, "published", where)
    item["published"] = parse_date(raw_date, f"{where}: field 'published'") or published
    if item["lang"] is not None:
        item["lang"] = _check_lang(item["lang"], where)
    return item


def _optional_string(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return _string(value, where, key)


def _string(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{where}: field {key!r} must be a string")
    return value


def _http_url(value: str | None, where: str) -> str | None:
    if value is None:
        return None
    from claims.model import check_http_url

    try:
        return check_http_url(value)
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None


def _check_lang(value: str, where: str) -> str:
    value = value.strip().lower()
    if value == "auto":
        return ""
    if value not in LANGS:
        raise InputError(f"{where}: language {value!r} is not supported; use one of {', '.join(LANGS)}")
    return value
