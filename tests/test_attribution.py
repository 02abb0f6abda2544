import pytest

from claimcheck.attribution import antecedents, belongs_to, named_things
from claimcheck.quantities import extract_quantities
from claimcheck.subjects import make_subject

from conftest import assert_finding, finding_for
from test_subjects import index_of


def mention_and_figures(text: str, subject: str, *aliases: str):
    index = index_of(text)
    (mention,) = [m for m in index.mentions(make_subject(subject, aliases)) if not m.topic]
    return mention, extract_quantities(mention.passage.text)


def test_a_figure_goes_to_the_nearest_subject_not_to_another_base() -> None:
    text = (
        "Not far from the Russian air base in Kant, Kyrgyzstan hosts a U.S. military base at its "
        "Manas International Airport that has some 1,000 personnel."
    )
    mention, (figure,) = mention_and_figures(text, "Kant air base", "Kant")
    assert not belongs_to(mention, figure)
    mention, (figure,) = mention_and_figures(text, "Manas base", "Manas")
    assert belongs_to(mention, figure)


def test_two_subjects_with_the_same_unit_in_one_sentence() -> None:
    text = "The Kant air base has about 550 personnel, while the nearby Manas transit center has about 1,200."
    mention, figures = mention_and_figures(text, "Kant air base", "Kant")
    assert [f.value for f in figures if belongs_to(mention, f, figures=figures)] == [550]
    mention, figures = mention_and_figures(text, "Manas", "Manas transit center")
    assert [f.value for f in figures if belongs_to(mention, f, figures=figures)] == [1200]


def test_an_aside_does_not_take_the_figure_away() -> None:
    text = "Kant, some 30 km east of Bishkek, now hosts nearly 700 Russian servicemen."
    mention, figures = mention_and_figures(text, "Kant air base", "Kant")
    assert [f.value for f in figures if belongs_to(mention, f, figures=figures)] == [30, 700]


def test_a_relative_clause_belongs_to_its_antecedent() -> None:
    text = "Russia's 201st military base, which has some seven thousand troops in Dushanbe, sent tanks."
    mention, (figure,) = mention_and_figures(text, "201st military base", "201st")
    assert belongs_to(mention, figure)


def test_a_count_belongs_to_the_place_after_it() -> None:
    text = "Korzun said Moscow intends to station up to twelve helicopters at Kant by the end of the year."
    mention, (figure,) = mention_and_figures(text, "Kant air base", "Kant")
    assert belongs_to(mention, figure)


def test_named_things_skip_function_words_and_months() -> None:
    text = "The six remaining members agreed in May in Moscow to establish the Organization of the Treaty."
    assert [text[a:b] for a, b in named_things(text)] == ["Moscow", "Organization of the Treaty"]


def test_who_reports_a_figure_does_not_own_it() -> None:
    text = (
        "Tajik officials estimate that at least 4,000 Islamic State fighters are now active in Afghanistan."
    )
    mention, (figure,) = mention_and_figures(text, "Tajikistan")
    assert not belongs_to(mention, figure)


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        # boeing-strike-2024/01_yahoofinance
        (
            "Leaders of the International Association of Machinists and Aerospace Workers district in"
            " Seattle said 59% of members who cast ballots agreed to approve the company's fourth"
            " formal offer.",
            "members",
            59,
        ),
        # morocco-quake/07_panorama
        (
            "The World Health Organization said more than 300,000 people have been affected by the disaster.",
            "people affected",
            300_000,
        ),
        # maui-wildfire/14_upi
        ("Green said 31 reports of missing persons are still open.", "missing persons", 31),
    ],
)
def test_a_name_that_reports_a_figure_without_that_does_not_own_it(
    text: str, subject: str, value: int
) -> None:
    """Rule reporter: "X said 59% of members ...": the members' share, not X's or Seattle's."""
    mention, figures = mention_and_figures(text, subject)
    (figure,) = [f for f in figures if f.value == value]
    assert belongs_to(mention, figure)


