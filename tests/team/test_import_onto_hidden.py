"""An import never lands a review or an adjudication on a claim that is hidden here (merged
away, or its drawing undone): it would leave every export though the import said "added".
The import is refused by line, naming what happened to the claim, nothing changed; a file
that adds nothing new to it (already imported) still imports. SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

import exports
from claims.project import Project
from exports.importer import ImportFileError
from tests.conftest import _fill


def test_a_review_of_a_claim_merged_away_here_is_refused(backend_url: str,
                                                         tmp_path: Path) -> None:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
        project.set_verdict(ids[1], "bob", "1")
        project.adjudicate(ids[2], "lead", "2")
        out = tmp_path / "bob.jsonl"
        exports.write_file(project, "jsonl", out)
        project.undo("lead")
        project.undo("bob")
        project.merge_with_next(ids[0], "alice")  # ids[1] is hidden now
        before = len(project.history())
        with pytest.raises(ImportFileError, match=(
                rf"bob\.jsonl:2: claim_id: claim {ids[1]} was merged into {ids[0]} by alice.*"
                r"nothing was imported")):
            exports.import_file(project, out)
        assert len(project.history()) == before
        project.undo("alice")
        exports.import_file(project, out)  # once the merge is undone, the review lands
        assert project.claim(ids[1]).review_by("bob") is not None
        assert len(project.history()) == before + 2


def test_an_adjudication_of_a_claim_merged_away_here_is_refused(backend_url: str,
                                                                tmp_path: Path) -> None:
    with Project.open(str(tmp_path / "desk.db")) as desk:
        _, ids = _fill(desk)
        desk.adjudicate(ids[2], "lead", "2")
        out = tmp_path / "desk.jsonl"
        exports.write_file(desk, "jsonl", out)
    with Project.open(backend_url) as project:
        _fill(project)
        project.merge_with_next(ids[1], "alice")
        with pytest.raises(ImportFileError, match=(
                rf"desk\.jsonl:3: claim_id: claim {ids[2]} was merged into {ids[1]} by alice")):
            exports.import_file(project, out)
        assert project.claim(ids[2]).adjudication is None
        assert [e.type for e in project.history()] == ["merge"]
