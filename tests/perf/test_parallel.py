"""Files spread over worker processes give the same report as one process."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from planctl import parallel
from planctl.validate import engine as validate

from ..conftest import CLI


def test_workers_find_exactly_what_one_process_finds(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validate, "PARALLEL_MIN_BYTES", 0)  # share even a small corpus
    alone = validate.validate([], jobs=1, use_cache=False)
    shared = validate.validate([], jobs=3, use_cache=False)
    cached = validate.validate([], jobs=3)
    warm = validate.validate([], jobs=3)
    assert alone.findings == shared.findings == cached.findings == warm.findings
    assert alone.errors > 0
    assert alone.files == shared.files == warm.files


def test_workers_really_ran() -> None:
    pids = set(parallel.map_in_processes(_pid, range(12), jobs=2, lost=_never))
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2


def test_a_small_batch_stays_in_this_process(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_workers(*args: object, **kwargs: object) -> Iterator[object]:
        raise AssertionError("worker processes started for a small batch")

    monkeypatch.setattr(parallel, "map_in_processes", no_workers)
    report = validate.validate([Path("plans")], jobs=4, use_cache=False)
    assert report.files == 23


def test_results_come_in_order_with_a_bounded_number_in_flight() -> None:
    consumed: list[int] = []

    def items() -> Iterator[int]:
        for number in range(40):
            consumed.append(number)
            yield number

    results = parallel.map_in_processes(_square, items(), jobs=2, window=5, lost=_never)
    first = next(results)
    assert first == 0
    assert len(consumed) <= 5
    assert [first, *results] == [number * number for number in range(40)]


def test_the_cli_option_gives_the_same_output(
    cli: CLI, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validate, "PARALLEL_MIN_BYTES", 0)
    one = cli("validate", "-j", "1", "--no-cache", cwd=corpus)
    two = cli("validate", "--jobs=2", "--no-cache", cwd=corpus)
    assert one.exit_code == two.exit_code == 1, one.output
    assert one.stdout == two.stdout


def test_a_negative_job_count_is_a_usage_error(cli: CLI, corpus: Path) -> None:
    result = cli("validate", "-j", "-1", cwd=corpus)
    assert result.exit_code == 2, result.output
    assert "--jobs -1" in result.stderr


def _pid(_: int) -> int:
    return os.getpid()


def _square(number: int) -> int:
    return number * number


def _never(item: int, exitcode: int | None) -> int:
    raise AssertionError(f"item {item} lost (exit code {exitcode})")


def _square_or_die(number: int) -> int:
    if number == 7:
        os.kill(os.getpid(), 9)  # as the kernel's out-of-memory killer does
    return number * number


def test_an_item_whose_worker_is_killed_is_reported_and_the_others_still_run() -> None:
    def lost(item: int, exitcode: int | None) -> int:
        return -1000 * item + (exitcode or 0)

    results = list(parallel.map_in_processes(_square_or_die, range(20), jobs=2, lost=lost))
    assert results == [-7009 if n == 7 else n * n for n in range(20)]


def _refuse(_shared: None, item: str) -> str:
    raise ValueError(item)


def _die_in_a_worker(parent: int, item: int) -> int:
    if os.getpid() != parent:
        os.kill(os.getpid(), 9)
    return item * 2


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)


def _pid_and_sum(offset: int, numbers: tuple[int, ...]) -> tuple[int, int]:
    return os.getpid(), offset + sum(numbers)


@pytest.mark.usefixtures("two_cores")
def test_work_started_on_a_worker_is_waited_for_later() -> None:
    waiting = parallel.start_forked(_pid_and_sum, 100, (1, 2, 3), worth_it=True)
    here = _pid_and_sum(0, (4,))  # this process goes on meanwhile
    worker, total = waiting()
    assert total == 106 and here == (os.getpid(), 4)
    assert worker != os.getpid()


@pytest.mark.usefixtures("two_cores")
def test_work_not_worth_a_worker_is_done_here_when_waited_for() -> None:
    waiting = parallel.start_forked(_pid_and_sum, 1, (2,), worth_it=False)
    assert waiting() == (os.getpid(), 3)


@pytest.mark.usefixtures("two_cores")
def test_a_failure_on_the_worker_is_raised_when_waited_for() -> None:
    waiting = parallel.start_forked(_refuse, None, "no such date", worth_it=True)
    with pytest.raises(ValueError, match="no such date"):
        waiting()


@pytest.mark.usefixtures("two_cores")
def test_work_whose_worker_is_killed_is_done_here() -> None:
    waiting = parallel.start_forked(_die_in_a_worker, os.getpid(), 21, worth_it=True)
    assert waiting() == 42


def _pid_and_double(_shared: None, item: int) -> tuple[int, int]:
    if item == 0:
        time.sleep(1)  # holds the one worker while this process takes back the rest
    return os.getpid(), item * 2


@pytest.mark.usefixtures("two_cores")
def test_this_process_works_meanwhile_then_takes_back_what_no_worker_started() -> None:
    here = os.getpid()
    done_meanwhile: list[int] = []
    results = list(
        parallel.map_forked(
            _pid_and_double,
            range(6),
            None,
            worth_it=True,
            meanwhile=lambda: done_meanwhile.append(os.getpid()),
        )
    )
    assert [double for _pid, double in results] == [0, 2, 4, 6, 8, 10]  # in order
    assert done_meanwhile == [here]
    assert results[0][0] != here  # the worker's
    assert results[-1][0] == here  # no worker had started it


@pytest.mark.usefixtures("two_cores")
def test_this_process_and_the_worker_share_what_is_left_after_meanwhile() -> None:
    here = os.getpid()
    results = list(
        parallel.map_forked(_pid_after_a_while, range(24), None, worth_it=True, meanwhile=list)
    )
    assert [item for _pid, item in results] == list(range(24))
    by_worker = sum(1 for pid, _item in results if pid != here)
    # Taken back one at a time from the end while the worker goes on from the start (not
    # all at once, which leaves the worker idle): each does a good part of them.
    assert by_worker >= 6
    assert len(results) - by_worker >= 6


def _pid_after_a_while(_shared: None, item: int) -> tuple[int, int]:
    time.sleep(0.05)
    return os.getpid(), item


@pytest.mark.usefixtures("two_cores")
def test_meanwhile_comes_first_when_the_work_is_not_worth_a_worker() -> None:
    order: list[object] = []
    results = parallel.map_forked(
        lambda _shared, item: order.append(item), [1, 2], None, worth_it=False,
        meanwhile=lambda: order.append("meanwhile"),
    )  # fmt: skip
    list(results)
    assert order == ["meanwhile", 1, 2]


@pytest.mark.usefixtures("two_cores")
def test_a_failure_on_a_worker_is_raised_beside_meanwhile() -> None:
    with pytest.raises(ValueError, match="no such date"):
        list(parallel.map_forked(_refuse, ["no such date"], None, worth_it=True, meanwhile=list))


@pytest.mark.usefixtures("two_cores")
def test_items_whose_worker_is_killed_are_done_here_beside_meanwhile() -> None:
    parent = os.getpid()
    results = parallel.map_forked(
        lambda _shared, item: _die_in_a_worker(parent, item), [1, 2, 3], None, worth_it=True,
        meanwhile=list,
    )  # fmt: skip
    assert list(results) == [2, 4, 6]


def _die_holding_the_claims(_shared: None, item: int) -> int:
    import multiprocessing

    if item == 3 and multiprocessing.parent_process() is not None:  # in a worker
        parallel._SHARED[2]._lock.acquire()  # as if killed in the middle of a claim
        os.kill(os.getpid(), 9)
    return item * 2


@pytest.mark.usefixtures("two_cores")
def test_a_worker_killed_holding_the_claims_lock_leaves_nothing_waiting_forever(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel._Claims, "PATIENCE", 0.2)
    results = parallel.map_forked(
        _die_holding_the_claims, list(range(40)), None, worth_it=True,
        meanwhile=lambda: time.sleep(0.1),
    )  # fmt: skip
    assert list(results) == [item * 2 for item in range(40)]
