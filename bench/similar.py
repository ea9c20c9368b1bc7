"""Benchmark "claims already checked" on a 100,000-claim project.

Builds the generated project of `bench/tui.py` (20 articles x 5,000 claims, its own copy), gives
a verdict to every claim outside the middle article (95,000 checked claims: the worst case, where
everything else in the project has been reviewed) and loads 1,000 published fact-checks, then
prints:
  - the time to build the index from the store (it runs once per session, on a worker);
  - the cost per claim of a lookup (`SimilarIndex.search`), wall and CPU, median / p95 / max,
    over claims of the middle article, beside the peer: rapidfuzz `process.extract` over every
    checked claim with no index, measured on the same claims in the same run;
  - key-to-screen latency of `j`, `k` and a verdict in the real `claims annotate` in tmux with
    the panel on (index built, each move looking its claim up), median and max;
  - CPU per key, headless, with the panel on (all threads: the lookups are included) and, as
    the peer, off.

Target: keys within two frames (median <= 33 ms). Usage:

    python bench/similar.py [--n 30] [--lookups 300] [--fresh] [--no-tmux]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402  (bench/corpus.py: the generated 100,000-claim project)
import tui as tui_bench  # noqa: E402  (bench/tui.py: the tmux driver)

DB = Path(tempfile.gettempdir()) / "claims-similar-bench-100k.db"
CHECKED_MARK = DB.with_suffix(".checked-v1")
KNOWN = 1_000
SIZE = (120, 40)


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median": statistics.median(ordered), "p95": ordered[int(0.95 * (len(ordered) - 1))],
            "max": ordered[-1]}


def prepare(fresh: bool) -> tuple[Path, str]:
    """The project (built once, cached in the temp folder) and the middle article's id."""
    from claims.model import article_id_for

    if fresh:
        for p in DB.parent.glob(DB.name + "*"):
            p.unlink()
        CHECKED_MARK.unlink(missing_ok=True)
    article_file = corpus.build_big_project(DB)
    middle = article_id_for(article_file.read_text(encoding="utf-8"))
    if not CHECKED_MARK.exists():
        check_everything_but(DB, middle)
        CHECKED_MARK.touch()
    return article_file, middle


