"""Benchmark the annotator as a reviewer meets it: the real `claims annotate` in tmux.

Prints, side by side with a bare Textual list app measured in the same run:
  - launch to first paint of the reference article (fresh database: import + extraction
    included; then an existing database);
  - key-to-screen latency, median and max, on the reference article and on a generated
    5,000-claim article inside a 100,000-claim project (`j`, `k`, a verdict, a rejection,
    `end`/`home`), each action committed to SQLite before the screen shows it.

Targets (DESIGN.md, issue 4): first paint <= 1 s; keys median <= 33 ms, max <= 100 ms.
Drives tmux through ../shared/tools/tui_probe.py. Usage:

    python bench/tui.py [--n 30] [--reference PATH] [--fresh] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

from corpus import BIG_CLAIMS, big_article_text, build_big_project

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PROBE_DIR = SHARED / "tools"
PYTHON = sys.executable
CLAIMS = [PYTHON, "-c", "from annotator.cli import main; main()"]
SIZE = (120, 40)

BARE_APP = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import OptionList

    class Bare(App):
        def compose(self):
            yield OptionList(*[f"item {i:04d}" for i in range(5000)])

    Bare().run()
    """
)


def load_line(load: tuple[float, float, float] | None = None) -> str:
    """The load average of the machine (now, or as measured during the run), for a report."""
    one, five, fifteen = load or os.getloadavg()
    return (f"Load average during the run: {one:.1f} {five:.1f} {fifteen:.1f} on "
            f"{os.cpu_count()} CPUs")


def run(main: Any) -> None:
    """Run a tmux benchmark's `main` with Textual's animations off (frames, not tweens)."""
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    main()


def probe() -> Any:
    if not (PROBE_DIR / "tui_probe.py").exists():
        sys.exit(f"bench/tui.py needs {PROBE_DIR / 'tui_probe.py'} (and tmux)")
    sys.path.insert(0, str(PROBE_DIR))
    import tui_probe  # type: ignore[import-not-found]

    return tui_probe


def reference_article(explicit: str | None) -> Path:
    for candidate in (explicit, SHARED / "seed" / "article.fr.txt", ROOT / "examples" / "article.fr.txt"):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    sys.exit("no reference article: pass --reference PATH")


# -- measuring ----------------------------------------------------------------------------------

def startup_rounds(tp, cases: dict[str, tuple[list[str], str, object]], cwd: Path,  # type: ignore[no-untyped-def]
                   repeat: int) -> dict[str, dict[str, float]]:
    """Launch every case once per round, rounds interleaved, so each sees the same machine."""
    paints: dict[str, list[float]] = {name: [] for name in cases}
    texts: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, (command, text, before) in cases.items():
            if callable(before):
                before()
            with tp.TuiSession(command, cwd=str(cwd), size=SIZE) as s:
                s.start()
                r = s.measure_startup(text, timeout=60)
                paints[name].append(r["first_paint_ms"])
                texts[name].append(r["startup_ms"])
    return {
        name: {"first_paint_ms": statistics.median(paints[name]),
               "text_ms": statistics.median(texts[name]), "text_max_ms": max(texts[name])}
        for name in cases
    }


def keys(tp: Any, command: list[str], ready: str, cwd: Path,
         plan: list[tuple[str, list[str], list[str] | None]], n: int,
         start: list[str] | None = None) -> dict[str, Any]:
    out = {}
    with tp.TuiSession(command, cwd=str(cwd), size=SIZE) as s:
        s.start()
        s.wait_for(ready, timeout=60)
        s.wait_stable(0.3, timeout=20)
        if start:
            s.send(*start)
            s.wait_stable(0.3, timeout=20)
        for name, seq, reset in plan:
            r = s.measure_keys(seq, n=n, reset=reset, settle=0.1, timeout=5)
            out[name] = {"median_ms": r["median_ms"], "max_ms": r["max_ms"]}
    return out


NEW_SENTENCES = 5_000


