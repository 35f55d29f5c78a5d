"""What went wrong when YAML cannot be read, in the terms of the person who typed it.

libyaml reports where it gave up ("could not find expected ':'"); the cause is often
somewhere else, and typed with a Chinese input method: a full-width colon `：` after a
key, a full-width space in the indentation, a tab, a quote never closed. `find_cause`
looks for these in the text around the error and names the character and its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from planctl.i18n import _

_FULL_WIDTH_SPACE = "\u3000"
_KEY_WITH_FULL_WIDTH_COLON = re.compile(
    r"^[ \u3000]*(?:- )?(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*(?P<colon>：)"
)
_QUOTED_SCALAR = "while scanning a quoted scalar"
_FLOW = ("while parsing a flow sequence", "while parsing a flow mapping")


@dataclass(frozen=True)
class Cause:
    """The character to blame, at its 1-based line and column, and how to fix it."""

    line: int
    column: int
    message: str
    hint: str


def find_cause(text: str, error: Any) -> Cause | None:
    """The typed cause of the YAML `error` in `text`, when it is one planctl knows."""
    lines = text.split("\n")
    mark = getattr(error, "problem_mark", None)
    last = min(len(lines), (mark.line + 1) if mark is not None else len(lines))
    context = str(getattr(error, "context", "") or "")
    start = getattr(error, "context_mark", None)
    if context.startswith(_QUOTED_SCALAR) and start is not None:
        return _unclosed_quote(lines, start.line, start.column)
    if context.startswith(_FLOW) and start is not None:
        return _unclosed_bracket(lines, start.line, start.column)
    return _typed_character(lines, last)


def _typed_character(lines: list[str], last: int) -> Cause | None:
    """A full-width colon after a key, a full-width space or tab in the indentation."""
    for number in range(last):
        line = lines[number]
        if match := _KEY_WITH_FULL_WIDTH_COLON.match(line):
            key = match["key"]
            return Cause(
                number + 1,
                match.start("colon") + 1,
                _("a full-width colon `：` follows the key `{key}`").format(key=key),
                _("write the key with an ordinary colon and a space: `{key}: …`").format(key=key),
            )
        indent = line[: len(line) - len(line.lstrip(" \t" + _FULL_WIDTH_SPACE))]
        if _FULL_WIDTH_SPACE in indent:
            return Cause(
                number + 1,
                indent.index(_FULL_WIDTH_SPACE) + 1,
                _("a full-width space (U+3000) in the indentation"),
                _("indent with ordinary spaces: delete the full-width space and type spaces"),
            )
        if "\t" in indent:
            return Cause(
                number + 1,
                indent.index("\t") + 1,
                _("a tab character in the indentation"),
                _("indent with spaces: YAML does not allow tabs for indentation"),
            )
    return None


def _unclosed_quote(lines: list[str], line: int, column: int) -> Cause:
    quote = lines[line][column] if column < len(lines[line]) else '"'
    return Cause(
        line + 1,
        column + 1,
        _("the quote {quote} opened here is never closed").format(quote=quote),
        _("end the text with {quote} on the same line, or remove the opening {quote}").format(
            quote=quote
        ),
    )


def _unclosed_bracket(lines: list[str], line: int, column: int) -> Cause:
    bracket = lines[line][column] if column < len(lines[line]) else "["
    closing = "]" if bracket == "[" else "}"
    return Cause(
        line + 1,
        column + 1,
        _("the {bracket} opened here is not closed").format(bracket=bracket),
        _("close it with {closing}, and separate the items with commas").format(closing=closing),
    )


def typed_key_cause(key: str) -> tuple[str, str] | None:
    """Why a key read from the file is not the key meant: a full-width space or colon in it
    (`　title` indented with a full-width space reads as a key of its own)."""
    plain = key.replace(_FULL_WIDTH_SPACE, "").strip()
    if _FULL_WIDTH_SPACE in key:
        return (
            _("the key `{key}` holds a full-width space (U+3000)").format(key=key),
            _("indent with ordinary spaces and write the key as `{plain}:`").format(plain=plain),
        )
    if "：" in key:
        name = plain.split("：", 1)[0].strip()
        return (
            _("the key `{key}` holds a full-width colon `：`").format(key=key),
            _("write the key with an ordinary colon and a space: `{key}: …`").format(key=name),
        )
    return None
