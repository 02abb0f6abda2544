"""Text -> Quantities: every figure with its unit, hedge, bound and span.

Reads digits with separators and scale words ("7,500", "1.2 million", "$50
million"), number words ("two", "seven thousand five hundred",
"five-hectare"), ranges ("between 500 and 600"), calendar dates ("June 15,
2001", "November 2006", "in 2003"), hedges ("about", "some", "an estimated")
and bounds ("up to", "more than", "exceeds"). Names that contain digits are
not figures: Su-25, Il-76, S-400, 201st, "Dushanbe-Antiterror-2017",
"Resolution 1373". Units are looked up in the lexicon; nothing here decides
whether two figures agree (that is ``compare``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from rapidfuzz.distance import Levenshtein
from text_to_num import text2num

from claimcheck.lexicon import (
    AMBIGUOUS_UNITS,
    AT_LEAST,
    AT_MOST,
    ATTACHED_SCALES,
    CLAIM_VERBS,
    CURRENCY_ATTACHED_SCALES,
    HEDGE_TYPO_MIN_LENGTH,
    HEDGES,
    MONTHS,
    NOT_COUNTED_NOUNS,
    NUMBER_WORDS,
    RATE_ADVERBS,
    RATES,
    SCALE_WORDS,
    SPECIAL_NUMBER_WORDS,
    STOPWORDS,
    TIME_ZONES,
    TRAILING_HEDGES,
)
from claimcheck.measures import BY_ID as MEASURES_BY_ID
from claimcheck.measures import DEFAULT as DEFAULT_MEASURES
from claimcheck.measures import (
    earlier_value,
    may_have_period,
    measure_of,
    period_of,
    possible_value,
    sized_by,
)
from claimcheck.model import (
    DEFAULT_MEASURE,
    EARLIER_VALUE,
    EARLIER_YEAR,
    IMPLIED_PER,
    PARTITIVE,
    PERIOD,
    PLACED_YEAR,
    POSSIBLE_VALUE,
    SO_FAR,
    Bound,
    Quantity,
)
from claimcheck.text import any_word, is_participle, lemma, normalize, opens_sentence
from claimcheck.units import (
    BY_SURFACE,
    CALENDAR_UNITS,
    COUNT,
    COUNT_UNITS,
    DURATION,
    MONEY,
    MONEY_UNITS,
    UNITS,
    base_unit,
    dimension_of,
    same_dimension,
)

# Currency signs stand before the number ("$50"), never after it as a unit word does.
_SIGNS = frozenset({"$", "us$", "€", "£", "¥", "₹", "₽"})
_SURFACE_TO_UNIT: dict[str, str] = {
    surface: unit.name for unit in UNITS for surface in unit.surfaces if surface not in _SIGNS
} | {"year": "years"}  # after a number a year is a duration: "a 10-year deal", "a five year plan"
# Units written before the number: currency codes and signs, "magnitude 6.8".
_UNIT_BEFORE: dict[str, str] = {surface: unit.name for unit in UNITS for surface in unit.before}
_LONGEST_UNIT = max(len(surface.split()) for surface in _SURFACE_TO_UNIT)
# How a unit's first word may be written: what a surface holds before a space or hyphen, or all
# of it. Most words after a figure start none, and need no joining with the words after them.
_UNIT_STARTS = frozenset(
    surface[:end]
    for surface in _SURFACE_TO_UNIT
    for end in range(1, len(surface) + 1)
    if end == len(surface) or surface[end] in " -"
)

_MONTH = r"(?P<month>" + any_word(MONTHS) + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d|2100)"
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH}\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I),
    re.compile(r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
# Dates written without their year, placed later by the article's date (``resolve_years``):
# "on March 26", "26 March", "Sept. 8 last year", "last year". Month names capitalised: "may".
_CAPITAL_MONTH = (
    r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\b\.?"
)
_RELATIVE = r"(?P<relative>(?i:last|this|next))\s+year\b"
_YEARLESS_PATTERNS = [
    re.compile(rf"\b{_CAPITAL_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)(?:\s+{_RELATIVE})?"),
    re.compile(
        rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_CAPITAL_MONTH}(?!\s*,?\s*\d)(?:\s+{_RELATIVE})?"
    ),
    re.compile(rf"\b{_RELATIVE}"),
]
NO_YEAR = "no-year"
RELATIVE_YEAR = "relative"
_RELATIVE_OFFSETS = {"last": -1, "this": 0, "next": 1}
# "last year": the one date a sentence without a digit or number word can hold.
_LAST_YEAR = re.compile(rf"\b{_RELATIVE}")
_MAY_HAVE_YEARLESS = re.compile(r"\b(?:" + _CAPITAL_MONTH[len("(?P<month>") :] + r"|\byear\b")

# Rule glued-code: a currency code written against its number, in capitals ("expects USD15
# billion to USD26 billion in property damage", "signed a USD10 billion loan", "Rs500 crore").
_GLUED_CODES = sorted(
    (surface.upper() if len(surface) == 3 else surface.capitalize())
    for unit in UNITS
    if unit.dimension == MONEY
    for surface in unit.before
    if surface.isalpha()
)
# A number in digits that is not part of a name: not after a letter or hyphen
# ("Su-25"), not before letters ("201st", "16x9") unless they are a unit ("20km").
_DIGITS = re.compile(
    r"(?<![\w.\-/])(?P<currency>(?:US|A|C|HK|S|NZ)\$|[$€₽£¥₹]|(?:" + "|".join(_GLUED_CODES) + r")(?=\d))?\s?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<attached>million|billion|trillion|km|mm|bn|mn|trn|tn|m|ha|%|b|k)?"
    r"(?![\w]|[.,]\d|-\d|/\d|:\d)"
)
# A whole word each: "tense" and "often" hold no ten, "hundreds" no hundred.
_WORD_NUMBER = re.compile(r"\b(?P<number>(?:" + any_word(NUMBER_WORDS) + r"\b(?:\s+and\s+|[\s-]+)?)+)", re.I)
_SPACED_THOUSANDS = re.compile(r"(?<![\w.,])\d{1,3}(?: \d{3})+(?![\w.,]|-\d)")
_EUROPEAN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# What the two patterns around need somewhere, found much faster: a pattern that starts with a
# digit is looked for only where digits are, one that starts with a look-behind at every position.
_SPACED_DIGITS = re.compile(r"\d \d{3}")
_MAY_HAVE_FRACTION = re.compile(r"\d(?: [13]/|[½¼¾])")
_DASHED_DIGITS = re.compile(r"\d-\d")
_DIGIT_RANGE = re.compile(r"(?<![\w.\-/])(\d{1,3}(?:,\d{3})+|\d+)-(\d{1,3}(?:,\d{3})+|\d+)(?![\w-]|[.,]\d)")
# Rule mixed-fraction: "a prison term of 6 1/2 years", "2½ miles deep".
_MIXED_FRACTION = re.compile(
    r"(?<![\w.\-/])(?P<whole>\d+)(?:\s(?P<part>[13]/4|1/2)|(?P<glyph>[½¼¾]))(?![\w/]|[.,]\d)"
)
_MIXED_PARTS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "½": 0.5, "¼": 0.25, "¾": 0.75}
_AND_A_HALF = re.compile(
    r"\b(?P<number>" + any_word(NUMBER_WORDS) + r"|\d+)[\s-]+and[\s-]+a[\s-]+half"
    r"(?:[\s-]+(?P<scale>thousand|million|billion))?\b",
    re.I,
)
# Fractions as words: "half", "a third", "two-thirds", "four fifths", "a tenth".
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}  # fmt: skip
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip
_FRACTIONS = {"half": 0.5} | {
    f"{numerator} {denominator}{'s' if count > 1 and denominator != 'half' else ''}": count / parts
    for numerator, count in _NUMERATORS.items()
    for denominator, parts in _DENOMINATORS.items()
    if count < parts
}
_FRACTION = (
    r"(?P<fraction>"
    + "|".join(f.replace(" ", r"[\s-]+") for f in sorted(_FRACTIONS, key=len, reverse=True))
    + r")"
)
# A share of a scale word: "half a billion dollars", "a quarter of a million people".
_FRACTION_OF_SCALE = re.compile(
    rf"\b{_FRACTION}(?:[\s-]+of)?[\s-]+an?[\s-]+(?P<scale>thousand|million|billion|trillion)\b", re.I
)
# Rule fraction: a fraction of a whole is a share of it ("won less than a fifth of the vote",
# "cut almost a fifth of its workforce", "two in five people live in poverty"), and of a century
# or a decade a span of years ("the deadliest storm in the last three-quarters of a century").
# Fractions are round numbers: hedged. "The first half of the week" is no share.
_FRACTION_OF_WHOLE = re.compile(
    rf"(?<![\w-])(?<!first )(?<!second )(?<!other )(?<!the ){_FRACTION}"
    r"(?:[\s-]+(?:of[\s-]+)?(?P<span>(?:an?[\s-]+)?(?:century|decade))\b|\s+of\s+"
    r"(?!an?\s+(?:thousand|million|billion|trillion)\b))",
    re.I,
)
_ONE_IN = re.compile(
    r"\b(?P<part>one|two|three|four|five|six|seven|eight|nine|\d)\s+in\s+"
    r"(?P<whole>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?=[a-z])(?!years?\b|days?\b)",
    re.I,
)
_SCALE_WORD = re.compile("[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion")
# What every fraction holds (letter cases spelt out: faster than ignoring case).
_FRACTION_WORD = re.compile(
    r"\b(?:[Hh]alf|[Tt]hird|[Qq]uarter|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)"
)
_SPAN_YEARS = {"century": 100, "decade": 10}
# What every fraction's word holds past its first letter: plain substrings, looked for far faster
# than any pattern (most texts hold none).
_FRACTION_STEMS = ("alf", "hird", "uarter", "fth", "xth", "enth", "inth", "ghth")


def _may_hold_fraction(text: str) -> bool:
    return any(stem in text for stem in _FRACTION_STEMS) and _FRACTION_WORD.search(text) is not None


_NUMERATOR_WIDTH = len("seven ")
# Times of day: "4:17am", "11:11 p.m. (2211 GMT)", "4.17 a.m.", "11 pm", "2211 GMT", "23:11 local time".
_AM_PM = r"(?P<ampm>[ap]\.?\s?m\b\.?)"
_ZONE = r"(?:\s*(?P<zone>local\s+time|GMT|UTC|[ECMP][SD]T|BST|CEST|CET|EEST|EET|IST|JST)\b)?"
_CLOCK_PATTERNS = [
    re.compile(
        rf"(?<![\w.:,])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?![\d:])\s*{_AM_PM}?{_ZONE}",
        re.I,
    ),
    re.compile(rf"(?<![\w.:,])(?P<hour>1[0-2]|0?[1-9])\.(?P<minute>[0-5]\d)\s*{_AM_PM}{_ZONE}", re.I),
    re.compile(rf"(?<![\w.:,])(?P<hour>1[0-2]|0?[1-9])\s*{_AM_PM}{_ZONE}", re.I),
    re.compile(
        r"(?<![\w.:,])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?P<zone>GMT|UTC|hours|hrs|local\s+time)\b",
        re.I,
    ),
]
# What every time of day holds, found much faster than the patterns above (which start with
# a look-behind, so are tried at every position).
_MAY_HAVE_CLOCK = re.compile(r"\d[:.]\d\d|\d\s*[ap]\.?m\b|\d\d\d\d\s*(?:GMT|UTC|hours|hrs|local)", re.I)
# A figure restated in other units in brackets right after it: "72 kilometres (45 miles)",
# "11:11 p.m. (2211 GMT)". One figure, not two that could disagree.
_RESTATED = re.compile(r"\s*[(\[]\s*(?:or\s+|about\s+|some\s+|roughly\s+|around\s+|approximately\s+)?$")
_RESTATED_END = re.compile(r"\s*[)\]]")
# "$50 million a year", "$95 per share", "£165m-a-year": what the figure is for each of.
# "Every year" and "annually" may close the clause a few words on ("$50 million to the
# Kyrgyz economy every year"); "a year" only right after the figure, where it cannot be the
# start of another phrase ("$50 million for a year-long ...").
_RATE = re.compile(
    r"(?:\s*-\s*|\s+)(?:a|an)(?:\s*-\s*|\s+)(?P<per>" + any_word(RATES) + r")s?\b(?!-)"
    r"|(?P<gap>(?:\s+[A-Za-z][\w'-]*){0,5}?)(?:\s*-\s*|\s+)(?:per|each|every|for\s+each|for\s+every)(?:\s*-\s*|\s+)"
    r"(?:(?:[A-Z][\w.'-]*\s+){0,3})(?P<each>" + any_word(RATES) + r")s?\b"
    r"|(?P<gap2>(?:\s+[A-Za-z][\w'-]*){0,5}?)\s+(?P<adverb>" + any_word(RATE_ADVERBS) + r")\b",
)
_PER_HOUR = re.compile(r"\s*/\s*h(?:r|our)?\b", re.I)
# The speed a length per hour is, from the units' own records ("kilometers per hour": km -> km/h).
_PER_HOUR_SPEEDS = {
    BY_SURFACE[surface.removesuffix(" per hour")].name: unit.name
    for unit in UNITS
    for surface in unit.surfaces
    if surface.endswith(" per hour") and surface.removesuffix(" per hour") in BY_SURFACE
}
_BRACKET_BEFORE_RATE = re.compile(r"\s*(?:\([^()]{1,40}\)|\))")
# "Six out of the 15 former Soviet republics": 15 is the pool, not a figure of anything.
_PARTITIVE = re.compile(r"\bout\s+of\s+(?:the\s+)?$", re.I)
# Rule partitive: "five of the six crew members", "240 of the 543 seats", "five out of six crew
# members": the part counts the group's noun.
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|these|those)\s+)?", re.I)


def _phrase_before(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases, longest first, right before the end of the text."""
    choices = "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{choices})\s+$")


