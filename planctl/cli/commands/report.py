"""`planctl report new` and `planctl report import`: a unit's progress report, drafted
for it (YAML or an Excel workbook) and read back from the workbook."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.cli.usage import Command, Group
from planctl.i18n import N_, _

HELP = N_("Progress reports: draft a unit's report, or read one back from its workbook.")

app = typer.Typer(
    name="report",
    cls=Group,
    help=_(HELP),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@app.command(
    "new",
    cls=Command,
    help=_(
        "Write a unit's pre-filled report for a period: every task it must report on, "
        "last period's text as comments."
    ),
)
def new(
    unit: str = typer.Option(..., "--unit", help=_("The reporting unit."), show_default=False),
    period: str = typer.Option(
        None,
        "--period",
        help=_(
            "The period (2023-06, 2023-Q2, 2023-H1, 2023; default: the one whose report "
            "is due next)."
        ),
        show_default=False,
    ),
    plans: list[str] = typer.Option(  # noqa: B008 — typer declares options this way
        None,
        "--plan",
        help=_("Only this plan (repeat for more; default: every plan with reporting:)."),
        show_default=False,
    ),
    output_format: str = typer.Option(
        "yaml", "--format", "-f", help=_("yaml (one file per plan) or xlsx (one workbook).")
    ),
    output: Path = typer.Option(  # noqa: B008
        None,
        "--output",
        "-o",
        help=_(
            "Where to write instead (a file, or a folder); "
            "default: reports/<plan>/<period>/<unit>.yaml, or build/reports/ for xlsx."
        ),
        show_default=False,
    ),
) -> None:
    """Write a unit's pre-filled report for a period."""
    from planctl.cli.terminal import printable
    from planctl.repository import display_path
    from planctl.tracking.drafts import new_reports

    written = new_reports(unit, period=period, plans=plans or (), fmt=output_format, output=output)
    for item in written:
        line = _("wrote {file}: {count} tasks ({plan}, {period})").format(
            file=display_path(item.path), count=item.entries, plan=item.plan, period=item.period
        )
        print(printable(line))
    raise done(0)


@app.command(
    "import",
    cls=Command,
    help=_("Turn a workbook written by report new, filled in, back into report files."),
)
def import_report(
    workbook: Path = typer.Argument(  # noqa: B008
        ..., help=_("The filled-in workbook (.xlsx)."), show_default=False
    ),
    output: Path = typer.Option(  # noqa: B008
        None,
        "--output",
        "-o",
        help=_("Where to write (default: reports/<plan>/<period>/<unit>.yaml)."),
        show_default=False,
    ),
    force: bool = typer.Option(False, "--force", help=_("Replace an existing report file.")),
) -> None:
    """Turn a filled-in workbook back into report files."""
    from planctl.cli.terminal import printable
    from planctl.repository import display_path
    from planctl.tracking.drafts import import_workbook

    for path in import_workbook(workbook, output=output, force=force):
        print(printable(_("wrote {file}").format(file=display_path(path))))
    raise done(0)
