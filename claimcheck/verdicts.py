"""Claim x candidate passages -> one Finding per source.

For a claim with a figure, the candidates are the figures of the claim's kind
(``compare.same_quantity``) that belong to its subject (``subjects.belongs_to``)
in passages that mention it; the passage that best matches the claim's words
decides agree or conflict, and within it the figure nearest the claim's words.
For a claim without a figure ("Kyrgyzstan shares a border with Afghanistan"),
a passage that holds enough of the claim's words decides: agree, or conflict
when exactly one of the two is negated ("has no shared borders with"). No
candidate: gap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from claimcheck.attribution import belongs_to, owner
from claimcheck.compare import (
    STRONG,
    WEAK,
    Match,
    coarser_date,
    compare,
    describe,
    distinct_figure,
    far_apart,
    far_past_bound,
    may_count_same_people,
    same_fact,
    same_quantity,
    so_far_below,
    states_figure,
)
from claimcheck.lexicon import CALENDAR_WORDS, ORDINALS, STOPWORDS, SUPERLATIVES
from claimcheck.measures import BY_ID as MEASURES
from claimcheck.measures import DEFAULT as DEFAULT_MEASURES
from claimcheck.measures import moments_in, things_of
from claimcheck.model import DEFAULT_MEASURE, Claim, Evidence, Finding, Passage, Quantity, Verdict
from claimcheck.passages import line_at
from claimcheck.subjects import GENERIC_STEMS, Mention
from claimcheck.text import FUZZY_MIN_LENGTH, any_word, near_spelling, negates, squeeze, stem, term_set, terms
from claimcheck.units import (
    CALENDAR_UNITS,
    CLOCK,
    DATE,
    LENGTH,
    PREDICATE_DIMENSIONS,
    SHARE,
    UNITS,
    base_unit,
    dimension_of,
)

# Share of a figureless claim's words (weighted by rarity) a passage must hold to state it.
MIN_STATEMENT_COVERAGE = 0.6
# Rule distinct-figure: a claim's exact figure written to four significant digits or more
# (``compare.distinct_figure``: "23,448 acres", "40.05%", "$21.48 per share") is the claim's in a
# source that gives it of the same measure in other words, and to no other named thing.
DISTINCT_FIGURE_COVERAGE = 0.0
# Designations: a short letter code and a number ("mi-8", "s-400", "su-25", "bmp-2").
_MODEL = re.compile(r"[a-z]{1,4}-?\d{1,4}[a-z]{0,2}")
_UNIT_STEMS = frozenset(stem(word) for unit in UNITS for surface in unit.surfaces for word in surface.split())
_STOP_STEMS = frozenset(stem(word) for word in STOPWORDS)


@dataclass(frozen=True, slots=True)
class ClaimTerms:
    """The claim's words: all of them, and those beyond its subject and figure (its predicate)."""

    every: tuple[str, ...]
    predicate: tuple[str, ...]
    named: frozenset[str]
    # The words a passage is scored on: all but the bare numbers.
    scored: tuple[str, ...] = ()
    # Names the claim itself uses, which never compete for its figure (its unit words are no names).
    names: frozenset[str] = frozenset()
    # What the claim speaks of, as lemmas (``measures.things_of``).
    things: frozenset[str] = frozenset()
    # What a descriptive subject says is measured ("price", "share"): a passage that names only
    # the subject's name must say it (``subjects.Subject.described``).
    described: tuple[str, ...] = ()
    # The claim's words beside its figure: neither the figure's own, nor unit words, nor numbers.
    beside: tuple[str, ...] = ()
    # The places the claim says its fact is of, beyond its subject ("in Córdoba province").
    places: frozenset[str] = frozenset()

    @property
    def models(self) -> tuple[str, ...]:
        """Designations with digits ('Mi-8', 'S-400'): never incidental, so never optional."""
        return tuple(term for term in self.every if _MODEL.fullmatch(term))


def claim_terms(
    claim: Claim,
    subject_terms: frozenset[str],
    written_terms: frozenset[str] | None = None,
    described: frozenset[str] = frozenset(),
) -> ClaimTerms:
    """Split the claim's words: 'Kyrgyzstan' (subject) | 'shares', 'border', 'Afghanistan'.

    ``written_terms``, the subject's words as the analyst wrote them, join the words
    a passage should hold; other known names of the subject ("Daesh" for "Islamic
    State") are alternatives, so they only keep their words out of the predicate.
    """
    span = (claim.quantity.start, claim.quantity.end) if claim.quantity else (0, 0)
    every, predicate, named, beside = [], [], set(), []
    for term in terms(claim.text, compounds=False):
        if term.norm not in every:
            every.append(term.norm)
        inside_figure = span[0] <= term.start < span[1]
        if not inside_figure and term.norm not in _UNIT_STEMS and not term.norm.isdigit():
            beside.append(term.norm)
        if inside_figure or term.norm in subject_terms or term.norm in _UNIT_STEMS:
            continue
        if term.norm not in predicate:
            predicate.append(term.norm)
            if claim.text[term.start : term.start + 1].isupper():
                named.add(term.norm)
    every.extend(
        term for term in (subject_terms if written_terms is None else written_terms) if term not in every
    )
    # ... after the figure, and neither where the subject is ("its Kant air base in Kyrgyzstan")
    # nor the subject itself ("took part in the CSTO exercise Rubezh-2019").
    places = frozenset(
        term.norm
        for match in _PLACE.finditer(claim.text, span[1], _clause_end(claim.text, span[1]))
        if word_before(claim.text, match.start()) not in subject_terms | GENERIC_STEMS
        and subject_terms.isdisjoint(term_set(_noun_phrase(claim.text, match.start(1))))
        for term in terms(match.group(1), compounds=False)
        if term.norm in named and term.norm not in subject_terms
    )
    scored = tuple(term for term in every if not term.isdigit())
    names = frozenset(term for term in scored if term not in _UNIT_STEMS)
    measure = claim.quantity.measure if claim.quantity else None
    things = things_of((claim.text, claim.subject, *claim.aliases), measure)
    return ClaimTerms(
        tuple(every),
        tuple(predicate),
        frozenset(named),
        scored,
        names,
        things,
        tuple(sorted(described)),
        tuple(dict.fromkeys(beside)),
        places,
    )


