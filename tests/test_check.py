from collections.abc import Sequence
from dataclasses import replace

import pytest

from claimcheck.check import check, judge, vocabulary_of
from claimcheck.claims import parse_claims, read_claims
from claimcheck.model import Claim, Finding, Judged, Source, SourceMeta, Verdict
from claimcheck.prepare import prepare
from claimcheck.sources import read_sources

from conftest import ROOT

CLAIMS = parse_claims(
    """claims:
  - id: kant
    claim: The Kant air base hosts about 500 personnel.
  - id: border
    claim: Kyrgyzstan shares a border with Afghanistan.
  - id: nothing
    claim: The Gyumri base has 3,000 troops.
"""
).claims
SOURCES = [
    Source("a", "sources/a.txt", "The Kant base will have about 500 personnel."),
    Source("b", "sources/b.txt", "The air base in Kant hosts some 400 personnel."),
    Source("c", "sources/c.txt", "Kyrgyzstan has no shared borders with Afghanistan."),
]


def test_one_finding_per_claim_and_source_in_source_order() -> None:
    report = check(CLAIMS, SOURCES)
    assert [[f.source_id for f in r.findings] for r in report.results] == [["a", "b", "c"]] * 3


def test_claim_status_is_the_worst_finding() -> None:
    report = check(CLAIMS, SOURCES)
    assert [r.status for r in report.results] == [Verdict.CONFLICT, Verdict.CONFLICT, Verdict.GAP]
    assert report.has_conflict
    assert (report.count(Verdict.AGREE), report.count(Verdict.CONFLICT), report.count(Verdict.GAP)) == (
        0,
        2,
        1,
    )


def test_no_sources_means_every_claim_is_a_gap() -> None:
    report = check(CLAIMS, [])
    assert [r.status for r in report.results] == [Verdict.GAP] * 3
    assert not report.has_conflict


def test_a_source_giving_two_figures_is_ambiguous_and_its_deciding_figure_decides() -> None:
    claims = parse_claims(
        "claims:\n  - id: kant\n"
        "    claim: The Kant air base hosts about 500 personnel.\n    subject: Kant air base\n"
    ).claims
    text = "The Kant air base hosts {first} personnel.\n\nThe Kant air base hosts {second} personnel.\n"

    def finding(first: str, second: str) -> Finding:
        return (
            check(claims, [Source("a", "a.txt", text.format(first=first, second=second))])
            .results[0]
            .findings[0]
        )

    within = finding("about 500", "up to 700")
    assert (within.verdict, within.ambiguous) == (Verdict.AGREE, True)
    assert [(f.quote, f.line, f.compatible) for f in within.figures] == [
        ("hosts about 500 personnel", 1, True),
        ("hosts up to 700 personnel", 3, True),
    ]
    # Rule ambiguous: the deciding figure (as near the claim's words as the other, and first)
    # decides; the other is listed and named in the reason, never a conflict of its own.
    fits = finding("about 500", "900")
    assert (fits.verdict, fits.ambiguous, fits.quote) == (Verdict.AGREE, True, "hosts about 500 personnel")
    assert [(f.quote, f.compatible) for f in fits.figures] == [
        ("hosts about 500 personnel", True),
        ("hosts 900 personnel", False),
    ]
    assert fits.reason.endswith("the source also gives 900 personnel (ambiguous)")
    # Rule ambiguous-fit: when the deciding figure differs, another the source gives as nearly
    # that fits agrees; when none fits, the deciding one decides.
    beyond = finding("900", "about 500")
    assert (beyond.verdict, beyond.ambiguous, beyond.quote) == (
        Verdict.AGREE,
        True,
        "hosts about 500 personnel",
    )
    neither = finding("900", "about 700")
    assert (neither.verdict, neither.ambiguous, neither.quote) == (
        Verdict.CONFLICT,
        True,
        "hosts 900 personnel",
    )
    single = check(claims, SOURCES[:1]).results[0].findings[0]
    assert (single.ambiguous, single.figures) == (False, ())


def test_copies_of_one_passage_count_as_one_independent_source() -> None:
    wire = "MOSCOW (Wire) - The Kant air base hosts about 500 personnel, the Defense Ministry said on Monday."
    sources = [
        Source("a", "a.txt", wire),
        Source("b", "b.txt", "Daily News\n\n" + wire.replace("on Monday", "on Monday morning")),
        Source("c", "c.txt", "The Kant base will have about 500 personnel, a local official said."),
        Source("d", "d.txt", "The air base in Kant hosts some 400 personnel."),
    ]
    (result,) = [r for r in check(CLAIMS, sources).results if r.claim.id == "kant"]
    assert result.copies == (("a", "b"),)
    assert (result.independent(Verdict.AGREE), result.independent(Verdict.CONFLICT)) == (2, 1)


