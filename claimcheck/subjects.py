"""The one notion of "same subject": which passages mention a subject, and
whether a figure in a passage belongs to it.

A subject ("Kant air base", aliases "Kant", "Kant airbase") becomes a set of
term lists, one per name. A passage mentions it when it holds enough of one
list's terms — weighted by how rare each term is in the corpus, so "Kant"
counts for more than "Russia" — or when it says "the base" right after a
passage that named the subject. Passages are found through an inverted index
from terms to passages, so the cost grows with the corpus, not with claims x
sentences. A term missing from the corpus is looked up fuzzily (rapidfuzz), so
a misspelt name still finds its passages.

A figure belongs to the subject when the subject is the named thing the
sentence gives it to: "Not far from the Russian air base in Kant, Kyrgyzstan
hosts a U.S. military base at its Manas International Airport that has some
1,000 personnel" gives the 1,000 to Manas, not to Kant (``belongs_to``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from claimcheck.lexicon import (
    CALENDAR_WORDS,
    CLAIM_VERBS,
    GENERIC_HEADS,
    GENERIC_WORDS,
    MEASURE_UNITS,
    MONEY_UNITS,
    NUMBER_WORDS,
    RELATIVE_PRONOUNS,
    STOPWORDS,
)
from claimcheck.model import Passage, Quantity
from claimcheck.text import stem, terms

# A mention must cover this share of a name's term weight.
MIN_COVERAGE = 0.75
# A name's words must stand together: within this many times the name's own
# length (and at least NAME_MIN_WIDTH characters) of one another.
NAME_WIDTH_FACTOR = 3.0
NAME_MIN_WIDTH = 60
# Terms this long may match with a typo; shorter ones must match exactly.
FUZZY_MIN_LENGTH = 5
FUZZY_MIN_SCORE = 88.0

# How many passages' term positions are kept between look-ups.
_POSITIONS_KEPT = 200_000

# Head nouns that refer back to one another: "the agreement ... the accord".
_HEAD_GROUPS = (
    frozenset({"agreement", "accord", "pact", "deal", "treaty", "document", "bill"}),
    frozenset({"base", "airbase", "airfield", "facility", "garrison", "station"}),
    frozenset({"force", "forces", "contingent", "unit", "group"}),
    frozenset({"organization", "alliance", "bloc"}),
)
_PREPOSITIONS = frozenset({"of", "on", "in", "at", "for", "with", "between", "to", "from", "near"})
_GENERIC_STEMS = frozenset(stem(word) for word in GENERIC_WORDS)
_REFERENCE = re.compile(r"\b(?:the|this|that|its)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\b", re.I)
# A run of capitalised words (with "of"/"the" inside), possibly ending in a
# generic head: "Manas International Airport", "U.S. military base".
_NAMED = re.compile(
    r"(?:(?:[A-Z][\w.'-]*|\d+(?:st|nd|rd|th)\b)(?:\s+(?:of\s+the\s+|of\s+|the\s+)?(?=[A-Z\d]))?)+"
    r"(?:\s+(?:[a-z-]+\s+){0,2}?(?:" + "|".join(sorted(GENERIC_HEADS)) + r")\b)?"
)
# A figure joined to the next name by nothing or a preposition belongs to it:
# "the 1,344-kilometer Tajik-Afghan border", "twelve helicopters at Kant".
_ATTACHED = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:at|to|in|into|on|inside|for|from)\s+(?:the\s+|its\s+|their\s+)?$"
    r"|\s*$"
)
# Money goes "to" whom it is paid and comes "from" who pays: only "for" ties it to a thing.
_ATTACHED_MONEY = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:for|on)\s+(?:the\s+|its\s+|their\s+)?$|\s*$")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)+")
_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_ADJACENT = re.compile(r"\s*$")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s-{1,2}\s")


@dataclass(frozen=True, slots=True)
class Name:
    """One name of a subject: the terms that identify it and how far apart they may stand."""

    terms: tuple[str, ...]
    width: int
    required: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Subject:
    """What a claim is about: its names and its head nouns ("base")."""

    name: str
    names: tuple[Name, ...]
    heads: frozenset[str]

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(term for name in self.names for term in name.terms)


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a passage speaks of a subject; ``spans`` index into the passage text."""

    passage: Passage
    spans: tuple[tuple[int, int], ...]
    referred_back: bool = False


