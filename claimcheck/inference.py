"""A claim's sentence -> what it implies: its figure (value, unit, hedge, bound, measure),
its subject and whether it is negated. What the claims file states wins; this fills in the
rest, so that a plain sentence is a whole claim."""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.lexicon import (
    AT_LEAST,
    AT_MOST,
    CALENDAR_WORDS,
    CLAIM_VERBS,
    GENERIC_HEADS,
    GENERIC_WORDS,
    HEDGES,
    NUMBER_WORDS,
    RELATIVE_PRONOUNS,
    STOPWORDS,
)
from claimcheck.measures import measure_named
from claimcheck.model import EARLIER_VALUE, Bound, Claim, Quantity
from claimcheck.quantities import extract_quantities
from claimcheck.text import is_participle, lemma, negates
from claimcheck.units import BY_SURFACE, CALENDAR_UNITS, same_dimension

# Capitalised at the start of a sentence, but never a name: "Fewer than 3,000 ...".
_NOT_NAMES = (
    STOPWORDS | NUMBER_WORDS | {word for phrase in HEDGES + AT_LEAST + AT_MOST for word in phrase.split()}
)
# Words that open the place a claim's figure is in, after it: "people on board the ...".
_ABOARD = frozenset({"board", "aboard", "onboard", "inside", "within"})
# Words that open a phrase setting the scene before the main clause.
_OPENERS = frozenset({
    "after", "before", "under", "following", "when", "while", "as", "in", "on", "during",
    "despite", "since", "with", "by", "at", "once", "until", "according", "within", "amid",
})  # fmt: skip
# After a claim's figure: it is the value before an event ("... before Musk's layoffs").
_BEFORE_EVENT = re.compile(r"\b(?:before|prior to)\b(?!\s+(?:the\s+)?(?:age|end|start)\b)", re.I)
# "Turnout in the previous general election had been 67.4 percent": a value of an earlier time.
_PREVIOUS = re.compile(r"\b(?:the\s+)?previous\s+(?:[a-z]+\s+)?(?:election|year|season|quarter)\b", re.I)
_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[\w-]+['’]s)\s+$")
_NOUN_AFTER = re.compile(r"(?:-[a-z]+)*\s+[a-z]")
# Verbs of saying, which the lemma test for past participles misses ("said", "told").
_SAYING = frozenset({"said", "says", "told", "tells", "wrote", "writes", "thought", "found"})
# Words that open a noun phrase, so that a participle after them describes its noun.
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "these", "those"})
# What stands between an opening word and its date: "By mid-November 2023", "By the end of July".
_DATE_AFTER_OPENER = re.compile(
    r"\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+|(?:mid|early|late)-?\s*)?"
)
# A phrase between commas longer than this is a clause of its own, not a description.
_APPOSITION_WORDS = 8


def infer_claim(
    claim: Claim,
    stated: Quantity | None = None,
    unit: str | None = None,
    approx: bool | None = None,
    bound: Bound | None = None,
) -> Claim:
    """Fill in what the file left out from the claim's sentence; what it gave wins."""
    found = extract_quantities(claim.text)
    read = _main_quantity(claim.text, stated, found)
    quantity = stated
    if quantity is None and read is not None:
        quantity = read
    named = measure_named(unit) if unit else None  # unit: deaths -> people who died
    if named is not None:
        unit = named.counts
    if quantity is not None:
        final_unit = unit or quantity.unit or (read.unit if read else None)
        same_figure = read is not None and (
            read.unit == final_unit
            or same_dimension(read.unit, final_unit)
            or (stated is not None and read.value == stated.value)
        )
        quantity = replace(
            quantity,
            unit=final_unit,
            measure=named.id if named else (read.measure if same_figure and read else quantity.measure),
            per=read.per if same_figure and read else quantity.per,
            sized=read.sized if same_figure and read else quantity.sized,
            approx=approx if approx is not None else quantity.approx or bool(read and read.approx),
            bound=bound or quantity.bound or (read.bound if read else None),
            qualifiers=read.qualifiers
            if read and read.unit == (unit or quantity.unit)
            else quantity.qualifiers,
            start=read.start if read else 0,
            end=read.end if read else 0,
            text=read.text if read else "",
        )
    if (
        quantity is not None
        and EARLIER_VALUE not in quantity.qualifiers
        and (_BEFORE_EVENT.search(claim.text, read.end if read else 0) or _PREVIOUS.search(claim.text))
    ):
        # "Twitter had fewer than 8,000 employees before Musk's layoffs": the value before a
        # change, which a source gives as "from about 7,500" (rule earlier-value).
        quantity = replace(quantity, qualifiers=(*quantity.qualifiers, EARLIER_VALUE))
    subject = claim.subject or infer_subject(claim.text, read, found)
    negated = negates(claim.text)
    dated = quantity is not None and quantity.unit not in CALENDAR_UNITS
    dated_by = _dated_by(found, read) if dated else None
    return replace(claim, quantity=quantity, subject=subject, negated=negated, dated_by=dated_by)


