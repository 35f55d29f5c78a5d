"""The demo tracking repository (see demo.py for its story), judged on several dates.

Every expected light, reason, figure and report status below is worked out by hand
from the story; the comment beside each says why. Two facts do most of the work:

- The plan's tasks have no `due` of their own but `education` (2012): each is due by the
  plan's end, 31 December 2012, and started with the plan, 1 January 2012. Its time is
  the 365 days between; on day D the expected share is (D − 1 January) / 365.
- A unit on schedule reports, for a month, the share elapsed by the month's end, rounded:
  May 41 (151 days), June 50 (181), July 58 (212), August 67 (243), September 75 (273),
  October 83 (304), November 92 (334), December 100.
- 43 units must report every month (each unit named by a task; the group 各县（市、区） is
  eight county governments, four of them named by tasks too).
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from planctl import i18n
from planctl.config import TrackingSettings
from planctl.repository import Repository
from planctl.tracking.lights import Lights, compute_status
from planctl.tracking.load import load_tracking
from planctl.tracking.state import Status
from planctl.tracking.stats import Ratio, compute_stats, figures_of

D = datetime.date
SETTINGS = TrackingSettings()
UNITS = 43
TASKS = 35


@pytest.fixture(autouse=True)
def _chinese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The reasons as officers read them."""
    monkeypatch.setenv("PLANCTL_LANG", "zh")
    i18n.use_language(None)
    yield
    monkeypatch.setenv("PLANCTL_LANG", "en")
    i18n.use_language(None)


@pytest.fixture(scope="module")
def tracking(tracking_demo: Path):  # type: ignore[no-untyped-def]
    return load_tracking(Repository(tracking_demo))


def status_on(tracking, day: datetime.date) -> Status:  # type: ignore[no-untyped-def]
    return compute_status(tracking, day, SETTINGS)


def not_green(status: Status) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {
        task.task_id: (task.light, task.reasons) for task in status.tasks if task.light != "green"
    }


def test_the_repository_loads_whole(tracking) -> None:  # type: ignore[no-untyped-def]
    assert tracking.findings == ()
    assert len(tracking.plans) == 1
    assert len(tracking.reviews) == 8  # one a month, May to December 2012
    assert {
        r.submitted for r in tracking.reports if r.unit == "市农业局" and str(r.period) == "2012-06"
    } == {D(2012, 7, 12)}


def test_first_reports_in_everything_green(tracking) -> None:  # type: ignore[no-untyped-def]
    # 10 June: May's reports (41 %) came in on 3 June; 161 days have passed, 44.1 %
    # expected: 3.1 points behind, within the 10 of yellow_gap.
    status = status_on(tracking, D(2012, 6, 10))
    assert not_green(status) == {}
    assert [s.status for s in status.reports] == ["on_time"] * UNITS  # May, due 5 June
    assert status.notes == ()  # June 2012's due day is in the calendar's year


def test_a_late_report_and_a_returned_one_fall_behind(tracking) -> None:  # type: ignore[no-untyped-def]
    # 10 July: 191 days, 52.3 % expected. June's reports (50 %) came in on 3 July, but for
    # 市农业局 (due 5 July, not in): its tasks still stand on May's 41 %, 11.3 points
    # behind. 市科技局's June report on `innovation` (done, 100 %) was returned by the
    # review of 10 July: May's 41 % counts again.
    status = status_on(tracking, D(2012, 7, 10))
    behind = "滞后序时 11 个百分点"
    assert not_green(status) == {
        "modern-agriculture": ("yellow", (behind,)),  # 市农业局 alone leads it
        "innovation": ("yellow", (behind,)),
        # Led with others: the task is as bad as its worst unit, named.
        "livable-towns": ("yellow", (f"市农业局：{behind}",)),
        "government-functions": ("yellow", (f"市农业局：{behind}",)),
        "social-welfare": ("yellow", (f"市农业局：{behind}",)),
    }
    june = {s.unit: s.status for s in status.reports if str(s.period) == "2012-06"}
    assert june["市农业局"] == "missing"
    assert sum(1 for value in june.values() if value == "on_time") == UNITS - 1
    innovation = next(task for task in status.tasks if task.task_id == "innovation")
    assert innovation.latest is not None and innovation.latest.percent == 41


def test_the_late_report_counts_once_in(tracking) -> None:  # type: ignore[no-untyped-def]
    # 12 July: 市农业局's June report (50 %) is in, late; 193 days, 52.9 % expected.
    status = status_on(tracking, D(2012, 7, 12))
    assert not_green(status) == {"innovation": ("yellow", ("滞后序时 12 个百分点",))}
    late = [s for s in status.reports if s.status == "late"]
    assert [(s.unit, str(s.period), s.due, s.submitted) for s in late] == [
        ("市农业局", "2012-06", D(2012, 7, 5), D(2012, 7, 12))
    ]


