"""The data of a plain YAML file, built in C++ (rapidyaml) instead of event by event.

Most files read are plain: block and flow mappings, sequences and scalars, no tag, anchor,
alias, directive or second document. For those, the events builder (`events`) spends most
of its time making a Python object per event. `plain_data` gets the same values faster:

1. libyaml parses the text without building anything (`raw_parse`), so a file is accepted
   or refused by exactly the parser the events builder uses;
2. rapidyaml parses it again and writes it out as JSON, which `json.loads` reads in C.

It answers only when the answer is sure to be the builder's, and says `NOT_PLAIN`
otherwise, for the builder to read the file (and report what it finds):

- before: any character that needs the builder's care (`&`, `*`, `!`, a tab, a lone
  carriage return, `<<`, a `?` key, a `%` directive, `---` or `...`);
- after: a duplicate key; a string that, written plain, YAML 1.2 would read as a number,
  boolean or null (rapidyaml keeps `~`, `True` or `0x1F` as text, and its JSON does not
  say whether a string was quoted); nesting past `MAX_DEPTH`; JSON rapidyaml wrote that
  does not read back (control characters).

A law test holds this to the events builder on generated and real files.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

from yaml import YAMLError
from yaml.cyaml import CParser  # type: ignore[attr-defined]  # the C parser, untyped

from planctl.yamlio.events import FLOAT_TEXT, INT_TEXT, MAX_DEPTH, PLAIN_CONSTANTS

NOT_PLAIN: Final = object()  # the answer for a file the events builder must read

# What sends a file to the builder, each looked for in the UTF-8 bytes with a plain
# substring search (one regular expression of alternatives scans several times slower).
# `?` and `<` stand for `? ` keys and `<<`: rare enough in plans to send such files whole.
_SPECIAL = tuple(
    mark.encode("utf-8")
    for mark in ("&", "*", "!", "?", "<", "\t", "\x85", "\u2028", "\u2029", "\ufeff")
)
_LINE_STARTS = (b"%", b"---", b"...")  # a directive, a document's start or end
_LINE_STARTS_INSIDE = tuple(b"\n" + start for start in _LINE_STARTS)
_LONE_CARRIAGE_RETURN = re.compile(b"\r(?!\n)")
# A JSON string that could be a number, boolean or null written plain in the YAML: a
# letter that may start one, then letters that may follow (checked exactly, once each,
# by `_quoted_in_yaml`: most strings, all Chinese, fail at the first letter).
_CANDIDATE = re.compile('"([-+.~0-9nNtTfF][-+._0-9a-fA-FoOxXnNuUlLtTrReEsSiI]*)"')
_RESOLVABLE = re.compile(
    "(?:{})\\Z".format(
        "|".join([*(re.escape(word) for word in PLAIN_CONSTANTS if word), INT_TEXT, FLOAT_TEXT])
    )
)


def plain_data(text: str) -> Any:
    """The data the events builder would build from `text`, or `NOT_PLAIN`."""
    raw = text.encode("utf-8", "surrogatepass")
    if _needs_the_builder(raw) or threading.active_count() > 1:
        return NOT_PLAIN  # other threads: see `_quiet_stderr`
    ryml = _rapidyaml(len(raw))
    if ryml is None:
        return NOT_PLAIN
    try:
        CParser(raw).raw_parse()
    except YAMLError:
        return NOT_PLAIN  # a syntax error, which the builder locates and explains
    try:
        with _quiet_stderr():
            tree = ryml.parse_in_arena(raw)
            written = ryml.emit_json_malloc(tree, tree.root_id())
    except Exception:  # rapidyaml's own refusal: the builder decides
        return NOT_PLAIN
    if not isinstance(written, str) or not all(
        _quoted_in_yaml(string) for string in set(_CANDIDATE.findall(written))
    ):
        return NOT_PLAIN
    try:
        data = json.loads(written, object_pairs_hook=_mapping, parse_constant=_refuse)
    except (ValueError, RecursionError):  # the hooks below refuse by ValueError too
        return NOT_PLAIN
    # Each level of nesting opens with a bracket: fewer brackets, no need to look.
    if written.count("[") + written.count("{") > MAX_DEPTH and _deeper_than(data, MAX_DEPTH):
        return NOT_PLAIN
    return data


def _needs_the_builder(raw: bytes) -> bool:
    return (
        any(special in raw for special in _SPECIAL)
        or raw.startswith(_LINE_STARTS)
        or any(start in raw for start in _LINE_STARTS_INSIDE)
        or (b"\r" in raw and _LONE_CARRIAGE_RETURN.search(raw) is not None)
    )


def _quoted_in_yaml(string: str) -> bool:
    """Whether a JSON string (`1.`, `~`) that rapidyaml wrote was surely quoted in the
    YAML: it reads as text written plain, or rapidyaml writes it otherwise when plain (the
    number 1.0 for `1.`: so the string "1." was quoted; but the string "~" for `~`, which
    may have been either, and the builder must read the file)."""
    known = _QUOTED.get(string)
    if known is None:
        if len(_QUOTED) > _QUOTED_MOST:
            _QUOTED.clear()
        known = _QUOTED[string] = not _RESOLVABLE.match(string) or _written_otherwise(string)
    return known


def _written_otherwise(plain: str) -> bool:
    tree = _loaded.parse_in_arena(f"k: {plain}\n".encode())
    return f'"{plain}"' not in _loaded.emit_json_malloc(tree, tree.root_id())


_QUOTED: dict[str, bool] = {}
_QUOTED_MOST = 100_000  # distinct strings remembered (dates, mostly)


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise ValueError(pairs)  # a duplicate key: the builder keeps the first, reports it
    return mapping


def _refuse(word: str) -> Any:
    raise ValueError(word)  # NaN or Infinity: YAML spells them .nan and .inf


def _deeper_than(data: Any, most: int) -> bool:
    """Whether containers nest more than `most` levels (the builder refuses that)."""
    level: list[Any] = [data] if data.__class__ in _CONTAINERS else []
    depth = 0
    while level:
        depth += 1
        if depth > most:
            return True
        below: list[Any] = []
        for container in level:
            items = container.values() if container.__class__ is dict else container
            below.extend(item for item in items if item.__class__ in _CONTAINERS)
        level = below
    return False


_CONTAINERS = (dict, list)
_MISSING: Final = object()
_loaded: Any = _MISSING
# Importing rapidyaml costs more than it saves on a file or two (a pre-commit check): the
# builder reads the first bytes of a process, rapidyaml what comes after them.
IMPORT_AFTER = 256 * 1024
_read_before = 0


def _rapidyaml(size: int = 0) -> Any:
    """The rapidyaml module, imported once `IMPORT_AFTER` bytes were read (None before
    then, and where it cannot be installed)."""
    global _loaded, _read_before  # one import per process, none at start-up
    if _loaded is _MISSING:
        _read_before += size
        if _read_before < IMPORT_AFTER:
            return None
        try:
            import ryml  # type: ignore[import-untyped]
        except ImportError:
            ryml = None
        _loaded = ryml
    return _loaded


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints its parse errors to the process's standard error before raising;
    its refusal is no finding of planctl's, so that stream points nowhere meanwhile (only
    while no other thread runs, which could be writing there)."""
    global _nowhere  # opened once per process
    try:
        if _nowhere is None:
            _nowhere = os.open(os.devnull, os.O_WRONLY)
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        os.dup2(_nowhere, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


_nowhere: int | None = None
