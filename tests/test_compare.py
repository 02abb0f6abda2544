import pytest

from claimcheck.compare import compare, describe, format_number, same_quantity
from claimcheck.model import Bound, Quantity


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
    assert format_number(7500) == "7,500"
    assert format_number(0.5) == "0.5"
