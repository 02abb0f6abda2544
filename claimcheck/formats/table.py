"""The terminal report: one row per claim with its status and each source's
verdict, then the evidence for every conflict."""

from __future__ import annotations

import textwrap

from tabulate import tabulate

from claimcheck.compare import describe
from claimcheck.formats.labels import short_ids
from claimcheck.model import Report, Verdict

# Past this many sources a column each is unreadable; show counts instead.
MAX_SOURCE_COLUMNS = 8
_CELL = {Verdict.AGREE: "agree", Verdict.CONFLICT: "CONFLICT", Verdict.GAP: "-"}


def render(report: Report) -> str:
    """The report as plain-text tables."""
    names = short_ids([source.id for source in report.sources])
    per_source = len(report.sources) <= MAX_SOURCE_COLUMNS
    rows = []
    for result in report.results:
        row = [
            result.claim.id,
            result.status.value.upper() if result.status is Verdict.CONFLICT else result.status.value,
        ]
        if per_source:
            row += [_cell(finding) for finding in result.findings]
        else:
            row += [sum(f.verdict is verdict for f in result.findings) for verdict in Verdict]
        rows.append(row)
    headers = ["claim", "status"] + (
        [names[source.id] for source in report.sources] if per_source else ["agree", "conflict", "gap"]
    )
    parts = [tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)]
    if per_source and report.sources:
        parts.append("sources: " + ", ".join(f"{names[s.id]} = {s.path}" for s in report.sources))
    parts.append(_summary(report))
    conflicts = [r for r in report.results if r.status is Verdict.CONFLICT]
    for result in conflicts:
        parts.append(_evidence(result, names))
    return "\n\n".join(parts) + "\n"


def _cell(finding) -> str:
    label = _CELL[finding.verdict]
    if finding.quantity is not None:
        figure = (
            describe(finding.quantity)
            .replace("about ", "~")
            .replace("more than ", ">")
            .replace("up to ", "<=")
        )
        return f"{label} {figure}"
    return label


def _summary(report: Report) -> str:
    return (
        f"{len(report.results)} claims, {len(report.sources)} sources: "
        f"{report.count(Verdict.AGREE)} agree, {report.count(Verdict.CONFLICT)} conflict, "
        f"{report.count(Verdict.GAP)} gap"
    )


def _evidence(result, names: dict[str, str]) -> str:
    lines = [f"CONFLICT {result.claim.id}: {result.claim.text}"]
    for finding in result.findings:
        if finding.verdict is Verdict.GAP:
            continue
        where = f"{names[finding.source_id]}:{finding.line}"
        lines.append(f'  {finding.verdict.value:<8} {where:<8} "{finding.quote}"')
        lines.extend(
            textwrap.wrap(finding.reason, width=96, initial_indent=" " * 20, subsequent_indent=" " * 20)
        )
    return "\n".join(lines)
