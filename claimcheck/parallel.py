"""Work spread over worker processes (``--jobs``), results in input order, so a
run's output never depends on how many workers made it. One worker system:
``TwoPassWorkers``, which the engine runs every check through (reading and preparing
sources in the first pass, judging them in the second, where the first left them)."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from multiprocessing.connection import Connection, wait
from typing import Any, cast

# A worker that has waited this long (seconds) for its next message has nothing to do and
# does a chore instead: the parent hands the next item within a millisecond or two.
IDLE_AFTER = 0.05
# How long leaving a ``TwoPassWorkers`` waits for its workers to finish their chores (a few
# seconds of cache writes) before stopping them: their work is then lost, never wrong.
CHORES_TIMEOUT = 120.0


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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


class TwoPassWorkers:
    """Worker processes for a run in two passes over the same items, where each item's
    second pass runs in the process that did its first and finds there what the first
    left it (``kept``) — a batch's prepared sources, instead of storing them and reading
    them back. The first pass hands items to whichever worker is free; the second runs
    each worker over the items it kept, in order. With one job, or fewer than two items,
    both passes run in this process.

    The first pass may also leave a ``chore`` of an item: work that must be done but that no
    result waits for (storing what it made in the cache). A worker does its chores while it
    has nothing else to do — waiting for the others at the end of a pass, or after the second
    pass while the caller goes on with the results — and before it stops; leaving the block
    waits for them. In this process, a chore is done at once."""

    def __init__(self, jobs: int, items: int) -> None:
        self.jobs = min(jobs, items)
        self._kept: dict[int, Any] = {}  # when no processes: what the first pass left
        self._workers: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
        self._owner: dict[int, int] = {}  # item -> the worker that kept it

    def __enter__(self) -> TwoPassWorkers:
        if self.jobs > 1:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            context = multiprocessing.get_context(method)
            for _ in range(self.jobs):
                ours, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs,), daemon=True)  # type: ignore[attr-defined]
                process.start()
                theirs.close()
                self._workers.append((process, ours))
        return self

    def __exit__(self, *exc: object) -> None:
        failed = exc[0] is not None  # then the chores' work is of no use: stop at once
        for _, connection in self._workers:
            with contextlib.suppress(OSError):  # it has stopped already
                connection.send(("stop", not failed))
            connection.close()
        for process, _ in self._workers:
            process.join(timeout=5 if failed else CHORES_TIMEOUT)
            if process.is_alive():
                process.terminate()
                process.join()
        self._workers.clear()

    def first(
        self,
        function: Callable[[Any, Any], tuple[Any, Any, Callable[[], None] | None]],
        items: Sequence[Any],
        shared: Any,
        on_done: Callable[[], None] | None = None,
    ) -> list[Any]:
        """``result`` of ``function(item, shared) -> (result, kept, chore)`` for every item,
        in order; ``kept`` stays where it was made, for ``second``, and so does ``chore`` (or None)."""
        results: dict[int, Any] = {}
        if not self._workers:
            for number, item in enumerate(items):
                results[number], self._kept[number], chore = function(item, shared)
                if chore is not None:
                    chore()
                if on_done is not None:
                    on_done()
            return [results[number] for number in range(len(items))]
        waiting = iter(enumerate(items))
        busy: dict[Connection, int] = {}
        for worker, (_, connection) in enumerate(self._workers):
            if self._hand(worker, waiting, function, shared):
                busy[connection] = worker
        while busy:
            for ready in wait(list(busy)):
                connection = cast(Connection, ready)
                worker = busy.pop(connection)
                number, result = _answer(self._workers[worker], connection)
                results[number] = result
                if on_done is not None:
                    on_done()
                if self._hand(worker, waiting, function, shared):
                    busy[connection] = worker  # type: ignore[index]
        return [results[number] for number in range(len(items))]

    def second(
        self,
        function: Callable[[Any, Any], Any],
        shared: Any,
        on_done: Callable[[], None] | None = None,
        release: bool = True,
    ) -> list[Any]:
        """``function(kept, shared)`` for what the first pass kept of every item, in item
        order; ``shared`` is sent once to each worker. What is kept is let go as it is used,
        unless ``release`` is false: then another second pass may follow (``compare`` puts
        batch after batch of statements to one prepared corpus)."""
        results: dict[int, Any] = {}
        if not self._workers:
            for number in sorted(self._kept):
                kept = self._kept.pop(number) if release else self._kept[number]
                results[number] = function(kept, shared)
                if on_done is not None:
                    on_done()
            return [results[number] for number in sorted(results)]
        expected = len(self._owner)
        busy: dict[Connection, int] = {}
        for worker, (_, connection) in enumerate(self._workers):
            connection.send(("second", function, shared, release))
            busy[connection] = worker
        while busy:
            for ready in wait(list(busy)):
                connection = cast(Connection, ready)
                worker = busy[connection]
                answer = _answer(self._workers[worker], connection)
                if answer is None:  # that worker has done all it kept
                    del busy[connection]  # type: ignore[arg-type]
                    continue
                number, result = answer
                results[number] = result
                if on_done is not None:
                    on_done()
        if len(results) != expected:
            raise RuntimeError(f"the workers answered for {len(results)} of {expected} items")
        if release:
            self._owner.clear()
        return [results[number] for number in sorted(results)]

    def _hand(self, worker: int, waiting: Iterator[tuple[int, Any]], function: Callable, shared: Any) -> bool:
        for number, item in waiting:
            self._workers[worker][1].send(("first", number, function, item, shared))
            self._owner[number] = worker
            return True
        return False


def _answer(worker: tuple[multiprocessing.process.BaseProcess, Connection], connection: Connection) -> Any:
    """A worker's next answer: (item, result), or None when it has done its part; its error raised here."""
    try:
        message = connection.recv()
    except EOFError:
        process = worker[0]
        process.join(timeout=1)
        raise RuntimeError(f"a worker process stopped unexpectedly (exit code {process.exitcode})") from None
    if message[0] == "error":
        raise message[1]
    return None if message[0] == "end" else (message[1], message[2])


