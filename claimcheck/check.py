"""The pipeline: Claims, Sources -> Report. No I/O, no printing.

sources -> passages -> subject index -> for each claim: mentions of its subject
-> figures of its kind that belong to it -> one verdict per source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from claimcheck.model import Claim, ClaimResult, Passage, Quantity, Report, Source
from claimcheck.passages import split_passages
from claimcheck.quantities import extract_quantities
from claimcheck.subjects import SubjectIndex, make_subject
from claimcheck.verdicts import Corpus, claim_terms, judge_source


def check(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    claims_file: str = "claims.yaml",
    warnings: Iterable[str] = (),
) -> Report:
    """Check every claim against every source: one finding per claim and source."""
    index = SubjectIndex()
    for source in sources:
        index.add(split_passages(source))
    figures: dict[tuple[str, int], list[Quantity]] = {}

    def quantities_of(passage: Passage) -> list[Quantity]:
        key = (passage.source_id, passage.index)
        if key not in figures:
            figures[key] = extract_quantities(passage.text)
        return figures[key]

    corpus = Corpus(positions=index.positions, quantities=quantities_of, weight=index.weight)
    results = []
    for claim in claims:
        subject = make_subject(claim.subject, claim.aliases)
        by_source = defaultdict(list)
        for mention in index.mentions(subject):
            by_source[mention.passage.source_id].append(mention)
        words = claim_terms(claim, subject.terms)
        findings = tuple(
            judge_source(claim, words, source.id, by_source.get(source.id, ()), corpus) for source in sources
        )
        results.append(ClaimResult(claim, findings))
    return Report(claims_file, tuple(sources), tuple(results), tuple(warnings))
