"""Running the rules on durable-rules, hardened against the hazards measured in
shared/notes/durable-rules.md.

- Facts, not events: an event is consumed by the first rule that matches it.
- The engine's `id` is a sequence number within one `sid`, never a business key: ids are
  de-duplicated on a 32-bit hash, so business keys could collide and vanish.
- One ruleset per process, registered once, whatever the configuration: parameters travel in the
  facts, not in the ruleset.
- A `sid` per chunk of at most CHUNK facts, deleted afterwards: fewer than 1,024 live sids, and
  per-fact cost stays flat.
- No `none()`, no joins, no counts: cross-record facts are computed in Python beforehand
  (checker.facts).
- No background dispatcher thread: actions run inside `assert_facts` and nothing runs after it
  returns. Every fact must hit a catch-all rule exactly once, and an exception an action swallowed
  into the state is raised: either means the engine's result cannot be trusted.
- Results are de-duplicated and sorted by the caller's fact order, so input order never matters.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from durable import engine as durable

from checker.conditions import (
    All,
    AnyOf,
    Compare,
    Condition,
    FieldRef,
    Has,
    IsNull,
    Lacks,
    NoneOf,
    NotNull,
    OneOf,
    Operand,
    ParamRef,
)
from checker.config import Config
from checker.facts import FACT_KINDS, Fact
from checker.records import FieldSpec
from checker.rules import Rule

CHUNK = 1000
MAX_PROPERTIES = 252  # durable-rules' limit per fact
_CATCH_ALL = "__every_fact__"
_OPS = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte", "!=": "$neq"}


class EngineError(RuntimeError):
    """The engine's result cannot be trusted; the audit stops as an internal error."""


class _SynchronousHost(durable.Host):
    """A host without the dispatcher and timer threads the library starts by default."""

    def _run(self) -> None:
        return None


_host: _SynchronousHost | None = None
_registered: dict[str, tuple[str, ...]] = {}  # ruleset name -> its engine rule names
_action_buffers: dict[str, list[tuple[str, str]]] = {}  # ruleset name -> (rule, fact id) hits
_sids = itertools.count(1)


def _get_host() -> _SynchronousHost:
    global _host
    if _host is None:
        _host = _SynchronousHost()
    return _host


# --------------------------------------------------------------------------- values


def engine_value(value: Any, spec_type: str) -> Any:
    """A typed value as the engine compares it: money in 分, decimals as floats, dates as ISO."""
    if value is None:
        return None
    if spec_type == "money":
        return int((Decimal(value) * 100).to_integral_value())
    if spec_type == "decimal":
        return float(value)
    if spec_type in ("date", "time", "datetime"):
        # ISO text compares in time order: 2026-03-02, 09:05:00, 2026-03-02T09:05:00.
        return value.isoformat(timespec="seconds") if spec_type != "date" else value.isoformat()
    return value


def _param_key(key: str, money: bool) -> str:
    # No dots: durable-rules reads a dotted key as a path into a nested object.
    return "param__" + key.replace(".", "__") + ("__fen" if money else "")


def _set_key(field: str, choice: str) -> str:
    return f"{field}#{choice}"


# --------------------------------------------------------------------------- compiling


@dataclass
class _KindPlan:
    """What a fact of one kind carries into the engine."""

    fields: dict[str, FieldSpec]  # only the fields some condition reads
    params: dict[str, tuple[str, bool]]  # engine key -> (parameter key, in 分)


class _Compiler:
    def __init__(self, specs: Mapping[str, FieldSpec], plan: _KindPlan) -> None:
        self.specs = specs
        self.plan = plan

    def field(self, name: str) -> str:
        self.plan.fields[name] = self.specs[name]
        return name

    def operand(self, operand: Operand, money: bool) -> str:
        if isinstance(operand, FieldRef):
            return self.field(operand.name)
        assert isinstance(operand, ParamRef)
        key = _param_key(operand.key, money)
        self.plan.params[key] = (operand.key, money)
        return key

    def compile(self, node: Condition) -> dict[str, Any]:
        if isinstance(node, All):
            return {"$and": [self.compile(item) for item in node.items]}
        if isinstance(node, AnyOf):
            return {"$or": [self.compile(item) for item in node.items]}
        if isinstance(node, Compare):
            return self.compare(node)
        if isinstance(node, OneOf):
            name = self.field(node.field.name)
            parts = [{name: value} for value in node.values]
            return parts[0] if len(parts) == 1 else {"$or": parts}
        if isinstance(node, NoneOf):
            name = self.field(node.field.name)
            parts = [{"$neq": {name: value}} for value in node.values]
            return parts[0] if len(parts) == 1 else {"$and": parts}
        if isinstance(node, IsNull):
            return {self.field(node.field.name): None}
        if isinstance(node, NotNull):
            return {"$neq": {self.field(node.field.name): None}}
        if isinstance(node, (Has, Lacks)):
            self.field(node.field.name)
            return {_set_key(node.field.name, node.value): isinstance(node, Has)}
        raise TypeError(f"cannot compile {node!r}")

    def compare(self, node: Compare) -> dict[str, Any]:
        left_spec = self.specs[node.left.name] if isinstance(node.left, FieldRef) else None
        money = left_spec is not None and left_spec.type == "money"
        left = self.operand(node.left, money)
        if isinstance(node.right, Operand):
            right: Any = {"$m": self.operand(node.right, money)}
        else:
            right = engine_value(node.right, left_spec.type) if left_spec else node.right
        if node.op == "==":
            return {left: right}
        return {_OPS[node.op]: {left: right}}


