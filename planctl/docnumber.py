"""发文字号 (document numbers) of the form 代字〔年份〕序号号, e.g. 肇府办〔2012〕22号.

GB/T 9704-2012 fixes the form: the year in full inside 六角括号 〔〕, the serial number
without leading zeros and without 第. Parsing is strict; when the text is off in a
known way, the error carries the corrected form as ``suggestion``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

from planctl.errors import DocNumberError

__all__ = ["DocNumber", "DocNumberError", "parse_doc_number"]

OPEN = "〔"  # U+3014 LEFT TORTOISE SHELL BRACKET
CLOSE = "〕"  # U+3015 RIGHT TORTOISE SHELL BRACKET

MIN_YEAR = 1000
MAX_YEAR = 9999

# The one accepted form. [0-9] rather than \d, which also matches full-width digits;
# \s stays Unicode-aware so the ideographic space (U+3000) is excluded from the prefix.
_CANONICAL = re.compile(
    r"(?P<prefix>[^\s〔〕\[\]【】()（）]+)〔(?P<year>[0-9]{4})〕(?P<serial>[1-9][0-9]*)号"
)
_FORBIDDEN_IN_PREFIX = re.compile(r"[\s〔〕\[\]【】()（）]")

# Brackets people type instead of 〔〕: ASCII, full-width, lenticular and similar.
_ANY_OPEN = "[［【〖〘(（〔"
_ANY_CLOSE = "]］】〗〙)）〕"
_BRACKETED_NUMBER = re.compile(
    f"(?P<open>[{re.escape(_ANY_OPEN)}])(?P<year>[0-9]+)(?P<close>[{re.escape(_ANY_CLOSE)}])"
)

# Two-digit years are read with a fixed pivot, so parsing never depends on today's
# date: documents numbered this way are all from after 1949, so 50-99 → 19xx and
# 00-49 → 20xx. The notice-date check still catches a wrong century.
_TWO_DIGIT_YEAR_PIVOT = 50

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# The loose shape used only to explain what is wrong with a text that cannot be repaired.
_LOOSE = re.compile(r"(?P<prefix>[^〔]*)〔(?P<year>[^〕]*)〕(?P<rest>.*)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class DocNumber:
    """A parsed 发文字号: 机关代字, year and serial number; ``str()`` gives the canonical form."""

    prefix: str
    year: int
    serial: int

    def __post_init__(self) -> None:
        if not self.prefix or _FORBIDDEN_IN_PREFIX.search(self.prefix):
            raise DocNumberError(f"机关代字 {self.prefix!r} must be non-empty, without brackets")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise DocNumberError(f"year {self.year} is outside {MIN_YEAR}-{MAX_YEAR}")
        if self.serial < 1:
            raise DocNumberError(f"serial number {self.serial} must be 1 or more")

    def __str__(self) -> str:
        return f"{self.prefix}{OPEN}{self.year}{CLOSE}{self.serial}号"


def parse_doc_number(text: str) -> DocNumber:
    """Parse a 发文字号 such as 肇府办〔2012〕22号, strictly.

    Raises :class:`DocNumberError` for anything else, with ``suggestion`` set to the
    corrected form when one can be derived (e.g. 肇府办[2012]022号 → 肇府办〔2012〕22号).
    """
    if match := _CANONICAL.fullmatch(text):
        return _build_or_explain(text, match, problems=[])
    problems, repaired = _repair(text)
    if problems and (match := _CANONICAL.fullmatch(repaired)):
        _build_or_explain(text, match, problems)  # the repaired form must be in range too
        raise DocNumberError(_describe(text, problems), suggestion=repaired)
    raise DocNumberError(_describe(text, problems + _explain_unrepairable(repaired)))


def _build_or_explain(text: str, match: re.Match[str], problems: list[str]) -> DocNumber:
    """Make a DocNumber from a canonical match; on a range error, report it with ``problems``."""
    try:
        return DocNumber(match["prefix"], int(match["year"]), int(match["serial"]))
    except DocNumberError as error:
        raise DocNumberError(_describe(text, [*problems, str(error)])) from None


def _describe(text: str, problems: list[str]) -> str:
    # repr() so that stray spaces and look-alike brackets are visible in the message.
    details = "; ".join(problems) or "it does not match the form"
    return f"{text!r} is not a document number of the form 代字〔年份〕序号号: {details}"


# --- Repairs -----------------------------------------------------------------------
# Each repair returns the text with one kind of mistake fixed and a description of
# the mistake, or None when the text does not have that mistake. They run in order,
# each on the output of the one before.

_Repair: TypeAlias = Callable[[str], tuple[str, str] | None]


def _remove_spaces(text: str) -> tuple[str, str] | None:
    fixed = re.sub(r"\s+", "", text)
    return (fixed, "it contains whitespace") if fixed != text else None


def _use_ascii_digits(text: str) -> tuple[str, str] | None:
    fixed = text.translate(_FULL_WIDTH_DIGITS)
    return (fixed, "it uses full-width digits") if fixed != text else None


def _use_tortoise_shell_brackets(text: str) -> tuple[str, str] | None:
    match = _BRACKETED_NUMBER.search(text)
    if match is None or (match["open"], match["close"]) == (OPEN, CLOSE):
        return None
    fixed = f"{text[: match.start()]}{OPEN}{match['year']}{CLOSE}{text[match.end() :]}"
    wrong = f"{match['open']} {match['close']}"
    return fixed, f"the year must be in 六角括号 〔〕, not {wrong}"


def _expand_two_digit_year(text: str) -> tuple[str, str] | None:
    match = re.search(f"{OPEN}([0-9]{{2}}){CLOSE}", text)
    if match is None:
        return None
    short = int(match[1])
    century = 1900 if short >= _TWO_DIGIT_YEAR_PIVOT else 2000
    year = century + short
    fixed = f"{text[: match.start()]}{OPEN}{year}{CLOSE}{text[match.end() :]}"
    return fixed, f"the year must be written in full ({year}, not {match[1]})"


def _drop_di(text: str) -> tuple[str, str] | None:
    fixed = text.replace(f"{CLOSE}第", CLOSE, 1)
    return (fixed, "the serial number must not have 第 before it") if fixed != text else None


def _drop_leading_zeros(text: str) -> tuple[str, str] | None:
    fixed = re.sub(f"{CLOSE}0+(?=[1-9])", CLOSE, text, count=1)
    return (fixed, "the serial number must not have leading zeros") if fixed != text else None


def _add_hao(text: str) -> tuple[str, str] | None:
    if re.fullmatch(f".*{CLOSE}[0-9]+", text) is None:
        return None
    return text + "号", "the serial number must be followed by 号"


_REPAIRS: tuple[_Repair, ...] = (
    _remove_spaces,
    _use_ascii_digits,
    _use_tortoise_shell_brackets,
    _expand_two_digit_year,
    _drop_di,
    _drop_leading_zeros,
    _add_hao,
)


def _repair(text: str) -> tuple[list[str], str]:
    """Apply every repair that fits; return what was wrong and the repaired text."""
    problems: list[str] = []
    for repair in _REPAIRS:
        if result := repair(text):
            text, problem = result
            problems.append(problem)
    return problems, text


# --- Explaining what cannot be repaired ---------------------------------------------


def _explain_unrepairable(text: str) -> list[str]:
    """Say which part of a (partly repaired) text still breaks the canonical form."""
    if not text:
        return ["it is empty"]
    match = _LOOSE.fullmatch(text)
    if match is None:
        return ["it has no year in 〔〕"]
    problems = _explain_prefix(match["prefix"]) + _explain_year(match["year"])
    return problems + _explain_serial(match["rest"])


def _explain_prefix(prefix: str) -> list[str]:
    if not prefix:
        return ["the 机关代字 before 〔 is missing"]
    if _FORBIDDEN_IN_PREFIX.search(prefix):
        return [f"the 机关代字 {prefix!r} must not contain brackets or spaces"]
    return []


def _explain_year(year: str) -> list[str]:
    if re.fullmatch("[0-9]{4}", year):
        return []
    return [f"the year in 〔〕 must be four digits, not {year!r}"]


def _explain_serial(rest: str) -> list[str]:
    if re.fullmatch("[1-9][0-9]*号", rest):
        return []
    if rest in ("", "号"):
        return ["the serial number after 〕 is missing"]
    if re.fullmatch("0+号?", rest):
        return ["the serial number must be 1 or more"]
    return [f"after 〔年份〕 expected a serial number and 号, found {rest!r}"]
