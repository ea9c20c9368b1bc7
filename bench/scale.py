"""Benchmark: add and extract N synthetic articles through `claims add`, against pysbd.

    python bench/scale.py [--articles 10000] [--pysbd-sample 300] [--reviews 1000]
                          [--workdir DIR] [--keep]
    python bench/scale.py --memory [--articles 1000] [--times 3] [--big-mb 50]

`--memory` measures only how the peak memory of `claims add` grows with the corpus: one run
at N articles (~3 MB for N=1,000), one at `--times` x N, each in a fresh process and a new
database, and one of a single-line article of `--big-mb` MB; it prints the peak RSS of each
beside the others and the ratio of the larger corpus's peak to the smaller's.

1. Writes N news-like articles of our own (templates with quantities, dates, quotes and
   comparisons, French and English alternating; about 3 KB each, so ~30 MB for N=10,000) to
   one JSONL file.
2. Times `claims add FILE.jsonl` end to end in a fresh process: wall time, CPU time of the
   command and its extraction workers together, and peak RSS of the largest single process
   (the command itself, which holds the whole batch for its one all-or-nothing transaction).
3. Peers, in the same run: pysbd sentence splitting alone on the same texts (pysbd is slow, so
   it runs on a sample of `--pysbd-sample` articles and is extrapolated to N; the table says
   so), our own segmenter and the whole extractor on the same sample, in-process, in CPU
   time (comparable on a machine shared with other work).
4. Database size per 1,000 claims, right after the add, then again after `--reviews` claims
   got a verdict, a source and a note through `Project` (and the time those reviews took).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.support import synthetic_article  # noqa: E402


def write_corpus(path: Path, n: int, seed: int) -> tuple[int, int, list[dict[str, Any]]]:
    """N articles as JSONL; returns (bytes of text, characters, the first 1,000 records)."""
    rng = random.Random(seed)
    size = chars = 0
    head: list[dict[str, Any]] = []
    with path.open("wb") as fh:
        for i in range(n):
            lang = "fr" if i % 2 == 0 else "en"
            text = synthetic_article(rng, paragraphs=rng.randint(7, 13), lang=lang)
            record = {"id": f"bench-{i}", "text": text, "lang": lang,
                      "title": f"Synthetic article {i}", "published": "2025-03-04"}
            fh.write(orjson.dumps(record) + b"\n")
            size += len(text.encode())
            chars += len(text)
            if i < 1000:
                head.append(record)
    return size, chars, head


def run_measured(args: list[str]) -> tuple[float, float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.CompletedProcess(args, proc.returncode, out, err)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, done


def run_peak(args: list[str], env: dict[str, str] | None = None
             ) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS (MB) of the largest process of the tree, exit code, stderr."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
                                env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return wall, usage.ru_maxrss / 1024, proc.returncode, err.read().decode(errors="replace")


def write_big_article(path: Path, megabytes: float, seed: int) -> int:
    """One JSONL line holding one article of `megabytes` MB of text without a line break."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        piece = synthetic_article(rng, paragraphs=10, lang="fr").replace("\n", " ").strip()
        parts.append(piece)
        size += len(piece.encode()) + 1
    text = " ".join(parts)
    path.write_bytes(orjson.dumps({"id": "big", "text": text, "lang": "fr",
                                   "published": "2025-03-04"}) + b"\n")
    return len(text.encode())


def memory(args: argparse.Namespace, folder: Path, cmd: list[str]) -> int:
    rows: list[tuple[str, str, str, str]] = []
    peaks: list[float] = []
    for i, n in enumerate((args.articles, args.articles * args.times) if args.articles else ()):
        corpus, db = folder / f"corpus-{n}.jsonl", folder / f"memory-{n}.db"
        for stale in folder.glob(db.name + "*"):
            stale.unlink()
        size, _, _ = write_corpus(corpus, n, args.seed + i)
        wall, rss, code, err = run_peak([*cmd, "add", str(corpus), "--db", str(db)])
        if code != 0:
            print(err, file=sys.stderr)
            return 1
        peaks.append(rss)
        rows.append((f"{n:,} articles", f"{size / 1e6:.1f} MB", f"{wall:.1f} s", f"{rss:.0f} MB"))
        corpus.unlink()
    if args.big_mb:
        corpus, db = folder / "big.jsonl", folder / "memory-big.db"
        for stale in folder.glob(db.name + "*"):
            stale.unlink()
        size = write_big_article(corpus, args.big_mb, args.seed)
        # Above the default size limits of one article and one line: raise them for this run.
        limit = str(int(args.big_mb * 1.2e6) + 1_000_000)
        wall, rss, code, err = run_peak(
            [*cmd, "add", str(corpus), "--db", str(db)],
            env={"CLAIMS_MAX_ARTICLE_BYTES": limit, "CLAIMS_MAX_LINE_BYTES": limit},
        )
        if code != 0:
            print(err, file=sys.stderr)
            return 1
        rows.append(("1 single-line article", f"{size / 1e6:.1f} MB", f"{wall:.1f} s",
                     f"{rss:.0f} MB"))
        corpus.unlink()
    print("| `claims add` of | text | wall | peak RSS (largest process) |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if peaks:
        print(f"\npeak at {args.times}x the corpus / peak at 1x: {peaks[1] / peaks[0]:.2f} "
              "(target <= 1.25)")
    print(f"largest peak {max(float(r[3].split()[0]) for r in rows):.0f} MB (target < 400)")
    return 0


def db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def time_peers(sample: list[dict[str, Any]]) -> dict[str, float]:
    import pysbd  # type: ignore[import-untyped]

    from claims.extract import extract
    from claims.extract.segment import segment

    segmenters = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("fr", "en")}
    for record in sample[:2]:  # warm up: lexicons, regex caches
        segmenters[record["lang"]].segment(record["text"])
        extract(record["text"], lang=record["lang"])
    # CPU time of this process: the figures stay comparable on a machine shared with others.
    out: dict[str, float] = {}
    t = time.process_time()
    n_sentences = 0
    for record in sample:
        n_sentences += len(segmenters[record["lang"]].segment(record["text"]))
    out["pysbd"] = time.process_time() - t
    out["pysbd_sentences"] = n_sentences
    t = time.process_time()
    for record in sample:
        segment(record["text"], record["lang"])
    out["segment"] = time.process_time() - t
    t = time.process_time()
    for record in sample:
        extract(record["text"], lang=record["lang"])
    out["extract"] = time.process_time() - t
    return out


