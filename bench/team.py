"""Benchmark: a team of reviewer processes on one project; throughput, commit latency, 0 lost.

    python bench/team.py [--pg-reviewers 20] [--sqlite-reviewers 5] [--actions 100]
                         [--pace 1] [--articles 20] [--seed 1] [--only pg|sqlite]
                         [--workdir DIR]

For each backend (a private PostgreSQL cluster started as the tests start it, on a Unix
socket, but with fsync on, and a SQLite file with its `synchronous=FULL`):

1. A project of `--articles` synthetic articles of our own, one claim per sentence.
2. Peer, in the same run: one reviewer process alone does `--actions` actions: the latency of
   an uncontended commit.
3. The team: `--pg-reviewers` (or `--sqlite-reviewers`) processes, released at once, each doing
   `--actions` reviewer actions back to back through `Project` on random claims of the shared
   project (verdicts, accept/reject, sources, rationales; several at once in one `review`
   sometimes). A worker prints `ack` with the event id and what it did only after the call
   returned, i.e. after the commit.
4. The same team again, each reviewer at `--pace` actions per second (start times fixed in
   advance, as a fast human's rhythm): commit latency when the backend is not saturated.
5. Figures: actions per second over each run's wall time (release to last commit),
   p50/p99/max latency of a committed action (call to return: lookup, write transaction,
   commit). Then the check: every acknowledged event is in the log with its reviewer and
   claim, the log holds no event nobody acknowledged, the materialised claims and reviews
   equal what re-deriving the whole log gives, and each reviewer's review of each claim holds
   exactly what that reviewer's acknowledged actions say (last verdict, status, sources in
   order, last rationale). "lost" counts every acknowledged action that fails any of these.
   Back to back, latency is mostly queueing: N reviewers wait on one writer at a time.

Exits 1 if anything was lost. Figures depend on the machine's load (2 shared cores here: 20
processes contend for the CPU as much as for the database).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from claims.project import Project, ProjectError  # noqa: E402

LABELS = ("supported", "refuted", "not-enough-evidence", "conflicting-evidence")


# -- the worker: one reviewer process ------------------------------------------------------


def worker(db: str, reviewer: str, seed: int, n: int, pace: float) -> None:
    """`n` actions, back to back, or at `pace` actions per second when it is above 0."""
    rng = random.Random(seed)
    project = Project.open(db)
    claim_ids = [s.claim.id for s in project.claims()]
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    begin = time.monotonic() + (rng.random() / pace if pace > 0 else 0.0)
    for i in range(n):
        if pace > 0:  # a reviewer's rhythm, not a retry loop: start times fixed in advance
            time.sleep(max(0.0, begin + i / pace - time.monotonic()))
        claim_id = rng.choice(claim_ids)
        roll = rng.random()
        kwargs: dict[str, Any] = {}
        if roll < 0.40:
            kwargs["verdict"] = rng.choice(LABELS)
        elif roll < 0.55:
            kwargs["status"] = rng.choice(("accepted", "rejected", "proposed"))
        elif roll < 0.70:
            kwargs["source"] = {"url": f"https://example.org/{reviewer}/{i}", "title": f"s{i}"}
        elif roll < 0.85:
            kwargs["rationale"] = f"{reviewer} note {i}"
        else:  # several changes in one action, as the annotator's dialogs make them
            kwargs = {"verdict": rng.choice(LABELS), "rationale": f"{reviewer} checked {i}",
                      "source": {"url": f"https://example.org/{reviewer}/{i}"}}
        start = time.perf_counter()
        try:
            result = project.review(claim_id, reviewer, **kwargs)
        except ProjectError as exc:  # refused aloud, nothing saved: not acknowledged
            print("refused " + orjson.dumps(str(exc)).decode(), flush=True)
            continue
        ms = (time.perf_counter() - start) * 1000
        record = {"event": result.event.id, "claim": claim_id, "ms": ms, "t": time.time(),
                  "changes": len(kwargs),
                  **{k: v for k, v in kwargs.items() if k != "source"}}
        if "source" in kwargs:
            record["source"] = kwargs["source"]["url"]
        print("ack " + orjson.dumps(record).decode(), flush=True)
    project.close()
    print("done", flush=True)


# -- the harness ---------------------------------------------------------------------------


def spawn(db: str, reviewer: str, seed: int, n: int, pace: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--worker", db, reviewer, str(seed),
         str(n), str(pace)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def run_team(db: str, reviewers: list[str], n: int, seed: int, pace: float = 0.0) -> dict[str, Any]:
    procs = [spawn(db, r, seed * 1000 + i, n, pace) for i, r in enumerate(reviewers)]
    for proc in procs:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if line != "ready":
            raise SystemExit(f"a reviewer process failed to start: {line} {proc.stderr.read()}")
    released = time.time()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    acks: dict[str, list[dict[str, Any]]] = {}
    refused = 0
    for reviewer, proc in zip(reviewers, procs, strict=True):
        out, err = proc.communicate(timeout=3600)
        if proc.returncode != 0:
            raise SystemExit(f"reviewer {reviewer} failed ({proc.returncode}): {err[-2000:]}")
        acks[reviewer] = [orjson.loads(line[4:]) for line in out.splitlines()
                          if line.startswith("ack ")]
        refused += sum(1 for line in out.splitlines() if line.startswith("refused "))
    every = [a for run in acks.values() for a in run]
    wall = max(a["t"] for a in every) - released if every else 0.0
    latencies = sorted(a["ms"] for a in every)
    return {"acks": acks, "refused": refused, "wall": wall, "latencies": latencies}


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[k]


def _fold(e: dict[str, Any], action: dict[str, Any]) -> None:
    """What one acknowledged action does to the reviewer's review, by the documented rules:
    a verdict implies "accepted" unless the reviewer chose a status; a verdict on a claim they
    had rejected restores it; rejecting clears their verdict."""
    if "verdict" in action:
        e["verdict"] = action["verdict"]
        if e["verdict"] is not None and e["status"] == "rejected":
            e["status"], e["explicit"] = "accepted", True
    if "status" in action:
        e["status"] = action["status"]
        e["explicit"] = action["status"] != "proposed"
        if e["status"] == "rejected":
            e["verdict"] = None
    if "source" in action:
        e["sources"].append(action["source"])
    if "rationale" in action:
        e["rationale"] = action["rationale"]
    if not e["explicit"]:
        e["status"] = "accepted" if e["verdict"] is not None else "proposed"


def check(db: str, acks: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Lost acknowledged actions, by kind of check; the log is only read."""
    from tests.reliability.support import derived_state_mismatches

    with Project.open(db) as project, project.store.read() as tx:
        logged = {row[0]: (row[1], row[2], row[3]) for row in
                  tx.all("SELECT id, reviewer, claim_id, type FROM events")}
        reviews = {(row[0], row[1]): row[2:] for row in tx.all(
            "SELECT claim_id, reviewer, status, verdict, sources, rationale FROM reviews")}
    missing = wrong_state = 0
    for reviewer, run in acks.items():
        expected: dict[str, dict[str, Any]] = defaultdict(
            lambda: {"verdict": None, "status": "proposed", "explicit": False, "sources": [],
                     "rationale": ""})
        for a in run:
            row = logged.get(a["event"])
            if row is None or row[0] != reviewer or row[1] != a["claim"]:
                missing += 1
            _fold(expected[a["claim"]], a)
        for claim_id, e in expected.items():
            stored = reviews.get((claim_id, reviewer))
            want = (e["status"], e["verdict"], e["sources"], e["rationale"])
            got = None if stored is None else (
                stored[0], stored[1], [s["url"] for s in orjson.loads(stored[2])], stored[3])
            if got != want:
                wrong_state += 1
                print(f"  {reviewer} {claim_id}: review {got} != acknowledged {want}",
                      file=sys.stderr)
    # An action with several changes appends one event per change (its ack names the last):
    # the log must hold exactly as many events as the acknowledged actions made.
    made = sum(a["changes"] for run in acks.values() for a in run)
    return {"missing": missing, "wrong_state": wrong_state,
            "mismatches": derived_state_mismatches(db), "log": len(logged),
            "unexpected": len(logged) - made}


