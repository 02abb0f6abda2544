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

Which figure in a mentioning passage is the subject's is the other half of
"same subject", in ``attribution``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

from claimcheck.lexicon import (
    GENERIC_HEADS,
    GENERIC_WORDS,
    HEAD_SYNONYMS,
    KNOWN_NAMES,
    MONTHS,
    NUMBER_WORDS,
    STOPWORDS,
)
from claimcheck.model import Passage, quick_init
from claimcheck.text import (
    FUZZY_MIN_LENGTH,
    Term,
    any_word,
    is_participle,
    lemma,
    near_spellings,
    stem,
    term_set,
    term_spans,
    terms,
)

# A mention must cover this share of a name's term weight.
MIN_COVERAGE = 0.75
# A name's words must stand together: within this many times the name's own
# length (and at least NAME_MIN_WIDTH characters) of one another.
NAME_WIDTH_FACTOR = 3.0
NAME_MIN_WIDTH = 60

# Words of a name this many characters apart or closer stand beside each other.
_BESIDE = 4
# The lead of an article: its first passages (title and first paragraph). An
# article whose lead names a subject is about it.
LEAD_PASSAGES = 2
# How many passages' term positions are kept between look-ups.
_POSITIONS_KEPT = 200_000

# Head nouns that refer back to one another: "the agreement ... the accord".
_HEAD_GROUPS = HEAD_SYNONYMS
_PREPOSITIONS = frozenset({"of", "on", "in", "at", "for", "with", "between", "to", "from", "near"})
_ENTITY_ENDS = _PREPOSITIONS | {"per", "by", "after", "before", "during"}
# Stems of words that describe without naming ("air", "base").
GENERIC_STEMS = frozenset(stem(word) for word in GENERIC_WORDS)
# "the base", "this agreement": a definite reference to a thing named before.
# ("estimate that the base": the reference is "the base", not "that the").
REFERENCE = re.compile(
    r"\b(?:the|this|that|its)\s+(?!(?:the|this|that|its)\s)(?:[a-z-]+\s+){0,2}?([a-z]+)\b", re.I
)
# The small words between the capitalised words of one name: "Competition and Markets Authority".
_NAME_LINKS = r"(?:of|and|the|for|&)"
_OWNER_BEFORE_NAME = re.compile(r"((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)['’]s\s+(?=[A-Z])")
# A name of capitalised words and the small words between them: "Competition and Markets Authority".
_PROPER_NAME = re.compile(rf"[A-Z][\w.-]*(?:\s+(?:{_NAME_LINKS}\s+)*[A-Z][\w.-]*)*")
# A name written in capitals ("SVB", "CMA", "ISRO"), and one spelt out in three or more
# capitalised words with the small words between them ("Competition and Markets Authority").
_ACRONYM = re.compile(r"[A-Z]{3,6}(?:['’]s)?$")
_SPELT_OUT = re.compile(rf"\b[A-Z][a-z]+(?:\s+(?:{_NAME_LINKS}\s+)?[A-Z][a-z]+){{2,}}")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)+")
# The kind of thing a source says a name is (rule described-as): "the container ship Dali", "a
# vessel called Dali" (the noun right before the name) or "Dali, a Singapore-flagged container
# vessel," (the last noun of an apposition after it).
_KIND_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,3}?([a-z]{3,})\s+(?:(?:called|named)\s+)?$")
_KIND_AFTER = re.compile(
    r"(?:['’]s)?,\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?([a-z]{3,})"
    r"(?=\s*[,.;)]|\s+(?:that|which|who|with|carrying|owned|operated|built|flagged)\b)"
)
_KNOWN_NAMES = tuple(
    tuple((name, re.compile(rf"\b{re.escape(name)}\b", 0 if name.isupper() else re.I)) for name in group)
    for group in KNOWN_NAMES
)


