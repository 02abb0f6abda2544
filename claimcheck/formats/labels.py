"""Short names for sources in human reports: '000' for '000_c360edf874dc4a28'."""

from __future__ import annotations


def short_ids(ids: list[str]) -> dict[str, str]:
    """The part before the first '_' when that is unique, else the whole id."""
    prefixes = [source_id.split("_", 1)[0] for source_id in ids]
    if len(set(prefixes)) == len(prefixes):
        return dict(zip(ids, prefixes, strict=False))
    return {source_id: source_id for source_id in ids}
