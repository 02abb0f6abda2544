"""Source -> Passages: sentences and headings, with their offsets and line numbers.

Text copied from web pages breaks lines inside sentences and sometimes puts a
blank line in the middle of one, so a passage is a sentence, not a line. A
short line without final punctuation ("Frontline", a headline) is a passage of
its own. Periods after abbreviations ("U.S.", "Col. Gen.", "St. Petersburg")
and inside names ("Su-25") do not end a sentence.
"""

from __future__ import annotations

import functools
import re

from claimcheck.lexicon import ABBREVIATIONS, BOILERPLATE, NUMBER_ABBREVIATIONS, SENTENCE_STARTERS, STOPWORDS
from claimcheck.model import Passage, Source
from claimcheck.text import normalize

# A line this short without final punctuation, before a capital, is a heading;
# a longer one is a sentence wrapped by the page (PDF text, fixed-width copies).
HEADING_MAX_WORDS = 10
# Real sentences are shorter; longer runs of text are cut into passages of at most this.
MAX_PASSAGE_CHARS = 2000
# Web chrome and credits are short; longer passages are never boilerplate.
BOILERPLATE_MAX_CHARS = 600
_BOILERPLATE = re.compile("|".join(f"(?:{pattern})" for pattern in BOILERPLATE), re.I)
# The patterns that start with ".*" scan the whole passage: what follows their ".*" must
# occur somewhere in it, and looking for that first rules most passages out. (One pattern
# each, without \b or re.I, on the lowercased text — the patterns are written in lowercase:
# then ``re`` jumps to a pattern's first letters instead of trying every position.)
_ANCHORED_BOILERPLATE = re.compile(
    "|".join(f"(?:{pattern})" for pattern in BOILERPLATE if not pattern.startswith(".*")), re.I
)
_FLOATING_BOILERPLATE = tuple(
    re.compile(pattern[2:].removesuffix(".*").removeprefix(r"\b"))
    for pattern in BOILERPLATE
    if pattern.startswith(".*")
)
# Chrome known by its shape, not its words (rule ids as in ``boilerplate_rule``): a credit
# alone in brackets, a byline, a source line. Short and without a digit: no fact hides there.
STRUCTURAL_BOILERPLATE: dict[str, re.Pattern[str]] = {
    # "(AP Photo/Mark Schiefelbein)", "(REUTERS)", "(Jerry Jackson/Staff) Lia Russell"
    "credit-line": re.compile(r"\([^()\d]{1,80}\)(?:\s+[A-Z][\w.'-]*){0,3}"),
    # "By Steven Huff", "By:AP", "By LEA SKENE and BRIAN WITTE – Associated Press"
    "byline": re.compile(
        r"[Bb][Yy]:?\s*[A-Z][\w.'-]*(?:\s+(?:and\s+)?[A-Z][\w.'-]*){0,5}(?:\s*[-–—,|]\s*[A-Z][\w.' ]{0,40})?"
    ),
    # "Source: Qatar News Agency", "Credit: AP"
    "source-line": re.compile(r"(?:[Ss]ource|[Cc]redits?|[Pp]hoto)s?:\s*[^\d\s][^\d]{0,60}"),
}
STRUCTURAL_MAX_CHARS = 120
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A full stop, question or exclamation mark, maybe closing quotes or brackets,
# then whitespace and something that can start a sentence.
_SENTENCE_END = re.compile(r"[.!?]{1,4}[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_NEXT_WORD = re.compile(r"\s+[\"'(\[]?([A-Za-z]+|\d+)")
# A line ending in one of these is no heading: it ends a sentence or continues on the next line.
_NOT_A_HEADING_END = (".", "!", "?", '"', "'", ")", ":", ";", ",")


def split_passages(source: Source) -> list[Passage]:
    """Split a source into passages; every non-space character lands in exactly one.

    A passage's text keeps its line breaks, so an offset in it maps back to a
    line of the source (``line_at``); reports collapse the whitespace.
    """
    text = normalize(source.text)
    passages: list[Passage] = []
    line, counted = 1, 0  # lines are counted once, forward, not from the top for every passage
    for start, end in _sentence_spans(text):
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        start += len(piece) - len(piece.lstrip())
        line += text.count("\n", counted, start)
        counted = start
        # source_id, index, text, start, line, boilerplate (by position: a run makes millions)
        passages.append(Passage(source.id, len(passages), stripped, start, line, is_boilerplate(stripped)))
    return passages


@functools.lru_cache(maxsize=65_536)  # chrome repeats on every page of a site
def is_boilerplate(text: str) -> bool:
    """Web and document chrome ("Subscribe", "Share this article", a photo credit, an
    author's bio, a legal notice): a passage that never states a fact."""
    return boilerplate_rule(text) is not None


@functools.lru_cache(maxsize=65_536)  # chrome repeats on every page of a site
def boilerplate_rule(text: str) -> str | None:
    """Which rule makes the passage chrome: ``chrome-phrase`` (``lexicon.BOILERPLATE``: what
    sites print around articles everywhere) or one of ``STRUCTURAL_BOILERPLATE``; None for text."""
    if len(text) > BOILERPLATE_MAX_CHARS:  # chrome is short; and a long text must not meet ".*" patterns
        return None
    text = " ".join(text.split())
    if len(text) <= STRUCTURAL_MAX_CHARS:
        for rule, pattern in STRUCTURAL_BOILERPLATE.items():
            if pattern.fullmatch(text):
                return rule
    lowered = text.lower()
    if any(pattern.search(lowered) for pattern in _FLOATING_BOILERPLATE):
        return "chrome-phrase" if _BOILERPLATE.fullmatch(text) is not None else None
    return "chrome-phrase" if _ANCHORED_BOILERPLATE.fullmatch(text) is not None else None


def blank_boilerplate(text: str, patterns: tuple[str, ...]) -> str:
    """The text with every line that one of the user's ``patterns`` matches whole (rule
    ``user-list``; case-insensitive, surrounding spaces ignored) blanked: spaces of its length,
    so offsets, lines and pages still point into the file."""
    matcher = _user_patterns(patterns)
    return _LINE.sub(
        lambda line: " " * len(line.group()) if matcher.fullmatch(line.group().strip()) else line.group(),
        text,
    )


@functools.lru_cache(maxsize=16)
def _user_patterns(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.I)


_LINE = re.compile(r"[^\n]+")


def line_at(passage: Passage, offset: int) -> int:
    """The source line of a character offset into the passage's text."""
    return passage.line + passage.text.count("\n", 0, offset)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans; a paragraph that stops mid-sentence (a trailing comma) joins the next."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and text[merged[-1][0] : merged[-1][1]].rstrip().endswith((",", ";")):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _lines_as_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a paragraph after every line that ends without punctuation before a capital.

    Such a line is a headline, a section title or web chrome ("Subscribe"). A
    line that ends in a connecting word ("of", "the") or is followed by a
    lowercase word is a sentence broken by the page's layout, and continues.
    """
    units: list[tuple[int, int]] = []
    lines = text[start:end].split("\n")
    unit_start = position = start
    for line, next_line in zip(lines, [*lines[1:], ""], strict=False):
        line_end = position + len(line)
        stripped = line.strip()
        # Cheapest test first: most lines end a sentence, and need no splitting into words.
        if (
            stripped
            and not stripped.endswith(_NOT_A_HEADING_END)
            and len(stripped.split()) <= HEADING_MAX_WORDS
            and stripped.rsplit(" ", 1)[-1].lower() not in STOPWORDS
            and (not (following := next_line.strip()) or not following[0].islower())
        ):
            units.append((unit_start, line_end))
            unit_start = line_end + 1
        position = line_end + 1
    if unit_start < end:
        units.append((unit_start, end))
    return units


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        for unit_start, unit_end in _lines_as_units(text, block_start, block_end):
            for sentence in _split_sentences(text, unit_start, unit_end):
                spans.extend(_bounded(text, *sentence))
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A 'sentence' longer than MAX_PASSAGE_CHARS (a page with no full stops, a data dump)
    is cut at clause breaks or spaces, so no passage makes matching slow."""
    pieces = []
    while end - start > MAX_PASSAGE_CHARS:
        limit = start + MAX_PASSAGE_CHARS
        cut = max(text.rfind(", ", start, limit), text.rfind("; ", start, limit))
        cut = cut + 2 if cut > start + MAX_PASSAGE_CHARS // 2 else text.rfind(" ", start, limit) + 1
        if cut <= start:
            cut = limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sentence_start = start
    chunk = text[start:end]
    for match in _SENTENCE_END.finditer(chunk):
        if _is_abbreviation(chunk, match):
            continue
        cut = start + match.end()
        spans.append((sentence_start, cut))
        sentence_start = cut
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def _is_abbreviation(chunk: str, match: re.Match[str]) -> bool:
    """Whether the period at this match belongs to an abbreviation, not a sentence end."""
    if chunk[match.start()] != "." or match.end() - match.start() > 1:
        return False
    written = _word_before_period(chunk, match.start())
    if not written:
        return False
    word = written.lower().rstrip(".")
    following = _NEXT_WORD.match(chunk, match.end())
    next_word = following.group(1).lower() if following else ""
    if "." in word:  # "U.S.", "a.m.": ends a sentence only before a typical opener
        return next_word not in SENTENCE_STARTERS
    if word in ABBREVIATIONS:
        return word not in NUMBER_ABBREVIATIONS or next_word.isdigit() or not next_word
    # An initial ("J. Smith") is not a sentence end either.
    return len(word) == 1 and word.isalpha() and written.isupper()


def _word_before_period(chunk: str, period: int) -> str:
    """The letters and periods right before the period at ``period``, from a letter on ("U.S"):
    what "([A-Za-z][A-Za-z.]*)\\.$" finds in the 40 characters before it, without trying the
    pattern at each of them."""
    head = chunk[max(0, period - 40) : period]
    return head[len(head.rstrip(_WORD_CHARS)) :].lstrip(".")
