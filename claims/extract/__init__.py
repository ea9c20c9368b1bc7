"""Turn an article's text into proposed claims: the one seam the store, CLI and TUI call.

`extract(text, lang=..., published=...)` returns `Claim` objects whose `text` is always
`text[start:end]`. `extract_records` gives the same claims as DESIGN.md's JSONL line dicts
(`claims extract`), and `extract_many` streams them for a JSONL corpus on several cores.
The pipeline behind them lives in `claims.extract.pipeline`; it imports no UI.
"""

from claims.extract.pipeline import (
    EXTRACTOR_VERSION,
    detect_language,
    extract,
    extract_records,
)
from claims.extract.pool import extract_many

__all__ = ["EXTRACTOR_VERSION", "detect_language", "extract", "extract_many", "extract_records"]
