"""Report formats: one module each, every one a ``render(report) -> str``.

``FORMATS`` is the registry the CLI's ``--format`` choices come from.
"""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.formats import json, markdown, table
from claimcheck.model import Report

FORMATS: dict[str, Callable[[Report], str]] = {
    "table": table.render,
    "markdown": markdown.render,
    "json": json.render,
}
