"""Spread work over processes, a bounded number of items in flight at a time, and notice
a worker that dies.

`multiprocessing.Pool.imap` reads its whole input at once; validating a thousand plans
that way would hold them all in memory. Here at most `window` items are submitted ahead
of the results being consumed, and results come back in input order.

A worker killed from outside (the kernel's out-of-memory killer, a signal) would leave a
`multiprocessing.Pool` waiting for its result forever. The executor used here notices;
the items that were in flight are then run again one by one, each in a process of its
own, so the item that kills its process is found and reported through `lost`, and every
other item still gets its result.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

Item = TypeVar("Item")
Result = TypeVar("Result")
Shared = TypeVar("Shared")


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU limit)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def forks() -> bool:
    """Whether worker processes start as forks of this one (Linux): they inherit its data
    and state (the language of messages) instead of starting afresh."""
    return sys.platform == "linux"


def map_forked(
    function: Callable[[Shared, Item], Result],
    items: Sequence[Item],
    shared: Shared,
    *,
    worth_it: bool,
    window: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[Result]:
    """`function(shared, item)` for each item, in order: on forked worker processes, which
    inherit `shared` without copying it through a pipe, where this system forks, two cores
    or more are free and the work is `worth_it`; in this process otherwise. The items of
    a worker the kernel kills are done in this process.

    `meanwhile` is other work for this process, done once the workers have started (first,
    when there are none): this process then counts as one of the workers, and takes on
    the last items no worker has started, so that all finish together."""
    jobs = min(available_cores() - (meanwhile is not None), len(items))
    if not worth_it or not forks() or jobs < (1 if meanwhile is not None else 2):
        return _here(function, items, shared, meanwhile)
    if meanwhile is not None:
        return _beside_this_process(function, items, shared, jobs, meanwhile)
    return map_in_processes(
        _call_shared,
        items,
        jobs=jobs,
        lost=lambda item, _exitcode: function(shared, item),
        initializer=_share,
        initargs=(function, shared),
        window=window,
    )


def _here(
    function: Callable[[Shared, Item], Result],
    items: Sequence[Item],
    shared: Shared,
    meanwhile: Callable[[], object] | None,
) -> Iterator[Result]:
    if meanwhile is not None:
        meanwhile()
    return (function(shared, item) for item in items)


def _beside_this_process(
    function: Callable[[Shared, Item], Result],
    items: Sequence[Item],
    shared: Shared,
    jobs: int,
    meanwhile: Callable[[], object],
) -> Iterator[Result]:
    """`map_forked` with `meanwhile`: every item handed to `jobs` workers, `meanwhile`
    done here, then the items still waiting taken back one at a time, from the last, and
    done here while the workers go on from the first, until they meet.

    An item is taken back by a claim in memory shared with the workers (`_Claims`), not
    by cancelling its future: on Python 3.11 a worker killed while this process cancels
    futures makes the executor's own thread fail on a cancelled one, leaving the other
    futures without a result to wait for."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    claims = _Claims(len(items), _context())
    gc.freeze()  # as in `map_in_processes`
    initargs = (function, shared, claims)
    with ProcessPoolExecutor(jobs, _context(), _share_claimed, initargs) as pool:
        futures = [pool.submit(_call_claimed, index, item) for index, item in enumerate(items)]
        try:
            meanwhile()
        except BaseException:
            claims.take_all()  # nothing more to start
            raise
        handed = len(futures)
        ours: list[Result] = []  # the last items, done here, last first
        # One the executor has queued for a worker is left to it (it starts next).
        while handed > 0 and not futures[handed - 1].running() and claims.take(handed - 1):
            handed -= 1
            ours.append(function(shared, items[handed]))
        ours.reverse()
        results: list[Result] = []
        for item, future in zip(items[:handed], futures, strict=False):
            try:
                results.append(future.result()[1])
            except BrokenProcessPool:  # its worker was killed: done here instead
                results.append(function(shared, item))
    return iter(results + ours)


class _Claims:
    """Who does each item of `_beside_this_process`: a byte per item, in memory the forked
    workers share, and one lock. An item waiting is claimed once, by a worker starting it
    or by the parent taking it back.

    A worker killed while it holds the lock never releases it (nor does one the executor
    terminates when another died): no claim waits for it more than `PATIENCE` seconds.
    A worker then does its item anyway (at worst twice, never lost); the parent takes
    nothing more back, and waits for the workers' results, or does the items of a broken
    pool itself."""

    WAITING, STARTED, TAKEN = 0, 1, 2
    PATIENCE = 5.0  # seconds; a claim holds the lock for microseconds

    def __init__(self, count: int, context: Any) -> None:
        self._states = context.RawArray("b", count)
        self._lock = context.Lock()

    def start(self, index: int) -> bool:
        """A worker's claim: whether it is to do item `index` (the parent did not take it)."""
        claimed = self._claim(index, self.STARTED)
        return True if claimed is None else claimed

    def take(self, index: int) -> bool:
        """The parent's claim: whether it is to do item `index` (no worker started it)."""
        return bool(self._claim(index, self.TAKEN))

    def take_all(self) -> None:
        if not self._lock.acquire(timeout=self.PATIENCE):
            return  # the workers do what is left
        try:
            for index, state in enumerate(self._states):
                if state == self.WAITING:
                    self._states[index] = self.TAKEN
        finally:
            self._lock.release()

    def _claim(self, index: int, by: int) -> bool | None:
        """Whether the claim was made; None when the lock could not be had."""
        if not self._lock.acquire(timeout=self.PATIENCE):
            return None
        try:
            if self._states[index] != self.WAITING:
                return False
            self._states[index] = by
            return True
        finally:
            self._lock.release()