def test_claims_with_figures_read_only_passages_with_their_kind_of_figure(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The same findings as when every mention of a subject is worked out in full,
    # on the labelled set (60 claims x 13 articles, with and without figures).
    import importlib

    from claimcheck.claims import read_claims
    from claimcheck.formats import FORMATS, PLAIN
    from claimcheck.sources import read_sources

    from conftest import ROOT

    folder = ROOT / "tests" / "accuracy"
    claims = read_claims(folder / "claims.yaml").claims
    sources = read_sources(folder / "sources", display="sources").sources
    lazy = FORMATS["json"](check(claims, sources), PLAIN)
    module = importlib.import_module("claimcheck.check")  # the package's `check` is the function
    monkeypatch.setattr(module, "_needed", lambda wanted, quantities_of: None)
    assert lazy == FORMATS["json"](check(claims, sources), PLAIN)
    assert '"verdict": "conflict"' in lazy and '"verdict": "agree"' in lazy


def test_claims_decided_by_the_same_passages_share_their_groups_of_copies(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib

    module = importlib.import_module("claimcheck.check")
    same_text = module.same_text
    asked: list[int] = []

    def counted(passages):  # type: ignore[no-untyped-def]
        asked.append(len(passages))
        return same_text(passages)

    monkeypatch.setattr(module, "same_text", counted)
    claims = parse_claims(
        """claims:
  - id: about-500
    claim: The Kant air base hosts about 500 personnel.
  - id: at-least-400
    claim: The Kant air base hosts at least 400 personnel.
"""
    ).claims
    wire = "The air base in Kant hosts some 400 personnel."
    sources = [
        Source("a", "a.txt", wire),
        Source("b", "b.txt", wire),
        Source("c", "c.txt", "Kant has 500 personnel."),
    ]
    report = check(claims, sources)
    assert asked == [3]  # one set of passages, worked out once for both claims
    assert [result.copies for result in report.results] == [(("a", "b"),)] * 2
    assert [[f.verdict for f in result.findings] for result in report.results] == [
        [Verdict.CONFLICT, Verdict.CONFLICT, Verdict.AGREE],
        [Verdict.AGREE, Verdict.AGREE, Verdict.AGREE],
    ]


def _judged(claims: Sequence[Claim], sources: Sequence[Source], memo: bool) -> list[Judged]:
    prepared = [prepare(source) for source in sources]
    return judge(claims, prepared, vocabulary_of(prepared), memo=memo)


def _as_of(claims: Sequence[Claim]) -> list[Claim]:
    """The claims again, each with an ``as_of``: they then want other figures from a passage."""
    return [replace(claim, id=claim.id + "-then", as_of="2004") for claim in claims]


@pytest.mark.parametrize(
    "folder", ["tests/accuracy", "tests/realworld/dev/morocco-quake", "tests/realworld/dev/activision-deal"]
)
def test_what_claims_share_of_what_they_read_changes_no_finding(folder: str) -> None:
    """Claims that want alike from a passage (``verdicts.Wanted``) read it once, and a sentence
    several sources carry is read once: the findings are those of reading everything afresh for
    every claim and source — with each claim there twice, once with an ``as_of`` (which
    decides whether a figure of an earlier year's event is the claim's)."""
    claims = read_claims(ROOT / folder / "claims.yaml").claims
    claims = [*claims, *_as_of(claims)]
    sources = read_sources(ROOT / folder / "sources", display="sources").sources
    shared = _judged(claims, sources, memo=True)
    assert shared == _judged(claims, sources, memo=False)
    assert any(f.verdict is Verdict.CONFLICT for j in shared for f in j.findings)


def test_a_claim_with_as_of_does_not_lend_its_reading_to_one_without() -> None:
    # "as_of" was once left out of what claims shared readings by: the verdict of "now" then
    # depended on whether "then" came before it.
    claims = parse_claims(
        "claims:\n  - id: then\n    claim: The Al Hoceima earthquake killed about 630 people.\n"
        "    subject: Al Hoceima earthquake\n    as_of: 2004\n"
        "  - id: now\n    claim: The Al Hoceima earthquake killed about 630 people.\n"
        "    subject: Al Hoceima earthquake\n"
    ).claims
    source = Source(
        "s", "s.txt", "In 2004, the Al Hoceima earthquake killed 628 people.\n", SourceMeta(date="2023-09-10")
    )
    for order in (claims, claims[::-1]):
        verdicts = {result.claim.id: result.findings[0].verdict for result in check(order, [source]).results}
        assert verdicts == {"then": Verdict.AGREE, "now": Verdict.GAP}


def test_one_sentence_in_articles_of_different_dates_is_read_for_each_date() -> None:
    claims = parse_claims(
        "claims:\n  - id: opened\n    claim: The Zarek air base was opened in June 2022.\n"
        "    subject: Zarek air base\n"
    ).claims
    text = "The Zarek air base was opened on June 3 last year, officials said.\n"
    sources = [
        Source(name, f"{name}.txt", text, SourceMeta(date=date))
        for name, date in (("a", "2023-05-01"), ("b", "2025-05-01"))
    ]
    [result] = check(claims, sources).results
    assert [(f.source_id, f.verdict) for f in result.findings] == [
        ("a", Verdict.AGREE),
        ("b", Verdict.CONFLICT),
    ]


def test_passages_that_do_not_name_the_subject_and_give_several_figures_decide_nothing() -> None:
    # Rules topic and ambiguous together: in an article about Garova, figures of the claim's
    # kind in passages that name other things, none said to be a fact of Garova's, are no
    # evidence either way (the generated benchmark's 001/01390 article, shortened).
    claims = parse_claims(
        "claims:\n  - id: g\n    claim: Garova hosts about 810 personnel.\n    subject: Garova\n"
    ).claims
    text = (
        "Questions mount over Garova in Novvin\n\n"
        "NOVVIN, March 10 (Continental Herald) - The report was compiled from satellite images.\n\n"
        "The Irdvabul air base hosts nearly 2,800 soldiers, compared with at most 1,900 personnel at "
        "the 145th Territorial Defence Brigade.\n\n"
        "The 149th Mechanized Brigade hosts 3,300 servicemen, compared with 710 personnel at Briansk.\n"
    )
    finding = check(claims, [Source("a", "a.txt", text)]).results[0].findings[0]
    assert (finding.verdict, finding.ambiguous) == (Verdict.GAP, True), finding.reason
    assert "(topic)" in finding.reason and finding.reason.endswith("(ambiguous)")


@pytest.mark.parametrize(
    "text",
    [
        # taiwan-hualien-quake-2024/02_rti and 15_evertiq, both undated
        "The earthquake, with a magnitude of 7.2 and a depth of 15.5 kilometers, struck off the coast of"
        " Heping Township, Hualien County, at 7:58 a.m. Wednesday.",
        "Taiwan has been hit by a 7.2 magnitude earthquake, the strongest quake to hit the island in 25"
        " years.",
    ],
)
def test_an_undated_article_does_not_contradict_a_claim_about_an_earlier_years_event(text: str) -> None:
    claims = parse_claims(
        "claims:\n  - id: jiji\n    claim: The 1999 quake it was compared with had a magnitude of 7.6.\n",
        "claims.yaml",
    ).claims
    (finding,) = check(claims, [Source("a", "a.txt", text)]).results[0].findings
    assert finding.verdict is Verdict.GAP and finding.reason.endswith("(other-time)"), finding.reason


def test_a_claim_about_an_earlier_years_event_is_not_stated_by_the_articles_own_time() -> None:
    """Rule other-time: "injured in the 1999 earthquake" against "more than 1,000 injured" and "963
    were injured" in articles of 2024 (taiwan-hualien-quake-2024/09_businessreport, 04_alaskapublic)
    is a gap, whatever the values; the same article's sentence about 1999 still speaks of it. In an
    undated article such a figure may be of either time: it can agree, never contradict."""
    claims = parse_claims(
        "claims:\n  - id: jiji\n    claim: Roughly 11,000 people were injured in the 1999 earthquake.\n",
        "claims.yaml",
    ).claims
    texts = {
        "businessreport": "Nine people were killed and more than 1,000 injured in Wednesday's earthquake.",
        "alaskapublic": "At least nine people were reported dead and 963 were injured in the strongest"
        " earthquake that has not been seen since 1999, Taiwanese officials said.",
        "columbian": "The 1999 earthquake killed 2,415 people and injured more than 11,000.",
    }
    for year in ("2024-04-04", None):
        sources = [Source(name, f"{name}.txt", text, SourceMeta(date=year)) for name, text in texts.items()]
        found = {f.source_id: f for f in check(claims, sources).results[0].findings}
        verdicts = {name: (found[name].verdict.value if name in found else "gap") for name in texts}
        if year is None:  # an undated article's time is not known: its figures cannot contradict
            assert verdicts == {"businessreport": "agree", "alaskapublic": "gap", "columbian": "agree"}
            assert "in an undated article" in found["alaskapublic"].reason
            assert found["alaskapublic"].reason.endswith("(other-time)")
            continue
        assert verdicts == {"businessreport": "gap", "alaskapublic": "gap", "columbian": "agree"}
        assert found["alaskapublic"].reason.endswith("(other-time)")
