"""`planctl render`."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.render.writers import ALL, DOCUMENTS, FORMATS, REVISION


def render(
    plan: Path = typer.Argument(  # noqa: B008 — typer declares options this way
        ..., help="The plan file (plans/<id>.yaml).", show_default=False
    ),
    document: str = typer.Option(
        None,
        "--as",
        help=f"What to render: {', '.join((*DOCUMENTS, REVISION, ALL))} (default: all; "
        "revision, the 修订对照表, only when asked for, with --from).",
        show_default=False,
    ),
    output_format: str = typer.Option(
        None,
        "--format",
        "-f",
        help=f"{', '.join(FORMATS)} (default: notice.docx/html/pdf, table.xlsx, units.docx).",
        show_default=False,
    ),
    output: Path = typer.Option(  # noqa: B008
        None,
        "--output",
        "-o",
        help="A file (one output) or a folder (default: build/<plan-id>/).",
        show_default=False,
    ),
    template: str = typer.Option(
        None,
        "--template",
        help="A template name (from templates/) or a template file, "
        "for one html, md or pdf output.",
        show_default=False,
    ),
    unit: str = typer.Option(
        None, "--unit", help="Only this unit's list (with --as units).", show_default=False
    ),
    since: str = typer.Option(
        None,
        "--from",
        metavar="REV",
        help="With --as revision: the git revision (commit, tag, branch) holding the "
        "earlier version; the plan file as it is now is the revised one.",
        show_default=False,
    ),
) -> None:
    """Render the notice (GB/T 9704), the responsibility table, per-unit lists, or the
    修订对照表 against an earlier git revision."""
    from planctl.cli.terminal import printable
    from planctl.render import render as run_render
    from planctl.repository import display_path

    result = run_render(
        plan,
        document=document,
        fmt=output_format,
        output=output,
        template=template,
        unit=unit,
        since=since,
    )
    for path in result.written:
        print(f"wrote {printable(display_path(path))}")
    for note in result.skipped:
        print(f"note: {printable(note)}")
    raise done(0)
