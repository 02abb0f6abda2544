"""Sources -> statements -> facts: where the articles agree and disagree, with no claims.

compare is the check without claims. A statement is a figure and the named thing its
sentence gives it to (the same ``attribution.owner`` the check uses; "the base" is the base
the article named just before). Every statement is put to every source as a claim — its
sentence, its subject, its figure with its measure — and the sources the check finds
agreeing or conflicting with it state the same fact: one notion of subject, measure,
tolerance and ambiguity for the check and compare. A fact agrees when every pair of its
figures is compatible (``compare``), and disagrees otherwise.

Near-duplicate articles (a wire story reprinted with a new header) count as one
independent source: their texts are compared with rapidfuzz.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, runtime_checkable

from claimcheck.attribution import antecedents, named_things, owner
from claimcheck.check import judge, vocabulary_of, with_copies
from claimcheck.compare import compare, describe, far_apart, same_quantity
from claimcheck.copies import independent as count_independent
from claimcheck.lexicon import DEMONYMS, GENERIC_HEADS, NUMBER_WORDS
from claimcheck.model import (
    DEFAULT_TOLERANCE,
    Claim,
    Finding,
    Judged,
    Passage,
    Prepared,
    Quantity,
    Source,
    Verdict,
)
from claimcheck.passages import line_at
from claimcheck.prepare import prepare
from claimcheck.quantities import with_measure
from claimcheck.subjects import GENERIC_STEMS, REFERENCE, Vocabulary, canonical_name, heads_of, make_subject
from claimcheck.text import squeeze, stem, terms
from claimcheck.units import CLOCK, DATE, base_unit, dimension_of
from claimcheck.verdicts import quote_of, word_before

_COUNTRIES = frozenset(stem(country) for country in DEMONYMS.values())

_APPOSITION = re.compile(r",\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)(?=\s*[,.;]|\s*$)")
_LEADING = re.compile(r"^(?:the|a|an|its|this|that)\s+", re.I)
# "a U.S. military base at its Manas International Airport": where a base is names it.
_LOCATED = re.compile(r"\s+(?:at|in|near|outside)\s+(?:the\s+|its\s+)?(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Statement:
    """One source giving one figure to one named thing."""

    source_id: str
    name: str
    quantity: Quantity  # with its measure, read as the check reads it (``quantities.with_measure``)
    quote: str
    passage: str
    line: int
    lead: str = ""  # the word before the figure ("paid", "pledged")
    text: str = ""  # the passage as the article has it: the figure's offsets are into it


@dataclass(frozen=True, slots=True)
class Fact:
    """Statements of several sources about the same subject and kind of quantity."""

    subject: str
    names: tuple[str, ...]
    unit: str
    statements: tuple[Statement, ...]
    agree: bool
    reason: str
    independent: int
    copies: tuple[tuple[str, ...], ...]
    # Other figures a source gives for the fact that do not fit its first one ("about 500", "up to 700").
    ambiguous: tuple[Statement, ...] = ()

    @property
    def same_figure(self) -> bool:
        """Whether every source gives the very same figure (not only a compatible one)."""
        return len({(s.quantity.value, s.quantity.upper) for s in self.statements}) == 1

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(statement.source_id for statement in self.statements))


def statements(prepared: Sequence[Prepared]) -> list[Statement]:
    """Every figure with a unit in the prepared sources, given to the named thing that owns it.
    The figures are the check's (``prepare``): placed in time as it places them, so a sentence
    about an earlier year's event keeps saying so, and meets only other such statements."""
    found: list[Statement] = []
    for ready in prepared:
        recent: dict[str, str] = {}  # head noun -> the name that last had it ("base" -> "Kant base")
        named_within = _named_within(ready.passages)
        for passage, figures in zip(ready.passages, ready.quantities, strict=True):
            if passage.boilerplate:
                continue
            text = passage.text
            references = [
                (m.start(), m.end()) for m in REFERENCE.finditer(text) if m.group(1).lower() in GENERIC_HEADS
            ]
            for quantity in figures:
                # Dates and times of day tell when, not how much: compare lists quantities.
                if quantity.unit is None or dimension_of(quantity.unit) in (DATE, CLOCK):
                    continue
                result = owner(text, quantity, figures, references=references)
                if result is None:
                    continue
                span = result[0]
                name = squeeze(text[span[0] : span[1]])
                apposition = _APPOSITION.match(text, span[1])
                if apposition and span not in references:
                    name += ", " + apposition.group(1)  # "the Tajik capital, Dushanbe": one place, two names
                if span in references:
                    # "the base": the base named last; "the accord" with none named: the accord itself.
                    matched = REFERENCE.match(text, span[0])
                    head = matched.group(1).lower() if matched else name.lower()
                    name = recent.get(head, head)
                elif naming_words(name) <= _COUNTRIES:
                    # "Tajik officials estimate ... 4,000 Islamic State fighters ... in Afghanistan":
                    # a country is a poorer owner than a name inside the figure's own phrase.
                    name = _inner_name(text, quantity) or name
                if not name or not make_subject(name).names:
                    continue
                opening = span[0] == _first_word(text) and span not in references
                if opening and " " not in name and name.lower() not in named_within:
                    # Rule opening-word: "Although the number ...", "Individuals within 10-miles ...": a
                    # word capitalised only where it opens a sentence is no name.
                    continue
                quote, line = quote_of(text, quantity), line_at(passage, quantity.start)
                measured = with_measure(text, quantity, figures)
                statement = Statement(
                    ready.source_id, _LEADING.sub("", name), measured, quote, squeeze(text), line,
                    word_before(text, quantity.start), text,
                )  # fmt: skip
                found.append(statement)
            things = named_things(text)
            for span in antecedents(text):
                name = squeeze(text[span[0] : span[1]])
                located = _LOCATED.match(text, span[1])
                place = next((other for other in things if located and other[0] == located.end()), None)
                if place is not None:
                    name += " at " + squeeze(text[place[0] : place[1]])
                for head in heads_of(name):
                    recent[head] = name
    return found


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _first_word(text: str) -> int:
    found = _WORD.search(text)
    return found.start() if found else -1


