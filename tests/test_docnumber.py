"""发文字号: the canonical form 代字〔年份〕序号号, and what is said about other forms."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planctl.docnumber import DocNumber, DocNumberError, parse_doc_number

# --- The canonical form ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("肇府办〔2012〕22号", DocNumber("肇府办", 2012, 22)),
        ("国发〔2023〕5号", DocNumber("国发", 2023, 5)),
        ("粤府函〔2012〕108号", DocNumber("粤府函", 2012, 108)),
    ],
)
def test_canonical_numbers_parse_and_print_back(text: str, expected: DocNumber) -> None:
    assert parse_doc_number(text) == expected
    assert str(expected) == text


# --- Mistakes with a derivable correction ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("肇府办[2012]22号", "六角括号 〔〕, not [ ]"),
        ("肇府办【2012】22号", "六角括号 〔〕, not 【 】"),
        ("肇府办(2012)22号", "六角括号 〔〕, not ( )"),
        ("肇府办（2012）22号", "六角括号 〔〕, not （ ）"),
        ("肇府办〔2012]22号", "六角括号 〔〕, not 〔 ]"),
        ("肇府办〔2012〕022号", "leading zeros"),
        ("肇府办〔2012〕第22号", "must not have 第"),
        ("肇府办〔2012〕22", "followed by 号"),
        ("肇府办〔12〕22号", "written in full (2012, not 12)"),
        ("肇府办 〔2012〕 22 号", "whitespace"),
        ("肇府办〔２０１２〕２２号", "full-width digits"),
    ],
)
def test_common_mistakes_are_named_and_corrected(text: str, problem: str) -> None:
    with pytest.raises(DocNumberError, match=re.escape(problem)) as e:
        parse_doc_number(text)
    assert e.value.suggestion == "肇府办〔2012〕22号"


def test_several_mistakes_are_all_named_and_corrected_together() -> None:
    with pytest.raises(DocNumberError) as e:
        parse_doc_number("肇府办[12]第022")
    message = str(e.value)
    for problem in ("六角括号", "in full", "第", "leading zeros", "号"):
        assert problem in message
    assert e.value.suggestion == "肇府办〔2012〕22号"


def test_two_digit_years_from_before_2000_are_read_as_19xx() -> None:
    with pytest.raises(DocNumberError) as e:
        parse_doc_number("国发〔98〕3号")
    assert e.value.suggestion == "国发〔1998〕3号"


# --- Mistakes without one ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "it is empty"),
        ("〔2012〕22号", "机关代字 before 〔 is missing"),
        ("肇府办2012年22号", "no year in 〔〕"),
        ("肇府办〔201〕22号", "four digits"),
        ("肇府办〔2012〕号", "serial number after 〕 is missing"),
        ("肇府办〔2012〕0号", "1 or more"),
        ("肇府办〔2012〕22号文", "found '22号文'"),
        ("肇府办〔0999〕1号", "year 999 is outside 1000-9999"),
    ],
)
def test_unrepairable_numbers_say_what_is_wrong_without_a_suggestion(
    text: str, problem: str
) -> None:
    with pytest.raises(DocNumberError, match=re.escape(problem)) as e:
        parse_doc_number(text)
    assert e.value.suggestion is None


def test_doc_number_error_is_a_value_error() -> None:
    assert issubclass(DocNumberError, ValueError)


def test_doc_number_construction_enforces_the_canonical_form() -> None:
    with pytest.raises(DocNumberError):
        DocNumber("", 2012, 1)
    with pytest.raises(DocNumberError):
        DocNumber("肇府办〔", 2012, 1)
    with pytest.raises(DocNumberError):
        DocNumber("肇府办", 12, 1)
    with pytest.raises(DocNumberError):
        DocNumber("肇府办", 2012, 0)


# --- Laws --------------------------------------------------------------------------------

# 机关代字 are CJK characters, sometimes with a letter or digit (e.g. 粤府函, 国办发).
_prefixes = st.text(
    alphabet=st.sampled_from("国务院办发函肇庆府粤市委政经信局厅电明传A1"), min_size=1, max_size=6
)
doc_numbers = st.builds(DocNumber, _prefixes, st.integers(1950, 2049), st.integers(1, 9999))


@given(doc_numbers)
def test_the_canonical_form_parses_back_to_the_same_number(doc: DocNumber) -> None:
    assert parse_doc_number(str(doc)) == doc


_MISTAKES = {
    "square brackets": lambda d: f"{d.prefix}[{d.year}]{d.serial}号",
    "lenticular brackets": lambda d: f"{d.prefix}【{d.year}】{d.serial}号",
    "full-width parentheses": lambda d: f"{d.prefix}（{d.year}）{d.serial}号",
    "leading zero": lambda d: f"{d.prefix}〔{d.year}〕0{d.serial}号",
    "第": lambda d: f"{d.prefix}〔{d.year}〕第{d.serial}号",
    "no 号": lambda d: f"{d.prefix}〔{d.year}〕{d.serial}",
    "two-digit year": lambda d: f"{d.prefix}〔{d.year % 100:02d}〕{d.serial}号",
    "spaces": lambda d: f"{d.prefix} 〔{d.year}〕 {d.serial} 号",
}


@given(doc_numbers, st.sampled_from(sorted(_MISTAKES)))
def test_every_known_mistake_is_rejected_with_the_canonical_form_as_suggestion(
    doc: DocNumber, mistake: str
) -> None:
    with pytest.raises(DocNumberError) as e:
        parse_doc_number(_MISTAKES[mistake](doc))
    assert e.value.suggestion == str(doc)


# Characters that make up document numbers and their usual mistakes, so that the
# generated texts often come close to the canonical form.
_near_doc_numbers = st.text(alphabet="肇府办〔〕[]【】（）()第号０２0129 \n", max_size=16)


@given(st.one_of(st.text(max_size=16), _near_doc_numbers))
def test_any_text_parses_or_raises_and_every_suggestion_is_canonical(text: str) -> None:
    try:
        doc = parse_doc_number(text)
    except DocNumberError as e:
        if e.suggestion is not None:
            assert str(parse_doc_number(e.suggestion)) == e.suggestion
        return
    assert str(doc) == text
