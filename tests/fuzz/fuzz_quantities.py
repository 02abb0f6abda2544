"""Fuzz the quantity extractor: it must never raise, and spans must lie inside the text.

Run by hand (not in CI):  pip install atheris && python tests/fuzz/fuzz_quantities.py -max_total_time=600
"""

import sys

import atheris

with atheris.instrument_imports():
    from claimcheck.quantities import extract_quantities


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    for quantity in extract_quantities(text):
        assert 0 <= quantity.start <= quantity.end <= len(text), (text, quantity)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