# Rule place: where a claim's clause ends after its figure, and the noun phrase a place opens.
_CLAUSE_END = re.compile(r"[,;:()—]|\s(?:and|but|which|who|that|while|where|when)\s")


def _clause_end(text: str, start: int) -> int:
    """Where the clause that goes on at ``start`` ends: "will have about 500 personnel, will be
    followed by ... in Central Asia" places nothing of the 500 in Central Asia."""
    found = _CLAUSE_END.search(text, start)
    return found.start() if found else len(text)


_NOUN_PHRASE = re.compile(r"[^,.;:()]*?(?=[,.;:()]|\s(?:of|in|at|on|for|with|to|from|by)\s|$)")


def _noun_phrase(text: str, start: int) -> str:
    """The noun phrase that starts at ``start``: up to a punctuation mark or a preposition."""
    found = _NOUN_PHRASE.match(text, start)
    return found.group() if found else ""


# Where a claim places its fact, beyond its subject (rule place): "in Córdoba province", "in Glendale,
# Arizona" — a name after "in" that is not a month or a day.
_PLACE = re.compile(
    r"\bin\s+((?:the\s+)?(?!(?i:" + any_word(CALENDAR_WORDS) + r")\b)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
)


@dataclass(frozen=True, slots=True)
class Corpus:
    """What verdicts may ask of the corpus: a passage's terms and figures, a term's weight."""

    positions: Callable[[Passage], dict[str, list[tuple[int, int]]]]
    quantities: Callable[[Passage], Sequence[Quantity]]
    weight: Callable[[str], float]
    # A source's passages, for the ``topic`` reading of an article about the subject.
    passages: Callable[[str], Sequence[Passage]] = lambda _: ()
    # A figure of a passage with its measure (prepared figures may not have it yet).
    measured: Callable[[Passage, Quantity], Quantity] = lambda passage, figure: figure


def judge_source(
    claim: Claim,
    words: ClaimTerms,
    source_id: str,
    mentions: Sequence[Mention],
    corpus: Corpus,
    read: Read | None = None,
    wanted: Wanted | None = None,
) -> Finding | None:
    """The verdict of one source that mentions the claim's subject; None when the source is
    quiet about the claim (it says nothing of the fact: a gap, ``quiet_reason``).

    ``read``, kept by the caller from one source to the next, holds what was read in each
    mention for claims that want alike (``wanted``, by default ``wanted_of(claim, words)``):
    by the mention's text, the subject's place in it and its figures. Sources repeat
    sentences (wire copy, reprints), and each is read once for every claim that wants alike."""
    if claim.quantity is None:
        return _judge_statement(claim, words, source_id, mentions, corpus)
    wanted = wanted_of(claim, words) if wanted is None else wanted
    return _judge_figure(claim, words, source_id, mentions, corpus, {} if read is None else read, wanted)


# A figure of the claim's kind given to its subject in one mention: how sure it is the same
# fact (``compare.same_fact``), how well the passage holds the claim's words, whether the
# claim's word introduces it, how near it stands to them; and the match itself.
Reading = tuple[int, float, bool, float, Quantity, Match]
# What was read in each mention, by its text, the subject's place in it, whether it is a topic
# mention and the identity of its figures (the same text in an article of another date may
# hold other figures: "last year"; ``quantities.resolve_years`` keeps the text's own otherwise).
Read = dict[tuple[str, tuple[tuple[int, int], ...], bool, int], list[Reading]]


# A figure of a claim's value in a source, with its passage and the passage's terms.
Holding = tuple[Passage, Quantity, Sequence[str]]


def judge_by_words(
    claim: Claim,
    words: ClaimTerms,
    source_id: str,
    holding: Sequence[Holding],
    corpus: Corpus,
) -> Finding | None:
    """Rule same-words: a source that does not give the claim's fact where it names the subject,
    but gives the claim's very figure in a passage that holds most of the claim's other words
    ("Four bolts designed to prevent the door plug from falling off ... were missing, the National
    Transportation Safety Board said in a preliminary report" for "The NTSB's preliminary report
    found that four bolts meant to hold the door plug in place were missing"), agrees: the same
    figure in the same words is the same statement; so is a distinct figure ("23,448 acres") in any
    words (rule distinct-figure). It never conflicts — a passage that names
    nothing of the subject may speak of another thing — and ``holding`` are the source's
    figures of the claim's value, each with its passage and the passage's terms (``check``)."""
    claimed = claim.quantity
    assert claimed is not None
    total = sum(corpus.weight(term) for term in words.beside)
    if not total:
        return None
    best: tuple[float, Passage, Quantity] | None = None
    needed = DISTINCT_FIGURE_COVERAGE if distinct_figure(claimed) else MIN_STATEMENT_COVERAGE
    for passage, figure, norms in holding:
        if not same_quantity(claimed, figure):
            continue
        held = frozenset(norms)
        coverage = sum(corpus.weight(term) for term in words.beside if term in held) / total
        if coverage < needed or (best is not None and coverage <= best[0]):
            continue
        figure = corpus.measured(passage, figure)
        if not _same_statement_of_figure(claim, figure, words):
            continue
        # A figure the sentence gives to a thing the claim does not name is that thing's ("Kesobul
        # air base received $3 million", for "Rosriora received $3 million").
        if owner(passage.text, figure, corpus.quantities(passage), (), words.names) is not None:
            continue
        best = (coverage, passage, figure)
    if best is None:
        return None
    coverage, passage, figure = best
    said = f"gives {describe(figure)}, the claim's figure"
    if coverage >= MIN_STATEMENT_COVERAGE:
        reason = f"{said}, in a passage with most of its words (same-words)"
    else:
        reason = f"{said} to its last digit, of its measure (distinct-figure)"
    return _figure_finding(
        claim, source_id, Verdict.AGREE, reason, Mention(passage, ()), figure, round(coverage * 100, 1)
    )


