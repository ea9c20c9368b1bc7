"""`claims agree`: alpha equals the `krippendorff` package's, kappa equals scikit-learn's,
per-label agreement, span agreement, the too-few-items rule, and reading only."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import krippendorff
import orjson
import pytest
from click.testing import CliRunner, Result
from sklearn.metrics import cohen_kappa_score

from annotator.cli import main
from claims.agreement import cohen_kappa, measure
from claims.project import Project
from tests.conftest import ROOT, sample_claims

ARTICLE = (
    "The county opened 14 new classrooms on Monday. "
    "Enrolment rose by 6% in two years. "
    "The mayor said the school budget would double by 2030. "
    "About 300 teachers signed the open letter. "
    "The new gym cost 2.4 million euros. "
    "It rained all morning in the valley. "
    "Bus fares will fall to 1 euro in September. "
    "The council expects 500 more pupils next year."
)
SECOND = (
    "Two bridges closed on Friday after the storm. "
    "Repairs could take at least six weeks. "
    "The river rose 3 metres in one night. "
    "Nobody was hurt, the fire service said."
)

REVIEWERS = ("alice", "bob", "carol")
# Per claim of ARTICLE, what each reviewer did: a verdict, "reject", "accept" or nothing.
SCRIPT: list[dict[str, str]] = [
    {"alice": "supported", "bob": "supported", "carol": "supported"},
    {"alice": "refuted", "bob": "refuted", "carol": "not-enough-evidence"},
    {"alice": "supported", "bob": "refuted"},
    {"alice": "not-enough-evidence", "bob": "not-enough-evidence", "carol": "not-enough-evidence"},
    {"alice": "supported", "carol": "supported"},
    {"alice": "reject-after-verdict", "bob": "refuted", "carol": "reject"},
    {"alice": "refuted", "bob": "refuted", "carol": "refuted"},
    {"alice": "conflicting-evidence", "bob": "supported", "carol": "accept"},
]
LABELS = ["supported", "refuted", "not-enough-evidence", "conflicting-evidence"]


def run(args: list[str], db: str) -> Result:
    return CliRunner().invoke(main, [*args, "--db", db], catch_exceptions=False)


def agree_json(db: str, *args: str) -> dict:
    result = run(["agree", "--format", "json", *args], db)
    assert result.exit_code == 0, result.output
    return orjson.loads(result.stdout)


def expected_verdict(action: str | None) -> str | None:
    if action is None or action in ("reject", "accept", "reject-after-verdict"):
        return None
    return action


def expected_status(action: str | None) -> str | None:
    if action is None:
        return None
    if action in ("reject", "reject-after-verdict"):
        return "not-a-claim"
    return "claim"


def reliability(value_of, reviewers=REVIEWERS, values=None) -> list[list[float]]:
    """The scripted data as `krippendorff.alpha` takes it, built from SCRIPT alone."""
    values = values or LABELS
    return [
        [values.index(v) if (v := value_of(row.get(r))) is not None else math.nan for row in SCRIPT]
        for r in reviewers
    ]


def scripted(db: str) -> tuple[Project, list[str]]:
    project = Project.open(db)
    article = project.add_article(ARTICLE, lang="en", title="Schools", claims=sample_claims(ARTICLE))
    ids = [s.claim.id for s in project.claims(article.article.id)]
    assert len(ids) == len(SCRIPT)
    for claim_id, row in zip(ids, SCRIPT, strict=True):
        for reviewer, action in row.items():
            if action == "reject":
                project.reject(claim_id, reviewer)
            elif action == "accept":
                project.accept(claim_id, reviewer)
            elif action == "reject-after-verdict":
                project.set_verdict(claim_id, reviewer, "supported")
                project.reject(claim_id, reviewer)
            else:
                project.set_verdict(claim_id, reviewer, action)
    return project, ids


@pytest.fixture
def team(backend_url: str):
    project, ids = scripted(backend_url)
    yield backend_url, project, ids
    project.close()


def test_alpha_equals_the_krippendorff_package(team) -> None:
    db, _, _ = team
    data = agree_json(db)
    assert data["reviewers"] == list(REVIEWERS)
    verdict_alpha = krippendorff.alpha(reliability_data=reliability(expected_verdict),
                                       level_of_measurement="nominal")
    status_alpha = krippendorff.alpha(
        reliability_data=reliability(expected_status, values=["claim", "not-a-claim"]),
        level_of_measurement="nominal",
    )
    assert isinstance(data["verdict"]["alpha"], float)
    assert data["verdict"]["alpha"] == pytest.approx(verdict_alpha, abs=1e-12)
    assert data["status"]["alpha"] == pytest.approx(status_alpha, abs=1e-12)
    # Claims rated by 2+ reviewers: every scripted one has two verdicts but claim 5 (one).
    assert data["verdict"]["items"] == 7
    assert data["verdict"]["values"] == 18
    assert data["status"]["items"] == 8
    assert data["verdict"]["too_few_items"] is False
    # Per article: one article holds every claim here, so its figure is the overall one.
    (article,) = data["by_article"]
    assert article["verdict"]["alpha"] == pytest.approx(verdict_alpha, abs=1e-12)
    assert article["title"] == "Schools"


def test_kappa_equals_scikit_learn_for_every_pair(team) -> None:
    db, _, _ = team
    data = agree_json(db, "--min-items", "2")
    pairs = {tuple(p["reviewers"]): p for p in data["verdict"]["pairs"]}
    assert set(pairs) == {("alice", "bob"), ("alice", "carol"), ("bob", "carol")}
    for (a, b), pair in pairs.items():
        both = [(expected_verdict(row.get(a)), expected_verdict(row.get(b))) for row in SCRIPT]
        both = [(x, y) for x, y in both if x is not None and y is not None]
        assert pair["items"] == len(both)
        reference = cohen_kappa_score([x for x, _ in both], [y for _, y in both])
        assert pair["kappa"] == pytest.approx(reference, abs=1e-12), (a, b)
    status_pairs = {tuple(p["reviewers"]): p for p in data["status"]["pairs"]}
    a_b = [(expected_status(row.get("alice")), expected_status(row.get("bob"))) for row in SCRIPT]
    a_b = [(x, y) for x, y in a_b if x and y]
    assert status_pairs[("alice", "bob")]["kappa"] == pytest.approx(
        cohen_kappa_score([x for x, _ in a_b], [y for _, y in a_b]), abs=1e-12)


def test_kappa_matches_scikit_learn_on_many_random_pairs() -> None:
    import random

    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(2, 30)
        values = rng.sample(LABELS, rng.randint(2, 4))
        a = [rng.choice(values) for _ in range(n)]
        b = [x if rng.random() < 0.6 else rng.choice(values) for x in a]
        observed, expected, kappa = cohen_kappa(a, b)
        if kappa is None:
            assert expected == 1.0
            continue
        assert kappa == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


def test_alpha_matches_the_package_on_random_data() -> None:
    import random

    rng = random.Random(3)
    reviewers = ["r1", "r2", "r3", "r4"]
    for _ in range(50):
        ratings = {}
        for item in range(rng.randint(5, 25)):
            raters = rng.sample(reviewers, rng.randint(1, 4))
            ratings[f"c{item:02d}"] = {r: rng.choice(LABELS[:3]) for r in raters}
        figure = measure(ratings, reviewers, LABELS, min_items=1)
        items = sorted(ratings)
        matrix = [[LABELS.index(ratings[i][r]) if r in ratings[i] else math.nan for i in items]
                  for r in reviewers]
        if figure.alpha is None:
            assert figure.reason and "too few items" in figure.reason
            continue
        assert figure.alpha == pytest.approx(
            krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"), abs=1e-9)
        # alpha from the coincidence matrix's observed and expected agreement: the same figure.
        assert figure.observed is not None and figure.expected is not None
        assert figure.alpha == pytest.approx(
            (figure.observed - figure.expected) / (1 - figure.expected), abs=1e-9)


def test_per_label_observed_and_expected_agreement(team) -> None:
    db, _, _ = team
    data = agree_json(db, "--min-items", "1")
    labels = {row["label"]: row for row in data["verdict"]["labels"]}
    assert list(labels) == LABELS
    # Coincidences by hand, from SCRIPT: for each claim with m >= 2 verdicts, each ordered pair
    # of two reviewers' verdicts counts 1/(m-1).
    o: dict[tuple[str, str], float] = {}
    for row in SCRIPT:
        values = [v for r in REVIEWERS if (v := expected_verdict(row.get(r))) is not None]
        if len(values) < 2:
            continue
        for i, x in enumerate(values):
            for j, y in enumerate(values):
                if i != j:
                    o[(x, y)] = o.get((x, y), 0.0) + 1 / (len(values) - 1)
    n_c = {c: sum(v for (x, _), v in o.items() if x == c) for c in LABELS}
    n = sum(n_c.values())
    for c in LABELS:
        row = labels[c]
        assert row["values"] == round(n_c[c])
        assert row["observed"] == pytest.approx(o.get((c, c), 0.0) / n_c[c])
        assert row["expected"] == pytest.approx((n_c[c] - 1) / (n - 1))
        binary = reliability(lambda a, c=c: None if (v := expected_verdict(a)) is None
                             else ("yes" if v == c else "no"), values=["yes", "no"])
        assert row["alpha"] == pytest.approx(
            krippendorff.alpha(reliability_data=binary, level_of_measurement="nominal"))
        assert row["alpha"] == pytest.approx(
            (row["observed"] - row["expected"]) / (1 - row["expected"]))
    # At a minimum of five claims, a label given on fewer claims has no alpha.
    default = {row["label"]: row for row in agree_json(db, "--min-items", "5")["verdict"]["labels"]}
    assert default["supported"]["items"] == 4 and default["supported"]["alpha"] is None
    assert default["not-enough-evidence"]["items"] == 2
    assert default["not-enough-evidence"]["alpha"] is None
    assert default["not-enough-evidence"]["observed"] == labels["not-enough-evidence"]["observed"]
    assert "too few items: 2 claims" in default["not-enough-evidence"]["reason"]


def test_table_names_the_figures(team) -> None:
    db, _, _ = team
    result = run(["agree", "--min-items", "5"], db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    alpha = krippendorff.alpha(reliability_data=reliability(expected_verdict),
                               level_of_measurement="nominal")
    assert f"Krippendorff's alpha (nominal)  {alpha:.3f}  on 7 claim(s) rated by 2+" in out
    assert "Cohen's kappa" in out and "alice / bob" in out
    # alice and carol both gave a verdict on 4 claims only: under the five asked for.
    assert "alice / carol" in out
    assert "too few items: 4 claims both rated, 5 needed" in out
    assert "Not enough evidence" in out  # per label, by the scale's names


def test_too_few_items(backend_url: str) -> None:
    with Project.open(backend_url) as project:
        article = project.add_article(SECOND, lang="en", claims=sample_claims(SECOND))
        ids = [s.claim.id for s in project.claims(article.article.id)]
        # Nobody yet: no figure at all.
        empty = agree_json(backend_url)
        assert empty["verdict"]["alpha"] is None and empty["verdict"]["too_few_items"] is True
        # One reviewer: nothing to agree with.
        for claim_id in ids:
            project.set_verdict(claim_id, "alice", "supported")
        alone = agree_json(backend_url)
        assert alone["verdict"]["alpha"] is None
        assert "1 reviewer(s)" in alone["verdict"]["reason"]
        # Two reviewers on 4 claims: under a minimum of 5, a number at --min-items 4.
        labels = ["supported", "refuted", "supported", "refuted"]
        for claim_id, label in zip(ids, labels, strict=True):
            project.set_verdict(claim_id, "bob", label)
        few = agree_json(backend_url, "--min-items", "5")
        assert few["verdict"]["alpha"] is None
        assert few["verdict"]["reason"] == "too few items: 4 claims rated by 2+ reviewers, 5 needed"
        assert few["verdict"]["pairs"][0]["kappa"] is None
        enough = agree_json(backend_url, "--min-items", "4")
        assert enough["verdict"]["alpha"] == pytest.approx(krippendorff.alpha(
            reliability_data=[[0, 0, 0, 0], [0, 1, 0, 1]], level_of_measurement="nominal"))
        assert agree_json(backend_url)["verdict"]["alpha"] == enough["verdict"]["alpha"]
        table = run(["agree", "--min-items", "5"], backend_url).stdout
        assert "too few items: 4 claims rated by 2+ reviewers, 5 needed" in table
        # The default floor is two claims: one claim rated by both is one coincidence.
        for claim_id in ids[1:]:
            project.set_verdict(claim_id, "bob", None)
        one = agree_json(backend_url)
        assert one["min_items"] == 2 and one["verdict"]["alpha"] is None
        assert one["verdict"]["reason"] == "too few items: 1 claim rated by 2+ reviewers, 2 needed"
        assert "too few items: 1 claim both rated, 2 needed" in run(["agree"], backend_url).stdout
        # No variation: both say "supported" everywhere; alpha and kappa are undefined.
        for claim_id in ids:
            project.set_verdict(claim_id, "bob", "supported")
        flat = agree_json(backend_url, "--min-items", "1")
        assert flat["verdict"]["alpha"] is None
        assert "no variation" in flat["verdict"]["reason"]
        assert flat["verdict"]["pairs"][0]["kappa"] is None
        assert "no variation" in flat["verdict"]["pairs"][0]["reason"]


def test_article_and_reviewer_selection(team) -> None:
    db, project, _ = team
    other = project.add_article(SECOND, lang="en", title="Storm", claims=sample_claims(SECOND))
    for claim_id in [s.claim.id for s in project.claims(other.article.id)]:
        project.set_verdict(claim_id, "alice", "refuted")
        project.set_verdict(claim_id, "bob", "supported")
    whole = agree_json(db)
    assert whole["articles"] == 2 and whole["verdict"]["items"] == 11
    assert {a["title"] for a in whole["by_article"]} == {"Schools", "Storm"}
    first = project.claims()[0].claim.article_id
    schools = next(a.id for a in project.articles() if a.title == "Schools")
    only = agree_json(db, "--article", schools[:8])
    assert only["articles"] == 1 and only["verdict"]["items"] == 7
    assert first  # both articles have claims
    pair = agree_json(db, "--article", schools, "--reviewer", "alice", "--reviewer", "carol",
                      "--min-items", "2")
    assert pair["reviewers"] == ["alice", "carol"]
    two = ("alice", "carol")
    assert pair["verdict"]["alpha"] == pytest.approx(krippendorff.alpha(
        reliability_data=reliability(expected_verdict, reviewers=two),
        level_of_measurement="nominal"))
    assert [p["reviewers"] for p in pair["verdict"]["pairs"]] == [["alice", "carol"]]

    unknown = run(["agree", "--reviewer", "zoe"], db)
    assert unknown.exit_code == 1
    assert "no reviewer 'zoe'" in unknown.output and "Traceback" not in unknown.output
    missing = run(["agree", "--article", "nope"], db)
    assert missing.exit_code == 1 and "unknown article 'nope'" in missing.output


def test_span_agreement(backend_url: str) -> None:
    with Project.open(backend_url) as project:
        article = project.add_article(SECOND, lang="en", claims=sample_claims(SECOND))
        aid = article.article.id
        first, second = (s.claim for s in project.claims(aid)[:2])
        text = SECOND
        shared = (first.start, first.start + text[first.start:].index(" after"))
        project.set_span(first.id, "alice", *shared)
        drawn = (text.index("The river"), text.index(" in one night"))
        project.create_claim(aid, "alice", *drawn)
        taken_back = (text.index("Nobody"), text.index(", the fire"))
        project.create_claim(aid, "alice", *taken_back)
        assert project.undo("alice") is not None  # alice's second drawing does not count
        project.set_span(first.id, "bob", *shared)  # the same boundaries as alice's
        bobs = (second.start, second.end - 1)
        project.set_span(second.id, "bob", *bobs)
        project.create_claim(aid, "bob", *taken_back)

        data = agree_json(backend_url, "--min-items", "2")
        assert "exact-boundary precision/recall/F1" in data["spans"]["measure"]
        (pair,) = data["spans"]["pairs"]
        assert pair["reviewers"] == ["alice", "bob"]
        assert pair["spans"] == [2, 3] and pair["exact"] == 1 and pair["articles"] == 1
        assert pair["precision"] == pytest.approx(1 / 3)
        assert pair["recall"] == pytest.approx(1 / 2)
        assert pair["f1"] == pytest.approx(2 / 5)
        alice_chars = set(range(*shared)) | set(range(*drawn))
        bob_chars = set(range(*shared)) | set(range(*bobs)) | set(range(*taken_back))
        assert pair["char_f1"] == pytest.approx(
            2 * len(alice_chars & bob_chars) / (len(alice_chars) + len(bob_chars)))
        # Four distinct spans: under a minimum of five.
        default = agree_json(backend_url, "--min-items", "5")["spans"]["pairs"][0]
        assert default["f1"] is None and default["too_few_items"] is True
        assert "4 distinct spans" in default["reason"]


READERS = (["agree"], ["stats"], ["agree", "--format", "json"], ["stats", "--format", "json"])


def test_reading_never_creates_or_changes_a_database(tmp_path: Path, team) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = empty / "none.db"
    for command in READERS:
        result = run(command, str(missing))
        assert result.exit_code == 1
        assert f"no project at {missing} (claims init creates one)" in result.output
        assert "Traceback" not in result.output
        assert not missing.exists()
    assert list(empty.iterdir()) == []
    folder = run(["agree"], str(tmp_path))
    assert folder.exit_code == 1 and "is a directory" in folder.output
    db, project, _ = team
    with project.store.read() as tx:
        before = tx.all("SELECT COUNT(*), MAX(seq) FROM events")
        reviews = tx.all("SELECT * FROM reviews ORDER BY claim_id, reviewer")
    for command in READERS:
        assert run(command, db).exit_code == 0
    with project.store.read() as tx:
        assert tx.all("SELECT COUNT(*), MAX(seq) FROM events") == before
        assert tx.all("SELECT * FROM reviews ORDER BY claim_id, reviewer") == reviews


def test_reading_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "p.db"
    scripted(str(db))[0].close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")  # no -wal to hide a write in
    conn.close()
    before = db.read_bytes()
    for command in READERS:
        assert run(command, str(db)).exit_code == 0
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()
    # Another application's SQLite file is refused untouched.
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    foreign = other.read_bytes()
    for command in READERS:
        result = run(command, str(other))
        assert result.exit_code == 1 and "not a claims database" in result.output
    assert other.read_bytes() == foreign


def test_reading_an_empty_postgresql_database_creates_no_table(backend_url: str) -> None:
    if not backend_url.startswith("postgresql://"):
        pytest.skip("PostgreSQL only")
    import psycopg

    for command in READERS:
        result = run(command, backend_url)
        assert result.exit_code == 1 and "no project at" in result.output
    with psycopg.connect(backend_url) as conn:
        assert conn.execute("SELECT tablename FROM pg_tables "
                            "WHERE schemaname = current_schema()").fetchall() == []


def test_reviewer_names_print_inertly(db_path: Path) -> None:
    with Project.open(str(db_path)) as project:
        article = project.add_article(SECOND, lang="en", claims=sample_claims(SECOND))
        for claim_id in [s.claim.id for s in project.claims(article.article.id)]:
            project.set_verdict(claim_id, "[bold]eve[/bold]", "supported")
            project.set_verdict(claim_id, "[red]mallory", "refuted")
    out = run(["agree"], str(db_path)).stdout + run(["stats"], str(db_path)).stdout
    assert "\x1b" not in out
    assert "[bold]eve[/bold] / [red]mallory" in out and "[red]mallory" in out


def test_agreement_module_imports_krippendorff_only_when_computing() -> None:
    code = (
        "import sys, claims.agreement, claims.reviewer_stats\n"
        "print('krippendorff' in sys.modules, 'numpy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.split() == ["False", "False"], done.stdout + done.stderr


def test_two_reviewers_on_the_sample_article(sample, backend_url: str) -> None:
    """The issue's check: a scripted two-reviewer project, alpha as `krippendorff.alpha`."""
    project, ids = sample
    ana = ["supported", "refuted", "supported", "not-enough-evidence"]
    ben = ["supported", "refuted", "refuted", "not-enough-evidence"]
    for claim_id, a, b in zip(ids, ana, ben, strict=True):
        project.set_verdict(claim_id, "ana", a)
        project.set_verdict(claim_id, "ben", b)
    data = agree_json(backend_url)
    codes = {label: i for i, label in enumerate(LABELS)}
    expected = krippendorff.alpha(reliability_data=[[codes[v] for v in ana], [codes[v] for v in ben]],
                                  level_of_measurement="nominal")
    verdict = next(v for k, v in data.items() if "verdict" in k)
    alpha = next(v for k, v in verdict.items() if "alpha" in k)
    assert isinstance(alpha, float) and alpha == pytest.approx(expected, abs=1e-12)
    assert verdict["pairs"][0]["kappa"] == pytest.approx(cohen_kappa_score(ana, ben), abs=1e-12)


