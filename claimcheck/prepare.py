"""Source -> Prepared: everything the check derives from one article before it sees
a claim — passages, the figures in each, the terms the index needs.

It depends on the source alone, so it can run in worker processes (``--jobs``) and
be stored in the cache; the check then only reads it. ``prepare`` is pure;
``prepare_sources`` is what the CLI calls, with the cache and the workers.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.cache import Cache, decode_prepared, encode_prepared, prepared_key, through_cache
from claimcheck.model import Prepared, Source
from claimcheck.parallel import in_order
from claimcheck.passages import split_passages
from claimcheck.quantities import extract_quantities
from claimcheck.text import term_set


def prepare(source: Source) -> Prepared:
    """Passages, figures and terms of one source; boilerplate passages get none."""
    passages = tuple(split_passages(source))
    figures = tuple(() if p.boilerplate else tuple(extract_quantities(p.text)) for p in passages)
    words = tuple(frozenset() if p.boilerplate else term_set(p.text) for p in passages)
    return Prepared(source.id, passages, figures, words)


def prepare_sources(sources: Sequence[Source], cache: Cache | None = None, jobs: int = 1) -> list[Prepared]:
    """``prepare`` for every source, in order: from the cache when it has the source's
    text, else in ``jobs`` worker processes (and then stored in the cache)."""
    return through_cache(
        cache,
        [prepared_key(source.id, source.text) for source in sources],
        lambda missing: in_order(prepare, [sources[n] for n in missing], jobs),
        encode_prepared,
        lambda number, entry: decode_prepared(sources[number].id, entry),
    )
