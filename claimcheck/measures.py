"""What a figure measures: the counted noun and the predicate around it, as a measure class.

"killed 820 people and injured 672" gives 820 the measure *deaths* and 672 *injured*;
"employing some 1,200 servicemen" is *staff*, "moved more than 5.3 million servicemen"
*throughput*; "established in 2003" *began*, "ratified in 2012" *ratified*, "until 2032"
*ends*. A claim's figure is read the same way, so the check compares only figures that
state the same fact (``compare.same_fact``).

Measures are data: ``MEASURES`` lists each class with the dimensions it applies to and
its words as lemmas (phrases as lemma sequences). Where a figure's measure comes from
is one rule, in this order, each with its own id (``RULES``):

1. ``own-noun``: the figure's own unit word is a measure word ("2,946 deaths", "329 injured");
2. ``after``: the word after its noun, past auxiliaries ("2,012 people were killed"); of a part
   of a group (``partitive``: "Five of the six crew members aboard ... were killed"), what
   happened to people said after the group;
3. ``restated``: a figure in brackets right after another restates its fact in other units
   ("£62million (€69.9m)"); ``until``: a date introduced by "to", "until" or "through" is
   when something ends ("a contract to June 2025");
4. ``before``: the nearest measure word before it in its clause, unless another figure
   stands between ("killed at least 2,012", "the death toll has risen to 632");
5. ``attributive``: a length or area written before a noun measures that thing's size
   ("the 948-foot container ship", "a five-hectare plot");
6. ``default``: a count with none of these counts what there is (*presence*: "the 7,500
   soldiers of the base"); a magnitude or an area measures the one thing it can.

Any other figure has no measure (None): the check then calls it a weak match. (A rule that
gave a bare figure the measure of the figure before it was dropped: on the dev corpus it
was wrong each time it decided, "the quake measured 6.8 ... the death toll has gone up to
2,497" made 2,497 a magnitude.)

``sized_by`` reads the noun a size or sum stands before ("a 984-foot cargo ship"): rule
``sized-noun`` of ``compare.same_fact``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.lexicon import CLAIM_VERBS, GENERIC_HEADS, HEAD_SYNONYMS
from claimcheck.model import PARTITIVE, Bound, Quantity
from claimcheck.text import lemma
from claimcheck.units import (
    AREA,
    CALENDAR_UNITS,
    CLOCK,
    COUNT,
    DATE,
    DURATION,
    LENGTH,
    MASS,
    MONEY,
    POWER,
    SCALE,
    SHARE,
    SPEED,
    VOLUME,
    dimension_of,
    unit_for_surface,
)

EVENTS = frozenset({DATE, CLOCK})


@dataclass(frozen=True, slots=True)
class Measure:
    """A class of facts a figure can state: its id, how reasons name it, the dimensions of
    figures it applies to, its words (lemmas; a phrase is lemmas joined by spaces), and the
    unit a bare figure of it counts ("the toll rose to 2,946": people)."""

    id: str
    name: str
    dimensions: frozenset[str]
    words: tuple[str, ...]
    counts: str | None = None
    # Of a measure that counts people, the words that name it as a count's noun ("2,946 deaths",
    # "1,500 layoffs"); None: all its words. A verb's noun is no count of it ("three fires").
    nouns: tuple[str, ...] | None = None
    # Of a value that changes through an event (a storm's wind speed), the words that name the
    # moment it is read at ("landfall", "peak"): rule other-moment.
    moments: tuple[str, ...] = ()


# A moment a changing value is read at, as the moment words name it: "came ashore" is landfall,
# "at its strongest" its peak, and a storm's category counts with its number ("Category 5").
_MOMENT = re.compile(r"\b(landfall|ashore|peak(?:ed|s)?|strongest|category\s+\d)\b", re.I)
_MOMENT_NAMES = {"ashore": "landfall", "peaked": "peak", "peaks": "peak", "strongest": "peak"}


def moments_in(text: str, measure: Measure) -> frozenset[str]:
    """The moments of a changing measure the text names ("landfall", "peak", "category 5")."""
    if not measure.moments:
        return frozenset()
    found = {" ".join(match.group(1).lower().split()) for match in _MOMENT.finditer(text)}
    named = {_MOMENT_NAMES.get(moment, moment) for moment in found}
    return frozenset(moment for moment in named if moment.split()[0] in measure.moments)


def _people(id: str, name: str, *words: str) -> Measure:
    return Measure(id, name, frozenset({COUNT}), words, counts="people")


def _of(
    id: str, name: str, dimensions: frozenset[str] | str, *words: str, moments: tuple[str, ...] = ()
) -> Measure:
    kinds = frozenset({dimensions}) if isinstance(dimensions, str) else dimensions
    return Measure(id, name, kinds, words, moments=moments)


# fmt: off
MEASURES: tuple[Measure, ...] = (
    # People counted by what happened to them.
    _people("deaths", "deaths", "kill", "die", "dead", "death", "fatality", "toll", "death toll",
            "perish", "drown", "body", "corpse", "lose life", "life", "claim life", "fatal"),
    _people("injured", "people injured", "injure", "injured", "injury", "wound", "wounded", "hurt"),
    _people("missing", "people missing", "missing", "unaccounted", "unaccounted for"),
    _people("rescued", "people rescued", "rescue", "save"),
    _people("displaced", "people displaced", "displace", "displaced", "homeless", "evacuate", "evacuee",
            "flee", "uproot", "left homeless"),
    _people("affected", "people affected", "affect", "affected"),
    _people("arrested", "people arrested", "arrest", "detain", "detainee"),
    # Who or what a place holds, against what passes through it or is sent to it.
    _of("presence", "how many there are", COUNT, "host", "house", "station", "garrison", "employ",
        "employee", "staff", "workforce", "strong", "home to", "population", "inhabit", "live",
        "headcount", "strength", "have", "number", "keep", "maintain", "with", "comprise"),
    _of("participants", "how many took part", COUNT, "take part", "participate", "participant",
        "involve", "attend", "attendee", "compete"),
    _of("throughput", "what passed through it", COUNT, "pass through", "transit", "move", "handle",
        "process", "in and out", "throughput", "traffic"),
    _of("sent", "what was sent or deployed", COUNT, "send", "deploy", "dispatch", "mobilize", "mobilise",
        "deployment", "contribute", "arrive", "fly in"),
    _of("cargo", "what it carried", frozenset({COUNT, MASS}), "carry",
        "load", "laden", "aboard", "on board", "cargo", "onboard"),
    # What a maker made and what it sold are two counts of the same things ("produced 494,989
    # vehicles, delivering 484,507").
    _of("made", "what was made", COUNT, "produce", "production", "manufacture", "assemble", "output"),
    _of("sold", "what was sold or delivered", COUNT, "sell", "sale", "sales", "deliver", "delivery"),
    _of("capacity", "capacity", frozenset({COUNT, MASS, VOLUME, POWER}), "capacity", "accommodate",
        "seat", "hold up to"),
    _of("won", "what was won", frozenset({COUNT, SHARE}), "win", "secure", "capture", "clinch", "take"),
    _of("lost", "what was lost", frozenset({COUNT, SHARE}), "lose", "shed"),
    _of("gained", "what was gained", frozenset({COUNT}), "gain", "pick up"),
    _of("majority", "majority", frozenset({COUNT, SHARE}), "majority"),
    _of("damaged", "damaged", COUNT, "damage", "damaged"),
    # Jobs cut are people's, whatever the noun: "eliminated 1,500 jobs", "laid off 600 people", "200
    # roles were eliminated" (spotify-layoffs-2023), "cutting 15,000 jobs", "15,000 workers" (intel).
    Measure("cut", "jobs or posts cut", frozenset({COUNT}), ("lay off", "layoff", "cut", "axe", "sack",
            "fire", "eliminate", "redundancy", "slash"), counts="people", nouns=("layoff", "redundancy")),
    _of("destroyed", "destroyed", COUNT, "destroy", "flatten", "raze", "collapse", "wipe out"),
    # Sums of money.
    _of("price", "price or deal value", MONEY, "buy", "acquire", "acquisition", "purchase", "takeover",
        "deal", "price", "worth", "value", "valuation", "bid", "offer", "sell", "sale", "pay",
        "merger", "transaction"),
    _of("cost", "cost", MONEY, "cost", "rebuild", "replace", "repair", "reconstruction", "construct",
        "price tag", "bill"),
    _of("salary", "pay or salary", MONEY, "earn", "salary", "wage", "income", "remuneration", "paycheck",
        "take home"),
    _of("damage", "damage or loss", MONEY, "damage", "loss", "lose"),
    _of("aid", "aid or funding", MONEY, "aid", "donate", "donation", "pledge", "appeal", "grant", "relief",
        "assistance", "contribute", "contribution", "fund", "funding", "raise"),
    _of("revenue", "revenue", MONEY, "revenue", "sales", "turnover"),
    _of("profit", "profit", MONEY, "profit", "net income"),
    _of("budget", "budget or spending", MONEY, "budget", "spend", "spending", "allocate"),
    # A fee is paid beside a deal, not as its price: "a termination fee of $2.27 billion" beside
    # "$68.7 billion" (activision-deal 04_marketscreener), "$1bn break fee" beside "$44 billion"
    # (twitter-takeover 02_irishtimes), "the signing fee of around $100 million" (ronaldo 01_i24news).
    _of("fee", "fee", MONEY, "fee", "break fee", "break up fee", "breakup fee", "termination fee",
        "signing fee", "commission"),
    _of("fine", "fine or settlement", MONEY, "fine", "penalty", "settlement", "settle", "compensation"),
    _of("rent", "rent", MONEY, "rent", "lease"),
    _of("debt", "debt or loan", MONEY, "debt", "loan", "borrow", "owe"),
    _of("investment", "investment", MONEY, "invest", "investment"),
    # When something happened.
    _of("began", "when it began or was set up", EVENTS, "found", "establish", "set up", "create", "form",
        "launch", "open", "inaugurate", "since", "date from", "start", "begin", "lift off", "blast off",
        "take off"),
    _of("completed", "when it was completed", EVENTS, "complete", "completion", "finish", "build",
        "construct", "close", "finalise", "finalize", "seal", "wrap up"),
    _of("signed", "when it was signed", EVENTS, "sign", "ink"),
    _of("ratified", "when it was ratified", EVENTS, "ratify"),
    _of("approved", "when it was approved", EVENTS, "approve", "clear", "authorize", "authorise"),
    _of("blocked", "when it was blocked", EVENTS, "block", "reject", "veto"),
    _of("announced", "when it was announced", EVENTS, "announce", "unveil", "reveal"),
    _of("ends", "when it ends", EVENTS, "expire", "until", "run until", "run through", "through", "due"),
    _of("occurred", "when it happened", EVENTS, "strike", "hit", "happen", "occur", "collapse",
        "crash", "sink", "erupt", "take place", "rock", "jolt"),
    _of("landed", "when it landed or arrived", EVENTS, "land", "landing", "touch down", "touchdown",
        "arrive", "arrival"),
    _of("born", "when someone was born", EVENTS, "bear", "birth"),
    _of("joined", "when someone joined", EVENTS, "join", "sign for", "move to"),
    _of("left", "when someone left", EVENTS, "leave", "quit", "resign", "step down", "depart", "sack",
        "fire", "oust"),
    # How long.
    _of("term", "length of a contract or term", DURATION, "contract", "deal", "term", "lease",
        "agreement", "valid", "extend", "extension", "run for"),
    _of("age", "age", DURATION, "old", "age", "aged"),
    _of("sentence", "sentence", DURATION, "jail", "sentence", "prison", "imprison", "prison term",
        "jail term"),
    # Sizes and distances.
    _of("depth", "depth", LENGTH, "deep", "depth", "beneath", "below", "underground",
        "below the surface", "down"),
    _of("distance", "distance", LENGTH, "from", "away", "distance", "off", "range", "north", "south", "east",
        "west", "northeast", "northwest", "southeast", "southwest", "offshore", "outside"),
    _of("length", "length", LENGTH, "long", "length", "span", "stretch", "extend", "runway"),
    _of("height", "height", LENGTH, "high", "tall", "height", "altitude", "elevation"),
    _of("width", "width", LENGTH, "wide", "width", "diameter", "across", "thick", "thickness"),
    _of("area", "area", AREA, "cover", "area", "size", "spread over", "span"),
    # Shares and changes.
    _of("rise", "rise", SHARE, "rise", "jump", "gain", "surge", "increase", "grow", "growth", "soar",
        "climb", "premium"),
    _of("fall", "fall", SHARE, "fall", "drop", "decline", "plunge", "slump", "slide", "tumble", "sink"),
    _of("stake", "stake", SHARE, "stake", "own", "ownership"),
    _of("rate", "rate", SHARE, "inflation", "unemployment", "interest", "rate"),
    Measure("magnitude", "magnitude", frozenset({SCALE}), ("magnitude", "richter", "measure"),
            counts="magnitude"),
    # How far a figure falls short of a mark or passes it: "32 seats short of a majority", "more
    # than 20 ahead of the 272 needed", "350 metres short of the planned landing site".
    _of("margin", "how far short of or past a mark", frozenset({COUNT, SHARE, MONEY, LENGTH}), "short",
        "shy", "ahead"),
    _of("wind", "wind speed", SPEED, "wind", "sustain", moments=("landfall", "peak", "category")),
    # A gust is the peak, not the wind's speed: "winds to 50 mph with 80 mph gusts".
    _of("gust", "gust speed", SPEED, "gust"),
)
# fmt: on

BY_ID: dict[str, Measure] = {measure.id: measure for measure in MEASURES}
# Measures that may state one fact in other words: a project's budget is what it costs ("built
# on a budget of under $75 million", "cost roughly $75m"); what a plane or ship has aboard is what
# it carries ("The aircraft ... with 171 guests and 6 crew members"); what a party or team won is what
# it finished with ("won 293 seats", "finished with 293 seats"). A figure of the one for a claim of
# the other is a weak match (``compare.same_fact``): it may agree, never conflict.
RELATED: frozenset[frozenset[str]] = frozenset(
    {frozenset({"cost", "budget"}), frozenset({"presence", "cargo"}), frozenset({"presence", "won"})}
)
# What a bare figure may count: "the toll rose to 2,946" (people), "a magnitude of 7.8".
_COUNTED = tuple(sorted({d for measure in MEASURES if measure.counts for d in measure.dimensions}))

# Which measures a word (or phrase) of each dimension means.
_WORDS: dict[tuple[str, str], str] = {}
for _measure in MEASURES:
    for _dimension in _measure.dimensions:
        for _word in _measure.words:
            _WORDS.setdefault((_dimension, _word), _measure.id)
            # A phrase is looked up by the lemmas of its words, and the lemmatiser reads "lay off"
            # as "lie off", "left homeless" as "leave homeless", "signing fee" as "sign fee": the
            # table holds both forms (a single word keeps its own: "found" is not "find").
            if " " in _word:
                _WORDS.setdefault((_dimension, " ".join(lemma(part) for part in _word.split())), _measure.id)
_LONGEST = max(len(word.split()) for _, word in _WORDS)
_FIRST_WORDS = frozenset(word.split()[0] for _, word in _WORDS)
# A unit word that is itself a measure word: "deaths", "fatalities", "injured".
_COUNT_NOUNS: dict[str, Measure] = {
    word: measure
    for measure in MEASURES
    if measure.counts
    for word in (measure.words if measure.nouns is None else measure.nouns)
    if " " not in word
}

# Words between a figure's noun and its verb: "2,012 people have been killed".
_AUXILIARIES = frozenset({
    "be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "reportedly",
    "also", "now", "already", "so", "far", "officially", "feared", "presumed", "believed",
    "confirmed", "reported", "thought", "said", "to", "of", "them", "whom", "begin", "start", "continue",
    "still",
})  # fmt: skip
# What the nearest-word search before a figure passes over: hedges, bounds, verbs of
# change and the like ("the death toll has risen to at least 632").
_BRACKET_BREAK = re.compile(r"[;:]")
_PUNCTUATION_BREAK = re.compile(r"[;:()\[\]]|,(?!\d)|\s[-–—]{1,2}\s")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|,(?!\d)|\s[-–—]{1,2}\s|\b(?:and|but|while|whereas)\b")
# Hyphenated words in their parts: "948-foot-long", "north-east".
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# How many words before a figure its measure may stand.
BEFORE_WINDOW = 8
# A figure's noun phrase: a few words after the number ("20 Su-25 attack planes").
AFTER_WINDOW = 4

RULES = ("own-noun", "after", "partitive", "restated", "until", "before", "attributive", "default")
# Verbs of change: "cut to 100", "rose to 2,946" give the level reached, not the change.
CHANGES = frozenset({"cut", "rise", "fall", "gained", "lost"})
# Hedge and bound words between a figure and the word that introduces it.
_LEAD_SKIPPED = frozenset({
    "about", "around", "some", "nearly", "almost", "roughly", "approximately", "estimate", "an",
    "more", "less", "fewer", "than", "least", "at", "most", "up", "over", "under", "just", "only",
    "well", "as", "many", "much", "exceed", "below", "above", "close",
})  # fmt: skip
# A count with no word of what happened to it counts what there is: "a base with 500 troops";
# a magnitude or an area measures the one thing it can ("the 6.8 magnitude", "magnitude 6.8").
DEFAULT = {COUNT: "presence", SCALE: "magnitude", AREA: "area"}
# Measures read only after the figure: the margin comes before "short of", the mark after it
# ("32 short of the 272 majority mark").
_AFTER_ONLY = frozenset({"margin"})


def measures_for(dimension: str | None) -> tuple[Measure, ...]:
    """The measures a figure of this dimension can state."""
    return tuple(measure for measure in MEASURES if dimension in measure.dimensions)


def measure_named(word: str) -> Measure | None:
    """The people measure a unit word names: 'deaths' -> deaths, 'injuries' -> injured."""
    return _COUNT_NOUNS.get(lemma(word))


def measure_of(
    text: str, quantity: Quantity, figures: Sequence[Quantity] = ()
) -> tuple[str | None, str | None]:
    """The figure's measure id and the rule that found it, or (None, None).

    ``figures`` are the other figures of the text: a measure word beyond another figure
    belongs to that one."""
    words = _words(text)
    dimension = dimension_of(quantity.unit)
    dimensions = _COUNTED if dimension is None else (dimension,)
    starts = _starts(text)
    own = words[bisect.bisect_left(starts, quantity.start) : bisect.bisect_left(starts, quantity.end)]
    for _, _, _, word_lemma in reversed(own):
        if dimension in (None, COUNT) and word_lemma in _COUNT_NOUNS:
            return _COUNT_NOUNS[word_lemma].id, "own-noun"
        # A size word hyphenated to the figure is what it measures: "the 861-year-old cathedral",
        # "a 10-km-deep quake", "the 985-foot-long ship".
        sized = _lookup([word_lemma], dimensions) if dimension not in (None, COUNT) else None
        if sized is not None:
            return sized[0], "own-noun"
    found = _after(text, words, quantity, figures, dimensions)
    if found:
        return found, "after"
    found = _coordinated(text, words, quantity, figures, dimensions)
    if found:
        return found, "coordinated"
    if PARTITIVE in quantity.qualifiers:
        # The group is the next figure, unless "out of" dropped it ("five out of six crew members").
        later = sorted(f.start for f in figures if f.start >= quantity.end)[1:]
        group = _in_clause(text, words, quantity.end, min(later, default=None))
        found = _part_of([word[3] for word in group], dimensions)
    if found:
        return found, "partitive"
    restated = _restated(text, quantity, figures)
    if restated is not None:
        return measure_of(text, restated, [f for f in figures if f is not restated])[0], "restated"
    if dimension in EVENTS:
        before = words[
            max(0, bisect.bisect_left(starts, quantity.start) - 3) : bisect.bisect_left(
                starts, quantity.start
            )
        ]
        if _lead([word[3] for word in before]) in _UNTIL:
            return "ends", "until"
    found = _before(text, words, quantity, figures, dimensions, wide=False)
    if found:
        return found, "before"
    if dimension in (LENGTH, AREA) and _attributive(text, quantity):
        return ("length" if dimension == LENGTH else "area"), "attributive"
    found = _before(text, words, quantity, figures, dimensions, wide=True)
    if found:
        return found, "before"
    return None, None


# Words that introduce the date something runs to: "a contract to June 2025", "until 2025".
_UNTIL = frozenset({"to", "until", "till", "through", "thru"})
_OPENING_BRACKET = re.compile(r"\s*[(\[]\s*$")


def _restated(text: str, quantity: Quantity, figures: Sequence[Quantity]) -> Quantity | None:
    """The figure this one restates in brackets ("£62million (€69.9m)": €69.9m restates
    £62million, in another currency): it states the same fact, so it has its measure."""
    before = [f for f in figures if f.end <= quantity.start]
    if not before:
        return None
    previous = max(before, key=lambda f: f.end)
    if _OPENING_BRACKET.fullmatch(text, previous.end, quantity.start) and previous.unit is not None:
        return previous
    return None


Word = tuple[str, int, int, str]  # the word, start, end, lemma


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[Word, ...]:
    return tuple((m.group(), m.start(), m.end(), lemma(m.group())) for m in _WORD.finditer(text))


@functools.lru_cache(maxsize=4096)
def _starts(text: str) -> list[int]:
    """Where each of ``_words(text)`` starts: the words around a figure are found by bisection."""
    return [word[1] for word in _words(text)]


def _lookup(lemmas: Sequence[str], dimensions: Sequence[str]) -> tuple[str, int] | None:
    """The measure a run of lemmas starts with (longest phrase first), and its length."""
    if not lemmas or lemmas[0] not in _FIRST_WORDS:  # most words start no measure phrase
        return None
    for size in range(min(_LONGEST, len(lemmas)), 0, -1):
        phrase = " ".join(lemmas[:size])
        for dimension in dimensions:
            if (dimension, phrase) in _WORDS:
                return _WORDS[(dimension, phrase)], size
    return None


def _after(
    text: str,
    words: Sequence[Word],
    quantity: Quantity,
    figures: Sequence[Quantity],
    dimensions: Sequence[str],
) -> str | None:
    """'2,012 people were killed', '820 people injured': the word after the figure's phrase."""
    limit = min((f.start for f in figures if f.start >= quantity.end), default=None)
    following = _in_clause(text, words, quantity.end, limit)
    lemmas = [w[3] for w in following]
    position = 0
    # "20 Su-25 attack planes and Su-27 fighters began arriving": past a second noun phrase
    # joined to the figure's, to the verb they share.
    if lemmas[:1] in (["and"], ["or"]) and len(following) > 1 and _starts_noun_phrase(following[1][0]):
        position = 1
        while position < min(len(following), 5) and _starts_noun_phrase(following[position][0]):
            position += 1
    while position < len(lemmas) and (
        lemmas[position] in _AUXILIARIES or following[position][0].lower() in _AUXILIARIES
    ):
        position += 1
    found = _lookup(lemmas[position:], dimensions) if position < len(lemmas) else None
    return found[0] if found else None


