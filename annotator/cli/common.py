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
from typing import TYPE_CHECKING, Any, TypeVar

import click

from claims.files import FileProblem

__all__ = [
    "InputError",
    "NumberRange",
    "UserError",
    "cell",
    "check_known_reviewer",
    "check_user_file",
    "db_option",
    "decode_bytes",
    "echo_jsonl",
    "escape_json",
    "handle_errors",
    "open_project",
    "parse_date",
    "publisher_name",
    "read_text_file",
    "read_user_file",
    "reviewer_name",
    "reviewer_option",
    "span_arguments",
    "say",
    "shown",
    "verdict_option",
    "visible",
]

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from claims.project import Project
    from claims.store import OpenMode


def open_project(db: str | None, mode: OpenMode, scale: str | None = None,
                 blind: bool | None = None) -> Project:
    """The project; only init and add create one, reading commands open it read-only."""
    from claims.project import Project

    return Project.open(db, scale=scale, blind=blind, mode=mode)


def check_known_reviewer(project: Project, reviewer: str | None) -> None:
    """Refuse a `--reviewer` filter naming nobody in the project: a typo would otherwise show
    or export nothing, silently, as if that were the answer."""
    if reviewer is None:
        return
    from claims.actions import check_known_reviewers

    with project.store.read() as tx:
        if not tx.has_reviewer(reviewer):
            check_known_reviewers([reviewer], tx.reviewers())


def reviewer_name(name: str | None) -> str:
    """The reviewer named (or the default one: CLAIMS_REVIEWER, else the login), checked."""
    from claims.project import check_reviewer, default_reviewer

    return check_reviewer(default_reviewer() if name is None else name)


class UserError(click.ClickException):
    """A message for the user; exit code 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        say(f"claims: error: {self.format_message()}", err=True, file=file)


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


def _group_option(flag: str, metavar: str, help: str, **extra: Any) -> Callable[[F], F]:
    """An option of every command that may also come before the command (`_from_group`)."""
    return click.option(flag, default=None, metavar=metavar, callback=_from_group,
                        help=f"{help}; may also come before the command.", **extra)


db_option = _group_option(
    "--db", "PATH|URL", "SQLite file or postgresql:// URL (default: $CLAIMS_DB, then "
    "./claims.db)", envvar="CLAIMS_DB")
reviewer_option = _group_option(
    "--reviewer", "NAME", "Who is reviewing (default: $CLAIMS_REVIEWER, then the OS user)")


def verdict_option(help: str) -> Callable[[F], F]:
    """`--verdict LABEL|N`: a label of the project's scale by id, name or 1-based position."""
    return click.option("--verdict", default=None, metavar="LABEL|N", help=help)


def publisher_name(value: str | None, option: str = "--publisher") -> str | None:
    """The organisation named by `option`, checked as one line of text (it is the author of
    every published fact-check): no controls, bidi overrides or line breaks, not blank."""
    if value is None:
        return None
    from claims.actions import check_line
    from claims.project import ProjectError

    try:
        name = check_line("the name", value, 200)
    except ProjectError as exc:
        raise InputError(f"{option}: {exc}") from None
    if not name:
        raise InputError(f"{option}: the name is empty")
    return name


class NumberRange(click.FloatRange):
    """`click.FloatRange` that also refuses NaN, which passes its bounds (every comparison
    with it is false) and would make the option silently mean nothing."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Any:
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value!r} is not a number.", param, ctx)
        return number


def span_arguments(fn: F) -> F:
    """START and END: character offsets of an article, END excluded."""
    return click.argument("start", type=int)(click.argument("end", type=int)(fn))


def handle_errors(fn: F) -> F:
    """Turn domain and store errors into a one-line message and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from claims.files import FileProblem
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
        except (ProjectError, StoreError, InputError, FileProblem) as exc:
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


class InputError(FileProblem):
    """A file or value given on the command line cannot be used; the message says why."""

    def __init__(self, message: str) -> None:
        Exception.__init__(self, message)
        self.name, self.line, self.field, self.problem = "", None, None, message


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
    bytes are refused with the offset of the first bad byte and the flag to pass. Only regular
    files (or '-') are read, and at most one article's worth (`claims.files.Limits`).
    """
    from claims.files import input_name

    name = input_name(path)
    return decode_bytes(read_user_file(path), name, encoding, keep_newlines=keep_newlines)


def check_user_file(path: str) -> Path:
    """`path` as a Path, or a FileProblem if it is missing or not a regular file."""
    from claims.files import check_regular

    check_regular(path)
    return Path(path)


def read_user_file(path: str) -> bytes:
    """The bytes of one article file named by the user (bounded), or a FileProblem."""
    from claims.files import Limits, read_bytes

    return read_bytes(path, Limits.from_env().article_bytes)


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


def shown(text: str) -> str:
    """`text` as the command line may print it to a terminal: the one gate for all output.

    Control characters, ESC and bidi overrides become visible symbols (the annotator's table,
    `annotator/plain_text.py`), and any password in a connection string is masked.
    """
    from annotator.plain_text import clean
    from claims.store.target import redact

    return clean(redact(text))


visible = shown
"""The old name of `shown`."""


def cell(text: str) -> str:
    """`text` for one cell of a table row: `shown`, with tabs and line breaks as spaces, so
    a claim, a title or a rationale never breaks its row or shifts the columns after it."""
    return shown(text.translate(_ONE_ROW))


_ONE_ROW = {ord("\n"): " ", ord("\t"): " ", ord("\r"): " "}


def say(text: str, *, err: bool = False, file: Any = None, nl: bool = True) -> None:
    """Print one message (stdout, or stderr with `err`) through `shown`."""
    click.echo(shown(text), err=err if file is None else False, file=file, nl=nl)


def escape_json(data: bytes) -> bytes:
    """JSON bytes for standard output: C1, DEL and bidi controls as \\u escapes."""
    from annotator.plain_text import escape_json as escape

    return escape(data)


def echo_jsonl(records: Any) -> None:
    """Write dicts as JSONL to stdout: exact JSON, with every terminal control escaped."""
    import orjson

    from annotator.plain_text import escape_json

    out = sys.stdout.buffer
    for record in records:
        out.write(escape_json(orjson.dumps(record)))
        out.write(b"\n")
    out.flush()
