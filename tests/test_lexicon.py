from claimcheck import lexicon


def test_hedges_and_bounds_do_not_overlap() -> None:
    assert not set(lexicon.HEDGES) & set(lexicon.AT_LEAST) & set(lexicon.AT_MOST)
    assert not set(lexicon.AT_LEAST) & set(lexicon.AT_MOST)


def test_ambiguous_units_name_known_units() -> None:
    from claimcheck.units import BY_NAME

    for machine, people in lexicon.AMBIGUOUS_UNITS.values():
        assert {machine, people} <= set(BY_NAME)
