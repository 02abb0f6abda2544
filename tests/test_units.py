"""The unit records are the one source of unit knowledge: the claims file's JSON Schema
and the unit tables of the README and docs/units.md are made from them (``--update-golden``
rewrites both) and checked against them here."""

from __future__ import annotations

import json
import re

import pytest

from claimcheck.claims import parse_claims
from claimcheck.quantities import extract_quantities
from claimcheck.units import (
    BY_NAME,
    COUNT,
    UNITS,
    base_unit,
    dimension_of,
    same_dimension,
    unit_for_surface,
    unit_name,
    unit_named,
)

from conftest import ROOT

SCHEMA = ROOT / "claimcheck" / "claims.schema.json"
README = ROOT / "README.md"
UNITS_DOC = ROOT / "docs" / "units.md"


def test_every_surface_names_one_unit() -> None:
    seen: dict[str, str] = {}
    for unit in UNITS:
        for surface in (unit.name, *unit.surfaces):
            assert surface == surface.lower() and surface.strip() == surface, surface
            assert seen.setdefault(surface, unit.name) == unit.name, (
                f"{surface!r}: {seen[surface]}, {unit.name}"
            )


def test_every_base_is_a_unit_of_the_same_dimension() -> None:
    for unit in UNITS:
        assert unit.factor > 0
        base = BY_NAME[unit.compared_in]
        assert base.dimension == unit.dimension and base.factor == 1.0, unit.name


@pytest.mark.parametrize(
    ("written", "name"),
    [("USD", "usd"), ("KM", "km"), ("Kilometres", "km"), ("miles", "miles"), ("mi", "miles"),
     ("ft", "feet"), ("Tonnes", "tonnes"), ("'%'", "percent"), ("officers", "officer"),
     ("Aftershocks", "aftershock"), ("tugboats", "tugboat"),
     ("containers", "container")],
)  # fmt: skip
def test_any_unit_word_is_accepted_in_any_case(written: str, name: str) -> None:
    assert unit_name(written.strip("'")) == name
    claim = parse_claims(f"claims:\n  - id: a\n    claim: A.\n    value: 3\n    unit: {written}\n").claims[0]
    assert claim.quantity is not None and claim.quantity.unit == name


def test_a_unit_the_measure_table_knows_counts_people() -> None:
    claim = parse_claims(
        "claims:\n  - id: a\n    claim: The quake killed 2,900.\n    value: 2900\n    unit: Deaths\n"
    )
    quantity = claim.claims[0].quantity
    assert quantity is not None and (quantity.unit, quantity.measure) == ("people", "deaths")


def test_conversions_and_dimensions() -> None:
    assert base_unit("miles") == ("km", 1.609344)
    assert base_unit("feet")[0] == "km" and same_dimension("feet", "m")
    assert same_dimension("kg", "tonnes") and not same_dimension("usd", "eur")
    assert not same_dimension("aftershock", "building") and same_dimension("aftershock", "aftershock")
    assert dimension_of("aftershock") == COUNT and not unit_named("aftershock").known
    assert unit_for_surface("US Dollars") is BY_NAME["usd"]


@pytest.mark.parametrize(
    ("text", "unit", "years_or_base"),
    [
        # artemis-1-2022/16_cnbctv18, tempi-train-crash-2023/06_beakul
        ("Orion will barrel into Earth's atmosphere at about 40,000 kmph", "km/h", 40000),
        ("Both the trains were traveling at a speed of over 140 km per hour", "km/h", 140),
        # kakhovka-dam-2023/03_straitstimes, 06_italianpost
        ("The reservoir holds 18 cu km of water", "cubic km", 18e9),
        ("its reservoir holds about 18 cubic km of water", "cubic km", 18e9),
        # eras-tour-2023-24, hurricane-helene: "nearly two decades into her career", "two decades ago"
        ("Taylor Swift is still hitting milestones nearly two decades into her career", "decades", 20),
        ("Katrina devastated New Orleans and killed 1,392 people two decades ago", "decades", 20),
    ],
)
def test_units_written_as_news_writes_them_convert(text: str, unit: str, years_or_base: float) -> None:
    (found,) = [q for q in extract_quantities(text) if q.unit == unit]
    assert found.value * base_unit(found.unit)[1] == pytest.approx(years_or_base)


def schema_units() -> list[str]:
    """Every way the claims file may write a known unit: the schema offers them to editors."""
    return sorted({surface for unit in UNITS for surface in (unit.name, *unit.surfaces)})


def unit_table(dimensions_only: bool) -> str:
    """The README's table (a row per dimension) or docs/units.md's (a row per unit)."""
    if dimensions_only:
        rows = {}
        for unit in UNITS:
            rows.setdefault(unit.dimension, []).append(f"`{unit.name}`")
        lines = [
            "| measures | units (any spelling of [docs/units.md](docs/units.md), any case) |",
            "| --- | --- |",
        ]
        lines += [f"| {dimension} | {', '.join(names)} |" for dimension, names in rows.items()]
        return "\n".join(lines)
    lines = ["| unit | measures | converts to | written as |", "| --- | --- | --- | --- |"]
    for unit in UNITS:
        converts = f"{unit.factor:.10g} {unit.compared_in}" if unit.base and unit.name != unit.base else ""
        lines.append(f"| `{unit.name}` | {unit.dimension} | {converts} | {', '.join(unit.surfaces)} |")
    return "\n".join(lines)


def _between_markers(text: str, body: str) -> str:
    return re.sub(
        r"(<!-- units: generated from claimcheck/units.py -->\n).*?(\n<!-- end of units -->)",
        lambda match: match.group(1) + body + match.group(2),
        text,
        flags=re.S,
    )


@pytest.mark.parametrize(("path", "dimensions_only"), [(README, True), (UNITS_DOC, False)])
def test_docs_unit_tables_are_the_records(path, dimensions_only: bool, update_golden: bool) -> None:
    text = path.read_text(encoding="utf-8")
    expected = _between_markers(text, unit_table(dimensions_only))
    if update_golden:
        path.write_text(expected, encoding="utf-8")
    assert "<!-- units: generated from claimcheck/units.py -->" in text
    assert text == expected, f"{path.name}'s unit table differs from the records: run pytest --update-golden"


def test_schema_lists_the_records_units(update_golden: bool) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    unit = schema["definitions"]["claim"]["properties"]["unit"]
    if update_golden:
        unit["anyOf"][0]["enum"] = schema_units()
        SCHEMA.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert unit["anyOf"][0]["enum"] == schema_units()
    assert unit["anyOf"][1] == {"type": "string", "pattern": "\\S"}