def test_min_items_and_break_bounds_and_unknown_reviewers(sample, backend_url: str) -> None:
    """--min-items is 1..1,000,000,000 (a figure rests on at most that many claims; a huge
    one used to end in a traceback writing the JSON report), --break a finite number of
    seconds up to a year; every unknown --reviewer is named in one message."""
    project, ids = sample
    project.set_verdict(ids[0], "alice", "supported")
    project.set_verdict(ids[0], "bob", "supported")
    db = backend_url
    for command in ("agree", "stats"):
        for value in ("0", "-3", "1000000001", "99999999999999999999999"):
            for fmt in ("table", "json"):
                result = run([command, "--min-items", value, "--format", fmt], db)
                assert result.exit_code == 2, result.output
                assert "--min-items" in result.output and "1<=x<=1000000000" in result.output
                assert "Traceback" not in result.output
        assert run([command, "--min-items", "1000000000", "--format", "json"],
                   db).exit_code == 0
    for value in ("inf", "1e400", "31622401", "0"):
        result = run(["stats", "--break", value], db)
        assert result.exit_code == 2 and "--break" in result.output, result.output
    assert run(["stats", "--break", "31622400"], db).exit_code == 0
    from annotator.cli.agree import MAX_BREAK_SECONDS as CLI_MAX_BREAK
    from annotator.cli.agree import MAX_MIN_ITEMS as CLI_MAX_MIN
    from claims.agreement import MAX_MIN_ITEMS, project_agreement
    from claims.project import ProjectError
    from claims.reviewer_stats import MAX_BREAK_SECONDS, project_stats

    assert (CLI_MAX_MIN, CLI_MAX_BREAK) == (MAX_MIN_ITEMS, MAX_BREAK_SECONDS)
    with pytest.raises(ProjectError, match="between 1 and 1,000,000,000, not 1,000,000,001"):
        project_agreement(project, min_items=MAX_MIN_ITEMS + 1)
    with pytest.raises(ProjectError, match="between 1 and 1,000,000,000, not 0"):
        project_stats(project, min_items=0)
    with pytest.raises(ProjectError, match="--break"):
        project_stats(project, break_seconds=float("inf"))

    unknown = run(["agree", "--reviewer", "zoe", "--reviewer", "alice", "--reviewer", "yann",
                   "--reviewer", "zoe"], db)
    assert unknown.exit_code == 1
    assert unknown.stderr == ("claims: error: --reviewer: no reviewer 'zoe', 'yann' in this "
                              "project (alice, bob)\n")
    assert unknown.stdout == ""
    one = run(["log", "--reviewer", "zoe"], db)
    assert one.stderr == "claims: error: --reviewer: no reviewer 'zoe' in this project (alice, bob)\n"
