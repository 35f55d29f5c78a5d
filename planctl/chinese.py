"""All Chinese wording of numbers, dates, deadlines and heading numbers.

Kept in one module so that templates, checks and the CLI word things the same way.
"""

from __future__ import annotations

import datetime
import itertools
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, TypeAlias

from planctl.deadlines import Deadline

if TYPE_CHECKING:
    from planctl.model import Task

__all__ = [
    "YEAR_ZERO",
    "DateStyle",
    "balanced_lines",
    "date_cn",
    "deadline_cn",
    "display_width",
    "heading_number",
    "number",
]

DateStyle: TypeAlias = Literal["arabic", "chinese"]

_DIGITS = "零一二三四五六七八九"

# The digit zero in a year written the 1999-standard way (二○一二年). PLAN_FORMAT.md
# uses U+25CB WHITE CIRCLE; some printed documents use 〇 (U+3007) instead.
YEAR_ZERO = "○"

# Place-value characters for thousands, hundreds, tens and units.
_PLACES = ("千", "百", "十", "")

_LARGEST_NUMBER = 9999

_HALF_NAMES = {1: "上半年", 2: "下半年"}

# GB/T 9704 heading levels: 一、 （一） 1. （1）
_HEADING_LEVELS = 4


def number(n: int) -> str:
    """Write ``0 <= n <= 9999`` in Chinese numerals: 10 → 十, 105 → 一百零五, 1010 → 一千零一十."""
    if not 0 <= n <= _LARGEST_NUMBER:
        raise ValueError(f"{n} is outside 0-{_LARGEST_NUMBER}, the range of section numbers")
    if n == 0:
        return _DIGITS[0]
    words = _with_place_values(n)
    # A leading 一十 is said 十 (十一, not 一十一); inside a number it stays (一百一十).
    return words[1:] if 10 <= n <= 19 else words


def date_cn(d: datetime.date, style: DateStyle = "arabic") -> str:
    """Write a date as 成文日期 does.

    ``arabic`` (GB/T 9704-2012) gives 2012年4月19日; ``chinese`` (the 1999 standard,
    for reprinting older documents) gives 二○一二年四月十九日.
    """
    if style == "arabic":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "chinese":
        return f"{_year_digit_by_digit(d.year)}年{number(d.month)}月{number(d.day)}日"
    raise ValueError(f"unknown date style {style!r}; use 'arabic' or 'chinese'")


def deadline_cn(d: Deadline) -> str:
    """Word a deadline as the plan table prints it, e.g. 2012年6月底前 or 长期坚持."""
    if d.kind == "ongoing":
        return "长期坚持"
    year = f"{d.year}年"
    if d.kind == "day":
        return f"{year}{d.part}月{d.day}日前"
    if d.kind == "month":
        return f"{year}{d.part}月底前"
    if d.kind == "quarter":
        return f"{year}第{number(_part(d))}季度"
    if d.kind == "half":
        return year + _HALF_NAMES[_part(d)]
    return f"{year}底前"


def heading_number(level: int, n: int) -> str:
    """Return the GB/T 9704 heading number for ``level`` 1-4: 一、 （一） 1. （1）."""
    if not 1 <= level <= _HEADING_LEVELS:
        raise ValueError(f"heading level {level} does not exist; levels are 1-{_HEADING_LEVELS}")
    if n < 1:
        raise ValueError(f"heading number {n} must be 1 or more")
    if level == 1:
        return f"{number(n)}、"
    if level == 2:
        return f"（{number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def _with_place_values(n: int) -> str:
    """Spell a positive number digit by digit with 千/百/十, collapsing zeros to one 零."""
    digits = [int(c) for c in f"{n:04d}"]
    words: list[str] = []
    pending_zero = False
    for digit, place in zip(digits, _PLACES, strict=True):
        if digit == 0:
            # A zero is spoken only between non-zero digits (一百零五), once per run.
            pending_zero = bool(words)
            continue
        if pending_zero:
            words.append(_DIGITS[0])
            pending_zero = False
        words.append(_DIGITS[digit] + place)
    return "".join(words)


def _year_digit_by_digit(year: int) -> str:
    return "".join(YEAR_ZERO if c == "0" else _DIGITS[int(c)] for c in str(year))


def _part(d: Deadline) -> int:
    if d.part is None:
        raise ValueError(f"deadline {d!r} has no part")
    return d.part


