"""The two sides of a comparison (a revision, the working tree or a file) and their diff.

Plans are matched by `id`, so a renamed file is the same plan. A file with the same
path and blob id on both sides is the same plan unchanged and is never parsed. A file
that cannot be read on one side is reported as a problem for that side, and the other
plans are still compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from planctl.diff.changes import DiffResult, PlanDiff
from planctl.diff.compare import plan_diff
from planctl.errors import os_error_reason
from planctl.findings import Finding, Severity
from planctl.git import GitRepository, Revision, blob_id
from planctl.i18n import _, quote
from planctl.model import Plan
from planctl.repository import PLAN_SUFFIXES, PLANS_DIR, UNITS_FILE, find_root, iter_plan_files
from planctl.yamlio import Document, paused_gc

WORKING_TREE = "working tree"


@dataclass(frozen=True)
class PlanSource:
    """One plan file on one side: its path, its blob id when known, and how to read it."""

    path: str
    blob: str | None
    read: Callable[[], bytes]


@dataclass(frozen=True)
class Side:
    label: str
    sources: tuple[PlanSource, ...]
    commit: str | None = None


# --- making sides ---------------------------------------------------------------------


def revision_side(git: GitRepository, revision: Revision, plans_folder: str) -> Side:
    """The plan files under `plans_folder` (a path from the repository top) at a commit."""
    sources = tuple(
        PlanSource(file.path, file.blob, _blob_reader(git, file.blob))
        for file in git.files(revision, plans_folder)
        if is_plan_path(file.path, plans_folder)
    )
    return Side(revision.name, sources, revision.commit)


def working_tree_side(top: Path, plans_folder: str) -> Side:
    """The plan files in the working tree, with paths from the repository top."""
    folder = top / plans_folder
    units = folder / UNITS_FILE
    sources = []
    for path in sorted(iter_plan_files(folder, skip=units)) if folder.is_dir() else []:
        name = path.relative_to(top).as_posix()
        try:
            data = path.read_bytes()
        except OSError:  # reported when the plan is compared
            sources.append(PlanSource(name, None, path.read_bytes))
            continue
        sources.append(PlanSource(name, blob_id(data), _constant(data)))
    return Side(WORKING_TREE, tuple(sources))


def file_side(path: Path, label: str | None = None) -> Side:
    """One named file (read when compared)."""
    shown = label if label is not None else str(path)
    return Side(shown, (PlanSource(shown, None, path.read_bytes),))


def is_plan_path(path: str, plans_folder: str) -> bool:
    """A plan file's path: a YAML file under the plans folder, not hidden, not units.yaml."""
    inside = PurePosixPath(path).relative_to(plans_folder) if plans_folder else PurePosixPath(path)
    return (
        inside.suffix in PLAN_SUFFIXES
        and inside.as_posix() != UNITS_FILE
        and not any(part.startswith(".") for part in inside.parts)
    )


def plans_folder(top: Path, cwd: Path) -> str:
    """The plans folder, as a path from the git top: the plan repository's around `cwd`
    when it is inside this git repository, else `plans/` at the top."""
    root = find_root(cwd)
    if root is None or not _inside(root.resolve(), top.resolve()):
        root = top
    return (root / PLANS_DIR).resolve().relative_to(top.resolve()).as_posix()


def _inside(folder: Path, top: Path) -> bool:
    return folder == top or top in folder.parents


def only_paths(side: Side, paths: Sequence[str]) -> Side:
    """The side restricted to files at or under the given paths (from the repository top)."""
    if not paths:
        return side
    kept = tuple(source for source in side.sources if _within(source.path, paths))
    return Side(side.label, kept, side.commit)


def _within(path: str, prefixes: Sequence[str]) -> bool:
    return any(
        prefix in ("", ".") or path == prefix or path.startswith(prefix.rstrip("/") + "/")
        for prefix in prefixes
    )


def _blob_reader(git: GitRepository, blob: str) -> Callable[[], bytes]:
    return lambda: git.read(blob)


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data


# --- loading ----------------------------------------------------------------------------


def load_plan(raw: bytes, file: str) -> Plan | Finding | None:
    """The plan in `raw`; a Finding when it cannot be read; None when it is not a plan."""
    return load_plan_document(raw, file)[0]


def load_plan_document(raw: bytes, file: str) -> tuple[Plan | Finding | None, Document]:
    """`load_plan`, and the document it came from (which can say where each value is).

    The plan gate decides (`planctl.plans`): a refused file is its refusal finding.
    """
    from planctl.plans import open_bytes

    opened = open_bytes(raw, file)
    if opened.refusal is not None:
        return opened.refusal, opened.document
    if opened.kind != "plan":  # the unit registry, a report, a review or the calendar
        return None, opened.document
    return opened.plan(), opened.document