def make_subject(name: str, aliases: Iterable[str] = ()) -> Subject:
    """Turn a subject and its aliases into the names the index looks up.

    Lowercase generic words ("air base") do not identify anything and are
    dropped; the words of a proper name of two or more capitalised words are
    all required ("Northern Border Authority" is not "Joint Mobility
    Authority"); other words count by weight.
    """
    names: list[Name] = []
    for phrase in (name, *aliases):
        found = [t for t in terms(phrase, compounds=False) if t.norm not in NUMBER_WORDS]
        proper = _proper_name_words(phrase)
        words = [t.norm for t in found]
        distinctive = tuple(dict.fromkeys(w for w in words if w not in _GENERIC_STEMS or w in proper))
        chosen = distinctive or tuple(dict.fromkeys(words))
        if chosen and all(known.terms != chosen for known in names):
            width = max(NAME_MIN_WIDTH, int(len(phrase) * NAME_WIDTH_FACTOR))
            capitalised = {
                t.norm for t in found if phrase[t.start : t.start + 1].isupper() or t.norm[:1].isdigit()
            }
            anchors = frozenset(capitalised & set(chosen)) or frozenset(chosen)
            names.append(Name(chosen, width, frozenset(proper & set(chosen)), anchors))
    return Subject(name=name, names=tuple(names), heads=_heads(name))


def _proper_name_words(phrase: str) -> frozenset[str]:
    """The words of runs of two or more capitalised words: 'Northern Border Authority'."""
    words: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(phrase):
        words.update(term.norm for term in terms(run.group(), compounds=False))
    return frozenset(words)


def _heads(name: str) -> frozenset[str]:
    """The head noun of the name and its synonyms: 'agreement' in 'agreement on mutual use of forces'."""
    words = [word.lower() for word in re.findall(r"[A-Za-z]+", name)]
    words = ["base" if word == "airbase" else word for word in words]
    before = next((i for i, word in enumerate(words) if word in _PREPOSITIONS and i), len(words))
    head = next((word for word in reversed(words[:before]) if word in GENERIC_HEADS), None)
    if head is None:
        return frozenset()
    return next((group for group in _HEAD_GROUPS if head in group), frozenset({head}))


