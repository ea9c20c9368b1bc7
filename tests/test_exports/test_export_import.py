"""`claims import`: merging reviews made elsewhere, all or nothing, never overwriting others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

import exports
from claims.project import Project, ProjectError
from exports.importer import ImportFileError
from tests.helpers import review_of

pytestmark = pytest.mark.usefixtures("import_checks")


def export_lines(project: Project, path: Path, **options: Any) -> list[bytes]:
    exports.write_file(project, "jsonl", path, **options)
    return path.read_bytes().splitlines()


def fr_claim(project: Project, n: int) -> str:
    """The n-th claim of the French article (the first one added)."""
    return project.claims(project.articles()[0].id)[n].claim.id


def n_events(project: Project) -> int:
    with project.store.read() as tx:
        return int(tx.one("SELECT COUNT(*) FROM events")[0])


def test_round_trip_gives_identical_records(
    reviewed: Project, same_articles: Project, tmp_path: Path
) -> None:
    first = export_lines(reviewed, tmp_path / "a.jsonl")
    report = exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert report.reviews_added == 9 and report.records == 7
    again = export_lines(same_articles, tmp_path / "b.jsonl")
    assert again == first
    # the publisher is the project's setting, not part of the records
    for key in ("publisher_name", "publisher_url"):
        same_articles.store.set_meta(key, reviewed.store.get_meta(key) or "")
    for fmt in ("fever", "averitec", "claimreview", "csv"):
        exports.write_file(reviewed, fmt, tmp_path / f"a.{fmt}")
        exports.write_file(same_articles, fmt, tmp_path / f"b.{fmt}")
        assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


def test_importing_twice_changes_nothing(
    reviewed: Project, same_articles: Project, tmp_path: Path
) -> None:
    export_lines(reviewed, tmp_path / "a.jsonl")
    exports.import_file(same_articles, tmp_path / "a.jsonl")
    before = n_events(same_articles)
    report = exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert report.reviews_added == 0 and report.events == 0
    assert report.reviews_unchanged == 9
    assert n_events(same_articles) == before
    # into the very project it came from: nothing either
    report = exports.import_file(reviewed, tmp_path / "a.jsonl")
    assert report.events == 0


def test_another_reviewers_review_is_never_overwritten(
    reviewed: Project, same_articles: Project, tmp_path: Path
) -> None:
    claim = fr_claim(reviewed, 0)
    same_articles.set_verdict(claim, "carla", "refuted")  # a third reviewer, here only
    same_articles.set_verdict(claim, "bruno", "refuted")  # later than bruno's in the file
    export_lines(reviewed, tmp_path / "a.jsonl")
    report = exports.import_file(same_articles, tmp_path / "a.jsonl")
    state = same_articles.claim(claim)
    assert review_of(state, "carla").verdict == "refuted"
    assert review_of(state, "bruno").verdict == "refuted"
    assert review_of(state, "ana").verdict == "supported"
    assert report.reviews_kept == 1


def test_a_newer_review_replaces_the_older_one_of_the_same_reviewer(
    reviewed: Project, same_articles: Project, tmp_path: Path
) -> None:
    claim = fr_claim(reviewed, 1)
    export_lines(reviewed, tmp_path / "a.jsonl")
    exports.import_file(same_articles, tmp_path / "a.jsonl")
    # ana changes her mind at the source, with another source
    reviewed.remove_source(claim, "ana", 0)
    reviewed.add_source(claim, "ana", {"url": "https://other.example.org/a", "quote": "x"})
    reviewed.set_verdict(claim, "ana", "conflicting-evidence")
    reviewed.set_rationale(claim, "ana", "Two sources disagree.")
    first = export_lines(reviewed, tmp_path / "b.jsonl")
    report = exports.import_file(same_articles, tmp_path / "b.jsonl")
    assert report.reviews_added == 1
    assert export_lines(same_articles, tmp_path / "c.jsonl") == first
    assert same_articles.claim(claim).verdict == "conflicting-evidence"  # bruno agrees now


def test_a_bad_line_aborts_everything_and_is_named(
    reviewed: Project, same_articles: Project, tmp_path: Path
) -> None:
    lines = export_lines(reviewed, tmp_path / "a.jsonl")
    record = orjson.loads(lines[5])
    record["reviews"][0]["verdict"] = "pants-on-fire"
    lines[5] = orjson.dumps(record)
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(ImportFileError, match=r"bad.jsonl:6: reviews.0.verdict: 'pants-on-fire'"):
        exports.import_file(same_articles, bad)
    assert n_events(same_articles) == 0
    lines[5] = b'{"schema_version": 1, "claim_id": 3}'
    bad.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(ImportFileError, match=r"bad.jsonl:6: claim_id: "):
        exports.import_file(same_articles, bad)
    lines[5] = b"{oops"
    bad.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(ImportFileError, match=r"bad.jsonl:6: not valid JSON"):
        exports.import_file(same_articles, bad)
    assert n_events(same_articles) == 0


def test_a_missing_article_is_refused_by_name_without_its_text(
    reviewed: Project, tmp_path: Path
) -> None:
    export_lines(reviewed, tmp_path / "a.jsonl")
    with Project.open(str(tmp_path / "empty.db")) as empty:
        with pytest.raises(ImportFileError, match=r"a.jsonl:1: article: article 3186c72f676f465b "
                                                   r"\('Les apiculteurs dans la rue'\) is not"):
            exports.import_file(empty, tmp_path / "a.jsonl")
        assert n_events(empty) == 0
        assert empty.articles() == []


def test_with_articles_creates_the_missing_articles(reviewed: Project, tmp_path: Path) -> None:
    first = export_lines(reviewed, tmp_path / "a.jsonl", with_articles=True)
    with Project.open(str(tmp_path / "empty.db")) as empty:
        report = exports.import_file(empty, tmp_path / "a.jsonl")
        assert report.articles_created == 2 and report.claims_created == 7
        assert export_lines(empty, tmp_path / "b.jsonl", with_articles=True) == first
        assert empty.article("fr-1").title == "Les apiculteurs dans la rue"


def test_an_unknown_claim_is_created_when_its_text_matches(
    reviewed: Project, same_articles: Project, tmp_path: Path
) -> None:
    article = reviewed.articles()[1].id
    text = reviewed.article(article).text
    start = text.index("Mayor Dana Ortiz")
    drawn = reviewed.create_claim(article, "ana", start, start + len("Mayor Dana Ortiz said"))
    claim_id = drawn.changed[0].claim.id
    reviewed.set_verdict(claim_id, "ana", "supported")
    first = export_lines(reviewed, tmp_path / "a.jsonl")
    report = exports.import_file(same_articles, tmp_path / "a.jsonl")
    assert report.claims_created == 1
    state = same_articles.claim(claim_id)
    assert state.claim.origin == "reviewer:ana"
    assert claim_id in [s.claim.id for s in same_articles.claims(article)]
    assert export_lines(same_articles, tmp_path / "b.jsonl") == first


def test_an_unknown_claim_with_other_text_is_refused(
    reviewed: Project, same_articles: Project, tmp_path: Path
) -> None:
    lines = export_lines(reviewed, tmp_path / "a.jsonl")
    record = orjson.loads(lines[0])
    record["claim_id"] = "000000000000"
    record["text"] = "x" * len(record["text"])  # as long as the span, not the article's text
    record["quantities"] = record["dates"] = []  # (whose words would no longer be the claim's)
    (tmp_path / "x.jsonl").write_bytes(orjson.dumps(record) + b"\n")
    with pytest.raises(ImportFileError, match=r"x.jsonl:1: claim_id: claim 000000000000 is not"):
        exports.import_file(same_articles, tmp_path / "x.jsonl")


def test_dry_run_changes_nothing(reviewed: Project, same_articles: Project, tmp_path: Path) -> None:
    export_lines(reviewed, tmp_path / "a.jsonl")
    report = exports.import_file(same_articles, tmp_path / "a.jsonl", dry_run=True)
    assert report.reviews_added == 9
    assert n_events(same_articles) == 0


def test_another_label_scale_is_refused(reviewed: Project, tmp_path: Path) -> None:
    export_lines(reviewed, tmp_path / "a.jsonl", with_articles=True)
    refused = r"a.jsonl:1: label_scale: the file uses the averitec scale, this project the fever"
    with Project.open(str(tmp_path / "fever.db"), scale="fever") as other, \
            pytest.raises(ProjectError, match=refused):
        exports.import_file(other, tmp_path / "a.jsonl")


def test_a_review_cleared_elsewhere_is_cleared_here(
    reviewed: Project, same_articles: Project, tmp_path: Path
) -> None:
    claim = fr_claim(reviewed, 0)
    export_lines(reviewed, tmp_path / "a.jsonl")
    exports.import_file(same_articles, tmp_path / "a.jsonl")
    reviewed.set_verdict(claim, "bruno", None)
    reviewed.accept(claim, "bruno")
    first = export_lines(reviewed, tmp_path / "b.jsonl")
    exports.import_file(same_articles, tmp_path / "b.jsonl")
    assert export_lines(same_articles, tmp_path / "c.jsonl") == first


def test_an_import_summary_counts_in_words_a_reader_expects() -> None:
    from exports.importer import ImportReport

    one = ImportReport(records=1, reviews_added=1, events=1, claims_created=1, spans_differ=1)
    assert one.summary() == ("1 record, added 1 review (1 event), 0 unchanged, 0 kept (newer "
                             "here), 1 claim created, 1 claim has another span here (kept)")
    many = ImportReport(records=3, reviews_added=2, events=2, articles_created=2,
                        spans_differ=2, dry_run=True)
    assert many.summary() == ("3 records, would add 2 reviews (2 events), 0 unchanged, 0 kept "
                              "(newer here), 2 articles created, 2 claims have another span "
                              "here (kept)")
