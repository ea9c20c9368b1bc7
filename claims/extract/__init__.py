"""Turn an article's text into proposed claims: the one seam the store, CLI and TUI call.

`extract(text, lang=..., published=...)` returns `Claim` objects whose `text` is always
`text[start:end]`. The pipeline behind it lives in `claims.extract.pipeline`.
"""

from claims.extract.pipeline import EXTRACTOR_VERSION, detect_language, extract

__all__ = ["EXTRACTOR_VERSION", "detect_language", "extract"]
