"""The proof fmt gives for every file it writes: the loader reads the formatted text as
the same data, and finds the same comments in the same places.

The loader (`planctl.yamlio`) is what every other command reads plans with; ruamel.yaml,
which fmt edits with, reads YAML a little differently (directives, a few scalars). So
fmt's output is read back the loader's way and compared with the file as it was; a file
that would come out different is refused and left as it was.
"""

from __future__ import annotations

import math
from typing import Any

from planctl.errors import Difference
from planctl.findings import JsonPath, json_path_text
from planctl.yamlio import Document, load_text
from planctl.yamlio.comments import comment_places


def check_same_meaning(original: Document, formatted: str) -> None:
    """Raise `Difference` unless `formatted` reads as `original` does."""
    after = load_text(formatted, original.file)
    if not after.readable:
        first = after.problems[0] if after.problems else None
        reason = first.message if first is not None else "no data"
        raise Difference(f"the formatted text would not read back ({reason})", (1, 1))
    path = first_difference(original.data, after.data, ())
    if path is not None:
        raise Difference(
            f"formatting would change the value at {json_path_text(path)}",
            original.locate(path),
        )
    before_places, after_places = comment_places(original.text), comment_places(formatted)
    if before_places != after_places:
        comment = _moved_comment(before_places, after_places)
        raise Difference(
            f"formatting would move the comment {comment!r}", _line_of(original.text, comment)
        )


def first_difference(old: Any, new: Any, path: JsonPath = ()) -> JsonPath | None:
    """The path of the first value that differs, types included (1 is not 1.0 nor True)."""
    if old.__class__ is not new.__class__:
        return path
    if isinstance(old, dict):
        if list(old) != list(new) and set(old) != set(new):
            return path
        for key in old:
            found = first_difference(old[key], new[key], (*path, key))
            if found is not None:
                return found
        return None
    if isinstance(old, list):
        if len(old) != len(new):
            return path
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            found = first_difference(a, b, (*path, index))
            if found is not None:
                return found
        return None
    if isinstance(old, float) and math.isnan(old) and math.isnan(new):
        return None
    return None if old == new else path


def _moved_comment(before: dict[Any, list[str]], after: dict[Any, list[str]]) -> str:
    for place in [*before, *after]:
        if before.get(place) != after.get(place):
            comments = before.get(place) or after.get(place) or [""]
            return comments[0]
    return ""


def _line_of(text: str, comment: str) -> tuple[int, int]:
    for number, line in enumerate(text.split("\n"), start=1):
        column = line.find(comment) if comment else -1
        if column != -1:
            return number, column + 1
    return (1, 1)
