"""Deterministic benchmark corpus generator for claimcheck.

    python bench/generate.py OUT_DIR --articles 1000 --claims 200 --seed 0

Writes OUT_DIR/claims.yaml (schema version 1), OUT_DIR/sources/NNN/NNNNN_<slug>.txt
(news-style articles of about 5 KB) and OUT_DIR/expected.json (per claim: whether
it is true, wrong or unstated, and the status claimcheck should report: agree,
conflict or gap). OUT_DIR/sources is replaced.

A fact table (subject, unit, true value, hedge) is built first. Articles state
facts (disputed ones sometimes with a conflicting value) among filler, model
names with digits, dates and boilerplate. Claims are ~50% true, ~30% wrong-valued
and ~20% about facts no article states. Only random.Random(seed) drives the output.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import vocab as V  # bench/ is a folder of scripts: its own directory is on sys.path
from facts import Fact, Subject, build_subjects, cap, conflicting, slugify, value_phrase

CONFLICT_RATE = 0.3  # share of a disputed fact's mentions that give a conflicting value


class ArticleWriter:
    """Writes one article; tracks first mentions and which facts it has used."""

    def __init__(self, rng: random.Random, subjects: list[Subject], pool: list[Subject]) -> None:
        self.rng = rng
        self.cities = [s for s in subjects if s.kind == "city"]
        self.orgs = [s for s in subjects if s.kind == "organisation"]
        picked = rng.sample(pool, rng.randint(4, 7))
        self.subjects = picked
        self.facts = [f for s in picked for f in s.facts if f.stated]
        rng.shuffle(self.facts)
        self.seen: set[str] = set()
        self.decks: dict[str, list[str]] = {}

    def draw(self, kind: str) -> str:
        """Next template of a kind; each is used once before any repeats."""
        if not self.decks.get(kind):
            pool = {"trap": V.TRAP_TEMPLATES, "quote": V.QUOTE_TEMPLATES, "said": V.QUOTES}.get(
                kind, V.FILLER_TEMPLATES
            )
            self.decks[kind] = self.rng.sample(pool, len(pool))
        return self.decks[kind].pop()

    def mention(self, subject: Subject) -> str:
        if subject.name in self.seen and subject.aliases and self.rng.random() < 0.35:
            alias = self.rng.choice(subject.aliases)
            return f"the {alias}" if alias[0].islower() else alias
        self.seen.add(subject.name)
        return subject.display

    def state(self, fact: Fact) -> str:
        fact.mentions += 1
        value, hedge = fact.value, fact.hedge
        if fact.disputed and self.rng.random() < CONFLICT_RATE:
            fact.conflicting_mentions += 1
            value, hedge = conflicting(self.rng, fact)
        return value_phrase(self.rng, fact.unit, value, hedge)

    def context(self) -> dict[str, str]:
        rng = self.rng
        return {
            "day": rng.choice(V.WEEKDAYS),
            "model": rng.choice(V.MODELS),
            "date": f"{rng.choice(V.MONTHS)} {rng.randint(1, 28)}",
            "time": f"{rng.randint(5, 22):02d}:{rng.choice((0, 15, 30, 45)):02d}",
            "person": f"{rng.choice(V.FIRST_NAMES)} {rng.choice(V.LAST_NAMES)}",
            "org": rng.choice(self.orgs).name,
            "city": rng.choice(self.cities).name,
            "outlet": rng.choice(V.OUTLETS),
            "quote": self.draw("said"),
        }

    def pair_sentence(self) -> str | None:
        for unit in self.rng.sample(list(V.PAIR_VERBS), len(V.PAIR_VERBS)):
            facts = [f for f in self.facts if f.unit == unit]
            if len(facts) >= 2:
                a, b = facts[:2]
                self.facts = [f for f in self.facts if f is not a and f is not b]
                return cap(
                    self.rng.choice(V.PAIR_TEMPLATES).format(
                        S1=self.mention(a.subject),
                        V1=self.state(a),
                        verb=V.PAIR_VERBS[unit],
                        S2=self.mention(b.subject),
                        V2=self.state(b),
                    )
                )
        return None

    def sentence(self) -> str:
        rng = self.rng
        kind = rng.choices(("fact", "pair", "trap", "filler", "quote"), (28, 6, 12, 46, 8))[0]
        if kind == "pair" and (text := self.pair_sentence()):
            return text
        if kind in ("fact", "pair") and self.facts:
            fact = self.facts.pop()
            template = rng.choice(V.FACT_TEMPLATES[fact.unit])
            return cap(template.format(S=self.mention(fact.subject), V=self.state(fact)))
        template = self.draw("filler" if kind in ("fact", "pair") else kind)
        mention = self.mention(rng.choice(self.subjects)) if "{S}" in template else ""
        return cap(template.format(S=mention, **self.context()))

    def write(self) -> tuple[str, str]:
        rng, ctx = self.rng, self.context()
        lead = self.subjects[0]
        headline = cap(rng.choice(V.HEADLINES).format(S=lead.name, city=ctx["city"]))
        lines = [headline, f"By {ctx['person']} | {ctx['date']}, {rng.choice((2023, 2024))}", ""]
        dateline = f"{ctx['city'].upper()}, {ctx['date']} ({ctx['outlet']}) — "
        target, size = rng.randint(4300, 5700), sum(map(len, lines))
        while size < target:
            para = " ".join(self.sentence() for _ in range(rng.randint(2, 4)))
            para = dateline + para if len(lines) == 3 else para
            lines += [para, ""]
            if rng.random() < 0.12:
                lines += [rng.choice(V.BOILERPLATE), ""]
            size += len(para) + 2
        lines += [rng.choice(V.BOILERPLATE), f"© {ctx['outlet']}. All rights reserved.", ""]
        return headline, "\n".join(lines)


def build_claims(rng: random.Random, facts: list[Fact], count: int) -> list[dict[str, Any]]:
    pools = {
        "stated": [f for f in facts if f.mentions],
        "gap": [f for f in facts if not f.mentions],
    }
    queues: dict[str, list[Fact]] = {"stated": [], "gap": []}
    ids: set[str] = set()
    claims: list[dict[str, Any]] = []
    n_true, n_wrong = round(count * 0.5), round(count * 0.3)
    intents = ["true"] * n_true + ["wrong"] * n_wrong + ["unstated"] * (count - n_true - n_wrong)
    rng.shuffle(intents)
    for intent in intents:
        pool = "gap" if intent == "unstated" else "stated"
        if not pools[pool]:  # e.g. tiny corpora: every fact stated, or no articles
            pool = "stated" if pool == "gap" else "gap"
            intent = "true" if pool == "stated" else "unstated"
        if not queues[pool]:  # draw without replacement, reshuffle when exhausted
            queues[pool] = rng.sample(pools[pool], len(pools[pool]))
        fact = queues[pool].pop()
        value, hedge = fact.value, fact.hedge
        if intent == "wrong":
            value, hedge = conflicting(rng, fact)
        # The status claimcheck should report: any conflicting source makes it "conflict".
        expect = {
            "true": "conflict" if fact.conflicting_mentions else "agree",
            "wrong": "conflict",
            "unstated": "gap",
        }[intent]
        base = f"{slugify(fact.subject.name)}-{fact.unit}"
        claim_id, n = base, 1
        while claim_id in ids:
            n += 1
            claim_id = f"{base}-{n}"
        ids.add(claim_id)
        text = V.CLAIM_TEMPLATES[fact.unit].format(
            S=fact.subject.display, V=value_phrase(None, fact.unit, value, hedge)
        )
        claim = {
            "id": claim_id,
            "claim": cap(text),
            "subject": fact.subject.name,
            "aliases": fact.subject.aliases,
            "value": value,
            "unit": fact.unit,
        }
        if hedge == "approx":
            claim["approx"] = True
        elif hedge in ("at_least", "at_most"):
            claim["bound"] = hedge
        claims.append(
            {
                **claim,
                "_expected": {
                    "intent": intent,
                    "expect": expect,
                    "true_value": fact.value,
                    "mentions": fact.mentions,
                    "conflicting_mentions": fact.conflicting_mentions,
                },
            }
        )
    return claims


def yaml_scalar(text: str) -> str:
    plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9 .'$-]*[A-Za-z0-9.]", text)
    reserved = text.lower() in {"yes", "no", "true", "false", "null", "on", "off", "y", "n"}
    return text if plain and not reserved else json.dumps(text)


def write_claims_yaml(path: Path, claims: list[dict[str, Any]], header: str) -> None:
    out = [f"# {header}", "sources: sources", "defaults:", "  tolerance: 0.10", "claims:"]
    for c in claims:
        out.append(f"  - id: {c['id']}")
        out += [f"    {key}: {yaml_scalar(c[key])}" for key in ("claim", "subject")]
        out.append(f"    aliases: [{', '.join(yaml_scalar(a) for a in c['aliases'])}]")
        out += [f"    value: {c['value']}", f"    unit: {c['unit']}"]
        out += ["    approx: true"] if c.get("approx") else []
        out += [f"    bound: {c['bound']}"] if c.get("bound") else []
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def generate(out_dir: Path, articles: int, claims: int, seed: int = 0, per_dir: int = 1000) -> dict[str, Any]:
    """Write the corpus and return summary statistics."""
    started = time.perf_counter()
    rng = random.Random(seed)
    subjects = build_subjects(rng)
    facts = [f for s in subjects for f in s.facts]
    pool = [s for s in subjects if any(f.stated for f in s.facts)]
    sources = out_dir / "sources"
    if sources.exists():
        shutil.rmtree(sources)
    total_bytes = 0
    for i in range(articles):
        headline, text = ArticleWriter(rng, subjects, pool).write()
        folder = sources / f"{i // per_dir:03d}" if per_dir > 0 else sources
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"{i:05d}_{slugify(headline, 48)}.txt").write_bytes(data)
        total_bytes += len(data)
    claim_rows = build_claims(rng, facts, claims)
    write_claims_yaml(
        out_dir / "claims.yaml",
        claim_rows,
        f"generated by bench/generate.py: articles={articles} claims={claims} seed={seed}",
    )
    expected = {c["id"]: c["_expected"] for c in claim_rows}
    (out_dir / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    tally = Counter(e["intent"] for e in expected.values())
    return {
        "articles": articles,
        "claims": claims,
        "seed": seed,
        "facts": len(facts),
        "subjects": len(subjects),
        "bytes": total_bytes,
        "intents": dict(sorted(tally.items())),
        "seconds": round(time.perf_counter() - started, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--per-dir", type=int, default=1000, help="articles per subfolder of sources/ (0 = flat)"
    )
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    stats = generate(args.out_dir, args.articles, args.claims, args.seed, args.per_dir)
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
