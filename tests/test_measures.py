"""What a figure measures (measures.py): each rule on sentences of two or more real articles
of the dev corpus (tests/realworld/dev/<story>/sources/<article>), and what its figure sizes."""

from __future__ import annotations

import pytest

from claimcheck.compare import same_fact
from claimcheck.measures import measure_of, sized_by, sizes_another, sizes_other_thing, things_of
from claimcheck.model import EARLIER_VALUE, PERIOD, POSSIBLE_VALUE
from claimcheck.quantities import extract_quantities

from conftest import finding_for

_SENTENCED = "Former New York Assembly Speaker Sheldon Silver has been sentenced to seven years in prison."
# (The Associated Press, 2018-07-27.)


def figure(sentence: str, text: str):  # type: ignore[no-untyped-def]
    """The figure whose text is ``text`` in the sentence, and the sentence's other figures."""
    figures = extract_quantities(sentence)
    (found,) = [q for q in figures if q.text.strip() == text]
    return found, [q for q in figures if q is not found]


@pytest.mark.parametrize(
    ("sentence", "text", "measure", "rule"),
    [
        # own-noun: the unit word is a measure word
        (
            "At least 632 people have been killed and 329 injured, according to Moroccan state media.",
            "329 injured",
            "injured",
            "own-noun",
        ),  # morocco-quake/02_tasnim
        (
            "There were more than 5,500 injuries as well, mostly from collapsing buildings",
            "more than 5,500 injuries",
            "injured",
            "own-noun",
        ),  # morocco-quake/10_upi
        (
            "It killed 2,500 people and left at least 300,000 homeless.",
            "at least 300,000 homeless",
            "displaced",
            "own-noun",
        ),  # morocco-quake/03_ndtv
        # after: the word after the figure's phrase
        (
            "That represents a 43% premium to Activision's closing stock price on Friday of $65.39.",
            "43%",
            "rise",
            "after",
        ),  # activision-deal/01_cbsnews
        ("The bid is a 45% premium on Activision's closing price on Friday.", "45%", "rise", "after"),
        # activision-deal/02_channelnews
        (
            "Microsoft has also signed 10 year deals with cloud streaming services Boosteroid, Ubitus, "
            "EE, and Nware.",
            "10 year",
            "term",
            "after",
        ),  # activision-deal/10_vgchartz
        # before: the nearest measure word before it in its clause
        (
            "Microsoft said it will pay $95 per share in an all-cash transaction.",
            "$95 per share",
            "price",
            "before",
        ),
        # activision-deal/01_cbsnews
        (
            "Just before the announcement Activision shares surged nearly 38% in premarket trading.",
            "nearly 38%",
            "rise",
            "before",
        ),  # activision-deal/02_channelnews
        (
            "Microsoft Corp. said Tuesday it has reached an agreement to acquire Activision Blizzard "
            "Inc. in an all-cash deal valued at $68.7 billion that will be the biggest ever.",
            "$68.7 billion",
            "price",
            "before",
        ),  # activision-deal/03_newsbreak
        # attributive: a length before the noun it sizes
        (
            "Construction on the 1.6-mile bridge started in 1972 to ease congestion throughout the city.",
            "1.6-mile",
            "length",
            "attributive",
        ),  # baltimore-bridge/09_cbsnews
        (
            "The 946 foot containership has been pinned under a massive section of the collapsed "
            "Francis Scott Key Bridge since striking it on March 26.",
            "946 foot",
            "length",
            "attributive",
        ),  # baltimore-bridge/10_marinelog
    ],
)
def test_measure_rules_on_real_sentences(sentence: str, text: str, measure: str, rule: str) -> None:
    found, others = figure(sentence, text)
    assert measure_of(sentence, found, others) == (measure, rule)


