"""Property: on facts drawn around every threshold and date edge of every rule's conditions, with
empty values and every choice of the parameters the conditions read, both engines find the same
matches in the same order."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from checker.calendar import WorkingCalendar
from checker.catalog import load_catalog
from checker.columnar import ColumnarEngine
from checker.conditions import Compare, FieldRef, Has, Lacks, NoneOf, OneOf, Operand
from checker.engine import DurableEngine
from checker.facts import FACT_KINDS, Fact, RecordRef, Subject
from checker.loading import Source
from checker.records import FieldSpec

CATALOG = load_catalog()
RULES = list(CATALOG.rules.values())
DURABLE = DurableEngine(RULES)  # the process's one ruleset, as the audit registers it
FAST = ColumnarEngine(RULES)
DAY = date(2026, 3, 16)
CALENDAR = WorkingCalendar()


def _near(value: Any) -> list[Any]:
    """A constant and its neighbours: the edge on both sides."""
    if isinstance(value, bool):
        return [value, not value]
    if isinstance(value, int):
        return [value - 1, value, value + 1]
    if isinstance(value, Decimal):
        step = Decimal("0.01")
        return [value - step, value, value + step]
    if isinstance(value, datetime):
        return [value - timedelta(seconds=1), value, value + timedelta(seconds=1)]
    if isinstance(value, date):
        return [value - timedelta(days=1), value, value + timedelta(days=1)]
    if isinstance(value, time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return [
            time(*divmod(divmod(s, 60)[0], 60), s % 60)
            for s in (max(seconds - 1, 0), seconds, min(seconds + 1, 86399))
        ]
    return [value]


def _edges(kinds: set[str]) -> dict[tuple[str, str], list[Any]]:
    """(kind, field) -> the constants every condition over it compares with, and neighbours."""
    edges: dict[tuple[str, str], list[Any]] = {}
    for rule in RULES:
        for check in rule.checks:
            if check.kind not in kinds:
                continue
            for node in check.when.walk():
                if isinstance(node, Compare) and isinstance(node.left, FieldRef):
                    found = [] if isinstance(node.right, Operand) else _near(node.right)
                    edges.setdefault((check.kind, node.left.name), []).extend(found)
                elif isinstance(node, (OneOf, NoneOf)):
                    edges.setdefault((check.kind, node.field.name), []).extend(node.values)
                elif isinstance(node, (Has, Lacks)):
                    edges.setdefault((check.kind, node.field.name), [])
    return edges


_SPREAD = {
    "int": [0, 1, 2, 3, 5, 10, 30],
    "money": [Decimal("0.00"), Decimal("0.01"), Decimal("100.00"), Decimal("50000.00")],
    "decimal": [Decimal("0"), Decimal("0.5"), Decimal("1.2"), Decimal("5.000001"), Decimal("20")],
    "date": [DAY + timedelta(days=n) for n in (-2, -1, 0, 1)],
    "datetime": [datetime(2026, 3, 16, 9, 0) + timedelta(minutes=n) for n in (-1, 0, 1, 30)],
    "time": [time(8, 59, 59), time(9, 0), time(9, 0, 1), time(17, 30)],
    "bool": [True, False],
    "text": ["x", "一部"],
}


def _values(spec: FieldSpec, edges: list[Any]) -> st.SearchStrategy[Any]:
    """A field's values: its edges, its choices, a spread shared by comparable fields (so that
    two fields compared with each other are often equal), and empty."""
    if spec.type == "set":
        return (
            st.frozensets(st.sampled_from(spec.choices)) if spec.choices else st.just(frozenset())
        )
    pool = [*edges, *spec.choices, *_SPREAD.get(spec.type, [])]
    if spec.type == "money":
        pool = [Decimal(v).quantize(Decimal("0.01")) for v in pool]
    return st.one_of(st.none(), st.sampled_from(pool))


def _facts(kind: str, edges: dict[tuple[str, str], list[Any]]) -> st.SearchStrategy[Fact]:
    specs = FACT_KINDS[kind].fields
    fields = {n: _values(s, edges.get((kind, n), [])) for n, s in specs.items()}

    def fact(values: dict[str, Any], number: int) -> Fact:
        key = f"{kind}-{number}"
        source = Source("property", number)
        return Fact(
            kind,
            key,
            RecordRef(kind, key, source),
            Subject("t", f"S{number % 7}", None),
            values,
            DAY,
        )

    return st.builds(fact, st.fixed_dictionaries(fields), st.integers(0, 10_000))


def _config(rule_params: list[str], base) -> st.SearchStrategy[Any]:
    """The base configuration with each parameter the rule reads drawn from its choices or edges."""
    choices: dict[str, st.SearchStrategy[Any]] = {}
    for key in rule_params:
        parameter = base.parameters[key]
        family = parameter.family
        if parameter.choices:
            choices[key] = st.sampled_from(parameter.choices)
        elif family == "int":
            accepts = TypeAdapter(parameter.type)  # PositiveInt refuses 0
            valid = [v for v in (0, 1, 2, 5, 10, 30) if _valid(accepts, v)]
            choices[key] = st.sampled_from(valid)
        elif family == "decimal":
            choices[key] = st.sampled_from([0.5, 1.2, 5.0, 20.0]) | st.none()
        elif family == "time":
            choices[key] = st.sampled_from(_SPREAD["time"])
        elif family == "bool":
            choices[key] = st.booleans()
    return st.fixed_dictionaries(choices).map(lambda values: base.with_values(values, "property"))


def _valid(accepts: TypeAdapter, value: Any) -> bool:
    try:
        accepts.validate_python(value)
    except ValidationError:
        return False
    return True


def _params(rule) -> list[str]:
    return list(dict.fromkeys(key for check in rule.checks for key in check.when.params()))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_both_engines_agree_on_edges_and_empty_values(rule, config):
    kinds = set(rule.kinds)
    edges = _edges(kinds)
    # Fewer, larger examples than before the columnar engine (25 of at most 12 facts): an
    # example's cost is mostly each engine's fixed cost per kind's query, not its facts.
    facts = st.lists(st.one_of(*(_facts(kind, edges) for kind in sorted(kinds))), max_size=30)

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(facts=facts, chosen=_config(_params(rule), config))
    def agree(facts: list[Fact], chosen) -> None:
        assert FAST.evaluate(facts, chosen, CALENDAR, DAY) == DURABLE.evaluate(
            facts, chosen, CALENDAR, DAY
        )

    agree()


def test_the_edges_reach_both_sides_of_a_threshold():
    edges = _edges({"ChangeEvent"})
    assert {9, 10, 11} <= set(edges[("ChangeEvent", "working_days_elapsed")])


def test_a_comparison_with_an_empty_value_is_false_in_both(config):
    # MEM-11-5a: reserve_cny ≠ required_reserve_cny. durable-rules itself finds 1 ≠ null true.
    fields = FACT_KINDS["MarginRefund"].fields
    for reserve, required in ((Decimal("10.00"), None), (None, Decimal("10.00")), (None, None)):
        values = dict.fromkeys(fields) | {"reserve_cny": reserve, "required_reserve_cny": required}
        ref = RecordRef("MarginRefund", "R1", Source("t", 1))
        fact = Fact("MarginRefund", "R1", ref, Subject("member", "M1", None), values, DAY)
        for engine in (FAST, DURABLE):
            found = [
                m
                for m in engine.evaluate([fact], config, CALENDAR, DAY).matches
                if m.rule_id == "MEM-11-5a"
            ]
            assert found == [], (engine, reserve, required)
