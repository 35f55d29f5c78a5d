"""Titles in the printed notice: the PDF's and the Word file's title lines are the words'
lines (`test_titles.py`), and a title written on lines in the plan is set as written."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pymupdf
import pytest

from planctl.render import render
from planctl.render.job import Job
from planctl.render.source import load_source

from ..conftest import CLI
from .conftest import REPOSITORY, ZHAOQING
from .test_pdf import lines

TITLE_PT = 22.0
WRITTEN_NOTICE_TITLE = "印发肇庆市实施\n《珠三角规划纲要》2012年工作计划的通知"
WRITTEN_PLAN_TITLE = "肇庆市实施\n《珠三角规划纲要》2012年工作计划"


def pdf_title_lines(path: Path) -> list[str]:
    """Every 二号 line of the PDF in reading order: the notice's title, then the plan's."""
    with pymupdf.open(path) as pdf:
        return [line.text for page in pdf for line in lines(page) if line.size == TITLE_PT]


def docx_title_lines(path: Path) -> list[str]:
    document = docx.Document(str(path))
    titles = [p for p in document.paragraphs if p.style is not None and p.style.name == "公文标题"]
    return [line for paragraph in titles for line in paragraph.text.split("\n")]


@pytest.fixture(scope="module")
def written_titles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo plan with its notice title and its own title written on two lines each."""
    root = tmp_path_factory.mktemp("written") / "repo"
    shutil.copytree(REPOSITORY, root)
    plan = root / "plans" / ZHAOQING.name
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "\ntitle: 肇庆市实施《珠三角规划纲要》2012年工作计划\n",
        "\ntitle: |-\n  肇庆市实施\n  《珠三角规划纲要》2012年工作计划\n",
        1,
    ).replace(
        "  title: 印发肇庆市实施《珠三角规划纲要》2012年工作计划的通知\n",
        "  title: |-\n    印发肇庆市实施\n    《珠三角规划纲要》2012年工作计划的通知\n",
        1,
    )
    assert text.count("|-") == 2
    plan.write_text(text, encoding="utf-8")
    return plan


def test_the_demo_notice_pdf_sets_the_titles_in_the_lines_the_words_give(
    tmp_path: Path,
) -> None:
    job = Job(load_source(ZHAOQING))
    expected = [*job.notice.title_lines, *job.plan.title_lines]
    assert expected == [
        "印发肇庆市实施《珠三角规划纲要》",
        "2012年工作计划的通知",
        "肇庆市实施《珠三角规划纲要》",
        "2012年工作计划",
    ]
    render(ZHAOQING, document="notice", fmt="pdf", output=tmp_path / "notice.pdf")
    assert pdf_title_lines(tmp_path / "notice.pdf") == expected


def test_the_demo_notice_docx_has_the_same_title_lines(tmp_path: Path) -> None:
    job = Job(load_source(ZHAOQING))
    render(ZHAOQING, document="notice", fmt="docx", output=tmp_path / "notice.docx")
    assert docx_title_lines(tmp_path / "notice.docx") == [
        *job.notice.title_lines,
        *job.plan.title_lines,
    ]


def test_titles_written_on_lines_are_set_as_written_in_pdf_word_and_html(
    written_titles: Path, tmp_path: Path
) -> None:
    expected = [*WRITTEN_NOTICE_TITLE.split("\n"), *WRITTEN_PLAN_TITLE.split("\n")]
    for fmt in ("pdf", "docx", "html"):
        render(written_titles, document="notice", fmt=fmt, output=tmp_path / f"notice.{fmt}")
    assert pdf_title_lines(tmp_path / "notice.pdf") == expected
    assert docx_title_lines(tmp_path / "notice.docx") == expected
    html = (tmp_path / "notice.html").read_text(encoding="utf-8")
    assert "印发肇庆市实施<br>《珠三角规划纲要》2012年工作计划的通知</h2>" in html
    assert "肇庆市实施<br>《珠三角规划纲要》2012年工作计划</h2>" in html


def test_the_attachment_note_and_the_table_title_use_a_written_title_as_one_line(
    written_titles: Path, tmp_path: Path
) -> None:
    job = Job(load_source(written_titles))
    assert job.notice.attachments[0] == "肇庆市实施《珠三角规划纲要》2012年工作计划"
    assert job.table.title_lines == ("肇庆市实施", "《珠三角规划纲要》2012年工作计划责任分工表")
    render(written_titles, document="table", fmt="docx", output=tmp_path / "table.docx")
    table = docx.Document(str(tmp_path / "table.docx"))
    assert table.paragraphs[0].text == "肇庆市实施\n《珠三角规划纲要》2012年工作计划责任分工表"


def test_fmt_keeps_a_title_written_on_lines(written_titles: Path, cli: CLI) -> None:
    result = cli("fmt", str(written_titles))
    assert result.exit_code == 0, result.output
    text = written_titles.read_text(encoding="utf-8")
    assert "\ntitle: |-\n  肇庆市实施\n  《珠三角规划纲要》2012年工作计划\n" in text
    assert "  title: |-\n    印发肇庆市实施\n    《珠三角规划纲要》2012年工作计划的通知\n" in text
    assert cli("fmt", "--check", str(written_titles)).exit_code == 0