_AT_MOST = _phrase_before(AT_MOST)
_AT_LEAST = _phrase_before(AT_LEAST)
_HEDGE = _phrase_before(HEDGES)
_DOZEN = re.compile(r"\b(?:a|one)\s+(?P<number>dozen)\b", re.I)
# The small patterns below run for every figure, compiled once: ``re.match(r"...", s)`` looks
# its pattern up in ``re``'s cache on every call. Each is matched at a position of the whole
# text (``pattern.match(text, end)``) rather than on a copy of the rest of it.
_WORD_NUMBER_TAIL = re.compile(r"(?:[\s-]+and)?[\s-]*$")
_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")
_TRAILING_AND = re.compile(r"\s+and$")
_ATTACHED_UNIT = re.compile(r"(million|billion|trillion|km|mm|bn|mn|trn|tn|m|ha|%|b|k)(?!\w)", re.I)
_SMALL_NUMBER = re.compile(r"\d{1,3}")
_SIZE_SUFFIX = re.compile(r"(?<=[a-z])-(?:long|wide|high|tall|deep|thick|old)$")
# "$5-million fine", "$75 million-per-year": a scale word joined by a hyphen.
_HYPHENATED_SCALE = re.compile(r"(?:-|\s+(?=\w+-))(?P<scale>" + any_word(SCALE_WORDS) + r")(?![\w])", re.I)
# "a billion-dollar offer", "million-pound homes": a scale word made an adjective sizes
# something without giving a figure.
_SCALE_ADJECTIVE = re.compile(r"-[A-Za-z]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_CLAUSE_FINAL = re.compile(r"[\w$€₽.,]*\w\s*(?:[.,;!?\"]|$)")
_CLAUSE_PUNCTUATION = re.compile(r"[,.;:!?()]")
_WORD_OR_HYPHEN = re.compile(r"[\w-]+")
_YEAR_DIGITS = re.compile(r"\d{4}")
_TRAILING_HEDGE_STARTS = tuple(start for hedge in TRAILING_HEDGES for start in (" " + hedge, hedge))
_LAST_WORD = re.compile(r"(?<![\w-])([a-z]+)\s+$")
_RANGE_LEAD = re.compile(r"(?:between|from)\s+$", re.I)
_BETWEEN = re.compile(r"between\s+$", re.I)
_CLOSES_CLAUSE = re.compile(r"\s*(?:[.;,)]|$)")
_SENTENCE_STOP = re.compile(r"[.;!?]")
_NON_SPACE = re.compile(r"\S")
_SCALE_WORD_LIST = tuple(SCALE_WORDS)
# A word's letters in one run, not one at a time: "Su-25", "Russia's", "U.S.", "$", "-".
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]\w*(?:['.-][^\W_]\w*)*|[$%€₽]|[^\w\s]")


# Every figure has a digit or a number word, and every date four digits: most sentences
# are done with these cheap looks (each finds at least what the patterns below need).
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d{4}")
_LETTERS = re.compile(r"[a-z]+")
_COUNTING_WORDS = NUMBER_WORDS | {"dozen", "half"}


def extract_quantities(text: str, measured: bool = True) -> list[Quantity]:
    """Every figure in ``text``, in order of position; spans index into ``text``.

    Without ``measured``, a figure with a unit is left without its measure (``with_measures``
    reads it later): most figures of a collection never meet a claim of their unit, and the
    measure is the dearest part of reading a figure."""
    digits = _DIGIT.search(text) is not None
    words = not _COUNTING_WORDS.isdisjoint(_LETTERS.findall(text.lower()))
    fractions = _may_hold_fraction(text)
    numbers = digits or words or _LAST_YEAR.search(text) is not None
    if not numbers and not fractions:
        return []
    text = normalize(text)
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []
    # Dates, then dates without a year, times of day, fractions: each keeps the text it takes.
    for kind in (
        _dates(text) if numbers and _FOUR_DIGITS.search(text) else (),
        _yearless_dates(text) if numbers and _MAY_HAVE_YEARLESS.search(text) else (),
        _elapsed_times(text) if digits and ":" in text else (),
        _clock_times(text) if digits and _MAY_HAVE_CLOCK.search(text) else (),
        _fractions(text, fractions, (digits or words) and " in " in text),
    ):
        for quantity in kind:
            if not any(s <= quantity.start < e or s < quantity.end <= e for s, e in taken):
                found.append(quantity)
                taken.append((quantity.start, quantity.end))
    if not numbers and not found:  # "a third-party vendor": no figure after all
        return []
    pools: set[int] = set()
    for start, end, value, currency in _numbers(text, digits, words) if numbers else ():
        if any(s <= start < e or s < end <= e for s, e in taken):
            continue
        read = _read_around(text, start, end, value, currency)
        if read is not None:
            if _PARTITIVE.search(text, max(0, start - 20), start):
                pools.add(read.start)
            found.append(read)
            taken.append((read.start, read.end))
    found = [q for q in _partitives(text, sorted(found, key=lambda q: q.start)) if q.start not in pools]
    figures = _carry_units(text, _merge_durations(text, _merge_ranges(text, found)))
    # Most passages hold none of the words the possible-value and increment rules look for.
    may_qualify = _MAY_QUALIFY.search(text) is not None
    # ... nor any of the words that say a count is the count so far.
    may_be_so_far = _SO_FAR_WORDS.search(text) is not None
    # ... and most hold no span of time a figure is counted over.
    spans = figures if may_have_period(text) else []
    figures = [_marked(text, q, may_qualify, may_be_so_far, spans) for q in figures]
    return _with_event_year(text, _with_measures(text, _merge_restated(text, figures), measured))


# Rule so-far: what says a count is the count so far — a risen count ("the death toll rises to
# 95", "bringing the death toll in the country to 19"), or words after it ("5,738 wild fires in
# Canada so far this year", "about 131,000 sq km already scorched"), or a date it stood at before
# it ("as of June 4, there had been 2,214 wildfires").
_SO_FAR_WORDS = re.compile(
    r"\b(?:[Rr]is|[Rr]ose|[Cc]limb|[Bb]ring|[Ss]o far|[Tt]o date|[Tt]hus far|[Aa]lready|[Aa]s of)"
)
_RISEN_TO = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|bring(?:s|ing)?\b[^.;:]{0,40})\s+to\s+"
    r"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some)\s+)?$",
    re.I,
)
_SO_FAR_AFTER = re.compile(r"^[^.;:]{0,40}?\b(?:so\s+far|to\s+date|thus\s+far|already)\b", re.I)
_AS_OF_BEFORE = re.compile(r"\bas\s+of\b[^.;:]{0,60}$", re.I)
_SO_FAR_WINDOW = 80


def _so_far(text: str, figure: Quantity) -> bool:
    before = text[max(0, figure.start - _SO_FAR_WINDOW) : figure.start]
    after = text[figure.end : figure.end + _SO_FAR_WINDOW]
    return bool(_RISEN_TO.search(before) or _SO_FAR_AFTER.search(after) or _AS_OF_BEFORE.search(before))


_MAY_QUALIFY = re.compile(r"fac|could|maxim|potential|possib|additional|extra", re.I)
_ADDED_BEFORE = re.compile(r"\b(?:additional|extra)\s+$", re.I)


def _marked(
    text: str, figure: Quantity, may_qualify: bool, may_be_so_far: bool, spans: Sequence[Quantity]
) -> Quantity:
    """The figure with what its words say it is besides its value: the value before a change
    (``earlier-value``), the most it could be (``possible-value``), what was added (``increment``),
    the span of time it is counted over (``period``; looked for among ``spans``, the figures of a
    text that may name one)."""
    marks = [EARLIER_VALUE] if earlier_value(text, figure) else []
    if may_be_so_far and _so_far(text, figure):
        marks.append(SO_FAR)
    if may_qualify and possible_value(text, figure):
        marks.append(POSSIBLE_VALUE)
    if may_qualify and _added_before(text, figure):
        marks.append("additional")
    if spans and figure.unit not in CALENDAR_UNITS and (period := period_of(text, figure, spans)):
        marks.append(PERIOD + period)
    return replace(figure, qualifiers=(*figure.qualifiers, *marks)) if marks else figure


def _added_before(text: str, figure: Quantity) -> bool:
    """ "an additional 1,250 flights": what was added, like "four additional sports" (rule increment)."""
    return _ADDED_BEFORE.search(text, max(0, figure.start - 12), figure.start) is not None


def _with_event_year(text: str, figures: list[Quantity]) -> list[Quantity]:
    """Rule event-year: the figures of a sentence that dates its event ("In 2004, at least 628
    people were killed", "the 2024 Lok Sabha election") name that year: they meet only figures
    of the same year, or of none (``compare.same_quantity``: names must not clash)."""
    years = {int(f.value) for f in figures if f.unit == "year" and not f.qualifiers and _dates_event(text, f)}
    if len(years) != 1:
        return figures
    (year,) = years
    return [f if f.unit == "year" else replace(f, qualifiers=(*f.qualifiers, str(year))) for f in figures]


def with_measure(text: str, figure: Quantity, figures: Sequence[Quantity]) -> Quantity:
    """A figure that ``extract_quantities(text, measured=False)`` read (one of ``figures``),
    with its measure: as ``extract_quantities(text)`` reads it."""
    if figure.measure is not None or figure.unit is None:
        return figure
    others = [other for other in figures if other is not figure]
    measure, _ = measure_of(normalize(text), figure, others)
    if measure is None and (default := DEFAULT_MEASURES.get(dimension_of(figure.unit) or "")):
        return replace(figure, measure=default, qualifiers=(*figure.qualifiers, DEFAULT_MEASURE))
    return figure if measure is None else replace(figure, measure=measure)


def _with_measures(text: str, figures: list[Quantity], measured: bool = True) -> list[Quantity]:
    """Each figure with what it measures (``measures``); a bare figure of a measure that counts
    something takes its unit: "the death toll rose to 2,946" counts people. Without
    ``measured``, only the bare figures are measured (for their unit)."""
    done: list[Quantity] = []
    for quantity in figures:
        sized = sized_by(text, quantity)
        if quantity.measure is not None:  # read with the figure (rule age)
            done.append(replace(quantity, sized=sized) if sized else quantity)
            continue
        if not measured and quantity.unit is not None:
            done.append(replace(quantity, sized=sized) if sized else quantity)
            continue
        measure, _ = measure_of(text, quantity, [other for other in figures if other is not quantity])
        qualifiers = quantity.qualifiers
        if measure is None:
            measure = DEFAULT_MEASURES.get(dimension_of(quantity.unit) or "")
            qualifiers += (DEFAULT_MEASURE,) if measure else ()
        unit = quantity.unit
        if measure is not None and unit is None:
            unit = MEASURES_BY_ID[measure].counts
        if unit is None:
            measure = None
        if measure is None and not sized:
            done.append(quantity)
        else:
            done.append(replace(quantity, unit=unit, measure=measure, sized=sized, qualifiers=qualifiers))
    return done


def _restates(first: Quantity, second: Quantity) -> bool:
    """Whether the second figure is the first in units it converts to: the same unit, or one
    dimension that is not a count (km and miles, local time and GMT). Another currency stays
    a figure of its own ("$69bn (£56bn)"): no rate converts it, and a claim in pounds meets
    the pounds."""
    if first.unit is None or second.unit is None:
        return False
    return first.unit == second.unit or (
        dimension_of(first.unit) != COUNT and same_dimension(first.unit, second.unit)
    )


# Rule elapsed-time: "2:00:35", "in 2:13:44", "2:00:35 hours" — hours, minutes and seconds with
# colons and no time of day's marks (a.m., a time zone, "at") — are how long something took: a
# race's time, a mission's length. (Two parts, "59:47", are as often a time of day: left alone.)
_ELAPSED = re.compile(
    r"(?<![\w.:,])(?P<hour>\d{1,2}):(?P<minute>[0-5]\d):(?P<second>[0-5]\d)(?![\d:])"
    r"(?:\s*(?:hours|hrs|h)\b)?(?!\s*(?:[ap]\.?\s?m\b|local\b|(?-i:[A-Z]{2,5}\b)))",
    re.I,
)
# "at 5:43:26", "2024-04-04 10:31:32", "12 Aug 2024 09:05:42": a moment, not a span.
_AT_BEFORE = re.compile(r"(?:\b(?:at|since|until|from|by)|\d)\s+$", re.I)


def _elapsed_times(text: str) -> list[Quantity]:
    found = []
    for match in _ELAPSED.finditer(text):
        if _AT_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue
        # Summed as a duration written in words is ("2 hours 0 minutes 35 seconds"): equal figures.
        value = float(match.group("hour"))
        for part, unit in (("minute", "minutes"), ("second", "seconds")):
            value = value + int(match.group(part)) * base_unit(unit)[1] / base_unit("hours")[1]
        text_of = match.group()
        found.append(Quantity(value=value, unit="hours", start=match.start(), end=match.end(), text=text_of))
    return found


def _clock_times(text: str) -> list[Quantity]:
    """Times of day, in hours after midnight (23:11 -> 23.18); an hour without minutes ("11 pm")
    is the whole hour (a range to 23:59). A time zone named with it is kept as a qualifier."""

    def read(match: re.Match[str]) -> Quantity:
        hour = int(match.group("hour"))
        minute = match.groupdict().get("minute")
        ampm = (match.groupdict().get("ampm") or "").lower()[:1]
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        zone = (match.group("zone") or "").lower()
        zone = TIME_ZONES.get(" ".join(zone.split()), "") if zone not in ("hours", "hrs") else ""
        return Quantity(
            value=hour + (int(minute) / 60 if minute else 0.0),
            unit="clock",
            upper=None if minute else hour + 59 / 60,
            qualifiers=(zone,) if zone else (),
            start=match.start(),
            end=match.end(),
            text=match.group().rstrip(),
        )

    return sorted(_non_overlapping(_CLOCK_PATTERNS, text, read), key=lambda time: time.start)


def _fractions(text: str, fraction_words: bool, one_in: bool) -> list[Quantity]:
    """Rule fraction (``fraction_words``, ``one_in``: whether the text may hold either kind):
    shares written as fractions ("less than a fifth of the vote": at most 20
    percent; "nine in ten homes": 90 percent), and spans of years ("three-quarters of a
    century": 75 years), hedged."""
    found: list[Quantity] = []
    # The long pattern is tried only around the words every fraction holds (tried everywhere, it
    # was a tenth of reading the figures).
    matches: list[re.Match[str]] = []
    for word in _FRACTION_WORD.finditer(text) if fraction_words else ():
        if matches and word.start() < matches[-1].end():
            continue
        match = _FRACTION_OF_WHOLE.search(text, max(0, word.start() - _NUMERATOR_WIDTH), word.end() + 40)
        if match is not None and match.start() <= word.start():
            matches.append(match)
    for match in matches:
        fraction = _FRACTIONS[" ".join(match.group("fraction").lower().replace("-", " ").split())]
        span = match.group("span")
        if span:
            years = _SPAN_YEARS[re.split(r"[\s-]+", span)[-1].lower()]
            value, unit, end = fraction * years, "years", match.end("span")
        else:
            value, unit, end = round(fraction * 100, 2), "percent", match.end("fraction")
        found.append(_fraction_figure(text, match.start(), end, value, unit))
    for match in _ONE_IN.finditer(text) if one_in else ():
        part, whole = (_word_value(match.group(g)) or 0.0 for g in ("part", "whole"))
        if 0 < part < whole <= 100:
            share = round(part / whole * 100, 2)
            found.append(_fraction_figure(text, match.start(), match.end("whole"), share, "percent"))
    return sorted(found, key=lambda figure: figure.start)


def _fraction_figure(text: str, start: int, end: int, value: float, unit: str) -> Quantity:
    hedge_start, _, bound = _hedge_and_bound(text, start)
    return Quantity(
        value=value,
        unit=unit,
        approx=True,
        bound=bound,
        start=hedge_start,
        end=end,
        text=text[hedge_start:end],
    )


# Rule compound-duration: "4 minutes and 28 seconds", "2 minutes, 42 seconds", "one hour and 40
# minutes": one span of time, in its first unit.
_DURATION_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|\s)")


