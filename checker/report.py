"""The report: one model every output format is rendered from.

The JSON form is the machine report, version 1; its JSON Schema is generated from these models
into schemas/report-v1.schema.json (tests keep the two identical). Additions keep version 1;
a change of meaning would make version 2.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker import __version__
from checker.audit import AuditResult, Violation
from checker.i18n import Lang
from checker.loading import Dataset, Problem, rejected_rows
from checker.rules import SEVERITIES, Measure, Penalty, citation

SCHEMA_VERSION = 1
MEASURE_ORDER = {m.name.lower(): n for n, m in enumerate(Measure)}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Tool(_Model):
    name: str = "compliance"
    version: str = __version__


class InputSummary(_Model):
    path: str = Field(description="The file, or the database URL without its password")
    kind: str | None
    records: int = Field(description="Rows read from the input")
    rejected: int = Field(description="Rows not audited, each with its reason in errors")
    audited: int = Field(0, description="Rows audited: records = audited + rejected")
    sheet: str | None = Field(None, description="The sheet, table or query of the file read")
    format: str | None = Field(
        None, description="csv, tsv, json, jsonl, xlsx, parquet, sqlite, postgresql"
    )
    encoding: str | None = Field(None, description="The encoding a text file was read in")


class MeasureItem(_Model):
    code: str
    label: str


class MeasureCount(MeasureItem):
    count: int


class EscalationOut(_Model):
    condition: str
    measures: list[MeasureItem]


class PenaltyOut(_Model):
    stated: bool = Field(description="False when the regulation states no penalty")
    fine_min_cny: float | None
    fine_max_cny: float | None = Field(description="Null with a minimum: at least the minimum")
    points: int | None
    from_pay: bool = Field(description="The regulation has the fine deducted from the month's pay")
    measures: list[MeasureItem]
    basis: str | None = Field(description="Citation of the article that states the penalty")
    text: str | None = Field(description="The penalty as the regulation words it")
    escalation: EscalationOut | None
    note: str | None
    delegated_to: str | None = Field(
        default=None, description="The document the text leaves the penalty to, if any"
    )
    supplied_by: str | None = Field(
        default=None,
        description="Where an organisation supplied this penalty (file: penalties.RULE_ID); "
        "the regulation itself states none",
    )


class RecordOut(_Model):
    kind: str
    key: str
    source: str = Field(description="file:row of the input record")


class SubjectOut(_Model):
    type: str
    id: str
    name: str | None


class ViolationOut(_Model):
    rule_id: str
    regulation_id: str
    regulation_title: str
    article: str
    citation: str
    severity: Literal["info", "warning", "error", "critical"]
    title: str
    message: str
    record: RecordOut
    subject: SubjectOut
    date: str | None = Field(description="The day of the breach or obligation (YYYY-MM-DD)")
    evidence: dict[str, Any] = Field(description="Values and computed facts the rule looked at")
    penalty: PenaltyOut


class ProblemOut(_Model):
    source: str = Field(description="file#sheet:row, file:row or file")
    field: str | None
    message: str
    file: str | None = Field(None, description="The file, or the database URL")
    sheet: str | None = Field(None, description="The sheet, table or query")
    row: int | None = Field(None, description="The row (a spreadsheet's row number)")
    column: str | None = Field(None, description="The column's header as read")
    value: str | None = Field(None, description="The value as read")
    reason: str | None = Field(None, description="Why the value or row was refused")
    fatal: bool = Field(False, description="The input could not be used at all")


class RecordCounts(_Model):
    read: int
    audited: int
    rejected: int


class ViolationCounts(_Model):
    total: int
    by_severity: dict[str, int]
    by_regulation: dict[str, int]


class NotRunOut(_Model):
    rule_id: str
    reason: str


class RuleCounts(_Model):
    run: int
    not_run: list[NotRunOut]


class Totals(_Model):
    violations: int
    fine_min_cny: float
    fine_max_cny: float | None = Field(description="Null when some fine has no upper bound")
    points: int
    measures: list[MeasureCount]


class RegulationTotals(Totals):
    regulation_id: str
    title: str


class SubjectTotals(Totals):
    subject: SubjectOut


class Summary(_Model):
    records: RecordCounts
    violations: ViolationCounts
    rules: RuleCounts
    not_in_force: int = Field(description="Matches dropped: the rule was not in force then")
    totals_by_regulation: list[RegulationTotals]
    penalties_by_subject: list[SubjectTotals]


class Report(_Model):
    schema_version: Literal[1] = SCHEMA_VERSION
    tool: Tool = Field(default_factory=Tool)
    as_of: str
    lang: Literal["zh", "en"]
    inputs: list[InputSummary]
    violations: list[ViolationOut]
    summary: Summary
    errors: list[ProblemOut] = Field(description="Rejected records and unusable files")
    warnings: list[ProblemOut] = Field(description="Problems that lost nothing")


# --------------------------------------------------------------------------- building


def _money(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


OTHER_MEASURE = "other"  # a measure an organisation supplied that the regulations do not name


def _measures(
    measures: tuple[Measure, ...], lang: Lang, others: tuple[str, ...] = ()
) -> list[MeasureItem]:
    return [MeasureItem(code=m.name.lower(), label=m.label(lang)) for m in measures] + [
        MeasureItem(code=OTHER_MEASURE, label=text) for text in others
    ]


def penalty_out(
    penalty: Penalty,
    regulation_title: str,
    lang: Lang,
    fine_min: Decimal | None,
    fine_max: Decimal | None,
    points: int | None = None,
) -> PenaltyOut:
    """A penalty as reported; amounts and points are the violation's when it computed them."""
    escalation = None
    if penalty.escalation:
        escalation = EscalationOut(
            condition=penalty.escalation.condition(lang),
            measures=_measures(penalty.escalation.measures, lang),
        )
    return PenaltyOut(
        stated=penalty.stated,
        fine_min_cny=_money(fine_min),
        fine_max_cny=_money(fine_max),
        points=penalty.points if points is None else points,
        from_pay=penalty.from_pay,
        measures=_measures(penalty.measures, lang, penalty.other_measures),
        basis=penalty.basis
        if penalty.supplied_by
        else citation(regulation_title, penalty.basis)
        if penalty.basis
        else None,
        text=penalty.text,
        escalation=escalation,
        note=penalty.note(lang) if penalty.note else None,
        delegated_to=penalty.delegated_to(lang) if penalty.delegated_to else None,
        supplied_by=penalty.supplied_by,
    )


