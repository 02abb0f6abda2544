"""Which texts are the same story: a wire report reprinted by three outlets is one
source of evidence, not three.

``compare`` asks it of whole articles, ``check`` of the passages that decided a
claim; both count independent sources from its groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, utils

# Texts this similar (rapidfuzz token-set ratio over their normalised words) are one story.
SAME_TEXT_MIN_RATIO = 90.0
# Only this much of each text is compared: a reprint shows in its first pages.
COMPARED_CHARS = 20_000
# A text under half the length of another is an excerpt or another story, never a reprint
# (the token-set ratio alone would call any text a copy of one that holds all its words).
MIN_LENGTH_SHARE = 0.5


# A text is compared with at most this many earlier texts that open or end with the same
# words: a reprint keeps one end of a story, and comparing every pair of the thousands
# of passages that state a common fact would cost more than the check itself.
MAX_COMPARED = 8
# Words at each end that put two texts in one bucket.
BUCKET_WORDS = 3


class Groups:
    """Which of n items belong together, as pairs are joined (union-find)."""

    def __init__(self, count: int) -> None:
        self._parent = list(range(count))

    def root(self, item: int) -> int:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def join(self, first: int, second: int) -> None:
        self._parent[self.root(second)] = self.root(first)

    def members(self) -> list[list[int]]:
        """Every group, as item numbers, in the order of each group's first item."""
        groups: dict[int, list[int]] = defaultdict(list)
        for item in range(len(self._parent)):
            groups[self.root(item)].append(item)
        return list(groups.values())


def same_text(texts: Mapping[str, str]) -> list[tuple[str, ...]]:
    """Groups of ids whose texts carry the same story, two or more ids each, in input order.

    Identical texts (after normalising case and punctuation) are always found. Lightly
    edited copies are found when they keep the first or the last words of the other
    (a new header, a word changed inside): each text is compared with the first
    ``MAX_COMPARED`` texts that share its opening or its closing words.
    """
    ids = list(texts)
    if len(ids) < 2:
        return []
    processed = [utils.default_process(texts[key])[:COMPARED_CHARS] for key in ids]
    groups = Groups(len(ids))
    identical: dict[str, int] = {}
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, text in enumerate(processed):
        if text in identical:
            groups.join(identical[text], number)
            continue
        identical[text] = number
        words = text.split()
        ends = {("<", *words[:BUCKET_WORDS]), (">", *words[-BUCKET_WORDS:])}
        for earlier in dict.fromkeys(other for end in ends for other in buckets[end][:MAX_COMPARED]):
            if groups.root(earlier) != groups.root(number) and _copies(processed[earlier], text):
                groups.join(earlier, number)
        for end in ends:
            buckets[end].append(number)
    return [tuple(ids[n] for n in group) for group in groups.members() if len(group) > 1]


def _copies(first: str, second: str) -> bool:
    short, long = sorted((len(first), len(second)))
    if short < MIN_LENGTH_SHARE * long:
        return False
    return bool(fuzz.token_set_ratio(first, second, score_cutoff=SAME_TEXT_MIN_RATIO))


def independent(ids: Sequence[str], groups: Sequence[tuple[str, ...]]) -> int:
    """How many of the ids are independent: each group of copies counts once."""
    cluster = {key: number for number, group in enumerate(groups) for key in group}
    return len({cluster.get(key, key) for key in ids})
