import pytest

from claimcheck.claims import parse_claims
from claimcheck.errors import ClaimcheckError
from claimcheck.inference import infer_subject
from claimcheck.model import Bound


def problems(text: str) -> list[str]:
    with pytest.raises(ClaimcheckError) as caught:
        parse_claims(text, "claims.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_a_full_claim() -> None:
    claims = parse_claims(
        """
sources: articles
defaults:
  tolerance: 0.2
claims:
  - id: kant-personnel
    claim: The Kant air base hosts about 500 Russian personnel.
    subject: Kant air base
    aliases: [Kant, Kant base]
    value: 500
    unit: troops
    approx: true
    tolerance: 0.05
""",
        "claims.yaml",
    )
    (claim,) = claims.claims
    assert claims.sources == "articles"
    assert (claim.id, claim.subject, claim.aliases, claim.tolerance, claim.line) == (
        "kant-personnel",
        "Kant air base",
        ("Kant", "Kant base"),
        0.05,
        6,
    )
    assert claim.quantity is not None
    assert (claim.quantity.value, claim.quantity.unit, claim.quantity.approx) == (500, "personnel", True)


@pytest.mark.parametrize(
    ("sentence", "subject", "value", "unit", "approx", "bound"),
    [
        (
            "The Kant air base hosts about 500 Russian personnel.",
            "Kant air base",
            500,
            "personnel",
            True,
            None,
        ),
        ("Kant is about 20 km from Bishkek.", "Kant", 20, "km", True, None),
        (
            "More than 3,500 Daesh militants are active in Afghanistan.",
            "Daesh Afghanistan",
            3500,
            "militants",
            False,
            Bound.AT_LEAST,
        ),
        (
            "Up to 20 Su-25 attack planes were deployed to Kant.",
            "Su-25 Kant",
            20,
            "aircraft",
            False,
            Bound.AT_MOST,
        ),
        ("The SCO was established on June 15, 2001.", "SCO", 2001, "year", False, None),
        (
            "The joint air defence agreement is valid for five years.",
            "joint air defence agreement",
            5,
            "years",
            False,
            None,
        ),
    ],
)
def test_a_claim_with_only_id_and_text_is_inferred(sentence, subject, value, unit, approx, bound) -> None:
    (claim,) = parse_claims(f"claims:\n  - id: c\n    claim: {sentence}\n").claims
    assert claim.subject == subject
    assert claim.quantity is not None
    assert (claim.quantity.value, claim.quantity.unit, claim.quantity.approx, claim.quantity.bound) == (
        value,
        unit,
        approx,
        bound,
    )


def test_a_claim_without_a_number() -> None:
    (claim,) = parse_claims(
        "claims:\n  - id: c\n    claim: Kyrgyzstan has no border with Afghanistan.\n"
    ).claims
    assert claim.quantity is None
    assert claim.negated
    assert infer_subject(claim.text, None) == "Kyrgyzstan"


def test_the_file_is_never_required_to_name_its_sources() -> None:
    assert parse_claims("claims:\n  - id: a\n    claim: Kant hosts 400 troops.\n").sources is None


def test_wrong_type_names_file_line_and_claim() -> None:
    text = "claims:\n  - id: kant-personnel\n    claim: Kant hosts 500 troops.\n    value: five hundred\n"
    assert problems(text) == [
        "claims.yaml:4:12: claim 'kant-personnel': 'value' must be a number or a date "
        "(17.9, 2023-02-06, February 6, 2023), got 'five hundred'"
    ]


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = """claims:
  - id: a
    claim: One.
  - id: a
    claim: Two.
  - claim: Three.
  - id: Bad_Id
    claim: Four.
  - id: e
    claim: Five.
    valeu: 5
  - id: f
    claim: Six.
    unit: ""
  - id: g
    claim: Seven.
    bound: roughly
"""
    assert problems(text) == [
        "claims.yaml:4:5: claim 'a': duplicate id (first used on line 2)",
        "claims.yaml:6:5: claim #3: missing 'id'",
        "claims.yaml:7:9: claim 'Bad_Id': 'id' must be a lowercase slug such as 'kant-personnel'",
        "claims.yaml:11:5: claim 'e': unknown key 'valeu'; did you mean 'value'?",
        "claims.yaml:14:11: claim 'f': 'unit' is empty; leave it out to read it from the claim",
        "claims.yaml:17:12: claim 'g': 'bound' must be at_least or at_most, got 'roughly'",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "claims.yaml:1:1: the claims file is empty; it needs a 'claims:' list"),
        ("- a\n- b\n", "claims.yaml:1:1: the claims file must be a mapping with a 'claims:' list"),
        ("claims: [\n", "claims.yaml:2:1: invalid YAML: expected the node content, but found '<stream end>'"),
        (
            "claims:\n  - id: a\n    claim: x\n    claim: y\n",
            "claims.yaml:4:5: claim 'a': duplicate key 'claim'",
        ),
        ("sources: s\n", "claims.yaml:1:1: missing 'claims:' list"),
        ("claims: 3\n", "claims.yaml:1:9: 'claims' must be a list of claims"),
        ("claims:\n  - just text\n", "claims.yaml:2:5: claim #1 must be a mapping with 'id' and 'claim'"),
        (
            "version: 2\nclaims: []\n",
            "claims.yaml:1:10: unsupported version 2; this claimcheck reads version 1",
        ),
        (
            "defaults:\n  tolerance: 5\nclaims: []\n",
            "claims.yaml:2:14: defaults: 'tolerance' must be a share between 0 and 1, such as 0.1, got 5",
        ),
    ],
)
def test_malformed_files(text: str, message: str) -> None:
    assert problems(text) == [message]


