"""Golden files for every report format, made from the shipped example.

After a deliberate change of output: ``pytest tests/test_formats.py --update-golden``,
then review the diff of tests/golden/ before committing.
"""

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.check import check
from claimcheck.claims import parse_claims, read_claims
from claimcheck.cli import main
from claimcheck.formats import FORMATS, PLAIN, STREAMED, Style, notices, pieces
from claimcheck.formats import json as json_format
from claimcheck.formats.json import to_dict
from claimcheck.model import Claim, ClaimResult, Finding, Report, Source, SourceMeta, Verdict
from claimcheck.sources import read_sources

from conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
EXTENSIONS = {
    "table": "txt",
    "markdown": "md",
    "html": "html",
    "json": "json",
    "line": "line.txt",
    "github": "github.txt",
    "sarif": "sarif",
    "junit": "junit.xml",
}


def example_report() -> Report:
    claims = read_claims(ROOT / "claims.yaml")
    sources = read_sources(ROOT / "sources", display="sources")
    return check(claims.claims, sources.sources, claims_file="claims.yaml")


@pytest.mark.parametrize("version", [1, 2])
def test_json_is_valid_and_round_trips(version: int) -> None:
    style = Style(json_version=version)
    rendered = FORMATS["json"](example_report(), style)
    data = json.loads(rendered)
    assert data == to_dict(example_report(), version)
    assert data["version"] == version
    empty = Report("claims.yaml", (), ())
    assert json.loads(FORMATS["json"](empty, style))["results"] == []


def quiet_and_unjudged_sources() -> tuple[tuple[str, ...], Report]:
    """One claim over five sources: 'b' states it, 'c' mentions its subject and says
    nothing of it, the other three never mention the subject."""
    claim = Claim("kant", "Kant hosts 500", "Kant \u00e9")
    stated = Finding("kant", "b", Verdict.AGREE, "says 500", quote="500")
    ids = ('a "quoted"', "b", "c", "\u041a\u0430\u043d\u0442", "e\\")
    sources = tuple(Source(source_id, f"sources/{n}.txt", "") for n, source_id in enumerate(ids))
    result = ClaimResult(claim, (stated,), source_ids=ids, quiet=("c",), quiet_reason=QUIET)
    return ids, Report("claims.yaml", sources, (result,))


QUIET = "mentions Kant, no figure"


def test_json_v1_writes_a_finding_per_source_each_as_it_would_be_alone() -> None:
    ids, report = quiet_and_unjudged_sources()
    rendered = FORMATS["json"](report, Style(json_version=1))
    lines = [line.rstrip(",") for line in rendered.splitlines() if line.startswith('      {"source"')]
    alone = [f"      {json_format._dumps(json_format._finding(f))}" for f in report.results[0].findings]
    assert lines == alone  # byte for byte
    (written,) = json.loads(rendered)["results"]
    assert written["findings"] == to_dict(report, 1)["results"][0]["findings"]
    assert [f["source"] for f in written["findings"]] == list(ids)
    never_named = "no passage mentions Kant \u00e9 (no-mention)"
    assert [f["reason"] for f in written["findings"]][2:4] == [QUIET, never_named]
    assert "unlisted_gaps" not in written


def test_json_v2_lists_the_sources_judged_and_counts_the_rest() -> None:
    _, report = quiet_and_unjudged_sources()
    rendered = FORMATS["json"](report, PLAIN)
    (written,) = json.loads(rendered)["results"]
    assert json.loads(rendered)["version"] == 2
    assert [(f["source"], f["verdict"], f["reason"]) for f in written["findings"]] == [
        ("b", "agree", "says 500"),
        ("c", "gap", QUIET),
    ]
    assert written["unlisted_gaps"] == 3
    assert written["findings"] == to_dict(report)["results"][0]["findings"]
    lines = [line.rstrip(",") for line in rendered.splitlines() if line.startswith('      {"source"')]
    listed = [f for f in report.results[0].findings if f.source_id in ("b", "c")]
    assert lines == [f"      {json_format._dumps(json_format._finding(f))}" for f in listed]


