"""`planctl git install`: make plain `git diff` show the semantic diff of plans."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.cli.usage import Command, Group
from planctl.i18n import _

app = typer.Typer(
    name="git",
    cls=Group,
    help=_("Git integration: a diff driver so git itself shows plan changes in plan terms."),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@app.command(
    "install",
    cls=Command,
    help=_(
        "Set up the diff driver: .gitattributes lines and `diff.planctl.command` in .git/config."
    ),
)
def install(
    command: str = typer.Option(
        None,
        "--command",
        help=_("How git should run planctl (default: this planctl, by its full path)."),
        show_default=False,
    ),
) -> None:
    """Set up the diff driver: .gitattributes lines and `diff.planctl.command` in .git/config."""
    from planctl.diff.driver import install as install_driver

    installed = install_driver(Path.cwd(), command or this_planctl())
    for line in installed.added_lines:
        print(_("added to {file}: {line}").format(file=installed.attributes.name, line=line))
    print(f"git config diff.planctl.command = {installed.command}")
    print(
        _(
            "`git diff` now shows plan changes in plan terms; `git log -p --ext-diff` too. "
            "Commit .gitattributes so others get it after running `planctl git install`."
        )
    )
    raise done(0)


@app.command(
    "external-diff",
    cls=Command,
    hidden=True,
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
)
def external_diff(
    arguments: list[str] = typer.Argument(None, help=_("What git passes.")),  # noqa: B008
) -> None:
    """Run by git: path old-file old-hex old-mode new-file new-hex new-mode [new-path header]."""
    from planctl.cli.terminal import printable_lines
    from planctl.diff.driver import external_diff as run_external_diff

    sys.stdout.write(printable_lines(run_external_diff(list(arguments or []))))
    sys.stdout.flush()
    raise done(0)


def this_planctl() -> str:
    """The planctl being run, by full path, so git finds it even outside this virtualenv."""
    beside = Path(sys.executable).parent / "planctl"
    found = str(beside) if beside.is_file() else shutil.which("planctl")
    return shlex.quote(found) if found else "planctl"
