"""Benchmark: export a project of N claims with reviews, against orjson's floor; import it back.

    python bench/export.py [--claims 1000000] [--per-article 100] [--repeat N] [--workdir DIR] [--keep]

Prints, for the native JSONL export: wall time and peak memory (max RSS of a fresh process
doing only that), and the floor: `orjson.dumps` of the same records (parsed back from the
exported file in batches; only the dumps are timed), in the same run. Target: export within
2x the floor. Then `claims validate` of the file (time, peak memory; the peer: the JSON Schema
and the record rules, which a line the quick proof does not prove gets, timed on the first
2,000 lines and given for the whole file). Then the import of that file into a second database
holding the same articles and claims but no reviews (time, peak memory) beside the export of
the same file (the peer, same run, just before it; target: import within 2x; `--repeat N` does
both N times in turn and gives the median ratio), with the CPU time of the worker processes
that check the file's lines while the import merges them (`exports.checking`), the same import
again (it adds nothing), and a check that re-exporting the target gives the same bytes.

Seeding writes rows straight into SQLite (articles, claims, events and the reviews derived
from them, consistent with `rederive`): going through the Project API would take an hour for
a million claims and is not what is measured here.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

VERDICTS = ("supported", "refuted", "not-enough-evidence", "conflicting-evidence")
WORDS = ("council", "budget", "ministers", "soldiers", "farmers", "prices", "tickets", "schools")


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ts(n: int) -> str:
    seconds = 1_700_000_000 + n
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{n % 1000:06d}Z"


def seed(db: Path, n_claims: int, per_article: int, with_reviews: bool) -> None:
    """A project of n_claims claims, per_article to an article, ~70% reviewed (20% twice)."""
    from claims.model import article_id_for, claim_id_for
    from claims.project import Project

    with Project.open(str(db)) as project:
        conn = project.store._conn  # seeding only: bulk inserts through the raw connection
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        made, article_no, ev = 0, 0, 0
        while made < n_claims:
            article_no += 1
            count = min(per_article, n_claims - made)
            sentences, spans = [], []
            pos = 0
            for k in range(count):
                word = WORDS[(article_no + k) % len(WORDS)]
                sentence = (f"In article {article_no}, about {100 + k * 7} {word} met on "
                            f"Tuesday, said the office ({k}).")
                sentences.append(sentence)
                spans.append((pos, pos + len(sentence) - 1))
                pos += len(sentence) + (1 if (k + 1) % 5 else 1)
            text = "".join(s + ("\n" if (i + 1) % 5 == 0 else " ")
                           for i, s in enumerate(sentences))
            aid = article_id_for(text)
            conn.execute(
                "INSERT INTO articles (id, ord, text, lang, title, url, published, external_id, "
                "metadata, added_at) VALUES (?, ?, ?, 'en', ?, ?, '2025-03-04', ?, '{}', ?)",
                (aid, article_no, text, f"Article {article_no}",
                 f"https://news.example.com/a/{article_no}", f"a-{article_no}", _ts(0)),
            )
            claim_rows, event_rows, review_rows = [], [], []
            for k, (start, end) in enumerate(spans):
                cid = claim_id_for(aid, start, end)
                q_text = f"about {100 + k * 7} {WORDS[(article_no + k) % len(WORDS)]}"
                q_start = text.index(q_text, start)
                quantities = orjson.dumps([{
                    "value": float(100 + k * 7), "comparator": "~",
                    "unit": WORDS[(article_no + k) % len(WORDS)], "text": q_text,
                    "start": q_start, "end": q_start + len(q_text)}]).decode()
                d_start = text.index("Tuesday", start)
                dates = orjson.dumps([{"from": "2025-03-04", "to": "2025-03-04",
                                       "text": "Tuesday", "start": d_start,
                                       "end": d_start + 7}]).decode()
                base = orjson.dumps({
                    "id": cid, "article_id": aid, "start": start, "end": end,
                    "text": text[start:end], "kind": "quantity", "score": 0.75,
                    "reasons": ["quantity", "date"], "quantities": orjson.loads(quantities),
                    "dates": orjson.loads(dates), "speaker": None,
                    "origin": "extractor/bench"}).decode()
                claim_rows.append((cid, aid, start, end, text[start:end], "quantity", 0.75,
                                   '["quantity","date"]', quantities, dates, None,
                                   "extractor/bench", base, None, 1))
                if not with_reviews or (made + k) % 10 >= 7:
                    continue
                reviewers = ["ana", "bruno"] if (made + k) % 10 < 2 else ["ana"]
                for r in reviewers:
                    verdict = VERDICTS[(made + k) % 4]
                    source = {"url": f"https://evidence.example.org/{article_no}/{k}",
                              "title": f"Report {k}", "quote": f"{100 + k * 7} {r}",
                              "stance": "supports", "accessed": None}
                    rationale = f"Checked against report {k} of article {article_no}."
                    t0 = ev
                    for typ, payload in (("verdict", {"label": verdict}),
                                         ("source_add", {"source": source}),
                                         ("rationale", {"text": rationale})):
                        ev += 1
                        event_rows.append((uuid.UUID(int=ev).hex, _ts(ev), r, typ, aid, cid,
                                           None, orjson.dumps(payload).decode()))
                    review_rows.append((cid, r, "accepted", verdict,
                                        orjson.dumps([source]).decode(), rationale,
                                        _ts(t0 + 1), _ts(ev)))
            conn.executemany(
                "INSERT INTO claims (id, article_id, span_start, span_end, text, kind, score, "
                "reasons, quantities, dates, speaker, origin, base, merged_into, live) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claim_rows)
            conn.executemany(
                "INSERT INTO events (id, ts, reviewer, type, article_id, claim_id, other_id, "
                "payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", event_rows)
            conn.executemany(
                "INSERT INTO reviews (claim_id, reviewer, status, verdict, sources, rationale, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", review_rows)
            made += count
        conn.execute("COMMIT")
        conn.execute("PRAGMA synchronous = FULL")


# -- phases, each in a fresh process so max RSS is its own ------------------------------


def phase_export(db: str, out: str, fmt: str) -> dict[str, Any]:
    import exports
    from claims.project import Project

    with Project.open(db) as project:
        t0, c0 = time.perf_counter(), time.process_time()
        n = exports.write_file(project, fmt, out)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"seconds": seconds, "cpu": cpu, "records": n, "bytes": os.path.getsize(out),
            "maxrss_mb": _maxrss_mb()}


def phase_validate(path: str, sample: str) -> dict[str, Any]:
    """`claims validate` of the whole file (the quick proof takes its lines), and the peer: the
    JSON Schema and the record rules on each of the file's first `sample` lines (what every
    line got before the proof, and what a line it does not prove gets)."""
    from claims.files import Limits, iter_lines
    from exports.validate import _check_line, _validator, validate_file

    t0, c0 = time.perf_counter(), time.process_time()
    report = validate_file(path)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    validator, limits, versions = _validator(), Limits.from_env(), set()
    lines = []
    with open(path, "rb") as stream:
        for lineno, raw in iter_lines(stream, path, limits.line_bytes):
            lines.append((lineno, raw))
            if len(lines) >= int(sample):
                break
    t0 = time.perf_counter()
    problems = sum(len(list(_check_line(validator, n, raw, path, limits, versions)))
                   for n, raw in lines)
    schema_seconds = time.perf_counter() - t0
    return {"seconds": seconds, "cpu": cpu, "records": report.records, "ok": report.ok,
            "sample": len(lines), "schema_seconds": schema_seconds, "problems": problems,
            "maxrss_mb": _maxrss_mb()}


def phase_floor(path: str) -> dict[str, Any]:
    """The floor: the same records (parsed back from the export in batches, untimed) put
    through `orjson.dumps` alone, then dumped and written to a file beside the export (the
    disk part of any export), each timed."""
    dumps, option = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    floor_file = path + ".floor"
    dumps_s = dumps_cpu = write_s = write_cpu = 0.0
    n = 0
    with open(path, "rb") as handle, open(floor_file, "wb", buffering=1 << 20) as out:

        def run(batch: list[Any]) -> None:
            nonlocal dumps_s, dumps_cpu, write_s, write_cpu, n
            t0, c0 = time.perf_counter(), time.process_time()
            for record in batch:
                dumps(record, option=option)
            dumps_s += time.perf_counter() - t0
            dumps_cpu += time.process_time() - c0
            t0, c0 = time.perf_counter(), time.process_time()
            out.write(b"".join([dumps(record, option=option) for record in batch]))
            write_s += time.perf_counter() - t0
            write_cpu += time.process_time() - c0
            n += len(batch)

        batch: list[Any] = []
        for line in handle:
            batch.append(orjson.loads(line))
            if len(batch) == 20_000:
                run(batch)
                batch = []
        run(batch)
        t0 = time.perf_counter()
        out.flush()
        os.fsync(out.fileno())
        write_s += time.perf_counter() - t0
    os.unlink(floor_file)
    return {"seconds": dumps_s, "cpu": dumps_cpu, "write_seconds": write_s,
            "write_cpu": write_cpu, "records": n, "maxrss_mb": _maxrss_mb()}


def phase_import(db: str, path: str) -> dict[str, Any]:
    import exports
    from claims.project import Project
    from exports.checking import worker_count

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    with Project.open(db) as project:
        t0, c0, w0 = time.perf_counter(), time.process_time(), children_cpu()
        report = exports.import_file(project, path)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        workers_cpu = children_cpu() - w0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "cpu": cpu, "workers_cpu": workers_cpu,
            "workers": worker_count(os.path.getsize(path)), "records": report.records,
            "reviews": report.reviews_added, "events": report.events, "maxrss_mb": _maxrss_mb(),
            "workers_maxrss_mb": children}


def _run_phase(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--phase", *args], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--per-article", type=int, default=100)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--keep", action="store_true", help="keep the databases and files")
    parser.add_argument("--formats", default="jsonl",
                        help="comma-separated formats to time besides jsonl (e.g. csv,fever)")
    parser.add_argument("--no-import", action="store_true")
    parser.add_argument("--repeat", type=int, default=1,
                        help="export and import N times in turn, each import into a fresh copy "
                        "of the target (the machine's speed varies: the median ratio tells)")
    parser.add_argument("--reuse-source", action="store_true",
                        help="keep WORKDIR/source.db from an earlier run with --keep")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        name, *rest = args.phase
        phases: dict[str, Callable[..., dict[str, Any]]] = {
            "export": phase_export, "floor": phase_floor, "import": phase_import,
            "validate": phase_validate,
        }
        fn = phases[name]
        print(json.dumps(fn(*rest)))
        return

    work = Path(args.workdir or tempfile.mkdtemp(prefix="claims-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    source, target, out = work / "source.db", work / "target.db", work / "export.jsonl"
    reuse = args.reuse_source and source.exists()
    for path in (target,) if reuse else (source, target):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"claims {args.claims:,}, {args.per_article} per article, in {work}")
    if not reuse:
        t0 = time.perf_counter()
        seed(source, args.claims, args.per_article, with_reviews=True)
        print(f"seeded source in {time.perf_counter() - t0:.1f} s")

    exp = _run_phase("export", str(source), str(out), "jsonl")
    floor = _run_phase("floor", str(out))
    print(f"export jsonl   {exp['records']:>10,} records {exp['bytes'] / 1e6:8.1f} MB "
          f"{exp['seconds']:7.2f} s wall {exp['cpu']:7.2f} s cpu  "
          f"{exp['records'] / exp['seconds']:>9,.0f} rec/s  peak RSS {exp['maxrss_mb']:.0f} MB")
    print(f"floor: dumps   {floor['records']:>10,} records             "
          f"{floor['seconds']:7.2f} s wall {floor['cpu']:7.2f} s cpu")
    print(f"floor: dumps + write + fsync                 "
          f"{floor['write_seconds']:7.2f} s wall {floor['write_cpu']:7.2f} s cpu  "
          f"peak RSS {floor['maxrss_mb']:.0f} MB (holds a 20,000-record batch)")
    for label, base in (("dumps", floor["seconds"]), ("dumps + write", floor["write_seconds"])):
        ratio = exp["seconds"] / base if base else float("inf")
        print(f"export / floor ({label}) = {ratio:.2f}x wall (target <= 2x)")
    val = _run_phase("validate", str(out), "2000")
    per_line = val["schema_seconds"] / max(val["sample"], 1)
    print(f"validate       {val['records']:>10,} records             {val['seconds']:7.2f} s wall "
          f"{val['cpu']:7.2f} s cpu  {val['records'] / val['seconds']:>9,.0f} rec/s  peak RSS "
          f"{val['maxrss_mb']:.0f} MB  valid: {val['ok']}")
    print(f"  peer: the JSON Schema and the record rules on each line: {per_line * 1e3:.2f} ms a "
          f"line ({val['sample']:,} lines, {val['problems']} problems), "
          f"{per_line * val['records']:.1f} s for the file = "
          f"{per_line * val['records'] / val['seconds']:.1f}x")
    for fmt in [f for f in args.formats.split(",") if f and f != "jsonl"]:
        other = _run_phase("export", str(source), str(work / f"export.{fmt}"), fmt)
        print(f"export {fmt:<8}{other['records']:>10,} records {other['bytes'] / 1e6:8.1f} MB "
              f"{other['seconds']:7.2f} s  peak RSS {other['maxrss_mb']:.0f} MB")

    if not args.no_import:
        t0 = time.perf_counter()
        seed(target, args.claims, args.per_article, with_reviews=False)
        print(f"seeded target (same articles, no reviews) in {time.perf_counter() - t0:.1f} s")
        pristine = work / "target-pristine.db"
        shutil.copyfile(target, pristine)
        ratios = []
        for run in range(1, args.repeat + 1):
            if run > 1:  # the peer again, then the import into a fresh copy of the target
                exp = _run_phase("export", str(source), str(out), "jsonl")
                for suffix in ("-wal", "-shm"):
                    Path(f"{target}{suffix}").unlink(missing_ok=True)
                shutil.copyfile(pristine, target)
            imp = _run_phase("import", str(target), str(out))
            ratios.append(imp["seconds"] / exp["seconds"])
            label = f" (run {run} of {args.repeat})" if args.repeat > 1 else ""
            print(f"import{label}")
            print(f"  import   {imp['records']:>10,} records {imp['reviews']:,} reviews "
                  f"{imp['events']:,} events {imp['seconds']:7.2f} s wall {imp['cpu']:7.2f} s cpu  "
                  f"{imp['records'] / imp['seconds']:>9,.0f} rec/s  peak RSS "
                  f"{imp['maxrss_mb']:.0f} MB")
            print(f"  read and checked by {imp['workers']} worker process(es) beside it: "
                  f"{imp['workers_cpu']:.2f} s cpu, peak RSS {imp['workers_maxrss_mb']:.0f} MB; "
                  f"cpu of all processes {imp['cpu'] + imp['workers_cpu']:.2f} s "
                  f"on {len(os.sched_getaffinity(0))} cores")
            print(f"  peer: export of the same file, just before  {exp['seconds']:7.2f} s wall "
                  f"{exp['cpu']:7.2f} s cpu")
            total = imp["cpu"] + imp["workers_cpu"]
            print(f"  import / export of the same file = {ratios[-1]:.2f}x wall (target <= 2x); "
                  f"cpu {imp['cpu'] / exp['cpu']:.2f}x in the importing process, "
                  f"{total / exp['cpu']:.2f}x with its workers")
        if len(ratios) > 1:
            print(f"import / export over {len(ratios)} runs: "
                  f"{', '.join(f'{r:.2f}x' for r in ratios)}; median "
                  f"{statistics.median(ratios):.2f}x (target <= 2x)")
        noop = _run_phase("import", str(target), str(out))
        print(f"re-import (adds nothing: {noop['events']} events)        {noop['seconds']:7.2f} s wall "
              f"{noop['cpu']:7.2f} s cpu (+{noop['workers_cpu']:.2f} s in workers) = "
              f"{noop['seconds'] / exp['seconds']:.2f}x the export  "
              f"peak RSS {noop['maxrss_mb']:.0f} MB")
        again = _run_phase("export", str(target), str(work / "again.jsonl"), "jsonl")
        same = (work / "again.jsonl").read_bytes() == out.read_bytes() if again else False
        print(f"re-export of the target identical to the source export: {same}")
        pristine.unlink()
    if not args.keep and args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
