"""The workdays calendar shipped in plans/calendar.yaml: the State Council's arrangements
for 2023-2026, read through the gate as every command reads it."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from planctl.plans import open_file
from planctl.repository import Repository
from planctl.tracking.load import load_tracking, workdays_from_data
from planctl.tracking.periods import Period
from planctl.tracking.workdays import Workdays

from ..conftest import ROOT
from .tracking_data import tracking_repository, write

CALENDAR = ROOT / "plans" / "calendar.yaml"


@pytest.fixture(scope="module")
def workdays() -> Workdays:
    opened = open_file(CALENDAR)
    assert opened.kind == "calendar" and opened.trusted, opened.findings
    return workdays_from_data(opened.document.data)


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        ("2024-02-04", True),  # a Sunday worked before 春节 (国办发明电〔2023〕7号)
        ("2024-02-18", True),  # and one after it
        ("2024-02-14", False),  # a Wednesday of 春节
        ("2024-10-01", False),  # 国庆节
        ("2024-10-12", True),  # a Saturday worked after it
        ("2023-01-28", True),  # a Saturday worked after 春节 2023
        ("2023-04-05", False),  # 清明节, a Wednesday
        ("2023-10-06", False),  # the last day of 中秋节、国庆节 2023
        ("2025-01-01", False),  # 元旦, a Wednesday, not moved
        ("2025-02-08", True),  # a Saturday worked after 春节 2025
        ("2025-10-08", False),  # 国庆节、中秋节 2025: eight days
        ("2026-01-04", True),  # a Sunday worked after 元旦 2026
        ("2026-02-23", False),  # the ninth day of 春节 2026
        ("2026-09-20", True),  # a Sunday worked before 国庆节 2026
        ("2026-03-10", True),  # an ordinary Tuesday
        ("2026-03-14", False),  # an ordinary Saturday
    ],
)
def test_the_published_arrangements(workdays: Workdays, day: str, workday: bool) -> None:
    assert workdays.is_workday(datetime.date.fromisoformat(day)) is workday


def test_every_year_cites_its_notice_and_works_only_on_weekends(workdays: Workdays) -> None:
    assert sorted(workdays.years) == [2023, 2024, 2025, 2026]
    data = open_file(CALENDAR).document.data
    assert all("国务院办公厅关于" in year["source"] for year in data["years"])
    for holidays in workdays.years.values():
        assert all(day.weekday() >= 5 for day in holidays.work)
        assert not holidays.rest & holidays.work


def test_a_report_due_on_a_holiday_moves_to_the_next_workday(workdays: Workdays) -> None:
    # September 2023 reported by 5 October: 中秋节、国庆节 until 6 October, then the
    # Saturday 7 October is a workday.
    assert workdays.report_due(Period("month", 2023, 9), 5) == datetime.date(2023, 10, 7)
    # January 2024 by 5 February: a Monday.
    assert workdays.report_due(Period("month", 2024, 1), 5) == datetime.date(2024, 2, 5)
    # Without the calendar, a Saturday moves to the Monday only.
    assert Workdays().report_due(Period("month", 2023, 9), 7) == datetime.date(2023, 10, 9)


def test_load_tracking_reads_the_repositorys_calendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = tracking_repository(tmp_path)
    write(root, "plans/calendar.yaml", CALENDAR.read_text(encoding="utf-8"))
    tracking = load_tracking(Repository(root))
    assert tracking.findings == ()
    assert not tracking.workdays.is_workday(datetime.date(2024, 10, 1))
    assert tracking.workdays.missing_years([2026, 2027]) == [2027]
    assert len(tracking.plans) == 1  # the calendar is not a plan


def test_a_broken_calendar_is_left_out_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = tracking_repository(tmp_path)
    write(root, "plans/calendar.yaml", "format: planctl-calendar/1\nyears: [{year: 2024}]\n")
    tracking = load_tracking(Repository(root))
    assert tracking.workdays.years == {}
    [finding] = tracking.findings
    assert finding.rule == "schema" and finding.file == "plans/calendar.yaml"
