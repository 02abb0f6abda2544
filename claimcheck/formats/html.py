"""The HTML report: one self-contained file with the claim × source matrix and the evidence.

Claims are rows (conflicts first), sources columns (oldest first); a cell's colour and
letter give the verdict, its text the figure found. Clicking a cell or a claim shows
the evidence: the claim, every source's quote with the figure marked, its line and
the reason. Filters by status and a search over the claims narrow the rows.

Safe by construction: every piece of claim and source text goes through ``_e``
(``html.escape``) and lands in element text or a quoted attribute, never in the
script. The one script and the one style sheet are fixed files of this package; the
Content-Security-Policy allows exactly those two (by their hashes) and no load of
any kind, so an injected handler or ``<script>`` could not run even if one slipped
through, and the page makes no request when opened from disk or from a CI artifact.

A report larger than one matrix of ``PAGE_CELLS`` cells is cut into pages of claims, each
with the columns of the sources that state something about them (``pages``): at 1,000
sources × 1,000 claims a cell for every pair made a 101 MB page.

Without JavaScript the report still works: the cells that state something are links to the
claim's evidence, shown by CSS ``:target``, and every page of the matrix shows; the script
adds the filters and the page chooser, and marks the clicked source or says why it is a gap.
The output is deterministic (no time, no random ids), so it has a golden file. It is
the whole report whatever the verbosity: the filters do what -q does elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import html
from importlib import resources

from claimcheck.compare import describe
from claimcheck.formats.labels import (
    by_date,
    finding_label,
    independence,
    metas_of,
    newest,
    short_figure,
    short_ids,
    silent_note,
    sources_by_date,
    status_label,
    summary,
    when_and_who,
)
from claimcheck.formats.style import PLAIN, Style
from claimcheck.model import ClaimResult, Finding, Report, Source, SourceMeta, Verdict
from claimcheck.text import squeeze

# The letter each verdict shows beside its colour, so colour is never the only signal.
LETTERS = {"agree": "A", "CONFLICT": "C", "accepted": "C*", "outdated": "O", "gap": "·"}
LEGEND = (
    ("agree", "agree"),
    ("CONFLICT", "conflict"),
    ("accepted", "accepted conflict"),
    ("outdated", "outdated conflict (source older than the claim's as_of)"),
    ("gap", "the source mentions the subject but says nothing about the claim (blank: never mentions it)"),
)
# The order rows start in: what fails the run first, as in the markdown report.
_RANK = {"CONFLICT": 0, "accepted": 1, "outdated": 1, "agree": 2, "gap": 3}


def render(report: Report, style: Style = PLAIN) -> str:
    """The report as one HTML page that needs nothing but itself."""
    css, script = _asset("report.css"), _asset("report.js")
    policy = (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    columns = sources_by_date(report.sources)
    column = column_of(columns)
    by_id = {source.id: source for source in report.sources}
    metas = metas_of(report.sources)
    names = short_ids([source.id for source in report.sources])
    order = sorted(range(len(report.results)), key=lambda i: (_RANK[status_label(report.results[i])], i))
    paged = pages(report, order, columns) or [([], [])]
    failures = report.failures()
    verdict = f"the run fails ({len(failures)} problem{'s' if len(failures) != 1 else ''})"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>claimcheck report: {_e(report.claims_file)}</title>",
        f"<style>{css}</style>",
        # In the head, so that the class it sets hides the other pages of a large matrix before
        # the first layout (laying them all out took three of a 1,000 x 1,000 report's four
        # seconds of load); it waits for the page before it does anything else.
        f"<script>{script}</script>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>claimcheck report <small>{_e(report.claims_file)}</small></h1>",
        f'<p id="summary">{_e(summary(report))}; {verdict if failures else "the run passes"}.</p>',
        '<p class="legend">'
        + " ".join(f'<span class="{_css(label)}">{LETTERS[label]}</span> {text}' for label, text in LEGEND)
        + "</p>",
        _filters(len(report.results), paged),
        "</header>",
        "<main>",
        '<div id="matrix-pane">',
        _matrix(report, columns, names, paged),
        *(_unstated(report, columns, names) if len(paged) > 1 else ()),
        *_notes(report),
        _source_list(columns, names),
        "</div>",
        '<aside id="evidence" aria-live="polite">',
        '<p id="hint">Click a cell or a claim to see its evidence.</p>',
        '<p id="cell-note" hidden></p>',
        *(_evidence(report, report.results[i], i, names, by_id, metas, column) for i in order),
        "</aside>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _filters(count: int, paged: list[tuple[list[int], list[Source]]]) -> str:
    statuses = (
        ("all", "all claims"),
        ("conflict", "conflicts"),
        ("fails", "what fails the run"),
        ("agree", "agreements"),
        ("gap", "gaps"),
    )
    options = "".join(f'<option value="{value}">{text}</option>' for value, text in statuses)
    return (
        '<div id="filters" role="search">'
        f'<label>Show <select id="filter-status">{options}</select></label> '
        '<label>Search claims <input id="filter-text" type="search" placeholder="id or words"></label> '
        '<label>Order <select id="order"><option value="rank">conflicts first</option>'
        '<option value="file">as in the claims file</option></select></label> '
        f"{_pager(paged)}"
        f'<output id="shown">{count} of {count} claims</output>'
        "</div>"
    )


# A page of the matrix holds at most this many cells (claims × the sources they need): at
# 1,000 sources × 1,000 claims a cell for every pair made a 101 MB page no browser opens.
PAGE_CELLS = 5_000


def pages(report: Report, order: list[int], columns: list[Source]) -> list[tuple[list[int], list[Source]]]:
    """The matrix: one page with every source's column when it fits in ``PAGE_CELLS`` cells
    (an all-gap column tells a reader something too); else cut into pages of claims, in
    display order, each with the columns of the sources that state something about one of its
    claims (oldest first): a claim joins a page while the page stays within ``PAGE_CELLS``
    cells, and every page has a claim. A source that states nothing about a page's claims has
    no column there; the page's caption counts the sources it shows."""
    if len(order) * len(columns) <= PAGE_CELLS:
        return [(list(order), list(columns))] if order else []
    stating = [{finding.source_id for finding in report.results[i].stated} for i in order]
    cut: list[tuple[list[int], set[str]]] = []
    for index, needed in zip(order, stating, strict=True):
        if cut:
            rows, used = cut[-1]
            if (len(rows) + 1) * len(used | needed) <= PAGE_CELLS:
                rows.append(index)
                used |= needed
                continue
        cut.append(([index], set(needed)))
    return [(rows, [source for source in columns if source.id in used]) for rows, used in cut]


