"""The layering of ARCHITECTURE.md, read from the imports themselves.

Each package may only import downwards: `models` nothing of ours, the core (`secretariat`
outside its command line) neither the document writers nor the screens nor Qt, the writers
no screens and no Qt. The command line (`secretariat/cli/`) and `ui/` sit on top and may reach
everything. Imports inside functions count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

QT = ("PySide6", "shiboken6")
OURS = ("models", "secretariat", "exports", "ui", "resources")


def _forbidden_for(path: Path) -> tuple[str, ...]:
    """The top-level modules a file of ours may not import, by where it lives."""
    parts = path.relative_to(ROOT).parts
    if parts[0] == "models":
        return ("secretariat", "exports", "ui", *QT)
    if parts[0] == "secretariat":
        if parts[1] in ("cli", "__main__.py"):
            return ()
        return ("exports", "ui", "secretariat.cli", *QT)
    if parts[0] == "exports":
        return ("ui", "secretariat.cli", *QT)
    return ()


def imported_modules(source: str) -> set[str]:
    """Every module a source imports, absolute, wherever in the file the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def upward_imports(path: Path, source: str) -> list[str]:
    forbidden = _forbidden_for(path)
    return sorted(
        module for module in imported_modules(source)
        if any(module == name or module.startswith(name + ".") for name in forbidden)
    )


def _our_files() -> list[Path]:
    tops = ("models", "secretariat", "exports")
    return sorted(path for top in tops for path in (ROOT / top).rglob("*.py"))


@pytest.mark.parametrize("path", _our_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_upward_import(path):
    assert upward_imports(path, path.read_text(encoding="utf-8")) == []


def test_relative_imports_are_not_used():
    """The check reads absolute imports; a relative one would slip past it."""
    relative = [
        str(path.relative_to(ROOT)) for path in _our_files()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert relative == []


@pytest.mark.parametrize(("where", "source", "expected"), [
    ("models/x.py", "from secretariat.errors import DomainError", ["secretariat.errors",
                                                                   "secretariat.errors.DomainError"]),
    ("secretariat/meetings/x.py", "def f():\n    from exports.pdf import minutes", ["exports.pdf",
                                                                                   "exports.pdf.minutes"]),
    ("secretariat/storage/x.py", "import PySide6.QtCore", ["PySide6.QtCore"]),
    ("secretariat/home/x.py", "from secretariat import cli", ["secretariat.cli"]),
    ("exports/pdf/x.py", "from ui.errors import show", ["ui.errors", "ui.errors.show"]),
    ("secretariat/cli/x.py", "from ui.app import run_gui", []),
    ("exports/pdf/x.py", "from secretariat.documents.letterhead import Letterhead", []),
])
def test_the_check_sees_an_upward_import(where, source, expected):
    assert upward_imports(ROOT / where, source) == expected