@dataclass(frozen=True, slots=True)
class Name:
    """One name of a subject: the terms that identify it and how far apart they may stand."""

    terms: tuple[str, ...]
    width: int
    required: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()
    # Taken from the lexicon's known names ("Daesh" for "Islamic State"), not written by the analyst.
    known: bool = False
    # Its words written in capitals ("SVB"): an article may spell them out ("Silicon Valley Bank").
    acronyms: frozenset[str] = frozenset()
    # The terms of the name these initials stand for ("SVB" for "Silicon Valley Bank", rule
    # ``acronym``): found only in sources that spell that name out, and no other of its initials.
    abbreviates: tuple[str, ...] = ()
    # Only the name in a subject that also describes a measure ("Twitter" of "Twitter takeover
    # price per share", rule ``entity``): a passage it alone finds may agree, never conflict.
    entity: bool = False
    # The terms of the full name this last word of it stands for ("Milei" for "Javier Milei",
    # rule ``short-name``): found only in sources that write the full name.
    shortens: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Subject:
    """What a claim is about: its names and its head nouns ("base")."""

    name: str
    names: tuple[Name, ...]
    heads: frozenset[str]

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(term for name in self.names for term in name.terms)

    @property
    def described(self) -> frozenset[str]:
        """The words of a descriptive subject that say what is measured, beside its name:
        'price', 'share' of "Twitter takeover price per share" (rule ``entity``)."""
        named = frozenset(term for name in self.names if name.entity for term in name.terms)
        if not named:
            return frozenset()
        return frozenset(term for name in self.names if not name.known for term in name.terms) - named

    @property
    def written_terms(self) -> frozenset[str]:
        """The terms of the names the analyst wrote, without the known other names."""
        return frozenset(term for name in self.names if not name.known for term in name.terms)


@quick_init
@dataclass(frozen=True, slots=True)
class Mention:
    """Where a passage speaks of a subject; ``spans`` index into the passage text."""

    passage: Passage
    spans: tuple[tuple[int, int], ...]
    referred_back: bool = False
    # A passage of an article whose lead names the subject, that names nothing itself: the
    # article's topic is its subject (rule ``topic``).
    topic: bool = False
    # A passage that names only the name within a descriptive subject (``Name.entity``).
    by_entity: bool = False


def make_subject(name: str, aliases: Iterable[str] = ()) -> Subject:
    """Turn a subject and its aliases into the names the index looks up.

    Lowercase generic words ("air base") do not identify anything and are
    dropped; the words of a proper name of two or more capitalised words are
    all required ("Northern Border Authority" is not "Joint Mobility
    Authority"); other words count by weight.
    """
    names: list[Name] = []
    given = (name, *aliases)
    known = [other for phrase in given for other in other_names(phrase) if other not in given]
    # "Silicon Valley Bank" is also "SVB" (rule acronym).
    abbreviations = {
        short: spelt for phrase in given if (initials := _initials_of(phrase)) for short, spelt in [initials]
    }
    known += [short for short in abbreviations if short not in given]
    # Initials the subject spells out itself are never spelt out otherwise ("JMA" beside "Joint
    # Maritime Authority" is not the Joint Mobility Authority a source spells out).
    spelt_by_subject = {initials.lower() for phrase in given for *_, initials in _spelt_out(phrase)}
    # "Twitter takeover price per share" is about Twitter: a description of what is measured
    # around a name is found by the name (rule entity).
    entities = [entity for phrase in given if (entity := _entity_of(phrase)) and entity not in given]
    # "Japan Airlines A350", "coast guard Dash-8", "Alaska Airlines Flight 1282": articles name
    # the thing without its designation ("a Japan Airlines plane", "the coast guard plane"); it is
    # found by the other words alone as a name within the subject (rule designation).
    entities += [
        bare
        for phrase in given
        if (bare := _without_designation(phrase)) and bare not in given and bare not in entities
    ]
    known += entities
    for phrase in dict.fromkeys([*given, *known]):
        found = [t for t in terms(phrase, compounds=False) if t.norm not in NUMBER_WORDS]
        proper = _proper_name_words(phrase)
        words = [t.norm for t in found]
        # "Vikram lander", "Pragyan rover": a lowercase noun closing a name says what kind of thing
        # it is, like "air base" (rule head-noun); articles name the thing without it ("LM Vikram").
        head = _head_after_name(phrase, found)
        owners = _owners(phrase)
        modifiers = _modifiers(phrase)
        distinctive = tuple(
            dict.fromkeys(
                w
                for w in words
                if (w not in GENERIC_STEMS or w in proper) and w != head and w not in owners | modifiers
            )
        )
        chosen = distinctive or tuple(dict.fromkeys(words))
        if chosen and all(known.terms != chosen for known in names):
            width = max(NAME_MIN_WIDTH, int(len(phrase) * NAME_WIDTH_FACTOR))
            capitalised = {
                t.norm for t in found if phrase[t.start : t.start + 1].isupper() or t.norm[:1].isdigit()
            }
            anchors = frozenset(capitalised & set(chosen)) or frozenset(chosen)
            acronyms = frozenset(
                t.norm
                for t in found
                if _ACRONYM.match(phrase, t.start, t.end)
                and t.norm in chosen
                and (t.norm not in spelt_by_subject or (phrase in abbreviations and phrase not in given))
            )
            spelt = abbreviations.get(phrase)
            names.append(
                Name(
                    chosen,
                    width,
                    frozenset(proper & set(chosen)),
                    anchors,
                    phrase not in given,
                    acronyms,
                    tuple(t.norm for t in terms(spelt, compounds=False))
                    if spelt and phrase not in given
                    else (),
                    entity=phrase in entities and phrase not in given,
                )
            )
    for phrase in given:
        short = _short_name(phrase)
        if short is not None and all(known.terms != (short[0],) for known in names):
            width = max(NAME_MIN_WIDTH, int(len(short[0]) * NAME_WIDTH_FACTOR))
            single = frozenset({short[0]})
            names.append(Name((short[0],), width, single, single, known=True, shortens=short[1]))
    return Subject(name=name, names=tuple(names), heads=heads_of(name))


