"""The fast engine: the same declarative conditions, compiled to one Python function per fact kind.

It reads the same values as the durable-rules engine (`engine_value`: money in 分, decimals as
floats, dates and times as ISO text, parameters typed like the field they are compared with) and
applies the documented null semantics — a comparison with an empty value is false, an empty set
lacks everything — so both engines find the same matches in the same order; the parity tests
prove it on every fixture, every demo and a generated dataset.

Each kind's checks become the body of one generated function:

    def match(values, params):
        f0 = values.get('change_type')
        f1 = values.get('working_days_elapsed')
        hits = []
        if ((f0 in k0) and (f1 is not None and f1 > k1)):
            hits.append(0)
        return hits

Constants are bound by name (`k0`), never written into the source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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
from checker.engine import Match, constant_value, engine_value, in_fen, param_values
from checker.facts import FACT_KINDS, Fact
from checker.records import FieldSpec
from checker.rules import Rule

_CONVERTED = ("money", "decimal", "date", "time", "datetime")  # engine_value changes them
_EMPTY: frozenset[str] = frozenset()

Matcher = Callable[[Mapping[str, Any], Sequence[Any]], list[int]]


class _KindSource:
    """The generated function of one fact kind, built up check by check."""

    def __init__(self, kind: str, params: dict[tuple[str, bool], int]) -> None:
        self.kind = kind
        self.specs: Mapping[str, FieldSpec] = FACT_KINDS[kind].fields
        self.params = params  # shared by every kind: (key, in 分) -> position in params
        self.reads: dict[str, str] = {}  # field -> local name
        self.read_lines: list[str] = []
        self.test_lines: list[str] = []
        self.constants: dict[str, Any] = {}
        self.checks: list[tuple[str, int]] = []

    def field(self, name: str) -> str:
        local = self.reads.get(name)
        if local is None:
            local = self.reads[name] = f"f{len(self.reads)}"
            spec_type = self.specs[name].type
            if spec_type == "set":
                self.read_lines.append(f"{local} = values.get({name!r}) or EMPTY")
            elif spec_type in _CONVERTED:
                self.read_lines.append(f"{local} = values.get({name!r})")
                self.read_lines.append(
                    f"{local} = None if {local} is None else convert({local}, {spec_type!r})"
                )
            else:
                self.read_lines.append(f"{local} = values.get({name!r})")
        return local

    def constant(self, value: Any) -> str:
        name = f"k{len(self.constants)}"
        self.constants[name] = value
        return name

    def operand(self, operand: Operand, money: bool) -> str:
        if isinstance(operand, FieldRef):
            return self.field(operand.name)
        assert isinstance(operand, ParamRef)
        position = self.params.setdefault((operand.key, money), len(self.params))
        return f"params[{position}]"

    def expression(self, node: Condition) -> str:
        if isinstance(node, All):
            return "(" + " and ".join(self.expression(item) for item in node.items) + ")"
        if isinstance(node, AnyOf):
            return "(" + " or ".join(self.expression(item) for item in node.items) + ")"
        if isinstance(node, Compare):
            money = in_fen(node, self.specs)
            left = self.operand(node.left, money)
            if isinstance(node.right, Operand):
                right = self.operand(node.right, money)
                return f"({left} is not None and {right} is not None and {left} {node.op} {right})"
            right = self.constant(constant_value(node, self.specs))
            return f"({left} is not None and {left} {node.op} {right})"
        if isinstance(node, OneOf):
            return f"({self.field(node.field.name)} in {self.constant(frozenset(node.values))})"
        if isinstance(node, NoneOf):
            local, values = self.field(node.field.name), self.constant(frozenset(node.values))
            return f"({local} is not None and {local} not in {values})"
        if isinstance(node, IsNull):
            return f"({self.field(node.field.name)} is None)"
        if isinstance(node, NotNull):
            return f"({self.field(node.field.name)} is not None)"
        if isinstance(node, (Has, Lacks)):
            test = "in" if isinstance(node, Has) else "not in"
            return f"({self.constant(node.value)} {test} {self.field(node.field.name)})"
        raise TypeError(f"cannot compile {node!r}")

    def add(self, rule_id: str, index: int, condition: Condition) -> None:
        test = self.expression(condition)
        self.test_lines.append(f"if {test}:\n        hits.append({len(self.checks)})")
        self.checks.append((rule_id, index))

    def build(self) -> Matcher:
        body = "\n    ".join([*self.read_lines, "hits = []", *self.test_lines, "return hits"])
        source = f"def match(values, params):\n    {body}\n"
        namespace: dict[str, Any] = {"EMPTY": _EMPTY, "convert": engine_value, **self.constants}
        exec(compile(source, f"<fast engine: {self.kind}>", "exec"), namespace)
        return namespace["match"]


@dataclass(frozen=True)
class _Kind:
    match: Matcher
    checks: tuple[tuple[str, int], ...]  # (rule id, check index) by position in the hits


class FastEngine:
    """Evaluates the rules' checks over facts, in this process, with compiled Python."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        params: dict[tuple[str, bool], int] = {}
        sources: dict[str, _KindSource] = {}
        # Checks in (rule id, check index) order: a fact's matches come out sorted, as durable's.
        checks = sorted(
            (rule.id, index, check) for rule in rules for index, check in enumerate(rule.checks)
        )
        for rule_id, index, check in checks:
            source = sources.setdefault(check.kind, _KindSource(check.kind, params))
            source.add(rule_id, index, check.when)
        self._kinds = {kind: _Kind(s.build(), tuple(s.checks)) for kind, s in sources.items()}
        self._params = sorted(params, key=params.__getitem__)

    def evaluate(self, facts: Sequence[Fact], config: Config) -> list[Match]:
        values = param_values(self._params, config)
        params = [values[param] for param in self._params]
        kinds = self._kinds
        matches: list[Match] = []
        for index, fact in enumerate(facts):
            kind = kinds.get(fact.kind)
            if kind is not None:
                for hit in kind.match(fact.values, params):
                    matches.append(Match(index, *kind.checks[hit]))
        return matches
