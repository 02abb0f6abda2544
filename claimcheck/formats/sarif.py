"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards.

Each problem is a result located at the claim's line in the claims file, with the
conflicting source as a related location. An accepted conflict is a result with
an external suppression carrying the accept's reason, as SARIF intends.
"""

from __future__ import annotations

import json
from typing import Any

from claimcheck import __version__
from claimcheck.formats.notices import RULES, Notice, notices
from claimcheck.formats.style import PLAIN, Style
from claimcheck.model import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(report: Report, style: Style = PLAIN) -> str:
    """The report as a SARIF log with one run."""
    log = {
        "version": "2.1.0",
        "$schema": SCHEMA,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": __version__,
                        "rules": [
                            {"id": rule, "shortDescription": {"text": text}} for rule, text in RULES.items()
                        ],
                    }
                },
                "results": [_result(report, notice) for notice in notices(report)],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _result(report: Report, notice: Notice) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": notice.rule,
        "level": notice.level,
        "message": {"text": f"{notice.claim_id}: {notice.message}"},
        "locations": [_location(report.claims_file, notice.line, notice.column)],
    }
    if notice.source_path:
        related = _location(notice.source_path, notice.source_line or 1, 1)
        result["relatedLocations"] = [{"id": 0, **related, "message": {"text": "the source"}}]
    if notice.accepted is not None:
        result["suppressions"] = [{"kind": "external", "justification": notice.accepted}]
    return result


def _location(uri: str, line: int, column: int) -> dict[str, Any]:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
