"""Class 1: every write stays in the repository (or the folder named) and destroys nothing.

A link committed to the repository, a FIFO, a device or the input itself named as the
output: planctl refuses the write in one line (exit 2) and leaves the target as it was.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ..conftest import CLI

PLAN = "plans/issued-with-notice.yaml"
VICTIM = "不可改动\n"


def untouched(outside: Path) -> bool:
    victim = outside / "victim.txt"
    return victim.read_text(encoding="utf-8") == VICTIM and sorted(
        p.name for p in outside.iterdir()
    ) == ["victim.txt"]


def test_validate_never_writes_its_cache_through_a_committed_link(
    cli: CLI, plan_repo: Path, outside: Path
) -> None:
    cache = plan_repo / ".planctl-cache"
    cache.mkdir()
    (cache / "validate.json").symlink_to(outside / "victim.txt")
    result = cli("validate", cwd=plan_repo)
    assert result.exit_code == 0, result.output
    assert untouched(outside)
    assert (cache / "validate.json").is_symlink()


def test_validate_never_writes_into_a_cache_folder_that_is_a_link(
    cli: CLI, plan_repo: Path, outside: Path
) -> None:
    (plan_repo / ".planctl-cache").symlink_to(outside, target_is_directory=True)
    result = cli("validate", cwd=plan_repo)
    assert result.exit_code == 0, result.output
    assert untouched(outside)


def test_render_refuses_a_build_folder_that_leads_out_of_the_repository(
    cli: CLI, plan_repo: Path, outside: Path
) -> None:
    (plan_repo / "build").symlink_to(outside, target_is_directory=True)
    result = cli("render", PLAN, "--as", "table", "-f", "md", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert "build" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert untouched(outside)


def test_render_refuses_an_output_file_that_is_a_link_leading_elsewhere(
    cli: CLI, plan_repo: Path, outside: Path
) -> None:
    target = plan_repo / "build" / "issued-with-notice"
    target.mkdir(parents=True)
    (target / "table.md").symlink_to(outside / "victim.txt")
    result = cli("render", PLAN, "--as", "table", "-f", "md", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert untouched(outside)


def test_fmt_refuses_a_plan_that_is_a_link_out_of_the_repository(
    cli: CLI, plan_repo: Path, outside: Path
) -> None:
    foreign = outside / "foreign.yaml"
    messy = "format: planctl/1\nid: foreign\ntitle: 外部\nkind: 工作计划\nstage: draft\n\n\n"
    foreign.write_text(messy, encoding="utf-8")
    (plan_repo / "plans" / "foreign.yaml").symlink_to(foreign)
    result = cli("fmt", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert "plans/foreign.yaml" in result.stderr
    assert foreign.read_text(encoding="utf-8") == messy


def test_fmt_writes_through_a_link_that_stays_inside_the_repository(
    cli: CLI, plan_repo: Path
) -> None:
    real = plan_repo / "plans" / "issued-with-notice.yaml"
    real.write_text(real.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    (plan_repo / "plans" / "alias.yaml").symlink_to("issued-with-notice.yaml")
    result = cli("fmt", "plans/alias.yaml", cwd=plan_repo)
    assert result.exit_code == 0, result.output
    assert (plan_repo / "plans" / "alias.yaml").is_symlink()
    assert not real.read_text(encoding="utf-8").endswith("\n\n")


def test_git_install_refuses_a_gitattributes_link_leading_elsewhere(
    cli: CLI, plan_repo: Path, outside: Path
) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(plan_repo)], check=True)
    (plan_repo / ".gitattributes").symlink_to(outside / "victim.txt")
    result = cli("git", "install", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert ".gitattributes" in result.stderr
    assert untouched(outside)


def test_render_never_replaces_a_fifo(cli: CLI, plan_repo: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = cli("render", PLAN, "--as", "table", "-f", "md", "-o", str(fifo), cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_render_never_replaces_a_device_node(cli: CLI, plan_repo: Path, tmp_path: Path) -> None:
    device = tmp_path / "null.md"
    try:  # a node like /dev/null, made where replacing it would harm nothing
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    result = cli("render", PLAN, "--as", "table", "-f", "md", "-o", str(device), cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_render_never_replaces_a_folder_with_a_file(cli: CLI, plan_repo: Path) -> None:
    folder = plan_repo / "build" / "issued-with-notice" / "table.md"
    folder.mkdir(parents=True)
    (folder / "keep.txt").write_text("keep", encoding="utf-8")
    result = cli("render", PLAN, "--as", "table", "-f", "md", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.stderr
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("output", [PLAN, "plans/units.yaml", "./plans/../" + PLAN])
def test_render_never_writes_over_its_own_input(cli: CLI, plan_repo: Path, output: str) -> None:
    before = {p.name: p.read_bytes() for p in (plan_repo / "plans").iterdir()}
    result = cli("render", PLAN, "--as", "table", "-f", "md", "-o", output, cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert {p.name: p.read_bytes() for p in (plan_repo / "plans").iterdir()} == before


def test_import_never_writes_over_the_document_it_reads(cli: CLI, plan_repo: Path) -> None:
    source = plan_repo / "notice.txt"
    source.write_text("示例市2024年工作计划\n一、总体要求\n（一）做好工作。\n", encoding="utf-8")
    before = source.read_bytes()
    result = cli("import", str(source), "-o", str(source), "--force", cwd=plan_repo)
    assert result.exit_code == 2, result.output
    assert source.read_bytes() == before
