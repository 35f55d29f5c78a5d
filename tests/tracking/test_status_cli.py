"""`planctl status` and `planctl stats` on the demo tracking repository, as CI and an
officer run them (the lights themselves are worked out in test_lights_demo.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..conftest import CLI
from .demo import PLAN_FILE, PLAN_ID, build_demo


def test_status_as_json(cli: CLI, tracking_demo: Path) -> None:
    # The day after September's reports were due (8 October): May to September count.
    result = cli("status", "--as-of", "2012-10-09", "--format", "json", cwd=tracking_demo)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "planctl-status/1"
    assert data["as_of"] == "2012-10-09"
    two_zones = next(task for task in data["tasks"] if task["task"] == "two-zones")
    assert two_zones["light"] == "red"
    assert two_zones["reasons"] == ["肇庆新区管委会: behind schedule by 47 percentage points"]
    assert two_zones["deadline"] == "2012-12-31"
    # May to September, 43 units each, and 市林业局's August missing.
    assert len(data["reports"]) == 5 * 43
    missing = [r for r in data["reports"] if r["status"] == "missing"]
    assert missing == [
        {
            "plan": PLAN_ID,
            "unit": "市林业局",
            "period": "2012-08",
            "due": "2012-09-05",
            "status": "missing",
            "submitted": None,
        }
    ]
    summary = data["summary"]
    assert summary["lights"] == {"red": 1, "yellow": 0, "green": 33, "done": 0, "grey": 1}
    assert summary["reporting"] == {"numerator": 213, "denominator": 215, "share": 99.1}


def test_fail_on_gives_ci_an_exit_code(cli: CLI, tracking_demo: Path) -> None:
    # 10 July: five yellow tasks, no red one.
    assert (
        cli("status", "--as-of", "2012-07-10", "--fail-on", "red", cwd=tracking_demo).exit_code == 0
    )
    assert (
        cli("status", "--as-of", "2012-07-10", "--fail-on", "yellow", cwd=tracking_demo).exit_code
        == 1
    )
    assert (
        cli("status", "--as-of", "2012-06-10", "--fail-on", "yellow", cwd=tracking_demo).exit_code
        == 0
    )


def test_the_text_table_and_its_summary(cli: CLI, tracking_demo: Path) -> None:
    result = cli("status", "--as-of", "2012-07-10", "--light", "yellow", cwd=tracking_demo)
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "No.",
        "Task",
        "Lead",
        "unit",
        "Deadline",
        "Light",
        "Reason",
        "Latest",
        "progress",
        "Report",
    ]
    assert len(lines) == 1 + 5 + 1  # header, the five yellow tasks, the summary
    assert "大力发展现代农业" in lines[1] and "missing" in lines[1]  # 市农业局's June
    assert lines[-1] == (
        "5 tasks as of 2012-07-10: red light 0, yellow light 5, green light 0, closed 0, "
        "stopped 0; completion 0.0% (0/5), reports on time 98.8% (85/86)"
    )


def test_one_unit_and_a_plan_named_by_its_file(cli: CLI, tracking_demo: Path) -> None:
    result = cli(
        "status",
        PLAN_FILE,
        "--unit",
        "市林业局",
        "--as-of",
        "2012-09-10",
        "--format",
        "json",
        cwd=tracking_demo,
    )
    data = json.loads(result.stdout)
    assert [task["task"] for task in data["tasks"]] == ["government-functions"]
    assert [r["status"] for r in data["reports"]] == ["on_time", "on_time", "on_time", "missing"]


def test_counts_per_unit_section_or_plan(cli: CLI, tracking_demo: Path) -> None:
    result = cli(
        "status", "--as-of", "2012-07-10", "--by", "plan", "--format", "json", cwd=tracking_demo
    )
    groups = json.loads(result.stdout)["groups"]
    assert [(g["name"], g["lights"]["yellow"], g["tasks"]) for g in groups] == [(PLAN_ID, 5, 35)]


def test_csv_and_markdown(cli: CLI, tracking_demo: Path) -> None:
    result = cli(
        "status", "--as-of", "2012-09-10", "--light", "grey", "--format", "csv", cwd=tracking_demo
    )
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert (
        rows[1][1] == "积极配合推进城际轨道鼎湖站公共交通导向型（TOD）综合开发"
        or rows[1][4] == "stopped"
    )
    assert rows[0][:5] == ["No.", "Task", "Lead unit", "Deadline", "Light"]
    assert [(row[1][:8], row[4]) for row in rows[1:]] == [("积极配合推进城际", "stopped")]
    result = cli(
        "status", "--as-of", "2012-09-10", "--light", "grey", "--format", "md", cwd=tracking_demo
    )
    assert result.stdout.splitlines()[1].startswith("|---|")


def test_stats_text_and_per_period(cli: CLI, tracking_demo: Path) -> None:
    result = cli("stats", "--as-of", "2013-01-15", cwd=tracking_demo)
    assert result.exit_code == 0, result.stderr
    total = result.stdout.splitlines()[-2].split()  # the last row before the calendar note
    assert total[:7] == ["Total", "35", "31", "0", "1", "2", "1"]
    result = cli(
        "stats", "--as-of", "2012-08-31", "--by", "period", "--format", "json", cwd=tracking_demo
    )
    rows = json.loads(result.stdout)["rows"]
    assert [(row["name"], row["as_of"]) for row in rows] == [
        ("2012-05", "2012-05-31"),
        ("2012-06", "2012-06-30"),
        ("2012-07", "2012-07-31"),
        ("2012-08", "2012-08-31"),
    ]
    assert rows[2]["lights"]["red"] == 0 and rows[3]["lights"]["red"] == 1  # the override


def test_stats_at_a_revision(cli: CLI, tracking_demo: Path) -> None:
    result = cli(
        "stats", "--at", "main~1", "--as-of", "2013-01-15", "--format", "json", cwd=tracking_demo
    )
    assert result.exit_code == 0, result.stderr
    # The last commit (10 January 2013) added the December review, which closed
    # planning-integration: without it, that is one more overdue task.
    before = json.loads(result.stdout)["total"]
    assert (before["lights"]["done"], before["lights"]["red"], before["overdue"]) == (1, 32, 32)
    whole = json.loads(
        cli("stats", "--as-of", "2013-01-15", "--format", "json", cwd=tracking_demo).stdout
    )["total"]
    assert (whole["lights"]["done"], whole["lights"]["red"], whole["overdue"]) == (2, 31, 31)


def test_bad_words_are_one_line_usage_errors(cli: CLI, tracking_demo: Path) -> None:
    for args, said in (
        (("status", "no-such-plan"), "no plan 'no-such-plan' in this repository"),
        (("status", "--as-of", "2012-02-30"), "--as-of"),
        (("status", "--light", "blue"), "unknown light 'blue'"),
        (("status", "--fail-on", "green"), "--fail-on takes"),
        (("status", "--by", "week"), "unknown grouping 'week'"),
        (("status", "--unit", "市不存在局"), "is not a unit in plans/units.yaml"),
        (("stats", "--by", "task"), "unknown grouping 'task'"),
    ):
        result = cli(*args, cwd=tracking_demo)
        assert result.exit_code == 2, (args, result.output)
        assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_kept_answer_is_used_until_something_changes(cli: CLI, tmp_path: Path) -> None:
    root = build_demo(tmp_path / "repo", tmp_path / "home").root
    asked = ("status", "--as-of", "2012-10-08", "--format", "json")
    first = cli(*asked, cwd=root)
    kept = list((root / ".planctl-cache" / "tracking-answers").iterdir())
    assert len(kept) == 1
    assert cli(*asked, cwd=root).stdout == first.stdout
    # 肇庆新区管委会 corrects its September report: the answer is computed again.
    report = root / "reports" / PLAN_ID / "2012-09" / "肇庆新区管委会.yaml"
    report.write_text(report.read_text("utf-8").replace("percent: 30", "percent: 76"), "utf-8")
    again = json.loads(cli(*asked, cwd=root).stdout)
    two_zones = next(task for task in again["tasks"] if task["task"] == "two-zones")
    assert two_zones["light"] == "green"


def test_an_answer_not_signed_here_is_ignored(cli: CLI, tmp_path: Path) -> None:
    root = build_demo(tmp_path / "repo", tmp_path / "home").root
    asked = ("status", "--as-of", "2012-10-08", "--format", "json")
    honest = cli(*asked, cwd=root).stdout
    [kept] = (root / ".planctl-cache" / "tracking-answers").iterdir()
    signature, _, body = kept.read_bytes().partition(b"\n")
    forged = body.replace(b'\\"light\\": \\"red\\"', b'\\"light\\": \\"green\\"')
    assert forged != body
    kept.write_bytes(signature + b"\n" + forged)  # a cache committed by someone else
    assert cli(*asked, cwd=root).stdout == honest


def test_report_text_is_data_in_csv_and_markdown() -> None:
    from planctl.config import TrackingSettings
    from planctl.tracking.formats import STATUS_FORMATS
    from planctl.tracking.lights import compute_status
    from planctl.tracking.stats import status_view

    from .test_lights import D, Tracked, entry, plan, report

    said = report(1, entry("t", progress='=HYPERLINK("http://example.org","点击") | **已完成**'))
    status = compute_status(
        Tracked((plan({"id": "t", "due": "2023"}),), reports=(said,)),
        D(2023, 2, 10),
        TrackingSettings(),
    )
    view = status_view(status, "task", TrackingSettings())
    rows = list(csv.reader(io.StringIO(STATUS_FORMATS.get("csv")(view).lstrip("\ufeff"))))  # type: ignore[arg-type]
    assert rows[1][6].startswith("'=HYPERLINK(")  # a spreadsheet shows it, never runs it
    markdown = str(STATUS_FORMATS.get("md")(view))
    assert r"\| \*\*已完成\*\*" in markdown  # no table break, no bold
