"""The traps of the core issue, end to end: one claim, one short article, one verdict."""

from pathlib import Path

import pytest

from conftest import assert_finding, finding_for

KANT_AND_MANAS = (
    "Not far from the Russian air base in Kant, Kyrgyzstan hosts a U.S. military base at its "
    "Manas International Airport that has some 1,000 personnel."
)


def test_agree_within_tolerance_when_hedged() -> None:
    assert_finding(
        "The Kant air base hosts about 500 Russian personnel.",
        "The development of the Kant base, which will have about 500 personnel, will follow.",
        "agree",
        500,
    )


def test_conflict_beyond_tolerance() -> None:
    finding = assert_finding(
        "The Kant air base hosts about 500 Russian personnel.",
        "The air base in Kant hosts some 400 personnel and Mi-8 helicopters.",
        "conflict",
        400,
    )
    assert finding.quote == "hosts some 400 personnel"
    assert "20% apart, beyond the 10% tolerance" in finding.reason


def test_a_figure_about_another_subject_in_the_same_sentence_is_a_gap() -> None:
    assert_finding("The Kant air base hosts about 500 personnel.", KANT_AND_MANAS, "gap")
    assert_finding("The Manas base has about 1,000 personnel.", KANT_AND_MANAS, "agree", 1000)


def test_two_subjects_same_unit_one_sentence() -> None:
    article = "The Kant air base has about 550 personnel, while the nearby Manas base has about 1,200."
    assert_finding("The Kant air base has about 1,200 personnel.", article, "conflict", 550)
    assert_finding("The Manas base has about 1,200 personnel.", article, "agree", 1200)


def test_bounds() -> None:
    article = "Daesh militants in Afghanistan now number more than 3,500, officials said."
    assert_finding("More than 3,000 Daesh militants are active in Afghanistan.", article, "agree")
    assert_finding("Fewer than 3,000 Daesh militants are active in Afghanistan.", article, "conflict")
    assert_finding(
        "Up to 20 Su-25 attack planes were sent to Kant.",
        "Russia sent 12 Su-25 attack planes to Kant on Monday.",
        "agree",
        12,
    )


def test_number_words() -> None:
    assert_finding(
        "The 201st base has about 7,000 troops.",
        "Russia's 201st military base, which has some seven thousand troops in Dushanbe, sent T-72 tanks.",
        "agree",
        7000,
    )


def test_model_names_are_not_figures() -> None:
    # Only "Mi-8" and "Su-25" carry digits here: no figure of helicopters at all.
    assert_finding(
        "The Kant air base has 8 helicopters.",
        "The air base in Kant is equipped with Su-25 jets and Mi-8 helicopters.",
        "gap",
    )


def test_model_designations_tell_figures_apart() -> None:
    assert_finding(
        "Up to 20 Su-25 attack planes were deployed to the Kant air base.",
        "Two Il-76 cargo planes delivered equipment and personnel to the Kant base.",
        "gap",
    )


def test_the_base_refers_back() -> None:
    assert_finding(
        "The Kant air base was established in 2003.",
        "The air base in Kant hosts some 400 personnel. The base was established in 2003.",
        "agree",
        2003,
    )


def test_claims_without_a_number() -> None:
    article = "Unlike Tajikistan, Kyrgyzstan has no shared borders with Afghanistan."
    assert_finding("Kyrgyzstan shares a border with Afghanistan.", article, "conflict")
    assert_finding("Kyrgyzstan has no border with Afghanistan.", article, "agree")
    assert_finding(
        "Mi-8 helicopters are based at Kant.",
        "The air base in Kant is reportedly equipped with Su-25 jets as well as Mi-8 helicopters.",
        "agree",
    )
    assert_finding("Mi-8 helicopters are based at Kant.", "Kant hosts some jets and helicopters.", "gap")


def test_a_distance_needs_the_other_place() -> None:
    assert_finding("Kant is about 20 km from Bishkek.", "Kant is aout 20 kilometers from Bishkek.", "agree")
    assert_finding("The runway at Kant is about 2,400 m long.", "Kant is 20 kilometers from Bishkek.", "gap")