def _matrix(report: Report, columns: list[Source], names: dict[str, str],
            paged: list[tuple[list[int], list[Source]]]) -> str:  # fmt: skip
    at = column_of(columns)
    if len(paged) == 1:
        rows, shown = paged[0]
        return f'<div id="matrix">\n{_table(report, shown, names, rows, at, "", True)}\n</div>'
    tables: list[str] = []
    first = 1
    total = sum(len(rows) for rows, _ in paged)
    for number, (rows, shown) in enumerate(paged):
        caption = (
            f"Page {number + 1} of {len(paged)}: claims {first:,}–{first + len(rows) - 1:,} of "
            f"{total:,}; {len(shown):,} of {len(columns):,} sources state something about them"
        )
        tables.append(_table(report, shown, names, rows, at, caption, not tables))
        first += len(rows)
    return '<div id="matrix">\n' + "\n".join(tables) + "\n</div>"


def _pager(paged: list[tuple[list[int], list[Source]]]) -> str:
    """The page chooser of a matrix in pages (the script shows one page at a time; without
    it every page shows, one after the other)."""
    if len(paged) < 2:
        return ""
    options, first = [], 1
    for number, (rows, _) in enumerate(paged):
        options.append(f'<option value="{number}">{first:,}–{first + len(rows) - 1:,}</option>')
        first += len(rows)
    return f'<label>Claims <select id="page">{"".join(options)}</select></label> '