def check_everything_but(db: Path, keep: str) -> None:
    """A verdict on every claim outside article `keep`, and 1,000 published fact-checks.

    Written in bulk, as `Project.set_verdict` would write them one by one (one `verdict` event
    and the review it derives), then one claim is re-derived through the store to check that
    the rows are what the store itself would have written.
    """
    import uuid

    from claims.model import KnownClaim, utc_now
    from claims.project import Project
    from claims.store.rows import ts_text as _ts

    t0 = time.perf_counter()
    labels = ["supported", "refuted", "not-enough-evidence", "conflicting-evidence"]
    rnd = random.Random(7)
    with Project.open(str(db)) as project, project.store.transaction() as tx:
        rows = tx.all("SELECT id, article_id FROM claims WHERE live = 1 AND article_id != ?", (keep,))
        now = _ts(utc_now())
        events, reviews = [], []
        for claim_id, article_id in rows:
            label = rnd.choice(labels)
            events.append((uuid.uuid4().hex, now, "bench-checker", "verdict", article_id,
                           claim_id, None, f'{{"label":"{label}"}}'))
            reviews.append((claim_id, "bench-checker", "accepted", label, "[]", "", now, now))
        tx.cur.executemany(
            "INSERT INTO events (id, ts, reviewer, type, article_id, claim_id, other_id, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", events)
        tx.cur.executemany(
            "INSERT INTO reviews (claim_id, reviewer, status, verdict, sources, rationale, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", reviews)
        sample = rows[len(rows) // 2][0]
        before = tx.all("SELECT status, verdict FROM reviews WHERE claim_id = ?", (sample,))
        tx.rederive(sample)
        after = tx.all("SELECT status, verdict FROM reviews WHERE claim_id = ?", (sample,))
        assert [tuple(r) for r in before] == [tuple(r) for r in after], (before, after)
        subjects = ["workers", "nurses", "soldiers", "students", "farmers", "drivers"]
        known = [
            KnownClaim(id=f"bench-{i}", text=f"Fact-check {i}: {rnd.randint(2, 9000)} "
                       f"{rnd.choice(subjects)} did not leave the port in {2000 + i % 25}",
                       rating=rnd.choice(["False", "Mostly false", "True", "Misleading"]),
                       publisher="Bench Checks", url=f"https://checks.example/{i}")
            for i in range(KNOWN)
        ]
        tx.insert_known(known)
    print(f"  gave {len(rows):,} verdicts and loaded {KNOWN:,} fact-checks in "
          f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)


def measure_index(db: Path, middle: str, lookups: int) -> dict[str, Any]:
    from rapidfuzz import process

    from claims.normalise import normalise
    from claims.project import Project
    from claims.similar import _score

    out: dict[str, Any] = {}
    with Project.open(str(db)) as project:
        t0, c0 = time.perf_counter(), time.process_time()
        index = project.similar_index()
        out["build_s"] = time.perf_counter() - t0
        out["build_cpu_s"] = time.process_time() - c0
        out["entries"] = len(index)
        states = project.claims(middle)
    rnd = random.Random()
    chosen = rnd.sample(states, min(lookups, len(states)))
    walls, cpus, found = [], [], 0
    for state in chosen:
        t0, c0 = time.perf_counter(), time.process_time()
        matches = index.search(state.claim.text, "en", exclude=[state.claim.id], limit=5)
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
        found += bool(matches)
    out["lookup_ms"] = _stats(walls)
    out["lookup_cpu_ms"] = _stats(cpus)
    out["with_matches"] = found / len(chosen)
    # Peer: the same scorer over every entry, no index (what a plain process.extract costs).
    norms = [n for n in index._norms if n is not None]
    peer = []
    for state in chosen[:10]:
        query = normalise(state.claim.text, "en")
        t0 = time.perf_counter()
        process.extract(query, norms, scorer=_score, processor=None, limit=5, score_cutoff=60)
        peer.append((time.perf_counter() - t0) * 1000)
    out["peer_extract_all_ms"] = _stats(peer)
    return out


def tmux_keys(db: Path, article_file: Path, n: int) -> dict[str, Any]:
    tp = tui_bench.probe()
    command = [*tui_bench.CLAIMS, "annotate", str(article_file), "--lang", "en",
               "--reviewer", "bench", "--db", str(db)]
    plan = [
        ("j (next claim, its lookup)", ["j"], None),
        ("k (previous claim, its lookup)", ["k"], None),
        ("verdict 1 / clear", ["1"], ["0"]),
    ]
    pages = random.Random().randint(5, corpus.BIG_CLAIMS // 40)
    work = Path(tempfile.mkdtemp(prefix="claims-similar-bench-"))
    try:
        out = {}
        bare = work / "bare.py"  # peer: a bare Textual list in the same terminal, same run
        bare.write_text(tui_bench.BARE_APP)
        peer = tui_bench.keys(tp, [tui_bench.PYTHON, str(bare)], "item 0000", work,
                              [("down", ["Down"], None)], n)
        out["peer: bare Textual list, down"] = peer["down"]
        with tp.TuiSession(command, cwd=str(work), size=SIZE) as s:
            s.start()
            s.wait_for(f"claim 1 of {corpus.BIG_CLAIMS}", timeout=120)
            t0 = time.perf_counter()
            # While the index is being built on its worker thread (it shows once built).
            r = s.measure_keys(["j"], n=min(n, 10), settle=0.05, timeout=5)
            building = time.perf_counter() - t0
            s.wait_for("Already checked", timeout=300)  # the index is built, the panel shown
            out["index_visible_after_s"] = time.perf_counter() - t0
            if building < out["index_visible_after_s"]:
                out["j while the index builds"] = {"median_ms": r["median_ms"],
                                                   "max_ms": r["max_ms"]}
            s.send(f"PageDown*{pages}")
            s.wait_stable(0.5, timeout=30)
            for name, seq, reset in plan:
                r = s.measure_keys(seq, n=n, reset=reset, settle=0.1, timeout=5)
                out[name] = {"median_ms": r["median_ms"], "max_ms": r["max_ms"]}
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def headless_cpu(db: Path, article_file: Path, n: int, *, panel: bool) -> dict[str, float]:
    """CPU per key, headless, all threads: with the panel, each key's sample lasts until the
    panel shows the new claim's matches (so its lookup is counted); without it, as long as
    the average sample with it. The CPU the idle app spends in as much time is subtracted."""
    import asyncio

    from annotator.widgets import similar

    opened = similar.SimilarPanel.article_opened
    if not panel:
        similar.SimilarPanel.article_opened = lambda self: None  # type: ignore[method-assign]
    project, app = tui_bench.headless_app(db, article_file)
    out: dict[str, float] = {}

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await tui_bench.article_shown(app)
            screen.move_to(random.Random().randrange(len(screen.book) - 2 * n))
            box = screen.query_one(similar.SimilarPanel)
            shown = asyncio.Event()  # set when the panel shows a claim's matches: no polling
            show = box._show

            def showing(matches):  # type: ignore[no-untyped-def]
                show(matches)
                shown.set()

            box._show = showing  # type: ignore[method-assign]
            lookups = similar._lookups(project)
            while panel and (lookups.index is None or lookups.building):
                await asyncio.sleep(0.05)
            await pilot.pause(1.0)
            wall0, cpu0 = time.perf_counter(), time.process_time()
            await asyncio.sleep(2.0)
            idle_rate = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
            out["idle CPU (subtracted), ms per s"] = idle_rate * 1000
            for name, fn in (("j", screen.action_cursor_down), ("k", screen.action_cursor_up)):
                total_cpu = total_wall = 0.0
                for _ in range(n):
                    shown.clear()
                    wall0, cpu0 = time.perf_counter(), time.process_time()
                    fn()
                    await pilot.pause()
                    if panel:
                        await shown.wait()
                        await pilot.pause()
                    else:
                        await asyncio.sleep(similar.LOOKUP_DELAY + 0.01)
                        await pilot.pause()
                    wall = time.perf_counter() - wall0
                    total_cpu += time.process_time() - cpu0 - idle_rate * wall
                    total_wall += wall
                out[name] = total_cpu / n * 1000
                out[f"{name}: wall per sample"] = total_wall / n * 1000

    try:
        asyncio.run(run())
    finally:
        project.close()
        similar.SimilarPanel.article_opened = opened  # type: ignore[method-assign]
    return out


def report_index(r: dict[str, Any]) -> None:
    print(f"\nClaims already checked, {r['entries']:,} indexed references "
          f"({r['entries'] - KNOWN:,} checked claims + {KNOWN:,} published fact-checks)")
    print(f"  index build from the store       {r['build_s'] * 1000:8.0f} ms wall "
          f"{r['build_cpu_s'] * 1000:8.0f} ms CPU   (once per session, on a worker)")
    for name, key in (("lookup per claim, wall", "lookup_ms"), ("lookup per claim, CPU", "lookup_cpu_ms"),
                      ("peer: process.extract over all", "peer_extract_all_ms")):
        v = r[key]
        print(f"  {name:<33}{v['median']:8.2f} ms median {v['p95']:8.2f} ms p95 "
              f"{v['max']:8.2f} ms max")
    print(f"  claims of the article with a match: {r['with_matches']:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=30, help="samples per key")
    parser.add_argument("--lookups", type=int, default=300, help="claims looked up")
    parser.add_argument("--fresh", action="store_true", help="rebuild the project")
    parser.add_argument("--no-tmux", action="store_true", help="skip the tmux key latency")
    parser.add_argument("--keys-only", action="store_true",
                        help="only the key latency and CPU (skip the index figures)")
    args = parser.parse_args()
    print("preparing the 100,000-claim project...", file=sys.stderr)
    article_file, middle = prepare(args.fresh)
    if not args.keys_only:
        report_index(measure_index(DB, middle, args.lookups))
    if not args.no_tmux and shutil.which("tmux"):
        keys = tmux_keys(DB, article_file, args.n)
        print(f"\nKey to screen, claims annotate in tmux {SIZE[0]}x{SIZE[1]}, panel on "
              f"(index shown {keys.pop('index_visible_after_s'):.1f} s after the article)")
        print("                                        median       max")
        for name, v in keys.items():
            print(f"    {name:<34}{v['median_ms']:7.1f} ms {v['max_ms']:7.1f} ms")
    off = headless_cpu(DB, article_file, args.n, panel=False)
    on = headless_cpu(DB, article_file, args.n, panel=True)
    print("\nCPU per key, headless, all threads, the idle app's CPU subtracted; with the panel a")
    print("sample lasts until the new claim's matches are shown, so its lookup is counted")
    print("                                      panel off   panel on")
    for name in on:
        print(f"    {name:<34}{off[name]:7.1f} ms {on[name]:7.1f} ms")
    print(f"\n{tui_bench.load_line()} (wall-clock figures inflate with it)")
    print("Target: keys median <= 33 ms (two frames) with the panel on.")


if __name__ == "__main__":
    tui_bench.run(main)
