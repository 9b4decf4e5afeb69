"""Loading the rules: every regulation's rules, parameters and coverage, validated together.

Loading fails with one error listing every problem: a rule missing its article, quoted text,
titles, checks or penalty; a condition naming an unknown field or comparing a date with a number;
a message placeholder the record does not have; a penalty amount on a rule whose text states none;
a severity that does not follow the documented mapping.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import TypeAdapter, ValidationError

from checker import conditions
from checker.config import CORE_PARAMETERS, Parameter
from checker.derived import DERIVED_FIELDS
from checker.facts import DOMAINS, FACT_KINDS
from checker.i18n import Text
from checker.records import KINDS
from checker.rules import (
    SEVERITIES,
    Regulation,
    Rule,
    is_valid_article,
    penalty_parameter,
    severity_for,
)

Status = Literal["encoded", "not-checkable", "deferred"]
REASON_CATEGORIES = {
    "exhortation": Text("倡导性条款", "exhortation"),
    "no-record": Text("没有能反映该事项的记录", "no record could show it"),
    "outside-finding": Text("依赖外部认定", "depends on an outside finding"),
    "unintelligible": Text("原文语义不明", "the text is unintelligible"),
}
_RULE_ID = re.compile(r"^[A-Z]{3}-[A-Z0-9]+[a-z]?(-[A-Za-z0-9]+)*$")


class RuleError(ValueError):
    """Rules that cannot be loaded; the message lists every problem."""


@dataclass(frozen=True)
class CoverageEntry:
    id: str
    status: Status
    rule_id: str | None = None  # the rule that encodes it
    category: str | None = None
    reason: Text | None = None
    # Other regulations' rules for the same provision (a second company's version of the duty).
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    regulations: dict[str, Regulation]
    rules: dict[str, Rule]
    parameters: dict[str, Parameter]
    coverage: dict[str, CoverageEntry]

    def find(self, rule_id: str) -> Rule | None:
        """A rule by its id, or by a catalogue id it covers."""
        entry = self.coverage.get(rule_id)
        if entry is not None and entry.rule_id:
            return self.rules[entry.rule_id]
        return self.rules.get(rule_id)

    @property
    def prefixes(self) -> set[str]:
        return {rule_id.split("-")[0] for rule_id in self.rules}


def _check_penalty(
    rule: Rule, where: str, penalty, parameters: dict[str, Parameter], problems: list[str]
) -> None:
    if penalty.stated:
        if not penalty.basis or not penalty.text:
            problems.append(f"{where}: a stated penalty needs its basis article and quoted text")
    elif (
        penalty.basis
        or penalty.fine_min_cny is not None
        or penalty.fine_max_cny is not None
        or penalty.fine_min_field
        or penalty.fine_field
        or penalty.points
        or penalty.points_field
        or penalty.yuan_per_point_param
        or penalty.from_pay
        or penalty.measures
        or penalty.other_measures
        or penalty.escalation
    ):
        problems.append(f"{where}: the text states no penalty, so none may be given")
    if penalty.stated and penalty.delegated_to:
        problems.append(f"{where}: a stated penalty is not delegated to another document")
    if penalty.supplied_by:
        problems.append(f"{where}: only the configuration supplies a penalty")
    rate = penalty.yuan_per_point_param
    if rate and (rate not in parameters or parameters[rate].family != "decimal"):
        problems.append(f"{where}: {rate} is not a decimal parameter (元 per point)")
    if rate and not (penalty.points or penalty.points_field):
        problems.append(f"{where}: a 元-per-point rate needs points")
    if rate and (penalty.fine_min_cny is not None or penalty.fine_field or penalty.fine_min_field):
        problems.append(f"{where}: a fine from points cannot also have another fine")
    if (
        penalty.fine_min_cny is not None
        and penalty.fine_max_cny is not None
        and penalty.fine_min_cny > penalty.fine_max_cny
    ):
        problems.append(f"{where}: fine minimum above maximum")
    if penalty.fine_field and (
        penalty.fine_min_cny is not None or penalty.fine_max_cny is not None
    ):
        problems.append(f"{where}: a computed fine cannot also have a fixed range")
    for name, wanted in (
        (penalty.fine_min_field, "money"),
        (penalty.fine_field, "money"),
        (penalty.points_field, "int"),
    ):
        if not name:
            continue
        for kind in rule.kinds:
            spec = FACT_KINDS[kind].fields.get(name) if kind in FACT_KINDS else None
            if spec is None or spec.type != wanted:
                problems.append(f"{where}: {name} is not a field of {kind} of type {wanted}")


def validate_rule(
    rule: Rule, regulations: dict[str, Regulation], parameters: dict[str, Parameter]
) -> list[str]:
    problems: list[str] = []
    if not _RULE_ID.match(rule.id):
        problems.append(f"id {rule.id!r} is not like MEM-10-1")
    if rule.regulation.id not in regulations:
        problems.append(f"regulation {rule.regulation.id} is not registered")
    if not is_valid_article(rule.article):
        problems.append(f"article {rule.article!r} is not a reference like 第十条(一) or 第8项")
    if rule.line < 1:
        problems.append("the source line is missing")
    if not rule.text.strip():
        problems.append("the quoted article text is missing")
    if not rule.title.zh.strip() or not rule.title.en.strip():
        problems.append("a Chinese and an English title are both needed")
    if rule.severity not in SEVERITIES:
        problems.append(f"severity {rule.severity!r} is not one of {', '.join(SEVERITIES)}")
    elif rule.severity != severity_for(rule.penalty):
        problems.append(
            f"severity {rule.severity} does not follow its penalty "
            f"({severity_for(rule.penalty)}; see README: severity)"
        )
    if not rule.checks:
        problems.append("it has no checks")
    _check_penalty(rule, "penalty", rule.penalty, parameters, problems)
    param_families = {key: p.family for key, p in parameters.items()}
    for number, check in enumerate(rule.checks, start=1):
        where = f"check {number}"
        kind = FACT_KINDS.get(check.kind)
        if kind is None:
            problems.append(f"{where}: unknown record kind {check.kind}")
            continue
        problems.extend(
            f"{where}: {p}" for p in conditions.validate(check.when, kind.fields, param_families)
        )
        for lang in ("zh", "en"):
            template = check.message(lang)
            if not template.strip():
                problems.append(f"{where}: the {lang} message is empty")
            for name in (n for _, n, _, _ in string.Formatter().parse(template) if n):
                if name not in kind.fields:
                    problems.append(
                        f"{where}: message placeholder {{{name}}} is not a field of {check.kind}"
                    )
        if check.penalty is not None:
            _check_penalty(rule, f"{where} penalty", check.penalty, parameters, problems)
        if check.severity is not None:
            expected = severity_for(check.penalty or rule.penalty)
            if check.severity not in ("info", expected):
                problems.append(
                    f"{where}: severity {check.severity} does not follow its "
                    f"penalty ({expected}) and is not a notice (info)"
                )
    if rule.answered_by:
        for kind_name in rule.kinds:
            spec = (
                FACT_KINDS[kind_name].fields.get(rule.answered_by)
                if kind_name in FACT_KINDS
                else None
            )
            if spec is None or spec.type != "text":
                problems.append(
                    f"answered_by {rule.answered_by} is not a text field of {kind_name}"
                )
    for reading in rule.readings:
        if not reading.text.zh.strip() or not reading.text.en.strip():
            problems.append("a reading needs Chinese and English text")
        if reading.param and reading.param not in parameters:
            problems.append(f"reading names unknown parameter {reading.param}")
    for key in rule.needs_params:
        if key not in parameters:
            problems.append(f"needs unknown parameter {key}")
    for kind_name in rule.needs_kinds:
        if kind_name not in KINDS:
            problems.append(f"needs unknown record kind {kind_name}")
    if rule.provision and not (
        _RULE_ID.match(rule.provision) and rule.id.startswith(f"{rule.provision}-")
    ):
        problems.append(f"a version of {rule.provision} is named {rule.provision}-<TAG>")
    if rule.effective_from and rule.effective_to and rule.effective_from > rule.effective_to:
        problems.append("effective_from is after effective_to")
    return [f"{rule.id}: {p}" for p in problems]


def build_catalog(policies: tuple) -> Catalog:
    problems: list[str] = []
    regulations: dict[str, Regulation] = {}
    # Core parameters, then those of the fact domains (a working schedule several regulations
    # read), then each regulation's own.
    parameters: dict[str, Parameter] = {p.key: p for p in CORE_PARAMETERS}
    for domain in DOMAINS:
        for parameter in getattr(domain, "PARAMETERS", ()):
            if parameter.key in parameters:
                problems.append(f"parameter {parameter.key} declared twice")
            parameters[parameter.key] = parameter
    rules: dict[str, Rule] = {}
    coverage: dict[str, CoverageEntry] = {}
    variants: dict[str, list[str]] = {}  # provision -> rules of other regulations encoding it

    def cover(entry: CoverageEntry) -> None:
        if entry.id in coverage:
            problems.append(f"{entry.id} is accounted for twice in coverage")
        coverage[entry.id] = entry

    for policy in policies:
        regulation = policy.REGULATION
        if regulation.id in regulations:
            problems.append(f"regulation {regulation.id} registered twice")
        regulations[regulation.id] = regulation
        for parameter in policy.PARAMETERS:
            if parameter.key in parameters:
                problems.append(f"parameter {parameter.key} declared twice")
            parameters[parameter.key] = parameter
        if regulation.effective_param and regulation.effective_param not in parameters:
            problems.append(f"{regulation.id}: unknown effective-date parameter")
        for rule in policy.RULES:
            if rule.id in rules:
                problems.append(f"rule id {rule.id} used twice")
            rules[rule.id] = rule
            if rule.provision:
                variants.setdefault(rule.provision, []).append(rule.id)
            else:
                cover(CoverageEntry(rule.id, "encoded", rule_id=rule.id))
            for covered in rule.covers:
                cover(CoverageEntry(covered, "encoded", rule_id=rule.id))
        for rule_id, (category, reason) in policy.NOT_CHECKABLE.items():
            if category not in REASON_CATEGORIES:
                problems.append(f"{rule_id}: unknown reason category {category}")
            cover(CoverageEntry(rule_id, "not-checkable", category=category, reason=reason))
        for rule_id, reason in policy.DEFERRED.items():
            cover(CoverageEntry(rule_id, "deferred", reason=reason))
    for provision, rule_ids in variants.items():
        entry = coverage.get(provision)
        if entry is None:
            coverage[provision] = CoverageEntry(
                provision, "encoded", rule_id=rule_ids[0], variants=tuple(rule_ids[1:])
            )
        elif entry.status != "encoded":
            problems.append(f"{provision} is {entry.status} but {rule_ids[0]} encodes it")
        else:
            coverage[provision] = replace(entry, variants=(*entry.variants, *rule_ids))
    # A rule whose text states no penalty takes one from the configuration: penalties.<rule id>.
    for rule in rules.values():
        unstated = [
            p for p in (rule.penalty, *(c.penalty for c in rule.checks)) if p and not p.stated
        ]
        if unstated:
            parameter = penalty_parameter(rule.id, unstated[0])
            parameters[parameter.key] = parameter
    for rule in rules.values():
        problems.extend(validate_rule(rule, regulations, parameters))
    families = {key: p.family for key, p in parameters.items()}
    for kind, derived in DERIVED_FIELDS.items():
        for field in derived.values():
            problems.extend(
                f"derived field {kind}.{field.name}: {p}"
                for p in conditions.operand_problems(
                    field.expression, FACT_KINDS[kind].fields, families
                )
            )
    problems.extend(_working_day_counts(rules.values(), parameters))
    if problems:
        raise RuleError("the rules cannot be loaded:\n  " + "\n  ".join(problems))
    return Catalog(regulations, rules, parameters, coverage)


def _working_day_counts(rules: Iterable[Rule], parameters: dict[str, Parameter]) -> list[str]:
    """A parameter that counts working days must refuse a negative number when it is set: the
    calendar counts forward only, and a negative count would end the audit instead."""
    operands = [o for rule in rules for check in rule.checks for o in check.when.leaves()]
    for derived in DERIVED_FIELDS.values():
        operands.extend(o for field in derived.values() for o in field.expression.walk())
    keys = {
        part.key
        for operand in operands
        if isinstance(operand, conditions.WorkingDays)
        and operand.function == conditions.WORKING_DAY_AFTER
        and isinstance(operand.args[1], conditions.Operand)
        for part in operand.args[1].walk()
        if isinstance(part, conditions.ParamRef)
    }
    problems = []
    for key in sorted(keys & parameters.keys()):
        try:
            TypeAdapter(parameters[key].type).validate_python(-1)
        except ValidationError:
            continue
        problems.append(f"parameter {key} counts working days: its type must refuse -1")
    return problems


@cache
def load_catalog() -> Catalog:
    from policies import POLICIES

    return build_catalog(POLICIES)


# --------------------------------------------------------------------------- shared/catalogue.md

_CATALOGUE_ROW = re.compile(r"^\|\s*([A-Z]{3}-[A-Za-z0-9-]+)\s*\|")


def catalogue_ids(path: Path) -> list[str]:
    """Every provision id in the catalogue's tables, in order."""
    ids: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _CATALOGUE_ROW.match(line)
        if match:
            ids.setdefault(match.group(1))
    return list(ids)
