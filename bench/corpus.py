"""The generated project the annotator benchmarks run on: 20 articles of 5,000 claims each
(one a sentence), 100,000 claims in all, written by us (bench/tui.py, live.py, similar.py)."""

from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

BIG_ARTICLES = 20
BIG_CLAIMS = 5_000
BIG_VERSION = 1
"""Bump when the generated project changes: a kept database of another version is rebuilt."""

_SUBJECTS = ["workers", "nurses", "soldiers", "students", "farmers", "drivers", "teachers"]
_PLACES = ["the port", "the plant", "the hospital", "the campus", "the depot", "the mine"]
_DAYS = ["on Monday", "on Tuesday", "last week", "in March", "in 2021", "since January"]


def big_article_text(number: int, n: int = BIG_CLAIMS) -> str:
    rnd = random.Random(number)
    sentences = []
    for i in range(n):
        sentences.append(
            f"About {rnd.randint(2, 9000)} {rnd.choice(_SUBJECTS)} left {rnd.choice(_PLACES)} "
            f"number {number}-{i} {rnd.choice(_DAYS)}, officials said."
        )
    # Paragraphs of five sentences, as a long wire report would have.
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, n, 5)) + "\n"


def build_big_project(path: Path) -> Path:
    """20 articles of 5,000 claims each (one a sentence); returns the middle article's file."""

    target = path.with_suffix(".article.txt")
    marker = path.with_suffix(f".v{BIG_VERSION}")
    if path.exists() and marker.exists() and target.exists():
        return target
    for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        p.unlink(missing_ok=True)
    build_into(str(path), target)
    marker.touch()
    return target


def build_into(db: str, target: Path | None = None) -> None:
    """Fill the database at `db` (a path or a postgresql:// URL) with the generated project;
    `target` receives the text of the middle article."""
    from claims.model import Claim, article_id_for, claim_id_for
    from claims.project import Project

    t0 = time.perf_counter()
    with Project.open(db) as project:
        for number in range(BIG_ARTICLES):
            text = big_article_text(number)
            article_id = article_id_for(text)
            claims, pos = [], 0
            for _ in range(BIG_CLAIMS):
                end = text.index("said.", pos) + len("said.")
                start = pos
                while text[start].isspace():
                    start += 1
                claims.append(Claim.model_construct(
                    id=claim_id_for(article_id, start, end), article_id=article_id, start=start,
                    end=end, text=text[start:end], kind="quantity", score=0.5,
                    reasons=["quantity"], quantities=[], dates=[], speaker=None,
                    origin="extractor/bench"))
                pos = end
            project.add_article(text, lang="en", title=f"Generated report {number}",
                                published=date(2024, 3, 5), claims=claims)
            if number == BIG_ARTICLES // 2 and target is not None:
                target.write_text(text, encoding="utf-8")
    print(f"  built {BIG_ARTICLES * BIG_CLAIMS:,} claims in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
