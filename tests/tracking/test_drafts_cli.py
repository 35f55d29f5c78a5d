"""`planctl report new`, `report import` and `review new` in a real git repository: the
files land where they belong, validate, pass `fmt --check`, load back with the values
written, and never replace a file already there."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planctl.repository import Repository
from planctl.tracking.load import load_tracking
from planctl.tracking.records import Report

from ..conftest import CLI, GitPlans
from .test_drafts import NDRC, PLAN_TEXT, UNITS_TEXT

REPORT = f"reports/office-2023/2023-06/{NDRC}.yaml"
WORKBOOK = f"build/reports/{NDRC}-2023-06.xlsx"


@pytest.fixture
def office(git_repo: GitPlans) -> GitPlans:
    git_repo.write("plans/office-2023.yaml", PLAN_TEXT)
    git_repo.write("plans/units.yaml", UNITS_TEXT)
    git_repo.commit("印发计划")
    return git_repo


def loaded_report(root: Path, path: str = REPORT) -> Report:
    tracking = load_tracking(Repository(root))
    assert not tracking.findings, [f.message for f in tracking.findings]
    (report,) = [r for r in tracking.reports if r.file.endswith(path.split("/", 1)[1])]
    return report


def test_report_new_writes_a_valid_draft_where_the_report_belongs(
    cli: CLI, office: GitPlans
) -> None:
    result = cli("report", "new", "--unit", "市发改局", "--period", "2023-06", cwd=office.root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"wrote {REPORT}: 2 tasks (office-2023, 2023-06)\n"
    report = loaded_report(office.root)
    assert (report.unit, str(report.period)) == (NDRC, "2023-06")
    assert [(e.task, e.status) for e in report.entries] == [
        ("industry", "not_started"),
        ("projects", "not_started"),
    ]
    assert cli("validate", cwd=office.root).exit_code == 0
    assert cli("fmt", "--check", REPORT, cwd=office.root).exit_code == 0


def test_report_new_never_replaces_a_report(cli: CLI, office: GitPlans) -> None:
    office.write(REPORT, "# 已填写的报告\n")
    result = cli("report", "new", "--unit", NDRC, "--period", "2023-06", cwd=office.root)
    assert result.exit_code == 2
    assert result.stderr == (
        f"planctl: error: {REPORT}: the file exists already — edit it, or write the draft "
        "elsewhere with -o PATH\n"
    )
    assert office.read(REPORT) == "# 已填写的报告\n"
    elsewhere = cli(
        "report",
        "new",
        "--unit",
        NDRC,
        "--period",
        "2023-06",
        "-o",
        "draft.yaml",
        cwd=office.root,
    )
    assert elsewhere.exit_code == 0 and (office.root / "draft.yaml").is_file()


def test_last_month_s_report_is_carried_into_this_month_s_draft(cli: CLI, office: GitPlans) -> None:
    assert (
        cli("report", "new", "--unit", NDRC, "--period", "2023-05", cwd=office.root).exit_code == 0
    )
    may = f"reports/office-2023/2023-05/{NDRC}.yaml"
    office.edit(
        may,
        "  - task: industry\n    status: not_started\n",
        "  - task: industry\n    status: in_progress\n    percent: 40\n"
        "    progress: 完成园区规划\n",
    )
    office.commit("市发展改革局报送5月进展")
    assert (
        cli("report", "new", "--unit", NDRC, "--period", "2023-06", cwd=office.root).exit_code == 0
    )
    text = office.read(REPORT)
    assert "# 上期（2023年5月）进展：完成园区规划" in text
    industry = loaded_report(office.root).entry("industry")
    assert industry is not None and (industry.status, industry.percent) == ("in_progress", 40)


def test_a_workbook_filled_in_excel_imports_as_the_report(cli: CLI, office: GitPlans) -> None:
    made = cli(
        "report", "new", "--unit", NDRC, "--period", "2023-06", "--format", "xlsx", cwd=office.root
    )
    assert made.exit_code == 0, made.stderr
    assert made.stdout == f"wrote {WORKBOOK}: 2 tasks (office-2023, 2023-06)\n"
    book = load_workbook(office.root / WORKBOOK)
    sheet = book["示例市2023年重点工作计划"]
    sheet["D3"], sheet["E3"], sheet["F3"] = "推进中", 60, "园区道路完工"
    sheet["D4"], sheet["F4"], sheet["H4"] = "滞后", "征地受阻", "协调征地"
    sheet["I4"], sheet["J4"], sheet["K4"] = "申请延期", "2024-03", "征地延后"
    book.save(office.root / "filled.xlsx")

    result = cli("report", "import", "filled.xlsx", cwd=office.root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"wrote {REPORT}\n"
    report = loaded_report(office.root)
    industry, projects = report.entries
    assert (industry.status, industry.percent, industry.progress) == (
        "in_progress",
        60,
        "园区道路完工",
    )
    assert (projects.status, projects.next_steps) == ("delayed", "协调征地")
    assert (projects.request, projects.extend_to, projects.reason) == (
        "extend",
        "2024-03",
        "征地延后",
    )
    assert cli("validate", cwd=office.root).exit_code == 0
    assert cli("fmt", "--check", REPORT, cwd=office.root).exit_code == 0

    again = cli("report", "import", "filled.xlsx", cwd=office.root)
    assert again.exit_code == 2 and "exists already" in again.stderr
    assert cli("report", "import", "filled.xlsx", "--force", cwd=office.root).exit_code == 0


def test_a_bad_cell_stops_the_import_with_its_place(cli: CLI, office: GitPlans) -> None:
    cli("report", "new", "--unit", NDRC, "--period", "2023-06", "-f", "xlsx", cwd=office.root)
    book = load_workbook(office.root / WORKBOOK)
    book["示例市2023年重点工作计划"]["E4"] = 120
    buffer = io.BytesIO()
    book.save(buffer)
    (office.root / "filled.xlsx").write_bytes(buffer.getvalue())
    result = cli("report", "import", "filled.xlsx", cwd=office.root)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "planctl: error: filled.xlsx: sheet 示例市2023年重点工作计划, row 4, 完成进度(%): "
        "'120' is not a whole number from 0 to 100"
    )
    assert not (office.root / REPORT).exists()


def test_review_new_prefills_the_decisions_and_lists_the_missing_units(
    cli: CLI, office: GitPlans
) -> None:
    cli("report", "new", "--unit", NDRC, "--period", "2023-06", cwd=office.root)
    office.commit("市发展改革局报送6月进展")
    result = cli("review", "new", "office-2023", "--period", "2023-06", cwd=office.root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "wrote reviews/office-2023/2023-06.yaml: 2 report entries to decide on "
        "(office-2023, 2023-06)\n"
    )
    text = office.read("reviews/office-2023/2023-06.yaml")
    assert "# 未报送：市工业和信息化局" in text and "# 未报送：甲区人民政府" in text
    tracking = load_tracking(Repository(office.root))
    assert not tracking.findings
    (review,) = tracking.reviews
    assert review.reviewer == "市政府督查室"
    assert [(d.task, d.unit, d.verdict) for d in review.decisions] == [
        ("industry", NDRC, "accepted"),
        ("projects", NDRC, "accepted"),
    ]
    assert cli("fmt", "--check", "reviews/office-2023/2023-06.yaml", cwd=office.root).exit_code == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("report", "new", "--unit", "市发改委"), "'市发改委' is not a registered unit"),
        (
            ("report", "new", "--unit", NDRC, "--period", "2023-Q2"),
            "'2023-Q2' is not a month period",
        ),
        (("report", "new", "--unit", NDRC, "--plan", "nothing"), "no plan 'nothing'"),
        (("review", "new", "nothing", "--period", "2023-06"), "no plan 'nothing'"),
        (("report", "import", "missing.xlsx"), "cannot read the workbook"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    cli: CLI, office: GitPlans, arguments: tuple[str, ...], message: str
) -> None:
    result = cli(*arguments, cwd=office.root)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_a_task_id_changed_in_the_hidden_map_is_refused(cli: CLI, office: GitPlans) -> None:
    cli("report", "new", "--unit", NDRC, "--period", "2023-06", "-f", "xlsx", cwd=office.root)
    book = load_workbook(office.root / WORKBOOK)
    task_rows = [row for row in book["planctl"].iter_rows(min_row=2) if row[0].value == "task"]
    task_rows[1][3].value = "renamed"
    book.save(office.root / "changed.xlsx")
    result = cli("report", "import", "changed.xlsx", cwd=office.root)
    assert result.exit_code == 1
    assert "task 'renamed' is not in plan 'office-2023' (the task map was changed)" in result.stderr
    assert not (office.root / REPORT).exists()


@pytest.mark.parametrize("unit", ["../../plans/x", "..", "a\\b", "市局\x1b[2J"])
def test_without_a_registry_a_unit_must_still_be_a_file_name(
    cli: CLI, office: GitPlans, unit: str
) -> None:
    (office.root / "plans/units.yaml").unlink()
    result = cli("report", "new", "--unit", unit, "--period", "2023-06", cwd=office.root)
    assert result.exit_code == 2
    assert "cannot be a unit's file name" in result.stderr
    assert "\x1b" not in result.stderr
    assert not (office.root / "reports").exists()


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2023-02", "'2023-02' is before plan 'office-2023''s first reporting period 2023-03"),
        ("2024-01", "'2024-01' starts after plan 'office-2023''s period ends (2023-12-31)"),
    ],
)
def test_a_period_outside_the_plan_s_reporting_is_refused(
    cli: CLI, office: GitPlans, period: str, message: str
) -> None:
    result = cli("report", "new", "--unit", NDRC, "--period", period, cwd=office.root)
    assert result.exit_code == 2
    assert message in result.stderr


def test_without_a_period_the_report_due_next_is_drafted(office: GitPlans) -> None:
    import datetime

    from planctl.errors import UsageError
    from planctl.tracking.drafts import new_reports

    (written,) = new_reports(NDRC, today=datetime.date(2023, 7, 3), start=office.root)
    assert written.path == office.root / REPORT
    # Once the plan's year is over, it takes no more reports.
    with pytest.raises(UsageError, match="has no task to report on"):
        new_reports(NDRC, today=datetime.date(2024, 3, 1), start=office.root)


def test_import_with_force_never_replaces_a_plan(cli: CLI, office: GitPlans) -> None:
    cli("report", "new", "--unit", NDRC, "--period", "2023-06", "-f", "xlsx", cwd=office.root)
    before = office.read("plans/office-2023.yaml")
    result = cli(
        "report", "import", WORKBOOK, "-o", "plans/office-2023.yaml", "--force", cwd=office.root
    )
    assert result.exit_code == 2
    assert office.read("plans/office-2023.yaml") == before
