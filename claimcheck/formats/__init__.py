"""Report formats: one module each, every one a ``render(report, style) -> str``.
Those whose reports grow with the corpus also write it in pieces (``STREAMED``).

``FORMATS`` is the registry the CLI's ``--format`` choices come from: four for
people and machines (table, markdown, html, json), four for CI (line, github, sarif,
junit). The CI formats all report the same problems, from ``notices``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

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

# The formats a large run writes a piece at a time (``chunks(report, style)``): one per
# finding or per problem, they are the ones that reach tens of megabytes.
STREAMED: dict[str, Callable[[Report, Style], Iterable[str]]] = {
    "json": json.chunks,
    "line": line.chunks,
    "github": github.chunks,
}


def pieces(name: str, report: Report, style: Style) -> Iterable[str]:
    """The report in format ``name``, in pieces where the format has them, else whole."""
    return STREAMED[name](report, style) if name in STREAMED else [FORMATS[name](report, style)]


__all__ = ["FORMATS", "PLAIN", "STREAMED", "Style", "Verbosity", "pieces"]
