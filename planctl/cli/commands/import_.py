"""`planctl import`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

from planctl.cli.commands import done
from planctl.cli.terminal import printable

if TYPE_CHECKING:
    from planctl.importer.service import ImportOutcome


def import_plan(
    source: Path = typer.Argument(  # noqa: B008 — typer declares arguments this way
        ..., help="The document: .txt (UTF-8, GBK/GB18030) or .docx.", show_default=False
    ),
    output: Path | None = typer.Option(  # noqa: B008
        None,
        "--output",
        "-o",
        show_default=False,
        help="Where to write the plan (default: plans/ID.yaml; `-` for stdout).",
    ),
    plan_id: str | None = typer.Option(
        None,
        "--id",
        show_default=False,
        help="The plan id (default: from the output or the document's file name).",
    ),
    add_units: bool = typer.Option(
        False, "--add-units", help="Append units not yet in plans/units.yaml to it (kind: other)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
) -> None:
    """Turn a Word or text document (notice, numbered tasks, owners) into a draft plan."""
    from planctl.importer.service import ImportRequest, run_import

    outcome = run_import(ImportRequest(source, output, plan_id, add_units, force))
    if outcome.output is None:
        sys.stdout.write(outcome.text)
    _report(outcome, source, sys.stderr if outcome.output is None else sys.stdout)
    raise done(1 if outcome.errors else 0)


def _report(outcome: ImportOutcome, source: Path, out: TextIO) -> None:
    from planctl.repository import display_path

    imported = outcome.imported
    target = display_path(outcome.output) if outcome.output is not None else "stdout"
    notice = ", a notice" if "notice" in imported.data else ""
    _say(
        f"imported {source} → {target}: {imported.sections()} sections, "
        f"{len(imported.tasks())} tasks{notice}",
        file=out,
    )
    for note in imported.notes:
        _say(f"  note: {note}", file=out)
    _report_units(outcome, out)
    _report_unplaced(outcome, out)
    _report_check(outcome, out)


def _report_units(outcome: ImportOutcome, out: TextIO) -> None:
    unknown = outcome.imported.units.unknown
    if outcome.added_units:
        _say(
            f"  added {len(outcome.added_units)} unit(s) to plans/units.yaml (kind: other): "
            f"{'、'.join(outcome.added_units)}",
            file=out,
        )
    for name, suggestions in unknown.items():
        close = " or ".join(suggestions)
        if name in outcome.added_units and suggestions:
            _say(f"  check unit {name}: it is close to {close} (an alias, or a typo?)", file=out)
        elif name not in outcome.added_units:
            _say(
                f"  unknown unit {name}" + (f" — did you mean {close}?" if close else ""), file=out
            )
    if unknown and not outcome.added_units:
        _say("  (run again with --add-units to register the unknown units)", file=out)


def _report_unplaced(outcome: ImportOutcome, out: TextIO) -> None:
    unplaced = outcome.imported.unplaced
    if not unplaced:
        return
    _say(f"{len(unplaced)} line(s) not placed in the plan (kept as comments at its end):", file=out)
    for item in unplaced:
        _say(f"  {item.where}: {item.text}  ({item.reason})", file=out)


def _report_check(outcome: ImportOutcome, out: TextIO) -> None:
    from planctl.findings import Severity

    findings = outcome.check.findings if outcome.check else ()
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = len(findings) - len(errors)
    for finding in errors:
        _say(f"  {finding.where}  {finding.rule}  {finding.message}", file=out)
    verdict = "the plan validates" if not errors else "the plan does not validate yet"
    _say(f"check: {len(errors)} error(s), {warnings} warning(s) — {verdict}", file=out)


def _say(text: str, file: TextIO) -> None:
    """One line of the report; document text in it never reaches the terminal raw."""
    print(printable(text), file=file)
