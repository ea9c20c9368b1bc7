"""The one reader of files a user names: articles, JSONL corpora, exports to import or validate.

Every command that reads a user's file comes here, so the same rules hold everywhere:

- only a regular file is read (or ``-``, standard input): a FIFO, a device such as
  ``/dev/zero``, a socket or a directory is refused by name before anything blocks;
- one article is at most `Limits.article_bytes` and one JSONL line at most
  `Limits.line_bytes` (environment: ``CLAIMS_MAX_ARTICLE_BYTES``, ``CLAIMS_MAX_LINE_BYTES``;
  a number with an optional k/M/G suffix). Extraction is linear in the text, so this bounds
  the time and memory one article can take (a 5 MB one-line article: 33-108 s, 274 MB;
  `bench/hostile.py`);
- JSON is strict: duplicate keys are an error (two values for one field is a file written
  wrong, and which one wins is a parser's accident), nesting deeper than `MAX_DEPTH` is
  refused (deeper values cannot be written back out);
- every problem is one line, ``FILE:LINE: field: problem`` (`FileProblem`).

This module is below the command line and the exporters: no click, no Textual.
"""

from __future__ import annotations

import fcntl
import json
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import orjson

MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted in one JSON value (orjson writes 254)."""

DEFAULT_ARTICLE_BYTES = 5 * 1024 * 1024
DEFAULT_LINE_BYTES = 16 * 1024 * 1024
STDIN = "-"
STDIN_NAME = "standard input"
"""How messages name what came on standard input (never "-", which could be a file's name)."""


def input_name(path: str) -> str:
    """The name messages give the user's file `path`: "standard input" for '-'."""
    return STDIN_NAME if path == STDIN else path


class FileProblem(ValueError):
    """A user's file cannot be used; `str()` is ``FILE:LINE: field: problem``."""

    def __init__(self, name: str, problem: str, *, line: int | None = None,
                 field: str | None = None) -> None:
        self.name = name
        self.line = line
        self.field = field
        self.problem = problem
        where = name if line is None else f"{name}:{line}"
        super().__init__(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")


def size_from_env(variable: str, default: int) -> int:
    """A size limit in bytes from the environment variable, else `default`."""
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return default
    factor = {"k": 1024, "m": 1024**2, "g": 1024**3}.get(raw[-1].lower(), 1)
    number = raw[:-1] if factor != 1 else raw
    try:
        value = int(float(number) * factor)
    except ValueError:
        raise FileProblem(variable, f"{raw!r} is not a size (a number, optionally k, M or G)") \
            from None
    if value <= 0:
        raise FileProblem(variable, f"{raw!r} is not a positive size")
    return value


@dataclass(frozen=True)
class Limits:
    article_bytes: int = DEFAULT_ARTICLE_BYTES
    """Largest article (a text file, or the text of one JSONL line) accepted."""
    line_bytes: int = DEFAULT_LINE_BYTES
    """Longest line of a JSONL file accepted."""

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            article_bytes=size_from_env("CLAIMS_MAX_ARTICLE_BYTES", DEFAULT_ARTICLE_BYTES),
            line_bytes=size_from_env("CLAIMS_MAX_LINE_BYTES", DEFAULT_LINE_BYTES),
        )

    def check_article(self, text: str, name: str, line: int | None = None,
                      field: str | None = None) -> None:
        """Refuse an article text over the limit (counted in UTF-8 bytes, as files are)."""
        if len(text) * 4 <= self.article_bytes:
            return
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > self.article_bytes:
            raise FileProblem(name, too_large("article", size, self.article_bytes,
                                              "CLAIMS_MAX_ARTICLE_BYTES"), line=line, field=field)


def human(size: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


def too_large(what: str, size: int | None, limit: int, variable: str) -> str:
    got = f"{human(size)}, " if size is not None else ""
    return (f"{what} too large ({got}the limit is {human(limit)}; "
            f"set {variable} to allow more)")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file; pipe it to standard input with -"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def check_regular(path: str) -> os.stat_result:
    """The file's status if `path` names a readable regular file; FileProblem otherwise."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except NotADirectoryError:
        raise FileProblem(path, "no such file (a part of the path is not a folder)") from None
    except OSError as exc:
        raise FileProblem(path, f"cannot read ({exc.strerror or exc})") from None
    except ValueError:  # an embedded NUL in the name
        raise FileProblem(path, "not a valid file name") from None
    if not stat.S_ISREG(st.st_mode):
        raise FileProblem(path, _kind(st.st_mode))
    return st


def open_input(path: str) -> tuple[IO[bytes], str, int]:
    """(binary stream, display name, size or 0) for a user's file, or standard input for '-'.

    The file is opened without blocking and checked again once open, so a name swapped for a
    FIFO between the check and the open cannot hang the command.
    """
    if path == STDIN:
        return sys.stdin.buffer, STDIN_NAME, 0
    check_regular(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileProblem(path, f"cannot read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(path, _kind(st.st_mode))
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb", buffering=256 * 1024), path, st.st_size


def read_bytes(path: str, limit: int, *, what: str = "article",
               variable: str = "CLAIMS_MAX_ARTICLE_BYTES") -> bytes:
    """The bytes of a user's file (or stdin), at most `limit` of them, or FileProblem."""
    stream, name, size = open_input(path)
    if size > limit:
        if path != STDIN:
            stream.close()
        raise FileProblem(name, too_large(what, size, limit, variable))
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise FileProblem(name, f"cannot read ({exc.strerror or exc})") from None
    finally:
        if path != STDIN:
            stream.close()
    if len(data) > limit:
        raise FileProblem(name, too_large(what, None, limit, variable))
    return data


_UTF8_BOM = b"\xef\xbb\xbf"


def iter_lines(stream: IO[bytes] | RangeReader, name: str, limit: int, *,
               first_line: int = 1) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) of a stream, each at most `limit` bytes, blank lines skipped;
    a UTF-8 byte order mark opening the first line is dropped. `first_line` is the number of
    the stream's first line (a `RangeReader` starting inside a file)."""
    number = first_line - 1
    while True:
        try:
            raw = stream.readline(limit + 1)
        except OSError as exc:
            raise FileProblem(name, f"cannot read ({exc.strerror or exc})", line=number + 1) \
                from None
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):  # (a mark too counts)
            raise FileProblem(name, too_large("line", None, limit, "CLAIMS_MAX_LINE_BYTES"),
                              line=number)
        if number == 1 and raw.startswith(_UTF8_BOM):  # as Windows editors save UTF-8
            raw = raw[len(_UTF8_BOM):]
        if raw.strip():
            yield number, raw


