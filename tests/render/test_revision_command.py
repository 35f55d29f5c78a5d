"""`planctl render PLAN --as revision --from REV`: the 修订对照表 between a git revision of
the 2012 Zhaoqing plan and the revised draft in the working tree, in every format."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock

from ..conftest import CLI, ROOT, GitPlans

PLAN = "plans/zhaoqing-2012-prd-workplan.yaml"
TITLE = "《肇庆市实施〈珠三角规划纲要〉2012年工作计划》修订对照表"
HEADER = ["序号", "原内容", "修改后内容", "修改说明"]
DRAFT = "征求意见稿"  # the tag on the version sent out for comments
# One row per revised task, in the plan's order.
NOTES = [
    "修改任务内容。",
    "删除任务。",
    "新增任务。",
    "牵头单位“市人力资源社会保障局”调整为“市委组织部”。",
    "完成时限由“2012年底前”调整为“2012年6月底前”（提前184天）。",
]
NEW_TASK = """\
          - id: financial-services
            title: 加快发展金融服务业
            text: |
              引进股份制商业银行设立分支机构，推进农村信用社改制。
            lead: [市金融局]
            due: 2012-Q3

"""
# The revisions after the comments came back: reword a task, remove one, add one,
# change a lead, move a deadline.
EDITS = [
    ("推进端州区生产性服务业基地", "推进端州区现代服务业集聚区"),
    (
        "          - id: traditional-industries\n",
        "          - id: removed-task\n",
    ),
    ("          - id: innovation\n", NEW_TASK + "          - id: innovation\n"),
    (
        "            lead: [市人力资源社会保障局]\n\n          - id: environment-protection",
        "            lead: [市委组织部]\n\n          - id: environment-protection",
    ),
    (
        "            lead_word: 负责\n            due: 2012\n",
        "            lead_word: 负责\n            due: 2012-06\n",
    ),
]


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True, env=os.environ
    )
    return done.stdout.strip()


@pytest.fixture
def drafts(git_repo: GitPlans) -> Path:
    """A plan repository whose tagged commit holds the plan as sent out for comments, and
    whose working tree holds the revised draft."""
    root = git_repo.root
    (root / "plans").mkdir()
    for name in ("zhaoqing-2012-prd-workplan.yaml", "units.yaml"):
        shutil.copyfile(ROOT / "plans" / name, root / "plans" / name)
    register(root / "plans" / "units.yaml", "市委组织部")  # the revised lead
    git_repo.commit("征求意见稿", author="市政府办公室")
    git_repo.git("tag", DRAFT)
    revise(root / PLAN)
    return root


def register(registry: Path, unit: str) -> None:
    """Add `unit` to the registry, so that the issued plan naming it still renders."""
    text = registry.read_text(encoding="utf-8")
    entry = f"  - name: {unit}\n    kind: department\n"
    registry.write_text(text.replace("\ngroups:\n", f"\n{entry}groups:\n", 1), encoding="utf-8")


def revise(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert old in text, old
        text = text.replace(old, new, 1)
    # Drop the task marked for removal, up to the next task.
    start = text.index("          - id: removed-task\n")
    end = text.index("          - id: two-zones\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def render(cli: CLI, root: Path, *options: str) -> Path:
    result = cli("render", PLAN, "--as", "revision", "--from", DRAFT, *options, cwd=root)
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert line.startswith("wrote ")
    return root / line.removeprefix("wrote ")


def test_word_is_the_default_with_struck_and_underlined_runs(cli: CLI, drafts: Path) -> None:
    written = render(cli, drafts)
    assert written == drafts / "build" / "zhaoqing-2012-prd-workplan" / "revision.docx"
    word = docx.Document(io.BytesIO(written.read_bytes()))
    commit = git(drafts, "rev-parse", "--short=7", DRAFT)
    assert [paragraph.text for paragraph in word.paragraphs[:2]] == [
        TITLE,
        f"原内容：{DRAFT}（{commit}）；修改后内容：{PLAN}",
    ]
    (table,) = word.tables
    assert [cell.text for cell in table.rows[0].cells] == HEADER
    assert [row.cells[3].text for row in table.rows[1:]] == NOTES
    runs = [
        run
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    assert {"生产性", "基地"} <= {run.text for run in runs if run.font.strike}
    assert {"现代", "集聚区", "委组织部", "6月"} <= {run.text for run in runs if run.font.underline}


def test_html_marks_deletions_and_insertions(cli: CLI, drafts: Path) -> None:
    page = render(cli, drafts, "--format", "html").read_text(encoding="utf-8")
    assert f"<h1>{TITLE}</h1>" in page
    assert "".join(f'<th scope="col">{name}</th>' for name in HEADER) in page
    assert "推进端州区<del>生产性</del>服务业<del>基地</del>" in page
    assert "推进端州区<ins>现代</ins>服务业<ins>集聚区</ins>" in page
    assert "完成时限：2012年<ins>6月</ins>底前" in page


def test_excel_has_a_row_per_revised_item_in_rich_text(cli: CLI, drafts: Path) -> None:
    written = render(cli, drafts, "-o", "对照表.xlsx")
    assert written == drafts / "对照表.xlsx"
    sheet = openpyxl.load_workbook(written, rich_text=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == TITLE and list(rows[2]) == HEADER
    assert [row[0] for row in rows[3:]] == [1, 2, 3, 4, 5]
    assert [row[3] for row in rows[3:]] == NOTES
    original = rows[3][1]
    assert isinstance(original, CellRichText)
    struck = [b.text for b in original if isinstance(b, TextBlock) and b.font.strike]
    assert struck == ["生产性", "基地"]
    added = rows[5][2]
    assert isinstance(added, CellRichText)
    assert all(isinstance(b, TextBlock) and b.font.u == "single" for b in added)


def test_markdown_uses_del_and_ins_tags(cli: CLI, drafts: Path) -> None:
    text = render(cli, drafts, "--format", "md").read_text(encoding="utf-8")
    assert text.startswith(f"# {TITLE}\n")
    assert "| 序号 | 原内容 | 修改后内容 | 修改说明 |" in text
    assert "（市<del>人力资源社会保障局</del>牵头）" in text
    assert "（市<ins>委组织部</ins>牵头）" in text
    assert text.count("\n| ") == 2 + len(NOTES)


def test_the_revision_table_is_never_a_default_output(cli: CLI, drafts: Path) -> None:
    result = cli("render", PLAN, "--format", "md", "-o", "md/", cwd=drafts)
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (drafts / "md").iterdir()) == [
        "notice.md",
        "table.md",
        "units.md",
    ]


def test_two_identical_versions_give_an_empty_table_that_says_so(cli: CLI, drafts: Path) -> None:
    git(drafts, "commit", "--quiet", "--all", "-m", "送审稿")
    result = cli("render", PLAN, "--as", "revision", "--from", "HEAD", "-f", "md", cwd=drafts)
    assert result.exit_code == 0, result.output
    text = (drafts / "build" / "zhaoqing-2012-prd-workplan" / "revision.md").read_text("utf-8")
    assert "两稿内容相同，没有修订" in text and "| 序号 |" not in text


# --- refusals: exit 2, one line naming the problem, nothing written ------------------------


def refused(cli: CLI, root: Path, *options: str) -> str:
    result = cli("render", PLAN, *options, cwd=root)
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and not (root / "build").exists()
    return result.stderr


@pytest.mark.parametrize("revision", ["--output=x.docx", "-h", "--all"])
def test_a_revision_that_looks_like_an_option_is_refused(
    cli: CLI, drafts: Path, revision: str
) -> None:
    error = refused(cli, drafts, "--as", "revision", f"--from={revision}")
    assert f"refusing revision {revision!r}: it starts with '-'" in error


def test_an_unknown_revision_is_named(cli: CLI, drafts: Path) -> None:
    error = refused(cli, drafts, "--as", "revision", "--from", "定稿")
    assert error.startswith("planctl: error: unknown revision '定稿'")


def test_a_plan_added_since_the_revision_has_nothing_to_compare_with(
    cli: CLI, drafts: Path
) -> None:
    added = "plans/zhaoqing-2013-prd-workplan.yaml"
    text = (drafts / PLAN).read_text(encoding="utf-8")
    (drafts / added).write_text(
        text.replace("id: zhaoqing-2012-prd-workplan", "id: zhaoqing-2013-prd-workplan", 1),
        encoding="utf-8",
    )
    (drafts / PLAN).unlink()
    result = cli("render", added, "--as", "revision", "--from", DRAFT, cwd=drafts)
    assert result.exit_code == 2, result.output
    assert f"no plan 'zhaoqing-2013-prd-workplan' at {DRAFT}" in result.stderr
    assert "the plan was added (or its id changed) after that revision" in result.stderr


def test_outside_a_git_repository_the_error_says_so(cli: CLI, drafts: Path) -> None:
    shutil.rmtree(drafts / ".git")
    error = refused(cli, drafts, "--as", "revision", "--from", DRAFT)
    assert "not inside a git repository" in error
    assert "--from names a git revision" in error


def test_the_revision_table_needs_from(cli: CLI, drafts: Path) -> None:
    error = refused(cli, drafts, "--as", "revision")
    assert "--as revision: the 修订对照表 compares with an earlier version" in error
    assert "--from REV" in error


@pytest.mark.parametrize("document", [[], ["--as", "table"], ["--as", "all"]])
def test_from_is_refused_without_the_revision_table(
    cli: CLI, drafts: Path, document: list[str]
) -> None:
    error = refused(cli, drafts, *document, "--from", DRAFT)
    assert "--from: only the 修订对照表 compares with an earlier version" in error


def test_csv_would_lose_the_marks_and_is_refused(cli: CLI, drafts: Path) -> None:
    error = refused(cli, drafts, "--as", "revision", "--from", DRAFT, "--format", "csv")
    assert "revision is written as: docx, html, xlsx, pdf, md" in error


def test_a_commit_id_names_the_earlier_version_once(cli: CLI, drafts: Path) -> None:
    commit = git(drafts, "rev-parse", DRAFT)
    result = cli(
        "render", PLAN, "--as", "revision", "--from", commit[:10], "-o", "r.md", cwd=drafts
    )
    assert result.exit_code == 0, result.output
    text = (drafts / "r.md").read_text(encoding="utf-8")
    assert f"\n原内容：{commit[:10]}；修改后内容：{PLAN}\n" in text
