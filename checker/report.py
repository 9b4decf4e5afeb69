"""The report: one model every output format is rendered from.

The JSON form is the machine report, version 1; its JSON Schema is generated from these models
into schemas/report-v1.schema.json (tests keep the two identical). Additions keep version 1;
a change of meaning would make version 2.
"""

from __future__ import annotations

import functools
import hashlib
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from checker import __version__
from checker.audit import AuditResult, Violation, effective_penalty, no_cycle_collection
from checker.baseline import Baseline, fingerprint
from checker.config import Config
from checker.facts import FACT_KINDS, Posting, Withheld, withheld_texts
from checker.i18n import Lang
from checker.loading import Dataset, Problem, rejected_rows
from checker.rules import SEVERITIES, Measure, Penalty, Rule, citation, severity_rank
from checker.values import printable, shown
from checker.waivers import Waiver, WaiverFile

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
    sha256: str | None = Field(None, description="Checksum of the file as audited")


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
    source: str = Field(description="file:row (file#sheet:row) of the input record")
    file: str = Field("", description="The input file as given, or the database URL")
    row: int | None = Field(None, description="Spreadsheet row (the header is row 1) or line")
    sheet: str | None = Field(None, description="The sheet, table or query of the file")


class SubjectOut(_Model):
    type: str
    id: str
    name: str | None


class WaiverRef(_Model):
    id: str
    state: Literal["active", "expired", "not_yet_approved", "refused"] = Field(
        description="active: the finding is waived; otherwise it counts"
    )


class PostingOut(_Model):
    unit: str = Field(description="Store or department the subject worked in that day")
    role: str
    since: str | None = Field(description="First day of this posting, when a record says it")


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
    posting: PostingOut | None = Field(
        default=None, description="Where and in which role the subject worked on the date"
    )
    date: str | None = Field(description="The day of the breach or obligation (YYYY-MM-DD)")
    evidence: dict[str, Any] = Field(description="Values and computed facts the rule looked at")
    penalty: PenaltyOut
    fingerprint: str = Field(
        "",
        description="Rule, file, record kind and key, and a hash of the record's fields the "
        "rule read: the same finding in another audit has the same fingerprint",
    )
    waiver: WaiverRef | None = Field(None, description="The waiver naming this finding, if any")
    baseline: Literal["new", "known"] | None = Field(
        None, description="Against the baseline given (--baseline); null without one"
    )
    gating: bool = Field(
        True,
        description="Counts against the gate: not waived, not known to the baseline, not an "
        "ignored rule, and at or above --fail-on or of a --fail-on-rule rule",
    )


class ProblemOut(_Model):
    source: str = Field(description="file#sheet:row, file:row or file")
    field: str | None
    message: str
    file: str = Field("", description="The input file as given, or the database URL")
    row: int | None = Field(None, description="The row, when the problem is one record's")
    sheet: str | None = Field(None, description="The sheet, table or query")
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
    by_month: dict[str, int] = Field(
        default_factory=dict, description="Violations with a date, per month (YYYY-MM)"
    )
    waived: int = Field(0, description="Findings an active waiver covers (still reported)")
    new: int | None = Field(None, description="Findings not in the baseline; null without one")
    gating: int = Field(0, description="Findings that count against the gate")


class NotRunOut(_Model):
    rule_id: str
    reason: str


class RuleCounts(_Model):
    run: int
    not_run: list[NotRunOut]


class Totals(_Model):
    violations: int
    waived: int = Field(0, description="Of these violations, those waived (still counted here)")
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


class RuleOut(_Model):
    id: str
    regulation_id: str
    regulation_title: str
    article: str
    citation: str
    severity: Literal["info", "warning", "error", "critical"]
    title: str
    text: str = Field(description="The article, quoted verbatim")
    repaired: str | None = Field(
        default=None, description="The quote with its encoding damage repaired, where damaged"
    )
    source: str = Field(description="The regulation's source file and the article's line")
    waivable: bool
    penalty: PenaltyOut
    violations: int


