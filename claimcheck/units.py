"""Units as records: every way a unit is written, what it measures, and how it converts.

The one source of unit knowledge. Extraction (``quantities``) reads a figure's unit
through ``unit_for_surface``; the comparison (``compare``) converts through ``base``
and ``factor``; the claims file accepts any surface or any other word (an open unit,
matched by its lemma); ``claims.schema.json`` and the README's unit table are checked
against ``UNITS`` by the tests. Adding a unit is one record here.

A count's base is the unit itself: troops never convert to tanks, nor aftershocks to
buildings. Currencies never convert into one another (rates move); lengths, areas,
masses, volumes, speeds and durations do.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from claimcheck.text import lemma

COUNT = "count"
LENGTH = "length"
AREA = "area"
MASS = "mass"
VOLUME = "volume"
SPEED = "speed"
MONEY = "money"
SHARE = "share"
DURATION = "duration"
DATE = "date"
CLOCK = "time of day"
TEMPERATURE = "temperature"
POWER = "power"
SCALE = "scale"


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit: its canonical name, what it measures, the unit it converts to and by what
    factor, how it is written (lowercase), and how reports abbreviate it."""

    name: str
    dimension: str
    surfaces: tuple[str, ...] = ()
    base: str = ""
    factor: float = 1.0
    symbol: str = ""
    # Written before the number ("$50", "USD 34 billion", "magnitude 7.8").
    before: tuple[str, ...] = ()
    # Known, as opposed to an open unit made from a word of the claim or the text.
    known: bool = True

    @property
    def compared_in(self) -> str:
        return self.base or self.name

    @property
    def short(self) -> str:
        """How a report cell writes it: 'km', '$', '%', 'aftershocks'."""
        return self.symbol or self.name


def _count(name: str, *surfaces: str) -> Unit:
    return Unit(name, COUNT, (name, *surfaces))


