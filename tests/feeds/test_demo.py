"""The calendars of the demo tracking repository (tests/tracking/demo.py): the Zhaoqing
2012 plan, its workdays calendar, and a year of reports and reviews in git."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from planctl.config import TrackingSettings
from planctl.feeds.events import plan_events
from planctl.repository import Repository
from planctl.tracking.lights import compute_status
from planctl.tracking.load import load_tracking

from ..tracking.demo import build_demo
from .test_calendar import events

D = datetime.date


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("calendar-demo")
    return build_demo(folder / "repo", folder / "home").root


@pytest.fixture(scope="module")
def feeds(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from planctl.cli import run

    folder = tmp_path_factory.mktemp("feeds")
    assert run(["calendar", str(demo / "plans" / "zhaoqing-2012-prd-workplan.yaml"),
                "-o", str(folder)]) == 0  # fmt: skip
    return folder


def summaries(path: Path) -> dict[str, datetime.date]:
    return {event.summary.value: event.dtstart.value for event in events(path).values()}


def test_september_reports_are_due_after_the_national_day_holiday(feeds: Path) -> None:
    forestry = summaries(feeds / "市林业局.ics")

    assert forestry["【报送】2012年9月进展"] == D(2012, 10, 8)  # 5 October: 国庆 holiday
    assert forestry["【报送】2012年5月进展"] == D(2012, 6, 5)


def test_reviews_extend_close_and_cancel(feeds: Path) -> None:
    education = summaries(feeds / "市教育局.ics")
    whole = events(feeds / "全部.ics").values()

    extended = [s for s in education if s.startswith("【牵头】实现创建省教育强市目标任务")]
    assert extended == [
        "【牵头】实现创建省教育强市目标任务 2012年底前（已批准延期至2013年6月底前）"
    ]
    assert education[extended[0]] == D(2013, 6, 30)
    talent = [e.summary.value for e in whole if "任务标识：talent" in e.description.value]
    assert talent and all(summary.endswith("（已办结）") for summary in talent)
    assert not [e for e in whole if "任务标识：dinghu-station-tod" in e.description.value]


def test_every_report_the_lights_count_is_in_the_calendar(demo: Path) -> None:
    tracking = load_tracking(Repository(demo))
    (plan,) = tracking.plans

    status = compute_status(tracking, D(2013, 2, 28), TrackingSettings())
    shown = {
        (event.units[0], event.period, event.day)
        for event in plan_events(plan, tracking.units, tracking.workdays, tracking.reviews)
        if event.kind == "report" and event.day <= D(2013, 2, 28)
    }

    owed = {(state.unit, state.period, state.due) for state in status.reports}
    assert owed == shown
    assert len(owed) > 100


def test_reports_after_the_plan_end_follow_an_extension(demo: Path) -> None:
    # `education` is extended to 2013-06: its two lead units report on it every month
    # until June 2013, and nobody else reports after the plan's end.
    tracking = load_tracking(Repository(demo))
    (plan,) = tracking.plans
    after = {
        (event.units[0], str(event.period))
        for event in plan_events(plan, tracking.units, tracking.workdays, tracking.reviews)
        if event.kind == "report" and event.period is not None and event.period.year == 2013
    }
    units = {unit for unit, _period in after}
    assert units == {"市教育局", "市人力资源社会保障局"}
    assert max(period for _unit, period in after) == "2013-06"