class WaiverOut(_Model):
    id: str
    source: str = Field(description="The waivers file and the entry's number")
    rule_id: str
    record: str | None
    subject: str | None
    kind: str | None
    justification: str
    approver: str
    approved: str = Field(description="Approval day (YYYY-MM-DD) in the file's time zone")
    expires: str | None = Field(
        description="As written: the last day covered (YYYY-MM-DD, to its end) or a date-time "
        "with offset; null: no expiry"
    )
    ends: str | None = Field(
        description="The first moment it no longer covers (ISO 8601 with offset)"
    )
    time_zone: str
    state: Literal["active", "expired", "not_yet_approved", "refused", "stale"] = Field(
        description="On the audit date; stale: it matches no finding"
    )
    matched: int = Field(description="Findings it names")


class BaselineOut(_Model):
    file: str
    known: int = Field(description="Findings already in the baseline")
    new: int
    fixed: int = Field(description="Baseline findings no longer found")


class GateOut(_Model):
    fail_on: Literal["info", "warning", "error", "critical", "never"]
    fail_on_rules: list[str]
    ignored_rules: list[str]
    failing: int = Field(description="Findings that count against the gate")
    passed: bool = Field(description="False: exit code 1")


class RedactionOut(_Model):
    withheld: bool = Field(
        description="Titles and contents of 绝密 and 机密 items are left out of every message, "
        "evidence value, key, error and warning; the items are named by id and grade. "
        "--reveal-titles lifts it"
    )
    grades: list[str] = Field(description="The grades whose titles are withheld")
    items: list[str] = Field(description="Ids of the items whose titles and contents are withheld")


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
    rules: list[RuleOut] = Field(
        default_factory=list, description="The rules that ran on records of the dataset"
    )
    waivers: list[WaiverOut] = Field(
        default_factory=list, description="Every waiver of the waivers file, with its state"
    )
    baseline: BaselineOut | None = None
    gate: GateOut | None = None
    redaction: RedactionOut = Field(
        default_factory=lambda: RedactionOut(withheld=False, grades=[], items=[]),
        description="What the report leaves out so that it does not leak secrets",
    )


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


def _read_fields(v: Violation, secrets: frozenset[str]) -> dict[str, Any]:
    """The record's own values among the evidence: what the rule read from the input.

    A secret title is left out: a fingerprint is a hash, but a short title could be guessed
    from it by hashing candidates.
    """
    read = _record_fields(v.fact.kind)
    return {
        name: value
        for name, value in v.evidence.items()
        if name in read and not (isinstance(value, str) and value in secrets)
    }


@functools.cache
def _record_fields(kind: str) -> frozenset[str]:
    """The fields of a kind of fact read from the input, not computed."""
    return frozenset(FACT_KINDS[kind].fields) - FACT_KINDS[kind].computed


def _posting_out(posting: Posting | None) -> PostingOut | None:
    if posting is None:
        return None
    since = posting.since.isoformat() if posting.since else None
    return PostingOut(unit=posting.unit, role=posting.role, since=since)


def _violation_out(
    v: Violation, lang: Lang, secrets: frozenset[str], penalty: Callable[..., PenaltyOut]
) -> ViolationOut:
    """`penalty`: penalty_out, cached by the report: the findings of a rule share their penalty
    wherever its amounts are the same, built once and withheld once."""
    rule, fact = v.rule, v.fact
    title = rule.regulation.short_title(lang)
    source = fact.record.source
    return ViolationOut(
        rule_id=rule.id,
        regulation_id=rule.regulation.id,
        regulation_title=title,
        article=rule.article,
        citation=rule.citation(lang),
        severity=v.severity,  # type: ignore[arg-type]
        title=rule.title(lang),
        message=v.message(lang),
        record=RecordOut(
            kind=fact.kind,
            key=fact.key,
            source=str(source),
            file=source.file,
            row=source.row,
            sheet=source.part,
        ),
        subject=SubjectOut(type=fact.subject.type, id=fact.subject.id, name=fact.subject.name),
        posting=_posting_out(fact.subject.posting),
        date=fact.reference_date.isoformat() if fact.reference_date else None,
        evidence=v.evidence,
        penalty=penalty(v.penalty, title, lang, v.fine_min_cny, v.fine_max_cny, v.points),
        fingerprint=fingerprint(
            rule.id, source.file, fact.kind, fact.key, _read_fields(v, secrets)
        ),
    )


