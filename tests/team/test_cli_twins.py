"""`claims merge | span | draw | adjudicate` and `review --claim-text`: the keys' twins, with the
same refusals, on SQLite and PostgreSQL."""

from __future__ import annotations

from click.testing import CliRunner, Result

from annotator.cli import main
from claims.project import Project
from tests.conftest import _fill
from tests.helpers import review_of


def run(url: str, *args: str, reviewer: str = "ana") -> Result:
    env = {"CLAIMS_DB": url, "CLAIMS_REVIEWER": reviewer}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_merge_prints_the_merged_claim_and_a_review_of_the_absorbed_one_is_refused(
    backend_url: str,
) -> None:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
    done = run(backend_url, "merge", ids[0][:8])
    assert done.exit_code == 0, done.output
    assert done.stdout.strip() == ids[0]
    refused = run(backend_url, "review", ids[1], "--verdict", "1", reviewer="ben")
    assert refused.exit_code == 1
    assert f"claim {ids[1]} was merged into {ids[0]} by ana" in refused.output
    assert "nothing saved" in refused.output
    again = run(backend_url, "merge", ids[1])
    assert again.exit_code == 1 and f"merged into {ids[0]}" in again.output
    with Project.open(backend_url) as project:
        assert project.history(reviewer="ben") == []
        assert [e.type for e in project.history()] == ["merge"]


def test_merge_with_an_expected_next_claim(backend_url: str) -> None:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
    refused = run(backend_url, "merge", ids[0], "--next", ids[2])
    assert refused.exit_code == 1 and f"claim {ids[1]} now comes between" in refused.output
    assert run(backend_url, "merge", ids[0], "--next", ids[1]).exit_code == 0


def test_span_and_draw(backend_url: str) -> None:
    with Project.open(backend_url) as project:
        project_, ids = _fill(project)
        first = project.claim(ids[0]).claim
    done = run(backend_url, "span", ids[0], str(first.start), str(first.end - 1))
    assert done.exit_code == 0, done.output
    assert f"span [{first.start}, {first.end - 1})" in done.stdout
    bad = run(backend_url, "span", ids[0], "9", "3")
    assert bad.exit_code == 1 and "START must be below END" in bad.output
    drawn = run(backend_url, "draw", first.article_id, str(first.start), str(first.start + 11))
    assert drawn.exit_code == 0, drawn.output
    claim_id = drawn.stdout.strip()
    with Project.open(backend_url) as project:
        state = project.claim(claim_id)
        assert state.live and state.claim.origin == "reviewer:ana"
        assert (state.claim.start, state.claim.end) == (first.start, first.start + 11)
    twice = run(backend_url, "draw", first.article_id, str(first.start), str(first.start + 11))
    assert twice.exit_code == 1 and "already covers" in twice.output


def test_adjudication_settles_a_dispute_is_logged_and_undoable(backend_url: str) -> None:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
    assert run(backend_url, "review", ids[0], "--verdict", "supported", reviewer="ana").exit_code == 0
    assert run(backend_url, "review", ids[0], "--verdict", "refuted", reviewer="ben").exit_code == 0
    with Project.open(backend_url) as project:
        state = project.claim(ids[0])
        assert state.disputed and state.verdict is None and not state.settled
    done = run(backend_url, "adjudicate", ids[0], "--verdict", "2", "--note", "the ministry",
               reviewer="lead")
    assert done.exit_code == 0, done.output
    assert "adjudicated by lead: refuted" in done.stdout and "ana=supported" in done.stdout
    with Project.open(backend_url) as project:
        state = project.claim(ids[0])
        assert state.verdict == "refuted" and state.settled
        assert state.adjudication is not None and state.adjudication.note == "the ministry"
    log = run(backend_url, "log", ids[0])
    assert "adjudicated refuted: the ministry" in log.stdout
    assert run(backend_url, "undo", reviewer="lead").exit_code == 0
    with Project.open(backend_url) as project:
        assert project.claim(ids[0]).adjudication is None
    usage = run(backend_url, "adjudicate", ids[0])
    assert usage.exit_code == 2
    unknown = run(backend_url, "adjudicate", ids[0], "--verdict", "maybe")
    assert unknown.exit_code == 1