def _dated_by(found: list[Quantity], read: Quantity | None) -> Quantity | None:
    """Rule as-of: a day or a month in the sentence of a claim whose figure is no date says when
    the figure stood ("By January 9 the confirmed death toll had passed 200", "In mid-July
    2023, roughly 900 wildfires were burning across Canada"); a year alone dates an event."""
    return next((q for q in found if q is not read and _day_or_month(q)), None)


def _day_or_month(quantity: Quantity) -> bool:
    """A date that gives at least its month ("January 9", "mid-July 2023"), not a year alone."""
    return quantity.unit == "year" and quantity.month is not None


def _main_quantity(text: str, stated: Quantity | None, found: list[Quantity]) -> Quantity | None:
    """The claim's figure, of those ``found`` in its text: the one whose value the file gives,
    else the first with a unit, preferring amounts over dates."""
    for quantity in found if stated is not None else ():
        assert stated is not None
        if quantity.value == stated.value or (
            quantity.upper and quantity.value <= stated.value <= quantity.upper
        ):
            return quantity
    # "The $42bn run on SVB's deposits took place on March 9, 2023", "Morocco's five-year plan
    # is worth $12bn": a figure describing the subject's noun is not what the claim states of
    # it when a later figure is (rule attributive).
    stated_later = [
        q for q in found if not any(_attributive(text, q) and q.end <= other.start for other in found)
    ]
    found = stated_later or found
    for wanted in (
        lambda q: q.unit is not None and q.unit not in CALENDAR_UNITS,
        # Rule dated-amount: "Close to a billion Indians were registered to vote in 2024", "put
        # the number who died during the 2024 Hajj at 1,301": a year alone dates the amount.
        lambda q: q.unit is None and _dated_by_years_alone(found),
        lambda q: q.unit is not None,
        lambda q: True,
    ):
        for quantity in found:
            if wanted(quantity):
                return quantity
    return None


def _dated_by_years_alone(found: list[Quantity]) -> bool:
    """Whether the sentence's calendar figures are all years without a month: they date a bare
    amount, where a full date would still outrank it."""
    calendar = [q for q in found if q.unit in CALENDAR_UNITS]
    return bool(calendar) and all(q.month is None for q in calendar)


def _attributive(text: str, quantity: Quantity) -> bool:
    """Whether the figure stands between a determiner and the noun it describes: "The $42bn
    run", "Morocco's five-year reconstruction plan"."""
    return bool(_DETERMINER_BEFORE.search(text, 0, quantity.start)) and bool(
        _NOUN_AFTER.match(text, quantity.end)
    )


