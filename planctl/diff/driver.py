"""Plain git shows the semantic diff: a diff driver and what git calls it with.

`install` writes `.gitattributes` lines giving plan files the `planctl` diff driver and
sets `diff.planctl.command` in the repository's own config; from then on `git diff`
(and `git log -p --ext-diff`, `git show --ext-diff`) run planctl for each changed plan.

Git calls the command as `path old-file old-hex old-mode new-file new-hex new-mode`,
adds `new-path` and a header text when it detected a rename, and passes `/dev/null` for
the missing side of an added or deleted file; an unmerged path comes alone.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl.atomic import check_writable, write_atomic
from planctl.diff.changes import DiffResult
from planctl.diff.formats.text import problem_lines, render_text
from planctl.diff.sides import Side, compare_pair, file_side, plans_folder
from planctl.errors import UsageError
from planctl.git import open_git
from planctl.i18n import _

DRIVER = "planctl"
ATTRIBUTES_FILE = ".gitattributes"
_NULL_FILE = "/dev/null"
_PLAIN_ARGUMENTS, _RENAME_ARGUMENTS, _UNMERGED_ARGUMENTS = 7, 9, 1
_MARKER = "# planctl: plan files get the semantic diff (planctl git install)"


@dataclass(frozen=True)
class Installed:
    attributes: Path
    added_lines: tuple[str, ...]
    command: str


def install(cwd: Path, planctl_command: str) -> Installed:
    """Set up the driver in the git repository around `cwd`; safe to run again."""
    command = f"{planctl_command} git external-diff --"
    advice = _(
        "run `planctl git install` inside the git checkout of the plans (after `git init` "
        "for a new one)"
    )
    with open_git(cwd, hint=advice) as git:
        folder = plans_folder(git.root, cwd)
        attributes = git.root / ATTRIBUTES_FILE
        added = _add_attribute_lines(attributes, attribute_lines(folder), git.root)
        git.set_config(f'diff "{DRIVER}"', "command", command)
    return Installed(attributes, added, command)


def attribute_lines(folder: str) -> tuple[str, ...]:
    """Plan files get the driver; the unit registry keeps git's own diff."""
    prefix = f"{folder}/" if folder else ""
    return (
        f"{prefix}**/*.yaml diff={DRIVER}",
        f"{prefix}**/*.yml diff={DRIVER}",
        f"{prefix}units.yaml !diff",
    )


def _add_attribute_lines(path: Path, wanted: Sequence[str], root: Path) -> tuple[str, ...]:
    check_writable(path, within=root)  # a link leading elsewhere is not even read
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    present = {line.strip() for line in text.splitlines()}
    missing = tuple(line for line in wanted if line not in present)
    if missing:
        block = "\n".join((_MARKER, *missing)) if _MARKER not in present else "\n".join(missing)
        separator = "" if not text or text.endswith("\n") else "\n"
        write_atomic(path, f"{text}{separator}{block}\n", within=root)
    return missing


# --- what git calls -----------------------------------------------------------------------


def external_diff(arguments: Sequence[str]) -> str:
    """The text git shows for one changed file, from the arguments git passes."""
    if len(arguments) == _UNMERGED_ARGUMENTS:
        return _("{file}: unmerged, resolve the conflict first").format(file=arguments[0]) + "\n"
    if len(arguments) not in (_PLAIN_ARGUMENTS, _RENAME_ARGUMENTS):
        raise UsageError(
            _("expected git's 7 or 9 external-diff arguments, got {count}").format(
                count=len(arguments)
            ),
            hint=_("this command is run by git; see `planctl git install`"),
        )
    old_path = arguments[0]
    new_path = arguments[7] if len(arguments) == _RENAME_ARGUMENTS else old_path
    old, new = _side(arguments[1], old_path), _side(arguments[4], new_path)
    result = compare_pair(old, new)
    if result.plans and not result.problems:
        return _semantic(result)
    return _fallback(result, arguments[1], arguments[4], old_path, new_path)


def _side(file: str, path: str) -> Side:
    if file == _NULL_FILE:
        return Side(path, ())
    return file_side(Path(file), path)


def _semantic(result: DiffResult) -> str:
    text = render_text(result)
    plan = result.plans[0]
    if not plan.changes:
        text += "  （计划内容无变化：只改了格式或注释）\n"
    return text


def _fallback(
    result: DiffResult, old_file: str, new_file: str, old_path: str, new_path: str
) -> str:
    """A file that is not a plan (or cannot be read): the problems, then git's line diff."""
    notes = "".join(f"planctl: {line}\n" for line in problem_lines(result.problems))
    lines = difflib.unified_diff(
        _lines(old_file), _lines(new_file), f"a/{old_path}", f"b/{new_path}"
    )
    return notes + "".join(line if line.endswith("\n") else f"{line}\n" for line in lines)


def _lines(file: str) -> list[str]:
    if file == _NULL_FILE:
        return []
    return Path(file).read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
