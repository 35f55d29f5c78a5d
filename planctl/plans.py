"""The plan gate: the one way every command opens a plan file or the unit registry.

One trust policy, so that the same file gets the same verdict from validate, fmt, diff,
log, render and import:

1. bytes become text by the one decoding policy (`planctl.yamlio.decode`): UTF-8, and a
   byte-order mark, CRLF line ends or GB18030 text read with a finding `fmt` fixes;
   UTF-16, binary files and damaged UTF-8 are refused;
2. the YAML parses into one document of plain data (`planctl.yamlio`): a syntax error,
   a second document, an empty file or a limit exceeded (depth, aliases) is refused;
3. the data is what the file says: a duplicate key (whose second value would be lost) or
   a tag (never applied) is refused;
4. the data matches the schema of its kind: a plan the plan schema, the unit registry
   the units schema, a progress report, a review, the workdays calendar or a 督查通报's
   file (`bulletins/<plan-id>/<period>.yaml`, `planctl-bulletin/1`) their own.

A file's kind is what its `format:` says (`planctl-units/1`, `planctl-report/1`,
`planctl-review/1`, `planctl-calendar/1`; anything else is a plan), and where it lies when
its `format:` names none of those: a file under `reports/` is a report, under `reviews/`
a review, `plans/calendar.yaml` the calendar, so that its schema says which format it
must declare.

A file passing all four is trusted; otherwise its refusal is the first finding of the
first step it fails, and every command names that finding's rule. `fmt` asks for steps
1-3 only: a formatter changes no value, so it formats a plan the schema still rejects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Literal

from planctl.errors import InputError, PlanRefused
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.model import Plan, plan_from_data
from planctl.tracking.records import CALENDAR_FORMAT, REPORT_FORMAT, REVIEW_FORMAT
from planctl.units import UNITS_FORMAT, UnitRegistry
from planctl.yamlio import STOPPING_RULES, Document, load_bytes, paused_gc, read_document

BULLETIN_FORMAT = "planctl-bulletin/1"  # the office's text of a 督查通报 (planctl.supervision)

__all__ = [
    "BULLETIN_FORMAT",
    "UNTRUSTED_RULES",
    "Kind",
    "Opened",
    "kind_at",
    "kind_of",
    "load_registry",
    "open_bytes",
    "open_document",
    "open_file",
    "open_plan_file",
    "refusal_of",
    "require_registry",
]

Kind = Literal["plan", "units", "report", "review", "calendar", "bulletin"]

# The `format:` that makes a file each kind other than a plan.
_FORMATS: dict[str, Kind] = {
    UNITS_FORMAT: "units",
    REPORT_FORMAT: "report",
    REVIEW_FORMAT: "review",
    CALENDAR_FORMAT: "calendar",
    BULLETIN_FORMAT: "bulletin",
}
_FOLDERS: dict[str, Kind] = {
    "reports": "report",
    "reviews": "review",
    "bulletins": "bulletin",
}
CALENDAR_FILE = "calendar.yaml"

# Step 3: the file parsed, but its data is not what it says.
UNTRUSTED_RULES = frozenset({"duplicate-key", "yaml-tag"})


@dataclass(frozen=True)
class Opened:
    """A file through the gate: its document, what it is, every finding, and the verdict."""

    document: Document
    kind: Kind
    findings: tuple[Finding, ...]  # reading notes, refusal reasons and schema errors
    refusal: Finding | None  # why the data cannot be used; None when it is trusted

    @property
    def trusted(self) -> bool:
        return self.refusal is None

    def plan(self) -> Plan:
        """The plan (only for a trusted plan file)."""
        assert self.trusted and self.kind == "plan", "ask only a trusted plan for its plan"
        return plan_from_data(self.document.data)

    def registry(self) -> UnitRegistry:
        """The unit registry (only for a trusted registry)."""
        assert self.trusted and self.kind == "units", "ask only a trusted registry for it"
        return UnitRegistry.from_data(self.document.data)

    def refuse(self, doing: str) -> PlanRefused:
        """The error a command raises for a refused file: `cannot <doing>: <why>`."""
        assert self.refusal is not None
        step = _step(self.refusal)
        more = sum(1 for finding in self.findings if _step(finding) == step) - 1
        return PlanRefused(self.refusal, doing=doing, more=more)


def kind_at(path: PurePath | str) -> Kind | None:
    """The kind a file's place makes it: the nearest of `reports/`, `reviews/` or `plans/`
    above it decides (`plans/calendar.yaml` is the calendar); None elsewhere."""
    parts = PurePath(path).parts
    for index in range(len(parts) - 2, -1, -1):
        folder = parts[index]
        if folder in _FOLDERS:
            return _FOLDERS[folder]
        if folder == "plans":
            on_top = index == len(parts) - 2 and parts[-1] == CALENDAR_FILE
            return "calendar" if on_top else "plan"
    return None


def kind_of(data: Any, where: Kind | None = None) -> Kind:
    """What a file is: its `format:` when that names a kind, else its place, else a plan."""
    declared = data.get("format") if isinstance(data, dict) else None
    if isinstance(declared, str) and declared in _FORMATS:
        return _FORMATS[declared]
    if where is not None and where not in ("plan", "units"):
        return where  # its schema then says which `format:` it must declare
    return "plan"


def open_document(document: Document, *, schema: bool = True, where: Kind | None = None) -> Opened:
    """Pass a loaded document through the gate (without `schema`, steps 1-3 only).

    `where` is the kind the file's place makes it (see `kind_at`); by default the place
    is read from the document's file name.
    """
    place = where if where is not None else kind_at(document.file)
    kind = kind_of(document.data, place) if document.readable else (place or "plan")
    findings = list(document.problems)
    if schema and document.readable:
        from planctl.schemas import schema_findings

        findings += schema_findings(document, kind)
    return Opened(document, kind, tuple(findings), refusal_of(findings))


def open_bytes(raw: bytes, file: str, *, schema: bool = True, where: Kind | None = None) -> Opened:
    """Decode, parse and check the bytes of a file named `file` in findings."""
    with paused_gc():
        document = load_bytes(raw, file)
    return open_document(document, schema=schema, where=where)


def open_file(path: Path, display: str | None = None, *, schema: bool = True) -> Opened:
    """Read `path` through the gate; an unreadable file is a refusal, nothing raises."""
    where = kind_at(path.resolve())
    return open_document(read_document(path, display), schema=schema, where=where)


# What a file named as a plan is instead, in one sentence.
_NOT_A_PLAN = {
    "units": N_("this is the unit registry, not a plan"),
    "report": N_("this is a progress report, not a plan"),
    "review": N_("this is a review of progress reports, not a plan"),
    "calendar": N_("this is the workdays calendar, not a plan"),
    "bulletin": N_("this is the office's text of a 督查通报, not a plan"),
}


def open_plan_file(path: Path, display: str, *, doing: str) -> Opened:
    """The trusted plan a user named at `path`, for a command that reads plan files:
    a missing file, a refused one or a file of another kind is one clear error."""
    if not path.is_file():
        raise InputError(
            _("no such plan file"),
            where=str(path),
            hint=_("name a plan's .yaml file, e.g. plans/<id>.yaml"),
        )
    opened = open_file(path, display)
    if opened.kind == "units" or (opened.trusted and opened.kind != "plan"):
        raise InputError(
            _(_NOT_A_PLAN[opened.kind]),
            where=opened.document.file,
            hint=_("name a plan file under plans/"),
        )
    if not opened.trusted:
        raise opened.refuse(doing)
    return opened


def named_plan_ids(paths: Sequence[Path], *, doing: str) -> set[str]:
    """The ids of the plan files named, each through the gate, for the commands of many
    plans (the 督查通报, the 台账). The unit registry and the workdays calendar are passed
    over among other files (`plans/*.yaml` names them too); named alone, or any other
    file that is not a plan, they are one clear error."""
    ids = set()
    passed_over: list[Opened] = []
    for path in paths:
        opened = open_file(path)
        if opened.kind in ("units", "calendar") and len(paths) > 1 and opened.trusted:
            passed_over.append(opened)
            continue
        if not opened.trusted:
            raise opened.refuse(doing)
        if opened.kind != "plan":
            raise _not_a_plan(opened)
        ids.add(opened.plan().id)
    if passed_over and not ids:
        raise _not_a_plan(passed_over[0])  # no plan among them: not "every plan"
    return ids


def _not_a_plan(opened: Opened) -> InputError:
    return InputError(
        _(_NOT_A_PLAN[opened.kind]),
        where=opened.document.file,
        hint=_("name a plan file under plans/"),
    )


def load_registry(path: Path) -> UnitRegistry | None:
    """The unit registry at `path`; None when it is missing or refused.

    For `validate`, which reports a refused registry's findings itself and checks the
    plans without it.
    """
    if not path.is_file():
        return None
    opened = open_file(path)
    return opened.registry() if opened.trusted and opened.kind == "units" else None


def require_registry(path: Path, *, doing: str) -> UnitRegistry | None:
    """The unit registry at `path`, None when there is none; refused like any plan.

    For the commands that act on units (render, import): a broken registry would make
    them word or match units wrongly, so they stop and say why.
    """
    if not path.is_file():
        return None
    opened = open_file(path)
    if opened.refusal is not None:
        raise opened.refuse(doing)
    if opened.kind != "units":
        not_registry = Finding(
            opened.document.file,
            1,
            1,
            "schema",
            Severity.ERROR,
            _("the unit registry's format is not {format}").format(format=UNITS_FORMAT),
            _("start the file with `format: {format}`").format(format=UNITS_FORMAT),
        )
        raise PlanRefused(not_registry, doing=doing)
    return opened.registry()


def refusal_of(findings: Sequence[Finding]) -> Finding | None:
    """The first finding of the first step a file with these findings fails, or None."""
    failing = [finding for finding in findings if _step(finding) < _TRUSTED]
    return min(failing, key=lambda finding: (_step(finding), finding)) if failing else None


_TRUSTED = 4  # the step after the last: nothing refused


def _step(finding: Finding) -> int:
    """Where a finding stops the file: 1 unreadable (steps 1-2 of the policy), 2 untrusted
    data, 3 the schema; `_TRUSTED` for a note that stops nothing."""
    if finding.fatal or finding.rule in STOPPING_RULES:
        return 1
    if finding.rule in UNTRUSTED_RULES:
        return 2
    return 3 if finding.rule == "schema" else _TRUSTED
