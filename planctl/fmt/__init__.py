"""The canonical layout of plan files and of the unit registry (the core of `planctl fmt`).

`format_text` parses with ruamel.yaml in round-trip mode, so scalars are written back
as they were written (quotes, dates, `due: 2012-06`), and rewrites the layout:

* keys in the order of the tables in docs/plan-format.md; unknown keys follow the known ones
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
* deadlines written in words (`due: 2023年6月底前`, 长期坚持) are stored in their form
  (`due: 2023-06`) with the words kept in `due_text` (see `planctl.fmt.deadlines`);
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

import codecs
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from planctl.atomic import boundary, write_atomic
from planctl.errors import (
    Difference,
    ExitCode,
    FormatError,
    PlanRefused,
    Unfaithful,
    WriteRefused,
    os_error_reason,
)
from planctl.findings import Finding, Severity
from planctl.fmt.comments import assign_comments, collect_slots, pin_items, scan_comments
from planctl.fmt.deadlines import has_worded_deadlines, store_worded_deadlines
from planctl.fmt.layout import Kind, Layout
from planctl.fmt.proof import check_same_meaning
from planctl.fmt.roundtrip import dump, parse
from planctl.i18n import _

__all__ = [
    "FormatError",
    "FormatReport",
    "Kind",
    "edit_text",
    "format_file",
    "format_files",
    "format_text",
    "is_formatted",
    "kind_of",
]

# An edit of the round-trip data: the root mapping and the comment lines at the file's end.
Edit = Callable[[CommentedMap, list[str]], None]


def format_text(text: str, *, kind: Kind, store_deadlines: bool = True) -> str:
    """Return the canonical layout of a plan file (kind="plan") or unit registry ("units"),
    deadlines written in words stored in the canonical form (unless `store_deadlines` is
    off: the layout alone, which must read as the same data)."""
    source = _normalise_newlines(text)
    node, data = parse(source)
    slots = collect_slots(node, data)
    notes = assign_comments(scan_comments(source, node), slots)
    if kind == "plan" and store_deadlines:
        store_worded_deadlines(data)
    Layout(notes).document(data, kind)
    return dump(data)


def edit_text(text: str, *, kind: Kind, edit: Edit) -> str:
    """`text` changed by `edit`, in the canonical layout, every comment kept with the key
    or list item it belongs to (comments of items the edit drops go with them).

    `edit` may change values, drop keys and rebuild lists, reusing the mappings it keeps;
    it receives the comment lines at the end of the file, which it may rewrite.
    """
    source = _normalise_newlines(text)
    node, data = parse(source)
    slots = collect_slots(node, data)
    notes = assign_comments(scan_comments(source, node), slots)
    pinned = pin_items(notes, data)
    edit(data, notes.tail(data))
    pinned.place(notes, data)
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
    display: str | None = None,
    line_end: str | None = None,
    root: Path | None = None,
) -> bool:
    """Format the file at `path`; return whether it changed (or would change, with `check`).

    The file passes the plan gate's reading steps first (`planctl.plans`: encoding,
    YAML, duplicate keys, tags), so fmt refuses what every other command refuses, with
    the same rule; a refused file raises `PlanRefused` and is left as it is. The result
    is UTF-8, also for a GBK/GB18030 file; a UTF-8 byte-order mark is kept (Notepad
    writes one). Every line ends in `line_end` (what git expects in the working tree,
    see `planctl.git.working_tree_line_ends`), by default in the line end of the file's
    first line. The result is proven to read back as the same data and comments
    (`planctl.fmt.proof`), else `Unfaithful` leaves the file as it is. Without `check`,
    a changed file is replaced atomically, keeping its permission bits, inside the
    repository `root` (or the file's own folder) only: never through a link leading
    elsewhere.
    """
    from planctl.plans import open_bytes

    raw = path.read_bytes()
    opened = open_bytes(raw, display if display is not None else str(path), schema=False)
    if opened.refusal is not None:
        raise opened.refuse("format")
    # The layout is proven to change no value or comment; storing worded deadlines is
    # the one change fmt makes on purpose, checked by the rules it answers.
    laid_out = format_text(opened.document.text, kind=kind, store_deadlines=False)
    try:
        check_same_meaning(opened.document, laid_out)
    except Difference as difference:
        raise Unfaithful(difference.message, *difference.position) from None
    worded = kind == "plan" and has_worded_deadlines(opened.document.data)
    formatted = format_text(laid_out, kind=kind) if worded else laid_out
    ending = line_end or first_line_end(raw)
    if ending != "\n":
        formatted = formatted.replace("\n", ending)
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    data = bom + formatted.encode("utf-8")
    if data == raw:
        return False
    if not check:
        write_atomic(path, data, within=boundary(path, root))
    return True


def first_line_end(raw: bytes) -> str:
    """The line end of the file's first line: CRLF, else LF (also for a lone CR, which git
    does not count as a line end, and for a file of one line). UTF-8 and GB18030 write
    CR and LF as the ASCII bytes."""
    match = _LINE_END.search(raw)
    return "\r\n" if match and match.group() == b"\r\n" else "\n"


_LINE_END = re.compile(rb"\r\n|\r|\n")


@dataclass
class FormatReport:
    """What `format_files` did: the files it (would have) changed, and those it could not
    format, each with the finding that says why."""

    check: bool
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Finding] = field(default_factory=list)

    @property
    def exit_code(self) -> ExitCode:
        """USAGE when a file could not be read, FINDINGS when one was refused or (with
        `check`) would change, else OK."""
        if any(finding.fatal for finding in self.failed):
            return ExitCode.USAGE
        if self.failed or (self.check and self.changed):
            return ExitCode.FINDINGS
        return ExitCode.OK


def format_files(
    paths: Sequence[Path], *, check: bool = False, start: Path | None = None
) -> FormatReport:
    """Format the files named (folders searched), or every plan of the repository around
    `start`; one file that cannot be formatted never stops the others."""
    from planctl import repository as repo
    from planctl.git import working_tree_line_ends

    root = repo.find_root(paths[0] if paths else (start or Path.cwd()))
    files = repo.collect_files(list(paths), repo.Repository(root) if root else None)
    line_ends = working_tree_line_ends(files)
    report = FormatReport(check)
    for path in files:
        shown = repo.display_path(path)
        try:
            changed = format_file(
                path,
                kind=kind_of(path),
                check=check,
                display=shown,
                line_end=line_ends[path],
                root=root,
            )
        except PlanRefused as error:
            report.failed.append(error.finding)
        except FormatError as error:
            report.failed.append(_format_finding(shown, error))
        except WriteRefused as error:  # a link leading out of the repository, say
            report.failed.append(_refused_write(shown, error))
        except OSError as error:
            report.failed.append(_io_finding(shown, error))
        else:
            (report.changed if changed else report.unchanged).append(shown)
    return report


def _format_finding(file: str, error: FormatError) -> Finding:
    if isinstance(error, Unfaithful):
        hint = _("the file was left as it is; report it, with the file, to planctl's maintainers")
    else:
        hint = _("run `planctl validate` on the file for every problem")
    return Finding(
        file,
        error.line or 1,
        error.column or 1,
        error.rule,
        Severity.ERROR,
        error.message,
        hint,
        fatal=error.exit_code == ExitCode.USAGE,
    )


def _refused_write(file: str, error: WriteRefused) -> Finding:
    return Finding(
        file, 1, 1, "write-refused", Severity.ERROR, error.message, error.hint, fatal=True
    )


def _io_finding(file: str, error: OSError) -> Finding:
    reason = os_error_reason(error)
    return Finding(
        file,
        1,
        1,
        "unreadable",
        Severity.ERROR,
        _("cannot read or write the file: {reason}").format(reason=reason),
        _("check the path and permissions"),
        fatal=True,
    )


def kind_of(path: Path) -> Kind:
    """A file named units.yaml is the unit registry; a file under reports/, reviews/ or
    bulletins/ (or plans/calendar.yaml) is what its place makes it
    (`planctl.plans.kind_at`); any other is a plan."""
    from planctl.plans import kind_at

    if path.name == "units.yaml":
        return "units"
    placed = kind_at(path)
    return placed if placed in ("report", "review", "calendar", "bulletin") else "plan"


def _normalise_newlines(text: str) -> str:
    """The layout is made on text with LF line ends (`format_file` writes the file's own)."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
