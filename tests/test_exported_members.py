"""Every annotator module that another module imports from says what it exports (`__all__`),
and says it truly: each name imported from it elsewhere is listed, each listed name exists.

Read from the source (no module is imported), so it runs in a blink and without Textual.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("annotator", "claims", "exports", "tests", "bench")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_of(module: str) -> Path:
    base = ROOT.joinpath(*module.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def _imports_from_annotator() -> dict[str, dict[str, str]]:
    """annotator module -> name imported from it -> one importer (for the failure message)."""
    found: dict[str, dict[str, str]] = {}
    for folder in SCANNED:
        for path in (ROOT / folder).rglob("*.py"):
            me = _module_name(path)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                        and node.module.split(".")[0] == "annotator" and node.module != me):
                    for alias in node.names:
                        found.setdefault(node.module, {}).setdefault(alias.name, me)
    return found


def _declared(tree: ast.Module) -> list[str] | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return [str(name) for name in value]
    return None


def _bound(tree: ast.Module) -> set[str]:
    """The names a module's top level binds (definitions, assignments, imports), including
    those bound only for type checkers."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


IMPORTED = _imports_from_annotator()


def test_the_scan_finds_the_annotator_modules_other_code_uses() -> None:
    assert "annotator.app" in IMPORTED and "ClaimsApp" in IMPORTED["annotator.app"]
    assert len(IMPORTED) > 30


@pytest.mark.parametrize("module", sorted(IMPORTED))
def test_imported_names_are_exported(module: str) -> None:
    path = _source_of(module)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    declared = _declared(tree)
    package = path.parent if path.name == "__init__.py" else None
    wanted = {
        name: importer for name, importer in IMPORTED[module].items()
        if not name.startswith("_")
        and not (package and (_source_of(f"{module}.{name}").exists()))  # a submodule
    }
    if not wanted:
        return
    assert declared is not None, f"{module} has no __all__; {sorted(wanted)} are imported from it"
    missing = {name: importer for name, importer in wanted.items() if name not in declared}
    assert not missing, f"{module}.__all__ lacks names imported elsewhere: {missing}"
    assert len(set(declared)) == len(declared), f"{module}.__all__ lists a name twice"
    unbound = sorted(set(declared) - _bound(tree))
    assert not unbound, f"{module}.__all__ lists names it does not define: {unbound}"


def test_no_private_name_is_imported_across_modules() -> None:
    private = sorted(f"{module}.{name} (in {importer})"
                     for module, names in IMPORTED.items()
                     for name, importer in names.items()
                     if name.startswith("_") and not importer.startswith("tests."))
    assert not private
