"""The claims file on its own: the problems ``claimcheck validate`` reports beyond the
parser's — a sources folder that is not there, accepts that name no source. Pure:
the CLI lists the folder (it never reads the articles) and passes the ids in."""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import replace

from claimcheck.claims import Claims
from claimcheck.errors import Problem
from claimcheck.sources import short_ids, source_named
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
    return resolve_accepts(claims, source_ids, sources_shown)[1]


def resolve_accepts(
    claims: Claims, source_ids: Collection[str], sources_shown: str
) -> tuple[Claims, list[Problem]]:
    """The claims with each accept's source written as its full id, whatever form of it the
    user wrote (the short id the reports show, the file name: ``sources.source_named``), and a
    problem, naming the closest id, for each accept that names no source."""
    problems = []
    known = list(source_ids)
    resolved = []
    for claim in claims.claims:
        accepts = []
        for accept in claim.accepts:
            source_id = source_named(accept.source, known)
            if source_id is None:
                message = (
                    f"claim '{claim.id}': accept names source '{accept.source}', which is not in "
                    f"'{sources_shown}'; {_closest(accept.source, known)}"
                )
                problems.append(Problem(claims.path, accept.line, message, accept.column))
                source_id = accept.source
            accepts.append(replace(accept, source=source_id))
        resolved.append(replace(claim, accepts=tuple(accepts)) if claim.accepts else claim)
    return replace(claims, claims=tuple(resolved)), problems


def _closest(written: str, known: list[str]) -> str:
    """'did you mean ...' with the id (or short id) closest to what was written."""
    shown = short_ids(sorted(known))
    forms = {
        **{source_id: source_id for source_id in known},
        **{short: full for full, short in shown.items()},
    }
    close = difflib.get_close_matches(written, list(forms), n=1, cutoff=0.5)
    if close:
        return f"did you mean '{forms[close[0]]}'?"
    return f"use a source id such as {_example(set(known))}"


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