def test_claim_as_checked(backend_url: str) -> None:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
    text = "More than 300 shipyard workers left the Saint-Brieuc yard on Tuesday."
    done = run(backend_url, "review", ids[0], "--claim-text", text)
    assert done.exit_code == 0 and "claim as checked" in done.stdout
    with Project.open(backend_url) as project:
        state = project.claim(ids[0])
        assert review_of(state, "ana").claim_text == text and state.checked_text == text
    bad = run(backend_url, "review", ids[0], "--claim-text", "a\x1b[2Jb")
    assert bad.exit_code == 1 and "control characters" in bad.output


def test_init_blind(backend_url: str) -> None:
    done = run(backend_url, "init", "--blind")
    assert done.exit_code == 0 and "blind review" in done.stdout
    with Project.open(backend_url) as project:
        assert project.blind
    run(backend_url, "init", "--no-blind")
    with Project.open(backend_url) as project:
        assert not project.blind


def test_changes_since_reports_what_other_reviewers_touched(backend_url: str) -> None:
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
        mark = project.last_seq()
        assert project.changes_since(mark) == (mark, [])
        project.set_verdict(ids[0], "ana", "1")
        project.merge_with_next(ids[1], "ben")
        new_mark, changed = project.changes_since(mark)
        assert new_mark == project.last_seq() > mark
        assert {s.claim.id for s in changed} == {ids[0], ids[1], ids[2]}
        project.undo("ben")
        _, changed = project.changes_since(new_mark)
        assert {s.claim.id for s in changed} == {ids[1], ids[2]}


def test_withdrawing_an_adjudication_there_is_not_is_refused(backend_url: str) -> None:
    """`--clear` (the view's `0`) on a claim nobody adjudicated, or whose adjudication was
    already withdrawn, no longer applies: refused aloud, nothing recorded; --verdict with
    --clear names the clash."""
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
    refused = run(backend_url, "adjudicate", ids[0], "--clear", reviewer="lead")
    assert refused.exit_code == 1
    assert f"claim {ids[0]} has no adjudication to withdraw; nothing saved" in refused.stderr
    assert run(backend_url, "adjudicate", ids[0], "--verdict", "1", reviewer="lead").exit_code == 0
    assert run(backend_url, "adjudicate", ids[0], "--clear", reviewer="ben").exit_code == 0
    again = run(backend_url, "adjudicate", ids[0], "--clear", reviewer="lead")
    assert again.exit_code == 1 and "no adjudication to withdraw" in again.stderr
    with Project.open(backend_url) as project:
        assert [e.reviewer for e in project.history()] == ["lead", "ben"]
    both = run(backend_url, "adjudicate", ids[0], "--verdict", "1", "--clear")
    assert both.exit_code == 2 and "--verdict and --clear" in both.output


def test_merge_next_naming_the_claim_itself_or_another_article_says_so(backend_url: str) -> None:
    from datetime import date

    from tests.conftest import sample_claims

    other_text = "Le port a accueilli 40 navires en février. Le trafic a doublé en un an."
    with Project.open(backend_url) as project:
        _, ids = _fill(project)
        added = project.add_article(other_text, lang="fr", published=date(2025, 3, 4),
                                    claims=sample_claims(other_text))
        elsewhere = project.claims(added.article.id)[0].claim.id
    itself = run(backend_url, "merge", ids[0], "--next", ids[0])
    assert itself.exit_code == 1
    assert f"--next names claim {ids[0]} itself" in itself.stderr, itself.stderr
    foreign = run(backend_url, "merge", ids[0], "--next", elsewhere)
    assert foreign.exit_code == 1
    assert f"claim {elsewhere} is in another article" in foreign.stderr, foreign.stderr
    with Project.open(backend_url) as project:
        assert project.history() == []