@pytest.mark.parametrize(
    ("sentence", "text", "measure", "rule"),
    [
        # restated: a figure in brackets after another states its fact in other units
        ("He will earn £62million (€69.9m) per season.", "€69.9m", "salary", "restated"),
        # ronaldo-transfer/06_nilesports
        ("Ronaldo will earn $207 million (£173 million) a year.", "£173 million", "salary", "restated"),
        # ronaldo-transfer/08_gulfnews
        # until: a date introduced by "to", "until", "through" is when something ends
        ("Ronaldo has signed a two-and-a-half year contract to June 2025.", "June 2025", "ends", "until"),
        # ronaldo-transfer/04_newsmuncher
        ("He will stay with the side until 2025.", "2025", "ends", "until"),  # ronaldo-transfer/10_mykhel
        ("The deal will extend through 2025.", "2025", "ends", "until"),  # ronaldo-transfer/09_grazia
    ],
)
def test_restated_and_until(sentence: str, text: str, measure: str, rule: str) -> None:
    found, others = figure(sentence, text)
    assert measure_of(sentence, found, others) == (measure, rule)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # cricket-world-cup-final-2023/11_livemint, argentina-election-2023/11_achhilekh and
        # 08_thenation, mexico-election-2024/14_vebiza
        ("Pat Cummins-led Australia defeated India by 6 wickets, with 42 balls remaining", "6 wickets"),
        ("Milei won the second round by almost 12 points, with approximately 55", "almost 12 points"),
        (
            "On Sunday, Milei defeated Economy Minister Sergio Massa by more than 11 percent to become"
            " Argentina's next president-elect",
            "more than 11 percent",
        ),
        (
            "Sheinbaum defeated Galvez in the election by about 30 percentage points",
            "about 30 percentage points",
        ),
    ],
)
def test_what_a_win_is_by_is_its_margin(sentence: str, text: str) -> None:
    """Rule won-by; a passive's "by" still names the agent ("struck by 3 ships")."""
    found, others = figure(sentence, text)
    assert measure_of(sentence, found, others)[0] == "margin"
    found, others = figure("The bridge was struck by 3 ships.", "3 ships")
    assert measure_of("The bridge was struck by 3 ships.", found, others)[0] != "margin"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        (
            "The dead came from more than 10 countries stretching from the United States to Indonesia.",
            "more than 10 countries",
        ),  # hajj-heat-2024/01_trtworld
        (
            "Prior to yesterday's (Sunday's) Euro 2024 final, around 2.6 million spectators attended 50"
            " matches, with fans present from more than 190 countries according to organiser UEFA.",
            "more than 190 countries",
        ),  # euro-2024-final/15_ticketingbusiness
    ],
)
def test_where_people_came_from_is_no_count_of_them(sentence: str, text: str) -> None:
    """Rule origin: a measure word before "from" does not measure the count "from" introduces."""
    found, others = figure(sentence, text)
    assert measure_of(sentence, found, others) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "text", "measure"),
    [
        ("But not before all 367 passengers and 12 crew were evacuated.", "367 passengers", "displaced"),
        # haneda-collision-2024/01_businesslive
        ("Some 273,000 homes, 600 hotels and 120 hospitals were damaged,", "600 hotels", "damaged"),
        # hurricane-otis-2023/07_mb
        (
            "About 1,500 servicemen from the base and some 300 pieces of military hardware are involved in"
            " the exercise.",
            "About 1,500 servicemen",
            "participants",
        ),  # tests/compare_heldout/200_gyumri_drills
    ],
)
def test_two_counts_joined_by_and_share_the_verb_after_the_second(
    sentence: str, text: str, measure: str
) -> None:
    """Rule coordinated; a count with its own verb keeps it ("38 people lost their lives and more
    than 85 people were injured")."""
    found, others = figure(sentence, text)
    assert measure_of(sentence, found, others) == (measure, "coordinated")
    sentence = "38 people lost their lives and more than 85 people were injured"
    found, others = figure(sentence, "38 people")
    assert measure_of(sentence, found, others)[1] == "after"


def test_a_measure_word_past_the_clause_is_not_the_figures() -> None:
    # morocco-quake/05_rawstory: "with the victims" says nothing of the 1,300.
    sentence = (
        "The death toll from a massive earthquake in Morocco has risen to more than 1,300, with the victims"
    )
    found, others = figure(sentence, "more than 1,300")
    assert measure_of(sentence, found, others) == ("deaths", "before")


