"""Drafts, the ledger and the trail on the demo tracking repository (tests/tracking/demo.py):
the Zhaoqing plan with its year of monthly reports and reviews, committed on the days
they reached the office. The expected values come from the demo's story, not from the
code under test."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planctl.config import TrackingSettings
from planctl.model import Plan
from planctl.render.formats import ledger_xlsx
from planctl.repository import Repository
from planctl.tracking.drafts import report_draft, review_draft
from planctl.tracking.ledger import build_ledger
from planctl.tracking.lights import compute_status
from planctl.tracking.load import Tracking, load_tracking
from planctl.tracking.periods import Period

from ..conftest import CLI
from .demo import PERIODS, PLAN_ID, SUPERVISOR, reporting_tasks

LIGHT_WORDS = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "done": "已完成", "grey": "灰灯"}


@pytest.fixture(scope="module")
def demo(tracking_demo: Path) -> Tracking:
    tracking = load_tracking(Repository(tracking_demo))
    assert not tracking.findings
    return tracking


def plan_of(demo: Tracking) -> Plan:
    (plan,) = [plan for plan in demo.plans if plan.id == PLAN_ID]
    return plan


@pytest.mark.parametrize("period", [PERIODS[0], PERIODS[4], PERIODS[7]], ids=str)
def test_each_unit_s_draft_holds_the_tasks_the_demo_has_it_report(
    demo: Tracking, period: Period
) -> None:
    plan = plan_of(demo)
    assert demo.units is not None
    expected = reporting_tasks(plan, demo.units, period)
    for unit, tasks in expected.items():
        draft = report_draft(
            plan, unit, period, units=demo.units, reports=demo.reports, reviews=demo.reviews
        )
        assert [item.task.id for item in draft.tasks] == [task.id for task in tasks], unit


def test_september_s_drafts_carry_august_s_reports(demo: Tracking) -> None:
    plan = plan_of(demo)
    september = Period("month", 2012, 9)
    august = {r.unit: r for r in demo.reports if str(r.period) == "2012-08"}
    for unit, report in august.items():
        draft = report_draft(
            plan, unit, september, units=demo.units, reports=demo.reports, reviews=demo.reviews
        )
        for item in draft.tasks:
            said = report.entry(item.task.id)
            if said is None:  # cancelled in the August review: not in September's draft
                continue
            assert item.last_period == Period("month", 2012, 8)
            assert (item.status, item.last) == (said.status, said)
    # 市林业局 sent nothing in August: its September draft carries July's.
    forestry = report_draft(
        plan, "市林业局", september, units=demo.units, reports=demo.reports, reviews=demo.reviews
    )
    assert {str(item.last_period) for item in forestry.tasks} == {"2012-07"}


def test_the_august_review_draft_names_the_unit_that_did_not_report(demo: Tracking) -> None:
    august = Period("month", 2012, 8)
    draft = review_draft(
        plan_of(demo),
        august,
        units=demo.units,
        reports=demo.reports,
        reviews=demo.reviews,
        today=datetime.date(2012, 9, 10),
    )
    assert draft.missing == ("市林业局",)
    assert draft.reviewer == SUPERVISOR
    submitted = [r for r in demo.reports if r.period == august]
    assert {r.unit for r in draft.reports} == {r.unit for r in submitted}
    assert draft.text().count("verdict: accepted}") == sum(len(r.entries) for r in submitted)


@pytest.mark.parametrize(
    "as_of", [datetime.date(2012, 7, 10), datetime.date(2012, 10, 16), datetime.date(2013, 1, 11)]
)
def test_the_demo_ledger_matches_its_status(demo: Tracking, as_of: datetime.date) -> None:
    status = compute_status(demo, as_of, TrackingSettings())
    book = load_workbook(io.BytesIO(ledger_xlsx.ledger(build_ledger(status, demo.units))))
    rows = list(book["任务台账"].iter_rows(min_row=3, values_only=True))
    assert [(row[1], row[6]) for row in rows] == [
        (task.placed.task.heading, LIGHT_WORDS[task.light]) for task in status.tasks
    ]
    header = [cell.value for cell in book["报送情况"][2]]
    matrix = {row[0]: row for row in book["报送情况"].iter_rows(min_row=3, values_only=True)}
    words = {"on_time": "按时", "late": "迟报", "missing": "未报"}
    for report in status.reports:
        column = header.index(report.period.chinese())
        assert matrix[report.unit][column] == words[report.status], report


def test_the_ledger_s_matrix_tells_the_demo_s_story(demo: Tracking) -> None:
    status = compute_status(demo, datetime.date(2012, 10, 16), TrackingSettings())
    book = load_workbook(io.BytesIO(ledger_xlsx.ledger(build_ledger(status, demo.units))))
    header = [cell.value for cell in book["报送情况"][2]]
    matrix = {row[0]: row for row in book["报送情况"].iter_rows(min_row=3, values_only=True)}
    assert matrix["市农业局"][header.index("2012年6月")] == "迟报"  # in on 12 July
    assert matrix["市林业局"][header.index("2012年8月")] == "未报"
    assert matrix["市编办"][header.index("2012年9月")] == "按时"  # 6 October: due the 8th


def test_the_trail_of_a_returned_and_reported_again_task(cli: CLI, tracking_demo: Path) -> None:
    result = cli("history", "innovation", "--format", "json", cwd=tracking_demo)
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    dates = [event["date"] for event in events]
    assert dates == sorted(dates)
    returned = [e for e in events if e["kind"] == "decision" and e.get("verdict") == "returned"]
    assert [(e["date"], e["period"]) for e in returned] == [("2012-07-10", "2012-06")]
    june = [e for e in events if e["kind"] == "report" and e["period"] == "2012-06"]
    assert [(e["status"], e["request"]) for e in june] == [("done", "close")]
    assert not any(e["kind"] == "close" for e in events)
