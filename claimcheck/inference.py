"""A claim's sentence -> what it implies: its figure (value, unit, hedge, bound, measure),
its subject and whether it is negated. What the claims file states wins; this fills in the
rest, so that a plain sentence is a whole claim."""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.lexicon import (
    AT_LEAST,
    AT_MOST,
    CLAIM_VERBS,
    GENERIC_HEADS,
    GENERIC_WORDS,
    HEDGES,
    NEGATIONS,
    NUMBER_WORDS,
    STOPWORDS,
)
from claimcheck.measures import measure_named
from claimcheck.model import Bound, Claim, Quantity
from claimcheck.quantities import extract_quantities
from claimcheck.text import lemma
from claimcheck.units import BY_SURFACE, CALENDAR_UNITS, same_dimension

# Capitalised at the start of a sentence, but never a name: "Fewer than 3,000 ...".
_NOT_NAMES = (
    STOPWORDS | NUMBER_WORDS | {word for phrase in HEDGES + AT_LEAST + AT_MOST for word in phrase.split()}
)


def infer_claim(
    claim: Claim,
    stated: Quantity | None = None,
    unit: str | None = None,
    approx: bool | None = None,
    bound: Bound | None = None,
) -> Claim:
    """Fill in what the file left out from the claim's sentence; what it gave wins."""
    read = _main_quantity(claim.text, stated)
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
    subject = claim.subject or infer_subject(claim.text, read)
    negated = bool(re.search(r"(?<![\w-])(?:" + "|".join(NEGATIONS) + r")(?![\w-])|n't\b", claim.text, re.I))
    return replace(claim, quantity=quantity, subject=subject, negated=negated)


def _main_quantity(text: str, stated: Quantity | None = None) -> Quantity | None:
    """The claim's figure: the one whose value the file gives, else the first with a unit,
    preferring amounts over dates."""
    found = extract_quantities(text)
    for quantity in found if stated is not None else ():
        assert stated is not None
        if quantity.value == stated.value or (
            quantity.upper and quantity.value <= stated.value <= quantity.upper
        ):
            return quantity
    for wanted in (
        lambda q: q.unit is not None and q.unit not in CALENDAR_UNITS,
        lambda q: q.unit is not None,
        lambda q: True,
    ):
        for quantity in found:
            if wanted(quantity):
                return quantity
    return None


def infer_subject(text: str, quantity: Quantity | None) -> str:
    """What the claim is about: the words before its main verb, else its names, else the
    thing the sentence ends on.

    'The Kant air base hosts about 500 personnel' -> 'Kant air base';
    'Microsoft agreed to buy Activision Blizzard for about $69 billion' -> 'Microsoft';
    'Up to 20 Su-25 attack planes were deployed to Kant' -> 'Su-25 Kant';
    'More than 5,500 people were injured in the earthquake' -> 'earthquake'.
    """
    span = (quantity.start, quantity.end) if quantity else (0, 0)
    words = list(re.finditer(r"[\w][\w.'-]*", text))
    verb_at = next((w.start() for w in words[1:] if _is_verb(w.group())), None)
    if verb_at is None:
        # A verb the list lacks: the first lowercase word after the name the sentence opens
        # with ("Erdogan put the damage at $84 billion").
        opening = next((n for n, w in enumerate(words) if not w.group()[:1].isupper()), len(words))
        rest = words[opening:]
        verb_at = next(
            (w.start() for w in rest[:1] if opening and w.group().lower() not in STOPWORDS | GENERIC_WORDS),
            len(text),
        )
    kept = [w.group() for w in words if w.start() < verb_at and not span[0] <= w.start() < span[1]]
    while kept and kept[0].lower() in STOPWORDS:
        kept.pop(0)
    # "Replacing the Key Bridge is expected to cost ...": the action opens the sentence, the
    # thing it acts on is the subject.
    if len(kept) > 1 and _is_gerund(kept[0]):
        kept.pop(0)
        while kept and kept[0].lower() in STOPWORDS:
            kept.pop(0)
    phrase = " ".join(kept).rstrip(".,;:")
    # A name, or a kind of thing ("The quake struck ..."): not only words that describe one.
    if any(
        (word.lower() not in STOPWORDS | GENERIC_WORDS or word.lower() in GENERIC_HEADS)
        and word.lower() not in BY_SURFACE
        for word in kept
    ):
        return phrase
    # No subject before the verb ('About 200 French troops are stationed in
    # Dushanbe'): the claim's names are its subject, the figure's own included.
    named = [
        w.group().rstrip(".,")
        for w in words
        if w.group()[:1].isupper() and w.group().lower() not in _NOT_NAMES
    ]
    if named:
        return " ".join(named)
    # Nor any name: the noun the sentence ends on ('... were injured in the earthquake').
    tail = [w.group().rstrip(".,") for w in words if w.start() > max(verb_at, span[1] - 1)]
    nouns = [word for word in tail if word.lower() not in STOPWORDS and not _is_verb(word)]
    return nouns[-1] if nouns else phrase or text


def _is_gerund(word: str) -> bool:
    """'Replacing', 'Rebuilding': an English verb's -ing form, not a name ('Kipling')."""
    lowered = word.lower()
    return lowered.endswith("ing") and len(lowered) > 5 and lemma(lowered) != lowered


def _is_verb(word: str) -> bool:
    """A word that ends a claim's subject: a verb the lexicon knows, a modal, or a past
    participle ('agreed', 'stepped'), lowercase."""
    if not word.islower():
        return False
    return word in CLAIM_VERBS or (word.endswith("ed") and len(word) > 4 and lemma(word) != word)
