"""How sources are named in human reports: short ids, and who said it when."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claimcheck.model import ClaimResult, Finding, Source, SourceMeta, Verdict


def short_ids(ids: list[str]) -> dict[str, str]:
    """The part before the first '_' when that is unique, else the whole id."""
    prefixes = [source_id.split("_", 1)[0] for source_id in ids]
    if len(set(prefixes)) == len(prefixes):
        return dict(zip(ids, prefixes, strict=True))
    return {source_id: source_id for source_id in ids}


def when_and_who(meta: SourceMeta) -> str:
    """'2009, RFE/RL', '2016-07-27 (date guessed)', 'undated'."""
    date = meta.date or "undated"
    if meta.date and meta.date_guessed:
        date += " (date guessed)"
    return f"{date}, {meta.outlet}" if meta.outlet else date


def by_date(findings: Iterable[Finding], sources: Sequence[Source]) -> list[Finding]:
    """Findings in the order their sources were written; undated ones last."""
    dates = {source.id: source.meta.date for source in sources}
    return sorted(
        findings, key=lambda f: (dates.get(f.source_id) is None, dates.get(f.source_id) or "", f.source_id)
    )


def newest(findings: Iterable[Finding], sources: Sequence[Source]) -> Finding | None:
    """The finding from the most recently dated source, if any source is dated."""
    dated = [f for f in by_date(findings, sources) if _meta(f, sources).date]
    return dated[-1] if dated else None


def _meta(finding: Finding, sources: Sequence[Source]) -> SourceMeta:
    return next((source.meta for source in sources if source.id == finding.source_id), SourceMeta())


def independence(result: ClaimResult) -> str | None:
    """'agreed by 3 sources, 2 independent: 001 and 004 carry the same text', when copies exist."""
    if not result.copies:
        return None
    parts = []
    for verdict, word in ((Verdict.AGREE, "agreed"), (Verdict.CONFLICT, "contradicted")):
        count = sum(f.verdict is verdict for f in result.findings)
        if count:
            sources = f"{count} source{'s' if count != 1 else ''}"
            parts.append(f"{word} by {sources}, {result.independent(verdict)} independent")
    copies = "; ".join(" and ".join(group) + " carry the same text" for group in result.copies)
    return f"{'; '.join(parts)}: {copies}"
