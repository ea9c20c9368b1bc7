"""The terminal-safety table for the annotator and the command line (see `claims.terminal`)."""

from __future__ import annotations

from claims.terminal import C1_PLACEHOLDER, KEEP, clean, clean_line, escape_json

__all__ = ["C1_PLACEHOLDER", "KEEP", "clean", "clean_line", "escape_json"]
