"""The monthly penalty statement: per employee, the month's violations and what they cost.

Built from the audit report, so it shows exactly what the audit found: each violation with its
date, article and penalty; per employee the points deducted, the fines (a range where the text
gives one), the measures, and the part of the fines the regulation takes from that month's pay.
A store manager's supervisory double deduction is the manager's own line, and its message names
the staff violations it comes from.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from pydantic import BaseModel, ConfigDict
from tabulate import tabulate

from checker.i18n import Lang, Text, label
from checker.report import RedactionOut, Report, SubjectOut, ViolationOut

EMPLOYEE = "employee"


class StatementLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    date: str | None
    rule_id: str
    citation: str
    message: str
    record: str
    posting: str | None  # store or department and role that day
    points: int
    fine_min_cny: float | None
    fine_max_cny: float | None
    from_pay: bool
    measures: list[str]


class EmployeeStatement(BaseModel):
    model_config = ConfigDict(frozen=True)

    subject: SubjectOut
    postings: list[str]  # in date order; more than one when the employee moved during the month
    lines: list[StatementLine]
    points: int
    fine_min_cny: float
    fine_max_cny: float | None
    pay_deduction_min_cny: float
    pay_deduction_max_cny: float | None
    measures: dict[str, int]


class Statement(BaseModel):
    model_config = ConfigDict(frozen=True)

    month: str
    as_of: str
    employees: list[EmployeeStatement]
    redaction: RedactionOut  # the audit report's: secret titles withheld or not


def _posting(v: ViolationOut, with_since: bool = False) -> str | None:
    if v.posting is None:
        return None
    since = f"（{v.posting.since}起）" if with_since and v.posting.since else ""
    return f"{v.posting.unit} {v.posting.role}{since}"


def _line(v: ViolationOut) -> StatementLine:
    p = v.penalty
    return StatementLine(
        date=v.date,
        rule_id=v.rule_id,
        citation=v.citation,
        message=v.message,
        record=f"{v.record.key} ({v.record.source})",
        posting=_posting(v),
        points=p.points or 0,
        fine_min_cny=p.fine_min_cny,
        fine_max_cny=p.fine_max_cny,
        from_pay=p.from_pay,
        measures=[m.label for m in p.measures],
    )


def _sum(lines: list[StatementLine]) -> tuple[Decimal, Decimal | None]:
    """Fines added up: a minimum, and a maximum that is None once some fine has no upper bound."""
    low, high = Decimal(0), Decimal(0)
    for line in lines:
        if line.fine_min_cny is not None:
            low += Decimal(str(line.fine_min_cny))
        if line.fine_max_cny is not None and high is not None:
            high += Decimal(str(line.fine_max_cny))
        elif line.fine_min_cny is not None:
            high = None  # type: ignore[assignment]
    return low, high


def _employee(subject: SubjectOut, violations: list[ViolationOut]) -> EmployeeStatement:
    pairs = sorted(
        ((_line(v), v) for v in violations),
        key=lambda pair: (pair[0].date or "", pair[0].rule_id, pair[0].record),
    )
    lines = [line for line, _ in pairs]
    fine_low, fine_high = _sum(lines)
    pay_low, pay_high = _sum([line for line in lines if line.from_pay])
    measures = Counter(m for line in lines for m in line.measures)
    return EmployeeStatement(
        subject=subject,
        postings=list(dict.fromkeys(p for _, v in pairs if (p := _posting(v, with_since=True)))),
        lines=lines,
        points=sum(line.points for line in lines),
        fine_min_cny=float(fine_low),
        fine_max_cny=None if fine_high is None else float(fine_high),
        pay_deduction_min_cny=float(pay_low),
        pay_deduction_max_cny=None if pay_high is None else float(pay_high),
        measures=dict(sorted(measures.items())),
    )


def build_statement(report: Report, month: str, employee: str | None = None) -> Statement:
    """The statement of `month` (YYYY-MM): violations dated in it, attributed to employees."""
    chosen: dict[str, list[ViolationOut]] = {}
    subjects: dict[str, SubjectOut] = {}
    for v in report.violations:
        if v.subject.type != EMPLOYEE or not (v.date or "").startswith(month):
            continue
        if employee is not None and v.subject.id != employee:
            continue
        chosen.setdefault(v.subject.id, []).append(v)
        subjects[v.subject.id] = v.subject
    return Statement(
        month=month,
        as_of=report.as_of,
        employees=[_employee(subjects[key], chosen[key]) for key in sorted(chosen)],
        redaction=report.redaction,
    )


# --------------------------------------------------------------------------- rendering

LABELS = {
    "title": Text(
        "{month} 月度处罚明细（审计日期 {as_of}）", "Penalty statement {month} (as of {as_of})"
    ),
    "date": Text("日期", "Date"),
    "posting": Text("岗位", "Posting"),
    "rule": Text("规则", "Rule"),
    "article": Text("条款", "Article"),
    "message": Text("说明", "Finding"),
    "points": Text("扣分", "Points"),
    "fine": Text("罚款(元)", "Fine (CNY)"),
    "pay": Text("从当月工资扣除", "From this month's pay"),
    "measures": Text("处理措施", "Measures"),
    "total": Text("合计", "Total"),
    "employee": Text("员工", "Employee"),
    "violations": Text("违规数", "Violations"),
    "none": Text("本月没有员工违规。", "No employee violations this month."),
}


def _money(low: float | None, high: float | None) -> str:
    def amount(value: float) -> str:
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"

    if low is None and high is None:
        return ""
    if high is None:
        return f"≥{amount(low or 0)}"
    if low == high:
        return amount(high) if high else ""
    return f"{amount(low or 0)}–{amount(high)}"


def render_statement(statement: Statement, lang: Lang) -> str:
    def t(key: str) -> str:
        return LABELS[key](lang)

    out = [t("title").format(month=statement.month, as_of=statement.as_of)]
    redaction = statement.redaction
    withheld = (
        [label("redacted", lang).format(count=len(redaction.items))] if redaction.withheld else []
    )
    if not statement.employees:
        return "\n".join([*out, t("none"), *withheld])
    summary = []
    for person in statement.employees:
        name = f"{person.subject.id} {person.subject.name or ''}".strip()
        moved = len(person.postings) > 1  # then each line says where the employee was
        rows = [
            [
                line.date or "",
                *([line.posting or ""] if moved else []),
                line.rule_id,
                line.citation,
                line.message,
                line.points or "",
                _money(line.fine_min_cny, line.fine_max_cny),
                "、".join(line.measures),
            ]
            for line in person.lines
        ]
        columns = ("date", *(("posting",) if moved else ()), "rule", "article", "message")
        out.append("")
        out.append(" — ".join([name, " → ".join(person.postings)]) if person.postings else name)
        out.append(
            tabulate(
                rows,
                headers=[t(k) for k in (*columns, "points", "fine", "measures")],
                tablefmt="simple",
                maxcolwidths=[None, *([18] if moved else []), None, 24, 44, None, None, 24],
            )
        )
        summary.append(
            [
                name,
                len(person.lines),
                person.points or "",
                _money(person.fine_min_cny, person.fine_max_cny),
                _money(person.pay_deduction_min_cny, person.pay_deduction_max_cny),
                "、".join(f"{m}×{n}" for m, n in person.measures.items()),
            ]
        )
    out.append("")
    out.append(t("total"))
    out.append(
        tabulate(
            summary,
            headers=[t(k) for k in ("employee", "violations", "points", "fine", "pay", "measures")],
            tablefmt="simple",
            maxcolwidths=[None, None, None, None, None, 40],
        )
    )
    return "\n".join([*out, *withheld])
