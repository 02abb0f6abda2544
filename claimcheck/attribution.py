"""The other half of "same subject": whether a figure in a passage that mentions a
subject belongs to that subject or to another named thing.

"Not far from the Russian air base in Kant, Kyrgyzstan hosts a U.S. military
base at its Manas International Airport that has some 1,000 personnel" gives
the 1,000 to Manas, not to Kant. Which passages mention a subject, and where,
is ``subjects``; this module only reads one passage.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from claimcheck.lexicon import (
    CALENDAR_WORDS,
    CLAIM_VERBS,
    GENERIC_HEADS,
    GENERIC_WORDS,
    NUMBER_WORDS,
    OPENING_WORDS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    STOPWORDS,
)
from claimcheck.model import Quantity
from claimcheck.subjects import GENERIC_STEMS, Mention
from claimcheck.text import near_spelling, opens_sentence, stem, terms
from claimcheck.units import LENGTH_UNITS, MEASURE_UNITS, MONEY_UNITS

# A run of capitalised words (with "of"/"the" inside), possibly ending in
# describing words and a generic head: "Manas International Airport", "U.S.
# military base" — but not "China shares a border".
_NAMED = re.compile(
    r"(?:(?:[A-Z][\w.'-]*|\d+(?:st|nd|rd|th)\b)(?:\s+(?:of\s+the\s+|of\s+|the\s+)?(?=[A-Z\d]))?)+"
    r"(?:\s+(?:(?:" + "|".join(sorted(GENERIC_WORDS - GENERIC_HEADS)) + r")\s+){0,2}"
    r"(?:" + "|".join(sorted(GENERIC_HEADS)) + r")\b)?"
)
# A figure joined to the next name by nothing or a preposition belongs to it:
# "the 1,344-kilometer Tajik-Afghan border", "twelve helicopters at Kant".
_ATTACHED = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:at|to|in|into|on|inside|for|from)\s+(?:the\s+|its\s+|their\s+)?$"
    r"|\s*$"
)
# Money goes "to" whom it is paid and comes "from" who pays: only "for" ties it to a thing.
_ATTACHED_MONEY = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:for|on)\s+(?:the\s+|its\s+|their\s+)?$|\s*$")
_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_ATTACHED_PLACE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:at|in|on|inside)\s+(?:the\s+|its\s+|their\s+)?$|\s*$")
# Words after a name that still belong to its noun phrase: "Uragan multiple rocket launchers".
_NOUN_TAIL = 4
_ADJACENT = re.compile(r"\s*$")
# "Russia's 201st", "Russia's Kant": what follows a possessive that owns the thing named.
_OWNED_THING = re.compile(r"\s+(?:\d+(?:st|nd|rd|th)\b|[A-Z])")
_COMPOUND_NAME = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
# Stretches that set the scene rather than say what the sentence is about.
_SUBORDINATE = re.compile(
    r"(?:^|,\s*)(?:while|whereas|although|though|unlike|because|not far from|near|besides|apart from|despite)"
    r"\b[^,;]*",
    re.I,
)
# "X ... is the last U.S. base": the base is X.
_COPULA = re.compile(r"\b(?:is|was|remains|remained|became|becomes)\s+(?:the|a|an)\s+(?:[\w.'-]+\s+){0,3}$")
_TOPIC_START = re.compile(r"\s*[A-Z]")
_REPORTED = re.compile(r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r")\s+that\b")
# "said more than 300,000 people ...", "said the quake ...": the reported clause without "that".
_REPORTED_BARE = re.compile(
    r"\b(?:say|says|said)\s+"
    r"(?=(?:about|around|nearly|almost|more|over|some|at\s+least|up\s+to|only|just|the|a|an)\b|\d)"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s-{1,2}\s|" + _REPORTED.pattern)
# A name that reports a figure: "the ministry said", "according to the ministry".
_REPORTS = re.compile(
    r"(?:'s?|’s?)?\s+(?:" + "|".join(sorted(REPORTING_VERBS)) + r"|told|announced|confirmed)\b"
)
_PLACE_PREPOSITIONS = frozenset({
    "in", "at", "near", "from", "outside", "off", "into", "to", "toward", "towards", "across",
    "around", "inside", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest",
})  # fmt: skip
# The words of a place phrase between its preposition and a name in it: "in the Ighil area of
# the High Atlas", "southwest of Marrakesh"; a verb, a conjunction or punctuation ends it.
_PHRASE_WORD = re.compile(r"([A-Za-z][\w.'-]*)\s+$")
_PLACE_PHRASE_WORDS = 6
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)


@functools.lru_cache(maxsize=512)
def named_things(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the named things in a passage: capitalised runs and 'a U.S. military base'.

    A run's leading function word ("The", "With") and calendar words ("May",
    "Monday") are not names.
    """
    spans = []
    for match in _NAMED.finditer(text):
        start = match.start()
        for word in match.group().split():
            bare = word.lower().strip(".,'")
            if bare in STOPWORDS or bare in NUMBER_WORDS or bare in CALENDAR_WORDS or bare in OPENING_WORDS:
                start += len(word) + 1
            else:
                break
        end = match.start() + len(match.group().rstrip())
        if text[start:end].endswith(".") and not _ACRONYM.search(text[start:end]):
            end -= 1
        first = text[start : start + 1]
        if start < end and (first.isupper() or first.isdigit()):
            spans.append((start, end))
    # Rule descriptor: "Saudi Arabian club Al Nassr", "the Singapore-flagged container ship Dali":
    # a run that ends in a head noun and stands right before another name describes that name,
    # which is the thing named.
    return tuple(
        span
        for number, span in enumerate(spans)
        if not (
            number + 1 < len(spans)
            and text[span[1] : spans[number + 1][0]] == " "
            and text[span[1] - 1].islower()
        )
    )


