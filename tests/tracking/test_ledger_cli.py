"""`planctl render PLAN… --as ledger` in a real repository: the files it writes, read
back, agree with the lights `compute_status` gives for the same date."""

from __future__ import annotations

import datetime
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from planctl.config import TrackingSettings
from planctl.i18n import CHINESE, in_language
from planctl.repository import Repository
from planctl.tracking.lights import compute_status
from planctl.tracking.load import load_tracking

from ..conftest import CLI, GitPlans
from .test_drafts import PLAN_TEXT, UNITS_TEXT
from .test_trail import JUNE_REPORT, JUNE_REVIEW, MAY_REPORT, commit_on

PLAN = "plans/office-2023.yaml"


@pytest.fixture
def tracked(git_repo: GitPlans) -> GitPlans:
    git_repo.write(PLAN, PLAN_TEXT)
    git_repo.write("plans/units.yaml", UNITS_TEXT)
    commit_on(git_repo, "2023-02-10", "印发计划")
    git_repo.write("reports/office-2023/2023-05/市发展改革局.yaml", MAY_REPORT)
    commit_on(git_repo, "2023-06-03", "5月进展")
    git_repo.write("reports/office-2023/2023-06/市发展改革局.yaml", JUNE_REPORT)
    commit_on(git_repo, "2023-07-07", "6月进展（迟报）")
    git_repo.write("reviews/office-2023/2023-06.yaml", JUNE_REVIEW)
    commit_on(git_repo, "2023-07-08", "审核6月进展")
    return git_repo


@pytest.mark.parametrize("as_of", ["2023-06-15", "2023-07-10", "2023-10-08"])
def test_the_xlsx_ledger_holds_the_lights_of_its_date(
    cli: CLI, tracked: GitPlans, as_of: str
) -> None:
    result = cli("render", PLAN, "--as", "ledger", "--as-of", as_of, cwd=tracked.root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"wrote build/ledger-{as_of}.xlsx\n"
    with in_language(CHINESE):  # the ledger is a Chinese document, whatever the terminal speaks
        status = compute_status(
            load_tracking(Repository(tracked.root)),
            datetime.date.fromisoformat(as_of),
            TrackingSettings(),
        )
    book = load_workbook(tracked.root / "build" / f"ledger-{as_of}.xlsx")
    rows = list(book["任务台账"].iter_rows(min_row=3, values_only=True))
    words = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "done": "已完成", "grey": "灰灯"}
    assert [row[6] for row in rows] == [words[task.light] for task in status.tasks]
    assert [row[7] or "" for row in rows] == ["；".join(task.reasons) for task in status.tasks]
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(min_row=3, values_only=True)}
    assert summary["截至日期"] == datetime.datetime.fromisoformat(as_of)


def test_the_closed_task_and_the_late_report_show_in_the_ledger(
    cli: CLI, tracked: GitPlans
) -> None:
    cli(
        "render", PLAN, "--as", "ledger", "--as-of", "2023-07-10", "-o", "tz.xlsx", cwd=tracked.root
    )
    book = load_workbook(tracked.root / "tz.xlsx")
    projects = next(
        row
        for row in book["任务台账"].iter_rows(min_row=3, values_only=True)
        if row[1] and "推进重点项目建设" in row[1]
    )
    assert projects[6] == "已完成" and projects[8] == "项目全部开工"
    assert "2023年6月迟报" in projects[9]  # due 5 July, in on 7 July
    matrix = {row[0]: row[1:] for row in book["报送情况"].iter_rows(min_row=3, values_only=True)}
    header = [cell.value for cell in book["报送情况"][2]]
    june = header.index("2023年6月") - 1
    assert matrix["市发展改革局"][june] == "迟报"
    assert matrix["市交通运输局"][june] == "未报"


def test_word_and_markdown_ledgers(cli: CLI, tracked: GitPlans) -> None:
    for fmt in ("docx", "md"):
        result = cli(
            "render", PLAN, "--as", "ledger", "--as-of", "2023-07-10", "-f", fmt, cwd=tracked.root
        )
        assert result.exit_code == 0, result.stderr
    word = Document(io.BytesIO((tracked.root / "build/ledger-2023-07-10.docx").read_bytes()))
    assert any("灯号" in [cell.text for cell in table.rows[0].cells] for table in word.tables)
    text = (tracked.root / "build/ledger-2023-07-10.md").read_text(encoding="utf-8")
    assert "推进重点项目建设" in text and "已完成" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--as", "ledger", "--as-of", "2023-13-01"), "'2023-13-01' is not a date"),
        (("--as", "ledger", "-f", "pdf"), "unknown format 'pdf'"),
        (("--as", "table", "--as-of", "2023-07-10"), "only the ledger is worked out as of a date"),
        (("--as", "table", PLAN), "2 plans named, but this document is of one plan"),
    ],
)
def test_ledger_usage_errors(
    cli: CLI, tracked: GitPlans, arguments: tuple[str, ...], message: str
) -> None:
    result = cli("render", PLAN, *arguments, cwd=tracked.root)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_the_ledger_is_never_written_over_a_plan_or_the_unit_registry(
    cli: CLI, tracked: GitPlans
) -> None:
    for target in (PLAN, "plans/units.yaml"):
        before = (tracked.root / target).read_bytes()
        result = cli("render", PLAN, "--as", "ledger", "-f", "md", "-o", target, cwd=tracked.root)
        assert result.exit_code == 2, target
        assert (tracked.root / target).read_bytes() == before
