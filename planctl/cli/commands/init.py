"""`planctl init [DIR]` makes a plan repository; `planctl new PLAN-ID` adds a plan to one."""

from __future__ import annotations

from pathlib import Path

import typer

from planctl.cli.commands import done
from planctl.cli.commands.git import this_planctl
from planctl.errors import InputError, UsageError
from planctl.i18n import N_, _

HELP = N_("Make a plan repository: git, a unit registry, a skeleton plan, pre-commit and CI.")
NEW_HELP = N_("Add a plan to this repository, as plans/PLAN-ID.yaml.")


def init(
    folder: Path = typer.Argument(  # noqa: B008 — typer declares arguments this way
        Path(),
        help=_("The folder to make a plan repository in (made if missing)."),
        show_default=False,
    ),
    install: str = typer.Option(
        None,
        "--install",
        help=_(
            "What CI installs: a pip requirement or git+URL@TAG (default: where this "
            "planctl came from, else planctl-gov==VERSION from the package index)."
        ),
        show_default=False,
    ),
) -> None:
    """Make a plan repository: git, a unit registry, a skeleton plan, pre-commit and CI."""
    from planctl import git
    from planctl.diff.driver import install as install_driver
    from planctl.scaffold import init_files, write_new_files
    from planctl.scaffold.install import chosen_source, this_installation

    source = chosen_source(install) if install else this_installation()
    _make_folder(folder)
    written = write_new_files(folder, init_files(source))
    inside = git.work_tree_root(folder)
    if inside is None:
        git.init_repository(folder)
    install_driver(folder, this_planctl())
    for path in written:
        print(_("wrote {path}").format(path=_shown(path)))
    if inside is not None:
        print(
            _("{folder} is inside the git repository {root}: no new repository made").format(
                folder=folder, root=inside
            )
        )
    if source.from_index:
        print(
            _(
                "CI installs {requirement} from the package index; to install from your "
                "git server instead, run planctl init --install git+URL@TAG"
            ).format(requirement=source.requirement)
        )
    plan = next(path for path in written if path.stem.endswith("work-plan"))
    next_step = _(
        "next: in {folder}, edit {plan}, then run planctl validate and planctl render {plan}"
    )
    print(next_step.format(folder=_shown(folder), plan=plan.relative_to(folder).as_posix()))
    raise done(0)


def new(
    plan_id: str = typer.Argument(
        ..., metavar="PLAN-ID", help=_("The new plan's id (its file name).")
    ),
    title: str = typer.Option(None, "--title", help=_("The plan's title."), show_default=False),
    from_plan: str = typer.Option(
        None,
        "--from-plan",
        metavar="OTHER",
        help=_(
            "Start from another plan (its id or file): its issuer, period, notice "
            "furniture and sections, without tasks."
        ),
        show_default=False,
    ),
) -> None:
    """Add a plan to this repository, as plans/PLAN-ID.yaml."""
    from planctl.atomic import boundary, write_atomic
    from planctl.repository import open_repository
    from planctl.scaffold import check_plan_id, new_plan_text, plan_path

    repository = open_repository(Path.cwd())
    check_plan_id(plan_id)
    path = plan_path(repository.root, plan_id)
    _refuse_taken(repository.plan_files(), plan_id, path)
    base = _plan_data(repository.plan_files(), from_plan) if from_plan else None
    write_atomic(
        path,
        new_plan_text(plan_id, title, base).encode("utf-8"),
        within=boundary(path, repository.root),
    )
    print(_("wrote {path}").format(path=_shown(path)))
    print(_("next: fill it in, then run planctl validate {path}").format(path=_shown(path)))
    raise done(0)


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            _("{folder} is a file, not a folder").format(folder=folder),
            hint=_("name a new or empty folder"),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            _("cannot make the folder: {reason}").format(reason=error.strerror), where=str(folder)
        ) from None


def _refuse_taken(plan_files: list[Path], plan_id: str, path: Path) -> None:
    taken = [file for file in plan_files if file.stem == plan_id]
    if path.exists() or taken:
        raise UsageError(
            _("the plan id {plan_id} is taken by {file}").format(
                plan_id=plan_id, file=_shown(taken[0] if taken else path)
            ),
            hint=_("choose another id, e.g. {plan_id}-2").format(plan_id=plan_id),
        )


def _plan_data(plan_files: list[Path], other: str) -> dict[str, object]:
    """The plain data of the plan `other` names (an id in this repository, or a file)."""
    from planctl.yamlio import read_document

    by_id = [file for file in plan_files if file.stem == other]
    path = by_id[0] if by_id else Path(other)
    if not path.is_file():
        raise UsageError(
            _("no plan {other} here").format(other=other),
            hint=_("give a plan id from plans/ or the path of a plan file"),
        )
    document = read_document(path, _shown(path))
    if not document.readable or not isinstance(document.data, dict):
        problem = document.problems[0] if document.problems else None
        reason = problem.message if problem else _("it holds no plan")
        raise InputError(
            _("cannot start from {file}: {reason}").format(file=_shown(path), reason=reason),
            hint=_("run planctl validate {file} and fix it first").format(file=_shown(path)),
        )
    return document.data


def _shown(path: Path) -> str:
    from planctl.repository import display_path

    return display_path(path)
