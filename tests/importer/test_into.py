"""`planctl import FILE --into PLAN`: a revised document updates the plan it became.

The revised Zhaoqing text (tests/data/import/revised) rewords two tasks, moves the
deadline of a third, drops 4、大力发展现代农业 from (一) and adds a new 4、 to (二), so
the numbers after both move. The plan keeps the hand-chosen ids of every task found
again, its comments and its tracking data; `planctl diff` shows only the revision.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planctl.yamlio import read_document

from ..conftest import CLI, DATA, ROOT

REVISED = DATA / "import" / "revised" / "zhaoqing-2012-prd-workplan-revised.txt"
ORIGINAL = DATA / "import" / "seeds" / "zhaoqing-2012-prd-workplan.txt"
PLAN = "plans/zhaoqing-2012-prd-workplan.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository holding the Zhaoqing plan as published here, with a comment and the
    progress an office records after importing (the update keeps both)."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    plan = tmp_path / PLAN
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "          - id: innovation\n", "          - id: innovation  # 科技局每月报送\n"
    )
    text = text.replace(
        "创新载体建设，推动传统产业优化升级。\n            lead: [市科技局]\n",
        "创新载体建设，推动传统产业优化升级。\n            lead: [市科技局]\n"
        "            status: in_progress\n"
        "            progress:\n"
        "              - {date: 2012-03-31, note: 已组织10家企业申报}\n",
    )
    plan.write_text(text, encoding="utf-8")
    return tmp_path


def changes(cli: CLI, repo: Path, old: Path) -> list[tuple[str, str | None, str | None]]:
    shown = cli("diff", str(old), PLAN, "--format", "json", cwd=repo)
    assert shown.exit_code == 0, shown.output
    [plan] = json.loads(shown.stdout)["plans"]
    return [(c["kind"], c["task"], c["field"]) for c in plan["changes"]]


def test_a_revised_document_updates_the_plan_and_the_diff_shows_only_the_revision(
    cli: CLI, repo: Path, tmp_path: Path
) -> None:
    before = tmp_path / "before.yaml"
    shutil.copyfile(repo / PLAN, before)
    result = cli("import", str(REVISED), "--into", PLAN, cwd=repo)
    assert result.exit_code == 0, result.output
    assert "34 tasks found again" in result.stdout
    assert "  added: 3.2.4 推进信息化一体化" in result.stdout
    assert "  removed (not in the document): modern-agriculture 大力发展现代农业" in result.stdout
    renumbered = [
        ("task-changed", task, "source_number")
        for task in (
            "traditional-industries",
            "two-zones",
            "innovation",
            "talent",
            "environment-protection",
        )
    ]
    moved_down = [
        ("task-changed", task, "source_number")
        for task in (
            "planning-integration",
            "public-services-integration",
            "environment-integration",
            "hk-macao-cooperation",
        )
    ]
    assert changes(cli, repo, before) == [
        ("task-changed", "modern-services", "text"),
        ("task-removed", "modern-agriculture", None),
        *renumbered,
        ("task-added", "3.2.4", None),
        *moved_down,
        ("task-changed", "livable-towns", "title"),
        ("task-changed", "education", "text"),
        ("task-changed", "education", "due"),
    ]
    text = (repo / PLAN).read_text(encoding="utf-8")
    assert "          - id: innovation  # 科技局每月报送\n" in text
    innovation = read_document(repo / PLAN).data["sections"][1]["sections"][0]["tasks"][5]
    assert innovation["id"] == "innovation" and innovation["status"] == "in_progress"
    assert innovation["progress"] == [{"date": "2012-03-31", "note": "已组织10家企业申报"}]
    checked = cli("validate", PLAN, cwd=repo)
    assert checked.exit_code == 0, checked.output
    assert cli("fmt", "--check", PLAN, cwd=repo).exit_code == 0


def test_the_unrevised_document_changes_no_task(cli: CLI, repo: Path, tmp_path: Path) -> None:
    before = tmp_path / "before.yaml"
    shutil.copyfile(repo / PLAN, before)
    result = cli("import", str(ORIGINAL), "--into", PLAN, cwd=repo)
    assert result.exit_code == 0, result.output
    assert "35 tasks found again (0 changed), 0 added, 0 removed" in result.stdout
    # The notice was corrected by hand (抄送 市委宣传部, not the source's 宣传部): kept.
    assert "kept as the plan has them (the document differs): issuer, notice.cc" in result.stdout
    assert changes(cli, repo, before) == []


def test_into_refuses_a_plan_that_is_not_valid_and_writes_nothing(cli: CLI, repo: Path) -> None:
    broken = repo / "plans" / "broken.yaml"
    broken.write_text("format: planctl/1\nid: broken\ntitle: x\nstage: someday\n", "utf-8")
    result = cli("import", str(REVISED), "--into", "plans/broken.yaml", cwd=repo)
    assert result.exit_code == 1  # a finding in the plan, as validate reports it
    assert "cannot update the plan:" in result.stderr
    assert "plans/broken.yaml:4:" in result.stderr
    assert broken.read_text("utf-8").endswith("stage: someday\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--into", "plans/none.yaml"], "the plan to update does not exist"),
        (["--into", PLAN, "-o", "plans/x.yaml"], "--into updates the plan it names"),
    ],
)
def test_into_usage_errors(cli: CLI, repo: Path, arguments: list[str], message: str) -> None:
    result = cli("import", str(REVISED), *arguments, cwd=repo)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_document_without_tasks_does_not_empty_the_plan(
    cli: CLI, repo: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "note.txt"
    empty.write_text("关于做好有关工作的说明\n请各单位认真落实。\n", encoding="utf-8")
    before = (repo / PLAN).read_bytes()
    result = cli("import", str(empty), "--into", PLAN, cwd=repo)
    assert result.exit_code == 2
    assert "the document gives no tasks" in result.stderr
    assert (repo / PLAN).read_bytes() == before


PLAN_TEXT = """\
format: planctl/1
id: p
title: 某市工作要点
stage: draft
tasks:
  - id: "1"
    source_number: 一、
    title: 稳定经济增长

  - id: "2"  # 发改局牵头
    source_number: 二、
    title: 深化改革开放

  - id: "3"
    source_number: 三、
    title: 保障改善民生