def test_money_needs_the_claims_verb() -> None:
    article = "The Manas base reportedly contributes $50 million to the Kyrgyz economy every year."
    assert_finding("The Manas base contributes $50 million a year to the economy.", article, "agree")
    assert_finding("The United States pays $17.4 million a year in rent for Manas.", article, "gap")


def test_unit_conversion() -> None:
    assert_finding("Kant lies about 20,000 metres from Bishkek.", "Kant is 20 km from Bishkek.", "agree")


@pytest.mark.parametrize("article", ["", "Nothing about it here.", "Kant is a town."])
def test_silence_is_a_gap(article: str) -> None:
    assert finding_for("The Kant air base hosts about 500 personnel.", article).verdict.value == "gap"


@pytest.mark.parametrize(
    ("claim", "article"),
    [
        # hajj-heat-2024/07_theworldmonitor: "Egypt's cabinet" is "the cabinet".
        (
            "Egypt's cabinet confirmed 28 deaths among its officially registered pilgrims.",
            "While Egypt has yet to confirm the total number of fatalities, the cabinet reported that out of"
            " 50,752 officially registered pilgrims, 28 have died.",
        ),
        # paris-olympics-2024/08_parisfr: a sentence without a subject of its own.
        (
            "Roughly 9.5 million tickets were sold for the Paris Olympic Games.",
            "9.5 million tickets sold for the Olympic Games by spectators coming from 222 different"
            " countries.",
        ),
    ],
)
def test_the_claims_very_figure_in_most_of_its_words_agrees(claim: str, article: str) -> None:
    """Rule same-words: a passage that gives the claim's very figure and holds most of its other
    words states the claim, though the claim's subject is not found there."""
    found = finding_for(claim, article)
    assert (found.verdict.value, found.reason.rsplit("(", 1)[1]) == ("agree", "same-words)"), found.reason


@pytest.mark.parametrize(
    ("claim", "article"),
    [
        # la-wildfires-2025/04_gkpdaily
        (
            "Cal Fire's final figure for the area burned by the Palisades Fire was 23,448 acres.",
            "The Palisades Fire consumed 23,448 acres, destroying 6,837 structures and damaging another"
            " 1,017.",
        ),
        # taiwan-election-2024/01_focustaiwan
        (
            "In the final count Lai Ching-te took 40.05% of the presidential vote.",
            "According to the CEC, Lai and Hsiao garnered a total of 5,586,019 votes, or 40.05 percent.",
        ),
    ],
)
def test_the_claims_distinct_figure_in_other_words_agrees(claim: str, article: str) -> None:
    """Rule distinct-figure: an exact figure written to four significant digits or more, of the
    claim's measure and no other named thing's, is the claim's though few of its words stand by."""
    found = finding_for(claim, article)
    rule = found.reason.rsplit("(", 1)[1]
    assert (found.verdict.value, rule) == ("agree", "distinct-figure)"), found.reason
    # A round figure in other words says no such thing.
    round_figure = (claim.replace("23,448", "23,000"), article.replace("23,448", "23,000"))
    assert "40.05" in claim or finding_for(*round_figure).verdict.value == "gap"