# The words a figure's phrase may run to before the "and" that joins a second figure to it.
_COORDINATED_GAP = 4
_VERB_AUXILIARIES = frozenset({"be", "is", "are", "was", "were", "been", "have", "has", "had"})


def _coordinated(
    text: str,
    words: Sequence[Word],
    quantity: Quantity,
    figures: Sequence[Quantity],
    dimensions: Sequence[str],
) -> str | None:
    """Rule coordinated: two counts joined by "and" share the verb after the second ("All 367
    passengers and 12 crew were evacuated", "Some 600 hotels and 120 hospitals were damaged",
    "About 1,500 servicemen from the base and some 300 pieces of military hardware are involved
    in the exercise"): the measure after the second's phrase and its auxiliary verb."""
    partner = min((f for f in figures if f.start >= quantity.end), key=lambda f: f.start, default=None)
    if partner is None:
        return None
    between = [word[3] for word in _in_clause(text, words, quantity.end, partner.start)]
    if between[-1:] != ["and"] or len(between) > _COORDINATED_GAP:
        return None
    later = min((f.start for f in figures if f.start >= partner.end), default=None)
    shared = [word[3] for word in _in_clause(text, words, partner.end, later)][: _COORDINATED_GAP + 2]
    verb = next((at for at, lemma in enumerate(shared) if lemma in _VERB_AUXILIARIES), None)
    if verb is None:
        return None
    while verb < len(shared) and shared[verb] in _VERB_AUXILIARIES:
        verb += 1
    found = _lookup(shared[verb:], dimensions)
    return found[0] if found else None