class RangeReader:
    """Bytes `[start, end)` of an open file, read with `os.pread`: it never moves the file's
    offset, so other processes may read the same open file at the same time. `end` falls on a
    line boundary (`line_boundary`)."""

    CHUNK = 1 << 20

    def __init__(self, fd: int, start: int, end: int) -> None:
        self.fd, self.at, self.end = fd, start, end
        self.buffer, self.pos = b"", 0

    def readline(self, size: int) -> bytes:
        cut = self.buffer.find(b"\n", self.pos, self.pos + size)
        while cut < 0 and len(self.buffer) - self.pos < size and self.at < self.end:
            chunk = os.pread(self.fd, min(self.CHUNK, self.end - self.at), self.at)
            if not chunk:
                self.end = self.at  # the file was cut short while being read
                break
            self.at += len(chunk)
            self.buffer = self.buffer[self.pos:] + chunk
            self.pos = 0
            cut = self.buffer.find(b"\n", 0, size)
        end = cut + 1 if cut >= 0 else min(self.pos + size, len(self.buffer))
        line = self.buffer[self.pos:end]
        self.pos = end
        return line

    def tell(self) -> int:
        """The offset in the file just past the last line read."""
        return self.at - (len(self.buffer) - self.pos)


def line_boundary(fd: int, offset: int, size: int) -> int:
    """The offset just past the first newline at or after `offset` (or `size`)."""
    while offset < size:
        chunk = os.pread(fd, 1 << 16, offset)
        if not chunk:
            break
        cut = chunk.find(b"\n")
        if cut >= 0:
            return offset + cut + 1
        offset += len(chunk)
    return size


def file_stamp(fd: int) -> tuple[int, int, int]:
    """(size, modification time, inode change time, in ns) of an open file. The first two
    differ between two stamps of one file when it was written to, cut or grown between them,
    unless its modification time was put back; the change time cannot be put back, but it
    also moves when the file is only renamed or chmod-ed."""
    st = os.fstat(fd)
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns


def count_lines(fd: int, end: int, start: int = 0) -> int:
    """The newlines in bytes `[start, end)` of an open file."""
    count, at = 0, start
    while at < end:
        chunk = os.pread(fd, min(RangeReader.CHUNK, end - at), at)
        if not chunk:
            break
        count += chunk.count(b"\n")
        at += len(chunk)
    return count


def iter_jsonl(path: str, limits: Limits | None = None
               ) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON value) of each non-blank line of a user's JSONL file."""
    limits = limits or Limits.from_env()
    stream, name, _ = open_input(path)
    try:
        for number, raw in iter_lines(stream, name, limits.line_bytes):
            yield number, loads(raw, name, number)
    finally:
        if path != STDIN:
            stream.close()


