"""How human reports name things: short source ids, who said it when, a claim's status
and a finding's verdict in a word, a figure in a few characters."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

from claimcheck.compare import describe
from claimcheck.model import ClaimResult, Finding, Quantity, Report, Source, SourceMeta, Verdict
from claimcheck.sources import short_ids  # noqa: F401 (the reports' short ids)
from claimcheck.units import MONEY, SHARE, unit_named

# Units whose sign is part of the number ("$50 million", "12%"): never dropped from a short figure.
_UNKNOWN = SourceMeta()


class FromSource(Protocol):
    """A finding, or a statement of ``facts``: something one source says."""

    @property
    def source_id(self) -> str: ...


Said = TypeVar("Said", bound=FromSource)


def when_and_who(meta: SourceMeta) -> str:
    """'2009, RFE/RL', '2016-07-27 (date guessed)', 'undated'."""
    date = meta.date or "undated"
    if meta.date and meta.date_guessed:
        date += " (date guessed)"
    return f"{date}, {meta.outlet}" if meta.outlet else date


def silent_note(result: ClaimResult) -> str:
    """The sources with a gap on the claim, in a sentence ('' when there are none): "2 other
    sources say nothing about it.", or, when no source states anything, "None of the 3
    sources says anything about it." — never "other" with nobody else."""
    silent = result.tally(Verdict.GAP)
    if not silent:
        return ""
    if not result.stated:
        return (
            "The one source says nothing about it."
            if silent == 1
            else (f"None of the {silent} sources says anything about it.")
        )
    return f"{silent} other {'sources say' if silent != 1 else 'source says'} nothing about it."


def metas_of(sources: Iterable[Source]) -> dict[str, SourceMeta]:
    """Each source's metadata by its id. Made once per report: looked up in the list of
    sources for each finding instead, a report of 10,000 sources took 35 s to write."""
    return {source.id: source.meta for source in sources}


def by_date(said: Iterable[Said], metas: Mapping[str, SourceMeta]) -> list[Said]:
    """Findings (or statements) in the order their sources were written; undated ones last."""
    return sorted(said, key=lambda item: _date_key(metas.get(item.source_id, _UNKNOWN).date, item.source_id))


def sources_by_date(sources: Iterable[Source]) -> list[Source]:
    """Sources in the order they were written; undated ones last."""
    return sorted(sources, key=lambda source: _date_key(source.meta.date, source.id))


def _date_key(date: str | None, source_id: str) -> tuple[bool, str, str]:
    return (date is None, date or "", source_id)


def summary(report: Report) -> str:
    """'23 claims, 5 sources: 17 agree, 4 conflict (1 accepted or outdated), 2 gap'."""
    accepted = f" ({report.settled_count} accepted or outdated)" if report.settled_count else ""
    return (
        f"{_plural(len(report.results), 'claim')}, {_plural(len(report.sources), 'source')}: "
        f"{report.count(Verdict.AGREE)} agree, {report.count(Verdict.CONFLICT)} conflict{accepted}, "
        f"{report.count(Verdict.GAP)} gap"
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def status_label(result: ClaimResult) -> str:
    """A claim's status in a word: 'CONFLICT', 'accepted', 'outdated', 'agree' or 'gap'."""
    if result.settled:
        return "accepted" if result.accepted else "outdated"
    return "CONFLICT" if result.status is Verdict.CONFLICT else result.status.value


def finding_label(finding: Finding) -> str:
    """A stated finding's verdict in a word: 'CONFLICT', 'accepted', 'outdated' or 'agree'."""
    if finding.accepted is not None:
        return "accepted"
    if finding.outdated:
        return "outdated"
    return "CONFLICT" if finding.verdict is Verdict.CONFLICT else "agree"


def short_figure(quantity: Quantity, typographic: bool = False) -> str:
    """A figure for a table cell, with its unit, abbreviated where it has an abbreviation:
    '~500 personnel', '<=20 aircraft', '>570 km', '44 mi', '5 ha', '$50 million', '2003'.
    Typographic uses '≤' for 'up to', for reports that are not plain text."""
    record = unit_named(quantity.unit)
    if record is not None and record.symbol and record.dimension not in (MONEY, SHARE):
        quantity = dataclasses.replace(quantity, unit=record.symbol)
    at_most = "≤" if typographic else "<="
    return describe(quantity).replace("about ", "~").replace("more than ", ">").replace("up to ", at_most)


def newest(findings: Iterable[Finding], metas: Mapping[str, SourceMeta]) -> Finding | None:
    """The finding from the most recently dated source, if any source is dated."""
    dated = [f for f in by_date(findings, metas) if metas.get(f.source_id, _UNKNOWN).date]
    return dated[-1] if dated else None


def independence(result: ClaimResult) -> str | None:
    """'agreed by 3 sources, 2 independent: 001 and 004 carry the same text', when copies exist."""
    if not result.copies:
        return None
    parts = []
    for verdict, word in ((Verdict.AGREE, "agreed"), (Verdict.CONFLICT, "contradicted")):
        count = result.tally(verdict)
        if count:
            sources = f"{count} source{'s' if count != 1 else ''}"
            parts.append(f"{word} by {sources}, {result.independent(verdict)} independent")
    copies = "; ".join(" and ".join(group) + " carry the same text" for group in result.copies)
    return f"{'; '.join(parts)}: {copies}"
