"""``--format junit``: JUnit XML for GitLab and Jenkins test views — one test case per
claim, a failure per open conflict (and per unbacked claim that fails the run)."""

from __future__ import annotations

from xml.etree import ElementTree

from claimcheck.formats.notices import notices
from claimcheck.formats.style import PLAIN, Style
from claimcheck.model import Report


def render(report: Report, style: Style = PLAIN) -> str:
    """The report as one JUnit test suite."""
    by_claim: dict[str, list] = {}
    for notice in notices(report):
        by_claim.setdefault(notice.claim_id, []).append(notice)
    suite = ElementTree.Element("testsuite", name="claimcheck", tests=str(len(report.results)))
    failures = 0
    for result in report.results:
        case = ElementTree.SubElement(
            suite,
            "testcase",
            classname=report.claims_file,
            name=result.claim.id,
            file=report.claims_file,
            line=str(result.claim.line),
        )
        notes = []
        for notice in by_claim.get(result.claim.id, []):
            if notice.level == "error":
                failures += 1
                failure = ElementTree.SubElement(case, "failure", message=notice.message, type=notice.rule)
                failure.text = notice.message
            else:
                notes.append(f"{notice.level}: {notice.message}")
        out = ElementTree.SubElement(case, "system-out")
        out.text = "\n".join([f"{result.claim.text} -> {result.status.value}", *notes])
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    ElementTree.indent(suite)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(suite, encoding="unicode") + "\n"
