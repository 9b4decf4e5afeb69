"""An audit end to end: load, compute facts, run the rules, assemble violations.

Every input record ends either audited or rejected with its reason; every rule that did not run
is listed with its reason; the violations come out in one order whatever the input order.
"""

from __future__ import annotations

import gc
import os
import string
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache
from pathlib import Path
from time import perf_counter
from typing import Any

from checker.calendar import WorkingCalendar
from checker.catalog import Catalog
from checker.columnar import ColumnarEngine, Match
from checker.config import Config
from checker.engine import DurableEngine, Engine
from checker.facts import (
    FACT_KINDS,
    Fact,
    FactContext,
    build_facts,
    build_late_facts,
    unplaced,
)
from checker.i18n import LANGS, Text
from checker.loading import Dataset, Problem, input_options, load_dataset, rejected_rows
from checker.records import KINDS
from checker.rules import Check, Penalty, Rule, severity_rank, supplied


@dataclass(frozen=True)
class Violation:
    rule: Rule
    fact: Fact
    checks: tuple[int, ...]  # the checks of the rule the fact matched
    severity: str
    penalty: Penalty
    message: Text
    evidence: dict[str, Any]
    fine_min_cny: Decimal | None
    fine_max_cny: Decimal | None
    points: int | None


@dataclass(frozen=True)
class NotRun:
    rule_id: str
    reason: Text


@dataclass
class AuditResult:
    as_of: date
    config: Config
    catalog: Catalog
    dataset: Dataset
    facts: list[Fact] = field(default_factory=list)  # every fact audited; run_audit keeps none
    kinds_checked: set[str] = field(default_factory=set)  # the kinds of those facts
    rules: list[Rule] = field(default_factory=list)  # the rules that ran
    violations: list[Violation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    not_run: list[NotRun] = field(default_factory=list)
    not_in_force: int = 0  # matches dropped because the rule was not in force on the record's date
    # Seconds spent per stage (read and validate, facts, evaluate, violations): benchmarks/run.py.
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    @property
    def fatal(self) -> bool:
        return bool(self.dataset.fatal)

    @property
    def rejected(self) -> int:
        return sum(len(rows) for rows in rejected_rows(self.problems).values())

    @property
    def audited(self) -> int:
        return self.dataset.read - self.rejected


def calendar_from(config: Config) -> WorkingCalendar:
    return WorkingCalendar(
        extra_holidays=frozenset(config["calendar.extra_holidays"]),
        extra_workdays=frozenset(config["calendar.extra_workdays"]),
        additional_years=frozenset(config["calendar.additional_years"]),
        fallback=config["calendar.outside_known_years"],
    )


def applied_regulations(catalog: Catalog, config: Config) -> list[str]:
    """The regulations the configuration selects; by default those the default profile enables."""
    chosen = config["audit.regulations"]
    if chosen is None:
        return [r.id for r in catalog.regulations.values() if r.default_enabled]
    return [r for r in catalog.regulations if r in chosen]


def active_rules(catalog: Catalog, config: Config) -> list[Rule]:
    regulations = set(applied_regulations(catalog, config))
    disabled = set(config["audit.disabled_rules"])
    return [
        rule
        for rule in catalog.rules.values()
        if rule.regulation.id in regulations and rule.id not in disabled
    ]


def _not_run(rule: Rule, config: Config, dataset: Dataset) -> Text | None:
    """Why a rule cannot run on this dataset, when it has records to run on."""
    if not any(
        kind in dataset.records or FACT_KINDS[kind].record_kind is None for kind in rule.kinds
    ):
        return None  # nothing to audit: not a gap worth reporting
    for key in rule.needs_params:
        if config[key] is None:
            return Text(
                f"参数 {key} 未设置（原文未规定该标准）",
                f"parameter {key} is not set (the text states no value)",
            )
    for kind in rule.needs_kinds:
        if kind not in dataset.records:
            meta = KINDS[kind].meta
            return Text(
                f"数据集中没有{meta.title.zh}（{meta.file_stem}），无法判断",
                f"the dataset has no {meta.title.en} ({meta.file_stem}) to check against",
            )
    return None


def _in_force(rule: Rule, fact: Fact, config: Config) -> bool:
    start = rule.effective_from
    if rule.regulation.effective_param and config[rule.regulation.effective_param]:
        regulation_start = config[rule.regulation.effective_param]
        start = max(start, regulation_start) if start else regulation_start
    when = fact.reference_date
    if when is None:
        return True
    return (start is None or when >= start) and (
        rule.effective_to is None or when <= rule.effective_to
    )


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted(value)
    return value


def _format(value: Any, lang: str) -> str:
    if value is None:
        return "无" if lang == "zh" else "none"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, Decimal):
        return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, time):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return "、".join(sorted(value)) or ("空" if lang == "zh" else "empty")
    return str(value)


