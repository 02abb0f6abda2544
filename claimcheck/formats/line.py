"""``--format line``: one problem per line, ``FILE:LINE:COL: level claim-id message``,
as ruff and yamllint print them; editors and CI logs turn these into links."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.formats.notices import in_pieces, notices
from claimcheck.formats.style import PLAIN, Style
from claimcheck.model import Report


def render(report: Report, style: Style = PLAIN) -> str:
    """The report's problems, one per line; nothing when there are none."""
    return "".join(chunks(report, style))


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    """``render`` in pieces of a few thousand lines (see ``notices.in_pieces``)."""
    for piece in in_pieces(notices(report)):
        yield "".join(
            f"{report.claims_file}:{notice.line}:{notice.column}: {notice.level} {notice.claim_id} "
            f"{' '.join(notice.message.split())}\n"
            for notice in piece
        )