def _merge_durations(text: str, figures: list[Quantity]) -> list[Quantity]:
    merged: list[Quantity] = []
    for figure in figures:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and dimension_of(previous.unit) == DURATION
            and dimension_of(figure.unit) == DURATION
            and base_unit(previous.unit)[1] > base_unit(figure.unit)[1]
            and figure.bound is None
            and not figure.approx
            and previous.upper is None
            and _DURATION_JOINT.fullmatch(text, previous.end, figure.start)
        ):
            value = previous.value + figure.value * base_unit(figure.unit)[1] / base_unit(previous.unit)[1]
            joined = text[previous.start : figure.end]
            merged[-1] = replace(previous, value=value, end=figure.end, text=joined)
            continue
        merged.append(figure)
    return merged


def _merge_restated(text: str, figures: list[Quantity]) -> list[Quantity]:
    """'72 kilometres (45 miles)': the bracketed figure restates the one before it (conversion)."""
    merged: list[Quantity] = []
    for quantity in figures:
        previous = merged[-1] if merged else None
        if previous is not None and _restates(previous, quantity):
            opening = _RESTATED.search(text, previous.end, quantity.start)
            closing = _RESTATED_END.match(text, quantity.end)
            if opening is not None and opening.start() == previous.end and closing is not None:
                merged[-1] = replace(previous, end=closing.end(), text=text[previous.start : closing.end()])
                continue
        merged.append(quantity)
    return merged


