"""`claims stats`: counts, verdicts per label and seconds per claim from a log with known times."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import orjson
import pytest
from click.testing import CliRunner, Result

from annotator.cli import main
from claims.model import Event
from claims.project import Project
from claims.reviewer_stats import seconds_per_claim
from tests.conftest import sample_claims
from tests.test_agree import ARTICLE

T0 = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)


def run(args: list[str], db: str) -> Result:
    return CliRunner().invoke(main, [*args, "--db", db], catch_exceptions=False)


def event(reviewer: str, seconds: float, claim_id: str, article_id: str, type_: str,
          payload: dict) -> Event:
    return Event(id=uuid.uuid4().hex, ts=T0 + timedelta(seconds=seconds), reviewer=reviewer,
                 type=type_, article_id=article_id, claim_id=claim_id, payload=payload)


@pytest.fixture
def logged(backend_url: str):
    """A project whose log was written with known timestamps (imported events)."""
    with Project.open(backend_url) as project:
        article = project.add_article(ARTICLE, lang="en", claims=sample_claims(ARTICLE))
        aid = article.article.id
        c = [s.claim.id for s in project.claims(aid)]

        def verdict(label: str) -> tuple[str, dict]:
            return "verdict", {"label": label}

        script = [
            # dana: claim 0 (two actions), claim 1, a 15-minute break, claim 2, claim 3.
            ("dana", 0, c[0], *verdict("supported")),
            ("dana", 30, c[0], "rationale", {"text": "checked the register"}),
            ("dana", 50, c[1], *verdict("refuted")),
            ("dana", 950, c[2], *verdict("refuted")),
            ("dana", 1000, c[3], "status", {"status": "accepted"}),
            ("dana", 1020, c[3], *verdict("not-enough-evidence")),
            # eve: three claims, 10 s then 30 s apart; the last one rejected.
            ("eve", 5, c[0], *verdict("supported")),
            ("eve", 15, c[1], *verdict("supported")),
            ("eve", 45, c[2], "status", {"status": "rejected"}),
        ]
        project.import_events([event(r, t, cid, aid, ty, p) for r, t, cid, ty, p in script])
        yield backend_url, project


def test_stats_from_a_log_with_known_timestamps(logged) -> None:
    db, _ = logged
    result = run(["stats", "--format", "json"], db)
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout)
    by = {r["reviewer"]: r for r in data["reviewers"]}
    assert list(by) == ["dana", "eve"]
    dana, eve = by["dana"], by["eve"]
    assert dana["claims_reviewed"] == 4 and dana["accepted"] == 4 and dana["rejected"] == 0
    assert dana["verdicts"] == {"supported": 1, "refuted": 2, "not-enough-evidence": 1}
    # Visits end at 30, 50, 950, 1020 s: 20 s, a break of 900 s (left out), 70 s.
    assert dana["median_seconds_per_claim"] == pytest.approx(45.0)
    assert dana["timed_claims"] == 2 and dana["breaks"] == 1
    assert dana["actions"] == 6
    assert eve["claims_reviewed"] == 3 and eve["accepted"] == 2 and eve["rejected"] == 1
    assert eve["verdicts"] == {"supported": 2}
    assert eve["median_seconds_per_claim"] == pytest.approx(20.0)
    assert eve["timed_claims"] == 2 and eve["breaks"] == 0
    assert data["break_seconds"] == 600
    assert "gaps over 600 s are breaks" in data["timing"]

    # A longer break threshold counts dana's 900 s as work: 20, 900, 70 -> median 70.
    longer = orjson.loads(run(["stats", "--format", "json", "--break", "1000"], db).stdout)
    assert longer["reviewers"][0]["median_seconds_per_claim"] == pytest.approx(70.0)

    table = run(["stats"], db)
    assert table.exit_code == 0
    lines = {line.split()[0]: line for line in table.stdout.splitlines() if line.strip()}
    assert lines["dana"].split()[1:6] == ["4", "4", "0", "45.0", "2"]
    assert "Refuted 2" in lines["dana"] and "Supported 2" in lines["eve"]


def test_timing_rule() -> None:
    def at(*points: tuple[float, str]) -> list[tuple[datetime, int, str]]:
        return [(T0 + timedelta(seconds=s), n, claim) for n, (s, claim) in enumerate(points)]

    assert seconds_per_claim([]) == ([], 0)
    assert seconds_per_claim(at((0, "a"))) == ([], 0)
    # Returning to a claim later is a new visit; events out of order are sorted by time.
    timed, breaks = seconds_per_claim(at((10, "b"), (0, "a"), (25, "a"), (700, "c")))
    assert timed == [10.0, 15.0] and breaks == 1
    assert seconds_per_claim(at((0, "a"), (700, "b")), break_seconds=800) == ([700.0], 0)


def test_stats_on_an_empty_project_and_bad_options(backend_url: str) -> None:
    Project.open(backend_url).close()
    result = run(["stats"], backend_url)
    assert result.exit_code == 0
    assert "no reviewer has done anything" in result.stdout
    data = orjson.loads(run(["stats", "--format", "json"], backend_url).stdout)
    assert data["reviewers"] == []
    assert run(["stats", "--break", "0"], backend_url).exit_code == 2


def test_agreement_with_adjudicated_verdicts(logged) -> None:
    db, project = logged
    if not hasattr(project, "adjudicate"):
        pytest.skip("adjudication is not in this build's Project yet")
    ids = [s.claim.id for s in project.claims()]
    # dana gave verdicts on claims 0-3, eve on 0-1; lee settles all four.
    settled = ["supported", "supported", "refuted", "refuted"]
    for claim_id, label in zip(ids[:4], settled, strict=True):
        project.adjudicate(claim_id, "lee", label)
    data = orjson.loads(run(["stats", "--format", "json", "--min-items", "2"], db).stdout)
    by = {r["reviewer"]: r for r in data["reviewers"]}
    # dana: supported/refuted/refuted/nee against supported/supported/refuted/refuted.
    assert by["dana"]["adjudication"]["claims"] == 4
    assert by["dana"]["adjudication"]["agrees"] == 2
    assert by["dana"]["adjudication"]["agreement"] == pytest.approx(0.5)
    from sklearn.metrics import cohen_kappa_score

    assert by["dana"]["adjudication"]["kappa"] == pytest.approx(cohen_kappa_score(
        ["supported", "refuted", "refuted", "not-enough-evidence"], settled))
    assert by["eve"]["adjudication"]["claims"] == 2 and by["eve"]["adjudication"]["agrees"] == 2
    assert by["lee"]["adjudicated_claims"] == 4
    default = orjson.loads(run(["stats", "--format", "json", "--min-items", "5"], db).stdout)
    dana = next(r for r in default["reviewers"] if r["reviewer"] == "dana")
    assert dana["adjudication"]["kappa"] is None
    assert "too few items" in dana["adjudication"]["reason"]