def _named_within(passages: Sequence[Passage]) -> frozenset[str]:
    """The words an article capitalises inside a sentence, lowercased: its names ("Delta" in
    "flights Delta cancelled"), not the ordinary words that open its sentences."""
    return frozenset(
        match.group().lower()
        for passage in passages
        for match in _WORD.finditer(passage.text)
        if match.start() > _first_word(passage.text) and match.group()[:1].isupper()
    )


def _inner_name(text: str, quantity: Quantity) -> str | None:
    """A named thing between the figure and its unit: 'Islamic State' in '4,000 Islamic State fighters'."""
    for start, end in named_things(text):
        if quantity.start < start and end <= quantity.end:
            return squeeze(text[start:end])
    return None


@runtime_checkable
class Corpus(Protocol):
    """Sources read and prepared once, to be judged as often as asked: the engine's
    ``PreparedCorpus`` (workers, the cache) or ``SourcesInMemory``."""

    @property
    def sources(self) -> tuple[Source, ...]: ...

    def judge(self, claims: Sequence[Claim], release: bool = False) -> tuple[Judged, ...]: ...

    def each(self, function: Callable[[list[Prepared], Any], Any], shared: Any) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class SourcesInMemory:
    """Sources a caller holds, prepared here, as a ``Corpus``: the library's way to compare
    ``Source`` objects (the command line goes through the engine)."""

    sources: tuple[Source, ...]
    prepared: tuple[Prepared, ...]
    vocabulary: Vocabulary

    @classmethod
    def of(cls, sources: Sequence[Source]) -> SourcesInMemory:
        prepared = tuple(prepare(source) for source in sources)
        return cls(tuple(sources), prepared, vocabulary_of(prepared))

    def judge(self, claims: Sequence[Claim], release: bool = False) -> tuple[Judged, ...]:
        return tuple(judge(claims, self.prepared, self.vocabulary))

    def each(self, function: Callable[[list[Prepared], Any], Any], shared: Any) -> list[Any]:
        return [function(list(self.prepared), shared)]


def facts(
    corpus: Corpus | Sequence[Source], min_sources: int = 2, tolerance: float = DEFAULT_TOLERANCE
) -> list[Fact]:
    """The facts stated by at least ``min_sources`` sources, disagreements first.

    The check without claims: every statement (a figure and the named thing its sentence
    gives it to) is put to every source as a claim — its sentence, its subject, its figure
    with its measure, the tolerance the claims would have — and the sources that agree or
    conflict with it state the same fact, by the check's own notion of subject, measure,
    tolerance, ambiguity and copies. A statement its own source does not bear out is no
    claim; a fact found from several of its statements is listed once."""
    if not isinstance(corpus, Corpus):
        corpus = SourcesInMemory.of(corpus)
    # A country named alone is a poor subject to look for: any article about it names it in
    # many passages, beside figures of every kind ("Russia ... a 7,600-kilometre border",
    # "Afghanistan's ... 1,300 km"). Such a statement is found from another's seed, or not.
    found_in = [statement for batch in corpus.each(_statements_of, None) for statement in batch]
    seeds = [seed for seed in found_in if seed.text and not naming_words(seed.name) <= _COUNTRIES]
    groups = _findings(_round_robin(seeds), corpus, min_sources, tolerance)
    order = {source.id: number for number, source in enumerate(corpus.sources)}
    found = []
    for key in _distinct(list(groups)):
        fact = _fact(*groups[key], order, min_sources, tolerance)
        if fact is not None:
            found.append(fact)
    # One fact found from statements of different names: once, under the first name.
    unique: dict[frozenset[tuple[str, int]], Fact] = {}
    for fact in found:
        unique.setdefault(frozenset((s.source_id, s.line) for s in fact.statements), fact)
    # Disagreements first, then facts whose figures differ within the tolerance, then the rest.
    return sorted(
        unique.values(), key=lambda f: (f.agree, f.same_figure, -len(f.statements), f.subject.lower(), f.unit)
    )


