"""Worker processes: results in input order, and in a run of two passes, each item's
second pass where its first left what it kept."""

import os

import pytest

from claimcheck.parallel import TwoPassWorkers, in_order


def _square(number: int) -> int:
    return number * number


def _made_here(item: int, shared: int) -> tuple[tuple[int, int], tuple[int, int]]:
    return (item + shared, os.getpid()), (item, os.getpid())


def _where_kept(kept: tuple[int, int], shared: int) -> tuple[int, int, int]:
    item, made_in = kept
    return item * shared, made_in, os.getpid()


def _fails_on_three(item: int, shared: None) -> tuple[int, int]:
    if item == 3:
        raise ValueError(f"item {item} is bad")
    return item, item


def _stops_on_three(item: int, shared: None) -> tuple[int, int]:
    if item == 3:
        os._exit(7)
    return item, item


def test_in_order_gives_results_in_input_order_with_any_number_of_jobs() -> None:
    items = list(range(50))
    assert in_order(_square, items, jobs=2, min_items=1) == [n * n for n in items]
    assert in_order(_square, items, jobs=1) == [n * n for n in items]


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_each_second_pass_runs_where_its_first_left_what_it_kept(jobs: int) -> None:
    items = list(range(11))
    ticks: list[str] = []
    with TwoPassWorkers(jobs, len(items)) as workers:
        first = workers.first(_made_here, items, 100, on_done=lambda: ticks.append("first"))
        second = workers.second(_where_kept, 2, on_done=lambda: ticks.append("second"))
    assert [result for result, _ in first] == [item + 100 for item in items]
    assert [result for result, _, _ in second] == [item * 2 for item in items]
    assert all(made_in == judged_in for _, made_in, judged_in in second)
    pids = {pid for _, pid in first}
    assert (os.getpid() in pids) == (jobs == 1) and len(pids) <= jobs
    assert ticks == ["first"] * len(items) + ["second"] * len(items)


def test_an_error_in_a_worker_is_raised_in_the_caller() -> None:
    with pytest.raises(ValueError, match="item 3 is bad"), TwoPassWorkers(2, 6) as workers:
        workers.first(_fails_on_three, list(range(6)), None)


def test_a_worker_that_stops_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="stopped unexpectedly"), TwoPassWorkers(2, 6) as workers:
        workers.first(_stops_on_three, list(range(6)), None)