def antecedents(text: str) -> list[tuple[int, int]]:
    """The named things of a passage that a later "the base" may refer to, in order.

    Things in a fronted phrase or a subordinate clause ("Not far from the
    Russian air base in Kant, ...", "... while Russia's air base at Kant lies
    ...") are background, not what the sentence is about, so they are left out;
    "Manas ... is the last U.S. base" names the base Manas.
    """
    background = [match.span() for match in _SUBORDINATE.finditer(text)]
    things = named_things(text)
    found = []
    for span in things:
        if any(start <= span[0] and span[1] <= end for start, end in background):
            continue
        copula = _COPULA.search(text, 0, span[0])
        topic = things[0] if copula and things[0][1] <= copula.start() and things[0] != span else None
        found.append(topic if topic is not None and _TOPIC_START.match(text) else span)
    return found


def belongs_to(
    mention: Mention,
    quantity: Quantity,
    claim_terms: frozenset[str] = frozenset(),
    figures: Sequence[Quantity] = (),
) -> bool:
    """Whether the figure is said of the mentioned subject rather than of another named thing.

    A name the subject's name is possessive in ("Russia's 201st division") or
    joined to by a hyphen with a name the claim lacks ("the Tajik-Afghan
    border" for the China-Tajikistan border) is another thing; names the claim
    itself uses ("Russia" for "Russian personnel") never compete. The rest is
    ``owner``.
    """
    text = mention.passage.text
    if mention.topic:
        return _topic_owns(text, quantity, claim_terms, figures)
    own = [
        span
        for span in mention.spans
        if not _possessive(text, span) and not _paired(text, span, claim_terms) and not _describes(text, span)
    ]
    found = owner(text, quantity, figures, own, claim_terms)
    return found is not None and found[1]


def _in_place_phrase(text: str, start: int) -> bool:
    """Whether the name at ``start`` stands in a phrase a place preposition opens ("in the
    Ighil area of the High Atlas", "southwest of Marrakesh"), not as a clause's subject ("while
    the city of Miradel hosts ...")."""
    position = start
    for _ in range(_PLACE_PHRASE_WORDS):
        word = _PHRASE_WORD.search(text, 0, position)
        if word is None:
            return False
        lowered = word.group(1).lower()
        if lowered in _PLACE_PREPOSITIONS:
            return True
        if (
            word.group(1)[:1].islower()
            and lowered not in ("the", "a", "an", "of")
            and (
                lowered in CLAIM_VERBS
                or lowered in REPORTING_VERBS
                or lowered in RELATIVE_PRONOUNS
                or lowered in ("and", "or", "but", "while", "whereas", "as")
            )
        ):
            return False
        position = word.start()
    return False