# fmt: off
UNITS: tuple[Unit, ...] = (
    # Counts. "fighters" are aircraft after a model name, people otherwise (quantities).
    _count("personnel", "troops", "troop", "soldiers", "soldier", "servicemen", "serviceman",
           "servicemembers", "service members", "military personnel", "marines", "paratroopers",
           "peacekeepers", "men", "crew members", "military advisers"),
    # Those who work for a company or body ("Twitter's 7,500 workers", "the company's staff").
    _count("employees", "employee", "staff", "staffers", "staffer", "workers", "worker", "workforce"),
    # Computers of any kind ("8.5 million Windows devices", "8.5 million computers", "Windows machines").
    _count("devices", "device", "computers", "computer", "pcs", "machines", "machine"),
    _count("militants", "militant", "jihadists", "jihadist", "insurgents", "rebels", "gunmen"),
    _count("people", "persons", "person", "individuals", "residents", "inhabitants", "civilians",
           "refugees", "migrants"),
    _count("aircraft", "planes", "plane", "warplanes", "warplane", "airplanes", "fighters", "fighter",
           "fighter jets", "jets", "jet", "bombers", "bomber", "attack planes", "cargo planes",
           "transport planes", "transports"),
    _count("helicopters", "helicopter", "choppers", "gunships"),
    _count("drones", "drone", "uavs", "uav"),
    _count("tanks", "tank"),
    _count("armored vehicles", "armoured vehicles", "armored personnel carriers", "apcs",
           "infantry fighting vehicles"),
    _count("launchers", "launcher", "rocket launchers", "missile launchers"),
    _count("missiles", "missile", "rockets"),
    _count("batteries", "battery"),
    _count("ships", "ship", "vessels", "vessel", "warships", "boats"),
    _count("bases", "military bases", "airbases", "air bases"),
    _count("sorties", "sortie", "flights"),
    _count("countries", "country", "states", "member states", "member-states", "nations", "republics",
           "member countries", "signatories", "nation", "republic",
           "member-state", "member state"),
    # Lengths, in kilometres. A figure in feet and one in metres compare after conversion.
    Unit("km", LENGTH, ("km", "kms", "kilometers", "kilometer", "kilometres", "kilometre"), "km", 1.0),
    Unit("m", LENGTH, ("m", "meters", "meter", "metres", "metre"), "km", 0.001),
    Unit("cm", LENGTH, ("cm", "centimeters", "centimeter", "centimetres", "centimetre"), "km", 1e-5),
    Unit("mm", LENGTH, ("mm", "millimeters", "millimeter", "millimetres", "millimetre"), "km", 1e-6),
    Unit("miles", LENGTH, ("miles", "mile", "mi"), "km", 1.609344, "mi"),
    Unit("nautical miles", LENGTH, ("nautical miles", "nautical mile"), "km", 1.852, "nmi"),
    Unit("feet", LENGTH, ("feet", "foot", "ft"), "km", 0.0003048, "ft"),
    Unit("yards", LENGTH, ("yards", "yard", "yd"), "km", 0.0009144, "yd"),
    Unit("inches", LENGTH, ("inches", "inch"), "km", 0.0000254, "in"),
    # Areas, in square kilometres.
    Unit("sq km", AREA, ("square kilometers", "square kilometres", "sq km", "km2", "square kilometer",
                         "square kilometre"), "sq km", 1.0, "km²"),
    Unit("hectares", AREA, ("hectares", "hectare", "ha"), "sq km", 0.01, "ha"),
    Unit("acres", AREA, ("acres", "acre"), "sq km", 0.0040468564224),
    Unit("sq miles", AREA, ("square miles", "square mile", "sq miles", "sq mi"), "sq km", 2.589988110336,
         "sq mi"),
    Unit("sq m", AREA, ("square meters", "square metres", "square meter", "square metre", "sq m", "m2"),
         "sq km", 1e-6, "m²"),
    # Masses, in tonnes ("tons" read as metric: news rarely means short tons).
    Unit("tonnes", MASS, ("tonnes", "tonne", "tons", "ton", "metric tons", "metric ton"), "tonnes", 1.0, "t"),
    Unit("kg", MASS, ("kg", "kilograms", "kilogram", "kilos", "kilo"), "tonnes", 0.001),
    Unit("lbs", MASS, ("lbs", "lb"), "tonnes", 0.00045359237, "lb"),
    # Volumes, in cubic metres.
    Unit("cubic m", VOLUME, ("cubic meters", "cubic metres", "cubic meter", "cubic metre", "m3"),
         "cubic m", 1.0, "m³"),
    Unit("cubic km", VOLUME, ("cubic kilometers", "cubic kilometres", "cubic kilometer", "cubic kilometre",
                              "cubic km", "cu km", "km3"), "cubic m", 1e9, "km³"),
    Unit("litres", VOLUME, ("litres", "liters", "litre", "liter"), "cubic m", 0.001, "l"),
    Unit("gallons", VOLUME, ("gallons", "gallon"), "cubic m", 0.003785411784, "gal"),
    Unit("barrels", VOLUME, ("barrels", "barrel"), "cubic m", 0.158987294928, "bbl"),
    # Speeds, in km/h.
    Unit("km/h", SPEED, ("km/h", "kph", "kmh", "kmph", "km per hour", "kilometers per hour",
                         "kilometres per hour"), "km/h", 1.0),
    Unit("mph", SPEED, ("mph", "miles per hour"), "km/h", 1.609344),
    Unit("knots", SPEED, ("knots", "knot"), "km/h", 1.852, "kn"),
    # Money: each currency on its own.
    Unit("usd", MONEY, ("dollars", "dollar", "usd", "us dollars", "us$", "$"), symbol="$",
         before=("$", "us$", "usd")),
    Unit("eur", MONEY, ("euros", "euro", "eur", "€"), symbol="€", before=("€", "eur")),
    Unit("gbp", MONEY, ("pounds", "pound", "gbp", "pounds sterling", "sterling", "£"), symbol="£",
         before=("£", "gbp")),
    Unit("rub", MONEY, ("rubles", "roubles", "ruble", "rouble", "rub", "₽"), symbol="₽", before=("₽",)),
    Unit("inr", MONEY, ("rupees", "rupee", "inr", "₹"), symbol="₹", before=("₹", "inr", "rs")),
    Unit("cny", MONEY, ("yuan", "renminbi", "cny", "rmb"), before=("cny", "rmb")),
    Unit("jpy", MONEY, ("yen", "jpy", "¥"), symbol="¥", before=("¥", "jpy")),
    Unit("sar", MONEY, ("riyals", "riyal", "sar"), before=("sar",)),
    # Morocco's and the Emirates' alike: no code, so never one for the other's.
    Unit("dirhams", MONEY, ("dirhams", "dirham")),
    Unit("aud", MONEY, ("australian dollars", "aud", "a$"), symbol="A$", before=("a$", "aud")),
    Unit("cad", MONEY, ("canadian dollars", "cad", "c$"), symbol="C$", before=("c$", "cad")),
    Unit("hkd", MONEY, ("hong kong dollars", "hkd", "hk$"), symbol="HK$", before=("hk$", "hkd")),
    Unit("sgd", MONEY, ("singapore dollars", "sgd", "s$"), symbol="S$", before=("s$", "sgd")),
    Unit("nzd", MONEY, ("new zealand dollars", "nzd", "nz$"), symbol="NZ$", before=("nz$", "nzd")),
    # Shares.
    Unit("percent", SHARE, ("percent", "per cent", "%", "pct"), symbol="%"),
    Unit("percentage points", SHARE, ("percentage points", "percentage point"), symbol="pp"),
    # Durations, in years.
    Unit("decades", DURATION, ("decades", "decade"), "years", 10.0),
    Unit("years", DURATION, ("years", "year-long"), "years", 1.0, "yr"),
    Unit("months", DURATION, ("months", "month"), "years", 1 / 12, "mo"),
    Unit("weeks", DURATION, ("weeks", "week"), "years", 7 / 365.25, "wk"),
    Unit("days", DURATION, ("days", "day"), "years", 1 / 365.25, "d"),
    Unit("hours", DURATION, ("hours", "hour", "hrs", "hr"), "years", 1 / 8766, "h"),
    Unit("minutes", DURATION, ("minutes", "minute", "mins", "min"), "years", 1 / 525960, "min"),
    Unit("seconds", DURATION, ("seconds", "second", "secs", "sec"), "years", 1 / 31557600, "s"),
    # A calendar year or date, and a time of day: points in time, never amounts.
    Unit("year", DATE),
    Unit("clock", CLOCK),
    # Others.
    Unit("celsius", TEMPERATURE, ("degrees celsius", "celsius", "°c", "degrees c"), symbol="°C"),
    Unit("fahrenheit", TEMPERATURE, ("degrees fahrenheit", "fahrenheit", "°f", "degrees f"), symbol="°F"),
    Unit("mw", POWER, ("megawatts", "megawatt", "mw"), "mw", 1.0, "MW"),
    Unit("gw", POWER, ("gigawatts", "gigawatt", "gw"), "mw", 1000.0, "GW"),
    Unit("magnitude", SCALE, ("magnitude", "richter", "on the richter scale"), symbol="M",
         before=("magnitude",)),
)
# fmt: on

