"""The 督查通报's PDF measured as the notice's is (tests/render/test_pdf.py's helpers): the
版心, lines on the 22-line grid, 28 characters a line, the red rule, the page numbers, the
版记 on an even page; and the 督查简报's masthead and rules."""

from __future__ import annotations

import datetime
from pathlib import Path

import pymupdf
import pytest

from planctl.chinese import display_width
from planctl.render.bulletin_typeset import JIANBAO
from planctl.render.formats.bulletin_pdf import paper as paper_pdf
from planctl.render.page_model import PAGE
from planctl.supervision import render_bulletin
from planctl.supervision.document import AttachmentTable, Block, Paper

from ..render.test_pdf import (
    BOTTOM,
    LEFT,
    MM,
    PITCH,
    RIGHT,
    TOP,
    body_lines,
    lines,
    page_number,
    rules,
)
from ..tracking.demo import PLAN_FILE


def rendered(root: Path, out: Path, period: str, layout: str) -> pymupdf.Document:
    result = render_bulletin(
        [root / PLAN_FILE], period=period, layout=layout, fmt="pdf", output=out
    )
    assert result.paths == (out,)
    return pymupdf.open(out)


@pytest.fixture(scope="module")
def gongwen(bulletin_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> pymupdf.Document:
    return rendered(bulletin_demo, tmp_path_factory.mktemp("pdf") / "12.pdf", "2012-12", "gongwen")


@pytest.fixture(scope="module")
def jianbao(bulletin_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> pymupdf.Document:
    return rendered(bulletin_demo, tmp_path_factory.mktemp("pdf") / "09.pdf", "2012-09", "jianbao")


PUNCTUATION = "。，；：、）”"


def line_index(line_baseline_mm: float, size: float = 16.0) -> float:
    """Which grid line a baseline sits on (a whole number when it is on the grid)."""
    top = line_baseline_mm - PAGE.grid.baseline_pt(size) * MM
    return (top - TOP) / PITCH


@pytest.mark.parametrize("layout", ["gongwen", "jianbao"])
def test_body_lines_stand_on_the_22_line_grid_inside_the_block(
    layout: str, request: pytest.FixtureRequest
) -> None:
    doc = request.getfixturevalue(layout)
    # the pages of the text: up to the one with the 附件说明 (the tables follow)
    texts = [page.get_text() for page in doc]
    last = next(index for index, text in enumerate(texts) if "附件：" in text)
    text_pages = list(doc)[: last + 1]
    for page in text_pages:
        found = body_lines(page)
        assert 0 < len(found) <= PAGE.grid.lines
        for line in found:
            assert line_index(line.baseline_mm) == pytest.approx(
                round(line_index(line.baseline_mm)), abs=0.02
            )
            assert 0 <= round(line_index(line.baseline_mm)) < PAGE.grid.lines
            assert line.x0_mm >= LEFT - 0.1
            # a closing punctuation mark may hang into the margin (its blank half), as in
            # the notice
            hanging = PAGE.grid.cell_mm if line.text[-1] in PUNCTUATION else 0.1
            assert line.x1_mm <= RIGHT + hanging


def test_a_full_line_holds_28_characters_across_the_block(gongwen: pymupdf.Document) -> None:
    full = [
        line
        for page in gongwen
        for line in body_lines(page)
        if display_width(line.text) == 56 and line.text[-1] not in PUNCTUATION
    ]
    assert full, "some body line is a full line of 28 characters"
    for line in full:
        assert line.x0_mm == pytest.approx(LEFT, abs=0.3)
        assert line.x1_mm == pytest.approx(RIGHT, abs=0.6)


def test_gongwen_head_the_doc_number_the_red_rule_and_the_title(gongwen: pymupdf.Document) -> None:
    page = gongwen[0]
    mark = next(line for line in lines(page) if line.text == "肇庆市人民政府督查室")
    assert (mark.x0_mm + mark.x1_mm) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=0.6)
    red = [rule for rule in rules(page) if rule["red"]]
    assert len(red) == 1
    rule = red[0]
    assert (rule["x0"], rule["x1"]) == (pytest.approx(LEFT, abs=0.1), pytest.approx(RIGHT, abs=0.1))
    number = next(line for line in lines(page) if line.text == "肇府督〔2013〕1号")
    assert rule["y"] - (number.baseline_mm + 0.12 * 16 * MM) == pytest.approx(4.0, abs=0.3)
    title = [line for line in lines(page) if line.size == 22.0]
    assert "".join(line.text for line in title) == "关于2012年12月重点工作任务推进情况的通报"
    title_top = title[0].baseline_mm - PAGE.grid.baseline_pt(22.0) * MM
    assert 2 * PITCH - 0.1 <= title_top - rule["y"] < 3 * PITCH


def test_jianbao_masthead_serial_office_and_date_between_rules(jianbao: pymupdf.Document) -> None:
    page = jianbao[0]
    found = lines(page)
    name = next(line for line in found if line.text == "督查简报")
    assert name.size == JIANBAO.name_pt
    assert (name.x0_mm + name.x1_mm) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=1.0)
    assert name.baseline_mm < TOP + 35  # the masthead heads the page
    serial = next(line for line in found if line.text == "第9期")
    assert (serial.x0_mm + serial.x1_mm) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=0.6)
    assert serial.baseline_mm > name.baseline_mm
    office = next(line for line in found if line.text == "肇庆市人民政府督查室")
    date = next(line for line in found if line.text == "2012年10月15日")
    assert office.baseline_mm == pytest.approx(date.baseline_mm, abs=0.05)
    assert office.x0_mm == pytest.approx(LEFT, abs=0.3)  # left and right split
    assert date.x1_mm == pytest.approx(RIGHT, abs=0.6)
    red = [rule for rule in rules(page) if rule["red"]]
    assert len(red) == 1
    rule = red[0]
    assert (rule["x0"], rule["x1"]) == (pytest.approx(LEFT, abs=0.1), pytest.approx(RIGHT, abs=0.1))
    assert rule["weight"] == pytest.approx(JIANBAO.rule_mm, abs=0.05)
    assert rule["y"] > office.baseline_mm
    title = next(line for line in found if line.size == 22.0)
    assert title.baseline_mm > rule["y"] + 2 * PITCH