@pytest.mark.parametrize(
    ("claim", "article"),
    [
        # hurricane-beryl-2024/03_clickorlando: the storm's peak, not its landfall in Texas
        (
            "Beryl came ashore near Matagorda, Texas, with maximum sustained winds of about 130 km/h.",
            "Hurricane Hunters found that Beryl's maximum sustained winds have increased to 160 mph, making"
            " the storm a Category 5 hurricane on the Saffir Simpson scale.",
        ),
        # hurricane-milton-2024/14_saltwire: Category 5 at sea, not the Category 3 that struck
        (
            "Milton struck as a Category 3 hurricane with maximum sustained winds of 120 mph.",
            "Milton, a Category 5 hurricane as of late Tuesday, was heading toward Florida with sustained"
            " wind speeds of 160 mph.",
        ),
    ],
)
def test_a_changing_value_read_at_another_moment_is_no_conflict(claim: str, article: str) -> None:
    """Rule other-moment: a storm's wind speed changes through its life; it contradicts the
    claim's only read at the claim's moment (landfall, peak, the same category)."""
    found = finding_for(claim, article)
    assert (found.verdict.value, found.reason.rsplit("(", 1)[1]) == ("gap", "other-moment)"), found.reason
    # At the claim's moment it does.
    at_landfall = "Milton made landfall as a Category 3 hurricane with sustained wind speeds of 160 mph."
    assert (
        finding_for(
            "Milton struck as a Category 3 hurricane with maximum sustained winds of 120 mph.", at_landfall
        ).verdict.value
        == "conflict"
    )


def test_the_same_figure_given_to_another_thing_or_in_other_words_is_no_agreement() -> None:
    """A figure the sentence gives to a thing the claim does not name is that thing's; another
    figure in the claim's words is no conflict (the passage may speak of another thing)."""
    funding = "Rosriora received $3 million in funding this year."
    elsewhere = "The Kesobul air base received $3 million in funding this year."
    assert finding_for(funding, elsewhere).verdict.value == "gap"
    confirmed = "Egypt's cabinet confirmed 28 deaths among its officially registered pilgrims."
    other = "The cabinet reported that out of 50,752 officially registered pilgrims, 31 have died."
    assert finding_for(confirmed, other).verdict.value == "gap"


@pytest.mark.parametrize(
    ("claim", "article"),
    [
        # boeing-strike-2024/12_bernama
        (
            "Nearly 95% of voting members rejected Boeing's first tentative agreement.",
            "The workers had previously rejected the first Boeing offer of a 25 per cent increase by nearly"
            " 95 per cent.",
        ),
        # super-bowl-lviii/11_dailymail
        (
            "Mahomes's game-winning touchdown pass to Mecole Hardman covered about 2.7 metres.",
            "With the Chiefs trailing 22-19 in overtime, Mahomes engineered a 13-play, 75-yard drive and"
            " tossed the game-winning 3-yard touchdown pass to Mecole Hardman with three seconds left.",
        ),
    ],
)
def test_a_weak_figure_that_differs_gives_way_to_one_that_fits(claim: str, article: str) -> None:
    """Rule ambiguous-fit: the deciding figure only weakly states the fact and differs; another
    the source gives for it as nearly fits, and agrees (the first is listed as ambiguous)."""
    found = finding_for(claim, article)
    assert found.verdict.value == "agree" and "(ambiguous)" in found.reason, found.reason


@pytest.mark.parametrize(
    ("claim", "article", "other"),
    [
        # activision-deal/06_cnbc
        (
            "Microsoft agreed to buy Activision Blizzard for about $69 billion.",
            "Microsoft announced its intention to acquire Activision Blizzard in January 2022 for $69"
            " billion, in one of the biggest deals the video game industry has seen to date.\n\nHowever,"
            " some of Microsoft's competitors contested the deal, concerned it may give Microsoft a tight"
            " grip on the $200 billion games market.",
            200e9,
        ),
        # nvidia-3-trillion/06_newsghana
        (
            "Nvidia's shares gained 3.5% on the Tuesday it overtook Microsoft.",
            "Nvidia's shares rose by 3.5% on Tuesday, while Microsoft shares dipped by 0.5% and Apple shares"
            " fell by 1.1%.\n\nNvidia recently completed a 10-for-1 stock split on June 7 and reported a"
            " record-breaking quarter last month, with a 262% increase in revenue and a 462% rise in profits"
            " year-over-year.",
            262,
        ),
        # india-election-2024/05_etvbharat
        (
            "The BJP-led National Democratic Alliance finished with 293 seats in the new Lok Sabha.",
            "New Delhi:The BJP-led National Democratic Alliance is poised to secure a third term, winning 293"
            " Lok Sabha seats, with the saffron party managing 240 seats, and failing to reach the"
            " 272-majority mark.",
            240,
        ),
    ],
)
def test_the_claims_own_figure_beside_a_differing_one_agrees(claim: str, article: str, other: float) -> None:
    """Rule agree-elsewhere: a source that states the claim's own figure for its fact agrees,
    though a figure that reads as the fact as well or better differs; that one is listed."""
    found = finding_for(claim, article)
    assert found.verdict.value == "agree" and "(agree-elsewhere)" in found.reason, found.reason
    assert [figure.quantity.value for figure in found.figures[1:]] == [other]


