"""``--format github``: GitHub Actions workflow commands, so conflicts appear as
annotations on the claims file's lines in the pull request.

Source text is data: every message and property is escaped as GitHub's runner
requires (``%``, CR and LF in messages; also ``:`` and ``,`` in properties), so a
quote cannot end the command early or forge another one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from claimcheck.formats.notices import Notice, in_pieces, notices
from claimcheck.formats.style import PLAIN, Style
from claimcheck.model import Report

_COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


# GitHub shows the first ten error annotations of a step and drops the rest.
SHOWN_ERRORS = 10


def render(report: Report, style: Style = PLAIN) -> str:
    """One workflow command per failing claim (its conflicting sources in one message) and
    per other problem; a warning when there are more failing claims than GitHub shows."""
    return "".join(chunks(report, style))


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    """``render`` in pieces of a few thousand commands (see ``notices.in_pieces``)."""
    grouped = _per_claim(notices(report))
    for piece in in_pieces(grouped):
        yield "".join(_command(report.claims_file, notice) + "\n" for notice in piece)
    failing = sum(1 for notice in grouped if notice.level == "error")
    if failing > SHOWN_ERRORS:
        message = (
            f"{failing - SHOWN_ERRORS} more failing claims than GitHub shows as annotations "
            f"({SHOWN_ERRORS} per step): the step summary lists them all"
        )
        yield f"::warning title=claimcheck::{escape_data(message)}\n"


def _per_claim(found: list[Notice]) -> list[Notice]:
    """The error notices of each claim as one, at the claim's line, naming every source; the
    other notices as they are."""
    errors: dict[str, list[Notice]] = {}
    for notice in found:
        if notice.level == "error":
            errors.setdefault(notice.claim_id, []).append(notice)
    merged: list[Notice] = []
    for notice in found:
        if notice.level != "error":
            merged.append(notice)
        elif errors[notice.claim_id][0] is notice:
            group = errors[notice.claim_id]
            if len(group) == 1:
                merged.append(notice)
            else:
                message = f"{len(group)} sources: " + "; ".join(each.message for each in group)
                rule = ",".join(sorted({each.rule for each in group}))
                merged.append(dataclasses.replace(notice, message=message, rule=rule))
    return merged


def _command(claims_file: str, notice: Notice) -> str:
    properties = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (
            ("file", claims_file),
            ("line", notice.line),
            ("col", notice.column),
            ("title", f"claimcheck {notice.rule}: {notice.claim_id}"),
        )
    )
    return f"::{_COMMANDS[notice.level]} {properties}::{escape_data(notice.message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
