"""The event-sourced store: derivation, undo/redo, merges, migrations, several writers."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from claims.model import Source
from claims.project import Project, ProjectError
from claims.store import StoreError, open_store
from claims.store.schema import MIGRATIONS, SCHEMA_VERSION
from claims.store.sqlite import SqliteStore
from tests.conftest import SAMPLE_TEXT, sample_claims
from tests.helpers import present, review_of


def test_adding_the_same_text_twice_changes_nothing(sample: tuple[Project, list[str]]) -> None:
    project, ids = sample
    again = project.add_article(SAMPLE_TEXT, lang="fr", claims=sample_claims())
    assert not again.created
    assert [s.claim.id for s in project.claims()] == ids
    assert len(project.articles()) == 1


def test_claim_text_is_always_the_article_slice(sample: tuple[Project, list[str]]) -> None:
    project, _ = sample
    for state in project.claims():
        assert state.claim.text == SAMPLE_TEXT[state.claim.start : state.claim.end]


def test_verdict_implies_acceptance_and_clearing_takes_it_back(
    sample: tuple[Project, list[str]],
) -> None:
    project, ids = sample
    state = project.set_verdict(ids[0], "bob", "2").changed[0]
    assert review_of(state, "bob").verdict == "refuted"
    assert state.status == "accepted" and state.verdict == "refuted"
    state = project.set_verdict(ids[0], "bob", None).changed[0]
    assert review_of(state, "bob").status == "proposed"
    assert state.verdict is None


def test_a_verdict_restores_a_rejected_claim_and_a_rejection_clears_the_verdict(
    sample: tuple[Project, list[str]],
) -> None:
    """A rejected claim never carries a verdict: the store applies one rule either way."""
    project, ids = sample
    project.reject(ids[0], "bob")
    state = project.set_verdict(ids[0], "bob", "supported").changed[0]
    review = review_of(state, "bob")
    assert (review.status, review.verdict) == ("accepted", "supported")
    state = project.reject(ids[0], "bob").changed[0]
    review = review_of(state, "bob")
    assert (review.status, review.verdict) == ("rejected", None)
    state = present(project.undo("bob")).changed[0]  # undoing the rejection brings the verdict back
    review = review_of(state, "bob")
    assert (review.status, review.verdict) == ("accepted", "supported")


def test_reviewers_never_overwrite_each_other(sample: tuple[Project, list[str]]) -> None:
    project, ids = sample
    project.set_verdict(ids[0], "bob", "supported")
    project.set_verdict(ids[0], "alice", "refuted")
    state = project.claim(ids[0])
    assert {r.reviewer: r.verdict for r in state.reviews} == {
        "alice": "refuted", "bob": "supported"}
    assert state.verdict is None  # reviewers disagree
    project.set_verdict(ids[0], "alice", "supported")
    assert project.claim(ids[0]).verdict == "supported"
    project.undo("alice")  # alice's undo touches only alice's work
    assert review_of(project.claim(ids[0]), "bob").verdict == "supported"
    assert review_of(project.claim(ids[0]), "alice").verdict == "refuted"


def test_undo_and_redo_to_any_depth_across_restarts(
    sample: tuple[Project, list[str]], backend_url: str
) -> None:
    project, ids = sample
    project.set_verdict(ids[0], "bob", "supported")
    project.add_source(ids[0], "bob", {"url": "https://example.org/x", "title": "X",
                                       "stance": "supports"})
    project.set_rationale(ids[1], "bob", "first\nsecond line")
    project.close()
    with Project.open(backend_url) as reopened:
        assert present(reopened.undo("bob")).event.payload["type"] == "rationale"
        assert present(reopened.undo("bob")).event.payload["type"] == "source_add"
        assert present(reopened.undo("bob")).event.payload["type"] == "verdict"
        assert reopened.undo("bob") is None
        assert reopened.claim(ids[0]).reviews == []
    with Project.open(backend_url) as reopened:
        assert present(reopened.redo("bob")).event.payload["type"] == "verdict"
        assert present(reopened.redo("bob")).event.payload["type"] == "source_add"
        review = review_of(reopened.claim(ids[0]), "bob")
        assert review.verdict == "supported"
        added = review.sources[0].accessed  # the day the source was added, when not given
        assert added is not None
        assert review.sources == [
            Source(url="https://example.org/x", title="X", stance="supports", accessed=added)
        ]
        # A new action forgets what could still have been redone.
        reopened.set_verdict(ids[2], "bob", "refuted")
        assert reopened.redo("bob") is None
        assert reopened.claim(ids[1]).review_by("bob") is None


def test_span_edit_merge_create_and_their_undo(sample: tuple[Project, list[str]]) -> None:
    project, ids = sample
    first, second = project.claim(ids[0]).claim, project.claim(ids[1]).claim
    state = project.set_span(ids[0], "bob", first.start, first.start + 11).changed[0]
    assert state.claim.text == "Plus de 300"
    project.undo("bob")
    assert project.claim(ids[0]).claim.text == first.text

    changed = {s.claim.id: s for s in project.merge_with_next(ids[0], "bob").changed}
    assert changed[ids[0]].claim.text == SAMPLE_TEXT[first.start : second.end]
    assert changed[ids[0]].live and not changed[ids[1]].live  # the next claim is merged away
    assert ids[1] not in [s.claim.id for s in project.claims()]
    project.undo("bob")
    assert [s.claim.id for s in project.claims()] == ids

    start = SAMPLE_TEXT.index("une prime")
    created = project.create_claim(first.article_id, "bob", start, start + 22).changed[0]
    assert created.claim.text == "une prime de 1 200 eur"
    assert created.claim.origin == "reviewer:bob"
    assert created.claim.id in [s.claim.id for s in project.claims()]
    project.undo("bob")
    assert created.claim.id not in [s.claim.id for s in project.claims()]
    project.redo("bob")
    assert created.claim.id in [s.claim.id for s in project.claims()]


def test_spans_are_checked(sample: tuple[Project, list[str]]) -> None:
    project, ids = sample
    with pytest.raises(ProjectError, match="outside article"):
        project.set_span(ids[0], "bob", 0, len(SAMPLE_TEXT) + 5)
    with pytest.raises(ProjectError, match="whitespace"):
        gap = SAMPLE_TEXT.index("\n\n")
        project.set_span(ids[0], "bob", gap, gap + 2)
    with pytest.raises(ProjectError, match="last of its article"):
        project.merge_with_next(ids[-1], "bob")


def test_bad_actions_are_refused_by_name(sample: tuple[Project, list[str]]) -> None:
    project, ids = sample
    with pytest.raises(ProjectError, match="unknown claim 'zzz'"):
        project.accept("zzz", "bob")
    with pytest.raises(ProjectError, match="unknown verdict 'maybe'"):
        project.set_verdict(ids[0], "bob", "maybe")
    with pytest.raises(ProjectError, match="url"):
        project.add_source(ids[0], "bob", {"url": "javascript:alert(1)"})
    with pytest.raises(ProjectError, match="control characters"):
        project.accept(ids[0], "bob\x1b[2J")
    assert project.history() == []


def test_claim_ids_resolve_from_a_prefix(sample: tuple[Project, list[str]]) -> None:
    project, ids = sample
    assert project.claim(ids[0][:6]).claim.id == ids[0]


def test_scale_is_chosen_per_project(tmp_path: Path) -> None:
    with Project.open(str(tmp_path / "n.db"), scale="newsroom") as project:
        assert project.scale.by_position(3).id == "misleading"
    with Project.open(str(tmp_path / "n.db")) as project:
        assert project.scale.name == "newsroom"


def test_scale_cannot_change_once_reviews_exist(sample: tuple[Project, list[str]],
                                                backend_url: str) -> None:
    project, ids = sample
    project.accept(ids[0], "bob")
    with pytest.raises(ProjectError, match="cannot change"):
        Project.open(backend_url, scale="fever")


def test_schema_is_versioned_and_migrates_an_old_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0](SqliteStore.column_types):
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.commit()
    conn.close()
    store = open_store(str(path))
    assert store.schema_version() == SCHEMA_VERSION
    with store.read() as tx:
        names = {r[0] for r in tx.all("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "reviews_by_reviewer" in names
    store.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_store(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this program"):
        open_store(str(path))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello, this is not sqlite\n" * 100)
    with pytest.raises(ProjectError, match="not a claims database"):
        Project.open(str(path))


def test_sqlite_file_is_in_wal_mode(project: Project, db_path: Path) -> None:
    project.add_article(SAMPLE_TEXT, claims=sample_claims())
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_article_summaries_count_progress(sample: tuple[Project, list[str]]) -> None:
    project, ids = sample
    project.set_verdict(ids[0], "bob", "1")
    project.reject(ids[1], "alice")
    project.set_rationale(ids[2], "bob", "pending")  # a note alone is not a decision
    (summary,) = project.articles()
    assert summary.n_claims == len(ids)
    assert summary.n_reviewed == 2
    assert project.articles("bob")[0].n_reviewed == 1
    assert summary.published == date(2025, 3, 4)


def _live_text_covered(project: Project) -> list[tuple[int, int]]:
    return sorted((s.claim.start, s.claim.end) for s in project.claims())


def test_undo_of_a_merge_that_another_merge_built_on_is_refused(
    sample: tuple[Project, list[str]],
) -> None:
    project, ids = sample
    project.merge_with_next(ids[1], "alice")  # alice: 1 + 2
    project.merge_with_next(ids[0], "bob")  # bob: 0 + (1 + 2)
    before = _live_text_covered(project)
    with pytest.raises(ProjectError, match="bob changed these claims since"):
        project.undo("alice")
    assert _live_text_covered(project) == before  # nothing overlaps, nothing vanished
    project.undo("bob")
    project.undo("alice")
    assert [s.claim.id for s in project.claims()] == ids


def test_redo_of_a_merge_over_a_later_span_edit_is_refused(
    sample: tuple[Project, list[str]],
) -> None:
    project, ids = sample
    first = project.claim(ids[0]).claim
    project.merge_with_next(ids[0], "alice")
    project.undo("alice")
    project.set_span(ids[0], "bob", first.start, first.end - 10)
    with pytest.raises(ProjectError, match="cannot redo the merge"):
        project.redo("alice")
    assert ids[1] in [s.claim.id for s in project.claims()]


def test_drawing_over_a_merged_or_moved_claim_is_refused_clearly(
    sample: tuple[Project, list[str]],
) -> None:
    project, ids = sample
    first, second = project.claim(ids[0]).claim, project.claim(ids[1]).claim
    project.merge_with_next(ids[0], "bob")
    with pytest.raises(ProjectError, match=f"merged into {ids[0]}"):
        project.create_claim(first.article_id, "alice", second.start, second.end)
    project.undo("bob")
    project.set_span(ids[1], "bob", second.start, second.end - 6)
    with pytest.raises(ProjectError, match="already covers exactly"):
        project.create_claim(first.article_id, "alice", second.start, second.end - 6)
    with pytest.raises(ProjectError, match="edit its boundaries instead"):
        project.create_claim(first.article_id, "alice", second.start, second.end)


def test_log_of_a_merged_claim_shows_the_undo_of_the_merge(
    sample: tuple[Project, list[str]],
) -> None:
    project, ids = sample
    project.merge_with_next(ids[0], "bob")
    project.undo("bob")
    assert [e.type for e in project.history(ids[1])] == ["merge", "undo"]


def test_a_boundary_edit_finds_the_speaker_inside_the_new_span(
    sample: tuple[Project, list[str]],
) -> None:
    project, ids = sample
    quote = SAMPLE_TEXT.index("« Nous")
    end = SAMPLE_TEXT.index("Morel.") + len("Morel.")
    third = project.claim(ids[2]).claim
    assert third.start == quote  # the hand-made claims carry no speaker
    state = project.set_span(ids[2], "bob", quote, end).changed[0]
    assert state.claim.speaker is not None and "Morel" in state.claim.speaker
    project.undo("bob")
    assert project.claim(ids[2]).claim.speaker is None
