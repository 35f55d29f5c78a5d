"""Spread work over processes, a bounded number of items in flight at a time.

`multiprocessing.Pool.imap` reads its whole input at once; validating a thousand plans
that way would hold them all in memory. Here at most `window` items are submitted ahead
of the results being consumed, and results come back in input order.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

Item = TypeVar("Item")
Result = TypeVar("Result")


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU limit)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def map_in_processes(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    *,
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    window: int | None = None,
) -> Iterator[Result]:
    """`map(function, items)` on `jobs` worker processes, in order, streaming."""
    limit = window if window is not None else 4 * jobs
    # Objects made before the workers start are never collected in them: freezing them
    # spares the workers' garbage collector (and copy-on-write pages) from scanning them.
    gc.freeze()
    try:
        with _context().Pool(jobs, initializer, initargs) as pool:
            pending: deque[AsyncResult[Result]] = deque()
            for item in items:
                pending.append(pool.apply_async(function, (item,)))
                if len(pending) >= limit:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
    finally:
        gc.unfreeze()


def _context() -> Any:
    """Fork on Linux, where it is safe and starts workers with planctl already imported."""
    import multiprocessing  # imported only when there is enough work to share

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