@pytest.mark.parametrize(
    ("claim", "article", "value"),
    [
        # spotify-layoffs-2023/07_jurnaltime
        (
            "Spotify's first layoff round of 2023, in January, cut about 6% of its staff.",
            "Spotify announced that it will lay off 1,600 people.\n\nThe company had reduced the number"
            " of employees by 6 percent in January and by 2 percent in June.",
            6,
        ),
        # paris-olympics-2024/03_trtafrika
        (
            "Around 10,500 athletes took part in the Paris 2024 Olympics.",
            "The opening ceremony for the Paris Olympics began on Friday.\n\nOrganisers said they expect"
            " 6,800 of the 10,500 athletes will attend before they embark on the next 16 days of"
            " competition.",
            10500,
        ),
    ],
)
def test_the_claims_own_figure_in_a_passage_that_names_nothing_agrees(
    claim: str, article: str, value: float
) -> None:
    """Rule agree-elsewhere in an article about the subject (rule topic): of the figures of the
    kind a passage gives without naming the subject, the claim's own agrees."""
    assert_finding(claim, article, "agree", value)


def test_a_figure_another_name_owns_in_a_passage_that_names_nothing_is_no_echo() -> None:
    # The generated bench corpus: the figure is Fenabul's, whatever it is worth to Molmis.
    article = (
        "Molmis naval base: what we know so far\n\n"
        "Officials said at most 1,400 soldiers are stationed at Fenabul.\n\n"
        "Officials said around 8,350 servicemen are stationed at Irdova."
    )
    found = finding_for("The Molmis naval base hosts about 1,500 personnel.", article)
    assert found.verdict.value == "gap", found.reason


def test_a_figure_whose_measure_is_only_presumed_does_not_overrule_one_read() -> None:
    """tests/accuracy 101_tajik_afghan_patrols: the patrol's contingent is no echo of the base's
    strength, which the base "has"."""
    article = (
        "Russia's 201st military base, which has some seven thousand troops in Dushanbe and Bokhtar, has"
        " sent six T-72 tanks and twelve BMP-2 infantry fighting vehicles to the southern Khatlon region,"
        " Lt. Col. Timur Gaziev, a base spokesman, said. Between 500 and 600 troops from the base will take"
        " part in the patrols, which are scheduled to last until the end of May."
    )
    claim = (
        "id: base\nsubject: 201st military base\nvalue: 550\nunit: troops\napprox: true\n"
        "claim: The 201st military base has between 500 and 600 troops."
    )
    found = finding_for(claim, article)
    assert found.verdict.value == "conflict" and found.quantity is not None and found.quantity.value == 7000


