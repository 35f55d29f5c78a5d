"""All Chinese wording of numbers, dates, deadlines and heading numbers.

Kept in one module so that templates, checks and the CLI word things the same way.
"""

from __future__ import annotations

import datetime
import itertools
import re
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
    "one_line",
    "title_lines",
]

DateStyle: TypeAlias = Literal["arabic", "chinese"]

_DIGITS = "零一二三四五六七八九"

# The digit zero in a year written the 1999-standard way (二○一二年): the plan format
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
    "〔": "〕",
    "（": "）",
    "〈": "〉",
    "「": "」",
    "『": "』",
    "“": "”",
    "‘": "’",
    "【": "】",
}


def quoted(text: str) -> str:
    """`text` in Chinese double quotes, the double quotes inside it made single, as
    nested quotation marks are written: “重点推进‘两区引领两化’建设”."""
    return f"“{text.translate(_INNER_QUOTES)}”"


_INNER_QUOTES = str.maketrans({"“": "‘", "”": "’"})


def display_width(text: str) -> int:
    """Width of `text` in half-width columns: 2 for a Chinese character, 1 for 1 or a.

    Ambiguous-width characters (“”○…) count as wide, as Chinese fonts set them.
    """
    return sum(_char_width(c) for c in text)


def title_lines(text: str, max_width: int, keep: Iterable[str] = ()) -> list[str]:
    """A title as set: the lines as written when the plan breaks it, else `balanced_lines`.

    An officer who writes a title on several lines (a YAML block scalar) has chosen the
    breaks; they are kept exactly, blank lines and the spaces around lines dropped.
    """
    written = [line.strip() for line in text.splitlines() if line.strip()]
    if len(written) > 1:
        return written
    return balanced_lines(text.strip(), max_width, keep)


def one_line(text: str) -> str:
    """A title written on several lines as the one line a sentence or a list names it by."""
    return "".join(line.strip() for line in text.splitlines())


def balanced_lines(text: str, max_width: int, keep: Iterable[str] = ()) -> list[str]:
    """Break a title between words into lines of at most `max_width` columns.

    GB/T 9704 (7.3.1) sets a long title as a trapezoid or diamond: lines of similar
    length, breaking where the words allow. A line breaks only between words
    (`planctl.words`: the segmenter, the official-document words and `keep`, such as
    unit names), never inside a book title 《…》, brackets or quotes, never inside a
    number with its measure word (2023年), never starting with closing punctuation or
    ending with opening punctuation. The fewest lines that fit, then the most even
    shape: for two lines the longer on top; for more, no line narrower than both of its
    neighbours. A title with no allowed break is returned whole.
    """
    if display_width(text) <= max_width:
        return [text]
    from planctl.words import word_breaks  # the segmenter loads only for long titles

    widths = [0]
    for char in text:
        widths.append(widths[-1] + _char_width(char))
    between_words = word_breaks(text, keep)
    outside_brackets = _allowed_breaks(text)
    # A book title wider than a line is broken between its words; a run of characters with
    # no word edge that fits, between any two characters punctuation allows.
    clause_edges = _clause_edges(text)
    for allowed in (
        outside_brackets & between_words,
        _allowed_breaks(text, in_brackets=True) & between_words,
        _allowed_breaks(text, in_brackets=True),
    ):
        lines = _fewest_lines(text, widths, allowed, clause_edges, max_width)
        if lines is not None:
            return lines
    return [text]