@pytest.mark.parametrize("scenario", ["example", "ci"])
@pytest.mark.parametrize("name", list(FORMATS))
def test_golden(scenario: str, name: str, update_golden: bool) -> None:
    """tests/golden/<scenario>.<format>: the example, and the example with accepts and a required claim."""
    report = example_report() if scenario == "example" else ci_report()
    rendered = FORMATS[name](report, PLAIN)
    path = GOLDEN / f"{scenario}.{EXTENSIONS[name]}"
    if update_golden:
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"no golden file for --format {name}: run pytest --update-golden"
    assert rendered == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("scenario", ["example", "ci"])
def test_golden_json_version_1(scenario: str, update_golden: bool) -> None:
    """``--json-version 1``, kept for tools that read the old shape: byte for byte what
    version 1 wrote before version 2 (tests/golden/<scenario>.v1.json)."""
    report = example_report() if scenario == "example" else ci_report()
    rendered = FORMATS["json"](report, Style(json_version=1))
    path = GOLDEN / f"{scenario}.v1.json"
    if update_golden:
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(STREAMED))
def test_a_streamed_format_in_pieces_is_its_render(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI writes these a piece at a time (``formats.pieces``); the pieces join to the
    very bytes of ``render``, whatever the size of a piece."""
    report = ci_report()
    whole = FORMATS[name](report, PLAIN)
    monkeypatch.setattr(notices, "PIECE", 1)  # the ci report has 6 notices
    written = list(pieces(name, report, PLAIN))
    assert len(written) > 2 and "".join(written) == whole
    assert pieces("markdown", report, PLAIN) == [FORMATS["markdown"](report, PLAIN)]


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
    rendered = FORMATS["markdown"](hostile_report(), PLAIN)
    table_rows = [line for line in rendered.splitlines() if line.startswith("| `s`")]
    assert len(table_rows) == 1 and table_rows[0].count(" | ") == 5
    assert "<script>" not in rendered and "\\<script\\>" in rendered
    assert "[link](javascript" not in rendered and "\\[link\\]" in rendered


def ci_report() -> Report:
    """The example with what CI sees: an accepted conflict, a stale accept, a required gap."""
    text = (ROOT / "claims.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    aliases: [Kant, Kant base, Kant airbase, air base in Kant]\n",
        "    aliases: [Kant, Kant base, Kant airbase, air base in Kant]\n"
        "    accept:\n"
        "      - source: 002_ef94a33fe93d7047\n"
        "        reason: 2009 count of the base as it was; the claim is the 2003 plan\n"
        "      - source: 004_06371ef91ace98d5\n"
        "        reason: once said 600; no longer does\n",
        1,
    ).replace("    subject: 102nd base\n", "    subject: 102nd base\n    required: true\n", 1)
    claims = parse_claims(text, "claims.yaml")
    sources = read_sources(ROOT / "sources", display="sources")
    return check(claims.claims, sources.sources, claims_file="claims.yaml")


def test_ci_report_shows_accepted_stale_and_required() -> None:
    report = ci_report()
    kant = next(r for r in report.results if r.claim.id == "kant-personnel")
    assert kant.accepted and kant.findings[2].accepted.startswith("2009 count")
    assert [(s.claim_id, s.accept.source) for s in report.stale] == [
        ("kant-personnel", "004_06371ef91ace98d5")
    ]
    assert "gyumri-troops: no source backs it" in report.failures()
    for name in ("table", "markdown"):
        rendered = FORMATS[name](report, PLAIN)
        assert "2009 count of the base as it was" in rendered, name
        assert "004_06371ef91ace98d5" in rendered, name


def test_sarif_is_valid_sarif_2_1_0() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    for report in (example_report(), ci_report()):
        log = json.loads(FORMATS["sarif"](report, PLAIN))
        errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
        assert errors == [], [error.message for error in errors[:5]]
    results = json.loads(FORMATS["sarif"](ci_report(), PLAIN))["runs"][0]["results"]
    accepted = [r for r in results if r["ruleId"] == "accepted"]
    assert accepted[0]["suppressions"][0]["justification"].startswith("2009 count")


def test_junit_is_one_case_per_claim_and_a_failure_per_open_conflict() -> None:
    from xml.etree import ElementTree

    suite = ElementTree.fromstring(FORMATS["junit"](ci_report(), PLAIN))
    cases = suite.findall("testcase")
    assert len(cases) == 23
    failed = {case.get("name"): [f.get("type") for f in case.findall("failure")] for case in cases}
    assert failed["kant-personnel"] == []  # accepted
    assert failed["base-201-troops"] == ["conflict"]
    assert failed["gyumri-troops"] == ["unbacked"]
    assert suite.get("failures") == "3"


@pytest.mark.parametrize("scenario", ["example", "ci", "hostile"])
def test_junit_validates_against_the_schema_ci_servers_read(scenario: str) -> None:
    """tests/schemas/junit.xsd: what Jenkins' xunit plugin validates (no file or line on a
    test case, counts on the suite) and GitLab reads; failures never outnumber tests."""
    etree = pytest.importorskip("lxml.etree")
    schema = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "schemas" / "junit.xsd")))
    report = {"example": example_report, "ci": ci_report, "hostile": hostile_report}[scenario]()
    document = etree.fromstring(FORMATS["junit"](report, PLAIN).encode("utf-8"))
    assert schema.validate(document), schema.error_log
    assert int(document.get("failures")) <= int(document.get("tests")) == len(report.results)
    assert all(len(case.findall("failure")) <= 1 for case in document.iter("testcase"))
    wrong = etree.fromstring(
        b'<testsuite name="x" tests="1" failures="0" errors="0"><testcase name="c" line="3"/></testsuite>'
    )
    assert not schema.validate(wrong)  # the schema refuses what Jenkins refuses


def test_github_commands_cannot_be_forged() -> None:
    rendered = FORMATS["github"](hostile_report(), PLAIN)
    (line,) = rendered.splitlines()
    assert line.startswith("::error file=claims.yaml,line=0,col=0,title=claimcheck conflict%3A c::")
    assert "%0A::error::x" in line  # the newline in the quote cannot start a new command


def test_a_guessed_date_is_labelled_in_every_format() -> None:
    claims = parse_claims(
        "claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n"
    ).claims
    source = Source(
        "a",
        "sources/a.txt",
        "Last Updated: 07/27/2016\n\nThe air base in Kant hosts some 400 personnel.\n",
        SourceMeta(date="2016-07-27", guessed=frozenset({"date"})),
    )
    report = check(claims, [source])
    for name in FORMATS:
        rendered = FORMATS[name](report, PLAIN)
        assert "guessed" in rendered, name
    assert json.loads(FORMATS["json"](report, PLAIN))["sources"][0]["date_guessed"] is True


def test_no_finding_quotes_web_chrome() -> None:
    from claimcheck.passages import is_boilerplate

    text = (ROOT / "claims.yaml").read_text(encoding="utf-8") + (
        "  - id: bio\n    claim: Farangis Najibullah is a senior correspondent for RFE/RL.\n"
        "  - id: subscribe\n    claim: Readers can log in or register to participate in the discussion.\n"
    )
    claims = parse_claims(text, "claims.yaml").claims
    report = check(claims, read_sources(ROOT / "sources", display="sources").sources)
    for result in report.results:
        for finding in result.findings:
            assert not is_boilerplate(finding.passage), (result.claim.id, finding.passage)
    statuses = {r.claim.id: r.status.value for r in report.results}
    assert statuses["bio"] == "gap" and statuses["subscribe"] == "gap"


@pytest.mark.parametrize("name", ["markdown", "html", "github", "line", "table"])
def test_golden_hostile_text(name: str, update_golden: bool) -> None:
    """Source text with |, backticks, <script>, a javascript: link, ::error and newlines, as each
    format shows it (tests/golden/hostile.*): data, never markup or a workflow command."""
    rendered = FORMATS[name](hostile_report(), PLAIN)
    path = GOLDEN / f"hostile.{EXTENSIONS[name]}"
    if update_golden:
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_an_ambiguous_finding_and_copies_in_json_markdown_and_table() -> None:
    claims = parse_claims(
        "claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n"
    ).claims
    wire = "The Kant air base will host 900 personnel. Today the Kant air base hosts about 500 personnel."
    sources = [Source("a", "a.txt", wire), Source("b", "b.txt", "Daily News\n\n" + wire)]
    report = check(claims, sources)
    (result,) = to_dict(report)["results"]
    # Rule ambiguous-fit: of the two figures the source gives as nearly, the one that fits agrees.
    assert result["independent"] == {"agree": 1, "conflict": 0}
    assert result["copies"] == [["a", "b"]]
    finding = result["findings"][0]
    assert finding["ambiguous"] is True
    assert [(f["value"], f["compatible"]) for f in finding["figures"]] == [(500, True), (900, False)]
    neither = [Source(s.id, s.path, s.text.replace("about 500", "about 700")) for s in sources]
    assert "contradicted by 2 sources, 1 independent: a and b carry the same text" in FORMATS["table"](
        check(claims, neither), PLAIN
    )
    markdown = FORMATS["markdown"](report, PLAIN)
    assert "- ambiguous: the source gives different figures for this" in markdown
    assert '"hosts about 500 personnel" (line 1): fits the claim' in markdown, markdown


def test_an_ambiguous_finding_and_copies_in_html() -> None:
    claims = parse_claims("claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n")
    claims = claims.claims
    wire = "The Kant air base will host 900 personnel. Today the Kant air base hosts about 500 personnel."
    report = check(claims, [Source("a", "a.txt", wire), Source("b", "b.txt", "Daily News\n\n" + wire)])
    page = FORMATS["html"](report, PLAIN)
    assert "Agreed by 2 sources, 1 independent: a and b carry the same text." in page
    assert "ambiguous: line 1 “hosts <mark>about 500 personnel</mark>” fits the claim" in page
    assert "ambiguous: line 1 “host <mark>900 personnel</mark>” does not fit the claim" in page


@pytest.mark.parametrize("silent", [1, 2])
def test_every_message_template_reads_right_in_the_singular_and_plural(silent: int) -> None:
    # A claim that conflicts with one source and that `silent` others say nothing about,
    # in a unit claimcheck does not know: every report's wording, and the reasons' templates.
    claims = parse_claims(
        "claims:\n  - id: c\n    claim: The port had 12 tugboats.\n    subject: port\n"
        "    value: 12\n    unit: tugboats\n"
    ).claims
    sources = [Source("a", "a.txt", "The port had 30 tugboats.")] + [
        Source(f"q{n}", f"q{n}.txt", "The port is busy.") for n in range(silent)
    ]
    report = check(claims, sources)
    markdown = FORMATS["markdown"](report, PLAIN)
    html = FORMATS["html"](report, PLAIN)
    said = "1 other source says" if silent == 1 else f"{silent} other sources say"
    assert f"{said} nothing about it" in markdown and f"{said} nothing about it" in html
    reasons = [finding.reason for finding in report.results[0].findings]
    assert reasons[1] == "mentions port but gives no figure for how many there are (no-figure)"
    # a figure of no known measure: "no figure in km", never "no figure for a figure in km"
    bare = parse_claims("claims:\n  - id: b\n    claim: The pier is 12 km.\n").claims
    (finding,) = check(bare, [Source("p", "p.txt", "The pier is old. The pier is busy.")]).results[0].findings
    assert finding.reason == "mentions pier but gives no figure in km (no-figure)"


@pytest.mark.parametrize(
    ("quiet", "said"), [(1, "The one source says"), (3, "None of the 3 sources says anything")]
)
def test_a_claim_no_source_states_never_speaks_of_other_sources(quiet: int, said: str) -> None:
    """The HTML evidence counts the sources with a gap; with none stating anything there is
    no 'other' source to speak of."""
    claims = parse_claims(
        "claims:\n  - id: c\n    claim: The port had 12 tugboats.\n    subject: port\n"
    ).claims
    report = check(claims, [Source(f"q{n}", f"q{n}.txt", "The port is busy.") for n in range(quiet)])
    html = FORMATS["html"](report, PLAIN)
    assert f'<p class="silent">{said}' in html and "other source" not in html


def test_junit_has_at_most_one_failure_per_claim_listing_its_sources() -> None:
    from xml.etree import ElementTree

    claims = parse_claims(
        "claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n"
    ).claims
    sources = [Source(name, f"{name}.txt", f"The Kant air base hosts {n} personnel.") for name, n in
               (("a", 900), ("b", 950), ("c", 500))]  # fmt: skip
    suite = ElementTree.fromstring(FORMATS["junit"](check(claims, sources), PLAIN))
    (case,) = suite.findall("testcase")
    (failure,) = case.findall("failure")
    assert failure.get("message", "").startswith("claims.yaml:2: fails with 2 sources: ")
    assert "a line" in failure.get("message", "") and "b line" in failure.get("message", "")
    assert int(suite.get("failures", "0")) <= int(suite.get("tests", "0"))


def test_github_has_one_annotation_per_failing_claim_and_says_when_some_are_not_shown() -> None:
    claims = parse_claims(
        "claims:\n"
        + "".join(
            f"  - id: c{n}\n    claim: The base number {n} hosts about 500 personnel.\n" for n in range(12)
        )
    ).claims
    sources = [
        Source(
            name, f"{name}.txt", " ".join(f"The base number {n} hosts {count} personnel." for n in range(12))
        )
        for name, count in (("a", 900), ("b", 950))
    ]
    lines = FORMATS["github"](check(claims, sources), PLAIN).splitlines()
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == 12 and all("2 sources: " in line for line in errors)
    assert lines[-1].startswith("::warning title=claimcheck::2 more failing claims than GitHub shows")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_a_source_that_could_not_be_read_shows_in_every_format(name: str) -> None:
    claims = parse_claims(
        "claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n"
    ).claims
    warning = "sources/page.html: skipped: no article text found in the page"
    report = check(claims, [Source("a", "a.txt", "Kant hosts about 500 personnel.")], warnings=[warning])
    rendered = FORMATS[name](report, PLAIN)
    assert "sources/page.html" in rendered and "no article text found" in rendered, name


REPORT_SCHEMA = json.loads((resources.files("claimcheck") / "report.schema.json").read_text(encoding="utf-8"))


def schema_errors(data: object) -> list[str]:
    validator = jsonschema.Draft7Validator(REPORT_SCHEMA)
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)]


@pytest.mark.parametrize("version", [1, 2])
def test_the_shipped_report_schema_holds_for_real_output(version: int) -> None:
    """The schema that ships with the package (claimcheck/report.schema.json) against
    real reports: the example, the CI scenario (accepted, stale, required), an ambiguous
    finding with copies, and a real-article story of tests/realworld run through the CLI."""
    jsonschema.Draft7Validator.check_schema(REPORT_SCHEMA)
    style = Style(json_version=version)
    kant = "claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n"
    text = "The Kant air base hosts about 500 personnel. Later it will host 900 personnel."
    ambiguous = check(parse_claims(kant).claims, [Source("a", "a.txt", text)])
    for report in (example_report(), ci_report(), ambiguous):
        assert schema_errors(json.loads(FORMATS["json"](report, style))) == []
    story = ROOT / "tests" / "realworld" / "dev" / "morocco-quake"
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(story / "claims.yaml"),
            "--format",
            "json",
            "--no-cache",
            "--json-version",
            f"{version}",
        ],
    )
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert data["version"] == version and len(data["results"]) > 10
    assert schema_errors(data) == []


def test_the_report_schema_tells_the_versions_apart() -> None:
    """A version 2 result without its count, or a version 1 result with one, is refused:
    the schema checks the shape, not only the field names."""
    data = json.loads(FORMATS["json"](example_report(), PLAIN))
    del data["results"][0]["unlisted_gaps"]
    assert any("unlisted_gaps" in error for error in schema_errors(data))
    data["version"] = 1
    data["results"][1]["unlisted_gaps"] = 0
    assert schema_errors(data)
    data = json.loads(FORMATS["json"](example_report(), PLAIN))
    data["results"][0]["findings"][0]["verdict"] = "disagree"
    assert schema_errors(data)