def loads(raw: bytes | str, name: str, line: int | None = None) -> Any:
    """One strict JSON value: no duplicate keys, nesting at most `MAX_DEPTH`."""
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if isinstance(raw, bytes):
            problem = not_utf8(raw, line)
            if problem is not None:
                raise FileProblem(name, problem, line=line) from None
        message = str(exc)
        stripped = raw.rstrip("\r\n") if isinstance(raw, str) else raw.rstrip(b"\r\n")
        if len(stripped) != len(raw):  # place the error within the line, not past its end
            try:
                orjson.loads(stripped)
            except orjson.JSONDecodeError as again:
                message = str(again)
        if "recursion" in message.lower() or "depth limit" in message.lower():
            message = f"nested deeper than {MAX_DEPTH} levels"
            raise FileProblem(name, message, line=line) from None
        raise FileProblem(name, f"not valid JSON ({message})", line=line) from None
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if isinstance(value, (dict, list)) and data.count(b"[") + data.count(b"{") > MAX_DEPTH:
        _check_depth(value, name, line)
    strict_checks(value, data, name, line)
    return value


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def not_utf8(raw: bytes, line: int | None = None) -> str | None:
    """Why a line of a JSON Lines file is not UTF-8 text, or None when it is: a file saved as
    UTF-16 (its first line opens with that byte order mark, or its lines are full of NUL
    bytes), or the first byte that is not UTF-8, by its place in the line."""
    if (line in (None, 1) and raw.startswith(_UTF16_BOMS)) or raw.count(b"\x00") * 4 > len(raw):
        return ("saved as UTF-16, not UTF-8; save it as UTF-8 "
                "(iconv -f UTF-16 -t UTF-8 FILE > NEW)")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (f"not UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} of the line); "
                "JSON Lines are UTF-8")
    return None


def strict_checks(value: Any, data: bytes, name: str, line: int | None = None) -> None:
    """The checks of `loads` but nesting, on `value` parsed from `data` by `orjson.loads`: for
    a caller that knows the value is at most `MAX_DEPTH` deep (its shape has been checked)."""
    if isinstance(value, dict) or isinstance(value, list) and b"{" in data:
        _check_duplicates(value, data, name, line)
    if b"\\u0000" in data:  # JSON writes a NUL only so (a raw one is no valid JSON)
        _check_nul(value, name, line)


def depth(value: Any) -> int:
    """How deeply `value` nests (a scalar: 0, `{}` or `[]`: 1); `loads` refuses more than
    `MAX_DEPTH`."""
    return max((level for level, _ in _containers(value)), default=0)


def _containers(value: Any) -> Iterator[tuple[int, str]]:
    """(nesting level, field path) of `value` (level 1) and of every dict and list within it,
    each before what it holds."""
    stack: list[tuple[Any, int, str]] = [(value, 1, "")]
    while stack:
        item, level, path = stack.pop()
        if isinstance(item, dict):
            yield level, path
            stack.extend((v, level + 1, f"{path}.{k}") for k, v in item.items()
                         if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            yield level, path
            stack.extend((v, level + 1, f"{path}.{i}") for i, v in enumerate(item)
                         if isinstance(v, (dict, list)))


def _check_nul(value: Any, name: str, line: int | None) -> None:
    """Text holds no NUL character: `claims add` refuses a file with one as binary, and a
    PostgreSQL project cannot store one."""
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise FileProblem(name, "contains NUL characters (\\u0000): text, not binary data",
                                  line=line, field=path.lstrip(".") or None)
        elif isinstance(item, dict):
            for key, child in reversed(item.items()):
                if "\x00" in key:
                    raise FileProblem(name, f"a key contains NUL characters (\\u0000): {key!r}",
                                      line=line, field=path.lstrip(".") or None)
                stack.append((child, f"{path}.{key}"))
        elif isinstance(item, list):
            stack.extend((child, f"{path}.{i}") for i, child in reversed(list(enumerate(item))))


def _check_depth(value: Any, name: str, line: int | None) -> None:
    for level, path in _containers(value):
        if level > MAX_DEPTH:
            raise FileProblem(name, f"nested deeper than {MAX_DEPTH} levels", line=line,
                              field=path.lstrip(".") or None)


class _Duplicate(Exception):
    pass


def _check_duplicates(value: Any, data: bytes, name: str, line: int | None) -> None:
    # Compact JSON as orjson writes it (our own exports) cannot hide a duplicate: written back
    # it would be shorter. Anything else is parsed again, keeping every key.
    if orjson.dumps(value) == data.strip():
        return

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, item in items:
            if key in seen:
                raise _Duplicate(key)
            seen[key] = item
        return seen

    try:
        json.loads(data, object_pairs_hook=pairs)
    except _Duplicate as exc:
        raise FileProblem(name, "appears twice in one object (duplicate JSON key)", line=line,
                          field=str(exc.args[0])) from None
    except (ValueError, RecursionError):
        return  # orjson read it; only the duplicate check is stdlib's business here


__all__ = [
    "MAX_DEPTH",
    "STDIN",
    "STDIN_NAME",
    "FileProblem",
    "Limits",
    "RangeReader",
    "check_regular",
    "count_lines",
    "depth",
    "file_stamp",
    "human",
    "input_name",
    "iter_jsonl",
    "iter_lines",
    "line_boundary",
    "loads",
    "not_utf8",
    "open_input",
    "read_bytes",
    "size_from_env",
    "strict_checks",
    "too_large",
]