def _fewest_lines(
    text: str, widths: list[int], allowed: set[int], clause_edges: set[int], max_width: int
) -> list[str] | None:
    for count in range(-(-widths[-1] // max_width), min(len(allowed), _MOST_LINES) + 2):
        cuts = _best_cuts(widths, sorted(allowed), clause_edges, count, max_width)
        if cuts is not None:
            return [text[a:b] for a, b in itertools.pairwise((0, *cuts, len(text)))]
    return None


# More lines than this is no longer a title but a paragraph.
_MOST_LINES = 6
# What a break inside a part of the title (not at a `_clause_edges` edge) weighs: a
# little more than a shape fault, so 某某市人民政府办公室关于印发 / … wins over a break
# between two words of the same phrase unless that is far more even.
_INSIDE_CLAUSE_COST = 48
_AFTER_CLAUSE = re.compile(r"关于印发|关于转发|关于批转|关于|印发|转发|批转|》")
_BEFORE_CLAUSE = re.compile(r"关于|《")
# Titles of up to this many lines are weighed whole, shape included.
_SHAPED_LINES = 3
# What a shape fault (a shorter top line, an hourglass) weighs against unevenness: as much
# as two lines four characters (eight columns) apart, so a far more even break still wins.
_SHAPE_FAULT_COST = 8**2 / 2


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WFA" else 1


def _allowed_breaks(text: str, *, in_brackets: bool = False) -> set[int]:
    """Offsets where a line may break: not inside numbers or Latin words, nor inside
    brackets unless `in_brackets`."""
    allowed: set[int] = set()
    closers: list[str] = []
    for index, char in enumerate(text):
        outside = in_brackets or not closers
        if index and outside and _may_break_between(text[index - 1], char):
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


def _clause_edges(text: str) -> set[int]:
    """Where the parts of a title meet: after 关于 or 印发 (the issuer and the verb end),
    before 关于, and around a book title. Breaking there keeps each line's sense whole."""
    edges = {match.end() for match in _AFTER_CLAUSE.finditer(text)}
    edges.update(match.start() for match in _BEFORE_CLAUSE.finditer(text))
    return edges


def _best_cuts(
    widths: list[int], allowed: list[int], clause_edges: set[int], count: int, max_width: int
) -> tuple[int, ...] | None:
    """The `count - 1` breaks giving the best-shaped lines that fit, or None.

    Up to three lines every choice is weighed, shape and evenness; longer titles (rare)
    take the most even choice, found line by line.
    """
    if count > _SHAPED_LINES:
        return _most_even_cuts(widths, allowed, count, max_width)
    end = len(widths) - 1
    best: tuple[float, tuple[int, ...]] | None = None
    for cuts in _fitting_cuts(widths, allowed, count, max_width, 0):
        bounds = (0, *cuts, end)
        lines = [widths[b] - widths[a] for a, b in itertools.pairwise(bounds)]
        inside_clauses = sum(1 for cut in cuts if cut not in clause_edges)
        score = (
            _unevenness(lines)
            + _SHAPE_FAULT_COST * _shape_faults(lines)
            + _INSIDE_CLAUSE_COST * inside_clauses
        )
        # Ties go to the later breaks: longer lines on top.
        if best is None or score < best[0] or (score == best[0] and cuts > best[1]):
            best = (score, cuts)
    return None if best is None else best[1]


def _fitting_cuts(
    widths: list[int], allowed: list[int], count: int, max_width: int, start: int
) -> Iterable[tuple[int, ...]]:
    """Every choice of `count - 1` breaks after `start` whose lines fit in `max_width`."""
    end = len(widths) - 1
    if count == 1:
        if widths[end] - widths[start] <= max_width:
            yield ()
        return
    for cut in allowed:
        if cut <= start or widths[end] - widths[cut] > (count - 1) * max_width:
            continue
        if widths[cut] - widths[start] > max_width:
            break
        for rest in _fitting_cuts(widths, allowed, count - 1, max_width, cut):
            yield (cut, *rest)


def _most_even_cuts(
    widths: list[int], allowed: list[int], count: int, max_width: int
) -> tuple[int, ...] | None:
    """The `count - 1` breaks with the least squared deviation from even lines, or None."""
    end = len(widths) - 1
    target = widths[end] / count
    # best[i]: (cost, breaks) for the text up to offset i set in the lines so far.
    best: dict[int, tuple[float, tuple[int, ...]]] = {0: (0.0, ())}
    ends = [*allowed, end]
    for _ in range(count):
        row: dict[int, tuple[float, tuple[int, ...]]] = {}
        for start, (cost, breaks) in best.items():
            for stop in ends:
                width = widths[stop] - widths[start]
                if stop <= start or width > max_width:
                    continue
                candidate = (cost + (width - target) ** 2, (*breaks, stop))
                if stop not in row or candidate[0] < row[stop][0]:
                    row[stop] = candidate
        best = row
    return best[end][1][:-1] if end in best else None


def _shape_faults(lines: list[int]) -> int:
    """How far the lines are from a trapezoid or diamond (0: not at all).

    Two lines: a shorter top line is a fault. More: a line narrower than both of its
    neighbours (an hourglass) is a fault.
    """
    if len(lines) == 2:
        return int(lines[0] < lines[1])
    # An hourglass is worse than a short top line: it weighs as three.
    triples = zip(lines, lines[1:], lines[2:], strict=False)
    return 3 * sum(1 for above, line, below in triples if line < min(above, below))


def _unevenness(lines: list[int]) -> float:
    mean = sum(lines) / len(lines)
    return sum((width - mean) ** 2 for width in lines)


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
