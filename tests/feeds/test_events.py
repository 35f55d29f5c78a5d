"""The events of one plan: what the office's reviews change, holidays moving report due
days, and the report events agreeing with the report statuses the lights count."""

from __future__ import annotations

import datetime

from planctl.config import TrackingSettings
from planctl.feeds.events import FeedEvent, plan_events
from planctl.model import Plan, plan_from_data
from planctl.tracking.lights import compute_status
from planctl.tracking.periods import Period
from planctl.tracking.records import Decision, Holidays, Review
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry

from .conftest import FEEDS_PLAN

D = datetime.date
UNITS = UnitRegistry.from_data(
    {
        "units": [{"name": name} for name in ("市发展改革局", "市财政局", "市交通运输局")],
        "groups": [{"name": "各区", "members": ["市财政局"]}],
    }
)


def plan(*tasks: dict[str, object]) -> Plan:
    return plan_from_data(
        {
            "id": "p",
            "title": "二〇二三年重点工作",
            "stage": "issued",
            "period": {"start": "2023-01-01", "end": "2023-06-30"},
            "reporting": {"cycle": "month", "due_day": 5},
            "tasks": [{"title": f"任务{task['id']}", **task} for task in tasks],
        }
    )


def review(month: int, date: datetime.date, *decisions: Decision) -> Review:
    return Review("reviews/p/x.yaml", "p", Period("month", 2023, month), "督查室", date, decisions)


def by_kind(events: list[FeedEvent], kind: str) -> list[FeedEvent]:
    return [event for event in events if event.kind == kind]


def test_an_approved_extension_moves_the_deadline_and_keeps_its_uid() -> None:
    work = plan({"id": "t", "lead": ["市发展改革局"], "due": "2023-03"})
    before = by_kind(plan_events(work, UNITS, Workdays()), "deadline")
    extended = review(3, D(2023, 3, 20), Decision("t", ("decisions", 0), extend_to="2023-05"))

    after = by_kind(plan_events(work, UNITS, Workdays(), [extended]), "deadline")

    assert [(e.uid, e.day) for e in before] == [(before[0].uid, D(2023, 3, 31))]
    assert [(e.uid, e.day) for e in after] == [(before[0].uid, D(2023, 5, 31))]
    assert after[0].subject == "任务t 2023年3月底前（已批准延期至2023年5月底前）"


def test_a_closed_task_is_marked_done_and_its_reports_end() -> None:
    work = plan({"id": "t", "lead": ["市发展改革局"], "due": "2023-06"})
    closed = review(2, D(2023, 3, 10), Decision("t", ("decisions", 0), close=D(2023, 3, 10)))

    events = plan_events(work, UNITS, Workdays(), [closed])

    assert by_kind(events, "deadline")[0].subject == "任务t 2023年6月底前（已办结）"
    # January and February end before the close; March and later need no report.
    assert [e.subject for e in by_kind(events, "report")] == ["2023年1月进展", "2023年2月进展"]


def test_a_task_cancelled_in_the_plan_or_by_review_has_no_events() -> None:
    work = plan(
        {"id": "gone", "lead": ["市财政局"], "due": "2023-06", "status": "cancelled"},
        {"id": "stopped", "lead": ["市交通运输局"], "due": "2023-06"},
    )
    stop = review(1, D(2023, 2, 1), Decision("stopped", ("decisions", 0), status="suspended"))

    events = plan_events(work, UNITS, Workdays(), [stop])

    assert {e.task_id for e in events if e.kind != "report"} == set()
    assert {unit for e in by_kind(events, "report") for unit in e.units} == {"市交通运输局"}
    assert [e.subject for e in by_kind(events, "report")] == ["2023年1月进展"]


def test_report_due_days_move_past_the_state_councils_holidays() -> None:
    work = plan({"id": "t", "lead": ["市发展改革局"], "due": "2023-06"})
    # 2023: 4-5 May off (劳动节), Saturday 6 May a workday (调休).
    holidays = Holidays(
        2023, rest=frozenset({D(2023, 5, 1), D(2023, 5, 4), D(2023, 5, 5)}),
        work=frozenset({D(2023, 5, 6)}),
    )  # fmt: skip

    events = plan_events(work, UNITS, Workdays({2023: holidays}), [])

    april = next(e for e in events if e.subject == "2023年4月进展")
    assert april.day == D(2023, 5, 6)


def test_group_members_and_every_role_get_the_task_with_their_role() -> None:
    work = plan({"id": "t", "lead": ["市发展改革局"], "support": ["各区"], "due": "2023-06"})

    deadline = by_kind(plan_events(work, UNITS, Workdays()), "deadline")[0]

    assert deadline.role_of("市发展改革局") == "lead"
    assert deadline.role_of("市财政局") == "support"
    assert deadline.leads == ("市发展改革局",)


def test_the_calendars_report_dates_are_the_ones_the_lights_count() -> None:
    """Every report the lights find due by the end of the year is an event on its day."""
    work = plan_from_data(_feeds_plan())
    tracked = _Tracked(work)

    events = plan_events(work, tracked.units, Workdays())
    status = compute_status(tracked, D(2024, 1, 31), TrackingSettings())

    owed = {(state.unit, state.due) for state in status.reports}
    shown = {(event.units[0], event.day) for event in by_kind(events, "report")}
    assert owed == shown
    assert len(owed) == 24


class _Tracked:
    def __init__(self, work: Plan) -> None:
        self.plans = (work,)
        self.units = UnitRegistry.from_data(_units())
        self.reports = ()
        self.reviews = ()
        self.workdays = Workdays()


def _feeds_plan() -> dict[str, object]:
    from planctl.yamlio import load_bytes

    data = load_bytes(FEEDS_PLAN.encode(), "feeds.yaml").data
    assert isinstance(data, dict)
    return data


def _units() -> dict[str, object]:
    from planctl.yamlio import load_bytes

    from ..conftest import DATA

    data = load_bytes((DATA / "units.yaml").read_bytes(), "units.yaml").data
    assert isinstance(data, dict)
    return data
