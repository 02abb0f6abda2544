"""Score ``claimcheck compare`` on the labelled facts in tests/compare (used by test_facts.py).

Run directly for the details: ``python tests/compare_score.py [compare|heldout|dev|test]``;
dev and test are the stories of tests/realworld with a facts.yaml (test: the figures only).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from claimcheck.facts import Fact, facts
from claimcheck.sources import read_sources

HERE = Path(__file__).parent


@dataclass(frozen=True)
class CompareScore:
    predicted: int
    labelled: int
    true_positive_predictions: int
    found_labels: int
    right_verdicts: int
    bad_pairs: tuple[str, ...]
    unmatched_predictions: tuple[str, ...]
    missed_labels: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.true_positive_predictions / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found_labels / self.labelled if self.labelled else 0.0


def _squeeze(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _matches(statement, label_statement: dict) -> bool:
    if statement.source_id != label_statement["source"]:
        return False
    quote = _squeeze(label_statement["quote"])
    return _squeeze(statement.quantity.text) in quote


def _covers(fact: Fact, label: dict) -> bool:
    sources = {s.source_id for s in fact.statements if any(_matches(s, ls) for ls in label["statements"])}
    return len(sources) >= 2


# name -> (labels file, sources folder). "heldout" was written by a reader who never saw the code.
SETS = {
    "compare": (HERE / "compare" / "labels.yaml", HERE / "accuracy" / "sources"),
    "heldout": (HERE / "compare_heldout" / "labels.yaml", HERE / "compare_heldout" / "sources"),
}


REALWORLD = HERE / "realworld"


def stories(split: str) -> list[Path]:
    """The stories of tests/realworld/<split> that have compare labels (facts.yaml)."""
    return sorted(path.parent for path in (REALWORLD / split).glob("*/facts.yaml"))


def score_split(split: str) -> CompareScore:
    """Every story of a split of the real-article corpus, summed: facts stated by two or more
    of its articles, labelled blind in <story>/facts.yaml (tests/realworld/README.md)."""
    parts = [score_folder(story / "facts.yaml", story / "sources") for story in stories(split)]
    return CompareScore(
        predicted=sum(p.predicted for p in parts),
        labelled=sum(p.labelled for p in parts),
        true_positive_predictions=sum(p.true_positive_predictions for p in parts),
        found_labels=sum(p.found_labels for p in parts),
        right_verdicts=sum(p.right_verdicts for p in parts),
        bad_pairs=tuple(b for p in parts for b in p.bad_pairs),
        unmatched_predictions=tuple(u for p in parts for u in p.unmatched_predictions),
        missed_labels=tuple(m for p in parts for m in p.missed_labels),
    )


def score(name: str = "compare") -> CompareScore:
    if name in ("dev", "test"):
        return score_split(name)
    return score_folder(*SETS[name])


def score_folder(labels_file: Path, folder: Path) -> CompareScore:
    labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    sources = read_sources(folder, display="sources").sources
    found = facts(sources)
    matched_labels, matched_predictions, right = set(), set(), 0
    for number, fact in enumerate(found):
        for position, label in enumerate(labels["facts"]):
            if _covers(fact, label):
                matched_predictions.add(number)
                if position not in matched_labels:
                    matched_labels.add(position)
                    right += fact.agree == (label["verdict"] == "agree")
    bad = []
    for entry in labels.get("must_not_pair", []):
        first, second = entry["pair"]
        for fact in found:
            if any(_matches(s, first) for s in fact.statements) and any(
                _matches(s, second) for s in fact.statements
            ):
                bad.append(f"{entry['why']}: {fact.subject}")
    return CompareScore(
        predicted=len(found),
        labelled=len(labels["facts"]),
        true_positive_predictions=len(matched_predictions),
        found_labels=len(matched_labels),
        right_verdicts=right,
        bad_pairs=tuple(bad),
        unmatched_predictions=tuple(
            f"{f.subject} ({f.unit}): " + "; ".join(f"{s.source_id[:3]} {s.quote!r}" for s in f.statements)
            for n, f in enumerate(found)
            if n not in matched_predictions
        ),
        missed_labels=tuple(
            f"{label['subject']} ({label['unit']})"
            for position, label in enumerate(labels["facts"])
            if position not in matched_labels
        ),
    )


if __name__ == "__main__":
    import sys

    name = sys.argv[1] if len(sys.argv) > 1 else "compare"
    result = score(name)
    print(f"precision {result.precision:.3f} ({result.true_positive_predictions}/{result.predicted})")
    print(f"recall    {result.recall:.3f} ({result.found_labels}/{result.labelled})")
    print(f"verdicts right on found facts: {result.right_verdicts}/{result.found_labels}")
    print(f"wrongly paired (must_not_pair): {len(result.bad_pairs)}")
    if name == "test":  # the test split's mistakes are never read
        sys.exit(0)
    print("wrongly paired:", *result.bad_pairs, sep="\n  ")
    print("predicted, not labelled:", *result.unmatched_predictions, sep="\n  ")
    print("labelled, not found:", *result.missed_labels, sep="\n  ")
