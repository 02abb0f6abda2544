"""Facts -> a draft claims file: one claim per fact, contested facts first, in the same
schema as claims.yaml, with a comment quoting every source that states it.

The draft's claim is the sentence of the most recently dated source (or, with no dates,
of the one most sources give) with its figure; the analyst edits the draft, it is never final.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import yaml

from claimcheck.attribution import stretch_of
from claimcheck.compare import same_quantity
from claimcheck.facts import Fact, Statement, naming_words
from claimcheck.formats.labels import when_and_who
from claimcheck.model import EARLIER_YEAR, Source
from claimcheck.quantities import extract_quantities
from claimcheck.text import squeeze, term_set


def draft(facts: Sequence[Fact], sources: Sequence[Source], sources_folder: str = "sources") -> str:
    """The draft claims file, as YAML text that ``claimcheck validate`` accepts."""
    metas = {source.id: source.meta for source in sources}
    taken: set[str] = set()
    blocks = []
    for fact in facts:
        chosen = _chosen(fact, metas)
        claim_id = _unique(_slug(f"{fact.subject} {fact.unit}"), taken)
        quantity = chosen.quantity
        # The sentence of the source the figure is drafted from: it states the fact's measure
        # ("killed 2,946 people", not "has 2,946 people"), so the check reads the same frame.
        sentence = _sentence_of(chosen, naming_words(fact.subject))
        entry: dict = {"id": claim_id, "claim": sentence}
        # The fact's name where the sentence says it; where it does not ("The fallen 'crypto
        # king' will probably serve 17 to 20 years" in a fact named for "Federal" prosecutors),
        # the check reads the subject from the sentence, as from any plain claim.
        if naming_words(fact.subject) & term_set(sentence):
            entry["subject"] = fact.subject
            aliases = [name for name in fact.names if name != fact.subject]
            if aliases:
                entry["aliases"] = aliases
        # A range ("17 to 20 years") has no field in a claims file: the check reads it from
        # the sentence, as it reads a plain claim's figure.
        if quantity.upper is None:
            entry["value"] = int(quantity.value) if quantity.value == int(quantity.value) else quantity.value
            entry["unit"] = quantity.unit
            if quantity.approx:
                entry["approx"] = True
            if quantity.bound is not None:
                entry["bound"] = quantity.bound.value
        year = _earlier_year(chosen)
        if year is not None:
            entry["as_of"] = year
        verdict = "agree" if fact.agree else "DISAGREE"
        comment = [f"# {verdict}: {len(fact.sources)} sources, {fact.independent} independent"]
        comment += [
            f"#   {s.source_id} ({when_and_who(metas[s.source_id])}), line {s.line}: {s.quote!r}"
            for s in fact.statements
        ]
        body = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=100)
        blocks.append("\n".join(comment) + "\n" + _indent(body))
    header = (
        "# Draft claims drafted by `claimcheck suggest` from the facts the sources share.\n"
        "# Review every claim before relying on it: the figure is the newest source's.\n"
        f"version: 1\nsources: {sources_folder}\nclaims:\n"
    )
    return header + ("\n".join(blocks) if blocks else "  []\n")


def _chosen(fact: Fact, metas: dict) -> Statement:
    """The statement to draft from: the newest dated source's, else the figure most sources
    give; never an ambiguous source's when another states the fact (the check finds that
    source's other figure too, and would not agree with a draft of either)."""
    ambiguous = {statement.source_id for statement in fact.ambiguous}
    plain = [s for s in fact.statements if s.source_id not in ambiguous] or list(fact.statements)
    dated = [s for s in plain if metas[s.source_id].date]
    if dated:
        return max(dated, key=lambda s: metas[s.source_id].date)
    counts = Counter((s.quantity.value, s.quantity.unit) for s in plain)
    best = counts.most_common(1)[0][0]
    return next(s for s in plain if (s.quantity.value, s.quantity.unit) == best)


def _sentence_of(statement: Statement, naming: frozenset[str]) -> str:
    """The claim's text: the statement's sentence, or where the sentence gives other figures of
    the kind, the stretch of it that holds the figure and names the fact's subject ("Bihar saw the
    lowest turnout at 56.19%, followed by Mizoram at 56.87% and Uttar Pradesh at 56.92%": "Uttar
    Pradesh at 56.92%", for the Uttar Pradesh fact), so the draft states one figure of its kind."""
    text, wanted = statement.passage, statement.quantity
    figures = extract_quantities(text)
    mine = [q for q in figures if (q.value, q.unit, q.text) == (wanted.value, wanted.unit, wanted.text)]
    if len(mine) != 1 or not any(q is not mine[0] and same_quantity(q, wanted) for q in figures):
        return text
    start, end = stretch_of(text, (mine[0].start, mine[0].end))
    # "surpassed Microsoft at $3.32 trillion and Apple at $3.29 trillion": a stretch that still
    # gives another figure of the kind is cut at its "and" to the part that holds the fact's.
    if any(start <= q.start < end and q is not mine[0] and same_quantity(q, wanted) for q in figures):
        joins = [m.start() for m in _AND.finditer(text, start, end)]
        start = max([at for at in joins if at < mine[0].start], default=start)
        end = min([at for at in joins if at > mine[0].end], default=end)
    clause = squeeze(_CLAUSE_EDGE.sub("", text[start:end]))
    if not clause or not naming & term_set(clause):
        # The sentence names the fact's subject before the stretch ("Brock Purdy, 24, completed 23
        # of his 38 passes for 255 yards ..., while ... McCaffrey had 22 carries for 80 yards"):
        # the sentence up to the stretch's end, if it gives no other figure of the kind.
        head = squeeze(text[:end]).rstrip(" ,;:—–-")
        others = any(q is not mine[0] and q.start < end and same_quantity(q, wanted) for q in figures)
        return head.rstrip(".") + "." if naming & term_set(head) and not others else text
    return clause[0].upper() + clause[1:].rstrip(".") + "."


_AND = re.compile(r"\s(?:and|while|whereas)\s")
_CLAUSE_EDGE = re.compile(r"^[\s,;:—–-]*(?:and|but|while|whereas)?\s+|[\s,;:—–-]+$", re.I)


def _earlier_year(statement: Statement) -> int | None:
    """The year a statement of an earlier year's event speaks of ("In 2004, at least 628
    people were killed"): the claim drafted from it says so with ``as_of``, or the check
    would keep it from that event's figures as it keeps a claim of today (``earlier-year``)."""
    if EARLIER_YEAR not in statement.quantity.qualifiers:
        return None
    years = [q.value for q in extract_quantities(statement.passage) if q.unit == "year"]
    return int(max(years)) if years else None


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "fact"


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _indent(text: str) -> str:
    return "".join("  " + line if line.strip() else line for line in text.splitlines(keepends=True))
