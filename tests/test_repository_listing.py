"""Listing a repository's files: the fast walk lists what `rglob` lists, sorts as paths
sort, and shows each file as `display_path` does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planctl.repository import (
    PLAN_SUFFIXES,
    DisplayPaths,
    display_path,
    iter_plan_files,
    sorted_paths,
)


def _tree(root: Path) -> Path:
    folder = root / "plans"
    for name in (
        "a.yaml",
        "a-c.yaml",
        "b.yml",
        "notes.txt",
        ".hidden.yaml",
        "a/b.yaml",
        "a/b/c.yaml",
        "a.b/d.yaml",
        ".git/e.yaml",
        "x/.y/f.yaml",
        "x/y.yaml.bak",
        "x/..yaml",
    ):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("id: x\n", encoding="utf-8")
    (folder / "folder.yaml").mkdir()
    if os.name == "posix":
        (folder / "linked.yaml").symlink_to(folder / "a.yaml")
        (folder / "linked-folder").symlink_to(folder / "a", target_is_directory=True)
        (folder / "broken.yaml").symlink_to(folder / "missing.yaml")
    return folder


def _by_rglob(folder: Path) -> list[Path]:
    """What the listing was written as before: `rglob`, then a filter."""
    return [
        path
        for path in folder.rglob("*")
        if path.suffix in PLAN_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    ]


def test_the_walk_lists_what_rglob_lists_in_its_order(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    assert list(iter_plan_files(folder)) == _by_rglob(folder)
    assert list(iter_plan_files(tmp_path / "absent")) == []


def test_paths_sort_as_pathlib_sorts_them(tmp_path: Path) -> None:
    files = list(iter_plan_files(_tree(tmp_path)))
    assert sorted_paths(reversed(files)) == sorted(files)
    names = [Path(name) for name in ("a/b", "a-c", "a/b/c", "a.b", "a", "A/b", "a b")]
    assert sorted_paths(names) == sorted(names)


def test_files_are_shown_as_display_path_shows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _tree(tmp_path)
    files = [*iter_plan_files(folder), folder / "missing.yaml", folder / "a" / ".." / "b.yml"]
    if os.name == "posix":  # below a linked folder, at any depth, the link is followed
        (tmp_path / "alias").symlink_to(folder, target_is_directory=True)
        files += [folder / "linked-folder" / "b.yaml", folder / "linked-folder" / "b" / "c.yaml"]
        files += [tmp_path / "alias" / "a" / "b" / "c.yaml", tmp_path / "alias" / "a.yaml"]
    for here in (tmp_path, folder / "a", Path("/")):
        monkeypatch.chdir(here)
        shown = DisplayPaths()
        assert [shown(path) for path in files] == [display_path(path) for path in files]
    monkeypatch.chdir(tmp_path)
    relative = [Path("plans/a.yaml"), Path("plans/a/b.yaml")]
    shown = DisplayPaths()
    assert [shown(path) for path in relative] == [display_path(path) for path in relative]