def _in_clause(text: str, words: Sequence[Word], start: int, limit: int | None) -> Sequence[Word]:
    """The words from ``start`` to ``limit`` (another figure), never past the clause: "rose to more
    than 1,300, with the victims ..." says nothing of 1,300."""
    clause_end = _PUNCTUATION_BREAK.search(text, start)
    if clause_end is not None and (limit is None or clause_end.start() < limit):
        limit = clause_end.start()
    starts = _starts(text)
    end = len(starts) if limit is None else bisect.bisect_left(starts, limit)
    return words[bisect.bisect_left(starts, start) : end]


def _part_of(lemmas: Sequence[str], dimensions: Sequence[str]) -> str | None:
    """Rule partitive: what happened to a part of a group of people, said after the group ("Five
    of the six crew members aboard the coast guard plane were killed"): the last word of such a
    measure in the group's clause (``lemmas``). (What the group is, "aboard", is the group's.)"""
    found = None
    for first in range(len(lemmas)):
        looked = _lookup(lemmas[first:], dimensions)
        if looked and BY_ID[looked[0]].counts == "people":
            found = looked[0]
    return found


def _starts_noun_phrase(word: str) -> bool:
    """A name ('Su', 'Il'), a designation or a unit word ('fighters'): not a verb."""
    return word[:1].isupper() or unit_for_surface(word) is not None


