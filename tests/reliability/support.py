"""What the reliability tests and the `bench/` scripts share: synthetic news, writers, checks.

The synthetic articles are written from templates of our own (quantities, dates, quotes,
comparisons) so that tests and benchmarks never depend on third-party text.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims.model import Claim
from claims.project import Project
from tests.conftest import sample_claims

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("writer.py")

# -- synthetic news -------------------------------------------------------------------------

_FR_PLACES = ["Rennes", "Lille", "Grenoble", "Brest", "Nancy", "Poitiers", "Tours", "Metz"]
_FR_WHO = ["la maire", "le préfet", "la ministre", "le porte-parole", "la syndicaliste",
           "le directeur", "la présidente de région", "le recteur"]
_FR_NAMES = ["Claire Dubois", "Marc Lefèvre", "Inès Bernard", "Paul Girard", "Léa Morin",
             "Hugo Fabre", "Nadia Roux", "Yann Le Goff"]
_FR_THINGS = ["ouvriers", "élèves", "logements", "emplois", "lits d'hôpital", "bus",
              "kilomètres de pistes cyclables", "agents"]
_FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
_FR_CMP = ["plus de", "près de", "environ", "au moins", "moins de", ""]

_EN_PLACES = ["Leeds", "Bristol", "Dundee", "Cardiff", "Norwich", "Derby", "Bath", "York"]
_EN_WHO = ["the mayor", "the minister", "a spokesperson", "the union leader", "the director",
           "the council leader", "the head teacher", "the chief constable"]
_EN_THINGS = ["workers", "pupils", "homes", "jobs", "hospital beds", "buses",
              "miles of cycle lanes", "officers"]
_EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
_EN_CMP = ["more than", "nearly", "about", "at least", "fewer than", ""]


def _fr_sentence(rng: random.Random) -> str:
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1, 40) * 1000])
    num = f"{n:,}".replace(",", " ")
    cmp_ = rng.choice(_FR_CMP)
    qty = f"{cmp_} {num}".strip()
    place, who, name = rng.choice(_FR_PLACES), rng.choice(_FR_WHO), rng.choice(_FR_NAMES)
    thing, day = rng.choice(_FR_THINGS), rng.choice(_FR_DAYS)
    month, dom = rng.choice(_FR_MONTHS), rng.randint(1, 28)
    pct = rng.randint(1, 60)
    templates = [
        f"{qty.capitalize()} {thing} ont été recensés {day} à {place}, selon {who}.",
        f"Le budget atteindra {rng.randint(2, 900)} millions d'euros d'ici le {dom} {month}.",
        f"« Nous ne céderons pas », a déclaré {who} {name} {day} soir.",
        f"Le chômage a reculé de {pct} % en un an à {place}, un record depuis {rng.randint(1990, 2020)}.",
        f"La réunion des ministres se tiendra les {dom} et {dom + 1} {month} à {place}.",
        f"{place} compte désormais {qty} {thing}, contre {n // 2} il y a dix ans.",
        f"Selon {who}, {pct} % des habitants de {place} soutiennent le projet.",
        f"Les travaux, commencés le {dom} {month}, devraient s'achever {day} prochain.",
        f"« C'est {rng.choice(['inacceptable', 'une victoire', 'un premier pas'])} », "
        f"a estimé {name}, {who} de {place}.",
        f"Il fait beau à {place} et les terrasses sont pleines.",
    ]
    return rng.choice(templates)


def _en_sentence(rng: random.Random) -> str:
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1, 40) * 1000])
    cmp_ = rng.choice(_EN_CMP)
    qty = f"{cmp_} {n:,}".strip()
    place, who, name = rng.choice(_EN_PLACES), rng.choice(_EN_WHO), rng.choice(_FR_NAMES)
    thing, day = rng.choice(_EN_THINGS), rng.choice(_EN_DAYS)
    month, dom = rng.choice(_EN_MONTHS), rng.randint(1, 28)
    pct = rng.randint(1, 60)
    templates = [
        f"{qty.capitalize()} {thing} were counted in {place} on {day}, {who} said.",
        f"The budget will reach £{rng.randint(2, 900)} million by {dom} {month}.",
        f"\"We will not back down,\" {who} {name} said on {day}.",
        f"Unemployment in {place} fell by {pct}% in a year, the lowest since {rng.randint(1990, 2020)}.",
        f"Ministers will meet in {place} on {dom} and {dom + 1} {month}.",
        f"{place} now has {qty} {thing}, compared with {n // 2} a decade ago.",
        f"According to {who}, {pct}% of residents back the plan.",
        f"The works, which began on {dom} {month}, should end next {day}.",
        f"It was sunny in {place} and the parks were full.",
    ]
    return rng.choice(templates)


def synthetic_article(rng: random.Random, paragraphs: int = 6, lang: str = "fr") -> str:
    """A news-like article of our own: `paragraphs` paragraphs of 3-6 template sentences."""
    sentence = _fr_sentence if lang == "fr" else _en_sentence
    parts = []
    for _ in range(paragraphs):
        parts.append(" ".join(sentence(rng) for _ in range(rng.randint(3, 6))))
    return "\n\n".join(parts) + "\n"


def sentence_claims(text: str) -> list[Claim]:
    """One claim per sentence, made by hand, so store checks do not depend on the extractor."""
    return sample_claims(text)


def prepare_project(db: str, n_articles: int = 3, seed: int = 1) -> list[str]:
    """A project holding `n_articles` synthetic articles with sentence claims; the claim ids."""
    rng = random.Random(seed)
    with Project.open(db) as project:
        for _ in range(n_articles):
            text = synthetic_article(rng, paragraphs=2)
            project.add_article(text, lang="fr", claims=sentence_claims(text))
        return [s.claim.id for s in project.claims()]


# -- writers ---------------------------------------------------------------------------------

@dataclass
class WriterRun:
    """What one writer process printed before it ended or was killed."""

    reviewer: str
    acked: list[list[str]] = field(default_factory=list)
    """The fields after `ack` of every acknowledged action."""
    stderr: str = ""
    returncode: int | None = None
    killed: bool = False


def spawn_writer(db: str, reviewer: str, seed: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), db, reviewer, str(seed), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def wait_ready(proc: subprocess.Popen[str], timeout: float = 30.0) -> None:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == "ready":
            return
        if not line and proc.poll() is not None:
            said = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"writer died before it was ready: {said}")
    raise AssertionError("writer not ready in time")


def collect(proc: subprocess.Popen[str], reviewer: str, killed: bool) -> WriterRun:
    out, err = proc.communicate(timeout=600)
    run = WriterRun(reviewer=reviewer, stderr=err, returncode=proc.returncode, killed=killed)
    for line in out.splitlines():
        if line.startswith("ack "):
            run.acked.append(line.split()[1:])
    return run


def kill_writer_after(proc: subprocess.Popen[str], delay: float) -> None:
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)


def kill_writers(db: str, kills: int, parallel: int, rng: random.Random,
                 progress: bool = False) -> dict[str, Any]:
    """Start `parallel` writers at a time and SIGKILL each after a random 20-300 ms of work.

    One writer in five adds articles instead of reviewing. Returns the acknowledged event ids
    (`events`), articles with their claim counts (`articles`), the kill delays (`delays`) and
    how many writers ended before their kill (`early_exits`: there should be none).
    """
    acked_events: list[str] = []
    acked_articles: dict[str, int] = {}
    delays: list[float] = []
    early_exits = 0
    done = 0
    while done < kills:
        batch = min(parallel, kills - done)
        procs = []
        for k in range(batch):
            n = done + k
            mode = "add" if n % 5 == 4 else "actions"
            procs.append((spawn_writer(db, f"r{n % 11}", n, "--mode", mode), mode, f"r{n % 11}"))
        for proc, _, _ in procs:
            wait_ready(proc)
        schedule = sorted((rng.uniform(0.02, 0.30), i) for i in range(batch))
        start = time.monotonic()
        for delay, i in schedule:
            time.sleep(max(0.0, start + delay - time.monotonic()))
            os.kill(procs[i][0].pid, signal.SIGKILL)
            delays.append(delay)
        for proc, mode, reviewer in procs:
            run = collect(proc, reviewer, killed=True)
            if run.returncode != -signal.SIGKILL:
                early_exits += 1
                print(f"writer ended on its own ({run.returncode}): {run.stderr[-500:]}",
                      file=sys.stderr)
            if mode == "add":
                for fields in run.acked:
                    acked_articles[fields[1]] = max(acked_articles.get(fields[1], 0),
                                                    int(fields[2]))
            else:
                acked_events.extend(fields[1] for fields in run.acked)
        done += batch
        if progress and done % 50 == 0:
            print(f"  {done} kills, {len(acked_events)} acknowledged actions", file=sys.stderr)
    return {"events": acked_events, "articles": acked_articles, "delays": delays,
            "early_exits": early_exits}


# -- checks ---------------------------------------------------------------------------------

def integrity_check(db: str) -> str:
    conn = sqlite3.connect(db)
    try:
        result = "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    return result if not fk else f"{result}; foreign keys: {fk[:3]}"


def event_ids(db: str) -> set[str]:
    with Project.open(db) as project, project.store.read() as tx:
        return {row[0] for row in tx.all("SELECT id FROM events")}


class _Rollback(Exception):
    pass


def derived_state_mismatches(db: str) -> list[str]:
    """Rows of `claims` and `reviews` that differ from re-deriving them from the event log.

    Empty when the materialised tables hold exactly what the log says: no action half-applied.
    """
    with Project.open(db) as project:
        with project.store.read() as tx:
            stored = _derived_rows(tx)
        fresh: dict[str, Any] = {}
        try:
            with project.store.transaction() as tx:
                for (claim_id,) in tx.all("SELECT id FROM claims"):
                    tx.rederive(claim_id)
                fresh = _derived_rows(tx)
                raise _Rollback  # a check, not a repair: leave the database as it was
        except _Rollback:
            pass
    problems = []
    for key in sorted(set(stored) | set(fresh)):
        if stored.get(key) != fresh.get(key):
            problems.append(f"{key}: stored {stored.get(key)} != derived {fresh.get(key)}")
    return problems


def _derived_rows(tx: Any) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for row in tx.all("SELECT * FROM claims ORDER BY id"):
        rows[f"claim {row[0]}"] = tuple(row)
    for row in tx.all("SELECT * FROM reviews ORDER BY claim_id, reviewer"):
        rows[f"review {row[0]}/{row[1]}"] = tuple(row)
    return rows
