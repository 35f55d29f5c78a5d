"""The nine light rules, one at a time, on a small plan and records built in the test.

The plan runs through 2023; reports are monthly, due by the 5th of the next month. Each
test says what a unit reported and what the office decided, and which light that gives
on a date, and why (first match wins). Reasons are checked in English here (the tests'
language); the demo repository checks the Chinese words.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from planctl.config import TrackingSettings
from planctl.model import Plan, plan_from_data
from planctl.tracking.lights import Lights, compute_status, compute_statuses
from planctl.tracking.periods import Period
from planctl.tracking.records import Decision, MilestoneDone, Report, ReportEntry, Review
from planctl.tracking.state import Status
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry

D = datetime.date
UNITS = UnitRegistry.from_data(
    {
        "units": [{"name": name} for name in ("市发展改革局", "市财政局", "甲区政府", "乙区政府")],
        "groups": [{"name": "各区政府", "members": ["甲区政府", "乙区政府"]}],
    }
)


def plan(*tasks: dict[str, object]) -> Plan:
    return plan_from_data(
        {
            "id": "p",
            "title": "二〇二三年重点工作",
            "stage": "issued",
            "period": {"start": "2023-01-01", "end": "2023-12-31"},
            "reporting": {"cycle": "month", "due_day": 5, "start": "2023-01"},
            "tasks": [
                {"title": str(task["id"]), "lead": ["市发展改革局"], **task} for task in tasks
            ],
        }
    )


@dataclass(frozen=True)
class Tracked:
    plans: tuple[Plan, ...]
    reports: tuple[Report, ...] = ()
    reviews: tuple[Review, ...] = ()
    units: UnitRegistry | None = field(default_factory=lambda: UNITS)
    workdays: Workdays = field(default_factory=Workdays)


def report(
    month: int,
    *entries: ReportEntry,
    unit: str = "市发展改革局",
    submitted: datetime.date | None = None,
) -> Report:
    period = Period("month", 2023, month)
    return Report(
        file=f"reports/p/{period}/{unit}.yaml",
        plan="p",
        period=period,
        unit=unit,
        as_of=period.end,
        entries=entries,
        submitted=submitted or period.end + datetime.timedelta(days=3),
    )


def entry(task: str, status: str = "in_progress", **more: object) -> ReportEntry:
    return ReportEntry(task=task, path=("tasks", 0), status=status, **more)  # type: ignore[arg-type]


def review(month: int, date: datetime.date, *decisions: Decision) -> Review:
    return Review("reviews/p/x.yaml", "p", Period("month", 2023, month), "督查室", date, decisions)


def status(tracked: Tracked, day: datetime.date) -> Status:
    return compute_status(tracked, day, TrackingSettings())


def light(tracked: Tracked, day: datetime.date, task: str = "t") -> tuple[str, tuple[str, ...]]:
    state = next(s for s in status(tracked, day).tasks if s.task_id == task)
    return state.light, state.reasons


def test_a_cancelled_task_is_grey_whatever_its_deadline() -> None:
    tracked = Tracked((plan({"id": "t", "due": "2023-03", "status": "cancelled"}),))
    assert light(tracked, D(2023, 6, 1)) == ("grey", ("cancelled in the plan",))


def test_a_review_can_suspend_a_task_from_its_date_on() -> None:
    stop = review(3, D(2023, 4, 8), Decision("t", ("decisions", 0), status="suspended"))
    tracked = Tracked((plan({"id": "t", "due": "2023-03"}),), reviews=(stop,))
    assert light(tracked, D(2023, 4, 7))[0] == "red"  # not yet decided: overdue
    assert light(tracked, D(2023, 4, 8)) == ("grey", ("suspended by review on 2023-04-08",))


def test_an_approved_close_is_done_on_time_or_late() -> None:
    on_time = review(5, D(2023, 6, 8), Decision("t", ("decisions", 0), close=D(2023, 6, 8)))
    tracked = Tracked((plan({"id": "t", "due": "2023-06"}),), reviews=(on_time,))
    assert light(tracked, D(2023, 7, 1)) == ("done", ("closed on time",))
    late = review(6, D(2023, 7, 10), Decision("t", ("decisions", 0), close=D(2023, 7, 10)))
    tracked = Tracked((plan({"id": "t", "due": "2023-06"}),), reviews=(late,))
    # 30 June is the last day; 10 July is 10 days after it.
    assert light(tracked, D(2023, 7, 10)) == ("done", ("closed 10 days after the deadline",))
    state = status(tracked, D(2023, 7, 10)).tasks[0]
    assert (state.closed, state.on_time) == (D(2023, 7, 10), False)


def test_an_override_holds_for_its_period_until_a_later_review() -> None:
    red = review(
        3, D(2023, 4, 8), Decision("t", ("decisions", 0), light="red", note="现场核查与报告不符")
    )
    later = review(4, D(2023, 5, 8))
    tracked = Tracked((plan({"id": "t", "due": "2023-12"}),), reviews=(red, later))
    assert light(tracked, D(2023, 4, 20)) == ("red", ("set to red by review: 现场核查与报告不符",))
    assert light(tracked, D(2023, 5, 8)) == ("green", ("on track",))


def test_past_the_last_day_of_the_deadline_is_red_with_the_days() -> None:
    tracked = Tracked((plan({"id": "t", "due": "2023-Q1"}),))
    # 2023-Q1 ends on 31 March; 12 April is 12 days after.
    assert light(tracked, D(2023, 4, 12)) == ("red", ("overdue by 12 days",))


def test_an_approved_extension_moves_the_deadline() -> None:
    extend = review(3, D(2023, 4, 8), Decision("t", ("decisions", 0), extend_to="2023-06"))
    tracked = Tracked((plan({"id": "t", "due": "2023-03"}),), reviews=(extend,))
    assert light(tracked, D(2023, 4, 7)) == ("red", ("overdue by 7 days",))
    assert light(tracked, D(2023, 4, 8)) == ("green", ("on track",))
    state = status(tracked, D(2023, 4, 8)).tasks[0]
    assert state.deadline == D(2023, 6, 30)
    assert state.deadline_words == "2023年3月底前 (extended to 2023年6月底前)"


def test_an_unfinished_milestone_counts_until_it_is_reported_done() -> None:
    task = {
        "id": "t",
        "due": "2023-12",
        "milestones": [{"id": "m1", "due": "2023-03", "text": "完成方案"}],
    }
    tracked = Tracked((plan(task),))
    assert light(tracked, D(2023, 4, 2)) == ("red", ("milestone '完成方案': overdue by 2 days",))
    done = report(
        3, entry("t", milestones=(MilestoneDone("m1", D(2023, 3, 28)),)), submitted=D(2023, 4, 1)
    )
    assert light(Tracked((plan(task),), reports=(done,)), D(2023, 4, 2))[0] == "green"


def test_within_warn_days_of_the_deadline_is_yellow() -> None:
    tracked = Tracked((plan({"id": "t", "due": "2023-06-30"}),))
    assert light(tracked, D(2023, 6, 27)) == ("yellow", ("deadline near, 3 days left",))
    assert light(tracked, D(2023, 6, 22))[0] == "green"  # 8 days left: more than 7


def test_a_percent_behind_the_elapsed_share_is_yellow_or_red() -> None:
    # Start 1 January, deadline 31 December: 364 days. On 3 July (June's reports came in
    # that day) 183 days have passed, an expected 50.3 %; 35 % is 15 points behind
    # (yellow), 15 % is 35 points (red).
    task = {"id": "t", "due": "2023"}
    yellow = report(6, entry("t", percent=35))
    red = report(6, entry("t", percent=15))
    assert light(Tracked((plan(task),), reports=(yellow,)), D(2023, 7, 3)) == (
        "yellow",
        ("behind schedule by 15 percentage points",),
    )
    assert light(Tracked((plan(task),), reports=(red,)), D(2023, 7, 3)) == (
        "red",
        ("behind schedule by 35 percentage points",),
    )


def test_a_task_start_moves_the_expected_share() -> None:
    # Starting 1 July, the work has had 1 of 183 days on 2 July: nothing is behind yet.
    task = {"id": "t", "due": "2023", "start": "2023-07"}
    tracked = Tracked((plan(task),), reports=(report(6, entry("t", percent=0)),))
    assert light(tracked, D(2023, 7, 2))[0] == "green"


def test_delayed_and_not_started_reports_are_yellow() -> None:
    delayed = Tracked(
        (plan({"id": "t", "due": "2023"}),), reports=(report(1, entry("t", "delayed")),)
    )
    assert light(delayed, D(2023, 2, 10)) == ("yellow", ("reported as delayed",))
    idle = Tracked(
        (plan({"id": "t", "due": "2023"}),), reports=(report(1, entry("t", "not_started")),)
    )
    assert light(idle, D(2023, 2, 10)) == ("yellow", ("not started",))


def test_a_report_submitted_after_the_date_does_not_count_yet() -> None:
    late = report(1, entry("t", "delayed"), submitted=D(2023, 2, 20))
    tracked = Tracked((plan({"id": "t", "due": "2023"}),), reports=(late,))
    assert light(tracked, D(2023, 2, 10))[0] == "green"
    assert light(tracked, D(2023, 2, 20))[0] == "yellow"


def test_a_returned_report_does_not_count_until_accepted() -> None:
    said = report(1, entry("t", "delayed"))
    back = review(
        1,
        D(2023, 2, 8),
        Decision("t", ("decisions", 0), unit="市发展改革局", verdict="returned", note="进展不实"),
    )
    tracked = Tracked((plan({"id": "t", "due": "2023"}),), reports=(said,), reviews=(back,))
    assert light(tracked, D(2023, 2, 7))[0] == "yellow"
    assert light(tracked, D(2023, 2, 8))[0] == "green"


def test_an_ongoing_task_goes_yellow_then_red_as_reports_go_missing() -> None:
    tracked = Tracked((plan({"id": "t", "due": "ongoing"}),), reports=(report(1, entry("t")),))
    # January's report came in; February's is due by 6 March (5 March 2023 is a Sunday)
    # and counts as missing once that day is over, while none is in; March's by 5 April.
    assert light(tracked, D(2023, 3, 6))[0] == "green"
    assert light(tracked, D(2023, 3, 7)) == ("yellow", ("the last due report is missing",))
    assert light(tracked, D(2023, 4, 5)) == ("yellow", ("the last due report is missing",))
    assert light(tracked, D(2023, 4, 6)) == ("red", ("2 reports missing in a row",))


def test_a_group_led_task_is_as_bad_as_its_worst_member() -> None:
    task = {"id": "t", "due": "2023", "lead": ["各区政府"]}
    reports = (
        report(6, entry("t", percent=50), unit="甲区政府"),
        report(6, entry("t", "delayed", percent=48), unit="乙区政府"),
    )
    tracked = Tracked((plan(task),), reports=reports)
    assert light(tracked, D(2023, 7, 3)) == ("yellow", ("乙区政府: reported as delayed",))


def test_report_statuses_for_every_due_period() -> None:
    tracked = Tracked(
        (plan({"id": "t", "due": "2023", "support": ["市财政局"]}),),
        reports=(
            report(1, entry("t"), submitted=D(2023, 2, 3)),  # on time
            report(2, entry("t"), submitted=D(2023, 3, 10)),  # due 6 March: late
            report(1, entry("t"), unit="市财政局", submitted=D(2023, 2, 6)),  # due 6 Feb: on time
        ),
    )
    got = [
        (s.unit, str(s.period), s.status, s.due) for s in status(tracked, D(2023, 3, 10)).reports
    ]
    assert got == [
        ("市发展改革局", "2023-01", "on_time", D(2023, 2, 6)),  # 5 Feb 2023 is a Sunday
        ("市财政局", "2023-01", "on_time", D(2023, 2, 6)),
        ("市发展改革局", "2023-02", "late", D(2023, 3, 6)),
        ("市财政局", "2023-02", "missing", D(2023, 3, 6)),
    ]


def test_a_closed_task_needs_no_more_reports() -> None:
    close = review(1, D(2023, 2, 8), Decision("t", ("decisions", 0), close=D(2023, 2, 8)))
    tracked = Tracked((plan({"id": "t", "due": "2023"}),), reviews=(close,))
    got = [(str(s.period), s.status) for s in status(tracked, D(2023, 4, 30)).reports]
    assert got == [("2023-01", "missing")]  # February ended after the close


def test_the_calendar_years_missing_are_noted() -> None:
    tracked = Tracked((plan({"id": "t", "due": "2023"}),))
    assert status(tracked, D(2023, 2, 10)).notes == (
        "the calendar has no holidays for 2023: report due days that year move only off "
        "Saturdays and Sundays",
    )


def test_the_statuses_of_several_dates_are_those_of_each_date_alone() -> None:
    # An extension, a milestone reported done and reports month by month: what a task
    # looks like changes with the date, though its deadline and units are read once.
    task = {
        "id": "t",
        "due": "2023-03",
        "milestones": [{"id": "m1", "due": "2023-02", "text": "完成方案"}],
    }
    extend = review(3, D(2023, 4, 8), Decision("t", ("decisions", 0), extend_to="2023-06"))
    done = report(2, entry("t", percent=10, milestones=(MilestoneDone("m1", D(2023, 2, 20)),)))
    tracked = Tracked(
        (plan(task, {"id": "u", "due": "ongoing"}),),
        reports=(report(1, entry("t", percent=5)), done),
        reviews=(extend,),
    )
    days = [D(2023, 1, 31), D(2023, 2, 27), D(2023, 3, 31), D(2023, 4, 8), D(2023, 7, 1)]
    together = compute_statuses(tracked, days, TrackingSettings())
    assert together == [status(tracked, day) for day in days]
    first = [(one.tasks[0].light, one.tasks[0].reasons[0]) for one in together]
    assert first == [
        ("green", "on track"),  # the milestone is 28 days off; no report known yet
        ("yellow", "milestone '完成方案': deadline near, 1 day left"),
        ("yellow", "deadline near, 0 days left"),  # the milestone was reported done
        ("red", "behind schedule by 44 percentage points"),  # 10% of 54% by 30 June
        ("red", "overdue by 1 day"),
    ]
    glanced = [Lights(tracked, TrackingSettings()).glance(day) for day in days]
    assert [[task.light for task in one.tasks] for one in glanced] == [
        [task.light for task in one.tasks] for one in together
    ]
    ongoing = [one.tasks[1].reasons[0] for one in together]
    assert ongoing[3:] == ["the last due report is missing", "3 reports missing in a row"]
    assert together[3].tasks[0].deadline_words == "2023年3月底前 (extended to 2023年6月底前)"
