"""Benchmark: SIGKILL writers many times at random moments and count what was lost (nothing).

    python bench/crash.py [--kills 500] [--parallel 2] [--cli-kills 50] [--seed 1] [--workdir DIR]

The long version of `tests/reliability/test_rel_crash.py`. Writer processes
(`tests/reliability/writer.py`: a loop of reviewer actions through `Project`, one in five
adding articles instead) print `ack` after each commit; `--parallel` of them run at once on
one SQLite file and each is killed with SIGKILL after a random 20-300 ms of work. Then a loop
of `claims review` commands is killed `--cli-kills` times. At the end: `PRAGMA
integrity_check`, every acknowledged event and article looked up, and the materialised state
re-derived from the log and compared. Prints a table of figures; exits 1 if anything was lost.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.project import Project  # noqa: E402
from tests.reliability.support import (  # noqa: E402
    derived_state_mismatches,
    event_ids,
    integrity_check,
    kill_writers,
    prepare_project,
)


def _cli_kills(db: str, kills: int, rng: random.Random) -> dict[str, Any]:
    from tests.reliability.test_rel_crash import _cli_loop_script

    with Project.open(db) as project:
        claim_ids = [s.claim.id for s in project.claims()][:6]
    acked: dict[str, list[int]] = {}
    for kill in range(kills):
        reviewer = f"cli{kill}"
        proc = subprocess.Popen(
            ["bash", "-c", _cli_loop_script(db, claim_ids, reviewer)], cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        time.sleep(rng.uniform(0.2, 1.5))
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        acked[reviewer] = [int(line.split()[1]) for line in out.splitlines()
                           if line.startswith("ack ")]
    lost = 0
    with Project.open(db) as project:
        for reviewer, numbers in acked.items():
            payloads = " ".join(str(e.payload) for e in project.history(reviewer=reviewer))
            for i in numbers:
                marker = {1: f"https://example.org/{reviewer}/{i}'",
                          2: f"cli-note-{reviewer}-{i}'"}.get(i % 3)
                if marker and marker not in payloads:
                    lost += 1
    return {"acked": sum(len(v) for v in acked.values()), "lost": lost}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--parallel", type=int, default=2)
    parser.add_argument("--cli-kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="claims-crash-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = str(folder / "crash.db")
    if Path(db).exists():
        raise SystemExit(f"{db} exists; give an empty --workdir")
    rng = random.Random(args.seed)
    prepare_project(db, n_articles=3)

    t0 = time.monotonic()
    project_runs = kill_writers(db, args.kills, args.parallel, rng, progress=True)
    t1 = time.monotonic()
    cli = _cli_kills(db, args.cli_kills, rng) if args.cli_kills else {"acked": 0, "lost": 0}
    t2 = time.monotonic()

    integrity = integrity_check(db)
    stored = event_ids(db)
    lost_events = len(set(project_runs["events"]) - stored)
    lost_articles = 0
    with Project.open(db) as project:
        for article_id, n_claims in project_runs["articles"].items():
            if len(project.claims(article_id, include_hidden=True)) != n_claims:
                lost_articles += 1
        total_events = len(project.history())
    mismatches = derived_state_mismatches(db)
    delays = project_runs["delays"]

    rows = [
        ("SIGKILLs of Project writers", f"{args.kills} ({args.parallel} at a time)"),
        ("kill delay after ready (ms)", f"{min(delays) * 1000:.0f}-{max(delays) * 1000:.0f}, "
                                        f"median {statistics.median(delays) * 1000:.0f}"),
        ("acknowledged actions", str(len(project_runs["events"]))),
        ("acknowledged articles", str(len(project_runs["articles"]))),
        ("acknowledged actions lost", str(lost_events)),
        ("acknowledged articles lost or partial", str(lost_articles)),
        ("writers that exited before the kill", str(project_runs["early_exits"])),
        ("SIGKILLs of `claims review` loops", str(args.cli_kills)),
        ("acknowledged `claims review` commands", str(cli["acked"])),
        ("acknowledged commands lost", str(cli["lost"])),
        ("events in the log at the end", str(total_events)),
        ("PRAGMA integrity_check", integrity),
        ("claims/reviews differing from the log", str(len(mismatches))),
        ("time: Project writer kills (s)", f"{t1 - t0:.1f}"),
        ("time: CLI kills (s)", f"{t2 - t1:.1f}"),
        ("database size (MB)", f"{os.path.getsize(db) / 1e6:.2f}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"| {'measure':<{width}} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key:<{width}} | {value} |")
    failed = lost_events or lost_articles or cli["lost"] or integrity != "ok" or mismatches
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
