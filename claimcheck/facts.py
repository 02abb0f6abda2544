"""Sources -> statements -> facts: where the articles agree and disagree, with no claims.

A statement is a figure and the named thing the sentence gives it to (the same
``attribution.owner`` the check uses), with "the base" resolved to the base the
article named just before. Statements are grouped into facts by subject and
kind of quantity: the subject is the rarest naming word of the owner's name (so
"Kant", "the Kant base" and "air base in Kant" meet, and "Russia" does not meet
"Russia's 201st base"), the kind is the unit after scale (m and km meet). A fact
stated by several sources agrees when every pair of its figures is compatible
(``compare``), and disagrees otherwise.

Near-duplicate articles (a wire story reprinted with a new header) count as one
independent source: their texts are compared with rapidfuzz.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.attribution import antecedents, named_things, owner
from claimcheck.compare import compare, describe, same_quantity
from claimcheck.copies import Groups, same_text
from claimcheck.copies import independent as count_independent
from claimcheck.lexicon import DEMONYMS, GENERIC_HEADS, NUMBER_WORDS
from claimcheck.model import DEFAULT_TOLERANCE, Quantity, Source
from claimcheck.passages import line_at, split_passages
from claimcheck.quantities import extract_quantities
from claimcheck.subjects import GENERIC_STEMS, REFERENCE, canonical_name, heads_of, make_subject
from claimcheck.text import squeeze, stem, terms
from claimcheck.units import AREA, CALENDAR_UNITS, LENGTH, PREDICATE_DIMENSIONS, base_unit, dimension_of
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
    quantity: Quantity
    quote: str
    passage: str
    line: int


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


def statements(sources: Sequence[Source]) -> list[Statement]:
    """Every figure with a unit in the sources, given to the named thing that owns it."""
    found: list[Statement] = []
    for source in sources:
        recent: dict[str, str] = {}  # head noun -> the name that last had it ("base" -> "Kant base")
        for passage in split_passages(source):
            if passage.boilerplate:
                continue
            text = passage.text
            figures = extract_quantities(text)
            references = [
                (m.start(), m.end()) for m in REFERENCE.finditer(text) if m.group(1).lower() in GENERIC_HEADS
            ]
            for quantity in figures:
                if quantity.unit is None or quantity.unit in CALENDAR_UNITS:
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
                quote, line = quote_of(text, quantity), line_at(passage, quantity.start)
                found.append(
                    Statement(source.id, _LEADING.sub("", name), quantity, quote, squeeze(text), line)
                )
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


def _inner_name(text: str, quantity: Quantity) -> str | None:
    """A named thing between the figure and its unit: 'Islamic State' in '4,000 Islamic State fighters'."""
    for start, end in named_things(text):
        if quantity.start < start and end <= quantity.end:
            return squeeze(text[start:end])
    return None


def facts(
    sources: Sequence[Source], min_sources: int = 2, tolerance: float = DEFAULT_TOLERANCE
) -> list[Fact]:
    """The facts stated by at least ``min_sources`` sources, disagreements first; figures
    agree within ``tolerance`` when hedged, as in the check (the claims file's default)."""
    groups = _group(statements(sources))
    copies = duplicates(sources)
    found = []
    for unit, members in groups:
        first_by_source = list({s.source_id: s for s in reversed(members)}.values())[::-1]
        if len({s.source_id for s in first_by_source}) < min_sources:
            continue
        agree, reason = _judge(first_by_source, tolerance)
        names = Counter(statement.name for statement in members)
        independent = count_independent([s.source_id for s in first_by_source], copies)
        shared = tuple(
            group for group in copies if len(set(group) & {s.source_id for s in first_by_source}) > 1
        )
        found.append(
            Fact(names.most_common(1)[0][0], tuple(names), unit, tuple(first_by_source), agree, reason,
                 independent, shared, _ambiguous(members, first_by_source, tolerance))
        )  # fmt: skip
    # Disagreements first, then facts whose figures differ within the tolerance, then the rest.
    return sorted(
        found, key=lambda f: (f.agree, f.same_figure, -len(f.statements), f.subject.lower(), f.unit)
    )


def duplicates(sources: Sequence[Source]) -> list[tuple[str, ...]]:
    """Groups of sources that carry the same story (near-identical text), two or more each."""
    return same_text({source.id: source.text for source in sources})


def _ambiguous(
    members: list[Statement], first_by_source: list[Statement], tolerance: float
) -> tuple[Statement, ...]:
    """The statements that give a source's fact a figure incompatible with its first one."""
    first = {statement.source_id: statement for statement in first_by_source}
    return tuple(
        statement
        for statement in members
        if statement is not first[statement.source_id]
        and same_quantity(statement.quantity, first[statement.source_id].quantity)
        and not compare(first[statement.source_id].quantity, statement.quantity, tolerance).compatible
    )


def _judge(members: list[Statement], tolerance: float) -> tuple[bool, str]:
    """Whether every pair of figures is compatible; the first pair that is not, in words."""
    for position, first in enumerate(members):
        for second in members[position + 1 :]:
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


def _group(found: list[Statement]) -> list[tuple[str, list[Statement]]]:
    """Statements of the same kind of quantity whose subjects share a naming word.

    Countries and nationalities name who owns a thing, not the thing ("Russia's 201st
    base", "the Russian air base in Kant"), so they count only in a name that has
    nothing else. Sums, shares, dates and durations also need the same verb before
    the figure: a rent paid is not a sum pledged.
    """
    keyed: dict[tuple[str, str], list[int]] = defaultdict(list)
    groups = Groups(len(found))
    for number, statement in enumerate(found):
        kind = _kind(statement)
        for word in naming_words(statement.name):
            keyed[(kind, word)].append(number)
    for members in keyed.values():
        for other in members[1:]:
            groups.join(members[0], other)
    grouped = [[found[n] for n in group] for group in groups.members()]
    return [(str(base_unit(group[0].quantity.unit)[0]), group) for group in grouped]


def naming_words(name: str) -> frozenset[str]:
    """The words that name a subject: not generic ones, and not countries unless nothing else is left."""
    words = [
        term.norm for term in terms(canonical_name(name), compounds=False) if term.norm not in NUMBER_WORDS
    ]
    naming = [word for word in words if word not in GENERIC_STEMS] or words
    specific = [word for word in naming if word not in _COUNTRIES]
    return frozenset(specific or naming)


def _kind(statement: Statement) -> str:
    unit = str(base_unit(statement.quantity.unit)[0])
    dimension = dimension_of(statement.quantity.unit)
    if dimension == LENGTH:  # a calibre is no range, a depth no distance
        unit += f":{statement.quantity.measure or ''}"
    if dimension in PREDICATE_DIMENSIONS and dimension not in (LENGTH, AREA):
        return f"{unit}:{word_before(statement.passage, statement.passage.find(statement.quantity.text))}"
    return unit