def _violation_out(v: Violation, lang: Lang) -> ViolationOut:
    rule, fact = v.rule, v.fact
    title = rule.regulation.short_title(lang)
    return ViolationOut(
        rule_id=rule.id,
        regulation_id=rule.regulation.id,
        regulation_title=title,
        article=rule.article,
        citation=rule.citation(lang),
        severity=v.severity,  # type: ignore[arg-type]
        title=rule.title(lang),
        message=v.message(lang),
        record=RecordOut(kind=fact.kind, key=fact.key, source=str(fact.record.source)),
        subject=SubjectOut(type=fact.subject.type, id=fact.subject.id, name=fact.subject.name),
        date=fact.reference_date.isoformat() if fact.reference_date else None,
        evidence=v.evidence,
        penalty=penalty_out(v.penalty, title, lang, v.fine_min_cny, v.fine_max_cny, v.points),
    )


def problem_out(problem: Problem, lang: Lang) -> ProblemOut:
    source = problem.source
    return ProblemOut(
        source=str(source),
        field=problem.field,
        message=problem.message(lang),
        file=source.file,
        sheet=source.part,
        row=source.row,
        column=source.column,
        value=problem.value,
        reason=(problem.reason or problem.message)(lang),
        fatal=problem.fatal,
    )


def inputs_out(dataset: Dataset, problems: list[Problem]) -> list[InputSummary]:
    """Per input: rows read = audited + rejected, counting a row with several problems once."""
    lost = rejected_rows(problems)
    summaries = []
    for i in dataset.inputs:
        rejected = len(lost.get((i.path, i.part), ()))
        summaries.append(
            InputSummary(
                path=i.path,
                kind=i.kind,
                records=i.read,
                rejected=rejected,
                audited=i.read - rejected,
                sheet=i.part,
                format=i.format,
                encoding=i.encoding,
            )
        )
    return summaries


def _totals(violations: list[ViolationOut]) -> dict[str, Any]:
    fine_min = Decimal(0)
    fine_max: Decimal | None = Decimal(0)
    points = 0
    measures: Counter[tuple[str, str]] = Counter()
    for v in violations:
        p = v.penalty
        if p.fine_min_cny is not None:
            fine_min += Decimal(str(p.fine_min_cny))
        if p.fine_max_cny is not None and fine_max is not None:
            fine_max += Decimal(str(p.fine_max_cny))
        elif p.fine_min_cny is not None:
            fine_max = None  # an open-ended fine: at least the minimum
        points += p.points or 0
        for m in p.measures:
            measures[(m.code, m.label)] += 1
    return {
        "violations": len(violations),
        "fine_min_cny": float(fine_min),
        "fine_max_cny": None if fine_max is None else float(fine_max),
        "points": points,
        "measures": [
            MeasureCount(code=code, label=text, count=n)
            for (code, text), n in sorted(
                measures.items(),
                key=lambda m: (MEASURE_ORDER.get(m[0][0], len(MEASURE_ORDER)), m[0]),
            )
        ],
    }


def build_report(result: AuditResult, lang: Lang) -> Report:
    violations = [_violation_out(v, lang) for v in result.violations]
    rejecting = [p for p in result.problems if p.rejects_record]
    inputs = inputs_out(result.dataset, result.problems)
    by_regulation: dict[str, list[ViolationOut]] = defaultdict(list)
    by_subject: dict[tuple[str, str], list[ViolationOut]] = defaultdict(list)
    for v in violations:
        by_regulation[v.regulation_id].append(v)
        by_subject[(v.subject.type, v.subject.id)].append(v)
    regulations = result.catalog.regulations
    summary = Summary(
        records=RecordCounts(
            read=result.dataset.read, audited=result.audited, rejected=result.rejected
        ),
        violations=ViolationCounts(
            total=len(violations),
            by_severity={s: sum(v.severity == s for v in violations) for s in SEVERITIES},
            by_regulation={k: len(v) for k, v in by_regulation.items()},
        ),
        rules=RuleCounts(
            run=len(result.rules),
            not_run=[NotRunOut(rule_id=n.rule_id, reason=n.reason(lang)) for n in result.not_run],
        ),
        not_in_force=result.not_in_force,
        totals_by_regulation=[
            RegulationTotals(
                regulation_id=rid, title=regulations[rid].short_title(lang), **_totals(items)
            )
            for rid, items in by_regulation.items()
        ],
        penalties_by_subject=[
            SubjectTotals(subject=items[0].subject, **_totals(items))
            for _, items in sorted(by_subject.items())
        ],
    )
    return Report(
        as_of=result.as_of.isoformat(),
        lang=lang,
        inputs=inputs,
        violations=violations,
        summary=summary,
        errors=[problem_out(p, lang) for p in rejecting],
        warnings=[problem_out(p, lang) for p in result.problems if not p.rejects_record],
    )


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://compliance.invalid/schemas/report-v1.schema.json"
    return schema