def _latency(lat: list[float]) -> str:
    return (f"p50 {percentile(lat, 0.5):.1f} ms, p99 {percentile(lat, 0.99):.1f} ms, "
            f"max {lat[-1]:.1f} ms")


def bench_backend(name: str, db: str, reviewers: int, n: int, articles: int, seed: int,
                  pace: float) -> tuple[list[tuple[str, str]], int]:
    from tests.reliability.support import prepare_project

    claim_ids = prepare_project(db, n_articles=articles, seed=seed)
    alone = run_team(db, ["solo"], n, seed)
    team = run_team(db, [f"r{i:02d}" for i in range(reviewers)], n, seed + 1)
    paced = run_team(db, [f"p{i:02d}" for i in range(reviewers)], n, seed + 2, pace) \
        if pace > 0 else None
    runs = {"solo": alone["acks"]["solo"], **team["acks"], **(paced["acks"] if paced else {})}
    result = check(db, runs)
    acked = sum(len(v) for v in team["acks"].values())
    lat, solo = team["latencies"], alone["latencies"]
    lost = result["missing"] + result["wrong_state"] + len(result["mismatches"])
    lost += abs(result["unexpected"])
    refused = alone["refused"] + team["refused"] + (paced["refused"] if paced else 0)
    rows = [
        (f"{name}: project", f"{articles} articles, {len(claim_ids)} claims"),
        (f"{name}: peer, 1 reviewer alone, back to back",
         f"{len(solo) / alone['wall']:.0f} actions/s; commit {_latency(solo)}"),
        (f"{name}: {reviewers} reviewers x {n} actions, back to back",
         f"{acked} acknowledged in {team['wall']:.1f} s = {acked / team['wall']:.0f} actions/s; "
         f"commit {_latency(lat)}"),
    ]
    if paced is not None:
        plat = paced["latencies"]
        packed = sum(len(v) for v in paced["acks"].values())
        rows.append((f"{name}: {reviewers} reviewers x {n} actions at {pace:g}/s each",
                     f"{packed} acknowledged in {paced['wall']:.1f} s = "
                     f"{packed / paced['wall']:.0f} actions/s; commit {_latency(plat)}"))
    rows += [
        (f"{name}: refused (nothing saved, said so)", str(refused)),
        (f"{name}: lost", f"{lost} of {sum(len(v) for v in runs.values())} acknowledged "
                          f"(not in the log {result['missing']}, reviews not as acknowledged "
                          f"{result['wrong_state']}, derived state != log "
                          f"{len(result['mismatches'])}, events nobody acknowledged "
                          f"{result['unexpected']}); log {result['log']} events"),
    ]
    for problem in result["mismatches"][:5]:
        print(f"  {problem}", file=sys.stderr)
    return rows, lost


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        db, reviewer, seed, n, pace = sys.argv[2:7]
        worker(db, reviewer, int(seed), int(n), float(pace))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pg-reviewers", type=int, default=20)
    parser.add_argument("--sqlite-reviewers", type=int, default=5)
    parser.add_argument("--actions", type=int, default=100, help="actions per reviewer")
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--pace", type=float, default=1.0,
                        help="actions per second per reviewer in the paced run (0: skip it)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=("pg", "sqlite"), default=None)
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="claims-team-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str]] = []
    lost = 0
    if args.only in (None, "pg"):
        from tests.pg import fresh_database, postgres_server

        with postgres_server(durable=True) as server:
            r, n_lost = bench_backend("PostgreSQL", fresh_database(server), args.pg_reviewers,
                                      args.actions, args.articles, args.seed, args.pace)
            rows += r
            lost += n_lost
    if args.only in (None, "sqlite"):
        db = folder / "team.db"
        if db.exists():
            raise SystemExit(f"{db} exists; give an empty --workdir")
        r, n_lost = bench_backend("SQLite", str(db), args.sqlite_reviewers, args.actions,
                                  args.articles, args.seed, args.pace)
        rows += r
        lost += n_lost
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    return 1 if lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