def infer_subject(text: str, quantity: Quantity | None, figures: list[Quantity] | None = None) -> str:
    """What the claim is about: the words before its main verb, else its names, else the
    thing the sentence ends on.

    'The Kant air base hosts about 500 personnel' -> 'Kant air base';
    'Microsoft agreed to buy Activision Blizzard for about $69 billion' -> 'Microsoft';
    'Up to 20 Su-25 attack planes were deployed to Kant' -> 'Su-25 Kant';
    'More than 5,500 people were injured in the earthquake' -> 'earthquake';
    'After Musk's cuts, Twitter was left with roughly 2,000 employees' -> 'Twitter';
    'Pragyan, the six-wheeled rover, weighs 27 kg' -> 'Pragyan';
    'Customers tried to withdraw more than $40 billion from SVB' -> 'SVB'.
    """
    span = (quantity.start, quantity.end) if quantity else (0, 0)
    figures = extract_quantities(text) if figures is None else figures
    words = list(re.finditer(r"[\w][\w.'-]*", text))
    begin = _after_opening(text, words, figures)
    words = [w for w in words if w.start() >= begin]
    aside = _apposition(text, words)
    verb_at, relative = _main_verb(words, aside, len(text))
    verb_at = _reporting_verb(words, verb_at)
    if verb_at is None:
        # A verb the list lacks: the first lowercase word after the name the sentence opens
        # with ("Moody's pegged the damage at $84 billion").
        opening = next((n for n, w in enumerate(words) if not w.group()[:1].isupper()), len(words))
        rest = words[opening:]
        verb_at = next(
            (w.start() for w in rest[:1] if opening and w.group().lower() not in STOPWORDS | GENERIC_WORDS),
            len(text),
        )
    kept = [
        w.group()
        for w in words
        if w.start() < verb_at
        and not span[0] <= w.start() < span[1]
        and not any(_attributive(text, q) and q.start <= w.start() < q.end for q in figures)
        and not aside[0] <= w.start() < aside[1]
        and not relative <= w.start()
    ]
    while kept and kept[0].lower() in STOPWORDS:
        kept.pop(0)
    # ... and describes nothing an article names it by ("The reopened cathedral": "cathedral").
    if len(kept) > 1 and is_participle(kept[0]):
        kept.pop(0)
    # Rule aboard: "All 379 people on board the Japan Airlines A350 got out alive", "More than 500
    # people inside the evacuation zone refused to leave": what the figure's people are in.
    if len(kept) > 1 and kept[0].lower() in _ABOARD:
        kept.pop(0)
        while kept and kept[0].lower() in STOPWORDS:
            kept.pop(0)
    while kept and kept[-1].lower() in STOPWORDS:
        kept.pop()
    # "Replacing the Key Bridge is expected to cost ...": the action opens the sentence, the
    # thing it acts on is the subject.
    if len(kept) > 1 and _is_gerund(kept[0]):
        kept.pop(0)
        while kept and kept[0].lower() in STOPWORDS:
            kept.pop(0)
    phrase = " ".join(kept).rstrip(".,;:")
    if _is_agent(kept) and (acted_on := _name_after(words, verb_at, span)):
        return acted_on
    # A name, or a kind of thing ("The quake struck ..."): not only words that describe one.
    if any(
        (word.lower() not in STOPWORDS | GENERIC_WORDS or word.lower() in GENERIC_HEADS)
        # "About 200 French troops are stationed ...": the figure's unit is no subject; another
        # unit may be ("The machines that crashed made up less than one percent ...").
        and not (
            word.lower() in BY_SURFACE
            and (quantity is None or BY_SURFACE[word.lower()].name == quantity.unit)
        )
        for word in kept
    ):
        return phrase
    # No subject before the verb ('About 200 French troops are stationed in
    # Dushanbe'): the claim's names are its subject, the figure's own included.
    named = [
        w.group().rstrip(".,")
        for w in words
        if w.group()[:1].isupper()
        and w.group().lower() not in _NOT_NAMES | CALENDAR_WORDS
        # "Thirty-five Tunisian pilgrims": a number word, hyphenated, is no name either.
        and not set(w.group().lower().split("-")) <= NUMBER_WORDS
    ]
    if named:
        return " ".join(named)
    # Nor any name: the noun the sentence ends on ('... were injured in the earthquake').
    tail = [w.group().rstrip(".,") for w in words if w.start() > max(verb_at, span[1] - 1)]
    nouns = [word for word in tail if word.lower() not in STOPWORDS and not _is_verb(word)]
    return nouns[-1] if nouns else phrase or text


def _reporting_verb(words: list[re.Match[str]], verb_at: int | None) -> int | None:
    """Where a verb the lists lack stands between the name a sentence opens with and a clause
    it reports, "that ..." (rule ``reported-clause``: "Norfolk Southern estimates that it will
    spend more than $1 billion", "The OBR forecasts that the economy will grow by 1%"): the
    name is the subject, not the name and the verb; else ``verb_at``."""
    for n, word in enumerate(words[2:], 2):
        if verb_at is not None and word.start() >= verb_at:
            break
        if word.group().lower() != "that":
            continue
        said, before = words[n - 1].group(), [w.group() for w in words[: n - 1]]
        opening = [w for w in before if w.lower() not in STOPWORDS]
        # "the cars that derailed": a verb right after "that" opens a relative clause.
        relative = n + 1 < len(words) and _is_verb(words[n + 1].group())
        if (
            said.islower()
            and said not in STOPWORDS
            and not relative
            and opening
            and all(w[:1].isupper() and w.lower() not in NUMBER_WORDS for w in opening)
        ):
            return words[n - 1].start()
        break
    return verb_at


def _main_verb(words: list[re.Match[str]], aside: tuple[int, int], end: int) -> tuple[int | None, int]:
    """Where the sentence's main verb starts (None: no verb the lists know), and where a relative
    clause before it starts (``end`` if none): "The machines that crashed made up ..." — the
    relative clause's verb is not the sentence's, and its words only say which machines."""
    # A participle right after a determiner describes the noun after it ("The reopened cathedral
    # expects ...", "The ratified WGA contract runs ..."): rule participle-adjective.
    verbs = [
        n
        for n, w in enumerate(words)
        if n
        and _is_verb(w.group())
        and not aside[0] <= w.start() < aside[1]
        and words[n - 1].group().lower() not in _DETERMINERS
    ]
    main = [n for n in verbs if words[n - 1].group().lower() not in RELATIVE_PRONOUNS] or verbs
    if not main:
        return None, end
    relative = next(
        (
            words[n - 1].start()
            for n in verbs
            if n < main[0] and words[n - 1].group().lower() in RELATIVE_PRONOUNS
        ),
        end,
    )
    return words[main[0]].start(), relative