def column_of(columns: list[Source]) -> dict[str, int]:
    """Each source's place among all the report's sources, oldest first: its findings in
    the evidence carry it (``data-col``), whichever page shows its column."""
    return {source.id: number for number, source in enumerate(columns)}


def _table(report: Report, shown: list[Source], names: dict[str, str], rows: list[int],
           at: dict[str, int], caption: str, current: bool) -> str:  # fmt: skip
    """One page of the matrix; ``current``: the page shown first. The heads of a page of a
    large matrix (``caption``) leave the file and title and whether the date was guessed to
    the evidence and the list of sources: repeated on every page, they were a fifth of it."""
    head = ['<th scope="col">claim</th>', '<th scope="col">status</th>']
    for source in shown:
        meta = source.meta
        tip = " — ".join(part for part in (source.path, meta.title) if part)
        title = f' title="{_e(tip)}"' if not caption else ""
        date = _e(meta.date or "undated")
        if meta.date and meta.date_guessed and not caption:
            date += " <small>(date guessed)</small>"
        outlet = f"<br>{_e(meta.outlet)}" if meta.outlet else ""
        head.append(
            f'<th scope="col"{title} data-name="{_e(names[source.id])}" '
            f'data-col="{at[source.id]}"><b>{_e(names[source.id])}</b><br>{date}{outlet}</th>'
        )
    lines = []
    for index in rows:
        result = report.results[index]
        claim = result.claim
        status = status_label(result)
        judged = {finding.source_id: finding for finding in result.judged}
        quiet = set(result.quiet)
        fails = any(finding.open_conflict for finding in result.judged) or report.gap_fails(result)
        said = f"{status}, fails the run" if status == "gap" and fails else status
        cells = [
            f'<tr data-status="{result.status.value}" data-fails="{str(fails).lower()}" '
            f'data-rank="{_RANK[status]}" data-file="{index}">'
            f'<th scope="row"><a href="#claim-{index}">{_e(claim.id)}'
            f'<span class="claim-text">{_e(claim.text)}</span></a></th>'
            f'<td class="{_css(status)}">{said}</td>'
        ]
        for source in shown:
            finding = judged.get(source.id)
            # Most cells of a large report are gaps: an empty cell each, its end tag left out
            # as HTML allows, the reason kept once on the claim's evidence (``data-quiet``,
            # ``data-unmentioned``) and shown on a click.
            if finding is not None:
                cells.append(_cell(finding, index))
            else:
                cells.append('<td class="q">' if source.id in quiet else "<td>")
        lines.append("".join(cells) + "</tr>")
    shown_first = " current" if current else ""
    caption = f"<caption>{_e(caption)}</caption>" if caption else ""
    return (
        f'<table class="matrix{shown_first}">{caption}\n<thead><tr>' + "".join(head) + "</tr></thead>\n"
        "<tbody>\n" + "\n".join(lines) + "\n</tbody>\n</table>"
    )  # fmt: skip


def _cell(finding: Finding, index: int) -> str:
    if finding.verdict is Verdict.GAP:
        # A gap the check explains (another measure, a figure of another year): its reason.
        return f'<td class="gap" title="{_e(finding.reason)}"><a href="#claim-{index}">·</a></td>'
    label = finding_label(finding)
    figure = f" {_e(short_figure(finding.quantity, typographic=True))}" if finding.quantity else ""
    return f'<td class="{_css(label)}"><a href="#claim-{index}"><b>{LETTERS[label]}</b>{figure}</a></td>'


