"""The HTML report in a real browser: headless Chromium driven by selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them) and
selenium (the ``test`` extra); without them every test here is skipped, saying why.
bench/chromium.py launches the browser, for these tests and for bench/html_load.py.
``pytest tests/test_html_browser.py --update-screenshot`` rewrites docs/report.png,
the README's picture; every run leaves its screenshot in build/.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from claimcheck import check, read_claims, read_sources
from claimcheck.formats import FORMATS, PLAIN
from claimcheck.model import Report

from conftest import ROOT
from test_formats import example_report


def _bench_module(name: str) -> ModuleType:
    # bench/ is a folder of scripts, not a package: loaded from its path, so bench/ stays off sys.path.
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The browser's flags and launch, and the interactions bench/html_load.py times, in one place.
chromium = _bench_module("chromium")
HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    try:
        driver = chromium.launch(tmp_path_factory.mktemp("chromium-profile"))
    except chromium.Missing as exc:
        pytest.skip(str(exc))
    yield driver
    driver.quit()


@pytest.fixture
def update_screenshot(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-screenshot"))


def _open(browser, report: Report, path: Path) -> bytes:
    rendered = FORMATS["html"](report, PLAIN).encode("utf-8")
    path.write_bytes(rendered)
    browser.get(path.as_uri())
    return rendered


def _visible_rows(browser) -> int:
    from selenium.webdriver.common.by import By

    return sum(row.is_displayed() for row in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr"))


def _row(browser, claim_id: str):
    from selenium.webdriver.common.by import By

    link = browser.find_element(By.XPATH, f'//*[@id="matrix"]//tbody//th/a[text()="{claim_id}"]')
    return link.find_element(By.XPATH, "ancestor::tr")


def test_the_example_report(browser, tmp_path: Path, update_screenshot: bool) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    report = example_report()
    data = json.loads(FORMATS["json"](report, PLAIN))
    _open(browser, report, tmp_path / "report.html")
    assert browser.find_element(By.ID, "hint").is_displayed()

    _row(browser, "kant-personnel").find_element(By.CSS_SELECTOR, "td.conflict a").click()
    (section,) = [s for s in browser.find_elements(By.CSS_SELECTOR, ".evidence") if s.is_displayed()]
    assert section.find_element(By.TAG_NAME, "h2").text == "CONFLICT kant-personnel"
    findings = section.find_elements(By.CSS_SELECTOR, ".finding")
    for quote, date in (("about 500 personnel", "2002-12"), ("some 400 personnel", "2009, RFE/RL")):
        (finding,) = [f for f in findings if quote in f.find_element(By.CLASS_NAME, "quote").text]
        assert finding.is_displayed() and date in finding.text
        assert finding.find_element(By.TAG_NAME, "mark").text == quote
    assert "some 400 personnel" in section.find_element(By.CSS_SELECTOR, ".finding.selected").text

    _row(browser, "base-201-troops").find_element(By.CSS_SELECTOR, "th a").click()
    (claim,) = [s for s in browser.find_elements(By.CSS_SELECTOR, ".evidence") if s.is_displayed()]
    assert claim.find_element(By.TAG_NAME, "h2").text == "CONFLICT base-201-troops"
    assert claim.find_elements(By.CSS_SELECTOR, ".selected") == []
    _row(browser, "kant-personnel").find_element(By.CSS_SELECTOR, "td.conflict a").click()

    (ROOT / "build").mkdir(exist_ok=True)
    browser.save_screenshot(str(ROOT / "build" / "html-report-example.png"))
    if update_screenshot:
        browser.save_screenshot(str(ROOT / "docs" / "report.png"))

    statuses = [result["status"] for result in data["results"]]
    status = Select(browser.find_element(By.ID, "filter-status"))
    for wanted in ("conflict", "gap", "agree"):
        status.select_by_value(wanted)
        assert _visible_rows(browser) == statuses.count(wanted), wanted
    assert statuses.count("conflict") == data["summary"]["conflict"] > 0
    status.select_by_value("fails")
    failing = {problem.split(":")[0] for problem in report.failures()}
    assert _visible_rows(browser) == len(failing) > 0

    status.select_by_value("all")
    browser.find_element(By.ID, "filter-text").send_keys("Kant")
    kant = [r for r in data["results"] if "kant" in (r["id"] + " " + r["claim"]).lower()]
    assert _visible_rows(browser) == len(kant) > 0
    assert browser.find_element(By.ID, "shown").text == f"{len(kant)} of {len(statuses)} claims"


def test_a_gap_cell_says_why(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, example_report(), tmp_path / "report.html")
    _row(browser, "kant-personnel").find_element(By.CSS_SELECTOR, "td.q").click()  # quiet: no link
    note = browser.find_element(By.ID, "cell-note")
    assert note.is_displayed() and note.text.startswith("003 says nothing about this claim: mentions Kant")


def test_50_claims_by_100_sources_is_small_and_its_clicks_and_filter_work(browser, tmp_path: Path) -> None:
    """Issue 8's done-when at 50 claims x 100 sources: under 2 MB, a click shows the evidence, the
    filter filters. It also asked that the report open and answer a click in under a second:
    bench/html_load.py measures that (bench/RESULTS.md), since a timed test fails whenever the
    shared machine is busy."""
    from selenium.webdriver.common.by import By

    corpus = tmp_path / "corpus"
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), str(corpus), "--articles", "100",
                "--claims", "50", "--seed", "0"]  # fmt: skip
    subprocess.run(generate, check=True, capture_output=True)
    claims = read_claims(corpus / "claims.yaml")
    report = check(claims.claims, read_sources(corpus / "sources").sources, claims_file="claims.yaml")
    assert (len(report.results), len(report.sources)) == (50, 100)
    statuses = {result.claim.id: result.status.value for result in report.results}
    conflicts = list(statuses.values()).count("conflict")
    assert conflicts > 0

    rendered = _open(browser, report, tmp_path / "report.html")
    assert len(rendered) < 2_000_000

    # The benchmark's own scripts, checked by what they do; the times they return are its business.
    # The first conflict link, as the clicks script finds it (the status column's cell has none).
    cell = browser.find_element(By.CSS_SELECTOR, "#matrix tbody td.conflict a").find_element(By.XPATH, "..")
    claim_id = cell.find_element(By.XPATH, "ancestor::tr/th/a").text.split("\n")[0]  # then the sentence
    browser.execute_script(chromium.CLICKS_MS_JS)
    (section,) = browser.find_elements(By.CSS_SELECTOR, ".evidence.shown")  # the second click's only
    assert section.is_displayed() and section.find_element(By.TAG_NAME, "h2").text == f"CONFLICT {claim_id}"
    assert statuses[claim_id] == "conflict" and "selected" in cell.get_attribute("class").split()
    (finding,) = section.find_elements(By.CSS_SELECTOR, ".finding.selected")
    assert finding.is_displayed() and finding.find_element(By.TAG_NAME, "mark").text

    browser.execute_script(chromium.FILTER_MS_JS)
    rows = browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
    shown = [row.get_attribute("data-status") for row in rows if row.is_displayed()]
    assert shown == ["conflict"] * conflicts
    assert browser.find_element(By.ID, "shown").text == f"{conflicts} of 50 claims"


def generated_report(tmp_path: Path, articles: int, claims: int) -> Report:
    corpus = tmp_path / "corpus"
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), str(corpus), "--articles", str(articles),
                "--claims", str(claims), "--seed", "0"]  # fmt: skip
    subprocess.run(generate, check=True, capture_output=True)
    listed = read_claims(corpus / "claims.yaml")
    return check(listed.claims, read_sources(corpus / "sources").sources, claims_file="claims.yaml")


def test_a_matrix_in_pages_shows_one_page_its_clicks_find_the_source_and_filters_cross_pages(
    browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report too large for one matrix (here 50 claims x 100 sources with pages of 300
    cells) is cut into pages whose columns are the sources that state something about their
    claims: one page shows at a time, a click on a cell finds that source's finding whatever
    its column, and a filter shows its claims from every page."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from claimcheck.formats import html

    monkeypatch.setattr(html, "PAGE_CELLS", 300)
    report = generated_report(tmp_path, 100, 50)
    _open(browser, report, tmp_path / "report.html")
    tables = browser.find_elements(By.CSS_SELECTOR, "#matrix table.matrix")
    assert len(tables) > 2
    assert [table.is_displayed() for table in tables] == [True] + [False] * (len(tables) - 1)
    assert not browser.find_element(By.ID, "order").is_displayed()  # rows cannot move between pages

    Select(browser.find_element(By.ID, "page")).select_by_value("2")
    assert [table.is_displayed() for table in tables].index(True) == 2
    links = tables[2].find_elements(By.CSS_SELECTOR, "tbody td.agree a, tbody td.conflict a")
    assert links, "page 3 states nothing"
    head = "return arguments[0].closest('table').tHead.rows[0].cells[arguments[0].cellIndex].dataset.name"
    name = browser.execute_script(head, links[-1].find_element(By.XPATH, ".."))
    links[-1].click()
    (finding,) = browser.find_elements(By.CSS_SELECTOR, ".evidence.shown .finding.selected")
    assert finding.is_displayed() and finding.find_element(By.CSS_SELECTOR, ".where b").text == name

    conflicts = sum(result.status.value == "conflict" for result in report.results)
    Select(browser.find_element(By.ID, "filter-status")).select_by_value("conflict")
    assert _visible_rows(browser) == conflicts > 0
    assert browser.find_element(By.ID, "shown").text == f"{conflicts} of 50 claims"
    Select(browser.find_element(By.ID, "filter-status")).select_by_value("all")
    assert _visible_rows(browser) == len(tables[2].find_elements(By.CSS_SELECTOR, "tbody tr"))


def test_no_script_from_a_source_or_a_claim_runs(browser, tmp_path: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "evil.txt").write_text(
        f"---\ntitle: '{HOSTILE[1]}'\noutlet: '{HOSTILE[0]}'\nurl: 'javascript:alert(1)'\ndate: 2009\n---\n"
        f"The Kant air base hosts some 400 personnel {HOSTILE[0]} and {HOSTILE[1]}.\n",
        encoding="utf-8",
    )
    claims_file = tmp_path / "claims.yaml"
    claims_file.write_text(
        "claims:\n  - id: kant\n"
        "    claim: 'The Kant air base hosts about 500 personnel. <img src=x onerror=alert(2)>'\n"
        "    subject: Kant air base\n    value: 500\n    unit: personnel\n    approx: true\n",
        encoding="utf-8",
    )
    report = check(read_claims(claims_file).claims, read_sources(sources).sources, claims_file="claims.yaml")
    assert report.results[0].findings[0].verdict.value == "conflict"
    _open(browser, report, tmp_path / "report.html")

    browser.find_element(By.CSS_SELECTOR, "#matrix td.conflict a").click()
    section = browser.find_element(By.CSS_SELECTOR, ".evidence.shown")
    section.find_element(By.TAG_NAME, "summary").click()
    shown = section.text
    assert HOSTILE[0] in shown and HOSTILE[1] in shown  # the passage, literally, and the outlet
    assert "<img src=x onerror=alert(2)>" in section.find_element(By.TAG_NAME, "blockquote").text
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018

    # Defence in depth: even markup that got into the page could not run, because the
    # Content-Security-Policy allows only the page's own script. The error event fires
    # (so the inline handler had its chance) and no alert opens.
    fired = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        'const probe = \'<img id=probe src="data:,x" onerror="alert(3)">\';'
        "document.body.insertAdjacentHTML('beforeend', probe);"
        "document.getElementById('probe').addEventListener('error', () => setTimeout(() => done(true), 100));"
    )
    assert fired is True, "the probe's error event did not fire, or an alert opened"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018


def test_clicking_a_claims_sentence_opens_it_as_its_id_does(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, example_report(), tmp_path / "report.html")
    _row(browser, "base-201-troops").find_element(By.CSS_SELECTOR, "th .claim-text").click()
    (claim,) = [s for s in browser.find_elements(By.CSS_SELECTOR, ".evidence") if s.is_displayed()]
    assert claim.find_element(By.TAG_NAME, "h2").text == "CONFLICT base-201-troops"
