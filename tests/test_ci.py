"""``check`` in CI: failure policy, accepted conflicts, configuration, GitHub integration."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

from conftest import ROOT

KANT_ACCEPT = """    aliases: [Kant, Kant base, Kant airbase, air base in Kant]
    accept:
      - source: 002_ef94a33fe93d7047
        reason: 2009 count ("some 400"); the claim is the 2003 plan
"""


@pytest.fixture
def example(example: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """conftest's copy of the example, outside any CI's environment."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return example


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def accept_kant(folder: Path) -> None:
    claims = folder / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    old = "    aliases: [Kant, Kant base, Kant airbase, air base in Kant]\n"
    claims.write_text(text.replace(old, KANT_ACCEPT, 1), encoding="utf-8")


def test_accepting_the_kant_conflict_turns_exit_1_into_0(example: Path) -> None:
    assert run("check", "--claim", "kant-personnel").exit_code == 1
    accept_kant(example)
    result = run("check", "--claim", "kant-personnel")
    assert result.exit_code == 0
    assert "accepted kant-personnel" in result.output
    assert '2009 count ("some 400"); the claim is the 2003 plan' in result.output
    finding = next(
        f
        for f in json.loads(run("check", "--claim", "kant-personnel", "--format", "json").output)["results"][
            0
        ]["findings"]
        if f["source"] == "002_ef94a33fe93d7047"
    )
    assert finding["verdict"] == "conflict"
    assert finding["accepted"] == {"reason": '2009 count ("some 400"); the claim is the 2003 plan'}


def test_no_accept_ignores_accepts(example: Path) -> None:
    accept_kant(example)
    assert run("check", "--claim", "kant-personnel", "--no-accept").exit_code == 1


def test_an_accept_goes_stale_when_the_conflict_disappears(example: Path) -> None:
    accept_kant(example)
    article = example / "sources" / "002_ef94a33fe93d7047.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("hosts some 400 personnel", "hosts some 500 personnel"),
        encoding="utf-8",
    )
    result = run("check", "--claim", "kant-personnel")
    assert result.exit_code == 0
    assert (
        "the accepted conflict with 002_ef94a33fe93d7047 no longer exists; remove the accept" in result.output
    )
    assert run("check", "--claim", "kant-personnel", "--strict").exit_code == 1
    line = run("check", "--claim", "kant-personnel", "--format", "line").output
    assert "warning kant-personnel accepted conflict with 002_ef94a33fe93d7047 no longer exists" in line


def test_fail_on(example: Path) -> None:
    assert run("check", "--claim", "kant-bishkek-distance").exit_code == 0
    assert run("check", "--claim", "gyumri-troops").exit_code == 0
    assert run("check", "--claim", "gyumri-troops", "--fail-on", "gap").exit_code == 1
    assert run("check", "--fail-on", "never").exit_code == 0
    assert run("check", "--exit-zero").exit_code == 0
    github = run("check", "--claim", "gyumri-troops", "--fail-on", "gap", "--format", "github").output
    assert github.startswith("::warning file=claims.yaml,line=")


def test_a_required_claim_no_source_backs_fails(example: Path) -> None:
    claims = example / "claims.yaml"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace(
            "    subject: 102nd base\n", "    subject: 102nd base\n    required: true\n"
        ),
        encoding="utf-8",
    )
    result = run("check", "--claim", "gyumri-troops", "--format", "line")
    assert result.exit_code == 1
    assert "error gyumri-troops required claim: no source backs it" in result.output


def test_configuration_in_pyproject_and_flags_win(example: Path) -> None:
    (example / "pyproject.toml").write_text('[tool.claimcheck]\nformat = "json"\nfail-on = "never"\n')
    result = run("check")
    assert result.exit_code == 0
    assert json.loads(result.output)["version"] == 2
    result = run("check", "--format", "line", "--fail-on", "conflict")
    assert result.exit_code == 1
    assert result.output.startswith("claims.yaml:11:5: error kant-personnel")


def test_bad_configuration_is_bad_input(example: Path) -> None:
    (example / "pyproject.toml").write_text('[tool.claimcheck]\nfromat = "json"\n')
    result = run("check")
    assert result.exit_code == 2
    assert (
        "pyproject.toml:1: [tool.claimcheck]: unknown key 'fromat'; did you mean 'format'?" in result.output
    )


