"""A reviewer in a process of its own, for tests of two reviewers on one database.

Reads one JSON command a line on stdin, runs it on a `Project` opened once at start (as a
running annotator holds one), and answers one JSON line on stdout:
{"ok": true, "result": ...} or {"ok": false, "error": "...", "stale": bool, "successor": ...}.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import orjson  # noqa: E402

from claims.project import Project, ProjectError, StaleAction  # noqa: E402


def _state(project: Project, claim_id: str) -> dict[str, Any]:
    s = project.claim(claim_id)
    return {"id": s.claim.id, "start": s.claim.start, "end": s.claim.end, "live": s.live}


def _run(project: Project, reviewer: str, cmd: dict[str, Any]) -> Any:
    op, cid = cmd["op"], str(cmd.get("claim", ""))
    seen = tuple(cmd["seen"]) if cmd.get("seen") else None
    if op == "look":
        return _state(project, cid)
    if op == "verdict":
        return project.set_verdict(cid, reviewer, cmd["label"], seen=seen).event.id
    if op == "accept":
        return project.accept(cid, reviewer, seen=seen).event.id
    if op == "reject":
        return project.toggle_reject(cid, reviewer, seen=seen).event.id
    if op == "source":
        return project.add_source(cid, reviewer, {"url": "https://example.org/a"}, seen=seen).event.id
    if op == "unsource":
        return project.remove_source(cid, reviewer, 0, seen=seen).event.id
    if op == "note":
        return project.set_rationale(cid, reviewer, "because", seen=seen).event.id
    if op == "claim_text":
        return project.set_claim_text(cid, reviewer, "A standalone claim.", seen=seen).event.id
    if op == "adjudicate":
        return project.adjudicate(cid, reviewer, cmd["label"], seen=seen).event.id
    if op == "merge":
        return project.merge_with_next(cid, reviewer, seen=seen, next_id=cmd.get("next")).event.id
    if op == "span":
        return project.set_span(cid, reviewer, cmd["start"], cmd["end"], seen=seen).event.id
    if op == "draw":
        return project.create_claim(cmd["article"], reviewer, cmd["start"], cmd["end"]).event.claim_id
    if op == "undo":
        result = project.undo(reviewer)
        return result.event.id if result else None
    raise ValueError(f"unknown op {op}")


def main() -> None:
    db, reviewer = sys.argv[1], sys.argv[2]
    with Project.open(db) as project:
        print(orjson.dumps({"ok": True, "result": "ready"}).decode(), flush=True)
        for line in sys.stdin:
            cmd = orjson.loads(line)
            try:
                answer = {"ok": True, "result": _run(project, reviewer, cmd)}
            except StaleAction as exc:
                answer = {"ok": False, "error": str(exc), "stale": True,
                          "successor": exc.successor}
            except ProjectError as exc:
                answer = {"ok": False, "error": str(exc), "stale": False, "successor": None}
            print(orjson.dumps(answer).decode(), flush=True)


if __name__ == "__main__":
    main()
