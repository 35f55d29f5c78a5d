"""`planctl fmt`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.cli.terminal import printable
from planctl.findings import Finding
from planctl.i18n import N_, _, ngettext

HELP = N_("Rewrite plans in the canonical layout, keeping every comment.")


def fmt(
    paths: list[Path] = typer.Argument(  # noqa: B008 — typer declares options this way
        None, help=_("Plan files or folders (default: the whole repository)."), show_default=False
    ),
    check: bool = typer.Option(
        False, "--check", help=_("Change nothing; exit 1 if a file would be reformatted.")
    ),
) -> None:
    """Rewrite plans in the canonical layout, keeping every comment."""
    from planctl.fmt import format_files

    report = format_files(list(paths or []), check=check)
    done_line = _("would reformat {file}") if check else _("reformatted {file}")
    for shown in report.changed:
        print(done_line.format(file=printable(shown)))
    for finding in report.failed:
        print(_refused_line(finding), file=sys.stderr)
    changed, unchanged = len(report.changed), len(report.unchanged)
    total = (
        ngettext(
            "{count} file would be reformatted, {unchanged} left unchanged.",
            "{count} files would be reformatted, {unchanged} left unchanged.",
            changed,
        )
        if check
        else ngettext(
            "{count} file reformatted, {unchanged} left unchanged.",
            "{count} files reformatted, {unchanged} left unchanged.",
            changed,
        )
    )
    print(total.format(count=changed, unchanged=unchanged), file=sys.stderr)
    raise done(report.exit_code)


def _refused_line(finding: Finding) -> str:
    if finding.hint:
        line = _("planctl: error: {where}: cannot format: {message} — {hint}")
    else:
        line = _("planctl: error: {where}: cannot format: {message}")
    shown = {"where": finding.where, "message": finding.message, "hint": finding.hint}
    return line.format(**{key: printable(value) for key, value in shown.items()})
