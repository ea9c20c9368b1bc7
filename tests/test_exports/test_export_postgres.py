"""The same exports from a PostgreSQL project: the same bytes as from SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import exports
from claims.project import Project
from tests.test_exports.export_data import GOLDEN, FrozenClock, add_articles, add_reviews, add_team_work
from tests.test_exports.test_export_golden import CASES


@pytest.fixture
def reviewed_pg(pg_server: str, clock: FrozenClock) -> Iterator[Project]:
    from tests.pg import fresh_database

    with Project.open(fresh_database(pg_server)) as project:
        fr, en = add_articles(project)
        add_reviews(project, fr, en)
        add_team_work(project, fr, en)
        yield project


def test_postgres_exports_match_the_golden_files(reviewed_pg: Project, tmp_path: Path) -> None:
    for name, (fmt, options) in sorted(CASES.items()):
        out = tmp_path / name
        exports.write_file(reviewed_pg, fmt, out, **options)
        assert out.read_bytes() == (GOLDEN / name).read_bytes(), name


@pytest.mark.usefixtures("import_checks")
def test_postgres_import_round_trip(
    reviewed: Project, pg_server: str, tmp_path: Path
) -> None:
    from tests.pg import fresh_database

    exports.write_file(reviewed, "jsonl", tmp_path / "a.jsonl", with_articles=True)
    with Project.open(fresh_database(pg_server)) as target:
        report = exports.import_file(target, tmp_path / "a.jsonl")
        assert report.articles_created == 2 and report.reviews_added == 9
        again = exports.import_file(target, tmp_path / "a.jsonl")
        assert again.events == 0
        exports.write_file(target, "jsonl", tmp_path / "b.jsonl", with_articles=True)
    assert (tmp_path / "b.jsonl").read_bytes() == (tmp_path / "a.jsonl").read_bytes()


@pytest.mark.usefixtures("import_checks")
def test_postgres_team_work_round_trip(reviewed_pg: Project, pg_server: str,
                                       tmp_path: Path) -> None:
    """Adjudications and rewrites from PostgreSQL to PostgreSQL: the same bytes back, a second
    import adds nothing, a newer local adjudication is kept."""
    from tests.pg import fresh_database

    first = tmp_path / "a.jsonl"
    exports.write_file(reviewed_pg, "jsonl", first, with_articles=True)
    assert first.read_bytes() == (GOLDEN / "native-with-articles.jsonl").read_bytes()
    with Project.open(fresh_database(pg_server)) as target:
        report = exports.import_file(target, first)
        assert report.adjudications_added == 1 and report.reviews_added == 11
        exports.write_file(target, "jsonl", tmp_path / "b.jsonl", with_articles=True)
        assert (tmp_path / "b.jsonl").read_bytes() == first.read_bytes()
        again = exports.import_file(target, first)
        assert again.events == 0 and again.adjudications_unchanged == 1
        disputed = target.claims(target.articles()[0].id)[1].claim.id
        target.adjudicate(disputed, "dana", "not-enough-evidence")
        kept = exports.import_file(target, first)
        assert kept.adjudications_kept == 1 and kept.events == 0
        assert target.claim(disputed).verdict == "not-enough-evidence"


@pytest.mark.usefixtures("import_checks")
def test_a_postgres_import_refused_by_its_checks_leaves_nothing_and_the_project_usable(
    reviewed_pg: Project, pg_server: str, tmp_path: Path
) -> None:
    import multiprocessing

    import orjson

    from exports.importer import ImportFileError
    from tests.pg import fresh_database

    first = tmp_path / "a.jsonl"
    exports.write_file(reviewed_pg, "jsonl", first, with_articles=True)
    lines = first.read_bytes().splitlines() * 6
    bad = orjson.loads(lines[30])
    bad["reviews"][0]["status"] = "maybe"
    lines[30] = orjson.dumps(bad)
    path = tmp_path / "b.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    with Project.open(fresh_database(pg_server)) as target:
        with pytest.raises(ImportFileError, match=r"b.jsonl:31: reviews.0.status: "):
            exports.import_file(target, path)
        assert not multiprocessing.active_children()
        with target.store.read() as tx:
            assert tx.one("SELECT COUNT(*) FROM events")[0] == 0
            assert tx.one("SELECT COUNT(*) FROM articles")[0] == 0
        report = exports.import_file(target, first)  # the connection still works
        assert report.reviews_added == 11