_CAPITAL_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


def _in_capitalised_run(text: str, span: tuple[int, int]) -> bool:
    """Whether the word at ``span`` stands beside another capitalised word (not one that opens
    a sentence after it)."""
    before = _CAPITAL_BEFORE.search(text, max(0, span[0] - 40), span[0])
    return before is not None or _CAPITAL_AFTER.match(text, span[1]) is not None


def _short_name(phrase: str) -> tuple[str, tuple[str, ...]] | None:
    """Rule short-name: the last word of a name of two or three capitalised words, and the
    name's terms — articles name a person by the surname after the full name ("Javier Milei" ...
    "Milei handily beat"; "Taylor Swift" ... "Swift performed"), and a storm by its own name
    ("Hurricane Otis" ... "Otis"). None for one word, a generic last word ("Air Base") or a
    phrase that is more than a name."""
    words = phrase.strip().split()
    if not 2 <= len(words) <= 3 or not _CAPITALISED_RUN.fullmatch(phrase.strip()):
        return None
    found = [t.norm for t in terms(phrase, compounds=False)]
    last = found[-1] if found else ""
    if len(last) < 3 or last in GENERIC_STEMS or last[:1].isdigit() or last in NUMBER_WORDS:
        return None
    return last, tuple(found)


def _head_after_name(phrase: str, found: Sequence[Term]) -> str | None:
    """The last word of the phrase when it is a singular lowercase noun right after a capitalised
    word that owns nothing: the kind of thing the name names ('lander' in "Vikram lander"; not
    'regulators' in "California regulators", nor 'collapse' in "SVB's collapse")."""
    if len(found) < 2:
        return None
    last, before = found[-1], found[-2]
    word = phrase[last.start : last.end]
    between = phrase[before.end : last.start]
    if (
        word.islower()
        and phrase[before.start : before.start + 1].isupper()
        and between.strip() == ""
        and not phrase[before.start : before.end].endswith(("'s", "’s"))
        and lemma(word) == word
    ):
        return last.norm
    return None


def _entity_of(phrase: str) -> str | None:
    """The name in a phrase that also describes a measure of it: "Twitter" in "Twitter takeover
    price per share", "Lahaina fire" in "area burned by the Lahaina fire"; None when the phrase
    is a name, or holds none."""
    words = re.findall(r"[\w'’-]+", phrase)
    names = [word for word in words if word[:1].isupper() or any(ch.isdigit() for ch in word)]
    described = [word for word in words if word not in names and word.lower() not in STOPWORDS]
    if not names or not described:
        return None
    # "Russia's 201st military base": a kind of thing, itself the subject, not a measure of its
    # name's (the head: the last word before a preposition).
    before = next((i for i, word in enumerate(words) if i and word.lower() in _ENTITY_ENDS), len(words))
    head = next((word for word in reversed(words[:before]) if word in described), None)
    if head is not None and head.lower() in GENERIC_HEADS:
        return None
    # Only the first run of names: a later one says where or against whom ("Helene's death toll
    # across the Southeast" is Helene's; "Marine Le Pen's National Rally and its allies" is the
    # National Rally's, an owner before it being none of its name: rule descriptor). Rule entity-run.
    first = words.index(names[0])
    run = itertools.takewhile(lambda word: word in names, words[first:])
    return re.sub(r"['’]s$", "", " ".join(run))


# A designation closing a name: a model, a number or a code with a digit ("A350", "Dash-8",
# "Rubezh-2019"), with the noun a bare number is of ("Flight 1282").
_DESIGNATION = re.compile(
    r"(?:^|\s+)(?:(?!(?i:" + any_word(MONTHS) + r")\b)[A-Z][a-z]+\s+\d[\d-]*|[A-Za-z]+-?\d[\w-]*)$"
)