def test_a_dateline_in_brackets_is_not_measured_from_outside_them() -> None:
    # baltimore-bridge/02_urdupoint: the ship was built, not the dateline's date.
    sentence = (
        "The Dali container ship is recently built and flies under Singapore's flag Paris, "
        "(APP - UrduPoint / Pakistan Point News - 26th Mar, 2024) The Dali"
    )
    found, others = figure(sentence, "Mar, 2024")
    assert measure_of(sentence, found, others) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "text", "sized"),
    [
        (
            "Dali, a 984-foot cargo ship bound for Sri Lanka, collided against it.",
            "984-foot",
            ("cargo", "ship"),
        ),  # baltimore-bridge/07_telegraphindia
        (
            "The 985-foot-long (300-meter-long) vessel struck one of the 1.6-mile (2.6-kilometer) "
            "bridge's supports",
            "1.6-mile (2.6-kilometer)",
            ("bridge",),
        ),  # baltimore-bridge/03_livemint
        (
            "Competitors were concerned it may give Microsoft a tight grip on the $200 billion games market.",
            "$200 billion",
            ("game", "market"),
        ),  # activision-deal/06_cnbc
        # rule sum-of: what a sum is, named after it
        (
            "First Citizens, a regional lender based in Raleigh, North Carolina, will buy $119 billion "
            "in SVB deposits and $72 billion in loans",
            "$72 billion",
            ("loan",),
        ),  # svb-collapse/08_theweek
        (
            "The FDIC has been seeking a buyer for the bank's operations, which include about $110 "
            "billion in assets, $56 billion worth of customer deposits, and about $72 billion worth of "
            "business loans.",
            "$56 billion",
            ("customer", "deposit"),
        ),  # svb-collapse/09_bizreport
        (
            "First Citizens will buy $119 billion in SVB deposits and $72 billion in loans, at a discount "
            "of $16.5 billion.",
            "$16.5 billion",
            ("discount",),
        ),  # svb-collapse/08_theweek: what a sum is, named before it
        (
            "Also, Activision Blizzard will be required to pay Microsoft a termination fee of $2.27 billion.",
            "$2.27 billion",
            ("fee",),
        ),  # activision-deal/04_marketscreener
        (
            "The sale of securities will lead to a loss in earnings after taxes of US$1.8 billion, noted in "
            "the letter",
            "US$1.8 billion",
            (),
        ),  # svb-collapse/05_kaohoon: "after tax" is no name of the sum
        (
            "SVB Financial Group shares lost over $80 billion in value overnight",
            "over $80 billion",
            (),
        ),  # svb-collapse/05_kaohoon: "in value" says how much, not what
        ("The base's runway, roughly 2,400 m long, was rebuilt.", "roughly 2,400 m", ()),  # a size, no noun
        (
            "Ronaldo will earn £175million-a-year at Al Nassr",
            "£175million-a-year",
            (),
        ),  # a rate sizes nothing
    ],
)
def test_what_a_size_or_sum_stands_before(sentence: str, text: str, sized: tuple[str, ...]) -> None:
    found, _ = figure(sentence, text)
    assert found.sized[: len(sized)] == sized
    assert sized_by(sentence, found)[: len(sized)] == sized
    if not sized:
        assert found.sized == ()


def test_a_figure_sizes_another_thing_only_when_both_name_a_kind() -> None:
    bridge = things_of(["The Key Bridge was 1.6 km long.", "Francis Scott Key Bridge"], "length")
    assert sizes_another(("cargo", "ship", "bound"), bridge)  # the ship's length is not the bridge's
    assert not sizes_another(("bridge",), bridge)
    assert not sizes_another(("structure",), bridge)  # "the 1.6-mile structure" may be the bridge
    # "The Dali is roughly 300 metres long": what the Dali is, the claim does not say.
    assert not sizes_another(
        ("cargo", "vessel"), things_of(["The Dali is roughly 300 metres long."], "length")
    )
    # head synonyms: a claim on a ship speaks of vessels
    ship = things_of(["The container ship was 300 m long."], "length")
    assert not sizes_another(("vessel",), ship) and sizes_another(("bridge",), ship)


