"""Every number of the 督查通报 is what `planctl stats` says for the bulletin's date."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ..conftest import CLI
from ..tracking.demo import PLAN_FILE

# period, the date of its bulletin file
BULLETINS = [("2012-09", "2012-10-15"), ("2012-12", "2013-01-15")]


def overview_numbers(text: str) -> dict[str, float | None]:
    """The counts and shares of 一、总体情况, by what they count."""
    pattern = (
        r"共(?P<counted>\d+)项.*?已完成(?P<done>\d+)项、占(?P<done_share>[\d.]+)%；"
        r"序时推进(?P<on_track>\d+)项、占(?P<on_track_share>[\d.]+)%；"
        r"滞后(?P<lagging>\d+)项、占(?P<lagging_share>[\d.]+)%；"
        r"逾期(?P<overdue>\d+)项、占(?P<overdue_share>[\d.]+)%。"
        r"完成率(?P<completion>[\d.]+)%，按时完成率(?P<on_time>[\d.]+%|—)。"
        r"各单位应报送进展报告(?P<due>\d+)份，按时报送(?P<in_time>\d+)份，报送及时率(?P<reporting>[\d.]+)%。"
    )
    found = re.search(pattern, text)
    assert found is not None, text
    # — when nothing is counted (no deadline has passed yet)
    return {
        name: None if value == "—" else float(value.rstrip("%"))
        for name, value in found.groupdict().items()
    }


def status_of(cli: CLI, root: Path, day: str) -> dict:
    result = cli("status", PLAN_FILE, "--as-of", day, "--format", "json", cwd=root)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(("period", "day"), BULLETINS)
def test_the_overview_states_what_stats_says_for_the_bulletin_date(
    cli: CLI, bulletin_demo: Path, period: str, day: str
) -> None:
    rendered = cli(
        "render",
        PLAN_FILE,
        "--as",
        "bulletin",
        "--period",
        period,
        "-f",
        "md",
        "-o",
        "-",
        cwd=bulletin_demo,
    )
    assert rendered.exit_code == 0, rendered.stderr
    said = overview_numbers(rendered.stdout)
    stats = cli("stats", PLAN_FILE, "--as-of", day, "--format", "json", cwd=bulletin_demo)
    assert stats.exit_code == 0, stats.stderr
    total = json.loads(stats.stdout)["total"]
    lights = total["lights"]
    counted = total["tasks"] - lights["grey"]
    assert said["counted"] == counted
    assert said["done"] == lights["done"] == total["completion"]["numerator"]
    assert said["overdue"] == total["overdue"]
    assert said["completion"] == total["completion"]["share"]
    assert said["on_time"] == total["on_time_completion"]["share"]
    assert said["due"] == total["reporting"]["denominator"]
    assert said["in_time"] == total["reporting"]["numerator"]
    assert said["reporting"] == total["reporting"]["share"]
    # The open tasks not overdue are 滞后 (red or yellow) or 序时推进 (green), as `status`
    # gives their lights that day.
    tasks = status_of(cli, bulletin_demo, day)["tasks"]
    open_in_time = [
        task
        for task in tasks
        if task["light"] not in ("done", "grey")
        and not (task["deadline"] is not None and task["deadline"] < day)
    ]
    assert said["on_track"] == sum(1 for task in open_in_time if task["light"] == "green")
    assert said["lagging"] == sum(1 for task in open_in_time if task["light"] != "green")
    parts = {name: said[name] or 0.0 for name in ("done", "on_track", "lagging", "overdue")}
    assert sum(parts.values()) == counted
    for name, count in parts.items():
        assert said[f"{name}_share"] == round(count * 100 / counted, 1)


def test_december_names_the_overdue_by_lead_unit_and_the_units_that_reported_late(
    cli: CLI, bulletin_demo: Path
) -> None:
    rendered = cli(
        "render",
        PLAN_FILE,
        "--as",
        "bulletin",
        "--period",
        "2012-09",
        "-f",
        "md",
        "-o",
        "-",
        cwd=bulletin_demo,
    )
    text = rendered.stdout
    # 15 October: 肇庆新区管委会 reported two-zones 47 points behind; 市编办's September
    # report came on 6 October, on time (due 8 October after the National Day holiday).
    assert "滞后序时" in text
    assert "肇庆新区管委会：滞后序时" in text
    assert "市编办迟报" not in text
