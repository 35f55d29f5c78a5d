"""Responsibility tables (责任分工表): map a table's columns by their headers.

A header row names the columns — 序号, 工作任务 (or 重点任务, 具体措施, 任务名称…),
牵头单位 (责任单位, 牵头部门…), 配合单位 (协办单位, 参与单位…), 完成时限 (时间节点,
完成时间…). A column of categories (类别, 领域, or a task column whose value repeats
over rows, as merged cells do) groups the rows into sections. Any other column (备注,
牵头市领导…) is kept in the task's text as “header：value”.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

_NUMBER = re.compile(r"序号|编号|^序$|^号$")
_LEADER = re.compile(r"领导|负责人|联系人")
_LEAD = re.compile(
    r"牵头|责任单位|责任部门|负责单位|负责部门|主办|主责|责任主体|承办|实施主体|实施单位"
)
_SUPPORT = re.compile(r"配合|协办|参与|协作|协同|协助")
_GUIDE = re.compile(r"指导")
_DUE = re.compile(r"时限|时间|期限|时间节点|进度|完成时")
_CATEGORY = re.compile(r"类别|领域|板块|方面|分类|类型|专项|篇章")
_TITLE = re.compile(r"名称")
_TEXT = re.compile(r"任务|内容|措施|事项|举措|工作|项目|名称|改革")
_MIN_HEADER_HITS = 2
_HEADER_ROWS = 3


@dataclass
class Columns:
    """What each column holds, by index."""

    headers: tuple[str, ...]
    number: int | None = None
    categories: list[int] = field(default_factory=list)
    title: int | None = None
    text: int | None = None
    lead: int | None = None
    support: int | None = None
    due: int | None = None
    responsible: int | None = None  # 责任单位 beside a 牵头单位 column
    guide: int | None = None
    numbered: int | None = None  # with no 序号 column: the column whose cells open with 1、

    def word_for_lead(self) -> str:
        header = self.headers[self.lead] if self.lead is not None else ""
        return "牵头" if "牵头" in header or "主办" in header else "负责"

    def word_for_support(self) -> str:
        header = self.headers[self.support] if self.support is not None else ""
        for word in ("参与", "协办"):
            if word in header:
                return word
        return "配合"


@dataclass
class RowFields:
    """One data row, read by column."""

    number: str
    categories: list[str]
    title: str
    text: str
    lead: str
    support: str
    due: str
    extras: list[tuple[str, str]]
    lead_word: str = "牵头"
    support_word: str = "配合"
    responsible: str = ""
    guide: str = ""


def header_row(rows: list[tuple[str, ...]]) -> int | None:
    """Index of the header row among the first rows of a table, or None."""
    for index, cells in enumerate(rows[:_HEADER_ROWS]):
        distinct = dict.fromkeys(_compact(cell) for cell in cells if cell)  # merged cells repeat
        hits = sum(1 for cell in distinct if _role_of(cell) != "extra")
        if hits >= _MIN_HEADER_HITS and any(
            _LEAD.search(_compact(c)) or _TEXT.search(_compact(c)) for c in cells
        ):
            return index
    return None


def header_rows(rows: list[tuple[str, ...]]) -> tuple[int, int] | None:
    """(first, count) of the header: one row, or two when the first has merged cells that
    the second divides (责任单位 over 牵头 | 配合)."""
    first = header_row(rows)
    if first is None:
        return None
    if first + 1 < len(rows) and _divides(rows[first], rows[first + 1]):
        return first, 2
    return first, 1


def _divides(top: tuple[str, ...], below: tuple[str, ...]) -> bool:
    split = [i for i, cell in enumerate(below) if cell and i < len(top) and cell != top[i]]
    if not split or any(len(below[i]) > 8 or any(c.isdigit() for c in below[i]) for i in split):
        return False
    return any(_role_of(_compact(below[i])) != "extra" for i in split)


def combined_header(rows: list[tuple[str, ...]], first: int, count: int) -> tuple[str, ...]:
    if count == 1:
        return rows[first]
    top, below = rows[first], rows[first + 1]
    return tuple(
        f"{below[i]}{top[i]}" if i < len(below) and below[i] and below[i] != top[i] else top[i]
        for i in range(len(top))
    )


def map_columns(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Columns:
    """Assign a role to every column from its header (and, for categories, its values)."""
    columns = Columns(tuple(_compact(c) for c in header))
    texts: list[int] = []
    seen: set[str] = set()
    for index, name in enumerate(columns.headers):
        if not name or name in seen:
            continue  # a merged header cell repeats over the columns it spans
        seen.add(name)
        role = _role_of(name)
        if role == "lead" and columns.lead is not None and columns.responsible is None:
            role = "responsible"  # 牵头单位 | 责任单位: the second names the responsible units
        if role == "text":
            texts.append(index)
        elif role == "category":
            columns.categories.append(index)
        elif role != "extra" and getattr(columns, role) is None:
            setattr(columns, role, index)
    _lead_before_responsible(columns)
    _place_text_columns(columns, texts, rows)
    if columns.number is None:
        columns.numbered = _numbered_column(columns, rows)
        if columns.numbered is not None and columns.numbered != columns.text:
            columns.title = columns.numbered  # 1、城市大环境绿化扎实开展… names the item
    return columns


def _numbered_column(columns: Columns, rows: list[tuple[str, ...]]) -> int | None:
    """The first column whose cells mostly open with a heading number (1、 2、 …)."""
    from planctl.importer.numbering import recognise

    roles = {columns.lead, columns.support, columns.due, columns.responsible, columns.guide}
    for index in range(len(columns.headers)):
        if index in roles or index in columns.categories:
            continue
        values = [row[index] for row in rows if index < len(row) and row[index]]
        numbered = [v for v in values if (n := recognise(v)) is not None and n.value is not None]
        if values and len(numbered) * 2 > len(values):
            return index
    return None


def _lead_before_responsible(columns: Columns) -> None:
    """责任单位 | 牵头单位 in that order: 牵头 still leads."""
    if columns.lead is None or columns.responsible is None:
        return
    lead, responsible = columns.headers[columns.lead], columns.headers[columns.responsible]
    if "牵头" in responsible and "牵头" not in lead:
        columns.lead, columns.responsible = columns.responsible, columns.lead


def _role_of(name: str) -> str:
    if _NUMBER.search(name):
        return "number"
    if _LEADER.search(name):
        return "extra"
    for pattern, role in (
        (_GUIDE, "guide"),
        (_SUPPORT, "support"),
        (_LEAD, "lead"),
        (_DUE, "due"),
        (_CATEGORY, "category"),
        (_TEXT, "text"),
    ):
        if pattern.search(name):
            return role
    return "extra"


def _place_text_columns(columns: Columns, texts: list[int], rows: list[tuple[str, ...]]) -> None:
    """The last task column holds the text; before it, a repeating one groups rows, a
    名称 column titles them."""
    if not texts:
        return
    columns.text = texts[-1]
    for index in texts[:-1]:
        if _repeats(index, rows) or columns.title is not None:
            columns.categories.append(index)
        else:
            columns.title = index
    if columns.title is None and len(texts) == 1 and _TITLE.search(columns.headers[texts[0]]):
        columns.title, columns.text = texts[0], None
    columns.categories.sort()


def _repeats(index: int, rows: list[tuple[str, ...]]) -> bool:
    values = [row[index] for row in rows if index < len(row) and row[index]]
    return any(a == b for a, b in itertools.pairwise(values))


def read_row(cells: tuple[str, ...], columns: Columns) -> RowFields:
    def cell(index: int | None) -> str:
        return cells[index].strip() if index is not None and index < len(cells) else ""

    used = {
        columns.number,
        columns.title,
        columns.text,
        columns.lead,
        columns.support,
        columns.due,
        columns.responsible,
        columns.guide,
        *columns.categories,
    }
    extras = [
        (columns.headers[i], cell(i))
        for i in range(len(columns.headers))
        if i not in used and cell(i) and columns.headers[i]
    ]
    extras = list(dict.fromkeys(extras))
    number, title, text = cell(columns.number), cell(columns.title), cell(columns.text)
    if columns.numbered is not None:
        number, rest = _leading_number(cell(columns.numbered))
        if columns.numbered == columns.text:
            text = rest
        else:
            title = rest
    return RowFields(
        number,
        [cell(i) for i in columns.categories],
        title,
        text,
        cell(columns.lead),
        cell(columns.support),
        cell(columns.due),
        extras,
        columns.word_for_lead(),
        columns.word_for_support(),
        cell(columns.responsible),
        cell(columns.guide),
    )


def _leading_number(value: str) -> tuple[str, str]:
    from planctl.importer.numbering import recognise

    found = recognise(value)
    if found is None or found.value is None:
        return "", value
    return found.written, found.rest


def is_header_again(cells: tuple[str, ...], columns: Columns) -> bool:
    """A header row repeated further down (tables split across pages)."""
    return tuple(_compact(c) for c in cells) == columns.headers


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)