def test_a_sum_of_one_thing_is_no_sum_of_another() -> None:
    # Rule sum-of, through the check: each claim meets the sum of its own thing (svb-collapse/08_theweek).
    article = (
        "First Citizens, a regional lender based in Raleigh, North Carolina, will buy $119 billion in SVB "
        "deposits and $72 billion in loans, at a discount of $16.5 billion."
    )
    deposits = finding_for("First Citizens assumed $119 billion of SVB's deposits.", article)
    loans = finding_for("First Citizens acquired about $72 billion of SVB's loans.", article)
    assert [(f.verdict.value, f.quantity and f.quantity.value) for f in (deposits, loans)] == [
        ("agree", 119e9),
        ("agree", 72e9),
    ]
    assert sizes_other_thing(deposits.quantity, loans.quantity)  # type: ignore[arg-type]
    # A size must name a kind on both sides: "the 1.6-mile structure" may be the bridge.
    bridge, structure = extract_quantities("the 1.6-mile bridge and the 1.6-mile structure")
    assert not sizes_other_thing(bridge, structure)


@pytest.mark.parametrize(
    "sentence",
    [
        # chandrayaan-3/04_hindustantimes
        "Chandrayaan-3 blasts off from the Satish Dhawan Space Centre in Sriharikota, India, Friday, "
        "July 14, 2023",
        # chandrayaan-3/03_wionews's verb, 09_expressandstar's
        "The rocket lifted off majestically on July 14, 2023 at 2:35 pm.",
        "Chandrayaan-3 took off from a launchpad in Sriharikota on July 14, 2023.",
    ],
)
def test_a_lift_off_is_a_launch(sentence: str) -> None:
    (date,) = [q for q in extract_quantities(sentence) if q.unit == "year"]
    assert date.measure == "began"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # twitter-takeover/08_wionews's claim drafted by suggest, and 12_domain-b
        (
            "Musk said he had no further sales planned after he sold $8.5 billion worth of Tesla shares.",
            "$8.5 billion",
        ),
        (
            "he instead sold roughly $15.5 billion worth of shares in Tesla in two waves",
            "roughly $15.5 billion",
        ),
    ],
)
def test_what_a_sum_is_may_be_a_word_that_is_also_a_verb(sentence: str, text: str) -> None:
    # After "of" a noun comes: "shares" (a claim verb, "shares a border") is what the sum is.
    found, _ = figure(sentence, text)
    assert found.sized == ("share",)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # activision-deal/04_marketscreener
        (
            "Activision Blizzard will be required to pay Microsoft a termination fee of $2.27 billion.",
            "$2.27 billion",
        ),
        # twitter-takeover/02_irishtimes (its title)
        ("Elon Musk can walk away from Twitter deal by paying $1bn break fee", "$1bn"),
        # ronaldo-transfer/01_i24news
        (
            "the signing fee of around $100 million plus financial incentives via advertising",
            "around $100 million",
        ),
    ],
)
def test_a_fee_is_no_price(sentence: str, text: str) -> None:
    found, _ = figure(sentence, text)
    assert found.measure == "fee"


def test_a_fee_does_not_meet_the_deals_price() -> None:
    # twitter-takeover: the claim's break-up fee against the deal's $44 billion (01_9to5mac's words).
    finding = finding_for(
        "Under the merger agreement, Musk faced a $1bn break-up fee if the deal fell through.",
        "Elon Musk is acquiring Twitter in a deal valued at $44 billion, the company said.",
    )
    assert finding.verdict.value == "gap"


