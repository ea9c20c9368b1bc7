"""An import never lands a review or an adjudication on a claim whose span here is not the
span the file's reviewer judged (its boundaries were edited here, or where the file was made):
the judgement was of other text, as a boundary edit over another reviewer's judgement is
refused (`claims.staleness.check_unjudged`). The line is refused naming both spans and who
changed the claim, nothing imported; what the project holds already (the same file again,
an export imported back) still imports as a no-op. SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

import exports
from claims.project import Project
from exports.importer import ImportFileError
from tests.conftest import _fill
from tests.helpers import run_cli


def _desk(tmp_path: Path, act) -> tuple[Path, list[str]]:
    """Another project of the same article, where `act` is done; its native export."""
    with Project.open(str(tmp_path / "desk.db")) as desk:
        _, ids = _fill(desk)
        act(desk, ids)
        out = tmp_path / "desk.jsonl"
        exports.write_file(desk, "jsonl", out)
    return out, ids


def test_a_review_of_a_claim_whose_span_was_changed_here_is_refused(
        backend_url: str, tmp_path: Path) -> None:
    out, ids = _desk(tmp_path, lambda p, ids: p.set_verdict(ids[1], "bob", "supported"))
    with Project.open(backend_url) as project:
        _fill(project)
        start, end = project.claim(ids[1]).claim.start, project.claim(ids[1]).claim.end
        project.set_span(ids[1], "alice", start, end - 1)  # nobody judged it here
        before = len(project.history())
        says = (rf"desk\.jsonl:2: end: claim {ids[1]} covers \[{start}, {end - 1}\) here, not "
                rf"the \[{start}, {end}\) that bob judged \(its span was changed here by alice "
                r"at [0-9:-]+\); importing would put that judgement on text they never read, "
                rf"so nothing was imported \(give the claim that span here first, claims span "
                rf"{ids[1]} {start} {end}, or leave the line out\)")
        with pytest.raises(ImportFileError, match=says):
            exports.import_file(project, out)
        assert len(project.history()) == before
        assert project.claim(ids[1]).review_by("bob") is None
        for command in (["import", str(out)], ["import", "--dry-run", str(out)],
                        ["validate", "--db", backend_url, str(out)]):
            result = run_cli(command, backend_url)
            assert result.exit_code == 1, result.output
            assert f"desk.jsonl:2: end: claim {ids[1]} covers [{start}, {end - 1})" \
                in result.stderr and "Traceback" not in result.output
        assert len(project.history()) == before
        project.undo("alice")  # the span the review judged is back: it lands
        report = exports.import_file(project, out)
        assert report.reviews_added == 1 and report.spans_differ == 0
        review = project.claim(ids[1]).review_by("bob")
        assert review is not None and review.verdict == "supported"


def test_a_review_of_a_span_changed_where_the_file_was_made_is_refused(
        backend_url: str, tmp_path: Path) -> None:
    def act(desk: Project, ids: list[str]) -> None:
        c = desk.claim(ids[2]).claim
        desk.set_span(ids[2], "bob", c.start + 2, c.end)
        desk.set_verdict(ids[2], "bob", "refuted")
        desk.adjudicate(ids[2], "lead", "refuted")

    out, ids = _desk(tmp_path, act)
    with Project.open(backend_url) as project:
        _fill(project)
        c = project.claim(ids[2]).claim
        with pytest.raises(ImportFileError, match=(
                rf"desk\.jsonl:3: start: claim {ids[2]} covers \[{c.start}, {c.end}\) here, not "
                rf"the \[{c.start + 2}, {c.end}\) that bob, lead judged \(its span was changed "
                r"where the file was made\)")):
            exports.import_file(project, out)
        state = project.claim(ids[2])
        assert state.reviews == [] and state.adjudication is None and project.history() == []


def test_an_adjudication_alone_onto_a_moved_claim_is_refused(backend_url: str,
                                                             tmp_path: Path) -> None:
    out, ids = _desk(tmp_path, lambda p, ids: p.adjudicate(ids[0], "lead", "supported"))
    with Project.open(backend_url) as project:
        _fill(project)
        project.merge_with_next(ids[0], "alice")  # ids[0] now covers two sentences
        with pytest.raises(ImportFileError, match=(
                rf"desk\.jsonl:1: end: claim {ids[0]} covers .* that lead judged \(its span "
                r"was changed here by alice")):
            exports.import_file(project, out)
        assert project.claim(ids[0]).adjudication is None


def test_what_is_here_already_still_imports_over_a_span_changed_since(
        backend_url: str, tmp_path: Path) -> None:
    """Export, then import into the same project: a no-op, also after the reviewer moved the
    boundaries of a claim only they judged, and after a newer local review."""
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
        project.set_verdict(ids[0], "bob", "supported")
        project.add_source(ids[1], "bob", {"url": "https://example.org/a"})
        out = tmp_path / "mine.jsonl"
        exports.write_file(project, "jsonl", out)
        same = exports.import_file(project, out)
        assert (same.events, same.reviews_added, same.spans_differ) == (0, 0, 0)
        c = project.claim(ids[0]).claim
        project.set_span(ids[0], "bob", c.start, c.end - 1)  # his own judgement: allowed
        project.set_rationale(ids[1], "bob", "newer here")
        c1 = project.claim(ids[1]).claim
        project.set_span(ids[1], "bob", c1.start, c1.end - 1)
        held = len(project.history())
        again = exports.import_file(project, out)
        assert (again.events, again.reviews_added) == (0, 0)
        assert again.reviews_unchanged == 1 and again.reviews_kept == 1
        assert again.spans_differ == 2
        assert "2 claims have another span here (kept)" in again.summary()
        assert len(project.history()) == held
