"""``--format junit``: JUnit XML for GitLab and Jenkins test views — one test case per
claim, and at most one failure in it, listing every open conflict of the claim (and saying
when no source backs a claim that must be): failures never outnumber tests.

Only what the strictest common reader allows (Jenkins' xunit plugin validates against a
schema that has no ``file`` or ``line`` on a test case): the claim's place in the claims file
starts its output and every message instead."""

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
        case = ElementTree.SubElement(suite, "testcase", classname=report.claims_file, name=result.claim.id)
        where = f"{report.claims_file}:{result.claim.line}"
        notes = []
        errors = [notice for notice in by_claim.get(result.claim.id, []) if notice.level == "error"]
        if errors:
            failures += 1
            count = f"{len(errors)} source{'s' if len(errors) != 1 else ''}"
            summary = f"{where}: " + (
                errors[0].message
                if len(errors) == 1
                else f"fails with {count}: " + "; ".join(notice.message for notice in errors)
            )
            rules = sorted({notice.rule for notice in errors})
            failure = ElementTree.SubElement(case, "failure", message=summary, type=",".join(rules))
            failure.text = "\n".join(notice.message for notice in errors)
        for notice in by_claim.get(result.claim.id, []):
            if notice.level != "error":
                notes.append(f"{notice.level}: {notice.message}")
        out = ElementTree.SubElement(case, "system-out")
        out.text = "\n".join([f"{where}: {result.claim.text} -> {result.status.value}", *notes])
    if report.warnings:
        errors_out = ElementTree.SubElement(suite, "system-err")
        errors_out.text = "\n".join(f"warning: {warning}" for warning in report.warnings)
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    ElementTree.indent(suite)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(suite, encoding="unicode") + "\n"
