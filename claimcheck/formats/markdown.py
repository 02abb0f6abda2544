"""The markdown conflict summary, pasted into a pull request or a report:
conflicts first with the competing quotes side by side, then agreements, then
gaps. Source text is escaped so it cannot break a table."""

from __future__ import annotations

from claimcheck.compare import describe
from claimcheck.model import ClaimResult, Report, Verdict


def render(report: Report) -> str:
    """The report as GitHub-flavoured markdown."""
    lines = [
        "# claimcheck report",
        "",
        f"{len(report.results)} claims against {len(report.sources)} sources: "
        f"**{report.count(Verdict.CONFLICT)} conflict**, {report.count(Verdict.AGREE)} agree, "
        f"{report.count(Verdict.GAP)} gap.",
    ]
    paths = {source.id: source.path for source in report.sources}
    for verdict, title in (
        (Verdict.CONFLICT, "Conflicts"),
        (Verdict.AGREE, "Agreements"),
        (Verdict.GAP, "Gaps"),
    ):
        results = [result for result in report.results if result.status is verdict]
        if not results:
            continue
        lines += ["", f"## {title}", ""] if lines[-1] else [f"## {title}", ""]
        for result in results:
            if verdict is Verdict.GAP:
                lines.append(f"- **{result.claim.id}**: {_escape(result.claim.text)} — no source states it.")
            else:
                lines += [*_evidence(result, paths), ""]
    return "\n".join(lines) + "\n"


def _evidence(result: ClaimResult, paths: dict[str, str]) -> list[str]:
    lines = [
        f"### {result.claim.id}",
        "",
        f"> {_escape(result.claim.text)}",
        "",
        "| Source | Verdict | Figure | Quote | Line |",
        "| --- | --- | --- | --- | --- |",
    ]
    shown = sorted(
        (f for f in result.findings if f.verdict is not Verdict.GAP),
        key=lambda f: (f.verdict is not Verdict.CONFLICT, f.source_id),
    )
    for finding in shown:
        figure = describe(finding.quantity) if finding.quantity else ""
        lines.append(
            f"| `{finding.source_id}` | {finding.verdict.value} | {_escape(figure)} "
            f'| "{_escape(finding.quote)}" | {finding.line or ""} |'
        )
    lines.append("")
    for finding in shown:
        lines.append(f"- `{finding.source_id}`: {_escape(finding.reason)}")
    silent = sum(f.verdict is Verdict.GAP for f in result.findings)
    if silent:
        lines.append(f"- {silent} other source{'s' if silent != 1 else ''} say nothing about it.")
    return lines


def _escape(text: str) -> str:
    """Source text is data, never markup: no table breaks, no HTML, no links."""
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())