def _non_overlapping(
    patterns: Sequence[re.Pattern[str]], text: str, read: Callable[[re.Match[str]], Quantity | None]
) -> list[Quantity]:
    """What ``read`` makes of each match of the patterns, earlier patterns first; a match that
    overlaps one already read is passed over, and ``read`` may refuse one (None)."""
    found: list[Quantity] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            if any(f.start <= match.start() < f.end for f in found):
                continue
            quantity = read(match)
            if quantity is not None:
                found.append(quantity)
    return found


def _dates(text: str) -> list[Quantity]:
    def read(match: re.Match[str]) -> Quantity | None:
        month_text = match.group("month")
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
        day = int(match.group("day")) if "day" in match.groupdict() else None
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            return None
        return Quantity(
            float(match.group("year")), "year", month=month, day=day, start=match.start(),
            end=match.end(), text=match.group(),
        )  # fmt: skip

    return _non_overlapping(_DATE_PATTERNS, text, read)


def _yearless_dates(text: str) -> list[Quantity]:
    """Dates without a year: value is the year's offset from the article's ("last year": -1)
    with qualifier ``relative``, or 0 with ``no-year`` ("on March 26")."""

    def read(match: re.Match[str]) -> Quantity | None:
        groups = match.groupdict()
        month = MONTHS[groups["month"].lower()] if groups.get("month") else None
        day = int(groups["day"]) if groups.get("day") else None
        if day is not None and not 1 <= day <= 31:
            return None
        # "May 5 people": a count after a modal verb, not a date.
        if day is not None and _unit_after(_words_after(text, match.end(), 3), 0) is not None:
            return None
        relative = groups.get("relative")
        return Quantity(
            float(_RELATIVE_OFFSETS[relative.lower()]) if relative else 0.0, "year", month=month,
            day=day, qualifiers=(RELATIVE_YEAR if relative else NO_YEAR,), start=match.start(),
            end=match.end(), text=match.group(),
        )  # fmt: skip

    return _non_overlapping(_YEARLESS_PATTERNS, text, read)


