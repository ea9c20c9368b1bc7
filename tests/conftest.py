"""Fixtures shared by the whole suite: a fresh project and a small article of our own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from claims.model import Claim, article_id_for, claim_id_for
from claims.project import Project

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

SAMPLE_TEXT = (
    "Plus de 300 ouvriers ont quitté mardi le chantier naval de Saint-Brieuc. "
    "La direction a promis une prime de 1 200 euros.\n\n"
    "« Nous ne reviendrons pas sans garanties », a déclaré la syndicaliste Anne Morel. "
    "La grève devrait durer jusqu'au 14 mars."
)


def sample_claims(text: str = SAMPLE_TEXT) -> list[Claim]:
    """One claim per sentence, built by hand so store tests do not depend on the extractor."""
    article_id = article_id_for(text)
    claims, start = [], 0
    for piece in text.replace("\n\n", " ").split(". "):
        piece = piece.strip()
        if not piece:
            continue
        start = text.index(piece, start)
        end = start + len(piece)
        claims.append(
            Claim(id=claim_id_for(article_id, start, end), article_id=article_id, start=start,
                  end=end, text=text[start:end], kind="other", score=0.5, reasons=["sentence"],
                  origin="extractor/test")
        )
        start = end
    return claims


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    from tests.pg import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL on each backend in turn."""
    if request.param == "sqlite":
        return str(tmp_path / "claims.db")
    from tests.pg import fresh_database

    return fresh_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def project(db_path: Path) -> Iterator[Project]:
    with Project.open(str(db_path)) as p:
        yield p


@pytest.fixture
def sample(backend_url: str) -> Iterator[tuple[Project, list[str]]]:
    """A project (on each backend) holding SAMPLE_TEXT with hand-made claims, and its ids."""
    with Project.open(backend_url) as project:
        yield _fill(project)


def _fill(project: Project) -> tuple[Project, list[str]]:
    result = project.add_article(
        SAMPLE_TEXT, lang="fr", title="Grève au chantier", published=date(2025, 3, 4),
        claims=sample_claims(),
    )
    assert result.created
    return project, [s.claim.id for s in project.claims(result.article.id)]


def shared_file(*parts: str) -> Path:
    """A file of ../shared, or skip the test saying why."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (public evaluation data lives beside the project)")
    return path
