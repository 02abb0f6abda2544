"""The pre-commit hook end to end, as docs/ci.md sets it up: a git repository whose sources are
a saved web page and a PDF, the hooks installed from this checkout (a local path, at its HEAD),
an edit to the page, and the commit the check refuses — with what a local run reports.

pre-commit builds the hook's environment itself (``pip install`` of claimcheck and its
readers, from this checkout's last commit): the slowest test of the suite, about half a minute
with pip's cache warm. Skipped, saying why, without git or pre-commit (the ``test`` extra)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

CORPUS = ROOT / "tests" / "corpus" / "articles"
CLAIMS = """\
claims:
  - id: kant-personnel
    claim: The Kant air base hosts some 400 Russian personnel.
    aliases: [Kant, air base in Kant]
  - id: manas-personnel
    claim: The Manas base has about 1,000 personnel.
    aliases: [Manas]
"""


def tool(name: str) -> str:
    found = shutil.which(name, path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    if found is None:
        pytest.skip(f"no {name} on PATH: pip install -e '.[test]' installs pre-commit")
    return found


def head_of_this_checkout() -> str:
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip("this checkout is not a git repository: the hook is installed from its HEAD")
    return done.stdout.strip()


def test_the_hook_runs_when_a_saved_page_changes_and_reports_its_conflict(tmp_path: Path) -> None:
    git, pre_commit = tool("git"), tool("pre-commit")
    rev = head_of_this_checkout()
    repo = tmp_path / "analysis"
    (repo / "sources").mkdir(parents=True)
    shutil.copy(CORPUS / "kant_report.html", repo / "sources" / "page.html")
    shutil.copy(CORPUS / "kant_report.pdf", repo / "sources" / "report.pdf")
    (repo / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n"
        "      - id: claimcheck-validate\n      - id: claimcheck-check\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "analyst", "GIT_AUTHOR_EMAIL": "analyst@example.org",
        "GIT_COMMITTER_NAME": "analyst", "GIT_COMMITTER_EMAIL": "analyst@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }  # fmt: skip

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)

    assert run(git, "init", "-q", "-b", "main").returncode == 0
    installed = run(pre_commit, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    run(git, "add", ".")
    first = run(git, "commit", "-q", "-m", "sources as collected")
    assert first.returncode == 0, first.stdout + first.stderr  # both sources agree: the hook passes
    assert "claimcheck check" in first.stdout + first.stderr

    page = repo / "sources" / "page.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("some 400 personnel", "some 900 personnel"), "utf-8"
    )
    run(git, "add", "sources/page.html")
    refused = run(git, "commit", "-q", "-m", "the page as it reads today")
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0, said
    errors = [line for line in said.splitlines() if ": error " in line]
    assert len(errors) == 1, said
    assert "error kant-personnel page line" in errors[0] and '"hosts some 900 personnel"' in errors[0]

    # What the analyst's own run reports (claimcheck from this checkout, with its readers).
    local = run(sys.executable, "-m", "claimcheck", "check", "--format", "line")
    assert local.returncode == 1
    assert [line for line in local.stdout.splitlines() if ": error " in line] == errors
