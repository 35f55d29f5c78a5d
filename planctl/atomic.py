"""Write a file so that readers see the old bytes or the new, never a half-written file."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a new file beside `path`, then move it into place.

    The temporary name is made here rather than with `tempfile`, whose import costs more
    than the write: the process id and random bytes make it unique, and O_EXCL makes sure.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
