"""A plan repository: the folder holding `plans/`, its unit registry and templates, and
beside them the progress reports (`reports/`) and reviews (`reviews/`) of tracking."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl.errors import RepositoryNotFound, UsageError
from planctl.i18n import _

PLANS_DIR = "plans"
UNITS_FILE = "units.yaml"
CALENDAR_FILE = "calendar.yaml"  # the workdays calendar, plans/calendar.yaml
REPORTS_DIR = "reports"  # reports/<plan-id>/<period>/<unit>.yaml
REVIEWS_DIR = "reviews"  # reviews/<plan-id>/<period>.yaml
MARKER_FILE = "planctl.toml"
PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Repository:
    root: Path

    @property
    def plans_dir(self) -> Path:
        return self.root / PLANS_DIR

    @property
    def units_path(self) -> Path:
        return self.plans_dir / UNITS_FILE

    @property
    def calendar_path(self) -> Path:
        return self.plans_dir / CALENDAR_FILE

    @property
    def reports_dir(self) -> Path:
        return self.root / REPORTS_DIR

    @property
    def reviews_dir(self) -> Path:
        return self.root / REVIEWS_DIR

    @property
    def settings_path(self) -> Path:
        return self.root / MARKER_FILE

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    def plan_files(self) -> list[Path]:
        """Every plan file under `plans/` (any depth), sorted, without the unit registry
        and the workdays calendar."""
        found = iter_plan_files(self.plans_dir, skip=self.units_path)
        return sorted_paths(path for path in found if path != self.calendar_path)

    def report_files(self) -> list[Path]:
        """Every YAML file under `reports/` (any depth: a misplaced report is checked too)."""
        return sorted_paths(iter_plan_files(self.reports_dir)) if self.reports_dir.is_dir() else []

    def review_files(self) -> list[Path]:
        """Every YAML file under `reviews/`."""
        return sorted_paths(iter_plan_files(self.reviews_dir)) if self.reviews_dir.is_dir() else []

    def bulletin_files(self) -> list[Path]:
        """Every YAML file under `bulletins/` (the office's text of its 督查通报)."""
        folder = self.root / "bulletins"
        return sorted_paths(iter_plan_files(folder)) if folder.is_dir() else []

    def tracking_files(self) -> list[Path]:
        """The workdays calendar (when there is one), the reports, the reviews and the
        bulletin files."""
        calendar = [self.calendar_path] if self.calendar_path.is_file() else []
        return calendar + self.report_files() + self.review_files() + self.bulletin_files()

    def is_units_file(self, path: Path) -> bool:
        return path.resolve() == self.units_path.resolve()

    def display(self, path: Path) -> str:
        """`path` as users see it in findings: relative to the working directory if possible."""
        return display_path(path)


def sorted_paths(paths: Iterable[Path]) -> list[Path]:
    """`sorted(paths)`. Paths compare by their parts; on POSIX their text split at each
    `/` orders them alike, without pathlib's work in each of many comparisons."""
    if os.sep != "/":
        return sorted(paths)
    return sorted(paths, key=lambda path: str(path).split("/"))


def iter_plan_files(folder: Path, *, skip: Path | None = None) -> Iterator[Path]:
    """The YAML files below `folder` that are not hidden (nor inside a hidden folder), in
    the order `folder.rglob("*")` lists them; symbolic links to folders are not followed."""
    skipped = skip.resolve() if skip is not None else None
    for path in _visible_files(folder):
        if skipped is None or path.resolve() != skipped:
            yield path


def _visible_files(folder: Path) -> Iterator[Path]:
    # One scandir per folder, and its entries' cached types: rglob lists every folder
    # twice and stats each file again, which costs seconds on a year of reports.
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except (PermissionError, NotADirectoryError, FileNotFoundError):
        return
    below: list[Path] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden, and so is all it holds
        if _suffix(entry.name) in PLAN_SUFFIXES and entry.is_file():
            yield folder / entry.name
        if _is_folder(entry):
            below.append(folder / entry.name)
    for child in below:
        yield from _visible_files(child)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir() and not entry.is_symlink()
    except OSError:
        return False


def _suffix(name: str) -> str:
    """`PurePath(name).suffix`, without making a path."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` holding `plans/` or a `planctl.toml`."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / PLANS_DIR).is_dir() or (folder / MARKER_FILE).is_file():
            return folder
    return None


def open_repository(start: Path | None = None) -> Repository:
    """The repository around `start` (default: the working directory), or a clear error."""
    origin = start if start is not None else Path.cwd()
    root = find_root(origin if origin.is_dir() else origin.parent)
    if root is None:
        raise RepositoryNotFound(
            _("not inside a plan repository (no `plans/` folder here or above)"),
            where=str(origin),
            hint=_("run planctl from a folder holding plans/, or name the files to check"),
        )
    return Repository(root)


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def collect_files(paths: Sequence[Path], repository: Repository | None) -> list[Path]:
    """The YAML files named by `paths` (folders are searched), or the whole repository."""
    if not paths:
        if repository is None:
            raise UsageError(
                _("no files to check"),
                hint=_("name plan files, or run inside a folder holding plans/"),
            )
        found = (
            sorted([repository.units_path] if repository.units_path.is_file() else [])
            + repository.plan_files()
        )
        if not found:  # "All checks passed (0 files)" would be a wrong answer
            raise UsageError(
                _("no plan files in this repository"),
                where=display_path(repository.root / PLANS_DIR),
                hint=_("add a plan (plans/<id>.yaml), or run where the plans are"),
            )
        return found
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(iter_plan_files(path))
            if not inside:
                raise UsageError(
                    _("no plan files (.yaml, .yml) in this folder"),
                    where=str(path),
                    hint=_("name the folder that holds the plans"),
                )
            files.extend(inside)
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(
                _("no such file or folder"),
                where=str(path),
                hint=_("check the path (names are relative to the working directory)"),
            )
    return list(dict.fromkeys(files))


class DisplayPaths:
    """`display_path` for many files at once: each folder is resolved once, not once per
    file in it, and from its resolved parent (resolving a path walks every component of
    it: each of a year of reports' twelve thousand folders would walk the whole path
    again), with strings, not paths."""

    def __init__(self) -> None:
        here = str(Path.cwd().resolve())
        self._prefix = here if here.endswith("/") else here + "/"
        self._folders: dict[str, str] = {}

    def __call__(self, path: Path) -> str:
        text = str(path)
        # A link's target decides where it is; Windows compares paths without case.
        if os.sep != "/" or os.path.islink(text):  # noqa: PTH114  # no path made per file
            return display_path(path)
        folder, slash, name = text.rpartition("/")
        full = f"{self._resolved(folder or slash).rstrip('/')}/{name}"
        return full[len(self._prefix) :] if full.startswith(self._prefix) else text

    def _resolved(self, folder: str) -> str:
        """The folder's real path: its resolved parent's and its own name, unless it is a
        link (or a name such as `..`), which is resolved in full."""
        found = self._folders.get(folder)
        if found is None:
            parent, _slash, name = folder.rpartition("/")
            if not parent or name in _NOT_A_NAME or os.path.islink(folder):  # noqa: PTH114
                found = str(Path(folder).resolve())
            else:
                found = f"{self._resolved(parent).rstrip('/')}/{name}"
            self._folders[folder] = found
        return found


_NOT_A_NAME = frozenset({"", ".", ".."})