# A year that dates the sentence's event: "In 2004, at least 628 people were killed", "a 2004
# tremor ... killed over 600 people".
_FRONTED_YEAR_BEFORE = re.compile(r"(?:^|[.!?]\s+)\s*In\s+(?:[^,.;]{0,40}\s+in\s+)?$")
_FRONTED_YEAR_AFTER = re.compile(r"\s*,")
_ATTRIBUTIVE_YEAR_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
_ATTRIBUTIVE_YEAR_AFTER = re.compile(r"\s+[A-Za-z][a-z]{2,}")


def _dates_event(text: str, figure: Quantity) -> bool:
    """Whether a year dates its sentence's event: fronted ("In 2004, ...") or before the event's
    noun ("a 2004 tremor")."""
    fronted = _FRONTED_YEAR_BEFORE.search(text, 0, figure.start) and _FRONTED_YEAR_AFTER.match(
        text, figure.end
    )
    attributive = _ATTRIBUTIVE_YEAR_BEFORE.search(text, 0, figure.start) and _ATTRIBUTIVE_YEAR_AFTER.match(
        text, figure.end
    )
    return bool(fronted or attributive)


def _earlier(figures: Sequence[Quantity], text: str, year: int) -> Sequence[Quantity]:
    """A sentence about a year at least two before the article's, and no later one, tells of
    another event: its other figures are qualified ``earlier-year`` (rule ``earlier-year``: "In
    2004, at least 628 people were killed and 926 injured when a quake hit Al Hoceima")."""
    years = [f.value for f in figures if f.unit == "year" and not f.qualifiers and _dates_event(text, f)]
    placed = [
        f.value for f in figures if f.unit == "year" and (not f.qualifiers or PLACED_YEAR in f.qualifiers)
    ]
    if not years or max(placed) > year - 2:
        return figures
    return [f if f.unit == "year" else replace(f, qualifiers=(*f.qualifiers, EARLIER_YEAR)) for f in figures]


def text_date(figures: Iterable[Sequence[Quantity]]) -> str | None:
    """The date of an undated article as far as its text tells it (rule ``text-date``): the
    latest full date it writes ("PHOTO: In this Jan. 7, 2024, file photo"), "2024-01-07";
    None when it writes none. An article is written on or after the days it reports, so its
    "on Jan. 5" is the Jan. 5 nearest that one (``resolve_years``)."""
    full = [f for fs in figures for f in fs if f.unit == "year" and f.month and f.day and not f.qualifiers]
    if not full:
        return None
    latest = max(full, key=lambda f: (f.value, f.month or 0, f.day or 0))
    return f"{int(latest.value):04d}-{latest.month:02d}-{latest.day:02d}"


def resolve_years(figures: Sequence[Quantity], published: str | None, text: str = "") -> tuple[Quantity, ...]:
    """The figures of a passage (``text``) placed in time by the article's date (``published``,
    "2024", "2024-03" or "2024-03-27"). Dates written without their year (rule
    ``article-year``): "last year" is the year before it; "on March 26" the March 26 nearest
    to it, which needs its month; a date that cannot be placed keeps its qualifier and never
    meets a claim's (``compare.same_quantity``). Then the figures of a sentence about an
    earlier year (``_earlier``)."""
    if not figures or not any(f.unit == "year" for f in figures):
        return tuple(figures)
    parts = [int(part) for part in (published or "").split("-") if part.isdigit()]
    if not parts:
        return tuple(figures)
    resolved = []
    for figure in figures:
        year: float | None = None
        if RELATIVE_YEAR in figure.qualifiers:
            year = parts[0] + figure.value
        elif NO_YEAR in figure.qualifiers and len(parts) >= 2 and figure.month is not None:
            here, month = parts[0] * 12 + parts[1], figure.month
            years: tuple[int, ...] = (parts[0] - 1, parts[0], parts[0] + 1)
            if text and _told_as_past(text, figure):
                # Rule past-date: "she played 60 shows starting March 17" in an article of December:
                # the last such date, not the next.
                years = tuple(y for y in years if y * 12 + month <= here) or years
            year = min(years, key=lambda y: abs(y * 12 + month - here))
        if year is None:
            resolved.append(figure)
        else:
            resolved.append(replace(figure, value=float(year), qualifiers=(PLACED_YEAR,)))
    placed = _earlier(resolved, text, parts[0]) if text else resolved
    # Figures the date changed nothing in stay the text's own tuple (the check shares what it
    # reads in a sentence between the sources that carry it: ``verdicts.judge_source``).
    unchanged = placed is resolved and all(new is old for new, old in zip(resolved, figures, strict=True))
    return tuple(figures) if unchanged else tuple(placed)


_FUTURE = re.compile(
    r"\b(?:will|would|shall|next|upcoming|scheduled|set\s+to|due\s+to|plans?|planned|expected)\b", re.I
)
_WORDS_BEFORE = re.compile(r"[a-z]+")


def _told_as_past(text: str, figure: Quantity) -> bool:
    """Whether the clause before a date tells it in the past tense ("played", "began"), with no
    word of the future in the sentence."""
    if _FUTURE.search(text):
        return False
    before = _WORDS_BEFORE.findall(text[max(0, figure.start - 60) : figure.start])
    return any(is_participle(word) for word in before)


def _numbers(text: str, digits: bool = True, words: bool = True) -> list[tuple[int, int, float, str | None]]:
    """(start, end, value, currency) of every number, before its scale word and unit;
    ``digits`` or ``words`` False when the text is known to hold none of those.

    Where readings overlap ("one and a half million" is also "one"), the
    earliest and longest wins.
    """
    numbers: list[tuple[int, int, float, str | None]] = []
    if digits:
        numbers += _digit_numbers(text)
    if words:
        numbers += _word_numbers(text)
    numbers.sort(key=lambda number: (number[0], -number[1]))
    kept: list[tuple[int, int, float, str | None]] = []
    for number in numbers:
        if not kept or number[0] >= kept[-1][1]:
            kept.append(number)
    return kept


def _digit_numbers(text: str) -> list[tuple[int, int, float, str | None]]:
    numbers: list[tuple[int, int, float, str | None]] = []
    for match in _digit_matches(text):
        value = _digits_value(match.group("number"), text, match.end())
        sign = match.group("currency")
        currency = (_UNIT_BEFORE.get(sign.lower()) or BY_SURFACE[sign.lower()].name) if sign else None
        # A space the pattern allows after a currency sign is no part of a figure without one.
        start = match.start() if sign else match.start("number")
        numbers.append((start, match.end("number"), value, currency))
    for match in _MIXED_FRACTION.finditer(text) if _MAY_HAVE_FRACTION.search(text) else ():
        value = float(match.group("whole")) + _MIXED_PARTS[match.group("part") or match.group("glyph")]
        numbers.append((match.start(), match.end(), value, None))
    # "7 500 troops", "11 000 TV and film writers": a space groups thousands of a count.
    for match in _SPACED_THOUSANDS.finditer(text) if _SPACED_DIGITS.search(text) else ():
        after = _words_after(text, match.end())
        found = _unit_after(after, 0)
        if (found is not None and found[0] in COUNT_UNITS) or (found is None and _counted_noun(after, 0)):
            numbers.append((match.start(), match.end(), float(match.group().replace(" ", "")), None))
    for match in _DIGIT_RANGE.finditer(text) if _DASHED_DIGITS.search(text) else ():
        first, second = (float(match.group(group).replace(",", "")) for group in (1, 2))
        named = _word_before_number(text, match.start(1))[:1].isupper()
        if _is_name(text, match.start(1), match.end(2)) or (named and second < first):
            continue  # "Boeing 737-9": a model, both its numbers (rule model-number)
        for group in (1, 2):
            value = float(match.group(group).replace(",", ""))
            numbers.append((match.start(group), match.end(group), value, None))
    return numbers


