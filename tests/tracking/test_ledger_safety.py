"""The hostile plan (tests/data/render/hostile.yaml) in the 台账: its text is never markup
in Markdown or Word, never a formula in Excel — in the task rows, the unit sheets (named
after its units) and the report matrix."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from ..conftest import CLI, DATA, GitPlans

INJECTED = ("<script", "<img src=x", "<b>测试", "<i>市发展")
PERIOD = "period: {start: 2012-01-01, end: 2012-12-31}\n"


@pytest.fixture
def hostile_ledger(cli: CLI, git_repo: GitPlans) -> dict[str, Path]:
    text = (DATA / "render" / "hostile.yaml").read_text(encoding="utf-8")
    assert PERIOD in text
    reporting = "reporting: {cycle: month, due_day: 5, start: 2012-05}\n"
    git_repo.write("plans/hostile.yaml", text.replace(PERIOD, PERIOD + reporting, 1))
    git_repo.commit("计划")
    made = {}
    for fmt in ("xlsx", "docx", "md"):
        target = git_repo.root / f"ledger.{fmt}"
        result = cli(
            "render",
            "plans/hostile.yaml",
            "--as",
            "ledger",
            "--as-of",
            "2012-07-10",
            "-o",
            str(target),
            cwd=git_repo.root,
        )
        assert result.exit_code == 0, result.stderr
        made[fmt] = target
    return made


def test_excel_never_holds_a_formula(hostile_ledger: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(hostile_ledger["xlsx"])
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert {"+市财政局", '=HYPERLINK("http://attacker.example/","点击")'} <= {
        c.value for c in risky
    }
    assert all(c.quotePrefix for c in risky)
    assert "+市财政局" in book.sheetnames  # a unit's sheet, named as the unit is


def test_markdown_escapes_every_value(hostile_ledger: dict[str, Path]) -> None:
    text = hostile_ledger["md"].read_text(encoding="utf-8")
    assert [f for f in INJECTED if re.search(r"(?<!\\)" + re.escape(f), text)] == []
    assert "\\<i\\>市发展改革局\\</i\\>" in text


def test_word_holds_the_text_as_text(hostile_ledger: dict[str, Path]) -> None:
    path = hostile_ledger["docx"]
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode()
    assert "<i>" not in body and "&lt;i&gt;市发展改革局&lt;/i&gt;" in body
    cells = {c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells}
    assert '=HYPERLINK("http://attacker.example/","点击")' in cells