def new_article_rounds(tp: Any, bare_cmd: list[str], work: Path, repeat: int,
                       n: int) -> dict[str, Any]:
    """A 5,000-sentence article the project has never seen, opened with `claims annotate FILE`
    on a new database each launch (rounds interleaved with the bare peer): first paint and
    time to its text, then key latency while its claims are still arriving."""
    article = work / "new-report.txt"
    text = big_article_text(7, NEW_SENTENCES)
    article.write_text(text, encoding="utf-8")
    db = work / "new.db"
    cmd = [*CLAIMS, "annotate", str(article), "--lang", "en", "--reviewer", "bench",
           "--db", str(db)]
    probe_text = " ".join(text.split()[:4])

    def fresh() -> None:
        for p in work.glob("new.db*"):
            p.unlink()

    rounds = startup_rounds(tp, {"bare": (bare_cmd, "item 0000", None),
                                 "new": (cmd, probe_text, fresh)}, work, repeat)
    fresh()
    out: dict[str, Any] = {"bare": rounds["bare"], "new": rounds["new"],
                           "chars": len(text)}
    out["bare_keys"] = keys(tp, bare_cmd, "item 0000", work, [("down", ["Down"], None)], n)
    with tp.TuiSession(cmd, cwd=str(work), size=SIZE) as s:
        t0 = s.start()
        s.wait_for(probe_text, timeout=60)
        s.wait_for(r"claim 1 of \d+", regex=True, timeout=60)  # the first window is in
        keys_out = {}
        for name, seq, reset in (("j", ["j"], None), ("k", ["k"], None),
                                 ("verdict 1", ["1"], ["0"])):
            r = s.measure_keys(seq, n=n, reset=reset, settle=0.05, timeout=5)
            keys_out[name] = {"median_ms": r["median_ms"], "max_ms": r["max_ms"]}
            keys_out[name]["still_arriving"] = "more coming" in s.screen()
        s.wait_absent("more coming", timeout=600)
        out["all_claims_s"] = time.perf_counter() - t0
        out["keys"] = keys_out
        out["claims"] = s.screen().split("claim ", 2)[-1].split("\n")[0][:40]
    return out


def headless_app(db: Path, article_file: Path) -> tuple[Any, Any]:
    """The project at `db` and an annotator opening the article of `article_file`, to run
    headless (`app.run_test`)."""
    from annotator.app import ClaimsApp
    from claims.model import article_id_for
    from claims.project import Project

    project = Project.open(str(db))
    article_id = article_id_for(article_file.read_text(encoding="utf-8"))
    return project, ClaimsApp(project, "bench-cpu", open_article=article_id)


async def article_shown(app: Any) -> Any:
    """The article screen of a headless `app`, once its claims are on it."""
    import asyncio

    while (screen := app.article_screen()) is None or screen.book is None:
        await asyncio.sleep(0.01)
    return screen


