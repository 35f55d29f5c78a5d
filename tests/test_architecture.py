"""The shape of the code: the core library knows nothing of the terminal."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

TERMINAL_LIBRARIES = {"typer", "rich", "click"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_never_imports_typer_or_rich() -> None:
    package = ROOT / "planctl"
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & TERMINAL_LIBRARIES)
        for path in package.rglob("*.py")
        if "cli" not in path.relative_to(package).parts
        and imported_modules(path) & TERMINAL_LIBRARIES
    }
    assert offenders == {}


def test_only_yamlio_parses_yaml_for_reading() -> None:
    readers = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "planctl").rglob("*.py")
        if "yaml" in imported_modules(path)
    }
    assert readers == {
        "planctl/yamlio/__init__.py",
        "planctl/yamlio/comments.py",
        "planctl/yamlio/events.py",
        "planctl/yamlio/fast.py",
    }
