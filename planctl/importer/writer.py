"""Write imported plan data as YAML in the layout people edit by hand.

Text is written as block literals (`text: |`), unit lists in flow style, ids always
quoted; a scalar is quoted whenever YAML would read it as something other than the
same string. Lines the importer did not understand are kept as comments at the end.
The result goes through `planctl.fmt.format_text` for the canonical layout.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from planctl.fmt import Kind
from planctl.i18n import _
from planctl.importer.document import Unplaced

SCHEMA_COMMENT = "# yaml-language-server: $schema={path}"
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"
_FLOW_FORBIDDEN = ",[]{}"
# Plain scalars YAML (1.1 or 1.2) reads as null, a boolean or a number: always quoted.
_NOT_A_STRING = re.compile(
    r"~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|"
    r"off|Off|OFF|=|<<|[-+]?\.?[0-9][0-9A-Za-z_:.+-]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DUE = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?|-Q[1-4]|-H[12])?|ongoing")
_ALWAYS_QUOTED = frozenset({"id", "source_number"})
_FLOW_LISTS = frozenset({"lead", "support", "recipients", "keywords", "cc"})
_DATE_KEYS = frozenset({"date", "printed", "start", "end"})


def render(
    data: dict[str, Any], unplaced: Iterable[Unplaced], *, schema_path: str | None = None
) -> str:
    """The YAML text of a plan, comments included, in canonical layout."""
    lines: list[str] = []
    if schema_path:
        lines.append(SCHEMA_COMMENT.format(path=schema_path))
    for key, value in data.items():
        if key in ("notice", "preamble", "sections", "tasks"):
            lines.append("")
        lines.extend(_entry(key, value, 0))
    lines.extend(_comments(list(unplaced)))
    return _canonical("\n".join(lines) + "\n")


def _canonical(text: str) -> str:
    return canonical_layout(text, "plan")


def canonical_layout(text: str, kind: Kind) -> str:
    """The text in `planctl fmt`'s canonical layout."""
    from planctl.fmt import format_text

    return format_text(text, kind=kind)


def _comments(unplaced: list[Unplaced]) -> list[str]:
    if not unplaced:
        return []
    lines = ["", "# " + _("Lines of the source that `planctl import` did not place in the plan:")]
    for item in unplaced:
        lines.append(f"# {item.where} ({item.reason}): {_one_line(item.text)}")
    return lines


def _one_line(text: str) -> str:
    """One comment line; characters a YAML file cannot hold raw are shown as escapes."""
    from planctl.fmt.layout import escape_for_yaml

    return escape_for_yaml(" ".join(text.split()))


# --- entries -----------------------------------------------------------------------------------


def _entry(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        if key == "period":
            inner = ", ".join(f"{k}: {_scalar(k, v, flow=True)}" for k, v in value.items())
            return [f"{pad}{key}: {{{inner}}}"]
        return [f"{pad}{key}:", *_mapping(value, indent + 2)]
    if isinstance(value, list):
        return _list(key, value, indent)
    if (isinstance(value, str) and "\n" in value) or key in ("text", "body"):
        return _block(key, str(value), indent)
    return [f"{pad}{key}: {_scalar(key, value)}"]


def _mapping(value: dict[str, Any], indent: int) -> list[str]:
    lines: list[str] = []
    for key, item in value.items():
        lines.extend(_entry(key, item, indent))
    return lines


def _list(key: str, items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    if key in _FLOW_LISTS and all(isinstance(i, str) and _plain(i, flow=True) for i in items):
        return [f"{pad}{key}: [{', '.join(items)}]"]
    if not items:
        return [f"{pad}{key}: []"]
    lines = [f"{pad}{key}:"]
    for item in items:
        if isinstance(item, dict):
            body = _mapping(item, indent + 4)
            lines.append(f"{pad}  - {body[0].lstrip()}")
            lines.extend(body[1:])
            if key in ("sections", "tasks") and indent == 0:
                lines.append("")
        else:
            lines.append(f"{pad}  - {_scalar(key, item)}")
    if lines[-1] == "":
        lines.pop()
    return lines


def _block(key: str, text: str, indent: int) -> list[str]:
    """`key: |` and the lines, when a block literal reads back as `text` plus one newline."""
    pad = " " * indent
    body = text.split("\n")
    if not _block_safe(text, body):
        return [f"{pad}{key}: {_quoted(text)}"]
    return [f"{pad}{key}: |", *[f"{pad}  {line}" if line else "" for line in body]]


def _block_safe(text: str, body: list[str]) -> bool:
    if not text or text[0] in " \t\n" or text.endswith("\n"):
        return False
    if any(line != line.rstrip() for line in body):
        return False
    from planctl.fmt.layout import needs_escapes

    return not needs_escapes(text)


def _scalar(key: str, value: Any, *, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if key in _ALWAYS_QUOTED:
        return _quoted(text)
    if key in _DATE_KEYS and _DATE.fullmatch(text):
        return text
    if key == "due" and _DUE.fullmatch(text):
        return text
    return text if _plain(text, flow=flow) else _quoted(text)


def _quoted(text: str) -> str:
    """A double-quoted scalar (JSON's escapes are YAML's), with YAML's other line breaks
    and the byte-order mark escaped too."""
    from planctl.fmt.layout import escape_for_yaml

    return escape_for_yaml(json.dumps(text, ensure_ascii=False))


def _plain(text: str, *, flow: bool = False) -> bool:
    """Whether `text` can be written unquoted and read back as the same string."""
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    from planctl.fmt.layout import needs_escapes

    if needs_escapes(text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and (any(c in _FLOW_FORBIDDEN for c in text) or ":" in text):
        return False
    return _NOT_A_STRING.fullmatch(text) is None
