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
    # fifty-five stories since 2026-12-08, night (fifty-one that came unseen joined, the last five
    # at 0.613 / 0.563; ftx-collapse left, see tests/realworld/README.md): 0.602 / 0.586, 0.557 /
    # 0.562 when they joined, at b4743f4
    ("dev", False): (0.59, 0.56),
    ("dev", True): (0.54, 0.54),
    # scored at the end of each piece of work, never read: 2026-12-08 (sixteenth time) 0.621 / 0.571
    # as written, 0.591 / 0.571 plain (0.617 / 0.561, 0.591 / 0.571 the fifteenth; 0.611 / 0.553,
    # 0.584 / 0.562 the fourteenth; naive baseline 0.483 / 0.468): far under the targets,
    # see README.md "Accuracy"
    ("test", False): (0.59, 0.52),
    ("test", True): (0.57, 0.53),
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
