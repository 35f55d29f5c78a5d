"""planctl: government work plans as code — validate, format, render, diff and import.

The library's public face, one function per command (imported on first use, so that
`import planctl` stays cheap):

- `validate(paths)` → a `Report` of findings (`planctl validate`);
- `format_files(paths, check=False)` → a `FormatReport` (`planctl fmt`);
- `render(plan, document=..., fmt=...)` → a `RenderResult` (`planctl render`);
- `diff_revisions(*names, paths=None)` → a `DiffResult` (`planctl diff`), and
  `diff_plans(old, new)`, the changes between two `Plan`s;
- `task_history(cwd, task_id)` → a `TaskHistory` (`planctl log`);
- `run_import(ImportRequest(source))` → an `ImportOutcome` (`planctl import`);
- `open_plan(path)` / `open_plan_bytes(raw, name)`: a file through the plan gate, the
  one trust policy every command applies (`Opened.plan()` is the typed plan).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

__version__ = "0.1.0"

# public name -> "module:attribute"
_PUBLIC = {
    "validate": "planctl.validate:validate",
    "format_files": "planctl.fmt:format_files",
    "render": "planctl.render:render",
    "diff_revisions": "planctl.diff:diff_revisions",
    "diff_plans": "planctl.diff:diff_plans",
    "task_history": "planctl.history:task_history",
    "run_import": "planctl.importer.service:run_import",
    "ImportRequest": "planctl.importer.service:ImportRequest",
    "open_plan": "planctl.plans:open_file",
    "open_plan_bytes": "planctl.plans:open_bytes",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    """Import a public function's module when the function is first asked for."""
    target = _PUBLIC.get(name)
    if target is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module_name, attribute = target.split(":")
    return getattr(importlib.import_module(module_name), attribute)


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])


class _PublicFace(ModuleType):
    """`planctl.validate` and `planctl.render` name the public functions even once their
    packages are imported: importing `planctl.validate` sets that attribute on `planctl`,
    and here the function keeps the name (the package stays in `sys.modules`)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _PUBLIC and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _PublicFace