def _before(
    text: str,
    words: Sequence[Word],
    quantity: Quantity,
    figures: Sequence[Quantity],
    dimensions: Sequence[str],
    wide: bool,
) -> str | None:
    """The nearest measure word before the figure in its clause: 'killed at least 2,012',
    'the death toll from the quake has risen to 632'; with ``wide``, back to the figure
    before it across commas ("the budget is far smaller, at roughly $150 million").

    A verb of change does not measure the level it reaches ("cut its contingent to fewer
    than 100", ``level``), nor a passive verb the agent after "by" ("sent home by some
    1.2 million migrants", ``agent``)."""
    start = max((f.end for f in figures if f.end <= quantity.start), default=0)
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, start, quantity.start)), default=start)
    # Wide: across commas and asides in brackets, never out of the brackets the figure is in
    # or past a colon ("built ... (APP - 26th Mar, 2024)": the dateline's date was not built).
    bracket = max((m.end() for m in _BRACKET_BREAK.finditer(text, start, quantity.start)), default=start)
    opened = text.rfind("(", start, quantity.start)
    if opened >= 0 and ")" not in text[opened : quantity.start]:
        bracket = max(bracket, opened + 1)
    begin, window = (bracket, 2 * BEFORE_WINDOW) if wide else (clause, BEFORE_WINDOW)
    starts = _starts(text)
    first, end = bisect.bisect_left(starts, begin), bisect.bisect_left(starts, quantity.start)
    while end > first and words[end - 1][2] > quantity.start:
        end -= 1
    before = words[max(first, end - window) : end]
    lemmas = [w[3] for w in before]
    lead = _lead(lemmas)
    if lead == "by" and not _WON_BY.isdisjoint(lemmas) and _MARGIN_DIMENSIONS & frozenset(dimensions):
        # Rule won-by: what a win is by is its margin ("defeated India by 6 wickets", "won the
        # second round by almost 12 points", "defeated Galvez by about 30 percentage points").
        return "margin"
    for first in range(len(lemmas) - 1, -1, -1):
        found = _lookup(lemmas[first:], dimensions)
        # "has risen to 1,300": "have" before a verb is an auxiliary, not what a place has.
        if (
            found
            and lemmas[first] == "have"
            and any(word not in _LEAD_SKIPPED for word in lemmas[first + 1 :])
        ):
            continue
        if found:
            # A phrase that ends on the word found names the measure ("a prison term", not a term).
            longer = (
                _lookup(lemmas[first - back :], dimensions) for back in range(1, min(_LONGEST, first + 1))
            )
            found = next(
                (phrase for back, phrase in enumerate(longer, 1) if phrase and phrase[1] > back), found
            )
            if found[0] in _AFTER_ONLY:
                continue
            if lead == "to" and found[0] in CHANGES:
                return None
            if lead == "by" and COUNT in dimensions:
                return None
            if lead == "from" and COUNT in dimensions:
                # Rule origin: where the counted came from is no count of them ("The dead came
                # from more than 10 countries", "fans present from more than 190 countries").
                return None
            return found[0]
    return None


