"""The terminal report: one row per claim with its status and each source's
verdict, then the evidence for every conflict (and, with -v, for every claim).

-q prints only what fails the run; colour marks conflicts red, agreements
green and accepted conflicts yellow, always next to a word, never instead of one.
"""

from __future__ import annotations

import textwrap

import click
from tabulate import tabulate

from claimcheck.formats.labels import (
    by_date,
    finding_label,
    independence,
    metas_of,
    newest,
    short_figure,
    short_ids,
    status_label,
    summary,
    when_and_who,
)
from claimcheck.formats.style import PLAIN, Style, Verbosity
from claimcheck.model import ClaimResult, Finding, Report, SourceMeta, Verdict

# Past this many sources a column each is unreadable; show counts instead.
MAX_SOURCE_COLUMNS = 8
_COLORS = {
    "CONFLICT": "red",
    "agree": "green",
    "accepted": "yellow",
    "outdated": "yellow",
    "ambiguous": "yellow",
    "FAILED": "red",
}


def render(report: Report, style: Style = PLAIN) -> str:
    """The report as plain-text tables."""
    names = short_ids([source.id for source in report.sources])
    metas = metas_of(report.sources)
    paint = _painter(style)
    parts = []
    if style.verbosity > Verbosity.QUIET:
        parts.append(_table(report, names, paint))
        if len(report.sources) <= MAX_SOURCE_COLUMNS and report.sources:
            parts.append("sources: " + ", ".join(f"{names[s.id]} = {s.path}" for s in report.sources))
        parts.append(summary(report))
    for result in report.results:
        open_conflict = any(f.open_conflict for f in result.judged)
        shown = open_conflict or report.gap_fails(result)
        if style.verbosity > Verbosity.QUIET:
            shown = shown or result.status is Verdict.CONFLICT or style.verbosity >= Verbosity.VERBOSE
        if shown:
            parts.append(_evidence(report, result, names, metas, paint, style))
    for stale in report.stale:
        parts.append(
            f"warning: {report.claims_file}:{stale.accept.line}: {stale.claim_id}: the accepted conflict "
            f"with {stale.accept.source} no longer exists; remove the accept"
        )
    if report.warnings:
        parts.append("\n".join(f"warning: {warning}" for warning in report.warnings))
    return "\n\n".join(parts) + "\n" if parts else ""


def _table(report: Report, names: dict[str, str], paint) -> str:
    per_source = len(report.sources) <= MAX_SOURCE_COLUMNS
    rows = []
    for result in report.results:
        status = status_label(result)
        row = [result.claim.id, paint(status)]
        if per_source:
            row += [_cell(finding, paint) for finding in result.findings]
        else:
            row += [result.tally(verdict) for verdict in Verdict]
        rows.append(row)
    headers = ["claim", "status"] + (
        [names[source.id] for source in report.sources] if per_source else ["agree", "conflict", "gap"]
    )
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def _cell(finding: Finding, paint) -> str:
    if finding.verdict is Verdict.GAP:
        return "-"
    label = finding_label(finding)
    if finding.quantity is None:
        return paint(label)
    return f"{paint(label)} {short_figure(finding.quantity)}"


def _evidence(
    report: Report,
    result: ClaimResult,
    names: dict[str, str],
    metas: dict[str, SourceMeta],
    paint,
    style: Style,
) -> str:
    status = status_label(result)
    lines = [f"{paint(status)} {result.claim.id}: {result.claim.text}"]
    if report.gap_fails(result):
        lines.append(f"  {paint('FAILED')}   no source backs this claim")
    # Gaps only with -v: then a line for every source, else only for those that state something.
    shown = result.findings if style.verbosity >= Verbosity.VERBOSE else result.stated
    for finding in by_date(shown, metas):
        where = names[finding.source_id] + (f":{finding.line}" if finding.line else "")
        where += f" p. {finding.page}" if finding.page else ""
        quote = f'"{finding.quote}"' if finding.quote else ""
        lines.append(f"  {finding.verdict.value:<8} {where:<8} {quote}".rstrip())
        indent = " " * 20
        lines.append(f"{indent}{when_and_who(metas[finding.source_id])}")
        lines.extend(textwrap.wrap(finding.reason, width=96, initial_indent=indent, subsequent_indent=indent))
        notes = [f"{paint('accepted')}: {finding.accepted}"] if finding.accepted is not None else []
        notes += (
            [f"{paint('outdated')}: older than the claim's as_of {result.claim.as_of}"]
            if finding.outdated
            else []
        )
        for figure in finding.figures:
            fits = "fits" if figure.compatible else "does not fit"
            notes.append(f'{paint("ambiguous")}: line {figure.line} "{figure.quote}" {fits} the claim')
        if style.verbosity >= Verbosity.VERBOSE and finding.passage:
            notes.append(f"passage: {finding.passage}")
        for note in notes:
            lines.extend(
                textwrap.wrap(note, width=110, initial_indent=indent, subsequent_indent=indent + "  ")
            )
    stated = list(result.stated)
    latest = newest(stated, metas)
    if result.status is Verdict.CONFLICT and latest is not None and len(stated) > 1:
        quoted = f" — {latest.quote}" if latest.quote else ""
        lines.append(f"  newest: {when_and_who(metas[latest.source_id])}{quoted} ({latest.verdict.value})")
    copies = independence(result)
    if copies:
        lines.extend(textwrap.wrap(copies, width=110, initial_indent="  ", subsequent_indent="    "))
    return "\n".join(lines)


def _painter(style: Style):
    def paint(word: str) -> str:
        return click.style(word, fg=_COLORS[word]) if style.color and word in _COLORS else word

    return paint
