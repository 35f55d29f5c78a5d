"""Plan text is never markup, never a formula, never a template: the hostile plan in every
format."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planctl.render import markup
from planctl.render.writers import WRITERS

from .conftest import HOSTILE, Render, needs_chromium, needs_poppler

Revision = Callable[[str], Path]
Hostile = Callable[[str, str], Path]


@pytest.fixture
def hostile(rendered: Render, hostile_revision: Revision) -> Hostile:
    """The hostile plan as `document` in `fmt`; the 修订对照表 against an earlier version."""

    def get(document: str, fmt: str) -> Path:
        return hostile_revision(fmt) if document == "revision" else rendered(HOSTILE, document, fmt)

    return get


# What the hostile plan tries to inject, as it would appear if it got through.
INJECTED = ("<script", "<img src=x", "<b>测试", "<i>市发展", "<h1>总体要求")
FORMULA = '=HYPERLINK("http://attacker.example/","点击")'


@pytest.mark.parametrize(("document", "fmt"), [k for k in WRITERS if k[1] in ("html",)])
def test_html_escapes_every_value(hostile: Hostile, document: str, fmt: str) -> None:
    html = hostile(document, fmt).read_text(encoding="utf-8")
    assert [fragment for fragment in INJECTED if fragment in html] == []
    assert "&lt;script&gt;alert(" in html
    assert "Content-Security-Policy" in html
    if document == "notice":
        assert "&lt;script&gt;alert(&#39;正文&#39;)&lt;/script&gt;" in html
        assert "{{ 7*7 }}" in html  # plan text is not a template either
        assert "]]&gt; 和 &amp; 符号" in html


@pytest.mark.parametrize(("document", "fmt"), [k for k in WRITERS if k[1] == "md"])
def test_markdown_escapes_every_value(hostile: Hostile, document: str, fmt: str) -> None:
    text = hostile(document, fmt).read_text(encoding="utf-8")
    unescaped = [f for f in INJECTED if re.search(r"(?<!\\)" + re.escape(f), text)]
    assert unescaped == []
    assert "\\<script\\>" in text
    assert not re.search(r"^# 不是标题|^- 不是列表", text, re.MULTILINE)
    if document == "notice":
        assert "\\*\\*加粗\\*\\* \\| 竖线 \\[链接\\](http://attacker.example/)" in text


@pytest.mark.parametrize(("document", "fmt"), [k for k in WRITERS if k[1] == "docx"])
def test_word_holds_the_text_as_text(hostile: Hostile, document: str, fmt: str) -> None:
    path = hostile(document, fmt)
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode()
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "<w:instrText>" not in body  # no field but the page numbers in the footers
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    cells = "\n".join(
        c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells
    )
    assert '<script>alert("任务")</script>任务内容' in text + cells


@pytest.mark.parametrize(("document", "fmt"), [k for k in WRITERS if k[1] == "xlsx"])
def test_excel_never_holds_a_formula(hostile: Hostile, document: str, fmt: str) -> None:
    book = openpyxl.load_workbook(hostile(document, fmt))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert risky, "the hostile plan should put formula-like text in cells"
    assert all(c.quotePrefix for c in risky)
    values = {c.value for c in cells}
    if document == "revision":  # the units are inside each task's clause
        assert any(str(value).startswith("=HYPERLINK") for value in values)
    else:
        assert "+市财政局" in values and "@市审计局、-市监察局" in values


def test_excel_keeps_rich_text_that_starts_like_a_formula_as_text(rendered: Render) -> None:
    book = openpyxl.load_workbook(rendered(HOSTILE, "table", "xlsx"), rich_text=True)
    task = next(
        c for row in book.active.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK")
    )
    assert task.data_type == "s" and task.quotePrefix


def test_csv_guards_formula_like_cells(rendered: Render) -> None:
    raw = rendered(HOSTILE, "table", "csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    values = [value for row in rows for value in row if value]
    assert not [v for v in values if v[0] in "=+-@\t\r"]
    assert f"'{FORMULA}。" in next(v for v in values if "HYPERLINK" in v)
    assert "'+市财政局" in values


@needs_chromium
@needs_poppler
def test_pdf_prints_markup_as_text(rendered: Render) -> None:
    pdf = rendered(HOSTILE, "notice", "pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    assert "<script>alert" in text.replace(" ", "")


@given(st.text())
def test_markdown_escaping_hides_no_character(text: str) -> None:
    escaped = markup.escape(text)
    assert re.sub(r"\\(.)", r"\1", escaped, flags=re.DOTALL) == text


def test_control_characters_are_dropped_from_office_files() -> None:
    assert markup.xml_safe("甲\x07乙\x1b丙\n丁") == "甲乙丙\n丁"