def _unstated(report: Report, columns: list[Source], names: dict[str, str]) -> list[str]:
    """The sources that state nothing about any claim: in a matrix in pages, no column
    anywhere; one line here."""
    stating = {finding.source_id for result in report.results for finding in result.stated}
    silent = [source for source in columns if source.id not in stating]
    if not silent:
        return []
    listed = ", ".join(_e(names[source.id]) for source in silent[:20])
    more = f" and {len(silent) - 20:,} more" if len(silent) > 20 else ""
    who = "source states" if len(silent) == 1 else "sources state"
    return [
        f'<p id="unstated">{len(silent):,} {who} nothing about any of these claims and '
        f"{'has no column' if len(silent) == 1 else 'have no column'}: {listed}{more} "
        "(every source is listed under Sources, below).</p>"
    ]


def _evidence(
    report: Report,
    result: ClaimResult,
    index: int,
    names: dict[str, str],
    by_id: dict[str, Source],
    metas: dict[str, SourceMeta],
    column: dict[str, int],
) -> str:
    """The claim's section; ``column`` is each source's column in the matrix. The lookups are
    made once for the report (per claim, they cost more than the rest of it at 10,000 sources)."""
    claim = result.claim
    status = status_label(result)
    about = [f"{_e(report.claims_file)}, line {claim.line}"] if claim.line else []
    if claim.quantity is not None:
        about.append(_e(describe(claim.quantity)))
    if claim.as_of:
        about.append(f"as of {_e(claim.as_of)}")
    if claim.required:
        about.append("required")
    parts = [
        f'<section class="evidence" id="claim-{index}" data-quiet="{_e(result.quiet_reason)}" '
        f'data-unmentioned="{_e(result.unmentioned_reason)}">',
        f'<h2><span class="{_css(status)}">{status}</span> {_e(claim.id)}</h2>',
        f"<blockquote>{_e(claim.text)}</blockquote>",
        f'<p class="about">{" · ".join(about)}</p>',
    ]
    if report.gap_fails(result):
        parts.append('<p class="fails">No source backs this claim: this fails the run.</p>')
    stated = by_date(result.stated, metas)
    if stated:
        parts.append('<ol class="findings">')
        parts += [_finding(f, by_id[f.source_id], names, column[f.source_id], claim.as_of) for f in stated]
        parts.append("</ol>")
    latest = newest(stated, metas)
    if result.status is Verdict.CONFLICT and latest is not None and len(stated) > 1:
        figure = f" — {_e(latest.quote)}" if latest.quote else ""
        who = _e(when_and_who(by_id[latest.source_id].meta))
        parts.append(f'<p class="newest">Newest: {who}{figure} ({latest.verdict.value}).</p>')
    copies = independence(result)
    if copies:
        parts.append(f'<p class="note">{_e(copies[0].upper() + copies[1:])}.</p>')
    silent = silent_note(result)
    if silent:
        parts.append(f'<p class="silent">{silent}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _finding(finding: Finding, source: Source, names: dict[str, str], column: int,
             as_of: str | None) -> str:  # fmt: skip
    label = finding_label(finding)
    verdict = finding.verdict.value
    if finding.accepted is not None:
        verdict += " (accepted)"
    elif finding.outdated:
        verdict += " (outdated)"
    where = [f"line {finding.line}"] if finding.line else []
    where += [f"p. {finding.page}"] if finding.page else []
    title = f' title="{_e(source.meta.title)}"' if source.meta.title else ""
    parts = [
        f'<li class="finding" data-col="{column}">',
        f'<p class="where"><span class="{_css(label)}">{verdict}</span> '
        f"<b{title}>{_e(names[source.id])}</b> {_e(when_and_who(source.meta))}"
        + (f" · {', '.join(where)}" if where else "")
        + "</p>",
    ]
    if finding.quote:
        figure = squeeze(finding.quantity.text) if finding.quantity else ""
        parts.append(f'<p class="quote">“{_marked(finding.quote, figure)}”</p>')
    parts.append(f'<p class="reason">{_e(finding.reason)}</p>')
    if finding.accepted is not None:
        parts.append(f'<p class="note">accepted: {_e(finding.accepted)}</p>')
    if finding.outdated:
        older = f"the source is older than the claim's as_of ({_e(as_of or '')})"
        parts.append(f'<p class="note">outdated: {older}</p>')
    for evidence in finding.figures:
        fits = "fits the claim" if evidence.compatible else "does not fit the claim"
        marked = _marked(evidence.quote, squeeze(evidence.quantity.text))
        parts.append(f'<p class="note">ambiguous: line {evidence.line} “{marked}” {fits}</p>')
    if finding.passage and finding.passage != finding.quote:
        figure = squeeze(finding.quantity.text) if finding.quantity else ""
        passage = _marked_in(finding.passage, finding.quote, figure)
        parts.append(f"<details><summary>passage</summary><p>{passage}</p></details>")
    url = source.meta.url
    if url and url.startswith(("https://", "http://")):
        parts.append(f'<p class="url"><a href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a></p>')
    parts.append("</li>")
    return "\n".join(parts)


