import io

import pytest

import claimcheck.progress
from claimcheck.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(claimcheck.progress.time, "monotonic", fake)
    return fake


def test_nothing_is_drawn_in_the_first_second_or_when_disabled(clock: Clock) -> None:
    stream = io.StringIO()
    quick = Progress(10, "checking claims", stream=stream)
    for _ in range(5):
        clock.now += 0.1
        quick.advance()
    assert stream.getvalue() == ""
    off = Progress(10, "checking claims", enabled=False, stream=stream)
    clock.now += 5
    off.advance()
    assert stream.getvalue() == ""


def test_a_long_run_shows_count_percent_and_time_left_then_clears_the_line(clock: Clock) -> None:
    stream = io.StringIO()
    progress = Progress(4, "checking claims", stream=stream)
    clock.now += 2.0
    progress.advance()
    assert "checking claims 1/4 25% about 6 s left" in stream.getvalue()
    for _ in range(3):
        clock.now += 2.0
        progress.advance()
    assert stream.getvalue().endswith("\r\x1b[K")