def _without_designation(phrase: str) -> str | None:
    """The phrase without the designation it closes on, when words that name something are
    left: "Japan Airlines" of "Japan Airlines A350"; None for "Russia's Luna-25"."""
    match = _DESIGNATION.search(phrase.strip())
    if match is None:
        return None
    bare = phrase.strip()[: match.start()]
    bare = re.sub(r"(?:\s+(?:" + "|".join(sorted(_ENTITY_ENDS)) + r"))+$", "", bare)
    owners = _owners(phrase)
    named = [
        t.norm
        for t in terms(bare, compounds=False)
        if t.norm not in GENERIC_STEMS and t.norm not in owners and t.norm not in NUMBER_WORDS
    ]
    return bare if named else None


def _initials_of(phrase: str) -> tuple[str, str] | None:
    """The phrase with its name of three or more capitalised words written as their initials,
    and that name: ("SVB", "Silicon Valley Bank"), ("Britain's CMA", "Competition and Markets
    Authority"); None when it holds no such name."""
    for start, end, initials in _spelt_out(phrase):
        return phrase[:start] + initials + phrase[end:], phrase[start:end]
    return None


def _spelt_out(text: str) -> Iterator[tuple[int, int, str]]:
    """Where the text holds a name of three or more capitalised words, and its initials:
    (start, end, "SVB") for "Silicon Valley Bank"; a sentence's opening "The" is no part of it."""
    for match in _SPELT_OUT.finditer(text):
        words = list(re.finditer(r"\S+", match.group()))
        while words and words[0].group().lower() in STOPWORDS:
            words.pop(0)
        capitals = [word.group()[0] for word in words if word.group()[:1].isupper()]
        if len(capitals) >= 3:
            yield match.start() + words[0].start(), match.end(), "".join(capitals)


@functools.lru_cache(maxsize=1024)
def _spelling_pattern(acronym: str) -> re.Pattern[str]:
    """What spells the acronym out: its letters opening capitalised words, in order, with the
    small words between them ("svb": "Silicon Valley Bank"; "cma": "Competition and Markets
    Authority")."""
    small = rf"\s+(?:{_NAME_LINKS}\s+)?"
    first, *rest = (re.escape(letter.upper()) for letter in acronym)
    # The first capital letter first, then "not after a letter": the engine then looks for that
    # letter alone (twenty times faster over a corpus than a pattern that opens with \b).
    words = rf"{first}(?<!\w{first})[a-z]+" + "".join(rf"{small}{letter}[a-z]+" for letter in rest)
    return re.compile(rf"{words}\b")


def other_names(phrase: str) -> tuple[str, ...]:
    """The phrase with each other well-known name of a thing in it swapped in:
    'Daesh fighters' -> 'Islamic State fighters', 'ISIS fighters', 'ISIL fighters'."""
    found = []
    for group in _KNOWN_NAMES:
        for name, pattern in group:
            if pattern.search(phrase):
                found += [pattern.sub(other, phrase) for other, _ in group if other != name]
    # A name that is its head noun alone ('earthquake') also goes by that noun's synonyms.
    head = phrase.strip().lower()
    for words in HEAD_SYNONYMS:
        if head in words:
            found += sorted(words - {head})
    return tuple(found)


def canonical_name(phrase: str) -> str:
    """The phrase with every well-known name of a thing written the one way: 'Daesh' -> 'Islamic State'."""
    for group in _KNOWN_NAMES:
        for _, pattern in group[1:]:
            phrase = pattern.sub(group[0][0], phrase)
    return phrase


def _proper_name_words(phrase: str) -> frozenset[str]:
    """The words of runs of two or more capitalised words: 'Northern Border Authority'."""
    words: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(phrase):
        words.update(term.norm for term in terms(run.group(), compounds=False))
    return frozenset(words) - _modifiers(phrase)


def _modifiers(phrase: str) -> frozenset[str]:
    """The terms of words joined by a hyphen to a past participle ("BJP-led", "Milton-spawned",
    "U.S.-listed"): they describe the name after them and are none of it; articles name the
    thing without them ("the National Democratic Alliance", "in St. Lucie County": rule
    hyphen-modifier)."""
    found: set[str] = set()
    for word in phrase.split():
        head, hyphen, tail = word.rpartition("-")
        if head and hyphen and is_participle(tail.rstrip(".,;:")):
            found.update(term.norm for term in terms(word, compounds=False))
    return frozenset(found)


def _owners(phrase: str) -> frozenset[str]:
    """An owner before a name ("Britain's" in "Britain's Competition and Markets Authority",
    "Russia's Luna-25"): it says whose the thing is, and articles name the thing without it or
    with other words for the owner ("the U.K. Competition and Markets Authority"): rule
    ``descriptor``."""
    match = _OWNER_BEFORE_NAME.match(phrase.strip())
    # "Ronaldo's Al Nassr contract" is a contract, Ronaldo's: the owner is the subject's own.
    if match is None or not _PROPER_NAME.fullmatch(phrase.strip()[match.end() :]):
        return frozenset()
    return frozenset(term.norm for term in terms(match.group(1), compounds=False))


