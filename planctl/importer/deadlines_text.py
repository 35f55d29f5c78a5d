"""Deadlines written in words (2023年10月底前, 6月底前, 第二季度, 上半年, 年底前, 长期坚持)
turned into stored `due` values (2023-10, 2012-06, 2012-Q2, 2012-H1, 2012, ongoing).

Two strengths: a deadline field, cell or owner-group clause is read whatever its
wording; running text yields only wordings that clearly set a deadline (…底前, 到2012年底),
since 持续推进 or 上半年 in a sentence is usually not one. A wording without a year takes
the plan's year; with none known it is kept as `due_note`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from planctl.deadlines import Deadline, DeadlineError
from planctl.i18n import _, quote
from planctl.importer.text import number_value

_NUM = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_YEAR = r"(?:(?P<y>[0-9]{4})\s*年|(?P<rel>今年|本年|当年|明年))?"
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("range", re.compile(r"(?P<y>[0-9]{4})\s*年?\s*(?:—|-|–|~|～|至|到)+\s*(?P<y2>[0-9]{4})\s*年")),
    ("day", re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})(?![0-9])")),
    ("month", re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})(?![0-9./-])")),
    ("day", re.compile(_YEAR + rf"(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日号]")),
    ("month", re.compile(_YEAR + rf"(?P<m>{_NUM})\s*月(?:份)?(?:[上中下]旬)?(?:底|末)?")),
    ("quarter", re.compile(_YEAR + r"第?(?P<q>[一二三四1-4])\s*季度")),
    ("half", re.compile(_YEAR + r"(?P<h>上半年|下半年|年中)")),
    (
        "year",
        re.compile(
            r"(?:(?P<y>[0-9]{4})\s*年|(?P<rel>今年|本年|当年|明年|年))"
            r"(?:底|末|内|度内|度)"
        ),
    ),
    ("full-year", re.compile(r"(?P<y>[0-9]{4})\s*年(?![0-9一二三四五六七八九十上下第]|度)")),
)
_ONGOING = re.compile(
    r"长期坚持|持续推进|长期推进|常态化推进|持续开展|持续实施|长期有效|常态化|长期|持续"
)
# In running text only these set a deadline: an explicit 前, or 到/至 + a year.
_CLEAR = re.compile(r"(?:底|末|[日号]|月|季度|半年)\s*(?:前|之前|以前)|^(?:到|至)")
_HALVES = {"上半年": 1, "年中": 1, "下半年": 2}


@dataclass(frozen=True, slots=True)
class Due:
    """A deadline read from words: `due` when it could be stored, else a `note`."""

    due: str | None
    note: str | None = None


def is_deadline_phrase(text: str) -> bool:
    """True when all of `text` is a deadline wording (a clause such as 2023年底前完成)."""
    core = re.sub(
        r"^(?:于|在|到|至|截至|力争|确保)|(?:前|之前|以前)?(?:完成|落实|到位|实现|推进)?$",
        "",
        text.strip("。；，, "),
    )
    core = re.sub(r"(?:前|之前|以前)$", "", core)
    if not core:
        return False
    if _ONGOING.fullmatch(core):
        return True
    return any(_span_is_all(pattern, core) for _, pattern in _FORMS)


def _span_is_all(pattern: re.Pattern[str], text: str) -> bool:
    match = pattern.fullmatch(text)
    return match is not None


def read_field(text: str, year: int | None) -> Due:
    """A deadline field, cell or clause: the latest deadline it names, or a note."""
    found = list(_deadlines(text, year))
    if found:
        return Due(str(max(found, key=lambda d: d.sort_key())))
    if _ONGOING.search(text):
        return Due("ongoing")
    cleaned = text.strip("。；，, ")
    return Due(None, cleaned or None)


def find_in_text(text: str, year: int | None) -> str | None:
    """The latest deadline that running text clearly sets (…底前, 到2012年底), if any."""
    found = [deadline for match, deadline in _matches(text, year) if _sets_deadline(text, match)]
    return str(max(found, key=lambda d: d.sort_key())) if found else None


def _sets_deadline(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 1) : match.start()]
    after = text[match.end() : match.end() + 2]
    return after.startswith(("前", "之前", "以前")) or before in ("到", "至")


def _deadlines(text: str, year: int | None) -> Iterator[Deadline]:
    for _text, deadline in _matches(text, year):
        yield deadline


def _matches(text: str, year: int | None) -> Iterator[tuple[re.Match[str], Deadline]]:
    """Every deadline wording in `text`, left to right, without overlaps; a wording
    without a year takes the last year written before it."""
    spotted: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in _FORMS:
        for match in pattern.finditer(text):
            if not any(m.start() < match.end() and match.start() < m.end() for _, m in spotted):
                spotted.append((kind, match))
    context = year
    for kind, match in sorted(spotted, key=lambda found: found[1].start()):
        deadline = _build(kind, match, context)
        if deadline is not None:
            yield match, deadline
            context = _year_of(match, context) if kind != "range" else context


def _year_of(match: re.Match[str], context: int | None) -> int | None:
    explicit = match.groupdict().get("y")
    return int(explicit) if explicit else context


def _build(kind: str, match: re.Match[str], context: int | None) -> Deadline | None:
    groups = match.groupdict()
    year = _resolve_year(groups, context)
    try:
        if kind == "range":
            return Deadline("year", int(groups["y2"]))
        if year is None:
            return None
        if kind == "day":
            return Deadline("day", year, _value(groups["m"]), _value(groups["d"]))
        if kind == "month":
            return Deadline("month", year, _value(groups["m"]))
        if kind == "quarter":
            return Deadline("quarter", year, _value(groups["q"]))
        if kind == "half":
            return Deadline("half", year, _HALVES[groups["h"]])
        return Deadline("year", year)
    except DeadlineError:
        return None


def _resolve_year(groups: dict[str, str | None], context: int | None) -> int | None:
    if groups.get("y"):
        return int(groups["y"] or 0)
    relative = groups.get("rel")
    if relative == "明年":
        return context + 1 if context else None
    return context


def _value(text: str | None) -> int:
    value = number_value(text or "")
    if value is None:
        raise DeadlineError(_("{text} is not a number").format(text=quote(text or "")))
    return value