@pytest.mark.parametrize(
    ("claim", "article", "why"),
    [
        # alaska-door-plug/04_travelpress: the FAA's whole grounding, not Alaska's fleet.
        (
            "id: c\nclaim: Alaska Airlines grounded its whole fleet of 65 Boeing 737 MAX 9 jets.\n"
            "subject: Alaska Airlines' Boeing 737 MAX 9 fleet\n"
            "aliases: [Alaska, Alaska Airlines, its 737 Max 9 fleet, Max 9s]",
            "The Federal Aviation Administration (FAA) has ordered the temporary grounding of 171"
            " Boeing 737 MAX 9 aircraft operated by U.S. airlines or in U.S. territory, following an"
            " incident aboard an Alaska Airlines flight on Jan. 5.",
            "over twice the claim's figure, and no word says it measures",
        ),
        # mexico-election-2024/05_radiosurco: the Senate's seats up for election, not the deputies won.
        (
            "id: c\nclaim: Morena and its allies ended up with 364 of the 500 seats in the Chamber"
            " of Deputies.\nsubject: Lower-house seats held by Morena and its allies\n"
            "aliases: [Chamber of Deputies, lower house, seats]",
            "Around 98 million citizens were eligible to vote this Sunday for more than 20,000 posts,"
            " including, in addition to the presidency, nine governorships, 128 senatorial seats and"
            " 500 federal deputies.",
            "under half the claim's figure, in a passage that holds few of the claim's words",
        ),
    ],
)
def test_a_figure_far_from_the_claims_in_a_loose_frame_is_no_conflict(
    claim: str, article: str, why: str
) -> None:
    """Rule far-apart: figures over twice apart conflict only where the fact is stated firmly."""
    found = finding_for(claim, article)
    assert found.verdict.value == "gap" and f"{why}" in found.reason and "(far-apart)" in found.reason, (
        found.reason
    )


@pytest.mark.parametrize(
    "article",
    [
        # taiwan-hualien-quake-2024/02_rti and 15_evertiq
        "Four people have died and dozens more have been injured in the strongest earthquake to strike"
        " Taiwan in 25 years.",
        "According to reports from, among others, Reuters and Nikkei, four people have been killed in"
        " the quake and at least 50 have been reported injured.",
    ],
)
def test_a_figure_far_from_the_claims_stated_firmly_still_conflicts(article: str) -> None:
    assert_finding("The earthquake killed nine people.", article, "conflict", 4)


def test_another_places_figure_in_a_passage_that_holds_few_of_the_claims_words_is_no_echo() -> None:
    """ECHO_WORDS: Manas's "some 20 km north-west of Bishkek" does not echo Kant's 20 km where
    the passage that decides, "about 25 kilometres east of the capital", holds far more of the
    claim's words (tests/compare_heldout 203)."""
    article = (Path(__file__).parent / "compare_heldout/sources/203_kant_more_jets.txt").read_text()
    found = finding_for(
        "Kant, 20 km east of Bishkek, flies 10 Su-25 attack jets and a dozen Mi-8 helicopters.", article
    )
    assert found.verdict.value == "conflict" and found.quote == "lies about 25 kilometres", found.reason


@pytest.mark.parametrize(
    ("claim", "article", "verdict"),
    [
        # argentina-election-2023/01_axios, 09_btimes: the country's share, not the province's.
        (
            "Milei won 74.05% of the runoff vote in Córdoba province.",
            "By the numbers: La Libertad Avanza candidate Milei won about 56% of the vote, while Peronist"
            " Economy Minister Massa won just over 44%.",
            "gap",
        ),
        (
            "Milei won 74.05% of the runoff vote in Córdoba province.",
            "In a dramatic shift for Argentina's political future, the fiery far-right libertarian, Javier"
            " Milei, clinched the presidential victory, capturing 55.69% of the vote.",
            "gap",
        ),
        # argentina-election-2023/13_easytoread names the province.
        (
            "Milei won 74.05% of the runoff vote in Córdoba province.",
            "In Córdoba, the difference in the number of votes between the candidates was the largest:"
            " 74.05% of the votes for Milei against 25.94% for Massa.",
            "agree",
        ),
    ],
)
def test_a_claim_placed_somewhere_is_not_contradicted_where_no_such_place_is_named(
    claim: str, article: str, verdict: str
) -> None:
    """Rule place: the claim says where its fact is ("in Córdoba province"); a passage that names
    no such place may speak of the whole country: it may agree, never conflict."""
    found = finding_for(claim, article)
    assert found.verdict.value == verdict
    assert verdict == "agree" or found.reason.endswith("(place)"), found.reason
