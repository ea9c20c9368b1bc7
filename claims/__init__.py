"""claims: split news articles into checkable claims and review them.

This package is the domain (models, extraction, storage). It never imports Textual or Rich.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
