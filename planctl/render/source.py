"""The plan a render starts from: loaded, schema-checked, with its repository's registry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planctl import repository
from planctl.errors import InputError, PlanctlError
from planctl.findings import Finding, JsonPath
from planctl.model import Plan, plan_from_data
from planctl.schemas import schema_findings
from planctl.units import UnitRegistry
from planctl.validate.engine import is_units_data, load_registry
from planctl.yamlio import Document, read_document

_UNTRUSTED_DATA = frozenset({"duplicate-key", "yaml-tag"})


class PlanNotRenderable(PlanctlError):
    """The plan breaks the schema or cannot be read: there is nothing trustworthy to print."""

    exit_code = 1


@dataclass(frozen=True)
class Source:
    """A plan ready to render, and where it came from."""

    plan: Plan
    document: Document
    root: Path | None  # the plan repository, when the file sits in one
    units: UnitRegistry | None

    def where(self, path: JsonPath) -> str:
        """`file:line:column` of the value at `path`."""
        line, column = self.document.locate(path)
        return f"{self.document.file}:{line}:{column}"

    @property
    def templates_dir(self) -> Path | None:
        return repository.Repository(self.root).templates_dir if self.root else None


def load_source(path: Path) -> Source:
    """Read the plan at `path`; refuse a file that cannot be read or breaks the schema."""
    if not path.is_file():
        raise InputError(
            "no such plan file",
            where=str(path),
            hint="name a plan's .yaml file, e.g. plans/<id>.yaml",
        )
    document = read_document(path, repository.display_path(path))
    if document.readable and is_units_data(document.data):
        raise InputError(
            "this is the unit registry, not a plan",
            where=document.file,
            hint="name a plan file under plans/",
        )
    _refuse_broken(document)
    root = repository.find_root(path.resolve().parent)
    units = load_registry(repository.Repository(root).units_path) if root else None
    return Source(plan_from_data(document.data), document, root, units)


def _refuse_broken(document: Document) -> None:
    if not document.readable:
        _raise_first(document.problems, fatal=True)
    # Encoding, BOM and line-ending problems leave the data intact; these do not.
    untrusted = [p for p in document.problems if p.rule in _UNTRUSTED_DATA]
    if untrusted:
        _raise_first(untrusted, fatal=False)
    schema = schema_findings(document, "plan")
    if schema:
        _raise_first(schema, fatal=False)


def _raise_first(findings: list[Finding], *, fatal: bool) -> None:
    first = min(findings)
    more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
    error = (InputError if fatal else PlanNotRenderable)(
        f"cannot render: {first.message}{more}",
        where=f"{first.file}:{first.line}:{first.column}",
        hint=first.hint or "run `planctl validate` on the file for every problem",
    )
    raise error
