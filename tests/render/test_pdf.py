"""The notice PDF measured against GB/T 9704 (PyMuPDF reads the pages back; mm tolerances).

Generated plans of many lengths make the content end on odd and even pages, with and
without room for the 版记, and make the signature fall near a page end.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pymupdf
import pytest

from planctl.errors import PdfError
from planctl.fonts import discover
from planctl.model import plan_from_data
from planctl.render import typeset
from planctl.render.context import notice_view, plan_view
from planctl.render.page_model import PAGE

MM = 25.4 / 72
TOP, LEFT = PAGE.paper.top_mm, PAGE.paper.left_mm
RIGHT = LEFT + PAGE.paper.block_width_mm  # 184
BOTTOM = TOP + PAGE.paper.block_height_mm  # 262
PITCH = PAGE.grid.pitch_mm
CELL = PAGE.grid.cell_mm
HANZI = "推进珠三角区域经济一体化加快转变经济发展方式建设现代产业体系提升城市功能"


@cache
def fonts() -> Any:
    return discover(None)


def plan_data(tasks: int, task_chars: int = 90, notice_lines: int = 3, **notice: Any) -> Any:
    text = (HANZI * 20)[:task_chars] + "。"
    return {
        "format": "planctl/1",
        "id": "generated",
        "title": "肇庆市实施珠三角规划纲要年度工作计划",
        "stage": "issued",
        "sections": [
            {
                "id": "s1",
                "title": "推进经济结构战略性调整",
                "tasks": [
                    {
                        "id": f"t{i}",
                        "title": "优先发展现代服务业",
                        "text": text,
                        "lead": ["市发展改革局"],
                        "due": "2012-06",
                    }
                    for i in range(tasks)
                ],
            }
        ],
        "notice": {
            "title": "关于印发肇庆市实施珠三角规划纲要年度工作计划的通知",
            "issuer_mark": "肇庆市人民政府办公室文件",
            "doc_number": "肇府办〔2012〕22号",
            "signer": "肇庆市人民政府办公室",
            "date": "2012-04-19",
            "recipients": ["各县（市、区）人民政府", "市政府各部门"],
            "body": "\n\n".join((HANZI * 4)[: 28 * 3 - 2] for _ in range(notice_lines)),
            "cc": ["市委办公室", "市人大常委会办公室"],
            "printer": "肇庆市人民政府办公室",
            "printed": "2012-04-20",
            **notice,
        },
    }


def typeset_pdf(data: Any, *, sealed: bool = False, deadlines: bool = False) -> pymupdf.Document:
    plan = plan_from_data(data)
    assert plan.notice is not None
    view = plan_view(plan)
    pdf = typeset.notice_pdf(
        notice_view(plan.notice, view),
        view,
        stage=plan.stage,
        fonts=fonts(),
        sealed=sealed,
        deadlines=deadlines,
    )
    return pymupdf.open(stream=pdf, filetype="pdf")


@dataclass(frozen=True)
class Line:
    text: str
    baseline_mm: float
    x0_mm: float
    x1_mm: float
    size: float


def lines(page: pymupdf.Page) -> list[Line]:
    found: list[Line] = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            chars = [c for span in line["spans"] for c in span["chars"] if c["c"].strip()]
            if not chars:
                continue
            size = line["spans"][0]["size"]
            found.append(
                Line(
                    "".join(c["c"] for c in chars),
                    round(chars[0]["origin"][1] * MM, 2),
                    chars[0]["bbox"][0] * MM,
                    chars[-1]["bbox"][2] * MM,
                    round(size, 1),
                )
            )
    return sorted(found, key=lambda line: (line.baseline_mm, line.x0_mm))


def body_lines(page: pymupdf.Page) -> list[Line]:
    """Lines of 三号 text inside the 版心, one per baseline."""
    inside = [ln for ln in lines(page) if ln.size == 16.0 and TOP < ln.baseline_mm < BOTTOM]
    return list({round(ln.baseline_mm, 1): ln for ln in inside}.values())


def rules(page: pymupdf.Page) -> list[dict[str, float]]:
    found = []
    for drawing in page.get_drawings():
        rect = drawing["rect"]
        weight = drawing.get("width") or rect.height
        if rect.width * MM > 100 and weight * MM < 2:
            found.append(
                {
                    "y": (rect.y0 + rect.y1) / 2 * MM,
                    "x0": rect.x0 * MM,
                    "x1": rect.x1 * MM,
                    "weight": weight * MM,
                    "red": (drawing.get("color") or (0, 0, 0))[0] > 0.6,
                }
            )
    return sorted(found, key=lambda rule: rule["y"])


def ink_rows(page: pymupdf.Page, x0: float, x1: float, y0: float, y1: float) -> list[float]:
    """Millimetres (from the top) of pixel rows with dark ink in the given box."""
    dpi = 600
    clip = pymupdf.Rect(x0 / MM, y0 / MM, x1 / MM, y1 / MM)
    pix = page.get_pixmap(dpi=dpi, clip=clip, colorspace=pymupdf.csGRAY)
    rows = []
    for y in range(pix.height):
        row = pix.samples[y * pix.stride : y * pix.stride + pix.width]
        if min(row) < 128:
            rows.append(y0 + (y + 0.5) / dpi * 25.4)
    return rows


def page_number(page: pymupdf.Page) -> Line | None:
    below = [ln for ln in lines(page) if ln.baseline_mm > BOTTOM and "—" in ln.text]
    return below[0] if below else None


# Every length from 2 to 35 tasks: a task takes five lines, so the content ends on odd and
# even pages, high and low on them, with room for the 版记 and without.
LENGTHS = range(2, 27)
# So many 抄送 organs that the 抄送 line wraps: a 版记 three lines tall.
MANY_CC = [f"{name}办公室" for name in ("市委", "市人大常委会", "市政协", "市纪委", "市法院")] * 2


@cache
def generated(tasks: int, many_cc: bool = False) -> pymupdf.Document:
    return typeset_pdf(plan_data(tasks, **({"cc": MANY_CC} if many_cc else {})))


def all_generated() -> Iterator[tuple[str, pymupdf.Document]]:
    yield from ((f"{tasks} tasks", generated(tasks)) for tasks in LENGTHS)
    yield from ((f"{tasks} tasks, long 抄送", generated(tasks, True)) for tasks in range(21, 26))


# --- grid ----------------------------------------------------------------------------------


def test_every_full_page_holds_22_lines_at_the_grid_pitch() -> None:
    doc = generated(38)
    full = [page for page in doc if len(body_lines(page)) == 22]
    assert len(full) >= 4
    for page in full:
        baselines = [ln.baseline_mm for ln in body_lines(page)]
        pitches = [b - a for a, b in itertools.pairwise(baselines)]
        assert statistics.mean(pitches) == pytest.approx(PITCH, abs=0.02)
        assert max(abs(p - PITCH) for p in pitches) < 0.05
        # The em box centred in the line: the first baseline sits where the model says.
        expected = TOP + PAGE.grid.baseline_pt(16.0) * MM
        assert baselines[0] == pytest.approx(expected, abs=0.2)


def test_a_full_line_of_hanzi_holds_28_characters_across_the_block() -> None:
    doc = generated(10)
    full = [
        ln
        for page in doc
        for ln in body_lines(page)
        if all("\u4e00" <= c <= "\u9fff" for c in ln.text) and abs(ln.x1_mm - RIGHT) < 0.5
    ]
    assert len(full) > 20
    for line in full:
        indent = (line.x0_mm - LEFT) / CELL  # a paragraph's first line starts two cells in
        assert round(indent) in (0, 2) and indent == pytest.approx(round(indent), abs=0.05)
        assert round(indent) + len(line.text) == 28, line.text


def test_paragraphs_are_indented_two_cells() -> None:
    first = body_lines(generated(10)[2])  # the attachment's text
    indented = [ln for ln in first if ln.x0_mm > LEFT + 1]
    assert indented
    assert min(ln.x0_mm for ln in indented) == pytest.approx(LEFT + 2 * CELL, abs=0.3)


# --- 版头 ----------------------------------------------------------------------------------


def test_the_mark_is_red_and_its_top_edge_35_mm_below_the_block() -> None:
    page = generated(2)[0]
    y0, dpi = TOP + 30.0, 300
    clip = pymupdf.Rect(LEFT / MM, y0 / MM, RIGHT / MM, (TOP + 40.0) / MM)
    pix = page.get_pixmap(dpi=dpi, clip=clip, colorspace=pymupdf.csRGB)
    red_rows = [
        y
        for y in range(pix.height)
        if any(
            pix.samples[y * pix.stride + 3 * x] > 180
            and pix.samples[y * pix.stride + 3 * x + 1] < 110
            for x in range(0, pix.width, 2)
        )
    ]
    assert y0 + red_rows[0] / dpi * 25.4 == pytest.approx(TOP + 35.0, abs=0.4)


def test_doc_number_then_the_red_rule_across_the_block_then_the_title_two_lines_below() -> None:
    page = generated(2)[0]
    red = [rule for rule in rules(page) if rule["red"]]
    assert len(red) == 1
    rule = red[0]
    assert (rule["x0"], rule["x1"]) == (pytest.approx(LEFT, abs=0.1), pytest.approx(RIGHT, abs=0.1))
    number = next(ln for ln in lines(page) if ln.text == "肇府办〔2012〕22号")
    assert (number.x0_mm + number.x1_mm) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=0.5)
    em_bottom = number.baseline_mm + 0.12 * 16 * MM
    assert rule["y"] - em_bottom == pytest.approx(4.0, abs=0.3)
    title = next(ln for ln in lines(page) if ln.size == 22.0)
    title_line_top = title.baseline_mm - PAGE.grid.baseline_pt(22.0) * MM
    assert 2 * PITCH - 0.1 <= title_line_top - rule["y"] < 3 * PITCH


# --- page numbers --------------------------------------------------------------------------


def test_page_numbers_are_4hao_dashed_7_mm_below_the_block_on_the_outer_side() -> None:
    doc = generated(20)
    numbered = [(index + 1, page_number(page)) for index, page in enumerate(doc)]
    for physical, number in numbered:
        if number is None:
            continue
        assert number.size == 14.0
        assert number.text.replace(" ", "") == f"—{physical}—"
        inset = 14 * MM
        if physical % 2:
            assert RIGHT - number.x1_mm == pytest.approx(inset, abs=0.3)
        else:
            assert number.x0_mm - LEFT == pytest.approx(inset, abs=0.3)
        rows = ink_rows(doc[physical - 1], number.x0_mm, number.x0_mm + 2, BOTTOM + 1, BOTTOM + 12)
        assert (rows[0] + rows[-1]) / 2 - BOTTOM == pytest.approx(7.0, abs=0.3)


# --- 版记 ----------------------------------------------------------------------------------


def test_the_imprint_is_on_an_even_last_page_its_last_rule_on_the_block_bottom() -> None:
    seen = set()
    for tasks, doc in all_generated():
        last = doc[-1]
        assert doc.page_count % 2 == 0, tasks
        black = [rule for rule in rules(last) if not rule["red"]]
        assert len(black) == 3, tasks
        assert [round(r["weight"], 2) for r in black] == [0.35, 0.25, 0.35], tasks
        for rule in black:
            assert (rule["x0"], rule["x1"]) == (
                pytest.approx(LEFT, abs=0.2),
                pytest.approx(RIGHT, abs=0.2),
            )
        assert black[-1]["y"] == pytest.approx(BOTTOM, abs=0.2)
        before = doc[-2]
        alone = not body_lines(last)
        blank_before = alone and not lines(before)
        if blank_before:
            # §7.5: a blank page before the 版记 page, and neither is numbered.
            assert page_number(before) is None and page_number(last) is None
            seen.add("after a blank page")
        else:
            assert page_number(last) is not None, tasks
            seen.add("alone, numbered" if alone else "under the text")
    assert seen == {"after a blank page", "alone, numbered", "under the text"}


# --- signature -----------------------------------------------------------------------------


@pytest.mark.parametrize("sealed", [False, True])
def test_the_signature_and_date_never_stand_alone_on_a_page(sealed: bool) -> None:
    for notice_lines in range(3, 12):
        data = plan_data(2, notice_lines=notice_lines, attachments=[])
        doc = typeset_pdf(data, sealed=sealed)
        for page in doc:
            texts = [ln.text for ln in lines(page)]
            if "肇庆市人民政府办公室" in texts and "2012年4月19日" in texts:
                signer = texts.index("肇庆市人民政府办公室")
                above = [ln for ln in body_lines(page) if ln.text not in ("肇庆市人民政府办公室",)]
                assert any(ln.text.startswith("附件") or HANZI[:4] in ln.text for ln in above), (
                    notice_lines,
                    sealed,
                    texts[: signer + 1],
                )
                break
        else:
            pytest.fail("no page holds the signature and the date")


def layout_of(data: Any, *, sealed: bool) -> dict[str, Any]:
    plan = plan_from_data(data)
    assert plan.notice is not None
    view = plan_view(plan)
    notice = typeset.notice_data(
        notice_view(plan.notice, view),
        view,
        stage="issued",
        deadlines=False,
        sealed=sealed,
        model=PAGE,
    )
    notice["fonts"] = typeset.font_spec(fonts())
    return typeset.decide(notice, fonts(), PAGE)


def test_a_signature_that_would_stand_alone_closes_up_the_page_or_takes_the_last_paragraph() -> (
    None
):
    """§7.3.5: the lines of the text's last page are set closer, down to 0.8 of the pitch;
    where that is not enough (the sealed layout wants three blank lines for the seal), the
    last paragraph goes over with the signature."""
    closed = layout_of(plan_data(2, notice_lines=8, attachments=[]), sealed=True)
    assert closed["keep"] is None
    assert 0.8 * PAGE.grid.pitch_pt <= closed["squeeze"]["pitch_pt"] < PAGE.grid.pitch_pt
    moved = layout_of(plan_data(2, notice_lines=9, attachments=[]), sealed=True)
    assert moved["squeeze"] is None and moved["keep"] == 8  # the ninth and last paragraph
    doc = typeset_pdf(plan_data(2, notice_lines=9, attachments=[]), sealed=True)
    signature_page = next(p for p in doc if "肇庆市人民政府办公室" in [ln.text for ln in lines(p)])
    first = body_lines(signature_page)[0]
    assert first.x0_mm == pytest.approx(LEFT + 2 * CELL, abs=0.3)  # a paragraph's first line


def test_sealed_date_sits_four_characters_from_the_right_with_the_signature_centred_over_it() -> (
    None
):
    doc = typeset_pdf(plan_data(2), sealed=True)
    page = next(p for p in doc if any(ln.text == "2012年4月19日" for ln in lines(p)))
    date = next(ln for ln in lines(page) if ln.text == "2012年4月19日")
    signer = next(ln for ln in lines(page) if ln.text == "肇庆市人民政府办公室")
    assert RIGHT - date.x1_mm == pytest.approx(4 * CELL, abs=0.6)
    assert (signer.x0_mm + signer.x1_mm) / 2 == pytest.approx(
        (date.x0_mm + date.x1_mm) / 2, abs=0.8
    )


# --- text, fonts, what offices print -------------------------------------------------------


def test_every_character_is_a_real_glyph_in_an_embedded_cjk_face() -> None:
    doc = generated(5)
    text = "".join(page.get_text() for page in doc)
    for expected in (
        "肇庆市人民政府办公室文件",
        "肇府办〔2012〕22号",
        "抄送：市委办公室",
        "优先发展现代服务业",
    ):
        assert expected in text.replace("\n", "")
    embedded = {font[3] for page in doc for font in page.get_fonts()}
    assert any("Fang" in name or "FangSong" in name for name in embedded), embedded


def test_a_character_no_face_can_print_is_refused_with_the_remedy() -> None:
    data = plan_data(2)
    data["sections"][0]["tasks"][0]["text"] = "推进𪚥项目建设。"
    with pytest.raises(PdfError) as caught:
        typeset_pdf(data)
    assert caught.value.exit_code == 2
    assert "U+2A6A5" in str(caught.value) and "fonts/" in caught.value.hint


def test_deadlines_can_be_printed_in_the_owners_parenthesis() -> None:
    doc = typeset_pdf(plan_data(2), deadlines=True)
    text = "".join(page.get_text() for page in doc).replace("\n", "")
    assert "（市发展改革局牵头；2012年6月底前完成）" in text


def test_a_plan_not_yet_issued_carries_its_draft_mark() -> None:
    data = plan_data(2)
    data["stage"] = "draft"
    assert "征求意见稿" in typeset_pdf(data)[0].get_text()
    assert "征求意见稿" not in generated(2)[0].get_text()


def test_plan_text_is_never_markup() -> None:
    data = plan_data(2)
    data["sections"][0]["tasks"][0]["text"] = '#panic("x") *bold* $x$ #import "/etc/passwd"'
    text = "".join(page.get_text() for page in typeset_pdf(data)).replace("\n", "")
    assert '#panic("x")' in text and '#import "/etc/passwd"' in text


def test_a_direction_control_in_plan_text_never_reorders_the_printed_text() -> None:
    data = plan_data(2)
    data["sections"][0]["tasks"][0]["text"] = "建设环城公路\u202e东段通车\u2066，年底完成。"
    text = "".join(page.get_text() for page in typeset_pdf(data)).replace("\n", "")
    assert "建设环城公路东段通车，年底完成。" in text
    assert "\u202e" not in text and "\u2066" not in text