def _same_statement_of_figure(claim: Claim, figure: Quantity, words: ClaimTerms) -> bool:
    """Whether the figure is the claim's very figure (value, range, bound; a date's day) of its fact."""
    claimed = claim.quantity
    assert claimed is not None
    if (figure.value, figure.upper, figure.bound) != (claimed.value, claimed.upper, claimed.bound):
        return False
    if same_fact(claimed, figure, words.things, claim.as_of).strength == 0:
        return False
    return compare(claimed, figure, claim.tolerance).compatible and not coarser_date(claimed, figure)


def quiet_reason(claim: Claim) -> str:
    """Why a source that mentions the claim's subject is a gap: it says nothing of the fact."""
    if claim.quantity is None:
        return f"mentions {claim.subject} but does not say what the claim says of it (not-stated)"
    if claim.quantity.measure:
        wanted = f"for {MEASURES[claim.quantity.measure].name}"
    else:
        wanted = f"in {claim.quantity.unit}" if claim.quantity.unit else "for it"
    return f"mentions {claim.subject} but gives no figure {wanted} (no-figure)"


def what_is_measured(quantity: Quantity) -> str:
    """The claim's fact in a few words: 'deaths', 'how many there are', 'the claim's figure in km'."""
    if quantity.measure:
        return MEASURES[quantity.measure].name
    return f"the claim's figure in {quantity.unit}" if quantity.unit else "the claim's figure"


