"""Checks that depend on the repository around a plan: its unit registry."""

from __future__ import annotations

from pathlib import Path

from ..conftest import CLI


def test_without_a_unit_registry_units_are_reported_unchecked(plan_repo: Path, cli: CLI) -> None:
    (plan_repo / "plans/units.yaml").unlink()
    result = cli("validate", "--no-cache", cwd=plan_repo)
    assert result.exit_code == 0, result.output  # a warning: the plans may still be right
    assert "no-unit-registry" in result.stdout and "All checks passed" not in result.stdout
    assert result.stdout.count("no-unit-registry") == 1  # once per plan, not once per unit
    strict = cli("validate", "--no-cache", "--strict", cwd=plan_repo)
    assert strict.exit_code == 1, strict.output


def test_a_broken_unit_registry_leaves_units_unchecked_too(plan_repo: Path, cli: CLI) -> None:
    (plan_repo / "plans/units.yaml").write_text("format: planctl-units/1\nunits: 3\n", "utf-8")
    result = cli("validate", "--no-cache", cwd=plan_repo)
    assert result.exit_code == 1, result.output
    assert "no-unit-registry" in result.stdout and "plans/units.yaml:2" in result.stdout


def test_with_the_registry_there_is_no_such_warning(plan_repo: Path, cli: CLI) -> None:
    result = cli("validate", "--no-cache", cwd=plan_repo)
    assert result.exit_code == 0 and "no-unit-registry" not in result.stdout, result.output


def test_a_plan_naming_no_unit_needs_no_registry(tmp_path: Path, cli: CLI) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans/bare.yaml").write_text(
        "format: planctl/1\nid: bare\ntitle: 无单位\nstage: draft\n", "utf-8"
    )
    result = cli("validate", "--no-cache", cwd=tmp_path)
    assert result.exit_code == 0 and "no-unit-registry" not in result.stdout, result.output
