"""The data that flows between the pipeline's stages: frozen dataclasses and enums.

Claims and Sources come in; Passages and Quantities are derived from sources;
Findings (one per claim and source) and ClaimResults make up the Report.
Nothing here reads files or prints.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Iterator, Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar

_Class = TypeVar("_Class")


def quick_init(cls: type[_Class]) -> type[_Class]:
    """Give a frozen dataclass with slots an ``__init__`` that sets each field through its slot.

    The generated one calls ``object.__setattr__`` (looked up anew) for every field, which
    made building a frozen instance 8x slower than a mutable one: a run builds millions of
    passages, figures and findings (building them was 14% of a warm run at 10,000 articles).
    Same signature and defaults; instances stay frozen, since assigning to a field still goes
    through the class's ``__setattr__``. Plain fields only: no factories, no keyword-only ones."""
    namespace: dict[str, Any] = {}
    parameters, lines = [], []
    for number, found in enumerate(fields(cls)):  # type: ignore[arg-type]
        if not found.init or found.default_factory is not MISSING or found.kw_only:
            raise TypeError(f"quick_init takes plain fields only, not {cls.__name__}.{found.name}")
        if found.default is MISSING:
            parameters.append(found.name)
        else:
            namespace[f"_default_{number}"] = found.default
            parameters.append(f"{found.name}=_default_{number}")
        namespace[f"_set_{number}"] = cls.__dict__[found.name].__set__  # the slot's descriptor
        lines.append(f"    _set_{number}(self, {found.name})\n")
    exec(f"def __init__(self, {', '.join(parameters)}):\n{''.join(lines)}", namespace)  # as dataclasses does
    namespace["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = namespace["__init__"]  # type: ignore[misc,method-assign]
    return cls


def _pickled_by_fields(cls: type[_Class]) -> type[_Class]:
    """Pickle the instances as (class, field values) and rebuild them by calling the class.
    A frozen dataclass with slots otherwise pickles through ``dataclasses.fields()`` for every
    instance, on both ends: a worker's batch of findings took as long to load in the parent as
    the batch took to pickle, most of it there."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    values = operator.attrgetter(*names)  # a tuple of them (the classes have several fields)
    assert len(names) > 1

    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


class Verdict(str, enum.Enum):
    """What one source says about one claim. Ordered from best to worst."""

    AGREE = "agree"
    CONFLICT = "conflict"
    GAP = "gap"


class Bound(str, enum.Enum):
    """A figure that is a limit rather than a value: "more than 500", "up to 20"."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@quick_init
@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure found in text (or stated by a claim), with its unit and hedge.

    ``start``/``end`` are character offsets into the text it was read from.
    ``upper`` is set for ranges ("between 500 and 600"). ``qualifiers`` are the
    words between the number and its unit ("Su-25 attack" in "20 Su-25 attack
    planes"); they tell apart figures of the same unit about different things.
    ``measure`` is what the figure measures, read from the words around it
    (``measures``): "deaths" for "killed 820 people", "began" for "founded in 2003".
    """

    value: float
    unit: str | None = None
    approx: bool = False
    bound: Bound | None = None
    upper: float | None = None
    month: int | None = None
    day: int | None = None
    qualifiers: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    text: str = ""
    measure: str | None = None
    # What the figure is for each of: "year" in "$50 million a year", "share" in "$95 a share".
    per: str | None = None
    # The noun phrase a size or sum stands before, as lemmas: "cargo", "ship" in "a 984-foot
    # cargo ship" (``measures.sized_by``).
    sized: tuple[str, ...] = ()


# The qualifier of a date whose year the article's date gave ("on March 26" in a piece of
# 2024-03-27): the figure is the source's, not its text's alone.
PLACED_YEAR = "article-year"
# The qualifier of a figure in a sentence about an earlier year than the article's ("In 2004,
# at least 628 people were killed" in a piece of 2023): another event's figure.
EARLIER_YEAR = "earlier-year"
# The qualifier of the value a figure had before a change the sentence reports ("has dropped from
# 115 to 97", "up from 2% in 2020", "down from 66"): not what the source now says of the fact.
EARLIER_VALUE = "earlier-value"
# The qualifier of the most a figure could be ("faces a maximum sentence of 110 years", "could
# receive 136 years"): a bound the law or a scenario sets, not what the source says it is.
POSSIBLE_VALUE = "possible-value"
# The qualifier that begins the kind of span of time a figure is counted over ("fell 32 percent over
# the next 12 days": PERIOD + "some days or weeks", ``measures.period_of``).
PERIOD = "period: "
# The qualifier of a price a share that no "a share" gave, only the stock it is said of ("the
# stock closed at $21.48": rule share-price): it may agree with a claim's price a share, but a
# price that differs may be another day's or another deal's.
IMPLIED_PER = "implied-per"
# The qualifier of a figure whose measure no word gave: the default of its dimension ("500
# aircraft" are how many there are), which no other measure contradicts.
DEFAULT_MEASURE = "default-measure"
# The qualifier of a part of a group counted after it ("five of the six crew members", "240 of
# the 543 seats"): the part counts the group's noun (rule partitive).
PARTITIVE = "part-of"
# The qualifier of a count its sentence gives as the count so far ("there have been 5,738
# wildfires so far this year", "bringing the death toll to 19", "the death toll rises to 95"): it
# may still grow (rule so-far).
SO_FAR = "so-far"
# Qualifiers that depend on the article's date, not on its text alone.
DATED = frozenset({PLACED_YEAR, EARLIER_YEAR})


class FailOn(str, enum.Enum):
    """Which findings fail a run (exit code 1)."""

    CONFLICT = "conflict"
    GAP = "gap"
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class Accept:
    """A conflict someone has looked at: the source it is with, and why it stands."""

    source: str
    reason: str
    line: int = 0
    column: int = 0


# How far apart two figures may be and still agree when either is hedged ("about 500"): the
# one default of the check, of compare and of the claims file's ``defaults: tolerance``.
DEFAULT_TOLERANCE = 0.10


@dataclass(frozen=True, slots=True)
class Claim:
    """One hand-written claim, with everything the file gave or the text implied."""

    id: str
    text: str
    subject: str
    aliases: tuple[str, ...] = ()
    quantity: Quantity | None = None
    tolerance: float = DEFAULT_TOLERANCE
    negated: bool = False
    required: bool = False
    accepts: tuple[Accept, ...] = ()
    as_of: str | None = None
    line: int = 0
    column: int = 0
    # The day or month the claim's sentence says its figure stood ("By January 9 the confirmed
    # death toll had passed 200"): read from the text, unlike ``as_of`` (rule as-of).
    dated_by: Quantity | None = None


@quick_init
@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SourceMeta:
    """Who said it and when. ``date`` keeps its precision: "2009", "2009-05" or "2009-05-12";
    ``guessed`` lists the fields read from the article's own text rather than stated."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None
    guessed: frozenset[str] = frozenset()

    @property
    def date_guessed(self) -> bool:
        return "date" in self.guessed


@quick_init
@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Source:
    """One article: its id (path relative to the sources folder, no extension), its text,
    what is known of it, and for a PDF the offsets where its pages 2, 3, ... begin."""

    id: str
    path: str
    text: str
    meta: SourceMeta = field(default=SourceMeta())
    page_starts: tuple[int, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The 1-based page of a character offset, for sources that have pages."""
        if not self.page_starts:
            return None
        return 1 + sum(1 for start in self.page_starts if start <= offset)


@quick_init
@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence (or heading) of a source, where it starts and on which line."""

    source_id: str
    index: int
    text: str
    start: int
    line: int
    boilerplate: bool = False


@quick_init
@dataclass(frozen=True, slots=True)
class Prepared:
    """What the check derives from one source before it sees a claim: the passages,
    each passage's figures and its distinct terms, sorted (none for boilerplate). The unit
    that worker processes return and the cache stores."""

    source_id: str
    passages: tuple[Passage, ...]
    quantities: tuple[tuple[Quantity, ...], ...]
    terms: tuple[tuple[str, ...], ...]


@quick_init
@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Evidence:
    """One of several figures a source gives for a claim's fact, and whether it fits the claim."""

    quote: str
    line: int | None
    quantity: Quantity
    compatible: bool
    offset: int | None = None
    page: int | None = None


@quick_init
@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict of one source on one claim, with the evidence that decided it."""

    claim_id: str
    source_id: str
    verdict: Verdict
    reason: str
    quote: str = ""
    passage: str = ""
    line: int | None = None
    quantity: Quantity | None = None
    score: float = 0.0
    accepted: str | None = None
    page: int | None = None
    outdated: bool = False
    offset: int | None = None
    # Every figure the source gives for the fact, the deciding one first, when they differ.
    figures: tuple[Evidence, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """The source gives two different figures for the fact ("about 500", later "up to 700")."""
        return len(self.figures) > 1

    @property
    def open_conflict(self) -> bool:
        """A conflict nobody has accepted and that the claim's ``as_of`` does not make outdated."""
        return self.verdict is Verdict.CONFLICT and self.accepted is None and not self.outdated


@quick_init
@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Judged:
    """One claim judged against some sources, in source order: the findings of the sources
    that state something of it, and the quiet ones — sources that mention its subject but
    say nothing of the fact (gaps). A subject is named in many sources and most are quiet
    about any one claim, so those are kept as source ids, not findings."""

    findings: tuple[Finding, ...] = ()
    quiet: tuple[str, ...] = ()
    # Groups of sources whose deciding passages carry the same text, once the claim has been
    # judged against every source (``check.with_copies``); None until then.
    copies: tuple[tuple[str, ...], ...] | None = None


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """A claim and its findings: one per source, in source order, and its status.

    Only the findings of sources that state something of the claim are kept as
    objects (``judged``); with ``source_ids``, every other source is a gap made on
    demand by ``findings`` — one of the ``quiet`` sources (they mention the subject;
    their gap says ``quiet_reason``) or one that never mentions the subject — so a
    claim checked against 100,000 sources holds tens of findings, not 100,000.
    Without ``source_ids``, ``judged`` is every finding.
    """

    claim: Claim
    judged: tuple[Finding, ...]
    # Sources whose deciding passages carry the same text (one wire story reprinted).
    copies: tuple[tuple[str, ...], ...] = ()
    source_ids: tuple[str, ...] | None = None
    quiet: tuple[str, ...] = ()
    quiet_reason: str = ""

    @property
    def findings(self) -> tuple[Finding, ...]:
        """One finding per source, in source order."""
        if self.source_ids is None:
            return self.judged
        return tuple(
            finding if finding.source_id else Finding(self.claim.id, source_id, Verdict.GAP, finding.reason)
            for source_id, finding in self.each_source()
        )

    def each_source(self) -> Iterator[tuple[str, Finding]]:
        """(source id, finding) for every source, in source order, where the sources that were
        not judged share two gaps without a source id (``""``), the quiet ones' and the others':
        ``findings`` without making a finding for each (a million of them at 1,000 claims and
        1,000 sources), for a report that writes each source's finding once."""
        if self.source_ids is None:
            yield from ((finding.source_id, finding) for finding in self.judged)
            return
        by_source = {finding.source_id: finding for finding in self.judged}
        quiet = set(self.quiet)
        said_nothing = Finding(self.claim.id, "", Verdict.GAP, self.quiet_reason)
        never_named = Finding(self.claim.id, "", Verdict.GAP, self.unmentioned_reason)
        for source_id in self.source_ids:
            found = by_source.get(source_id)
            yield source_id, found or (said_nothing if source_id in quiet else never_named)

    @property
    def unmentioned_reason(self) -> str:
        """The gap of a source that no passage of which names the claim's subject."""
        return f"no passage mentions {self.claim.subject} (no-mention)"

    def mentioning(self, order: Mapping[str, int]) -> list[tuple[str, Finding]]:
        """(source id, finding) for the sources that were judged — those that state something
        of the claim and the quiet ones, which share one gap without a source id — in source
        order (``order``: a source's place in the run). Every other source never mentions the
        subject: the JSON report's version 2 lists only these and counts the rest."""
        said_nothing = Finding(self.claim.id, "", Verdict.GAP, self.quiet_reason)
        listed = [(finding.source_id, finding) for finding in self.judged]
        listed += [(source_id, said_nothing) for source_id in self.quiet]
        return sorted(listed, key=lambda pair: order[pair[0]])

    @property
    def unlisted(self) -> int:
        """How many sources ``mentioning`` leaves out: each is a gap (no-mention)."""
        if self.source_ids is None:
            return 0
        return len(self.source_ids) - len(self.judged) - len(self.quiet)

    @property
    def stated(self) -> tuple[Finding, ...]:
        """The findings that agree or conflict, in source order."""
        return tuple(finding for finding in self.judged if finding.verdict is not Verdict.GAP)

    def tally(self, verdict: Verdict) -> int:
        """How many sources give this verdict."""
        count = sum(1 for finding in self.judged if finding.verdict is verdict)
        if verdict is Verdict.GAP and self.source_ids is not None:
            return len(self.source_ids) - len(self.stated)
        return count

    def independent(self, verdict: Verdict) -> int:
        """How many independent sources give this verdict: each group of copies counts once."""
        cluster = {source: number for number, group in enumerate(self.copies) for source in group}
        return len({cluster.get(f.source_id, f.source_id) for f in self.judged if f.verdict is verdict})

    @property
    def status(self) -> Verdict:
        """conflict if any source conflicts, else agree if any agrees, else gap."""
        verdicts = {finding.verdict for finding in self.judged}
        for verdict in (Verdict.CONFLICT, Verdict.AGREE):
            if verdict in verdicts:
                return verdict
        return Verdict.GAP

    @property
    def accepted(self) -> bool:
        """Whether the claim conflicts, and every one of its conflicts is accepted."""
        conflicts = [f for f in self.judged if f.verdict is Verdict.CONFLICT]
        return bool(conflicts) and all(f.accepted is not None for f in conflicts)

    @property
    def settled(self) -> bool:
        """Whether the claim conflicts, but none of its conflicts is open (accepted or outdated)."""
        conflicts = [f for f in self.judged if f.verdict is Verdict.CONFLICT]
        return bool(conflicts) and not any(f.open_conflict for f in conflicts)

    @property
    def backed(self) -> bool:
        """Whether at least one source agrees with the claim."""
        return any(f.verdict is Verdict.AGREE for f in self.judged)


@dataclass(frozen=True, slots=True)
class Policy:
    """What fails a run: ``fail_on`` and, with ``strict``, stale accepts too."""

    fail_on: FailOn = FailOn.CONFLICT
    strict: bool = False


@dataclass(frozen=True, slots=True)
class StaleAccept:
    """An accept that no longer matches a conflict: the source changed or the claim was fixed."""

    claim_id: str
    accept: Accept


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one check produced; the formats render it, the CLI picks the exit code."""

    claims_file: str
    sources: tuple[Source, ...]
    results: tuple[ClaimResult, ...]
    warnings: tuple[str, ...] = field(default=())
    stale: tuple[StaleAccept, ...] = field(default=())
    policy: Policy = field(default=Policy())

    def count(self, verdict: Verdict) -> int:
        """How many claims have this status."""
        return sum(1 for result in self.results if result.status is verdict)

    @property
    def settled_count(self) -> int:
        """How many conflicting claims have no open conflict left (all accepted or outdated)."""
        return sum(1 for result in self.results if result.settled)

    @property
    def has_conflict(self) -> bool:
        return any(result.status is Verdict.CONFLICT for result in self.results)

    def gap_fails(self, result: ClaimResult) -> bool:
        """Whether this claim's lack of backing fails the run: --fail-on gap, or required: true."""
        if self.policy.fail_on is FailOn.NEVER or result.backed:
            return False
        if self.policy.fail_on is FailOn.GAP:
            return result.status is Verdict.GAP
        return result.claim.required

    def failures(self) -> list[str]:
        """What fails the run under the report's policy, one line each; empty when it passes."""
        if self.policy.fail_on is FailOn.NEVER:
            return []
        found = []
        for result in self.results:
            for finding in result.judged:
                if finding.open_conflict:
                    found.append(f"{result.claim.id}: conflict with {finding.source_id}")
            if self.gap_fails(result):
                found.append(f"{result.claim.id}: no source backs it")
        if self.policy.strict:
            found += [f"{stale.claim_id}: stale accept of {stale.accept.source}" for stale in self.stale]
        return found

    def exit_code(self) -> int:
        """0 when nothing fails under the policy, 1 otherwise (2 is for bad input, before a report)."""
        return 1 if self.failures() else 0
