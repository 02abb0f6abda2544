"""All-pairs baseline: fuzzy-match every claim against every sentence of every article.

    python bench/allpairs.py CORPUS_DIR [--chunk 20000]

"The obvious approach" to checking claims against a corpus, as a yardstick for claimcheck's
cost: read every article (UTF-8), split it into sentences with a simple regex, and score
every claim text (the ``claim:`` strings of CORPUS_DIR/claims.yaml) against every sentence
with ``rapidfuzz.process.cdist(..., scorer=fuzz.token_set_ratio, workers=-1,
dtype=np.uint8)``. Sentences are scored in chunks so memory stays bounded; for each claim
and each source the best score and the index of its sentence are kept (partial maxima
carried across chunk edges).

It extracts no figures and decides no verdicts: this is only the matching cost, which
flatters the baseline. Prints a small JSON summary (sentences, claims, sources, seconds).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import yaml
from rapidfuzz import fuzz, process

# A sentence ends at . ! or ? followed by white space; a blank line ends one too.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
POS_BITS = 15  # a chunk position fits in 15 bits, so a chunk holds at most 32,768 sentences


def read_claims(claims_file: Path) -> tuple[list[str], Path]:
    """The claim texts, and the sources folder (the file's ``sources:``, else sources/ beside it)."""
    data = yaml.safe_load(claims_file.read_text(encoding="utf-8")) or {}
    texts = [str(c["claim"]) for c in data.get("claims") or [] if isinstance(c, dict) and c.get("claim")]
    return texts, claims_file.parent / str(data.get("sources") or "sources")


def read_sentences(sources: Path) -> tuple[list[str], np.ndarray, int, int]:
    """(sentences, start index of each source's sentences, number of sources, bytes read)."""
    sentences: list[str] = []
    starts: list[int] = []
    total = 0
    files = sorted(p for p in sources.rglob("*.txt") if p.is_file())
    for path in files:
        raw = path.read_bytes()
        total += len(raw)
        starts.append(len(sentences))
        sentences.extend(s for part in SENTENCE_END.split(raw.decode("utf-8")) if (s := part.strip()))
    return sentences, np.asarray(starts, dtype=np.int64), len(files), total


def best_per_source(
    claims: list[str], sentences: list[str], starts: np.ndarray, chunk: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per claim and source: the best token_set_ratio (uint8) and its sentence index (-1: none)."""
    n_claims, n_sources, n_sent = len(claims), len(starts), len(sentences)
    best = np.zeros((n_claims, n_sources), dtype=np.uint8)
    where = np.full((n_claims, n_sources), -1, dtype=np.int64)
    ends = np.append(starts[1:], n_sent)
    nonempty = np.flatnonzero(ends > starts)  # reduceat cannot express an empty segment
    s_starts, s_ends = starts[nonempty], ends[nonempty]
    for lo in range(0, n_sent, chunk):
        hi = min(lo + chunk, n_sent)
        scores = process.cdist(
            claims, sentences[lo:hi], scorer=fuzz.token_set_ratio, workers=-1, dtype=np.uint8
        )
        # Sources whose sentences overlap [lo, hi); the first may have begun in an earlier chunk.
        first = int(np.searchsorted(s_ends, lo, side="right"))
        last = int(np.searchsorted(s_starts, hi, side="left"))
        sources = nonempty[first:last]
        seg = np.maximum(s_starts[first:last], lo) - lo
        # Score in the high bits, (max position - position) in the low ones: the maximum of a
        # segment is its best score at its first position.
        pos = (1 << POS_BITS) - 1 - np.arange(hi - lo, dtype=np.int32)
        keys = (scores.astype(np.int32) << POS_BITS) | pos
        top = np.maximum.reduceat(keys, seg, axis=1)
        del keys, scores
        top_score = (top >> POS_BITS).astype(np.uint8)
        top_index = lo + ((1 << POS_BITS) - 1 - (top & ((1 << POS_BITS) - 1))).astype(np.int64)
        # Carry across chunk edges: a source's best so far wins ties (it came first).
        old = best[:, sources]
        better = top_score > old
        best[:, sources] = np.where(better, top_score, old)
        where[:, sources] = np.where(better, top_index, where[:, sources])
    return best, where


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder holding claims.yaml")
    parser.add_argument("--claims-file", default="claims.yaml", help="claims file inside CORPUS")
    parser.add_argument(
        "--chunk", type=int, default=20_000, help="sentences scored per cdist call (default 20,000)"
    )
    parser.add_argument(
        "--max-cells",
        type=int,
        default=40_000_000,
        help="cap on claims x chunk, so many claims shrink the chunk (default 40M: 160 MB of int32 keys)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    claims, sources_dir = read_claims(args.corpus / args.claims_file)
    sentences, starts, n_sources, total = read_sentences(sources_dir)
    read_s = time.perf_counter() - started
    chunk = max(1, min(args.chunk, 1 << POS_BITS, args.max_cells // max(1, len(claims))))
    best, where = best_per_source(claims, sentences, starts, chunk) if claims and sentences else (None, None)
    seconds = time.perf_counter() - started
    summary = {
        "claims": len(claims),
        "sources": n_sources,
        "sentences": len(sentences),
        "bytes": total,
        "chunk": chunk,
        "pairs": len(claims) * len(sentences),
        "read_s": round(read_s, 3),
        "match_s": round(seconds - read_s, 3),
        "seconds": round(seconds, 3),
        # Checks that the work was done; not a verdict of any kind.
        "mean_best_score": round(float(best.mean()), 3) if best is not None and best.size else None,
        "pairs_with_a_sentence": int((where >= 0).sum()) if where is not None else 0,
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