def test_an_override_holds_until_the_next_review(tracking) -> None:  # type: ignore[no-untyped-def]
    # 20 August: the July review (10 August) set environment-protection red; July's 58 %
    # against 63.6 % expected is otherwise fine (innovation too, back on schedule).
    status = status_on(tracking, D(2012, 8, 20))
    assert not_green(status) == {
        "environment-protection": ("red", ("经审核调整为红灯：现场核查与报告不符",))
    }


def test_a_missing_report_and_a_cancelled_task(tracking) -> None:  # type: ignore[no-untyped-def]
    # 10 September: 253 days, 69.3 %. 市林业局 sent no August report (due 5 September): on
    # `government-functions` it still says July's 58 %, 11.3 behind. The August review
    # of this day cancelled dinghu-station-tod and set no light: the override is gone.
    status = status_on(tracking, D(2012, 9, 10))
    assert not_green(status) == {
        "government-functions": ("yellow", ("市林业局：滞后序时 11 个百分点",)),
        "dinghu-station-tod": ("grey", ("经审核取消（2012-09-10）",)),
    }
    august = [s for s in status.reports if str(s.period) == "2012-08"]
    assert [(s.unit, s.status) for s in august if s.status != "on_time"] == [
        ("市林业局", "missing")
    ]


def test_the_national_day_holiday_moves_the_due_day(tracking) -> None:  # type: ignore[no-untyped-def]
    # September's reports are due 5 October, in the holiday (30 September - 7 October):
    # on Monday 8 October, counted from the day after. 市编办 sent its report on 6
    # October: on time.
    status = status_on(tracking, D(2012, 10, 8))
    assert not [s for s in status.reports if str(s.period) == "2012-09"]
    after = status_on(tracking, D(2012, 10, 9))
    september = {s.unit: s for s in after.reports if str(s.period) == "2012-09"}
    assert september["市编办"].due == D(2012, 10, 8)
    assert september["市编办"].status == "on_time"
    # 281 days, 77.0 %: 肇庆新区管委会 says 30 % on two-zones, 47 points behind (red);
    # every other unit's 75 % is 2 behind. The talent close is asked, not yet approved.
    assert not_green(status) == {
        "two-zones": ("red", ("肇庆新区管委会：滞后序时 47 个百分点",)),
        "dinghu-station-tod": ("grey", ("经审核取消（2012-09-10）",)),
    }


def test_an_approved_close_and_a_delayed_report(tracking) -> None:  # type: ignore[no-untyped-def]
    # 10 November: talent closed on 15 October, before its deadline. 市住房城乡建设局
    # says housing-security is delayed (at 85 %, on schedule: rule 7 gives yellow).
    status = status_on(tracking, D(2012, 11, 10))
    assert not_green(status) == {
        "talent": ("done", ("已办结（按时）",)),
        "housing-security": ("yellow", ("报告为滞后",)),
        "dinghu-station-tod": ("grey", ("经审核取消（2012-09-10）",)),
    }
    talent = next(task for task in status.tasks if task.task_id == "talent")
    assert (talent.closed, talent.on_time) == (D(2012, 10, 15), True)


def test_an_extension_asked_then_approved(tracking) -> None:  # type: ignore[no-untyped-def]
    # 5 December: 339 days, 92.9 %; 市教育局 says 60 % on education: 33 points behind
    # (its other lead, 市人力资源社会保障局, says 92 %: the task takes the worse).
    before = status_on(tracking, D(2012, 12, 5))
    assert not_green(before)["education"] == ("red", ("市教育局：滞后序时 33 个百分点",))
    # 10 December the extension to 2013-06 is approved: 546 days from 1 January 2012 to
    # 30 June 2013, 344 passed, 63.0 %; 60 % is 3 behind.
    after = status_on(tracking, D(2012, 12, 10))
    assert "education" not in not_green(after)
    task = next(task for task in after.tasks if task.task_id == "education")
    assert task.deadline == D(2013, 6, 30)
    assert task.deadline_words == "2012年底前（已延期至2013年6月底前）"


def test_within_a_week_of_the_deadline_every_open_task_is_yellow(tracking) -> None:  # type: ignore[no-untyped-def]
    # 26 December: 5 days to 31 December, within warn_days (7), for all but the
    # extended, the closed and the cancelled task.
    status = status_on(tracking, D(2012, 12, 26))
    lights = [task.light for task in status.tasks]
    assert (lights.count("yellow"), lights.count("green")) == (TASKS - 3, 1)
    assert {task.reasons for task in status.tasks if task.light == "yellow"} == {("临期，剩 5 天",)}