"""
DOCUMENT_TEXT = PLAN_TEXT.replace(
    '  - id: "2"  # 发改局牵头\n    source_number: 二、\n',
    '  - id: "2"\n    source_number: 二、\n    title: 建设数字政府\n\n  - id: "3"\n'
    "    source_number: 三、\n",
).replace(
    '  - id: "3"\n    source_number: 三、\n    title: 保障',
    '  - id: "4"\n    source_number: 四、\n    title: 保障',
)


def test_a_task_inserted_takes_a_new_id_and_the_others_keep_theirs() -> None:
    from planctl.importer.revise import revise

    revision = revise(PLAN_TEXT, DOCUMENT_TEXT)
    assert revision.added == [("2-2", "建设数字政府")]
    assert revision.kept == ["1", "2", "3"] and revision.removed == []
    assert revision.changed == ["2", "3"]  # renumbered: 三、, 四、
    assert '  - id: "2"  # 发改局牵头\n    source_number: 三、\n    title: 深化改革开放' in (
        revision.text
    )


def test_another_document_does_not_replace_the_plan_unless_forced(
    cli: CLI, repo: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(
        "某市2024年工作要点\n一、建设数字政府。（市政务服务数据管理局负责）\n", "utf-8"
    )
    before = (repo / PLAN).read_bytes()
    refused = cli("import", str(other), "--into", PLAN, cwd=repo)
    assert refused.exit_code == 2
    assert "no task of the plan was found in the document" in refused.stderr
    assert (repo / PLAN).read_bytes() == before
    forced = cli("import", str(other), "--into", PLAN, "--force", cwd=repo)
    assert "0 tasks found again (0 changed), 1 added, 35 removed" in forced.stdout
