"""Worker processes: results in input order, and in a run of two passes, each item's
second pass where its first left what it kept."""

import os
from functools import partial
from pathlib import Path

import pytest

from claimcheck.parallel import TwoPassWorkers


def _made_here(item: int, shared: int) -> tuple[tuple[int, int], tuple[int, int], None]:
    return (item + shared, os.getpid()), (item, os.getpid()), None


def _leaves_a_chore(item: int, folder: str) -> tuple[int, int, partial[None]]:
    return item, item, partial(_note, Path(folder) / str(item), os.getpid())


def _note(path: Path, made_in: int) -> None:
    path.write_text(f"{made_in} {os.getpid()}")


def _where_kept(kept: tuple[int, int], shared: int) -> tuple[int, int, int]:
    item, made_in = kept
    return item * shared, made_in, os.getpid()


def _fails_on_three(item: int, shared: None) -> tuple[int, int, None]:
    if item == 3:
        raise ValueError(f"item {item} is bad")
    return item, item, None


def _stops_on_three(item: int, shared: None) -> tuple[int, int, None]:
    if item == 3:
        os._exit(7)
    return item, item, None


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


@pytest.mark.parametrize("jobs", [1, 2])
def test_what_is_kept_serves_many_second_passes_until_one_releases_it(jobs: int) -> None:
    items = list(range(5))
    with TwoPassWorkers(jobs, len(items)) as workers:
        workers.first(_made_here, items, 0)
        once = workers.second(_where_kept, 2, release=False)
        again = workers.second(_where_kept, 3, release=False)
        last = workers.second(_where_kept, 1)
        assert workers.second(_where_kept, 1) == []  # released: nothing is kept any more
    assert [r for r, _, _ in once] == [i * 2 for i in items]
    assert [r for r, _, _ in again] == [i * 3 for i in items]
    assert [r for r, _, _ in last] == items
    assert {made == judged for _, made, judged in once + again + last} == {True}


@pytest.mark.parametrize("jobs", [1, 2])
def test_chores_are_done_where_they_were_left_by_the_time_the_block_ends(jobs: int, tmp_path: Path) -> None:
    with TwoPassWorkers(jobs, 6) as workers:
        assert workers.first(_leaves_a_chore, list(range(6)), str(tmp_path)) == list(range(6))
        assert workers.second(_where_kept_alone, None) == list(range(6))
    done = [(tmp_path / str(item)).read_text().split() for item in range(6)]
    assert all(made_in == done_in for made_in, done_in in done)
    assert {int(done_in) == os.getpid() for _, done_in in done} == {jobs == 1}


def _where_kept_alone(kept: int, shared: None) -> int:
    return kept


def test_an_error_in_a_worker_is_raised_in_the_caller() -> None:
    with pytest.raises(ValueError, match="item 3 is bad"), TwoPassWorkers(2, 6) as workers:
        workers.first(_fails_on_three, list(range(6)), None)


def test_a_worker_that_stops_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="stopped unexpectedly"), TwoPassWorkers(2, 6) as workers:
        workers.first(_stops_on_three, list(range(6)), None)
