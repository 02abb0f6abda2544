"""The claims file on its own: the problems ``claimcheck validate`` reports beyond the
parser's — a sources folder that is not there, accepts that name no source. Pure:
the CLI lists the folder (it never reads the articles) and passes the ids in."""

from __future__ import annotations

from collections.abc import Collection

from claimcheck.claims import Claims
from claimcheck.errors import Problem
from claimcheck.units import unit_named


def validate(claims: Claims, source_ids: Collection[str] | None, sources_shown: str) -> list[Problem]:
    """Problems with where the sources are and with accepts; ``source_ids`` is None
    when the sources folder does not exist."""
    line, column = claims.sources_at
    if source_ids is None:
        where = "set 'sources:' to the folder of articles" if not line else "fix 'sources:'"
        return [
            Problem(claims.path, line, f"sources folder '{sources_shown}' does not exist; {where}", column)
        ]
    problems = []
    known = set(source_ids)
    for claim in claims.claims:
        for accept in claim.accepts:
            if accept.source not in known:
                message = (
                    f"claim '{claim.id}': accept names source '{accept.source}', which is not in "
                    f"'{sources_shown}'; use a source id such as {_example(known)}"
                )
                problems.append(Problem(claims.path, accept.line, message, accept.column))
    return problems


def notes(claims: Claims) -> list[Problem]:
    """What is worth knowing but is no mistake: units that are not known units, which are
    matched as words (their lemma and its inflections) rather than converted."""
    found = []
    for claim in claims.claims:
        unit = unit_named(claim.quantity.unit if claim.quantity else None)
        if unit is not None and not unit.known:
            message = (
                f"note: claim '{claim.id}': '{unit.name}' is not a known unit; "
                f"figures are matched by that word (and its plural), never converted"
            )
            found.append(Problem(claims.path, claim.line, message, claim.column))
    return found


def _example(known: set[str]) -> str:
    return f"'{min(known)}'" if known else "the file name without its extension"