def test_background_clauses_name_no_antecedent() -> None:
    fronted = (
        "Not far from the Russian air base in Kant, Kyrgyzstan hosts a U.S. military base at its "
        "Manas International Airport."
    )
    assert [fronted[a:b] for a, b in antecedents(fronted)] == [
        "Kyrgyzstan",
        "U.S. military base",
        "Manas International Airport",
    ]
    subordinate = "Manas is the last U.S. base in Central Asia, while Russia's air base at Kant lies east."
    # "is the last U.S. base" names Manas; the "while" clause is background.
    assert [subordinate[a:b] for a, b in antecedents(subordinate)] == ["Manas", "Manas", "Central Asia"]


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        # morocco-quake/03_ndtv, 08_theweek, 02_tasnim: a place named after a preposition is
        # where, not whose
        (
            "The quake hit 44 miles (71 kilometers) southwest of Marrakesh at a depth of 18.5 kilometers.",
            "quake",
            18.5,
        ),
        (
            "The epicentre was about 75 km southeast of Marrakech and had a depth of 18.5 kilometres.",
            "epicentre",
            18.5,
        ),
        (
            "The quake struck in the Ighil area of the High Atlas with a magnitude of 7.2.",
            "quake",
            7.2,
        ),
    ],
)
def test_a_place_after_a_preposition_does_not_own_the_figure_after_it(
    text: str, subject: str, value: float
) -> None:
    mention, figures = mention_and_figures(text, subject)
    (figure,) = [f for f in figures if f.value == value]
    assert belongs_to(mention, figure, figures=figures)


@pytest.mark.parametrize(
    "text",
    [
        # baltimore-bridge/14_cbsnews and 04_kvia-cnn: "Shortly" opens the sentence, names nothing
        "Shortly before 1:30 a.m. on March 26, 2024, the container ship DALI crashed into a main span.",
        "Shortly before 1:30 a.m. Tuesday, a container vessel called Dali struck one of the pillars.",
    ],
)
def test_a_word_that_opens_a_sentence_names_nothing(text: str) -> None:
    assert not any(text[start:end].startswith("Shortly") for start, end in named_things(text))


def test_a_name_that_opens_a_clause_is_no_place_whatever_precedes_it() -> None:
    # "the city of Miradel" is the clause's subject: the 470 are its, not Belmar's
    text = "Belmar hosts about 1,100 servicemen, while the city of Miradel hosts nearly 470 personnel."
    mention, figures = mention_and_figures(text, "Belmar air base", "Belmar")
    assert [f.value for f in figures if belongs_to(mention, f, figures=figures)] == [1100]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # ronaldo-transfer/01_i24news
        (
            "Portuguese soccer superstar Christiano Ronaldo has reportedly signed with Saudi Arabian club "
            "Al Nassr on a two-and-a-half-year deal worth some $421 million.",
            ["Portuguese", "Christiano Ronaldo", "Al Nassr"],
        ),
        # baltimore-bridge/03_livemint
        (
            "The Shipping company Synergy Maritime Group which managed the Singapore-flagged freight ship "
            "in a statement on Tuesday said the entire 22 member crew of the vessel are Indians.",
            ["Synergy Maritime Group", "Singapore-flagged", "Indians"],
        ),
        # the shipped 001 (Sputnik)
        ("Ministers met in the Kazakh capital Astana on Wednesday.", ["Ministers", "Astana"]),
    ],
)
def test_a_descriptor_before_a_name_is_not_a_name_of_its_own(sentence: str, names: list[str]) -> None:
    # Rule descriptor: "Saudi Arabian club Al Nassr" names Al Nassr; the descriptor does not
    # compete with the claim's subject for a figure.
    assert [sentence[start:end] for start, end in named_things(sentence)] == names