def _judge_figure(
    claim: Claim,
    words: ClaimTerms,
    source_id: str,
    mentions: Sequence[Mention],
    corpus: Corpus,
    read: Read,
    wanted: Wanted,
) -> Finding | None:
    assert claim.quantity is not None
    by_name = [mention for mention in mentions if not mention.topic]
    named = _in_scale(claim.quantity, _candidates(wanted, by_name, corpus, read))
    same = [candidate for candidate in named if candidate[0] > 0]
    # The passages that name nothing, in an article about the subject, when none that names it
    # gives the fact (``subjects.Mention.topic``): read only then.
    topic = not same and any(mention.topic for mention in mentions)
    candidates = named
    if topic:
        taken = {mention.passage.index for mention in by_name}
        others = [
            Mention(passage, (), topic=True)
            for passage in corpus.passages(source_id)
            if passage.index not in taken and corpus.quantities(passage)
        ]
        candidates = named + _in_scale(claim.quantity, _candidates(wanted, others, corpus, read))
        same = [candidate for candidate in candidates if candidate[0] > 0]
    if not same:
        return _same_day(claim, source_id, by_name, corpus, wanted) or _other_fact(
            claim, words, source_id, named or candidates, corpus
        )
    best = max(same, key=lambda candidate: candidate[:4])
    score = best[1]
    rivals = _rivals(best, same)
    results = [compare(claim.quantity, quantity, claim.tolerance) for _, quantity in rivals]
    # Rule ambiguous-fit: of the figures a source gives for the fact as nearly as the deciding one,
    # one that fits agrees when the deciding one differs ("rejected the offer by 95%" beside "a 25%
    # raise"; "75-yard" beside "a 3-yard pass"; "55.7 per cent to 44.3 per cent" for Massa's "less
    # than 45%") — unless the deciding figure states the fact strongly and the other fits only as a
    # bound does ("more than 2,100" dead beside "2,500" for "about 3,000"; "70" dead in Oman beside
    # the UAE's for "at least four").
    # A bound fits too loosely to overrule a figure that decides strongly.
    loose_claim = best[0] >= STRONG and best[6].decisive and claim.quantity.bound is not None
    fit = next(
        (
            k
            for k, (result, (_, figure)) in enumerate(zip(results, rivals, strict=True))
            if result.compatible and (best[0] < STRONG or not (figure.bound or figure.upper or loose_claim))
        ),
        0,
    )
    if fit:
        rivals.insert(0, rivals.pop(fit))
        results.insert(0, results.pop(fit))
    echo = None if results[0].compatible else _echo(claim, best, same)
    if echo is not None:
        # Rule agree-elsewhere: the source states the claim's own figure for the fact in some
        # passage, so the differing figure that decided is another fact's ("the $200 billion"
        # Microsoft is worth beside "$69 billion" for Activision; "about 14 Earth days" beside
        # "one lunar day"; "2,100 containers" unloaded beside "nearly 4,700" carried).
        kept = [pair for pair in zip(rivals, results, strict=True) if pair[0][1] is not echo[5]]
        rivals = [(echo[4], echo[5]), *(pair[0] for pair in kept)]
        results = [compare(claim.quantity, echo[5], claim.tolerance), *(pair[1] for pair in kept)]
    mention, quantity = rivals[0]
    figures = tuple(
        Evidence(
            quote=quote_of(where.passage.text, figure),
            line=line_at(where.passage, figure.start),
            quantity=figure,
            compatible=result.compatible,
            offset=where.passage.start + figure.start,
        )
        for (where, figure), result in zip(rivals, results, strict=True)
    )
    verdict = Verdict.AGREE if results[0].compatible else Verdict.CONFLICT
    reason = results[0].reason
    if echo is not None:
        said = reason.removesuffix(")").rsplit(" (", 1)[0]
        reason = f"{said}, the claim's own figure beside others taken as other facts' (agree-elsewhere)"
    strongest = max(candidate[0] for candidate in same if candidate[5] is quantity)
    decisive = any(
        candidate[6].decisive for candidate in same if candidate[5] is quantity and candidate[0] == strongest
    )
    if topic:
        # An article tells of many events and counts many things: a date, a time or a count
        # whose measure is only the default, in a passage that does not name the subject, is
        # too often another's to be a conflict.
        dimension = dimension_of(quantity.unit)
        if dimension in (DATE, CLOCK) or quantity.measure == DEFAULT_MEASURES.get(dimension or ""):
            strongest = min(strongest, STRONG - 1)
    if mention.by_entity:
        # Rule entity: the passage names the thing the claim describes a measure of, not the
        # description ("Twitter", for "Twitter takeover price per share"): it may agree.
        strongest = min(strongest, STRONG - 1)
    if (
        mention.topic
        and len(figures) > 1
        and strongest < STRONG
        and not (verdict is Verdict.AGREE and _stated_alone(claim, words, mention, quantity, corpus))
    ):
        # Passages that do not name the subject give different figures of the kind, none said
        # to be its fact: which, if any, is the subject's cannot be told (rules topic and
        # ambiguous together: "up to 7,750 personnel" in an article about another base) —
        # unless one is the claim's own figure, which agrees as it would where the passage
        # names the subject (rule agree-elsewhere: "reduced the number of employees by 6
        # percent in January and by 2 percent in June" for Spotify's "about 6%" in January).
        verdict = Verdict.GAP
        reason = f"gives {describe(quantity)} and other figures of the kind in passages that do not name it"
    elif verdict is Verdict.CONFLICT and (moment := _other_moment(claim, quantity, mention.passage.text)):
        verdict = Verdict.GAP
        reason = f"gives {describe(quantity)}, {moment} (other-moment)"
    elif verdict is Verdict.CONFLICT and so_far_below(claim.quantity, quantity):
        verdict = Verdict.GAP
        reason = f"gives {describe(quantity)} as the count so far, which may still reach the claim's (so-far)"
    elif verdict is Verdict.CONFLICT and (strongest < STRONG or not decisive):
        # Precision first: a figure that differs but may be another fact is no conflict.
        verdict = Verdict.GAP
        rule = "weak-frame"
        if best[6].rule == "sum-of":
            said = f"does not say it is a sum of {' '.join(claim.quantity.sized)} as the claim does"
        elif best[6].rule == "place":
            said, rule = "names none of the places the claim gives it", "place"
        elif claim.quantity.measure:
            said = f"does not say it is {MEASURES[claim.quantity.measure].name} as the claim does"
        else:
            said = "does not say what it measures"
        reason = f"gives {describe(quantity)}, but {said} ({rule})"
    elif verdict is Verdict.CONFLICT and coarser_date(claim.quantity, quantity) and not quantity.month:
        # A year alone is as often another event's ("the last strike, in 2008") as the claim's:
        # it can no more contradict the claim's day than confirm it.
        verdict = Verdict.GAP
        reason = f"gives {describe(quantity)}, not the day or month the claim gives (coarser-date)"
    elif verdict is Verdict.CONFLICT and (loosely := _loosely_stated(claim.quantity, quantity, score)):
        verdict = Verdict.GAP
        reason = f"gives {describe(quantity)}, {loosely} (far-apart)"
    elif (
        verdict is Verdict.AGREE
        and strongest < STRONG
        and far_past_bound(claim.quantity, quantity, claim.tolerance)
    ):
        # "more than $40 billion" holds for any larger sum: a figure not said to be the claim's
        # fact, far past its bound, says nothing of it.
        verdict = Verdict.GAP
        reason = (
            f"gives {describe(quantity)}, far past the claim's bound, and does not say it is the same fact"
            " (weak-bound)"
        )
    elif verdict is Verdict.AGREE and coarser_date(claim.quantity, quantity):
        # "in 2023" is consistent with "March 10, 2023" but does not confirm the day.
        verdict = Verdict.GAP
        reason = f"gives {describe(quantity)}, not the day or month the claim gives (coarser-date)"
    if topic:
        reason += f"; the passage does not name {claim.subject}, the article's lead does (topic)"
    if len(figures) > 1:
        reason += "; the source also gives " + ", ".join(describe(f.quantity) for f in figures[1:])
        reason += " (ambiguous)"
    return _figure_finding(
        claim, source_id, verdict, reason, mention, quantity, score, figures if len(figures) > 1 else ()
    )


# An echo's passage holds at least this share of the claim's words (by weight) that the deciding
# passage holds: for "Kant, 20 km east of Bishkek", "Manas International Airport, some 20 km
# north-west of Bishkek" (score 16) is another place's distance, not an echo, beside "The base,
# which lies about 25 kilometres east of the capital" (67) (tests/compare_heldout).
ECHO_WORDS = 0.5


# Rule far-apart: one fact misreported seldom doubles or halves; figures further apart are as often
# two facts, so a conflict between them needs the fact stated firmly: in a passage that holds this
# share of the claim's words or more (``_score``), with a measure some word states on both sides, not
# one presumed from the unit ("171 Boeing 737 MAX 9 aircraft" grounded in all for Alaska's fleet of
# 65; "128 senatorial seats" for 364 in the Chamber of Deputies; "about 3.3 million hectares" burned
# by June for the year's 18.5 million). On dev (both modes) 15 of the 116 conflicts it made gaps had
# been labelled conflict; 233 of the 396 it left.
FIRM_WORDS = 30.0


