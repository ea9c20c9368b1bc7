"""Untrusted text (articles, sources, reviewer names, rationales) made safe to show.

Text that comes from outside is content, never markup, and never reaches the terminal as
commands: every C0 and C1 control character, DEL, and the bidirectional overrides that could
reorder what a reviewer reads are replaced by a visible placeholder, one character for one,
so offsets into the article stay valid on screen. ESC becomes U+241B (the "ESC" symbol), so an
injected CSI or OSC sequence shows as inert text such as ``␛]0;title␇``.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from annotator.plain_text import C1_PLACEHOLDER, KEEP, clean, clean_line

__all__ = ["C1_PLACEHOLDER", "KEEP", "clean", "clean_line", "content", "line"]


def content(text: str | None, style: str | Style = "") -> Text:
    """A Rich `Text` holding `text` literally: no markup parsing, controls made visible."""
    return Text(clean(text or ""), style=style, end="")


def line(text: str | None, style: str | Style = "", *, limit: int | None = None) -> Text:
    """Like `content`, for one line: newlines and tabs flattened, optionally cut to `limit` chars."""
    value = clean_line(text or "")
    if limit is not None and len(value) > limit:
        value = value[: max(0, limit - 1)] + "\u2026"
    return Text(value, style=style, end="", no_wrap=True, overflow="ellipsis")