BY_NAME: dict[str, Unit] = {unit.name: unit for unit in UNITS}
BY_SURFACE: dict[str, Unit] = {surface: unit for unit in UNITS for surface in (unit.name, *unit.surfaces)}
DIMENSIONS: dict[str, str] = {unit.name: unit.dimension for unit in UNITS}


def names_of(dimension: str) -> frozenset[str]:
    """The known units of one dimension: ``names_of(LENGTH)`` is km, m, miles, feet, ..."""
    return frozenset(unit.name for unit in UNITS if unit.dimension == dimension)


# Derived views that the extraction and attribution rules ask about.
CALENDAR_UNITS = names_of(DATE)
MONEY_UNITS = names_of(MONEY)
LENGTH_UNITS = names_of(LENGTH)
COUNT_UNITS = names_of(COUNT)
# Figures that relate two things ("20 km from Bishkek", "5 years until 2028"): every dimension
# but counts and money.
MEASURE_UNITS = frozenset(unit.name for unit in UNITS if unit.dimension not in (COUNT, MONEY))


# Figures that are "of" something the claim's other words name: a budget and a rent are both
# money, a founding and a treaty are both dates, a runway and a distance are both lengths.
PREDICATE_DIMENSIONS = frozenset({MONEY, SHARE, DATE, DURATION, LENGTH, AREA})


@functools.lru_cache(maxsize=8192)
def unit_named(name: str | None) -> Unit | None:
    """The record of a unit name as figures carry it; an open unit for any other word."""
    if name is None:
        return None
    return BY_NAME.get(name) or Unit(name, COUNT, (name,), known=False)


def unit_for_surface(surface: str) -> Unit | None:
    """The known unit written this way, case-insensitively ('KM', 'USD', 'Kilometres')."""
    return BY_SURFACE.get(" ".join(surface.lower().split()))


def base_unit(name: str | None) -> tuple[str | None, float]:
    """The unit a figure is compared in, and the factor to get there (m -> km, 0.001)."""
    unit = unit_named(name)
    return (None, 1.0) if unit is None else (unit.compared_in, unit.factor)


def dimension_of(name: str | None) -> str | None:
    """What a unit measures: 'length' for miles, 'count' for troops and for any open unit."""
    unit = unit_named(name)
    return None if unit is None else unit.dimension


@functools.lru_cache(maxsize=4096)  # the check asks it of every figure of every mention
def same_dimension(first: str | None, second: str | None) -> bool:
    """Whether figures in these units can be compared at all: same base after conversion."""
    return base_unit(first)[0] == base_unit(second)[0]


def unit_name(word: str) -> str:
    """The unit a claim's ``unit:`` names: the known unit's name, or the open unit of the word
    (its lemma, lowercase: 'Aftershocks' -> 'aftershock')."""
    known = unit_for_surface(word)
    if known is not None:
        return known.name
    return " ".join(lemma(part) for part in word.lower().split())
