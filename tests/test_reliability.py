"""The catalogue of bad input in docs/reliability.md: each row's test is here, by name.

Every case runs the real command line (CliRunner) and checks what the user sees and the
exit code; none may end in a traceback.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

from conftest import ROOT, snapshot

GOOD_CLAIM = "claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(
        "The air base in Kant hosts some 400 personnel.\n", encoding="utf-8"
    )
    (tmp_path / "claims.yaml").write_text(GOOD_CLAIM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def claims(work: Path, text: str | bytes, *args: str):
    path = work / "claims.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return run("check", *args)


# --- the claims file -------------------------------------------------------------------


def test_empty_claims_file(work: Path) -> None:
    result = claims(work, "")
    assert (result.exit_code, result.output) == (
        2,
        "claims.yaml:1:1: the claims file is empty; it needs a 'claims:' list\n",
    )


@pytest.mark.parametrize("text", ["- a\n- b\n", "just a string\n"])
def test_claims_file_that_is_a_list_or_a_string(work: Path, text: str) -> None:
    result = claims(work, text)
    assert result.exit_code == 2
    assert result.output == "claims.yaml:1:1: the claims file must be a mapping with a 'claims:' list\n"


def test_yaml_syntax_error(work: Path) -> None:
    result = claims(work, "claims:\n  - id: a\n    claim: [unclosed\n")
    assert result.exit_code == 2 and result.output.startswith("claims.yaml:4:1: invalid YAML:")


def test_yaml_alias_bomb(work: Path) -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        bomb += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    result = claims(work, bomb + "claims: *i\n")
    assert result.exit_code == 2
    assert "YAML aliases (*name) are not allowed in a claims file" in result.output


def test_very_deep_nesting(work: Path) -> None:
    result = claims(work, "claims: " + "[" * 20000 + "]" * 20000 + "\n")
    assert result.exit_code == 2
    assert result.output.startswith("claims.yaml:1:59: nested more than 50 levels deep")


def test_tabs(work: Path) -> None:
    result = claims(work, "claims:\n\t- id: a\n\t  claim: A.\n")
    assert result.exit_code == 2
    assert "(indent with spaces, not tabs)" in result.output


def test_duplicate_keys_in_one_claim(work: Path) -> None:
    result = claims(work, GOOD_CLAIM + "    claim: Again.\n")
    assert (result.exit_code, result.output) == (2, "claims.yaml:4:5: claim 'kant': duplicate key 'claim'\n")


def test_ids_differing_only_in_case(work: Path) -> None:
    result = claims(work, GOOD_CLAIM + "  - id: KANT\n    claim: Again.\n")
    assert result.exit_code == 2
    assert "claim 'KANT': 'id' must be a lowercase slug" in result.output


def test_ten_thousand_claims(work: Path) -> None:
    text = "claims:\n" + "".join(
        f"  - id: c{n}\n    claim: The Kant air base hosts about {n} personnel.\n" for n in range(10000)
    )
    result = claims(work, text, "--format", "json", "--output", "report.json")
    assert result.exit_code == 1
    assert (work / "report.json").stat().st_size > 0


def test_a_claim_of_100_kb(work: Path) -> None:
    result = claims(work, "claims:\n  - id: big\n    claim: " + "Kant hosts troops. " * 5300 + "\n")
    assert result.exit_code == 2
    assert "'claim' is 100,699 characters; a claim is one sentence (at most 2,000)" in result.output


def test_non_finite_numbers_in_claims(work: Path) -> None:
    result = claims(work, GOOD_CLAIM + "    value: 1.0e+309\n")
    assert result.exit_code == 2 and "'value' must be a finite number, got inf" in result.output
    result = claims(work, GOOD_CLAIM + "    value: 1e309\n")  # YAML 1.1 reads this as a string
    wanted = "'value' must be a number or a date (17.9, 2023-02-06, February 6, 2023), got '1e309'"
    assert result.exit_code == 2 and wanted in result.output


def test_non_utf8_claims_file(work: Path) -> None:
    result = claims(work, GOOD_CLAIM.replace("Kant", "K\xe4nt").encode("latin-1"))
    assert result.exit_code == 2
    assert result.output.startswith("claims.yaml: cannot read the claims file:")


@pytest.mark.parametrize("encoding", ["utf-8-sig"])
def test_bom_prefixed_claims_file(work: Path, encoding: str) -> None:
    assert claims(work, GOOD_CLAIM.encode(encoding)).exit_code == 1


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends(work: Path, newline: str) -> None:
    result = claims(work, GOOD_CLAIM.replace("\n", newline))
    assert result.exit_code == 1
    (work / "sources" / "a.txt").write_bytes(b"Title\r\rThe air base in Kant hosts\rsome 400 personnel.\r")
    result = run("check", "--format", "line")
    assert result.exit_code == 1 and "a line 4" in result.output  # the line of the quote


def test_oversized_claims_file(work: Path) -> None:
    result = run("check", "--max-bytes", "50")
    assert result.exit_code == 2 and "is over the 50-byte limit (--max-bytes)" in result.output


# --- the sources ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_and_whitespace_only_sources(work: Path, text: str) -> None:
    (work / "sources" / "b.txt").write_text(text, encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert "warning: sources/b.txt: skipped: it is empty" in result.output


def test_a_large_source_on_one_line(work: Path) -> None:
    sentence = "The air base in Kant hosts some 400 personnel and other things happen, "
    (work / "sources" / "big.txt").write_text(sentence * 14000, encoding="utf-8")  # 1 MB, one line
    result = run("check", "--format", "json", "--output", "r.json")
    assert result.exit_code == 1


def test_a_source_over_max_bytes_is_skipped_unread(work: Path) -> None:
    (work / "sources" / "big.txt").write_text("x" * 1000, encoding="utf-8")
    result = run("check", "--max-bytes", "500")
    assert (
        "warning: sources/big.txt: skipped: 1,000 bytes is over the 500-byte limit (--max-bytes)"
        in result.output
    )


def test_binary_file_with_a_txt_name(work: Path) -> None:
    (work / "sources" / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    result = run("check")
    assert "warning: sources/photo.txt: skipped: it looks like a binary file, not text" in result.output


def test_non_utf8_source(work: Path) -> None:
    (work / "sources" / "b.txt").write_bytes("Kant h\xe9berge 300 soldats.".encode("cp1252"))
    result = run("check")
    assert "warning: sources/b.txt: not UTF-8; read as" in result.output


def test_unreadable_file(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    import claimcheck.sources

    def refuse(path: str, *args: object, **kwargs: object) -> object:
        if Path(path).name == "secret.txt":  # a file this user may not read (tests may run as root)
            raise PermissionError(13, "Permission denied")
        return builtins.open(path, *args, **kwargs)  # type: ignore[call-overload]

    (work / "sources" / "secret.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(claimcheck.sources, "open", refuse, raising=False)
    result = run("check")
    assert "warning: sources/secret.txt: skipped: cannot read it (Permission denied)" in result.output


def test_a_pipe_named_like_an_article(work: Path) -> None:
    os.mkfifo(work / "sources" / "pipe.txt")
    result = run("check")
    assert "warning: sources/pipe.txt: skipped: not a regular file" in result.output


def test_a_link_to_nothing_named_like_an_article(work: Path) -> None:
    (work / "sources" / "gone.txt").symlink_to(work / "sources" / "missing.txt")
    result = run("check")
    assert "warning: sources/gone.txt: skipped: not a regular file" in result.output


def test_symlink_loops_and_links_out_of_the_folder(work: Path) -> None:
    (work / "outside").mkdir()
    (work / "outside" / "o.txt").write_text("The air base in Kant hosts some 900 personnel.\n")
    (work / "sources" / "sub").mkdir()
    os.symlink("../outside", work / "sources" / "out")
    os.symlink("..", work / "sources" / "sub" / "loop")
    result = run("check", "--format", "json")
    assert "warning: sources/out: skipped: a symbolic link out of the sources folder" in result.output
    assert "warning: sources/sub/loop: skipped: a symbolic link that loops back" in result.output
    followed = run("check", "--format", "json", "--follow-symlinks")
    assert '"id": "out/o"' in followed.output


def test_odd_file_names(work: Path) -> None:
    for name in ("with space.txt", "ünïcödé.txt", "-dash.txt"):
        (work / "sources" / name).write_text(
            "The air base in Kant hosts some 400 personnel.\n", encoding="utf-8"
        )
    result = run("check", "--format", "json")
    for source_id in ("with space", "ünïcödé", "-dash"):
        assert f'"id": "{source_id}"' in result.output
    shutil.copy(work / "claims.yaml", work / "-claims.yaml")
    assert run("check", "--", "-claims.yaml").exit_code == 1


def test_empty_sources_folder(work: Path) -> None:
    (work / "sources" / "a.txt").unlink()
    result = run("check")
    assert result.exit_code == 0
    assert (
        "warning: sources: no articles (.txt, .md, .html, .pdf) found; every claim is a gap" in result.output
    )


def test_missing_sources_folder(work: Path) -> None:
    result = run("check", "--sources", "nowhere")
    assert result.exit_code == 2 and result.output.startswith("nowhere: sources folder does not exist")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 1e309 personnel", []),  # not a figure: scientific notation is not read
        ("some \u0663\u0665\u0660\u0660 personnel", [3500]),  # Arabic-Indic digits
        ("some 7 500 personnel", [7500]),  # a space groups the thousands of a count
        ("some 7\u2009500 personnel", [7500]),  # a thin space too
        ("some 7.500 personnel", [7500]),  # European thousands: nobody counts 7.5 soldiers
        ("a runway 2.400 km long", [2.4]),  # a length keeps its decimals
        ("-5 personnel", []),  # a minus is not read as a figure of anything
        ("\u00bd of the personnel", []),  # nor a vulgar fraction
    ],
)
def test_odd_numbers(text: str, expected: list[float]) -> None:
    from claimcheck.quantities import extract_quantities

    assert [q.value for q in extract_quantities(text) if q.unit] == expected


# --- the promises ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--format", "sarif", "--output", "out/r.sarif"],
        ["validate"],
        ["sources"],
        ["compare"],
        ["suggest", "--output", "out/draft.yaml"],
        ["schema"],
    ],
)
def test_no_command_modifies_claims_or_sources(work: Path, args: list[str]) -> None:
    (work / "out").mkdir()
    before = {k: v for k, v in snapshot(work).items() if not k.startswith("out")}
    run(*args)
    after = {k: v for k, v in snapshot(work).items() if not k.startswith("out")}
    assert after == before


def test_reports_are_byte_identical_across_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for name in ("table", "markdown", "html", "json", "line", "github", "sarif", "junit"):
        first = run("check", "--format", name, "--no-color").output
        assert run("check", "--format", name, "--no-color").output == first, name


def test_an_interrupted_write_leaves_no_half_report(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (work / "report.md").write_text("the previous report\n")

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    result = run("check", "--format", "markdown", "--output", "report.md")
    assert result.exit_code == 2 and "cannot write the report: No space left on device" in result.output
    assert (work / "report.md").read_text() == "the previous report\n"
    assert [p.name for p in work.iterdir() if p.name.startswith(".report.md")] == []


# --- exit codes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "case", "code"),
    [
        (["check", "--claim", "kant-bishkek-distance"], "good", 0),
        (["check"], "findings", 1),
        (["check", "missing.yaml"], "bad", 2),
        (["check"], "internal", 3),
        (["validate"], "good", 0),
        (["validate", "missing.yaml"], "bad", 2),
        (["validate"], "internal", 3),
        (["sources"], "good", 0),
        (["sources", "--sources", "nowhere"], "bad", 2),
        (["sources"], "internal", 3),
        (["compare"], "good", 0),
        (["compare", "--sources", "nowhere"], "bad", 2),
        (["compare"], "internal", 3),
        (["suggest"], "good", 0),
        (["suggest", "--sources", "nowhere"], "bad", 2),
        (["suggest"], "internal", 3),
        (["schema"], "good", 0),
        (["check", "--format", "nope"], "usage", 2),
    ],
)
def test_exit_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], case: str, code: int
) -> None:
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    if case == "internal":
        import claimcheck.cli

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("simulated")

        for name in ("read_config",):
            monkeypatch.setattr(claimcheck.cli, name, broken)
    result = CliRunner().invoke(main, command)
    assert result.exit_code == code, result.output
    if case == "internal":
        assert "internal error: RuntimeError: simulated" in result.output
        assert "--debug" in result.output
