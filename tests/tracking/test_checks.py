"""`planctl validate` on reports and reviews against their plans: each rule that needs
more than one file, shown on a small repository with one thing wrong, and its exit code."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from planctl.rules.tracking import FILE_RULES, REPOSITORY_RULES

from ..conftest import CLI, DATA, GitPlans
from .tracking_data import (
    PLAN,
    REPORT,
    REVIEW,
    report_path,
    review_path,
    tracking_repository,
    write,
)

FINDING = re.compile(r"^(?P<place>\S+:\d+:\d+)\s+(?P<severity>error|warning)\s+(?P<rule>\S+)")

FINANCE = "市财政局"
FINANCE_REPORT = REPORT.replace("unit: 市发展改革局", f"unit: {FINANCE}")


@dataclass(frozen=True)
class Case:
    name: str
    change: Callable[[Path], object]
    found: set[tuple[str, str, str]]  # (file:line:col, severity, rule)
    exit_code: int = 1


def _plan_without_reporting(root: Path) -> None:
    write(root, "plans/track-2023.yaml", PLAN.replace("reporting:", "# reporting:"))


def _review_with(*decisions: str, reviewer: str = "市政府督查室") -> Callable[[Path], object]:
    text = REVIEW.replace("reviewer: 市政府督查室", f"reviewer: {reviewer}")
    return lambda root: write(root, review_path(), text + "".join(f"  - {d}\n" for d in decisions))


R, V = report_path(), review_path()
CASES = [
    Case(
        "unknown-plan",
        lambda root: (
            (root / R).unlink(),
            write(
                root,
                "reports/track-2032/2023-06/市发展改革局.yaml",
                REPORT.replace("plan: track-2023", "plan: track-2032"),
            ),
        ),
        {
            ("reports/track-2032/2023-06/市发展改革局.yaml:2:7", "error", "tracking-unknown-plan"),
            (f"{V}:7:39", "error", "review-no-report"),  # the report it accepted has gone
        },
    ),
    Case(
        "refused-plan",
        lambda root: write(root, "plans/track-2023.yaml", PLAN + "title: 重复的键\n"),
        {
            ("plans/track-2023.yaml:26:1", "error", "duplicate-key"),
            (f"{R}:2:7", "error", "tracking-unknown-plan"),
            (f"{V}:2:7", "error", "tracking-unknown-plan"),
        },
    ),
    Case(
        "no-reporting",
        _plan_without_reporting,
        {
            (f"{R}:2:7", "error", "tracking-no-reporting"),
            (f"{V}:2:7", "error", "tracking-no-reporting"),
        },
    ),
    Case(
        "unknown-task",
        lambda root: write(root, R, REPORT.replace("task: t1", "task: t11")),
        {
            (f"{R}:7:11", "error", "tracking-unknown-task"),
            (f"{V}:7:39", "error", "review-no-report"),
        },
    ),
    Case(
        "unknown-unit",
        lambda root: write(
            root, report_path("市发改委"), REPORT.replace("unit: 市发展改革局", "unit: 市发改委")
        ),
        {(f"{report_path('市发改委')}:4:7", "error", "tracking-unknown-unit")},
    ),
    Case(
        "unit-alias",
        lambda root: (
            (root / R).unlink(),
            write(
                root,
                report_path("市发改局"),
                REPORT.replace("unit: 市发展改革局", "unit: 市发改局"),
            ),
        ),
        {
            (f"{report_path('市发改局')}:4:7", "error", "tracking-unknown-unit"),
            (f"{V}:7:39", "error", "review-no-report"),
        },
    ),
    Case(
        "period-folder",
        lambda root: write(
            root,
            R,
            REPORT.replace("period: 2023-06", "period: 2023-07").replace(
                "2023-06-30", "2023-07-31"
            ),
        ),
        {(f"{R}:3:9", "error", "tracking-path"), (f"{V}:7:39", "error", "review-no-report")},
    ),
    Case(
        "misplaced",
        lambda root: ((root / R).rename(root / "reports/track-2023/市发展改革局.yaml"),),
        {
            ("reports/track-2023/市发展改革局.yaml:1:1", "error", "tracking-path"),
            # the file still reports June for 市发展改革局, so the review finds it
        },
    ),
    Case(
        "not-owner",
        lambda root: write(
            root, report_path(FINANCE), FINANCE_REPORT.replace("task: t1", "task: t3")
        ),
        {
            (f"{report_path(FINANCE)}:7:11", "error", "report-not-owner"),
            (f"{report_path(FINANCE)}:11:23", "error", "report-milestone"),  # t3 has none
        },
    ),
    Case(
        "group-member-and-support",
        lambda root: (
            write(root, report_path(FINANCE), FINANCE_REPORT),  # t1, which it supports
            write(
                root,
                report_path("端州区人民政府"),  # t2, led by its group 各县（市、区）人民政府
                REPORT.replace("unit: 市发展改革局", "unit: 端州区人民政府")
                .replace("task: t1", "task: t2")
                .replace("    milestones: [{id: m1, done: 2023-04-28}]\n", ""),
            ),
        ),
        set(),
        0,
    ),
    Case(
        "wrong-cycle",
        lambda root: write(
            root,
            "reports/track-2023/2023-Q2/市发展改革局.yaml",
            REPORT.replace("period: 2023-06", "period: 2023-Q2"),
        ),
        {("reports/track-2023/2023-Q2/市发展改革局.yaml:3:9", "error", "tracking-period")},
    ),
    Case(
        "before-start",
        lambda root: write(
            root,
            report_path(period="2023-02"),
            REPORT.replace("2023-06", "2023-02")
            .replace("2023-02-30", "2023-02-28")
            .replace("2023-04-28", "2023-02-20"),
        ),
        {(f"{report_path(period='2023-02')}:3:9", "error", "tracking-period")},
    ),
    Case(
        "after-end",
        lambda root: write(
            root,
            report_path(period="2024-01"),
            REPORT.replace("2023-06-30", "2024-01-31").replace("2023-06", "2024-01"),
        ),
        {(f"{report_path(period='2024-01')}:3:9", "error", "tracking-period")},
    ),
    Case(
        "unknown-milestone",
        lambda root: write(root, R, REPORT.replace("id: m1", "id: m2")),
        {(f"{R}:11:23", "error", "report-milestone")},
    ),
    Case(
        "verdict-without-report",
        _review_with(f"{{task: t1, unit: {FINANCE}, verdict: accepted}}"),
        {(f"{V}:8:37", "error", "review-no-report")},
    ),
    Case(
        "close-without-request",
        _review_with("{task: t1, close: 2023-07-08}"),
        {(f"{V}:8:23", "error", "review-no-report")},
    ),
    Case(
        "close-with-a-note",
        _review_with("{task: t1, close: 2023-07-08, note: 经现场核查已完成}"),
        set(),
        0,
    ),
    Case(
        "close-on-request",
        lambda root: (
            write(root, R, REPORT + "    request: close\n"),
            _review_with("{task: t1, close: 2023-07-08}")(root),
        ),
        set(),
        0,
    ),
    Case(
        "extension-not-later",
        _review_with("{task: t1, extend_to: 2023-06-30}", "{task: t3, extend_to: 2023-09}"),
        {
            (f"{V}:8:27", "error", "review-extension-not-later"),
            (f"{V}:9:27", "error", "review-extension-not-later"),
        },
    ),
    Case(
        "second-extension-in-one-review",
        _review_with("{task: t1, extend_to: 2023-09}", "{task: t1, extend_to: 2023-08}"),
        {(f"{V}:9:27", "error", "review-extension-not-later")},
    ),
    Case(
        "extension-after-an-extension",
        lambda root: (
            _review_with("{task: t1, extend_to: 2023-09}")(root),
            write(
                root,
                review_path("2023-07"),
                REVIEW.replace("2023-06", "2023-07")
                .replace("2023-07-08", "2023-08-08")
                .replace(
                    "{task: t1, unit: 市发展改革局, verdict: accepted}",
                    "{task: t1, extend_to: 2023-08}",
                ),
            ),
        ),
        {(f"{review_path('2023-07')}:7:27", "error", "review-extension-not-later")},
    ),
    Case(
        "reviewer",
        _review_with(reviewer="市财政局"),
        {(f"{V}:4:11", "error", "review-reviewer")},
    ),
    Case(
        "self-close",
        _review_with("{task: t1, close: 2023-07-08, note: 已完成}", reviewer="市发展改革局"),
        {(f"{V}:4:11", "error", "review-reviewer"), (f"{V}:8:23", "error", "review-self-close")},
    ),
    Case(
        "repeated-and-lower",
        lambda root: write(
            root,
            report_path(period="2023-05"),
            REPORT.replace("2023-06", "2023-05")
            .replace("2023-05-30", "2023-05-31")
            .replace("percent: 80", "percent: 85")
            .replace("12亿元", "11亿元"),
        ),
        {
            (f"{R}:9:14", "warning", "report-percent-lower"),
            (f"{R}:10:15", "warning", "report-repeated-text"),
        },
        0,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_validate_finds_what_is_wrong_across_files(case: Case, tmp_path: Path, cli: CLI) -> None:
    root = tracking_repository(tmp_path)
    case.change(root)
    result = cli("validate", "--no-cache", cwd=root)
    found = {
        (match["place"], match["severity"], match["rule"])
        for line in result.stdout.splitlines()
        if (match := FINDING.match(line))
    }
    assert found == case.found, result.output
    assert result.exit_code == case.exit_code, result.output


def test_every_rule_across_files_has_a_case() -> None:
    shown = {rule for case in CASES for _place, _severity, rule in case.found}
    assert {rule.id for rule in REPOSITORY_RULES} <= shown


def test_the_example_repository_is_clean(tmp_path: Path, cli: CLI) -> None:
    result = cli("validate", "--no-cache", cwd=tracking_repository(tmp_path))
    assert result.exit_code == 0 and "All checks passed" in result.stdout, result.output
    assert "(4 files)" in result.stdout  # the registry, the plan, the report, the review


def test_warnings_fail_with_strict(tmp_path: Path, cli: CLI) -> None:
    root = tracking_repository(tmp_path)
    write(
        root,
        report_path(period="2023-05"),
        REPORT.replace("2023-06", "2023-05").replace("2023-05-30", "2023-05-31"),
    )
    assert cli("validate", "--no-cache", cwd=root).exit_code == 0
    assert cli("validate", "--no-cache", "--strict", cwd=root).exit_code == 1


def test_named_files_get_only_their_own_findings(tmp_path: Path, cli: CLI) -> None:
    root = tracking_repository(tmp_path)
    write(root, report_path(FINANCE), FINANCE_REPORT.replace("task: t1", "task: t3"))
    _review_with(reviewer="市财政局")(root)
    result = cli("validate", "--no-cache", report_path(FINANCE), cwd=root)
    assert result.exit_code == 1 and "report-not-owner" in result.stdout, result.output
    assert "review-reviewer" not in result.stdout
    plan_only = cli("validate", "--no-cache", "plans/track-2023.yaml", cwd=root)
    assert plan_only.exit_code == 0, plan_only.output


def test_findings_reach_every_output_format(tmp_path: Path, cli: CLI) -> None:
    root = tracking_repository(tmp_path)
    _review_with(reviewer="市财政局")(root)
    result = cli("validate", "--no-cache", "--format", "json", cwd=root)
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["file"], finding["line"], finding["rule"]) == (V, 4, "review-reviewer")
    sarif = json.loads(cli("validate", "--no-cache", "--format", "sarif", cwd=root).stdout)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "review-reviewer"


def test_a_report_without_its_format_is_told_which_it_must_be(tmp_path: Path, cli: CLI) -> None:
    root = tracking_repository(tmp_path)
    write(root, R, REPORT.replace("format: planctl-report/1\n", ""))
    result = cli("validate", "--no-cache", cwd=root)
    assert result.exit_code == 1
    assert f"{R}:1:1" in result.stdout and "planctl-report/1" in result.stdout, result.output


def test_the_cache_keeps_one_file_checks_and_redoes_the_others(tmp_path: Path, cli: CLI) -> None:
    root = tracking_repository(tmp_path)
    write(root, R, REPORT + "  - task: t1\n    status: done\n")
    first = cli("validate", cwd=root)
    assert "report-duplicate-task" in first.stdout and first.exit_code == 1
    _plan_without_reporting(root)  # another file changed: the report is now wrong anew
    second = cli("validate", cwd=root)
    assert "report-duplicate-task" in second.stdout and "tracking-no-reporting" in second.stdout


# The rules of one file alone: their cases of tests/data/invalid/, put where they belong.
ONE_FILE_CASES = sorted(
    path for rule in FILE_RULES for path in (DATA / "invalid" / rule.id).glob("*.yaml")
)


@pytest.mark.parametrize("case", ONE_FILE_CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_one_file_cases_fail_validate_where_they_belong(
    case: Path, tmp_path: Path, cli: CLI
) -> None:
    root = tracking_repository(tmp_path, report=False, review=False)
    text = case.read_text(encoding="utf-8")
    if "planctl-report/1" in text:
        target = report_path()
    elif "planctl-review/1" in text:
        target = review_path()
    else:
        target = "plans/calendar.yaml"
    write(root, target, text)
    result = cli("validate", "--no-cache", target, cwd=root)
    assert result.exit_code == 1, result.output
    assert f"  {case.parent.name}  " in result.stdout, result.output


def test_render_says_a_report_is_not_a_plan(tmp_path: Path, cli: CLI) -> None:
    root = tracking_repository(tmp_path)
    result = cli("render", R, cwd=root)
    assert result.exit_code == 2 and "this is a progress report, not a plan" in result.stderr
    assert "Traceback" not in result.output


def test_changed_checks_the_reports_of_a_changed_plan(git_repo: GitPlans, cli: CLI) -> None:
    tracking_repository(git_repo.root)
    git_repo.commit("计划、报告和审核")
    git_repo.edit("plans/track-2023.yaml", "  - id: t1\n", "  - id: t1-new\n")
    result = cli("validate", "--no-cache", "--changed", "HEAD", cwd=git_repo.root)
    assert result.exit_code == 1, result.output
    assert f"{R}:7:11" in result.stdout and "tracking-unknown-task" in result.stdout
    assert "in 3 files" in result.stdout  # the plan, its report and its review
