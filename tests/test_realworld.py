"""Floors on the real-article corpus (tests/realworld): regressions, not targets.

``dev`` is tuned on (its mistakes are read: ``python tests/realworld_score.py dev``);
``test`` is not, and its floor was set from the score taken at the end of each piece of the work
that built the fact frame (issue 23; tests/realworld/README.md). Both modes: the claims
with their structured fields, and the same claims as plain sentences.
"""

from __future__ import annotations

import pytest
from realworld_score import conflict_precision, score_split

# split, plain sentences -> (macro-F1, conflict precision), each floor a little under what
# was measured (README.md, "Accuracy").
FLOORS = {
    # sixty-seven stories since 2026-12-08 (sixty-three that came unseen joined, the last four
    # held out unread through a session, at 0.638 / 0.610, conflict precision 0.46 / 0.52;
    # ftx-collapse left, see tests/realworld/README.md): 0.606 / 0.583, 0.569 / 0.575 at fc335e6
    # (0.604 / 0.560, 0.567 / 0.554 when they joined, at f449631)
    ("dev", False): (0.60, 0.57),
    ("dev", True): (0.56, 0.56),
    # scored at the end of each piece of work, never read: 2026-12-08 (seventeenth to twentieth
    # time) 0.632 / 0.710 as written, 0.603 / 0.679 plain (0.621 / 0.571, 0.591 /
    # 0.571 the sixteenth; 0.617 / 0.561, 0.591 / 0.571 the fifteenth; naive baseline 0.483 /
    # 0.468): far under the targets, see README.md "Accuracy"
    ("test", False): (0.62, 0.66),
    ("test", True): (0.59, 0.63),
}


@pytest.mark.parametrize(("split", "plain"), sorted(FLOORS))
def test_real_articles(split: str, plain: bool) -> None:
    result = score_split(split, plain)
    precision = conflict_precision(result)
    mode = "plain sentences" if plain else "claims as written"
    print(f"\n{split}, {mode}\n{result.table()}\nconflict precision {precision:.3f}")
    macro_floor, precision_floor = FLOORS[(split, plain)]
    assert result.macro_f1 >= macro_floor
    assert precision >= precision_floor
