"""`planctl log TASK_ID`: the history of one task through the commits that changed it.

The plan file's history comes from one `git log --follow --raw` (so renames are
followed and each commit names the file's blobs before and after); every blob is then
read through the one long-lived `git cat-file --batch` and parsed once, however many
commits share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planctl.diff.changes import Change
from planctl.diff.compare import section_labels, task_changes_between
from planctl.diff.sides import is_plan_path, load_plan, plans_folder
from planctl.errors import UsageError
from planctl.findings import Finding
from planctl.git import FileCommit, GitRepository, Revision, open_git
from planctl.history.versions import Versions
from planctl.i18n import _, pgettext, quote
from planctl.model import Plan
from planctl.repository import PLAN_SUFFIXES
from planctl.yamlio import paused_gc


@dataclass(frozen=True)
class HistoryEntry:
    """One commit that changed the task (or whose plan could not be read)."""

    commit: str
    author: str
    email: str
    date: str
    subject: str
    path: str
    changes: tuple[Change, ...]
    problem: Finding | None = None
    section_labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TaskHistory:
    task: str
    plan: str
    path: str
    heading: str
    entries: tuple[HistoryEntry, ...]  # newest first
    parsed: int = 0  # versions of the plan that had to be parsed
    # In a shallow clone, the oldest commit there is of the plan: what came before it (and
    # so what that commit changed) is not in the repository.
    cut_off: str | None = None


def task_history(
    cwd: Path, task_id: str, plan: str | None = None, *, shortcut: bool = True
) -> TaskHistory:
    """The commits up to HEAD that changed `task_id`, newest first, following renames.

    `plan` (an id or a file path) is needed only when the task id is in several plans, or
    in none at HEAD (a task that was removed). `shortcut=False` parses every version
    (the slow reference the shortcut is tested against).
    """
    with open_git(cwd) as git:
        head = git.resolve("HEAD")
        found = _find_plan(git, head, cwd, task_id, plan)
        commits = git.file_history(head, found.path)
        parsed: list[int] = []
        with paused_gc():  # every version stays in memory: collections would rescan them all
            oldest_first = list(reversed(commits))
            following = _following(git, oldest_first, task_id, shortcut, parsed)
            entries = tuple(reversed(following))
        cut_off = _cut_off(git, commits)
        if cut_off is not None:  # not "added the task": its parent is missing, not empty
            entries = tuple(entry for entry in entries if entry.commit != cut_off)
        return TaskHistory(
            task_id, found.plan_id, found.path, found.heading, entries, sum(parsed), cut_off
        )


def _following(
    git: GitRepository,
    commits: list[FileCommit],
    task_id: str,
    shortcut: bool,
    parsed: list[int],
) -> list[HistoryEntry]:
    """The task's entries, oldest first, following its id back through renames (as
    `git log --follow` follows a file): where the oldest entry gave the task its id, the
    commits before it are searched for the id it had."""
    versions = Versions(git, task_id, shortcut)
    entries = list(_entries(commits, versions, task_id))
    parsed.append(versions.parsed)
    if not entries:
        return entries
    first = entries[0]
    renamed = next((c for c in first.changes if c.task == task_id and c.field == "id"), None)
    if renamed is None or not isinstance(renamed.old, str):
        return entries
    older = commits[: next(i for i, c in enumerate(commits) if c.commit == first.commit)]
    return [*_following(git, older, renamed.old, shortcut, parsed), *entries]


def _cut_off(git: GitRepository, commits: list[FileCommit]) -> str | None:
    """The oldest commit of the file's history when a shallow clone ends there."""
    if not commits or commits[-1].commit not in git.shallow_boundary():
        return None
    return commits[-1].commit


@dataclass(frozen=True)
class _Found:
    path: str
    plan_id: str
    heading: str


