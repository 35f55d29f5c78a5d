"""Start-up: keep the bytecode Python compiles for dataclass methods between runs.

On Python 3.11, `@dataclass` writes the source of each generated method (`__init__`,
`__eq__`, `__setattr__` of frozen classes…) and compiles it with `exec` while the module
is imported: about a millisecond per class, and `planctl validate` imports 25 of them —
a fifth of its start-up. Python keeps `.pyc` files for modules, not for these methods.

`compiled_dataclasses()` lends the `dataclasses` module an `exec` that looks each source
text up in a table of code objects kept in the user's cache folder (keyed by Python's
bytecode version) and compiles only what is new. It is active only around planctl's own
imports, and the code it runs is exactly what `exec` would have compiled from the same
text; a missing or unreadable table only costs the compilation.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import marshal
import sys
from collections.abc import Iterator
from types import CodeType
from typing import Any

from planctl.atomic import write_atomic
from planctl.errors import WriteRefused
from planctl.usercache import user_cache_dir

# The bytecode depends on the Python version and on -O (which drops asserts).
_FILE = (
    f"dataclass-code-{sys.implementation.cache_tag}-{importlib.util.MAGIC_NUMBER.hex()}"
    f"-O{sys.flags.optimize}.bin"
)


@contextlib.contextmanager
def compiled_dataclasses() -> Iterator[None]:
    """Within this block, dataclass methods are compiled once per Python, then reused."""
    folder = user_cache_dir()
    if folder is None or "exec" in vars(dataclasses):
        yield  # no cache folder, or someone else already lent dataclasses an exec
        return
    path = folder / _FILE
    table = _read(path)
    size = len(table)

    def cached_exec(source: Any, globals: Any = None, locals: Any = None) -> None:
        if not isinstance(source, str):
            exec(source, globals, locals)
            return
        code = table.get(source)
        if code is None:
            code = table[source] = compile(source, "<string>", "exec", dont_inherit=True)
        exec(code, globals, locals)

    dataclasses.exec = cached_exec  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
    if len(table) > size:
        with contextlib.suppress(OSError, ValueError, WriteRefused):
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, marshal.dumps(table), within=folder, durable=False)


def _read(path: Any) -> dict[str, CodeType]:
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items() if isinstance(k, str) and isinstance(v, CodeType)}
