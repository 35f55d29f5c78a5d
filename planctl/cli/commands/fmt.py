"""`planctl fmt`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import typer

from planctl.cli.commands import done
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
    from planctl import repository as repo
    from planctl.errors import os_error_reason
    from planctl.fmt import FormatError, format_file
    from planctl.git import working_tree_line_ends
    from planctl.validate.engine import collect_files

    root = repo.find_root(Path(paths[0]) if paths else Path.cwd())
    files = collect_files(list(paths or []), repo.Repository(root) if root else None)
    line_ends = working_tree_line_ends(files)
    changed, failed = [], 0
    done_line = _("would reformat {file}") if check else _("reformatted {file}")
    for path in files:
        shown = repo.display_path(path)
        try:
            if format_file(path, kind=_kind_of(path), check=check, line_end=line_ends[path]):
                changed.append(shown)
                print(done_line.format(file=shown))
        except (FormatError, OSError) as error:
            failed += 1
            reason = os_error_reason(error) if isinstance(error, OSError) else str(error)
            message = _("planctl: error: cannot format {file}: {reason}")
            print(message.format(file=shown, reason=reason), file=sys.stderr)
    unchanged = len(files) - len(changed) - failed
    total = (
        ngettext(
            "{count} file would be reformatted, {unchanged} left unchanged.",
            "{count} files would be reformatted, {unchanged} left unchanged.",
            len(changed),
        )
        if check
        else ngettext(
            "{count} file reformatted, {unchanged} left unchanged.",
            "{count} files reformatted, {unchanged} left unchanged.",
            len(changed),
        )
    )
    print(total.format(count=len(changed), unchanged=unchanged), file=sys.stderr)
    if failed:
        raise done(2)
    raise done(1 if check and changed else 0)


def _kind_of(path: Path) -> Literal["plan", "units"]:
    return "units" if path.name == "units.yaml" else "plan"
