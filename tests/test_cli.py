"""The command line through click's CliRunner, on the shipped example."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

from conftest import snapshot


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_example_report_shows_the_kant_conflict(example: Path) -> None:
    result = run("check")
    assert result.exit_code == 1
    assert "CONFLICT kant-personnel: The Kant air base hosts about 500 Russian personnel." in result.output
    assert '"have about 500 personnel"' in result.output
    assert '"hosts some 400 personnel"' in result.output


def test_json_contract(example: Path) -> None:
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["version"] == 2
    assert report["claims_file"] == "claims.yaml"
    assert [s["id"] for s in report["sources"]] == sorted(p.stem for p in (example / "sources").glob("*.txt"))
    assert report["sources"][0]["path"] == "sources/000_c360edf874dc4a28.txt"
    source_ids = [s["id"] for s in report["sources"]]
    for result_ in report["results"]:
        assert {"id", "claim", "status", "findings", "unlisted_gaps"} <= set(result_)
        listed = [f["source"] for f in result_["findings"]]
        assert listed == [source for source in source_ids if source in listed]  # in source order
        assert len(listed) + result_["unlisted_gaps"] == len(source_ids)
        for finding in result_["findings"]:
            assert finding["verdict"] in ("agree", "conflict", "gap")
            keys = {
                "source",
                "verdict",
                "quote",
                "passage",
                "line",
                "value",
                "unit",
                "approx",
                "score",
                "reason",
            }
            assert keys <= set(finding)
    kant = next(r for r in report["results"] if r["id"] == "kant-personnel")
    conflict = next(f for f in kant["findings"] if f["verdict"] == "conflict")
    assert (conflict["source"], conflict["value"], conflict["unit"], conflict["approx"]) == (
        "002_ef94a33fe93d7047",
        400,
        "personnel",
        True,
    )
    assert conflict["quote"] == "hosts some 400 personnel" and conflict["line"] == 21
    summary = report["summary"]
    assert (
        summary["claims"] == len(report["results"]) == summary["agree"] + summary["conflict"] + summary["gap"]
    )


def test_claim_filter_and_exit_zero_without_conflict(example: Path) -> None:
    result = run("check", "--claim", "kant-bishkek-distance", "--format", "json")
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.output)["results"]] == ["kant-bishkek-distance"]


def test_unknown_claim_id_is_bad_input(example: Path) -> None:
    result = run("check", "--claim", "nope")
    assert result.exit_code == 2
    assert "claims.yaml: no claim with id 'nope'" in result.output


def test_malformed_claims_file_exits_2_with_file_and_line(example: Path) -> None:
    (example / "bad.yaml").write_text(
        "claims:\n  - id: kant\n    claim: Kant hosts 500 troops.\n    value: five hundred\n",
        encoding="utf-8",
    )
    result = run("check", "bad.yaml")
    assert result.exit_code == 2
    assert (
        result.output == "bad.yaml:4:12: claim 'kant': 'value' must be a number or a date "
        "(17.9, 2023-02-06, February 6, 2023), got 'five hundred'\n"
    )
    assert "Traceback" not in result.output


def test_missing_claims_file_and_sources_folder(example: Path) -> None:
    result = run("check", "missing.yaml")
    assert (result.exit_code, result.output) == (
        2,
        "missing.yaml: no such claims file; `claimcheck init` writes a starter one\n",
    )
    result = run("check", "--sources", "nowhere")
    assert result.exit_code == 2
    assert result.output.startswith("nowhere: sources folder does not exist")


def test_odd_sources_warn_and_the_run_goes_on(example: Path) -> None:
    (example / "sources" / "latin.txt").write_bytes("Kant h\xe9bergerait 300 soldats.".encode("cp1252"))
    (example / "sources" / "picture.txt").write_bytes(b"\x89PNG\x00\x00")
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    assert result.exit_code == 1
    assert "warning: sources/latin.txt: not UTF-8; read as" in result.stderr
    assert "warning: sources/picture.txt: skipped: it looks like a binary file" in result.stderr
    assert "latin" in [s["id"] for s in json.loads(result.stdout)["sources"]]


def test_output_file_and_the_cache_and_nothing_else_are_written(example: Path) -> None:
    before = snapshot(example)
    result = run("check", "--format", "markdown", "--output", "report.md")
    assert result.exit_code == 1 and result.output == ""
    assert (example / "report.md").read_text(encoding="utf-8").startswith("# claimcheck report")
    after = snapshot(example)
    assert (example / ".claimcheck-cache" / "cache.sqlite3").is_file()
    assert {
        k: v for k, v in after.items() if k != "report.md" and not k.startswith(".claimcheck-cache/")
    } == before


def test_no_cache_writes_only_the_report(example: Path) -> None:
    before = snapshot(example, cache=True)
    result = run("check", "--no-cache", "--output", "report.txt")
    assert result.exit_code == 1
    assert {k: v for k, v in snapshot(example, cache=True).items() if k != "report.txt"} == before


def test_output_never_overwrites_claims_or_sources(example: Path) -> None:
    before = snapshot(example)
    for target in ("claims.yaml", "sources/new.txt"):
        result = run("check", "--output", target)
        assert result.exit_code == 2
        assert "refusing to write the report" in result.output
    assert snapshot(example) == before


def test_sources_folder_is_relative_to_the_claims_file(example: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.chdir(elsewhere)
    result = run("check", "../claims.yaml", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output)["sources"][0]["path"] == "../sources/000_c360edf874dc4a28.txt"


def test_usage_errors_exit_2(example: Path) -> None:
    assert run("check", "--format", "yaml").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_help_lists_formats_and_exit_codes() -> None:
    result = run("check", "--help")
    assert result.exit_code == 0
    assert "[table|markdown|html|json|line|github|sarif|junit]" in result.output
    assert "Exit code 0" in result.output


def test_python_dash_m(example: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", "--claim", "kant-personnel"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert "kant-personnel" in completed.stdout


def test_a_reader_that_stops_early_is_no_error(example: Path) -> None:
    """`claimcheck check --format json | head`: the pipe closes mid-report; no traceback, no
    'internal error'. Copies of the articles make the report larger than a pipe's buffer."""
    for number, article in enumerate(sorted((example / "sources").glob("*.txt"))):
        for copy in range(20):
            (example / "sources" / f"copy{copy}_{number}.txt").write_text(article.read_text(encoding="utf-8"))
    completed = subprocess.run(
        f"'{sys.executable}' -m claimcheck check --format json | head -c 100",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.stdout.startswith('{\n  "version": 2,')
    assert completed.stderr == ""


def test_the_report_file_gets_the_permissions_of_a_new_file(example: Path) -> None:
    umask = os.umask(0o022)
    try:
        run("check", "--format", "json", "--output", "report.json")
    finally:
        os.umask(umask)
    assert (example / "report.json").stat().st_mode & 0o777 == 0o644


def test_the_command_s_process_keeps_the_collector_paused_and_freezes_what_it_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    import claimcheck.cli

    seen: list[str] = []

    def command() -> None:
        seen.append(f"collector {'on' if gc.isenabled() else 'off'}")
        raise SystemExit(1)

    monkeypatch.setattr(claimcheck.cli, "main", command)
    monkeypatch.setattr(gc, "freeze", lambda: seen.append("frozen"))
    enabled = gc.isenabled()
    try:
        with pytest.raises(SystemExit) as stopped:
            claimcheck.cli.run()
    finally:
        if enabled:
            gc.enable()
    assert stopped.value.code == 1  # the exit code passes through
    assert seen == ["collector off", "frozen"]


KANT_CLAIM = "claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n"


def project(folder: Path, monkeypatch: pytest.MonkeyPatch, article: str, name: str = "a.txt") -> None:
    """A claims file with the Kant claim and one article, the working folder."""
    (folder / "sources").mkdir()
    (folder / "sources" / name).write_text(article, encoding="utf-8")
    (folder / "claims.yaml").write_text(KANT_CLAIM, encoding="utf-8")
    monkeypatch.chdir(folder)


def test_the_collections_own_boilerplate_states_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A site's banner that states a figure of the claim's kind: the source is ambiguous until
    # sources.yaml lists it; then the banner is out, and the line numbers still point into the file.
    banner = "Kant air base hosts 900 personnel | Daily News\n\n"
    project(tmp_path, monkeypatch, banner + "The Kant air base hosts about 500 personnel.\n")
    before = run("check", "--no-cache", "--format", "json")
    (finding,) = json.loads(before.output)["results"][0]["findings"]
    assert finding["ambiguous"] and [f["line"] for f in finding["figures"]] == [3, 1]
    listed = "boilerplate:\n  - '.* \\| daily news'\n"
    (tmp_path / "sources" / "sources.yaml").write_text(listed, encoding="utf-8")
    result = run("check", "--no-cache", "--format", "json")
    assert result.exit_code == 0, result.output
    (finding,) = json.loads(result.output)["results"][0]["findings"]
    assert finding["verdict"] == "agree" and finding["line"] == 3 and not finding.get("ambiguous")
    (tmp_path / "sources" / "sources.yaml").write_text("boilerplate:\n  - '(unclosed'\n", encoding="utf-8")
    result = run("check", "--no-cache")
    assert result.exit_code == 2 and "sources/sources.yaml:2: boilerplate:" in result.output


def test_an_article_with_front_matter_from_a_site_generator_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = "---\ntitle: Kant grows\nauthor: A. Writer\ntags: [bases]\ndate: someday\n---\n"
    project(tmp_path, monkeypatch, front + "Kant hosts about 500 personnel.\n", name="a.md")
    result = run("check", "--no-cache", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["results"][0]["findings"][0]["verdict"] == "agree"
    assert "front matter: date 'someday'" in result.stderr
    assert any("date 'someday'" in str(warning) for warning in report["warnings"])
    assert "author" not in result.stderr  # named only with -v
    for command in (["check", "-v"], ["sources", "-v"]):
        listed = run(*command)
        assert "note: sources/a.md: front matter fields not used: author, tags" in listed.stderr, command


def test_compare_and_suggest_find_the_articles_and_tolerance_of_the_claims_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They used to look in ./sources and at a fixed 10%: the claims file's ``sources:`` and
    ``defaults: tolerance`` apply to them as to the check."""
    (tmp_path / "articles").mkdir()
    for name, figure in (("a", 500), ("b", 540)):
        text = f"The Kant air base hosts about {figure} personnel, officials said.\n"
        (tmp_path / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
    claims = "sources: articles\ndefaults:\n  tolerance: {}\n"
    claims += "claims:\n  - id: k\n    claim: Kant has 5 jets.\n"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.yaml").write_text(claims.format(0.05), encoding="utf-8")
    strict = run("compare", "--format", "json")
    assert strict.exit_code == 0, strict.output
    (fact,) = json.loads(strict.stdout)["facts"]
    assert fact["verdict"] == "disagree"  # 500 and 540 are 7.4% apart: beyond 5%
    (tmp_path / "claims.yaml").write_text(claims.format(0.10), encoding="utf-8")
    (fact,) = json.loads(run("compare", "--format", "json").stdout)["facts"]
    assert fact["verdict"] == "agree"
    drafted = run("suggest")
    assert drafted.exit_code == 0 and "sources: articles" in drafted.stdout


def test_init_writes_a_starter_and_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    missing = run("check")
    assert missing.exit_code == 2 and "`claimcheck init` writes a starter one" in missing.output
    assert run("init").exit_code == 0
    assert (tmp_path / "sources").is_dir()
    assert run("validate").exit_code == 0  # the starter is a valid claims file
    (tmp_path / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    result = run("init")
    assert result.exit_code == 0 and "already exists; left as it is" in result.output
    assert (tmp_path / "claims.yaml").read_text(encoding="utf-8") == "claims: []\n"
