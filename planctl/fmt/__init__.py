"""The canonical layout of plan files and of the unit registry (the core of `planctl fmt`).

`format_text` parses with ruamel.yaml in round-trip mode, so scalars are written back
as they were written (quotes, dates, `due: 2012-06`), and rewrites the layout:

* keys in the order of PLAN_FORMAT.md's examples; unknown keys follow the known ones
  in their original order (the schema flags them; fmt never drops them);
* mappings and lists of mappings in block style; lists of scalars in flow style
  (`lead: [a, b]`); record mappings (`period`, milestone, indicator and progress
  items) in flow style (`{due: 2012-06, text: …}`) when all their values are
  one-line scalars; a collection with a comment inside it stays in block style;
  in flow style, plain strings PyYAML would misread (`为什么?`) are single-quoted;
* strings containing a line break as literal blocks (`|`), except those ending in a
  blank line, which are double-quoted; other strings as they were written;
* two-space indentation, sequences indented under their key (`  - `), no wrapping;
* exactly one blank line between the items of `sections:` and `tasks:` lists; other
  blank lines are dropped, except one before a block of full-line comments;
* every comment is kept and moves with the key or list item it belongs to; comments
  above the first key stay at the top of the file; end-of-line comments keep their
  column (at least one space after the value); a comment line indented under a
  mapping's keys after its last key stays at the end of that mapping.

ruamel attaches comments to whatever token precedes them (a comment line above a
task ends up on the last scalar of the previous task), which does not survive
reordering. So comments are located in the source text instead, assigned to the key
or list item they belong to, and written back into ruamel's comment slots after the
keys have been reordered.
"""

from __future__ import annotations

from pathlib import Path

from planctl.atomic import boundary, write_atomic
from planctl.fmt.comments import assign_comments, collect_slots, scan_comments
from planctl.fmt.layout import Kind, Layout
from planctl.fmt.proof import Difference, check_same_meaning
from planctl.fmt.roundtrip import FormatError, dump, parse
from planctl.yamlio import STOPPING_RULES, Document, load_bytes

__all__ = ["FormatError", "Kind", "format_document", "format_file", "format_text", "is_formatted"]


def format_text(text: str, *, kind: Kind) -> str:
    """Return the canonical layout of a plan file (kind="plan") or unit registry ("units")."""
    source = _normalise_newlines(text)
    node, data = parse(source)
    slots = collect_slots(node, data)
    notes = assign_comments(scan_comments(source, node), slots)
    Layout(notes).document(data, kind)
    return dump(data)


def is_formatted(text: str, *, kind: Kind) -> bool:
    """Whether `text` is already in the canonical layout (byte for byte)."""
    return format_text(text, kind=kind) == text


def format_file(
    path: Path,
    *,
    kind: Kind,
    check: bool,
    shown: str | None = None,
    root: Path | None = None,
) -> bool:
    """Format the file at `path`; return whether it changed (or would change, with `check`).

    The file is read as every command reads it (`planctl.yamlio`): one the loader refuses
    is refused here too, with the loader's place and reason. The result is UTF-8 without
    BOM with LF line endings, also for a GBK/GB18030 file, and proven to read back as the
    same data and comments (`planctl.fmt.proof`) before it replaces the file atomically,
    keeping its permission bits, inside the repository `root` (or the file's folder) only.
    """
    raw = path.read_bytes()
    document = load_bytes(raw, shown or str(path))
    formatted = format_document(document, kind=kind).encode("utf-8")
    if formatted == raw:
        return False
    if not check:
        write_atomic(path, formatted, within=boundary(path, root))
    return True


def format_document(document: Document, *, kind: Kind) -> str:
    """The canonical layout of a loaded file, or FormatError (located) when the loader
    refuses it or the layout would not read back the same."""
    stop = next((p for p in document.problems if p.fatal or p.rule in STOPPING_RULES), None)
    if stop is not None or document.data is None:
        if stop is None:
            raise FormatError("the file holds no YAML data", 1, 1)
        raise FormatError(stop.message, stop.line, stop.column)
    formatted = format_text(document.text, kind=kind)
    try:
        check_same_meaning(document, formatted)
    except Difference as difference:
        raise FormatError(difference.message, *difference.position) from None
    return formatted


def _normalise_newlines(text: str) -> str:
    """Canonical files are UTF-8 without BOM with LF line endings."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
