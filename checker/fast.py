"""The fast engine: the same declarative conditions, compiled to Python closures per fact kind.

It reads the same values as the durable-rules engine (`engine_value`: money in 分, decimals as
floats, dates and times as ISO text, parameters typed like the field they are compared with) and
applies the documented null semantics — a comparison with an empty value is false, an empty set
lacks everything — so both engines find the same matches in the same order; the parity tests
prove it on every fixture, every demo and a generated dataset.

For each kind, the fields its checks read are converted once per fact into a row; each check is
a tree of closures over that row (no source text is generated or run: tests/test_safety.py).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker import conditions as c
from checker.config import Config
from checker.engine import Match, constant_value, engine_value, in_fen, param_values
from checker.facts import FACT_KINDS, Fact
from checker.records import FieldSpec
from checker.rules import Rule

Row = list[Any]  # a fact's values, in the order its kind's checks read them
Params = Sequence[Any]
Test = Callable[[Row, Params], bool]
Reader = Callable[[Mapping[str, Any]], Any]

_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
_CONVERTED = ("money", "decimal", "date", "time", "datetime")  # engine_value changes them
_EMPTY: frozenset[str] = frozenset()


def _reader(name: str, spec_type: str) -> Reader:
    if spec_type == "set":
        return lambda values: values.get(name) or _EMPTY
    if spec_type in _CONVERTED:

        def converted(values: Mapping[str, Any]) -> Any:
            value = values.get(name)
            return None if value is None else engine_value(value, spec_type)

        return converted
    return lambda values: values.get(name)


# Loops, not all() or any() over a generator (SIM110): a generator per fact and check costs
# more than most tests.
def _all(tests: list[Test]) -> Test:
    def test(row: Row, params: Params) -> bool:
        for t in tests:  # noqa: SIM110
            if not t(row, params):
                return False
        return True

    return test


def _any(tests: list[Test]) -> Test:
    def test(row: Row, params: Params) -> bool:
        for t in tests:  # noqa: SIM110
            if t(row, params):
                return True
        return False

    return test


class _KindCompiler:
    """The checks of one fact kind: the fields they read and a test per check."""

    def __init__(self, kind: str, params: dict[tuple[str, bool], int]) -> None:
        self.specs: Mapping[str, FieldSpec] = FACT_KINDS[kind].fields
        self.params = params  # shared by every kind: (key, in 分) -> position in the params
        self.positions: dict[str, int] = {}  # field -> position in the row
        self.readers: list[Reader] = []
        self.tests: list[Test] = []
        self.checks: list[tuple[str, int]] = []

    def field(self, name: str) -> int:
        if name not in self.positions:
            self.positions[name] = len(self.readers)
            self.readers.append(_reader(name, self.specs[name].type))
        return self.positions[name]

    def operand(self, operand: c.Operand, money: bool) -> tuple[bool, int]:
        """(is a parameter, position) of a field or a parameter."""
        if isinstance(operand, c.FieldRef):
            return False, self.field(operand.name)
        assert isinstance(operand, c.ParamRef)
        return True, self.params.setdefault((operand.key, money), len(self.params))

    def compile(self, node: c.Condition) -> Test:
        if isinstance(node, c.All):
            return _all([self.compile(item) for item in node.items])
        if isinstance(node, c.AnyOf):
            return _any([self.compile(item) for item in node.items])
        if isinstance(node, c.Compare):
            return self.compare(node)
        if isinstance(node, (c.OneOf, c.NoneOf)):
            i, values = self.field(node.field.name), frozenset(node.values)
            if isinstance(node, c.OneOf):
                return lambda row, params: row[i] in values
            return lambda row, params: (x := row[i]) is not None and x not in values
        if isinstance(node, c.IsNull):
            i = self.field(node.field.name)
            return lambda row, params: row[i] is None
        if isinstance(node, c.NotNull):
            i = self.field(node.field.name)
            return lambda row, params: row[i] is not None
        if isinstance(node, (c.Has, c.Lacks)):
            i, choice = self.field(node.field.name), node.value
            if isinstance(node, c.Has):
                return lambda row, params: choice in row[i]
            return lambda row, params: choice not in row[i]
        raise TypeError(f"cannot compile {node!r}")

    def compare(self, node: c.Compare) -> Test:
        op = _OPERATORS[node.op]
        money = in_fen(node, self.specs)
        left_is_param, i = self.operand(node.left, money)
        if not isinstance(node.right, c.Operand):
            k = constant_value(node, self.specs)
            if left_is_param:
                return lambda row, params: (x := params[i]) is not None and op(x, k)
            return lambda row, params: (x := row[i]) is not None and op(x, k)
        right_is_param, j = self.operand(node.right, money)

        def side(is_param: bool, position: int) -> Callable[[Row, Params], Any]:
            if is_param:
                return lambda row, params: params[position]
            return lambda row, params: row[position]

        left, right = side(left_is_param, i), side(right_is_param, j)

        def test(row: Row, params: Params) -> bool:
            a, b = left(row, params), right(row, params)
            return a is not None and b is not None and op(a, b)

        return test

    def add(self, rule_id: str, index: int, condition: c.Condition) -> None:
        self.tests.append(self.compile(condition))
        self.checks.append((rule_id, index))


@dataclass(frozen=True)
class _Kind:
    readers: tuple[Reader, ...]
    checks: tuple[tuple[Test, str, int], ...]  # each check's test, rule id and index


class FastEngine:
    """Evaluates the rules' checks over facts, in this process, with compiled closures."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        params: dict[tuple[str, bool], int] = {}
        compilers: dict[str, _KindCompiler] = {}
        # Checks in (rule id, check index) order: a fact's matches come out sorted, as durable's.
        checks = sorted(
            (rule.id, index, check) for rule in rules for index, check in enumerate(rule.checks)
        )
        for rule_id, index, check in checks:
            compiler = compilers.setdefault(check.kind, _KindCompiler(check.kind, params))
            compiler.add(rule_id, index, check.when)
        self._kinds = {
            kind: _Kind(
                tuple(k.readers),
                tuple((test, *check) for test, check in zip(k.tests, k.checks, strict=True)),
            )
            for kind, k in compilers.items()
        }
        self._params = sorted(params, key=params.__getitem__)

    def evaluate(self, facts: Sequence[Fact], config: Config) -> list[Match]:
        values = param_values(self._params, config)
        params = [values[param] for param in self._params]
        kinds = self._kinds
        matches: list[Match] = []
        for index, fact in enumerate(facts):
            kind = kinds.get(fact.kind)
            if kind is None:
                continue
            values = fact.values
            row = [read(values) for read in kind.readers]
            for test, rule_id, check_index in kind.checks:
                if test(row, params):
                    matches.append(Match(index, rule_id, check_index))
        return matches
