"""The terminal report: one row per claim with its status and each source's
verdict, then the evidence for every conflict (and, with -v, for every claim).

-q prints only what fails the run; colour marks conflicts red, agreements
green and accepted conflicts yellow, always next to a word, never instead of one.
"""

from __future__ import annotations

import textwrap

import click
from tabulate import tabulate

from claimcheck.compare import describe
from claimcheck.formats.labels import short_ids
from claimcheck.formats.style import PLAIN, Style, Verbosity
from claimcheck.model import ClaimResult, Finding, Report, Verdict

# Past this many sources a column each is unreadable; show counts instead.
MAX_SOURCE_COLUMNS = 8
_COLORS = {"CONFLICT": "red", "agree": "green", "accepted": "yellow", "FAILED": "red"}


def render(report: Report, style: Style = PLAIN) -> str:
    """The report as plain-text tables."""
    names = short_ids([source.id for source in report.sources])
    paint = _painter(style)
    parts = []
    if style.verbosity > Verbosity.QUIET:
        parts.append(_table(report, names, paint))
        if len(report.sources) <= MAX_SOURCE_COLUMNS and report.sources:
            parts.append("sources: " + ", ".join(f"{names[s.id]} = {s.path}" for s in report.sources))
        parts.append(_summary(report))
    for result in report.results:
        open_conflict = any(f.open_conflict for f in result.findings)
        shown = open_conflict or report.gap_fails(result)
        if style.verbosity > Verbosity.QUIET:
            shown = shown or result.status is Verdict.CONFLICT or style.verbosity >= Verbosity.VERBOSE
        if shown:
            parts.append(_evidence(result, names, paint, report.gap_fails(result), style))
    for stale in report.stale:
        parts.append(
            f"warning: {report.claims_file}:{stale.accept.line}: {stale.claim_id}: the accepted conflict "
            f"with {stale.accept.source} no longer exists; remove the accept"
        )
    return "\n\n".join(parts) + "\n" if parts else ""


def _table(report: Report, names: dict[str, str], paint) -> str:
    per_source = len(report.sources) <= MAX_SOURCE_COLUMNS
    rows = []
    for result in report.results:
        status = _status(result)
        row = [result.claim.id, paint(status)]
        if per_source:
            row += [_cell(finding, paint) for finding in result.findings]
        else:
            row += [sum(f.verdict is verdict for f in result.findings) for verdict in Verdict]
        rows.append(row)
    headers = ["claim", "status"] + (
        [names[source.id] for source in report.sources] if per_source else ["agree", "conflict", "gap"]
    )
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def _status(result: ClaimResult) -> str:
    if result.accepted:
        return "accepted"
    return "CONFLICT" if result.status is Verdict.CONFLICT else result.status.value


def _cell(finding: Finding, paint) -> str:
    if finding.verdict is Verdict.GAP:
        return "-"
    label = (
        "accepted"
        if finding.accepted is not None
        else ("CONFLICT" if finding.verdict is Verdict.CONFLICT else "agree")
    )
    if finding.quantity is None:
        return paint(label)
    figure = (
        describe(finding.quantity).replace("about ", "~").replace("more than ", ">").replace("up to ", "<=")
    )
    return f"{paint(label)} {figure}"


def _summary(report: Report) -> str:
    accepted = f" ({report.accepted_count} accepted)" if report.accepted_count else ""
    return (
        f"{len(report.results)} claims, {len(report.sources)} sources: "
        f"{report.count(Verdict.AGREE)} agree, {report.count(Verdict.CONFLICT)} conflict{accepted}, "
        f"{report.count(Verdict.GAP)} gap"
    )


def _evidence(result: ClaimResult, names: dict[str, str], paint, unbacked: bool, style: Style) -> str:
    status = _status(result)
    lines = [f"{paint(status)} {result.claim.id}: {result.claim.text}"]
    if unbacked:
        lines.append(f"  {paint('FAILED')}   no source backs this claim")
    for finding in result.findings:
        if finding.verdict is Verdict.GAP and style.verbosity < Verbosity.VERBOSE:
            continue
        where = f"{names[finding.source_id]}:{finding.line}" if finding.line else names[finding.source_id]
        quote = f'"{finding.quote}"' if finding.quote else ""
        lines.append(f"  {finding.verdict.value:<8} {where:<8} {quote}".rstrip())
        lines.extend(
            textwrap.wrap(finding.reason, width=96, initial_indent=" " * 20, subsequent_indent=" " * 20)
        )
        if finding.accepted is not None:
            accepted = f"{paint('accepted')}: {finding.accepted}"
            lines.extend(
                textwrap.wrap(accepted, width=110, initial_indent=" " * 20, subsequent_indent=" " * 30)
            )
        if style.verbosity >= Verbosity.VERBOSE and finding.passage:
            lines.extend(
                textwrap.wrap(
                    f"passage: {finding.passage}",
                    width=96,
                    initial_indent=" " * 20,
                    subsequent_indent=" " * 29,
                )
            )
    return "\n".join(lines)


def _painter(style: Style):
    def paint(word: str) -> str:
        return click.style(word, fg=_COLORS[word]) if style.color and word in _COLORS else word

    return paint
