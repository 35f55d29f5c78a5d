"""`report new` and `review new` drafts: which tasks a unit reports on, what carries over
from its last report, and that the files are valid and laid out as `planctl fmt` lays
them out."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from planctl.model import Plan, plan_from_data
from planctl.tracking.drafts import (
    default_period,
    laid_out,
    report_draft,
    review_draft,
)
from planctl.tracking.periods import Period
from planctl.tracking.records import Decision, Report, ReportEntry, Review
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry
from planctl.yamlio import load_text

PLAN_TEXT = """\
format: planctl/1
id: office-2023
title: 示例市2023年重点工作计划
kind: 工作计划
stage: issued
issuer: 示例市人民政府
period: {start: 2023-01-01, end: 2023-12-31}
reporting: {cycle: month, due_day: 5, start: 2023-03, supervisor: 市政府督查室}
sections:
  - id: economy
    title: 推动经济高质量发展
    tasks:
      - id: industry
        title: 壮大先进制造业
        lead: [市工业和信息化局]
        support: [市发展改革局]
        due: 2023-06

      - id: projects
        title: 推进重点项目建设
        lead: [市发展改革局]
        due: 2023-12

      - id: later
        title: 谋划明年重点项目
        lead: [市发展改革局]
        start: 2023-09
        due: 2023-12

      - id: roads
        title: 改善城乡道路
        lead: [市交通运输局]
        support: [各区人民政府]
        due: ongoing
"""

UNITS_TEXT = """\
format: planctl-units/1
units:
  - name: 市工业和信息化局
    kind: department
  - name: 市发展改革局
    aliases: [市发改局]
    kind: department
  - name: 市交通运输局
    kind: department
  - name: 甲区人民政府
    kind: government
  - name: 乙区人民政府
    kind: government
groups:
  - name: 各区人民政府
    members: [甲区人民政府, 乙区人民政府]
"""

JUNE, MAY = Period("month", 2023, 6), Period("month", 2023, 5)
NDRC = "市发展改革局"


def office_plan() -> Plan:
    return plan_from_data(load_text(PLAN_TEXT, "plans/office-2023.yaml").data)


def office_units() -> UnitRegistry:
    return UnitRegistry.from_data(load_text(UNITS_TEXT, "plans/units.yaml").data)


def may_report() -> Report:
    """市发展改革局's May report: industry at 40 %, projects delayed."""
    entries = (
        ReportEntry("industry", ("tasks", 0), "in_progress", 40, "完成园区规划\n开始招商"),
        ReportEntry("projects", ("tasks", 1), "delayed", None, "征地受阻", next_steps="协调征地"),
    )
    return Report(
        "reports/office-2023/2023-05/市发展改革局.yaml",
        "office-2023",
        MAY,
        NDRC,
        datetime.date(2023, 5, 31),
        entries,
        datetime.date(2023, 6, 3),
    )


def test_a_unit_reports_on_the_tasks_it_leads_or_supports_once_they_have_started() -> None:
    draft = report_draft(office_plan(), NDRC, JUNE, units=office_units())
    # `later` starts in September: nothing to report in June.
    assert [(item.task.id, item.role) for item in draft.tasks] == [
        ("industry", "配合"),
        ("projects", "牵头"),
    ]
    september = report_draft(office_plan(), NDRC, Period("month", 2023, 9), units=office_units())
    assert [item.task.id for item in september.tasks] == ["industry", "projects", "later"]


def test_a_group_member_reports_on_the_group_s_tasks() -> None:
    draft = report_draft(office_plan(), "甲区人民政府", JUNE, units=office_units())
    assert [(item.task.id, item.role) for item in draft.tasks] == [("roads", "配合")]


def test_a_closed_task_is_no_longer_reported() -> None:
    review = Review(
        "reviews/office-2023/2023-05.yaml",
        "office-2023",
        MAY,
        "市政府督查室",
        datetime.date(2023, 6, 8),
        (Decision("industry", ("decisions", 0), close=datetime.date(2023, 6, 8)),),
    )
    draft = report_draft(office_plan(), NDRC, JUNE, units=office_units(), reviews=[review])
    assert [item.task.id for item in draft.tasks] == ["projects"]


