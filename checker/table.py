"""The terminal report: one row per violation, then totals per regulation and per subject."""

from __future__ import annotations

from tabulate import tabulate

from checker.facts import FACT_KINDS
from checker.i18n import SEVERITY_LABELS, SEVERITY_PLURALS, WAIVER_STATES, Lang, label
from checker.report import InputSummary, PenaltyOut, Report, Totals, ViolationOut
from checker.rules import SEVERITIES

MESSAGE_WIDTH = 36
PENALTY_WIDTH = 22


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def fine_text(low: float | None, high: float | None, lang: Lang) -> str:
    if low is None and high is None:
        return ""
    if high is None:
        return label("fine_at_least", lang).format(amount=_amount(low or 0))
    if low == high:
        return label("fine_fixed", lang).format(amount=_amount(high))
    return label("fine_range", lang).format(low=_amount(low or 0), high=_amount(high))


def penalty_text(penalty: PenaltyOut, lang: Lang) -> str:
    if not penalty.stated:
        text = label("none_stated", lang)
        if penalty.delegated_to:
            text += label("delegated_to", lang).format(document=penalty.delegated_to)
        if penalty.supplied_by:
            supplied = _stated_text(penalty, lang, with_note=False)
            text += label("supplied", lang).format(penalty=supplied)
        return text
    return _stated_text(penalty, lang)


def _stated_text(penalty: PenaltyOut, lang: Lang, with_note: bool = True) -> str:
    parts = [fine_text(penalty.fine_min_cny, penalty.fine_max_cny, lang)]
    if penalty.points:
        parts.append(label("points_value", lang).format(points=penalty.points))
    parts.extend(m.label for m in penalty.measures)
    if penalty.note and with_note:  # e.g. what a fine computed per record is computed from
        parts.append(penalty.note)
    text = "；".join(p for p in parts if p) if lang == "zh" else "; ".join(p for p in parts if p)
    if penalty.escalation:
        then = "、".join(m.label for m in penalty.escalation.measures)
        text += (
            f"（{penalty.escalation.condition}的，{then}）"
            if lang == "zh"
            else f" ({penalty.escalation.condition}: {then})"
        )
    return text


def waiver_text(v: ViolationOut, lang: Lang) -> str:
    """The waiver naming a finding and its state: `W-1 已豁免`, `W-2 豁免已过期`."""
    if v.waiver is None:
        return ""
    return f"{v.waiver.id} {WAIVER_STATES[v.waiver.state](lang)}"


def _rule_cell(v: ViolationOut, lang: Lang) -> str:
    lines = [v.rule_id, SEVERITY_LABELS[v.severity](lang), waiver_text(v, lang)]
    if v.baseline == "new":
        lines.append(label("new", lang))
    return "\n".join(line for line in lines if line)


def gate_line(report: Report, lang: Lang) -> str:
    """The one-line summary a CI log ends with; the gate's verdict last."""
    s = report.summary
    counts = s.violations.by_severity
    shown = [k for k in SEVERITIES[::-1] if counts.get(k) or k in ("error", "warning")]
    severities = ("、" if lang == "zh" else ", ").join(
        label("severity_count", lang).format(
            count=counts.get(k, 0),
            label=SEVERITY_LABELS[k](lang) if lang == "zh" else SEVERITY_PLURALS[k],
        )
        for k in shown
    )
    line = label("gate_line", lang).format(
        read=s.records.read,
        violations=s.violations.total,
        severities=severities,
        waived=s.violations.waived,
        rejected=s.records.rejected,
    )
    if s.violations.new is not None:
        line += label("gate_new", lang).format(new=s.violations.new)
    if report.gate is not None:
        verdict = (
            label("gate_passed", lang)
            if report.gate.passed
            else label("gate_failed", lang).format(failing=report.gate.failing)
        )
        line += f" — {verdict}"
    return line


def _totals_cells(totals: Totals, lang: Lang) -> list[str]:
    measures = "、".join(f"{m.label}×{m.count}" for m in totals.measures)
    fines = (
        fine_text(totals.fine_min_cny, totals.fine_max_cny, lang)
        if (totals.fine_min_cny or totals.fine_max_cny is None)
        else ""
    )
    return [str(totals.violations), fines, str(totals.points or ""), measures]


