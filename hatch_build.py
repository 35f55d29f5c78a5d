"""Build hook: compile the message catalogs (`planctl/locale/*/LC_MESSAGES/planctl.po`).

A wheel gets the compiled `.mo` files and no `.po`. An editable install (`pip install
-e .`) runs the package from the source folder, so there the `.mo` files are written
beside their `.po` (git ignores them). The compiling itself is `tools/catalog.py`'s.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _catalog_tools(root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("planctl_catalog", root / "tools" / "catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        tools = _catalog_tools(root)
        locale_dir = root / "planctl" / "locale"
        if version == "editable":
            tools.compile_catalogs(locale_dir)
            return
        self._compiled = Path(tempfile.mkdtemp(prefix="planctl-mo-"))
        for mo in tools.compile_catalogs(locale_dir, self._compiled):
            inside = mo.relative_to(self._compiled).as_posix()
            build_data["force_include"][str(mo)] = f"planctl/locale/{inside}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        compiled = getattr(self, "_compiled", None)
        if compiled is not None:
            shutil.rmtree(compiled, ignore_errors=True)
