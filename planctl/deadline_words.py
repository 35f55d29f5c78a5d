"""Deadlines as officers write them: 2023年6月底前, 第二季度, 上半年, 年底前, 长期坚持.

`read_worded` turns one such wording into a stored deadline (2023-06, 2023-Q2,
2023-H1, 2023, ongoing) or refuses it with a reason and a fix that is itself a valid
value. A wording without a year takes the year of the plan's period when the period
lies within one year; otherwise the year must be written. `planctl fmt` stores the
result in `due` and keeps the words in `due_text`.

The whole value must be one deadline: 2023年6月底前完成 is one, "6月底前完成方案，12月底
前完成建设" is two (a task deadline and a milestone) and is refused with that advice.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass

from planctl.deadlines import (
    MAX_YEAR,
    MIN_YEAR,
    Deadline,
    DeadlineError,
    DeadlineKind,
    parse_deadline,
)
from planctl.errors import WordedDeadlineError
from planctl.i18n import _

__all__ = [
    "ONGOING_WORDS",
    "PlanYears",
    "WordedDeadline",
    "WordedDeadlineError",
    "is_stored_form",
    "plan_years",
    "read_worded",
]

# Every wording read as `ongoing`, longest first so that 长期坚持 wins over 长期.
ONGOING_WORDS = (
    "长期坚持",
    "持续推进",
    "长期推进",
    "常态化推进",
    "持续开展",
    "持续实施",
    "长期有效",
    "常抓不懈",
    "常态化",
    "长期",
    "持续",
)

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = "[一二三四五六七八九十]{1,3}"
_NUMBER = rf"(?:[0-9]{{1,2}}|{_CN_NUMBER})"

# Words around the deadline that do not change it: 于/到/力争…, …前完成/落实/到位.
_LEAD_IN = re.compile(r"^(?:力争|争取|确保|务必)?(?:于|在|到|至|截至|截止|截止到)?")
_TAIL = re.compile(
    r"(?:之前|以前|前)?(?:基本|全面)?(?:完成|落实|到位|实现|见效|建成|办结|启动)?(?:任务)?$"
)

_YEAR = r"(?P<year>[0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年"
_RELATIVE_YEAR = r"(?P<relative>今年|本年|当年|明年|次年)"
_ANY_YEAR = rf"(?:{_YEAR}|{_RELATIVE_YEAR})?"

_DAY = re.compile(rf"{_ANY_YEAR}(?P<month>{_NUMBER})\s*月\s*(?P<day>{_NUMBER})\s*[日号]")
_TEN_DAYS = re.compile(rf"{_ANY_YEAR}(?P<month>{_NUMBER})\s*月(?:份)?\s*(?P<tenth>上旬|中旬|下旬)")
_MONTH = re.compile(rf"{_ANY_YEAR}(?P<month>{_NUMBER})\s*月(?:份)?(?:底|末|内|份内)?")
_QUARTER = re.compile(rf"{_ANY_YEAR}第?(?P<quarter>[一二三四1-4])\s*季度(?:末|底|内)?")
_HALF = re.compile(rf"{_ANY_YEAR}(?P<half>上半年|下半年|年中)(?:末|底|内)?")
_YEAR_END = re.compile(rf"(?:{_YEAR}(?:年)?|{_RELATIVE_YEAR}|(?P<bare>年))(?:底|末|内|度内|终)")
_WHOLE_YEAR = re.compile(rf"(?:{_YEAR}|{_RELATIVE_YEAR})(?:全年|度)?")
_DOTTED = re.compile(r"(?P<year>[0-9]{4})[./-](?P<month>[0-9]{1,2})(?:[./-](?P<day>[0-9]{1,2}))?")
_LETTERED = re.compile(r"(?P<year>[0-9]{4})\s*[-年]?\s*(?P<letter>[QqHh])(?P<part>[1-4])")
_RANGE = re.compile(
    r"(?P<first>[0-9]{4})\s*年?\s*(?:—|–|-|~|～|至|到)+\s*(?P<last>[0-9]{4})\s*年(?:底|末)?"
)
_RECURRING = re.compile(r"每(?:年|季度?|半年|月|周|旬)")

_TEN_DAY_ENDS = {"上旬": 10, "中旬": 20}
_HALVES = {"上半年": 1, "年中": 1, "下半年": 2}


@dataclass(frozen=True, slots=True)
class PlanYears:
    """The first and last year of a plan's period: where a wording's missing year comes from."""

    first: int
    last: int

    def single(self) -> int | None:
        return self.first if self.first == self.last else None


@dataclass(frozen=True, slots=True)
class WordedDeadline:
    """A wording and the stored deadline it means."""

    deadline: Deadline
    words: str

    @property
    def stored(self) -> str:
        return str(self.deadline)


def plan_years(data: object) -> PlanYears | None:
    """The years of a plan's `period` (plain data), or None when it has no readable one."""
    period = data.get("period") if isinstance(data, dict) else None
    if not isinstance(period, dict):
        return None
    years = [_year_of_date(period.get(key)) for key in ("start", "end")]
    if years[0] is None or years[1] is None or years[0] > years[1]:
        return None
    return PlanYears(years[0], years[1])


