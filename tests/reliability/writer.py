"""A reviewer that never stops: the writer the crash and concurrency tests start and kill.

Run as a script (`python tests/reliability/writer.py DB REVIEWER SEED ...`), it opens the
project, prints `ready`, then performs reviewer actions through `Project` one after another
and prints `ack <n> <event id>` only after each action has returned, i.e. after its
transaction committed. Whatever it printed is what a user would have seen acknowledged; the
tests SIGKILL it at random moments and check that every printed event is in the store.

`--mode add` adds articles instead (`ack <n> <article id> <claims>`), to kill the writer in the
middle of the larger transactions that insert an article with its claims.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from claims.project import Project, ProjectError  # noqa: E402


def _actions(project: Project, reviewer: str, rng: random.Random, claim_ids: list[str],
             n: int) -> None:
    for i in range(n):
        claim = rng.choice(claim_ids)
        roll = rng.random()
        try:
            if roll < 0.25:
                result = project.set_verdict(claim, reviewer, str(rng.randint(1, 4)))
            elif roll < 0.40:
                result = project.set_status(
                    claim, reviewer, rng.choice(("accepted", "rejected", "proposed"))
                )
            elif roll < 0.60:
                result = project.add_source(
                    claim, reviewer, {"url": f"https://example.org/{reviewer}/{i}",
                                      "title": f"source {i}", "stance": "supports"},
                )
            elif roll < 0.80:
                result = project.set_rationale(claim, reviewer, f"note {reviewer} {i} " * 4)
            elif roll < 0.88:
                undone = project.undo(reviewer)
                if undone is None:
                    print(f"skip {i}", flush=True)
                    continue
                result = undone
            elif roll < 0.94:
                redone = project.redo(reviewer)
                if redone is None:
                    print(f"skip {i}", flush=True)
                    continue
                result = redone
            else:
                state = project.claim(claim)
                start = state.claim.start
                end = max(start + 1, state.claim.end - rng.randint(0, 5))
                result = project.set_span(claim, reviewer, start, end)
        except ProjectError:
            # e.g. a span made of whitespace only: refused before anything is written.
            print(f"skip {i}", flush=True)
            continue
        print(f"ack {i} {result.event.id}", flush=True)


def _adds(project: Project, rng: random.Random, n: int) -> None:
    from tests.reliability.support import synthetic_article

    for i in range(n):
        text = synthetic_article(rng, paragraphs=rng.randint(2, 6))
        result = project.add_article(text, lang="fr")
        print(f"ack {i} {result.article.id} {result.n_claims}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("reviewer")
    parser.add_argument("seed", type=int)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--mode", choices=("actions", "add"), default="actions")
    parser.add_argument("--claims", default="", help="comma-separated claim ids to act on")
    parser.add_argument("--start-at", type=float, default=0.0,
                        help="wall-clock time (time.time()) to start at, so writers overlap")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    project = Project.open(args.db)
    claim_ids = args.claims.split(",") if args.claims else [s.claim.id for s in project.claims()]
    print("ready", flush=True)
    time.sleep(max(0.0, args.start_at - time.time()))
    if args.mode == "add":
        _adds(project, rng, args.n)
    else:
        _actions(project, args.reviewer, rng, claim_ids, args.n)
    project.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
