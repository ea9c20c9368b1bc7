"""Benchmark: the cost of undo and redo as a reviewer's history grows.

    python bench/undo.py [--actions 50000] [--db PATH]

One reviewer gives `--actions` verdicts over the 1,000 claims of one article (one
transaction each would take minutes, so the
events are appended in batches through `Transaction.append_many`, the same path an action
takes), then undoes all of them. Undo and redo latency is sampled at the start, at every
power of ten and at the end; the figure to watch is whether it grows with the number of
undone events. Peer: the same lookups done the way the schema before v5 did them (counting
the undo and redo events that name each action), from the same database in the same run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.project import Project  # noqa: E402
from claims.store import new_event  # noqa: E402
from tests.conftest import sample_claims  # noqa: E402

SENTENCE = "Le conseil {n} a voté mardi une aide de {n} 000 euros pour {n} familles. "

PEER_UNDO_TARGET = (
    "SELECT e.seq FROM events e WHERE reviewer = ? AND type NOT IN ('undo', 'redo') AND "
    "(SELECT COUNT(*) FROM events t WHERE t.other_id = e.id AND t.type IN ('undo', 'redo')) "
    "% 2 = 0 ORDER BY seq DESC LIMIT 1"
)


def _ms(fn: object, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t)
    return best * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actions", type=int, default=50_000)
    ap.add_argument("--db", default=None)
    args = ap.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp()) / "undo.db")
    with Project.open(db) as project:
        text = "".join(SENTENCE.format(n=n) for n in range(1, 1001))
        article = project.add_article(text, lang="fr", claims=sample_claims(text)).article.id
        ids = [s.claim.id for s in project.claims(article)]
        batch = 2000
        for start in range(0, args.actions, batch):
            events = [
                new_event("verdict", reviewer="rev", article_id=article, claim_id=ids[i % len(ids)],
                          payload={"label": "supported" if i % 2 else "refuted"})
                for i in range(start, min(args.actions, start + batch))
            ]
            with project.store.transaction() as tx:
                tx.append_many(events)
        print(f"{args.actions} verdicts by one reviewer in {db}")
        print(f"{'undone':>8}  {'undo+redo ms':>12}  {'redo-target ms':>14}  {'peer undo-target ms':>20}")
        checkpoints = {0, args.actions - 1}
        n = 1
        while n < args.actions:
            checkpoints.add(n)
            n *= 10
        undone = 0
        while undone < args.actions:
            if undone in checkpoints:
                t_undo = _ms(lambda: (project.undo("rev"), project.redo("rev")), 3)
                with project.store.read() as tx:
                    t_redo = _ms(lambda tx=tx: tx.redo_target("rev"), 3)
                    t_peer = _ms(lambda tx=tx: tx.one(PEER_UNDO_TARGET, ("rev",)), 1)
                print(f"{undone:>8}  {t_undo:>12.2f}  {t_redo:>14.2f}  {t_peer:>20.2f}")
            project.undo("rev")
            undone += 1
        t_last = _ms(lambda: (project.redo("rev"), project.undo("rev")), 3)
        print(f"{undone:>8}  {t_last:>12.2f}  (every action undone; redo then undo)")


if __name__ == "__main__":
    main()
