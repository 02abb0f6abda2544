"""Score the checker on the real-article corpus (tests/realworld/): macro-F1 over
agree/conflict/gap and conflict precision, per split, for claims as written and as
plain sentences.

``dev`` stories are tuned on: ``python tests/realworld_score.py dev`` prints every
disagreement. ``test`` stories are not: this script prints only their confusion
tables, never a mistake (tests/realworld/README.md says why).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from claimcheck import check, read_claims, read_sources

from accuracy_score import VERDICTS, Score, text_only

HERE = Path(__file__).parent / "realworld"
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class Story:
    split: str
    name: str
    folder: Path


def stories(split: str) -> list[Story]:
    return [
        Story(split, folder.name, folder) for folder in sorted((HERE / split).iterdir()) if folder.is_dir()
    ]


def score_story(story: Story, plain: bool = False) -> Score:
    claims = read_claims(story.folder / "claims.yaml").claims
    if plain:
        claims = tuple(text_only(claim) for claim in claims)
    sources = read_sources(story.folder / "sources").sources
    labels = yaml.safe_load((story.folder / "labels.yaml").read_text(encoding="utf-8")) or {}
    report = check(claims, sources)
    confusion = {expected: dict.fromkeys(VERDICTS, 0) for expected in VERDICTS}
    mistakes = []
    for result in report.results:
        expected_for = labels.get(result.claim.id) or {}
        for finding in result.findings:
            expected = expected_for.get(finding.source_id, "gap")
            got = finding.verdict.value
            confusion[expected][got] += 1
            if expected != got or "(topic)" in finding.reason:
                mistakes.append(
                    f"{story.name}: {result.claim.id} x {finding.source_id}: expected {expected}, got {got}"
                    f" — {finding.reason} {finding.quote!r}"
                )
    return Score(confusion, tuple(mistakes))


def score_split(split: str, plain: bool = False) -> Score:
    """One confusion table over every story of the split (pairs pooled, not stories averaged)."""
    confusion = {expected: dict.fromkeys(VERDICTS, 0) for expected in VERDICTS}
    mistakes: list[str] = []
    for story in stories(split):
        found = score_story(story, plain)
        for expected in VERDICTS:
            for got in VERDICTS:
                confusion[expected][got] += found.confusion[expected][got]
        mistakes += found.mistakes
    return Score(confusion, tuple(mistakes))


def conflict_precision(score: Score) -> float:
    predicted = sum(score.confusion[expected]["conflict"] for expected in VERDICTS)
    return score.confusion["conflict"]["conflict"] / predicted if predicted else 1.0


def baseline_split(split: str, plain: bool = False) -> Score:
    """The naive baseline the issue measures against: in each article, the sentence most like
    the claim (rapidfuzz token_set_ratio, at least BASELINE_MIN_SCORE) and the first figure in
    it; agree within the claim's tolerance, else conflict; gap without such a sentence or figure."""
    from rapidfuzz import fuzz

    from claimcheck.passages import split_passages
    from claimcheck.quantities import extract_quantities

    confusion = {expected: dict.fromkeys(VERDICTS, 0) for expected in VERDICTS}
    for story in stories(split):
        claims = read_claims(story.folder / "claims.yaml").claims
        if plain:
            claims = tuple(text_only(claim) for claim in claims)
        sources = read_sources(story.folder / "sources").sources
        labels = yaml.safe_load((story.folder / "labels.yaml").read_text(encoding="utf-8")) or {}
        for claim in claims:
            for source in sources:
                expected = (labels.get(claim.id) or {}).get(source.id, "gap")
                got = "gap"
                passages = split_passages(source)
                if claim.quantity is not None and passages:
                    best = max(passages, key=lambda p: fuzz.token_set_ratio(claim.text, p.text))
                    figures = extract_quantities(best.text)
                    if fuzz.token_set_ratio(claim.text, best.text) >= BASELINE_MIN_SCORE and figures:
                        value, claimed = figures[0].value, claim.quantity.value
                        apart = abs(value - claimed) / max(abs(value), abs(claimed), 1e-9)
                        got = "agree" if apart <= claim.tolerance else "conflict"
                confusion[expected][got] += 1
    return Score(confusion, ())


BASELINE_MIN_SCORE = 60


if __name__ == "__main__":
    wanted = sys.argv[1:] or list(SPLITS)
    for split in wanted:
        for label, plain in (("claims as written", False), ("claims as plain sentences", True)):
            result = score_split(split, plain)
            precision = conflict_precision(result)
            naive = baseline_split(split, plain)
            print(f"== {split}: {label}\n{result.table()}\nconflict precision {precision:.3f}")
            print(
                f"naive baseline: macro-F1 {naive.macro_f1:.3f}, conflict precision "
                f"{conflict_precision(naive):.3f}\n"
            )
            if split == "dev":
                print("\n".join(result.mistakes), "\n")
