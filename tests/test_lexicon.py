from claimcheck import lexicon


def test_no_surface_form_maps_to_two_units() -> None:
    seen: dict[str, str] = {}
    for unit, surfaces in lexicon.UNIT_SYNONYMS.items():
        for surface in surfaces:
            assert surface == surface.lower()
            assert seen.setdefault(surface, unit) == unit, f"{surface!r}: {seen[surface]} and {unit}"


def test_scales_point_at_known_units() -> None:
    for unit, (base, factor) in lexicon.UNIT_SCALES.items():
        assert unit in lexicon.UNIT_SYNONYMS and base in lexicon.UNIT_SYNONYMS
        assert factor > 0


def test_hedges_and_bounds_do_not_overlap() -> None:
    assert not set(lexicon.HEDGES) & set(lexicon.AT_LEAST) & set(lexicon.AT_MOST)
    assert not set(lexicon.AT_LEAST) & set(lexicon.AT_MOST)


def test_special_tables_name_known_units() -> None:
    known = set(lexicon.UNIT_SYNONYMS) | lexicon.CALENDAR_UNITS
    assert known >= lexicon.PREDICATE_UNITS
    assert known >= lexicon.MEASURE_UNITS
    for machine, people in lexicon.AMBIGUOUS_UNITS.values():
        assert {machine, people} <= known