@pytest.mark.parametrize(
    ("sentence", "text", "later"),
    [
        # maui-wildfire/14_upi
        (
            "The death toll from the wildfires that devastated Maui last month has dropped from 115 to 97 "
            "after DNA tests",
            "115",
            "97",
        ),
        ("That number is down from 66 described as missing at the end of last week", "66", None),  # 14_upi
        # The whole a cut takes a share of: twitter-takeover/10_tribuneindia, and CBS News as carried by
        # wwaytv3.com (2022-11-04, "Reports: Twitter set to lay off roughly half its staff").
        (
            "Musk told prospective investors that he plans to cut three quarters of Twitter's 7,500 workers",
            "7,500 workers",
            None,
        ),
        (
            "The Washington Post, New York Times and Bloomberg News, among others, reported that about half "
            "of Twitter's 7,500 employees will be let go",
            "7,500 employees",
            None,
        ),
        # chandrayaan-3/02_ummid
        (
            "India plans for its companies to increase their share of the launch market fivefold, up from "
            "2% in 2020",
            "2%",
            None,
        ),
        # A value of a time before: india-election-2024/08_malaymail and 16_dpa,
        # twitter-takeover/04_channelnews, east-palestine-derailment/10_cnn.
        (
            "it is about one percentage point lower than the 67.4 per cent turnout five years back",
            "67.4 per cent",
            None,
        ),
        (
            "Together with its allies, it had 353 seats five years ago, giving it a majority",
            "353 seats",
            None,
        ),
        (
            "Daily active users sit at 229 million, previously at 199 million the year before",
            "199 million",
            "229 million",
        ),
        ("down from the $703 million it earned in the same quarter a year earlier", "$703 million", None),
        # The value compared with: reddit-ipo-2024/03_exbulletin, 07_ictcareer, 11_feedsnews, and
        # india-election-2024/08_malaymail.
        (
            "That's a drop from its 2021 valuation of $10 billion, but it's still stronger than expected",
            "$10 billion",
            None,
        ),
        (
            "The figure is lower than the US$10 billion valuation set during a funding round in 2021",
            "US$10 billion",
            None,
        ),
        (
            "Although the number is higher than the 612 million voters who cast their ballots in the"
            " previous election in 2019, it is about one percentage point lower",
            "612 million voters",
            None,
        ),
    ],
)
def test_the_value_before_a_change_is_marked(sentence: str, text: str, later: str | None) -> None:
    # Rule earlier-value: "from 115" is what the toll was, not what the source says it is.
    found, others = figure(sentence, text)
    assert EARLIER_VALUE in found.qualifiers
    if later is not None:
        (after,) = [q for q in others if q.text == later]
        assert EARLIER_VALUE not in after.qualifiers
    claim = extract_quantities(f"The count was {text}.")[0]
    assert same_fact(claim, found).rule == "earlier-value"


def test_a_bound_is_no_value_compared_with() -> None:
    """ "more than 500" is a bound on the figure, not another figure it is compared with."""
    (found,) = extract_quantities("The base has more than 500 employees.")
    assert EARLIER_VALUE not in found.qualifiers


def test_a_share_of_a_whole_is_no_earlier_value_without_a_cut() -> None:
    found, _ = figure("Half of Twitter's 7,500 employees work in California", "7,500 employees")
    assert EARLIER_VALUE not in found.qualifiers


def test_a_claim_on_the_value_before_an_event_meets_the_sources_earlier_value() -> None:
    # twitter-takeover staff-before against 10_tribuneindia: the claim says "before Musk's layoffs".
    finding = finding_for(
        "Twitter had fewer than 8,000 employees before Musk's layoffs.",
        "Musk told prospective investors that he plans to cut three quarters of Twitter's 7,500 workers.",
    )
    assert finding.verdict.value == "agree", finding.reason
    # Without "before", the claim is about the count itself, which "from 7,500" is not.
    finding = finding_for(
        "Twitter has fewer than 8,000 employees.",
        "Musk told prospective investors that he plans to cut three quarters of Twitter's 7,500 workers.",
    )
    assert finding.verdict.value == "gap", finding.reason


@pytest.mark.parametrize(
    ("sentence", "text", "measure"),
    [
        # maui-wildfire/03_rawstory
        (
            "At least 36 people have been confirmed dead in the wildfire on Hawaii's Maui island",
            "At least 36 people",
            "deaths",
        ),
        # the words of maui-wildfire/12_alaskapublic ("people who were reported missing"), with a figure
        ("By Friday, 1,100 people were reported missing.", "1,100 people", "missing"),
    ],
)
def test_who_says_so_stands_between_a_count_and_what_happened(sentence: str, text: str, measure: str) -> None:
    # Rule after, past the words that say how it is known ("confirmed", "reported", "presumed").
    found, others = figure(sentence, text)
    assert measure_of(sentence, found, others) == (measure, "after")


