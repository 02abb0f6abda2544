"""Problems with positions, the one error type the core raises, and the exit codes."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ExitCode(enum.IntEnum):
    """The exit codes are a contract: CI scripts read them."""

    OK = 0
    CONFLICT = 1  # the run fails under --fail-on (an open conflict, by default)
    BAD_INPUT = 2
    INTERNAL = 3  # a bug in claimcheck: a short message, the traceback with --debug


class Kind(enum.Enum):
    """What sort of problem: callers decide by this, never by a message's words."""

    SYNTAX = "syntax"  # the file does not parse (YAML, TOML): nothing in it can be checked further
    CONTENT = "content"  # it parses, but something in it is wrong or missing


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with an input file, at a 1-based line (0 when unknown)."""

    path: str
    line: int
    message: str
    column: int = 0
    kind: Kind = Kind.CONTENT

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class ClaimcheckError(Exception):
    """Bad input: carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
