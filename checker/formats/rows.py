"""The violations as rows of cells, shared by the CSV file and the xlsx violations sheet."""

from __future__ import annotations

from checker.facts import FACT_KINDS
from checker.i18n import SEVERITY_LABELS, WAIVER_STATES, Lang, label
from checker.report import Report
from checker.table import penalty_text, waiver_text

Cell = str | int | float | None

COLUMNS = (
    "rule",
    "severity",
    "regulation",
    "article",
    "citation",
    "title",
    "kind",
    "record_key",
    "file",
    "row",
    "subject",
    "subject_name",
    "date",
    "message",
    "penalty",
    "fine_min",
    "fine_max",
    "points",
    "measures",
    "waiver",
    "baseline",
    "gating",
    "fingerprint",
)


def headers(lang: Lang) -> list[str]:
    return [label(column, lang) for column in COLUMNS]


def violation_rows(report: Report, lang: Lang) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for v in report.violations:
        p = v.penalty
        rows.append(
            [
                v.rule_id,
                SEVERITY_LABELS[v.severity](lang),
                v.regulation_title,
                v.article,
                v.citation,
                v.title,
                FACT_KINDS[v.record.kind].title(lang),
                v.record.key,
                v.record.file,
                v.record.row,
                v.subject.id,
                v.subject.name,
                v.date,
                v.message,
                penalty_text(p, lang),
                p.fine_min_cny,
                p.fine_max_cny,
                p.points,
                "、".join(m.label for m in p.measures),
                waiver_text(v, lang),
                label(v.baseline, lang) if v.baseline else "",
                label("yes" if v.gating else "no", lang),
                v.fingerprint,
            ]
        )
    return rows


WAIVER_COLUMNS = (
    "rule",
    "record",
    "subject",
    "justification",
    "approver",
    "approved",
    "expires",
    "state",
    "matched",
    "source",
)


def waiver_headers(lang: Lang) -> list[str]:
    return ["ID", *(label(column, lang) for column in WAIVER_COLUMNS)]


def waiver_rows(report: Report, lang: Lang) -> list[list[Cell]]:
    return [
        [
            w.id,
            w.rule_id,
            w.record,
            w.subject,
            w.justification,
            w.approver,
            w.approved,
            w.expires,
            WAIVER_STATES[w.state](lang),
            w.matched,
            w.source,
        ]
        for w in report.waivers
    ]
