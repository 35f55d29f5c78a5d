"""PDF of the 责任分工表, the per-unit lists and the 修订对照表: landscape A4 typeset by Typst
with embedded fonts, titles centred, the docx's columns, the header on every page, rows
whole, page numbers; plan text printed as text, never read as Typst markup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from planctl.model import plan_from_data
from planctl.render import typeset
from planctl.render.context import plan_view
from planctl.render.page_model import PAGE
from planctl.render.plan_tables import responsibility_table

from ..conftest import CLI
from .conftest import ZHAOQING, Render
from .office import convert_to_pdf, needs_libreoffice, same_fonts_as_typst
from .test_pdf import MM, fonts

PLAN = "plans/zhaoqing-2012-prd-workplan.yaml"
BUILD = Path("build") / "zhaoqing-2012-prd-workplan"
MARKUP = "#set page(width: 1cm) $x^2$ *粗体* @ref <label> ] _斜_ `code` \\ // 注释"


def open_pdf(path: Path) -> pymupdf.Document:
    assert path.read_bytes().startswith(b"%PDF-")
    return pymupdf.open(path)


def flat(page: pymupdf.Page) -> str:
    return "".join(page.get_text().split())


def assert_landscape_a4(doc: pymupdf.Document) -> None:
    for page in doc:
        assert page.rect.width * MM == pytest.approx(297, abs=0.1)
        assert page.rect.height * MM == pytest.approx(210, abs=0.1)


def assert_fonts_embedded(doc: pymupdf.Document) -> None:
    faces = {font[3] for page in doc for font in page.get_fonts(full=True)}
    assert faces
    assert all(font[1] != "n/a" for page in doc for font in page.get_fonts(full=True))


def assert_numbered_at_the_bottom(doc: pymupdf.Document) -> None:
    """— N — 7 mm below the landscape 版心, outer side: odd right, even left."""
    from planctl.render.gbt9704 import TABLE_MARGINS as margins

    for page in doc:
        label = f"— {page.number + 1} —"
        box = (page.search_for(label) or page.search_for(label.replace(" ", "")))[0]
        middle = (box.y0 + box.y1) / 2 * MM
        assert middle == pytest.approx(210 - margins.bottom + PAGE.page_number.gap_mm, abs=1.5)
        if (page.number + 1) % 2:
            assert box.x1 * MM > 297 / 2
        else:
            assert box.x0 * MM < 297 / 2


def assert_header_on_every_page(doc: pymupdf.Document, headers: tuple[str, ...]) -> None:
    for page in doc:
        text = flat(page)
        assert all(header in text for header in headers), page.number + 1


def test_the_table_pdf(cli: CLI, plan_repository: Path) -> None:
    result = cli("render", PLAN, "--as", "table", "--format", "pdf", cwd=plan_repository)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {BUILD / 'table.pdf'}\n"
    doc = open_pdf(plan_repository / BUILD / "table.pdf")
    assert len(doc) >= 2
    assert_landscape_a4(doc)
    assert_fonts_embedded(doc)
    assert_numbered_at_the_bottom(doc)
    assert_header_on_every_page(doc, ("序号", "工作任务", "牵头单位", "配合单位", "完成时限"))
    title = "肇庆市实施《珠三角规划纲要》2012年工作计划责任分工表"
    assert title in flat(doc[0])
    box = doc[0].search_for("责任分工表")[0]
    first = doc[0].search_for("肇庆市实施")[0]
    centre = (first.x0 + box.x1) / 2 * MM
    assert centre == pytest.approx(297 / 2, abs=2)


def test_the_bare_render_writes_the_table_pdf_too(cli: CLI, plan_repository: Path) -> None:
    result = cli("render", PLAN, cwd=plan_repository)
    assert result.exit_code == 0, result.output
    assert f"wrote {BUILD / 'table.pdf'}" in result.stdout.splitlines()


def test_the_rows_never_split_across_pages(rendered: Render) -> None:
    doc = open_pdf(rendered(ZHAOQING, "table", "pdf"))
    from planctl.render.source import load_source

    view = plan_view(load_source(ZHAOQING).plan)
    pages = [flat(page) for page in doc]
    for task in view.tasks:
        text = "".join("".join(task.paragraphs).split())
        head, tail = text[:12], text[-12:]
        on = [i for i, page in enumerate(pages) if head in page]
        assert len(on) == 1 and tail in pages[on[0]], task.id


def test_per_unit_lists(cli: CLI, plan_repository: Path) -> None:
    result = cli("render", PLAN, "--as", "units", "--format", "pdf", cwd=plan_repository)
    assert result.exit_code == 0, result.output
    doc = open_pdf(plan_repository / BUILD / "units.pdf")
    assert_landscape_a4(doc)
    assert_fonts_embedded(doc)
    assert_numbered_at_the_bottom(doc)
    assert_header_on_every_page(doc, ("序号", "工作任务", "牵头单位"))
    text = "".join(flat(page) for page in doc)
    assert "任务分工清单" in flat(doc[0])
    assert "市发展改革局" in text and "牵头任务（" in text and "配合任务（" in text


def test_one_units_list_with_unit(cli: CLI, plan_repository: Path) -> None:
    result = cli(
        "render", PLAN, "--as", "units", "--unit", "市财政局", "--format", "pdf",
        cwd=plan_repository,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {BUILD / 'units-市财政局.pdf'}\n"
    doc = open_pdf(plan_repository / BUILD / "units-市财政局.pdf")
    assert "市财政局" in flat(doc[0]) and "牵头" in flat(doc[0])


def test_the_revision_table_marks_deletions_and_insertions(
    hostile_revision: Callable[[str], Path],
) -> None:
    doc = open_pdf(hostile_revision("pdf"))
    assert_landscape_a4(doc)
    assert_fonts_embedded(doc)
    page = doc[0]
    assert all(header in flat(page) for header in ("序号", "原内容", "修改后内容", "修改说明"))
    lines = [d["rect"] for d in page.get_drawings() if d["rect"].height < 1.5]
    strokes = [r for r in lines if 2 < r.width < 200]

    def marked(word: str, where: Callable[[pymupdf.Rect, pymupdf.Rect], bool]) -> bool:
        boxes = page.search_for(word)
        return any(where(box, rule) for box in boxes for rule in strokes)

    def through(box: pymupdf.Rect, rule: pymupdf.Rect) -> bool:
        return box.x0 - 1 <= rule.x0 < box.x1 and box.y0 + 2 < rule.y0 < box.y1 - 2

    def under(box: pymupdf.Rect, rule: pymupdf.Rect) -> bool:
        return box.x0 - 1 <= rule.x0 < box.x1 and box.y1 - 3 < rule.y0 < box.y1 + 4

    # The earlier deadline (3月) struck through, the later one (6月) underlined.
    assert marked("3", through)
    assert marked("6", under)
    text = "".join(flat(p) for p in doc)
    assert '<script>alert("任务")</script>任务内容' in text


def markup_plan() -> Any:
    return {
        "format": "planctl/1",
        "id": "markup",
        "title": f"{MARKUP}工作计划",
        "stage": "draft",
        "sections": [
            {
                "id": "s1",
                "title": "#pagebreak() 章节",
                "tasks": [
                    {
                        "id": "t1",
                        "title": "$ 公式 $",
                        "text": f"任务 {MARKUP}",
                        "lead": ["#市财政局*"],
                        "due": "2012-06",
                    }
                ],
            }
        ],
    }


def test_typst_markup_in_plan_text_prints_literally() -> None:
    view = plan_view(plan_from_data(markup_plan()))
    pdf = typeset.table_pdf(responsibility_table(view), fonts=fonts())
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    assert len(doc) == 1
    assert_landscape_a4(doc)
    text = flat(doc[0])
    squeezed = "".join(MARKUP.split())
    assert text.count(squeezed) == 2  # in the title and in the task
    assert "#pagebreak()章节" in text and "$公式$" in text and "#市财政局*" in text


def test_the_columns_are_the_word_tables(rendered: Render) -> None:
    import docx

    word = docx.Document(str(rendered(ZHAOQING, "table", "docx")))
    headers = [cell.text for cell in word.tables[0].rows[0].cells]
    page = open_pdf(rendered(ZHAOQING, "table", "pdf"))[0]
    placed = sorted((page.search_for(header)[0].x0, header) for header in headers)
    assert [header for _, header in placed] == headers


def test_a_character_no_face_can_print_is_refused() -> None:
    from planctl.errors import PdfError

    data = markup_plan()
    data["sections"][0]["tasks"][0]["text"] = "推进𪚥项目建设。"
    view = plan_view(plan_from_data(data))
    with pytest.raises(PdfError) as caught:
        typeset.table_pdf(responsibility_table(view), fonts=fonts())
    assert caught.value.exit_code == 2 and "U+2A6A5" in str(caught.value)


@pytest.mark.parametrize(("stage", "mark"), [("draft", "征求意见稿"), ("review", "送审稿")])
def test_a_table_of_a_plan_not_issued_is_marked_at_the_top_right(stage: str, mark: str) -> None:
    view = plan_view(plan_from_data(markup_plan()))
    pdf = typeset.table_pdf(responsibility_table(view), fonts=fonts(), stage=stage)
    page = pymupdf.open(stream=pdf, filetype="pdf")[0]
    box = page.search_for(mark)[0]
    title = page.search_for("工作计划")[0]
    assert box.y1 <= title.y0 and box.x1 * MM > 297 / 2
    issued = typeset.table_pdf(responsibility_table(view), fonts=fonts())
    assert mark not in flat(pymupdf.open(stream=issued, filetype="pdf")[0])


def test_the_word_table_of_a_draft_carries_the_mark(rendered: Render) -> None:
    import docx

    from .conftest import ROOT

    draft = docx.Document(
        str(rendered(ROOT / "plans" / "jiangmen-2023-key-reforms.yaml", "table", "docx"))
    )
    assert draft.paragraphs[0].text == "征求意见稿"
    issued = docx.Document(str(rendered(ZHAOQING, "table", "docx")))
    assert issued.paragraphs[0].text.endswith("责任分工表")


def serials(page: pymupdf.Page) -> list[int]:
    """The 序号 printed on a page: the numbers standing alone in the first column."""
    from planctl.render.gbt9704 import TABLE_MARGINS as margins

    words = page.get_text("words")
    first_column = (margins.left + 20) / MM
    return [int(w[4]) for w in words if w[4].isdigit() and w[2] < first_column]


@needs_libreoffice
def test_word_and_pdf_break_the_table_at_the_same_rows(rendered: Render, tmp_path: Path) -> None:
    """Same lines, margins and widths: the docx read back by LibreOffice (with the PDF's
    faces) starts every page with the row the PDF's page starts with, and a section row
    is never left alone at a page's foot in either."""
    word = pymupdf.open(
        convert_to_pdf(
            rendered(ZHAOQING, "table", "docx"), tmp_path, fontconfig=same_fonts_as_typst(tmp_path)
        )
    )
    pdf = open_pdf(rendered(ZHAOQING, "table", "pdf"))
    assert [serials(page) for page in word] == [serials(page) for page in pdf]
    for page in pdf:
        last_row = page.search_for(str(serials(page)[-1]))[-1]
        # Section rows (二、… （一）…) start in the first column, before any task's text.
        marks = [*page.search_for("、"), *page.search_for("）")]
        headings = [hit for hit in marks if hit.x0 * MM < 34]
        assert all(hit.y0 < last_row.y0 for hit in headings)


def test_a_template_is_refused_for_a_table_pdf(cli: CLI, plan_repository: Path) -> None:
    (plan_repository / "mine.html.j2").write_text("{{ doc.title }}", encoding="utf-8")
    result = cli(
        "render", PLAN, "--as", "table", "--format", "pdf", "--template", "mine.html.j2",
        cwd=plan_repository,
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "planctl: error: --template: the PDF of table is typeset by Typst and takes no template"
    )
    assert not (plan_repository / BUILD / "table.pdf").exists()
