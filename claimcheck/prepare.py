"""Source -> Prepared: everything the check derives from one article before it sees
a claim — passages, the figures in each, the terms the index needs.

It depends on the source alone, so it can run in worker processes (``--jobs``) and
be stored in the cache; the check then only reads it.
"""

from __future__ import annotations

from claimcheck.model import Prepared, Source
from claimcheck.passages import split_passages
from claimcheck.quantities import extract_quantities
from claimcheck.text import terms


def prepare(source: Source) -> Prepared:
    """Passages, figures and terms of one source; boilerplate passages get none."""
    passages = tuple(split_passages(source))
    figures = tuple(() if p.boilerplate else tuple(extract_quantities(p.text)) for p in passages)
    words = tuple(
        frozenset() if p.boilerplate else frozenset(term.norm for term in terms(p.text)) for p in passages
    )
    return Prepared(source.id, passages, figures, words)