def _statements_of(prepared: list[Prepared], shared: None) -> list[Statement]:
    return statements(prepared)


def _round_robin(seeds: list[Statement]) -> list[Statement]:
    """The statements in rounds: the first of each name and unit, then the second of each...
    so the first batches find the facts many sources state and later ones skip their other
    statements (``covered``); at 1,000 articles putting every one took four times as long."""
    by_kind: dict[tuple, list[Statement]] = defaultdict(list)
    for seed in seeds:
        kind = (naming_words(seed.name), base_unit(seed.quantity.unit)[0], seed.quantity.measure)
        by_kind[kind].append(seed)
    rounds = max((len(group) for group in by_kind.values()), default=0)
    return [group[n] for n in range(rounds) for group in by_kind.values() if n < len(group)]


def _distinct(keys: list[frozenset[tuple[str, int, float]]]) -> list[frozenset[tuple[str, int, float]]]:
    """One fact found from several of its statements, each time with a few sources more or
    less: the largest finding of it, and no other that shares half its statements with one
    kept (an inverted index of statements, not every pair: a large corpus finds thousands)."""
    kept: list[frozenset[tuple[str, int, float]]] = []
    holding: dict[tuple[str, int, float], list[int]] = defaultdict(list)
    for key in sorted(keys, key=len, reverse=True):
        shared = Counter(number for place in key for number in holding.get(place, ()))
        if any(2 * count > min(len(key), len(kept[number])) for number, count in shared.items()):
            continue
        for place in key:
            holding[place].append(len(kept))
        kept.append(key)
    return kept


# Statements put to the sources at once: small enough that later batches skip what earlier
# ones found, large enough that the corpus's index is not rebuilt for every few claims.
SEED_BATCH = 500


def _place(statement: Statement) -> tuple[str, int, float]:
    """A statement's source, line and value: how two findings of one figure are known."""
    return (statement.source_id, statement.line, statement.quantity.value)


# A seed, its fact's statements, the ambiguous findings, the groups of sources whose deciding
# passages are copies of one another (``check.with_copies``).
Group = tuple[Statement, list[Statement], list[Finding], tuple[tuple[str, ...], ...]]


def _findings(
    seeds: list[Statement], corpus: Corpus, min_sources: int, tolerance: float
) -> dict[frozenset[tuple[str, int, float]], Group]:
    """Each seed put to the sources as a claim: the statements of its fact (its own, and one
    for each source the check finds agreeing or conflicting), by the places they stand."""
    groups: dict[frozenset[tuple[str, int, float]], Group] = {}
    # A statement already found as another's fact is not put again: a fact hundreds of
    # sources state would otherwise be found hundreds of times. Seeds go a batch at a time.
    covered: set[tuple[str, int, float]] = set()
    copies_of: dict[tuple[tuple[str, str], ...], tuple] = {}  # see with_copies
    for start in range(0, len(seeds), SEED_BATCH):
        batch = [seed for seed in seeds[start : start + SEED_BATCH] if _place(seed) not in covered]
        claims = [_as_claim(start + number, seed, tolerance) for number, seed in enumerate(batch)]
        for seed, judged in zip(batch, corpus.judge(claims), strict=True):
            own = next((f for f in judged.findings if f.source_id == seed.source_id), None)
            if own is None or not (own.verdict is Verdict.AGREE or any(f.compatible for f in own.figures)):
                continue  # its own source does not bear the statement out (or not among its figures)
            stated = [
                finding
                for finding in judged.findings
                if finding.verdict is Verdict.CONFLICT
                or (
                    finding.verdict is Verdict.AGREE
                    and finding.quantity is not None
                    and not far_apart(seed.quantity, finding.quantity)
                )
            ]
            members = [seed] + [
                _from_finding(finding, seed.name) for finding in stated if finding.source_id != seed.source_id
            ]
            key = frozenset(_place(member) for member in members)
            if len({member.source_id for member in members}) >= min_sources:
                covered |= key
            if key not in groups:
                copies = with_copies(Judged(tuple(stated), ()), copies_of).copies or ()
                groups[key] = (seed, members, [f for f in stated if f.ambiguous], copies)
    return groups


