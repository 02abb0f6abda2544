"""Source -> Prepared: everything the check derives from one article before it sees
a claim — passages, the figures in each, the terms the index needs.

It depends on the source alone, so it can run in worker processes (``--jobs``) and
be stored in the cache; the check then only reads it. ``prepare`` is pure;
``prepare_sources`` is what the engine calls for a batch, with the cache (``engine._read_and_prepare``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from claimcheck.cache import Entries, Facts, decode_prepared, encode_prepared, prepared_key, through_cache
from claimcheck.model import Prepared, Quantity, Source
from claimcheck.passages import split_passages
from claimcheck.quantities import extract_quantities, resolve_years, text_date
from claimcheck.text import term_set

# What a passage yields depends on its text alone, and a collection repeats sentences (wire
# copy, reprints, a standard paragraph on every story): 62% of the generated benchmark's
# passages are copies of another. Bounded, so a huge run's distinct sentences are forgotten.
PASSAGES_KEPT = 65_536
_NOTHING: tuple[tuple[Quantity, ...], tuple[str, ...]] = ((), ())


def prepare(source: Source) -> Prepared:
    """Passages, figures and terms of one source; boilerplate passages get none."""
    passages = tuple(split_passages(source))
    derived = [_NOTHING if p.boilerplate else passage_facts(p.text) for p in passages]
    published = source.meta.date
    # An undated article is placed by the latest date it writes, but only its dates without a
    # year are: whether a sentence tells of an earlier year's event needs the article's own date.
    placed = published or text_date(d[0] for d in derived)
    own = [p.text if published else "" for p in passages]
    figures = tuple(resolve_years(d[0], placed, text) for text, d in zip(own, derived, strict=True))
    return Prepared(source.id, passages, figures, tuple(d[1] for d in derived))


@functools.lru_cache(maxsize=PASSAGES_KEPT)
def passage_facts(text: str) -> tuple[tuple[Quantity, ...], tuple[str, ...]]:
    """The figures and the distinct terms of one passage's text, sorted. A tuple, not a set:
    the check only walks them, and a batch's term sets were 23 of its 59 MB in memory."""
    return tuple(extract_quantities(text, measured=False)), tuple(sorted(term_set(text)))


def prepare_sources(sources: Sequence[Source], cache: Entries | None = None) -> list[Prepared]:
    """``prepare`` for every source, in order: from the cache when it has the source's
    text, else here (and then stored in the cache). The engine's workers run it on their
    batches: one worker system (``parallel.TwoPassWorkers``)."""
    facts: Facts = {}  # see decode_prepared
    return through_cache(
        cache,
        [prepared_key(source) for source in sources],
        lambda missing: [prepare(sources[n]) for n in missing],
        lambda _, ready: encode_prepared(ready),
        lambda number, entry: decode_prepared(sources[number].id, entry, facts),
    )
