"""Span exports of other annotation tools, read as articles with their spans as claims.

`claims add --from prodigy|doccano|label-studio FILE` brings a team's existing work in: each
annotated text becomes an article, each span a claim drawn by that tool (origin
`import:<tool>`, the span's labels as its reasons). The formats read:

- **prodigy**: JSONL (`prodigy db-out`), one task a line: `{"text", "spans": [{"start",
  "end", "label", ...}], "answer", "meta", "_input_hash", ...}`. Only accepted answers (or
  lines without an `answer`) are read; rejected and ignored ones are counted and skipped.
- **doccano**: JSONL, one document a line: `{"id", "text", "label": [[start, end, "LABEL"],
  ...]}` (sequence labelling export; older versions say `labels`), or the relation export's
  `{"text", "entities": [{"start_offset", "end_offset", "label"}, ...]}`.
- **label-studio**: the JSON export (a list of tasks: `{"id", "data": {"text": ...},
  "annotations": [{"result": [{"type": "labels", "value": {"start", "end", "text",
  "labels"}}], "was_cancelled"}]}`), or its JSON-MIN form (`[{"id", "text", "label":
  [{"start", "end", "text", "labels"}]}]`). Cancelled annotations are skipped; the spans of
  several annotators of one task are all kept (the same span once).

Offsets are character positions in the text. Tools running in a browser count UTF-16 code
units, which differ from Python's positions after a character outside the Basic Multilingual
Plane (an emoji): when a span's `text` is given and does not match, the UTF-16 reading is
tried. A span that still does not match its text, that lies outside the text or is empty is
refused with the file and line (or task) it is on; nothing is added then.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from claims.files import FileProblem, Limits, loads
from claims.model import check_http_url
from claims.project import ProjectError

TOOLS = ("prodigy", "doccano", "label-studio")


class ForeignFileError(ProjectError):
    """A file of another tool that cannot be read; the message names file and line."""


def read_foreign(data: bytes, name: str, tool: str) -> tuple[list[dict[str, Any]], int]:
    """The articles in a `tool` export, as `Project.add_articles` items with `spans`, and the
    number of tasks skipped (rejected or ignored answers, cancelled annotations)."""
    if tool not in TOOLS:
        raise ForeignFileError(f"unknown tool {tool!r}; one of: {', '.join(TOOLS)}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ForeignFileError(f"{name}: not UTF-8 (byte {exc.start}); {tool} exports are "
                               "UTF-8 JSON") from None
    if not text.strip():
        raise ForeignFileError(f"{name}: the file is empty")
    items: list[dict[str, Any]] = []
    skipped = 0
    origin = f"import:{tool}"
    limits = Limits.from_env()
    for where, task in _tasks(text, name, tool):
        parsed = _PARSERS[tool](task, where)
        if parsed is None:
            skipped += 1
            continue
        body, spans, extra = parsed
        if not isinstance(body, str) or not body.strip():
            raise ForeignFileError(f"{where}: no text to annotate")
        try:
            limits.check_article(body, where)
        except FileProblem as exc:
            raise ForeignFileError(str(exc)) from None
        checked = []
        for start, end, labels, quoted in spans:
            checked.append((*_check(body, start, end, quoted, where), labels))
        item: dict[str, Any] = {"text": body, "spans": _merge(checked), "origin": origin}
        item.update(extra)
        items.append(item)
    if not items and not skipped:
        raise ForeignFileError(f"{name}: no tasks found")
    return items, skipped


def _tasks(text: str, name: str, tool: str) -> Iterator[tuple[str, dict[str, Any]]]:
    stripped = text.lstrip()
    if tool == "label-studio" and stripped.startswith("["):
        try:
            tasks = loads(text, name)  # strict, as every file claims reads
        except FileProblem as exc:
            raise ForeignFileError(str(exc)) from None
        for n, task in enumerate(tasks, 1):
            label = f"task {n}" + (f" (id {task['id']})" if isinstance(task, dict) and
                                   "id" in task else "")
            if not isinstance(task, dict):
                raise ForeignFileError(f"{name}: {label}: a task is a JSON object")
            yield f"{name}: {label}", task
        return
    if stripped.startswith("[") and tool != "label-studio":
        raise ForeignFileError(f"{name}: a JSON list; {tool} exports are JSONL, one task a "
                               "line (a Label Studio export? use --from label-studio)")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            task = loads(line, name, lineno)
        except FileProblem as exc:
            raise ForeignFileError(str(exc)) from None
        if not isinstance(task, dict):
            raise ForeignFileError(f"{name}:{lineno}: a task is a JSON object")
        yield f"{name}:{lineno}", task


Span = tuple[Any, Any, list[str], str | None]
Parsed = tuple[Any, list[Span], dict[str, Any]] | None


def _int(value: Any, field: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ForeignFileError(f"{where}: {field}: {value!r} is not an integer offset")
    return value


def _labels(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int))]
    return []


def _meta(meta: Any) -> dict[str, Any]:
    """Title, URL and metadata from a task's meta (strings only)."""
    out: dict[str, Any] = {}
    if not isinstance(meta, dict):
        return out
    kept = {k: v for k, v in meta.items() if isinstance(v, (str, int, float, bool))}
    if isinstance(meta.get("title"), str):
        out["title"] = meta["title"]
    url = meta.get("url")
    if isinstance(url, str):
        with contextlib.suppress(ValueError):  # the URL rules of every way in; else dropped
            out["url"] = check_http_url(url)
    if kept:
        out["metadata"] = kept
    return out