def test_after_the_deadline(tracking) -> None:  # type: ignore[no-untyped-def]
    # 15 January 2013: 15 days past 31 December. planning-integration was closed on 10
    # January, 10 days late; education, extended, says 65 % against 380/546 = 69.6 %.
    status = status_on(tracking, D(2013, 1, 15))
    lights = {task.task_id: (task.light, task.reasons) for task in status.tasks}
    assert lights["planning-integration"] == ("done", ("已办结（逾期 10 天）",))
    assert lights["talent"] == ("done", ("已办结（按时）",))
    assert lights["education"] == ("green", ("进展正常",))
    overdue = [key for key, (light, reasons) in lights.items() if reasons == ("逾期 15 天",)]
    assert len(overdue) == TASKS - 4  # all but those three and the cancelled one
    # December's reports were due Saturday 5 January 2013; 2013 is not in the calendar,
    # so only the weekend moves it, to Monday 7 January; that is said once.
    december = {s.due for s in status.reports if str(s.period) == "2012-12"}
    assert december == {D(2013, 1, 7)}
    assert status.notes == (
        "工作日历中没有 2013 年的节假日安排：该年报送截止日仅避开周六、周日顺延",
    )


def test_the_figures_after_the_deadline(tracking) -> None:  # type: ignore[no-untyped-def]
    total = compute_stats(tracking, D(2013, 1, 15), SETTINGS).total
    assert total.lights == {"red": 31, "yellow": 0, "green": 1, "done": 2, "grey": 1}
    assert total.completion == Ratio(2, 34)  # talent, planning-integration of the 34 not cancelled
    # Deadlines passed: 33 (not education's); closed by it: talent alone.
    assert total.on_time_completion == Ratio(1, 33)
    assert total.overdue == 31
    # Open tasks with a percent: the 31 overdue at 100 % (the expected share stops at
    # 100 on the deadline) and education, 4.6 behind: all on schedule.
    assert total.on_schedule == Ratio(32, 32)
    # May to December, 8 months of 43 units: one late (市农业局, June), one missing
    # (市林业局, August).
    assert total.reporting == Ratio(8 * UNITS - 2, 8 * UNITS)
    assert total.reporting.share == 99.4


def test_a_glance_counts_what_the_status_counts_on_every_day(tracking) -> None:  # type: ignore[no-untyped-def]
    # The figures of a past date come from a glance, without the words: on every day of
    # the demo's story they are those of the full status.
    lights = Lights(tracking, SETTINGS)
    day = D(2012, 4, 1)
    while day <= D(2013, 2, 28):
        status, glance = lights.status(day), lights.glance(day)
        assert [(task.plan, task.light) for task in glance.tasks] == [
            (task.plan, task.light) for task in status.tasks
        ]
        assert glance.reports == status.reports
        assert figures_of(glance.tasks, glance.reports, SETTINGS, day) == figures_of(
            status.tasks, status.reports, SETTINGS, day
        )
        day += datetime.timedelta(days=3)


def test_lights_prepared_for_a_date_give_every_date_the_same_status(tracking) -> None:  # type: ignore[no-untyped-def]
    # A dashboard prepares what does not depend on the date, with the report windows of
    # the reviews known on its date, before forking the trend's worker: every date's
    # status, before and after those reviews, is the one worked out afresh.
    prepared = Lights(tracking, SETTINGS)
    prepared.prepare(D(2013, 1, 31))
    for day in (D(2012, 5, 15), D(2012, 9, 30), D(2013, 1, 31), D(2013, 2, 28)):
        assert prepared.status(day) == Lights(tracking, SETTINGS).status(day)
        assert prepared.glance(day) == Lights(tracking, SETTINGS).glance(day)


def test_units_ranked_on_a_date(tracking) -> None:  # type: ignore[no-untyped-def]
    stats = compute_stats(tracking, D(2012, 11, 10), SETTINGS, by="unit")
    first = stats.rows[0]
    # 市人力资源社会保障局 closed talent, 1 of the 5 tasks it leads (talent,
    # social-management-reform, education, medical-insurance, social-security): the only
    # unit with a closed task, so the first.
    assert (first.rank, first.name, first.figures.completion) == (
        1,
        "市人力资源社会保障局",
        Ratio(1, 5),
    )
    forestry = next(row for row in stats.rows if row.name == "市林业局")
    # May to September due by 10 November, as well as October (due 5 November): 6, one
    # missing.
    assert forestry.figures.reporting == Ratio(5, 6)


def test_each_figure_for_any_revision(tracking_demo: Path) -> None:
    # At the commit of 12 July 2012, the repository held May's and June's reports and
    # May's and June's reviews; as of that day it gives what the whole history gives.
    commit = subprocess.run(
        ["git", "rev-list", "-n", "1", "--before=2012-07-12T23:59:59+08:00", "main"],
        cwd=tracking_demo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    at = load_tracking(Repository(tracking_demo), revision=commit)
    whole = load_tracking(Repository(tracking_demo))
    day = D(2012, 7, 12)
    assert {str(r.period) for r in at.reports} == {"2012-05", "2012-06"}
    assert compute_stats(at, day, SETTINGS).total == compute_stats(whole, day, SETTINGS).total