def _fact(
    seed: Statement,
    members: list[Statement],
    ambiguous: list[Finding],
    copies: tuple[tuple[str, ...], ...],
    order: dict[str, int],
    min_sources: int,
    tolerance: float,
) -> Fact | None:
    """The fact of a seed's statements: each source's first, in source order, judged pair by
    pair; None when fewer than ``min_sources`` sources state it."""
    first = {m.source_id: m for m in reversed(members)}
    by_source = sorted(first.values(), key=lambda m: order[m.source_id])
    if len(by_source) < min_sources:
        return None
    agree, reason = _judge(by_source, tolerance)
    ids = [m.source_id for m in by_source]
    shared = tuple(group for group in copies if len(set(group) & set(ids)) > 1)
    unit = str(base_unit(seed.quantity.unit)[0])
    return Fact(seed.name, (seed.name,), unit, tuple(by_source), agree, reason,
                count_independent(ids, copies), shared, _also_said(ambiguous, first))  # fmt: skip


def _as_claim(number: int, seed: Statement, tolerance: float) -> Claim:
    """A statement as a claim: its sentence, its subject, its figure (offsets into the sentence).
    Of a sentence that semicolons divide, only the part that holds the figure: the other parts
    state other things, and names a claim uses never compete for a figure ("So far this year,
    Nvidia shares are up 175%; Microsoft shares are up nearly 19%" would give Nvidia a figure
    of Microsoft's elsewhere: ``attribution.belongs_to``)."""
    text, figure = seed.text, seed.quantity
    start = text.rfind(";", 0, figure.start) + 1
    end = text.find(";", figure.end)
    end = len(text) if end < 0 else end
    quantity = replace(figure, start=figure.start - start, end=figure.end - start)
    return Claim(f"statement-{number}", text[start:end], seed.name, quantity=quantity, tolerance=tolerance)


def _from_finding(finding: Finding, name: str) -> Statement:
    assert finding.quantity is not None and finding.line is not None
    return Statement(finding.source_id, name, finding.quantity, finding.quote, finding.passage, finding.line)


def _also_said(ambiguous: list[Finding], listed: dict[str, Statement]) -> tuple[Statement, ...]:
    """The other figures an ambiguous source gives for the fact than the one listed for it
    (the check's ``figures``: one rule of ambiguity for the check and compare)."""
    return tuple(
        Statement(
            finding.source_id,
            listed[finding.source_id].name,
            figure.quantity,
            figure.quote,
            finding.passage,
            figure.line or 0,
        )
        for finding in ambiguous
        if finding.source_id in listed
        for figure in finding.figures
        if figure.quantity.value != listed[finding.source_id].quantity.value
    )


def _judge(members: list[Statement], tolerance: float) -> tuple[bool, str]:
    """Whether every pair of figures is compatible; the first pair that is not, in words.
    Each figure is compared once, however many sources give it: a fact hundreds of sources
    state holds few different figures, and comparing every pair took most of a run."""
    distinct = list({_figure(m.quantity): m for m in reversed(members)}.values())[::-1]
    for position, first in enumerate(distinct):
        for second in distinct[position + 1 :]:
            if not same_quantity(first.quantity, second.quantity):
                continue
            result = compare(first.quantity, second.quantity, tolerance)
            if not result.compatible:
                gap = result.reason.split(": ", 1)[-1]
                return False, (
                    f"{first.source_id} says {describe(first.quantity)}, "
                    f"{second.source_id} says {describe(second.quantity)}: {gap}"
                )
    return True, "every figure is compatible with the others"


def naming_words(name: str) -> frozenset[str]:
    """The words that name a subject: not generic ones, and not countries unless nothing else is left."""
    words = [
        term.norm for term in terms(canonical_name(name), compounds=False) if term.norm not in NUMBER_WORDS
    ]
    naming = [word for word in words if word not in GENERIC_STEMS] or words
    specific = [word for word in naming if word not in _COUNTRIES]
    return frozenset(specific or naming)


def _figure(quantity: Quantity) -> tuple:
    """What ``compare`` reads of a figure: two with the same are compatible alike."""
    return (quantity.value, quantity.upper, quantity.unit, quantity.approx, quantity.bound, quantity.measure)
