"""The JSON report: the machine contract (version 2; docs/json.md).

One result per claim, verdicts agree/conflict/gap. Version 2 lists, for each claim, a
finding for every source that was judged on it (any verdict) and counts the others in
``unlisted_gaps``: each said nothing about the claim's subject, a gap. Version 1
(``--json-version 1``, kept for now) lists one finding per claim and source — at
10,000 sources × 1,000 claims, 3 GB of gaps. Within a version fields may be added;
none may change meaning or go away. Added since version 1 first shipped, and present
only when they apply: ``accepted`` and, for a source that gives different figures for
the fact, ``ambiguous: true`` with every one of them in ``figures``.
The schema of both versions ships beside this module (``report.schema.json``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from claimcheck.formats.style import PLAIN, Style
from claimcheck.model import ClaimResult, Evidence, Finding, Quantity, Report, Source, StaleAccept, Verdict

REPORT_VERSION = 2
VERSIONS = (1, 2)  # what --json-version accepts


def render(report: Report, style: Style = PLAIN) -> str:
    """The report as JSON, keys in a fixed order, one source or finding per line.

    A line per finding keeps diffs readable and lets the C encoder do the work:
    indenting every field is ten times slower on a large corpus.
    """
    return "".join(chunks(report, style))


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    """``render`` in pieces, one claim's result at a time, so that a report of ten
    million findings is written without ever being held whole."""
    version = style.json_version
    sources = ",\n".join(f"    {_dumps(_source(source))}" for source in report.sources)
    order = {source.id: number for number, source in enumerate(report.sources)} if version > 1 else None
    yield (
        "{\n"
        f'  "version": {_dumps(version)},\n'
        f'  "claims_file": {_dumps(report.claims_file)},\n'
        f'  "sources": [\n{sources}\n  ],\n'.replace("[\n\n  ]", "[]")
    )
    if not report.results:
        yield '  "results": [],\n'
    else:
        yield '  "results": [\n'
        for number, result in enumerate(report.results):
            yield (",\n" if number else "") + _result_lines(result, order)
        yield "\n  ],\n"
    tail = _tail(report)
    yield (
        f'  "summary": {_dumps(tail["summary"])},\n'
        f'  "stale_accepts": {_dumps(tail["stale_accepts"])},\n'
        f'  "passed": {_dumps(tail["passed"])},\n'
        f'  "warnings": {_dumps(tail["warnings"])}\n'
        "}\n"
    )


def _result_lines(result: ClaimResult, order: dict[str, int] | None) -> str:
    """Version 1 when ``order`` is None, else version 2 (see the module's docstring)."""
    head = _dumps(_result_head(result, order is not None))[:-1]
    listed = result.each_source() if order is None else result.mentioning(order)
    findings = ",\n".join(_finding_lines(listed))
    return f'    {head}, "findings": [\n{findings}\n    ]}}'.replace("[\n\n    ]", "[]")


def _finding_lines(listed: Iterable[tuple[str, Finding]]) -> Iterator[str]:
    """Each finding's line. The gaps of the sources that were not judged share all but their
    source (the first key), so each of those is encoded once and its source put in front: at
    10,000 sources × 1,000 claims, encoding ten million gaps one by one took 180 s."""
    after_source: dict[int, str] = {}  # by the shared gap's id(): its line after '{"source": ""'
    start = len(_dumps({"source": ""})) - 1
    for source_id, finding in listed:
        if finding.source_id:
            yield f"      {_dumps(_finding(finding))}"
            continue
        if id(finding) not in after_source:
            after_source[id(finding)] = _dumps(_finding(finding))[start:]
        yield f'      {{"source": {_dumps(source_id)}{after_source[id(finding)]}'


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def to_dict(report: Report, version: int = REPORT_VERSION) -> dict[str, Any]:
    """The JSON contract as Python values: what ``render`` writes, built the plain way."""
    order = {source.id: number for number, source in enumerate(report.sources)}
    return {
        "version": version,
        "claims_file": report.claims_file,
        "sources": [_source(source) for source in report.sources],
        "results": [_result(result, order if version > 1 else None) for result in report.results],
        **_tail(report),
    }


def _tail(report: Report) -> dict[str, Any]:
    return {
        "summary": {
            "claims": len(report.results),
            "agree": report.count(Verdict.AGREE),
            "conflict": report.count(Verdict.CONFLICT),
            "gap": report.count(Verdict.GAP),
            "settled": report.settled_count,
        },
        "stale_accepts": [_stale(stale) for stale in report.stale],
        "passed": not report.failures(),
        "warnings": list(report.warnings),
    }


def _source(source: Source) -> dict[str, Any]:
    meta = source.meta
    return {
        "id": source.id,
        "path": source.path,
        "title": meta.title,
        "outlet": meta.outlet,
        "date": meta.date,
        "date_guessed": meta.date_guessed,
        "guessed": sorted(meta.guessed),
        "url": meta.url,
        "language": meta.language,
    }


def _result(result: ClaimResult, order: dict[str, int] | None) -> dict[str, Any]:
    if order is None:
        findings = list(result.findings)
    else:
        findings = [replace(finding, source_id=source) for source, finding in result.mentioning(order)]
    return {**_result_head(result, order is not None), "findings": [_finding(f) for f in findings]}


def _result_head(result: ClaimResult, counted: bool) -> dict[str, Any]:
    """A result's fields before its findings (``findings`` comes last); with ``counted``
    (version 2), how many sources its findings leave out."""
    claim = result.claim
    quantity = claim.quantity
    return {
        "id": claim.id,
        "claim": claim.text,
        "status": result.status.value,
        "subject": claim.subject,
        "value": _number(quantity.value) if quantity else None,
        "unit": quantity.unit if quantity else None,
        "line": claim.line,
        "required": claim.required,
        "accepted": result.accepted,
        "independent": {
            "agree": result.independent(Verdict.AGREE),
            "conflict": result.independent(Verdict.CONFLICT),
        },
        "copies": [list(group) for group in result.copies],
        **({"unlisted_gaps": result.unlisted} if counted else {}),
    }


def _stale(stale: StaleAccept) -> dict[str, Any]:
    accept = stale.accept
    return {"claim": stale.claim_id, "source": accept.source, "reason": accept.reason, "line": accept.line}


def _finding(finding: Finding) -> dict[str, Any]:
    quantity = finding.quantity
    extra: dict[str, Any] = {"accepted": {"reason": finding.accepted}} if finding.accepted is not None else {}
    if finding.ambiguous:
        extra["ambiguous"] = True
        extra["figures"] = [_figure(figure) for figure in finding.figures]
    return {
        "source": finding.source_id,
        "verdict": finding.verdict.value,
        "quote": finding.quote,
        "passage": finding.passage,
        "line": finding.line,
        "page": finding.page,
        **_figure_fields(quantity),
        "score": finding.score,
        "reason": finding.reason,
        "outdated": finding.outdated,
        **extra,
    }


def _figure(figure: Evidence) -> dict[str, Any]:
    quantity = figure.quantity
    return {
        "quote": figure.quote,
        "line": figure.line,
        "page": figure.page,
        **_figure_fields(quantity),
        "compatible": figure.compatible,
    }


def _figure_fields(quantity: Quantity | None) -> dict[str, Any]:
    """value, upper, unit, approx, bound: all null when there is no figure."""
    if quantity is None:
        return dict.fromkeys(("value", "upper", "unit", "approx", "bound"))
    return {
        "value": _number(quantity.value),
        "upper": _number(quantity.upper) if quantity.upper is not None else None,
        "unit": quantity.unit,
        "approx": quantity.approx,
        "bound": quantity.bound.value if quantity.bound else None,
    }


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value
