"""`planctl init` then `planctl validate` and `planctl render`; `planctl new`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ..conftest import CLI


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(["git", *arguments], cwd=folder, capture_output=True, text=True)
    return done.stdout.strip()


@pytest.fixture
def initialised(tmp_path: Path, cli: CLI) -> Path:
    result = cli("init", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    return tmp_path


def test_init_in_an_empty_folder_then_validate_passes(initialised: Path, cli: CLI) -> None:
    result = cli("validate", cwd=initialised)
    assert result.exit_code == 0, result.output
    assert "All checks passed" in result.stdout or "全部检查通过" in result.stdout


def test_init_then_render_writes_the_documents(
    initialised: Path, cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANCTL_CHROMIUM", str(initialised / "no-browser"))
    [plan] = [path for path in (initialised / "plans").glob("*.yaml") if path.name != "units.yaml"]
    result = cli("render", f"plans/{plan.name}", cwd=initialised)
    assert result.exit_code == 0, result.output
    documents = {path.name for path in (initialised / "build" / plan.stem).iterdir()}
    assert {"notice.docx", "notice.html", "table.xlsx", "units.docx"} <= documents


def test_init_makes_a_git_repository_with_the_diff_driver(initialised: Path) -> None:
    assert git(initialised, "rev-parse", "--show-toplevel") == str(initialised.resolve())
    assert "git external-diff" in git(initialised, "config", "diff.planctl.command")
    assert "diff=planctl" in (initialised / ".gitattributes").read_text(encoding="utf-8")
    ignored = git(initialised, "check-ignore", "build/x/notice.docx", ".planctl-cache/a")
    assert ignored.splitlines() == ["build/x/notice.docx", ".planctl-cache/a"]


def test_init_makes_the_folder_it_is_given(tmp_path: Path, cli: CLI) -> None:
    result = cli("init", "plans-repo", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "plans-repo/plans/units.yaml").is_file()
    assert "plans-repo" in result.stdout


def test_init_twice_refuses_and_says_which_files_exist(initialised: Path, cli: CLI) -> None:
    before = (initialised / "plans/units.yaml").read_bytes()
    result = cli("init", cwd=initialised)
    assert result.exit_code == 2, result.output
    assert "plans/units.yaml" in result.stderr and ".gitlab-ci.yml" in result.stderr
    assert (initialised / "plans/units.yaml").read_bytes() == before


def test_init_into_a_file_is_a_usage_error(tmp_path: Path, cli: CLI) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    result = cli("init", "taken", cwd=tmp_path)
    assert result.exit_code == 2 and "taken" in result.stderr


def test_init_never_writes_through_a_link_leading_elsewhere(tmp_path: Path, cli: CLI) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo/plans").symlink_to(elsewhere, target_is_directory=True)
    result = cli("init", "repo", cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert list(elsewhere.iterdir()) == []


def test_init_with_a_git_source_writes_it_into_ci(tmp_path: Path, cli: CLI) -> None:
    url = "git+https://git.example.gov.cn/tools/planctl.git@v0.1.0"
    result = cli("init", "--install", url, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    gitlab = (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert f'pip install "planctl-gov @ {url}"' in gitlab
    assert "rev: v0.1.0" in (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")


def test_new_adds_a_plan_that_validates(initialised: Path, cli: CLI) -> None:
    result = cli("new", "road-works", "--title", "道路建设实施方案", cwd=initialised)
    assert result.exit_code == 0, result.output
    text = (initialised / "plans/road-works.yaml").read_text(encoding="utf-8")
    assert "title: 道路建设实施方案" in text and "# 完成时限" in text
    assert cli("validate", cwd=initialised).exit_code == 0
    assert cli("fmt", "--check", cwd=initialised).exit_code == 0


def test_new_from_another_plan(initialised: Path, cli: CLI) -> None:
    [plan] = list((initialised / "plans").glob("*-work-plan.yaml"))
    result = cli("new", "next-year", "--from-plan", plan.stem, cwd=initialised)
    assert result.exit_code == 0, result.output
    text = (initialised / "plans/next-year.yaml").read_text(encoding="utf-8")
    assert "issuer: 示例市人民政府" in text and "title: 推动经济高质量发展" in text
    assert "major-projects" not in text
    assert cli("validate", cwd=initialised).exit_code == 0


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (("new", "Road Works"), "road-works"),
        (("new", "units"), "units"),
        (("new", "x", "--from-plan", "no-such-plan"), "no-such-plan"),
    ],
)
def test_new_refuses_with_a_clear_error(
    initialised: Path, cli: CLI, arguments: tuple[str, ...], says: str
) -> None:
    (initialised / "plans/units.yaml").rename(initialised / "plans/units.yaml")
    result = cli(*arguments, cwd=initialised)
    assert result.exit_code == 2, result.output
    assert says in result.stderr and "Traceback" not in result.stderr


def test_new_refuses_a_taken_id(initialised: Path, cli: CLI) -> None:
    [plan] = list((initialised / "plans").glob("*-work-plan.yaml"))
    before = plan.read_bytes()
    result = cli("new", plan.stem, cwd=initialised)
    assert result.exit_code == 2 and plan.name in result.stderr
    assert plan.read_bytes() == before


def test_new_outside_a_plan_repository(tmp_path: Path, cli: CLI) -> None:
    result = cli("new", "x", cwd=tmp_path)
    assert result.exit_code == 2 and "plans/" in result.stderr
