"""Report formats: one module each, every one a ``render(report, style) -> str``.

``FORMATS`` is the registry the CLI's ``--format`` choices come from: four for
people and machines (table, markdown, html, json), four for CI (line, github, sarif,
junit). The CI formats all report the same problems, from ``notices``.
"""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.formats import github, html, json, junit, line, markdown, sarif, table
from claimcheck.formats.style import PLAIN, Style, Verbosity
from claimcheck.model import Report

FORMATS: dict[str, Callable[[Report, Style], str]] = {
    "table": table.render,
    "markdown": markdown.render,
    "html": html.render,
    "json": json.render,
    "line": line.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
}

__all__ = ["FORMATS", "PLAIN", "Style", "Verbosity"]
