"""The native JSONL carries team work: adjudications and the claim as checked survive
export -> import -> export byte for byte, re-imports add nothing, newer local decisions win,
version 1 files still import, and validate/import refuse a bad adjudication by line and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

import exports
from annotator.cli import main
from claims.project import Project
from exports.importer import ImportFileError
from exports.records import ADJUDICATION_FIELDS, RECORD_FIELDS, REVIEW_FIELDS
from tests.helpers import present, review_of

pytestmark = pytest.mark.usefixtures("import_checks")

REWRITE = "Ridership of the city's buses grew by about 12% in 2024."


def export_bytes(project: Project, path: Path, **options: Any) -> bytes:
    exports.write_file(project, "jsonl", path, **options)
    return path.read_bytes()


def records(data: bytes) -> list[dict]:
    return [orjson.loads(line) for line in data.splitlines()]


def write_records(path: Path, items: list[dict]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in items))
    return path


def n_events(project: Project) -> int:
    with project.store.read() as tx:
        return int(tx.one("SELECT COUNT(*) FROM events")[0])


def claim_ids(project: Project) -> tuple[list[str], list[str]]:
    fr, en = project.articles()
    return ([c.claim.id for c in project.claims(fr.id)], [c.claim.id for c in project.claims(en.id)])


def as_version_1(items: list[dict]) -> list[dict]:
    """The records as a version 1 export wrote them: no adjudication, no claim as checked."""
    out = []
    for record in items:
        record = {k: v for k, v in record.items() if k not in ("checked_text", "adjudication")}
        record["schema_version"] = 1
        record["reviews"] = [{k: v for k, v in r.items() if k != "claim_text"}
                             for r in record["reviews"]]
        out.append(record)
    return out


def test_adjudications_and_rewrites_round_trip_byte_for_byte(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    first = export_bytes(adjudicated, tmp_path / "a.jsonl")
    carried = records(first)
    assert sum(r["adjudication"] is not None for r in carried) == 1
    assert REWRITE in [r["checked_text"] for r in carried]
    for record in carried:  # the key order contract, the new keys included
        assert tuple(record) == RECORD_FIELDS
        assert all(tuple(r) == REVIEW_FIELDS for r in record["reviews"])
        assert record["adjudication"] is None or tuple(record["adjudication"]) == \
            ADJUDICATION_FIELDS
    assert exports.validate_file(tmp_path / "a.jsonl").ok  # the schema and import's checks
    report = exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert report.adjudications_added == 1
    assert "added 1 adjudication" in report.summary()
    assert export_bytes(same_articles, tmp_path / "b.jsonl") == first
    fr, en = claim_ids(same_articles)
    state = same_articles.claim(fr[1])
    assert state.adjudication is not None and state.adjudication.reviewer == "chloe"
    assert state.verdict == "refuted"
    assert review_of(same_articles.claim(en[2]), "bruno").claim_text == REWRITE
    # the adjudication is an event of the adjudicator, in the log like any other
    with same_articles.store.read() as tx:
        rows = tx.all("SELECT reviewer, payload FROM events WHERE type = 'adjudicate'")
    assert [(r[0], orjson.loads(r[1])["label"]) for r in rows] == [("chloe", "refuted")]
    # every format agrees, the adjudicated verdict and the claim as checked included
    for key in ("publisher_name", "publisher_url"):
        same_articles.store.set_meta(key, adjudicated.store.get_meta(key) or "")
    for fmt in ("fever", "averitec", "claimreview", "csv", "parquet"):
        exports.write_file(adjudicated, fmt, tmp_path / f"a.{fmt}")
        exports.write_file(same_articles, fmt, tmp_path / f"b.{fmt}")
        assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes(), fmt


def test_with_articles_into_an_empty_project(adjudicated: Project, tmp_path: Path) -> None:
    first = export_bytes(adjudicated, tmp_path / "a.jsonl", with_articles=True)
    with Project.open(str(tmp_path / "empty.db")) as empty:
        exports.import_file(empty, tmp_path / "a.jsonl")
        assert export_bytes(empty, tmp_path / "b.jsonl", with_articles=True) == first


def test_importing_twice_changes_nothing(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    export_bytes(adjudicated, tmp_path / "a.jsonl")
    exports.import_file(same_articles, tmp_path / "a.jsonl")
    before = n_events(same_articles)
    again = exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert again.events == 0 and again.reviews_added == 0 and again.adjudications_added == 0
    assert again.adjudications_unchanged == 1
    assert n_events(same_articles) == before
    # into the project it came from: nothing either
    home = exports.import_file(adjudicated, tmp_path / "a.jsonl")
    assert home.events == 0 and home.adjudications_unchanged == 1


def test_a_newer_local_adjudication_is_kept(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    fr, _ = claim_ids(same_articles)
    export_bytes(adjudicated, tmp_path / "a.jsonl")
    # given here after chloe's in the file (the clock only moves forward)
    same_articles.adjudicate(fr[1], "dana", "conflicting-evidence", "Both sources hold.")
    mine = export_bytes(same_articles, tmp_path / "mine.jsonl")
    report = exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert report.adjudications_kept == 1 and report.adjudications_added == 0
    assert "1 adjudication kept (newer here)" in report.summary()
    state = same_articles.claim(fr[1])
    assert present(state.adjudication).reviewer == "dana"
    assert state.verdict == "conflicting-evidence"
    # the reviews still came in; the adjudication record of the claim is the local one
    after = {r["claim_id"]: r for r in records(export_bytes(same_articles, tmp_path / "b.jsonl"))}
    assert after[fr[1]]["adjudication"] == \
        {r["claim_id"]: r for r in records(mine)}[fr[1]]["adjudication"]


def test_a_newer_local_withdrawal_is_kept(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    fr, _ = claim_ids(same_articles)
    export_bytes(adjudicated, tmp_path / "a.jsonl")
    same_articles.adjudicate(fr[1], "dana", "supported")
    same_articles.undo("dana")  # taken back here, after chloe's adjudication in the file
    report = exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert report.adjudications_kept == 1
    assert same_articles.claim(fr[1]).adjudication is None


def test_a_newer_imported_adjudication_replaces_an_older_local_one(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    fr, _ = claim_ids(same_articles)
    same_articles.adjudicate(fr[1], "dana", "supported", "First look.")
    # chloe settles it again at the source, later than dana here
    adjudicated.adjudicate(fr[1], "chloe", "not-enough-evidence", "The observatory retracted.")
    first = export_bytes(adjudicated, tmp_path / "a.jsonl")
    report = exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert report.adjudications_added == 1
    state = same_articles.claim(fr[1])
    assert present(state.adjudication).reviewer == "chloe"
    assert state.verdict == "not-enough-evidence"
    assert export_bytes(same_articles, tmp_path / "b.jsonl") == first


def test_a_record_without_adjudication_never_withdraws_the_local_one(
    reviewed: Project, same_articles: Project, tmp_path: Path
) -> None:
    fr, _ = claim_ids(same_articles)
    same_articles.adjudicate(fr[1], "dana", "refuted")
    export_bytes(reviewed, tmp_path / "a.jsonl")  # no adjudication there
    assert all(r["adjudication"] is None for r in records((tmp_path / "a.jsonl").read_bytes()))
    exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert same_articles.claim(fr[1]).verdict == "refuted"


def test_a_rewrite_changed_at_the_source_comes_in_as_one_review_event(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    _, en = claim_ids(adjudicated)
    export_bytes(adjudicated, tmp_path / "a.jsonl")
    exports.import_file(same_articles, tmp_path / "a.jsonl")
    adjudicated.set_claim_text(en[2], "bruno", "Bus ridership rose about 12% in 2024.")
    adjudicated.set_claim_text(en[1], "ana", "The mayor said bus fares stay frozen to 2027.")
    first = export_bytes(adjudicated, tmp_path / "b.jsonl")
    report = exports.import_file(same_articles, tmp_path / "b.jsonl")
    assert report.reviews_added == 2 and report.events == 2
    with same_articles.store.read() as tx:
        rows = tx.all("SELECT reviewer, payload FROM events WHERE type = 'review' "
                      "AND payload LIKE '%claim_text%' ORDER BY seq")
    assert [(r[0], orjson.loads(r[1])["claim_text"]) for r in rows if
            orjson.loads(r[1])["claim_text"]] == [
        ("bruno", REWRITE),
        ("ana", "The mayor said bus fares stay frozen to 2027."),
        ("bruno", "Bus ridership rose about 12% in 2024."),
    ]
    assert export_bytes(same_articles, tmp_path / "c.jsonl") == first


def test_a_version_1_file_still_imports_and_leaves_rewrites_alone(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    _, en = claim_ids(same_articles)
    same_articles.set_claim_text(en[2], "bruno", "A rewrite made here.")
    # bruno's review changes at the source after that: the file's review is the newer one
    adjudicated.set_rationale(en[2], "bruno", "The agency's own report says it fell.")
    old = write_records(tmp_path / "v1.jsonl",
                        as_version_1(records(export_bytes(adjudicated, tmp_path / "a.jsonl"))))
    assert exports.validate_file(old).ok
    result = CliRunner().invoke(main, ["validate", str(old)])
    assert result.exit_code == 0 and "7 records valid (schema_version 1)" in result.output
    report = exports.import_file(same_articles, old)
    assert report.records == 7 and report.reviews_added == 11
    assert report.adjudications_added == 0
    review = same_articles.claim(en[2]).review_by("bruno")
    assert review is not None and review.rationale == "The agency's own report says it fell."
    assert review.claim_text == "A rewrite made here."  # a version 1 record says nothing of it
    assert same_articles.claim(claim_ids(same_articles)[0][1]).adjudication is None


def _adjudicated_line(adjudicated: Project, tmp_path: Path) -> tuple[list[dict], int]:
    items = records(export_bytes(adjudicated, tmp_path / "a.jsonl"))
    index = next(i for i, r in enumerate(items) if r["adjudication"] is not None)
    return items, index


@pytest.mark.parametrize(
    ("field", "value", "validate_says", "import_says"),
    [
        ("verdict", "pants-on-fire", "'pants-on-fire' is not one of",
         "'pants-on-fire' is not a label of the averitec scale"),
        ("ts", "yesterday", "is not a 'date-time'", "must be an RFC 3339 date-time"),
        ("ts", "2025-03-05T09:00:25", "is not a 'date-time'", "must be an RFC 3339 date-time"),
        ("reviewer", "", None, "reviewer name is empty"),
        ("note", "a\x1b[2Jb", None, "contains control characters"),
    ],
)
def test_a_bad_adjudication_is_refused_by_line_and_field(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    field: str, value: str, validate_says: str | None, import_says: str,
) -> None:
    items, index = _adjudicated_line(adjudicated, tmp_path)
    items[index]["adjudication"][field] = value
    bad = write_records(tmp_path / "bad.jsonl", items)
    where = f"{bad}:{index + 1}: adjudication.{field}: "
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(where)]
    assert lines, result.output
    if validate_says is not None:
        assert validate_says in lines[0]
    else:
        assert import_says in lines[0]
    with pytest.raises(ImportFileError) as refused:
        exports.import_file(same_articles, bad)
    assert str(refused.value).startswith(where)
    assert import_says in str(refused.value)
    assert n_events(same_articles) == 0
    result = CliRunner().invoke(main, ["import", "--db", str(tmp_path / "target.db"), str(bad)])
    assert result.exit_code == 1 and where in result.output


@pytest.mark.parametrize(
    ("change", "where", "says"),
    [
        (lambda r: r.pop("adjudication"), "adjudication", "is required in a record of schema"),
        (lambda r: r["reviews"][0].pop("claim_text"), "reviews.0.claim_text",
         "is required in a record of schema"),
        (lambda r: r.update(checked_text="Nobody wrote this."), "checked_text",
         "is not the claim_text of any review"),
        (lambda r: r.update(verdict="supported"), "verdict",
         "'supported' is not the adjudicated verdict 'refuted'"),
    ],
)
def test_a_version_2_record_must_be_whole_and_consistent(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    change: Callable[[dict[str, Any]], object], where: str, says: str,
) -> None:
    items, index = _adjudicated_line(adjudicated, tmp_path)
    change(items[index])
    bad = write_records(tmp_path / "bad.jsonl", items)
    report = exports.validate_file(bad)
    assert [p.field for p in report.problems] == [where], report.problems
    with pytest.raises(ImportFileError, match=rf"bad.jsonl:{index + 1}: {where}: {says}"):
        exports.import_file(same_articles, bad)
    assert n_events(same_articles) == 0


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda r: r["reviews"][0].update(reviewer=" ana"), "reviews.0.reviewer"),
        (lambda r: r["reviews"][1].update(reviewer="bruno\u00a0"), "reviews.1.reviewer"),
        (lambda r: r["adjudication"].update(reviewer="chloe\t"), "adjudication.reviewer"),
        (lambda r: r.update(origin="reviewer: ana"), "origin"),
    ],
)
def test_a_reviewer_name_with_spaces_around_it_is_refused(
    adjudicated: Project, same_articles: Project, tmp_path: Path,
    change: Callable[[dict[str, Any]], object], where: str,
) -> None:
    """Names are stored stripped (`check_reviewer`): an imported ' ana' would be a reviewer
    nobody can act as (`claims undo --reviewer ' ana'` undoes ana's actions)."""
    items, index = _adjudicated_line(adjudicated, tmp_path)
    change(items[index])
    bad = write_records(tmp_path / "bad.jsonl", items)
    report = exports.validate_file(bad)
    assert [p.field for p in report.problems] == [where], report.problems
    assert "has spaces around it" in report.problems[0].message
    with pytest.raises(ImportFileError, match=rf"bad.jsonl:{index + 1}: {where}: .*spaces"):
        exports.import_file(same_articles, bad)
    assert n_events(same_articles) == 0


def materialised(project: Project) -> tuple[list[tuple], list[tuple]]:
    with project.store.read() as tx:
        claims = tx.all("SELECT id, span_start, span_end, text, quantities, dates, merged_into, "
                        "live, adjudication FROM claims ORDER BY id")
        reviews = tx.all("SELECT claim_id, reviewer, status, verdict, sources, rationale, "
                         "claim_text, created_at, updated_at FROM reviews "
                         "ORDER BY claim_id, reviewer")
    return [tuple(r) for r in claims], [tuple(r) for r in reviews]


def test_an_import_writes_what_re_deriving_the_log_gives(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    """An import folds each claim's state from the events it holds in memory; re-deriving
    every claim from the log afterwards changes nothing, after a first import and after one
    that takes local reviews to newer ones (a verdict cleared, a source dropped)."""
    items = records(export_bytes(adjudicated, tmp_path / "a.jsonl"))
    exports.import_file(same_articles, tmp_path / "a.jsonl")
    newer = []
    for record in items:
        for review in record["reviews"]:
            review["updated_at"] = "2031-01-02T03:04:05.000006Z"
            if review["verdict"] is not None and record["adjudication"] is None:
                review["verdict"] = None
            review["sources"] = review["sources"][1:]
        record["status"] = "accepted" if any(r["status"] == "accepted" or r["verdict"]
                                             for r in record["reviews"]) else record["status"]
        record["verdict"] = record["adjudication"]["verdict"] if record["adjudication"] \
            else None
    write_records(tmp_path / "newer.jsonl", newer := items)
    assert newer
    report = exports.import_file(same_articles, tmp_path / "newer.jsonl")
    assert report.reviews_added > 0
    for _ in range(2):
        before = materialised(same_articles)
        with same_articles.store.transaction() as tx:
            tx.rederive_many([row[0] for row in before[0]])
        assert materialised(same_articles) == before
        exports.import_file(same_articles, tmp_path / "a.jsonl")  # older: kept, nothing added


def _derived_rows(project: Project) -> tuple[list[tuple], list[tuple]]:
    with project.store.read() as tx:
        reviews = tx.all("SELECT * FROM reviews ORDER BY claim_id, reviewer")
        claims = tx.all("SELECT * FROM claims ORDER BY id")
    return [tuple(r) for r in reviews], [tuple(r) for r in claims]


@pytest.mark.parametrize("version", [1, 2])
def test_what_an_import_writes_is_what_the_fold_derives(
    adjudicated: Project, same_articles: Project, tmp_path: Path, version: int
) -> None:
    """The import writes each review and adjudication straight from its event; re-deriving
    every claim from the log afterwards changes nothing. Here over local reviews older than
    the file's, a rejection here, a rewrite here and an adjudication here."""
    fr, en = claim_ids(same_articles)
    same_articles.set_claim_text(en[2], "bruno", "A rewrite made here.")
    same_articles.set_verdict(fr[0], "ana", "refuted")
    same_articles.toggle_reject(fr[2], "bruno")
    same_articles.adjudicate(fr[3], "dana", "supported")
    adjudicated.set_rationale(en[2], "bruno", "The agency's own report says it fell.")
    adjudicated.toggle_reject(fr[0], "ana")
    items = records(export_bytes(adjudicated, tmp_path / "a.jsonl"))
    path = write_records(tmp_path / "b.jsonl", as_version_1(items) if version == 1 else items)
    report = exports.import_file(same_articles, path)
    assert report.reviews_added > 0
    before = _derived_rows(same_articles)
    ids = fr + en
    with same_articles.store.transaction() as tx:
        tx.rederive_many(ids)
    assert _derived_rows(same_articles) == before
    ana = same_articles.claim(fr[0]).review_by("ana")
    assert ana is not None and ana.status == "rejected"


def test_an_imported_review_reads_as_one_action_in_the_log_and_undoes_whole(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    from annotator.widgets.detail import describe_event

    fr, _ = claim_ids(same_articles)
    export_bytes(adjudicated, tmp_path / "a.jsonl")
    exports.import_file(same_articles, tmp_path / "a.jsonl")
    result = CliRunner().invoke(main, ["log", "--db", str(tmp_path / "target.db"), fr[0]])
    assert result.exit_code == 0, result.output
    assert "imported review: verdict supported, 1 source, a rationale" in result.output
    events = [e for e in same_articles.history(fr[0]) if e.type == "review"]
    assert describe_event(events[0], same_articles.scale).startswith(
        "imported review: verdict Supported, 1 source")
    ana = same_articles.claim(fr[0]).review_by("ana")
    assert ana is not None and ana.verdict == "supported" and ana.sources
    undone = same_articles.undo("ana")  # the whole imported review goes, not a piece of it
    assert undone is not None and undone.event.payload["type"] == "review"
    assert same_articles.claim(undone.event.claim_id).review_by("ana") is None


@pytest.mark.usefixtures("import_checks")
def test_an_imported_review_undone_here_stays_undone_when_imported_again(
    adjudicated: Project, same_articles: Project, tmp_path: Path
) -> None:
    """`claims undo` takes the imported review back whole and says what it took back; the
    same file imported again counts it unchanged and leaves it undone; `claims redo` puts it
    back."""
    export_bytes(adjudicated, tmp_path / "a.jsonl")
    db = str(tmp_path / "target.db")
    runner = CliRunner()
    assert runner.invoke(main, ["import", "--db", db, "-q", str(tmp_path / "a.jsonl")]) \
        .exit_code == 0
    undone = runner.invoke(main, ["undo", "--db", db, "--reviewer", "ana"])
    assert undone.exit_code == 0, undone.output
    assert undone.output.startswith("undo: imported review: verdict ")
    claim_id = undone.output.split(" on claim ")[1].split()[0]
    assert same_articles.claim(claim_id).review_by("ana") is None
    held = n_events(same_articles)
    again = exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert again.events == 0 and again.reviews_added == 0 and n_events(same_articles) == held
    assert same_articles.claim(claim_id).review_by("ana") is None
    redone = runner.invoke(main, ["redo", "--db", db, "--reviewer", "ana"])
    assert redone.exit_code == 0 and redone.output.startswith("redo: imported review: ")
    assert same_articles.claim(claim_id).review_by("ana") is not None


@pytest.mark.parametrize("status", ["rejected", "proposed"])
def test_a_review_with_a_verdict_that_is_not_accepted_is_refused(
    adjudicated: Project, same_articles: Project, tmp_path: Path, status: str
) -> None:
    """A rejected claim is not checked: a review rejecting it and giving a verdict is refused
    by line and field, not imported with its verdict dropped."""
    items, index = _adjudicated_line(adjudicated, tmp_path)
    review = items[index]["reviews"][0]
    assert review["verdict"] is not None
    review["status"] = status
    bad = write_records(tmp_path / "bad.jsonl", items)
    report = exports.validate_file(bad)
    assert [(p.field, p.message) for p in report.problems] == [
        ("reviews.0.status", f"a review with a verdict is accepted, not {status}")]
    with pytest.raises(ImportFileError, match=rf"bad.jsonl:{index + 1}: reviews.0.status: "):
        exports.import_file(same_articles, bad)
    assert n_events(same_articles) == 0