# The verbs of a win, whose "by" introduces its margin (rule won-by).
_WON_BY = frozenset({"win", "won", "beat", "defeat", "lead", "led", "edge", "outscore", "trounce", "thrash"})
_MARGIN_DIMENSIONS = frozenset({COUNT, SHARE})


def _lead(lemmas: Sequence[str]) -> str:
    """The word that introduces the figure, past its hedge or bound: 'to' in 'cut to fewer than'."""
    for word in reversed(lemmas):
        if word not in _LEAD_SKIPPED:
            return word
    return ""


# After a size, the noun it sizes: not a preposition or adjective that makes it a distance,
# depth or the like ("20 km from", "10 km deep").
# Words that follow a size without it sizing them: "16,000 feet about six minutes into the flight",
# "16,300 feet when the door plug blew out".
_NOT_SIZING = (
    r"of|from|away|long|deep|high|tall|wide|north|south|east|west|off|below|beneath|above|inland|"
    r"offshore|outside|in|on|at|to|and|or|but|by|for|into|across|along|under|over|up|down|with|per|"
    r"a|an|the|this|that|these|those|each|every|apart|ago|later|before|after|than|as|more|less|"
    r"its|their|his|her|our|which|who|whom|whose|it|they|he|she|we|you|i|if|when|while|because|"
    r"so|not|no|also|just|only|still|now|then|there|here|year|years|month|months|week|weeks|day|days|worth|"
    r"is|are|was|were|about|during|until|since|within|amid|toward|towards"
)
_ATTRIBUTIVE = re.compile(rf"\s+(?!(?:{_NOT_SIZING})\b)[a-z]{{3,}}")


