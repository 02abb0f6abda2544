import datetime

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.metadata import (
    clearly_before,
    guess,
    merge,
    normalise_date,
    parse_sources_yaml,
    split_front_matter,
    written_about,
)
from claimcheck.model import SourceMeta


def test_front_matter_is_read_and_blanked_keeping_line_numbers() -> None:
    text = "---\ntitle: Kant grows\noutlet: RFE/RL\ndate: 2009-05-12\n---\nThe base hosts 400 troops.\n"
    meta, body, notes = split_front_matter(text)
    assert notes == []
    assert (meta.title, meta.outlet, meta.date) == ("Kant grows", "RFE/RL", "2009-05-12")
    assert body.splitlines()[5] == "The base hosts 400 troops." and len(body.splitlines()) == len(
        text.splitlines()
    )


def test_text_without_front_matter_is_untouched() -> None:
    text = "--- not front matter\nBody.\n"
    assert split_front_matter(text) == (SourceMeta(), text, [])


def test_front_matter_fields_claimcheck_does_not_use_are_ignored() -> None:
    # What site generators and note apps write: collected articles are not the user's config.
    text = "---\ntitle: Kant grows\nauthor: A. Writer\ntags: [bases, asia]\ncategories: news\n---\nBody.\n"
    meta, _, notes = split_front_matter(text)
    assert meta == SourceMeta(title="Kant grows") and notes == []


def test_a_front_matter_field_claimcheck_cannot_use_is_a_warning() -> None:
    meta, _, notes = split_front_matter("---\ndate: last spring\ntitle: [a, b]\n---\nBody.\n")
    assert meta == SourceMeta()
    assert sorted(notes) == [
        "front matter: 'title' is not a plain value; ignored",
        "front matter: date 'last spring' is not a year, a year-month or a date; ignored",
    ]


def test_a_front_matter_alias_bomb_stays_small() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(8)
    )
    meta, body, notes = split_front_matter(f"---\n{bomb}title: Kant\n---\nBody.\n")
    assert meta == SourceMeta(title="Kant") and body.endswith("Body.\n") and notes == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Get the latest updates\n\n. Last Updated: 07/27/2016\n\nRussian Warplanes Heading\n",
            "2016-07-27",
        ),
        (
            "Russia, Kyrgyzstan Forge Joint Air Defense System\n\nWed Oct 11 2023\nicon-facebook\n",
            "2023-10-11",
        ),
        ("Headline Of The Story Here\nPublished June 2016 by staff\n", "2016-06"),
        ("SOCHI, September 23 (Itar-Tass) - Russia and Kyrgyzstan plan...\n", None),  # no year: no guess
        # a date inside a sentence of the story is not the article's (the RFE/RL piece of 2009)
        (
            "Moscow Looks To Expand\n\nRussia and Tajikistan first signed the agreement in November 2006, "
            "officials said on Tuesday.\n",
            None,
        ),
        # an archive's "Last updated" stamp gives way to the article's own date line
        ("Kant grows\nLast Updated: 07/27/2016\nBy Jane Doe, December 5, 2002\nThe base...\n", "2002-12-05"),
    ],
)
def test_a_date_is_guessed_from_the_top_of_the_text(text: str, date: str | None) -> None:
    guessed = guess(text)
    assert guessed.date == date
    assert guessed.date_guessed is (date is not None)


def test_the_guessed_title_skips_web_chrome() -> None:
    text = "Get the latest updates as we post them\n\nRussian Warplanes Heading to Kyrgyzstan\n"
    assert guess(text).title == "Russian Warplanes Heading to Kyrgyzstan"