def review_sample(db: Path, n: int) -> float:
    from claims.project import Project

    rng = random.Random(5)
    with Project.open(str(db)) as project:
        with project.store.read() as tx:
            ids = [row[0] for row in tx.all("SELECT id FROM claims WHERE live = 1")]
        chosen = rng.sample(ids, min(n, len(ids)))
        start = time.perf_counter()
        for i, cid in enumerate(chosen):
            project.set_verdict(cid, "bench", str(1 + i % 4))
            project.add_source(cid, "bench", {"url": f"https://example.org/evidence/{i}",
                                              "title": "An official report", "stance": "supports"})
            project.set_rationale(cid, "bench", "Checked against the official figures.")
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--pysbd-sample", type=int, default=300)
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--keep", action="store_true", help="keep the corpus and database")
    parser.add_argument("--memory", action="store_true",
                        help="only peak memory of `claims add` at N and --times x N articles")
    parser.add_argument("--times", type=int, default=3)
    parser.add_argument("--big-mb", type=float, default=50.0,
                        help="with --memory: size of the single-line article (0: none)")
    args = parser.parse_args()
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="claims-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus, db = folder / "corpus.jsonl", folder / "scale.db"
    for stale in folder.glob("scale.db*"):
        stale.unlink()
    beside = Path(sys.executable).parent / "claims"  # the interpreter's own install
    claims_cmd = str(beside) if beside.exists() else shutil.which("claims") or ""
    cmd = [claims_cmd] if claims_cmd else [sys.executable, "-m", "annotator.cli"]
    if args.memory:
        code = memory(args, folder, cmd)
        if not args.keep and args.workdir is None:
            shutil.rmtree(folder, ignore_errors=True)
        return code

    t = time.perf_counter()
    size, chars, head = write_corpus(corpus, args.articles, args.seed)
    gen_s = time.perf_counter() - t
    print(f"corpus: {args.articles} articles, {size / 1e6:.1f} MB of text "
          f"({corpus.stat().st_size / 1e6:.1f} MB JSONL), generated in {gen_s:.1f} s",
          file=sys.stderr)

    wall, cpu, rss, done = run_measured([*cmd, "add", str(corpus), "--db", str(db)])
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return 1
    from claims.project import Project

    with Project.open(str(db)) as project, project.store.read() as tx:
        n_claims = tx.one("SELECT COUNT(*) FROM claims")[0]
        n_articles = tx.one("SELECT COUNT(*) FROM articles")[0]
    size_after_add = db_bytes(db)

    sample = head[: args.pysbd_sample]
    sample_bytes = sum(len(r["text"].encode()) for r in sample)
    scale = size / sample_bytes
    peers = time_peers(sample)

    review_s = review_sample(db, args.reviews)
    size_after_reviews = db_bytes(db)
    n_reviewed = min(args.reviews, n_claims)

    mb = size / 1e6
    rows = [
        ("articles / text", f"{n_articles:,} / {mb:.1f} MB ({chars / 1e6:.1f} M characters)"),
        ("claims proposed", f"{n_claims:,}"),
        ("`claims add` wall time (extract + store, end to end)",
         f"{wall:.1f} s ({mb / wall:.2f} MB/s, {n_articles / wall:.0f} articles/s)"),
        ("`claims add` CPU time (all processes) / peak RSS (largest process)",
         f"{cpu:.1f} s / {rss:.0f} MB"),
        (f"peer: pysbd sentence split only, CPU (sample {len(sample)} articles, "
         f"{sample_bytes / 1e6:.2f} MB, x{scale:.0f})",
         f"{peers['pysbd']:.1f} s on sample -> ~{peers['pysbd'] * scale:.0f} s for the corpus "
         f"({sample_bytes / 1e6 / peers['pysbd']:.2f} MB/s)"),
        ("ours on the same sample: segmenter only, CPU",
         f"{peers['segment']:.2f} s ({sample_bytes / 1e6 / peers['segment']:.2f} MB/s, "
         f"{peers['pysbd'] / peers['segment']:.0f}x pysbd)"),
        ("ours on the same sample: whole extractor, CPU",
         f"{peers['extract']:.2f} s ({sample_bytes / 1e6 / peers['extract']:.2f} MB/s, "
         f"{peers['pysbd'] / peers['extract']:.1f}x pysbd)"),
        ("database after add", f"{size_after_add / 1e6:.1f} MB = "
         f"{size_after_add / n_claims * 1000 / 1e6:.2f} MB per 1,000 claims (article text included)"),
        (f"reviewing {n_reviewed:,} claims (verdict + source + note, 3 commits each)",
         f"{review_s:.1f} s ({review_s / (3 * n_reviewed) * 1000:.1f} ms per action)"),
        ("database growth per 1,000 reviewed claims",
         f"{(size_after_reviews - size_after_add) / n_reviewed * 1000 / 1e6:.2f} MB"),
        ("cores", str(os.cpu_count())),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"| {'measure':<{width}} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key:<{width}} | {value} |")
    if not args.keep and args.workdir is None:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
