"""Heading numbers as Chinese documents write them, and the outline they make."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planctl.chinese import heading_number, number
from planctl.importer.body import read_body
from planctl.importer.lines import Line
from planctl.importer.numbering import Node, recognise
from planctl.importer.text import cn_number, normalize


@pytest.mark.parametrize(
    ("text", "style", "value", "written", "rest"),
    [
        ("一、总体要求", "cn", 1, "一、", "总体要求"),
        ("十二、保障措施", "cn", 12, "十二、", "保障措施"),
        ("（三）推进改革。", "cn-paren", 3, "（三）", "推进改革。"),
        ("(三)推进改革", "cn-paren", 3, "(三)", "推进改革"),
        ("㈢推进改革", "cn-paren", 3, "㈢", "推进改革"),
        ("4.发展农业", "dot", 4, "4.", "发展农业"),
        ("4．发展农业", "dot", 4, "4．", "发展农业"),
        ("4、发展农业", "comma", 4, "4、", "发展农业"),
        ("（12）建设园区", "num-paren", 12, "（12）", "建设园区"),
        ("⑴建设园区", "num-paren", 1, "⑴", "建设园区"),
        ("2）建设园区", "half-paren", 2, "2）", "建设园区"),
        ("③ 建设园区", "circled", 3, "③", "建设园区"),
        ("第十四章 统筹安全与发展", "chapter", 14, "第十四章", "统筹安全与发展"),
        ("第二节 推动数字政府建设", "jie", 2, "第二节", "推动数字政府建设"),
        ("第三部分 保障措施", "part", 3, "第三部分", "保障措施"),
        ("1.2.3 细化任务", "dotted3", 3, "1.2.3", "细化任务"),
        ("3 深化国资国企改革", "bare", 3, "3", "深化国资国企改革"),
        ("●推动成立指挥部", "bullet", None, "●", "推动成立指挥部"),
    ],
)
def test_each_numbering_style_is_recognised(
    text: str, style: str, value: int | None, written: str, rest: str
) -> None:
    found = recognise(text)
    assert found is not None
    assert (found.style, found.value, found.written, found.rest) == (style, value, written, rest)


@pytest.mark.parametrize(
    "text",
    [
        "1.5亿元投资",
        "2035年远景目标",
        "一、二期工程同步建设",
        "推进1、2号线建设",
        "（2011—2020）",
        "12345 号",
    ],
)
def test_numbers_in_running_text_are_not_headings(text: str) -> None:
    found = recognise(text)
    assert found is None or found.style not in ("dot", "cn", "bare", "cn-paren")


@given(st.integers(min_value=0, max_value=9999))
def test_chinese_numerals_read_back_as_written(n: int) -> None:
    assert cn_number(number(n)) == n


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=99))
def test_every_gbt9704_heading_number_is_recognised(level: int, n: int) -> None:
    found = recognise(heading_number(level, n) + "推进工作")
    assert found is not None and found.value == n and found.rest == "推进工作"


@given(st.text(alphabet="推进改革,，:：()（）、。 1a一“”《》", max_size=30))
def test_normalizing_twice_changes_nothing(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


def lines(*texts: str) -> list[Line]:
    return [Line(n, f"line {n}", t, normalize(t)) for n, t in enumerate(texts, start=1)]


def shape(nodes: list[Node]) -> list[object]:
    return [
        (n.written or n.heading, shape(n.children)) if n.children else (n.written or n.heading)
        for n in nodes
    ]


def test_styles_nest_in_the_order_they_first_appear() -> None:
    body = read_body(lines("一、甲", "（一）乙", "1.丙", "2.丁", "（二）戊", "二、己", "（一）庚"))
    assert shape(body.outline.roots) == [
        ("一、", [("（一）", ["1.", "2."]), "（二）"]),
        ("二、", ["（一）"]),
    ]


def test_a_document_that_switches_from_1_dot_to_1_comma_keeps_one_level() -> None:
    body = read_body(lines("一、甲", "1.乙", "2、丙", "3.丁"))
    assert shape(body.outline.roots) == [("一、", ["1.", "2、", "3."])]


def test_labels_and_bullets_nest_under_their_item() -> None:
    body = read_body(
        lines(
            "1 深化改革",
            "目标",
            "推动改革初见成效。",
            "措施",
            "●编制方案。",
            "●落实机制。",
            "2 优化营商环境",
            "目标",
            "营造一流环境。",
        )
    )
    assert shape(body.outline.roots) == [
        ("1", ["目标", ("措施", ["编制方案。", "落实机制。"])]),
        ("2", ["目标"]),
    ]


def test_owner_and_field_lines_join_the_item_above() -> None:
    body = read_body(
        lines("①建设好差评机制。", "牵头单位：区政务服务数据管理局", "（区各镇街配合）")
    )
    [item] = body.outline.roots
    assert item.heading == "建设好差评机制。（牵头单位：区政务服务数据管理局）（区各镇街配合）"
