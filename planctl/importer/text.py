"""Plain-text helpers shared by the importer: cleaning, punctuation, brackets, sentences.

Documents copied from web pages or converted from PDF mix ASCII and full-width
punctuation and scatter spaces between Chinese characters. The importer reads every
line through `clean` (what the line says, exactly) and `normalize` (the same words in
the full-width punctuation and spacing an official document uses).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Characters that never carry meaning in a document line.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_FULL_WIDTH_ALNUM = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
)
_SPACES = re.compile(r"[ \t\u3000\u00a0\u2002-\u200a\u202f\u205f]+")

# ASCII punctuation that an official text writes full-width next to Chinese.
_WIDE_FORM = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}

OPENERS = "（(〔【[《“‘「『"
CLOSERS = "）)〕】]》”’」』"
_PAIR = dict(zip(OPENERS, CLOSERS, strict=True))
SENTENCE_ENDS = "。；！？"


def clean(line: str) -> str:
    """The line without invisible or control characters, with single ASCII spaces."""
    line = line.translate(_INVISIBLE)
    line = "".join(c for c in line if c == "\t" or unicodedata.category(c) != "Cc")
    return _SPACES.sub(" ", line).strip()


def is_wide(char: str) -> bool:
    """True for Chinese characters and the full-width punctuation around them."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF01 <= code <= 0xFF60
        or 0x20000 <= code <= 0x3FFFF
        or char in "“”‘’—…·①②③④⑤⑥⑦⑧⑨⑩"
    )


def normalize(line: str) -> str:
    """`clean` plus full-width punctuation and no spaces next to Chinese characters."""
    text = clean(line).translate(_FULL_WIDTH_ALNUM)
    while True:  # a widened mark can make its neighbour widen too: repeat until stable
        settled = _drop_spaces_near_wide(_widen_punctuation(_drop_spaces_near_wide(text)))
        if settled == text:
            return text
        text = settled


def _drop_spaces_near_wide(text: str) -> str:
    kept: list[str] = []
    for index, char in enumerate(text):
        # "1 深化…" keeps its space: the space is what makes the 1 a heading number.
        if char == " " and not _after_leading_number(text, index) and _joins(text, index):
            continue
        kept.append(char)
    return "".join(kept)


def _joins(text: str, index: int) -> bool:
    """A space to drop: next to full-width punctuation, or between Chinese and a digit or
    Latin letter (2035 年). A space between two Chinese words is kept (赵可义 韩学广)."""
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if not before or not after or after in ",.;:!?)":
        return True
    if _is_wide_mark(before) or _is_wide_mark(after):
        return True
    return is_wide(before) != is_wide(after)


def _is_wide_mark(char: str) -> bool:
    return is_wide(char) and unicodedata.category(char).startswith("P")


def _after_leading_number(text: str, index: int) -> bool:
    return 0 < index <= 2 and text[:index].isdigit() and text[:index].isascii()


def _widen_punctuation(text: str) -> str:
    chars = list(text)
    pairs = _ascii_paren_pairs(text)
    for index, char in enumerate(chars):
        if char not in _WIDE_FORM:
            continue
        partner = pairs.get(index)
        if (
            _near_wide(text, index)
            or (partner is not None and _near_wide(text, partner))
            or (partner is not None and _holds_wide(text, index, partner))
        ):
            chars[index] = _WIDE_FORM[char]
    return "".join(chars)


def _near_wide(text: str, index: int) -> bool:
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return bool((before and is_wide(before)) or (after and is_wide(after)))


def _holds_wide(text: str, first: int, second: int) -> bool:
    low, high = sorted((first, second))
    return any(is_wide(c) for c in text[low + 1 : high])


def _ascii_paren_pairs(text: str) -> dict[int, int]:
    """Matching ASCII parentheses, both ways: {open: close, close: open}."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for index, char in enumerate(text):
        if char == "(":
            stack.append(index)
        elif char == ")" and stack:
            opened = stack.pop()
            pairs[opened], pairs[index] = index, opened
    return pairs


def wide_parens(text: str) -> str:
    """Unit names use full-width parentheses: 各县(市、区)政府 → 各县（市、区）政府."""
    return text.replace("(", "（").replace(")", "）")


# --- brackets and sentences -------------------------------------------------------------


def matching_open(text: str, close_index: int) -> int | None:
    """The index of the bracket that the bracket at `close_index` closes, if any."""
    closer = text[close_index]
    depth: list[str] = [closer]
    for index in range(close_index - 1, -1, -1):
        char = text[index]
        if char in CLOSERS:
            depth.append(char)
        elif char in OPENERS:
            if _PAIR[char] != depth[-1] and not _both_parens(_PAIR[char], depth[-1]):
                return None
            depth.pop()
            if not depth:
                return index
    return None


def _both_parens(first: str, second: str) -> bool:
    return first in "）)" and second in "）)"


def top_level_spans(text: str) -> Iterator[tuple[int, int]]:
    """(open, close) index pairs of the outermost bracket groups in `text`."""
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in OPENERS:
            if depth == 0:
                start = index
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
            if depth == 0:
                yield start, index


def split_top_level(text: str, separators: str) -> list[str]:
    """Split on any of `separators` outside brackets and quotes; pieces are stripped."""
    pieces: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
        if char in separators and depth == 0:
            pieces.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    pieces.append("".join(current).strip())
    return pieces


def sentences(text: str) -> list[str]:
    """Sentences with their end mark (。；！？), split outside brackets and quotes."""
    found: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
        elif char in SENTENCE_ENDS and depth == 0:
            found.append(text[start : index + 1])
            start = index + 1
    if text[start:].strip():
        found.append(text[start:])
    return [s.strip() for s in found if s.strip()]


def strip_end_mark(text: str) -> str:
    return text.rstrip(SENTENCE_ENDS + "，,:：、 ")


# --- Chinese numerals -------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "0": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "零〇○一二两三四五六七八九十百千"


def cn_number(text: str) -> int | None:
    """The value of a Chinese numeral such as 十四, 二十, 一百零五 (None if it is not one)."""
    if not text or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in text):
        return None
    total, digit = 0, None
    for char in text:
        if char in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
        else:
            digit = _CN_DIGITS[char]
    return total + (digit or 0)


def cn_digits(text: str) -> int | None:
    """A year written digit by digit: 二○一二 → 2012."""
    if not text or any(c not in _CN_DIGITS for c in text):
        return None
    return int("".join(str(_CN_DIGITS[c]) for c in text))


def number_value(text: str) -> int | None:
    """Arabic or Chinese numerals, whichever `text` is."""
    if text.isdigit() and text.isascii():
        return int(text)
    return cn_number(text)