@dataclass(frozen=True)
class _Compiled:
    definition: dict[str, Any]
    plans: dict[str, _KindPlan]
    checks: dict[str, tuple[str, int]]  # engine rule name -> (rule id, check index)


def compile_rules(rules: Iterable[Rule]) -> _Compiled:
    definition: dict[str, Any] = {}
    plans: dict[str, _KindPlan] = {}
    checks: dict[str, tuple[str, int]] = {}
    for rule in rules:
        for index, check in enumerate(rule.checks):
            specs = FACT_KINDS[check.kind].fields
            plan = plans.setdefault(check.kind, _KindPlan({}, {}))
            condition = _Compiler(specs, plan).compile(check.when)
            name = f"{rule.id}#{index}"
            checks[name] = (rule.id, index)
            definition[name] = {"all": [{"m": {"$and": [{"kind": check.kind}, condition]}}]}
    for kind, plan in plans.items():
        width = 4 + sum(len(s.choices) if s.type == "set" else 1 for s in plan.fields.values())
        if width + len(plan.params) > MAX_PROPERTIES:
            raise EngineError(f"facts of {kind} would carry more than {MAX_PROPERTIES} properties")
    # A rule every fact matches: no fact goes unhandled, and each one is counted.
    definition[_CATCH_ALL] = {"all": [{"m": {"$ex": {"_fact": 1}}}]}
    return _Compiled(definition, plans, checks)


# --------------------------------------------------------------------------- running


@dataclass(frozen=True)
class Match:
    fact_index: int  # position in the facts given to evaluate()
    rule_id: str
    check_index: int


class DurableEngine:
    """Evaluates rule checks over facts; the ruleset is registered once per process and name."""

    def __init__(self, rules: Sequence[Rule], name: str = "compliance") -> None:
        self.name = name
        self._compiled = compile_rules(rules)
        signature = tuple(sorted(self._compiled.definition))
        if name in _registered:
            if _registered[name] != signature:
                raise EngineError(f"ruleset {name} is already registered with other rules")
        else:
            buffer: list[tuple[str, str]] = []
            definition = {
                rule_name: {**body, "run": _recorder(buffer, rule_name)}
                for rule_name, body in self._compiled.definition.items()
            }
            _get_host().register_rulesets({name: definition})
            _registered[name] = signature
            _action_buffers[name] = buffer
        self._hits = _action_buffers[name]

    def _payload(self, fact: Fact, number: int, sid: str, config: Config) -> dict[str, Any]:
        payload: dict[str, Any] = {"id": str(number), "sid": sid, "_fact": 1, "kind": fact.kind}
        plan = self._compiled.plans.get(fact.kind)
        if plan is None:
            return payload
        for name, spec in plan.fields.items():
            value = fact.values.get(name)
            if spec.type == "set":
                chosen = value or frozenset()
                for choice in spec.choices:
                    payload[_set_key(name, choice)] = choice in chosen
            else:
                payload[name] = engine_value(value, spec.type)
        for engine_key, (param_key, money) in plan.params.items():
            kind = "money" if money else config.parameters[param_key].family
            payload[engine_key] = engine_value(config[param_key], kind)
        return payload

    def evaluate(self, facts: Sequence[Fact], config: Config) -> list[Match]:
        host = _get_host()
        matches: set[Match] = set()
        for start in range(0, len(facts), CHUNK):
            chunk = facts[start : start + CHUNK]
            sid = f"{self.name}-{next(_sids)}"
            payload = [self._payload(fact, n, sid, config) for n, fact in enumerate(chunk, 1)]
            self._hits.clear()
            try:
                host.assert_facts(self.name, payload)
                state = host.get_state(self.name, sid)
            except durable.MessageNotHandledException as error:
                raise EngineError(f"a fact matched no rule: {error}") from error
            finally:
                with contextlib.suppress(Exception):  # no state is left after some failures
                    host.delete_state(self.name, sid)
            if "exception" in state:
                raise EngineError(f"a rule action failed inside the engine: {state['exception']}")
            seen = [int(fact_id) for rule_name, fact_id in self._hits if rule_name == _CATCH_ALL]
            if sorted(seen) != list(range(1, len(chunk) + 1)):
                raise EngineError(f"the engine saw {len(seen)} of {len(chunk)} facts")
            for rule_name, fact_id in self._hits:
                if rule_name != _CATCH_ALL:
                    rule_id, check_index = self._compiled.checks[rule_name]
                    matches.add(Match(start + int(fact_id) - 1, rule_id, check_index))
        return sorted(matches, key=lambda m: (m.fact_index, m.rule_id, m.check_index))


def _recorder(buffer: list[tuple[str, str]], rule_name: str):
    def record(closure: Any) -> None:
        buffer.append((rule_name, closure.m["id"]))

    return record
