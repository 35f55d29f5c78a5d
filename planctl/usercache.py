"""planctl's folder in the user's cache, and files found on the import path without importing."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_cache_dir() -> Path | None:
    """planctl's folder in the user's cache (XDG_CACHE_HOME, ~/.cache, %LOCALAPPDATA%)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if base:
        return Path(base) / "planctl"
    try:
        return Path.home() / ".cache" / "planctl"
    except RuntimeError:  # no home folder (a service account): no cache
        return None


def installed_file(package: str, name: str) -> str | None:
    """`package/name` on the import path, without importing (or searching like) it.

    A plain scan of `sys.path` costs a few stat calls, much less than `find_spec`.
    """
    for entry in sys.path:
        candidate = os.path.join(entry or ".", package, name)  # noqa: PTH118 — start-up path
        if os.path.isfile(candidate):  # noqa: PTH113
            return candidate
    return None
