"""The data of each file the gate trusted, kept in `.planctl-cache/tracking-data` while
the file is unchanged: a run parses again only the files written since the last one.

A file is known by its path from the repository root and what `stat` says of it: size,
modification time, change time and inode (the change time moves with every write and
no tool can set it back, so a file rewritten with its old size and modification time is
still seen as new). Kept is what its schema accepted, as plain values, marshalled; the
records are built from it as from a file just parsed, by the same code, so the checks
after the gate (dates that no calendar has) speak as before. Everything the data
depends on besides the file (planctl's code and schemas, the YAML and schema libraries:
validate's `salt`) is one fingerprint: when it changes, the whole cache is dropped.

`PLANCTL_NO_CACHE=1` reads every file afresh (and keeps nothing); deleting the folder
does too, once. The cache file is signed with the user's key (validate's), so a cache copied in or
committed to the repository, which could pass data that no schema checked, is ignored:
marshalled data is only ever read back from a file this user's planctl wrote.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planctl.errors import WriteRefused

__all__ = ["TrustedData"]

CACHE_FILE = "tracking-data"
FORMAT = "planctl-tracking-data/1"
NO_CACHE_VARIABLE = "PLANCTL_NO_CACHE"  # set (not 0): every file is parsed afresh
# Entries kept beyond those of the latest run: other branches, files since moved away.
MIN_KEPT = 10_000


@dataclass
class TrustedData:
    """The kept data by file stamp: `get` and `put` in memory, `save` writes them back."""

    path: Path
    salt: str
    secret: bytes
    # stamp -> (kind, the data marshalled): each entry is unmarshalled only when used
    entries: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    added: bool = False

    @classmethod
    def open(cls, root: Path) -> TrustedData | None:
        """The cache of the repository at `root`; None when `PLANCTL_NO_CACHE` is set, no
        signing key can be kept, or the cache folder is a link (a committed link could
        lead writes anywhere)."""
        from planctl.validate.cache import CACHE_DIR, _signing_key, salt

        if os.environ.get(NO_CACHE_VARIABLE, "") not in ("", "0"):
            return None
        secret = _signing_key()
        folder = root / CACHE_DIR
        path = folder / CACHE_FILE
        if secret is None or folder.is_symlink() or path.is_symlink():
            return None
        cache = cls(path, salt(()), secret)
        cache.entries = cache._load()
        return cache

    @staticmethod
    def stamp(inside: str, local: Path) -> str | None:
        """What identifies the file `local` (at `inside` from the root) as it is now;
        None when it cannot be looked at (the gate then says why)."""
        try:
            found = os.stat(local)  # noqa: PTH116  # one call per file, no Path made
        except OSError:
            return None
        return (
            f"{inside}\0{found.st_size}\0{found.st_mtime_ns}\0{found.st_ctime_ns}\0{found.st_ino}"
        )

    def get(self, stamp: str) -> tuple[str, Any] | None:
        """The kind and data kept for the file of `stamp`, if it was trusted as it is."""
        entry = self.entries.get(stamp)
        if entry is None:
            return None
        self.used.add(stamp)
        kind, data = entry
        return kind, marshal.loads(data)

    def put(self, stamp: str, kind: str, data: Any) -> None:
        self.put_marshalled(stamp, kind, marshal.dumps(data))

    def put_marshalled(self, stamp: str, kind: str, marshalled: bytes) -> None:
        """`put` for data marshalled already (by a worker process)."""
        self.entries[stamp] = (kind, marshalled)
        self.used.add(stamp)
        self.added = True

    def save(self) -> None:
        """Write the cache back if this run added to it (a failure only costs speed)."""
        from planctl.validate.cache import _prepare_folder, write_signed

        if not self.added:
            return
        body = marshal.dumps((FORMAT, self.salt, self._kept()))
        with contextlib.suppress(OSError, WriteRefused):
            _prepare_folder(self.path.parent)
            root = self.path.parent.parent
            write_signed(self.path, self.secret, body, within=root)

    def _kept(self) -> dict[str, tuple[str, bytes]]:
        """Entries of this run, and the most recent others up to `MIN_KEPT`."""
        others = [stamp for stamp in self.entries if stamp not in self.used]
        kept = others[max(0, len(others) - MIN_KEPT) :]
        kept.extend(stamp for stamp in self.entries if stamp in self.used)
        return {stamp: self.entries[stamp] for stamp in kept}

    def _load(self) -> dict[str, tuple[str, bytes]]:
        from planctl.validate.cache import read_signed

        # Marshalled data is read back only from a file this user's planctl wrote.
        body = read_signed(self.path, self.secret)
        if body is None:
            return {}  # none yet, written elsewhere, or damaged: start again
        try:
            form, salt, entries = marshal.loads(body)
        except (ValueError, EOFError, TypeError):
            return {}
        if form != FORMAT or salt != self.salt or not isinstance(entries, dict):
            return {}
        return entries
