"""Words as the matcher sees them: offset-preserving normalisation and terms.

Every stage that compares words (subjects, quantities, verdicts) goes through
``terms()`` so that "Russia's", "bases" and "defence" mean the same thing
everywhere.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claimcheck.lexicon import DEMONYMS, EVENT_SYNONYMS, SPELLING_VARIANTS, STOPWORDS

# One character for one character, so offsets into the normalised text are
# offsets into the original: curly quotes, dashes, odd spaces, the Unicode minus.
_SAME_LENGTH = str.maketrans(
    {
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
)

# Acronyms with periods ("U.S."), then words that may hold hyphens, apostrophes
# and digits ("Su-25", "Russia's", "post-Soviet"), then numbers and symbols.
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[^\W_](?:[\w]|['-](?=[^\W_]))*"
    r"|[$%€₽]"
)

_DIGIT = re.compile(r"\d")
_GROUPING_SPACE = re.compile(r"(?<=\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))")
_STEM_SUFFIXES = ("ing", "ed", "es", "s", "e")


def normalize(text: str) -> str:
    """Fold typographic characters to ASCII ones without changing any offset.

    A thin or non-breaking space that groups thousands ("7\u2009500") becomes a comma.
    """
    return _GROUPING_SPACE.sub(",", text).translate(_SAME_LENGTH)


@dataclass(frozen=True, slots=True)
class Term:
    """A word reduced for matching, and where it stands in the text."""

    norm: str
    start: int
    end: int


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Lowercase, drop the possessive, fold spelling variants, strip one suffix."""
    word = word.lower().replace("\u2019", "'")
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


def terms(text: str, compounds: bool = True) -> list[Term]:
    """The content words of the text, stemmed, with their offsets.

    A hyphenated compound of words ("Tajik-Afghan") also yields its parts, so
    "the Tajik-Afghan border" mentions Afghanistan; with ``compounds=False``
    only the parts are kept. Names with digits ("Su-25") stay whole.
    """
    found = []
    for match in TOKEN_RE.finditer(normalize(text)):
        word = match.group()
        if word.lower() in STOPWORDS:
            continue
        if "-" in word and not _DIGIT.search(word):
            if compounds:
                found.append(Term(stem(word), match.start(), match.end()))
            position = match.start()
            for part in word.split("-"):
                if part and part.lower() not in STOPWORDS:
                    found.append(Term(stem(part), position, position + len(part)))
                position += len(part) + 1
            continue
        found.append(Term(stem(word), match.start(), match.end()))
    return found


def squeeze(text: str) -> str:
    """Collapse runs of whitespace (line breaks inside a sentence) to one space."""
    return " ".join(text.split())
