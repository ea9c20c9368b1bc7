"""The user's annotator settings: the keymap and how the review flow moves.

The file is TOML, at `$CLAIMS_CONFIG`, else `$XDG_CONFIG_HOME/claims/config.toml`, else
`~/.config/claims/config.toml`::

    [keymap]
    "claim.down" = "j,down,ctrl+n"
    "claim.reject" = "d"

    [annotator]
    auto_advance = false   # stay on a claim after its verdict or rejection (default: true)

Binding ids are listed by `?` in the annotator and in `annotator.keymap`. A missing file is
no error; a broken one is reported by name and ignored, so a typo never locks a reviewer out.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from annotator.keymap import KNOWN_IDS

__all__ = ["Config", "config_path", "load_config"]


@dataclass
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    auto_advance: bool = True
    """After a verdict or a rejection, go to the next claim of the queue."""
    problems: list[str] = field(default_factory=list)
    """Messages about the file (unknown ids, bad values), shown once at start."""
    path: Path | None = None


def config_path() -> Path:
    explicit = os.environ.get("CLAIMS_CONFIG")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "claims" / "config.toml"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    config = Config(path=path)
    if not path.is_file():
        return config
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        config.problems.append(f"{path}: not read ({exc}); default keys are used")
        return config
    settings = data.get("annotator", {})
    if not isinstance(settings, dict):
        config.problems.append(f"{path}: [annotator] must be a table of settings")
        settings = {}
    for name, value in settings.items():
        if name == "auto_advance":
            if isinstance(value, bool):
                config.auto_advance = value
            else:
                config.problems.append(f"{path}: [annotator] auto_advance must be true or false")
        else:
            config.problems.append(f"{path}: unknown setting {name!r} in [annotator]")
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        config.problems.append(f"{path}: [keymap] must be a table of id = \"keys\"")
        return config
    for binding_id, keys in keymap.items():
        if binding_id not in KNOWN_IDS:
            config.problems.append(f"{path}: unknown binding id {binding_id!r} in [keymap]")
            continue
        if not isinstance(keys, str) or not keys.strip():
            config.problems.append(f"{path}: keymap {binding_id!r} must be a non-empty string")
            continue
        config.keymap[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    return config
