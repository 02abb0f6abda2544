"""Fact table for the claimcheck benchmark: invented subjects, true values, number formatting.

Each subject (air base, fort, brigade, city, naval base, training ground,
organisation) carries 3-5 facts: (unit, true value, hedge). A fact's `stated`
flag says whether articles may state it, `disputed` whether some of them give a
conflicting value; `mentions` counts how often articles did state it.
All randomness comes from the random.Random passed in.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field

import vocab as V  # bench/ is a folder of scripts: its own directory is on sys.path

STATED_RATE = 0.78  # share of facts that articles may state at all
DISPUTED_RATE = 0.15  # share of facts that some articles state with a conflicting value
HEDGE_WEIGHTS = {"approx": 45, "exact": 30, "at_least": 15, "at_most": 10}
CLAIM_HEDGE = {"approx": "about", "at_least": "at least", "at_most": "up to", "exact": ""}


@dataclass(eq=False)
class Subject:
    name: str  # canonical subject, e.g. "Zarek air base"
    display: str  # as written in prose, e.g. "the Zarek air base"
    aliases: list[str]
    kind: str  # key of V.SUBJECT_TYPES
    facts: list[Fact] = field(default_factory=list)


@dataclass(eq=False)
class Fact:
    subject: Subject
    unit: str
    value: int
    hedge: str  # exact | approx | at_least | at_most
    stated: bool
    disputed: bool
    mentions: int = 0
    conflicting_mentions: int = 0


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def slugify(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rsplit("-", 1)[0] if len(slug) > limit else slug


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def nice(rng: random.Random, unit: str, x: float) -> int:
    """Round to what a reporter would print: exact small counts, else 2-3 significant digits."""
    if unit in V.COUNT_UNITS or x < 20:
        return max(2, round(x))
    step = 10 ** max(0, int(math.log10(x)) - 1)
    if step >= 10 and rng.random() < 0.3:
        step //= 2
    return max(step, round(x / step) * step)


def wrong_value(rng: random.Random, fact: Fact, direction: int = 0) -> int:
    """A value 20-40% off the truth (calendar years: 3-12 years off)."""
    sign = direction or rng.choice((-1, 1))
    if fact.unit == "year":
        return min(2023, fact.value + sign * rng.randint(3, 12))
    for _ in range(20):
        value = nice(rng, fact.unit, fact.value * (1 + sign * rng.uniform(0.2, 0.4)))
        if abs(value - fact.value) / fact.value >= 0.15:
            return value
        sign = 1 if fact.value <= 3 else sign
    return fact.value * 2


def conflicting(rng: random.Random, fact: Fact) -> tuple[int, str]:
    """A (value, hedge) that contradicts the fact; a bound is dropped and violated."""
    direction = {"at_least": -1, "at_most": 1}.get(fact.hedge, 0)
    hedge = "approx" if fact.hedge == "approx" else "exact"
    return wrong_value(rng, fact, direction), hedge


def fmt_number(rng: random.Random | None, unit: str, value: int) -> str:
    """Format a number; a None rng gives the canonical (claim) spelling."""
    if unit == "year":
        return str(value)
    if unit == "usd":
        prefix = "US$" if rng and rng.random() < 0.1 else "$"
        for scale, word in ((10**9, "billion"), (10**6, "million")):
            if value >= scale:
                return f"{prefix}{value / scale:g} {word}"
        return f"{prefix}{value:,}"
    if rng and value <= 12 and unit in V.COUNT_UNITS and rng.random() < 0.6:
        return V.NUMBER_WORDS[value]
    return f"{value:,}"


def value_phrase(rng: random.Random | None, unit: str, value: int, hedge: str) -> str:
    if rng is None:
        words, unit_word = CLAIM_HEDGE[hedge], V.UNIT_WORDS[unit][0]
    else:
        unit_word = rng.choice(V.UNIT_WORDS[unit])
        words = {
            "approx": rng.choice(V.APPROX) if rng.random() < 0.8 else "",
            "at_least": rng.choice(V.AT_LEAST),
            "at_most": rng.choice(V.AT_MOST),
            "exact": "",
        }[hedge]
    body = f"{fmt_number(rng, unit, value)} {unit_word}".strip()
    return f"{words} {body}" if words else body


def invent_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = rng.choice(V.NAME_HEADS) + rng.choice(V.NAME_MIDS) + rng.choice(V.NAME_TAILS)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def build_subjects(rng: random.Random) -> list[Subject]:
    counts = {kind: spec[0] for kind, spec in V.SUBJECT_TYPES.items()}
    places = iter(invent_names(rng, sum(counts.values())))
    ordinals = iter(rng.sample(range(1, 260), counts["brigade"]))
    orgs = rng.sample(
        [f"{a} {f} {b}" for a in V.ORG_ADJECTIVES for f in V.ORG_FIELDS for b in V.ORG_BODIES],
        counts["organisation"],
    )
    acronyms: set[str] = set()
    subjects: list[Subject] = []
    for kind, count in counts.items():
        for _ in range(count):
            if kind == "organisation":
                name = orgs.pop()
                acro = "".join(w[0] for w in name.split())
                aliases = [acro] if acro not in acronyms else []
                acronyms.add(acro)
                subjects.append(Subject(name, f"the {name}", aliases, kind))
                continue
            if kind == "brigade":
                n = ordinal(next(ordinals))
                name = f"{n} {rng.choice(V.BRIGADE_TYPES)} Brigade"
                subjects.append(Subject(name, f"the {name}", [f"{n} Brigade"], kind))
                continue
            place = next(places)
            name, display, aliases = {
                "air_base": (
                    f"{place} air base",
                    f"the {place} air base",
                    [place, f"{place} base"],
                ),
                "fort": (f"Fort {place}", f"Fort {place}", [place]),
                "city": (place, place, [f"city of {place}"]),
                "naval_base": (f"{place} naval base", f"the {place} naval base", [f"{place} base"]),
                "training_ground": (
                    f"{place} training ground",
                    f"the {place} training ground",
                    [f"{place} range"],
                ),
            }[kind]
            subjects.append(Subject(name, display, aliases, kind))
    for subject in subjects:
        subject.facts = draw_facts(rng, subject)
    return subjects


def draw_facts(rng: random.Random, subject: Subject) -> list[Fact]:
    """3-5 facts with values in the subject type's ranges (log-uniform for wide ranges)."""
    ranges = V.SUBJECT_TYPES[subject.kind][1]
    facts = []
    for unit in rng.sample(list(ranges), min(len(ranges), rng.randint(3, 5))):
        lo, hi = ranges[unit]
        if unit == "year":
            value, hedge = rng.randint(lo, hi), "exact"
        else:
            wide = hi > 20 * lo
            raw = math.exp(rng.uniform(math.log(lo), math.log(hi))) if wide else rng.uniform(lo, hi)
            value = nice(rng, unit, raw)
            hedge = rng.choices(list(HEDGE_WEIGHTS), list(HEDGE_WEIGHTS.values()))[0]
        stated, disputed = rng.random() < STATED_RATE, rng.random() < DISPUTED_RATE
        facts.append(Fact(subject, unit, value, hedge, stated=stated, disputed=disputed))
    return facts