def _entries(
    commits: Iterable[FileCommit], versions: Versions, task_id: str
) -> Iterator[HistoryEntry]:
    """Oldest first, so each version can be derived from its parent."""
    for commit in commits:
        short = commit.commit[:7]
        before = versions.get(commit.old_blob, f"{short}:{commit.old_path}")
        after = versions.get(commit.new_blob, f"{short}:{commit.new_path}", parent=before)
        old, new = (version.plan if version else None for version in (before, after))
        path = commit.new_path or commit.old_path or ""
        problem = next((side for side in (old, new) if isinstance(side, Finding)), None)
        if problem is not None:
            yield _entry(commit, path, (), problem)
            continue
        assert not isinstance(old, Finding) and not isinstance(new, Finding)
        changes = task_changes_between(old, new, task_id)
        if changes:
            yield _entry(commit, path, changes, labels={**_labels(old), **_labels(new)})


def _entry(
    commit: FileCommit,
    path: str,
    changes: tuple[Change, ...],
    problem: Finding | None = None,
    labels: Mapping[str, str] | None = None,
) -> HistoryEntry:
    return HistoryEntry(
        commit.commit,
        commit.author,
        commit.email,
        commit.date,
        commit.subject,
        path,
        changes,
        problem,
        labels or {},
    )


def _labels(plan: Plan | None) -> dict[str, str]:
    return section_labels(plan) if plan is not None else {}


# --- which plan ---------------------------------------------------------------------------


def _find_plan(
    git: GitRepository, head: Revision, cwd: Path, task_id: str, plan: str | None
) -> _Found:
    if plan is not None and _looks_like_path(plan, cwd):
        return _plan_at_path(git, head, cwd, plan, task_id)
    holders = list(_plans_at(git, head, cwd, task_id, plan))
    if len(holders) == 1:
        return holders[0]
    if not holders:
        message = (
            _("no task {task} in plan {plan} at HEAD")
            if plan
            else _("no task {task} in any plan at HEAD")
        )
        raise UsageError(
            message.format(task=quote(task_id), plan=quote(plan or "")),
            hint=_(
                "check the id with `git grep`; for a task that was removed, name "
                "its plan file with --plan PATH"
            ),
        )
    paths = pgettext("list separator", ", ").join(found.path for found in holders)
    raise UsageError(
        _("task {task} is in several plans: {paths}").format(task=quote(task_id), paths=paths),
        hint=_("name one with --plan PLAN_ID"),
    )


def _looks_like_path(plan: str, cwd: Path) -> bool:
    return plan.endswith(PLAN_SUFFIXES) or "/" in plan or (cwd / plan).is_file()


def _plan_at_path(git: GitRepository, head: Revision, cwd: Path, plan: str, task_id: str) -> _Found:
    absolute = (cwd / plan).resolve()
    try:
        path = absolute.relative_to(git.root.resolve()).as_posix()
    except ValueError:
        raise UsageError(
            _("plan file {file} is outside the repository").format(file=quote(plan))
        ) from None
    files = {file.path: file.blob for file in git.files(head, "")}
    loaded = load_plan(git.read(files[path]), path) if path in files else None
    if isinstance(loaded, Plan):
        task = loaded.task(task_id)
        return _Found(path, loaded.id, task.heading if task else "")
    return _Found(path, Path(path).stem, "")


def _plans_at(
    git: GitRepository, head: Revision, cwd: Path, task_id: str, plan_id: str | None
) -> Iterator[_Found]:
    """The plan with the given id at HEAD, or else the plans at HEAD holding the task."""
    folder = plans_folder(git.root, cwd)
    needle = (plan_id or task_id).encode()
    for file in git.files(head, folder):
        if not is_plan_path(file.path, folder):
            continue
        raw = git.read(file.blob)
        if needle not in raw:  # cheap: most plans do not mention the id at all
            continue
        loaded = load_plan(raw, file.path)
        if not isinstance(loaded, Plan):
            continue
        task = loaded.task(task_id)
        if plan_id == loaded.id or (plan_id is None and task is not None):
            yield _Found(file.path, loaded.id, task.heading if task else "")
