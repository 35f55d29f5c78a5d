"""`planctl validate`: its options (declared once), a lean parser, and the command itself.

The options are declared here once. The typer command in `validate_typer` builds its
options from these declarations (so `--help` lists them); `parse_lean` reads the same
options without importing typer, so that the pre-commit case (one file, on every
commit) does not pay for typer's start-up. `parse_lean` gives up on anything it does
not fully understand (`--help`, an unknown option, a bad value) and leaves it to typer,
so mistakes get typer's messages either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

COMMAND = "validate"
PROGRESS_MIN_FILES = 300  # a bar for fewer files would only flicker


class Option(NamedTuple):  # a NamedTuple: a dataclass costs a millisecond at start-up
    """One option of `planctl validate`: its flags, help, default and value type."""

    name: str  # the field of `ValidateArgs` it sets
    flags: tuple[str, ...]
    help: str
    default: Any
    convert: Callable[[str], Any] | None = None  # None: a flag without a value
    metavar: str | None = None


PATHS_HELP = (
    "Plan files or folders (default: the whole repository). With --changed: the git "
    "revision to compare with (default HEAD)."
)
OPTIONS: tuple[Option, ...] = (
    Option(
        "output_format",
        ("--format", "-f"),
        "text, json or github (auto: github under GitHub Actions).",
        "auto",
        str,
    ),
    Option("strict", ("--strict",), "Warnings fail too (exit 1).", False),
    Option(
        "jobs",
        ("--jobs", "-j"),
        "Worker processes (0: one per core; small batches always run in one process).",
        0,
        int,
        "N",
    ),
    Option(
        "no_cache",
        ("--no-cache",),
        "Check every file again, without reading or writing .planctl-cache/.",
        False,
    ),
    Option(
        "changed",
        ("--changed",),
        "Check only the plans changed since the revision given as the argument (default "
        "HEAD: uncommitted changes); all plans when units.yaml or a schema changed.",
        False,
    ),
)
BY_FLAG = {flag: option for option in OPTIONS for flag in option.flags}


class ValidateArgs(NamedTuple):
    """A parsed `planctl validate` command line."""

    paths: list[Path]
    output_format: str = "auto"
    strict: bool = False
    jobs: int = 0
    no_cache: bool = False
    changed: bool = False


def parse_lean(arguments: list[str]) -> ValidateArgs | None:
    """`planctl validate ...` parsed like typer would, or None to let typer parse it."""
    if not arguments or arguments[0] != COMMAND:
        return None
    values: dict[str, Any] = {}
    paths: list[Path] = []
    rest = iter(arguments[1:])
    for token in rest:
        if token == "--":
            paths.extend(Path(name) for name in rest)
        elif token.startswith("-") and token != "-":
            if not _take_option(token, rest, values):
                return None
        else:
            paths.append(Path(token))
    return ValidateArgs(paths=paths, **values)


def _take_option(token: Any, rest: Any, values: dict[str, Any]) -> bool:
    """Read one option (and its value) into `values`; False if typer should handle it."""
    flag, equals, attached = token.partition("=")
    if not equals and not flag.startswith("--") and len(flag) > 2:
        flag, attached, equals = flag[:2], flag[2:], "="  # -j4, -fjson
    option = BY_FLAG.get(flag)
    if option is None:
        return False  # --help, or a mistake
    if option.convert is None:
        values[option.name] = True
        return not equals
    text = attached if equals else next(rest, None)
    if text is None:
        return False
    try:
        values[option.name] = option.convert(text)
    except ValueError:
        return False
    return True


def execute(args: ValidateArgs) -> int:
    """Run `planctl validate` with parsed arguments; print the report; the exit code."""
    from planctl.cli.startup import compiled_dataclasses

    with compiled_dataclasses():
        from planctl.cli.progress import ProgressBar
        from planctl.cli.terminal import show, wants_color
        from planctl.errors import UsageError
        from planctl.validate import formats, validate

    chosen = formats.pick_format(args.output_format)
    if args.jobs < 0:
        raise UsageError(f"--jobs {args.jobs}: give 0 (one per core) or more")
    paths, since = _paths_and_revision(args)
    with ProgressBar.when_useful(PROGRESS_MIN_FILES) as progress:
        report = validate(
            paths,
            jobs=args.jobs or None,
            use_cache=not args.no_cache,
            since=since,
            progress=progress,
        )
    show(formats.FORMATS.get(chosen)(report), color=wants_color())
    return report.exit_code(strict=args.strict)


def _paths_and_revision(args: ValidateArgs) -> tuple[list[Path], str | None]:
    if not args.changed:
        return args.paths, None
    if len(args.paths) > 1:
        from planctl.errors import UsageError

        raise UsageError(
            "--changed takes one revision, not file names",
            hint="e.g. `planctl validate --changed origin/main`",
        )
    return [], os.fspath(args.paths[0]) if args.paths else "HEAD"


def option_names() -> set[str]:
    """The fields of `ValidateArgs` that options set (for checking the typer command)."""
    return set(ValidateArgs._fields) - {"paths"}
