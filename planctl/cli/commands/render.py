"""`planctl render`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.i18n import N_, _, pgettext
from planctl.render.writers import ALL, BULLETIN, DOCUMENTS, FORMATS, LEDGER, REVISION, URGE

HELP = N_(
    "Render the notice (GB/T 9704), the responsibility table, per-unit lists, or the "
    "修订对照表 against an earlier git revision."
)
_LIST = pgettext("list separator", ", ")


def render(
    plans: list[Path] = typer.Argument(  # noqa: B008 — typer declares options this way
        ...,
        metavar="PLAN",
        help=_("The plan file (plans/<id>.yaml); several only with --as ledger."),
        show_default=False,
    ),
    document: str = typer.Option(
        None,
        "--as",
        help=_(
            "What to render: {documents} (default: all; revision, the 修订对照表, only when "
            "asked for, with --from; ledger, the 台账 of tracked plans, only when asked for; "
            "bulletin, the 督查通报, with --period; urge, the 催办通知, with --unit)."
        ).format(documents=_LIST.join((*DOCUMENTS, REVISION, LEDGER, BULLETIN, URGE, ALL))),
        show_default=False,
    ),
    output_format: str = typer.Option(
        None,
        "--format",
        "-f",
        help=_("{formats} (default: notice.docx/html/pdf, table.xlsx, units.docx).").format(
            formats=_LIST.join(FORMATS)
        ),
        show_default=False,
    ),
    output: Path = typer.Option(  # noqa: B008
        None,
        "--output",
        "-o",
        help=_(
            "A file (one output), a folder (default: build/<plan-id>/), or - for "
            "standard output (one document; docx, xlsx and pdf only into a pipe or a file)."
        ),
        show_default=False,
    ),
    template: str = typer.Option(
        None,
        "--template",
        help=_(
            "A template name (from templates/) or a template file, for one html, md or pdf output."
        ),
        show_default=False,
    ),
    unit: str = typer.Option(
        None,
        "--unit",
        help=_("Only this unit's list (with --as units); the unit urged (with --as urge)."),
        show_default=False,
    ),
    since: str = typer.Option(
        None,
        "--from",
        metavar="REV",
        help=_(
            "With --as revision: the git revision (commit, tag, branch) holding the "
            "earlier version; the plan file as it is now is the revised one."
        ),
        show_default=False,
    ),
    as_of: str = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help=_(
            "With --as ledger or --as urge: the date the lights are worked out for "
            "(default: today)."
        ),
        show_default=False,
    ),
    period: str = typer.Option(
        None,
        "--period",
        metavar="P",
        help=_(
            "With --as bulletin: the reporting period (2012-06, 2012-Q2, 2012-H1, 2012); "
            "its file bulletins/<plan-id>/<period>.yaml gives the date and the office's text."
        ),
        show_default=False,
    ),
    layout: str = typer.Option(
        None,
        "--layout",
        help=_(
            "With --as bulletin: gongwen (a GB/T 9704 document, default) or jianbao (督查简报)."
        ),
        show_default=False,
    ),
) -> None:
    """Render the notice (GB/T 9704), the responsibility table, per-unit lists, or the
    修订对照表 against an earlier git revision."""
    from planctl.cli.terminal import is_terminal, printable, show, wants_color, write_document
    from planctl.errors import RenderRefused
    from planctl.render import render as run_render
    from planctl.render.service import STDOUT
    from planctl.repository import display_path
    from planctl.validate.formats.text import report_lines

    if document in (LEDGER, URGE):
        _bulletin_only(period, layout)
    if document == BULLETIN:
        _dated_by_its_file(as_of)
    if document == LEDGER:
        _render_ledger(plans, output_format, output, as_of)
    if document in (BULLETIN, URGE):
        _render_supervision(document, plans, output_format, output, as_of, period, layout, unit)
    _bulletin_only(period, layout)
    plan = _one_plan(plans, as_of)
    try:
        result = run_render(
            plan,
            document=document,
            fmt=output_format,
            output=output,
            template=template,
            unit=unit,
            since=since,
            binary_to_stdout=not is_terminal(sys.stdout),
        )
    except RenderRefused as refused:
        # The findings as `validate` prints them; the boundary adds the one-line refusal.
        show(report_lines(refused.report), color=wants_color(sys.stderr), out=sys.stderr)
        raise
    if result.report is not None and result.report.findings:
        show(report_lines(result.report), color=wants_color(sys.stderr), out=sys.stderr)
    for warning in result.warnings:
        print(_("warning: {warning}").format(warning=printable(warning)), file=sys.stderr)
    if output == STDOUT and result.data is not None:
        write_document(result.data)
        raise done(0)
    for path in result.written:
        print(_("wrote {file}").format(file=printable(display_path(path))))
    for note in result.skipped:
        print(_("note: {note}").format(note=printable(note)))
    raise done(0)


def _one_plan(plans: list[Path], as_of: str | None) -> Path:
    """Every document but the ledger is of one plan, as of no date."""
    from planctl.errors import UsageError

    if len(plans) > 1:
        raise UsageError(
            _("{count} plans named, but this document is of one plan").format(count=len(plans)),
            where=str(plans[1]),
            hint=_("render each plan on its own, or make their ledger with --as ledger"),
        )
    if as_of is not None:
        raise UsageError(
            _("only the ledger is worked out as of a date"),
            where="--as-of",
            hint=_("add --as ledger, or leave --as-of out"),
        )
    return plans[0]


def _render_ledger(
    plans: list[Path], output_format: str | None, output: Path | None, as_of: str | None
) -> None:
    from planctl.cli.terminal import is_terminal, printable, write_document
    from planctl.repository import display_path
    from planctl.tracking.ledger import render_ledger

    result = render_ledger(
        plans,
        fmt=output_format,
        output=output,
        as_of=as_of,
        binary_to_stdout=not is_terminal(sys.stdout),
    )
    for note in result.notes:
        print(_("note: {note}").format(note=printable(note)), file=sys.stderr)
    if result.path is None and result.data is not None:
        write_document(result.data)
    elif result.path is not None:
        print(_("wrote {file}").format(file=printable(display_path(result.path))))
    raise done(0)


def _render_supervision(
    document: str,
    plans: list[Path],
    output_format: str | None,
    output: Path | None,
    as_of: str | None,
    period: str | None,
    layout: str | None,
    unit: str | None,
) -> None:
    from planctl.cli.terminal import is_terminal, printable, write_document
    from planctl.repository import display_path
    from planctl.supervision import render_bulletin, render_urge

    binary = not is_terminal(sys.stdout)
    if document == BULLETIN:
        result = render_bulletin(
            plans,
            period=period,
            layout=layout,
            fmt=output_format,
            output=output,
            binary_to_stdout=binary,
        )
    else:
        result = render_urge(
            plans, unit=unit, as_of=as_of, fmt=output_format, output=output, binary_to_stdout=binary
        )
    for note in result.notes:
        print(_("note: {note}").format(note=printable(note)), file=sys.stderr)
    if result.data is not None:
        write_document(result.data)
    for path in result.paths:
        print(_("wrote {file}").format(file=printable(display_path(path))))
    raise done(0)


def _dated_by_its_file(as_of: str | None) -> None:
    from planctl.errors import UsageError

    if as_of is not None:
        raise UsageError(
            _("a bulletin's figures are as of the date in its bulletin file"),
            where="--as-of",
            hint=_("set date: in bulletins/<plan-id>/<period>.yaml, and leave --as-of out"),
        )


def _bulletin_only(period: str | None, layout: str | None) -> None:
    from planctl.errors import UsageError

    for value, option in ((period, "--period"), (layout, "--layout")):
        if value is not None:
            raise UsageError(
                _("{option} is an option of the bulletin").format(option=option),
                where=option,
                hint=_("add --as bulletin, or leave {option} out").format(option=option),
            )
