"""The Word notice on the page model: exact grid lines, the 版头 on its lines, upright
headings, the draft mark, the sealed layout, deadlines in the attachment, page numbers
7 mm below the 版心 — and, read back through LibreOffice with the fonts the Typst PDF
uses, the same pages as the PDF."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import pymupdf
import pytest
from docx.oxml.ns import qn

from planctl.render import render
from planctl.render.docx import styles as st
from planctl.render.docx.notice import PITCH
from planctl.render.page_model import PAGE, mm_to_pt

from .conftest import REPOSITORY, ZHAOQING, Render
from .office import convert_to_pdf, first_lines, needs_libreoffice, same_fonts_as_typst

PLAN_NAME = "zhaoqing-2012-prd-workplan.yaml"
MM = 72 / 25.4


def plan_copy(root: Path, *edits: tuple[str, str]) -> Path:
    (root / "plans").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPOSITORY / "plans" / "units.yaml", root / "plans" / "units.yaml")
    text = (REPOSITORY / "plans" / PLAN_NAME).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    plan = root / "plans" / PLAN_NAME
    plan.write_text(text, encoding="utf-8")
    return plan


def notice_docx(plan: Path, target: Path) -> Any:
    render(plan, document="notice", fmt="docx", output=target)
    return docx.Document(str(target))


@pytest.fixture(scope="module")
def notice(rendered: Render) -> Any:
    return docx.Document(str(rendered(ZHAOQING, "notice", "docx")))


def spacing(paragraph: Any) -> tuple[int, int, str]:
    element = paragraph._p.pPr.find(qn("w:spacing"))
    return (
        int(element.get(qn("w:before"), "0")),
        int(element.get(qn("w:line"))),
        element.get(qn("w:lineRule")),
    )


def test_every_line_of_the_text_is_one_grid_pitch(notice: Any) -> None:
    body = [
        p
        for p in notice.paragraphs
        if p.style.name in ("Normal", "Heading 1", "Heading 2") and p.text
    ]
    assert len(body) > 40
    assert {spacing(p)[1:] for p in body} == {(PITCH, "exact")}
    assert PITCH * PAGE.grid.lines <= round(mm_to_pt(PAGE.paper.block_height_mm) * 20)
    for paragraph in body:
        assert paragraph._p.pPr.find(qn("w:widowControl")).get(qn("w:val")) == "0"


def test_the_title_starts_on_the_line_the_page_model_gives_it(notice: Any) -> None:
    paragraphs = notice.paragraphs
    title = next(i for i, p in enumerate(paragraphs) if p.style.name == st.TITLE)
    used = 0
    for paragraph in paragraphs[:title]:
        before, line, _ = spacing(paragraph)
        used += before + line
        border = paragraph._p.pPr.find(qn("w:pBdr"))
        if border is not None:
            bottom = border.find(qn("w:bottom"))
            used += int(bottom.get(qn("w:space"))) * 20 + int(bottom.get(qn("w:sz"))) * 20 // 8
    header = PAGE.header_lines(36.5)
    assert abs(used + spacing(paragraphs[title])[0] - header.title * PITCH) <= 3


def test_headings_are_upright_and_regular_at_every_level(notice: Any) -> None:
    for level in range(1, 5):
        for name in (f"Heading {level}", f"Heading {level} Char"):
            rPr = notice.styles[name].element.rPr
            for flag in ("i", "iCs", "b", "bCs"):
                assert rPr.find(qn(f"w:{flag}")).get(qn("w:val")) == "0", (name, flag)


def test_page_numbers_sit_7_mm_below_the_text_block(notice: Any) -> None:
    line_mm = st.PAGE_NUMBER_LINE_PT / MM
    for section in notice.sections:
        footer_mm = section.footer_distance / 36000
        middle_below_block = PAGE.paper.bottom_mm - footer_mm - line_mm / 2
        assert middle_below_block == pytest.approx(PAGE.page_number.gap_mm, abs=0.05)


@pytest.mark.parametrize(("stage", "mark"), [("draft", "征求意见稿"), ("review", "送审稿")])
def test_a_plan_not_issued_carries_its_draft_mark(tmp_path: Path, stage: str, mark: str) -> None:
    plan = plan_copy(tmp_path, ("stage: issued", f"stage: {stage}"))
    document = notice_docx(plan, tmp_path / "notice.docx")
    first = document.paragraphs[0]
    assert first.text == mark
    assert first.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    assert document.paragraphs[1].text == "肇庆市人民政府办公室文件"


def test_an_issued_plan_has_no_draft_mark(notice: Any) -> None:
    assert notice.paragraphs[0].text == "肇庆市人民政府办公室文件"


def right_cells(paragraph: Any) -> float:
    return int(paragraph._p.pPr.find(qn("w:ind")).get(qn("w:right"))) / 20 / PAGE.grid.cell_pt


def test_the_sealed_layout_puts_the_date_four_characters_from_the_right(tmp_path: Path) -> None:
    plan = plan_copy(
        tmp_path, ("  date_style: chinese\n", "  date_style: chinese\n  sealed: true\n")
    )
    document = notice_docx(plan, tmp_path / "notice.docx")
    texts = [p.text for p in document.paragraphs]
    signer = document.paragraphs[texts.index("肇庆市人民政府办公室")]
    date = document.paragraphs[texts.index("二○一二年四月十九日")]
    assert right_cells(date) == pytest.approx(PAGE.closing.sealed_date_right_cells, abs=0.01)
    # The signature is centred over the date (both ten characters wide).
    assert right_cells(signer) == pytest.approx(4, abs=0.01)
    # Room for the seal: three blank lines above the signature.
    assert spacing(signer)[0] == PAGE.closing.sealed_lines_before_signature * PITCH


def test_deadlines_are_printed_in_the_attachment_when_asked(tmp_path: Path) -> None:
    plan = plan_copy(
        tmp_path, ("  date_style: chinese\n", "  date_style: chinese\n  show_deadlines: true\n")
    )
    # Lines end where the PDF's do (a line break inside the paragraph's text).
    document = notice_docx(plan, tmp_path / "notice.docx")
    texts = [p.text.replace("\n", "") for p in document.paragraphs]
    assert any(text.endswith("；2012年底前完成）") for text in texts)


# --- read back through LibreOffice ------------------------------------------------------------


@pytest.fixture(scope="module")
def both(rendered: Render, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo notice as LibreOffice prints its .docx and as Typst prints it."""
    folder = tmp_path_factory.mktemp("parity")
    word = convert_to_pdf(
        rendered(ZHAOQING, "notice", "docx"), folder, fontconfig=same_fonts_as_typst(folder)
    )
    return word, rendered(ZHAOQING, "notice", "pdf")


