"""The domain and the exporters stay reachable without the TUI: no Textual, no Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _modules(package: str) -> list[str]:
    path = ROOT / package
    names = [package]
    for info in pkgutil.walk_packages([str(path)], prefix=f"{package}."):
        names.append(info.name)
    return names


@pytest.mark.parametrize("package", ["claims", "exports"])
def test_core_never_imports_the_ui(package: str) -> None:
    modules = _modules(package)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"{package} pulled in: {done.stdout.strip()}"


def test_the_command_line_starts_without_textual() -> None:
    code = (
        "import sys\n"
        "from annotator.cli import main\n"
        "try:\n"
        "    main.main(args=['list', '--help'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('textual' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.strip().endswith("False"), done.stdout + done.stderr


def _imported(path: Path) -> set[str]:
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_nothing_imports_the_app_back() -> None:
    """The app imports its screens; screens, dialogs, widgets and the palette see it only
    through `annotator.services.AnnotatorApp`, even for type checking."""
    annotator = ROOT / "annotator"
    offenders = [
        str(path.relative_to(ROOT)) for path in sorted(annotator.rglob("*.py"))
        if path != annotator / "app.py" and path.parent != annotator / "cli"
        and {"annotator.app", "annotator.app.ClaimsApp"} & _imported(path)
    ]
    assert offenders == []


def test_the_command_line_is_its_own_package() -> None:
    assert not list((ROOT / "annotator").glob("cli_*.py"))
    assert (ROOT / "annotator" / "cli" / "__init__.py").is_file()
