"""Public surface: a module's `__all__` says what the rest of the code may import from it.

For every module of `claims`, `exports` and `annotator` that declares `__all__`: every name it
lists exists, none twice, and every name another module of these packages imports from it is
listed. Modules of `claims` and `annotator` that others import from must declare one.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("claims", "exports", "annotator")

MUST_DECLARE = ("claims", "annotator")
"""Packages every module of which, when another module imports from it, declares `__all__`."""
NOT_YET: tuple[str, ...] = ()
"""Inside those, the parts that do not declare theirs yet (each part adds its own)."""


@dataclass(frozen=True)
class Import:
    module: str
    name: str
    where: str


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    return {
        _module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "__pycache__" not in path.parts and path.name != "__main__.py"  # runs on import
    }


def _imports(sources: dict[str, Path]) -> list[Import]:
    """Every `from OUR_MODULE import NAME` of one module of ours from another."""
    found = []
    for importer, path in sources.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level or node.module is None:
                continue
            if node.module == importer or node.module not in sources:
                continue
            for alias in node.names:
                if alias.name == "*" or f"{node.module}.{alias.name}" in sources:
                    continue  # a submodule, not a member
                found.append(Import(node.module, alias.name, f"{importer}:{node.lineno}"))
    return found


def _declared(module: str) -> list[str] | None:
    exported = getattr(importlib.import_module(module), "__all__", None)
    return None if exported is None else list(exported)


def _problems(sources: dict[str, Path], imports: list[Import]) -> list[str]:
    problems = []
    imported_from: dict[str, list[Import]] = defaultdict(list)
    for imp in imports:
        imported_from[imp.module].append(imp)
    for module in sorted(sources):
        declared = _declared(module)
        if declared is None:
            required = module.split(".")[0] in MUST_DECLARE and not any(
                module == part or module.startswith(part + ".") for part in NOT_YET
            )
            if required and imported_from.get(module):
                problems.append(f"{module}: imported from elsewhere but declares no __all__")
            continue
        mod = importlib.import_module(module)
        problems += [f"{module}.__all__: {name!r} does not exist"
                     for name in declared if not hasattr(mod, name)]
        problems += [f"{module}.__all__: {name!r} is listed twice"
                     for name in sorted({n for n in declared if declared.count(n) > 1})]
        problems += [f"{imp.where}: imports {imp.name!r} from {module}, which does not export it"
                     for imp in imported_from.get(module, []) if imp.name not in declared]
    return problems


def test_every_module_exports_what_the_rest_of_the_code_imports() -> None:
    sources = _sources()
    assert _problems(sources, _imports(sources)) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_is_read(package: str) -> None:
    """The walk above sees every importable module of the package."""
    sources = _sources()
    walked = {info.name for info in pkgutil.walk_packages([str(ROOT / package)],
                                                          prefix=f"{package}.")}
    assert {name for name in walked if not name.endswith(".__main__")} <= set(sources)


def test_the_check_catches_a_name_missing_from_all() -> None:
    """A module that hides a name another imports, and one that lists a name it lacks, are
    both reported."""
    sources = _sources()
    imports = _imports(sources)
    before = _problems(sources, imports)
    wanted = Import("claims.errors", "NoSuchName", "claims.project:1")
    added = [p for p in _problems(sources, [*imports, wanted]) if p not in before]
    assert added == ["claims.project:1: imports 'NoSuchName' from claims.errors, which "
                     "does not export it"]
    errors = importlib.import_module("claims.errors")
    original = list(errors.__all__)
    setattr(errors, "__all__", [*original, "Missing"])  # noqa: B010
    try:
        added = [p for p in _problems(sources, imports) if p not in before]
        assert added == ["claims.errors.__all__: 'Missing' does not exist"]
    finally:
        setattr(errors, "__all__", original)  # noqa: B010
