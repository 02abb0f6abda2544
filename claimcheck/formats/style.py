"""How a report is written: for people, colour and how much it says (machine formats ignore
those); for the JSON contract, which version of it."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Verbosity(enum.IntEnum):
    QUIET = -1  # only what fails the run
    NORMAL = 0
    VERBOSE = 1  # every finding with its passage


@dataclass(frozen=True, slots=True)
class Style:
    color: bool = False
    verbosity: Verbosity = Verbosity.NORMAL
    json_version: int = 2  # formats/json.py: VERSIONS


PLAIN = Style()
