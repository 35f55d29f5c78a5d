"""The 责任分工表 bound into the notice as 附件2 (`notice.attach_table: true`), measured from
the PDF: portrait pages, then landscape ones, page numbers continuing where the portrait
pages have them, the header on every table page, no row split, and the 版记 on an even
portrait page after the table; the Word notice has the same landscape pages."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pymupdf
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from planctl.model import plan_from_data
from planctl.render import typeset
from planctl.render.context import notice_view, plan_view
from planctl.render.docx.rows import is_kept_whole, is_repeated
from planctl.render.docx.styles import LINE_PITCH_TWIPS
from planctl.render.page_model import PAGE
from planctl.render.plan_tables import responsibility_table

from .conftest import needs_chromium
from .office import convert_to_pdf, needs_libreoffice, same_fonts_as_typst
from .test_pdf import MM, fonts, plan_data

TASKS = 14
TASK_CHARS = 160


def annexed_data(tasks: int = TASKS, **notice: Any) -> Any:
    data = plan_data(tasks, task_chars=TASK_CHARS, attach_table=True, **notice)
    for index, task in enumerate(data["sections"][0]["tasks"]):
        number = index + 1
        task["text"] = f"第{number}项任务内容开始。{task['text']}第{number}项任务内容结束。"
    return data


@cache
def annexed(tasks: int = TASKS) -> pymupdf.Document:
    plan = plan_from_data(annexed_data(tasks))
    assert plan.notice is not None and plan.notice.attach_table
    view = plan_view(plan)
    table = responsibility_table(view)
    pdf = typeset.notice_pdf(
        notice_view(plan.notice, view, table.title),
        view,
        stage=plan.stage,
        fonts=fonts(),
        annex=table,
    )
    return pymupdf.open(stream=pdf, filetype="pdf")


def landscape(page: pymupdf.Page) -> bool:
    return page.rect.width > page.rect.height


def flat(page: pymupdf.Page) -> str:
    return "".join(page.get_text().split())


def table_pages(doc: pymupdf.Document) -> list[pymupdf.Page]:
    return [page for page in doc if landscape(page)]


def test_the_pages_are_portrait_then_landscape_then_the_imprint_page_portrait() -> None:
    doc = annexed()
    shapes = "".join("L" if landscape(page) else "P" for page in doc)
    assert shapes.strip("P") == "L" * shapes.count("L")  # one run of landscape pages
    assert shapes.count("L") >= 2 and shapes.endswith("P")
    for page in doc:
        width, height = sorted((page.rect.width * MM, page.rect.height * MM))
        assert (width, height) == (pytest.approx(210, abs=0.1), pytest.approx(297, abs=0.1))


def test_the_table_is_attachment_2_named_in_the_attachment_note() -> None:
    doc = annexed()
    first = flat(doc[0]) + flat(doc[1])
    assert "附件：1.肇庆市实施珠三角规划纲要年度工作计划" in first
    assert "2.肇庆市实施珠三角规划纲要年度工作计划责任分工表" in first
    opening = flat(table_pages(doc)[0])
    assert opening.startswith("附件2") or "附件2肇庆市" in opening
    assert "附件1" in "".join(flat(page) for page in doc if not landscape(page))


def test_page_numbers_continue_through_the_landscape_pages() -> None:
    doc = annexed()
    numbered = [page for page in doc if f"—{page.number + 1}—" in flat(page)]
    # Every page but a blank page and the 版记 page after it (§7.5) carries its number.
    assert len(numbered) >= len(doc) - 2
    assert all(f"—{page.number + 1}—" in flat(page) for page in table_pages(doc))


def number_box(page: pymupdf.Page) -> pymupdf.Rect:
    """Where — N — is printed on the page, in points."""
    label = f"— {page.number + 1} —"
    found = page.search_for(label) or page.search_for(label.replace(" ", ""))
    assert found, f"no page number on page {page.number + 1}"
    return found[0]


def test_on_a_landscape_page_the_number_keeps_the_portrait_pages_place() -> None:
    """GB/T 9704-2012 §8: the table's top faces the binding edge, the number stays where
    the portrait pages have it: 7 mm outside the turned 版心, at its lower end on odd pages,
    its upper end on even pages, one character in."""
    paper, number = PAGE.paper, PAGE.page_number
    middle = paper.height_mm - (paper.top_mm + paper.block_height_mm + number.gap_mm)  # 28 mm
    inset = number.inset_chars * number.size_pt * MM
    for page in table_pages(annexed()):
        box = number_box(page)
        assert (box.x0 + box.x1) / 2 * MM == pytest.approx(middle, abs=1.5)
        assert box.height > box.width  # turned: the label runs down the page
        if (page.number + 1) % 2:
            assert box.y1 * MM == pytest.approx(paper.left_mm + paper.block_width_mm - inset, abs=1)
        else:
            assert box.y0 * MM == pytest.approx(paper.left_mm + inset, abs=1)


def test_the_header_row_repeats_on_every_table_page() -> None:
    for page in table_pages(annexed()):
        text = flat(page)
        assert all(header in text for header in ("序号", "工作任务", "牵头单位", "完成时限"))
        header = page.search_for("工作任务")[0]
        rows = page.search_for("项任务内容开始")
        assert rows and all(header.y1 < hit.y0 for hit in rows)


def test_no_row_splits_across_pages() -> None:
    pages = [flat(page) for page in table_pages(annexed())]
    for task in range(1, TASKS + 1):
        start = [i for i, text in enumerate(pages) if f"第{task}项任务内容开始" in text]
        end = [i for i, text in enumerate(pages) if f"第{task}项任务内容结束" in text]
        assert len(start) == 1 and start == end, f"row {task} is split: {start} {end}"
    # Each row's other cells on its page too: as many deadlines and leads as task texts.
    for text in pages:
        rows = text.count("项任务内容开始")
        assert text.count("2012年6月底前") == rows
        assert text.count("市发展改革局") - text.count("市发展改革局牵头") == rows


def test_the_deadline_never_breaks_inside_its_phrase() -> None:
    doc = annexed()
    for page in table_pages(doc):
        lines = [line for line in page.get_text().splitlines() if "2012年" in line]
        assert lines and all("2012年6月底前" in line for line in lines)


def test_the_imprint_follows_on_an_even_portrait_page() -> None:
    doc = annexed()
    last = doc[-1]
    assert not landscape(last) and len(doc) % 2 == 0
    assert "抄送" in flat(last)
    assert "抄送" not in "".join(flat(page) for page in table_pages(doc))


def test_the_table_ending_on_an_even_page_puts_a_blank_page_before_the_imprint() -> None:
    for tasks in range(8, 20):
        doc = annexed(tasks)
        end = table_pages(doc)[-1].number + 1
        if end % 2 == 0:
            blank, imprint = doc[end], doc[end + 1]
            assert flat(blank) == "" and not landscape(blank)
            assert "抄送" in flat(imprint) and f"—{end + 2}—" not in flat(imprint)
            return
    pytest.fail("no generated table ended on an even page")


# --- Word --------------------------------------------------------------------------------


def write_docx(root: Path, tasks: int = TASKS) -> Path:
    from planctl.render import render

    (root / "plans").mkdir(parents=True)
    plan = root / "plans" / "generated.yaml"
    plan.write_text(json.dumps(annexed_data(tasks), ensure_ascii=False), encoding="utf-8")
    target = root / "build" / "notice.docx"
    render(plan, document="notice", fmt="docx", output=target)
    return target


@pytest.fixture(scope="module")
def annexed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(tmp_path_factory.mktemp("annex"))


def test_the_word_notice_has_a_landscape_section_with_whole_rows(annexed_docx: Path) -> None:
    document = docx.Document(str(annexed_docx))
    orientations = [section.orientation for section in document.sections]
    assert WD_ORIENT.LANDSCAPE in orientations
    turned = document.sections[orientations.index(WD_ORIENT.LANDSCAPE)]
    assert turned.page_width > turned.page_height
    assert orientations[-1] == WD_ORIENT.PORTRAIT  # the 版记 page
    # (a paragraph's lines end in line breaks where the PDF's lines end)
    texts = [paragraph.text.replace("\n", "") for paragraph in document.paragraphs]
    assert "附件：1.肇庆市实施珠三角规划纲要年度工作计划" in texts
    assert any(text.endswith("2.肇庆市实施珠三角规划纲要年度工作计划责任分工表") for text in texts)
    assert "附件1" in texts and "附件2" in texts
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "序号")
    rows = table._tbl.tr_lst
    assert is_repeated(rows[0]) and all(is_kept_whole(row) for row in rows)


# The table ends on an odd page (the 版记 on the next) and on an even one (a blank page
# between, neither numbered).
@needs_libreoffice
@pytest.mark.parametrize("tasks", [TASKS, 10])
def test_word_and_pdf_have_the_same_pages(tasks: int, tmp_path: Path) -> None:
    source = write_docx(tmp_path / "plan", tasks)
    folder = tmp_path / "office"
    word = pymupdf.open(convert_to_pdf(source, folder, fontconfig=same_fonts_as_typst(folder)))
    pdf = annexed(tasks)
    assert [landscape(page) for page in word] == [landscape(page) for page in pdf]
    for turned, typeset_page in zip(table_pages(word), table_pages(pdf), strict=True):
        word_box, pdf_box = number_box(turned), number_box(typeset_page)
        assert (word_box.x0 + word_box.x1) / 2 * MM == pytest.approx(
            (pdf_box.x0 + pdf_box.x1) / 2 * MM, abs=1.5
        )
        assert word_box.y0 * MM == pytest.approx(pdf_box.y0 * MM, abs=1.5)
    assert "抄送" in flat(word[-1])
    # The 版记 page is numbered in both, or (after a blank page) in neither.
    assert last_page_numbered(word) == last_page_numbered(pdf)


def last_page_numbered(doc: pymupdf.Document) -> bool:
    return f"—{len(doc)}—" in flat(doc[-1])


# --- what offices print, from the plan's keys through render ------------------------------


def rendered_notice(tmp_path: Path, fmt: str, stage: str = "issued", **notice: Any) -> Path:
    from planctl.render import render

    data = plan_data(2, **notice)
    data["stage"] = stage
    (tmp_path / "plans").mkdir(exist_ok=True)
    plan = tmp_path / "plans" / "generated.yaml"
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "build" / f"notice.{fmt}"
    render(plan, document="notice", fmt=fmt, output=target)
    return target


@pytest.mark.parametrize(("stage", "mark"), [("draft", "征求意见稿"), ("review", "送审稿")])
def test_a_plan_not_issued_is_marked_at_the_top_right_of_the_pdf(
    tmp_path: Path, stage: str, mark: str
) -> None:
    doc = pymupdf.open(rendered_notice(tmp_path, "pdf", stage))
    box = doc[0].search_for(mark)[0]
    right = PAGE.paper.left_mm + PAGE.paper.block_width_mm
    assert box.x1 * MM == pytest.approx(right, abs=1)
    assert PAGE.paper.top_mm - 1 < box.y0 * MM < PAGE.paper.top_mm + PAGE.grid.pitch_mm
    assert all(mark not in flat(page) for page in doc[1:])


def test_an_issued_plan_carries_no_mark(tmp_path: Path) -> None:
    text = "".join(flat(page) for page in pymupdf.open(rendered_notice(tmp_path, "pdf")))
    assert "征求意见稿" not in text and "送审稿" not in text


def test_the_plan_keys_sealed_and_show_deadlines_reach_pdf_and_word(tmp_path: Path) -> None:
    options = {"sealed": True, "show_deadlines": True}
    doc = pymupdf.open(rendered_notice(tmp_path, "pdf", **options))
    text = "".join(flat(page) for page in doc)
    assert "（市发展改革局牵头；2012年6月底前完成）" in text
    page = next(p for p in doc if p.search_for("2012年4月19日"))
    date = page.search_for("2012年4月19日")[0]
    right = PAGE.paper.left_mm + PAGE.paper.block_width_mm
    assert right - date.x1 * MM == pytest.approx(4 * PAGE.grid.cell_mm, abs=0.6)
    word = docx.Document(str(rendered_notice(tmp_path, "docx", **options)))
    paragraphs = [p.text.replace("\n", "") for p in word.paragraphs]  # lines as the PDF's
    assert any(p.endswith("（市发展改革局牵头；2012年6月底前完成）") for p in paragraphs)
    signer = word.paragraphs[paragraphs.index("肇庆市人民政府办公室")]
    before = int(signer._p.pPr.find(qn("w:spacing")).get(qn("w:before")))
    assert before == PAGE.closing.sealed_lines_before_signature * LINE_PITCH_TWIPS


@needs_chromium
def test_the_chromium_pdf_says_it_leaves_the_table_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planctl.render.formats import pdf as pdf_writer

    monkeypatch.setenv(pdf_writer.ENGINE_VARIABLE, "chromium")
    (tmp_path / "plans").mkdir()
    plan = tmp_path / "plans" / "generated.yaml"
    plan.write_text(json.dumps(annexed_data(2), ensure_ascii=False), encoding="utf-8")
    from planctl.render import render

    result = render(plan, document="notice", fmt="pdf", output=tmp_path / "notice.pdf")
    assert any("attach_table" in warning for warning in result.warnings)
