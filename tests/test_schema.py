"""The JSON Schema and the validator agree: on every claims file in the repository,
and on one bad file per kind of mistake the schema can express."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from claimcheck.claims import parse_claims_leniently

from conftest import ROOT

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((ROOT / "claimcheck" / "claims.schema.json").read_text(encoding="utf-8"))


def schema_errors(text: str) -> list[str]:
    """As an editor sees the file: YAML 1.2, where 2009-05-12 is a string, not a date."""
    validator = jsonschema.Draft7Validator(SCHEMA)
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))
    return [error.message for error in validator.iter_errors(data)]


def validator_problems(text: str) -> list[str]:
    return [problem.message for problem in parse_claims_leniently(text, "claims.yaml")[1]]


def example_files() -> list[tuple[str, str]]:
    """Every claims file and every claims snippet of the docs, as (name, text)."""
    found = [
        (str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
        for path in sorted(ROOT.glob("**/claims*.yaml"))
        if not {".venv", "work", "build"} & set(path.relative_to(ROOT).parts)
    ]
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for number, block in enumerate(
            re.findall(r"```yaml\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
        ):
            if re.search(r"^claims:", block, re.M):
                found.append((f"{doc.name} block {number}", block))
    return found


def generated_file(tmp_path: Path) -> str:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            str(tmp_path),
            "--articles",
            "3",
            "--claims",
            "20",
        ],
        check=True,
        capture_output=True,
    )
    return (tmp_path / "claims.yaml").read_text(encoding="utf-8")


def test_there_are_examples_to_check() -> None:
    names = [name for name, _ in example_files()]
    assert "claims.yaml" in names and "tests/accuracy/claims.yaml" in names
    assert any(name.startswith("README.md") for name in names)


@pytest.mark.parametrize(("name", "text"), example_files(), ids=[name for name, _ in example_files()])
def test_every_example_is_valid_for_both(name: str, text: str) -> None:
    assert validator_problems(text) == []
    assert schema_errors(text) == []


def test_a_generated_bench_file_is_valid_for_both(tmp_path: Path) -> None:
    text = generated_file(tmp_path)
    assert validator_problems(text) == [] and schema_errors(text) == []


BAD = {
    "no claims list": "sources: s\n",
    "unknown top key": "claims: []\nsauces: s\n",
    "missing claim text": "claims:\n  - id: a\n",
    "id not a slug": "claims:\n  - id: Kant Base\n    claim: A.\n",
    "unknown claim key": "claims:\n  - id: a\n    claim: A.\n    valeu: 3\n",
    "value not a number": "claims:\n  - id: a\n    claim: A.\n    value: five hundred\n",
    "empty unit": "claims:\n  - id: a\n    claim: A.\n    unit: ''\n",
    "bad bound": "claims:\n  - id: a\n    claim: A.\n    bound: roughly\n",
    "tolerance out of range": "claims:\n  - id: a\n    claim: A.\n    tolerance: 1.5\n",
    "approx not boolean": "claims:\n  - id: a\n    claim: A.\n    approx: maybe\n",
    "empty alias": "claims:\n  - id: a\n    claim: A.\n    aliases: ['']\n",
    "accept without reason": "claims:\n  - id: a\n    claim: A.\n    accept:\n      - source: s\n",
    "required not boolean": "claims:\n  - id: a\n    claim: A.\n    required: yes please\n",
    "version 2": "version: 2\nclaims: []\n",
    "as_of not a date": "claims:\n  - id: a\n    claim: A.\n    as_of: last year\n",
}


@pytest.mark.parametrize("kind", list(BAD))
def test_every_bad_file_is_rejected_by_both(kind: str) -> None:
    assert validator_problems(BAD[kind]), kind
    assert schema_errors(BAD[kind]), kind
