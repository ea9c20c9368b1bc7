"""What one pathological article costs: `claims add` of a single-line article at the size cap,
and the refusal of one ten times larger (needs /usr/bin/time).

    python bench/hostile.py [--mb 5] [--over 50]

Each run is a real `claims add` process on a fresh database; the script prints its wall time
and peak memory (the child's maximum resident set size). The text is our own example article
repeated on one line, with no paragraph breaks.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_line_article(size: int, path: Path) -> None:
    base = (ROOT / "examples" / "article.en.txt").read_text(encoding="utf-8").replace("\n", " ")
    data = (base * (size // len(base.encode()) + 1)).encode()[:size]
    path.write_bytes(data.decode("utf-8", "ignore").encode())


def run_add(path: Path, db: Path) -> tuple[float, float, int, str]:
    """(seconds, peak MB of the `claims add` process, exit code, last line of its stderr).

    Measured by /usr/bin/time: the process's own maximum resident set, not this script's.
    """
    done = subprocess.run(["/usr/bin/time", "-f", "@@%e %M", sys.executable, "-m",
                           "annotator.cli", "add", str(path), "--lang", "en", "--db", str(db)],
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = done.stderr.strip().splitlines()
    figures = next(line for line in reversed(lines) if line.startswith("@@"))
    seconds, kilobytes = figures[2:].split()
    said = [line for line in lines
            if not line.startswith(("@@", "Command exited with non-zero status"))]
    return float(seconds), int(kilobytes) / 1024, done.returncode, (said or [""])[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the accepted article")
    parser.add_argument("--over", type=float, default=50.0, help="size of the refused one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        big = work / "over.txt"
        one_line_article(int(args.over * 1024 * 1024), big)
        seconds, peak, code, last = run_add(big, work / "over.db")
        print(f"{args.over:g} MB one-line article: exit {code} in {seconds:.2f} s, "
              f"peak {peak:.0f} MB ({last})")
        at_cap = work / "cap.txt"
        one_line_article(int(args.mb * 1024 * 1024) - 100, at_cap)
        seconds, peak, code, last = run_add(at_cap, work / "cap.db")
        print(f"{args.mb:g} MB one-line article: exit {code} in {seconds:.1f} s "
              f"({args.mb / seconds:.2f} MB/s), peak {peak:.0f} MB ({last})")


if __name__ == "__main__":
    main()