# "a border of more than 570 km": the size of the thing named before "of".
_SIZE_OF = re.compile(r"\b[a-z]{3,}\s+of\s+$")


def _attributive(text: str, quantity: Quantity) -> bool:
    """'the 948-foot container ship', 'a 2,400 m runway': a size before the thing it sizes;
    'a border of more than 570 km': after it."""
    if _ATTRIBUTIVE.match(text, quantity.end) is not None:
        return True
    return _SIZE_OF.search(text, max(0, quantity.start - 40), quantity.start) is not None


# What a figure sizes when it stands before a noun: "the 984-foot cargo ship", "a $200
# billion games market", "the 1.6-mile (2.6-kilometer) bridge's supports". Sizes and sums
# only: a count's noun is its unit, and a date or a duration sizes nothing.
_SIZING = frozenset({LENGTH, AREA, MASS, VOLUME, MONEY})
_SIZED_RUN = re.compile(
    r"(?:-(?:long|wide|high|tall|deep))?(?:\s*\([^()]{1,40}\))?((?:\s+[a-z][a-z-]*){1,3})"
)
_NOT_SIZED = re.compile(rf"(?:{_NOT_SIZING})")
SIZED_RULE = "sized-noun"


# Rule sum-of: what a sum is, named after it: "$119 billion in SVB deposits", "$72 billion
# worth of business loans", "$72 billion of SVB's loans", "$1.1 billion in military aid".
_SUM_OF = re.compile(
    r"\s+(?:in|of|worth\s+of)\s+(?:[A-Z][\w.&-]*(?:['’]s?)?\s+){0,2}((?:[a-z][a-z-]*\s+)?[a-z][a-z-]*)(?![\w-])"
)
# ... or before it: "a discount of roughly $16.5 billion", "a termination fee of $2.27 billion".
# ("a loss after tax of $1.8 billion": "tax" ends a phrase that a preposition opens, and names nothing.)
_SUM_NAMED_BEFORE = re.compile(
    r"(?<!\bafter )(?<!\bbefore )(?<!\bper )(?<!\bin )(?<!\bon )(?<!\bfor )\b([a-z]{3,})\s+of\s+$"
)
# Words after "in" or "of" that say how or how much, not what: "$80 billion in value", "in total",
# "in cash", "$2 billion in one day".
_NOT_A_SUM_OF = frozenset({
    "total", "value", "cash", "all", "one", "order", "effort", "addition", "exchange", "sum", "amount",
    "excess", "upwards", "tune", "worth", "figure", "estimate",
})  # fmt: skip


_SHARE_BASE = re.compile(
    r"\s+of\s+(?:(?:the|its|their|his|her|our|all)\s+)?(?:[A-Z][\w.&-]*(?:['’]s?)?\s+){0,2}"
    r"((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)(?![\w-])"
)


def sized_by(text: str, quantity: Quantity) -> tuple[str, ...]:
    """The lemmas of the noun phrase a size or sum stands before ('cargo', 'ship' in "a
    984-foot cargo ship bound for"), up to a word that ends a noun phrase; () when it
    stands before none ("300 metres long", "$50 million to the economy"). A sum before no
    noun may name what it is after it: 'deposit' in "$119 billion in SVB deposits" (``sum-of``)."""
    if dimension_of(quantity.unit) == SHARE and not quantity.per:
        # Rule share-of: what a share is of ("44.3% of the vote", "15% of its workforce").
        base = _SHARE_BASE.match(text, quantity.end)
        return _sized_words(base.group(1), after_of=True) if base is not None else ()
    if dimension_of(quantity.unit) not in _SIZING or quantity.per:
        return ()
    run = _SIZED_RUN.match(text, quantity.end)
    words = _sized_words(run.group(1)) if run is not None else ()
    if not words and dimension_of(quantity.unit) == MONEY:
        named = _SUM_OF.match(text, quantity.end)
        words = _sized_words(named.group(1), after_of=True) if named is not None else ()
        if not words:
            before = _SUM_NAMED_BEFORE.search(text, max(0, quantity.start - 40), quantity.start)
            words = (lemma(before.group(1)),) if before is not None else ()
        if words and words[0] in _NOT_A_SUM_OF:
            return ()
    return words


def _sized_words(run: str, after_of: bool = False) -> tuple[str, ...]:
    """The lemmas of a run of words, up to one that ends a noun phrase (after "of" or "in" a
    noun comes, so a word that may be a verb, "shares", is one)."""
    sized: list[str] = []
    for word in run.split():
        bare = word.strip("-")
        if (
            not bare
            or _NOT_SIZED.fullmatch(bare)
            or (bare in CLAIM_VERBS and not after_of)
            or bare.endswith(("ed", "ing", "ly"))
        ):
            break
        sized.append(lemma(bare))
    return tuple(sized)


def things_of(phrases: Sequence[str], measure: str | None) -> frozenset[str]:
    """What a claim speaks of, as lemmas: the words of its text, subject and aliases, their
    head synonyms ("vessel" for "ship") and the words of its measure ("deal" for a price);
    empty when they name no kind of thing ("The Dali is 300 m long": what the Dali is, the
    claim does not say), so that no figure is judged to size another (``sizes_another``)."""
    words = {lemma(word.lower()) for phrase in phrases for word in _WORD.findall(phrase)}
    if not words & GENERIC_HEADS:
        return frozenset()
    for group in HEAD_SYNONYMS:
        if words & group:
            words |= {lemma(word) for word in group}
    if measure is not None:
        words |= _words_of(measure)
    return frozenset(words)