def _topic_owns(
    text: str, quantity: Quantity, claim_terms: frozenset[str], figures: Sequence[Quantity]
) -> bool:
    """Whether a figure in a passage that names nothing of the subject is the article's topic's
    (rule ``topic``): unless a name before it in its clause owns it ("Manas employs 1,200");
    who reports it ("the Interior Ministry said 1,305 people had died") and where it happened
    ("killed 2,000 people in Morocco") do not."""
    figure = (quantity.start, quantity.end)
    stretch = stretch_of(text, figure)
    if quantity.measure == "age":
        # Rule age: an age is the person's it stands in apposition to ("Massa, 51, is a
        # charismatic ...", "Yamal, who had just turned 17, ...").
        host, relative = _host(text, stretch, list(named_things(text)))
        if host is not None and (relative or _is_aside(text, stretch)):
            return _named_in(text, host, claim_terms)
    for span in reversed(named_things(text)):
        if span[1] > figure[0] or span[0] < stretch[0]:
            continue
        if any(_overlaps(span, (other.start, other.end)) for other in figures):
            continue
        if _named_in(text, span, claim_terms):
            continue
        # the nearest name before the figure in its stretch owns it, unless it only reports it
        return _REPORTS.match(text, span[1]) is not None or _ACCORDING_TO.search(text, 0, span[0]) is not None
    return True


def owner(
    text: str,
    quantity: Quantity,
    figures: Sequence[Quantity] = (),
    subject_spans: Sequence[tuple[int, int]] = (),
    claim_terms: frozenset[str] = frozenset(),
    references: Sequence[tuple[int, int]] = (),
) -> tuple[tuple[int, int], bool] | None:
    """The named thing the sentence gives the figure to, and whether it is the subject.

    - Names inside the figure's own phrase ("20 Su-25 attack planes") decide
      it when they are the subject's; names inside other figures' phrases never
      compete.
    - Other names compete only within the figure's comma-delimited stretch of
      the sentence; a stretch opening with "which"/"who" belongs to the name
      before it, and so does a short aside right after a name ("Kant, some
      30 km east of Bishkek, now hosts 700 servicemen").
    - A figure joined to the next name by a preposition or nothing belongs to
      it ("twelve helicopters at Kant", "the 1,344-km Tajik-Afghan border");
      otherwise to the nearest name on its left, else on its right, unless
      another name stands between.

    ``references`` ("the base") count as names; without a subject, the winner
    is returned as a name that is not the subject.
    """
    figure = (quantity.start, quantity.end)
    own = list(subject_spans)
    inside = [span for span in own if _overlaps(span, figure)]
    if inside:
        return inside[0], True
    stretch = stretch_of(text, figure)
    names = [
        span
        for span in [*named_things(text), *references]
        if not any(_overlaps(span, (other.start, other.end)) for other in (*figures, quantity))
        and not any(_overlaps(span, subject_span) for subject_span in own)
        and (not _named_in(text, span, claim_terms) or _pairs_other(text, span, claim_terms))
    ]
    # A relative clause or an aside hangs on a name, never on "the base".
    host, relative = _host(text, stretch, [span for span in names if span not in references] + own)
    if host is not None and relative:
        return host, host in own
    # Rule reporter: who reports a figure is never its owner, nor a name before it ("Tajik
    # officials estimate that ...", "Union leaders in Seattle said 59% of members ...").
    reported = max(
        [m.end() for m in _REPORTED.finditer(text, 0, figure[0])]
        + [m.end() for m in _REPORTED_BARE.finditer(text, stretch[0], figure[1]) if m.end() <= figure[0]],
        default=0,
    )
    candidates = [(span, True) for span in own if span[0] >= reported]
    candidates += [
        (span, False) for span in names if max(stretch[0], reported) <= span[0] and span[1] <= stretch[1]
    ]
    if host is not None:
        aside = stretch_of(text, (stretch[0] - 1, stretch[0] - 1))
        if _is_aside(text, aside) and _PASSIVE.match(text, aside[0] + 1):
            # Who did something to the host owns nothing after the aside: "The opposition INDIA
            # alliance, led by Rahul Gandhi's centrist Congress party, won 230 seats" (an aside
            # that renames it, "the Gyumri base, formally the 102nd military base, has ...", may).
            candidates = [c for c in candidates if not (aside[0] <= c[0][0] and c[0][1] <= aside[1])]
        candidates.append((host, host in own))
    right = sorted((span, is_subject) for span, is_subject in candidates if span[0] >= figure[1])
    if right and _attached(quantity).fullmatch(text, figure[1], right[0][0][0]):
        return right[0]
    left = sorted(
        ((span, is_subject) for span, is_subject in candidates if span[1] <= figure[0]), key=lambda c: c[0][1]
    )
    # A place a preposition names ("southwest of Marrakesh", "in Kant") is where, not whose:
    # the figure after it is the owner's before it ("The quake hit 44 miles southwest of
    # Marrakesh at a depth of 18.5 kilometers").
    # (Only against the subject: asked whose a figure is with no subject in mind, ``facts``
    # keeps the nearest name.)
    owners = [c for c in left if c[1] or not (own and _in_place_phrase(text, c[0][0]))]
    if owners:
        return owners[-1]
    if left:
        return left[-1]
    if not right:
        return None
    between = any(figure[1] <= span[0] < right[0][0][0] for span in names if span != right[0][0])
    return None if between and right[0][1] else right[0]


