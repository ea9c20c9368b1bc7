"""Two reviewers in two real processes on one database: no stale action is ever recorded.

Alice changes claim boundaries (merge, boundary edit, drawing, and the undo of each) while Bob's
process still holds what it read before. Every action Bob then takes on what he saw is refused,
inside its write transaction, with a message naming what happened and the claim that replaced
it; nothing of his is recorded. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from claims.project import Project
from tests.conftest import _fill
from tests.helpers import review_of

ACTOR = Path(__file__).with_name("actor.py")
ROOT = Path(__file__).resolve().parents[2]


class Actor:
    """One reviewer's process, answering one command at a time."""

    def __init__(self, db: str, reviewer: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(ACTOR), db, reviewer], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.seen_override: dict[str, Any] | None = None
        """The claim as this reviewer's screen last showed it, where a scenario sets one."""
        assert self.ask_raw() == {"ok": True, "result": "ready"}

    def ask_raw(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, self.proc.stderr.read() if self.proc.stderr else "actor died"
        answer: dict[str, Any] = orjson.loads(line)
        return answer

    def ask(self, **cmd: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(orjson.dumps(cmd).decode() + "\n")
        self.proc.stdin.flush()
        return self.ask_raw()

    def do(self, **cmd: Any) -> Any:
        answer = self.ask(**cmd)
        assert answer["ok"], answer
        return answer["result"]

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


@pytest.fixture
def team(backend_url: str) -> Iterator[tuple[str, list[str], Actor, Actor]]:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
    alice, bob = Actor(backend_url, "alice"), Actor(backend_url, "bob")
    try:
        yield backend_url, ids, alice, bob
    finally:
        alice.close()
        bob.close()


REVIEWER_OPS: list[dict[str, Any]] = [
    {"op": "verdict", "label": "1"},
    {"op": "accept"},
    {"op": "reject"},
    {"op": "source"},
    {"op": "unsource"},
    {"op": "note"},
    {"op": "claim_text"},
    {"op": "adjudicate", "label": "2"},
    {"op": "merge"},
    {"op": "span", "delta": 1},
]

Scenario = Callable[[Actor, Actor, list[str], str], tuple[str, str, str]]
"""Sets the stage; returns (the claim Bob acts on, its successor, words the refusal holds)."""


def _merge(alice: Actor, bob: Actor, ids: list[str], url: str) -> tuple[str, str, str]:
    alice.do(op="merge", claim=ids[1])
    return ids[2], ids[1], f"merged into {ids[1]} by alice"


def _merge_seen_span(alice: Actor, bob: Actor, ids: list[str], url: str) -> tuple[str, str, str]:
    alice.do(op="merge", claim=ids[1])
    return ids[1], ids[1], f"claim {ids[1]} was changed by alice"


def _span(alice: Actor, bob: Actor, ids: list[str], url: str) -> tuple[str, str, str]:
    look = alice.do(op="look", claim=ids[1])
    alice.do(op="span", claim=ids[1], start=look["start"], end=look["end"] - 1)
    return ids[1], ids[1], f"claim {ids[1]} was changed by alice"


def _undo_merge(alice: Actor, bob: Actor, ids: list[str], url: str) -> tuple[str, str, str]:
    alice.do(op="merge", claim=ids[1])
    bob.seen_override = bob.do(op="look", claim=ids[1])
    alice.do(op="undo")
    return ids[1], ids[1], f"claim {ids[1]} was changed by alice"


def _undo_span(alice: Actor, bob: Actor, ids: list[str], url: str) -> tuple[str, str, str]:
    look = alice.do(op="look", claim=ids[1])
    alice.do(op="span", claim=ids[1], start=look["start"] + 1, end=look["end"])
    bob.seen_override = bob.do(op="look", claim=ids[1])
    alice.do(op="undo")
    return ids[1], ids[1], f"claim {ids[1]} was changed by alice"


def _undo_draw(alice: Actor, bob: Actor, ids: list[str], url: str) -> tuple[str, str, str]:
    with Project.open(url) as project:
        article = project.claim(ids[0]).claim.article_id
    look = alice.do(op="look", claim=ids[0])
    drawn = alice.do(op="draw", article=article, start=look["start"], end=look["start"] + 10)
    bob.seen_override = bob.do(op="look", claim=drawn)
    alice.do(op="undo")
    return drawn, ids[0], f"claim {drawn} was taken back (its drawing undone) by alice"


SCENARIOS: dict[str, Scenario] = {
    "merged-away": _merge,
    "merged-grown": _merge_seen_span,
    "boundary-edit": _span,
    "undo-of-merge": _undo_merge,
    "undo-of-boundary-edit": _undo_span,
    "undo-of-drawing": _undo_draw,
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_every_action_on_what_another_reviewer_changed_is_refused(
    team: tuple[str, list[str], Actor, Actor], scenario: str
) -> None:
    url, ids, alice, bob = team
    bob.seen_override = None
    # Bob's screen shows the claims as they are now.
    before = {cid: bob.do(op="look", claim=cid) for cid in ids}
    target, successor, words = SCENARIOS[scenario](alice, bob, ids, url)
    seen_state = bob.seen_override or before[target]
    seen = [seen_state["start"], seen_state["end"]]
    with Project.open(url) as project:
        n_events = len(project.history())
    for op in REVIEWER_OPS:
        cmd = {**op, "claim": target, "seen": seen}
        if op["op"] == "span":
            cmd.update(start=seen[0], end=seen[1] - op["delta"])
            del cmd["delta"]
        answer = bob.ask(**cmd)
        assert not answer["ok"], f"{op['op']} on a stale claim was recorded"
        assert answer["stale"], answer
        assert answer["successor"] == successor, (op, answer)
        assert words in answer["error"] and "nothing saved" in answer["error"], answer["error"]
    with Project.open(url) as project:
        assert len(project.history()) == n_events, "a refused action left an event"
        assert project.history(reviewer="bob") == []


def test_a_merge_refuses_when_another_claim_now_comes_between(
    team: tuple[str, list[str], Actor, Actor],
) -> None:
    url, ids, alice, bob = team
    with Project.open(url) as project:
        article = project.claim(ids[0]).claim.article_id
    look = bob.do(op="look", claim=ids[0])
    drawn = alice.do(op="draw", article=article, start=look["start"] + 5, end=look["end"] - 5)
    answer = bob.ask(op="merge", claim=ids[0], seen=[look["start"], look["end"]], next=ids[1])
    assert not answer["ok"] and answer["stale"]
    assert f"claim {drawn} now comes between" in answer["error"]
    assert answer["successor"] == ids[0]
    # Without an expectation the merge takes the claim that is next now.
    assert bob.ask(op="merge", claim=ids[0])["ok"]


def test_current_actions_still_go_through_and_undo_is_per_reviewer(
    team: tuple[str, list[str], Actor, Actor],
) -> None:
    url, ids, alice, bob = team
    look = bob.do(op="look", claim=ids[0])
    seen = [look["start"], look["end"]]
    bob.do(op="verdict", claim=ids[0], label="1", seen=seen)
    alice.do(op="verdict", claim=ids[0], label="2", seen=seen)  # reviews never make it stale
    bob.do(op="note", claim=ids[0], seen=seen)
    bob.do(op="undo")
    with Project.open(url) as project:
        state = project.claim(ids[0])
        assert {r.reviewer: r.verdict for r in state.reviews} == {
            "alice": "refuted", "bob": "supported"}
        assert review_of(state, "bob").rationale == ""
        assert state.disputed


def test_a_merge_never_hides_another_reviewers_review(
    team: tuple[str, list[str], Actor, Actor],
) -> None:
    url, ids, alice, bob = team
    bob.do(op="verdict", claim=ids[2], label="1")
    answer = alice.ask(op="merge", claim=ids[1])
    assert not answer["ok"] and "has been judged by bob" in answer["error"]
    with Project.open(url) as project:
        assert project.claim(ids[2]).live
        assert project.history(reviewer="alice") == []
