"""Words as the matcher sees them: offset-preserving normalisation and terms.

Every stage that compares words (subjects, quantities, verdicts) goes through
``terms()`` so that "Russia's", "bases" and "defence" mean the same thing
everywhere.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import simplemma
from rapidfuzz import fuzz, process

from claimcheck.lexicon import (
    DEMONYMS,
    EVENT_SYNONYMS,
    IRREGULAR_PAST,
    LEMMA_OVERRIDES,
    NEGATION_IDIOMS,
    NEGATIONS,
    SPELLING_VARIANTS,
    STOPWORDS,
)

# One character for one character, so offsets into the normalised text are
# offsets into the original: curly quotes, dashes, odd spaces, the Unicode minus.
_FOLDED = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u200a": " ",
    "\ufeff": " ",
}

# Acronyms with periods ("U.S."), then words that may hold hyphens, apostrophes
# and digits ("Su-25", "Russia's", "post-Soviet"), then numbers and symbols.
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[^\W_]\w*(?:['-][^\W_]\w*)*"  # (a word's letters in one run: faster than one at a time)
    r"|[$%€₽]"
)

_DIGIT = re.compile(r"\d")
_GROUPING_SPACES = ("\u00a0", "\u2009", "\u202f")
_GROUPING_SPACE = re.compile(r"(?<=\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))")
_FOLDABLE = re.compile("[" + "".join(_FOLDED) + "]")
_STEM_SUFFIXES = ("ing", "ed", "es", "s", "e")


def normalize(text: str) -> str:
    """Fold typographic characters to ASCII ones without changing any offset.

    A thin or non-breaking space that groups thousands ("7\u2009500") becomes a comma.
    """
    if text.isascii():  # nothing to fold; most passages, and every normalised one
        return text
    if any(space in text for space in _GROUPING_SPACES):
        text = _GROUPING_SPACE.sub(",", text)
    # A pattern finds the few characters to fold much faster than str.translate walks them all.
    return _FOLDABLE.sub(lambda match: _FOLDED[match.group()], text)


@dataclass(frozen=True, slots=True)
class Term:
    """A word reduced for matching, and where it stands in the text."""

    norm: str
    start: int
    end: int


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Lowercase, drop the possessive and accents, fold spelling variants, strip one suffix."""
    word = word.lower().replace("\u2019", "'")
    if not word.isascii():
        # Rule accents: articles write a name with its accents or without ("Vinícius Júnior",
        # "Vinicius Junior"; "Füllkrug", "Fullkrug"; "Gálvez", "Galvez"): one name.
        word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    word = SPELLING_VARIANTS.get(word, word).rstrip(".")
    word = DEMONYMS.get(word, word)
    word = EVENT_SYNONYMS.get(word, word)
    if "-" in word or _DIGIT.search(word):
        return word
    for suffix in _STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of an English word, lowercase: 'killed' -> 'kill', 'aftershocks' ->
    'aftershock', 'feet' -> 'foot' (simplemma's English dictionary, then its rules for words
    it lacks), with the few news senses it gets wrong fixed (``LEMMA_OVERRIDES``)."""
    lowered = word.lower()
    if lowered in LEMMA_OVERRIDES:
        return LEMMA_OVERRIDES[lowered]
    return simplemma.lemmatize(lowered, lang="en").lower()


def terms(text: str, compounds: bool = True) -> list[Term]:
    """The content words of the text, stemmed, with their offsets.

    A hyphenated compound of words ("Tajik-Afghan") also yields its parts, so
    "the Tajik-Afghan border" mentions Afghanistan; with ``compounds=False``
    only the parts are kept. Names with digits ("Su-25") stay whole.
    """
    found = []
    for match in TOKEN_RE.finditer(normalize(text)):
        start = match.start()
        for norm, begin, end in word_terms(match.group(), compounds):
            found.append(Term(norm, start + begin, start + end))
    return found


def term_set(text: str) -> frozenset[str]:
    """The distinct terms of the text: ``{t.norm for t in terms(text)}``, without the offsets."""
    return frozenset().union(*map(_norms, TOKEN_RE.findall(normalize(text))))


@functools.lru_cache(maxsize=262144)
def _norms(word: str) -> tuple[str, ...]:
    """The terms of one token without their offsets (what ``term_set`` needs of ``word_terms``)."""
    return tuple(norm for norm, _, _ in word_terms(word, True))


def term_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Each term of the text and the spans where it stands: ``terms(text)`` grouped by term."""
    found: dict[str, list[tuple[int, int]]] = {}
    for match in TOKEN_RE.finditer(normalize(text)):
        start = match.start()
        for norm, begin, end in word_terms(match.group(), True):
            span = (start + begin, start + end)
            if norm in found:
                found[norm].append(span)
            else:
                found[norm] = [span]
    return found


