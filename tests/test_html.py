"""The HTML report without a browser: self-contained, escaped, deterministic, and its
Content-Security-Policy allows exactly the page's own script and style.
(tests/test_html_browser.py opens it in Chromium.)"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from claimcheck.check import check
from claimcheck.claims import parse_claims
from claimcheck.formats import FORMATS, PLAIN
from claimcheck.formats.html import render
from claimcheck.model import Report, Source, SourceMeta

from test_formats import ci_report, example_report, hostile_report

HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


class Page(HTMLParser):
    """Every start tag with its attributes, the text, and the contents of script and style."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in self.raw else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in].append(data)
        else:
            self.text.append(data)

    def attributes(self, name: str) -> list[str]:
        return [attrs[name] or "" for _, attrs in self.tags if name in attrs]


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_html_is_registered() -> None:
    assert FORMATS["html"] is render


def test_the_page_loads_nothing_and_allows_only_its_own_script_and_style() -> None:
    page = Page(render(example_report(), PLAIN))
    assert [tag for tag, _ in page.tags if tag in ("link", "img", "iframe", "object", "embed")] == []
    assert page.attributes("src") == []
    assert all(href.startswith("#claim-") for href in page.attributes("href"))
    assert len(page.raw["script"]) == 1 and len(page.raw["style"]) == 1
    for code in (page.raw["script"][0], page.raw["style"][0]):
        assert "url(" not in code and "@import" not in code and "http" not in code
    (policy,) = [a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == _hash(page.raw["script"][0])
    assert directives["style-src"] == _hash(page.raw["style"][0])
    assert "unsafe-inline" not in policy


def test_the_matrix_has_a_row_per_claim_and_a_column_per_source_oldest_first() -> None:
    report = example_report()
    rendered = render(report, PLAIN)
    page = Page(rendered)
    assert len(re.findall(r"<tr data-status=", rendered)) == len(report.results) == 23
    names = [attrs["data-name"] for tag, attrs in page.tags if tag == "th" and "data-name" in attrs]
    assert names == ["000", "002", "003", "001", "004"]  # 2002-12, 2009, 2013-09-23, 2017-06, 2023-10-11
    statuses = re.findall(r'<tr data-status="(\w+)" data-fails="(\w+)"', rendered)
    assert statuses[:3] == [("conflict", "true")] * 3  # open conflicts first
    assert statuses[3] == ("conflict", "false")  # then the outdated one
    # the letter and the figure, with its unit
    assert ">C</b> ~400 personnel</a>" in rendered and ">O</b> ~500 personnel</a>" in rendered
    assert len(page.attributes("id")) == len(set(page.attributes("id")))


def test_evidence_marks_the_figure_and_shows_dates_accepts_and_outdated() -> None:
    rendered = render(ci_report(), PLAIN)
    assert "“hosts <mark>some 400 personnel</mark>”" in rendered
    assert "2009, RFE/RL · line 21" in rendered
    assert "conflict (accepted)</span>" in rendered
    assert "accepted: 2009 count of the base as it was; the claim is the 2003 plan" in rendered
    assert "outdated: the source is older than the claim's as_of (2009)" in rendered
    assert "No source backs this claim: this fails the run." in rendered
    assert '<td class="gap">gap, fails the run</td>' in rendered  # gyumri-troops, required
    assert "no longer exists (line" in rendered  # the stale accept
    assert "Newest: 2009, RFE/RL — hosts some 400 personnel (conflict)." in render(example_report(), PLAIN)


def test_claim_and_source_text_is_escaped() -> None:
    claims = parse_claims(
        "claims:\n  - id: kant\n    claim: 'The Kant air base hosts about 500 personnel <b onclick=x>.'\n"
    ).claims
    meta = SourceMeta(title=HOSTILE, outlet='"><script>alert(2)</script>', url="javascript:alert(3)",
                      date="2016-07-27", guessed=frozenset({"date"}))  # fmt: skip
    text = f"The air base in Kant hosts some 400 personnel, {HOSTILE}.\n"
    report = check(claims, [Source("evil<i>", "sources/evil<i>.txt", text, meta)])
    rendered = render(report, PLAIN)
    page = Page(rendered)
    assert rendered.count("<script") == 1  # the page's own
    injected = [t for t, attrs in page.tags if t in ("img", "i") or any(k.startswith("on") for k in attrs)]
    assert injected == []
    assert "javascript:" not in "".join(page.attributes("href"))
    text = "".join(page.text)
    assert HOSTILE in text and "<b onclick=x>" in text and "evil<i>" in text
    assert "2016-07-27 (date guessed)" in text


def test_the_output_is_deterministic_and_an_empty_report_renders() -> None:
    assert render(example_report(), PLAIN) == render(example_report(), PLAIN)
    empty = render(Report("claims.yaml", (), ()), PLAIN)
    assert "0 claims, 0 sources" in empty and "<tbody>\n\n</tbody>" in empty


def test_the_hostile_golden_has_no_markup_from_the_data() -> None:
    rendered = render(hostile_report(), PLAIN)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered and rendered.count("<script") == 1


def test_the_expanded_passage_marks_the_figure_as_the_quote_does() -> None:
    from claimcheck import check
    from claimcheck.claims import parse_claims
    from claimcheck.formats import FORMATS, PLAIN
    from claimcheck.model import Source

    claims = parse_claims(
        "claims:\n  - id: kant\n    claim: The Kant air base hosts about 500 personnel.\n"
    ).claims
    text = "As officials said on Monday, speaking of plans, the Kant air base hosts some 400 personnel."
    rendered = FORMATS["html"](check(claims, [Source("a", "a.txt", text)]), PLAIN)
    passage = rendered.split("<summary>passage</summary>", 1)[1].split("</details>", 1)[0]
    assert "<mark>some 400 personnel</mark>" in passage


def test_a_report_too_large_for_one_matrix_is_cut_into_pages_of_the_sources_that_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each page within PAGE_CELLS cells, every claim on exactly one page in display order,
    a page's columns exactly the sources that state something about its claims (oldest first);
    without the script every page shows; the sources that state nothing anywhere are named."""
    from claimcheck.formats import html

    text = "claims:\n" + "".join(
        f"  - id: c{n}\n    claim: Base {n} hosts about {100 + n} personnel.\n    subject: Base {n}\n"
        for n in range(12)
    )
    claims = parse_claims(text).claims
    sources = [
        Source(
            f"s{n}", f"s{n}.txt", f"Base {n} hosts about {100 + n} personnel. Base {n + 1} hosts 5 personnel."
        )
        for n in range(12)
    ] + [Source("quiet", "quiet.txt", "Nothing here about any base.")]
    report = check(claims, sources)
    monkeypatch.setattr(html, "PAGE_CELLS", 10)
    order = list(range(len(report.results)))
    order.sort(key=lambda i: (html._RANK[html.status_label(report.results[i])], i))
    paged = html.pages(report, order, html.sources_by_date(report.sources))
    assert len(paged) > 1
    assert [index for rows, _ in paged for index in rows] == order
    for rows, shown in paged:
        stating = {f.source_id for i in rows for f in report.results[i].stated}
        assert len(rows) * len(shown) <= 10 or len(rows) == 1
        assert [source.id for source in shown] == [
            s.id for s in html.sources_by_date(report.sources) if s.id in stating
        ]
    rendered = render(report, PLAIN)
    # The first page is the one shown; without the script (no .js class) every page shows.
    assert rendered.count('<table class="matrix current">') == 1
    assert rendered.count('<table class="matrix">') == len(paged) - 1
    assert f"<caption>Page 1 of {len(paged)}: claims 1–" in rendered
    assert (
        '<p id="unstated">1 source states nothing about any of these claims and has no column: quiet'
        in rendered
    )
    monkeypatch.setattr(html, "PAGE_CELLS", 5_000)
    whole = render(report, PLAIN)
    assert whole.count('<table class="matrix current">') == 1 and 'id="unstated"' not in whole
    assert whole.count('data-name="quiet"') == 1  # one page: every source has its column
