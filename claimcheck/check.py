"""The pipeline: Claims, Sources -> Report. No I/O, no printing.

sources -> passages -> subject index -> for each claim: mentions of its subject
-> figures of its kind that belong to it -> one verdict per source -> accepted
conflicts marked, stale accepts listed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from claimcheck.compare import describe, event_year, may_be_same_day, may_count_same_people, same_quantity
from claimcheck.copies import same_text
from claimcheck.metadata import clearly_before, written_about
from claimcheck.model import (
    Accept,
    Claim,
    ClaimResult,
    Finding,
    Judged,
    Passage,
    Policy,
    Prepared,
    Quantity,
    Report,
    Source,
    StaleAccept,
    Verdict,
)
from claimcheck.prepare import prepare
from claimcheck.quantities import with_measure
from claimcheck.sources import source_named
from claimcheck.subjects import Mention, Subject, SubjectIndex, Vocabulary, make_subject
from claimcheck.verdicts import (
    Corpus,
    Holding,
    Read,
    Wanted,
    claim_terms,
    judge_by_words,
    judge_source,
    quiet_reason,
    wanted_of,
)

DEFAULT_POLICY = Policy()


def check(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    claims_file: str = "claims.yaml",
    warnings: Iterable[str] = (),
    policy: Policy = DEFAULT_POLICY,
    use_accepts: bool = True,
    prepared: Sequence[Prepared] | None = None,
    progress: Callable[[], None] | None = None,
) -> Report:
    """Check every claim against every source: one finding per claim and source.

    With ``use_accepts`` (the default) a claim's ``accept:`` entries mark the
    conflicts they name as accepted, and those that match no conflict are stale.
    ``prepared`` is ``prepare(source)`` for every source, in order, when the caller
    has it (from worker processes or the cache); ``progress`` is called once per claim.
    """
    if prepared is None:
        prepared = [prepare(source) for source in sources]
    judged = judge(claims, prepared, vocabulary_of(prepared), progress)
    return assemble(claims, sources, judged, claims_file, warnings, policy, use_accepts)


def vocabulary_of(prepared: Iterable[Prepared]) -> Vocabulary:
    """The corpus's term counts, from the passages that are not boilerplate."""
    vocabulary = Vocabulary()
    for ready in prepared:
        vocabulary.add(words for passage, words in zip(ready.passages, ready.terms, strict=True)
                       if not passage.boilerplate)  # fmt: skip
    return vocabulary