def test_github_actions_picks_github_format_and_writes_the_summary(example: Path) -> None:
    summary = example / "summary.md"
    result = run("check", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert result.output.startswith(
        "::error file=claims.yaml,line=11,col=5,title=claimcheck conflict%3A kant"
    )
    assert summary.read_text(encoding="utf-8").startswith("# claimcheck report")


def test_color_and_no_color(example: Path) -> None:
    assert "\x1b[31mCONFLICT" in run("check", "--color").output
    assert "\x1b[" not in run("check", env={"NO_COLOR": "1"}).output
    assert "\x1b[" not in run("check", "--no-color").output


def test_quiet_and_verbose(example: Path) -> None:
    quiet = run("check", "-q").output
    assert "claim  " not in quiet and "CONFLICT kant-personnel" in quiet
    assert "csto-members" not in quiet
    verbose = run("check", "-v").output
    assert "agree csto-members" in verbose and "passage: The announcement comes amid scrutiny" in verbose


def documented_commands() -> list[list[str]]:
    """The claimcheck commands of the GitHub Actions workflow in docs/ci.md, in order."""
    import re
    import shlex

    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = next(block for block in re.findall(r"```yaml\n(.*?)```", text, re.S) if "runs-on" in block)
    runs = re.findall(r"^\s*- run: (claimcheck .*)$", workflow, re.M)
    return [shlex.split(command)[1:] for command in runs]


def test_the_documented_workflow_runs_as_documented(example: Path) -> None:
    commands = documented_commands()
    assert commands == [["validate"], ["check"]]
    summary = example / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    validate, check = (run(*command, env=env) for command in commands)
    assert (validate.exit_code, validate.output) == (0, "claims.yaml: 23 claims, no problems\n")
    assert check.exit_code == 1  # the shipped example has conflicts nobody accepted
    lines = check.output.splitlines()
    assert lines and all(
        line.startswith(("::error file=claims.yaml,", "::notice file=claims.yaml,")) for line in lines
    )
    assert any("outdated" in line for line in lines)  # the as_of claim's older source: a notice, not an error
    assert "## Conflicts" in summary.read_text(encoding="utf-8")


def test_pre_commit_hooks_name_real_commands() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["claimcheck-validate", "claimcheck-check"]
    for hook in hooks:
        program, command, *options = hook["entry"].split()
        assert program == "claimcheck" and command in main.commands
        flags = {flag for param in main.commands[command].params for flag in param.opts}
        assert all(option in flags for option in options if option.startswith("-"))


def test_with_the_other_conflicts_accepted_the_kant_accept_decides_the_exit_code(example: Path) -> None:
    claims = example / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    for subject, source in (
        ("    subject: 201st military base\n", "001_0d74dcc80feeb3ac"),
        ("    subject: Kyrgyzstan\n", "001_0d74dcc80feeb3ac"),
    ):
        text = text.replace(
            subject, f"{subject}    accept:\n      - source: {source}\n        reason: checked\n", 1
        )
    claims.write_text(text, encoding="utf-8")
    assert run("check").exit_code == 1
    accept_kant(example)
    result = run("check")
    assert result.exit_code == 0
    assert "accepted kant-personnel" in result.output


def test_json_version_1_keeps_a_finding_for_every_source(example: Path) -> None:
    """The old shape, behind --json-version 1 while tools move to version 2 (docs/json.md)."""
    new = json.loads(run("check", "--claim", "kant-su25", "--format", "json").output)
    old = json.loads(run("check", "--claim", "kant-su25", "--format", "json", "--json-version", "1").output)
    (new_result,), (old_result,) = new["results"], old["results"]
    assert (new["version"], old["version"]) == (2, 1)
    assert len(old_result["findings"]) == len(old["sources"]) == 5
    assert len(new_result["findings"]) + new_result["unlisted_gaps"] == 5
    listed = {f["source"] for f in new_result["findings"]}
    assert [f for f in old_result["findings"] if f["source"] in listed] == new_result["findings"]
    assert {f["verdict"] for f in old_result["findings"] if f["source"] not in listed} == {"gap"}
    assert run("check", "--format", "json", "--json-version", "3").exit_code == 2


def test_as_of_makes_the_older_conflict_outdated_and_back(example: Path) -> None:
    result = run("check", "--claim", "kant-personnel-2009", "--format", "json")
    assert result.exit_code == 0
    findings = {f["source"]: f for f in json.loads(result.output)["results"][0]["findings"]}
    older = findings["000_c360edf874dc4a28"]
    assert (older["verdict"], older["outdated"]) == ("conflict", True)
    assert findings["002_ef94a33fe93d7047"]["verdict"] == "agree"
    claims = example / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("    as_of: 2009", "    # as_of removed"))
    result = run("check", "--claim", "kant-personnel-2009", "--format", "json")
    assert result.exit_code == 1
    older = next(
        f for f in json.loads(result.output)["results"][0]["findings"] if f["source"].startswith("000")
    )
    assert (older["verdict"], older["outdated"]) == ("conflict", False)