def _rule_out(rule: Rule, violations: int, lang: Lang, config: Config) -> RuleOut:
    title = rule.regulation.short_title(lang)
    penalty = effective_penalty(rule, rule.penalty, config)
    return RuleOut(
        id=rule.id,
        regulation_id=rule.regulation.id,
        regulation_title=title,
        article=rule.article,
        citation=rule.citation(lang),
        severity=rule.severity,
        title=rule.title(lang),
        text=rule.text,
        repaired=rule.repaired,
        source=f"{rule.regulation.source_file} L{rule.line}",
        waivable=rule.waivable,
        penalty=penalty_out(penalty, title, lang, penalty.fine_min_cny, penalty.fine_max_cny),
        violations=violations,
    )


def problem_out(problem: Problem, lang: Lang) -> ProblemOut:
    source = problem.source
    return ProblemOut(
        source=str(source),
        field=problem.field,
        message=problem.message(lang),
        file=source.file,
        row=source.row,
        sheet=source.part,
        column=source.column,
        value=problem.value,
        reason=(problem.reason or problem.message)(lang),
        fatal=problem.fatal,
    )


def _checksum(path: str) -> str | None:
    file = Path(path)
    if not file.is_file():
        return None  # in-memory rows (rule fixtures), a database
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inputs_out(dataset: Dataset, problems: list[Problem]) -> list[InputSummary]:
    """Per input: rows read = audited + rejected, counting a row with several problems once."""
    lost = rejected_rows(problems)
    checksums = {path: _checksum(path) for path in dict.fromkeys(i.path for i in dataset.inputs)}
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
                sha256=checksums[i.path],
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
        "waived": sum(_waived(v) for v in violations),
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


@dataclass(frozen=True)
class Gate:
    """Which findings fail the audit (exit code 1)."""

    fail_on: str = "info"  # a severity, or "never"
    fail_on_rules: frozenset[str] = frozenset()  # fail whatever their severity
    ignore_rules: frozenset[str] = frozenset()  # reported, never failing

    def counts(self, v: ViolationOut) -> bool:
        if v.rule_id in self.ignore_rules or _waived(v) or v.baseline == "known":
            return False
        if v.rule_id in self.fail_on_rules:
            return True
        return self.fail_on != "never" and severity_rank(v.severity) >= severity_rank(self.fail_on)


def _waived(v: ViolationOut) -> bool:
    return v.waiver is not None and v.waiver.state == "active"


def _apply_waivers(
    violations: list[ViolationOut], waivers: WaiverFile, as_of: Any
) -> list[WaiverOut]:
    """Each finding gets the first waiver in force that names it, else the first that names it."""
    states = {w.id: w.state(as_of, waivers.zone) for w in waivers.waivers}
    matched: Counter[str] = Counter()
    for v in violations:
        naming = [
            w
            for w in waivers.waivers
            if w.matches(v.rule_id, v.record.kind, v.record.key, v.subject.id)
        ]
        matched.update(w.id for w in naming)
        if naming:
            chosen = next((w for w in naming if states[w.id] == "active"), naming[0])
            v.waiver = WaiverRef(id=chosen.id, state=states[chosen.id])  # type: ignore[arg-type]
    return [_waiver_out(w, waivers, states[w.id], matched[w.id]) for w in waivers.waivers]


def _waiver_out(w: Waiver, waivers: WaiverFile, state: str, matched: int) -> WaiverOut:
    if matched == 0 and state != "refused":
        state = "stale"
    return WaiverOut(
        id=w.id,
        source=f"{waivers.path}#{w.entry}",
        rule_id=w.rule_id,
        record=w.record,
        subject=w.subject,
        kind=w.kind,
        justification=w.justification,
        approver=w.approver,
        approved=w.approved.isoformat(),
        expires=w.expires,
        ends=_moment(w.ends),
        time_zone=str(waivers.zone),
        state=state,  # type: ignore[arg-type]
        matched=matched,
    )


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