def sizes_another(sized: Sequence[str], things: frozenset[str]) -> bool:
    """Whether a figure sizes a kind of thing the claim does not speak of: "a 984-foot cargo
    ship" for a claim on a bridge. Both must name a kind ("bridge", "ship": ``GENERIC_HEADS``);
    "the 1.6-mile structure" may be anything."""
    return bool(things) and bool(GENERIC_HEADS.intersection(sized)) and not things.intersection(sized)


def sizes_other_thing(claim: Quantity, source: Quantity) -> bool:
    """Whether both figures say what they size or sum (``sized_by``) and it differs: "$119
    billion in SVB deposits" is no sum of loans (rule ``sum-of``), "a 984-foot cargo ship" no
    length of a bridge. Words of one measure ("deal", "acquisition": a price) and head
    synonyms ("ship", "vessel") name one thing."""
    mine, theirs = set(claim.sized), set(source.sized)
    if not mine or not theirs or mine & theirs:
        return False
    # A size must name a kind on both sides ("the 1.6-mile structure" may be the bridge); what a
    # sum is ("in deposits") is no kind of thing, and names what it is all the same.
    if dimension_of(source.unit) != MONEY and not (mine & GENERIC_HEADS and theirs & GENERIC_HEADS):
        return False
    if any(mine & group and theirs & group for group in HEAD_SYNONYMS):
        return False
    for measure in {claim.measure, source.measure} - {None}:
        words = _words_of(str(measure))
        if mine & words and theirs & words:
            return False
    return True


# Rule earlier-value: "has dropped from 115 to 97", "up from 2% in 2020", "down from 66".
_CHANGED_FROM = re.compile(
    r"\b(?:rise|rose|risen|rising|climb(?:ed|ing)?|jump(?:ed|ing)?|grow|grew|grown|increas(?:ed|ing)|"
    r"drop(?:ped|ping)?|fall|fell|fallen|falling|declin(?:ed|ing)|decreas(?:ed|ing)|revis(?:ed|ing)|"
    r"lower(?:ed)?|rais(?:ed|ing)|cut|up|down)\b[^.;:]{0,40}?\bfrom\s+(?:an?\s+|the\s+)?"
    r"(?:earlier\s+|previous\s+|initial\s+)?$"
    # "a drop from its 2021 valuation of $10 billion": the value before, named and dated.
    r"|\b(?:rise|drop|fall|decline|jump|climb)\s+from\s+(?:its|their|the)\s+(?:(?:19|20)\d\d\s+)?[\w-]+\s+of\s+$"
    # "lower than the $10 billion valuation from 2021", "higher than the 612 million voters who cast
    # their ballots in the previous election": the figure the sentence compares with.
    r"|\b(?:lower|higher|smaller|larger|bigger|greater)\s+than\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?$",
    re.I,
)


# ... and the whole a cut takes a share of: "cut three quarters of Twitter's 7,500 workers", "about
# half of Twitter's 7,500 employees will be let go".
_SHARE_OF = re.compile(
    r"\b(?:half|(?:a|one|two)[\s-]thirds?|(?:a|one|three)[\s-]quarters?|\d+(?:\.\d+)?\s?(?:%|per\s?cent))"
    r"\s+of\s+(?:its|their|the\s+[\w-]+['’]s|[A-Z][\w-]*['’]s)\s+$",
    re.I,
)
_CUT = re.compile(
    r"\b(?:cut(?:s|ting)?|lay(?:s|ing)?\s+off|laid\s+off|let\s+go|fir(?:e|ed|es|ing)|eliminat(?:e|ed|es|ing)|"
    r"shed(?:s|ding)?|slash(?:es|ed|ing)?|reduc(?:e|ed|es|ing)|ax(?:e|ed|es|ing))\b",
    re.I,
)


# Rule possible-value: what someone faces or could receive, a maximum penalty, a potential one.
_POSSIBLE = re.compile(
    r"\b(?:fac(?:e|es|ed|ing)\b[^.;:]{0,30}\b(?:up\s+to|as\s+(?:long|much|many)\s+as|maximum|potential|possible)"
    r"|could\s+(?:have\s+)?(?:fac(?:e|ed)|get|receive|spend|be\s+(?:sentenced|jailed|fined|imprisoned|ordered))"
    r"|(?:statutory\s+)?maximum(?:\s+possible)?\s+(?:prison\s+|jail\s+)?(?:sentence|penalty|term|fine)"
    r"|potential|possibility\s+of)\b[^.;:]{0,35}$",
    re.I,
)
_POSSIBLE_CUE = re.compile(r"fac|could|maxim|potential|possib", re.I)
# "faces up to 110 years": the bound is the figure's own words.
_FACES = re.compile(r"\bfac(?:e|es|ed|ing)\s+(?:an?\s+)?$", re.I)


def possible_value(text: str, quantity: Quantity) -> bool:
    """Whether the figure is the most something could be — what someone faces, could receive,
    the maximum penalty ("Hunter Biden faces a maximum sentence of 17 years in prison",
    "Trump could receive 136 years") — not
    what it is: another fact than the sentence given (rule ``possible-value``)."""
    before = max(0, quantity.start - 80)
    if _POSSIBLE_CUE.search(text, before, quantity.start) is None:  # most figures: no cue at all
        return False
    if quantity.bound is Bound.AT_MOST and _FACES.search(text, max(0, quantity.start - 20), quantity.start):
        return True
    return _POSSIBLE.search(text, before, quantity.start) is not None


# "the 67.4 per cent turnout five years back", "353 seats five years ago", "199 million the year
# before", "$703 million ... a year earlier": a figure of a time before the one the sentence tells of.
_TIME_AGO = re.compile(
    r"[^.;:,]{0,40}?\b(?:(?:\w+|a)\s+(?:years?|months?|decades?|quarters?)\s+(?:ago|back|earlier)"
    r"|the\s+(?:year|month|quarter)\s+before)\b",
    re.I,
)
_TIME_AGO_CUE = re.compile(r"ago|back|earlier|before", re.I)


