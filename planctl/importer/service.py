"""`planctl import` as a library call: read a document, write a draft plan, check it.

The plan goes to `plans/<id>.yaml` in the repository (or the path given, or stdout);
with `add_units`, unknown units are appended to `plans/units.yaml` first, so that the
plan validates at once. The outcome carries everything the command reports.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from planctl import repository as repo
from planctl.atomic import boundary, write_atomic
from planctl.errors import InputError, UsageError
from planctl.i18n import _, quote
from planctl.importer.document import Imported, import_source
from planctl.importer.reader import read_source
from planctl.importer.registry_file import add_units
from planctl.importer.revise import Revision, revise
from planctl.importer.writer import render
from planctl.plans import open_file, require_registry
from planctl.validate import FileResult, check_document
from planctl.yamlio import load_text

STDOUT = Path("-")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class ImportRequest:
    """What to import and where: `output` None means plans/<id>.yaml, `-` means stdout."""

    source: Path
    output: Path | None = None
    plan_id: str | None = None
    add_units: bool = False
    force: bool = False
    into: Path | None = None  # an existing plan to update from a revised document


@dataclass
class ImportOutcome:
    imported: Imported
    text: str
    output: Path | None  # None: written to stdout by the caller
    added_units: list[str] = field(default_factory=list)
    check: FileResult | None = None
    revision: Revision | None = None  # what `--into` matched, added and removed

    @property
    def errors(self) -> int:
        from planctl.findings import Severity

        findings = self.check.findings if self.check else ()
        return sum(1 for f in findings if f.severity is Severity.ERROR)


def run_import(request: ImportRequest, cwd: Path | None = None) -> ImportOutcome:
    """Import `request.source`; write the plan (and new units); check the result."""
    here = cwd or Path.cwd()
    if request.into is not None:
        return _run_into(request, here)
    output, plan_id = _destination(request, here)
    source = read_source(request.source)
    root = repo.find_root(output.parent if output is not None else here)
    units_path = repo.Repository(root).units_path if root is not None else None
    registry = require_registry(units_path, doing="import") if units_path is not None else None
    imported = import_source(source, plan_id, registry)
    added = _add_units(request, imported, units_path)
    text = render(imported.data, imported.unplaced, schema_path=_schema_path(output, root))
    if output is not None:
        write_atomic(output, text, within=boundary(output, root), protect=[request.source])
    if added and units_path is not None:
        registry = require_registry(units_path, doing="import")
    shown = repo.display_path(output) if output is not None else f"{plan_id}.yaml"
    check = check_document(load_text(text, shown), registry)
    return ImportOutcome(imported, text, output, added, check)


def _run_into(request: ImportRequest, here: Path) -> ImportOutcome:
    """Update the plan `request.into` from the revised document `request.source`."""
    assert request.into is not None
    target = request.into if request.into.is_absolute() else here / request.into
    plan_text, plan_id = _plan_to_update(request, target)
    source = read_source(request.source)
    root = repo.find_root(target.parent)
    units_path = repo.Repository(root).units_path if root is not None else None
    registry = require_registry(units_path, doing="import") if units_path is not None else None
    imported = import_source(source, plan_id, registry)
    if not imported.tasks():
        raise InputError(
            _("the document gives no tasks, so it would empty the plan"),
            where=str(request.source),
            hint=_("check that this is the revised document; nothing was written"),
        )
    added = _add_units(request, imported, units_path)
    revision = revise(plan_text, render(imported.data, imported.unplaced))
    if revision.removed and not revision.kept and not request.force:
        raise InputError(
            _("no task of the plan was found in the document, so it is another document"),
            where=str(request.source),
            hint=_("check that this is the plan's revised document, or pass --force"),
        )
    write_atomic(target, revision.text, within=boundary(target, root), protect=[request.source])
    if added and units_path is not None:
        registry = require_registry(units_path, doing="import")
    check = check_document(load_text(revision.text, repo.display_path(target)), registry)
    return ImportOutcome(imported, revision.text, target, added, check, revision)


def _plan_to_update(request: ImportRequest, target: Path) -> tuple[str, str]:
    """The text and id of the plan `--into` names, refused unless it is a valid plan."""
    if request.output is not None or request.plan_id is not None:
        raise UsageError(
            _("--into updates the plan it names: it takes no -o or --id"),
            hint=_("drop -o and --id, or import into a new plan without --into"),
        )
    shown = repo.display_path(target)
    if target.is_symlink() or not target.is_file():
        raise UsageError(
            _("the plan to update does not exist or is not a regular file"),
            where=shown,
            hint=_("name an existing plan file, e.g. --into plans/NAME.yaml"),
        )
    opened = open_file(target, shown)
    if opened.refusal is not None:
        raise opened.refuse("update")
    if opened.kind != "plan":
        raise UsageError(
            _("--into names the unit registry, not a plan"),
            where=shown,
            hint=_("name an existing plan file, e.g. --into plans/NAME.yaml"),
        )
    return opened.document.text, str(opened.document.data["id"])


def _destination(request: ImportRequest, here: Path) -> tuple[Path | None, str]:
    if request.output == STDOUT:
        return None, _checked_id(request.plan_id or slug(request.source.stem))
    if request.output is not None:
        output = request.output if request.output.is_absolute() else here / request.output
        plan_id = _checked_id(request.plan_id or output.stem)
        if plan_id != output.stem:
            raise UsageError(
                _("the plan id {id} differs from the file name {name}").format(
                    id=quote(plan_id), name=quote(output.name)
                ),
                hint=_("a plan's id is its file name: drop --id or name the output after it"),
            )
    else:
        plan_id = _checked_id(request.plan_id or slug(request.source.stem))
        output = repo.open_repository(here).plans_dir / f"{plan_id}.yaml"
    _check_output(output, request.force)
    return output, plan_id


def _check_output(output: Path, force: bool) -> None:
    if output.exists() and not force:
        raise UsageError(
            _("the output file already exists"),
            where=repo.display_path(output),
            hint=_("pass --force to replace it, or choose another name with -o"),
        )
    if not output.parent.is_dir():
        raise UsageError(
            _("the output folder does not exist"),
            where=str(output.parent),
            hint=_("create it, or write into plans/ with -o plans/NAME.yaml"),
        )


def _checked_id(plan_id: str) -> str:
    if not _ID.fullmatch(plan_id):
        raise UsageError(
            _("{id} is not a plan id").format(id=quote(plan_id)),
            hint=_("use lower-case letters, digits and hyphens, e.g. --id zhaoqing-2012-workplan"),
        )
    return plan_id


def slug(stem: str) -> str:
    """A plan id from a file name: ASCII letters and digits, hyphens between words."""
    words = re.findall(r"[a-z0-9]+", stem.lower())
    joined = "-".join(words)
    if not joined or not re.search("[a-z]", joined):
        return f"plan-{joined}" if joined else "imported-plan"
    return joined


def _add_units(request: ImportRequest, imported: Imported, units_path: Path | None) -> list[str]:
    if not request.add_units or not imported.units.unknown:
        return []
    if units_path is None:
        raise UsageError(
            _("--add-units needs a plan repository (a folder holding plans/)"),
            hint=_("run planctl import inside the repository, or drop --add-units"),
        )
    return add_units(units_path, list(imported.units.unknown))


def _schema_path(output: Path | None, root: Path | None) -> str | None:
    if output is None or root is None or not (root / "schema").is_dir():
        return None
    return Path(os.path.relpath(root / "schema" / "plan.schema.json", output.parent)).as_posix()
