"""Property: for any line the full checks accept, what the quick proof reads from it
(`exports.checks.proven`, the import's fast path) is None or exactly what the checked model
gives (`record_in`), down to the bytes of the events it leads to.

The lines are variations of golden records in every form a valid record may take: keys in
any order, optional keys missing, time stamps with other zones, separators and precisions,
`accessed` as a date-time, URLs with spaces around them, numbers written as floats, text with
escapes, a version 1 record without `claim_text`."""

from __future__ import annotations

import copy
import json
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson
from hypothesis import event, given, settings
from hypothesis import strategies as st

from claims.files import FileProblem
from exports.checks import proven
from exports.importer import check_lines
from exports.plan import (
    RecordIn,
    packed,
    record_in,
    review_event,
    unpacked,
)

GOLDEN = Path(__file__).parent / "golden"
BASES = [orjson.loads(line) for name in ("native.jsonl", "native-with-articles.jsonl")
         for line in (GOLDEN / name).read_bytes().splitlines()]


def _stamp(moment: datetime, form: int) -> str:
    """`moment` written in one of the forms an RFC 3339 date-time may take."""
    utc = moment.astimezone(UTC)
    if form == 0:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # canonical
    if form == 1:
        return utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    if form == 2:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
    if form == 3:
        return utc.strftime("%Y-%m-%dt%H:%M:%S.%fz")
    if form == 4:
        return moment.astimezone(timezone(timedelta(hours=2))).isoformat()
    if form == 5:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
    if form == 6:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%f") + "123Z"  # nanoseconds
    if form == 7:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%f-00:00")
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%f")  # no zone: refused


MOMENTS = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1),
                       timezones=st.just(UTC))
DAYS = st.dates(min_value=datetime(1900, 1, 1).date())
ACCESSED = st.one_of(
    st.none(),
    st.just("missing"),
    DAYS.map(lambda d: d.isoformat() + "T00:00:00"),
    DAYS.map(lambda d: d.isoformat() + "T00:00:00Z"),
    DAYS.map(lambda d: d.strftime("%Y%m%d")),
    st.integers(0, 2_000_000_000),
)
SPACE = st.sampled_from([" ", "\t", "\n", "\r\n", "\x0b", "\u00a0", "\ufeff"])
TEXT = st.text(st.characters(codec="utf-8"), max_size=12)  # no lone surrogates


def _sometimes(draw: st.DrawFn) -> bool:
    """Vary this field (one time in four): most records keep the canonical form of most
    fields, so that the fast path reads them and its result is compared."""
    return draw(st.integers(0, 3)) == 0


@st.composite
def variants(draw: st.DrawFn) -> bytes:
    data: dict[str, Any] = copy.deepcopy(draw(st.sampled_from(BASES)))
    if _sometimes(draw):
        data["schema_version"] = 1
        data.pop("checked_text", None)
        data.pop("adjudication", None)
    for review in data["reviews"]:
        moment = draw(MOMENTS)
        review["updated_at"] = _stamp(moment, draw(st.integers(1, 8)) if _sometimes(draw)
                                      else 0)
        if data["schema_version"] == 1:
            review.pop("claim_text", None)
        if _sometimes(draw):
            review["rationale"] = draw(TEXT)
        if _sometimes(draw):
            review["reviewer"] = draw(st.sampled_from(["ana", "Zoé", "r\u00e9mi", "\u4e2d"]))
        if not review["sources"] and _sometimes(draw):
            review["sources"] = [{"url": "https://example.org/a?b=1#c"}]
        for source in review["sources"]:
            if _sometimes(draw):
                source["url"] = draw(SPACE) + source["url"]
            if _sometimes(draw):
                source["url"] = source["url"] + draw(SPACE)
            for key in ("title", "quote", "stance"):
                if _sometimes(draw):
                    source.pop(key, None)
                elif key != "stance" and _sometimes(draw):
                    source[key] = draw(TEXT)
            if _sometimes(draw):
                accessed = draw(ACCESSED)
                if accessed == "missing":
                    source.pop("accessed", None)
                else:
                    source["accessed"] = accessed
            elif "accessed" in source and source["accessed"] is not None:
                source["accessed"] = draw(DAYS).isoformat()
    names = [r["reviewer"] for r in data["reviews"]]
    if len(set(names)) != len(names):
        for i, review in enumerate(data["reviews"]):
            review["reviewer"] = f"{review['reviewer']}{i}"
    adjudication = data.get("adjudication")
    if isinstance(adjudication, dict):
        adjudication["ts"] = _stamp(draw(MOMENTS), draw(st.integers(1, 8)) if _sometimes(draw)
                                    else 0)
    if data["schema_version"] >= 2 and _sometimes(draw):
        data.pop("adjudication")  # absent, not null: refused in version 2
    for key in ("start", "end"):
        if _sometimes(draw):
            data[key] = float(data[key])
    if _sometimes(draw):
        data = _shuffled(data, random.Random(draw(st.integers(0, 1 << 30))))
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


def _shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [_shuffled(v, rng) for v in value]
    return value


def _plain(record: RecordIn) -> RecordIn:
    return replace(record, checked=None)


@settings(max_examples=400, deadline=None, database=None)
@given(line=variants())
def test_the_fast_path_gives_what_the_checked_record_gives(line: bytes) -> None:
    try:
        [(_, checked, _)] = list(check_lines(iter([(1, line)]), "f.jsonl"))
    except FileProblem:
        return  # refused by the full checks: the import commits nothing of it
    values = proven(orjson.loads(line))
    if values is None:
        return
    fast = unpacked(values)
    event("the fast path read it")
    slow = record_in(checked)
    assert repr(_plain(fast)) == repr(_plain(slow))  # repr: 0.0 is not 0 here
    [(_, values, _)] = list(check_lines(iter([(1, line)]), "f.jsonl", shape="packed"))
    assert repr(values) == repr(packed(checked)) == repr(proven(orjson.loads(line)))
    for mine, theirs in zip(fast.reviews, slow.reviews, strict=True):
        assert review_event(fast, mine) == review_event(slow, theirs)


def test_the_fast_path_takes_the_canonical_lines_our_exports_write() -> None:
    for data in BASES:
        values = proven(copy.deepcopy(data))
        assert values is not None
        fast = unpacked(values)
        [(_, checked, _)] = list(check_lines(iter([(1, orjson.dumps(data))]), "f.jsonl"))
        assert repr(_plain(fast)) == repr(_plain(record_in(checked)))