@needs_libreoffice
def test_the_docx_has_as_many_pages_as_the_pdf(both: tuple[Path, Path]) -> None:
    word, typst = (first_lines(pdf) for pdf in both)
    assert len(word) == len(typst) == 16
    # The same pages begin the notice, the attachment, the blank page and the 版记.
    assert word[0] == typst[0] == "肇庆市人民政府办公室文件"
    assert word.index("附件1") == typst.index("附件1")
    assert word[-2] == typst[-2] == ""
    assert word[-1].startswith("主题词：") and typst[-1].startswith("主题词：")


def printed_rows(pdf: Path) -> list[list[str]]:
    """Every page's lines of text, top down, read by baseline (pdftotext would cut a line
    in two where Typst closes up a pair of punctuation marks)."""
    pages = []
    with pymupdf.open(pdf) as document:
        for page in document:
            rows: dict[int, list[tuple[float, str]]] = {}
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for char in span["chars"]:
                            if char["c"].strip() and char["c"] not in "\u2060":
                                baseline = round(char["origin"][1] / MM)  # to the millimetre
                                rows.setdefault(baseline, []).append((char["origin"][0], char["c"]))
            pages.append(["".join(c for _, c in sorted(row)) for _, row in sorted(rows.items())])
    return pages


@needs_libreoffice
def test_every_page_of_the_docx_begins_with_the_line_the_pdf_page_does(
    both: tuple[Path, Path],
) -> None:
    word, typst = (printed_rows(pdf) for pdf in both)
    assert len(word) == len(typst)
    assert [page[:1] for page in word] == [page[:1] for page in typst]
    # Not just the first: every line of every page holds the same text.
    assert word == typst


def rules(pdf: Path, page: int) -> list[tuple[float, float, float, float]]:
    """Horizontal rules on a page: (x0, x1, y, thickness), in millimetres."""
    found = []
    with pymupdf.open(pdf) as document:
        for drawing in document[page].get_drawings():
            rect = drawing["rect"]
            if rect.width > 100 * MM:
                thickness = max(rect.height, drawing.get("width") or 0.0)
                found.append((rect.x0 / MM, rect.x1 / MM, rect.y1 / MM, thickness / MM))
    return sorted(found, key=lambda rule: rule[2])


@needs_libreoffice
def test_libreoffice_prints_the_imprint_rules_across_the_text_block(
    both: tuple[Path, Path],
) -> None:
    word, _ = both
    found = rules(word, -1)
    assert len(found) == 4  # above 主题词, between the rows, below the last
    for x0, x1, _y, _weight in found:
        assert x0 == pytest.approx(28, abs=0.5) and x1 == pytest.approx(184, abs=0.5)
    weights = [rule[3] for rule in found]
    assert weights[0] == pytest.approx(0.35, abs=0.05) and weights[-1] == pytest.approx(
        0.35, abs=0.05
    )
    assert all(w == pytest.approx(0.26, abs=0.05) for w in weights[1:-1])
    # The last rule on the 版心's bottom edge, as in the PDF.
    assert found[-1][2] == pytest.approx(262, abs=0.5)


