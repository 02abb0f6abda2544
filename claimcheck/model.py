"""The data that flows between the pipeline's stages: frozen dataclasses and enums.

Claims and Sources come in; Passages and Quantities are derived from sources;
Findings (one per claim and source) and ClaimResults make up the Report.
Nothing here reads files or prints.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Verdict(str, enum.Enum):
    """What one source says about one claim. Ordered from best to worst."""

    AGREE = "agree"
    CONFLICT = "conflict"
    GAP = "gap"


class Bound(str, enum.Enum):
    """A figure that is a limit rather than a value: "more than 500", "up to 20"."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure found in text (or stated by a claim), with its unit and hedge.

    ``start``/``end`` are character offsets into the text it was read from.
    ``upper`` is set for ranges ("between 500 and 600"). ``qualifiers`` are the
    words between the number and its unit ("Su-25 attack" in "20 Su-25 attack
    planes"); they tell apart figures of the same unit about different things.
    """

    value: float
    unit: str | None = None
    approx: bool = False
    bound: Bound | None = None
    upper: float | None = None
    month: int | None = None
    day: int | None = None
    qualifiers: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    text: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One hand-written claim, with everything the file gave or the text implied."""

    id: str
    text: str
    subject: str
    aliases: tuple[str, ...] = ()
    quantity: Quantity | None = None
    tolerance: float = 0.10
    negated: bool = False
    line: int = 0


@dataclass(frozen=True, slots=True)
class Source:
    """One article: its id (path relative to the sources folder, no extension)."""

    id: str
    path: str
    text: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence (or heading) of a source, where it starts and on which line."""

    source_id: str
    index: int
    text: str
    start: int
    line: int


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict of one source on one claim, with the evidence that decided it."""

    claim_id: str
    source_id: str
    verdict: Verdict
    reason: str
    quote: str = ""
    passage: str = ""
    line: int | None = None
    quantity: Quantity | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """A claim, its findings (one per source, in source order) and its status."""

    claim: Claim
    findings: tuple[Finding, ...]

    @property
    def status(self) -> Verdict:
        """conflict if any source conflicts, else agree if any agrees, else gap."""
        verdicts = {finding.verdict for finding in self.findings}
        for verdict in (Verdict.CONFLICT, Verdict.AGREE):
            if verdict in verdicts:
                return verdict
        return Verdict.GAP


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one check produced; the formats render it, the CLI picks the exit code."""

    claims_file: str
    sources: tuple[Source, ...]
    results: tuple[ClaimResult, ...]
    warnings: tuple[str, ...] = field(default=())

    def count(self, verdict: Verdict) -> int:
        """How many claims have this status."""
        return sum(1 for result in self.results if result.status is verdict)

    @property
    def has_conflict(self) -> bool:
        return any(result.status is Verdict.CONFLICT for result in self.results)
