"""Which lemmatiser claimcheck should use: the dev split of the real-article corpus
scored with each one in place of ``claimcheck.text.lemma``, and its speed per word.

    python bench/lemmas.py            # every candidate, one process each
    python bench/lemmas.py simplemma  # one

Candidates: ``stem`` (claimcheck's own suffix stripper, ``text.stem``), ``simplemma``
(the dependency), ``lemminflect`` (not a dependency: ``pip install lemminflect``).
LEMMA_OVERRIDES apply to all three. Results are written down in docs/lemmas.md.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CANDIDATES = ("stem", "simplemma", "lemminflect")
# Words a measure is read from in news copy (what ../shared/LIBRARIES.md measured), timed.
WORDS = [
    "deaths",
    "died",
    "killed",
    "injured",
    "wounded",
    "hosts",
    "employing",
    "stationed",
    "passed",
    "moved",
    "handled",
    "established",
    "founded",
    "opened",
    "signed",
    "ratified",
    "expires",
    "extended",
    "tugboats",
    "containers",
    "aftershocks",
    "feet",
    "tonnes",
    "kilometres",
    "left",
    "lives",
    "won",
    "missing",
    "rescued",
    "evacuated",
]


def lemmatiser(name: str):  # type: ignore[no-untyped-def]
    from claimcheck.lexicon import LEMMA_OVERRIDES
    from claimcheck.text import stem

    if name == "stem":
        raw = stem
    elif name == "simplemma":
        import simplemma

        def raw(word: str) -> str:
            return simplemma.lemmatize(word, lang="en").lower()

    elif name == "lemminflect":
        from lemminflect import getAllLemmas, getAllLemmasOOV

        def raw(word: str) -> str:
            found = getAllLemmas(word) or getAllLemmasOOV(word, upos="NOUN")
            for pos in ("VERB", "NOUN", "ADJ", "ADV"):
                if pos in found:
                    return found[pos][0].lower()
            return word

    else:
        raise SystemExit(f"unknown lemmatiser {name!r}; one of {', '.join(CANDIDATES)}")

    def lemma(word: str) -> str:
        lowered = word.lower()
        return LEMMA_OVERRIDES.get(lowered) or raw(lowered)

    return lemma


def score(name: str) -> dict[str, float]:
    """Dev macro-F1 and conflict precision, both modes, with ``name`` as the lemmatiser."""
    import functools

    lemma = functools.lru_cache(maxsize=65536)(lemmatiser(name))
    for module in list(sys.modules.values()):
        if module and getattr(module, "__name__", "").startswith("claimcheck") and hasattr(module, "lemma"):
            module.lemma = lemma  # type: ignore[attr-defined]
    sys.path.insert(0, str(HERE.parent / "tests"))
    from realworld_score import conflict_precision, score_split

    for word in WORDS:  # load the dictionaries first: a run pays that once
        lemma.__wrapped__(word)
    started = time.perf_counter()
    for _ in range(1000):
        for word in WORDS:
            lemma.__wrapped__(word)
    per_word = (time.perf_counter() - started) / (1000 * len(WORDS)) * 1e6
    written, plain = score_split("dev"), score_split("dev", plain=True)
    return {
        "written": written.macro_f1,
        "plain": plain.macro_f1,
        "precision written": conflict_precision(written),
        "precision plain": conflict_precision(plain),
        "µs per word": per_word,
    }


if __name__ == "__main__":
    names = sys.argv[1:]
    if len(names) == 1:
        for key, value in score(names[0]).items():
            print(f"{key}\t{value:.3f}")
    else:
        print("| lemmatiser | dev written | dev plain | conflict precision written / plain | µs per word |")
        print("|---|---|---|---|---|")
        for name in names or CANDIDATES:
            done = subprocess.run([sys.executable, __file__, name], capture_output=True, text=True)
            if done.returncode:
                print(f"| {name} | failed: {done.stderr.strip().splitlines()[-1]} |")
                continue
            got = dict(line.split("\t") for line in done.stdout.strip().splitlines())
            print(
                f"| {name} | {got['written']} | {got['plain']} | {got['precision written']} / "
                f"{got['precision plain']} | {float(got['µs per word']):.1f} |"
            )
