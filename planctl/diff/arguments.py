"""`planctl diff [OLD [NEW]] [-- PATH...]`: what the arguments mean, as in `git diff`.

- no revision: HEAD against the working tree;
- one revision: that revision against the working tree (`A..B` and `A...B` name two);
- two revisions: the first against the second;
- two existing files (and nothing after `--`): those two files, inside git or not.

Arguments before `--` are revisions until the first one that is an existing path; that
one and the rest are paths. Each revision is resolved to a commit before anything else
happens; one that starts with `-` is refused, an unknown one ends the command (exit 2).
"""

from __future__ import annotations

import os.path
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl.diff.changes import DiffResult
from planctl.diff.sides import (
    Side,
    compare_pair,
    compare_sides,
    file_side,
    load_plan,
    only_paths,
    plans_folder,
    revision_side,
    working_tree_side,
)
from planctl.errors import UsageError
from planctl.git import GitRepository, Revision, open_git
from planctl.model import Plan

MAX_REVISIONS = 2


@dataclass(frozen=True)
class _Arguments:
    revisions: tuple[str, ...]
    paths: tuple[str, ...]


def run_diff(words: Sequence[str], paths: Sequence[str] | None, cwd: Path) -> DiffResult:
    """Compare what the arguments name. `paths` are those given after `--` (None: no `--`)."""
    if paths is None and len(words) == 2 and all((cwd / word).is_file() for word in words):
        first, second = (cwd / word for word in words)
        return compare_pair(file_side(first, words[0]), file_side(second, words[1]))
    with open_git(cwd) as git:
        arguments = _classify(git, words, paths, cwd)
        top = git.root
        old, new = _sides(git, arguments.revisions, top, plans_folder(top, cwd))
        selected = [_from_top(path, cwd, top) for path in arguments.paths]
        return compare_sides(only_paths(old, selected), only_paths(new, selected))


def _classify(
    git: GitRepository, words: Sequence[str], paths: Sequence[str] | None, cwd: Path
) -> _Arguments:
    if paths is not None:  # with `--`, everything before it is a revision
        return _Arguments(tuple(words), tuple(paths))
    revisions: list[str] = []
    for index, word in enumerate(words):
        if _is_path(git, word, cwd):
            rest = words[index:]
            _check_paths(rest, cwd)
            return _Arguments(tuple(revisions), tuple(rest))
        revisions.append(word)
    return _Arguments(tuple(revisions), ())


def _is_path(git: GitRepository, word: str, cwd: Path) -> bool:
    """An existing path that is not also a revision (git's rule; ambiguity is an error)."""
    if word.startswith("-") or not (cwd / word).exists():
        return False
    if ".." in word:  # no single revision holds "..": an existing path such as ../plans
        return True
    try:
        git.resolve(word)
    except UsageError:
        return True
    raise UsageError(
        f"{word!r} is both a revision and a file",
        hint=f"write `planctl diff {word} --` for the revision or "
        f"`planctl diff -- {word}` for the file",
    )


def _check_paths(words: Sequence[str], cwd: Path) -> None:
    for word in words:
        if not (cwd / word).exists():
            raise UsageError(
                f"unknown revision or path {word!r}",
                hint="revisions come before paths; put a path that no longer exists after --",
            )


def _sides(
    git: GitRepository, revisions: Sequence[str], top: Path, folder: str
) -> tuple[Side, Side]:
    if len(revisions) > MAX_REVISIONS:
        raise UsageError(
            f"too many revisions: {' '.join(revisions)}",
            hint="name at most two (OLD NEW or OLD..NEW)",
        )
    if len(revisions) == MAX_REVISIONS:
        old, new = (_single(git, name) for name in revisions)
        return revision_side(git, old, folder), revision_side(git, new, folder)
    name = revisions[0] if revisions else "HEAD"
    if ".." in name:
        old, new = _range(git, name)
        return revision_side(git, old, folder), revision_side(git, new, folder)
    return revision_side(git, git.resolve(name), folder), working_tree_side(top, folder)


def _single(git: GitRepository, name: str) -> Revision:
    if ".." in name:
        raise UsageError(
            f"a range ({name}) cannot be combined with another revision",
            hint="write OLD..NEW, or OLD NEW",
        )
    return git.resolve(name)


def _range(git: GitRepository, name: str) -> tuple[Revision, Revision]:
    """`A..B` (A against B) and `A...B` (where A and B meet, against B); empty means HEAD."""
    symmetric = "..." in name
    left, _, right = name.partition("..." if symmetric else "..")
    old, new = git.resolve(left or "HEAD"), git.resolve(right or "HEAD")
    return (git.merge_base(old, new), new) if symmetric else (old, new)


def _from_top(path: str, cwd: Path, top: Path) -> str:
    """A path the user typed, as a path from the repository top (git's spelling)."""
    absolute = Path(os.path.normpath(cwd.resolve() / path))
    try:
        inside = absolute.relative_to(top.resolve())
    except ValueError:
        raise UsageError(f"path {path!r} is outside the repository", where=str(top)) from None
    return "" if inside == Path() else inside.as_posix()


def plan_at_revision(cwd: Path, revision: str, plan_id: str) -> Plan:
    """The plan with this id as it was at a revision, wherever its file was then.

    For `render --as revision --from REV`: the old side of a 修订对照表.
    """
    return plan_and_commit_at_revision(cwd, revision, plan_id)[0]


def plan_and_commit_at_revision(cwd: Path, revision: str, plan_id: str) -> tuple[Plan, Revision]:
    """`plan_at_revision`, with the commit the revision resolved to (to print beside it)."""
    with open_git(cwd) as git:
        resolved = git.resolve(revision)
        side = revision_side(git, resolved, plans_folder(git.root, cwd))
        for source in side.sources:
            if plan_id.encode() not in (raw := source.read()):
                continue  # cheap: a file that never mentions the id does not hold the plan
            found = load_plan(raw, f"{revision}:{source.path}")
            if isinstance(found, Plan) and found.id == plan_id:
                return found, resolved
    raise UsageError(
        f"no plan {plan_id!r} at {revision}",
        hint="the plan was added (or its id changed) after that revision: name one that "
        "holds it (`git log --oneline -- plans/`)",
    )