def _serve(connection: Connection) -> None:
    """A worker of ``TwoPassWorkers``: first-pass items as they come, keeping what each
    leaves; then every kept item's second pass, in order (once, or again while the parent
    keeps them); the chores when idle."""
    kept: dict[int, Any] = {}
    chores: deque[Callable[[], None]] = deque()
    try:
        while True:
            if chores and not connection.poll(IDLE_AFTER):
                _collected_after(_done, chores.popleft())
                continue
            message = connection.recv()
            if message[0] == "stop":
                while chores and message[1]:
                    _collected_after(_done, chores.popleft())
                return
            if message[0] == "first":
                _, number, function, item, shared = message
                try:
                    result, kept[number], chore = _collected_after(partial(_given, function, shared), item)
                except Exception as error:
                    connection.send(("error", _sendable(error)))
                    continue
                if chore is not None:
                    chores.append(chore)
                connection.send(("done", number, result))
            else:
                _, function, shared, release = message
                for number in sorted(kept):
                    try:
                        item = kept.pop(number) if release else kept[number]
                        result = _collected_after(partial(_given, function, shared), item)
                    except Exception as error:
                        connection.send(("error", _sendable(error)))
                        break
                    connection.send(("done", number, result))
                else:
                    connection.send(("end",))
    except (EOFError, KeyboardInterrupt):  # the parent has gone, or Ctrl-C: it reports that
        return
    finally:
        connection.close()


def _done(chore: Callable[[], None]) -> None:
    chore()


def _given(function: Callable[[Any, Any], Any], shared: Any, item: Any) -> Any:
    return function(item, shared)


def _sendable(error: Exception) -> Exception:
    """The error itself when it survives pickling, else a RuntimeError with its traceback."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError("".join(traceback.format_exception(error)))
    return error
