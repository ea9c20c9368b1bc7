"""A boundary change another reviewer has since judged cannot be undone from under them.

Bob judges the claim alice merged, moved or drew; alice's undo would leave his verdict on text
he never read (a shorter claim), or hide it with the drawn claim. It is refused, nothing
changes, and it goes through once bob has taken his judgement back. His own undo and alice's
work on her own reviews are not held up.
"""

from __future__ import annotations

import pytest

from claims.project import Project, ProjectError


def _spans(project: Project) -> list[tuple[str, int, int]]:
    return sorted((s.claim.id, s.claim.start, s.claim.end) for s in project.claims())


def test_undo_of_a_merge_bob_has_judged_is_refused(sample: tuple[Project, list[str]]) -> None:
    project, ids = sample
    project.merge_with_next(ids[0], "alice")
    project.set_verdict(ids[0], "alice", "1")  # her own review does not hold her up
    project.set_verdict(ids[0], "bob", "2")
    before = _spans(project)
    project.undo("alice")  # her verdict goes first, as ever
    with pytest.raises(ProjectError, match=f"cannot undo the merge .*: bob has judged claim "
                                           f"{ids[0]} since"):
        project.undo("alice")
    assert _spans(project) == before
    review = project.claim(ids[0]).review_by("bob")
    assert review is not None and review.verdict is not None
    project.undo("bob")
    project.undo("alice")
    assert ids[1] in [s.claim.id for s in project.claims()]


def test_undo_of_a_drawing_or_a_span_edit_bob_has_judged_is_refused(
    sample: tuple[Project, list[str]],
) -> None:
    project, ids = sample
    first = project.claim(ids[0]).claim
    drawn = project.create_claim(first.article_id, "alice", first.start, first.start + 5)
    drawn_id = drawn.event.claim_id
    project.adjudicate(drawn_id, "carol", "1")  # an adjudication is a judgement too
    with pytest.raises(ProjectError, match="cannot undo the drawing"):
        project.undo("alice")
    project.undo("carol")
    project.set_verdict(drawn_id, "bob", "1")
    with pytest.raises(ProjectError, match="cannot undo the drawing"):
        project.undo("alice")
    assert drawn_id in [s.claim.id for s in project.claims()]
    second = project.claim(ids[1]).claim
    project.set_span(ids[1], "dora", second.start, second.end - 3)
    project.set_verdict(ids[1], "bob", "2")
    with pytest.raises(ProjectError, match="cannot undo the boundary edit"):
        project.undo("dora")
    assert project.claim(ids[1]).claim.end == second.end - 3