def _other_moment(claim: Claim, quantity: Quantity, passage: str) -> str:
    """Rule other-moment: a value that changes through an event (a storm's wind speed: 160 mph at
    its peak, 110 mph past Jamaica, 80 mph at landfall in Texas) contradicts the claim's only read
    at the same moment — a moment word the claim and the passage share, or none in either; else
    why not ("" when it may)."""
    measure = MEASURES.get(claimed.measure or "") if (claimed := claim.quantity) is not None else None
    if measure is None or not measure.moments or quantity.measure != measure.id:
        return ""
    claimed_at = moments_in(" ".join((claim.text, claim.subject, *claim.aliases)), measure)
    read_at = moments_in(passage, measure)
    if claimed_at == read_at or claimed_at & read_at:
        return ""
    said = ", ".join(sorted(claimed_at)) or "no moment"
    return f"read at another moment of a changing {measure.name} than the claim's ({said})"


def _loosely_stated(claimed: Quantity, figure: Quantity, score: float) -> str:
    """Why a figure over twice apart from the claim's is not firmly the claim's fact (rule
    ``far-apart``), or "" when it is, or when the two are not that far apart."""
    if not far_apart(claimed, figure):
        return ""
    larger = abs(figure.value) * base_unit(figure.unit)[1] > abs(claimed.value) * base_unit(claimed.unit)[1]
    apart = "over twice the claim's figure" if larger else "under half the claim's figure"
    if score < FIRM_WORDS:
        return f"{apart}, in a passage that holds few of the claim's words"
    if DEFAULT_MEASURE in claimed.qualifiers or DEFAULT_MEASURE in figure.qualifiers:
        return f"{apart}, and no word says it measures what the claim's does"
    return ""


def _echo(claim: Claim, best: Candidate, candidates: Sequence[Candidate]) -> Candidate | None:
    """The best reading, of any strength, that states the claim's own figure (``states_figure``)
    in a passage that holds the claim's words half as fully as the deciding one does or more
    (``ECHO_WORDS``), unless its measure is presumed where the deciding figure's is read ("has
    some seven thousand troops" beside "500 to 600 troops from the base will take part in the
    patrols")."""
    assert claim.quantity is not None
    read_measure = DEFAULT_MEASURE not in best[5].qualifiers and best[5].measure is not None
    stating = [
        candidate
        for candidate in candidates
        if candidate[0] > 0
        and candidate[1] >= ECHO_WORDS * best[1]
        and not (read_measure and DEFAULT_MEASURE in candidate[5].qualifiers)
        and states_figure(claim.quantity, candidate[5], claim.tolerance)
    ]
    return max(stating, key=lambda candidate: candidate[:4], default=None)


def _stated_alone(
    claim: Claim, words: ClaimTerms, mention: Mention, quantity: Quantity, corpus: Corpus
) -> bool:
    """Whether the figure states the claim's own (``states_figure``) and no name in its passage
    owns it ("at most 1,400 soldiers are stationed at Fenabul" is Fenabul's)."""
    assert claim.quantity is not None
    if not states_figure(claim.quantity, quantity, claim.tolerance):
        return False
    return owner(mention.passage.text, quantity, corpus.quantities(mention.passage), (), words.names) is None


def _figure_finding(
    claim: Claim,
    source_id: str,
    verdict: Verdict,
    reason: str,
    mention: Mention,
    quantity: Quantity,
    score: float = 0.0,
    figures: tuple[Evidence, ...] = (),
) -> Finding:
    """A finding that quotes a figure where its passage gives it."""
    return Finding(
        claim_id=claim.id,
        source_id=source_id,
        verdict=verdict,
        reason=reason,
        quote=quote_of(mention.passage.text, quantity),
        passage=squeeze(mention.passage.text),
        line=line_at(mention.passage, quantity.start),
        offset=mention.passage.start + quantity.start,
        quantity=quantity,
        score=round(score, 1),
        figures=figures,
    )


def _same_day(
    claim: Claim, source_id: str, mentions: Sequence[Mention], corpus: Corpus, wanted: Wanted
) -> Finding | None:
    """Rule same-day: a passage that names the subject and gives the claim's very day, year and
    all, agrees though it tells the event in other words than the claim's: "The door plug fell
    off shortly after Alaska Flight 1282 took off on Jan. 5" or "a terrifying blowout at 16,000
    feet on Jan. 5" (pages dated 2024) for "The door plug blew out on January 5, 2024".
    Another day is no conflict: it may be another event's. A day whose year nothing tells (an
    undated page: "On January 5, a defective door plug flew off") agrees too, as most of the
    corpus's labellers read it (alaska, boeing, crowdstrike, mexico, starliner, super-bowl,
    valencia; east-palestine's did not, intel's once did not)."""
    claimed = claim.quantity
    assert claimed is not None
    if claimed.unit not in CALENDAR_UNITS or not claimed.day or claimed.bound:
        return None
    for mention in mentions:
        if mention.by_entity:
            continue
        figures = corpus.quantities(mention.passage)
        for figure in figures:
            if (figure.unit, figure.month, figure.day) != (claimed.unit, claimed.month, claimed.day):
                continue
            yearless = "no-year" in figure.qualifiers
            if figure.value != claimed.value and not yearless:
                continue
            if not belongs_to(mention, figure, wanted.names, figures):
                continue
            said = ", without a year," if yearless else ""
            reason = f"gives {describe(figure)}, the claim's day{said} in its own words (same-day)"
            return _figure_finding(claim, source_id, Verdict.AGREE, reason, mention, figure)
    return None