def judge(
    claims: Sequence[Claim],
    prepared: Sequence[Prepared],
    vocabulary: Vocabulary,
    progress: Callable[[], None] | None = None,
    memo: bool = True,
) -> list[Judged]:
    """For each claim, the verdicts of the sources in ``prepared`` that mention its subject,
    in source order: findings for those that state something of it, ids for the quiet
    ones; every other source is a gap.

    A batch of sources is judged on its own, with the whole corpus's ``vocabulary``,
    so cutting the corpus into batches (workers, a Dask cluster) changes nothing. Nor does
    ``memo``: off, nothing read in a passage for one claim or source serves another (the
    tests compare the two).
    """
    index = SubjectIndex(vocabulary)
    figures: dict[str, tuple[tuple[Quantity, ...], ...]] = {}  # by source, then passage number
    for ready in prepared:
        index.add(ready.passages, ready.terms)
        figures[ready.source_id] = ready.quantities

    def quantities_of(passage: Passage) -> tuple[Quantity, ...]:
        found = figures.get(passage.source_id)
        return found[passage.index] if found is not None and passage.index < len(found) else ()

    # A figure's measure, read when a claim of its kind first meets it (``prepare`` leaves it:
    # most figures never meet one); by the prepared passage's tuple, kept alive beside it so
    # its id stays its own, and the figure's place.
    measures: dict[tuple[int, int], tuple[tuple[Quantity, ...], Quantity]] = {}

    def measured(passage: Passage, figure: Quantity) -> Quantity:
        if figure.measure is not None or figure.unit is None:
            return figure
        prepared = quantities_of(passage)
        entry = measures.get((id(prepared), figure.start)) if memo else None
        if entry is None or entry[0] is not prepared:
            entry = (prepared, with_measure(passage.text, figure, prepared))
            measures[(id(prepared), figure.start)] = entry
        return entry[1]

    corpus = Corpus(
        positions=index.positions,
        quantities=quantities_of,
        weight=index.weight,
        passages=index.passages_of,
        measured=measured,
    )
    order = {ready.source_id: number for number, ready in enumerate(prepared)}
    judged = []
    # One string per passage, however many claims quote it: a large run keeps many findings.
    passages: dict[str, str] = {}
    # Claims about one subject ("Kant ... personnel", "Kant ... established") share its mentions.
    mentioned: dict[tuple[str, tuple[str, ...]], tuple[Subject, dict[str, list[Mention]]]] = {}
    figures_wanted: dict[tuple[str, tuple[str, ...]], list[Quantity | None]] = defaultdict(list)
    for claim in claims:
        figures_wanted[(claim.subject, claim.aliases)].append(claim.quantity)
    # Claims that want alike from a passage share what they read in it (see judge_source).
    reads: dict[Wanted, Read] = {}
    # The figures of the claims' values, for the claims whose very figure a source gives in the
    # claim's words without naming its subject (``judge_by_words``).
    # (With each passage's terms as ``prepare`` found them: their positions are never needed.)
    values = {claim.quantity.value for claim in claims if claim.quantity is not None}
    by_value: dict[float, dict[str, list[Holding]]] = defaultdict(lambda: defaultdict(list))
    for ready in prepared:
        for passage, figures_of, norms in zip(ready.passages, ready.quantities, ready.terms, strict=True):
            for figure in figures_of if not passage.boilerplate else ():
                if figure.value in values:
                    by_value[figure.value][ready.source_id].append((passage, figure, norms))
    for claim in claims:
        key = (claim.subject, claim.aliases)
        if key not in mentioned:
            subject = make_subject(claim.subject, claim.aliases)
            found: dict[str, list[Mention]] = defaultdict(list)
            for mention in index.mentions(subject, _needed(figures_wanted[key], quantities_of)):
                found[mention.passage.source_id].append(mention)
            mentioned[key] = (subject, found)
        subject, by_source = mentioned[key]
        words = claim_terms(claim, subject.terms, subject.written_terms, subject.described)
        stated: list[Finding] = []
        silent: list[str] = []
        wanted = wanted_of(claim, words) if claim.quantity is not None else None
        read = reads.setdefault(wanted, {}) if wanted is not None else {}
        for source_id in sorted(by_source, key=order.__getitem__):
            shared = read if memo else {}
            finding = judge_source(claim, words, source_id, by_source[source_id], corpus, shared, wanted)
            if finding is None:
                silent.append(source_id)
            else:
                stated.append(_sharing(finding, passages))
        holding = by_value.get(claim.quantity.value, {}) if claim.quantity is not None else {}
        answered = {finding.source_id for finding in stated}
        by_words = [
            _sharing(finding, passages)
            for source_id in sorted(holding.keys() - answered, key=order.__getitem__)
            if (finding := judge_by_words(claim, words, source_id, holding[source_id], corpus)) is not None
        ]
        if by_words:
            stated = sorted([*stated, *by_words], key=lambda finding: order[finding.source_id])
            found_by_words = {finding.source_id for finding in by_words}
            silent = [source_id for source_id in silent if source_id not in found_by_words]
        judged.append(Judged(tuple(stated), tuple(silent)))
        if progress is not None:
            progress()
    return judged


def _needed(
    wanted: Sequence[Quantity | None], quantities_of: Callable[[Passage], Sequence[Quantity]]
) -> Callable[[Passage], bool] | None:
    """Which mentions of a subject its claims read: for claims with figures, the passages
    holding a figure of one of their kinds (``verdicts`` passes over the others); every
    mention when a claim has no figure (None)."""
    if any(quantity is None for quantity in wanted):
        return None
    kinds = [quantity for quantity in wanted if quantity is not None]
    return lambda passage: any(
        same_quantity(kind, found) or may_count_same_people(kind, found) or may_be_same_day(kind, found)
        for found in quantities_of(passage)
        for kind in kinds
    )


def _sharing(finding: Finding, passages: dict[str, str]) -> Finding:
    shared = passages.setdefault(finding.passage, finding.passage)
    return finding if shared is finding.passage else replace(finding, passage=shared)


def assemble(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    judged: Sequence[Judged],
    claims_file: str = "claims.yaml",
    warnings: Iterable[str] = (),
    policy: Policy = DEFAULT_POLICY,
    use_accepts: bool = True,
) -> Report:
    """The report from each claim's judged sources (all batches, in source order): pages,
    outdated conflicts, accepts, copies; the sources need their metadata, not their text."""
    results = []
    stale: list[StaleAccept] = []
    by_id = {source.id: source for source in sources}
    source_ids = tuple(source.id for source in sources)
    copies_of: dict[tuple[tuple[str, str], ...], tuple] = {}  # see with_copies
    for claim, found in zip(claims, judged, strict=True):
        findings = tuple(_dated(claim, finding, by_id[finding.source_id]) for finding in found.findings)
        if use_accepts:
            findings, unmatched = apply_accepts(claim, findings, source_ids)
            stale.extend(StaleAccept(claim.id, accept) for accept in unmatched)
        copies = with_copies(found, copies_of).copies or ()
        results.append(ClaimResult(claim, findings, copies, source_ids, found.quiet, quiet_reason(claim)))
    return Report(claims_file, tuple(sources), tuple(results), tuple(warnings), tuple(stale), policy)