def test_precedence_is_sources_yaml_then_front_matter_then_page_then_guess() -> None:
    stated = SourceMeta(outlet="From sources.yaml")
    front = SourceMeta(outlet="From front matter", title="Front title")
    page = SourceMeta(outlet="From the page", title="Page title", date="2009-05-12", url="https://x.example")
    guessed = SourceMeta(title="Guessed title", date="2016-07-27", guessed=frozenset({"title", "date"}))
    assert merge(stated, front, page, guessed) == SourceMeta(
        title="Front title", outlet="From sources.yaml", date="2009-05-12", url="https://x.example"
    )
    only_guess = merge(SourceMeta(), SourceMeta(), SourceMeta(), guessed)
    assert only_guess.date == "2016-07-27" and only_guess.date_guessed


def test_sources_yaml() -> None:
    text = "000_a:\n  outlet: RFE/RL\n  date: 2009\n001_b.txt:\n  date: 2013-09-23\n"
    found = parse_sources_yaml(text, "sources/sources.yaml").meta
    assert found == {
        "000_a": SourceMeta(outlet="RFE/RL", date="2009"),
        "001_b": SourceMeta(date="2013-09-23"),
    }


def test_sources_yaml_lists_the_collections_boilerplate() -> None:
    text = "boilerplate:\n  - Watch CBS News\n  - 'Most read: .*'\n000_a:\n  outlet: RFE/RL\n"
    found = parse_sources_yaml(text, "sources/sources.yaml")
    assert found.boilerplate == ("Watch CBS News", "Most read: .*")
    assert set(found.meta) == {"000_a"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "boilerplate:\n  - Watch\n  - 'Most (read'\n",
            "sources/sources.yaml:3: boilerplate: 'Most (read' is not a",
        ),
        ("000_a:\n  outlett: RFE/RL\n", "sources/sources.yaml:1: unknown field 'outlett'"),
        ("000_a:\n  date: last spring\n", "sources/sources.yaml:1: date 'last spring' is not a year"),
        ("- a\n", "sources/sources.yaml:1: must map source ids to their fields"),
        ("000_a: RFE/RL\n", "sources/sources.yaml:1: '000_a' must map to fields"),
    ],
)
def test_bad_sources_yaml(text: str, message: str) -> None:
    with pytest.raises(ClaimcheckError) as caught:
        parse_sources_yaml(text, "sources/sources.yaml")
    assert str(caught.value).startswith(message)


def test_dates_keep_their_precision() -> None:
    assert normalise_date(2009) == "2009"
    assert normalise_date("2009-05") == "2009-05"
    assert normalise_date(datetime.date(2009, 5, 12)) == "2009-05-12"
    assert normalise_date("someday") is None


@pytest.mark.parametrize(
    ("date", "as_of", "before"),
    [
        ("2002-12", "2009", True),
        ("2009", "2009", False),
        ("2009-05", "2009-06-01", True),
        ("2009", "2009-06", False),
    ],
)
def test_clearly_before(date: str, as_of: str, before: bool) -> None:
    assert clearly_before(date, as_of) is before


@pytest.mark.parametrize(
    ("published", "year", "month", "day", "about"),
    [
        ("2024-01-08", 2024, 1, 8, True),
        ("2024-01-09", 2024, 1, 8, True),  # the next day's paper reports the day before
        ("2024-01-08", None, 1, 9, False),  # written before the day it would report
        ("2024-01-11", None, 1, 9, False),
        ("2023-08-02", 2023, 7, None, True),  # the first days after the month
        ("2023-08-20", 2023, 7, None, False),
        ("2023", 2023, 6, 4, True),  # a year-only date may be any of its days
    ],
)
def test_written_about(published: str, year: int | None, month: int, day: int | None, about: bool) -> None:
    assert written_about(published, year, month, day) is about


def test_a_sentence_case_headline_is_the_title_and_a_byline_never_is() -> None:
    text = "Officials weigh new spending at the air base\nBy Jonas Moreau | February 2, 2023\n\nBody text.\n"
    meta = guess(text)
    assert (meta.title, meta.date) == ("Officials weigh new spending at the air base", "2023-02-02")
    assert guess("By Jonas Moreau | February 2, 2023\n\nBody text.\n").title is None
