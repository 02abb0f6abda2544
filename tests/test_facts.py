"""``claimcheck compare`` and ``suggest``: facts several sources state, without claims."""

import json
import shutil
from pathlib import Path
from unittest.mock import patch

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.facts import facts
from claimcheck.model import Source
from claimcheck.sources import read_sources

from conftest import ROOT

WIRE = (
    "MOSCOW, March 3 (Wire) - Russia has deployed some 600 troops to the Kant air base, the Defense "
    "Ministry said on Monday. The ministry said the Kant air base also received four Mi-8 helicopters, "
    "and officials expect more deployments in the spring as part of the regional security programme."
)


def shipped() -> list[Source]:
    return list(read_sources(ROOT / "sources", display="sources").sources)


def test_the_shipped_disagreements_come_first() -> None:
    found = facts(shipped())
    first, second = found[:2]
    assert ("Kant" in first.subject, first.unit, first.agree) == (True, "personnel", False)
    assert {s.quantity.value for s in first.statements} == {500, 400}
    assert ("201st" in second.subject, second.unit) == (True, "personnel")
    assert {s.quantity.value for s in second.statements} == {7500, 7000}
    assert not second.same_figure


def test_no_fact_pairs_figures_of_different_subjects() -> None:
    for fact in facts(shipped()):
        values = {s.quantity.value for s in fact.statements}
        assert not ({500, 400} & values and 1000 in values), fact  # Kant with Manas
        assert not ({7500, 7000} & values and 6000 in values), fact  # 201st with the rapid reaction force


def test_a_reprinted_wire_story_is_one_independent_source() -> None:
    reprint = "Central Asia Daily\n\nReprinted from Wire.\n\n" + WIRE.replace(
        "on Monday", "on Monday morning"
    )
    # The same fact as the wire's (troops deployed, not the base's staff: the check's frame).
    other = "BISHKEK (Other) - Russia has deployed about 650 troops to the Kant air base, an official said."
    sources = [
        Source("a", "s/a.txt", WIRE),
        Source("b", "s/b.txt", reprint),
        Source("c", "s/c.txt", other),
    ]
    (fact,) = [f for f in facts(sources) if f.unit == "personnel"]
    assert (len(fact.sources), fact.independent, fact.copies) == (3, 2, (("a", "b"),))


def test_different_articles_are_not_copies() -> None:
    assert [fact.copies for fact in facts(shipped()) if fact.copies] == []


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_compare_command(example: Path) -> None:
    result = CliRunner().invoke(main, ["compare"])
    assert result.exit_code == 0
    assert result.output.splitlines()[2].startswith("DISAGREE Kant")
    assert '"hosts some 400 personnel"' in result.output and "2009, RFE/RL" in result.output
    markdown = CliRunner().invoke(main, ["compare", "--format", "markdown"]).output
    assert markdown.startswith("# Where the sources disagree")


def test_compare_goes_through_the_engine_alike_with_workers_and_the_cache(example: Path) -> None:
    """compare reads and prepares the articles as the check does (workers, the cache) and puts
    its statements to them there: the facts are the same however it ran."""
    runner = CliRunner()
    alone = runner.invoke(main, ["compare", "--format", "json", "--no-cache", "-j", "1"])
    assert alone.exit_code == 0 and not (example / ".claimcheck-cache").exists()
    workers = runner.invoke(main, ["compare", "--format", "json", "-j", "2"])
    assert (example / ".claimcheck-cache").is_dir()
    # Pass 1 now finds every article prepared in the cache: nothing is prepared again.
    with patch("claimcheck.prepare.prepare", side_effect=AssertionError("prepared again")):
        warm = runner.invoke(main, ["compare", "--format", "json", "-j", "1"])
    assert alone.output == workers.output == warm.output, warm.output
    assert json.loads(alone.output)["facts"][0]["subject"].startswith("Kant")


def test_compare_goes_on_without_a_cache_it_cannot_open(example: Path) -> None:
    (example / "not-a-folder").write_text("")
    result = CliRunner().invoke(main, ["compare", "--cache", "not-a-folder/cache"])
    assert result.exit_code == 0
    assert "warning: not-a-folder/cache: cache not used" in result.output
    assert "DISAGREE Kant" in result.output


