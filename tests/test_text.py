"""text.near_spelling: the one fuzzy word match (subjects, attribution and verdicts use it);
text.negates: the one reading of a denial (claims and passages)."""

import pytest

from claimcheck.text import near_spelling, near_spellings, negates, term_set


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


@pytest.mark.parametrize(
    ("text", "denies"),
    [
        # world-cup-final-2022/07_expressandstar, haneda-collision-2024: "not before" denies nothing
        (
            "Messi finally got his hands on the trophy in his record 26th appearance at the tournament, "
            "but not before France's Mbappe had become the first man to score a hat-trick in a final",
            False,
        ),
        ("But not before all 367 passengers and 12 crew were evacuated.", False),
        # mexico-election-2024, canada-wildfires-2023: nor "not only ... but also"
        ("Sheinbaum had not only beaten her opponent Xóchitl Gálvez", False),
        ("were remarkable not only in terms of carbon emissions but also in area", False),
        # notre-dame-reopening-2024/14_tortoisemedia: a denial
        ("Pope Francis did not attend, choosing instead to unveil a nativity scene.", True),
        ("The airline has not yet resumed flights.", True),
    ],
)
def test_a_negation_idiom_denies_nothing(text: str, denies: bool) -> None:
    # Rule negation-idiom.
    assert negates(text) is denies


def test_a_name_with_or_without_its_accents_is_one_name() -> None:
    # Rule accents: champions-league-final-2024/12_businessday "Vinicius Junior doubled the lead"
    # for "Vinícius Júnior"; mexico-election-2024/10_dlatestscoop "Xochitl Gálvez" and "over Galvez".
    assert term_set("Vinícius Júnior") == term_set("Vinicius Junior")
    assert term_set("Xóchitl Gálvez") == term_set("Xochitl Galvez")
    assert term_set("Kant") == {"kant"}  # a plain word is untouched
