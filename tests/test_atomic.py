"""Atomic writes: readers see the old file or the new one, and nothing else changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.atomic import Inputs, WriteRefused, boundary, write_atomic


def test_replaces_the_content_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "新内容\n", within=tmp_path)
    assert target.read_text(encoding="utf-8") == "新内容\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert list(tmp_path.iterdir()) == [target]


def test_a_symlink_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_bytes(b"old")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, b"new", within=tmp_path)
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_bytes(b"old")

    def disk_full(handle: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("planctl.atomic.os.fsync", disk_full)
    with pytest.raises(OSError):
        write_atomic(target, b"new", within=tmp_path)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


# --- the write policy: inside the folder allowed, regular files only, never an input


def test_a_link_leading_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    inside, outside = tmp_path / "repo", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (outside / "victim").write_bytes(b"keep")
    (inside / "out.md").symlink_to(outside / "victim")
    with pytest.raises(WriteRefused, match="link leads this write out"):
        write_atomic(inside / "out.md", b"new", within=inside)
    assert (outside / "victim").read_bytes() == b"keep"


def test_folders_are_made_only_inside(tmp_path: Path) -> None:
    inside, outside = tmp_path / "repo", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (inside / "build").symlink_to(outside, target_is_directory=True)
    with pytest.raises(WriteRefused):
        write_atomic(inside / "build" / "p" / "t.md", b"x", within=inside, make_folders=True)
    assert list(outside.iterdir()) == []
    write_atomic(inside / "made" / "p" / "t.md", b"x", within=inside, make_folders=True)
    assert (inside / "made" / "p" / "t.md").read_bytes() == b"x"


def test_an_input_is_never_written_over_even_through_a_link(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"plan")
    (tmp_path / "other.yaml").symlink_to(plan)
    with pytest.raises(WriteRefused, match="reading"):
        write_atomic(tmp_path / "other.yaml", b"x", within=tmp_path, protect=[plan])
    assert plan.read_bytes() == b"plan"


def test_the_boundary_is_the_repository_or_the_folder_named(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    assert boundary(root / "build" / "p" / "t.md", root) == root
    assert boundary(tmp_path / "out" / "t.md", root) == tmp_path / "out"
    assert boundary(tmp_path / "t.md", None) == tmp_path


def test_the_folder_named_outside_is_made_when_missing(tmp_path: Path) -> None:
    target = tmp_path / "new" / "sub" / "t.md"
    write_atomic(target, b"x", within=boundary(target, tmp_path / "repo"), make_folders=True)
    assert target.read_bytes() == b"x"


def test_many_inputs_are_known_by_identity(tmp_path: Path) -> None:
    reports = [tmp_path / f"report-{number}.yaml" for number in range(100)]
    for report in reports:
        report.write_bytes(b"report")
    (tmp_path / "page.html").symlink_to(reports[42])
    inputs = Inputs(reports)
    with pytest.raises(WriteRefused, match="reading"):
        write_atomic(tmp_path / "page.html", b"<p>", within=tmp_path, protect=inputs)
    assert reports[42].read_bytes() == b"report"
    write_atomic(tmp_path / "other.html", b"<p>", within=tmp_path, protect=inputs)