def test_suggest_drafts_a_claims_file_that_validates_and_checks(example: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["suggest", "--output", "draft.yaml"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["validate", "draft.yaml"]).exit_code == 0
    checked = runner.invoke(main, ["check", "draft.yaml", "--format", "line"])
    assert checked.exit_code == 1
    assert "error kant-base-personnel 000_c360edf874dc4a28" in checked.output


def test_suggest_never_overwrites(example: Path) -> None:
    (example / "draft.yaml").write_text("mine\n")
    result = CliRunner().invoke(main, ["suggest", "--output", "draft.yaml"])
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert (example / "draft.yaml").read_text() == "mine\n"


def test_compare_on_the_labelled_facts() -> None:
    """tests/compare/labels.yaml: facts a careful reader finds in tests/accuracy/sources.

    Tuned on by an earlier compare (13/13 then); compare on the check's frame finds 11 of
    13 with no false fact: the two borders it misses are given to a country alone
    ("Afghanistan's ... 1,300 km"), a subject compare does not look for (facts.facts).
    The real-article figures below are the fairer ones."""
    from compare_score import score

    result = score()
    print(f"\nprecision {result.precision:.3f}, recall {result.recall:.3f}, missed: {result.missed_labels}")
    assert result.bad_pairs == ()
    assert result.precision >= 0.9
    assert result.recall >= 0.8
    assert result.right_verdicts == result.found_labels


def test_a_source_with_two_different_figures_is_ambiguous_in_compare() -> None:
    sources = [
        Source(
            "a",
            "s/a.txt",
            "The Kant air base hosts about 500 personnel. Later the Kant air base will host 900 personnel.",
        ),
        Source("b", "s/b.txt", "The air base in Kant hosts some 400 personnel."),
    ]
    (fact,) = [f for f in facts(sources) if f.unit == "personnel"]
    assert [(s.source_id, s.quantity.value) for s in fact.ambiguous] == [("a", 900)]
    assert not fact.agree


def test_compare_on_the_held_out_facts() -> None:
    """tests/compare_heldout: 6 invented articles and 14 facts written by a reader who never
    saw the code: precision 0.90, recall 0.50 (0.80 and 0.21 before compare used the check).
    The floors guard against getting worse; they are not the goal."""
    from compare_score import score

    result = score("heldout")
    print(f"\nheld out: precision {result.precision:.3f}, recall {result.recall:.3f}")
    assert result.precision >= 0.85
    assert result.recall >= 0.45


# dev: sixty-seven stories since 2026-12-08 (0.732 / 0.443 at fc335e6, 0.733 / 0.442 at f449631;
# the last four, held out unread through a session, 0.612 / 0.364 at its start and end; the four
# before them came with 0.803 / 0.451); test, thirteenth to fifteenth scoring: 0.851 / 0.527
# (twelfth: 0.686 / 0.545)
@pytest.mark.parametrize(("split", "precision", "recall"), [("dev", 0.71, 0.43), ("test", 0.80, 0.48)])
def test_compare_on_the_real_articles(split: str, precision: float, recall: float) -> None:
    """tests/realworld/<split>/*/facts.yaml: the facts with a figure two or more real articles
    state, labelled blind (tests/realworld/README.md). Floors below the measured figures
    (docs/compare.md has them); the issue's target is 0.9 precision and 0.7 recall."""
    from compare_score import score

    result = score(split)
    print(f"\n{split}: precision {result.precision:.3f}, recall {result.recall:.3f}")
    assert result.precision >= precision
    assert result.recall >= recall


def test_every_drafted_claim_agrees_with_the_source_it_was_drafted_from() -> None:
    """suggest -> check, on the shipped articles and every dev story of the real corpus: the
    draft's claim is its source's sentence, and the check must find that source agreeing."""
    from claimcheck.check import check
    from claimcheck.claims import parse_claims
    from claimcheck.suggest import _chosen, draft

    folders = [ROOT / "sources", *sorted((ROOT / "tests" / "realworld" / "dev").glob("*/sources"))]
    checked = 0
    for folder in folders:
        sources = read_sources(folder, display="sources").sources
        found = facts(sources)
        claims = parse_claims(draft(found, sources), "draft.yaml").claims
        assert len(claims) == len(found)
        metas = {source.id: source.meta for source in sources}
        for fact, result in zip(found, check(claims, sources).results, strict=True):
            chosen = _chosen(fact, metas).source_id
            (own,) = [f for f in result.findings if f.source_id == chosen]
            assert own.verdict.value == "agree", (folder, result.claim.text, own.reason)
            checked += 1
    assert checked >= 30


def test_two_statements_of_an_earlier_years_event_are_one_fact() -> None:
    """Rule ``earlier-year`` keeps a claim about the quake of today from a 2004 toll; two
    articles' 2004 tolls meet each other (morocco-quake's 02_tasnim and 03_ndtv)."""
    from claimcheck.model import SourceMeta

    today = "The quake killed 2,946 people on Friday."
    sources = [
        Source("a", "a.txt", today + "\n\nIn 2004, an earthquake in Al Hoceima killed over 600 people.",
               SourceMeta(date="2023-09-10")),
        Source("b", "b.txt", today + "\n\nIn 2004, at least 628 people were killed in Al Hoceima.",
               SourceMeta(date="2023-09-11")),
    ]  # fmt: skip
    values = [sorted(s.quantity.value for s in fact.statements) for fact in facts(sources)]
    assert [600, 628] in values and [2946, 2946] in values


def _draft_of(subject: str, passage: str, figure_text: str) -> dict:
    """The one claim ``suggest`` drafts from a fact two sources state in this sentence."""
    import yaml

    from claimcheck.facts import Fact, Statement
    from claimcheck.quantities import extract_quantities
    from claimcheck.suggest import draft

    (figure,) = [q for q in extract_quantities(passage) if q.text == figure_text]
    said = tuple(Statement(source, subject, figure, figure_text, passage, 1) for source in ("a", "b"))
    fact = Fact(subject, (subject,), figure.unit or "", said, True, "", 2, ())
    sources = [Source(source, f"{source}.txt", passage) for source in ("a", "b")]
    return yaml.safe_load(draft([fact], sources))["claims"][0]


def test_a_draft_states_one_figure_of_its_kind() -> None:
    """india-election-2024/13_eastcoastdaily: a sentence listing three turnouts drafts the stretch
    that holds the fact's, or the check reads the first turnout as the claim's."""
    sentence = (
        "In contrast, Bihar saw the lowest turnout at 56.19%, followed by Mizoram at 56.87%"
        " and Uttar Pradesh at 56.92%."
    )
    drafted = _draft_of("Uttar Pradesh", sentence, "56.92%")
    assert drafted["claim"] == "Uttar Pradesh at 56.92%."
    assert (drafted["subject"], drafted["value"]) == ("Uttar Pradesh", 56.92)
    alone = "Uttar Pradesh saw a turnout of 56.92%."
    assert _draft_of("Uttar Pradesh", alone, "56.92%")["claim"] == alone


def test_a_draft_names_its_subject_only_where_the_sentence_does_and_leaves_a_range_to_it() -> None:
    """east-palestine-derailment/01_newsnation: a fact named for "Palestine" drafted from a
    sentence that does not name it, with a range no claims-file field holds: the check reads
    both from the sentence, as from a plain claim."""
    sentence = (
        "Previous evacuation orders put in place by authorities covered the homes of about 1,500 to"
        " 2,000 of the town's 4,800 to 4,900 residents."
    )
    drafted = _draft_of("Palestine", sentence, "about 1,500 to 2,000")
    assert set(drafted) == {"id", "claim"}


def test_a_word_capitalised_only_where_it_opens_a_sentence_names_no_fact() -> None:
    """Rule opening-word. india-election-2024 (two outlets: "Although the number is higher than
    the 612 million voters who cast their ballots in the previous election in 2019, ...") grouped
    as a fact of "Although"; east-palestine-derailment ("Individuals within 10-miles") as one of
    "Individuals"."""
    sentence = (
        "Although the number is higher than the 612 million voters who cast their ballots in the"
        " previous election in 2019, it is about one percentage point lower than before."
    )
    sources = [
        Source("a", "a.txt", sentence + " Delta flew."),
        Source("b", "b.txt", sentence),
    ]
    assert [fact.subject for fact in facts(sources)] == []
    named = [
        Source("a", "a.txt", "Delta cancelled 5,000 flights. The outage hit Delta hardest."),
        Source("b", "b.txt", "Delta cancelled 5,000 flights, said Delta."),
    ]
    assert [fact.subject for fact in facts(named)] == ["Delta"]


def test_a_statement_is_put_as_the_part_of_its_sentence_that_holds_it() -> None:
    """nvidia-3-trillion 16_followin and 06_newsghana: put whole, "So far this year, Nvidia shares
    are up 175%; Microsoft shares are up nearly 19% in 2024" names Microsoft, and a name the claim
    uses never competes for a figure, so Microsoft's 0.5% elsewhere was read as Nvidia's."""
    first = "So far this year, Nvidia shares are up 175%; Microsoft shares are up nearly 19% in 2024."
    second = (
        "Nvidia's shares rose by 3.5% on Tuesday, while Microsoft shares dipped by 0.5%"
        " and Apple shares fell by 1.1%."
    )
    found = facts([Source("a", "a.txt", first), Source("b", "b.txt", second)])
    given = {(fact.subject, statement.quantity.text) for fact in found for statement in fact.statements}
    assert ("Nvidia", "0.5%") not in given
