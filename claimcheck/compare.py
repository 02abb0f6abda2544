"""The one notion of "same quantity": whether two figures measure the same
thing, and whether their values are compatible.

Two figures measure the same thing when their units are the same or differ
only in scale (m vs km) and their identifying qualifiers do not clash ("20
Su-25 attack planes" is not "two Il-76 cargo planes"; "200 French troops" is
not "7,000 Russian troops"). Values are compared as intervals: an exact
figure is a point, a bound is a half-line, a range is a segment. They agree
when the intervals meet, or — when either side is hedged — when they are
within the relative tolerance of each other. Calendar years use an absolute
tolerance of one year when hedged, never a relative one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimcheck.model import Bound, Quantity
from claimcheck.units import CALENDAR_UNITS, base_unit, same_dimension

HEDGED_YEAR_TOLERANCE = 1


@dataclass(frozen=True, slots=True)
class Comparison:
    """Whether a source's figure is compatible with a claim's, and why, in words."""

    compatible: bool
    reason: str


def same_quantity(first: Quantity, second: Quantity) -> bool:
    """Whether two figures measure the same kind of thing."""
    # The cheap tests first: the check asks this of every figure of every mention.
    if first.unit != second.unit and not same_dimension(first.unit, second.unit):
        return False
    if not first.qualifiers or not second.qualifiers:
        return True
    mine, theirs = _identifying(first), _identifying(second)
    return not (mine and theirs and not mine & theirs)


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
    scale_claim, scale_source = base_unit(claim.unit)[1], base_unit(source.unit)[1]
    low_c, high_c = _interval(claim, scale_claim)
    low_s, high_s = _interval(source, scale_source)
    gap = max(0.0, low_s - high_c, low_c - high_s)
    bounded = claim.bound or source.bound or claim.upper or source.upper
    if gap == 0:
        if bounded:
            return Comparison(True, f"{said}: consistent")
        return Comparison(True, f"{said}: same figure")
    size = max(abs(claim.value * scale_claim), abs(source.value * scale_source))
    apart = gap / size if size else math.inf
    hedged = claim.approx or source.approx
    percent = _percent(apart)
    if hedged and apart <= tolerance + 1e-9:
        return Comparison(True, f"{said}: {percent} apart, within the {_percent(tolerance)} tolerance")
    if hedged:
        return Comparison(False, f"{said}: {percent} apart, beyond the {_percent(tolerance)} tolerance")
    if bounded:
        return Comparison(False, f"{said}: {percent} outside the bound")
    return Comparison(False, f"{said}: {percent} apart and neither is hedged")


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
        return Comparison(False, f"{said}: {years_apart:g} years apart")
    if years_apart == 0 and claim.month and source.month and claim.month != source.month:
        return Comparison(False, f"{said}: same year, different month")
    same_month = claim.month == source.month
    if years_apart == 0 and claim.day and source.day and same_month and claim.day != source.day:
        return Comparison(False, f"{said}: same month, different day")
    if years_apart:
        return Comparison(True, f"{said}: within a year, and one side is hedged")
    return Comparison(True, f"{said}: same date")


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
        return ("about " if quantity.approx else "") + text
    number = format_number(quantity.value)
    if quantity.upper is not None:
        number += f" to {format_number(quantity.upper)}"
    unit = quantity.unit or ""
    if unit == "usd":
        text = f"${number}"
    elif unit == "percent":
        text = f"{number}%"
    else:
        text = f"{number} {unit}".strip()
    if quantity.bound is Bound.AT_LEAST:
        return f"more than {text}"
    if quantity.bound is Bound.AT_MOST:
        return f"up to {text}"
    return f"about {text}" if quantity.approx else text
