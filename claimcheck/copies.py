"""Which texts are the same story: a wire report reprinted by three outlets is one
source of evidence, not three.

``compare`` asks it of whole articles, ``check`` of the passages that decided a
claim; both count independent sources from its groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from rapidfuzz import fuzz, utils

# Texts this similar (rapidfuzz token-set ratio over their normalised words) are one story.
SAME_TEXT_MIN_RATIO = 90.0
# Only this much of each text is compared: a reprint shows in its first pages.
COMPARED_CHARS = 20_000
# A text under half the length of another is an excerpt or another story, never a reprint
# (the token-set ratio alone would call any text a copy of one that holds all its words).
MIN_LENGTH_SHARE = 0.5


def same_text(texts: Mapping[str, str]) -> list[tuple[str, ...]]:
    """Groups of ids whose texts carry the same story, two or more ids each, in input order."""
    ids = list(texts)
    processed = [utils.default_process(texts[key])[:COMPARED_CHARS] for key in ids]
    if len(ids) < 2:
        return []
    parent = list(range(len(ids)))

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first in range(len(ids)):
        for second in range(first + 1, len(ids)):
            short, long = sorted((len(processed[first]), len(processed[second])))
            if short < MIN_LENGTH_SHARE * long:
                continue
            pair = processed[first], processed[second]
            if fuzz.token_set_ratio(*pair, score_cutoff=SAME_TEXT_MIN_RATIO):
                parent[root(second)] = root(first)
    groups: dict[int, list[str]] = defaultdict(list)
    for number, key in enumerate(ids):
        groups[root(number)].append(key)
    return [tuple(group) for group in groups.values() if len(group) > 1]


def independent(ids: list[str], groups: list[tuple[str, ...]]) -> int:
    """How many of the ids are independent: each group of copies counts once."""
    cluster = {key: number for number, group in enumerate(groups) for key in group}
    return len({cluster.get(key, key) for key in ids})
