"""The report of ``claimcheck compare``: facts several sources state, as a table, as
markdown or as JSON — disagreements first, each with its figures side by side in
date order, who said them and when, and how many sources are independent."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate

from claimcheck.compare import describe
from claimcheck.facts import Fact
from claimcheck.formats.labels import by_date, metas_of, short_ids, when_and_who
from claimcheck.formats.markdown import escape
from claimcheck.model import Source, SourceMeta

FACT_FORMATS = ("table", "markdown", "json")


def render(facts: Sequence[Fact], sources: Sequence[Source], format_name: str) -> str:
    if format_name == "json":
        return render_json(facts, sources)
    if format_name == "markdown":
        return render_markdown(facts, sources)
    return render_table(facts, sources)


def render_table(facts: Sequence[Fact], sources: Sequence[Source]) -> str:
    names = short_ids([source.id for source in sources])
    metas = metas_of(sources)
    parts = [_summary(facts, sources)]
    for fact in facts:
        lines = [f"{_verdict(fact).upper()} {fact.subject} — {fact.unit}"]
        rows = [
            [
                names.get(s.source_id, s.source_id) + f":{s.line}",
                when_and_who(metas[s.source_id]),
                describe(s.quantity),
                f'"{s.quote}"',
            ]
            for s in by_date(fact.statements, metas)
        ]
        lines.append(tabulate(rows, tablefmt="plain", disable_numparse=True))
        lines.append(f"  {fact.reason}; {_independence(fact)}")
        for statement in fact.ambiguous:
            where = f"{names.get(statement.source_id, statement.source_id)}:{statement.line}"
            figure = describe(statement.quantity)
            lines.append(f'  ambiguous: {where} also says {figure}: "{statement.quote}"')
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def render_markdown(facts: Sequence[Fact], sources: Sequence[Source]) -> str:
    lines = ["# Where the sources disagree", "", _summary(facts, sources)]
    metas = metas_of(sources)
    for fact in facts:
        lines += ["", f"## {escape(fact.subject)} — {fact.unit} ({_verdict(fact)})", ""]
        lines += ["| Source | Date, outlet | Figure | Quote | Line |", "| --- | --- | --- | --- | --- |"]
        for statement in by_date(fact.statements, metas):
            lines.append(
                f"| `{statement.source_id}` | {escape(when_and_who(metas[statement.source_id]))} | "
                f'{escape(describe(statement.quantity))} | "{escape(statement.quote)}" | {statement.line} |'
            )
        lines += ["", f"{escape(fact.reason)}; {escape(_independence(fact))}."]
        for statement in fact.ambiguous:
            lines.append(
                f"\nAmbiguous: `{statement.source_id}` also says {escape(describe(statement.quantity))} "
                f'(line {statement.line}): "{escape(statement.quote)}"'
            )
    return "\n".join(lines) + "\n"


def render_json(facts: Sequence[Fact], sources: Sequence[Source]) -> str:
    metas = metas_of(sources)
    data = {"version": 1, "sources": len(sources), "facts": [_fact(fact, metas) for fact in facts]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _fact(fact: Fact, metas: dict[str, SourceMeta]) -> dict[str, Any]:
    return {
        "subject": fact.subject,
        "names": list(fact.names),
        "unit": fact.unit,
        "verdict": "agree" if fact.agree else "disagree",
        "same_figure": fact.same_figure,
        "reason": fact.reason,
        "sources": len(fact.sources),
        "independent_sources": fact.independent,
        "copies": [list(group) for group in fact.copies],
        "ambiguous": sorted({s.source_id for s in fact.ambiguous}),
        "statements": [
            {
                "source": s.source_id,
                "date": metas[s.source_id].date,
                "date_guessed": metas[s.source_id].date_guessed,
                "outlet": metas[s.source_id].outlet,
                "subject": s.name,
                "value": s.quantity.value,
                "upper": s.quantity.upper,
                "unit": s.quantity.unit,
                "approx": s.quantity.approx,
                "bound": s.quantity.bound.value if s.quantity.bound else None,
                "quote": s.quote,
                "passage": s.passage,
                "line": s.line,
            }
            for s in by_date(fact.statements, metas)
        ],
        "also_stated": [
            {
                "source": s.source_id,
                "value": s.quantity.value,
                "unit": s.quantity.unit,
                "quote": s.quote,
                "line": s.line,
            }
            for s in fact.ambiguous
        ],
    }


def _summary(facts: Sequence[Fact], sources: Sequence[Source]) -> str:
    disagree = sum(not fact.agree for fact in facts)
    return f"{len(facts)} facts stated by two or more of {len(sources)} sources: {disagree} disagree."


def _verdict(fact: Fact) -> str:
    if not fact.agree:
        return "disagree"
    return "agree" if fact.same_figure else "agree within tolerance"


def _independence(fact: Fact) -> str:
    count = len(fact.sources)
    text = f"{count} sources, {fact.independent} independent"
    for group in fact.copies:
        text += f" ({' and '.join(group)} carry the same text)"
    return text
