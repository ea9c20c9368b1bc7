"""A merge or boundary edit never changes what another reviewer judged.

Bob's verdict, status, sources, rationale or claim as checked, or carol's adjudication, are
about the claim's text as they read it. Alice moving its boundaries or merging it (into a
longer claim, or hiding the next one) would leave their judgement on text they never read:
refused aloud, naming them, nothing recorded, on the command line and by the project alike.
It goes through once they take their judgement back; alice can always draw the claim she
means as a new one beside it; a reviewer's own judgement never holds them up; redo obeys the
same rule. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import Result

from claims.project import Project, ProjectError
from tests.conftest import _fill
from tests.helpers import run_cli


def run(url: str, *args: str, reviewer: str = "alice") -> Result:
    return run_cli(list(args), url, reviewer=reviewer)


JUDGEMENTS: dict[str, tuple[str, dict[str, Any]]] = {
    "verdict": ("bob", {"verdict": "1"}),
    "rejection": ("bob", {"status": "rejected"}),
    "acceptance": ("bob", {"status": "accepted"}),
    "source": ("bob", {"source": {"url": "https://example.org/report"}}),
    "rationale": ("bob", {"rationale": "The ministry says so."}),
    "claim-as-checked": ("bob", {"claim_text": "300 workers left the yard."}),
}


def _judge(project: Project, claim_id: str, how: str) -> str:
    """Bob (or carol, adjudicating) judges the claim; the name the refusal must give."""
    if how == "adjudication":
        project.adjudicate(claim_id, "carol", "2")
        return "carol"
    reviewer, change = JUDGEMENTS[how]
    project.review(claim_id, reviewer, **change)
    return reviewer


def _events(url: str) -> int:
    with Project.open(url) as project:
        return len(project.history())


@pytest.mark.parametrize("how", [*JUDGEMENTS, "adjudication"])
def test_a_merge_or_span_edit_of_a_claim_another_reviewer_judged_is_refused(
    backend_url: str, how: str
) -> None:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
        who = _judge(project, ids[0], how)
        first = project.claim(ids[0]).claim
    before = _events(backend_url)
    for args in (["merge", ids[0]], ["span", ids[0], str(first.start), str(first.end - 1)]):
        refused = run(backend_url, *args)
        assert refused.exit_code == 1, (args, refused.output)
        message = refused.stderr
        assert f"claim {ids[0]} has been judged by {who}" in message, message
        assert "nothing saved" in message and "claims draw" in message, message
        assert len(message.strip().splitlines()) == 1 and "Traceback" not in message
    assert _events(backend_url) == before
    with Project.open(backend_url) as project:
        state = project.claim(ids[0])
        assert (state.claim.start, state.claim.end) == (first.start, first.end)
        assert project.claim(ids[1]).live
        # The project refuses it the same way (the annotator's m and e call it).
        with pytest.raises(ProjectError, match=f"judged by {who}"):
            project.merge_with_next(ids[0], "alice")
        with pytest.raises(ProjectError, match=f"judged by {who}"):
            project.set_span(ids[0], "alice", first.start + 1, first.end)


def test_a_merge_hiding_a_next_claim_someone_adjudicated_is_refused(backend_url: str) -> None:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
        project.adjudicate(ids[1], "carol", "1")
    refused = run(backend_url, "merge", ids[0])
    assert refused.exit_code == 1
    assert f"claim {ids[1]} has been judged by carol" in refused.stderr, refused.stderr
    with Project.open(backend_url) as project:
        assert project.claim(ids[1]).live
        assert project.history(reviewer="alice") == []


def test_the_way_on_taking_the_judgement_back_drawing_or_judging_it_oneself(
    backend_url: str,
) -> None:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
        project.set_verdict(ids[0], "bob", "1")
        first, second = project.claim(ids[0]).claim, project.claim(ids[1]).claim
        # An empty review (a verdict given, then cleared) judges nothing.
        project.set_verdict(ids[2], "bob", "1")
        project.set_verdict(ids[2], "bob", None)
    # Alice's own judgement never holds her up.
    assert run(backend_url, "review", ids[3], "--verdict", "2").exit_code == 0
    with Project.open(backend_url) as project:
        third = project.claim(ids[3]).claim
    assert run(backend_url, "span", ids[3], str(third.start), str(third.end - 1)).exit_code == 0
    assert run(backend_url, "merge", ids[2]).exit_code == 0, "an empty review held it up"
    # Alice draws the merged claim she means beside bob's: his judgement stays as it was.
    drawn = run(backend_url, "draw", first.article_id, str(first.start), str(second.end))
    assert drawn.exit_code == 0, drawn.output
    # Bob himself may move the claim he alone judged; after he takes it back, alice may too.
    assert run(backend_url, "span", ids[0], str(first.start), str(first.end - 1),
               reviewer="bob").exit_code == 0
    assert run(backend_url, "undo", reviewer="bob").exit_code == 0  # his span edit
    assert run(backend_url, "merge", ids[0]).exit_code == 1
    # He takes his verdict back (undo would take back his last action, on another claim).
    assert run(backend_url, "review", ids[0], "--clear-verdict", reviewer="bob").exit_code == 0
    merged = run(backend_url, "merge", ids[0])
    assert merged.exit_code == 0, merged.stderr
    with Project.open(backend_url) as project:
        assert project.claim(ids[0]).claim.end == second.end


def test_a_redo_of_a_boundary_change_someone_judged_since_is_refused(
    sample: tuple[Project, list[str]],
) -> None:
    project, ids = sample
    project.merge_with_next(ids[1], "alice")
    project.undo("alice")
    project.set_verdict(ids[2], "bob", "1")  # the claim the merge would hide again
    with pytest.raises(ProjectError, match=f"claim {ids[2]} has been judged by bob"):
        project.redo("alice")
    assert project.claim(ids[2]).live
    project.undo("bob")
    assert project.redo("alice") is not None
    assert not project.claim(ids[2]).live
    first = project.claim(ids[0]).claim
    project.set_span(ids[0], "alice", first.start, first.end - 2)
    project.undo("alice")
    project.set_verdict(ids[0], "bob", "3")
    with pytest.raises(ProjectError, match=f"claim {ids[0]} has been judged by bob"):
        project.redo("alice")
    assert project.claim(ids[0]).claim.end == first.end
