"""Benchmark the live shared view on the generated 100,000-claim project (bench/tui.py's).

Prints:
  - refresh latency: another process commits a verdict on the claim on screen; time from its
    commit returning to the running `claims annotate` (in tmux, 120x40) showing the
    reviewer's name, median and max over --n samples; the tmux capture interval is the
    measurement's resolution;
  - the cost of the poll on an idle project: CPU per `Project.last_seq()` call, and the CPU
    an idle annotator on the 5,000-claim article burns per second with the live view on,
    beside the same app with it off (the peer figure, same run);
  - the same on PostgreSQL with --pg URL (a server where a database may be created).

Usage: python bench/live.py [--n 20] [--idle 10] [--pg postgresql://...|auto]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402  (bench/corpus.py: the generated 100,000-claim project)
import tui as tui_bench  # noqa: E402  (bench/tui.py: the tmux driver)

WRITER = textwrap.dedent(
    """
    import sys, time
    from claims.project import Project
    project = Project.open(sys.argv[1])
    print("ready", flush=True)
    for line in sys.stdin:
        claim_id, reviewer = line.split()
        project.set_verdict(claim_id, reviewer, "1")
        print(f"{time.time():.6f}", flush=True)
    """
)


def refresh_latency(db: str, article_file: Path, n: int) -> dict[str, float]:
    """Commit in another process -> visible in the annotator's pane, in milliseconds."""
    from claims.model import article_id_for
    from claims.project import Project

    tp = tui_bench.probe()
    article_id = article_id_for(article_file.read_text(encoding="utf-8"))
    with Project.open(db) as project:
        order = [s.claim.id for s in project.claims(article_id)]
    run = uuid.uuid4().hex[:6]
    cmd = [*tui_bench.CLAIMS, "annotate", str(article_file), "--lang", "en",
           "--reviewer", "bench", "--db", db]
    writer = subprocess.Popen([sys.executable, "-c", WRITER, db], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=ROOT.parent)
    samples: list[float] = []
    try:
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline().strip() == "ready"
        with tp.TuiSession(cmd, size=tui_bench.SIZE) as s:
            s.start()
            s.wait_for(f"of {corpus.BIG_CLAIMS}", timeout=60)
            s.send(f"PageDown*{2 + int(run, 16) % 60}")
            s.wait_stable(0.5, timeout=20)
            for i in range(n):
                s.send("j")
                snap = s.wait_stable(0.3, timeout=20)
                found = re.search(r"claim (\d+) of", snap.text)
                assert found, "no position in the header"
                claim_id = order[int(found.group(1)) - 1]
                name = f"peer{run}x{i}"
                writer.stdin.write(f"{claim_id} {name}\n")
                writer.stdin.flush()
                committed = float(writer.stdout.readline())
                s.wait_for(name, timeout=20)
                samples.append((time.time() - committed) * 1000)
    finally:
        if writer.stdin:
            writer.stdin.close()
        writer.wait(timeout=30)
    return {"median_ms": statistics.median(samples), "max_ms": max(samples),
            "min_ms": min(samples), "n": len(samples)}


def poll_cost(db: str, calls: int = 2000) -> float:
    """CPU microseconds per `Project.last_seq()` (one index lookup in a read transaction)."""
    from claims.project import Project

    with Project.open(db) as project:
        project.last_seq()
        start = time.process_time()
        for _ in range(calls):
            project.last_seq()
        return (time.process_time() - start) / calls * 1e6


def idle_cpu(db: str, article_file: Path, seconds: float) -> dict[str, float]:
    """CPU ms per second of an idle annotator on the big article: live view on, then off."""
    from annotator.app import ClaimsApp
    from claims.model import article_id_for
    from claims.project import Project

    article_id = article_id_for(article_file.read_text(encoding="utf-8"))
    out: dict[str, float] = {}

    async def one(live: bool) -> float:
        with Project.open(db) as project:
            app = ClaimsApp(project, "bench-idle", open_article=article_id)
            async with app.run_test(size=tui_bench.SIZE) as pilot:
                while app.article_screen() is None or app.article_screen().book is None:  # type: ignore[union-attr]
                    await asyncio.sleep(0.01)
                await pilot.pause(1.5)  # the extractor warm-up, the first history read
                while any(w.is_running for w in app.workers):
                    await asyncio.sleep(0.01)
                if not live:
                    app.live.stop()
                polls = app.live.polls
                start, wall = time.process_time(), time.perf_counter()
                await asyncio.sleep(seconds)
                used = time.process_time() - start
                elapsed = time.perf_counter() - wall
                if live:
                    out["polls_per_s"] = (app.live.polls - polls) / elapsed
                return used / elapsed * 1000

    out["live_on_cpu_ms_per_s"] = asyncio.run(one(True))
    out["live_off_cpu_ms_per_s"] = asyncio.run(one(False))
    return out


def pg_project(server: str, article_file: Path) -> str:
    """A fresh PostgreSQL database holding the 100,000-claim project (built once per run)."""
    import psycopg

    name = "claims_bench_" + uuid.uuid4().hex[:8]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = re.sub(r"/[^/?]*(\?|$)", f"/{name}\\1", server, count=1) if "://" in server else server
    corpus.build_into(url)
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20, help="refresh samples")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle per figure")
    parser.add_argument("--pg", default=None,
                        help="PostgreSQL server URL for the same figures ('auto': a private one)")
    args = parser.parse_args()
    cache = Path(tempfile.gettempdir()) / "claims-bench-100k.db"
    print("preparing the 100,000-claim project...", file=sys.stderr)
    article = corpus.build_big_project(cache)
    backends = [("SQLite", str(cache))]
    results: dict[str, dict[str, Any]] = {}
    with contextlib.ExitStack() as stack:
        if args.pg:
            server = args.pg
            if server == "auto":  # a private cluster, as the tests start one
                sys.path.insert(0, str(ROOT.parent))
                from tests.pg import postgres_server

                server = stack.enter_context(postgres_server())
            print("building it on PostgreSQL...", file=sys.stderr)
            backends.append(("PostgreSQL", pg_project(server, article)))
        for name, db in backends:
            results[name] = {
                "refresh": refresh_latency(db, article, args.n),
                "poll_us": poll_cost(db),
                "idle": idle_cpu(db, article, args.idle),
            }
    load = os.getloadavg()
    from annotator.live import POLL_INTERVAL

    print(f"\nLive shared view, 100,000-claim project, {corpus.BIG_CLAIMS:,}-claim article "
          f"on screen; poll every {POLL_INTERVAL * 1000:.0f} ms")
    for name, r in results.items():
        ref, idle = r["refresh"], r["idle"]
        print(f"\n  {name}")
        print(f"    refresh latency, commit in another process -> on screen (tmux, n={ref['n']}):"
              f" median {ref['median_ms']:.0f} ms, min {ref['min_ms']:.0f} ms, "
              f"max {ref['max_ms']:.0f} ms")
        print(f"    CPU per poll (Project.last_seq)            {r['poll_us']:8.1f} us")
        print(f"    idle annotator CPU, live view on           {idle['live_on_cpu_ms_per_s']:8.2f} ms/s"
              f"  ({idle['polls_per_s']:.1f} polls/s)")
        print(f"    idle annotator CPU, live view off (peer)   {idle['live_off_cpu_ms_per_s']:8.2f} ms/s")
    print(f"\n{tui_bench.load_line(load)}. Target: another reviewer's action on screen within 1 s.")


if __name__ == "__main__":
    tui_bench.run(main)