def with_copies(judged: Judged, known: dict[tuple[tuple[str, str], ...], tuple] | None = None) -> Judged:
    """The claim's judged sources with the groups of those whose deciding passages carry
    the same text (``copies.same_text``); worked out once, then kept (and cached) with them.

    ``known``, shared by the claims of a run, keeps the groups of each set of passages:
    claims about one fact ("hosts about 500", "hosts at least 400") are decided by the same
    passages of the same sources."""
    if judged.copies is not None:
        return judged
    passages = {f.source_id: f.passage for f in judged.findings if f.verdict is not Verdict.GAP}
    key = tuple(passages.items())
    known = {} if known is None else known
    if key not in known:
        known[key] = tuple(same_text(passages))
    return replace(judged, copies=known[key])


def _dated(claim: Claim, finding: Finding, source: Source) -> Finding:
    """The finding's page (for paged sources) and whether the claim's ``as_of`` makes a
    conflict outdated: only a source dated clearly before it, never an undated one."""
    year = event_year(claim.quantity) if claim.quantity is not None else None
    if year is not None:
        finding = _other_time(finding, year, source.meta.date)
    if claim.dated_by is not None and finding.verdict is Verdict.CONFLICT:
        finding = _other_day(finding, claim.dated_by, source.meta.date)
    if claim.as_of is None and not source.page_starts:  # nothing to add (most findings of a large run)
        return finding
    page = source.page_at(finding.offset) if finding.offset is not None else None
    outdated = (
        finding.verdict is Verdict.CONFLICT
        and claim.as_of is not None
        and source.meta.date is not None
        and clearly_before(source.meta.date, claim.as_of)
    )
    figures = tuple(
        replace(figure, page=source.page_at(figure.offset)) if figure.offset is not None else figure
        for figure in finding.figures
    )
    if page or outdated or figures != finding.figures:
        return replace(finding, page=page, outdated=outdated, figures=figures)
    return finding


def _other_time(finding: Finding, year: int, published: str | None) -> Finding:
    """Rule other-time: a claim about an event of a year ("injured in the 1999 earthquake") and
    a figure of a sentence that names no year, in an article written two or more years after
    it: the article's own time's figure ("more than 1,000 injured" by a 2024 quake), not the
    claim's — a gap, whatever the values. In an undated article such a figure may be of either
    time: it can agree, but not contradict ("magnitude 7.2" in an undated page on the 2024
    Hualien quake, for "The 1999 quake ... had a magnitude of 7.6"; the 2024 eclipse's "31.6
    million people" for the 2017 one's), as an undated article cannot contradict a claim's day
    (rule as-of)."""
    figure = finding.quantity
    if finding.verdict is Verdict.GAP or figure is None or event_year(figure) is not None:
        return finding
    if published is None:
        if finding.verdict is not Verdict.CONFLICT:
            return finding
        reason = (
            f"gives {describe(figure)} in an undated article, not said to be of {year}, the year"
            " of the claim's event (other-time)"
        )
        return replace(finding, verdict=Verdict.GAP, reason=reason, figures=())
    written = int(published[:4])
    if written < year + 2:
        return finding
    reason = (
        f"gives {describe(figure)} in an article of {written}, not said to be of {year}, the year"
        " of the claim's event (other-time)"
    )
    return replace(finding, verdict=Verdict.GAP, reason=reason, figures=())


def _other_day(finding: Finding, when: Quantity, published: str | None) -> Finding:
    """Rule as-of: a claim that says the day or month its figure stood ("By January 9 the
    confirmed death toll had passed 200") is contradicted only by an article written then; one
    written at another time, or undated, gives a count of its own time ("the death toll rose to
    168" on January 8) — a gap, never a conflict."""
    year = int(when.value) or None
    assert when.month is not None
    if published is not None and written_about(published, year, when.month, when.day):
        return finding
    figure = f"gives {describe(finding.quantity)}" if finding.quantity is not None else "differs"
    written = f"in an article of {published}" if published is not None else "in an undated article"
    said = when.text.rstrip(".,")
    reason = f"{figure} {written}, not said to be of {said}, when the claim says its figure stood (as-of)"
    return replace(finding, verdict=Verdict.GAP, reason=reason, figures=())


def apply_accepts(
    claim: Claim, findings: tuple[Finding, ...], source_ids: Sequence[str] = ()
) -> tuple[tuple[Finding, ...], list[Accept]]:
    """Mark the conflicts the claim accepts; return the accepts that match no conflict. An
    accept may name its source in any form the reports show (``sources.source_named``)."""
    by_source = {source_named(accept.source, source_ids) or accept.source: accept for accept in claim.accepts}
    marked = tuple(
        replace(finding, accepted=by_source[finding.source_id].reason)
        if finding.verdict is Verdict.CONFLICT and finding.source_id in by_source
        else finding
        for finding in findings
    )
    conflicting = {finding.source_id for finding in findings if finding.verdict is Verdict.CONFLICT}
    return marked, [accept for source, accept in by_source.items() if source not in conflicting]
