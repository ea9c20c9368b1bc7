"""`exports.checks.proven`, the import's quick proof that a line is a valid record, is
sound: whatever line it proves, the full checks (the `ExportRecord` model and
`record_problems`) accept, and the import reads from it what it reads from the checked record.

The lines are our golden exports with one value (or two, or three) replaced, a key removed or
added, anywhere in the record, from a pool of values chosen to break each rule: other JSON
types, the edges of each range, time stamps and dates in other forms or off the calendar,
names and labels that are valid elsewhere in the same record (a second review by the same
reviewer, a verdict given with the claim rejected, an adjudicated verdict the record does not
carry).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from claims.files import FileProblem
from exports.checks import parse_record, proven, record_problems
from exports.importer import check_lines
from exports.plan import packed
from exports.validate import _validator

GOLDEN = Path(__file__).parent / "golden"
BASES = [orjson.loads(line) for name in ("native.jsonl", "native-with-articles.jsonl")
         for line in (GOLDEN / name).read_bytes().splitlines()]

POOL: list[Any] = [
    None, True, False, 0, 1, -1, 2, 7, 10**30, 1 << 53, 0.5, 1.5, -0.0, 1e300, "", " ", "x",
    "ana", "bruno", " ana", "ana\n", "an\u2028a", "camille", "0123456789ab", "0123456789abcdef",
    "0123456789ABCDEF", "0123456789abcdef\n", "2025-03-04", "2025-13-01", "2025-02-30",
    "20250304", "2025-03-04T00:00:00Z", "2023-11-14T22:13:23.000003Z",
    "2023-11-14T22:13:23Z", "2023-11-14T22:13:23.000003+00:00", "2023-11-14t22:13:23.000003z",
    "0001-01-01T00:00:00.000000Z", "9999-12-31T23:59:59.999999Z",
    "2023-02-29T10:00:00.000000Z", "2023-11-14T24:00:00.000000Z", "supported", "refuted",
    "true", "false", "accepted", "rejected", "proposed", "quantity", "date", "supports",
    "context", ">=", "~", "en", "fr", "und", "EN", "e", "https://example.org/a",
    " https://example.org/a", "javascript:alert(1)", "https://user:pw@example.org/",
    "http://exa mple.org/", "reviewer:ana", "reviewer: ana", "reviewer:", "averitec",
    "fever", "five", "line one\nline two", "\x1b[31mred", [], [1], ["x"], {}, {"a": 1},
]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*path, i))


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _drop(data: Any, path: tuple[Any, ...]) -> None:
    for part in path[:-1]:
        data = data[part]
    del data[path[-1]]


def _accepted(data: Any) -> bool:
    """Whether the full checks accept the parsed line (as `check_lines` applies them)."""
    record, problems = parse_record(copy.deepcopy(data))
    return record is not None and not problems and next(record_problems(record), None) is None


_SCHEMA = _validator()


def _check_sound(data: Any) -> bool:
    values = proven(data) if isinstance(data, dict) else None
    if values is None:
        return False
    assert _accepted(data), orjson.dumps(data).decode()
    # `claims validate` takes a proven line without the JSON Schema: the schema accepts it.
    assert next(_SCHEMA.iter_errors(copy.deepcopy(data)), None) is None, \
        orjson.dumps(data).decode()
    line = json.dumps(data).encode()  # orjson writes no integer past 64 bits
    [(_, checked, _)] = list(check_lines(iter([(1, line)]), "f.jsonl"))
    assert repr(values) == repr(packed(checked))
    assert repr(proven(orjson.loads(line))) == repr(values)
    return True


def _mutants(base: dict[str, Any]) -> Iterator[Any]:
    for path in _paths(base):
        if not path:
            continue
        for value in POOL:
            mutant = copy.deepcopy(base)
            _set(mutant, path, copy.deepcopy(value))
            yield mutant
        mutant = copy.deepcopy(base)
        _drop(mutant, path)
        yield mutant
    for path in _paths(base):
        parent = copy.deepcopy(base)
        target = parent
        for part in path:
            target = target[part]
        if isinstance(target, dict) and len(target) > 1:  # the same keys in another order
            items = list(target.items())
            target.clear()
            target.update(reversed(items))
            yield copy.deepcopy(parent)
            target.clear()
            target.update(items)
        if isinstance(target, dict):
            target["extra"] = 1
            yield parent
            if isinstance(target.get("start"), int) and isinstance(target.get("end"), int):
                for shift in (-target["start"] - 1, 1, 1000):  # a span moved, its length kept
                    moved = copy.deepcopy(base)
                    _set(moved, (*path, "start"), target["start"] + shift)
                    _set(moved, (*path, "end"), target["end"] + shift)
                    yield moved
            if "from" in target:  # the name of the field behind the alias
                target.pop("extra")
                target["from_"] = target.pop("from")
                yield parent


@pytest.mark.parametrize("base", BASES, ids=range(len(BASES)))
def test_every_single_change_it_proves_the_full_checks_accept(base: dict[str, Any]) -> None:
    assert proven(copy.deepcopy(base)) is not None  # the canonical form is proven
    taken = refused = 0
    for mutant in _mutants(base):
        if _check_sound(mutant):
            taken += 1
        elif not _accepted(mutant):
            refused += 1
    assert taken and refused  # both sides are exercised


def test_a_proven_article_is_taken_as_proven_only_when_equal() -> None:
    base = next(b for b in BASES if b["article"].get("text"))
    bad = copy.deepcopy(base)
    bad["article"]["lang"] = "not a tag"
    assert not _accepted(bad)
    assert proven(bad, base["article"]) is None
    assert proven(copy.deepcopy(base), copy.deepcopy(base["article"])) is not None


@st.composite
def several_changes(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        if draw(st.integers(0, 5)) == 0:
            _drop(data, path)
        else:
            _set(data, path, copy.deepcopy(draw(st.sampled_from(POOL))))
    return data


@settings(max_examples=600, deadline=None, database=None)
@given(data=several_changes())
def test_several_changes_it_proves_the_full_checks_accept(data: Any) -> None:
    if _check_sound(data):
        event("proven")


def test_the_import_refuses_what_it_did_not_prove_with_the_full_checks_message() -> None:
    base = copy.deepcopy(BASES[0])
    base["reviews"][0]["status"] = "rejected"
    assert base["reviews"][0]["verdict"] is not None
    assert proven(base) is None
    line = orjson.dumps(base)
    for shape in ("record", "plan", "packed"):
        with pytest.raises(FileProblem, match="reviews.0.status"):
            list(check_lines(iter([(1, line)]), "f.jsonl", shape=shape))


def test_a_piece_equal_to_the_one_before_but_of_other_types_is_checked_again() -> None:
    # 0 == False: a paragraph the line before had (starting at 0) is equal to this one, whose
    # start the model refuses (an offset is a JSON integer, never a boolean).
    first = copy.deepcopy(next(b for b in BASES if b["article"].get("text")))
    text = first["paragraph"]["text"]
    first["paragraph"] = {"text": text, "start": 0, "end": len(text)}
    second = copy.deepcopy(first)
    second["paragraph"]["start"] = False
    assert first["paragraph"] == second["paragraph"]
    assert _accepted(first) and not _accepted(second)
    lines = [orjson.dumps(first), orjson.dumps(second)]
    for shape in ("record", "plan", "packed"):
        with pytest.raises(FileProblem, match=r":2: paragraph\.start"):
            list(check_lines(iter(enumerate(lines, 1)), "f.jsonl", shape=shape))


@pytest.mark.parametrize("lang", ["en\n", "und\n", "\n"])
def test_a_language_tag_with_a_newline_after_it_is_refused(lang: str) -> None:
    data = copy.deepcopy(BASES[0])
    data["article"]["lang"] = lang
    assert proven(copy.deepcopy(data)) is None
    with pytest.raises(FileProblem, match=r"article\.lang"):
        list(check_lines(iter([(1, orjson.dumps(data))]), "f.jsonl", shape="plan"))


def _nested(levels: int) -> Any:
    """A value `levels` deep: lists within lists (levels 0: a number)."""
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("levels", [61, 62, 63])
def test_the_proof_bounds_the_nesting_as_strictly_as_loads(levels: int) -> None:
    """The import parses a line it proves without `loads` (which counts its brackets): the
    proof itself bounds how deeply the article's metadata nests. A line 64 levels deep (the
    record, its article, metadata holding 62) passes; one level more is refused as `claims
    validate` refuses it, by line."""
    from claims.files import MAX_DEPTH, depth, loads

    data = copy.deepcopy(BASES[0])
    data["article"]["metadata"] = {"a": _nested(levels - 1)}
    line = orjson.dumps(data)
    assert depth(data) == levels + 2
    if depth(data) <= MAX_DEPTH:
        assert proven(orjson.loads(line)) is not None
        loads(line, "f.jsonl", 1)
        assert len(list(check_lines(iter([(1, line)]), "f.jsonl", shape="packed"))) == 1
    else:
        assert proven(orjson.loads(line)) is None
        for shape in ("record", "packed"):
            with pytest.raises(FileProblem, match=r"f.jsonl:1: .*nested deeper than 64"):
                list(check_lines(iter([(1, line)]), "f.jsonl", shape=shape))
