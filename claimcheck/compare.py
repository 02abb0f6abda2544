"""The one notion of "same quantity": whether two figures state the same fact, and
whether their values are compatible.

Two figures can state the same fact when their units convert into one another (m and
km; a count's noun and its plural), their identifying qualifiers do not clash ("20
Su-25 attack planes" is not "two Il-76 cargo planes"), and they measure the same thing
(``same_fact``): "killed 820" and "injured 672" are both people, but deaths are not
injuries. A match is *strong* when both sides name the same measure, *weak* when one
side names none. Values are compared as intervals: an exact figure is a point, a bound
is a half-line, a range is a segment. They agree when the intervals meet, or — when
either side is hedged — when they are within the relative tolerance of each other.
Calendar years use an absolute tolerance of one year when hedged, times of day a
quarter of an hour, never a relative one.

Every verdict names the rule that decided it, in brackets at the end of its reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from claimcheck.measures import BY_ID as MEASURES
from claimcheck.measures import RELATED as RELATED_MEASURES
from claimcheck.measures import sizes_another, sizes_other_thing
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
from claimcheck.units import (
    AREA,
    CALENDAR_UNITS,
    CLOCK,
    COUNT,
    DATE,
    MONEY,
    SHARE,
    base_unit,
    dimension_of,
    same_dimension,
    unit_named,
)

HEDGED_YEAR_TOLERANCE = 1
# Hours: a hedged time of day ("around 1:30 a.m.") meets one a quarter of an hour away.
HEDGED_TIME_TOLERANCE = 0.25
# How sure a match of two figures is that they state one fact.
STRONG, WEAK = 2, 1


@dataclass(frozen=True, slots=True)
class Comparison:
    """Whether a source's figure is compatible with a claim's, and why, in words."""

    compatible: bool
    reason: str


def same_quantity(first: Quantity, second: Quantity) -> bool:
    """Whether two figures measure the same kind of thing: units that convert (or counts of
    one fact's people), qualifiers that do not clash."""
    # The cheap tests first: the check asks this of every figure of every mention.
    different = first.unit != second.unit and not same_dimension(first.unit, second.unit)
    if different and (first.measure is None or not _same_people(first, second)):
        return False
    if first.per != second.per:
        return False
    if first.unit == "clock" and _zone(first) != _zone(second):
        return False
    if first.unit == "year" and (
        _unplaced(first) or _unplaced(second) or _placed_without_month(first, second)
    ):
        return False
    if not first.qualifiers or not second.qualifiers:
        return True
    mine, theirs = _identifying(first), _identifying(second)
    return not (mine and theirs and not mine & theirs)


@dataclass(frozen=True, slots=True)
class Match:
    """How sure it is that a source's figure states the claim's fact (``STRONG``, ``WEAK``,
    or 0 for another fact), the rule that says so, and what the source measures instead."""

    strength: int
    rule: str
    reason: str = ""
    # Whether a figure that differs is a conflict; if not, it may agree but differ as a gap.
    decisive: bool = True


def same_fact(
    claim: Quantity,
    source: Quantity,
    things: frozenset[str] | None = None,
    as_of: str | None = None,
    same_lead: bool = False,
) -> Match:
    """Whether a source's figure (of the same kind, ``same_quantity``) states the claim's fact.

    - ``earlier-year``: the source's figure is of a sentence about an earlier year than its
      article's ("In 2004, at least 628 people were killed"), and the claim names no time
      (``as_of``): another event's — unless the claim's figure is one of an earlier year's
      event too (compare puts such statements to the sources, ``facts.facts``);
    - ``earlier-value``: the source's figure is the value before a change its sentence reports
      ("has dropped from 115 to 97"): not what the source says of the fact now;
    - ``increment``: the source's figure is what was added ("an additional 1,250 flights"),
      the claim's a whole: another fact;
    - ``possible-value``: one side's figure is the most it could be ("faces a maximum sentence of
      110 years", ``measures.possible_value``), the other's what it is ("was sentenced to 25
      years"): another fact;
    - ``period``: each says the span of time its figure is counted over, and they differ ("fell
      32 percent over the next 12 days" for a fall "on the day of the outage"; "up 175% so far this
      year" for a gain "on Tuesday", ``measures.period_of``): another fact;
    - ``sized-noun``: the source's figure sizes a thing none of the claim's ``things`` names
      (``measures.things_of``): "the 984-foot cargo ship" is no length of a bridge; or both
      say what they size or sum, and it differs ("$119 billion in SVB deposits" for a claim
      on "$72 billion of SVB's loans": ``measures.sizes_other_thing``);
    - ``same-measure``: both name one measure ("killed 820" for "killed about 800");
    - ``other-measure``: each names another (5.3 million servicemen *moved through* a hub
      are not its *staff*; injured are not dead): never the same fact;
    - ``unit-only``: neither names one, and they count the same specific thing ("243
      aftershocks") — strong; of a generic unit (people, a bare number) weak. Of a unit that
      names only a dimension (a sum, a share, a date: ``_dimension_only``), a figure that differs
      is no conflict (``Match.decisive``) — unless the same word introduces both (``same_lead``:
      "withdrew $142 billion" for "withdrew more than $40 billion"), which says what the figure
      is as a measure's name would;
    - ``one-measure``: only one side names its measure — weak.
    """
    match = _same_fact(claim, source, things, as_of, same_lead)
    if match.strength and (IMPLIED_PER in claim.qualifiers or IMPLIED_PER in source.qualifiers):
        # Rule share-price: a price a share read from the stock it is said of may agree, but one
        # that differs may be another day's or another deal's ("closing stock price on Friday of
        # $65.39" beside a deal at $95 a share).
        return replace(match, decisive=False)
    claim_part, source_part = PARTITIVE in claim.qualifiers, PARTITIVE in source.qualifiers
    if match.strength > WEAK and claim_part != source_part:
        part = claim if claim_part else source
        if DEFAULT_MEASURE in part.qualifiers or part.measure is None:
            # Rule partitive: a part of a group that no word says what happened to ("6,800 of the
            # 10,500 athletes will attend") may be a subset of the whole ("10,500 athletes"): it may
            # agree, never conflict. A part its words measure ("won 240 of the 543 seats", "five of
            # the six crew members were killed") states that fact as a whole would.
            return replace(match, strength=WEAK)
    return match


def _same_fact(
    claim: Quantity,
    source: Quantity,
    things: frozenset[str] | None,
    as_of: str | None,
    same_lead: bool,
) -> Match:
    earlier = EARLIER_YEAR in source.qualifiers and EARLIER_YEAR not in claim.qualifiers
    # A claim that names its event's year ("the 1999 quake") meets an earlier year's figures of
    # that year only (``same_quantity``: the names must not clash).
    if earlier and as_of is None and claim.unit != "year" and event_year(claim) is None:
        return Match(0, "earlier-year", "a figure of an earlier year's event")
    if EARLIER_VALUE in source.qualifiers and EARLIER_VALUE not in claim.qualifiers:
        return Match(0, "earlier-value", "the value before the change it reports")
    if _added(source) and not _added(claim):
        return Match(0, "increment", "what was added to a whole")
    if (POSSIBLE_VALUE in source.qualifiers) != (POSSIBLE_VALUE in claim.qualifiers):
        if POSSIBLE_VALUE in source.qualifiers:
            return Match(0, "possible-value", "the most it could be")
        return Match(0, "possible-value", "what it is (the claim gives the most it could be)")
    if (period := _period(source)) and (claimed := _period(claim)) and period != claimed:
        return Match(0, "period", f"a figure over {period} (the claim's is over {claimed})")
    if (things is not None and sizes_another(source.sized, things)) or sizes_other_thing(claim, source):
        return Match(0, "sized-noun", f"a figure of the {' '.join(source.sized)}")
    if claim.measure and source.measure:
        if claim.measure == source.measure:
            if _sum_named_by_claim_alone(claim, source):
                return Match(WEAK, "sum-of")
            return Match(STRONG, "same-measure")
        if frozenset((claim.measure, source.measure)) in RELATED_MEASURES:
            return Match(WEAK, "related-measure")
        defaulted = DEFAULT_MEASURE in claim.qualifiers or DEFAULT_MEASURE in source.qualifiers
        if defaulted and claim.unit == source.unit and _specific(claim.unit):
            # One side's measure is only its dimension's default, and both count one specific
            # thing ("8.5 million Windows devices" crashed, affected): no word says it is another.
            return Match(WEAK, "one-measure")
        return Match(0, "other-measure", MEASURES[source.measure].name)
    if not claim.measure and not source.measure:
        specific = claim.unit == source.unit and _specific(claim.unit)
        decisive = same_lead or not _dimension_only(claim.unit)
        return Match(STRONG if specific else WEAK, "unit-only", decisive=decisive)
    return Match(WEAK, "one-measure")


def so_far_below(claim: Quantity, source: Quantity) -> bool:
    """Rule so-far: whether the source gives a count so far ("the death toll rises to 95", "5,738
    wild fires in Canada so far this year") below the claim's: it may still reach it, so it is
    no conflict. (Above it, the claim's count is already passed.)"""
    return (
        SO_FAR in source.qualifiers
        and SO_FAR not in claim.qualifiers
        and dimension_of(source.unit) in (COUNT, AREA)
        and (source.upper or source.value) < claim.value
    )


def _sum_named_by_claim_alone(claim: Quantity, source: Quantity) -> bool:
    """Rule sum-of, one-sided: the claim says what its sum is ("$8.5 billion of Tesla shares"), the
    source's sum says nothing of what it is ("agreed to buy Twitter for a total of US$44 billion"):
    the same measure (both a price), but maybe not the same thing bought — a weak match."""
    return dimension_of(claim.unit) == MONEY and bool(claim.sized) and not source.sized


def _specific(unit: str | None) -> bool:
    """A unit that says what is counted or measured by itself: aftershocks, km; not people."""
    return unit is not None and unit not in ("people", "personnel") and unit_named(unit) is not None


def _dimension_only(unit: str | None) -> bool:
    """A unit that names only a dimension every story has many figures of — a sum, a share, a
    date, a time of day: a price and a fine are both dollars, a fall and a stake both percent, a
    launch and a landing both dates. (A span of time is most often said with what lasted: "has
    operated for 43 years".)"""
    return dimension_of(unit) in _DIMENSION_ONLY


_DIMENSION_ONLY = frozenset({MONEY, SHARE, DATE, CLOCK})


def may_be_same_day(claim: Quantity, figure: Quantity) -> bool:
    """Whether a date the check cannot compare (its year unknown: "on Sept. 26" in an undated
    page) gives the claim's day, which rule same-day reads (``verdicts``)."""
    return (
        claim.day is not None
        and claim.unit in CALENDAR_UNITS
        and figure.unit == claim.unit
        and (figure.month, figure.day) == (claim.month, claim.day)
    )


def may_count_same_people(claim: Quantity, figure: Quantity) -> bool:
    """Whether a count not yet measured may count the claim's people ("six workers" for "six
    people dead"): ``same_quantity`` decides once it is."""
    measure = MEASURES.get(claim.measure or "")
    return (
        figure.measure is None
        and measure is not None
        and measure.counts == "people"
        and dimension_of(claim.unit) == dimension_of(figure.unit) == COUNT
    )


def _same_people(first: Quantity, second: Quantity) -> bool:
    """'six workers killed' and 'six people dead': counts of the same people measure, whoever
    the noun names."""
    measure = first.measure if first.measure == second.measure else None
    return (
        measure is not None
        and MEASURES[measure].counts == "people"
        and dimension_of(first.unit) == dimension_of(second.unit) == COUNT
    )


def _unplaced(quantity: Quantity) -> bool:
    """A date whose year the article's date could not give ("on March 26" in an undated page)."""
    return "no-year" in quantity.qualifiers or "relative" in quantity.qualifiers


def _placed_without_month(first: Quantity, second: Quantity) -> bool:
    """A date the article's date placed ("on March 26") is a day of the article's news: it meets
    a claim that names the month, never one that states a year alone."""
    return (PLACED_YEAR in first.qualifiers and second.month is None) or (
        PLACED_YEAR in second.qualifiers and first.month is None
    )


def _zone(quantity: Quantity) -> str:
    """The time zone of a time of day: 'utc' for GMT, '' for local time or none named."""
    return "utc" if "utc" in quantity.qualifiers else ""


def _period(quantity: Quantity) -> str | None:
    """The kind of span of time the figure is counted over, if its words say (rule ``period``)."""
    return next((mark[len(PERIOD) :] for mark in quantity.qualifiers if mark.startswith(PERIOD)), None)


def _added(quantity: Quantity) -> bool:
    """Rule increment: "an additional 1,250 flights", "four additional sports" are what was
    added to a whole, never the whole."""
    return "additional" in quantity.qualifiers or "extra" in quantity.qualifiers


def event_year(quantity: Quantity) -> int | None:
    """The year a figure's sentence dates its event by ("In 2004, at least 628 people were killed",
    "the 1999 quake killed", ``quantities._with_event_year``); None when it names none."""
    return next((int(word) for word in quantity.qualifiers if len(word) == 4 and word.isdigit()), None)


def _identifying(quantity: Quantity) -> frozenset[str]:
    """Qualifiers that name something: 'Su-25', 'Russian', 'U.S.' — not 'additional'."""
    return frozenset(
        word.lower().rstrip(".")
        for word in quantity.qualifiers
        if word[:1].isupper() or any(ch.isdigit() for ch in word)
    )


def compare(claim: Quantity, source: Quantity, tolerance: float) -> Comparison:
    """Compare a source's figure with a claim's (same_quantity must hold)."""
    said = f"source says {describe(source)}; claim says {describe(claim)}"
    if claim.unit in CALENDAR_UNITS:
        return _compare_dates(claim, source, said)
    if dimension_of(claim.unit) == CLOCK:
        return _compare_times(claim, source, said)
    scale_claim, scale_source = base_unit(claim.unit)[1], base_unit(source.unit)[1]
    low_c, high_c = _interval(claim, scale_claim)
    low_s, high_s = _interval(source, scale_source)
    gap = max(0.0, low_s - high_c, low_c - high_s)
    bounded = claim.bound or source.bound or claim.upper or source.upper
    if gap == 0:
        if bounded:
            return Comparison(True, f"{said}: consistent (within-bound)")
        return Comparison(True, f"{said}: same figure (same-figure)")
    size = max(abs(claim.value * scale_claim), abs(source.value * scale_source))
    apart = gap / size if size else math.inf
    hedged = claim.approx or source.approx
    percent = _percent(apart)
    if hedged and apart <= tolerance + 1e-9:
        return Comparison(
            True, f"{said}: {percent} apart, within the {_percent(tolerance)} tolerance (within-tolerance)"
        )
    if hedged:
        return Comparison(
            False, f"{said}: {percent} apart, beyond the {_percent(tolerance)} tolerance (beyond-tolerance)"
        )
    if bounded:
        return Comparison(False, f"{said}: {percent} outside the bound (outside-bound)")
    coarse = _rounded_to(claim, scale_claim, source, scale_source)
    if coarse is not None:
        return Comparison(True, f"{said}: {percent} apart, the rounding of {coarse.text.strip()} (rounded)")
    return Comparison(False, f"{said}: {percent} apart and neither is hedged (exact-figures-differ)")


_ROUNDED_DIGITS = 3
_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _rounded_to(
    claim: Quantity, scale_claim: float, source: Quantity, scale_source: float
) -> Quantity | None:
    """Rule rounded: of two exact figures, the one written with fewer decimals, when it is written
    with two or more digits, if the other rounds to it — "125 degrees Fahrenheit" for 125.2, "140
    mph" for "225 kph" (140 mph is 225.3 km/h), "$1.6 billion" for $1.61 billion; not "$13bn"
    for $12.5 billion, which is as near 12 as 13, nor "$2 billion" for $1.6 billion."""
    steps = [(_written_step(q), q, scale) for q, scale in ((claim, scale_claim), (source, scale_source))]
    known = [(step, q, scale) for step, q, scale in steps if step is not None]
    if len(known) < 2:
        return None
    step, coarse, scale = max(known, key=lambda entry: entry[0] * entry[2])
    apart = abs(claim.value * scale_claim - source.value * scale_source)
    return coarse if apart < step * scale / 2 else None


def _digits_of(written: re.Match[str]) -> str:
    """The digits a number is written with, from its first that is not zero ("0.76" -> "76")."""
    return written.group().replace(",", "").replace(".", "").lstrip("0")


def _written_step(quantity: Quantity) -> float | None:
    """The step of the last digit the figure is written with, in its unit ("225 kph": 1, "$1.61
    billion": 10 million); None when it is written with fewer than two digits or not in digits."""
    match = _WRITTEN_NUMBER.search(quantity.text)
    if match is None:
        return None
    digits = _digits_of(match)
    written = float(match.group().replace(",", ""))
    if len(digits) < 2 or not written:
        return None
    decimals = len(match.group(1) or "")
    # A whole number's trailing zeros are rounding too when three digits or more come before them
    # ("484,500" or "526,000" for 484,507 or 526,409); with fewer they are a round figure ("230
    # seats" is not 234, "16,000 feet" not 16,300).
    significant = len(digits.rstrip("0"))
    zeros = len(digits) - significant if not decimals and significant >= _ROUNDED_DIGITS else 0
    return 10.0 ** (zeros - decimals) * quantity.value / written


# Rule distinct-figure: an exact figure written with this many significant digits or more
# ("14,476,462 votes", "1,175 injured", "55.69%") is seldom another fact's by chance.
DISTINCT_DIGITS = 4


def distinct_figure(quantity: Quantity) -> bool:
    """Whether the figure is exact and written with ``DISTINCT_DIGITS`` significant digits or
    more, and is no date or time of day (which many facts share)."""
    if quantity.approx or quantity.bound is not None or quantity.upper is not None:
        return False
    if quantity.unit in CALENDAR_UNITS or dimension_of(quantity.unit) == CLOCK:
        return False
    match = _WRITTEN_NUMBER.search(quantity.text)
    return match is not None and len(_digits_of(match).rstrip("0")) >= DISTINCT_DIGITS


def coarser_date(claim: Quantity, source: Quantity) -> bool:
    """Whether the source's date leaves out the month or the day the claim's gives: consistent,
    but it confirms nothing ("in 2023" for "March 10, 2023", rule ``coarser-date``)."""
    if claim.unit not in CALENDAR_UNITS or source.unit not in CALENDAR_UNITS:
        return False
    return bool((claim.month and not source.month) or (claim.day and not source.day))


def states_figure(claim: Quantity, source: Quantity, tolerance: float) -> bool:
    """Whether the source's figure is the claim's own, not merely consistent with it: it agrees,
    to the claim's day where the claim gives one, and lies within the tolerance of the claim's
    figure taken as a point ("more than 200" dead is met by "at least 1,833", not stated by it)."""
    if not compare(claim, source, tolerance).compatible or coarser_date(claim, source):
        return False
    point = replace(claim, bound=None, approx=True)
    return compare(point, replace(source, bound=None), tolerance).compatible


# One fact misreported seldom doubles or halves (rule ``far-apart``).
FAR_APART = 0.5


def far_apart(first: Quantity, second: Quantity) -> bool:
    """Whether two figures are more than twice apart (in one unit): as often two facts as one
    fact misreported. Dates and times of day are never far apart this way."""
    if dimension_of(first.unit) in (DATE, CLOCK) or dimension_of(second.unit) in (DATE, CLOCK):
        return False
    low, high = sorted(
        (abs(first.value) * base_unit(first.unit)[1], abs(second.value) * base_unit(second.unit)[1])
    )
    return high > 0 and (high - low) / high > FAR_APART


def far_past_bound(claim: Quantity, source: Quantity, tolerance: float) -> bool:
    """Whether the claim's figure is a bound ("more than $40 billion") that the source's exact
    figure meets only from beyond the tolerance ("$175 billion"): any larger sum would."""
    if claim.bound is None or source.bound is not None or source.upper is not None or not claim.value:
        return False
    if claim.unit in CALENDAR_UNITS or dimension_of(claim.unit) == CLOCK:
        return False
    value_claim = claim.value * base_unit(claim.unit)[1]
    value_source = source.value * base_unit(source.unit)[1]
    return abs(value_source - value_claim) / max(abs(value_source), abs(value_claim)) > tolerance


def _interval(quantity: Quantity, scale: float) -> tuple[float, float]:
    low = quantity.value * scale
    high = (quantity.upper if quantity.upper is not None else quantity.value) * scale
    if quantity.bound is Bound.AT_LEAST:
        high = math.inf
    elif quantity.bound is Bound.AT_MOST:
        low = -math.inf
    return low, high


def _compare_dates(claim: Quantity, source: Quantity, said: str) -> Comparison:
    slack = HEDGED_YEAR_TOLERANCE if (claim.approx or source.approx) else 0
    low_c, high_c = _interval(claim, 1.0)
    low_s, high_s = _interval(source, 1.0)
    years_apart = max(0.0, low_s - high_c, low_c - high_s)
    if years_apart > slack:
        return Comparison(False, f"{said}: {years_apart:g} years apart (dates-differ)")
    if years_apart == 0 and claim.month and source.month and claim.month != source.month:
        return Comparison(False, f"{said}: same year, different month (dates-differ)")
    same_month = claim.month == source.month
    if years_apart == 0 and claim.day and source.day and same_month and claim.day != source.day:
        return Comparison(False, f"{said}: same month, different day (dates-differ)")
    if years_apart:
        return Comparison(True, f"{said}: within a year, and one side is hedged (within-tolerance)")
    return Comparison(True, f"{said}: same date (same-figure)")


def _compare_times(claim: Quantity, source: Quantity, said: str) -> Comparison:
    slack = HEDGED_TIME_TOLERANCE if (claim.approx or source.approx) else 0.0
    low_c, high_c = _interval(claim, 1.0)
    low_s, high_s = _interval(source, 1.0)
    apart = max(0.0, low_s - high_c, low_c - high_s)
    minutes = round(apart * 60)
    if apart > slack + 1e-9:
        return Comparison(False, f"{said}: {minutes} minutes apart (times-differ)")
    if apart:
        return Comparison(True, f"{said}: {minutes} minutes apart, and one side is hedged (within-tolerance)")
    return Comparison(True, f"{said}: same time (same-figure)")


def _percent(share: float) -> str:
    if math.isinf(share):
        return "infinitely"
    shown = round(share * 100)
    return f"{shown}%" if shown or share == 0 else f"{share * 100:.1f}%"


def format_number(value: float) -> str:
    """'7,500', '1.2 million', '0.5' — how a figure is shown in reasons and reports."""
    if value != value or math.isinf(value):
        return str(value)
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale and (value / scale) * 100 == int((value / scale) * 100):
            return f"{value / scale:g} {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _clock(hours: float) -> str:
    minutes = round(hours * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def describe(quantity: Quantity) -> str:
    """A figure in words: 'about 500 personnel', 'up to 20 aircraft', 'June 15, 2001'."""
    if quantity.unit in CALENDAR_UNITS:
        text = str(int(quantity.value))
        if quantity.month:
            months = (
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            )
            day = f" {quantity.day}," if quantity.day else ""
            text = f"{months[quantity.month - 1]}{day} {text}"
            if _unplaced(quantity):  # "on March 26" in an undated page: no year to show
                text = f"{months[quantity.month - 1]}{day}".rstrip(",")
        return ("about " if quantity.approx else "") + text
    record = unit_named(quantity.unit)
    if record is not None and record.dimension == CLOCK:
        text = _clock(quantity.value)
        if quantity.upper is not None:
            text += f" to {_clock(quantity.upper)}"
        return ("about " if quantity.approx else "") + text + (" GMT" if _zone(quantity) else "")
    number = format_number(quantity.value)
    if quantity.upper is not None:
        number += f" to {format_number(quantity.upper)}"
    unit = quantity.unit or ""
    if unit == "hours" and quantity.upper is None and (elapsed := _elapsed(quantity.value)):
        number, unit = elapsed, ""  # "2:00:35", as a race's time is written, not "2.01 hours"
    if record is not None and record.dimension == MONEY and record.symbol:
        text = f"{record.symbol}{number}"
    elif unit == "percent":
        text = f"{number}%"
    else:
        text = f"{number} {unit}".strip()
    if quantity.per:
        text += f" per {quantity.per}"
    if quantity.bound is Bound.AT_LEAST:
        return f"more than {text}"
    if quantity.bound is Bound.AT_MOST:
        return f"up to {text}"
    return f"about {text}" if quantity.approx else text


def _elapsed(hours: float) -> str | None:
    """Hours as h:mm:ss when they hold whole seconds that are not whole minutes (2:00:35)."""
    seconds = hours * 3600
    whole = round(seconds)
    if abs(seconds - whole) > 1e-6 or whole % 60 == 0:
        return None
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
