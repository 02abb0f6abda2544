import re

import pytest

from claimcheck.lexicon import BOILERPLATE
from claimcheck.model import Source
from claimcheck.passages import boilerplate_rule, is_boilerplate, line_at, split_passages


def passages(text: str) -> list[str]:
    return [" ".join(p.text.split()) for p in split_passages(Source("s", "s.txt", text))]


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Col. Gen. Aleksandr Zelin met U.S. officials in St. Petersburg on Jan. 5 at 10 a.m. local time. "
        "Lt. Col. Marc Aubry said the Su-25 jets would stay. Mr. Smith agreed."
    )
    assert passages(text) == [
        "Col. Gen. Aleksandr Zelin met U.S. officials in St. Petersburg on Jan. 5 at 10 a.m. local time.",
        "Lt. Col. Marc Aubry said the Su-25 jets would stay.",
        "Mr. Smith agreed.",
    ]


def test_sentence_ending_in_us_before_a_new_sentence() -> None:
    text = "The decision was sent to the U.S. The base must be vacated within 180 days."
    assert passages(text) == [
        "The decision was sent to the U.S.",
        "The base must be vacated within 180 days.",
    ]


def test_a_sentence_broken_across_lines_is_one_passage() -> None:
    text = "Russia has moved four Mi-8 helicopters\nto its air base at\nKant, the ministry said.\n"
    assert passages(text) == [
        "Russia has moved four Mi-8 helicopters to its air base at Kant, the ministry said."
    ]


def test_a_paragraph_ending_in_a_comma_continues_in_the_next() -> None:
    text = "Established by Kazakhstan, China, Tajikistan,\n\nRussia and Uzbekistan. Next sentence."
    assert passages(text)[0] == "Established by Kazakhstan, China, Tajikistan, Russia and Uzbekistan."


def test_headlines_and_web_chrome_are_passages_of_their_own() -> None:
    text = (
        "Subscribe\nRussian Warplanes Heading to Kyrgyzstan\n\nTwo Il-76 cargo planes arrived. They landed."
    )
    assert passages(text) == [
        "Subscribe",
        "Russian Warplanes Heading to Kyrgyzstan",
        "Two Il-76 cargo planes arrived.",
        "They landed.",
    ]


def test_line_numbers_and_offsets_point_into_the_source() -> None:
    text = "Title\n\nFirst sentence here. Second one\ncontinues here.\n"
    found = split_passages(Source("s", "s.txt", text))
    assert [(p.line, p.text[:6]) for p in found] == [(1, "Title"), (3, "First "), (3, "Second")]
    second = found[2]
    assert text[second.start : second.start + 6] == "Second"
    assert line_at(second, second.text.index("continues")) == 4


def test_no_character_of_the_text_is_lost() -> None:
    text = "A. B.\n\nC, d e f.\nG h? I! J\n\n\nK."
    joined = "".join(p.text for p in split_passages(Source("s", "s.txt", text)))
    assert sorted(joined.replace(" ", "").replace("\n", "")) == sorted(
        text.replace(" ", "").replace("\n", "")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Subscribe now",
        "Log in or register to post comments",
        "We use cookies to improve your experience. Accept",
        "By continuing you agree to our cookie policy and accept it.",
        "© 2023 Example News. All rights reserved.",
        "FILE PHOTO: Russian jets at the Kant air base",
        "A 1920x1080 image of the base",
    ],
)
def test_web_chrome_is_boilerplate(text: str) -> None:
    assert is_boilerplate(text)


# Lines of the real-article corpus (tests/realworld/dev), two or more articles per rule.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("(AP Photo/Mark Schiefelbein)", "credit-line"),  # baltimore-bridge/12_ajc
        ("(REUTERS)", "credit-line"),  # activision-deal/15_hindustantimes
        ("(Credit: Image from court documents)", "credit-line"),  # baltimore-bridge/13_propertycasualty360
        ("(Jerry Jackson/Staff) Lia Russell", "credit-line"),  # baltimore-bridge/11_baltimoresun
        ("By Steven Huff", "byline"),  # morocco-quake/10_upi
        ("By:AP", "byline"),  # activision-deal/15_hindustantimes
        ("By LEA SKENE and BRIAN WITTE – Associated Press", "byline"),  # baltimore-bridge/12_ajc
        ("Source: Qatar News Agency", "source-line"),  # morocco-quake/01_menafocus
        ("Source: Philippines News Agency", "source-line"),  # morocco-quake/04_philippinesnewsgateway
        ("Source: theguardian", "source-line"),  # morocco-quake/06_shafaqna
        ("Credit: AP", "source-line"),  # baltimore-bridge/12_ajc
        ("Skip to content", "chrome-phrase"),  # baltimore-bridge/11_baltimoresun
    ],
)
def test_chrome_is_known_by_its_shape(text: str, rule: str) -> None:
    assert boilerplate_rule(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        "By 2030, the bridge will be rebuilt.",
        "By the end of the day, rescuers had found nobody.",
        "By contrast, Kant is smaller.",
        "Source: officials said 2,000 people died",
        "(The toll rose to 2,946.)",
        "Baltimore bridge collapse - The Washington Post",  # a page title is the article's lead
    ],
)
def test_sentences_shaped_like_chrome_are_not_boilerplate(text: str) -> None:
    assert boilerplate_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The base's canteen serves cookies to 500 personnel.",
        "The pilots filed photos of the runway.",
        "Sputnik reported that 400 troops were there.",
    ],
)
def test_sentences_are_not_boilerplate(text: str) -> None:
    assert not is_boilerplate(text)


def test_boilerplate_patterns_are_written_in_lowercase() -> None:
    # is_boilerplate looks for the ".*" patterns' words in the lowercased passage.
    for pattern in BOILERPLATE:
        assert not re.search(r"[A-Z]", re.sub(r"\\.", "", pattern)), pattern
