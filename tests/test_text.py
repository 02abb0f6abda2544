"""text.near_spelling: the one fuzzy word match (subjects, attribution and verdicts use it)."""

from claimcheck.text import near_spelling, near_spellings


def test_a_long_word_spelt_another_way_is_the_same_word() -> None:
    assert near_spelling("tajikistan", "tadjikistan")
    assert near_spelling("kant", "kant")  # as written, however short


def test_short_words_other_initials_and_other_words_are_not() -> None:
    assert not near_spelling("kant", "cant")  # too short to be a typo
    assert not near_spelling("tajikistan", "majikistan")  # another first letter
    assert not near_spelling("tajikistan", "kyrgyzstan")


def test_the_batch_form_agrees_with_the_pairwise_one() -> None:
    pool = ["tadjikistan", "tajikistan", "kyrgyzstan", "majikistan", "cant"]
    for word in ("tajikistan", "kyrgyzstann", "tadjikistan"):
        assert near_spellings(word, pool) == {other for other in pool if near_spelling(word, other)}
    assert near_spellings("kant", pool) == frozenset()  # a short word is looked up only as written