class SubjectIndex:
    """An inverted index from terms to passages, for finding subject mentions."""

    def __init__(self) -> None:
        self._passages: list[Passage] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._by_initial: dict[str, set[str]] = defaultdict(set)
        self._numbers: dict[tuple[str, int], int] = {}
        # Derived on demand and kept while the corpus is unchanged.
        self._positions: dict[int, dict[str, list[tuple[int, int]]]] = {}
        self._weights: dict[str, float] = {}

    def add(self, passages: Iterable[Passage]) -> None:
        """Index these passages (of one or more sources)."""
        self._weights.clear()
        for passage in passages:
            number = len(self._passages)
            self._passages.append(passage)
            self._numbers[(passage.source_id, passage.index)] = number
            for norm in {term.norm for term in terms(passage.text)}:
                self._postings[norm].append(number)
                self._by_initial[norm[:1]].add(norm)

    def __len__(self) -> int:
        return len(self._passages)

    def positions(self, passage: Passage) -> dict[str, list[tuple[int, int]]]:
        """The passage's terms and the spans where each occurs."""
        number = self._numbers[(passage.source_id, passage.index)]
        if number not in self._positions:
            if len(self._positions) > _POSITIONS_KEPT:
                self._positions.clear()
            found: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for term in terms(passage.text):
                found[term.norm].append((term.start, term.end))
            self._positions[number] = dict(found)
        return self._positions[number]

    def weight(self, term: str) -> float:
        """Rare terms weigh more: 'Kant' identifies a subject, 'Russia' barely does."""
        if term not in self._weights:
            self._weights[term] = self._weight(self._variants(term))
        return self._weights[term]

    def mentions(self, subject: Subject) -> list[Mention]:
        """Every passage that mentions the subject, by name or by referring back."""
        found: dict[int, Mention] = {}
        for name in subject.names:
            variants = {term: self._variants(term) for term in name.terms}
            weights = {term: self.weight(term) for term in name.terms}
            total = sum(weights.values())
            for number in sorted(self._candidates(name, variants, weights, MIN_COVERAGE * total)):
                hits = sorted(
                    (span, term)
                    for term in name.terms
                    for variant in variants[term]
                    for span in self.positions(self._passages[number]).get(variant, ())
                )
                spans = _occurrences(hits, weights, name, MIN_COVERAGE * total)
                if spans:
                    known = found.get(number)
                    merged = tuple(sorted(set(spans) | set(known.spans if known else ())))
                    found[number] = Mention(self._passages[number], merged)
        for number in sorted(found):
            following = number + 1
            if following < len(self._passages) and following not in found:
                mention = self._reference(found[number].passage, following, subject)
                if mention is not None:
                    found[following] = mention
        return [found[number] for number in sorted(found)]

    def _candidates(
        self, name: Name, variants: dict[str, set[str]], weights: dict[str, float], needed: float
    ) -> set[int]:
        """Passages that can hold the name: those with all its proper words and, since
        the lighter words alone never weigh enough, at least one of its heavier words."""
        by_weight = sorted(name.terms, key=lambda term: -weights[term])
        heavy: list[str] = []
        rest = sum(weights.values())
        for term in by_weight:
            if rest < needed:
                break
            heavy.append(term)
            rest -= weights[term]
        candidates: set[int] = set()
        for term in heavy:
            for variant in variants[term]:
                candidates.update(self._postings[variant])
        for term in name.required:
            candidates &= {number for variant in variants[term] for number in self._postings[variant]}
        return candidates

    def _reference(self, named_in: Passage, number: int, subject: Subject) -> Mention | None:
        """'The base was established in 2003.' right after the base was named."""
        passage = self._passages[number]
        if passage.source_id != named_in.source_id or not subject.heads:
            return None
        for match in _REFERENCE.finditer(passage.text):
            if match.group(1).lower() in subject.heads:
                return Mention(passage, (match.span(),), referred_back=True)
        return None

    def _variants(self, term: str) -> set[str]:
        """The indexed terms that stand for this one: itself, or near spellings when it is absent.

        Only a term the corpus lacks is looked up fuzzily: where "Lorrek" is
        written, "Lorarek" is another place, not a typo.
        """
        if term in self._postings:
            return {term}
        if len(term) < FUZZY_MIN_LENGTH or any(ch.isdigit() for ch in term):
            return set()
        pool = self._by_initial.get(term[:1], set())
        return {
            match
            for match, _score, _ in process.extract(
                term, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, limit=None
            )
        }

    def _weight(self, variants: set[str]) -> float:
        frequency = sum(len(self._postings.get(variant, ())) for variant in variants)
        return math.log(1 + len(self._passages) / max(frequency, 0.5))


def _occurrences(
    hits: list[tuple[tuple[int, int], str]], weights: dict[str, float], name: Name, needed: float
) -> set[tuple[int, int]]:
    """Where the name occurs: the shortest stretches, at most ``name.width`` characters,
    that hold all of its proper words and enough of the rest by weight. The spans are
    those of its naming words ("Irdorek" in "Irdorek training ground"), which stand
    for it; "Fort Fenvapol ..., while Fort Tevvar" finds the second "Fort" only."""

    def enough(window: list[tuple[tuple[int, int], str]]) -> bool:
        if not window:
            return False
        covered = {term for _, term in window}
        wide = window[-1][0][1] - window[0][0][0]
        return wide <= name.width and name.required <= covered and sum(weights[t] for t in covered) >= needed

    spans: set[tuple[int, int]] = set()
    if needed <= 0:
        return spans
    for first in range(len(hits)):
        for last in range(first, len(hits)):
            window = hits[first : last + 1]
            if enough(window):
                if not enough(window[1:]):
                    spans.update(span for span, term in window if term in name.anchors)
                break
    return spans


