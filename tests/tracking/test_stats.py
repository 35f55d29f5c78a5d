"""The published figures, on a plan of four tasks whose lights are worked out by hand."""

from __future__ import annotations

import datetime

import pytest

from planctl.config import TrackingSettings
from planctl.errors import UsageError
from planctl.tracking.records import Decision
from planctl.tracking.stats import Ratio, compute_stats

from .test_lights import D, Tracked, entry, plan, report, review

SETTINGS = TrackingSettings()


def four_tasks() -> Tracked:
    """As of 10 July 2023:
    - a, due March, closed 8 April: done, 8 days late;
    - b, due June, closed 8 June: done on time;
    - c, due June, open: overdue (red), 10 days;
    - d, due December, 市财政局 reports 20 % on 3 July against 52 % elapsed: red, behind;
    - e, cancelled: grey, out of every rate.
    """
    tasks = (
        {"id": "a", "due": "2023-03"},
        {"id": "b", "due": "2023-06"},
        {"id": "c", "due": "2023-06"},
        {"id": "d", "due": "2023", "lead": ["市财政局"]},
        {"id": "e", "due": "2023", "status": "cancelled"},
    )
    reports = (report(6, entry("d", percent=20), unit="市财政局", submitted=D(2023, 7, 3)),)
    reviews = (
        review(3, D(2023, 4, 8), Decision("a", ("decisions", 0), close=D(2023, 4, 8))),
        review(5, D(2023, 6, 8), Decision("b", ("decisions", 0), close=D(2023, 6, 8))),
    )
    return Tracked((plan(*tasks),), reports=reports, reviews=reviews)


def test_the_figures_of_all_tasks() -> None:
    stats = compute_stats(four_tasks(), D(2023, 7, 10), SETTINGS)
    total = stats.total
    assert total.tasks == 5
    assert total.lights == {"red": 2, "yellow": 0, "green": 0, "done": 2, "grey": 1}
    assert total.completion == Ratio(2, 4)  # a and b of the four not grey
    # Deadlines passed: a (March), b and c (June); closed by the deadline: b only.
    assert total.on_time_completion == Ratio(1, 3)
    assert total.overdue == 1  # c: a's deadline passed too, but it is closed
    assert total.on_schedule == Ratio(0, 1)  # d alone has a percent, and it is behind
    assert total.completion.share == 50.0
    assert total.on_time_completion.share == 33.3
    assert total.on_time_completion.words() == "33.3% (1/3)"


def test_the_reporting_rate_counts_due_reports() -> None:
    # 市发展改革局 leads a-c and reported nothing: January to May are due and missing
    # (a closed 8 April still needs March; b, c keep it reporting); 市财政局 sent June only,
    # on time (due 5 July) — its January to May are missing too. June's reports were due
    # 5 July: 6 due periods each, 1 on time of 12.
    stats = compute_stats(four_tasks(), D(2023, 7, 10), SETTINGS)
    assert stats.total.reporting == Ratio(1, 12)


def test_units_are_ranked() -> None:
    stats = compute_stats(four_tasks(), D(2023, 7, 10), SETTINGS, by="unit")
    rows = [(row.rank, row.name, row.figures.completion, row.figures.overdue) for row in stats.rows]
    # 市发展改革局 closed 2 of its 3 tasks; 市财政局 none of its one.
    assert rows == [(1, "市发展改革局", Ratio(2, 3), 1), (2, "市财政局", Ratio(0, 1), 0)]


def test_per_period_each_as_of_its_last_day() -> None:
    stats = compute_stats(four_tasks(), D(2023, 7, 10), SETTINGS, by="period")
    days = [(row.name, row.as_of) for row in stats.rows]
    assert days[0] == ("2023-01", D(2023, 1, 31))
    assert days[-1] == ("2023-07", D(2023, 7, 10))
    by_name = {row.name: row.figures for row in stats.rows}
    assert by_name["2023-03"].lights["red"] == 0  # a is due 31 March: not yet overdue
    assert by_name["2023-04"].lights["done"] == 1  # a closed on 8 April


def test_an_unknown_grouping_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown grouping 'week'"):
        compute_stats(four_tasks(), datetime.date(2023, 7, 10), SETTINGS, by="week")  # type: ignore[arg-type]