@pytest.mark.parametrize(
    ("written", "value", "month", "day"),
    [
        ('"17.9"', 17.9, None, None),
        ('"5,500"', 5500.0, None, None),
        ("2023-02-06", 2023.0, 2, 6),
        ("February 6, 2023", 2023.0, 2, 6),
        ('"March 2021"', 2021.0, 3, None),
    ],
)
def test_values_as_people_write_them(written: str, value: float, month: int | None, day: int | None) -> None:
    claim = parse_claims(f"claims:\n  - id: a\n    claim: It happened.\n    value: {written}\n").claims[0]
    assert claim.quantity is not None
    assert (claim.quantity.value, claim.quantity.month, claim.quantity.day) == (value, month, day)


def test_a_value_that_is_neither_number_nor_date_is_refused_with_its_line() -> None:
    with pytest.raises(ClaimcheckError) as caught:
        parse_claims("claims:\n  - id: a\n    claim: It happened.\n    value: five hundredish\n")
    assert "claims.yaml:4:12: claim 'a': 'value' must be a number or a date" in str(caught.value)


def test_as_of_as_people_write_it() -> None:
    claim = parse_claims("claims:\n  - id: a\n    claim: It happened.\n    as_of: March 23, 2021\n").claims[0]
    assert claim.as_of == "2021-03-23"


def test_a_date_value_is_checked_at_its_precision() -> None:
    from conftest import finding_for

    claim = (
        "id: c\nclaim: The earthquake struck on February 6, 2023.\nsubject: earthquake\n"
        "value: February 6, 2023"
    )
    assert finding_for(claim, "The earthquake struck on February 6, 2023.").verdict.value == "agree"
    assert finding_for(claim, "The earthquake struck on February 7, 2023.").verdict.value == "conflict"


def test_a_scale_word_before_the_unit_scales_the_value() -> None:
    """Analysts of two stories wrote `value: 123` with `unit: million viewers` (super-bowl-lviii,
    euro-2024-final) and `value: 28.25` with `unit: million EUR`: the value is millions of the unit."""
    text = (
        "claims:\n  - id: a\n    claim: ITV's coverage peaked at 6.4 million viewers.\n    subject: ITV\n"
        "    value: 6.4\n    unit: million viewers\n"
        "  - id: b\n    claim: Spain collected EUR 28.25 million.\n    subject: Spain\n"
        "    value: 28.25\n    unit: million EUR\n"
    )
    first, second = parse_claims(text).claims
    assert first.quantity is not None and second.quantity is not None
    assert (first.quantity.value, first.quantity.unit) == (6_400_000, "viewer")
    assert (second.quantity.value, second.quantity.unit) == (28_250_000, "eur")


@pytest.mark.parametrize(
    ("text", "dated_by"),
    [
        # noto-quake-2024's and canada-wildfires-2023's analysts: the day or month a count stood
        ("By January 9 the confirmed death toll had passed 200.", (1, 9)),
        ("By June 4, 2023, roughly 3.3 million hectares had already burned in Canada.", (6, 4)),
        ("In mid-July 2023, roughly 900 wildfires were burning across Canada at the same time.", (7, None)),
        # a date claim, and a year alone, date no figure
        ("The earthquake struck on September 8, 2023.", None),
        ("Roughly 11,000 people were injured in the 1999 earthquake.", None),
    ],
)
def test_a_day_or_month_in_the_claim_says_when_its_figure_stood(
    text: str, dated_by: tuple[int, int | None] | None
) -> None:
    # Rule as-of.
    (claim,) = parse_claims(f"claims:\n  - id: c\n    claim: {text}\n", "claims.yaml").claims
    found = claim.dated_by
    assert (found and (found.month, found.day)) == dated_by


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # noto-quake-2024's and eras-tour-2023-24's analysts: a date opens the sentence, comma or
        # none (rule dated-opening)
        ("By January 9 the confirmed death toll had passed 200.", "death toll"),
        ("By mid-November 2023 the tour had taken $1.04 billion.", "tour"),
        (
            "On January 8 the number of people unaccounted for more than tripled to 323.",
            "number of people unaccounted",
        ),
        # a participle after the determiner describes its noun; "number" is a verb too, but no
        # participle
        ("The reopened cathedral expects 15 million visitors in its first year.", "cathedral"),
    ],
)
def test_a_date_that_opens_the_sentence_is_no_part_of_the_subject(sentence: str, subject: str) -> None:
    (claim,) = parse_claims(f"claims:\n  - id: c\n    claim: {sentence}\n").claims
    assert claim.subject == subject