def render_message(template: Text, values: Mapping[str, Any]) -> Text:
    """The message with the fields it names filled in (only those are formatted)."""
    return Text(
        *(
            template(lang).format_map(
                {name: _format(values[name], lang) for name in names if name in values}
            )
            for lang, names in zip(LANGS, _template_fields(template), strict=True)
        )
    )


@cache  # a handful of templates, each parsed once rather than once per violation
def _template_fields(template: Text) -> tuple[tuple[str, ...], ...]:
    """The fields a template names, in Chinese and in English (they may differ)."""
    return tuple(
        tuple(dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(text) if name))
        for text in (template.zh, template.en)
    )


@dataclass(frozen=True)
class _Reading:
    """What the violations of one check read, worked out once per check rather than per
    violation: the fields its evidence cites (its condition's, then its message's) and its
    parameters, each with its evidence label."""

    fields: tuple[str, ...]
    params: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, check: Check) -> _Reading:
        fields = (*check.when.fields(), *_template_fields(check.message)[0])
        params = tuple((f"param:{key}", key) for key in check.when.params())
        return cls(tuple(dict.fromkeys(fields)), params)


def _evidence(readings: list[_Reading], fact: Fact, config: Config) -> dict[str, Any]:
    """The values the conditions read, the facts the messages cite, and the parameters used."""
    evidence: dict[str, Any] = {}
    values = fact.values
    for reading in readings:
        for name in reading.fields:
            evidence[name] = _json_value(values.get(name))
    for reading in readings:
        for label, key in reading.params:
            evidence[label] = _json_value(config[key])
    return evidence


def effective_penalty(rule: Rule, penalty: Penalty, config: Config) -> Penalty:
    """The penalty as stated, or the one the organisation supplies where the text states none."""
    key = f"penalties.{rule.id}"
    if not penalty.stated and config.values.get(key) is not None:
        return supplied(penalty, config[key], f"{config.sources[key]}: {key}")
    return penalty


def _violation(
    rule: Rule, readings: tuple[_Reading, ...], fact: Fact, checks: list[int], config: Config
) -> Violation:
    matched = [rule.checks[i] for i in checks]

    def weight(check_index: int) -> int:
        chosen = rule.checks[check_index]
        return severity_rank(chosen.severity or rule.severity)

    gravest = rule.checks[max(checks, key=weight)]
    penalty = effective_penalty(rule, gravest.penalty or rule.penalty, config)
    severity = gravest.severity or rule.severity
    evidence = _evidence([readings[i] for i in checks], fact, config)
    messages = [render_message(check.message, fact.values) for check in matched]
    message = Text("；".join(m.zh for m in messages), "; ".join(m.en for m in messages))
    fine_min, fine_max = penalty.fine_min_cny, penalty.fine_max_cny
    if penalty.fine_min_field:
        fine_min = fact.values.get(penalty.fine_min_field)
    if penalty.fine_field:
        fine_min = fine_max = fact.values.get(penalty.fine_field)
    points = fact.values.get(penalty.points_field) if penalty.points_field else penalty.points
    rate = config[penalty.yuan_per_point_param] if penalty.yuan_per_point_param else None
    if rate is not None and points:
        fine_min = fine_max = (Decimal(str(rate)) * points).quantize(Decimal("0.01"))
        evidence[f"param:{penalty.yuan_per_point_param}"] = rate
    return Violation(
        rule,
        fact,
        tuple(checks),
        severity,
        penalty,
        message,
        evidence,
        fine_min,
        fine_max,
        points,
    )


def engine_for(catalog: Catalog, rules: list[Rule], config: Config) -> Engine:
    """The engine the configuration names (audit.engine), for the rules that run."""
    if config["audit.engine"] == "durable":
        workers = config["audit.workers"] or os.cpu_count() or 1
        # One ruleset per process whatever the configuration: every rule of the catalog.
        return DurableEngine(list(catalog.rules.values()), workers=workers, running=rules)
    return ColumnarEngine(rules)


@contextmanager
def _stage(result: AuditResult, name: str) -> Iterator[None]:
    started = perf_counter()
    yield
    result.seconds[name] += perf_counter() - started