@pytest.mark.parametrize(
    "sentence",
    [
        # alaska-door-plug/08_republicworld, 16_koin
        "The aircraft reached approximately 16,000 feet about six minutes into the flight.",
        "The plane had climbed to 16,300 feet when the door plug blew out.",
    ],
)
def test_a_length_before_a_function_word_sizes_nothing(sentence: str) -> None:
    (found,) = [q for q in extract_quantities(sentence) if q.unit == "feet"]
    assert found.measure != "length" and not found.sized


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # Pages outside the corpus: The Canadian Independent (Hunter Biden's conviction, 2024) and
        # Grunge (2024-05-31, "Here's The Maximum Sentence Donald Trump Could Face").
        (
            "The press release states that Hunter Biden faces a maximum sentence of 17 years in prison.",
            "17 years",
        ),
        ("In theory, Trump could receive 136 years in prison if the judge decides so.", "136 years"),
        # A Daily Mail headline quoted by a blog (2010-11-24, "Could? - Yes. Will? - No").
        ("Teenager could face five years in jail after admitting throwing fire extinguisher", "five years"),
    ],
)
def test_the_most_a_figure_could_be_is_marked(sentence: str, text: str) -> None:
    """Rule possible-value: what someone faces or could receive is not the sentence given."""
    found, _ = figure(sentence, text)
    assert POSSIBLE_VALUE in found.qualifiers
    given = extract_quantities(_SENTENCED)[0]
    assert POSSIBLE_VALUE not in given.qualifiers
    assert same_fact(given, found).rule == "possible-value"


@pytest.mark.parametrize(
    "sentence",
    [
        # maui-wildfire/02_natureworldnews: a maximum that is what was measured, not what could be.
        "Dora had reached maximum sustained wind speeds of 130 mph, plus gusts to 160 mph.",
        # twitter-takeover (claim breakup-fee): a fee one faces is owed, not a bound the law sets.
        "Under the merger agreement, Musk faced a $1bn break-up fee if the deal fell through.",
        _SENTENCED,
    ],
)
def test_a_figure_that_is_what_it_is_is_not_marked_possible(sentence: str) -> None:
    assert all(POSSIBLE_VALUE not in q.qualifiers for q in extract_quantities(sentence))


def test_a_claim_on_the_maximum_meets_the_maximum_and_not_the_sentence_given() -> None:
    claim = "Hunter Biden faced a maximum sentence of 17 years."
    article = "The press release states that Hunter Biden faces a maximum sentence of 17 years in prison."
    assert finding_for(claim, article).verdict.value == "agree"
    given = finding_for(claim, "A judge sentenced Hunter Biden to 4 years in prison.")
    assert (given.verdict.value, given.reason.rsplit("(", 1)[1]) == ("gap", "possible-value)"), given.reason


@pytest.mark.parametrize(
    "sentence",
    [
        # CBS Washington (2014-12-23, Bob McDonnell's sentencing) and a U.S. Supreme Court
        # opinion (Connecticut v. Barrett, 1987).
        "McDonnell's lawyers asked for community service while prosecutors recommended a prison"
        " term of at least 10 years.",
        "He was convicted and sentenced to a prison term of 9 to 18 years.",
    ],
)
def test_a_phrase_ending_on_a_measure_word_names_the_measure(sentence: str) -> None:
    """ "a prison term" is a sentence, though "term" alone is a contract's (``_before``)."""
    (found,) = extract_quantities(sentence)
    assert found.measure == "sentence"
    assert (
        extract_quantities("Ronaldo signed a contract with a term of two and a half years.")[0].measure
        == "term"
    )


_TWO_SPANS = (
    "Nvidia shares are up more than 215% in the past 12 months and more than 3,400% in the past five years."
)


