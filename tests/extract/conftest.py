"""Shared fixtures for the extractor tests: the reference article, read by path when present."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
REFERENCE = SHARED / "seed" / "article.fr.txt"


@pytest.fixture(scope="session")
def reference_text() -> str:
    if not REFERENCE.is_file():
        reason = f"reference article {REFERENCE} is absent (../shared not mounted)"
        print(reason)
        pytest.skip(reason)
    return REFERENCE.read_text(encoding="utf-8")
