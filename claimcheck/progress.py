"""A progress line on stderr for long runs at a terminal: nothing for the first
second, nothing at all when stderr is not a terminal or with --quiet."""

from __future__ import annotations

import sys
import time
from typing import TextIO

# Runs shorter than this never show a progress line.
DELAY_SECONDS = 1.0
# Redraw at most this often.
REDRAW_SECONDS = 0.2


class Progress:
    """``advance()`` once per item; the line shows done/total, percent and time left."""

    def __init__(self, total: int, label: str, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.total = total
        self.label = label
        self.enabled = enabled and total > 0
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.drawn = False

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.done >= self.total:
            self.finish()
            return
        now = time.monotonic()
        elapsed = now - self.started
        if elapsed < DELAY_SECONDS or now - self.drawn_at < REDRAW_SECONDS:
            return
        left = elapsed / self.done * (self.total - self.done)
        self.stream.write(
            f"\r{self.label} {self.done:,}/{self.total:,} {100 * self.done // self.total}% "
            f"about {left:.0f} s left \x1b[K"
        )
        self.stream.flush()
        self.drawn_at, self.drawn = now, True

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.finish()

    def finish(self) -> None:
        """Take the line away, if it was drawn."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
