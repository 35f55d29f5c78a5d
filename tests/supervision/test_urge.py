"""The 催办通知 to one unit: its overdue and near-deadline items and its missing reports,
with a reply date `[urge] reply_days` workdays on, moved off rest days by the workdays
calendar (the demo holds 2012's holidays)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pymupdf
import pytest

from planctl.supervision.urge import reply_date
from planctl.tracking.drafts import load

from ..conftest import CLI
from ..render.test_pdf import LEFT, RIGHT, page_number, rules
from ..tracking.demo import PLAN_FILE, build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("urge")
    root = build_demo(folder / "repo", folder / "home").root
    (root / "planctl.toml").write_text("[urge]\nreply_days = 5\n", encoding="utf-8")
    return root


def urge(cli: CLI, root: Path, unit: str, day: str, *more: str) -> str:
    result = cli(
        "render", PLAN_FILE, "--as", "urge", "--unit", unit, "--as-of", day, *more, cwd=root
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_five_workdays_across_the_national_day_holiday(demo: Path) -> None:
    workdays = load(demo).workdays
    # Thursday 27 September 2012: Friday 28th, Saturday 29th (a 调休 workday), then the
    # holiday until 7 October, then 8, 9 and 10 October.
    assert reply_date(datetime.date(2012, 9, 27), workdays, 5) == datetime.date(2012, 10, 10)
    # A notice on a rest day counts from the next workday's end as well.
    assert reply_date(datetime.date(2012, 10, 1), workdays, 1) == datetime.date(2012, 10, 8)


def test_a_missing_report_is_urged_with_its_due_day_and_the_reply_date(
    cli: CLI, demo: Path
) -> None:
    text = urge(cli, demo, "市林业局", "2012-09-27", "-f", "md", "-o", "-")
    assert "市林业局：" in text
    assert "2012年8月进展报告（应于2012年9月5日前报送）" in text
    assert "于2012年10月10日前将办理情况" in text
    assert "肇庆市人民政府督查室" in text
    assert "逾期未完成事项" not in text


def test_near_deadline_then_overdue_items_of_the_unit(cli: CLI, demo: Path) -> None:
    near = urge(cli, demo, "市发展改革局", "2012-12-27", "-f", "md", "-o", "-")
    assert "临近完成时限事项" in near and "距完成时限4天" in near
    assert "逾期未完成事项" not in near
    late = urge(cli, demo, "市发展改革局", "2013-01-08", "-f", "md", "-o", "-")
    assert "逾期未完成事项" in late and "已逾期8天" in late
    assert "优先发展现代服务业" in late
    assert "未报送的进展报告" not in late  # 市发展改革局 reported every month


def test_an_unregistered_unit_is_refused_in_one_line(cli: CLI, demo: Path) -> None:
    result = cli(
        "render",
        PLAN_FILE,
        "--as",
        "urge",
        "--unit",
        "市不存在局",
        "--as-of",
        "2012-09-27",
        cwd=demo,
    )
    assert result.exit_code == 2
    assert "--unit" in result.stderr and "市不存在局" in result.stderr
    assert "Traceback" not in result.stderr


def test_word_and_pdf(cli: CLI, demo: Path, tmp_path: Path) -> None:
    import docx

    word = tmp_path / "urge.docx"
    urge(cli, demo, "市林业局", "2012-09-27", "-o", str(word))
    texts = [paragraph.text for paragraph in docx.Document(str(word)).paragraphs]
    assert texts[0] == "肇庆市人民政府督查室"
    assert "催办通知" in texts and "市林业局：" in texts
    pdf = tmp_path / "urge.pdf"
    urge(cli, demo, "市林业局", "2012-09-27", "-o", str(pdf))
    document = pymupdf.open(pdf)
    assert document.page_count % 2 == 0  # the 版记 on an even page
    red = [rule for rule in rules(document[0]) if rule["red"]]
    assert len(red) == 1
    assert (red[0]["x0"], red[0]["x1"]) == (
        pytest.approx(LEFT, abs=0.1),
        pytest.approx(RIGHT, abs=0.1),
    )
    assert page_number(document[0]) is not None
    text = "".join(page.get_text() for page in document).replace("\n", "")
    assert "于2012年10月10日前将办理情况" in text
