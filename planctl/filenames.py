"""A name (a unit's, mostly Chinese, any character) as a file name every system accepts,
and a set of such names kept apart: two units whose names clean up alike never share a
file."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Characters Windows refuses in a file name, and the names it reserves for devices.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"(?i)(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?")
_MOST = 120  # characters of a name: room for a suffix within any system's limit


def safe_file_name(name: str) -> str:
    """`name` as a file name every system accepts: no \\ / : * ? " < > | or control
    characters, no trailing dot or space, no device name (CON, NUL, COM1 …)."""
    cleaned = _UNSAFE.sub("_", name).strip().rstrip(". ")
    if not cleaned or cleaned.startswith("."):
        cleaned = f"_{cleaned}"
    if _RESERVED.fullmatch(cleaned):
        cleaned = f"_{cleaned}"
    return cleaned[:_MOST]


def distinct_file_names(names: Iterable[str], suffix: str, taken: Iterable[str] = ()) -> list[str]:
    """A file name for each of `names` (in order), none the same as another or as one of
    `taken`, ignoring case as Windows and macOS do: the second `甲/乙局` and `甲:乙局` get
    `甲_乙局-2`."""
    used = {name.casefold() for name in taken}
    chosen = []
    for name in names:
        base = safe_file_name(name)
        stem, number = base, 1
        while f"{stem}{suffix}".casefold() in used:
            number += 1
            stem = f"{base}-{number}"
        used.add(f"{stem}{suffix}".casefold())
        chosen.append(f"{stem}{suffix}")
    return chosen