@pytest.mark.parametrize("layout", ["gongwen", "jianbao"])
def test_every_page_is_numbered_on_its_outer_side_and_the_imprint_is_on_an_even_page(
    layout: str, request: pytest.FixtureRequest
) -> None:
    doc = request.getfixturevalue(layout)
    assert doc.page_count % 2 == 0
    for physical, page in enumerate(doc, start=1):
        number = page_number(page)
        assert number is not None and number.size == 14.0
        assert number.text.replace(" ", "") == f"—{physical}—"
        if physical % 2:
            assert RIGHT - number.x1_mm == pytest.approx(14 * MM, abs=0.3)
        else:
            assert number.x0_mm - LEFT == pytest.approx(14 * MM, abs=0.3)
    last = doc[-1]
    black = [rule for rule in rules(last) if not rule["red"]]
    assert black[-1]["y"] == pytest.approx(BOTTOM, abs=0.3)
    assert "印发" in last.get_text()


def test_the_attachments_are_the_tables_with_their_columns(gongwen: pymupdf.Document) -> None:
    text = "".join(page.get_text() for page in gongwen).replace("\n", "")
    assert "附件1逾期未完成事项" in text and "附件2滞后序时事项" in text
    for column in ("序号", "工作任务", "牵头单位", "完成时限", "进展情况", "存在问题"):
        assert column in text
    assert "逾期 15 天" in text


def bulletin_of(blocks: tuple[Block, ...], attachment: AttachmentTable) -> pymupdf.Document:
    """The PDF of a 公文 bulletin of these blocks and one attachment table."""
    paper = Paper(
        layout="gongwen",
        kind="bulletin",
        issuer="肇庆市人民政府督查室",
        mark="肇庆市人民政府督查室",
        doc_number="",
        serial="",
        title="关于督查情况的通报",
        recipients="",
        blocks=blocks,
        attachments=(attachment,),
        date=datetime.date(2012, 7, 12),
    )
    return pymupdf.open(stream=paper_pdf(paper), filetype="pdf")


