"""SARIF 2.1.0: the rules with their citation and quoted article, one result per finding.

Each result is located at its input file and row, carries the finding's fingerprint, a waiver as
a suppression (accepted while in force, rejected once expired or refused), and its state against
the baseline. Rejected records and warnings are the invocation's notifications.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker.baseline import portable_path
from checker.i18n import Lang, label
from checker.report import ProblemOut, Report, RuleOut, ViolationOut
from checker.table import penalty_text

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"critical": "error", "error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "complianceFinding/v1"


def _uri(file: str) -> str:
    path = Path(portable_path(file))
    return path.as_uri() if path.is_absolute() else quote(path.as_posix(), safe="/")


def _location(file: str, row: int | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(file)}}
    # A JSON array's "row" is the item's number, not a line of the file.
    if row is not None and not file.lower().endswith(".json"):
        physical["region"] = {"startLine": row}
    return {"physicalLocation": physical}


def _rule(rule: RuleOut, lang: Lang) -> dict[str, Any]:
    penalty = penalty_text(rule.penalty, lang)
    quoted = "\n".join(f"> {line}" for line in rule.text.splitlines())
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": f"{rule.citation} {rule.text}"},
        "help": {
            "text": f"{rule.citation}\n{rule.text}\n{label('penalty', lang)}: {penalty}",
            "markdown": f"**{rule.citation}**\n\n{quoted}\n\n{label('penalty', lang)}: {penalty}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "regulation": rule.regulation_id,
            "regulationTitle": rule.regulation_title,
            "article": rule.article,
            "citation": rule.citation,
            "severity": rule.severity,
            "source": rule.source,
            "waivable": rule.waivable,
            "penalty": penalty,
            "tags": [rule.regulation_id, rule.severity],
        },
    }


def _result(v: ViolationOut, index: int, report: Report, lang: Lang) -> dict[str, Any]:
    location = _location(v.record.file, v.record.row)
    location["logicalLocations"] = [
        {"name": v.record.key, "fullyQualifiedName": f"{v.record.kind}/{v.record.key}"}
    ]
    result: dict[str, Any] = {
        "ruleId": v.rule_id,
        "ruleIndex": index,
        "level": LEVELS[v.severity],
        "message": {"text": f"{v.citation}: {v.message}"},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT: v.fingerprint},
        "properties": {
            "severity": v.severity,
            "subject": v.subject.model_dump(),
            "date": v.date,
            "penalty": penalty_text(v.penalty, lang),
            "evidence": v.evidence,
            "gating": v.gating,
        },
    }
    if v.waiver is not None:
        waiver = next(w for w in report.waivers if w.id == v.waiver.id)
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted" if v.waiver.state == "active" else "rejected",
                "justification": f"{waiver.justification} ({waiver.approver}, {waiver.approved})",
                "properties": {"waiver": waiver.id, "state": v.waiver.state},
            }
        ]
    if v.baseline is not None:
        result["baselineState"] = "unchanged" if v.baseline == "known" else "new"
    return result


def _notification(problem: ProblemOut, level: str) -> dict[str, Any]:
    notification: dict[str, Any] = {"level": level, "message": {"text": problem.message}}
    if problem.file:
        notification["locations"] = [_location(problem.file, problem.row)]
    return notification


def render(report: Report, lang: Lang) -> str:
    index = {rule.id: n for n, rule in enumerate(report.rules)}
    run = {
        "tool": {
            "driver": {
                "name": report.tool.name,
                "version": report.tool.version,
                "language": "zh-CN" if lang == "zh" else "en-US",
                "rules": [_rule(rule, lang) for rule in report.rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    *(_notification(p, "error") for p in report.errors),
                    *(_notification(p, "warning") for p in report.warnings),
                ],
            }
        ],
        "results": [_result(v, index[v.rule_id], report, lang) for v in report.violations],
        "columnKind": "unicodeCodePoints",
        "properties": {"asOf": report.as_of, "summary": report.summary.model_dump(mode="json")},
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
