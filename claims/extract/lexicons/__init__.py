"""Per-language word lists for the extractor, kept as data so a language is a JSON file.

Each `<lang>.json` next to this module holds abbreviations, month and weekday names,
comparator phrases, number words, speech verbs and the like. `load(lang)` reads one file
once per process; `available()` lists the languages shipped.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LANG = "en"
_LEXICON_FILE = re.compile(r"[a-z]{2,3}\.json")


@cache
def available() -> tuple[str, ...]:
    files = resources.files(__name__)
    return tuple(
        sorted(
            entry.name[: -len(".json")]
            for entry in files.iterdir()
            if _LEXICON_FILE.fullmatch(entry.name)
        )
    )


@cache
def load(lang: str) -> dict[str, Any]:
    """The lexicon of `lang`, or of English when the language is not shipped."""
    if lang not in available():
        lang = DEFAULT_LANG
    raw = resources.files(__name__).joinpath(f"{lang}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data
