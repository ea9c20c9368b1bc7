"""`claims validate FILE`: check a JSONL file against the export JSON Schema, line by line.

Uses `jsonschema` (Draft 2020-12) on the schema `claims schema` prints, so what passes here
passes any other validator given that schema. Each problem names the line and the field path.
Beyond the schema, a record that carries its article's text must have
`text == article.text[start:end]`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from claims.project import ProjectError


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

    @property
    def ok(self) -> bool:
        return not self.problems


def _validator() -> Any:
    try:
        from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
    except ModuleNotFoundError:  # pragma: no cover - jsonschema is a dependency of validate
        raise ProjectError(
            "claims validate needs the jsonschema package: pip install 'jsonschema>=4.21'"
        ) from None
    from exports.records import json_schema

    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_file(path: str | os.PathLike[str], *, max_problems: int = 100) -> ValidationReport:
    name = str(path)
    if name == "-":
        import sys

        return validate_stream(sys.stdin.buffer, name="<stdin>", max_problems=max_problems)
    p = Path(path)
    if not p.exists():
        raise ProjectError(f"{name}: no such file")
    if p.is_dir():
        raise ProjectError(f"{name}: is a directory, not a file")
    try:
        with open(p, "rb") as handle:
            return validate_stream(handle, name=name, max_problems=max_problems)
    except OSError as exc:
        raise ProjectError(f"{name}: cannot read ({exc.strerror or exc})") from None


def validate_stream(
    stream: IO[bytes], *, name: str = "<input>", max_problems: int = 100
) -> ValidationReport:
    validator = _validator()
    report = ValidationReport(name=name)
    for lineno, raw in enumerate(stream, 1):
        line = raw.strip()
        if not line:
            continue
        report.records += 1
        for problem in _check_line(validator, lineno, line):
            if len(report.problems) >= max_problems:
                report.truncated = True
                return report
            report.problems.append(problem)
    return report


def _check_line(validator: Any, lineno: int, line: bytes) -> Iterator[Problem]:
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        yield Problem(lineno, "", f"not valid JSON ({exc})")
        return
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        path = [str(part) for part in error.absolute_path]
        if error.validator == "required":
            missing = error.message.split("'")
            if len(missing) >= 3:
                path.append(missing[1])
        yield Problem(lineno, ".".join(path), error.message)
    if errors or not isinstance(data, dict):
        return
    article = data.get("article") or {}
    text = article.get("text")
    if isinstance(text, str) and text[data["start"] : data["end"]] != data["text"]:
        yield Problem(lineno, "text", "is not article.text[start:end]")
