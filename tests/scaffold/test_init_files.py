"""`planctl init`'s files: a plan repository that validates, is formatted and renders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from planctl.errors import UsageError
from planctl.fmt import is_formatted
from planctl.scaffold import init_files, new_plan_text, write_new_files
from planctl.scaffold.install import chosen_source, index_source
from planctl.validate import validate
from planctl.yamlio import read_document

from ..conftest import CLI

GIT_SOURCE = chosen_source("git+https://git.example.gov.cn/tools/planctl.git@v0.1.0")


@pytest.fixture
def made(tmp_path: Path) -> Path:
    write_new_files(tmp_path, init_files(index_source(), year=2025))
    return tmp_path


def test_a_new_repository_validates_without_a_finding(made: Path) -> None:
    report = validate([], start=made, use_cache=False, jobs=1)
    assert report.findings == []
    assert report.files == 2


def test_every_plan_file_is_already_in_the_canonical_layout(made: Path) -> None:
    assert is_formatted((made / "plans/2025-work-plan.yaml").read_text("utf-8"), kind="plan")
    assert is_formatted((made / "plans/units.yaml").read_text("utf-8"), kind="units")


def test_the_skeleton_plan_renders_the_documents(
    made: Path, cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANCTL_CHROMIUM", str(made / "no-such-browser"))
    result = cli("render", "plans/2025-work-plan.yaml", cwd=made)
    assert result.exit_code == 0, result.output
    written = {path.name for path in (made / "build/2025-work-plan").iterdir()}
    assert {"notice.docx", "notice.html", "table.xlsx", "units.docx"} <= written


def test_the_skeleton_explains_every_field_in_chinese(made: Path) -> None:
    lines = (made / "plans/2025-work-plan.yaml").read_text("utf-8").splitlines()
    explained: set[str] = set()
    for number, line in enumerate(lines):
        key = re.match(r"\s*(?:- )?([a-z_]+):(?: |$)", line)
        if key is None or key[1] in explained:
            continue
        explained.add(key[1])
        above = _comment_block_above(lines, number)
        assert any("：" in comment for comment in above), f"no comment above {line!r}"
    assert {"due", "lead", "support", "milestones", "doc_number"} <= explained


def _comment_block_above(lines: list[str], number: int) -> list[str]:
    block: list[str] = []
    while number > 0 and lines[number - 1].strip().startswith("#"):
        number -= 1
        block.append(lines[number])
    return block


def test_init_refuses_to_overwrite_and_names_the_files(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans/units.yaml").write_text("mine\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("mine\n", encoding="utf-8")
    with pytest.raises(UsageError) as refused:
        write_new_files(tmp_path, init_files(index_source(), year=2025))
    assert "plans/units.yaml, .gitignore" in refused.value.message
    assert (tmp_path / "plans/units.yaml").read_text(encoding="utf-8") == "mine\n"
    assert sorted(path.name for path in tmp_path.rglob("*")) == [
        ".gitignore",
        "plans",
        "units.yaml",
    ]


def test_ci_files_install_planctl_from_the_index_or_the_git_server(tmp_path: Path) -> None:
    by_index = {file.path: file.content.decode() for file in init_files(index_source())}
    by_git = {file.path: file.content.decode() for file in init_files(GIT_SOURCE)}
    for files, requirement in (
        (by_index, index_source().requirement),
        (by_git, GIT_SOURCE.requirement),
    ):
        workflow = yaml.safe_load(files[".github/workflows/plans.yml"])
        runs = [step["run"] for step in workflow["jobs"]["validate"]["steps"] if "run" in step]
        assert runs[0] == f'pip install "{requirement}"'
        gitlab = yaml.safe_load(files[".gitlab-ci.yml"])
        assert gitlab["planctl"]["script"][0] == f'pip install "{requirement}"'
    local = yaml.safe_load(by_index[".pre-commit-config.yaml"])["repos"][0]
    assert local["repo"] == "local"
    assert all(
        hook["additional_dependencies"] == [index_source().requirement] for hook in local["hooks"]
    )
    remote = yaml.safe_load(by_git[".pre-commit-config.yaml"])["repos"][0]
    assert (remote["repo"], remote["rev"]) == (
        "https://git.example.gov.cn/tools/planctl.git",
        "v0.1.0",
    )
    assert [hook["id"] for hook in remote["hooks"]] == ["planctl-validate", "planctl-fmt"]


def test_a_new_plan_from_another_keeps_its_header_and_sections(made: Path, tmp_path: Path) -> None:
    base = read_document(made / "plans/2025-work-plan.yaml").data
    text = new_plan_text("2026-work-plan", "示例市2026年重点工作计划", base)
    (made / "plans/2026-work-plan.yaml").write_text(text, encoding="utf-8")
    data = read_document(made / "plans/2026-work-plan.yaml").data
    assert (data["issuer"], data["kind"], data["stage"]) == ("示例市人民政府", "工作计划", "draft")
    assert data["notice"]["signer"] == base["notice"]["signer"]
    assert data["notice"]["title"] == "印发示例市2026年重点工作计划的通知"
    assert "doc_number" not in data["notice"]
    assert data["sections"] == [{"id": "economy", "title": "推动经济高质量发展"}]
    assert validate([], start=made, use_cache=False, jobs=1).errors == 0
    assert is_formatted(text, kind="plan")


@pytest.mark.parametrize("bad", ["2025 Plan", "计划", "-plan", "plan_2025"])
def test_a_new_plan_id_is_checked_and_the_fix_is_a_valid_id(bad: str) -> None:
    with pytest.raises(UsageError) as refused:
        new_plan_text(bad, None, None)
    suggestion = refused.value.hint.removeprefix("e.g. planctl new ")
    new_plan_text(suggestion, None, None)


def test_a_title_yaml_would_misread_is_quoted(tmp_path: Path) -> None:
    text = new_plan_text("tricky", "关于: 某事 #1", None)
    (tmp_path / "tricky.yaml").write_text(text, encoding="utf-8")
    assert read_document(tmp_path / "tricky.yaml").data["title"] == "关于: 某事 #1"
