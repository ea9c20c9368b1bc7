"""The keymap config file: remaps by binding id, reports mistakes without failing."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.config import config_path, load_config
from annotator.keymap import ALL_KEYS, KNOWN_IDS


def test_missing_file_is_the_default(tmp_path: Path) -> None:
    config = load_config(tmp_path / "none.toml")
    assert config.keymap == {} and config.problems == []


def test_keymap_is_read_and_mistakes_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[keymap]\n"claim.down" = "j, ctrl+n"\n"no.such" = "z"\n"claim.reject" = ""\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.keymap == {"claim.down": "j,ctrl+n"}
    assert any("no.such" in p for p in config.problems)
    assert any("claim.reject" in p for p in config.problems)


def test_broken_toml_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[keymap\n", encoding="utf-8")
    config = load_config(path)
    assert config.keymap == {} and "not read" in config.problems[0]


def test_config_path_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMS_CONFIG", str(tmp_path / "c.toml"))
    assert config_path() == tmp_path / "c.toml"
    monkeypatch.delenv("CLAIMS_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_path() == tmp_path / "claims" / "config.toml"


def test_every_binding_has_a_unique_id() -> None:
    ids = [k.id for _, group in ALL_KEYS for k in group]
    assert len(ids) == len(set(ids)) == len(KNOWN_IDS)
