"""The markdown conflict summary, pasted into a pull request or a report:
conflicts first with the competing quotes side by side, then accepted conflicts
with their reasons, agreements, gaps and stale accepts. Source text is escaped
so it cannot break a table or inject markup. -q keeps only what fails the run;
-v adds every passage."""

from __future__ import annotations

from claimcheck.compare import describe
from claimcheck.formats.labels import by_date, independence, metas_of, newest, silent_note, when_and_who
from claimcheck.formats.style import PLAIN, Style, Verbosity
from claimcheck.model import ClaimResult, Report, SourceMeta, Verdict


def render(report: Report, style: Style = PLAIN) -> str:
    """The report as GitHub-flavoured markdown."""
    accepted = f" ({report.settled_count} accepted or outdated)" if report.settled_count else ""
    lines = [
        "# claimcheck report",
        "",
        f"{len(report.results)} claims against {len(report.sources)} sources: "
        f"**{report.count(Verdict.CONFLICT)} conflict**{accepted}, {report.count(Verdict.AGREE)} agree, "
        f"{report.count(Verdict.GAP)} gap.",
    ]
    sections = (
        ("Conflicts", lambda r: r.status is Verdict.CONFLICT and not r.settled),
        ("Accepted or outdated conflicts", lambda r: r.settled),
        ("Agreements", lambda r: r.status is Verdict.AGREE),
        ("Gaps", lambda r: r.status is Verdict.GAP),
    )
    metas = metas_of(report.sources)
    for title, wanted in sections:
        results = [result for result in report.results if wanted(result)]
        if style.verbosity <= Verbosity.QUIET:
            results = [r for r in results if any(f.open_conflict for f in r.judged) or report.gap_fails(r)]
        if not results:
            continue
        lines += ["", f"## {title}", ""] if lines[-1] else [f"## {title}", ""]
        for result in results:
            if result.status is Verdict.GAP:
                failing = " **This fails the run.**" if report.gap_fails(result) else ""
                claim = f"**{escape(result.claim.id)}**: {escape(result.claim.text)}"
                lines.append(f"- {claim} — no source states it.{failing}")
            else:
                lines += [*_evidence(report, result, metas, style), ""]
    if report.stale:
        lines += ["", "## Stale accepts", ""] if lines[-1] else ["## Stale accepts", ""]
        for stale in report.stale:
            where = f"line {stale.accept.line} of {escape(report.claims_file)}"
            lines.append(
                f"- **{escape(stale.claim_id)}** accepts a conflict with {_code(stale.accept.source)} "
                f"that no longer exists ({where}): remove the accept."
            )
    if report.warnings:
        lines += ["", "## Warnings", ""] if lines[-1] else ["## Warnings", ""]
        lines += [f"- {escape(warning)}" for warning in report.warnings]
    return "\n".join(lines).rstrip("\n") + "\n"


def _evidence(report: Report, result: ClaimResult, metas: dict[str, SourceMeta], style: Style) -> list[str]:
    lines = [
        f"### {escape(result.claim.id)}",
        "",
        f"> {escape(result.claim.text)}",
        "",
        "| Source | Date, outlet | Verdict | Figure | Quote | Line |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    shown = by_date(result.stated, metas)
    for finding in shown:
        figure = describe(finding.quantity) if finding.quantity else ""
        verdict = finding.verdict.value
        if finding.accepted is not None:
            verdict += " (accepted)"
        elif finding.outdated:
            verdict += " (outdated)"
        where = f"{finding.line or ''}" + (f", p. {finding.page}" if finding.page else "")
        lines.append(
            f"| {_code(finding.source_id)} | {escape(when_and_who(metas[finding.source_id]))} | {verdict} "
            f'| {escape(figure)} | "{escape(finding.quote)}" | {where} |'
        )
    lines.append("")
    latest = newest(shown, metas)
    if result.status is Verdict.CONFLICT and latest is not None and len(shown) > 1:
        figure = f" — {escape(latest.quote)}" if latest.quote else ""
        lines.append(
            f"Newest: {escape(when_and_who(metas[latest.source_id]))}{figure} ({latest.verdict.value})."
        )
        lines.append("")
    for finding in shown:
        lines.append(f"- {_code(finding.source_id)}: {escape(finding.reason)}")
        if finding.accepted is not None:
            lines.append(f"  - accepted: {escape(finding.accepted)}")
        if finding.outdated:
            lines.append(f"  - outdated: the source is older than the claim's as_of ({result.claim.as_of})")
        if finding.ambiguous:
            lines.append("  - ambiguous: the source gives different figures for this")
            for evidence in finding.figures:
                fits = "fits the claim" if evidence.compatible else "does not fit the claim"
                lines.append(f'    - "{escape(evidence.quote)}" (line {evidence.line}): {fits}')
        if style.verbosity >= Verbosity.VERBOSE:
            lines.append(f"  - passage: {escape(finding.passage)}")
    copies = independence(result)
    if copies:
        lines.append(f"- {escape(copies[0].upper() + copies[1:])}.")
    silent = silent_note(result)
    if silent:
        lines.append(f"- {silent}")
    return lines


def _code(text: str) -> str:
    """A source id as code, unless a backtick in it would end the code span."""
    return f"`{text}`" if "`" not in text else escape(text)


def escape(text: str) -> str:
    """Source text is data, never markup: no table breaks, no HTML, no links."""
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())