def heads_of(name: str) -> frozenset[str]:
    """The head noun of the name and its synonyms: 'agreement' in 'agreement on mutual use of forces'."""
    words = [word.lower() for word in re.findall(r"[A-Za-z]+", name)]
    words = ["base" if word == "airbase" else word for word in words]
    before = next((i for i, word in enumerate(words) if word in _PREPOSITIONS and i), len(words))
    head = next((word for word in reversed(words[:before]) if word in GENERIC_HEADS), None)
    if head is None:
        return frozenset()
    return next((group for group in _HEAD_GROUPS if head in group), frozenset({head}))


class Vocabulary:
    """In how many passages of the whole corpus each term occurs: what weights and fuzzy
    look-ups are made of. It is built from every source before any claim is checked, and
    every batch of sources is judged with the same one, so a verdict never depends on how
    the corpus was cut into batches (``--jobs``, ``--engine dask``)."""

    def __init__(self) -> None:
        self.passages = 0
        self.frequency: Counter[str] = Counter()
        # Derived on demand; cleared when the vocabulary grows.
        self._by_initial: dict[str, set[str]] | None = None
        self._variants: dict[str, frozenset[str]] = {}
        self._weights: dict[str, float] = {}

    def add(self, words: Iterable[Collection[str]]) -> None:
        """Count the distinct terms of these (non-boilerplate) passages."""
        for norms in words:
            self.passages += 1
            self.frequency.update(norms)
        self._forget()

    def merge(self, other: Vocabulary) -> None:
        self.passages += other.passages
        self.frequency.update(other.frequency)
        self._forget()

    def _forget(self) -> None:
        self._by_initial = None
        self._variants.clear()
        self._weights.clear()

    def __contains__(self, term: str) -> bool:
        return term in self.frequency

    def weight(self, term: str) -> float:
        """Rare terms weigh more: 'Kant' identifies a subject, 'Russia' barely does."""
        if term not in self._weights:
            frequency = sum(self.frequency.get(variant, 0) for variant in self.variants(term))
            self._weights[term] = math.log(1 + self.passages / max(frequency, 0.5))
        return self._weights[term]

    def variants(self, term: str) -> frozenset[str]:
        """The corpus's terms that stand for this one: itself, or near spellings when it is absent.

        Only a term the corpus lacks is looked up fuzzily: where "Lorrek" is
        written, "Lorarek" is another place, not a typo.
        """
        if term in self.frequency:
            return frozenset({term})
        if term not in self._variants:
            self._variants[term] = self._fuzzy(term)
        return self._variants[term]

    def _fuzzy(self, term: str) -> frozenset[str]:
        if len(term) < FUZZY_MIN_LENGTH or any(ch.isdigit() for ch in term):
            return frozenset()
        if self._by_initial is None:
            self._by_initial = defaultdict(set)
            for known in self.frequency:
                self._by_initial[known[:1]].add(known)
        return near_spellings(term, self._by_initial.get(term[:1], set()))


