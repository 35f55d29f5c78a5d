"""Loading tracking data: plans, units, reports, reviews and the calendar, through the
gate, from the working tree or from a git revision."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest

from planctl.errors import PlanContentError, UsageError
from planctl.repository import Repository
from planctl.tracking.load import (
    load_tracking,
    report_from_data,
    review_from_data,
    workdays_from_data,
)
from planctl.tracking.periods import Period

from ..conftest import GitPlans
from .tracking_data import (
    PLAN_ID,
    REPORT,
    REVIEW,
    everything_read,
    report_path,
    review_path,
    tracking_repository,
    write,
)


def test_the_working_tree_gives_plans_units_reports_and_reviews(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    tracking = load_tracking(Repository(tracking_repository(tmp_path)))

    plan = tracking.plan(PLAN_ID)
    assert plan is not None and plan.reporting is not None
    assert plan.reporting.supervisor == "市政府督查室"
    assert tracking.units is not None and "市发展改革局" in tracking.units.units
    [report] = tracking.reports_of(PLAN_ID)
    assert report.file == report_path()
    assert (report.unit, report.period, report.as_of) == (
        "市发展改革局",
        Period("month", 2023, 6),
        datetime.date(2023, 6, 30),
    )
    entry = report.entry("t1")
    assert entry is not None and entry.percent == 80 and entry.path == ("tasks", 0)
    assert [(m.id, m.done) for m in entry.milestones] == [("m1", datetime.date(2023, 4, 28))]
    assert report.submitted is None  # not in git
    [review] = tracking.reviews_of(PLAN_ID)
    assert review.reviewer == "市政府督查室" and review.date == datetime.date(2023, 7, 8)
    assert review.decisions[0].verdict == "accepted"
    assert tracking.findings == () and tracking.workdays.years == {}
    assert tracking.plan("other") is None and tracking.reports_of("other") == ()


def test_reports_of_a_plan_come_by_period_then_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = tracking_repository(tmp_path)
    write(root, report_path(period="2023-05"), REPORT.replace("2023-06", "2023-05"))
    write(root, report_path(unit="市财政局"), REPORT.replace("市发展改革局", "市财政局"))
    reports = load_tracking(Repository(root)).reports_of(PLAN_ID)
    assert [(str(r.period), r.unit) for r in reports] == [
        ("2023-05", "市发展改革局"),
        ("2023-06", "市发展改革局"),
        ("2023-06", "市财政局"),
    ]


def test_a_refused_report_is_left_out_and_the_refusal_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = tracking_repository(tmp_path)
    twice = REPORT.replace("as_of: 2023-06-30\n", "as_of: 2023-06-30\nunit: x\n")
    write(root, report_path(), twice)
    tracking = load_tracking(Repository(root))
    assert tracking.reports == ()
    [finding] = tracking.findings
    assert (finding.file, finding.line, finding.rule) == (report_path(), 6, "duplicate-key")


def test_a_file_under_reports_must_say_it_is_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = tracking_repository(tmp_path)
    write(root, report_path(), REPORT.replace("planctl-report/1", "planctl/1"))
    [finding] = load_tracking(Repository(root)).findings
    assert finding.rule == "schema" and (finding.line, finding.column) == (1, 9)
    assert "must be 'planctl-report/1'" in finding.message


def test_a_date_no_calendar_has_leaves_the_report_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = tracking_repository(tmp_path)
    write(root, report_path(), REPORT.replace("2023-04-28", "2023-04-31"))
    tracking = load_tracking(Repository(root))
    assert tracking.reports == ()
    [finding] = tracking.findings
    assert (finding.rule, finding.line, finding.json_path) == (
        "tracking-date",
        11,
        "$.tasks[0].milestones[0].done",
    )
    assert "2023-04-31" in finding.message


def test_records_from_data() -> None:
    report = report_from_data(
        {
            "plan": "p",
            "period": 2023,
            "unit": "市财政局",
            "as_of": "2023-12-31",
            "tasks": [{"task": "a", "status": "done", "request": "extend", "extend_to": 2024}],
        },
        "r.yaml",
    )
    assert report.period == Period("year", 2023) and report.entries[0].extend_to == "2024"
    review = review_from_data(
        {
            "plan": "p",
            "period": "2023-Q2",
            "reviewer": "市政府督查室",
            "date": "2023-07-08",
            "decisions": [{"task": "a", "close": "2023-07-08"}, {"task": "b", "light": "red"}],
        },
        "v.yaml",
    )
    assert review.period == Period("quarter", 2023, 2)
    assert review.decisions[0].close == datetime.date(2023, 7, 8)
    assert review.decisions[1].light == "red" and review.decisions[1].path == ("decisions", 1)
    with pytest.raises(PlanContentError) as raised:
        review_from_data(
            {"plan": "p", "period": "2023-06", "reviewer": "x", "date": "2023-02-29"}, "v.yaml"
        )
    assert raised.value.path == ("date",)


def test_a_date_that_does_not_exist_is_refused_every_time_it_is_written() -> None:
    """Dates and periods are parsed once each: a refusal is never taken for a date."""
    report = {"plan": "p", "period": "2023-06", "unit": "u", "tasks": []}
    for as_of in ("2023-02-29", "2023-06-30", "2023-02-29"):
        if as_of == "2023-02-29":
            with pytest.raises(PlanContentError) as raised:
                report_from_data({**report, "as_of": as_of}, "r.yaml")
            assert raised.value.path == ("as_of",)
        else:
            read = report_from_data({**report, "as_of": as_of}, "r.yaml")
            assert read.as_of == datetime.date(2023, 6, 30)
    for _twice in range(2):
        with pytest.raises(PlanContentError):
            report_from_data({**report, "period": "2023-13", "as_of": "2023-06-30"}, "r.yaml")


def test_workdays_from_data_expands_ranges() -> None:
    workdays = workdays_from_data(
        {
            "years": [
                {
                    "year": 2024,
                    "source": "国办发明电〔2023〕7号",
                    "rest": ["2024-01-01", {"from": "2024-02-10", "to": "2024-02-17"}],
                    "work": ["2024-02-04", "2024-02-18"],
                }
            ]
        }
    )
    assert not workdays.is_workday(datetime.date(2024, 2, 14))  # a Wednesday of 春节
    assert workdays.is_workday(datetime.date(2024, 2, 4))  # a Sunday worked
    assert len(workdays.years[2024].rest) == 9
    assert workdays.missing_years([2024, 2025]) == [2025]


# --- at a revision ----------------------------------------------------------------------


def test_at_a_revision_every_file_is_read_as_it_was(
    git_repo: GitPlans, monkeypatch: pytest.MonkeyPatch
) -> None:
    tracking_repository(git_repo.root, review=False)
    first = git_repo.commit("计划和6月报告")
    git_repo.edit(report_path(), "percent: 80", "percent: 90")
    write(git_repo.root, review_path(), REVIEW)
    git_repo.commit("改报告，审核")
    monkeypatch.chdir(git_repo.root)

    calls: list[list[str]] = []
    real_run = subprocess.run

    def counted(arguments: list[str], **options: object) -> object:
        calls.append(arguments)
        return real_run(arguments, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", counted)
    then = load_tracking(Repository(git_repo.root), revision=first)
    now = load_tracking(Repository(git_repo.root))

    [old] = then.reports
    assert old.entries[0].percent == 80 and then.reviews == ()
    assert old.file == f"{first}:{report_path()}"
    assert old.submitted == datetime.date(2023, 3, 1)  # commit 1: 1 March
    assert now.reports[0].entries[0].percent == 90 and len(now.reviews) == 1
    assert then.plan(PLAN_ID) is not None and then.units is not None
    readers = [c for c in calls if c[1] in ("ls-tree", "cat-file")]
    assert [c[1] for c in readers] == ["ls-tree", "cat-file"]  # two processes for all files


def test_a_revision_is_never_an_option(git_repo: GitPlans) -> None:
    tracking_repository(git_repo.root)
    git_repo.commit("计划")
    with pytest.raises(UsageError, match="starts with '-'"):
        load_tracking(Repository(git_repo.root), revision="--output=x")
    with pytest.raises(UsageError, match="unknown revision"):
        load_tracking(Repository(git_repo.root), revision="no-such-branch")


def test_a_report_in_utf16_is_refused_as_every_command_refuses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = tracking_repository(tmp_path)
    (root / report_path()).write_bytes(REPORT.encode("utf-16"))
    tracking = load_tracking(Repository(root))
    [finding] = tracking.findings
    assert finding.file == report_path() and finding.rule in ("encoding", "unreadable")
    assert tracking.reports == () and len(tracking.reviews) == 1


def test_reading_in_worker_processes_gives_what_reading_here_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planctl import parallel
    from planctl.tracking import load

    monkeypatch.chdir(tmp_path)
    root = tracking_repository(tmp_path)
    for month in range(1, 13):
        write(
            root,
            report_path(period=f"2023-{month:02d}"),
            REPORT.replace("2023-06\n", f"2023-{month:02d}\n"),
        )
    write(root, report_path(period="2023-04"), REPORT.replace("2023-04-28", "2023-04-31"))
    write(root, report_path(period="2023-05"), REPORT + "unit: 又一个\n")  # a duplicate key
    write(root, report_path(period="2023-07"), REPORT.replace("planctl-report/1", "planctl/1"))

    def snapshot() -> tuple[object, ...]:
        return everything_read(load_tracking(Repository(root), use_cache=False))

    here = snapshot()
    monkeypatch.setattr(load, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(load, "_FILES_PER_TASK", 3)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    assert snapshot() == here
    assert [finding.rule for finding in here[5]] == ["tracking-date", "duplicate-key", "schema"]
