"""``--format github``: GitHub Actions workflow commands, so conflicts appear as
annotations on the claims file's lines in the pull request.

Source text is data: every message and property is escaped as GitHub's runner
requires (``%``, CR and LF in messages; also ``:`` and ``,`` in properties), so a
quote cannot end the command early or forge another one.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.formats.notices import Notice, in_pieces, notices
from claimcheck.formats.style import PLAIN, Style
from claimcheck.model import Report

_COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def render(report: Report, style: Style = PLAIN) -> str:
    """One workflow command per problem."""
    return "".join(chunks(report, style))


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    """``render`` in pieces of a few thousand commands (see ``notices.in_pieces``)."""
    for piece in in_pieces(notices(report)):
        yield "".join(_command(report.claims_file, notice) + "\n" for notice in piece)


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