def named_things(text: str) -> list[tuple[int, int]]:
    """Spans of the named things in a passage: capitalised runs and 'a U.S. military base'.

    A run's leading function word ("The", "With") and calendar words ("May",
    "Monday") are not names.
    """
    spans = []
    for match in _NAMED.finditer(text):
        start = match.start()
        for word in match.group().split():
            bare = word.lower().strip(".,'")
            if bare in STOPWORDS or bare in NUMBER_WORDS or bare in CALENDAR_WORDS:
                start += len(word) + 1
            else:
                break
        end = match.end()
        if text[start:end].endswith(".") and not _ACRONYM.search(text[start:end]):
            end -= 1
        first = text[start : start + 1]
        if start < end and (first.isupper() or first.isdigit()):
            spans.append((start, end))
    return spans


def belongs_to(
    mention: Mention,
    quantity: Quantity,
    claim_terms: frozenset[str] = frozenset(),
    figures: Sequence[Quantity] = (),
) -> bool:
    """Whether the figure is said of the mentioned subject rather than of another named thing.

    - Names inside the figure's own phrase ("20 Su-25 attack planes") decide
      it when they are the subject's; names inside other figures' phrases and
      names the claim itself uses ("Russia" for "Russian personnel") never
      compete. A name the subject's name is possessive in ("Russia's 201st
      division") is another thing.
    - Other names compete only within the figure's comma-delimited stretch of
      the sentence; a stretch opening with "which"/"who" belongs to the name
      before it, and so does a short aside right after a name ("Kant, some
      30 km east of Bishkek, now hosts 700 servicemen").
    - A figure joined to the next name by a preposition or nothing belongs to
      it ("twelve helicopters at Kant", "the 1,344-km Tajik-Afghan border");
      otherwise to the nearest name on its left, else on its right.
    """
    text = mention.passage.text
    figure = (quantity.start, quantity.end)
    own = [
        span for span in mention.spans if not _possessive(text, span) and not _paired(text, span, claim_terms)
    ]
    if any(_overlaps(span, figure) for span in own):
        return True
    stretch = _stretch(text, figure)
    names = [
        span
        for span in named_things(text)
        if not any(_overlaps(span, (other.start, other.end)) for other in (*figures, quantity))
        and not any(_overlaps(span, subject_span) for subject_span in own)
        and (not _named_in(text[span[0] : span[1]], claim_terms) or _pairs_other(text, span, claim_terms))
    ]
    host, relative = _host(text, stretch, names + own)
    if host is not None and relative:
        return host in own
    candidates = [(span, True) for span in own]
    candidates += [(span, False) for span in names if stretch[0] <= span[0] and span[1] <= stretch[1]]
    if host is not None:
        candidates.append((host, host in own))
    right = sorted((span[0], is_subject) for span, is_subject in candidates if span[0] >= figure[1])
    if right and _attached(quantity).fullmatch(text, figure[1], right[0][0]):
        return right[0][1]
    left = sorted((span[1], is_subject) for span, is_subject in candidates if span[1] <= figure[0])
    if left:
        return left[-1][1]
    # Nothing named before the figure: the nearest name after it, unless another name stands between.
    if not right or not right[0][1]:
        return False
    return not any(figure[1] <= span[0] < right[0][0] for span in names)


def _attached(quantity: Quantity) -> re.Pattern[str]:
    """How a figure joins the name after it: a measure only directly ("the 1,344-km
    Tajik-Afghan border"), money through "for", a count through a place preposition."""
    if quantity.unit in MEASURE_UNITS:
        return _ADJACENT
    return _ATTACHED_MONEY if quantity.unit in MONEY_UNITS else _ATTACHED