def _attached(quantity: Quantity) -> re.Pattern[str]:
    """How a figure joins the name after it: a length only directly ("the 1,344-km
    Tajik-Afghan border"), another measure through a place ("5 hectares at Kant"),
    money through "for", a count through any place preposition."""
    if quantity.unit in LENGTH_UNITS:
        return _ADJACENT
    if quantity.unit in MEASURE_UNITS:
        return _ATTACHED_PLACE
    return _ATTACHED_MONEY if quantity.unit in MONEY_UNITS else _ATTACHED


def _host(
    text: str, stretch: tuple[int, int], names: list[tuple[int, int]]
) -> tuple[tuple[int, int] | None, bool]:
    """The name a relative clause or an aside hangs on, and whether it is a relative clause.

    'the Kant base, which will have ...' (relative clause); 'Manas, some
    25 km north of Bishkek, is ...' (the figure is in an aside); 'Kant, some
    30 km east of Bishkek, now hosts ...' (the figure follows an aside).
    """
    if stretch[0] == 0:
        return None, False
    previous = stretch_of(text, (stretch[0] - 1, stretch[0] - 1))
    words = text[stretch[0] + 1 : stretch[1]].split()
    if words and words[0].lower() in RELATIVE_PRONOUNS:
        return _name_ending(text, previous, names), True
    if _is_aside(text, stretch):
        return _name_ending(text, previous, names), False
    if previous[0] and _is_aside(text, previous):
        earlier = stretch_of(text, (previous[0] - 1, previous[0] - 1))
        return _name_ending(text, earlier, names), False
    return None, False


_PASSIVE = re.compile(r"\s*[a-z]+\s+by\b")


def _is_aside(text: str, stretch: tuple[int, int]) -> bool:
    """A short stretch between commas that does not start with a verb, or starts with a
    participle and its agent (", led by Rahul Gandhi's centrist Congress party,")."""
    words = text[stretch[0] + 1 : stretch[1]].split()
    closed = text[stretch[1] : stretch[1] + 1] == ","
    passive = len(words) > 1 and words[1].lower() == "by"
    return closed and 0 < len(words) <= 8 and (words[0].lower() not in CLAIM_VERBS or passive)