_ARTICLE_BEFORE = re.compile(r"\b[Aa]n?\s+$")


def _word_numbers(text: str) -> list[tuple[int, int, float, str | None]]:
    numbers: list[tuple[int, int, float, str | None]] = []
    for match in _AND_A_HALF.finditer(text):
        number = match.group("number")
        whole = float(number) if number.isdigit() else _word_value(number)
        if whole is not None:
            scale = SCALE_WORDS[match.group("scale").lower()] if match.group("scale") else 1.0
            numbers.append((match.start(), match.end(), (whole + 0.5) * scale, None))
    scaled_fractions = _may_hold_fraction(text) and _SCALE_WORD.search(text)
    for match in _FRACTION_OF_SCALE.finditer(text) if scaled_fractions else ():
        fraction = _FRACTIONS[" ".join(match.group("fraction").lower().replace("-", " ").split())]
        numbers.append(
            (match.start(), match.end(), fraction * SCALE_WORDS[match.group("scale").lower()], None)
        )
    for match in _WORD_NUMBER.finditer(text):
        words = _WORD_NUMBER_TAIL.sub("", match.group("number"))
        if words.lower() in SCALE_WORDS and _SCALE_ADJECTIVE.match(text, match.start() + len(words)):
            continue
        value = _word_value(words)
        if value is not None:
            start = match.start()
            # "close to a billion Indians": the article is the number's one, and a hedge before it
            # is the figure's.
            if words.lower() in SCALE_WORDS and (article := _ARTICLE_BEFORE.search(text, 0, start)):
                start = article.start()
            numbers.append((start, match.start() + len(words), value, None))
    for match in _DOZEN.finditer(text):
        numbers.append((match.start(), match.end(), SPECIAL_NUMBER_WORDS["dozen"], None))
    return numbers


def _digits_value(raw: str, text: str, end: int) -> float:
    """'7,500' -> 7500; '7.500 soldiers' -> 7500, since nobody counts 7.5 soldiers (European
    thousands); '7.5 km' stays 7.5. Digits of any script count: '٣٥٠٠' -> 3500."""
    if _EUROPEAN_THOUSANDS.fullmatch(raw):
        found = _unit_after(_words_after(text, end), 0)
        if found is not None and found[0] in COUNT_UNITS:
            return float(raw.replace(".", ""))
    return float(raw.replace(",", ""))


def _word_value(words: str) -> float | None:
    cleaned = _SPACES_OR_HYPHENS.sub(" ", words.lower()).strip()
    cleaned = _TRAILING_AND.sub("", cleaned)
    try:
        return float(text2num(cleaned, "en"))
    except ValueError:
        return None


# A match of _DIGITS starts at most this many characters before its first digit ("US$ 5").
_DIGITS_LEAD = 4


def _digit_matches(text: str) -> Iterator[re.Match[str]]:
    """``_DIGITS.finditer(text)``, tried only just before each digit: a pattern that starts with
    a look-behind is otherwise tried at every position of the text, five times slower."""
    position = 0
    while (digit := _DIGIT.search(text, position)) is not None:
        first = digit.start()
        for start in range(max(position, first - _DIGITS_LEAD), first + 1):
            if (match := _DIGITS.match(text, start)) is not None:
                yield match
                position = match.end()
                break
        else:
            position = first + 1


def _words_after(text: str, position: int, limit: int = 8) -> list[re.Match[str]]:
    words = []
    for match in _WORD.finditer(text, position):
        words.append(match)
        if len(words) >= limit:
            break
    return words


def _read_around(text: str, start: int, end: int, value: float, currency: str | None) -> Quantity | None:
    """Attach scale word, unit, hedge and bound to the number at text[start:end]."""
    if _is_name(text, start, end):
        return None
    written_before = _word_before_number(text, start)
    before = _UNIT_BEFORE.get(written_before.lower().rstrip("."))
    if before is not None and currency is None:  # "USD 34 billion": the code is part of the figure
        start = text.rfind(written_before, max(0, start - 40), start)
    unit: str | None = currency or before
    qualifiers: list[str] = []
    span_end = end
    attached = _ATTACHED_UNIT.match(text, end)
    after = _words_after(text, attached.end() if attached else end)
    position = 0
    if attached:
        written = attached.group(1).lower()
        if written in SCALE_WORDS:  # "£175million"
            value *= SCALE_WORDS[written]
        elif written in ATTACHED_SCALES or (unit is not None and written in CURRENCY_ATTACHED_SCALES):
            value *= ATTACHED_SCALES.get(written) or CURRENCY_ATTACHED_SCALES[written]
        elif written in BY_SURFACE and unit is None:
            unit = BY_SURFACE[written].name
        span_end = attached.end()
    scaled = False
    # "A$95.64-billion-dollar offer": the scale word hyphenated to the number.
    hyphenated = _HYPHENATED_SCALE.match(text, span_end)
    if hyphenated is not None:
        value *= SCALE_WORDS[hyphenated.group("scale").lower()]
        span_end = hyphenated.end()
        after = _words_after(text, span_end)
        scaled = True
    while position < len(after) and after[position].group().lower() in SCALE_WORDS:
        value *= SCALE_WORDS[after[position].group().lower()]
        span_end = after[position].end()
        position += 1
        scaled = True
    # "44 thousand 218 people": digits after a scale word add to it.
    if scaled and position < len(after) and _SMALL_NUMBER.fullmatch(after[position].group()):
        value += float(after[position].group())
        span_end = after[position].end()
        position += 1
    # Rule increment: "cancel over 1,000 more flights", "five more people were confirmed dead":
    # what was added, and the things it counts after "more" (a plural, or one thing: "frozen for one
    # more year"; "with about 80 more missing" counts the missing beside the dead).
    added = (
        position + 1 < len(after)
        and after[position].group().lower() == "more"
        and (
            _plural_after(after, position + 1) is not None
            or (value == 1 and after[position + 1].group().isalpha())
        )
    )
    if added:
        position += 1
        span_end = after[position - 1].end()
    if unit is None or unit in (currency, before):
        found = _unit_after(after, position)
        if found is not None:
            found_unit, skipped, unit_end = found
            if unit is None or found_unit == unit:
                unit, span_end = found_unit, unit_end
                qualifiers = [word.lower() for word in skipped]
    if unit is None:
        unit = "year" if _is_year(text[start:end], value) else _unit_before(text, start)
    if unit is None:
        counted = _counted_noun(after, position)
        if counted is not None:
            unit, qualifiers, span_end = counted
    measure = None
    if unit is None and _is_age(text, start, span_end, value):
        unit, measure = "years", "age"
    # "130 km/h", "80 miles/hour": a length per hour is a speed.
    if unit in _PER_HOUR_SPEEDS and (per_hour := _PER_HOUR.match(text, span_end)) is not None:
        unit, span_end = _PER_HOUR_SPEEDS[unit], per_hour.end()
    rate = _RATE.match(text, span_end)
    beyond_bracket = False
    if rate is None and (bracket := _BRACKET_BEFORE_RATE.match(text, span_end)) is not None:
        # "$207 million (£173 million) a year": the rate is both figures'.
        rate = _RATE.match(text, bracket.end())
        beyond_bracket = rate is not None
    per = None
    if rate and unit is not None:
        # The figure's text takes in its rate only when nothing stands between them.
        if not (beyond_bracket or rate.group("gap") or rate.group("gap2")):
            span_end = rate.end()
        if rate.group("adverb"):
            per = RATE_ADVERBS[rate.group("adverb").lower()]
        else:
            per = RATES[(rate.group("per") or rate.group("each")).lower()]
    if unit == "usd" and (mark := _US_MARK.match(text, span_end)) is not None:
        span_end = mark.end()
    if per is None and unit in MONEY_UNITS and value < _SHARE_PRICE_BELOW and _is_share_price(text, start):
        per = "share"
        qualifiers.append(IMPLIED_PER)
    if added:
        qualifiers.append("additional")
    trailing = text[span_end : span_end + 8].lower()
    approx = trailing.startswith(_TRAILING_HEDGE_STARTS)
    hedge_start, hedge_approx, bound = _hedge_and_bound(text, start)
    return Quantity(
        value=value,
        unit=unit,
        approx=approx or hedge_approx,
        bound=bound,
        qualifiers=tuple(qualifiers),
        start=hedge_start,
        end=span_end,
        text=text[hedge_start:span_end],
        per=per,
        measure=measure,
    )