def test_last_period_s_status_and_percent_carry_over_and_its_text_becomes_comments() -> None:
    draft = report_draft(office_plan(), NDRC, JUNE, units=office_units(), reports=[may_report()])
    text = draft.text()
    assert "  # 上期（2023年5月）进展：完成园区规划 开始招商\n" in text
    assert "  # 上期下步打算：协调征地\n" in text
    assert "  # 1. 壮大先进制造业（配合；完成时限：2023年6月底前）\n" in text
    data = load_text(text, "draft.yaml").data
    assert data["tasks"] == [
        {"task": "industry", "status": "in_progress", "percent": 40},
        {"task": "projects", "status": "delayed"},
    ]
    assert (data["plan"], data["period"], data["unit"], data["as_of"]) == (
        "office-2023",
        "2023-06",
        NDRC,
        "2023-06-30",
    )


def test_without_an_earlier_report_a_task_starts_not_started() -> None:
    draft = report_draft(office_plan(), NDRC, JUNE, units=office_units())
    statuses = [entry["status"] for entry in load_text(draft.text(), "d.yaml").data["tasks"]]
    assert statuses == ["not_started", "not_started"]


def test_the_draft_is_laid_out_as_fmt_lays_it_out() -> None:
    from planctl.fmt import format_text, kind_of

    draft = report_draft(office_plan(), NDRC, JUNE, units=office_units(), reports=[may_report()])
    path = Path("reports") / str(draft.path)
    text = laid_out(draft.text(), path)
    assert format_text(text, kind=kind_of(path)) == text
    assert "# 上期（2023年5月）进展" in text  # the comments survive the layout


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2023, 7, 3), "2023-06"),  # June's report is due by 5 July
        (datetime.date(2023, 7, 5), "2023-06"),
        (datetime.date(2023, 7, 6), "2023-07"),  # June's is overdue: July's is next
        (datetime.date(2023, 7, 31), "2023-07"),
    ],
)
def test_the_default_period_is_the_one_whose_report_is_due_next(
    today: datetime.date, expected: str
) -> None:
    assert str(default_period("month", 5, today, Workdays())) == expected


def test_a_due_day_on_a_weekend_moves_the_default_to_the_next_workday() -> None:
    # 5 August 2023 is a Saturday: July's report is due on Monday 7 August.
    assert str(default_period("month", 5, datetime.date(2023, 8, 7), Workdays())) == "2023-07"
    assert str(default_period("quarter", 10, datetime.date(2023, 7, 10), Workdays())) == "2023-Q2"


def test_the_review_draft_holds_each_entry_the_requests_and_the_missing_units() -> None:
    entries = (
        ReportEntry(
            "industry", ("tasks", 0), "done", 100, "已投产", request="close", reason="目标全部完成"
        ),
        ReportEntry(
            "projects",
            ("tasks", 1),
            "delayed",
            30,
            "征地受阻",
            request="extend",
            extend_to="2024-03",
            reason="征地延后",
        ),
    )
    june = Report(
        "reports/office-2023/2023-06/市发展改革局.yaml",
        "office-2023",
        JUNE,
        NDRC,
        datetime.date(2023, 6, 30),
        entries,
        datetime.date(2023, 7, 4),
    )
    draft = review_draft(
        office_plan(), JUNE, units=office_units(), reports=[june], today=datetime.date(2023, 7, 8)
    )
    assert draft.missing == ("市工业和信息化局", "市交通运输局", "甲区人民政府", "乙区人民政府")
    text = laid_out(draft.text(), Path("reviews/office-2023/2023-06.yaml"))
    data = load_text(text, "review.yaml").data
    assert (data["reviewer"], data["date"], data["period"]) == (
        "市政府督查室",
        "2023-07-08",
        "2023-06",
    )
    assert data["decisions"] == [
        {"task": "industry", "unit": NDRC, "verdict": "accepted"},
        {"task": "projects", "unit": NDRC, "verdict": "accepted"},
    ]
    assert "# 未报送：市交通运输局" in text
    assert "# 申请办结：目标全部完成" in text
    assert "  # - {task: industry, close: 2023-07-08}\n" in text
    assert "# 申请延期至 2024-03：征地延后" in text
    assert "  # - {task: projects, extend_to: 2024-03, note: 征地延后}\n" in text


