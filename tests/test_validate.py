"""``claimcheck validate``: the claims file alone, every problem as FILE:LINE:COL."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

from conftest import ROOT


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate(folder: Path, text: str, *args: str):
    (folder / "claims.yaml").write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["validate", "claims.yaml", *args])


def test_the_shipped_claims_file_is_clean(folder: Path) -> None:
    shutil.copy(ROOT / "claims.yaml", folder / "claims.yaml")
    result = CliRunner().invoke(main, ["validate"])
    assert (result.exit_code, result.output) == (0, "claims.yaml: 23 claims, no problems\n")


def test_five_mistakes_five_lines(folder: Path) -> None:
    text = """sources: sources
claims:
  - id: kant
    claim: Kant hosts 500 troops.
    valeu: 500
  - id: kant
    claim: Kant again.
  - id: manas
    claim: Manas hosts 1,000 troops.
    bound: roughly
    aliases: [Manas, ""]
  - id: border
    claim: Kyrgyzstan shares a border with Afghanistan.
    accept:
      - source: 009_no_such_article
        reason: checked by hand
"""
    result = validate(folder, text)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "claims.yaml:5:5: claim 'kant': unknown key 'valeu'; did you mean 'value'?",
        "claims.yaml:6:5: claim 'kant': duplicate id (first used on line 3)",
        "claims.yaml:10:12: claim 'manas': 'bound' must be at_least or at_most, got 'roughly'",
        "claims.yaml:11:22: claim 'manas': an alias is empty",
        "claims.yaml:15:9: claim 'border': accept names source '009_no_such_article', which is not in "
        "'sources'; use a source id such as '000_c360edf874dc4a28'",
    ]


def test_a_unit_it_does_not_know_is_a_note_not_a_mistake(folder: Path) -> None:
    text = (
        "sources: sources\nclaims:\n  - id: w\n    claim: The base stores 40 warheads.\n    unit: Warheads\n"
    )
    result = validate(folder, text)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "claims.yaml:3:5: note: claim 'w': 'warhead' is not a known unit; figures are matched by that"
        " word (and its plural), never converted",
        "claims.yaml: 1 claims, no problems",
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("claims: [\n", "claims.yaml:2:1: invalid YAML: expected the node content, but found '<stream end>'"),
        ("claims:\n  - id: a\n", "claims.yaml:2:5: claim 'a': missing 'claim'"),
        (
            "claim:\n  - id: a\n",
            "claims.yaml:1:1: the claims file: unknown key 'claim'; did you mean 'claims'?",
        ),
        (
            "claims:\n  - id: a\n    claim: A.\n    approx: maybe\n",
            "claims.yaml:4:13: claim 'a': 'approx' must be true or false, got 'maybe'",
        ),
        (
            "claims:\n  - id: a\n    claim: A.\n    aliases: Kant\n    unit: ''\n",
            "claims.yaml:5:11: claim 'a': 'unit' is empty; leave it out to read it from the claim",
        ),
        (
            "sources: nowhere\nclaims: []\n",
            "claims.yaml:1:10: sources folder 'nowhere' does not exist; fix 'sources:'",
        ),
        (
            "claims:\n  - id: a\n    claim: A.\n    accept:\n      - source: 000_c360edf874dc4a28\n",
            "claims.yaml:5:9: claim 'a': accept: missing 'reason'",
        ),
    ],
)
def test_each_kind_of_mistake(folder: Path, text: str, line: str) -> None:
    result = validate(folder, text)
    assert result.exit_code == 2
    assert line in result.output.splitlines()


def test_validate_does_not_read_articles(folder: Path) -> None:
    (folder / "sources" / "unreadable.txt").mkdir()  # a folder named like an article is never opened
    result = validate(folder, "claims:\n  - id: a\n    claim: Kant hosts 400 troops.\n")
    assert result.exit_code == 0


def test_schema_command_prints_the_shipped_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert '"title": "claimcheck claims file (schema version 1)"' in result.output
    report = CliRunner().invoke(main, ["schema", "--report"])
    assert report.exit_code == 0
    assert '"title": "claimcheck JSON report (versions 1 and 2)"' in report.output
