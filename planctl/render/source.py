"""The plan a render starts from: through the plan gate, with its repository's registry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planctl import repository
from planctl.errors import InputError
from planctl.findings import JsonPath, place
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.plans import open_file, require_registry
from planctl.units import UnitRegistry
from planctl.yamlio import Document

# What a file the gate trusts is, when it is not a plan.
_NOT_A_PLAN = {
    "report": N_("this is a progress report, not a plan"),
    "review": N_("this is a review of progress reports, not a plan"),
    "calendar": N_("this is the workdays calendar, not a plan"),
    "bulletin": N_("this is the office's text of a 督查通报, not a plan"),
}


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
    if not path.is_file():
        raise InputError(
            _("no such plan file"),
            where=str(path),
            hint=_("name a plan's .yaml file, e.g. plans/<id>.yaml"),
        )
    opened = open_file(path, repository.display_path(path))
    if opened.kind == "units":
        raise InputError(
            _("this is the unit registry, not a plan"),
            where=opened.document.file,
            hint=_("name a plan file under plans/"),
        )
    if not opened.trusted:
        raise opened.refuse("render")
    if opened.kind != "plan":
        raise InputError(
            _(_NOT_A_PLAN[opened.kind]),
            where=opened.document.file,
            hint=_("name a plan file under plans/"),
        )
    root = repository.find_root(path.resolve().parent)
    units_path = repository.Repository(root).units_path if root else None
    units = require_registry(units_path, doing="render") if units_path else None
    return Source(opened.plan(), opened.document, root, units)