# Rule age: a bare whole number is a person's age in apposition to a name ("Claudia Sheinbaum,
# 61, ...", "Milei, 53, ...") or as what a name or pronoun is or turned ("when she was 16", "Yamal,
# who had just turned 17", "Ronaldo was thirty-seven when he signed").
_AGE_APPOSITION = re.compile(r"\b[A-Z][\w'’-]*[a-z],\s+$")
_AGE_COMPLEMENT = re.compile(
    r"\b(?:[A-Z][\w'’-]*[a-z]|he|she|who)\s+(?:was|is|(?:had\s+|has\s+)?(?:just\s+)?turned)\s+$"
)
_AGE_AFTER_APPOSITION = re.compile(r",")
_AGE_AFTER_COMPLEMENT = re.compile(r"\s*(?:[,.;)]|$|\s(?:when|at\s+the\s+time|and|but)\b)")
_OLDEST_AGE = 120


def _is_age(text: str, start: int, end: int, value: float) -> bool:
    if value != int(value) or not 0 < value < _OLDEST_AGE:
        return False
    before = text[max(0, start - 40) : start]
    if _AGE_APPOSITION.search(before):
        return _AGE_AFTER_APPOSITION.match(text, end) is not None
    return _AGE_COMPLEMENT.search(before) is not None and _AGE_AFTER_COMPLEMENT.match(text, end) is not None


_WORD_BEFORE_REVERSED = re.compile(r"\s+([\w-]*[A-Za-z])")


def _word_before_number(text: str, start: int) -> str:
    """The word, then spaces, right before ``start``: what "([A-Za-z][\\w-]*)\\s+$" finds in the 40
    characters before it, matched backwards from the number instead of tried at each of them."""
    found = _WORD_BEFORE_REVERSED.match(text[max(0, start - 40) : start][::-1])
    return found.group(1)[::-1] if found else ""


def _is_name(text: str, start: int, end: int) -> bool:
    """'Resolution 1373', 'Uragan 220': a capitalised word, then a bare number, is a name."""
    word = _word_before_number(text, start)
    if not word:
        return False
    lowered = word.lower()
    if not word[0].isupper() or lowered in STOPWORDS or lowered in MONTHS:
        return False
    if lowered in _UNIT_BEFORE:  # "INR 5,000", "EUR 200m": a unit, as "USD 34 billion" is
        return False
    if any(lowered in phrase.split() for phrase in HEDGES + AT_LEAST + AT_MOST):
        return False
    following = _NON_SPACE.search(text, end)  # lowercase a few letters, not the rest of the text
    head = text[following.start() : following.start() + 16].lower() if following else ""
    followed_by_scale = head.startswith(_SCALE_WORD_LIST)
    if followed_by_scale:
        return False
    # Rule model-number: a name within a sentence, or in capitals, with its number names a thing
    # even before a noun ("the Boeing 737 Max 9 planes", "Windows 10 devices", "Chapter 11
    # bankruptcy"); a capitalised word opening a sentence may be any word ("Killing 20 people").
    word_start = len(text[:start].rstrip()) - len(word)
    opens = opens_sentence(text, word_start)
    if (word.isupper() and len(word) > 1) or not opens:
        return True
    return _unit_after(_words_after(text, end), 0) is None


def _unit_after(
    words: list[re.Match[str]], position: int, max_skip: int = 3
) -> tuple[str, list[str], int] | None:
    """The unit after the number, skipping up to three qualifiers ("Su-25 attack")."""
    skipped: list[str] = []
    # "985-foot-long": the unit with the size it gives.
    lowered = [_SIZE_SUFFIX.sub("", word.group().lower()) for word in words]
    # A model's number after its name is part of the name: "171 Boeing 737 Max 9 planes".
    while position < len(words) and sum(not word.isdigit() for word in skipped) <= max_skip:
        for size in range(_LONGEST_UNIT, 0, -1) if lowered[position] in _UNIT_STARTS else ():
            chunk = lowered[position : position + size]
            if len(chunk) < size:
                continue
            surface = " ".join(chunk).replace(" - ", "-")
            if surface in _SURFACE_TO_UNIT:
                return _unit_of(surface, skipped), skipped, words[position + size - 1].end()
        word = words[position].group()
        low = lowered[position]
        model = word.isdigit() and bool(skipped) and skipped[-1][:1].isupper()
        stops = (
            low in STOPWORDS
            or low in NUMBER_WORDS
            or low in NOT_COUNTED_NOUNS
            or (word.isdigit() and not model)
        )
        if stops or not _LETTER_OR_DIGIT.match(word):
            if word == "-" and position + 1 < len(words):  # "five-hectare"
                position += 1
                continue
            return None
        skipped.append(word)
        position += 1
    return None


def _counted_noun(words: list[re.Match[str]], position: int) -> tuple[str, list[str], int] | None:
    """An open unit: the noun a figure counts when it is no known unit ('243 aftershocks',
    '4,700 shipping containers', 'eleven provinces'), as its lemma, with the words before it
    as qualifiers. Function words, adverbs ('205 seriously') and participles ('homes damaged'
    ends at 'homes') are never that noun."""
    run: list[re.Match[str]] = []
    hyphenated = False
    while position < len(words) and len(run) < 3:
        word = words[position].group()
        lowered = word.lower()
        if word == "-" and not run:
            hyphenated = True
            position += 1
            continue
        if lowered in ("and", "or") and run and not _plural(run[-1].group().lower()):
            # Rule coordinated-modifier: "11,500 film and television writers", "150 direct and
            # indirect fatalities": the modifiers share the plural noun after them.
            shared = _plural_after(words, position + 1)
            if shared is not None:
                run.extend(words[position + 1 : shared + 1])
                position = shared + 1
                break
        if not run and _modifies_plural(words, position):
            # Rule attributive-modifier: a verb's form or a word for a whole right before a plural
            # noun describes it ("149 total shows", "36 total fatalities", "about 900 registered
            # voters").
            run.append(words[position])
            position += 1
            continue
        if (
            not word.isalpha()
            or lowered in STOPWORDS
            or lowered in NUMBER_WORDS
            or lowered in NOT_COUNTED_NOUNS
        ):
            break
        # Adverbs: "-ly" ("205 seriously") and "-wide" ("3,700 Twitter employees worldwide").
        if (
            lowered in MONTHS
            or lowered in SCALE_WORDS
            or lowered.endswith(("ly", "wide"))
            or lowered in CLAIM_VERBS
        ):
            break
        verbal = lowered.endswith(("ed", "ing")) and lemma(lowered) != lowered
        if verbal and lowered.endswith("ed"):
            break
        # An irregular past after the noun ("four bolts meant to hold", "150 bodies found"):
        # a verb, as "homes damaged" is.
        if run and not _plural(lowered) and not lowered.endswith("s") and lemma(lowered) != lowered:
            break
        # A plural noun heads its phrase: what follows it, unless another plural, is the clause's
        # verb or an adjective ("15,000 jobs represent", "500 pilgrims die", "4 bolts missing");
        # a plural may still describe the next ("32 sports disciplines"). Rule plural-head.
        if run and _plural(run[-1].group().lower()) and not _plural(lowered):
            break
        run.append(words[position])
        position += 1
    while run and (run[-1].group()[:1].isupper() or _is_verbal(run[-1].group().lower())):
        run.pop()
    if not run:
        return None
    if hyphenated and len(run) > 1:
        # "a four-lane bridge", "a 53-page report": the word joined to the number is what it
        # counts, and the noun after it the thing it sizes — as "a 1.6-mile bridge" is miles.
        return lemma(run[0].group()), [], run[0].end()
    head = run[-1]
    return lemma(head.group()), [word.group().lower() for word in run[:-1]], head.end()


# Words for a whole that describe the plural noun after them ("100 total medals").
_WHOLE_WORDS = frozenset({"total", "overall", "combined"})