# A reading with the mention it was read in: strength, score, lead, nearness, mention, figure, match.
Candidate = tuple[int, float, bool, float, Mention, Quantity, Match]


def _candidates(
    wanted: Wanted,
    mentions: Sequence[Mention],
    corpus: Corpus,
    read: Read,
) -> list[Candidate]:
    """Every reading of the claim's figure in these mentions, each read once (``Read``)."""
    candidates: list[Candidate] = []
    for mention in mentions:
        # The figures stay alive beside the passage for the whole check, so their id is theirs.
        key = (
            mention.passage.text,
            mention.spans,
            mention.topic,
            id(corpus.quantities(mention.passage)),
        )
        if key not in read:
            read[key] = _readings(wanted, mention, corpus)
        candidates.extend((*reading[:4], mention, *reading[4:]) for reading in read[key])
    return candidates


# Rule scale-apart: figures this many times apart are not one fact misreported ("$26 each" at an
# IPO against a "$44 billion" takeover; "2 people" killed by one storm against "about 1,400" by
# another; "27,000 inhabitants" against "six" dead) — but a slip of scale ("$1.8 million" for
# "$1.8 billion": a thousand times, as a scale word makes it) stays a conflict, and so does a
# zero ("0 unaccounted" for "about 400").
SCALE_APART = 100
_SLIPS_OF_SCALE = (1e3, 1e6, 1e9)