def test_undated_sources_are_never_outdated(example: Path) -> None:
    (example / "sources" / "sources.yaml").unlink()
    (example / "sources" / "000_c360edf874dc4a28.txt").write_text(
        "The development of the Kant base, which will have about 500 personnel, will follow.\n"
    )
    result = run("check", "--claim", "kant-personnel-2009", "--format", "json")
    assert result.exit_code == 1
    older = next(
        f for f in json.loads(result.output)["results"][0]["findings"] if f["source"].startswith("000")
    )
    assert (older["verdict"], older["outdated"]) == ("conflict", False)


def test_sources_command(example: Path) -> None:
    result = run("sources")
    assert result.exit_code == 0
    assert "002_ef94a33fe93d7047  RFE/RL" in result.output
    assert "no claim touches: 003_1875749b769323b4" in result.output
    data = json.loads(run("sources", "--format", "json").output)
    row = next(r for r in data["sources"] if r["id"] == "002_ef94a33fe93d7047")
    assert (row["outlet"], row["date"], row["date_guessed"]) == ("RFE/RL", "2009", False)
    assert "kant-personnel" in row["conflicts"] and "kant-personnel-2009" in row["agrees"]
    assert data["untouched"] == ["003_1875749b769323b4"]
    # It reads the articles as the check does (the engine: workers, the cache): alike each way.
    alone = run("sources", "--format", "json", "--no-cache", "-j", "1").output
    assert run("sources", "--format", "json", "-j", "2").output == alone == json.dumps(data, indent=2) + "\n"
    assert (example / ".claimcheck-cache").is_dir()


def test_the_check_hook_runs_on_every_input_and_reads_pages_and_pdfs() -> None:
    import re

    import yaml

    hooks = {
        hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    }
    check = hooks["claimcheck-check"]
    changed = [
        "claims.yaml", "pyproject.toml", "sources/a.txt", "sources/page.html", "sources/x/page.htm",
        "sources/report.pdf", "sources/sources.yaml", "notes/claims.yml",
    ]  # fmt: skip
    assert all(re.search(check["files"], path) for path in changed)
    assert not re.search(check["files"], "README.md")
    readers = " ".join(check["additional_dependencies"])
    assert "trafilatura" in readers and "pypdf" in readers
    ci = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert ci.count('pip install "claimcheck[html,pdf] @ git+') == 2


@pytest.mark.parametrize("written", ["002", "002_ef94a33fe93d7047.txt", "sources/002_ef94a33fe93d7047.txt"])
def test_an_accept_may_name_its_source_as_the_reports_show_it(example: Path, written: str) -> None:
    claims = example / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    old = "    aliases: [Kant, Kant base, Kant airbase, air base in Kant]\n"
    claims.write_text(text.replace(old, KANT_ACCEPT.replace("002_ef94a33fe93d7047", written), 1), "utf-8")
    assert run("validate").exit_code == 0
    result = run("check", "--claim", "kant-personnel")
    assert result.exit_code == 0 and "accepted kant-personnel" in result.output
    assert "no longer exists" not in result.output


def test_an_accept_naming_no_source_is_an_error_with_the_closest_id(example: Path) -> None:
    claims = example / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    old = "    aliases: [Kant, Kant base, Kant airbase, air base in Kant]\n"
    claims.write_text(text.replace(old, KANT_ACCEPT.replace("002_ef94a33fe93d7047", "0002"), 1), "utf-8")
    for command in ("validate", "check"):
        result = run(command)
        assert result.exit_code == 2, command
        assert (
            "accept names source '0002'" in result.output
            and "did you mean '002_ef94a33fe93d7047'?" in result.output
        )
