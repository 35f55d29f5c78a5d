"""Word output, read back with python-docx: page, grid, styles, fonts, header, 版记, footers."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import RGBColor

from planctl.render.formats import docx as docx_writer
from planctl.render.job import Job

from .conftest import ZHAOQING, Render

RED = RGBColor(0xFF, 0x00, 0x00)


@pytest.fixture(scope="module")
def notice(rendered: Render) -> Any:
    return docx.Document(str(rendered(ZHAOQING, "notice", "docx")))


def style_name(paragraph: Any) -> str:
    return str(paragraph.style.name)


def mm(length: int | None) -> float:
    assert length is not None
    return round(length / 36000, 1)  # EMU per millimetre


def east_asian_font(element: Any) -> str | None:
    fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_pages_are_a4_with_the_standard_margins(notice: Any) -> None:
    for section in notice.sections:
        assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
        assert section.orientation == WD_ORIENT.PORTRAIT
        margins = (
            section.top_margin,
            section.left_margin,
            section.right_margin,
            section.bottom_margin,
        )
        assert tuple(mm(m) for m in margins) == (37.0, 28.0, 26.0, 35.0)


def test_the_grid_sets_22_lines_of_28_characters(notice: Any) -> None:
    grid = notice.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    pitch = int(grid.get(qn("w:linePitch")))
    text_height = 225 * 1440 / 25.4
    assert int(text_height // pitch) == 22
    normal = notice.styles["Normal"].element.find(qn("w:rPr"))
    size = int(normal.find(qn("w:sz")).get(qn("w:val"))) * 10  # twips
    advance = size + int(normal.find(qn("w:spacing")).get(qn("w:val")))
    text_width = 156 * 1440 / 25.4
    assert int(text_width // advance) == 28


@pytest.mark.parametrize(
    ("style", "face", "points"),
    [
        ("Normal", "仿宋_GB2312", 16),
        ("Heading 1", "黑体", 16),
        ("Heading 2", "楷体_GB2312", 16),
        ("Heading 3", "仿宋_GB2312", 16),
        ("Heading 2 Char", "楷体_GB2312", 16),
        ("发文机关标志", "方正小标宋简体", 36.5),
        ("公文标题", "方正小标宋简体", 22),
        ("版记", "仿宋_GB2312", 14),
        ("页码", "宋体", 14),
    ],
)
def test_named_styles_set_their_face_on_the_east_asian_slot(
    notice: Any, style: str, face: str, points: float
) -> None:
    found = notice.styles[style]
    assert east_asian_font(found.element) == face
    assert found.font.size.pt == points
    assert not found.font.bold
    fonts = found.element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over the face


def test_text_is_marked_simplified_chinese(notice: Any) -> None:
    defaults = notice.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert language.get(qn("w:eastAsia")) == "zh-CN"


def test_the_red_header_carries_the_mark_and_the_document_number(notice: Any) -> None:
    mark, number = notice.paragraphs[:2]
    assert (mark.style.name, mark.text) == ("发文机关标志", "肇庆市人民政府办公室文件")
    assert mark.style.font.color.rgb == RED
    assert mark.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.font.color.rgb == RED for run in mark.runs)
    assert (number.style.name, number.text) == ("发文字号", "肇府办〔2012〕22号")
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "FF0000"


def test_the_body_reads_in_order(notice: Any) -> None:
    texts = [p.text for p in notice.paragraphs]
    title = texts.index("印发肇庆市实施《珠三角规划纲要》\n2012年工作计划的通知")
    assert texts[title + 1].startswith("各县（市、区）人民政府，")
    assert texts[title + 2].startswith("《肇庆市实施〈珠三角规划纲要〉2012年工作计划》")
    assert texts[title + 3] == "附件：1.肇庆市实施《珠三角规划纲要》2012年工作计划"
    signer = texts.index("肇庆市人民政府办公室")
    assert texts[signer + 1] == "二○一二年四月十九日"
    assert texts[signer + 2] == "（此件主动公开）"
    assert texts[signer + 3] == "附件1"
    assert notice.paragraphs[signer + 3].paragraph_format.page_break_before


def test_every_task_is_in_the_attachment_with_its_owners(notice: Any, zhaoqing_job: Job) -> None:
    # (a paragraph's lines end in line breaks where the PDF's lines end)
    text = "\n".join(p.text.replace("\n", "") for p in notice.paragraphs)
    for task in zhaoqing_job.plan.tasks:
        assert f"{task.number}{task.heading}{task.paragraphs[0]}" in text, task.id
        assert f"{task.paragraphs[-1]}{task.owners}" in text, task.id


def test_task_headings_are_runs_in_the_heading_character_style(notice: Any) -> None:
    paragraph = next(p for p in notice.paragraphs if p.text.startswith("（一）确保完成指标任务。"))
    assert paragraph.runs[0].style.name == "Heading 2 Char"
    assert paragraph.runs[0].text == "（一）确保完成指标任务。"
    heading = next(p for p in notice.paragraphs if p.text == "一、总体要求")
    assert heading.style.name == "Heading 1"


def test_the_imprint_sits_at_the_foot_of_an_even_page_between_full_width_rules(
    notice: Any,
) -> None:
    """The demo's text ends on an even page without room: a blank page, then the 版记 page,
    both in a section without page numbers (§7.5), as the Typst PDF has them."""
    imprint = notice.sections[-1]
    assert imprint.start_type == WD_SECTION.NEW_PAGE
    assert all(not p.text for p in imprint.footer.paragraphs + imprint.even_page_footer.paragraphs)
    table = notice.tables[-1]
    rows = [row.cells[0].text for row in table.rows]
    assert rows[0] == "主题词：经济管理　规划纲要△　计划　通知"
    assert rows[1].startswith("抄送：市委办公室，") and rows[1].endswith("。")
    assert rows[2] == "肇庆市人民政府办公室\t2012年4月20日印发"
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    assert (width.get(qn("w:w")), width.get(qn("w:type"))) == (str(round(156 / 25.4 * 1440)), "dxa")
    margins = properties.find(qn("w:tblCellMar"))
    assert all(m.get(qn("w:w")) == "0" for m in margins)  # the rules span the whole 版心
    borders = properties.find(qn("w:tblBorders"))
    sizes = {
        side: borders.find(qn(f"w:{side}")).get(qn("w:sz")) for side in ("top", "bottom", "insideH")
    }
    assert sizes == {"top": "8", "bottom": "8", "insideH": "6"}  # 0.35 mm, 0.25 mm
    assert borders.find(qn("w:left")) is None and borders.find(qn("w:right")) is None


def test_page_numbers_alternate_sides_in_page_fields(notice: Any) -> None:
    assert notice.settings.odd_and_even_pages_header_footer
    body = notice.sections[0]
    odd, even = body.footer.paragraphs[0], body.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (odd, even):
        assert footer.text == "— 1 —"  # the field's cached value between the dashes
        instructions = [e.text for e in footer._p.iter(qn("w:instrText"))]
        assert instructions == [" PAGE "]


def test_missing_faces_fall_back_to_the_windows_faces(rendered: Render) -> None:
    with zipfile.ZipFile(rendered(ZHAOQING, "notice", "docx")) as package:
        fonts = package.read("word/fontTable.xml").decode()
        names = package.namelist()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts
    assert '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in fonts
    assert "docProps/thumbnail.jpeg" not in names


def test_the_same_plan_gives_the_same_bytes(zhaoqing_job: Job) -> None:
    assert docx_writer.notice(zhaoqing_job) == docx_writer.notice(zhaoqing_job)


# --- tables -----------------------------------------------------------------------------


def test_the_table_document_is_landscape_with_a_repeated_header(rendered: Render) -> None:
    document = docx.Document(str(rendered(ZHAOQING, "table", "docx")))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (mm(section.page_width), mm(section.page_height)) == (297.0, 210.0)
    (table,) = document.tables
    header = table.rows[0]
    assert [c.text for c in header.cells] == [
        "序号",
        "工作任务",
        "牵头单位",
        "配合单位",
        "完成时限",
    ]
    assert header._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    items = [row for row in table.rows[1:] if row.cells[0].text.isdigit()]
    assert len(items) == 35
    section_row = table.rows[1]
    assert len({id(c._tc) for c in section_row.cells}) == 1  # merged across the width
    assert section_row.cells[0].text == "二、完成考核指标和重大项目建设任务"


def test_the_unit_lists_put_each_unit_on_a_new_page(rendered: Render) -> None:
    document = docx.Document(str(rendered(ZHAOQING, "units", "docx")))
    headings = [p for p in document.paragraphs if style_name(p) == "表格标题"]
    assert headings[1].text == "市发展改革局"
    assert not headings[0].paragraph_format.page_break_before
    assert all(h.paragraph_format.page_break_before for h in headings[1:])
    assert len(document.tables) == len(headings)


def test_marked_segments_become_run_formatting(tmp_path: Path) -> None:
    from planctl.render.table import Cell, Column, Row, Segment, Table, TableDocument

    revision = TableDocument(
        "修订对照表",
        (
            Table(
                "",
                (Column("原内容", 10), Column("修改后内容", 10)),
                (
                    Row(
                        (
                            Cell((Segment("6", "delete"), Segment("月底前"))),
                            Cell((Segment("12", "insert"), Segment("月底前"))),
                        )
                    ),
                ),
            ),
        ),
    )
    path = tmp_path / "revision.docx"
    path.write_bytes(docx_writer.write_tables(revision))
    cells = docx.Document(str(path)).tables[0].rows[1].cells
    assert cells[0].paragraphs[0].runs[0].font.strike
    assert cells[1].paragraphs[0].runs[0].font.underline