def _host(
    text: str, stretch: tuple[int, int], names: list[tuple[int, int]]
) -> tuple[tuple[int, int] | None, bool]:
    """The name a relative clause or an aside hangs on, and whether it is a relative clause.

    'the Kant base, which will have ...' (relative clause); 'Manas, some
    25 km north of Bishkek, is ...' (the figure is in an aside); 'Kant, some
    30 km east of Bishkek, now hosts ...' (the figure follows an aside).
    """
    if stretch[0] == 0:
        return None, False
    previous = _stretch(text, (stretch[0] - 1, stretch[0] - 1))
    words = text[stretch[0] + 1 : stretch[1]].split()
    if words and words[0].lower() in RELATIVE_PRONOUNS:
        return _name_ending(text, previous, names), True
    if _is_aside(text, stretch):
        return _name_ending(text, previous, names), False
    if previous[0] and _is_aside(text, previous):
        earlier = _stretch(text, (previous[0] - 1, previous[0] - 1))
        return _name_ending(text, earlier, names), False
    return None, False


def _is_aside(text: str, stretch: tuple[int, int]) -> bool:
    """A short stretch between commas that does not start with a verb."""
    words = text[stretch[0] + 1 : stretch[1]].split()
    closed = text[stretch[1] : stretch[1] + 1] == ","
    return closed and 0 < len(words) <= 8 and words[0].lower() not in CLAIM_VERBS


def _name_ending(text: str, stretch: tuple[int, int], names: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name that ends the stretch, right before its comma: 'Kant' in 'Kant, some 30 km',
    '201st' in 'Russia's 201st military base, which ...'."""
    for span in sorted(names, key=lambda span: -span[1]):
        inside = stretch[0] <= span[0] and span[1] <= stretch[1]
        tail = text[span[1] : stretch[1]].lower().split()
        if inside and all(word in GENERIC_WORDS for word in tail):
            return span
    return None


def _stretch(text: str, figure: tuple[int, int]) -> tuple[int, int]:
    """The comma-, dash- or bracket-delimited part of the passage that holds the figure."""
    breaks = [match.start() for match in _CLAUSE_BREAK.finditer(text)]
    start = max((b for b in breaks if b < figure[0]), default=0)
    end = min((b for b in breaks if b >= figure[1]), default=len(text))
    return start, end


def _possessive(text: str, span: tuple[int, int]) -> bool:
    """'Russia's 201st division': Russia names the owner, not the thing."""
    word = text[span[0] : span[1]]
    return word.endswith(("'s", "s'")) and bool(re.match(r"\s+(?:\d|[A-Z])", text[span[1] : span[1] + 3]))


def _paired(text: str, span: tuple[int, int], claim_terms: frozenset[str]) -> bool:
    """'the Tajik-Afghan border' is not 'the China-Tajikistan border': a compound
    that joins the subject to a name the claim does not use names another thing."""
    start, end = span
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return _pairs_other(text, (start, end), claim_terms)


def _pairs_other(text: str, span: tuple[int, int], claim_terms: frozenset[str]) -> bool:
    """Whether the text holds a compound of names ('Tajik-Afghan') with a part the claim lacks."""
    if not claim_terms:
        return False
    for compound in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", text[span[0] : span[1]]):
        parts = [stem(part) for part in compound.split("-")]
        if any(part in claim_terms for part in parts) and any(
            part not in claim_terms and part not in _GENERIC_STEMS for part in parts
        ):
            return True
    return False


def _named_in(name: str, claim_terms: frozenset[str]) -> bool:
    """Whether the claim itself uses this name: every naming word of it is a word of
    the claim ("Russian" for "Russian personnel"; not "Fort Fenvapol" for "Fort Tevvar")."""
    words = [term.norm for term in terms(name) if term.norm not in _GENERIC_STEMS]
    return bool(words) and all(
        word in claim_terms
        or (
            len(word) >= FUZZY_MIN_LENGTH
            and any(fuzz.ratio(word, wanted) >= FUZZY_MIN_SCORE for wanted in claim_terms)
        )
        for word in words
    )


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]