# --- measuring and breaking lines ----------------------------------------------------------

# Characters a line may not start with (closing marks) or end with (opening marks).
_NO_LINE_START = frozenset("，。、；：？！）》〉」』”’】〕…—·%")
_NO_LINE_END = frozenset("（《〈「『“‘【〔")
_OPENING_TO_CLOSING = {
    "《": "》",
    "（": "）",
    "〈": "〉",
    "「": "」",
    "『": "』",
    "“": "”",
    "【": "】",
}


def display_width(text: str) -> int:
    """Width of `text` in half-width columns: 2 for a Chinese character, 1 for 1 or a.

    Ambiguous-width characters (“”○…) count as wide, as Chinese fonts set them.
    """
    return sum(_char_width(c) for c in text)


def balanced_lines(text: str, max_width: int) -> list[str]:
    """Break a title into lines of at most `max_width` columns, as even as possible.

    GB/T 9704 wants long titles set as a trapezoid or diamond: lines of similar length,
    never breaking inside a book title 《…》, a number or a word in brackets, never
    starting a line with closing punctuation. Between equally even breaks the longer
    line goes on top. A title with no allowed break is returned whole.
    """
    if display_width(text) <= max_width:
        return [text]
    allowed = _allowed_breaks(text)
    if not allowed:
        return [text]
    widths = [0]
    for char in text:
        widths.append(widths[-1] + _char_width(char))
    for count in range(-(-widths[-1] // max_width), len(text) + 1):
        lines = _best_split(text, widths, allowed, count, max_width)
        if lines is not None:
            return lines
    return [text]


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WFA" else 1


def _allowed_breaks(text: str) -> set[int]:
    """Offsets where a line may break: not inside brackets, numbers or Latin words."""
    allowed: set[int] = set()
    closers: list[str] = []
    for index, char in enumerate(text):
        if index and not closers and _may_break_between(text[index - 1], char):
            allowed.add(index)
        if closers and char == closers[-1]:
            closers.pop()
        elif char in _OPENING_TO_CLOSING:
            closers.append(_OPENING_TO_CLOSING[char])
    return allowed


def _may_break_between(before: str, after: str) -> bool:
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    return not (before.isascii() and after.isascii() and (before + after).isalnum())


def _best_split(
    text: str, widths: list[int], allowed: set[int], count: int, max_width: int
) -> list[str] | None:
    """The split into `count` lines with the least squared deviation from even, or None."""
    target = widths[-1] / count
    # best[k][i]: (cost, breaks) for the first i characters set in k lines.
    best: list[dict[int, tuple[float, tuple[int, ...]]]] = [{0: (0.0, ())}]
    ends = sorted(allowed | {len(text)}, reverse=True)  # later breaks first: top-heavy ties
    for _ in range(count):
        row: dict[int, tuple[float, tuple[int, ...]]] = {}
        for start, (cost, breaks) in best[-1].items():
            for end in ends:
                width = widths[end] - widths[start]
                if end <= start or width > max_width:
                    continue
                candidate = (cost + (width - target) ** 2, (*breaks, end))
                if end not in row or candidate[0] < row[end][0]:
                    row[end] = candidate
        best.append(row)
    if len(text) not in best[-1]:
        return None
    cuts = (0, *best[-1][len(text)][1])
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


# --- who does a task: the one wording of its owners ---------------------------------------

# What `lead_more` and `support_more` stand for: the source names more units than it lists.
MORE_UNITS = "等有关部门"


def names_text(names: Iterable[str], *, more: bool = False) -> str:
    """Units joined with 、, followed by 等有关部门 when the source says so."""
    joined = "、".join(names)
    return joined + MORE_UNITS if joined and more else joined


def owners_text(task: Task) -> str:
    """市发展改革局牵头，市经济信息化局、市文广新局等有关部门参与 — or "" without units.

    The one wording of a task's owners, for the notice and the 修订对照表 alike.
    """
    parts = []
    if task.lead:
        parts.append(names_text(task.lead, more=task.lead_more) + task.lead_word)
    if task.responsible:
        parts.append(names_text(task.responsible, more=task.responsible_more) + "负责")
    if task.support:
        parts.append(names_text(task.support, more=task.support_more) + task.support_word)
    if task.guide:
        parts.append(names_text(task.guide) + "指导")
    return "，".join(parts)
