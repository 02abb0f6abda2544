from claimcheck.check import check
from claimcheck.claims import parse_claims
from claimcheck.model import Source, Verdict

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
