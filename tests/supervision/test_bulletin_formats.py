"""The demo's 督查通报 in both layouts and every format through `planctl render`, each read
back: Word (python-docx), HTML and Markdown hold the same text, tables and 版头."""

from __future__ import annotations

import html
from pathlib import Path

import docx
import pymupdf
import pytest
from docx.oxml.ns import qn

from planctl.render.docx import styles as st

from ..conftest import CLI
from ..render.office import convert_to_pdf, needs_libreoffice, page_texts, same_fonts_as_typst
from ..tracking.demo import PLAN_FILE, PLAN_ID

COLUMNS = ["序号", "工作任务", "牵头单位", "完成时限", "进展情况", "存在问题"]
LAYOUTS = ["gongwen", "jianbao"]


def render(cli: CLI, root: Path, out: Path, fmt: str, layout: str, period: str = "2012-09") -> Path:
    result = cli(
        "render",
        PLAN_FILE,
        "--as",
        "bulletin",
        "--period",
        period,
        "--layout",
        layout,
        "-f",
        fmt,
        "-o",
        str(out),
        cwd=root,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("wrote ")
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
def test_word(cli: CLI, bulletin_demo: Path, tmp_path: Path, layout: str) -> None:
    path = render(cli, bulletin_demo, tmp_path / "b.docx", "docx", layout)
    document = docx.Document(str(path))
    texts = [paragraph.text for paragraph in document.paragraphs]
    joined = "\n".join(texts)
    if layout == "jianbao":
        assert texts[0] == "督查简报" and "第9期" in texts
        issued = next(p for p in document.paragraphs if p.text.startswith("肇庆市人民政府督查室\t"))
        assert issued.text.endswith("2012年10月15日")
        rule = issued._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))  # the red rule under it
        assert rule.get(qn("w:color")) == "FF0000"
        assert int(rule.get(qn("w:sz"))) == round(1.0 * 72 / 25.4 * 8)  # 1 mm in eighths
        name = document.paragraphs[0].runs[0]
        assert name.font.color.rgb is not None and str(name.font.color.rgb) == "FF0000"
    else:
        assert texts[0] == "肇庆市人民政府督查室"
        signature = [p for p in document.paragraphs if p.style.name == st.SIGNATURE]
        assert [p.text for p in signature] == ["肇庆市人民政府督查室"]
    assert "关于2012年9月重点工作任务推进情况的通报" in joined.replace("\n", "")
    for heading in ("一、总体情况", "二、存在问题", "三、下一步工作要求"):
        paragraph = next(p for p in document.paragraphs if p.text == heading)
        assert paragraph.style.name == "Heading 1"
    assert "请各单位于每月5日前报送上月进展情况。" in texts
    assert "各牵头单位要对照附件所列事项，逐项分析原因，制定整改措施，明确完成时限。" in texts
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == COLUMNS
    assert table.rows[1].cells[1].text == "重点推进“两区引领两化”建设"
    assert "肇庆新区管委会：滞后序时" in table.rows[1].cells[5].text
    imprint = document.tables[-1]
    assert imprint.rows[0].cells[0].text == "抄送：市委办公室、市人大常委会办公室。"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_html_and_markdown(cli: CLI, bulletin_demo: Path, tmp_path: Path, layout: str) -> None:
    page = render(cli, bulletin_demo, tmp_path / "b.html", "html", layout).read_text("utf-8")
    text = render(cli, bulletin_demo, tmp_path / "b.md", "md", layout).read_text("utf-8")
    for document in (html.unescape(page), text):
        assert "滞后序时1项" in document
        assert "第9期" in document if layout == "jianbao" else "第9期" not in document
        assert ("督查简报" in document) == (layout == "jianbao")
    assert "<th>序号</th><th>工作任务</th>" in page
    assert "| " + " | ".join(COLUMNS) + " |" in text


def test_the_default_writes_word_beside_the_plan_builds(cli: CLI, tmp_path: Path) -> None:
    from ..tracking.demo import build_demo
    from .conftest import write_bulletins

    root = write_bulletins(build_demo(tmp_path / "repo", tmp_path / "home").root)
    result = cli("render", PLAN_FILE, "--as", "bulletin", "--period", "2012-12", cwd=root)
    assert result.exit_code == 0, result.stderr
    written = root / "build" / PLAN_ID / "bulletin-2012-12.docx"
    assert written.is_file()
    assert result.stdout.strip() == f"wrote build/{PLAN_ID}/bulletin-2012-12.docx"


@needs_libreoffice
@pytest.mark.parametrize("layout", LAYOUTS)
def test_word_read_back_has_the_pdf_pages_and_the_imprint_on_the_last(
    cli: CLI, bulletin_demo: Path, tmp_path: Path, layout: str
) -> None:
    word = render(cli, bulletin_demo, tmp_path / "b.docx", "docx", layout)
    pdf = pymupdf.open(render(cli, bulletin_demo, tmp_path / "b.pdf", "pdf", layout))
    fonts = same_fonts_as_typst(tmp_path / "fonts")
    pages = page_texts(convert_to_pdf(word, tmp_path / "lo", fontconfig=fonts))
    assert len(pages) == pdf.page_count
    assert "印发" in pages[-1] and "印发" in pdf[-1].get_text()


def test_text_is_data_in_markdown_and_html() -> None:
    import datetime

    from planctl.render.formats import bulletin_html, bulletin_md
    from planctl.supervision.document import AttachmentTable, Block, Paper

    hostile = "<script>alert(1)</script> *em* [a](javascript:x) | cell"
    paper = Paper(
        layout="jianbao",
        kind="bulletin",
        issuer="督查室",
        mark="督查简报",
        doc_number="",
        serial="第1期",
        title=hostile,
        recipients="",
        blocks=(Block("paragraph", hostile),),
        attachments=(
            AttachmentTable("附件1", "事项", ("序号", "工作任务"), (2, 26), (("1", hostile),)),
        ),
        date=datetime.date(2012, 7, 12),
    )
    page = bulletin_html.paper(paper).decode("utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    text = bulletin_md.paper(paper).decode("utf-8")
    assert "<script>" not in text.replace("\\<script\\>", "")
    assert "\\*em\\*" in text and "\\[a\\]" in text
    assert "\\| cell" in text  # a table cell cannot be split by the text's bar


@pytest.mark.parametrize("read", ["bulletin", "report", "review"])
def test_the_bulletin_is_never_written_over_a_file_it_read(
    cli: CLI, bulletin_demo: Path, tmp_path: Path, read: str
) -> None:
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(bulletin_demo, root, symlinks=True)
    folder = {"bulletin": "bulletins", "report": "reports", "review": "reviews"}[read]
    target = sorted((root / folder / PLAN_ID).rglob("*.yaml"))[0]
    before = target.read_bytes()
    output = str(target.relative_to(root))
    result = cli(
        "render", PLAN_FILE, "--as", "bulletin", "--period", "2012-09", "-f", "md", "-o", output,
        cwd=root,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "a file the command is reading" in result.stderr
    assert target.read_bytes() == before


def test_an_output_without_a_suffix_is_a_folder_made_for_it(
    cli: CLI, bulletin_demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "new" / "通报"
    result = cli(
        "render", PLAN_FILE, "--as", "bulletin", "--period", "2012-09", "-f", "md", "-o", str(out),
        cwd=bulletin_demo,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (out / "bulletin-2012-09.md").is_file()
