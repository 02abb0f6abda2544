"""Property-based tests (hypothesis) of the parsers of untrusted text.

A fixed seed and a bounded number of examples keep CI fast and reproducible.
"""

from __future__ import annotations

import re
import time

from hypothesis import given, seed, settings
from hypothesis import strategies as st

from claimcheck import passages, quantities
from claimcheck.attribution import named_things
from claimcheck.claims import parse_claims
from claimcheck.errors import ClaimcheckError
from claimcheck.model import Source
from claimcheck.passages import is_boilerplate, split_passages
from claimcheck.quantities import extract_quantities
from claimcheck.text import normalize, terms

YAML_PIECES = [
    "claims:", "\n", "  - id: a", "    claim: Kant hosts 500 troops.", "    value: ", "five", "1.5", "[",
    "]", "{", "&a", "*a", "\t", ": ", "- ", "version: 2", "    accept:", "      - source: x",
    "    unit: km", "'", '"',
]  # fmt: skip
BOUNDED = settings(max_examples=300, deadline=None, derandomize=True)
WORDS = st.sampled_from(
    ["Kant", "base", "hosts", "about", "some", "500", "7,500", "troops", "U.S.", "Su-25", "up", "to", "more",
     "than", "Col.", "Gen.", "June", "15,", "2001", "five-hectare", "km", "$50", "million", ".", ",", "\n",
     "\n\n", "between", "and", "-", "(", ")", '"', "½", "\u2009", "٣٥"]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@seed(20261123)
@BOUNDED
@given(TEXT)
def test_quantity_extraction_never_raises_and_spans_lie_inside(text: str) -> None:
    for quantity in extract_quantities(text):
        assert 0 <= quantity.start <= quantity.end <= len(text)


NUMBER_WORDS = {
    7500: "seven thousand five hundred",
    1200: "one thousand two hundred",
    40: "forty",
    12: "twelve",
}


@seed(20261123)
@BOUNDED
@given(st.sampled_from(sorted(NUMBER_WORDS)), st.sampled_from(["plain", "comma", "thousand", "words"]))
def test_a_number_in_any_supported_form_reads_back(value: int, form: str) -> None:
    written = {
        "plain": str(value),
        "comma": f"{value:,}",
        "thousand": f"{value / 1000:g} thousand",
        "words": NUMBER_WORDS[value],
    }[form]
    (quantity,) = extract_quantities(f"The base hosts {written} troops.")
    assert quantity.value == value and quantity.unit == "personnel"


@seed(20261123)
@BOUNDED
@given(TEXT)
def test_passage_splitting_loses_no_character(text: str) -> None:
    """Every character but whitespace lands in a passage, as the matcher reads it (normalised)."""
    passages = split_passages(Source("s", "s.txt", text))
    joined = "".join(passage.text for passage in passages)
    assert "".join(joined.split()) == "".join(normalize(text).split())


@seed(20261123)
@BOUNDED
@given(st.one_of(st.text(max_size=200), st.lists(st.sampled_from(YAML_PIECES), max_size=25).map("".join)))
def test_the_claims_loader_returns_claims_or_raises_its_one_error(text: str) -> None:
    try:
        parse_claims(text, "claims.yaml")
    except ClaimcheckError as error:
        assert error.problems and all(problem.path == "claims.yaml" for problem in error.problems)


ADVERSARIAL = {
    "digits and commas": "1," * 300_000,
    "hyphens": "a-" * 300_000,
    "abbreviations": "U.S. " * 200_000,
    "capitals": "Kant " * 200_000,
    "brackets": "(" * 500_000,
    "spaces": " " * 1_000_000,
    "number words": "one " * 250_000,
    "dots": "." * 1_000_000,
}


def _seconds(function, text: str) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


def test_no_regex_backtracks_on_a_pathological_line() -> None:
    """Each text function on 1 MB of adversarial input takes at most 20x what it takes on
    1 MB of plain prose (a ratio, not a timing: these machines are shared)."""
    plain = ("The air base in Kant hosts some 400 personnel and other things happen. " * 14_000)[:1_000_000]
    functions = {
        "passages": lambda text: split_passages(Source("s", "s.txt", text)),
        "quantities": lambda text: [
            extract_quantities(text[i : i + 2000]) for i in range(0, len(text), 2000)
        ],
        "terms": terms,
        "names": lambda text: [named_things(text[i : i + 2000]) for i in range(0, len(text), 2000)],
        "boilerplate": lambda text: [is_boilerplate(text[i : i + 500]) for i in range(0, len(text), 500)],
    }
    for name, function in functions.items():
        baseline = max(_seconds(function, plain), 0.05)
        for kind, text in ADVERSARIAL.items():
            assert _seconds(function, text) <= 20 * baseline, (name, kind)


# The hand-written look-behinds of the hot paths against the patterns they stand for.
_BEFORE_A_PERIOD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_BEFORE_A_NUMBER = re.compile(r"([A-Za-z][\w-]*)\s+$")
_PIECES = st.sampled_from(
    ["U.S", "Col", "a.m", "J", "x", "é", "Su-25", "_a", ".", "-", " ", "\n", "1", "Kant", "Kyrgyzstan" * 3]
)


@seed(6)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_the_word_before_a_period_is_what_the_pattern_finds(head: str) -> None:
    chunk = head + ". The"
    match = re.compile(r"\.").search(chunk, len(head))
    assert match is not None
    found = _BEFORE_A_PERIOD.search(chunk[max(0, len(head) - 40) : len(head) + 1])
    assert passages._word_before_period(chunk, match.start()) == (found.group(1) if found else "")


@seed(7)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_the_word_before_a_number_is_what_the_pattern_finds(head: str) -> None:
    found = _BEFORE_A_NUMBER.search(head[-40:])
    assert quantities._word_before_number(head, len(head)) == (found.group(1) if found else "")
