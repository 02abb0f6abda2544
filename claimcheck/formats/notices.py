"""The problems a CI run reports, one per line of a linter's output: the shared source of
the line, github, sarif and junit formats, so they all say the same thing.

- an open conflict: error (rule ``conflict``), one per conflicting source;
- an accepted conflict: note (rule ``accepted``), with its reason;
- a conflict with a source older than the claim's ``as_of``: note (rule ``outdated``);
- a claim no source backs, when that fails the run (``--fail-on gap``: warning, rule
  ``gap``; ``required: true``: error, rule ``unbacked``);
- an accept that matches no conflict any more: warning (rule ``stale-accept``).

Every notice points at the claim's line in the claims file (a stale accept at its
own line), so annotations land where the analyst can act.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.formats.labels import when_and_who
from claimcheck.model import ClaimResult, FailOn, Finding, Report, SourceMeta, Verdict, quick_init

# Notices per piece of a streamed report (``in_pieces``).
PIECE = 2000

RULES: dict[str, str] = {
    "conflict": "A source contradicts the claim",
    "accepted": "A source contradicts the claim; the conflict is accepted",
    "outdated": "A source older than the claim's as_of contradicts it",
    "gap": "No source states the claim",
    "unbacked": "A required claim that no source backs",
    "stale-accept": "An accepted conflict that no longer exists",
    "unread-source": "A source that could not be read as the others (its conflicts may be missing)",
}


@quick_init  # a large run reports tens of thousands
@dataclass(frozen=True, slots=True)
class Notice:
    """One problem: where in the claims file, how bad, what, and which source it is about."""

    level: str  # "error", "warning" or "note"
    rule: str
    claim_id: str
    line: int
    column: int
    message: str
    source_path: str | None = None
    source_line: int | None = None
    accepted: str | None = None


def notices(report: Report) -> list[Notice]:
    """Every problem in the report, in claims-file order."""
    sources = {source.id: source for source in report.sources}
    paths = {source.id: source.path for source in report.sources}
    found: list[Notice] = []
    for result in report.results:
        claim = result.claim
        for finding in result.judged:
            if finding.verdict is not Verdict.CONFLICT:
                continue
            if finding.accepted is not None:
                level, rule = "note", "accepted"
            elif finding.outdated:
                level, rule = "note", "outdated"
            else:
                level, rule = "error", "conflict"
            source = sources[finding.source_id]
            message = conflict_message(finding, source.meta)
            found.append(
                Notice(level, rule, claim.id, claim.line, claim.column, message, source.path, finding.line,
                       finding.accepted)
            )  # fmt: skip

        if report.gap_fails(result):
            found.append(_unbacked(report, result))
    for stale in report.stale:
        message = (
            f"accepted conflict with {stale.accept.source} no longer exists "
            f"(the source or the claim changed); remove the accept"
        )
        found.append(
            Notice("warning", "stale-accept", stale.claim_id, stale.accept.line, stale.accept.column, message,
                   paths.get(stale.accept.source))
        )  # fmt: skip
    # What could not be read: every format says so, or CI would pass where a reader fails.
    unread = [
        Notice("warning", "unread-source", "-", 0, 0, warning, warning.split(": ", 1)[0])
        for warning in report.warnings
    ]
    return unread + sorted(found, key=lambda notice: (notice.line, notice.column))


def in_pieces(found: list[Notice]) -> Iterator[list[Notice]]:
    """The notices a few thousand at a time, for the formats that write a line per notice:
    rendered whole, a run of 100,000 articles (340,000 conflicts, 86 MB of report) held its
    lines twice over, about 400 MB, on top of the notices."""
    for start in range(0, len(found), PIECE):
        yield found[start : start + PIECE]


def conflict_message(finding: Finding, meta: SourceMeta) -> str:
    """'002_ef94a33fe93d7047 line 21 (2009, RFE/RL): "hosts some 400 personnel" — source says ...'."""
    where = finding.source_id
    if finding.line:
        where += f" line {finding.line}"
    if finding.page:
        where += f" p. {finding.page}"
    text = f'{where} ({when_and_who(meta)}): "{finding.quote}" — {finding.reason}'
    if finding.accepted is not None:
        text += f" (accepted: {finding.accepted})"
    elif finding.outdated:
        text += " (outdated: the source is older than the claim's as_of)"
    return text


def _unbacked(report: Report, result: ClaimResult) -> Notice:
    claim = result.claim
    if report.policy.fail_on is FailOn.GAP and not claim.required:
        return Notice("warning", "gap", claim.id, claim.line, claim.column, "no source states this claim")
    conflicts = result.tally(Verdict.CONFLICT)
    why = f"; {conflicts} contradict it" if conflicts else ""
    message = f"required claim: no source backs it{why}"
    return Notice("error", "unbacked", claim.id, claim.line, claim.column, message)
