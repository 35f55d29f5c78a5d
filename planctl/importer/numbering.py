"""Heading numbers (一、 （一） 1. 1、 （1） ① 第X章 第X节 …) and the outline they make.

`recognise` reads the number at the start of a line. `Outline` nests numbered items
the way a reader does: a number style seen before closes everything opened after it
(a sibling), a new style opens a level below the current one (a child). Unnumbered
paragraphs belong to the item above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planctl.importer.lines import Line
from planctl.importer.text import CN_NUMERAL, cn_number, number_value

_CN = f"[{CN_NUMERAL}]+"
_PAREN_OPEN = "[（(]"
_PAREN_CLOSE = "[）)]"

# (style, pattern); the first group is the number, the match ends where the text starts.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"第({_CN}|[0-9]+)部分[:：、]?\s*")),
    ("chapter", re.compile(rf"第({_CN}|[0-9]+)章[:：、]?\s*")),
    ("jie", re.compile(rf"第({_CN}|[0-9]+)节[:：、]?\s*")),
    ("article", re.compile(rf"第({_CN}|[0-9]+)条[:：、]?\s*")),
    ("cn", re.compile(rf"({_CN})\s*[、，,．.]\s*")),
    ("cn-paren", re.compile(rf"{_PAREN_OPEN}\s*({_CN})\s*{_PAREN_CLOSE}\s*[、.．]?\s*")),
    ("num-paren", re.compile(rf"{_PAREN_OPEN}\s*([0-9]{{1,3}})\s*{_PAREN_CLOSE}\s*[、.．]?\s*")),
    (
        "dotted",
        re.compile(r"([0-9]{1,3}(?:[.．][0-9]{1,3})+)(?:[.．、]|\s|(?=[^0-9.．%万亿个倍]))\s*"),
    ),
    ("dot", re.compile(r"([0-9]{1,3})[.．](?![0-9])\s*")),
    ("comma", re.compile(r"([0-9]{1,3})、\s*")),
    ("half-paren", re.compile(r"([0-9]{1,3})[）)]\s*")),
    ("letter", re.compile(r"([a-zA-Z])[.．、）)]\s*")),
    ("bare", re.compile(r"([0-9]{1,2})\s+(?=[^\s0-9年月日%万亿个倍])")),
)
_CIRCLED = {chr(0x2460 + n): n + 1 for n in range(20)} | {
    chr(0x3251 + n): n + 21 for n in range(15)
}
_PAREN_IDEOGRAPH = {chr(0x3220 + n): n + 1 for n in range(10)}  # ㈠ … ㈩
_PAREN_DIGIT = {chr(0x2474 + n): n + 1 for n in range(20)}  # ⑴ … ⒇
_DOT_DIGIT = {chr(0x2488 + n): n + 1 for n in range(20)}  # ⒈ … ⒛
_BULLETS = "●•▪◆◇■□►▶✓√·❖➢▲△◎"

# Number styles that are one sequence even when a document mixes them (1. and 1、).
_ARABIC = frozenset({"dot", "comma", "half-paren", "bare"})
# Styles so common in running text that they must continue a sequence to count.
_STRICT = frozenset({"bare", "letter"})


@dataclass(frozen=True, slots=True)
class Number:
    """A heading number: its style, its value (None for bullets) and how it is written."""

    style: str
    value: int | None
    written: str
    rest: str


def recognise(text: str) -> Number | None:
    """The heading number at the start of `text`, or None."""
    if not text:
        return None
    special = _special_number(text)
    if special is not None:
        return special
    for style, pattern in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        number = _from_match(style, match, text)
        if number is not None:
            return number
    return None


def _special_number(text: str) -> Number | None:
    first = text[0]
    for table, style in (
        (_CIRCLED, "circled"),
        (_PAREN_IDEOGRAPH, "cn-paren"),
        (_PAREN_DIGIT, "num-paren"),
        (_DOT_DIGIT, "dot"),
    ):
        if first in table:
            return Number(style, table[first], first, text[1:].strip())
    if first in _BULLETS or (first in "-*" and text[1:2] == " "):
        return Number("bullet", None, first, text[1:].strip())
    return None


def _from_match(style: str, match: re.Match[str], text: str) -> Number | None:
    digits = match.group(1)
    written = text[: match.end()].strip()
    rest = text[match.end() :].strip()
    if style == "dotted":
        parts = re.split("[.．]", digits)
        return Number(f"dotted{len(parts)}", int(parts[-1]), written, rest)
    if style == "letter":
        return Number(style, ord(digits.lower()) - ord("a") + 1, written, rest)
    value = number_value(digits) if style not in ("cn", "cn-paren") else cn_number(digits)
    if value is None or (style == "cn" and _looks_like_prose(digits, rest)):
        return None
    return Number(style, value, written, rest)


def _looks_like_prose(digits: str, rest: str) -> bool:
    """一、二期工程… is a list of numbers, not heading 一."""
    return len(digits) > 3 or (bool(rest) and rest[0] in CN_NUMERAL and rest[1:2] in "、期批")


# --- the outline ---------------------------------------------------------------------------


@dataclass
class Para:
    """An unnumbered paragraph (or a bullet item's text) with the lines it came from."""

    text: str
    lines: list[Line]


@dataclass
class Node:
    """A numbered item (or an unnumbered label such as 目标) with what follows it."""

    number: Number | None
    heading: str
    lines: list[Line]
    paras: list[Para] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    row: object | None = None  # the table row's fields, for items read from a table
    style: str = ""

    @property
    def written(self) -> str | None:
        if self.number is None or self.number.style == "bullet":
            return None
        return self.number.written

    def walk(self) -> list[Node]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass
class _Open:
    style: str
    node: Node
    value: int | None


@dataclass
class Outline:
    """Builds the tree of items from numbered lines, labels and paragraphs, in order."""

    roots: list[Node] = field(default_factory=list)
    loose: list[Para] = field(default_factory=list)  # paragraphs before the first item
    _stack: list[_Open] = field(default_factory=list)

    def accepts(self, number: Number) -> bool:
        """Whether `number` continues the outline (strict styles must follow a sequence)."""
        if number.style not in _STRICT:
            return True
        existing = self._find(number.style)
        if existing is None:
            return number.value == 1
        return number.value in (1, (existing.value or 0) + 1)

    def add_item(self, node: Node) -> None:
        style = node.style or (node.number.style if node.number else "label")
        node.style = style
        value = node.number.value if node.number else None
        level = self._level_for(style, value)
        del self._stack[level:]
        parent = self._stack[-1].node.children if self._stack else self.roots
        parent.append(node)
        self._stack.append(_Open(style, node, value))

    def add_para(self, para: Para) -> None:
        if self._stack:
            self._stack[-1].node.paras.append(para)
        else:
            self.loose.append(para)

    def depth(self) -> int:
        return len(self._stack)

    def close_to(self, depth: int) -> None:
        """End the levels opened below `depth` (the items of a table that ended)."""
        del self._stack[depth:]

    def current(self) -> Node | None:
        return self._stack[-1].node if self._stack else None

    def _level_for(self, style: str, value: int | None) -> int:
        """Stack depth at which an item of `style` goes: a sibling's, or one deeper."""
        for depth, entry in enumerate(self._stack):
            if entry.style == style:
                return depth
        if value is not None and value > 1 and style in _ARABIC:
            for depth, entry in enumerate(self._stack):
                if entry.style in _ARABIC and entry.value == value - 1:
                    return depth
        return len(self._stack)

    def _find(self, style: str) -> _Open | None:
        return next((entry for entry in self._stack if entry.style == style), None)
