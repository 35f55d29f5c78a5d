"""`planctl validate` as a library: check files, return findings, never print.

Each file is checked on its own (load → schema → rules) and one broken file never hides
the others. Repository-wide checks (duplicate plan ids) run over the per-file results.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planctl import repository as repo
from planctl.errors import UsageError
from planctl.findings import Finding, Severity
from planctl.loader import Document, read_document
from planctl.model import plan_from_data
from planctl.rules import PLAN_RULES, Context
from planctl.rules.registry_consistency import check_registry
from planctl.schemas import schema_findings
from planctl.units import UnitRegistry

UNITS_FORMAT = "planctl-units/1"


@dataclass(frozen=True)
class FileResult:
    file: str
    findings: tuple[Finding, ...]
    plan_id: str | None = None


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def exit_code(self, *, strict: bool = False) -> int:
        """0 clean, 1 findings (warnings only with `strict`), 2 a file could not be read."""
        if any(f.fatal for f in self.findings):
            return 2
        if self.errors or (strict and self.warnings):
            return 1
        return 0


# --- one file ----------------------------------------------------------------------------


def check_document(document: Document, units: UnitRegistry | None) -> FileResult:
    """All findings for one loaded document, plan or unit registry."""
    findings = list(document.problems)
    if not document.readable:
        return FileResult(document.file, tuple(sorted(findings)))
    if is_units_data(document.data):
        findings += _check_units(document)
        return FileResult(document.file, tuple(sorted(findings)))
    findings += schema_findings(document, "plan")
    if findings and any(f.rule == "schema" for f in findings):
        return FileResult(document.file, tuple(sorted(findings)))
    plan = plan_from_data(document.data)
    context = Context(units=units, file_stem=Path(document.file).stem)
    for rule in PLAN_RULES:
        assert rule.check is not None
        severity = rule.severity_for(plan.stage)
        for issue in rule.check(plan, context):
            findings.append(
                document.finding(
                    issue.path,
                    rule.id,
                    severity,
                    issue.message,
                    issue.hint or rule.hint,
                    key=issue.on_key,
                )
            )
    return FileResult(document.file, tuple(sorted(findings)), plan.id)


def is_units_data(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == UNITS_FORMAT


def _check_units(document: Document) -> list[Finding]:
    findings = schema_findings(document, "units")
    if findings:
        return findings
    return [
        document.finding(issue.path, rule_id, Severity.ERROR, issue.message, issue.hint or "")
        for rule_id, issue in check_registry(document.data)
    ]


def load_registry(path: Path) -> UnitRegistry | None:
    """The unit registry at `path`, or None when it is missing or broken (its own
    validation reports why)."""
    if not path.is_file():
        return None
    document = read_document(path)
    if not document.readable or not is_units_data(document.data):
        return None
    if schema_findings(document, "units"):
        return None
    return UnitRegistry.from_data(document.data)


# --- many files --------------------------------------------------------------------------


def collect_files(paths: Sequence[Path], repository: repo.Repository | None) -> list[Path]:
    """The YAML files named by `paths` (folders are searched), or the whole repository."""
    if not paths:
        if repository is None:
            raise UsageError(
                "no files to check", hint="name plan files, or run inside a folder holding plans/"
            )
        return (
            sorted([repository.units_path] if repository.units_path.is_file() else [])
            + repository.plan_files()
        )
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(repo.iter_plan_files(path)))
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(
                "no such file or folder",
                where=str(path),
                hint="check the path (names are relative to the working directory)",
            )
    return list(dict.fromkeys(files))


def validate(paths: Sequence[Path], *, start: Path | None = None) -> Report:
    """Check `paths` (or, with none, the repository around `start`) and report every finding."""
    origin = paths[0] if paths else (start or Path.cwd())
    root = repo.find_root(origin if origin.is_dir() else origin.parent)
    repository = repo.Repository(root) if root is not None else None
    files = collect_files(paths, repository)
    units = load_registry(repository.units_path) if repository else None
    results = [check_document(read_document(f, repo.display_path(f)), units) for f in files]
    return summarize(results)


def summarize(results: Iterable[FileResult]) -> Report:
    report = Report()
    owners: dict[str, str] = {}
    for result in results:
        report.files += 1
        report.findings.extend(result.findings)
        if result.plan_id is None:
            continue
        if result.plan_id in owners:
            report.findings.append(_duplicate_plan(result, owners[result.plan_id]))
        owners.setdefault(result.plan_id, result.file)
    report.findings.sort()
    return report


def _duplicate_plan(result: FileResult, first: str) -> Finding:
    document = read_document(Path(result.file), result.file)
    return document.finding(
        ("id",),
        "duplicate-plan-id",
        Severity.ERROR,
        f"plan id {result.plan_id!r} is also used by {first}",
        "give this plan a new id and rename its file to match",
    )