def _evaluate(
    engine: Engine,
    facts: list[Fact],
    ran: dict[str, Rule],
    context: FactContext,
    result: AuditResult,
) -> None:
    with _stage(result, "evaluate"):
        evaluation = engine.evaluate(
            facts, result.config, context.calendar, context.as_of, context.dataset.records
        )
    matches = evaluation.matches
    if evaluation.unplaced:
        # A record the calendar cannot place is rejected, as when its facts are computed, and
        # no fact that stands on it is audited.
        rejected: dict[tuple[Any, ...], Any] = {}
        for lost in evaluation.unplaced:
            source = facts[lost.fact_index].record.source
            if (source.input, source.row) not in rejected:
                rejected[(source.input, source.row)] = None
                result.problems.append(unplaced(source, lost.error))
        matches = [
            m
            for m in matches
            if (facts[m.fact_index].record.source.input, facts[m.fact_index].record.source.row)
            not in rejected
        ]
    for index, values in evaluation.derived.items():
        # The derived fields a matched fact's messages and evidence read, as the engine measured.
        facts[index] = replace(facts[index], values={**facts[index].values, **values})
    with _stage(result, "violations"):
        _violations(matches, facts, ran, context, result)


def _violations(
    matches: list[Match],
    facts: list[Fact],
    ran: dict[str, Rule],
    context: FactContext,
    result: AuditResult,
) -> None:
    grouped: dict[tuple[str, int], list[int]] = defaultdict(list)
    for match in matches:
        if match.rule_id in ran:
            grouped[(match.rule_id, match.fact_index)].append(match.check_index)
    readings: dict[str, tuple[_Reading, ...]] = {}  # per rule, its checks'
    for (rule_id, fact_index), checks in grouped.items():
        rule, fact = ran[rule_id], facts[fact_index]
        if not _in_force(rule, fact, result.config):
            result.not_in_force += 1
            continue
        if rule_id not in readings:
            readings[rule_id] = tuple(_Reading.of(check) for check in rule.checks)
        fact = context.with_posting(fact)  # where the subject worked that day, for the report
        violation = _violation(rule, readings[rule_id], fact, sorted(checks), result.config)
        result.violations.append(violation)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """An audit creates millions of small objects and frees almost none until it ends: the cyclic
    collector's passes over them would cost more than the facts themselves (benchmarks/run.py:
    facts 2.5 s with them, 1.2 s without, at 100k records, and the same peak memory). What
    survives the audit is frozen, so that the report built from it is not slowed either; it is
    freed as usual when no longer referenced."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _answered(violation: Violation, context: FactContext) -> Violation:
    """A violation of a rule whose duty is another person's, attributed to that person."""
    field_name = violation.rule.answered_by
    person = violation.fact.values.get(field_name) if field_name else None
    if not person:
        return violation
    return replace(violation, fact=context.answered_by(violation.fact, str(person)))


def run_audit(
    paths: list[Path], catalog: Catalog, config: Config, as_of: date, db: str | None = None
) -> AuditResult:
    """Audit the files and folders given, and the PostgreSQL database at `db` if any."""
    with no_cycle_collection():
        started = perf_counter()
        dataset = load_dataset(paths, input_options(config), db)
        read = perf_counter() - started
        result = audit_dataset(dataset, catalog, config, as_of)
    # A report reads the violations, and each keeps its own fact: the facts that passed, most
    # of them, are freed before a report is built (benchmarks/run.py: peak RSS).
    result.facts.clear()
    result.seconds = {"read and validate": read, **result.seconds}
    return result


def audit_dataset(dataset: Dataset, catalog: Catalog, config: Config, as_of: date) -> AuditResult:
    with no_cycle_collection():
        return _audit(dataset, catalog, config, as_of)


def _audit(dataset: Dataset, catalog: Catalog, config: Config, as_of: date) -> AuditResult:
    result = AuditResult(as_of, config, catalog, dataset, problems=list(dataset.problems))
    if dataset.fatal:
        return result
    context = FactContext(dataset, config, calendar_from(config), as_of)
    with _stage(result, "facts"):
        facts, fact_problems = build_facts(context)
    result.facts = facts
    result.problems.extend(fact_problems)
    for rule in active_rules(catalog, config):
        reason = _not_run(rule, config, dataset)
        if reason is None:
            result.rules.append(rule)
        else:
            result.not_run.append(NotRun(rule.id, reason))
    ran = {rule.id: rule for rule in result.rules}
    engine = engine_for(catalog, result.rules, config)
    _evaluate(engine, facts, ran, context, result)
    # Second pass: facts that stand on the first pass's violations.
    with _stage(result, "facts"):
        late_facts, late_problems = build_late_facts(context, result.violations)
    result.facts.extend(late_facts)
    result.kinds_checked = {fact.kind for fact in result.facts}
    result.problems.extend(late_problems)
    _evaluate(engine, late_facts, ran, context, result)
    result.violations = [_answered(v, context) for v in result.violations]
    order = {rule_id: n for n, rule_id in enumerate(catalog.rules)}
    result.violations.sort(
        key=lambda v: (order[v.rule.id], v.fact.subject.id, v.fact.kind, v.fact.key)
    )
    result.problems.sort(key=lambda p: (p.source.sort_key, p.field or ""))
    return result