def _in_scale(claimed: Quantity, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, those whose figure is ``SCALE_APART`` times or more from the claim's taken
    as another fact's (rule ``scale-apart``)."""
    kept: list[Candidate] = []
    claimed_value = abs(claimed.value) * base_unit(claimed.unit)[1]
    for candidate in candidates:
        figure = candidate[5]
        value = figure.upper if figure.upper is not None else figure.value
        # In one unit: "about 20,000 metres" and "some 30 km" are 1.5 times apart, not 667.
        low, high = sorted((abs(value) * base_unit(figure.unit)[1], claimed_value))
        if (
            candidate[0] > 0
            and dimension_of(claimed.unit) not in (DATE, CLOCK)
            and high >= SCALE_APART * low > 0
            and not any(math.isclose(high, slip * low, rel_tol=1e-6) for slip in _SLIPS_OF_SCALE)
        ):
            candidate = (0, *candidate[1:6], Match(0, "scale-apart", "a figure of another scale"))
        kept.append(candidate)
    return kept


def _other_fact(
    claim: Claim, words: ClaimTerms, source_id: str, candidates: Sequence[Candidate], corpus: Corpus
) -> Finding | None:
    """A source that gives its subject figures of the claim's kind, but each for another fact:
    a gap that says which ("gives 5.3 million servicemen, what passed through it, not its
    staff"); None when it gives none at all. (Whether such a figure is the subject's is asked
    only here, of the best first: ``_readings`` leaves it.)"""
    assert claim.quantity is not None
    ranked = sorted(candidates, key=lambda candidate: candidate[1:4], reverse=True)
    subjects = (c for c in ranked if belongs_to(c[4], c[5], words.names, corpus.quantities(c[4].passage)))
    best = next(subjects, None)
    if best is None:
        return None
    _, score, _, _, mention, quantity, match = best
    reason = (
        f"gives {describe(quantity)} as {match.reason}, not {what_is_measured(claim.quantity)} ({match.rule})"
    )
    return _figure_finding(claim, source_id, Verdict.GAP, reason, mention, quantity, score)


@dataclass(frozen=True, slots=True)
class Wanted:
    """What reading a mention for a claim's figure (``_readings``) takes from the claim, and
    nothing more: ``_readings`` sees only this, so claims with equal ones read every mention
    alike and share what was read (``judge_source``'s ``read``). The figure is the claim's
    without its value, hedge and place: "about 500" and "at least 400" read a passage alike."""

    figure: Quantity
    as_of: str | None
    lead: str  # the claim's word before its figure ("hosts")
    scored: tuple[str, ...]
    names: frozenset[str]
    predicate: tuple[str, ...]
    named: frozenset[str]
    near: tuple[str, ...]  # the words a figure should stand near: the predicate, else every word
    things: frozenset[str]
    described: tuple[str, ...] = ()
    places: frozenset[str] = frozenset()


def wanted_of(claim: Claim, words: ClaimTerms) -> Wanted:
    """What reading a mention takes from a claim with a figure (``Wanted``)."""
    assert claim.quantity is not None
    figure = replace(claim.quantity, value=0.0, upper=None, approx=False, bound=None, start=0, end=0, text="")
    return Wanted(
        figure,
        claim.as_of,
        word_before(claim.text, claim.quantity.start),
        words.scored,
        words.names,
        words.predicate,
        words.named,
        words.predicate or words.every,
        words.things,
        words.described,
        words.places,
    )


def _readings(wanted: Wanted, mention: Mention, corpus: Corpus) -> list[Reading]:
    figures = corpus.quantities(mention.passage)
    claimed = wanted.figure
    # Most mentions hold no figure of the claim's kind: the cheap test goes first, and only
    # figures that pass it are measured.
    maybe = [q for q in figures if same_quantity(claimed, q) or may_count_same_people(claimed, q)]
    if not maybe:
        return []
    measured = [corpus.measured(mention.passage, quantity) for quantity in maybe]
    same_kind = [quantity for quantity in measured if same_quantity(claimed, quantity)]
    if mention.topic:  # a topic passage serves only the same fact (another is told by name)
        same_kind = [q for q in same_kind if same_fact(claimed, q, wanted.things, wanted.as_of).strength > 0]
    if not same_kind:
        return []
    found = corpus.positions(mention.passage)
    if not claimed.measure and not _says_predicate(wanted, found, mention.spans):
        # Rule share-of: a share of what the claim's share is of ("55.69% of the votes" for
        # "44.3% of the vote") says what it measures as the claim's verb would.
        same_kind = [
            q for q in same_kind if set(q.sized) & set(claimed.sized) and dimension_of(q.unit) == SHARE
        ]
        if not same_kind:
            return []
    score = _score(wanted.scored, found, corpus.weight)
    placed = not wanted.places or any(_present(term, found) for term in wanted.places)
    readings: list[Reading] = []
    for quantity in same_kind:
        same_lead = bool(wanted.lead) and word_before(mention.passage.text, quantity.start) == wanted.lead
        # The same content word introduces both ("withdrew $142 billion"): it says what is measured.
        introduced = same_lead and wanted.lead not in _STOP_STEMS
        match = same_fact(claimed, quantity, wanted.things, wanted.as_of, introduced)
        if match.strength > WEAK and not placed:
            # Rule place: the claim says where its fact is ("74.05% of the runoff vote in Córdoba
            # province"); a passage that names no such place may speak of the whole country.
            match = replace(match, strength=WEAK, rule="place")
        # Another fact's figure is checked for its owner only if it is to be shown (``_other_fact``).
        if match.strength > 0 and not belongs_to(mention, quantity, wanted.names, figures):
            continue
        nearness = -_distance_to_words(quantity, wanted.near, found)
        readings.append((match.strength, score, same_lead, nearness, quantity, match))
    return readings


def _rivals(best: Candidate, candidates: Sequence[Candidate]) -> list[tuple[Mention, Quantity]]:
    """The deciding figure, then every different figure the source gives for the same fact.

    A figure in a passage that holds the claim's words as fully as the deciding
    one, introduced by the claim's word when the deciding one is, is the same fact
    stated again; if it differs (the source says "about 500", later "up to 700")
    the source is ambiguous. The deciding figure — the one nearest the claim's words —
    still decides (rule ``ambiguous``): the others are listed, never a conflict of their
    own, since a source's other figure of the kind is as often another fact the frame cannot
    tell apart ("a termination fee of $2.27 billion" beside a price of $68.7 billion; "1.6
    miles" of a bridge beside a ship's "985 feet"). A figure in a passage that matches the claim less well is
    another aspect of the subject, and "set up in 1995" is another event than
    "until 2044": they stay out.
    """
    chosen: list[tuple[Mention, Quantity]] = [(best[4], best[5])]
    for strength, score, same_lead, _, mention, quantity, _ in candidates:
        if (strength, score, same_lead) < best[:3] or any(
            _same_figure(quantity, other) for _, other in chosen
        ):
            continue
        chosen.append((mention, quantity))
    return chosen


def _same_figure(first: Quantity, second: Quantity) -> bool:
    return (first.value, first.upper, first.bound, first.approx) == (
        second.value,
        second.upper,
        second.bound,
        second.approx,
    )


def _says_predicate(wanted: Wanted, found: Positions, spans: Sequence[tuple[int, int]] = ()) -> bool:
    """Measures, money, shares and dates are "of" something the claim's other words
    name: a length must share them ('20 km from Bishkek' vs 'a runway of 2,400 m'),
    naming one of the claim's other places when it has any; a sum or a year must
    share the claim's verb or noun ('spends', 'rent', 'established')."""
    dimension = dimension_of(wanted.figure.unit)
    if dimension not in PREDICATE_DIMENSIONS or not wanted.predicate:
        return True
    if dimension == LENGTH and wanted.named:
        return any(_present(term, found) for term in wanted.named)
    # What a descriptive subject says is measured ("price per share") is said by the passage
    # too, where it is not the very words the passage names the subject by ("Equity investors").
    return any(_present(term, found) for term in wanted.predicate) or any(
        not any(start <= at < end for start, end in spans)
        for term in wanted.described
        for at in _positions(term, found)
    )


def _judge_statement(
    claim: Claim, words: ClaimTerms, source_id: str, mentions: Sequence[Mention], corpus: Corpus
) -> Finding | None:
    best: tuple[float, Mention, bool] | None = None
    for mention in mentions:
        if mention.topic:  # a statement is judged on passages that name its subject
            continue
        found = corpus.positions(mention.passage)
        coverage = _coverage(words, found, corpus)
        if coverage < MIN_STATEMENT_COVERAGE or not all(_present(term, found) for term in words.models):
            continue
        negated = negates(mention.passage.text)
        if best is None or coverage > best[0]:
            best = (coverage, mention, negated)
    if best is None:
        return None
    coverage, mention, negated = best
    contradicts = negated != claim.negated
    ranked = _ranked(claim, words, mentions, corpus)
    if ranked is None and _rank(claim.text) is not None:
        return None  # a passage that ranks it in no such way does not state the claim
    if ranked is not None:
        mention, rank, claimed = ranked
        contradicts = rank != claimed
        reason = (
            f"source ranks it {_ordinal(rank)}, the claim {_ordinal(claimed)} (rank-differs)"
            if contradicts
            else f"source ranks it {_ordinal(rank)}, as the claim does (same-statement)"
        )
    elif not contradicts:
        reason = f"source {'denies' if negated else 'states'} it, as the claim does (same-statement)"
    elif negated:
        reason = "source denies what the claim states (negation-differs)"
    else:
        reason = "source states what the claim denies (negation-differs)"
    return Finding(
        claim_id=claim.id,
        source_id=source_id,
        verdict=Verdict.CONFLICT if contradicts else Verdict.AGREE,
        reason=reason,
        quote=squeeze(mention.passage.text),
        passage=squeeze(mention.passage.text),
        line=mention.passage.line,
        offset=mention.passage.start,
        score=round(coverage * 100, 1),
    )


def _coverage(words: ClaimTerms, found: Positions, corpus: Corpus) -> float:
    """The share of the claim's words a passage holds, rare words counting more: 0-1."""
    total = sum(corpus.weight(term) for term in words.every) or 1.0
    return sum(corpus.weight(term) for term in words.every if _present(term, found)) / total


def _ranked(
    claim: Claim, words: ClaimTerms, mentions: Sequence[Mention], corpus: Corpus
) -> tuple[Mention, int, int] | None:
    """Rule rank: the claim ranks its subject with a superlative ("the largest bank failure in US
    history") and a passage that holds the claim's words ranks it with one of the same sense
    ("the second-largest bank failure"): the passage, its rank and the claim's. A superlative
    bounded by "since" ("the biggest since Washington Mutual") ranks in another field: none."""
    claimed = _rank(claim.text)
    if claimed is None:
        return None
    sense, rank = claimed
    best: tuple[float, Mention, int] | None = None
    for mention in mentions:
        if mention.topic:
            continue
        stated = _rank(mention.passage.text, sense)
        if stated is None:
            continue
        found = corpus.positions(mention.passage)
        coverage = _coverage(words, found, corpus)
        if coverage >= MIN_STATEMENT_COVERAGE and (best is None or coverage > best[0]):
            best = (coverage, mention, stated[1])
    return None if best is None else (best[1], best[2], rank)


def _rank(text: str, sense: frozenset[str] | None = None) -> tuple[frozenset[str], int] | None:
    """The first superlative in the text (of ``sense``, when given) and the rank it gives: 1 for
    "the largest", 3 for "the third-biggest"; None for one bounded by "since"."""
    for match in _SUPERLATIVE.finditer(text):
        word = match.group("word").lower()
        group = next(group for group in SUPERLATIVES if word in group)
        if sense is not None and group != sense:
            continue
        if _SINCE_AFTER.match(text, match.end()):
            return None
        ordinal = match.group("ordinal")
        return group, ORDINALS[ordinal.lower()] if ordinal else 1
    return None


def _ordinal(rank: int) -> str:
    return "first" if rank == 1 else next(word for word, value in ORDINALS.items() if value == rank)


_SUPERLATIVE = re.compile(
    r"\b(?:(?P<ordinal>"
    + "|".join(ORDINALS)
    + r")[\s-]+)?(?P<word>"
    + "|".join(sorted((word for group in SUPERLATIVES for word in group), key=len, reverse=True))
    + r")\b",
    re.I,
)
# "the biggest since the collapse of Washington Mutual": first in another field.
_SINCE_AFTER = re.compile(r"(?:\s+[\w.'’-]+){0,4}?\s+since\b", re.I)


Positions = dict[str, list[tuple[int, int]]]


def _present(term: str, found: Positions) -> bool:
    return bool(_positions(term, found))


def _positions(term: str, found: Positions) -> list[int]:
    """Where the term (or a near spelling of a long term) starts in the passage."""
    if term in found:
        return [start for start, _ in found[term]]
    if len(term) < FUZZY_MIN_LENGTH:
        return []
    return [start for other, spans in found.items() if near_spelling(term, other) for start, _ in spans]


def _score(wanted: Sequence[str], found: Positions, weight: Callable[[str], float]) -> float:
    """Share of the claim's words the passage holds, rare words counting more: 0-100."""
    total = sum(weight(term) for term in wanted)
    if not total:
        return 0.0
    return 100.0 * sum(weight(term) for term in wanted if _present(term, found)) / total


# The text before a figure, read backwards from the figure: a hedge, then the word.
# (Matching the reversed text at its start is much faster than searching for a match
# that ends at the figure.)
_WORD_BEFORE_REVERSED = re.compile(
    r"(?:\s+(?:"
    + "|".join(hedge[::-1] for hedge in ("about", "some", "around", "nearly", "roughly", "approximately"))
    + r")(?![A-Za-z]))?\W*([A-Za-z]+)"
)


def word_before(text: str, offset: int) -> str:
    """The word right before a figure, stemmed: 'until' in 'until 2044', 'host' in 'hosts some 400'."""
    match = _WORD_BEFORE_REVERSED.match(text[max(0, offset - 60) : offset][::-1])
    return stem(match.group(1)[::-1]) if match else ""


def _distance_to_words(quantity: Quantity, wanted: Sequence[str], found: Positions) -> float:
    """How far the figure's phrase stands from the nearest of the claim's words in the passage:
    none for a word inside it (its unit), so a hedge ("about 500 personnel") or a longer unit
    makes a figure no farther from the claim than a bare one."""
    positions = [position for term in wanted for position in _positions(term, found)]
    if not positions:
        return float("inf")
    return min(
        0
        if quantity.start <= position < quantity.end
        else min(abs(position - quantity.start), abs(position - quantity.end))
        for position in positions
    )


_INTRODUCING_WORD = re.compile(r"(?<![\w'-])([a-z][\w'-]*)\s+$")


def quote_of(text: str, quantity: Quantity) -> str:
    """The figure's phrase and the word that introduces it: 'hosts some 400 personnel'."""
    before = _INTRODUCING_WORD.search(text[max(0, quantity.start - 30) : quantity.start])
    start = quantity.start - len(before.group()) if before else quantity.start
    return squeeze(text[start : quantity.end])
