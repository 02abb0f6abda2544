"""Shared test helpers: the golden-file flag and small builders for claims and articles."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from claimcheck.check import check
from claimcheck.claims import parse_claims
from claimcheck.model import Finding, Source, Verdict

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/* from the current output (review the diff before committing).",
    )
    parser.addoption(
        "--update-screenshot",
        action="store_true",
        help="Rewrite docs/report.png, the README's picture of the HTML report (needs Chromium).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def finding_for(claim_yaml: str, article: str, source_id: str = "article") -> Finding:
    """Check one claim (YAML mapping text, or a bare sentence) against one article."""
    if ":" not in claim_yaml.split("\n", 1)[0]:
        claim_yaml = f"id: claim\nclaim: {claim_yaml}"
    body = "\n".join("    " + line for line in claim_yaml.strip().splitlines())
    claims = parse_claims("claims:\n  -\n" + body + "\n", "claims.yaml").claims
    report = check(claims, [Source(source_id, f"sources/{source_id}.txt", article)])
    return report.results[0].findings[0]


def assert_finding(claim: str, article: str, verdict: str, value: float | None = None) -> Finding:
    """Assert the verdict (and the figure found) of one article on one claim."""
    finding = finding_for(claim, article)
    assert finding.verdict is Verdict(verdict), (finding.verdict, finding.reason, finding.quote)
    if value is not None:
        assert finding.quantity is not None and finding.quantity.value == value, finding
    return finding


def snapshot(folder: Path, cache: bool = False) -> dict[str, tuple[str, int]]:
    """Hash and mtime of every file under the folder: to prove a command wrote nothing there.

    claimcheck's own cache folder (.claimcheck-cache/) is left out unless ``cache``:
    writing it is the point of it, and test_cli proves nothing else is written.
    """
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and (cache or not path.relative_to(folder).as_posix().startswith(".claimcheck-cache/"))
    }


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped claims and sources, as the working folder."""
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    return tmp_path
