"""Untrusted text made safe for a terminal, without Rich: the one table the CLI, the TUI and
the exports to standard output share.

Every C0 and C1 control character, DEL, and the bidirectional overrides that could reorder
what a reviewer reads are replaced by a visible placeholder, one character for one, so offsets
into the article stay valid on screen. ESC becomes U+241B (the "ESC" symbol), so an injected
CSI or OSC sequence shows as inert text such as ``␛]0;title␇``.
"""

from __future__ import annotations

import re

__all__ = ["C1_PLACEHOLDER", "KEEP", "clean", "clean_line", "escape_json"]

KEEP = frozenset("\n\t")
"""Controls that are layout, not commands; the views handle them."""

C1_PLACEHOLDER = "\ufffd"
"""C1 controls (U+0080..U+009F) have no symbol of their own; the replacement character shows."""


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        if chr(code) not in KEEP:
            table[code] = chr(0x2400 + code)  # SYMBOL FOR NULL .. SYMBOL FOR UNIT SEPARATOR
    table[0x7F] = "\u2421"  # SYMBOL FOR DELETE
    for code in range(0x80, 0xA0):
        table[code] = C1_PLACEHOLDER
    # Bidi embeddings, overrides and isolates can make a claim read backwards.
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C):
        table[code] = "\u2426"  # SYMBOL FOR SUBSTITUTE FORM TWO
    # Line and paragraph separators would break the one-line layout of lists.
    table[0x2028] = "\u2424"
    table[0x2029] = "\u2424"
    return table


_TABLE = _build_table()
_ONE_LINE = {**_TABLE, ord("\n"): "\u2424", ord("\t"): " "}


def _json_escapes() -> dict[bytes, bytes]:
    # Every character `clean` replaces that JSON may carry raw (orjson escapes C0 itself).
    codes = [0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A),
             0x200E, 0x200F, 0x061C, 0x2028, 0x2029]
    return {chr(c).encode("utf-8"): f"\\u{c:04x}".encode() for c in codes}


_JSON_ESCAPES = _json_escapes()
_JSON_PATTERN = re.compile(b"|".join(re.escape(k) for k in _JSON_ESCAPES))


def escape_json(data: bytes) -> bytes:
    """UTF-8 JSON with DEL, C1 controls, bidi controls and line separators as \\uXXXX escapes.

    The JSON means exactly the same (any parser reads the same strings back); only a terminal
    showing it raw is protected. These characters can only occur inside JSON strings, so a
    byte-level replacement is exact.
    """
    return _JSON_PATTERN.sub(lambda m: _JSON_ESCAPES[m.group(0)], data)


def clean(text: str) -> str:
    """`text` with every control character replaced by one visible placeholder.

    Newlines and tabs are kept; ``len(clean(t)) == len(t)`` always.
    """
    return text.translate(_TABLE)


def clean_line(text: str) -> str:
    """`text` for a one-line place (a list row, a header): newlines show as U+2424, tabs as spaces."""
    return text.translate(_ONE_LINE)