def _after_opening(text: str, words: list[re.Match[str]], figures: list[Quantity]) -> int:
    """Where the main clause starts when an opening phrase sets the scene before a comma
    ("After Musk's cuts, Twitter was left ...", "Under the merger agreement, Musk faced ...":
    rule ``opening-clause``), or opens with a date, comma or none ("By January 9 the confirmed
    death toll had passed 200", "By mid-November 2023 the tour had taken $1.04 billion": rule
    ``dated-opening``); else 0."""
    if not words or words[0].group().lower() not in _OPENERS:
        return 0
    dated = next((q for q in figures if _day_or_month(q)), None)
    if dated is not None and _DATE_AFTER_OPENER.fullmatch(text, words[0].end(), dated.start):
        after = [w for w in words if w.start() >= dated.end]
        if any(_is_verb(w.group()) for w in after[1:]):
            return dated.end + (1 if text[dated.end : dated.end + 1] == "," else 0)
    comma = text.find(",")
    if comma < 0:
        return 0
    after = [w for w in words if w.start() > comma]
    return comma + 1 if any(_is_verb(w.group()) for w in after[1:]) else 0


def _apposition(text: str, words: list[re.Match[str]]) -> tuple[int, int]:
    """The span of a phrase set off by two commas right after the sentence's opening name, before
    its verb, which describes that name ("Pragyan, the six-wheeled rover, weighs ...",
    "Chandrayaan-2, India's failed 2019 landing attempt, cost ..."): rule ``apposition``."""
    if not words:
        return (0, 0)
    first = text.find(",", words[0].start())
    second = text.find(",", first + 1) if first >= 0 else -1
    if second < 0 or any(_is_verb(w.group()) for w in words if w.start() < first):
        return (0, 0)
    inside = [w for w in words if first < w.start() < second]
    after = [w for w in words if w.start() > second]
    if len(inside) > _APPOSITION_WORDS or not any(_is_verb(w.group()) for w in after):
        return (0, 0)
    return (first, second)


def _is_agent(kept: list[str]) -> bool:
    """Whether the words before the verb are a plural common noun, with what describes it
    ("Customers", "California regulators", "Wind gusts of"): people or things acting on what
    the claim is about, which the sentence names after its verb (rule ``agent``)."""
    before = next((i for i, word in enumerate(kept) if i and word.lower() in STOPWORDS), len(kept))
    head = kept[before - 1] if before else ""
    lowered = head.lower()
    return (
        (head.islower() or (before == 1 and head[:1].isupper() and head[1:].islower()))
        and lowered.endswith("s")
        and lemma(lowered) != lowered
        and lowered not in BY_SURFACE
    )


def _name_after(words: list[re.Match[str]], verb_at: int, span: tuple[int, int]) -> str | None:
    """The first proper name after the verb, outside the claim's figure: 'Silicon Valley Bank',
    'Port of Baltimore', 'SVB' (of "SVB's failure")."""
    run: list[str] = []
    for word in words:
        text = word.group().rstrip(".,")
        if word.start() <= verb_at or span[0] <= word.start() < span[1]:
            continue
        lowered = text.lower()
        if text[:1].isupper() and lowered not in _NOT_NAMES and lowered not in CALENDAR_WORDS:
            run.append(text)
            if text.endswith(("'s", "’s")):
                break
        elif run and lowered in {"of", "the"} and run[-1].lower() not in {"of", "the"}:
            run.append(text)
        elif run:
            break
    while run and run[-1].lower() in {"of", "the"}:
        run.pop()
    if not run:
        return None
    return re.sub(r"['’]s$", "", " ".join(run))


def _is_gerund(word: str) -> bool:
    """'Replacing', 'Rebuilding': an English verb's -ing form, not a name ('Kipling')."""
    lowered = word.lower()
    return lowered.endswith("ing") and len(lowered) > 5 and lemma(lowered) != lowered


def _is_verb(word: str) -> bool:
    """A word that ends a claim's subject: a verb the lexicon knows, a modal, or a past
    participle ('agreed', 'stepped'), lowercase."""
    if not word.islower():
        return False
    return word in CLAIM_VERBS or word in _SAYING or is_participle(word)
