"""Work spread over worker processes (``--jobs``), results in input order, so a
run's output never depends on how many workers made it."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
# Fewer items than this per worker are not worth starting processes for.
MIN_ITEMS_PER_JOB = 16


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def in_order(function: Callable[[Item], Result], items: Sequence[Item], jobs: int) -> list[Result]:
    """``[function(item) for item in items]``, in ``jobs`` processes when that pays."""
    jobs = min(jobs, len(items) // MIN_ITEMS_PER_JOB)
    if jobs <= 1:
        return [function(item) for item in items]
    # fork shares the loaded code instead of importing it again in every worker.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method)) as pool:
        chunk = max(1, len(items) // (jobs * 8))
        return list(pool.map(function, items, chunksize=chunk))
