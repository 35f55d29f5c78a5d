"""`planctl fmt`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import typer

from planctl.cli.commands import done
from planctl.cli.terminal import printable
from planctl.errors import PlanctlError


def fmt(
    paths: list[Path] = typer.Argument(  # noqa: B008 — typer declares options this way
        None, help="Plan files or folders (default: the whole repository).", show_default=False
    ),
    check: bool = typer.Option(
        False, "--check", help="Change nothing; exit 1 if a file would be reformatted."
    ),
) -> None:
    """Rewrite plans in the canonical layout, keeping every comment."""
    from planctl import repository as repo
    from planctl.fmt import FormatError, format_file
    from planctl.validate.engine import collect_files

    root = repo.find_root(Path(paths[0]) if paths else Path.cwd())
    files = collect_files(list(paths or []), repo.Repository(root) if root else None)
    changed, failed = [], 0
    for path in files:
        shown = printable(repo.display_path(path))
        try:
            if format_file(path, kind=_kind_of(path), check=check, shown=shown, root=root):
                changed.append(shown)
                print(f"{'would reformat' if check else 'reformatted'} {shown}")
        except FormatError as error:
            failed += 1
            where = f"{shown}:{error.line}:{error.column}" if error.line else shown
            message = printable(error.message)
            print(f"planctl: error: cannot format {where}: {message}", file=sys.stderr)
        except PlanctlError as error:  # a write refused: a link leading elsewhere, say
            failed += 1
            message = printable(error.message)
            print(f"planctl: error: cannot format {shown}: {message}", file=sys.stderr)
        except OSError as error:
            failed += 1
            print(f"planctl: error: cannot format {shown}: {error.strerror}", file=sys.stderr)
    unchanged = len(files) - len(changed) - failed
    verb = "would be reformatted" if check else "reformatted"
    print(
        f"{len(changed)} file{'s' if len(changed) != 1 else ''} {verb}, {unchanged} left "
        "unchanged.",
        file=sys.stderr,
    )
    if failed:
        raise done(2)
    raise done(1 if check and changed else 0)


def _kind_of(path: Path) -> Literal["plan", "units"]:
    return "units" if path.name == "units.yaml" else "plan"
