"""Reminders on the demo tracking repository (tests/tracking/demo.py): the Zhaoqing 2012
plan with a year of monthly reports and reviews committed in git on their dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import CLI
from ..tracking.demo import build_demo

PLAN = "《肇庆市实施〈珠三角规划纲要〉2012年工作计划》"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("remind-demo")
    return build_demo(folder / "repo", folder / "home").root


def test_the_unit_that_sent_no_august_report_is_the_one_reminded(cli: CLI, demo: Path) -> None:
    """市林业局 sent no August report (due 5 September): on 10 September it is behind on
    加快政府职能转变, which it leads with five other units, and only it is told."""
    result = cli("remind", "--as-of", "2012-09-10", cwd=demo)

    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("致：") == 1
    assert result.stdout.startswith("致：市林业局\n")
    assert f"1. 加快政府职能转变（{PLAN}，完成时限2012年12月31日前，黄灯）" in result.stdout
    assert f"1. {PLAN}2012年8月进展，应于2012年9月5日前报送，尚未报送" in result.stdout
    assert "请于2012年9月13日前补报未报送的进展情况。" in result.stdout
    assert result.stdout.rstrip().endswith("肇庆市人民政府督查室\n2012年9月10日")


def test_a_report_committed_after_the_date_is_still_to_come(cli: CLI, demo: Path) -> None:
    """December's reports are committed on 3 January 2013; on 31 December 市教育局's is
    still due: on 5 January 2013, a Saturday (2013 is not in the workdays calendar), so
    on Monday 7 January, within the seven days."""
    before = cli("remind", "--as-of", "2012-12-31", "--unit", "市教育局", cwd=demo)
    after = cli("remind", "--as-of", "2013-01-04", "--unit", "市教育局", cwd=demo)

    assert before.exit_code == 0, before.stderr
    assert f"1. {PLAN}2012年12月进展，请于2013年1月7日前报送" in before.stdout
    assert "请于2013年1月7日前报送本期进展情况。" in before.stdout
    assert "贵单位没有临期、逾期或未报送的事项" in after.stdout