# The report is a tree of new models, no cycles: collector passes over it as it grows would cost
# a third of the stage at 1M records (2.4 s), since the audit froze everything older.
@no_cycle_collection()
def build_report(
    result: AuditResult,
    lang: Lang,
    *,
    gate: Gate | None = None,
    waivers: WaiverFile | None = None,
    baseline: Baseline | None = None,
    reveal_titles: bool = False,
) -> Report:
    """The report of an audit; waivers, a baseline and the gate mark each finding.

    Secret titles are withheld unless `reveal_titles` (README: secrecy).
    """
    gate = gate or Gate(fail_on=result.config["audit.fail_on"])
    withheld = withheld_texts(result.dataset, result.config)
    # Whether or not titles are revealed, fingerprints never hash them.
    secrets = frozenset(t for w in withheld for t in w.texts)
    penalty = functools.cache(penalty_out)
    violations = [_violation_out(v, lang, secrets, penalty) for v in result.violations]
    waiver_states = _apply_waivers(violations, waivers, result.as_of) if waivers else []
    baseline_out = None
    if baseline is not None:
        found = {v.fingerprint for v in violations}
        for v in violations:
            v.baseline = "known" if v.fingerprint in baseline.fingerprints else "new"
        baseline_out = BaselineOut(
            file=baseline.path,
            known=sum(v.baseline == "known" for v in violations),
            new=sum(v.baseline == "new" for v in violations),
            fixed=len(baseline.fingerprints - found),
        )
    for v in violations:
        v.gating = gate.counts(v)
    rejecting = [p for p in result.problems if p.rejects_record]
    inputs = inputs_out(result.dataset, result.problems)
    by_regulation: dict[str, list[ViolationOut]] = defaultdict(list)
    by_subject: dict[tuple[str, str], list[ViolationOut]] = defaultdict(list)
    for v in violations:
        by_regulation[v.regulation_id].append(v)
        by_subject[(v.subject.type, v.subject.id)].append(v)
    by_rule = Counter(v.rule_id for v in violations)
    regulations = result.catalog.regulations
    checked = result.kinds_checked
    failing = sum(v.gating for v in violations)
    summary = Summary(
        records=RecordCounts(
            read=result.dataset.read, audited=result.audited, rejected=result.rejected
        ),
        violations=ViolationCounts(
            total=len(violations),
            by_severity={s: sum(v.severity == s for v in violations) for s in SEVERITIES},
            by_regulation={k: len(v) for k, v in by_regulation.items()},
            by_month=dict(sorted(Counter(v.date[:7] for v in violations if v.date).items())),
            waived=sum(_waived(v) for v in violations),
            new=None if baseline_out is None else baseline_out.new,
            gating=failing,
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
    report = Report(
        as_of=result.as_of.isoformat(),
        lang=lang,
        inputs=inputs,
        violations=violations,
        summary=summary,
        errors=[problem_out(p, lang) for p in rejecting],
        warnings=[problem_out(p, lang) for p in result.problems if not p.rejects_record],
        rules=[
            _rule_out(rule, by_rule[rule.id], lang, result.config)
            for rule in result.rules
            if not checked.isdisjoint(rule.kinds)
        ],
        waivers=waiver_states,
        baseline=baseline_out,
        gate=GateOut(
            fail_on=gate.fail_on,  # type: ignore[arg-type]
            fail_on_rules=sorted(gate.fail_on_rules),
            ignored_rules=sorted(gate.ignore_rules),
            failing=failing,
            passed=failing == 0,
        ),
    )
    # Computed here rather than by withholding(): the fingerprints above needed the texts anyway.
    return report if reveal_titles or not withheld else Withholding(withheld, lang).redacted(report)


Redactable = TypeVar("Redactable", bound=BaseModel)  # a report with a `redaction` field


class Withholding:
    """Takes secret texts out of every string in data (strings, lists, tuples, dict values, the
    fields of models): every report, the validation result and the rejected rows the checker
    writes (README: secrecy)."""

    def __init__(self, secrets: list[Withheld], lang: Lang) -> None:
        self.secrets = secrets
        texts = {t for s in secrets for t in s.texts}
        # A title typed into another field (an item number) is quoted as messages quote a
        # value: escaped (an undecodable byte as \xff) and cut past 80 characters.
        texts |= {printable(t) for t in texts} | {shown(t) for t in texts}
        self.scrub = _Scrubber(texts, "〔已隐去〕" if lang == "zh" else "[withheld]")
        # Models done, by id, with the model itself to keep the id its own: the findings of a
        # rule share their penalty, withheld once.
        self.models: dict[int, tuple[BaseModel, BaseModel]] = {}

    def __call__(self, value: Any) -> Any:
        """`value` with every string in it scrubbed, a model's fields as a dict's values; the
        same object where nothing was taken out, so that only what held a secret is copied."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, BaseModel):
            return self._model(value)
        if isinstance(value, (list, tuple)):
            items = [self(v) for v in value]
            return value if all(map(operator.is_, items, value)) else type(value)(items)
        if isinstance(value, dict):
            values = list(value.values())
            scrubbed = self(values)
            return value if scrubbed is values else dict(zip(value, scrubbed, strict=True))
        return value

    def _model(self, model: BaseModel) -> BaseModel:
        if id(model) not in self.models:
            changed = {}
            for name, old in model.__dict__.items():  # a model's fields, by name
                # Most fields are strings: scrubbed without the type tests of __call__.
                new = self.scrub(old) if type(old) is str else self(old)
                if new is not old:
                    changed[name] = new
            # The values stay valid: scrubbing maps a string to a string.
            done = model.model_copy(update=changed) if changed else model
            self.models[id(model)] = (model, done)
        return self.models[id(model)][1]

    def redacted(self, report: Redactable) -> Redactable:
        """A finished report (an audit's, a validation's) with every secret text taken out of
        every string it holds, and its `redaction` saying so.

        Done on the finished report, so whatever path a title took into it (a message, an
        evidence value, a key, a rejected row's error) it is gone from every format rendered from
        it. Fingerprints are computed before, so a baseline matches with or without
        --reveal-titles.
        """
        redaction = RedactionOut(
            withheld=True,
            grades=sorted({s.grade for s in self.secrets}, key=["绝密", "机密"].index),
            items=sorted({s.item for s in self.secrets}),
        )
        return self(report).model_copy(update={"redaction": redaction})  # type: ignore[no-any-return]


def withholding(dataset: Dataset, config: Config, lang: Lang, reveal: bool) -> Withholding | None:
    """What the dataset's outputs withhold, unless --reveal-titles; None when nothing."""
    secrets = [] if reveal else withheld_texts(dataset, config)
    return Withholding(secrets, lang) if secrets else None


_QUOTES = {"《": "》", "“": "”", "'": "'"}


class _Scrubber:
    """Replaces secret texts in a string: a title quoted as 《…》, “…” or '…' goes with its
    quotes; elsewhere it becomes the marker.

    A report holds many strings and a register may hold thousands of titles, so a string is
    searched only for the titles whose first two characters it contains, read where it holds a
    title's first character, and once: most strings of a report (titles, citations, penalties)
    recur on every finding.
    """

    def __init__(self, texts: set[str], marker: str) -> None:
        self.marker = marker
        self.scrubbed: dict[str, str] = {}
        self.starts: dict[str, list[str]] = defaultdict(list)
        for text in texts:
            self.starts[text[:2]].append(text)
        self.pairs = frozenset(k for k in self.starts if len(k) == 2)
        self.singles = frozenset(self.starts) - self.pairs  # one-character titles
        # Where a title can start: at one of their first characters (nowhere without titles).
        initials = "".join(sorted({re.escape(text[0]) for text in texts if text}))
        self.initial = re.compile(f"[{initials}]" if initials else "(?!)")

    def __call__(self, value: str) -> str:
        """The string scrubbed; `value` itself when it holds no secret text."""
        scrubbed = self.scrubbed.get(value)
        if scrubbed is None:
            scrubbed = self.scrubbed[value] = self._scrub(value)
        return value if scrubbed == value else scrubbed

    def _scrub(self, value: str) -> str:
        at = self.initial.finditer(value)  # most strings hold none, told in one pass
        starts = self.pairs.intersection(value[i.start() : i.start() + 2] for i in at)
        if self.singles:
            starts |= self.singles.intersection(value)
        found = [t for k in starts for t in self.starts[k] if t in value]
        if not found:
            return value
        texts = "|".join(re.escape(t) for t in sorted(found, key=len, reverse=True))
        return re.sub(f"( ?[《“']|)(?:{texts})([》”']?)", self._replace, value)

    def _replace(self, match: re.Match[str]) -> str:
        opening, closing = match.group(1), match.group(2)
        if opening and _QUOTES[opening.strip()] == closing:
            return ""
        return opening + self.marker + closing


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://compliance.invalid/schemas/report-v1.schema.json"
    return schema
