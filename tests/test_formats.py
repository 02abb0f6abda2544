"""Golden files for every report format, made from the shipped example.

After a deliberate change of output: ``pytest tests/test_formats.py --update-golden``,
then review the diff of tests/golden/ before committing.
"""

import json
from pathlib import Path

import pytest
from conftest import ROOT

from claimcheck.check import check
from claimcheck.claims import read_claims
from claimcheck.formats import FORMATS
from claimcheck.formats.json import to_dict
from claimcheck.model import Claim, ClaimResult, Finding, Report, Source, Verdict
from claimcheck.sources import read_sources

GOLDEN = Path(__file__).parent / "golden"
EXTENSIONS = {"table": "txt", "markdown": "md", "json": "json"}


def example_report() -> Report:
    claims = read_claims(ROOT / "claims.yaml")
    sources = read_sources(ROOT / "sources", display="sources")
    return check(claims.claims, sources.sources, claims_file="claims.yaml")


def test_json_is_valid_and_round_trips() -> None:
    rendered = FORMATS["json"](example_report())
    data = json.loads(rendered)
    assert data == to_dict(example_report())
    empty = Report("claims.yaml", (), ())
    assert json.loads(FORMATS["json"](empty))["results"] == []


@pytest.mark.parametrize("name", list(FORMATS))
def test_golden(name: str, update_golden: bool) -> None:
    rendered = FORMATS[name](example_report())
    path = GOLDEN / f"example.{EXTENSIONS[name]}"
    if update_golden:
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"no golden file for --format {name}: run pytest --update-golden"
    assert rendered == path.read_text(encoding="utf-8")


def test_every_format_has_a_golden_file_and_a_readme_line() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in FORMATS:
        assert name in EXTENSIONS, f"--format {name} has no golden file"
        assert f"`--format {name}`" in readme, f"README does not describe --format {name}"


def hostile_report() -> Report:
    claim = Claim(id="c", text="A claim | with <b>markup</b> and `ticks`", subject="x")
    finding = Finding(
        claim_id="c",
        source_id="s",
        verdict=Verdict.CONFLICT,
        reason="because | [link](javascript:alert(1))",
        quote="a | b <script>alert(1)</script>\n::error::x",
        passage="p",
        line=1,
    )
    return Report("claims.yaml", (Source("s", "sources/s.txt", ""),), (ClaimResult(claim, (finding,)),))


def test_markdown_escapes_source_text() -> None:
    rendered = FORMATS["markdown"](hostile_report())
    table_rows = [line for line in rendered.splitlines() if line.startswith("| `s`")]
    assert len(table_rows) == 1 and table_rows[0].count(" | ") == 4
    assert "<script>" not in rendered and "\\<script\\>" in rendered
    assert "[link](javascript" not in rendered and "\\[link\\]" in rendered
