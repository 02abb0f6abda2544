"""claimcheck: check hand-written claims against source articles.

For every claim and every source: agree, conflict or gap, with the quote as
evidence. The public API is the pipeline's three steps::

    claims = read_claims("claims.yaml")          # or parse_claims(text, path)
    sources = read_sources("sources")            # Sources(folder, sources, warnings)
    report = check(claims.claims, sources.sources)
"""

from claimcheck.check import check
from claimcheck.claims import parse_claims, read_claims
from claimcheck.sources import read_sources

__version__ = "0.1.0"
__all__ = ["__version__", "check", "parse_claims", "read_claims", "read_sources"]
