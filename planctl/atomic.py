"""Write a file so that readers see the old bytes or the new, never a half-written file.

Every command that writes (fmt, render, import, git install, the validation cache) goes
through `write_atomic`: a temporary file beside the target, flushed to disk, then renamed
over it. An existing file keeps its permission bits, and a symlink keeps pointing at the
file it names (the file is replaced, not the link).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, *, durable: bool = True) -> None:
    """Replace `path` with `data` (str is written as UTF-8 with LF line ends) in one step.

    `durable` also syncs the data and the rename to disk; the cache, which can always be
    rebuilt, skips that. The temporary name is made here rather than with `tempfile`,
    whose import costs more than a write: process id and random bytes make it unique,
    O_EXCL makes sure, and it gets the umask's mode (mkstemp's would be private).
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    target = path.resolve() if path.is_symlink() else path
    mode = _existing_mode(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode or 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if mode is not None:
            temporary.chmod(mode)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    if durable:
        _sync_directory(target.parent)


def _existing_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX only: Windows cannot open a folder)."""
    if os.name != "posix":
        return
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