@pytest.mark.parametrize(
    ("sentence", "text", "period"),
    [
        # crowdstrike-outage/09_epochtimes
        (
            "Following the outage, the legal complaint says CrowdStrike's share price to fall 32 percent"
            " over the next 12 days, wiping out $25 billion of market value.",
            "32 percent",
            "some days or weeks",
        ),
        # nvidia-3-trillion/01_cbsnews, 16_followin (two spans, each its own amount's), 13_bitcoinethereumnews
        ("The company's stock, which has shot up more than 174% this year, was trading higher.",
         "more than 174%", "the year"),
        (_TWO_SPANS, "more than 215%", "twelve months"),
        (_TWO_SPANS, "more than 3,400%", "several years"),
        ("So far this year, Nvidia shares are up 175%; Microsoft shares are up nearly 19% in 2024.",
         "175%", "the year"),
        ("Year-to-date, the shares are up 180%.", "180%", "the year"),
        # claims of crowdstrike-outage and nvidia-3-trillion
        ("CrowdStrike's shares fell about 15% on the day of the outage.", "about 15%", "a day"),
        ("Nvidia's shares gained 3.5% on the Tuesday it overtook Microsoft.", "3.5%", "a day"),
        # no span of its own: another amount's, a record's, when it was told
        ("Year-to-date, the shares are up 180%. That compares to a 20% gain for Microsoft.", "20%", None),
        ("Shares fell 15%, the most since 2020.", "15%", None),
        ("The ministry said on Tuesday that 2,946 people died.", "2,946 people", None),
    ],
)  # fmt: skip
def test_the_span_a_figure_is_counted_over_is_marked(sentence: str, text: str, period: str | None) -> None:
    """Rule period: "over the next 12 days", "so far this year", "on Tuesday" say what span of
    time a figure is counted over; the span belongs to the amount right before it, or, opening
    the sentence, to the first after it."""
    found, _ = figure(sentence, text)
    marked = [q[len(PERIOD) :] for q in found.qualifiers if q.startswith(PERIOD)]
    assert marked == ([period] if period else [])


def test_a_change_over_another_span_is_another_fact() -> None:
    """A fall "on the day of the outage" is not one "over the next 12 days" (crowdstrike 09_epochtimes);
    a span the other side does not give decides nothing."""
    claim = "CrowdStrike's shares fell about 15% on the day of the outage."
    later = "CrowdStrike's share price fell 32 percent over the next 12 days."
    assert finding_for(claim, later).reason.endswith("(period)")
    assert finding_for(claim, "CrowdStrike's share price fell 32 percent.").verdict.value == "conflict"
    assert finding_for(claim, "CrowdStrike's share price fell 14 percent on Friday.").verdict.value == "agree"


@pytest.mark.parametrize(
    "text",
    [
        "Shares are up 12% since the beginning of 2024.",  # its one anchor opens it: "since"
        "SO FAR THIS YEAR, NVIDIA SHARES ARE UP 175%.",
        "İstanbul's index gained 3% on Tuesday.",  # a letter whose lowercase is longer
        "The toll rose to 2,946, officials said.",  # none
    ],
)
def test_the_quick_look_for_a_span_finds_what_the_whole_pattern_finds(text: str) -> None:
    """``may_have_period`` tries the spans' pattern only around their anchors."""
    from claimcheck.measures import _PERIOD, _lowered, may_have_period

    assert may_have_period(text) is (_PERIOD.search(_lowered(text)) is not None)


@pytest.mark.parametrize(
    "text",
    [
        # intel-layoffs-2024/09_businessinsider, spotify-layoffs-2023/12_technologydispatch
        "The dip comes after the company announced plans to lay off 15,000 workers.",
        "Music streaming giant Spotify said on Monday that it will lay off around 1,500 employees.",
    ],
)
def test_a_phrase_of_the_measure_table_is_read_by_its_lemmas_too(text: str) -> None:
    """The lemmatiser reads "lay off" as "lie off" ("laid off" as "lay off"): the table holds both
    forms of a phrase, so a cut is a cut whichever tense says it."""
    (figure,) = extract_quantities(text)
    assert figure.measure == "cut"


@pytest.mark.parametrize(
    ("claim", "article", "verdict", "value"),
    [
        # tesla-deliveries-2023/05_arienhost: what a maker made is not what it delivered ...
        (
            "Tesla delivered 484,507 vehicles worldwide in the fourth quarter of 2023.",
            "Tesla produced 494,989 vehicles in the fourth quarter.",
            "gap",
            None,
        ),
        # ... 16_insideevs: of the two, the claim meets its own
        (
            "Tesla produced about 1.85 million vehicles over 2023.",
            "For the whole of 2023, Tesla delivered 1,808,581 cars and produced 1,845,985 vehicles.",
            "agree",
            1_845_985,
        ),
    ],
)
def test_what_was_made_is_not_what_was_sold(
    claim: str, article: str, verdict: str, value: float | None
) -> None:
    finding = finding_for(claim, article)
    assert finding.verdict.value == verdict, finding.reason
    assert (finding.quantity.value if finding.quantity and verdict == "agree" else None) == value
