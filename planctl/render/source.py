"""The plan a render starts from: through the plan gate, with its repository's registry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planctl import repository
from planctl.findings import JsonPath, place
from planctl.model import Plan
from planctl.plans import open_plan_file, require_registry
from planctl.units import UnitRegistry
from planctl.yamlio import Document


# What a file the gate trusts is, when it is not a plan.
@dataclass(frozen=True)
class Source:
    """A plan ready to render, and where it came from."""

    plan: Plan
    document: Document
    root: Path | None  # the plan repository, when the file sits in one
    units: UnitRegistry | None

    def where(self, path: JsonPath) -> str:
        """`file:line:column` of the value at `path`."""
        return place(self.document.file, *self.document.locate(path))

    @property
    def templates_dir(self) -> Path | None:
        return repository.Repository(self.root).templates_dir if self.root else None


def load_source(path: Path) -> Source:
    """Read the plan at `path` through the plan gate; refuse what the gate refuses."""
    opened = open_plan_file(path, repository.display_path(path), doing="render")
    root = repository.find_root(path.resolve().parent)
    units_path = repository.Repository(root).units_path if root else None
    units = require_registry(units_path, doing="render") if units_path else None
    return Source(opened.plan(), opened.document, root, units)