@functools.lru_cache(maxsize=262144)
def word_terms(word: str, compounds: bool) -> tuple[tuple[str, int, int], ...]:
    """The terms of one token as (term, start, end) within it: none for a stopword; for a
    compound of words, the whole (with ``compounds``) and each part. A corpus repeats its
    words, so each is worked out once."""
    if word.lower() in STOPWORDS:
        return ()
    if "-" not in word or _DIGIT.search(word):
        return ((stem(word), 0, len(word)),)
    found = [(stem(word), 0, len(word))] if compounds else []
    position = 0
    for part in word.split("-"):
        if part and part.lower() not in STOPWORDS:
            found.append((stem(part), position, position + len(part)))
        position += len(part) + 1
    return tuple(found)


def any_word(words: Iterable[str]) -> str:
    """A regular expression matching any of the words, longest first, as a trie:
    "seven(?:t(?:een|y))?" rather than "seventeen|seventy|seven". Python's ``re`` tries
    the alternatives of a flat list one by one at every position; the trie rejects a
    word on its first letter, which makes the number and month patterns several times faster."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"

    return pattern(tree)


def squeeze(text: str) -> str:
    """Collapse runs of whitespace (line breaks inside a sentence) to one space."""
    return " ".join(text.split())


# A word this long may be matched with a typo ("Tadjikistan" for "Tajikistan"); a shorter one
# only as written. Two such words are one when they start alike and are this similar.
FUZZY_MIN_LENGTH = 5
FUZZY_MIN_SCORE = 88.0


def near_spelling(word: str, other: str) -> bool:
    """Whether two words are one spelt two ways: the one fuzzy word match of claimcheck."""
    if word == other:
        return True
    if len(word) < FUZZY_MIN_LENGTH or word[:1] != other[:1]:
        return False
    return fuzz.ratio(word, other) >= FUZZY_MIN_SCORE


def near_spellings(word: str, pool: Iterable[str]) -> frozenset[str]:
    """The words of ``pool`` that are ``word`` spelt another way (``near_spelling``), found
    with rapidfuzz's batch scorer: the subject index asks this of its whole vocabulary."""
    if len(word) < FUZZY_MIN_LENGTH:
        return frozenset()
    starting = [other for other in pool if other[:1] == word[:1]]
    found = process.extract(word, starting, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, limit=None)
    return frozenset(match for match, _score, _ in found)


_NEGATION = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(word) for word in NEGATIONS if word != "n't") + r")(?![\w-])|n't\b",
    re.I,
)
_NEGATION_IDIOM = re.compile(r"(?<![\w-])(?:" + "|".join(NEGATION_IDIOMS) + r")(?![\w-])", re.I)


def negates(text: str) -> bool:
    """Whether the text denies something: a negation word outside the phrases that hold one but
    deny nothing ("not only", "but not before", "no fewer than": rule negation-idiom)."""
    return _NEGATION.search(_NEGATION_IDIOM.sub(" ", text)) is not None


# What stands before a word that opens a sentence: the text's start, an end of sentence, a quote
# mark, a bracket or a dash.
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;\n\"“”‘’'(\[]|—|–|-\s)\s*$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, so is capitalised whatever it is."""
    return start <= 0 or _OPENS_SENTENCE.search(text, 0, start) is not None


def is_participle(word: str) -> bool:
    """'reopened', 'ratified', 'built': a past participle, lowercase ('the number of ...' holds
    none, though 'number' is a verb too)."""
    return word.islower() and (
        word in IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4 and lemma(word) != word)
    )
