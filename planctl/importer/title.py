"""The lines before the plan's numbered body: its title, its kind, its period, and any
prose that comes first (编者按, an introduction), which becomes the preamble.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planctl.importer.lines import Line
from planctl.importer.notice import is_doc_number, parse_date
from planctl.importer.text import SENTENCE_ENDS, cn_number

KINDS = (
    "任务分解表",
    "责任分工表",
    "工作任务清单",
    "任务清单",
    "分工方案",
    "工作计划",
    "行动计划",
    "实施方案",
    "工作方案",
    "行动方案",
    "工作要点",
    "规划纲要",
    "实施意见",
    "任务分工",
    "分解表",
    "分工表",
    "清单",
    "台账",
    "要点",
    "方案",
    "计划",
    "纲要",
    "规划",
    "报告",
)
_TITLE_MAX = 60
_ATTACHMENT_LABEL = re.compile(r"附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?")
_QUOTED_TITLE = re.compile("《([^《》]{4,60}?(?:" + "|".join(KINDS) + "))》")
_RANGE = re.compile(r"([0-9]{4})\s*年?\s*(?:—|-|–|~|～|至|到)+\s*([0-9]{4})\s*年")
_FIVE_YEAR = re.compile(r"[“\"]?(?:第?)(十[一二三四五六七八九])(?:个)?[”\"]?\s*五年?")
_YEAR = re.compile(r"([0-9]{4})\s*年(?!\s*更新)")
_MONTH_DATE = re.compile(
    r"(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})年(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月"
)
_NOTICE_WORDS = re.compile(r"^(?:关于)?(?:印发|转发|下发|发布)?|的?(?:通知|通报)$")


@dataclass
class Head:
    """What the lines before the body say."""

    title: str | None = None
    preamble: list[dict[str, str]] = field(default_factory=list)
    unplaced: list[tuple[Line, str]] = field(default_factory=list)


def read_head(lines: list[Line]) -> Head:
    """Title lines first (the run nearest the body that names a kind of plan), then prose."""
    head = Head()
    lines = [line for line in lines if line.text]
    if lines and _ATTACHMENT_LABEL.fullmatch(lines[0].text):
        head.unplaced.append((lines[0], "the attachment label in front of the plan"))
        lines = lines[1:]
    runs, rest = _title_runs(lines)
    chosen = _named_run(runs)
    if chosen is None and runs and _quoted_title(lines) is None:
        chosen = runs[0]
    if chosen is not None:
        head.title = "".join(line.text for line in chosen)
        runs.remove(chosen)
    prose = [line for run in runs for line in run] + rest
    for line in prose:
        if _is_date(line.raw):
            head.unplaced.append((line, "a date with no place in the plan format"))
        elif is_doc_number(line.raw):
            head.unplaced.append((line, "a 发文字号 with no notice to hold it"))
    prose = [line for line in prose if not _is_date(line.raw) and not is_doc_number(line.raw)]
    head.preamble = _preamble(prose)
    if head.title is None:
        head.title = _quoted_title(prose)
    return head


def _title_runs(lines: list[Line]) -> tuple[list[list[Line]], list[Line]]:
    runs: list[list[Line]] = []
    position = 0
    while position < len(lines) and _title_like(lines[position].text):
        line = lines[position]
        if (runs and not _ends_title(runs[-1][-1].text)) or (runs and line.text[0] in "（(—"):
            runs[-1].append(line)
        else:
            runs.append([line])
        position += 1
    return runs, lines[position:]


def _title_like(text: str) -> bool:
    return (
        len(text) <= _TITLE_MAX
        and not any(m in text for m in SENTENCE_ENDS)
        and not text.endswith(("：", ":"))
        and not _is_date(text)
    )


def _ends_title(text: str) -> bool:
    bare = re.sub(r"[（(][^（）()]*[）)]$", "", text)
    return bare.endswith((*KINDS, "通知"))


def _named_run(runs: list[list[Line]]) -> list[Line] | None:
    named = [run for run in runs if kind_of("".join(line.text for line in run))]
    return named[-1] if named else None


def _is_date(text: str) -> bool:
    compact = text.replace(" ", "")
    return (
        parse_date(text) is not None
        or bool(_MONTH_DATE.fullmatch(compact))
        or bool(re.fullmatch(r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}", compact))
    )


def _quoted_title(lines: list[Line]) -> str | None:
    for line in lines:
        if match := _QUOTED_TITLE.search(line.text):
            return match[1]
    return None


def _preamble(lines: list[Line]) -> list[dict[str, str]]:
    """Short lines followed by prose title a part; the prose is its text."""
    parts: list[dict[str, str]] = []
    pending_title: str | None = None
    for position, line in enumerate(lines):
        following = lines[position + 1] if position + 1 < len(lines) else None
        if _title_like(line.text) and following is not None and not _title_like(following.text):
            pending_title = line.text
            continue
        if pending_title is not None or not parts:
            parts.append({"title": pending_title} if pending_title else {})
            pending_title = None
        parts[-1]["text"] = (
            f"{parts[-1]['text']}\n\n{line.text}" if "text" in parts[-1] else line.text
        )
    return parts


def title_from_notice(notice_title: str) -> str:
    """印发肇庆市实施《珠三角规划纲要》2012年工作计划的通知 → the plan's own title."""
    inner = _NOTICE_WORDS.sub("", notice_title)
    if inner.startswith("《") and inner.endswith("》"):
        inner = inner[1:-1]
    return inner or notice_title


def kind_of(title: str) -> str | None:
    """The kind of plan its title names (工作计划, 任务分解表…), by the latest mention."""
    best: tuple[int, str] | None = None
    for kind in KINDS:
        at = title.rfind(kind)
        if at >= 0 and (best is None or at + len(kind) > best[0]):
            best = (at + len(kind), kind)
    return best[1] if best else None


def period_of(title: str) -> tuple[str, str] | None:
    """The plan's period from its title: 2023—2025年, 十四五, or one year."""
    if match := _RANGE.search(title):
        start, end = int(match[1]), int(match[2])
    elif (match := _FIVE_YEAR.search(title)) and (ordinal := cn_number(match[1])):
        start = 2006 + 5 * (ordinal - 11)
        end = start + 4
    elif match := _YEAR.search(title):
        start = end = int(match[1])
    else:
        return None
    if not 1900 <= start <= end <= 2100:
        return None
    return f"{start}-01-01", f"{end}-12-31"