def _name_ending(text: str, stretch: tuple[int, int], names: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name that ends the stretch, or the noun phrase that ends it ('201st' in "Russia's
    201st military base, which ...", 'BM-27 Uragan' in 'BM-27 Uragan rocket launchers, which')."""
    for span in sorted(names, key=lambda span: -span[1]):
        inside = stretch[0] <= span[0] and span[1] <= stretch[1]
        tail = text[span[1] : stretch[1]].split()
        if inside and len(tail) <= _NOUN_TAIL and all(word[:1].islower() for word in tail):
            return span
    return None


def stretch_of(text: str, figure: tuple[int, int]) -> tuple[int, int]:
    """The part of the passage that holds the figure, between commas, dashes, brackets or
    a reporting clause: in "Tajik officials estimate that 4,000 fighters ..." the
    officials report the figure, they do not own it."""
    breaks = _clause_breaks(text)
    before = bisect.bisect_left(breaks, figure[0])
    after = bisect.bisect_left(breaks, figure[1])
    return (breaks[before - 1] if before else 0), (breaks[after] if after < len(breaks) else len(text))


@functools.lru_cache(maxsize=512)
def _clause_breaks(text: str) -> tuple[int, ...]:
    """Where the passage's stretches start, in order: every figure of every claim that reads
    the passage looks for its own, and the pattern holds every reporting verb."""
    return tuple(match.start() for match in _CLAUSE_BREAK.finditer(text))


def _possessive(text: str, span: tuple[int, int]) -> bool:
    """'Russia's 201st division': Russia names the owner, not the thing."""
    word = text[span[0] : span[1]]
    following = text[span[1] : span[1] + 8]
    return word.endswith(("'s", "s'")) and bool(_OWNED_THING.match(following))


# Rule led-by: "the Bharatiya Janata Party-led National Democratic Alliance", "Seattle-based
# Alaska Airlines", "Microsoft-run devices": the name joined to such a participle describes the
# thing after it.
_DESCRIBING = re.compile(r"(?:\s+[A-Z][\w.]*)*-(?:led|backed|based|owned|run|funded|flagged|operated)\b")


def _describes(text: str, span: tuple[int, int]) -> bool:
    """Whether the name at ``span`` only describes the thing after it ("the BJP-led NDA won 293
    seats": the seats are the NDA's, not the BJP's)."""
    return _DESCRIBING.match(text, span[1]) is not None


def _paired(text: str, span: tuple[int, int], claim_terms: frozenset[str]) -> bool:
    """'the Tajik-Afghan border' is not 'the China-Tajikistan border': a compound
    that joins the subject to a name the claim does not use names another thing."""
    start, end = span
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return _pairs_other(text, (start, end), claim_terms)


def _pairs_other(text: str, span: tuple[int, int], claim_terms: frozenset[str]) -> bool:
    """Whether the text holds a compound of names ('Tajik-Afghan') with a part the claim lacks."""
    if not claim_terms:
        return False
    for compound in _COMPOUND_NAME.findall(text, span[0], span[1]):
        parts = [stem(part) for part in compound.split("-")]
        if any(part in claim_terms for part in parts) and any(
            part not in claim_terms and part not in GENERIC_STEMS for part in parts
        ):
            return True
    return False


def _named_in(text: str, span: tuple[int, int], claim_terms: frozenset[str]) -> bool:
    """Whether the claim itself uses the name at ``span``: every naming word of it is a word of
    the claim ("Russian" for "Russian personnel"; not "Fort Fenvapol" for "Fort Tevvar").

    Rule sentence-opener: a sentence's first word is capitalised whatever it is, so a name that
    opens a sentence is the claim's when its other words are ("Chipmaker Intel Corp. is cutting
    15%", "Hurricane Helene made landfall").
    """
    words = [term.norm for term in terms(text[span[0] : span[1]]) if term.norm not in GENERIC_STEMS]
    if len(words) > 1 and opens_sentence(text, span[0]):
        words = words[1:] if not _claims_word(words[0], claim_terms) else words
    return bool(words) and all(_claims_word(word, claim_terms) for word in words)


def _claims_word(word: str, claim_terms: frozenset[str]) -> bool:
    return word in claim_terms or any(near_spelling(word, wanted) for wanted in claim_terms)


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]
