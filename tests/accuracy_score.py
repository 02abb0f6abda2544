"""Score the checker on the labelled set in tests/accuracy/ (used by test_accuracy.py).

Run directly to print the confusion tables: ``python tests/accuracy_score.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from claimcheck import check, read_claims, read_sources
from claimcheck.inference import infer_claim
from claimcheck.model import Claim, Verdict

HERE = Path(__file__).parent / "accuracy"
VERDICTS = [verdict.value for verdict in Verdict]


@dataclass(frozen=True)
class Score:
    """A confusion table (expected -> predicted -> count) and what follows from it."""

    confusion: dict[str, dict[str, int]]
    mistakes: tuple[str, ...]

    def f1(self, verdict: str) -> float:
        true_positive = self.confusion[verdict][verdict]
        predicted = sum(self.confusion[expected][verdict] for expected in VERDICTS)
        actual = sum(self.confusion[verdict].values())
        if not predicted or not actual:
            return 0.0
        precision, recall = true_positive / predicted, true_positive / actual
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def macro_f1(self) -> float:
        return sum(self.f1(verdict) for verdict in VERDICTS) / len(VERDICTS)

    def table(self) -> str:
        rows = ["expected \\ got  " + "".join(f"{v:>10}" for v in VERDICTS) + "        F1"]
        for expected in VERDICTS:
            counts = "".join(f"{self.confusion[expected][got]:>10}" for got in VERDICTS)
            rows.append(f"{expected:<16}{counts}{self.f1(expected):>10.3f}")
        rows.append(f"macro-F1 {self.macro_f1:.3f}")
        return "\n".join(rows)


def text_only(claim: Claim) -> Claim:
    """The claim as if the file gave only its id and sentence."""
    bare = Claim(id=claim.id, text=claim.text, subject="", tolerance=claim.tolerance, line=claim.line)
    return infer_claim(bare)


def score(claims_only: bool = False) -> Score:
    claims = read_claims(HERE / "claims.yaml").claims
    if claims_only:
        claims = tuple(text_only(claim) for claim in claims)
    sources = read_sources(HERE / "sources").sources
    labels = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    report = check(claims, sources)
    confusion = {expected: dict.fromkeys(VERDICTS, 0) for expected in VERDICTS}
    mistakes = []
    for result in report.results:
        expected_for = labels.get(result.claim.id) or {}
        for finding in result.findings:
            expected = expected_for.get(finding.source_id, "gap")
            got = finding.verdict.value
            confusion[expected][got] += 1
            if expected != got:
                mistakes.append(
                    f"{result.claim.id} x {finding.source_id}: expected {expected}, got {got}"
                    f" — {finding.reason} {finding.quote!r}"
                )
    return Score(confusion, tuple(mistakes))


if __name__ == "__main__":
    for label, only in (("claims as written", False), ("claims as text only", True)):
        result = score(claims_only=only)
        print(f"== {label}\n{result.table()}\n")
        print("\n".join(result.mistakes), "\n")