def cpu_per_key(db: Path, article_file: Path, n: int) -> dict[str, float]:
    """CPU milliseconds per key in a headless app (all threads, repaint included).

    Unlike wall-clock latency this hardly moves when other work shares the machine, so it
    tells a slow key from a busy computer.
    """
    import asyncio

    import annotator.screens.claim_details as claim_details

    claim_details.HISTORY_DELAY = 0.05
    project, app = headless_app(db, article_file)
    out: dict[str, float] = {}

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await article_shown(app)
            screen.move_to(random.Random().randrange(len(screen.book)))  # a claim with no past
            await pilot.pause(1.0)  # the extractor warm-up starts 0.5 s after the article shows
            while any(w.is_running for w in app.workers):
                await asyncio.sleep(0.01)
            done = asyncio.Event()
            finish = app.runner._finish

            def finished(*a):  # type: ignore[no-untyped-def]
                finish(*a)
                if not app.runner.pending:
                    done.set()

            app.runner._finish = finished  # type: ignore[method-assign]

            async def act(fn) -> None:  # type: ignore[no-untyped-def]
                done.clear()
                fn()
                await done.wait()
                await pilot.pause()

            async def move(fn) -> None:  # type: ignore[no-untyped-def]
                fn()
                await pilot.pause()

            idle = time.process_time()
            for _ in range(n):
                await pilot.pause()
            floor = (time.process_time() - idle) / n
            plan = (
                ("j", move, [screen.action_cursor_down]),
                ("k", move, [screen.action_cursor_up]),
                ("verdict 1 / clear 0", act,
                 [lambda: screen.action_verdict(1), lambda: screen.action_verdict(0)]),
                ("x (reject / restore)", act, [screen.action_toggle_reject]),
            )
            for name, how, fns in plan:
                start = time.process_time()
                for _ in range(n):
                    for fn in fns:
                        await how(fn)
                out[name] = ((time.process_time() - start) / (n * len(fns)) - floor) * 1000
            out["idle frame (subtracted)"] = floor * 1000

    asyncio.run(run())
    project.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=30, help="samples per key")
    parser.add_argument("--repeat", type=int, default=3, help="launches per startup figure")
    parser.add_argument("--reference", default=None)
    parser.add_argument("--fresh", action="store_true", help="rebuild the 100,000-claim project")
    parser.add_argument("--json", default=None)
    parser.add_argument("--new-article", action="store_true",
                        help="only the bare peer and a new 5,000-sentence article (claims "
                        "arriving while it is on screen)")
    args = parser.parse_args()
    tp = probe()
    if shutil.which("tmux") is None:
        sys.exit("tmux is not installed")
    ref = reference_article(args.reference)
    work = Path(tempfile.mkdtemp(prefix="claims-bench-"))
    cache = Path(tempfile.gettempdir()) / "claims-bench-100k.db"
    if args.fresh:
        cache.unlink(missing_ok=True)
    results: dict[str, object] = {"reference": str(ref)}
    try:
        # Peer: a bare Textual list, same terminal, same run.
        bare = work / "bare.py"
        bare.write_text(BARE_APP)
        bare_cmd = [PYTHON, str(bare)]
        if args.new_article:
            new = new_article_rounds(tp, bare_cmd, work, args.repeat, args.n)
            new["load_average"] = os.getloadavg()
            report_new(new)
            if args.json:
                Path(args.json).write_text(json.dumps(new, indent=1))
            return

        # Reference article.
        db = work / "ref.db"

        def fresh_db() -> None:
            for p in work.glob("ref.db*"):
                p.unlink()

        ref_cmd = [*CLAIMS, "annotate", str(ref), "--lang", "fr", "--published", "2022-03-01",
                   "--reviewer", "bench", "--db", str(db)]
        probe_text = "Plus de 500 soldats" if "seed" in str(ref) else None
        probe_text = probe_text or ref.read_text(encoding="utf-8").split()[0]
        print("preparing the 100,000-claim project...", file=sys.stderr)
        big_file = build_big_project(cache)
        big_cmd = [*CLAIMS, "annotate", str(big_file), "--lang", "en", "--reviewer", "bench",
                   "--db", str(cache)]
        big_ready = f"claim 1 of {BIG_CLAIMS}"
        rounds = startup_rounds(tp, {
            "bare": (bare_cmd, "item 0000", None),
            "ref_fresh": (ref_cmd, probe_text, fresh_db),
            "ref": (ref_cmd, probe_text, None),
            "big": (big_cmd, big_ready, None),
        }, work, args.repeat)
        results["bare_startup"] = rounds["bare"]
        results["ref_startup_fresh_db"] = rounds["ref_fresh"]
        results["ref_startup"] = rounds["ref"]
        results["big_startup"] = rounds["big"]
        results["bare_keys"] = keys(tp, bare_cmd, "item 0000", work,
                                    [("down", ["Down"], None)], args.n)
        plan = [
            ("j", ["j"], ["k"]),
            ("k", ["k"], ["j"]),
            ("verdict 1", ["1"], ["0"]),
            ("x reject", ["x"], None),
        ]
        results["ref_keys"] = keys(tp, ref_cmd, probe_text, work, plan, args.n)

        # 5,000-claim article in a 100,000-claim project.
        plan = [
            ("j", ["j"], None),
            ("k", ["k"], None),
            ("verdict 1", ["1"], ["0"]),
            ("x reject", ["x"], None),
            ("PgDn", ["PageDown"], None),
            ("end/home", ["End"], ["Home"]),
        ]
        # The cached project keeps every run's events: start on a claim earlier runs
        # are unlikely to have used, so a claim's history does not grow run after run.
        pages = random.Random().randint(5, BIG_CLAIMS // 40)
        results["big_keys"] = keys(tp, big_cmd, big_ready, work, plan, args.n,
                                   start=[f"PageDown*{pages}"])
        results["big_cpu"] = cpu_per_key(cache, big_file, args.n)
        results["load_average"] = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


def report_new(r: dict) -> None:  # type: ignore[type-arg]
    bare, new = r["bare"], r["new"]
    print(f"\nclaims annotate NEW_FILE (a {NEW_SENTENCES:,}-sentence article, {r['chars']:,} "
          f"characters, new database), tmux {SIZE[0]}x{SIZE[1]}")
    print("                                             first paint   its text")
    print(f"  bare Textual list (peer)                  {bare['first_paint_ms']:7.1f} ms "
          f"{bare['text_ms']:7.1f} ms")
    print(f"  new article, claims arriving              {new['first_paint_ms']:7.1f} ms "
          f"{new['text_ms']:7.1f} ms")
    print(f"  ratio to the peer: first paint {new['first_paint_ms'] / bare['first_paint_ms']:.2f}x, "
          f"text {new['text_ms'] / bare['text_ms']:.2f}x (target <= 3x)")
    print("\nKey to screen latency while claims arrive    median       max   still arriving")
    for name, v in r["bare_keys"].items():
        print(f"    peer: bare list, {name:<21}{v['median_ms']:7.1f} ms {v['max_ms']:7.1f} ms")
    for name, v in r["keys"].items():
        print(f"    {name:<38}{v['median_ms']:7.1f} ms {v['max_ms']:7.1f} ms   "
              f"{v['still_arriving']}")
    if r.get("all_claims_s"):
        print(f"\nevery claim in after {r['all_claims_s']:.1f} s from launch ({r['claims']})")
    load = r.get("load_average")
    if load:
        print(load_line(load))


def report(r: dict) -> None:  # type: ignore[type-arg]
    def f(x: float) -> str:
        return f"{x:7.1f}"

    print(f"\nclaims annotate, tmux {SIZE[0]}x{SIZE[1]}; reference: {r['reference']}")
    print("\nStartup (median of launches, cases interleaved)  first paint   target text")
    rows = [
        ("bare Textual list (peer)", r["bare_startup"]),
        ("reference article, new database", r["ref_startup_fresh_db"]),
        ("reference article, existing database", r["ref_startup"]),
        (f"{BIG_CLAIMS:,}-claim article / 100k project", r["big_startup"]),
    ]
    for name, v in rows:
        print(f"  {name:<48}{f(v['first_paint_ms'])} ms  {f(v['text_ms'])} ms")
    print("\nKey to screen latency                     median       max")
    for title, key in (("bare Textual list (peer)", "bare_keys"),
                       ("reference article", "ref_keys"),
                       (f"{BIG_CLAIMS:,}-claim article / 100k project", "big_keys")):
        print(f"  {title}")
        for name, v in r[key].items():
            print(f"    {name:<38}{f(v['median_ms'])} ms {f(v['max_ms'])} ms")
    print(f"\nCPU per key, headless, {BIG_CLAIMS:,}-claim article (all threads, minus an idle frame)")
    for name, v in r["big_cpu"].items():
        print(f"    {name:<38}{f(v)} ms")
    load = r.get("load_average")
    if load:
        print(f"\n{load_line(load)} (wall-clock figures inflate with it; the peer shows by how much)")
    print("\nTargets: first paint <= 1000 ms; keys median <= 33 ms, max <= 100 ms.")


if __name__ == "__main__":
    run(main)