def test_the_imprint_fills_its_page_down_to_the_bottom_of_the_text_block(notice: Any) -> None:
    """Blank lines above the 版记 and its rows add up to the page's 22 lines."""
    body = notice.element.body
    table = notice.tables[-1]._tbl
    before = []
    for element in body.iterchildren():
        if element is table:
            break
        before.append(element)
    # From the blank line that opens the 版记 page to the table.
    start = max(i for i, e in enumerate(before) if e.xpath("./w:pPr/w:pageBreakBefore"))
    blank_lines = len(before) - start
    # Each 版记 row takes as many lines as the PDF gives it: one, and one more for every
    # line break written where Typst broke the line.
    rows = [cell.paragraphs[0] for row in notice.tables[-1].rows for cell in row.cells]
    imprint_lines = sum(1 + len(p._p.xpath(".//w:br")) for p in rows)
    assert blank_lines + imprint_lines == PAGE.grid.lines


# --- plans of many lengths, read back through LibreOffice -------------------------------------


def generated_notice(
    tasks: int, folder: Path, *, sealed: bool = False, **notice: Any
) -> tuple[Path, Path]:
    """A generated plan's notice as the docx read back by LibreOffice, and as the PDF."""
    from planctl.fonts import discover
    from planctl.model import plan_from_data
    from planctl.render.context import notice_view, plan_view
    from planctl.render.docx.notice import NoticeWriter, layout_for
    from planctl.render.typeset import notice_pdf

    from .test_pdf import plan_data

    plan = plan_from_data(plan_data(tasks, **notice))
    assert plan.notice is not None
    view = plan_view(plan)
    notice_of_plan = notice_view(plan.notice, view)
    document = st.new_document("portrait")
    options = {"stage": plan.stage, "deadlines": False, "sealed": sealed}
    layout = layout_for(notice_of_plan, view, **options)
    NoticeWriter(document, layout=layout, **options).write(notice_of_plan, view)
    folder.mkdir(parents=True, exist_ok=True)
    document.save(str(folder / "notice.docx"))
    typst = folder / "typst.pdf"
    typst.write_bytes(notice_pdf(notice_of_plan, view, fonts=discover(), **options))
    word = convert_to_pdf(folder / "notice.docx", folder, fontconfig=same_fonts_as_typst(folder))
    return word, typst


def page_numbers(pdf: Path) -> list[str | None]:
    """The page number printed under each page's 版心, if any."""
    found: list[str | None] = []
    with pymupdf.open(pdf) as document:
        for page in document:
            below = [
                block[4]
                for block in page.get_text("blocks")
                if block[1] / MM > 262 and "—" in block[4]
            ]
            found.append(below[0].replace(" ", "").strip() if below else None)
    return found


HANZI_RUN = "经济一体化"  # from the generated plans' text
# (tasks, 抄送 organs): the content ends on an even page with room for the 版记, on an odd
# page (the 版记 alone on the next, numbered), on an even page without room (a blank page,
# then the 版记; neither numbered), and with a 版记 whose 抄送 wraps.
LENGTHS = {
    "under the text": (5, {}),
    "alone, numbered": (9, {}),
    "after a blank page": (25, {}),
    "long 抄送, under the text": (
        23,
        {"cc": [f"{n}办公室" for n in ("市委", "市人大", "市政协")] * 4},
    ),
}


@needs_libreoffice
@pytest.mark.parametrize("case", LENGTHS)
def test_plans_of_many_lengths_have_the_pdf_pages_and_the_imprint_on_an_even_last_page(
    case: str, tmp_path: Path
) -> None:
    tasks, notice = LENGTHS[case]
    word, typst = generated_notice(tasks, tmp_path, **notice)
    assert printed_rows(word) == printed_rows(typst)
    pages = len(printed_rows(word))
    assert pages % 2 == 0
    found = rules(word, -1)
    assert len(found) == 3
    for x0, x1, _y, _weight in found:
        assert x0 == pytest.approx(28, abs=0.5) and x1 == pytest.approx(184, abs=0.5)
    assert [round(rule[3], 2) for rule in found] == [0.35, 0.26, 0.35]
    assert found[-1][2] == pytest.approx(262, abs=0.5)
    numbers = page_numbers(word)
    assert numbers == page_numbers(typst)
    if case == "after a blank page":
        assert numbers[-2:] == [None, None] and not printed_rows(word)[-2]
    else:
        assert numbers[-1] == f"—{pages}—"
    # The text on the 版记's page, or the 版记 alone.
    text_above = any(HANZI_RUN in row for row in printed_rows(word)[-1])
    assert text_above == case.endswith("under the text")


# Sealed notices whose signature would start a page (see test_pdf's signature test): the
# lines of the text's last page closed up, or the last paragraph moved over with it.
SIGNATURE_CASES = {"closed up": 8, "last paragraph moved": 9}


@needs_libreoffice
@pytest.mark.parametrize("case", SIGNATURE_CASES)
def test_the_docx_keeps_the_signature_with_the_text_as_the_pdf_does(
    case: str, tmp_path: Path
) -> None:
    word, typst = generated_notice(
        2, tmp_path, sealed=True, notice_lines=SIGNATURE_CASES[case], attachments=[]
    )
    assert printed_rows(word) == printed_rows(typst)
    page = next(rows for rows in printed_rows(word) if "肇庆市人民政府办公室" in rows)
    signer = page.index("肇庆市人民政府办公室")
    assert signer > 0 and HANZI_RUN[:2] in "".join(page[:signer])