def is_stored_form(value: object) -> bool:
    """True when `value` is already a stored deadline (2023-06, 2023, ongoing …)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return False
    try:
        parse_deadline(value)
    except DeadlineError:
        return False
    return True


def read_worded(text: str, years: PlanYears | None) -> WordedDeadline:
    """The stored deadline `text` means; raises `WordedDeadlineError` when there is none."""
    words = text.strip()
    core = _core(words)
    if core in ONGOING_WORDS or core.lower() == "ongoing":
        return WordedDeadline(Deadline("ongoing"), words)
    if _RECURRING.search(core):
        raise WordedDeadlineError(
            _("{words} is a recurring deadline, not one date").format(words=words),
            _("write `due: ongoing` and keep {words} in `due_note`").format(words=words),
        )
    deadline = _read_dated(core, words, years)
    if deadline is None:
        raise WordedDeadlineError(
            _("{words} is not a deadline planctl can read").format(words=words),
            _(
                "write one deadline, e.g. 2023年6月底前, 2023年第二季度, 2023年底前, 长期坚持 "
                "or a stored form such as 2023-06; put the stages of a task in `milestones`"
            ),
        )
    return WordedDeadline(deadline, words)


def _core(words: str) -> str:
    """The deadline itself: full-width digits and spaces made plain, lead-in and tail cut."""
    plain = unicodedata.normalize("NFKC", words)
    plain = re.sub(r"\s+", "", plain).strip("。；;，,.")
    plain = _LEAD_IN.sub("", plain, count=1)
    return _TAIL.sub("", plain, count=1) or plain


def _read_dated(core: str, words: str, years: PlanYears | None) -> Deadline | None:
    if match := _RANGE.fullmatch(core):
        return _make(words, "year", int(match["last"]))
    if match := _LETTERED.fullmatch(core):
        kind: DeadlineKind = "quarter" if match["letter"] in "Qq" else "half"
        return _make(words, kind, int(match["year"]), int(match["part"]))
    if match := _DOTTED.fullmatch(core):
        year, month = int(match["year"]), int(match["month"])
        if match["day"]:
            return _make(words, "day", year, month, int(match["day"]))
        return _make(words, "month", year, month)
    if match := _DAY.fullmatch(core):
        year = _year(match, words, years)
        return _make(words, "day", year, _number(match["month"]), _number(match["day"]))
    if match := _TEN_DAYS.fullmatch(core):
        year, month = _year(match, words, years), _number(match["month"])
        if match["tenth"] == "下旬":
            return _make(words, "month", year, month)
        return _make(words, "day", year, month, _TEN_DAY_ENDS[match["tenth"]])
    if match := _MONTH.fullmatch(core):
        return _make(words, "month", _year(match, words, years), _number(match["month"]))
    return _read_parts_of_year(core, words, years)


def _read_parts_of_year(core: str, words: str, years: PlanYears | None) -> Deadline | None:
    if match := _QUARTER.fullmatch(core):
        return _make(words, "quarter", _year(match, words, years), _number(match["quarter"]))
    if match := _HALF.fullmatch(core):
        return _make(words, "half", _year(match, words, years), _HALVES[match["half"]])
    if match := _YEAR_END.fullmatch(core):
        return _make(words, "year", _year(match, words, years))
    if (match := _WHOLE_YEAR.fullmatch(core)) and (match["year"] or match["relative"]):
        return _make(words, "year", _year(match, words, years))
    return None


def _make(words: str, kind: DeadlineKind, *numbers: int) -> Deadline:
    try:
        return Deadline(kind, *numbers)
    except DeadlineError as error:
        message = _("{words} is not a real date ({reason})").format(words=words, reason=error)
        raise WordedDeadlineError(message, _real_date_fix(numbers)) from None


def _real_date_fix(numbers: tuple[int, ...]) -> str:
    """A real date near the impossible one: the last day of its month, when it has one."""
    if len(numbers) == 3 and 1 <= numbers[1] <= 12 and MIN_YEAR <= numbers[0] <= MAX_YEAR:
        year, month = numbers[0], numbers[1]
        last = calendar.monthrange(year, month)[1]
        stored = f"{year}-{month:02d}-{last:02d}"
        example = f"{year}年{month}月{last}日前"
        return _("write a day that exists, e.g. {example} ({stored})").format(
            example=example, stored=stored
        )
    return _("write a month from 1 to 12 and a four-digit year, e.g. 2023年6月底前")


def _year(match: re.Match[str], words: str, years: PlanYears | None) -> int:
    """The year written, or the one the plan's period gives; refuse when neither says."""
    groups = match.groupdict()
    if groups.get("year"):
        return _year_number(groups["year"] or "")
    single = years.single() if years else None
    if single is None:
        raise _needs_year(words, years)
    relative = groups.get("relative")
    return single + 1 if relative in ("明年", "次年") else single


def _needs_year(words: str, years: PlanYears | None) -> WordedDeadlineError:
    example = f"{years.first if years else datetime.date.today().year}年{_without_year(words)}"
    if years is None:
        return WordedDeadlineError(
            _(
                "{words} does not say which year, and the plan has no `period` to take it from"
            ).format(words=words),
            _("write the year, e.g. {example}, or give the plan a `period` within one year").format(
                example=example
            ),
        )
    return WordedDeadlineError(
        _("{words} does not say which year, and the plan runs from {first} to {last}").format(
            words=words, first=years.first, last=years.last
        ),
        _("write the year, e.g. {example}").format(example=example),
    )


def _without_year(words: str) -> str:
    rest = re.sub(r"^(?:今年|本年|当年|明年|次年)", "", words)
    return rest[1:] if rest.startswith("年") and not rest.startswith("年中") else rest


def _year_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return int("".join(str(_CN_DIGITS[char]) for char in text))


def _number(text: str) -> int:
    """1-31 written in Arabic or Chinese numerals (六, 十二, 二十三)."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    tens, _, units = text.partition("十")
    if "十" not in text:
        return _CN_DIGITS[text]
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _year_of_date(value: object) -> int | None:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return int(value[:4])
    return None