def _file_row(source: str) -> str:
    """The file name and row; the report's JSON keeps the path as given."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def inputs_table(inputs: list[InputSummary], lang: Lang, audited: str) -> str:
    """Per input: rows read = audited (or valid) + rejected; sheet and encoding when any."""
    columns = ["file", "sheet", "kind", "format", "encoding", "read", audited, "refused"]
    rows = [
        [i.path, i.sheet, i.kind, i.format, i.encoding, i.records, i.audited, i.rejected]
        for i in inputs
    ]
    shown = [n for n in range(len(columns)) if n not in (1, 4) or any(r[n] for r in rows)]
    return tabulate(
        [["" if r[n] is None else r[n] for n in shown] for r in rows],
        headers=[label(columns[n], lang) for n in shown],
        tablefmt="simple",
        maxcolwidths=[40 if n == 0 else None for n in shown],
    )


def render(report: Report, lang: Lang) -> str:
    out: list[str] = []
    if report.violations:
        rows = []
        for v in report.violations:
            subject = " ".join(x for x in (v.subject.id, v.subject.name) if x)
            rows.append(
                [
                    _rule_cell(v, lang),
                    v.article,
                    v.regulation_title,
                    f"{FACT_KINDS[v.record.kind].title(lang)} {v.record.key}\n"
                    f"{_file_row(v.record.source)}",
                    subject,
                    v.message,
                    penalty_text(v.penalty, lang),
                ]
            )
        headers = [
            label(k, lang)
            for k in ("rule", "article", "regulation", "record", "subject", "message", "penalty")
        ]
        out.append(
            tabulate(
                rows,
                headers=headers,
                tablefmt="simple_grid",
                maxcolwidths=[None, None, 12, 28, 16, MESSAGE_WIDTH, PENALTY_WIDTH],
            )
        )
    else:
        out.append(label("no_violations", lang))
    summary = report.summary
    total_headers = [label(k, lang) for k in ("violations", "fines", "points", "measures")]
    if summary.totals_by_regulation:
        out.append(f"\n{label('totals_by_regulation', lang)}")
        out.append(
            tabulate(
                [[t.title, *_totals_cells(t, lang)] for t in summary.totals_by_regulation],
                headers=[label("regulation", lang), *total_headers],
                tablefmt="simple_grid",
                maxcolwidths=[None, None, None, None, 50],
            )
        )
    if summary.penalties_by_subject:
        out.append(f"\n{label('totals_by_subject', lang)}")
        out.append(
            tabulate(
                [
                    [
                        " ".join(x for x in (t.subject.id, t.subject.name) if x),
                        *_totals_cells(t, lang),
                    ]
                    for t in summary.penalties_by_subject
                ],
                headers=[label("subject", lang), *total_headers],
                tablefmt="simple_grid",
                maxcolwidths=[30, None, None, None, 50],
            )
        )
    if report.errors:
        out.append(f"\n{label('rejected', lang)}")
        out.append(
            tabulate(
                [[e.source, e.field or "", e.message] for e in report.errors],
                headers=[label(k, lang) for k in ("source", "field", "reason")],
                tablefmt="simple_grid",
                maxcolwidths=[None, None, 60],
            )
        )
    for warning in report.warnings:
        out.append(f"! {warning.source}: {warning.message}")
    if report.waivers:
        out.append(f"\n{label('waivers', lang)}")
        out.append(
            tabulate(
                [
                    [
                        w.id,
                        w.rule_id,
                        w.record or w.subject,
                        w.approver,
                        w.expires or "",
                        WAIVER_STATES[w.state](lang),
                        w.matched,
                    ]
                    for w in report.waivers
                ],
                headers=[
                    "ID",
                    *(
                        label(k, lang)
                        for k in ("rule", "record", "approver", "expires", "state", "matched")
                    ),
                ],
                tablefmt="simple_grid",
            )
        )
    if summary.rules.not_run:
        out.append(f"\n{label('rules_not_run', lang)}")
        out.extend(f"  {n.rule_id}: {n.reason}" for n in summary.rules.not_run)
    out.append(f"\n{label('inputs', lang)}")
    out.append(inputs_table(report.inputs, lang, audited="audited"))
    records = summary.records
    out.append(
        "\n"
        + label("summary_line", lang).format(
            read=records.read,
            audited=records.audited,
            rejected=records.rejected,
            violations=summary.violations.total,
            as_of=report.as_of,
        )
    )
    if report.redaction.withheld:
        out.append(label("redacted", lang).format(count=len(report.redaction.items)))
    return "\n".join(out)