def _modifies_plural(words: list[re.Match[str]], position: int) -> bool:
    """Whether the word at ``position`` is a word for a whole or a verb's form (a claim verb or an
    -ed participle) that stands right before a plural noun it describes."""
    word = words[position].group().lower()
    if (
        word not in _WHOLE_WORDS
        and word not in CLAIM_VERBS
        and not (word.endswith("ed") and lemma(word) != word)
    ):
        return False
    if position + 1 >= len(words):
        return False
    following = words[position + 1].group()
    lowered = following.lower()
    return (
        following.isalpha()
        and following[:1].islower()
        and _plural(lowered)
        and lowered not in STOPWORDS
        and lowered not in NOT_COUNTED_NOUNS
        and lowered not in CLAIM_VERBS
    )


def _plural_after(words: list[re.Match[str]], position: int) -> int | None:
    """Where a plural noun stands within two words of ``position`` ("television writers"), past
    words that are neither function words nor numbers; None if none does."""
    for at in range(position, min(position + 2, len(words))):
        word = words[at].group()
        lowered = word.lower()
        if not word.isalpha() or lowered in STOPWORDS or lowered in NUMBER_WORDS:
            return None
        if _plural(lowered):
            return at
    return None


# Rule currency-mark: a country mark after a dollar sum says its currency and is part of it, not a
# name the sum belongs to ("a valuation of $10 billion US", "a hostile $105-billion (U.S.) takeover
# attempt", "$16-billion (U.S.)").
_US_MARK = re.compile(r"\s+(?:US|U\.S\.)(?!\w)|\s*\((?:US|U\.S\.)\)")

# Rule share-price: a sum a sentence gives as a stock's price is a price a share, as a claim's
# "$135.58 a share" is ("NVIDIA's share price closed at $135.58", "The stock plummeted 26% to
# close at $21.48", "Shares of the video game developer surged ... to as much as $90"); a sum
# with a scale word ("shares worth $6.9 billion") is what the shares are worth together.
_STOCK = re.compile(r"\b(?:shares?|stocks?)\b", re.I)
_SHARE_PRICE_BELOW = 100_000
_SHARE_PRICE_WINDOW = 100


def _is_share_price(text: str, start: int) -> bool:
    sentence = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), start - _SHARE_PRICE_WINDOW, 0)
    # "up by $4.60": what the price moved by, not a price.
    return _STOCK.search(text, sentence, start) is not None and _word_before_number(text, start) != "by"


# Plurals not made with -s; any other word not ending in -s whose lemma differs is a verb's
# form ("meant", "found", "stolen", "torn").
_IRREGULAR_PLURALS = frozenset(
    {"men", "women", "children", "feet", "teeth", "mice", "geese", "criteria", "people"}
)


def _plural(word: str) -> bool:
    """'jobs', 'pilgrims', 'women': a noun's plural (its lemma differs); not 'news', 'bus', nor
    a verb's irregular form ('meant', 'found')."""
    if word in _IRREGULAR_PLURALS:  # "people", whose lemma is itself
        return True
    if not word[:1].isalpha() or lemma(word) == word:
        return False
    return word.endswith("s") and not word.endswith(("ss", "us"))


def _is_verbal(word: str) -> bool:
    return word.endswith(("ed", "ing")) and lemma(word) != word


def _unit_of(surface: str, qualifiers: list[str]) -> str:
    """The canonical unit of a surface form; 'Su-27 fighters' are aircraft, 'Taliban fighters' people."""
    if surface in AMBIGUOUS_UNITS:
        machine, people = AMBIGUOUS_UNITS[surface]
        named_model = any(any(ch.isdigit() for ch in word) for word in qualifiers)
        return machine if named_model or "jet" in qualifiers else people
    return _SURFACE_TO_UNIT[surface]


def _unit_before(text: str, start: int) -> str | None:
    """'Daesh militants whose number now exceeds 3,500.': a clause-final figure
    counts the unit named before "number" in the same clause."""
    if not _CLAUSE_FINAL.match(text, start):
        return None
    clause = _CLAUSE_PUNCTUATION.split(text[max(0, start - 80) : start])[-1]
    words: list[str] = _WORD_OR_HYPHEN.findall(clause.lower())
    if "number" not in words and "numbering" not in words:
        return None
    for word in reversed(words):
        if word in _SURFACE_TO_UNIT:
            return _SURFACE_TO_UNIT[word]
    return None


def _is_year(raw: str, value: float) -> bool:
    """A bare four-digit number from 1800 to 2100 written without a separator."""
    return bool(_YEAR_DIGITS.fullmatch(raw)) and 1800 <= value <= 2100


def _hedge_and_bound(text: str, start: int) -> tuple[int, bool, Bound | None]:
    """Where the figure's phrase starts, whether it is hedged, and whether it is a bound."""
    prefix = text[max(0, start - 40) : start].lower()
    for pattern, bound in ((_AT_MOST, Bound.AT_MOST), (_AT_LEAST, Bound.AT_LEAST)):
        found = pattern.search(prefix)
        if found:
            return start - len(found.group()), False, bound
    found = _HEDGE.search(prefix)
    if found:
        return start - len(found.group()), True, None
    last = _LAST_WORD.search(prefix)
    if last and _is_hedge_typo(last.group(1)):
        return start - len(last.group()), True, None
    return start, False, None


_TYPO_HEDGES = tuple(hedge for hedge in HEDGES if len(hedge) >= HEDGE_TYPO_MIN_LENGTH and " " not in hedge)


@functools.lru_cache(maxsize=16_384)  # the word before a figure: "the", "of", "than" again and again
def _is_hedge_typo(word: str) -> bool:
    """'aproximately', 'arround': one edit from a one-word hedge, with its first letter right."""
    if len(word) < HEDGE_TYPO_MIN_LENGTH - 1:
        return False
    return any(Levenshtein.distance(word, hedge) == 1 and word[0] == hedge[0] for hedge in _TYPO_HEDGES)


def _merge_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'between 500 and 600 troops', '500-600 troops': one figure with an upper end."""
    merged: list[Quantity] = []
    for quantity in quantities:
        previous = merged[-1] if merged else None
        if previous is not None and _is_range(text, previous, quantity):
            window = max(0, previous.start - 20)
            lead = _RANGE_LEAD.search(text, window, previous.start)
            start = lead.start() if lead else previous.start
            merged[-1] = replace(
                quantity,
                value=previous.value,
                upper=quantity.value,
                approx=previous.approx or quantity.approx,
                start=start,
                text=text[start : quantity.end],
            )
        else:
            merged.append(quantity)
    return merged


def _is_range(text: str, low: Quantity, high: Quantity) -> bool:
    joiner = text[low.end : high.start].strip().lower()
    between = _BETWEEN.search(text, max(0, low.start - 20), low.start) is not None
    return (
        low.upper is None
        and low.bound is None
        and high.unit != "year"
        and low.unit in (None, high.unit)
        and low.value < high.value
        and (joiner in ("-", "to") or (joiner == "and" and between))
    )


def _partitives(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Rule partitive: a bare figure right before "of the" and a count ("five of the six crew
    members", "240 of the 543 seats", "five out of six crew members") counts that count's noun;
    what happened to the part its sentence says after the group (``measures.measure_of``)."""
    parts: list[Quantity] = []
    for at, quantity in enumerate(quantities):
        group = quantities[at + 1] if at + 1 < len(quantities) else None
        if (
            quantity.unit is None
            and group is not None
            and dimension_of(group.unit) == COUNT
            and _PART_OF.fullmatch(text, quantity.end, group.start) is not None
        ):
            quantity = replace(
                quantity, unit=group.unit, qualifiers=(*quantity.qualifiers, *group.qualifiers, PARTITIVE)
            )
        parts.append(quantity)
    return parts


def _carry_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'Kant has about 550 personnel, while Manas has about 1,200.': a bare figure
    closing a clause takes the unit of the figure before it in the sentence."""
    carried: list[Quantity] = []
    for quantity in quantities:
        previous = carried[-1] if carried else None
        closes_clause = _CLOSES_CLAUSE.match(text, quantity.end) is not None
        if (
            quantity.unit is None
            and previous is not None
            and previous.unit is not None
            and previous.unit not in CALENDAR_UNITS
            and closes_clause
            and not _SENTENCE_STOP.search(text, previous.end, quantity.start)
        ):
            quantity = replace(quantity, unit=previous.unit)
        carried.append(quantity)
    return carried
