"""Work spread over worker processes (``--jobs``), results in input order, so a
run's output never depends on how many workers made it."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

# Fewer items than this per worker are not worth starting processes for.
MIN_ITEMS_PER_JOB = 16

# What the parent handed this worker process once, at its start (``shared``): the
# claims and the vocabulary, sent once per worker instead of once per item.
_handed: list[Any] = []
# ``shared`` when none is given: the function takes the item alone.
_ALONE = object()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def in_order(
    function: Callable[..., Any],
    items: Sequence[Any],
    jobs: int,
    shared: Any = _ALONE,
    min_items: int = MIN_ITEMS_PER_JOB,
    on_done: Callable[[], None] | None = None,
) -> list[Any]:
    """``[function(item) for item in items]`` — or ``function(item, shared)`` when
    ``shared`` is given — in up to ``jobs`` processes when there are enough items."""
    return list(_results(function, items, jobs, shared, min_items, on_done))


def _results(
    function: Callable[..., Any],
    items: Sequence[Any],
    jobs: int,
    shared: Any,
    min_items: int,
    on_done: Callable[[], None] | None,
) -> Iterator[Any]:
    jobs = min(jobs, len(items) // max(min_items, 1))
    if jobs <= 1:
        for item in items:
            yield function(item) if shared is _ALONE else function(item, shared)
            if on_done is not None:
                on_done()
        return
    call = partial(_collected_after, function if shared is _ALONE else partial(_with, function))
    # fork shares the loaded code instead of importing it again in every worker.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_hand, initargs=(shared,)) as pool:
        chunk = 1 if shared is not _ALONE else max(1, len(items) // (jobs * 8))
        for result in pool.map(call, items, chunksize=chunk):
            yield result
            if on_done is not None:
                on_done()


def _hand(shared: Any) -> None:
    _handed[:] = [shared]


def _collected_after(function: Callable[[Any], Any], item: Any) -> Any:
    """``function(item)`` with the cycle collector paused, then the cycles it left freed.

    Working on an item makes and drops millions of small objects (a batch's passages,
    decoded entries, findings) that reference counting frees; the collector, running
    every 700 of them, walked the worker's whole heap again and again: about a quarter
    of the CPU of a cold run. What the item made stays in the youngest generation while the
    collector is paused, so collecting that generation afterwards frees any cycles it
    left (a parser's, an exception's) and walks nothing older."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return function(item)
    finally:
        gc.collect(0)
        if enabled:
            gc.enable()


def _with(function: Callable[[Any, Any], Any], item: Any) -> Any:
    return function(item, _handed[0])