def test_text_is_never_typst_markup() -> None:
    markup = '#panic("x") *bold* $x$ #import "/etc/passwd" [link]'
    doc = bulletin_of(
        (Block("heading", "一、总体情况"), Block("paragraph", markup)),
        AttachmentTable("附件1", "逾期未完成事项", ("序号", "工作任务"), (2, 26), (("1", markup),)),
    )
    text = "".join(page.get_text() for page in doc).replace("\n", "")
    assert text.count('#panic("x")') == 2 and text.count('#import "/etc/passwd"') == 2
    assert "*bold*" in text and "$x$" in text


def test_a_task_title_with_typst_markup_prints_literally(tmp_path: Path) -> None:
    from ..tracking.demo import build_demo
    from .conftest import write_bulletins

    root = write_bulletins(build_demo(tmp_path / "repo", tmp_path / "home").root)
    plan = root / PLAN_FILE
    title = '优先发展#panic("x")*现代*服务业$x$'
    text = plan.read_text(encoding="utf-8")
    assert "title: 优先发展现代服务业" in text
    plan.write_text(text.replace("title: 优先发展现代服务业", f"title: '{title}'"), "utf-8")
    doc = rendered(root, tmp_path / "b.pdf", "2012-12", "gongwen")
    printed = "".join(page.get_text() for page in doc).replace("\n", "")
    assert title in printed  # in 附件1, the overdue items' table


def test_the_signature_and_date_do_not_stand_alone_on_a_page(gongwen: pymupdf.Document) -> None:
    pages = [[line.text for line in body_lines(page)] for page in gongwen]
    texts = next(texts for texts in pages if "2013年1月15日" in texts)
    assert texts[-2:] == ["肇庆市人民政府督查室", "2013年1月15日"]
    assert any(text.startswith("附件：") for text in texts)
    assert len(texts) > 4  # text of the body stands above them


def test_a_last_paragraph_longer_than_a_page_runs_on_inside_the_block(tmp_path: Path) -> None:
    from ..tracking.demo import PLAN_ID, build_demo
    from .conftest import write_bulletins

    root = write_bulletins(build_demo(tmp_path / "repo", tmp_path / "home").root)
    sentence = "各牵头单位要对照附件所列事项逐项分析原因，制定整改措施，明确完成时限。"
    december = root / "bulletins" / PLAN_ID / "2012-12.yaml"
    text = december.read_text(encoding="utf-8")
    long_paragraph = sentence * 25  # about 900 characters: more than a page of 22 lines
    short = "对逾期未完成事项，市政府督查室将实行挂牌督办。"
    december.write_text(text.replace(short, long_paragraph), encoding="utf-8")

    doc = rendered(root, tmp_path / "b.pdf", "2012-12", "gongwen")

    for physical, page in enumerate(doc, start=1):
        assert page_number(page) is not None, f"page {physical} has no number"
        inside = [line for line in lines(page) if line.size == 16.0]
        assert all(TOP - 1 < line.baseline_mm < BOTTOM + 1 for line in inside), physical
    import re

    pages = "".join(page.get_text() for page in doc).replace("\n", "")
    printed = re.sub(r"— \d+ —", "", pages)  # the page numbers between two pages' lines
    assert printed.count(sentence) == 25
    assert printed.rindex(sentence) < printed.index("肇庆市人民政府督查室2013年1月15日")


def test_a_long_code_in_a_table_cell_wraps_inside_its_column() -> None:
    address = "ZQFG2012041900000123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEF"
    columns = ("序号", "进展情况", "存在问题")
    doc = bulletin_of(
        (Block("heading", "一、总体情况"),),
        AttachmentTable(
            "附件1", "逾期未完成事项", columns, (2, 14, 12), (("1", f"详见{address}", "无"),)
        ),
    )
    table_page = next(page for page in doc if "序号" in page.get_text())
    words = [word for word in table_page.get_text("words") if word[4].isascii()]
    assert words and max(word[2] for word in words) * MM < RIGHT  # x1 of every piece
    text = table_page.get_text().replace("\n", "").replace("\u200b", "")
    assert address in text
