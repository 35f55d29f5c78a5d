"""Page numbers and tables of contents are set aside, not read as headings."""

from __future__ import annotations

from planctl.importer.furniture import set_aside
from planctl.importer.lines import Line
from planctl.importer.text import normalize


def lines(*texts: str) -> list[Line]:
    return [Line(n, f"line {n}", t, normalize(t)) for n, t in enumerate(texts, start=1)]


def test_page_numbers_and_contents_are_set_aside() -> None:
    kept, furniture = set_aside(
        lines(
            "某某实施方案",
            "目  录",
            "第一章 总体要求……………1",
            "第二章 主要任务    3",
            "",
            "第一章 总体要求",
            "— 1 —",
            "第 2 页 共 9 页",
            "正文。",
        )
    )
    assert [line.raw for line in kept] == ["某某实施方案", "", "第一章 总体要求", "正文。"]
    assert [reason for _, reason in furniture] == ["the table of contents"] * 3 + [
        "a page number"
    ] * 2


def test_numbers_in_the_text_stay() -> None:
    kept, furniture = set_aside(lines("1 深化改革", "2023", "完成投资100亿元。"))
    assert furniture == [] and len(kept) == 3