def earlier_value(text: str, quantity: Quantity) -> bool:
    """Whether the figure is the value before a change its sentence reports ("from 115"), the
    whole a cut takes a share of ("half of Twitter's 7,500 employees will be let go"), or the
    value of a time before ("the 67.4 per cent turnout five years back")."""
    if _CHANGED_FROM.search(text, max(0, quantity.start - 60), quantity.start) is not None:
        return True
    if _TIME_AGO_CUE.search(text, quantity.end, quantity.end + 60) and _TIME_AGO.match(text, quantity.end):
        return True
    return _SHARE_OF.search(text, max(0, quantity.start - 60), quantity.start) is not None and bool(
        _CUT.search(text)
    )


@functools.cache
def _words_of(measure: str) -> frozenset[str]:
    """Every word of a measure's words and phrases ("break up fee": break, up, fee)."""
    return frozenset(lemma(word) for phrase in BY_ID[measure].words for word in phrase.split())


# Rule period: the span of time a figure is counted over ("fell 32 percent over the next 12 days",
# "up 175% so far this year", "gained 3.5% on Tuesday"), as a kind of span. Two figures counted over
# different kinds of span are different facts, though they measure the same thing. ("in 2024" is
# not one: it dates an event as often, which rule event-year reads.)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
PERIODS = (
    ("a day", (
        rf"on\s+(?:the\s+)?{_WEEKDAY}", r"on\s+the\s+day", r"that\s+day", r"today", r"intraday",
        r"in\s+(?:a\s+single|one)\s+(?:day|session)", rf"{_WEEKDAY}['’]s\s+(?:session|close|trading)",
        r"on\s+the\s+session",
        r"in\s+(?:early|late|morning|afternoon|midday|after-hours|pre-?market|extended)\s+trading",
    )),
    ("some days or weeks", (
        r"(?:this|last|that)\s+week", r"over\s+\w+\s+(?:days|weeks)",
        r"in\s+the\s+weeks\s+(?:after|since|following)",
        r"(?:over|in|during|for)\s+the\s+(?:next|past|last|following)\s+(?:\w+\s+)?(?:days|weeks)",
    )),
    ("the year", (
        r"(?:so\s+far\s+)?this\s+year", r"year[\s-]to[\s-]date", r"since\s+january",
        r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+year|this\s+year|(?:19|20)\d\d)",
    )),
    ("twelve months", (
        r"year[\s-](?:over|on)[\s-]year",
        r"(?:in|over)\s+the\s+(?:past|last)\s+(?:12\s+months|twelve\s+months|year)",
        r"from\s+a\s+year\s+(?:earlier|ago)",
    )),
    ("several years", (r"(?:in|over)\s+the\s+(?:past|last)\s+\w+\s+years", r"since\s+(?:19|20)\d\d")),
)  # fmt: skip
# Matched against the text lowercased (twice as fast as ignoring case); the patterns are lowercase.
_PERIOD = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<p{number}>{'|'.join(patterns)})" for number, (_, patterns) in enumerate(PERIODS))
    + r")\b"
)
# "the most since 2020", "its worst day since 2008": a record's span, not the figure's.
_RECORD_BEFORE = re.compile(
    r"\b(?:most|biggest|largest|worst|best|highest|lowest|steepest|sharpest)\b[^.;]{0,25}$", re.I
)
# "said on Tuesday": when it was told, not the span it was counted over.
_TOLD_BEFORE = re.compile(r"\b(?:said|says|announced|reported|told|added|confirmed|stated)\s+$", re.I)
_SENTENCE_END = re.compile(r"[;!?]|\.(?=\s|$)")
EVENT_UNITS = CALENDAR_UNITS | {"clock"}


def may_have_period(text: str) -> bool:
    """Whether the text names a span of time a figure may be counted over (``period_of``)."""
    # Every span's words hold one of a few anchors, at most 60 characters after its start and 40
    # before its end: the long pattern is tried only around them (tried everywhere, it was a tenth
    # of reading the figures).
    lowered = _lowered(text)
    return any(
        _PERIOD.search(lowered, max(0, anchor.start() - 60), anchor.end() + 40) is not None
        for anchor in _PERIOD_ANCHOR.finditer(lowered)
    )


_PERIOD_ANCHOR = re.compile(r"day|week|year|month|session|trading|since")


@functools.lru_cache(maxsize=64)  # a text's figures ask one after the other
def _lowered(text: str) -> str:
    """The text lowercased, offsets kept (a letter whose lowercase is longer is left as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) > 1 else c.lower() for c in text)


def period_of(text: str, quantity: Quantity, figures: Sequence[Quantity]) -> str | None:
    """The kind of span of time the figure is counted over, when its sentence says so (rule
    ``period``): span words of ``PERIODS`` right after it, with no other amount between ("up
    more than 215% in the past 12 months and more than 3,400% in the past five years"), or
    opening its sentence before any amount ("So far this year, Nvidia shares are up 175%");
    None when it says none."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, quantity.start)), default=0)
    end_match = _SENTENCE_END.search(text, quantity.end)
    end = end_match.start() if end_match else len(text)
    amounts = [
        f for f in figures if f.unit not in CALENDAR_UNITS and f.unit != "clock" and start <= f.start < end
    ]
    for match in _PERIOD.finditer(_lowered(text), start, end):
        if _RECORD_BEFORE.search(text, start, match.start()) or _TOLD_BEFORE.search(
            text, start, match.start()
        ):
            continue
        before = [f for f in amounts if f.end <= match.start()]
        after = [f for f in amounts if f.start >= match.end()]
        # A span belongs to the amount right before it; one that opens the sentence, to the first after.
        owner = before[-1] if before else (after[0] if after else None)
        if owner is quantity:
            return next(PERIODS[int(name[1:])][0] for name, value in match.groupdict().items() if value)
    return None