@dataclass
class _Loaded:
    """The plans read from one side, by id, and what could not be read."""

    plans: dict[str, tuple[str, Plan]] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)

    def add(self, side: Side, source: PlanSource) -> None:
        name = _shown(side, source.path)
        try:
            raw = source.read()
        except OSError as error:
            raw_problem = Finding(
                name,
                1,
                1,
                "unreadable",
                Severity.ERROR,
                _("cannot read the file: {reason}").format(reason=os_error_reason(error)),
                _("check the path and permissions"),
                fatal=True,
            )
            self.problems.append(raw_problem)
            self.unreadable.add(source.path)
            return
        outcome = load_plan(raw, name)
        if isinstance(outcome, Finding):
            self.problems.append(outcome)
            self.unreadable.add(source.path)
        elif outcome is not None and outcome.id in self.plans:
            first = self.plans[outcome.id][0]
            self.problems.append(_duplicate(_shown(side, source.path), first, outcome.id))
        elif outcome is not None:
            self.plans[outcome.id] = (source.path, outcome)


def _shown(side: Side, path: str) -> str:
    """How a file on a side is named in problems: `HEAD~1:plans/x.yaml` at a revision."""
    return f"{side.label}:{path}" if side.commit else path


def _duplicate(name: str, first: str, plan_id: str) -> Finding:
    return Finding(
        name,
        1,
        1,
        "duplicate-plan-id",
        Severity.ERROR,
        _("plan id {id} is also used by {file}; only that file is compared").format(
            id=quote(plan_id), file=first
        ),
        _("give each plan its own id"),
    )


# --- comparing --------------------------------------------------------------------------


def compare_sides(old: Side, new: Side) -> DiffResult:
    """Every plan that differs between two sides, matched by plan id."""
    unchanged = _unchanged_paths(old, new)
    before, after = _Loaded(), _Loaded()
    with paused_gc():
        for loaded, side in ((before, old), (after, new)):
            for source in side.sources:
                if source.path not in unchanged:
                    loaded.add(side, source)
        plans = tuple(_plan_diffs(before, after))
    problems = tuple(sorted(before.problems + after.problems))
    return DiffResult(
        old.label, new.label, plans, problems, old.commit, new.commit, bool(after.problems)
    )


def compare_pair(old: Side, new: Side) -> DiffResult:
    """Two single-file sides compared as one plan, whatever their ids (two named files)."""
    before, after = _Loaded(), _Loaded()
    with paused_gc():
        for loaded, side in ((before, old), (after, new)):
            for source in side.sources:
                loaded.add(side, source)
        old_entry = next(iter(before.plans.values()), None)
        new_entry = next(iter(after.plans.values()), None)
        plans: tuple[PlanDiff, ...] = ()
        if (old_entry or new_entry) and not (before.unreadable or after.unreadable):
            plans = (_one(old_entry, new_entry),)
    problems = tuple(sorted(before.problems + after.problems))
    return DiffResult(
        old.label, new.label, plans, problems, old.commit, new.commit, bool(after.problems)
    )


def _unchanged_paths(old: Side, new: Side) -> set[str]:
    blobs = {source.path: source.blob for source in old.sources if source.blob}
    return {
        source.path
        for source in new.sources
        if source.blob is not None and blobs.get(source.path) == source.blob
    }


def _plan_diffs(before: _Loaded, after: _Loaded) -> Iterator[PlanDiff]:
    ids = list(after.plans) + [plan_id for plan_id in before.plans if plan_id not in after.plans]
    for plan_id in ids:
        old_entry, new_entry = before.plans.get(plan_id), after.plans.get(plan_id)
        if _hidden_by_problem(old_entry, new_entry, before, after):
            continue
        found = _one(old_entry, new_entry)
        if found.changes or found.old_file != found.new_file:
            yield found


def _hidden_by_problem(
    old_entry: tuple[str, Plan] | None,
    new_entry: tuple[str, Plan] | None,
    before: _Loaded,
    after: _Loaded,
) -> bool:
    """A plan seen on one side only, at a path the other side could not read: not news."""
    if old_entry is None and new_entry is not None:
        return new_entry[0] in before.unreadable
    if new_entry is None and old_entry is not None:
        return old_entry[0] in after.unreadable
    return False


def _one(old_entry: tuple[str, Plan] | None, new_entry: tuple[str, Plan] | None) -> PlanDiff:
    old_file, old_plan = old_entry if old_entry else (None, None)
    new_file, new_plan = new_entry if new_entry else (None, None)
    return plan_diff(old_plan, new_plan, old_file=old_file, new_file=new_file)
