"""``--format line``: one problem per line, ``FILE:LINE:COL: level claim-id message``,
as ruff and yamllint print them; editors and CI logs turn these into links."""

from __future__ import annotations

from claimcheck.formats.notices import notices
from claimcheck.formats.style import PLAIN, Style
from claimcheck.model import Report


def render(report: Report, style: Style = PLAIN) -> str:
    """The report's problems, one per line; nothing when there are none."""
    lines = [
        f"{report.claims_file}:{notice.line}:{notice.column}: {notice.level} {notice.claim_id} "
        f"{' '.join(notice.message.split())}"
        for notice in notices(report)
    ]
    return "".join(line + "\n" for line in lines)
