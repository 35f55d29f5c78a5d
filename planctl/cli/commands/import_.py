"""`planctl import`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import typer

from planctl.cli.commands import done
from planctl.cli.terminal import printable
from planctl.i18n import N_, _, either, ngettext, pgettext

HELP = N_("Turn a Word or text document (notice, numbered tasks, owners) into a draft plan.")

if TYPE_CHECKING:
    from planctl.importer.service import ImportOutcome


def import_plan(
    source: Path = typer.Argument(  # noqa: B008 — typer declares arguments this way
        ..., help=_("The document: .txt (UTF-8, GBK/GB18030) or .docx."), show_default=False
    ),
    output: Path | None = typer.Option(  # noqa: B008
        None,
        "--output",
        "-o",
        show_default=False,
        help=_("Where to write the plan (default: plans/ID.yaml; `-` for stdout)."),
    ),
    plan_id: str | None = typer.Option(
        None,
        "--id",
        show_default=False,
        help=_("The plan id (default: from the output or the document's file name)."),
    ),
    add_units: bool = typer.Option(
        False,
        "--add-units",
        help=_("Append units not yet in plans/units.yaml to it (kind: other)."),
    ),
    force: bool = typer.Option(
        False,
        "--force",
        help=_("Replace an existing output file; with --into, update even when no task matches."),
    ),
    into: Path | None = typer.Option(  # noqa: B008
        None,
        "--into",
        show_default=False,
        help=_(
            "Update this existing plan from a revised version of its document: tasks "
            "matched by number and wording keep their ids and comments."
        ),
    ),
) -> None:
    """Turn a Word or text document (notice, numbered tasks, owners) into a draft plan."""
    from planctl.importer.service import ImportRequest, run_import

    outcome = run_import(ImportRequest(source, output, plan_id, add_units, force, into))
    if outcome.output is None:
        sys.stdout.write(outcome.text)
    _report(outcome, source, sys.stderr if outcome.output is None else sys.stdout)
    raise done(1 if outcome.errors else 0)


def _report(outcome: ImportOutcome, source: Path, out: TextIO) -> None:
    from planctl.repository import display_path

    imported = outcome.imported
    target = display_path(outcome.output) if outcome.output is not None else "stdout"
    if outcome.revision is not None:
        _report_revision(outcome, source, target, out)
    else:
        _say(_summary(imported, source, target), file=out)
    for note in imported.notes:
        _say("  " + _("note: {note}").format(note=note), file=out)
    _report_units(outcome, out)
    _report_unplaced(outcome, out)
    _report_check(outcome, out)


def _summary(imported: Any, source: Path, target: str) -> str:
    sections = ngettext("{count} section", "{count} sections", imported.sections())
    tasks = ngettext("{count} task", "{count} tasks", len(imported.tasks()))
    template = (
        _("imported {source} → {target}: {sections}, {tasks}, a notice")
        if "notice" in imported.data
        else _("imported {source} → {target}: {sections}, {tasks}")
    )
    return template.format(
        source=source,
        target=target,
        sections=sections.format(count=imported.sections()),
        tasks=tasks.format(count=len(imported.tasks())),
    )


def _report_revision(outcome: ImportOutcome, source: Path, target: str, out: TextIO) -> None:
    from planctl.i18n import _

    revision = outcome.revision
    assert revision is not None
    _say(
        _(
            "updated {plan} from {document}: {kept} tasks found again ({changed} changed), "
            "{added} added, {removed} removed"
        ).format(
            plan=target,
            document=source,
            kept=len(revision.kept),
            changed=len(revision.changed),
            added=len(revision.added),
            removed=len(revision.removed),
        ),
        file=out,
    )
    for task_id, heading in revision.added:
        _say(_("  added: {id} {heading}").format(id=task_id, heading=heading), file=out)
    for task_id, heading in revision.removed:
        _say(
            _("  removed (not in the document): {id} {heading}").format(
                id=task_id, heading=heading
            ),
            file=out,
        )
    if revision.header_kept:
        _say(
            _("  kept as the plan has them (the document differs): {fields}").format(
                fields=", ".join(revision.header_kept)
            ),
            file=out,
        )


def _report_units(outcome: ImportOutcome, out: TextIO) -> None:
    unknown = outcome.imported.units.unknown
    if outcome.added_units:
        added = ngettext(
            "added {count} unit to plans/units.yaml (kind: other): {names}",
            "added {count} units to plans/units.yaml (kind: other): {names}",
            len(outcome.added_units),
        )
        names = pgettext("list separator", ", ").join(outcome.added_units)
        _say("  " + added.format(count=len(outcome.added_units), names=names), file=out)
    for name, suggestions in unknown.items():
        close = either(suggestions)
        if name in outcome.added_units and suggestions:
            line = _("check unit {name}: it is close to {names} (an alias, or a typo?)")
            _say("  " + line.format(name=name, names=close), file=out)
        elif name not in outcome.added_units:
            line = (
                _("unknown unit {name} — did you mean {names}?")
                if suggestions
                else _("unknown unit {name}")
            )
            _say("  " + line.format(name=name, names=close), file=out)
    if unknown and not outcome.added_units:
        _say("  " + _("(run again with --add-units to register the unknown units)"), file=out)


def _report_unplaced(outcome: ImportOutcome, out: TextIO) -> None:
    unplaced = outcome.imported.unplaced
    if not unplaced:
        return
    heading = ngettext(
        "{count} line not placed in the plan (kept as a comment at its end):",
        "{count} lines not placed in the plan (kept as comments at its end):",
        len(unplaced),
    )
    _say(heading.format(count=len(unplaced)), file=out)
    for item in unplaced:
        _say(f"  {item.where}: {item.text}  ({item.reason})", file=out)


def _report_check(outcome: ImportOutcome, out: TextIO) -> None:
    from planctl.findings import Severity

    findings = outcome.check.findings if outcome.check else ()
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = len(findings) - len(errors)
    for finding in errors:
        _say(f"  {finding.where}  {finding.rule}  {finding.message}", file=out)
    verdict = (
        _("check: {errors}, {warnings} — the plan validates")
        if not errors
        else _("check: {errors}, {warnings} — the plan does not validate yet")
    )
    _say(
        verdict.format(
            errors=ngettext("{count} error", "{count} errors", len(errors)).format(
                count=len(errors)
            ),
            warnings=ngettext("{count} warning", "{count} warnings", warnings).format(
                count=warnings
            ),
        ),
        file=out,
    )


def _say(text: str, file: TextIO) -> None:
    """One line of the report; document text in it never reaches the terminal raw."""
    print(printable(text), file=file)
