"""The loader: plain values, exact places, and hostile input that fails fast."""

from __future__ import annotations

import codecs

from planctl.yamlio import load_bytes, load_text


def test_values_keep_their_yaml_meaning_and_dates_stay_text() -> None:
    document = load_text(
        'n: 1\nq: "1"\nmonth: 2012-06\nyear: 2012\nday: 2012-04-19\nflag: true\nnone: ~\n',
        "plan.yaml",
    )
    assert document.data == {
        "n": 1,
        "q": "1",
        "month": "2012-06",
        "year": 2012,
        "day": "2012-04-19",
        "flag": True,
        "none": None,
    }
    assert document.problems == []


def test_yes_and_no_are_text_as_in_yaml_1_2() -> None:
    assert load_text("a: yes\nb: no\nc: on\n", "x").data == {"a": "yes", "b": "no", "c": "on"}


def test_every_value_and_key_has_its_place() -> None:
    document = load_text("sections:\n  - id: a\n    lead: [市财政局, 市审计局]\n", "x")
    assert document.locate(("sections", 0, "lead", 1)) == (3, 18)
    assert document.locate(("sections", 0, "lead"), key=True) == (3, 5)
    assert document.locate(("sections", 0, "missing")) == (2, 5), "falls back to the parent"


def test_aliases_resolve_to_the_anchored_value() -> None:
    document = load_text("a: &units [市财政局]\nb: *units\n", "x")
    assert document.data == {"a": ["市财政局"], "b": ["市财政局"]}


def test_a_duplicate_key_keeps_the_first_value_and_is_reported() -> None:
    document = load_text("title: 一\nstage: draft\ntitle: 二\n", "x")
    assert document.data["title"] == "一"
    [problem] = document.problems
    assert (problem.rule, problem.line, problem.column) == ("duplicate-key", 3, 1)


def test_bom_and_crlf_are_read_and_reported() -> None:
    document = load_bytes(codecs.BOM_UTF8 + "a: 甲\r\nb: 乙\r\n".encode(), "x")
    assert document.data == {"a": "甲", "b": "乙"}
    assert [p.rule for p in document.problems] == ["byte-order-mark", "line-endings"]
    assert document.readable


def test_gbk_is_read_with_the_fix_named() -> None:
    document = load_bytes("title: 肇庆市工作计划\n".encode("gbk"), "x")
    assert document.data == {"title": "肇庆市工作计划"}
    [problem] = document.problems
    assert problem.rule == "encoding"
    assert "planctl fmt" in problem.hint
    assert (problem.line, problem.column) == (1, 8)


def test_utf8_with_a_damaged_byte_is_refused_not_read_as_gbk() -> None:
    damaged = "title: 工作计划\nnote: 已完成\n".encode().replace("完".encode(), b"\xff")
    document = load_bytes(damaged, "x")
    assert not document.readable
    [problem] = document.problems
    assert (problem.rule, problem.fatal, problem.line) == ("encoding", True, 2)
    assert "damaged byte" in problem.message


def test_text_that_is_neither_utf8_nor_gb18030_is_refused() -> None:
    document = load_bytes(b"title: \xff\xfe\xff\n", "x")
    assert not document.readable
    assert document.problems[0].fatal


def test_utf16_is_refused_with_the_fix() -> None:
    document = load_bytes("a: 1\n".encode("utf-16"), "x")
    assert not document.readable
    assert "UTF-8" in document.problems[0].hint


def test_syntax_errors_are_located() -> None:
    document = load_text("a: [1, 2\nb: 3\n", "x")
    [problem] = document.problems
    assert problem.rule == "yaml-syntax"
    assert problem.line == 2
    assert not document.readable


def test_tags_are_reported_and_never_applied() -> None:
    document = load_text("a: !!python/name:os.system x\nb: !!str 12\n", "x")
    assert document.data == {"a": "x", "b": "12"}
    assert [p.rule for p in document.problems] == ["yaml-tag"]
    assert "!!python/name:os.system" in document.problems[0].message


def test_an_alias_bomb_stops_early() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    document = load_text("\n".join(lines) + "\n", "x")
    assert [p.rule for p in document.problems] == ["yaml-limits"]
    assert document.data is None


def test_deep_nesting_stops_early() -> None:
    for text in (
        "a: " + "[" * 20_000 + "]" * 20_000,
        "".join("  " * i + "k:\n" for i in range(200)),
    ):
        document = load_text(text, "x")
        assert [p.rule for p in document.problems] == ["yaml-limits"]


def test_a_second_document_is_reported() -> None:
    document = load_text("a: 1\n---\nb: 2\n", "x")
    assert [(p.rule, p.line) for p in document.problems] == [("multiple-documents", 2)]


def test_positions_are_not_computed_until_asked() -> None:
    document = load_text("a: 1\n", "x")
    assert document._positions is None
    document.locate(("a",))
    assert document._positions is not None