def start_forked(
    function: Callable[[Shared, Item], Result], shared: Shared, item: Item, *, worth_it: bool
) -> Callable[[], Result]:
    """Start `function(shared, item)` now on a forked worker process, which inherits
    `shared`, and return what waits for its result: this process goes on with other work
    meanwhile. Where this system does not fork, fewer than two cores are free or the work
    is not `worth_it`, the waiting computes it here; so it does when the worker dies."""
    if not worth_it or not forks() or available_cores() < 2:
        return lambda: function(shared, item)
    return _started(
        _call_shared,
        item,
        lambda item, _exitcode: function(shared, item),
        _share,
        (function, shared),
    )


# In a forked worker of `map_forked`: the function and the data it shares with its parent.
_SHARED: list[Any] = []


def _share(function: Callable[[Any, Any], Any], shared: Any) -> None:
    _SHARED[:] = [function, shared]


def _call_shared(item: Any) -> Any:
    function, shared = _SHARED
    return function(shared, item)


def _share_claimed(function: Callable[[Any, Any], Any], shared: Any, claims: _Claims) -> None:
    _SHARED[:] = [function, shared, claims]


def _call_claimed(index: int, item: Any) -> tuple[bool, Any]:
    """(True, the result) for an item this worker claimed; (False, None) for one the
    parent took back before a worker started it."""
    function, shared, claims = _SHARED
    if not claims.start(index):
        return False, None
    return True, function(shared, item)


def map_in_processes(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    *,
    jobs: int,
    lost: Callable[[Item, int | None], Result],
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    window: int | None = None,
) -> Iterator[Result]:
    """`map(function, items)` on `jobs` worker processes, in order, streaming.

    `lost(item, exitcode)` stands in for the result of an item whose process died (the
    exit code is negative for a signal: -9 for SIGKILL).
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    limit = window if window is not None else 4 * jobs
    source = iter(items)
    # Objects made before the workers start are never collected in them: freezing them
    # spares the workers' garbage collector (and copy-on-write pages) from scanning them.
    # They stay frozen here too: planctl's data holds no cycles, nothing to collect.
    gc.freeze()
    with ProcessPoolExecutor(jobs, _context(), initializer, initargs) as pool:
        pending: deque[tuple[Item, Future[Result] | None]] = deque()
        broken = False
        for item in source:
            try:
                pending.append((item, pool.submit(function, item)))
            except BrokenProcessPool:  # a worker died before this item was handed over
                pending.append((item, None))
                broken = True
                break
            if len(pending) >= limit:
                broken = yield from _next_result(pending)
                if broken:
                    break
        while pending and not broken:
            broken = yield from _next_result(pending)
    if not broken:
        return
    for item, _ in pending:  # one of these killed its worker: run each alone
        yield _alone(function, item, lost, initializer, initargs)
    yield from map_in_processes(
        function,
        source,
        jobs=jobs,
        lost=lost,
        initializer=initializer,
        initargs=initargs,
        window=window,
    )


def _next_result(
    pending: deque[tuple[Item, Future[Result] | None]],
) -> Generator[Result, None, bool]:
    """Yield the first pending item's result; True (the item left pending) when the pool
    broke, as it does when the kernel kills a worker."""
    from concurrent.futures.process import BrokenProcessPool

    future = pending[0][1]
    assert future is not None
    try:
        result = future.result()
    except BrokenProcessPool:
        return True
    pending.popleft()
    yield result
    return False


def _alone(
    function: Callable[[Item], Result],
    item: Item,
    lost: Callable[[Item, int | None], Result],
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
) -> Result:
    """`function(item)` in a process of its own; `lost(...)` when that process dies."""
    return _started(function, item, lost, initializer, initargs)()


def _started(
    function: Callable[[Item], Result],
    item: Item,
    lost: Callable[[Item, int | None], Result],
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
) -> Callable[[], Result]:
    """Start `function(item)` in a process of its own now; what waits for its result
    (`lost(item, exitcode)` when the process dies before it answers)."""
    context = _context()
    receive, send = context.Pipe(duplex=False)
    process = context.Process(
        target=_run_and_send, args=(send, function, item, initializer, initargs)
    )
    gc.freeze()  # as for a pool: the worker's collector leaves the inherited data alone
    process.start()
    send.close()

    def result() -> Result:
        try:
            ok, value = receive.recv()
        except EOFError:  # the process died before it could answer
            process.join()
            return lost(item, process.exitcode)
        finally:
            receive.close()
        process.join()
        if not ok:
            raise value
        found: Result = value
        return found

    return result


def _run_and_send(
    send: Any,
    function: Callable[[Any], Any],
    item: Any,
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
) -> None:
    try:
        if initializer is not None:
            initializer(*initargs)
        send.send((True, function(item)))
    except Exception as error:  # raised in the parent, as a pool would
        send.send((False, error))
    finally:
        send.close()


def _context() -> Any:
    """Fork on Linux, where it is safe and starts workers with planctl already imported."""
    import multiprocessing  # imported only when there is enough work to share

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
