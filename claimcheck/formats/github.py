"""``--format github``: GitHub Actions workflow commands, so conflicts appear as
annotations on the claims file's lines in the pull request.

Source text is data: every message and property is escaped as GitHub's runner
requires (``%``, CR and LF in messages; also ``:`` and ``,`` in properties), so a
quote cannot end the command early or forge another one.
"""

from __future__ import annotations

from claimcheck.formats.notices import notices
from claimcheck.formats.style import PLAIN, Style
from claimcheck.model import Report

_COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def render(report: Report, style: Style = PLAIN) -> str:
    """One workflow command per problem."""
    lines = []
    for notice in notices(report):
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", report.claims_file),
                ("line", notice.line),
                ("col", notice.column),
                ("title", f"claimcheck {notice.rule}: {notice.claim_id}"),
            )
        )
        lines.append(f"::{_COMMANDS[notice.level]} {properties}::{escape_data(notice.message)}")
    return "".join(line + "\n" for line in lines)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
