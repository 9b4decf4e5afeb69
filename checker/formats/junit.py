"""JUnit XML: a test suite per regulation, a test case per rule that ran.

A test case fails when its rule has findings that count against the gate, and the failure lists
them (record, file and row, subject, message, penalty); findings that do not count (waived, known
to the baseline, below --fail-on, an ignored rule) are listed in the case's system-out. Rules not
run are not test cases: the report lists them with the reason.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from checker.i18n import SEVERITY_LABELS, Lang, label
from checker.report import Report, RuleOut, ViolationOut
from checker.rules import severity_rank
from checker.table import penalty_text, waiver_text

# Characters XML 1.0 cannot carry at all (a spreadsheet's stray control characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _line(v: ViolationOut, lang: Lang) -> str:
    subject = " ".join(x for x in (v.subject.id, v.subject.name) if x)
    parts = [
        f"{v.record.key} ({v.record.source})",
        subject,
        v.message,
        f"{label('penalty', lang)}: {penalty_text(v.penalty, lang)}",
    ]
    status = [waiver_text(v, lang)]
    if v.baseline:
        status.append(f"{label('baseline', lang)}: {label(v.baseline, lang)}")
    return " | ".join(p for p in parts + status if p)


def _case(rule: RuleOut, findings: list[ViolationOut], lang: Lang) -> ET.Element:
    case = ET.Element(
        "testcase",
        classname=rule.regulation_id,
        name=f"{rule.id} {rule.article} {rule.title}",
    )
    failing = [v for v in findings if v.gating]
    quiet = [v for v in findings if not v.gating]
    if failing:
        worst = max(failing, key=lambda v: severity_rank(v.severity))
        failure = ET.SubElement(
            case,
            "failure",
            message=f"{rule.citation}: "
            + (f"违规 {len(failing)} 项" if lang == "zh" else f"{len(failing)} violations"),
            type=worst.severity,
        )
        failure.text = "\n".join([rule.citation, rule.text, "", *(_line(v, lang) for v in failing)])
    if quiet:
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(
            f"[{SEVERITY_LABELS[v.severity](lang)}] {_line(v, lang)}" for v in quiet
        )
    return case


def render(report: Report, lang: Lang) -> str:
    findings: dict[str, list[ViolationOut]] = defaultdict(list)
    for v in report.violations:
        findings[v.rule_id].append(v)
    suites: dict[str, list[ET.Element]] = {}
    titles: dict[str, str] = {}
    for rule in report.rules:
        suites.setdefault(rule.regulation_id, []).append(_case(rule, findings[rule.id], lang))
        titles[rule.regulation_id] = rule.regulation_title
    root = ET.Element("testsuites", name="compliance")
    total = failed = 0
    for regulation_id, cases in suites.items():
        failures = sum(case.find("failure") is not None for case in cases)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=f"{titles[regulation_id]} ({regulation_id})",
            tests=str(len(cases)),
            failures=str(failures),
            errors="0",
            skipped="0",
            timestamp=f"{report.as_of}T00:00:00",
        )
        suite.extend(cases)
        total += len(cases)
        failed += failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    for element in root.iter():
        element.text = element.text and _NOT_XML.sub("\ufffd", element.text)
        for key, value in element.attrib.items():
            element.set(key, _NOT_XML.sub("\ufffd", value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