def test_an_approved_request_is_one_uncommented_decision() -> None:
    entries = (ReportEntry("industry", ("tasks", 0), "done", 100, "已投产", request="close"),)
    june = Report("r.yaml", "office-2023", JUNE, NDRC, datetime.date(2023, 6, 30), entries)
    draft = review_draft(
        office_plan(), JUNE, units=office_units(), reports=[june], today=datetime.date(2023, 7, 8)
    )
    approved = draft.text().replace("  # - {task: industry, close:", "  - {task: industry, close:")
    data = load_text(approved, "review.yaml").data
    assert {"task": "industry", "close": "2023-07-08"} in data["decisions"]


def test_fmt_lays_out_reports_and_reviews_in_their_schema_s_order() -> None:
    from planctl.fmt import format_text, kind_of

    scrambled = (
        "tasks:\n  - status: done\n    task: t1\n    milestones:\n      - done: 2023-05-28\n"
        "        id: m1\nunit: 市发展改革局\nplan: p\nformat: planctl-report/1\n"
        "period: 2023-06\nas_of: 2023-06-30\n"
    )
    report = kind_of(Path("reports/p/2023-06/市发展改革局.yaml"))
    assert report == "report"
    assert format_text(scrambled, kind=report) == (
        "format: planctl-report/1\nplan: p\nperiod: 2023-06\nunit: 市发展改革局\n"
        "as_of: 2023-06-30\ntasks:\n  - task: t1\n    status: done\n"
        "    milestones:\n      - {id: m1, done: 2023-05-28}\n"
    )
    review = kind_of(Path("reviews/p/2023-06.yaml"))
    decisions = "decisions:\n  - verdict: accepted\n    task: t1\n    unit: 市发展改革局\n"
    assert format_text("format: planctl-review/1\n" + decisions, kind=review) == (
        "format: planctl-review/1\ndecisions:\n"
        "  - {task: t1, unit: 市发展改革局, verdict: accepted}\n"
    )
    assert kind_of(Path("plans/p.yaml")) == "plan"


def test_plan_text_in_a_comment_stays_in_the_comment() -> None:
    from dataclasses import replace

    plan = office_plan()
    task = plan.task("projects")
    assert task is not None
    hostile = replace(plan, title="计划\nunit: 他人\n# x", _index={}, _tasks=[])
    draft = report_draft(hostile, NDRC, JUNE, units=office_units(), reports=[may_report()])
    items = tuple(
        replace(item, task=replace(item.task, title="任务\rstatus: done"), deadline="年底\n前")
        for item in draft.tasks
    )
    text = replace(draft, tasks=items).text()
    data = load_text(text, "draft.yaml").data
    assert data["unit"] == NDRC
    assert [entry["status"] for entry in data["tasks"]] == ["in_progress", "delayed"]
    assert "# 计划 unit: 他人 # x 2023年6月进展报告" in text


def test_a_task_suspended_by_review_or_in_the_plan_is_not_drafted() -> None:
    from dataclasses import replace

    review = Review(
        "reviews/office-2023/2023-05.yaml",
        "office-2023",
        MAY,
        "市政府督查室",
        datetime.date(2023, 6, 8),
        (Decision("projects", ("decisions", 0), status="suspended", note="暂缓"),),
    )
    draft = report_draft(office_plan(), NDRC, JUNE, units=office_units(), reviews=[review])
    assert [item.task.id for item in draft.tasks] == ["industry"]
    # Before the review's date, May still owes a report on it.
    may = report_draft(office_plan(), NDRC, MAY, units=office_units(), reviews=[review])
    assert [item.task.id for item in may.tasks] == ["industry", "projects"]
    plan = office_plan()
    suspended = replace(
        plan,
        sections=tuple(
            replace(
                s,
                tasks=tuple(
                    replace(t, status="suspended") if t.id == "industry" else t for t in s.tasks
                ),
            )
            for s in plan.sections
        ),
        _index={},
        _tasks=[],
    )
    assert [i.task.id for i in report_draft(suspended, NDRC, JUNE, units=office_units()).tasks] == [
        "projects"
    ]
