"""What every `claims` subcommand shares: the database option, errors as messages, file reading.

A user mistake (bad file, unknown id, locked or full disk) becomes one line on stderr naming
the file, line or field, and exit code 1; click's own usage errors exit with 2. No traceback
reaches the user for anything they could have done.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


class UserError(click.ClickException):
    """A message for the user; exit code 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"claims: error: {self.format_message()}", err=True)


def _from_group(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """`claims --db X list` and `claims list --db X` mean the same; the later one wins.

    A value given after the subcommand wins; else the one given before it (on `claims`
    itself); else the environment or the default."""
    from click.core import ParameterSource

    source = ctx.get_parameter_source(param.name or "")
    if source in (ParameterSource.COMMANDLINE, ParameterSource.PROMPT):
        return value
    root = ctx.find_root()
    given = (root.obj or {}).get(param.name) if isinstance(root.obj, dict) else None
    return given if given is not None else value


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        envvar="CLAIMS_DB",
        default=None,
        metavar="PATH|URL",
        callback=_from_group,
        help="SQLite file or postgresql:// URL (default: $CLAIMS_DB, then ./claims.db); "
        "may also come before the command.",
    )(fn)


def reviewer_option(fn: F) -> F:
    return click.option(
        "--reviewer",
        default=None,
        metavar="NAME",
        callback=_from_group,
        help="Who is reviewing (default: $CLAIMS_REVIEWER, then the OS user); "
        "may also come before the command.",
    )(fn)


def handle_errors(fn: F) -> F:
    """Turn domain and store errors into a one-line message and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from claims.project import ProjectError
        from claims.store import StoreError

        for key, value in kwargs.items():
            if key in _PATH_PARAMETERS:
                continue
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, str) and not _is_utf8(item):
                    raise UserError(
                        f"--{key.replace('_', '-')}: not valid UTF-8 text; nothing was changed"
                    )
        try:
            return fn(*args, **kwargs)
        except (ProjectError, StoreError, InputError) as exc:
            raise UserError(str(exc)) from None
        except UnicodeEncodeError as exc:
            # Arguments or file names holding bytes that are not UTF-8 (surrogate escapes).
            raise UserError(
                f"an argument or file name is not valid UTF-8 text "
                f"({exc.object[exc.start:exc.end]!r}); nothing was changed"
            ) from None
        except BrokenPipeError:
            # Output piped into `head` and closed early: not an error of ours.
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            raise UserError("interrupted") from None

    return wrapper  # type: ignore[return-value]


_PATH_PARAMETERS = frozenset({"file", "files", "path", "output", "db"})
"""Parameters that name files: any bytes are a valid path there."""


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class InputError(Exception):
    """A file given on the command line cannot be used as input."""


def parse_date(value: str | None, what: str = "--published") -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what}: {value!r} is not a date in YYYY-MM-DD form") from None


def read_text_file(path: str, encoding: str | None = None, *, keep_newlines: bool = False) -> str:
    """The decoded text of a file given by a user, or an InputError saying what is wrong.

    Without `--encoding`, UTF-8 (with or without BOM) and UTF-16 with a BOM are read; other
    bytes are refused with the offset of the first bad byte and the flag to pass.
    """
    if path == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>", encoding,
                            keep_newlines=keep_newlines)
    return decode_bytes(read_user_file(path), path, encoding, keep_newlines=keep_newlines)


def check_user_file(path: str) -> Path:
    """`path` as a Path, or an InputError if it is missing or a directory."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    return p


def read_user_file(path: str) -> bytes:
    """The bytes of a file named by the user, or an InputError naming what is wrong."""
    try:
        return check_user_file(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def open_user_file(path: str) -> BinaryIO:
    """A file named by the user opened for streaming, or an InputError naming what is wrong."""
    try:
        return check_user_file(path).open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def decode_bytes(
    data: bytes, name: str, encoding: str | None = None, *, keep_newlines: bool = False
) -> str:
    """Decoded text; CRLF and CR become LF unless `keep_newlines` (offsets into the file)."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"--encoding: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: not valid {encoding} at byte {exc.start}"
            ) from None
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 at byte {exc.start}") from None
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: binary content (NUL bytes), not a text article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            guess = _guess_legacy(data)
            raise InputError(
                f"{name}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                f"if it is {guess}, pass --encoding {guess}"
            ) from None
    if _looks_binary(text):
        raise InputError(f"{name}: binary content, not a text article")
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL characters (offset {text.index(chr(0))}); "
                         "not a text article")
    if keep_newlines:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _guess_legacy(data: bytes) -> str:
    # Windows-1252 has printable characters in 0x80-0x9f where Latin-1 has controls.
    if any(0x80 <= b <= 0x9F for b in data):
        return "cp1252"
    return "latin-1"


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\x1b")
    return "\x00" in sample or controls / len(sample) > 0.1


def visible(text: str) -> str:
    """Text safe to print on a terminal: controls, ESC and bidi overrides become visible."""
    from annotator.plain_text import clean

    return clean(text)


def echo_jsonl(records: Any) -> None:
    """Write dicts as JSONL to stdout, fast (orjson) and flushed per batch."""
    import orjson

    out = sys.stdout.buffer
    for record in records:
        out.write(orjson.dumps(record))
        out.write(b"\n")
    out.flush()