class SubjectIndex:
    """An inverted index from terms to the passages of some sources, for finding subject
    mentions. Weights and spellings come from the ``vocabulary`` of the whole corpus;
    without one, the index counts its own passages as the corpus."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self._own = vocabulary is None
        self.vocabulary = Vocabulary() if vocabulary is None else vocabulary
        self._passages: list[Passage] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        # Each source's passages by number: first and one past the last (they are added in order).
        self._sources: dict[str, list[int]] = {}
        # Derived on demand and kept while the corpus is unchanged.
        self._positions: dict[str, dict[str, list[tuple[int, int]]]] = {}
        self._spelt_out: dict[tuple[str, frozenset[str] | None], dict[tuple[str, ...], set[str]]] | None = (
            None
        )
        self._joined_text: tuple[str, list[int]] | None = None

    def add(self, passages: Iterable[Passage], words: Iterable[Collection[str]] | None = None) -> None:
        """Index these passages (of one or more sources); ``words``, each passage's
        distinct terms, when they are known already (``prepare``)."""
        known = iter(words) if words is not None else None
        added = []
        for passage in passages:
            norms = next(known) if known is not None else None
            if passage.boilerplate:  # navigation and credits state no facts: never a mention
                continue
            number = len(self._passages)
            self._passages.append(passage)
            self._sources.setdefault(passage.source_id, [number, number])[1] = number + 1
            if norms is None:
                norms = term_set(passage.text)
            added.append(norms)
            for norm in norms:
                self._postings[norm].append(number)
        if self._own:
            self.vocabulary.add(added)
        self._spelt_out = None
        self._joined_text = None

    def __len__(self) -> int:
        return len(self._passages)

    def positions(self, passage: Passage) -> dict[str, list[tuple[int, int]]]:
        """The passage's terms and the spans where each occurs (worked out once for each text:
        sources repeat sentences)."""
        if passage.text not in self._positions:
            if len(self._positions) > _POSITIONS_KEPT:
                self._positions.clear()
            self._positions[passage.text] = term_spans(passage.text)
        return self._positions[passage.text]

    def weight(self, term: str) -> float:
        """Rare terms weigh more: 'Kant' identifies a subject, 'Russia' barely does."""
        return self.vocabulary.weight(term)

    def mentions(self, subject: Subject, needed: Callable[[Passage], bool] | None = None) -> list[Mention]:
        """Every passage that mentions the subject, by name or by referring back, and a
        ``topic`` mention for each article whose lead names it (``_topics``).

        With ``needed``, only the passages it accepts are looked at in full, and of each source
        none of whose needed passages mentions the subject, its first mention: it shows that the
        source mentions the subject at all. (A claim with a figure reads only the passages that
        hold a figure of its kind.)"""
        names = []
        for name, sources in self._with_spelt_out(subject.names):
            variants = {term: self.vocabulary.variants(term) for term in name.terms}
            weights = {term: self.weight(term) for term in name.terms}
            enough = MIN_COVERAGE * sum(weights.values())
            held = self._candidates(name, variants, weights, enough)
            if sources is not None:
                held = {number for number in held if self._passages[number].source_id in sources}
            names.append((name, variants, weights, enough, held))
        candidates = sorted(set().union(*(found for *_, found in names)))
        named: dict[int, Mention | None] = {}
        # A sentence several sources carry (wire copy, a reprint) names the subject alike in each.
        spans_in: dict[str, tuple[tuple[tuple[int, int], ...], bool]] = {}

        def named_in(number: int) -> Mention | None:
            if number not in named:
                passage = self._passages[number]
                if passage.text not in spans_in:
                    spans_in[passage.text] = self._name_spans(number, names)
                spans, by_entity = spans_in[passage.text]
                named[number] = Mention(passage, spans, by_entity=by_entity) if spans else None
            return named[number]

        found: dict[int, Mention] = {}
        taken = set(candidates)
        kinds: dict[str, frozenset[str]] = {}

        def kinds_in(number: int) -> frozenset[str]:
            """What kind of thing the passage's source says the subject is (``_kinds_given``)."""
            source_id = self._passages[number].source_id
            if source_id not in kinds:
                first, end = (bisect.bisect_left(candidates, n) for n in self._sources[source_id])
                within = candidates[first:end]
                kinds[source_id] = _kinds_given(m for n in within if (m := named_in(n)))
            return kinds[source_id]

        # A passage is a mention by name, or refers back ("the base") to one just before it.
        for number in sorted(
            taken | {number + 1 for number in candidates if number + 1 < len(self._passages)}
        ):
            if needed is not None and not needed(self._passages[number]):
                continue
            mention = named_in(number) if number in taken else None
            if mention is None and number - 1 in taken and named_in(number - 1) is not None:
                heads = subject.heads | kinds_in(number)
                mention = self._reference(self._passages[number - 1], number, heads)
            if mention is not None:
                found[number] = mention
        shown = {found[number].passage.source_id for number in found}
        for number in candidates:
            source_id = self._passages[number].source_id
            if source_id not in shown and (mention := named_in(number)) is not None:
                found[number] = mention
                shown.add(source_id)
        return [found[number] for number in sorted(found)] + self._topics(candidates, named_in)

    def _with_spelt_out(self, names: Iterable[Name]) -> list[tuple[Name, set[str] | None]]:
        """The names, and for each acronym in one ("SVB"), the name with it spelt out as the
        sources that spell it out write it ("Silicon Valley Bank"), found in those sources only
        (rule ``acronym``): what a source's passages mention depends on that source alone."""
        found: list[tuple[Name, set[str] | None]] = []
        for name in names:
            if name.shortens:
                # Rule short-name: only where a passage of the source holds the full name.
                found.append((name, self._holding(name.shortens)))
                continue
            if not name.abbreviates:
                found.append((name, None))
                continue
            # The initials of the subject's name count where a source spells that name out and
            # no other of the same initials ("JMA": Joint Maritime or Joint Mobility Authority).
            # (The acronym the spelt-out words begin: "bjp led nda" abbreviates "national democratic
            # alliance" by "nda", not "bjp"; a set's order must never decide it.)
            spelt_initials = "".join(word[:1] for word in name.abbreviates)
            initials = spelt_initials if spelt_initials in name.acronyms else min(name.acronyms, default="")
            # Only sources with a passage holding the name's words can spell it out.
            spelling = self._holding(name.abbreviates)
            spellings = self._spellings(initials, frozenset(spelling)) if initials and spelling else {}
            others = set().union(*(ids for words, ids in spellings.items() if words != name.abbreviates))
            found.append((name, spellings.get(name.abbreviates, set()) - others))
        for name in names:
            for acronym in name.acronyms if not name.abbreviates else ():
                spellings = self._spellings(acronym)
                for words, sources in spellings.items():
                    # ... and an acronym is spelt out only where a source spells it one way.
                    sources = sources - set().union(
                        *(ids for other, ids in spellings.items() if other != words)
                    )
                    terms_ = tuple(
                        dict.fromkeys(
                            t for term in name.terms for t in (words if term == acronym else (term,))
                        )
                    )
                    spelt = Name(
                        terms_,
                        name.width + NAME_MIN_WIDTH,
                        (name.required - {acronym}) | frozenset(words),
                        (name.anchors - {acronym}) | frozenset(words),
                        known=True,
                    )
                    found.append((spelt, sources))
        return found

    def _holding(self, words: Sequence[str]) -> set[str]:
        """The sources with a passage that holds all these terms (through the postings)."""
        postings = [set(self._postings.get(word, ())) for word in words]
        numbers = set.intersection(*postings) if postings else set()
        return {self._passages[number].source_id for number in numbers}

    def _spellings(
        self, acronym: str, sources: frozenset[str] | None = None
    ) -> dict[tuple[str, ...], set[str]]:
        """Each way the sources (all, or these) spell out the acronym (as its words' terms), and
        which sources do. Only the runs of capitalised words with its initials are looked for."""
        if self._spelt_out is None:
            self._spelt_out = {}
        key = (acronym, sources)
        if key not in self._spelt_out:
            pattern = _spelling_pattern(acronym)
            if sources is None:
                # The whole index at once: one scan of its joined text, not one per passage.
                text, starts = self._joined()
                hits = [
                    (match.group(), self._passages[bisect.bisect_right(starts, match.start()) - 1])
                    for match in pattern.finditer(text)
                ]
            else:
                hits = [
                    (match.group(), passage)
                    for first, end in (self._sources[source] for source in sources)
                    for passage in self._passages[first:end]
                    for match in pattern.finditer(passage.text)
                ]
            found: dict[tuple[str, ...], set[str]] = defaultdict(set)
            for run, passage in hits:
                for start, stop, initials in _spelt_out(run):
                    if initials.lower() == acronym:
                        words = tuple(term.norm for term in terms(run[start:stop], compounds=False))
                        found[words].add(passage.source_id)
            self._spelt_out[key] = dict(found)
        return self._spelt_out[key]

    def _joined(self) -> tuple[str, list[int]]:
        """The index's passages joined into one text, and where each starts in it."""
        if self._joined_text is None:
            starts, at = [], 0
            for passage in self._passages:
                starts.append(at)
                at += len(passage.text) + 2
            self._joined_text = ("\n\n".join(passage.text for passage in self._passages), starts)
        return self._joined_text

    def _topics(self, candidates: Sequence[int], named_in: Callable[[int], Mention | None]) -> list[Mention]:
        """A ``topic`` mention for each article whose lead names the subject (rule ``topic``:
        "The earthquake in Morocco ..." in the first lines, and later "1,305 people had died"),
        on its lead passage. Its other passages are read only when none that names the subject
        gives the claim's fact (``verdicts``, through ``passages_of``)."""
        topics: dict[str, Mention] = {}
        for number in candidates:
            source_id = self._passages[number].source_id
            if source_id in topics or number >= self._sources[source_id][0] + LEAD_PASSAGES:
                continue
            # A lead that names only the name within a descriptive subject ("Twitter") does not
            # make every passage of the article speak of the description (rule entity).
            if (named := named_in(number)) is not None and not named.by_entity:
                topics[source_id] = Mention(self._passages[number], (), topic=True)
        return list(topics.values())

    def passages_of(self, source_id: str) -> Sequence[Passage]:
        """The source's passages the index holds (not its boilerplate), in order."""
        first, end = self._sources.get(source_id, (0, 0))
        return self._passages[first:end]

    def _name_spans(
        self, number: int, names: list[tuple[Name, dict, dict, float, set[int]]]
    ) -> tuple[tuple[tuple[int, int], ...], bool]:
        """Where any of the subject's names occurs in the passage (none: it is no mention by name),
        and whether only entity names (``Name.entity``) occur. Whether it is a candidate for a
        name depends on its terms, so on its text alone."""
        where = self.positions(self._passages[number])
        spans: set[tuple[int, int]] = set()
        by_entity = True
        for name, variants, weights, enough, candidates in names:
            if number not in candidates:
                continue
            hits = sorted(
                (span, term)
                for term in name.terms
                for variant in variants[term]
                for span in where.get(variant, ())
            )
            found = _occurrences(hits, weights, name, enough)
            if name.shortens:
                # A last word that stands in another name ("Joint Mobility Authority", "U.S.
                # Steel") is that name's, not the subject's; one written small is a common noun
                # ("a brush fire" is no "Eaton Fire").
                text = self._passages[number].text
                found = {
                    span for span in found if text[span[0]].isupper() and not _in_capitalised_run(text, span)
                }
            spans |= found
            by_entity = by_entity and (not found or name.entity)
        return tuple(sorted(spans)), by_entity and bool(spans)

    def _candidates(
        self, name: Name, variants: dict[str, frozenset[str]], weights: dict[str, float], needed: float
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
                candidates.update(self._postings.get(variant, ()))
        for term in name.required:
            postings = [self._postings.get(variant, ()) for variant in variants[term]]
            # One spelling (the usual case): intersect with its list, without making a set of it.
            candidates.intersection_update(postings[0] if len(postings) == 1 else set().union(*postings))
        return candidates

    def _reference(self, named_in: Passage, number: int, heads: frozenset[str]) -> Mention | None:
        """'The base was established in 2003.' right after the base was named; 'The ship is about
        984 feet long' right after Dali was, in a source that says Dali is a ship (``_kinds_given``)."""
        passage = self._passages[number]
        if passage.source_id != named_in.source_id or not heads:
            return None
        spans = tuple(
            match.span() for match in REFERENCE.finditer(passage.text) if match.group(1).lower() in heads
        )
        return Mention(passage, spans, referred_back=True) if spans else None


def _kinds_given(mentions: Iterable[Mention]) -> frozenset[str]:
    """Rule described-as: the kinds of thing these passages say the subject they name is ("the
    container ship Dali", "Dali, a Singapore-flagged container vessel,": ship, vessel), which a
    passage right after one of them refers back to it by ("The ship is about 984 feet long")."""
    kinds: set[str] = set()
    for mention in mentions:
        text = mention.passage.text
        for start, end in mention.spans:
            for match in (_KIND_BEFORE.search(text, 0, start), _KIND_AFTER.match(text, end)):
                if match and match.group(1) not in STOPWORDS and lemma(match.group(1)) == match.group(1):
                    kind = match.group(1)
                    kinds |= next((group for group in _HEAD_GROUPS if kind in group), {kind})
    return frozenset(kinds)


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
        # The window grows one hit at a time; its terms and their weight are kept as it grows
        # (summed as ``enough`` sums them, so the test is the same to the last bit).
        covered: set[str] = set()
        weight = 0.0
        begin = hits[first][0][0]
        for last in range(first, len(hits)):
            (start, end), term = hits[last]
            if start - begin > name.width:  # every later hit starts later still
                break
            if term not in covered:
                covered.add(term)
                weight = sum(weights[t] for t in covered)
            if end - begin <= name.width and name.required <= covered and weight >= needed:
                window = hits[first : last + 1]
                if not enough(window[1:]):
                    spans.update(_naming_spans(window, weights, name.anchors))
                break
    return spans


def _naming_spans(
    window: list[tuple[tuple[int, int], str]], weights: dict[str, float], anchors: frozenset[str]
) -> list[tuple[int, int]]:
    """The naming words of one occurrence: its rarest word, and the others that stand right
    beside another of its words ("136th Mechanized Brigade", not a stray "Brigade" earlier)."""
    # The rarest of its naming words: "Maui" in "the wildfire on Hawaii's Maui island" for "Maui
    # wildfires", though "wildfire" is rarer in a collection about Maui's fires.
    heaviest = max((weights[term] for _, term in window if term in anchors), default=0.0)
    kept = []
    for span, term in window:
        if term not in anchors:
            continue
        beside = any(
            other != span and (0 <= other[0] - span[1] <= _BESIDE or 0 <= span[0] - other[1] <= _BESIDE)
            for other, _ in window
        )
        if beside or weights[term] == heaviest:
            kept.append(span)
    return kept
