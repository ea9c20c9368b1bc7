"""Dataset writers and readers: reviewed claims out as JSONL, FEVER, AVeriTeC, ClaimReview or
CSV; reviews exported elsewhere back in. Never imports Textual or Rich.

The public surface, for the command line and the annotator's command palette:

    exports.FORMATS                     name -> ExportFormat (description, suffix, ...)
    exports.write_file(project, fmt, path, *, reviewer=None, status=None, article=None,
                       since=None, with_articles=False, publisher=None, progress=None) -> int
        Writes atomically (temp file, fsync, rename); path "-" is stdout. Returns the number
        of records. `progress(scanned, total)` is called every few thousand claims. Raises
        `ProjectError` (subclass `ExportError`) with a message naming the path on failure.
        Reads through its own database connection, so run it in a worker thread and keep
        reviewing meanwhile.
    exports.write_stream(project, fmt, out, *, filters=None, publisher=None, progress=None)
    exports.import_file(project, path, *, dry_run=False, progress=None) -> ImportReport
    exports.json_schema() -> dict       the JSON Schema of a native JSONL line
    exports.validate_file(path) -> ValidationReport
    exports.label_table_markdown() -> str

Submodules load on first use (`__getattr__`), so `import exports` is cheap; the same names are
imported under `TYPE_CHECKING` for type checkers. The formats themselves live in
`exports/formats/`, one module each.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what `__getattr__` loads on first use, as type checkers should see it
    from exports.common import Publisher
    from exports.importer import ImportReport, import_file
    from exports.labels_table import label_table_markdown
    from exports.reader import Filters
    from exports.records import ExportRecord, json_schema
    from exports.registry import FORMATS, ExportFormat, get_format
    from exports.validate import ValidationReport, validate_file
    from exports.writer import ExportError, write_file, write_stream

_LAZY: dict[str, str] = {
    "FORMATS": "exports.registry",
    "ExportFormat": "exports.registry",
    "get_format": "exports.registry",
    "write_file": "exports.writer",
    "write_stream": "exports.writer",
    "ExportError": "exports.writer",
    "Filters": "exports.reader",
    "Publisher": "exports.common",
    "import_file": "exports.importer",
    "ImportReport": "exports.importer",
    "json_schema": "exports.records",
    "ExportRecord": "exports.records",
    "validate_file": "exports.validate",
    "ValidationReport": "exports.validate",
    "label_table_markdown": "exports.labels_table",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'exports' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "ExportError",
    "ExportFormat",
    "ExportRecord",
    "FORMATS",
    "Filters",
    "ImportReport",
    "Publisher",
    "ValidationReport",
    "get_format",
    "import_file",
    "json_schema",
    "label_table_markdown",
    "validate_file",
    "write_file",
    "write_stream",
]
"""The lazy names, written out for tools that read `__all__` (a test keeps it equal to
`_LAZY`)."""