def _marked(quote: str, figure: str) -> str:
    """The quote with its figure in <mark>: the figure ends the quote ('hosts <mark>some 400
    personnel</mark>'), so the last occurrence is the one; each piece is escaped on its own."""
    at = quote.rfind(figure) if figure else -1
    if at < 0:
        return _e(quote)
    end = at + len(figure)
    return f"{_e(quote[:at])}<mark>{_e(quote[at:end])}</mark>{_e(quote[end:])}"


def _marked_in(passage: str, quote: str, figure: str) -> str:
    """The passage with its figure in <mark> where the quote stands in it, as the quote shows it."""
    at = passage.find(quote) if quote else -1
    if at < 0:
        return _marked(passage, figure)
    end = at + len(quote)
    return f"{_e(passage[:at])}{_marked(quote, figure)}{_e(passage[end:])}"


def _notes(report: Report) -> list[str]:
    parts = []
    if report.stale:
        parts.append('<section id="stale"><h2>Stale accepts</h2><ul>')
        for stale in report.stale:
            parts.append(
                f"<li><b>{_e(stale.claim_id)}</b> accepts a conflict with <code>{_e(stale.accept.source)}"
                f"</code> that no longer exists (line {stale.accept.line} of {_e(report.claims_file)}): "
                "remove the accept.</li>"
            )
        parts.append("</ul></section>")
    if report.warnings:
        parts.append('<section id="warnings"><h2>Warnings</h2><ul>')
        parts += [f"<li>{_e(warning)}</li>" for warning in report.warnings]
        parts.append("</ul></section>")
    return parts


def _source_list(columns: list[Source], names: dict[str, str]) -> str:
    rows = []
    for source in columns:
        meta = source.meta
        url = meta.url or ""
        link = (
            f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a>'
            if url.startswith(("https://", "http://"))
            else _e(url)
        )
        rows.append(
            f"<tr><td><b>{_e(names[source.id])}</b></td><td>{_e(when_and_who(meta))}</td>"
            f"<td>{_e(meta.title or '')}</td><td><code>{_e(source.path)}</code></td><td>{link}</td></tr>"
        )
    return (
        f'<details id="sources"><summary>{len(columns)} source{"s" if len(columns) != 1 else ""}</summary>\n'
        "<table><thead><tr><th>id</th><th>date, outlet</th><th>title</th><th>file</th><th>url</th>"
        "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table></details>"
    )


def _css(label: str) -> str:
    """The class of a verdict label: 'CONFLICT' -> 'conflict'."""
    return label.lower()


def _e(text: str) -> str:
    """Claim and source text is data, never markup: safe in element text and in quoted attributes."""
    return html.escape(text, quote=True)


def _asset(name: str) -> str:
    return resources.files("claimcheck.formats").joinpath("assets", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    """A CSP source expression that allows exactly this inline script or style."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
