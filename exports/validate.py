"""`claims validate FILE`: check a JSONL file against the export JSON Schema, line by line.

Uses `jsonschema` (Draft 2020-12, formats checked) on the schema `claims schema` prints, so
what passes here passes any other validator given that schema; then every rule the importer
applies that needs no project (`exports.checks`): offsets, facets inside the claim, labels of
the record's scale, reviewers, time stamps. A file `claims validate` passes is one `claims
import` takes (given its articles). Each problem names the line and the field path.

A line in the canonical form our exports write is proven valid by the import's quick proof
(`exports.checks.proven`, plain comparisons) instead: tests hold that whatever it proves, the
schema and every rule accept (tests/test_exports/test_quick_proof.py). Any other line gets
the schema and the rules, which name its problems (a line the schema checks costs about 2 ms,
a proven one about 30 us).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import IO, Any

from claims.files import (
    STDIN_NAME,
    FileProblem,
    Limits,
    iter_lines,
    loads,
    open_input,
)
from claims.model import too_long
from claims.project import ProjectError
from exports.checks import parse_record, record_problems, refuse_foreign
from exports.importer import peek, proven_line


@dataclass(frozen=True)
class Problem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.field or '(record)'}: {self.message}"


@dataclass
class ValidationReport:
    name: str
    records: int = 0
    problems: list[Problem] = field(default_factory=list)
    truncated: bool = False
    """More problems were found than `max_problems`; counting stopped there."""
    versions: set[int] = field(default_factory=set)
    """The `schema_version`s of the records read (1 for files written before version 2)."""

    @property
    def ok(self) -> bool:
        return not self.problems and not self.truncated


def _validator() -> Any:
    try:
        from jsonschema import Draft202012Validator, FormatChecker
    except ModuleNotFoundError:  # pragma: no cover - jsonschema is a dependency of validate
        raise ProjectError(
            "claims validate needs the jsonschema package: pip install 'jsonschema>=4.21'"
        ) from None
    from exports.records import json_schema

    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=format_checker(FormatChecker))


def format_checker(checker_class: Any) -> Any:
    """The formats the schema names, checked as the importer reads them (no extra packages)."""
    from datetime import date, datetime

    from exports.records import RFC3339

    checker = checker_class(formats=())

    def _date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not RFC3339.match(value):
            raise ValueError("not an RFC 3339 date-time with a time zone")
        datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        return True

    def _date(value: object) -> bool:
        if isinstance(value, str):
            date.fromisoformat(value)
        return True

    checker.checks("date-time", raises=ValueError)(_date_time)
    checker.checks("date", raises=ValueError)(_date)

    return checker


def validate_file(path: str | os.PathLike[str], *, max_problems: int = 100) -> ValidationReport:
    try:
        stream, name, _ = open_input(str(path))
    except FileProblem as exc:
        raise ProjectError(str(exc)) from None
    with stream if name != STDIN_NAME else nullcontext(stream):
        return validate_stream(stream, name=name, max_problems=max_problems)


def validate_stream(
    stream: IO[bytes], *, name: str = "<input>", max_problems: int = 100
) -> ValidationReport:
    validator = _validator()
    report = ValidationReport(name=name)
    limits = Limits.from_env()
    try:
        refuse_foreign(name, peek(stream))
        article: list[Any] = [None]  # the article object of the last line proven
        for lineno, raw in iter_lines(stream, name, limits.line_bytes):
            report.records += 1
            if _proven(raw, name, lineno, limits, report.versions, article):
                continue
            for problem in _check_line(validator, lineno, raw, name, limits, report.versions):
                if len(report.problems) >= max_problems:
                    report.truncated = True
                    return report
                report.problems.append(problem)
    except FileProblem as exc:
        raise ProjectError(str(exc)) from None
    return report


def _proven(raw: bytes, name: str, lineno: int, limits: Limits, versions: set[int],
            article: list[Any]) -> bool:
    """Whether the line is proven valid by the quick proof (`article[0]`: the article object
    of the last line proven, which a file repeats on every claim of the article)."""
    try:
        found = proven_line(raw, name, lineno, limits, article[0])
    except FileProblem:
        return False  # the full checks name it
    if found is None:
        return False
    data, _ = found
    article[0] = data["article"]
    versions.add(data["schema_version"])
    return True


def _leaf(error: Any) -> Any:
    """The error to show for `error`: for a value that fits none of its alternatives (a field
    that is an object or null, a date or null), what is wrong inside the alternative it was
    meant for, instead of "is not valid under any of the given schemas"."""
    while error.validator in ("anyOf", "oneOf") and error.context:
        meant = [e for e in error.context
                 if not (e.validator == "type" and e.validator_value == "null")]
        if not meant:
            break
        error = max(meant, key=lambda e: len(e.absolute_path))
    return error


def _check_line(validator: Any, lineno: int, raw: bytes, name: str,
                limits: Limits, versions: set[int]) -> Iterator[Problem]:
    try:
        data = loads(raw, name, lineno)
    except FileProblem as exc:
        yield Problem(lineno, exc.field or "", exc.problem)
        return
    errors = sorted((_leaf(e) for e in validator.iter_errors(data)),
                    key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        path = [str(part) for part in error.absolute_path]
        if error.validator == "required":
            missing = error.message.split("'")
            if len(missing) >= 3:
                path.append(missing[1])
        message = error.message
        if error.validator == "maxLength" and isinstance(error.instance, str):
            message = too_long(error.instance, error.validator_value) or message  # as import says
        yield Problem(lineno, ".".join(path), message)
    if errors:
        return
    # What the schema cannot say (offsets, scale labels per review, time ranges): the very
    # checks `claims import` applies.
    record, problems = parse_record(data)
    for field_name, message in problems:
        yield Problem(lineno, field_name, message)
    if record is None:
        return
    versions.add(record.schema_version)
    for field_name, message in record_problems(record):
        yield Problem(lineno, field_name, message)
    if record.article.text is not None:
        try:
            limits.check_article(record.article.text, name, lineno, "article.text")
        except FileProblem as exc:
            yield Problem(lineno, "article.text", exc.problem)