def _prodigy(task: dict[str, Any], where: str) -> Parsed:
    answer = task.get("answer", "accept")
    if answer != "accept":
        return None
    spans_in = task.get("spans", [])
    if not isinstance(spans_in, list):
        raise ForeignFileError(f"{where}: spans: a list of {{start, end, label}} is expected")
    spans: list[Span] = []
    for n, span in enumerate(spans_in):
        if not isinstance(span, dict):
            raise ForeignFileError(f"{where}: spans[{n}]: an object is expected")
        spans.append((_int(span.get("start"), f"spans[{n}].start", where),
                      _int(span.get("end"), f"spans[{n}].end", where),
                      _labels(span.get("label")), span.get("text")))
    extra = _meta(task.get("meta"))
    ident = task.get("_input_hash", (task.get("meta") or {}).get("id")
                     if isinstance(task.get("meta"), dict) else None)
    if ident is not None:
        extra["external_id"] = str(ident)
    return task.get("text"), spans, extra


def _doccano(task: dict[str, Any], where: str) -> Parsed:
    spans: list[Span] = []
    if "entities" in task:
        entities = task["entities"]
        if not isinstance(entities, list):
            raise ForeignFileError(f"{where}: entities: a list is expected")
        for n, entity in enumerate(entities):
            if not isinstance(entity, dict):
                raise ForeignFileError(f"{where}: entities[{n}]: an object is expected")
            spans.append((_int(entity.get("start_offset"), f"entities[{n}].start_offset", where),
                          _int(entity.get("end_offset"), f"entities[{n}].end_offset", where),
                          _labels(entity.get("label")), None))
    else:
        key = "label" if "label" in task else "labels"
        labels = task.get(key, [])
        if not isinstance(labels, list):
            raise ForeignFileError(f"{where}: {key}: a list of [start, end, label] is expected")
        for n, entry in enumerate(labels):
            if isinstance(entry, str):
                raise ForeignFileError(
                    f"{where}: {key}[{n}]: {entry!r} is a document label (a text "
                    "classification export); claims needs a sequence labelling export")
            if not isinstance(entry, list) or len(entry) != 3:
                raise ForeignFileError(f"{where}: {key}[{n}]: [start, end, label] expected")
            spans.append((_int(entry[0], f"{key}[{n}][0]", where),
                          _int(entry[1], f"{key}[{n}][1]", where), _labels(entry[2]), None))
    extra: dict[str, Any] = _meta(task.get("meta"))
    if "id" in task:
        extra["external_id"] = str(task["id"])
    return task.get("text"), spans, extra


def _label_studio(task: dict[str, Any], where: str) -> Parsed:
    extra: dict[str, Any] = _meta(task.get("meta"))
    if "id" in task:
        extra["external_id"] = str(task["id"])
    if "annotations" not in task and "data" not in task:  # JSON-MIN
        minimal = [_ls_value(v, f"label[{n}]", where)
                   for n, v in enumerate(task.get("label") or [])]
        return task.get("text"), minimal, extra
    data = task.get("data")
    if not isinstance(data, dict):
        raise ForeignFileError(f"{where}: data: an object with the task's text is expected")
    annotations = task.get("annotations") or task.get("completions") or []
    if not isinstance(annotations, list):
        raise ForeignFileError(f"{where}: annotations: a list is expected")
    kept = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    if annotations and not kept:
        return None
    spans: list[Span] = []
    to_name = None
    for a, annotation in enumerate(kept):
        for r, result in enumerate(annotation.get("result") or []):
            if not isinstance(result, dict) or result.get("type") not in ("labels", None):
                continue
            to_name = to_name or result.get("to_name")
            spans.append(_ls_value(result.get("value"), f"annotations[{a}].result[{r}]",
                                   where))
    body = data.get(to_name) if isinstance(to_name, str) else None
    if not isinstance(body, str):
        body = data.get("text")
    if not isinstance(body, str):
        strings = [v for v in data.values() if isinstance(v, str)]
        body = strings[0] if len(strings) == 1 else None
    return body, spans, extra


def _ls_value(value: Any, field: str, where: str) -> Span:
    if not isinstance(value, dict):
        raise ForeignFileError(f"{where}: {field}.value: an object is expected")
    return (_int(value.get("start"), f"{field}.start", where),
            _int(value.get("end"), f"{field}.end", where),
            _labels(value.get("labels")), value.get("text"))


_PARSERS = {"prodigy": _prodigy, "doccano": _doccano, "label-studio": _label_studio}


def _utf16_to_index(text: str, units: int) -> int | None:
    """The str position after `units` UTF-16 code units of `text`, or None past its end."""
    count = 0
    for index, char in enumerate(text):
        if count == units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
        if count > units:
            return None
    return len(text) if count == units else None


def _check(text: str, start: int, end: int, quoted: Any, where: str) -> tuple[int, int]:
    if isinstance(quoted, str) and text[start:end] != quoted:
        s16, e16 = _utf16_to_index(text, start), _utf16_to_index(text, end)
        if s16 is not None and e16 is not None and text[s16:e16] == quoted:
            start, end = s16, e16
        else:
            raise ForeignFileError(f"{where}: span [{start}, {end}) is {text[start:end]!r} in "
                                   f"the text, not {quoted!r}")
    if not 0 <= start < end <= len(text):
        raise ForeignFileError(f"{where}: span [{start}, {end}) is outside the text "
                               f"(length {len(text)}) or empty")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ForeignFileError(f"{where}: span holds only whitespace")
    return start, end


def _merge(spans: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """One span per (start, end), labels joined in first-seen order, sorted by position."""
    merged: dict[tuple[int, int], list[str]] = {}
    for start, end, labels in spans:
        known = merged.setdefault((start, end), [])
        known.extend(label for label in labels if label not in known)
    return [(s, e, labels) for (s, e), labels in sorted(merged.items())]