def test_a_descriptor_no_longer_takes_the_figure_from_the_subject() -> None:
    # ronaldo-transfer/01_i24news: the deal's length is Ronaldo's, not "Saudi Arabian club"'s.
    finding = finding_for(
        "Ronaldo signed a two-and-a-half-year contract with Al Nassr.",
        "Portuguese soccer superstar Christiano Ronaldo has reportedly signed with Saudi Arabian club "
        "Al Nassr on a two-and-a-half-year deal worth some $421 million.",
    )
    assert (finding.verdict.value, finding.quantity and finding.quantity.value) == ("agree", 2.5)


@pytest.mark.parametrize(
    "text",
    [
        # india-election-2024/03_independent and 07_iuvmpress.
        "The opposition INDIA alliance, led by Rahul Gandhi's centrist Congress party, won 230 seats,"
        " far more than was forecast.",
        "On the contrary, the opposition Indian National Developmental, Inclusive Alliance for short INDIA,"
        " led by the Congress party, won 223 seats, which is more than predicted.",
    ],
)
def test_a_name_in_a_passive_aside_does_not_own_the_figure_after_it(text: str) -> None:
    """Rule passive-aside: ", led by ... the Congress party," describes the alliance before it,
    which won the seats."""
    mention, figures = mention_and_figures(text, "Congress party", "Congress")
    (seats,) = [q for q in figures if q.unit == "seat"]
    assert not belongs_to(mention, seats, frozenset({"congress", "parti", "won", "seat"}), figures)
    alliance, _ = mention_and_figures(text, "INDIA")
    assert belongs_to(alliance, seats, frozenset({"india", "won", "seat"}), figures)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # india-election-2024/13_eastcoastdaily: the seats are the alliance's, not the BJP's.
        (
            "The Bharatiya Janata Party-led National Democratic Alliance (NDA) won 293 seats in the Lok"
            " Sabha polls, securing their victory.",
            "Bharatiya Janata Party",
        ),
        # india-election-2024 (02, 05): "The BJP-led National Democratic Alliance is poised to ...".
        ("The BJP-led National Democratic Alliance won 293 seats.", "BJP"),
        # alaska-door-plug: the airline, not the city, has the planes.
        ("Seattle-based Alaska Airlines has 65 Boeing 737 Max 9 planes.", "Seattle"),
    ],
)
def test_a_name_joined_to_led_or_based_describes_the_thing_after_it(text: str, subject: str) -> None:
    """Rule led-by."""
    mention, figures = mention_and_figures(text, subject)
    counted = [q for q in figures if q.unit in ("seat", "aircraft")]
    assert counted and not any(belongs_to(mention, q, frozenset(), figures) for q in counted)


@pytest.mark.parametrize(
    ("claim", "article", "value"),
    [
        # intel-layoffs-2024/14_asianetnews and 01_newser: "Chipmaker" is capitalised only because
        # it opens the sentence; the name the claim uses is "Intel".
        (
            "id: share\nclaim: The job cuts amount to roughly 15% of Intel's workforce.\n"
            "subject: Share of Intel's workforce being cut\naliases: [workforce, staff]\nvalue: 15\n"
            "unit: percent\napprox: true",
            "Chipmaker Intel Corp. is cutting 15% of its massive workforce - about 15,000 jobs - as it "
            "tries to turn its business around to compete with more successful rivals like Nvidia and AMD.",
            15,
        ),
        # hurricane-helene/12_nationalherald: the claim names the storm "Helene".
        (
            "id: landfall\n"
            "claim: Helene's center came ashore roughly 16 km west-southwest of Perry, Florida.\n"
            "subject: Distance of Helene's landfall point from Perry, Florida\n"
            "aliases: [west of Perry]\nvalue: 16\nunit: km\napprox: true",
            "Hurricane Helene made landfall approximately 10 miles west of Perry, Florida, at 11:10 p.m. "
            "Eastern Daylight Time, with maximum sustained winds reaching 140 miles per hour.",
            10,
        ),
    ],
)
def test_a_sentence_opener_need_not_be_the_claims(claim: str, article: str, value: float) -> None:
    # Rule sentence-opener: a name that opens a sentence is the claim's if its other words are.
    assert_finding(claim, article, "agree", value)
