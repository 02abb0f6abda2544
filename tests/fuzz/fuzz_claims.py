"""Fuzz the claims loader: it returns claims or raises ClaimcheckError, nothing else.

Run by hand (not in CI):  pip install atheris && python tests/fuzz/fuzz_claims.py -max_total_time=600
"""

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    from claimcheck.claims import parse_claims
    from claimcheck.errors import ClaimcheckError

SEED = "claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n    value: 500\n"


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = (
        SEED + provider.ConsumeUnicodeNoSurrogates(2048)
        if provider.ConsumeBool()
        else (provider.ConsumeUnicodeNoSurrogates(4096))
    )
    with contextlib.suppress(ClaimcheckError):
        parse_claims(text, "claims.yaml")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
