import pytest

from claimcheck.compare import STRONG, WEAK, compare, describe, format_number, same_fact, same_quantity
from claimcheck.model import Bound, Quantity
from claimcheck.quantities import extract_quantities


def q(value: float, unit: str = "personnel", **kwargs) -> Quantity:
    return Quantity(value, unit, **kwargs)


@pytest.mark.parametrize(
    ("claim", "source", "compatible"),
    [
        (q(500, approx=True), q(400, approx=True), False),  # 20% apart
        (q(500, approx=True), q(550, approx=True), True),  # 9.1% apart
        (q(7000), q(7500), False),  # exact figures that differ
        (q(7000, approx=True), q(7500), True),  # 6.7%, one side hedged
        (q(7000), q(7000, approx=True), True),
        (q(20, "aircraft", bound=Bound.AT_MOST), q(2, "aircraft"), True),
        (q(20, "aircraft", bound=Bound.AT_MOST), q(30, "aircraft"), False),
        (q(3500, bound=Bound.AT_LEAST), q(4000, bound=Bound.AT_LEAST), True),
        (q(3000, bound=Bound.AT_MOST), q(3500, bound=Bound.AT_LEAST), False),
        (q(550, approx=True), q(500, upper=600), True),
        (q(7000), q(500, upper=600), False),
        (q(20000, "m", approx=True), q(20, "km"), True),  # scale conversion
        (q(2003, "year"), q(2003, "year"), True),
        (q(2003, "year", approx=True), q(2004, "year"), True),  # one year when hedged
        (q(2003, "year"), q(2004, "year"), False),
        (q(2001, "year", month=6, day=15), q(2001, "year", month=6, day=16), False),
        (q(2006, "year", month=11), q(2006, "year"), True),
    ],
)
def test_compatibility(claim: Quantity, source: Quantity, compatible: bool) -> None:
    assert compare(claim, source, tolerance=0.10).compatible is compatible


def test_reason_names_both_figures_and_the_distance() -> None:
    result = compare(q(500, approx=True), q(400, approx=True), tolerance=0.10)
    assert result.reason == (
        "source says about 400 personnel; claim says about 500 personnel: 20% apart, beyond the 10% tolerance"
        " (beyond-tolerance)"
    )


def test_a_calendar_year_never_uses_relative_tolerance() -> None:
    assert not compare(q(2003, "year", approx=True), q(2010, "year"), tolerance=0.10).compatible


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (q(1, "km"), q(1, "m"), True),
        (q(1, "km"), q(1, "hectares"), False),
        (q(1, "year"), q(1, "years"), False),
        (q(20, "aircraft", qualifiers=("Su-25",)), q(2, "aircraft", qualifiers=("Il-76", "cargo")), False),
        (q(200, qualifiers=("French",)), q(7000, qualifiers=("Russian",)), False),
        (q(500, qualifiers=("Russian",)), q(400), True),
        (q(500, qualifiers=("additional",)), q(400, qualifiers=("Russian",)), True),
    ],
)
def test_same_quantity(first: Quantity, second: Quantity, same: bool) -> None:
    assert same_quantity(first, second) is same


def test_describe_and_format() -> None:
    assert describe(q(50_000_000, "usd")) == "$50 million"
    assert describe(q(20, "aircraft", bound=Bound.AT_MOST)) == "up to 20 aircraft"
    assert describe(q(2001, "year", month=6, day=15)) == "June 15, 2001"
    # A span in hours with odd seconds is written as a race's time is; a round one stays in hours.
    assert describe(q(2 + 35 / 3600, "hours")) == "2:00:35"
    assert describe(q(1.5, "hours")) == "1.5 hours"
    assert format_number(7500) == "7,500"
    assert format_number(0.5) == "0.5"


@pytest.mark.parametrize(
    ("claimed", "found", "compatible"),
    [
        # hajj-heat-2024 08_dnaindia, 12_noahnews: "125.2 Fahrenheit" for a peak of 125 degrees.
        ("125 degrees Fahrenheit", "125.2 Fahrenheit", True),
        # hurricane-helene 01_etvbharat: "225 kph" for 140 mph (225.3 km/h).
        ("140 mph", "225 kph", True),
        ("$1.6 billion", "$1.61 billion", True),
        # twitter-takeover 10_tribuneindia: $12.5 billion is as near 12 as 13 (labelled conflict).
        ("$13bn", "$12.5 billion", False),
        # A figure of one digit is a round number, not a rounding: $1.6 billion is not "$2 billion".
        ("$2 billion", "$1.6 billion", False),
        # baltimore-bridge 10_marinelog: 946 is no rounding of 948.
        ("948 feet", "946 feet", False),
        ("$135.58", "$135", False),
        # tesla-deliveries-2023 11_westernstandard, 12_morningbrew: trailing zeros after three digits
        # or more are a rounding too; after fewer, a round figure (india-election-2024 03_independent,
        # alaska-door-plug 10_dailybeast: both labelled conflict).
        ("484,507 vehicles", "484,500 vehicles", True),
        ("526,409 vehicles", "526,000 vehicles", True),
        ("234 seats", "230 seats", False),
        ("16,300 feet", "16,000 feet", False),
    ],
)
def test_an_exact_figure_stands_for_what_rounds_to_it(claimed: str, found: str, compatible: bool) -> None:
    """Rule rounded: the figure written with fewer decimals, of two digits or more, holds every
    value that rounds to it."""
    (claim,) = extract_quantities(claimed)
    (source,) = extract_quantities(found)
    result = compare(claim, source, 0.1)
    assert result.compatible is compatible, result.reason
    assert result.reason.endswith("(rounded)") is compatible


def test_a_part_of_a_group_no_word_measures_may_agree_but_never_conflict() -> None:
    """Rule partitive: "6,800 of the 10,500 athletes will attend" (paris-olympics-2024/03_trtafrika)
    is a subset of a claim's whole; a part its words measure states that fact as a whole would:
    "five of the six crew members ... killed" (haneda-collision-2024/14_japantimes), "83 of the 500
    seats" the opposition would "control" against a claim's seats (mexico-election-2024)."""
    part = extract_quantities("Organisers said they expect 6,800 of the 10,500 athletes will attend.")[0]
    (whole,) = extract_quantities("About 10,500 athletes took part.")
    assert part.value == 6800 and same_fact(whole, part).strength == WEAK
    killed = "The accident killed five of the six crew members of the coast guard aircraft."
    dead = extract_quantities(killed)[0]
    (claimed,) = extract_quantities("Five crew members were killed.")
    assert (dead.measure, claimed.measure) == ("deaths", "deaths")
    assert same_fact(claimed, dead).strength == STRONG
