"""The condition language's meaning, in both engines: three-valued NOT, arithmetic, date offsets,
the audit date and working days on the PRC calendar.

Each condition is checked against an oracle written here in plain Python (Kleene's logic over
the values, `WorkingCalendar` for working days), on rows drawn around the edges: empty values,
holidays, make-up workdays (调休), year ends, and dates the calendar cannot place.
"""

from __future__ import annotations

import contextlib
import itertools
from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import conditions as c
from checker.calendar import CalendarError, DateRangeError, WorkingCalendar, add_months, shift
from checker.catalog import load_catalog
from checker.columnar import ColumnarEngine, Measurer, cached_plans, computed_column
from checker.conditions import AUDIT_DATE, F, R, days, months
from checker.engine import DurableEngine
from checker.facts import FACT_KINDS, Fact, RecordRef, Subject
from checker.i18n import Text
from checker.loading import Source
from checker.rules import Check

CATALOG = load_catalog()
TEMPLATE = CATALOG.rules["MEM-10-1"]  # a rule over change events, reused as a frame
KIND = "ChangeEvent"
AS_OF = date(2025, 10, 9)
CALENDAR = WorkingCalendar()

# Days around the edges of 2024–2026: National Day and its make-up Sundays, Spring Festival,
# a year end into a year the package knows, and 2026's end into 2027, which it does not.
EDGE_DAYS = [
    date(2024, 12, 31),
    date(2025, 1, 1),
    date(2025, 1, 26),  # a Sunday made a workday (调休) before Spring Festival
    date(2025, 1, 28),
    date(2025, 2, 5),
    date(2025, 9, 28),  # a Sunday made a workday before National Day
    date(2025, 9, 30),
    date(2025, 10, 1),
    date(2025, 10, 8),
    date(2025, 10, 9),
    date(2025, 10, 11),  # a Saturday made a workday after National Day
    date(2025, 10, 12),
    date(2026, 12, 18),
    date(2026, 12, 31),
    date(2027, 1, 4),  # a year the calendar does not know
]

# Each condition is named, so that a failure says which.
CONDITIONS: dict[str, c.Condition] = {
    "not >": ~(F.amount_cny > 10),
    "not not": ~~(F.amount_cny > 10),
    "not and": ~((F.amount_cny > 10) & F.report_written.is_true()),
    "not or": ~((F.amount_cny > 10) | F.report_written.is_false()),
    "not in": ~F.change_type.is_in(["法定代表人", "注册资本"]),
    "not null": ~F.reported_date.is_null(),
    "not or null": ~(F.amount_cny > 10) | F.amount_cny.is_null(),
    "sum": F.amount_cny + F.amount_cny > 15,
    "difference of amounts": F.amount_cny - F.amount_cny == 0,
    "amount times a rate": F.amount_cny * 2 >= 10_000,
    "days between dates": F.reported_date - F.occurred_date > 30,
    "days after": F.reported_date > F.occurred_date + days(30),
    "months after": F.reported_date >= F.occurred_date + months(1),
    "audit date": F.occurred_date + days(10) < AUDIT_DATE,
    "or else": F.reported_date.or_else(AUDIT_DATE) > F.occurred_date + days(14),
    "deadline": F.reported_date.or_else(AUDIT_DATE) > c.working_day_after(F.occurred_date, 10),
    "elapsed": c.working_days_between(F.occurred_date, F.reported_date) > 10,
    "elapsed backwards": c.working_days_between(F.reported_date, F.occurred_date) < -3,
    "next working day": c.next_working_day(F.occurred_date) == F.reported_date,
    "nested": c.working_day_after(c.next_working_day(F.occurred_date), 3) < F.reported_date,
    "not deadline": ~(F.reported_date > c.working_day_after(F.occurred_date, 5)),
    "in a list parameter": F.change_type.is_in(c.P("member.restricted_financial_products")),
    "not in a list parameter": ~F.change_type.is_in(c.P("member.restricted_financial_products")),
    "weeks": (F.reported_date - F.occurred_date) // 7 >= 1,
    "weeks back": (F.occurred_date - F.reported_date) // 7 == -1,
    "divided by 0": (F.reported_date - F.occurred_date) // (F.occurred_date - F.occurred_date) > 0,
}


def _rule(name: str, condition: c.Condition):
    check = Check(KIND, condition, Text(name, name))
    return replace(TEMPLATE, id=f"LANG-{name}", checks=(check,))


RULES = [_rule(name, condition) for name, condition in CONDITIONS.items()]
FAST = ColumnarEngine(RULES)
DURABLE = DurableEngine(RULES, name="condition-language")


# --------------------------------------------------------------------------- the oracle

Unknown = None  # Kleene's third value


def _value(operand: Any, values: dict[str, Any]) -> Any:
    """An operand worked out in Python: empty in, empty out; the calendar's own arithmetic."""
    if not isinstance(operand, c.Operand):
        return operand
    if isinstance(operand, c.FieldRef):
        return values.get(operand.name)
    if isinstance(operand, c.AuditDate):
        return AS_OF
    if isinstance(operand, c.ParamRef):
        return CATALOG_CONFIG[operand.key]
    if isinstance(operand, c.Listed):
        value = _value(operand.field, values)
        return None if value is None else value in _value(operand.values, values)
    if isinstance(operand, c.Coalesce):
        first = _value(operand.first, values)
        return _value(operand.otherwise, values) if first is None else first
    if isinstance(operand, c.Arithmetic):
        left, right = operand.left, operand.right
        if isinstance(right, c.Period):
            day = _value(left, values)
            if day is None:
                return None
            count = right.count if operand.op == "+" else -right.count
            return shift(day, count) if right.unit == "days" else add_months(day, count)
        a, b = _value(left, values), _value(right, values)
        if a is None or b is None:
            return None
        if isinstance(a, date):
            return (a - b).days
        if operand.op == "//":
            return None if b == 0 else a // b
        return {"+": a + b, "-": a - b, "*": a * b}[operand.op]
    assert isinstance(operand, c.WorkingDays)
    args = [_value(a, values) for a in operand.args]
    if any(a is None for a in args):
        return None
    if operand.function == c.WORKING_DAY_AFTER:
        return CALENDAR.add_working_days(*args)
    if operand.function == c.WORKING_DAYS_BETWEEN:
        return CALENDAR.working_days_between(*args)
    return CALENDAR.on_working_day(*args)


def _truth(node: c.Condition, values: dict[str, Any]) -> bool | None:
    if isinstance(node, c.Not):
        inner = _truth(node.item, values)
        return None if inner is None else not inner
    if isinstance(node, (c.All, c.AnyOf)):
        found = [_truth(item, values) for item in node.items]
        decisive = isinstance(node, c.AnyOf)  # true decides an or, false an and
        if decisive in found:
            return decisive
        return None if None in found else not decisive
    if isinstance(node, c.Compare):
        a, b = _value(node.left, values), _value(node.right, values)
        if a is None or b is None:
            return None
        return {
            "<": a < b,
            "<=": a <= b,
            ">": a > b,
            ">=": a >= b,
            "==": a == b,
            "!=": a != b,
        }[node.op]
    if isinstance(node, (c.OneOf, c.NoneOf)):
        value = values.get(node.field.name)
        if value is None:
            return None
        return (value in node.values) == isinstance(node, c.OneOf)
    if isinstance(node, c.IsNull):
        return values.get(node.field.name) is None
    if isinstance(node, c.NotNull):
        return values.get(node.field.name) is not None
    raise TypeError(node)


def _expected(values: dict[str, Any]) -> tuple[set[str], bool]:
    """The rules a fact matches, and whether the calendar cannot place it."""
    matched: set[str] = set()
    for rule in RULES:
        try:
            if _truth(rule.checks[0].when, values) is True:
                matched.add(rule.id)
        except CalendarError:
            return set(), True
    return matched, False


# --------------------------------------------------------------------------- the tests

_FIELDS = {
    "change_type": st.sampled_from([None, "法定代表人", "注册资本", "住所", "黄金"]),
    "occurred_date": st.sampled_from([None, *EDGE_DAYS]),
    "reported_date": st.sampled_from([None, *EDGE_DAYS]),
    "report_written": st.sampled_from([None, True, False]),
    "amount_cny": st.sampled_from([None, 0, 7, 9, 10, 11, 4_999, 5_000, 5_001]),
}


def _fact(number: int, values: dict[str, Any]) -> Fact:
    key = f"E{number}"
    ref = RecordRef(KIND, key, Source("language.csv", number + 2))
    return Fact(KIND, key, ref, Subject("member", "M1", None), values, AS_OF)


def _found(engine, facts: list[Fact]) -> tuple[dict[int, set[str]], set[int]]:
    evaluation = engine.evaluate(facts, CATALOG_CONFIG, CALENDAR, AS_OF)
    matched: dict[int, set[str]] = {i: set() for i in range(len(facts))}
    for match in evaluation.matches:
        matched[match.fact_index].add(match.rule_id)
    return matched, {u.fact_index for u in evaluation.unplaced}


CATALOG_CONFIG = None  # set by the fixture below: the default configuration


@pytest.fixture(autouse=True)
def _default_config(config):
    global CATALOG_CONFIG
    CATALOG_CONFIG = config


def _money(values: dict[str, Any]) -> dict[str, Any]:
    amount = values.get("amount_cny")
    return values | {"amount_cny": None if amount is None else Decimal(amount)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.fixed_dictionaries(_FIELDS), min_size=1, max_size=25))
def test_both_engines_give_the_oracles_truth(rows):
    facts = [_fact(n, _money(row)) for n, row in enumerate(rows)]
    for engine in (FAST, DURABLE):
        matched, unplaced = _found(engine, facts)
        for n, fact in enumerate(facts):
            expected, lost = _expected(dict(fact.values))
            assert (n in unplaced) == lost, (engine, fact.values)
            if not lost:
                assert matched[n] == expected, (engine, fact.values)


def test_every_edge_day_pair_agrees_with_the_calendar():
    """Exhaustive over the edge days: deadlines and elapsed working days as WorkingCalendar
    counts them, holidays, make-up workdays and year ends included."""
    rows = [
        {"occurred_date": a, "reported_date": b}
        for a, b in itertools.product([*EDGE_DAYS, None], repeat=2)
    ]
    facts = [_fact(n, row) for n, row in enumerate(rows)]
    for engine in (FAST, DURABLE):
        matched, unplaced = _found(engine, facts)
        for n, fact in enumerate(facts):
            expected, lost = _expected(dict(fact.values))
            assert (n in unplaced) == lost, (engine, fact.values)
            assert lost or matched[n] == expected, (engine, fact.values)
    assert unplaced, "2027 is beyond the calendar: some rows must be unplaced"


def test_three_valued_not_on_an_empty_value():
    facts = [_fact(0, {"amount_cny": None}), _fact(1, {"amount_cny": Decimal(3)})]
    for engine in (FAST, DURABLE):
        matched, _ = _found(engine, facts)
        # ~(x > 10) is unknown on an empty x, so it does not match; it matches 3.
        assert "LANG-not >" not in matched[0] and "LANG-not >" in matched[1]
        assert "LANG-not or null" in matched[0] and "LANG-not or null" in matched[1]


def test_a_deadline_over_national_day():
    # 2025-09-30 + 10 working days: 1–8 October are holidays and 11 October a make-up Saturday.
    assert CALENDAR.add_working_days(date(2025, 9, 30), 10) == date(2025, 10, 21)
    on_time = _fact(0, {"occurred_date": date(2025, 9, 30), "reported_date": date(2025, 10, 21)})
    late = _fact(1, {"occurred_date": date(2025, 9, 30), "reported_date": date(2025, 10, 22)})
    for engine in (FAST, DURABLE):
        matched, _ = _found(engine, [on_time, late])
        assert "LANG-deadline" not in matched[0] and "LANG-deadline" in matched[1]


def test_a_span_into_an_unknown_year_rejects_the_record_with_the_calendars_words():
    fact = _fact(0, {"occurred_date": date(2026, 12, 25), "reported_date": None})
    with pytest.raises(CalendarError) as raised:
        CALENDAR.add_working_days(date(2026, 12, 25), 10)
    for engine in (FAST, DURABLE):
        evaluation = engine.evaluate([fact], CATALOG_CONFIG, CALENDAR, AS_OF)
        assert evaluation.matches == []
        assert [str(u.error) for u in evaluation.unplaced] == [str(raised.value)]


def test_weekends_only_for_unknown_years_places_them():
    weekends = WorkingCalendar(fallback="weekends")
    fact = _fact(0, {"occurred_date": date(2026, 12, 25), "reported_date": date(2027, 1, 12)})
    # 10 working days after Fri 25 Dec 2026, 2027 by weekends only: Fri 8 Jan (1 Jan counts).
    assert weekends.add_working_days(date(2026, 12, 25), 10) == date(2027, 1, 8)
    for engine in (FAST, DURABLE):
        evaluation = engine.evaluate([fact], CATALOG_CONFIG, weekends, AS_OF)
        assert evaluation.unplaced == []
        assert "LANG-deadline" in {m.rule_id for m in evaluation.matches}


def test_a_year_the_configuration_adds_is_placed_and_one_beyond_is_not():
    extended = WorkingCalendar(additional_years=frozenset({2028}))
    # 2027 is not known: a span from 2026 to 2028 crosses it and cannot be counted.
    fact = _fact(0, {"occurred_date": date(2026, 12, 1), "reported_date": date(2028, 1, 5)})
    for engine in (FAST, DURABLE):
        evaluation = engine.evaluate([fact], CATALOG_CONFIG, extended, AS_OF)
        assert [u.fact_index for u in evaluation.unplaced] == [0]
    with pytest.raises(CalendarError):
        extended.working_days_between(date(2026, 12, 1), date(2028, 1, 5))


def test_not_is_pushed_down_without_changing_the_truth():
    values = [None, 9, 10, 11]
    for name, condition in CONDITIONS.items():
        pushed = c.without_not(condition)
        assert not any(isinstance(node, c.Not) for node in pushed.walk()), name
        for x, written, day in itertools.product(values, [None, True, False], EDGE_DAYS[:3]):
            row = {"amount_cny": x, "report_written": written, "occurred_date": day}
            with contextlib.suppress(CalendarError):  # the calendar's own reason: no truth
                assert _truth(pushed, row) == _truth(condition, row), (name, row)


@pytest.mark.parametrize(
    "condition, problem",
    [
        (F.change_type + 1 > 2, "choice + int"),
        (F.occurred_date + 3 > AUDIT_DATE, "date + int"),
        (F.amount_cny * F.amount_cny > 1, "money * money"),
        (c.working_days_between(F.occurred_date, F.working_days_elapsed) > 1, "between dates"),
        (c.working_day_after(F.occurred_date, 0) > AUDIT_DATE, "at least one working day"),
        (F.occurred_date + days(3) > 5, "compares date with int"),
        (F.reported_date.or_else(5) > AUDIT_DATE, "date or else int"),
    ],
)
def test_a_condition_that_means_nothing_is_refused_when_rules_load(condition, problem):
    problems = c.validate(condition, FACT_KINDS[KIND].fields, {})
    assert any(problem in p for p in problems), problems


def test_the_language_renders_in_chinese_and_english():
    condition = ~(F.reported_date.or_else(AUDIT_DATE) > c.working_day_after(F.occurred_date, 10))
    label = {"reported_date": "报告日期", "occurred_date": "发生日期"}.get
    assert (
        condition.render(lambda n: label(n) or n, "zh")
        == "非(报告日期（空则审计日） > 发生日期后第10个工作日)"
    )
    assert condition.render(str, "en") == (
        "not (reported_date (or the audit date) > working day 10 after occurred_date)"
    )
    assert condition.fields() == ["reported_date", "occurred_date"]
    empty = c.when(F.amount_cny > 1, 2 - F.amount_cny, None)
    assert empty.render(str, "zh") == "（amount_cny > 1时为(2 − amount_cny)，否则为空）"
    assert empty.render(str, "en") == "((2 − amount_cny) if amount_cny > 1, else empty)"


def test_edge_days_are_edges():
    assert not CALENDAR.is_working_day(date(2025, 10, 1))
    assert CALENDAR.is_working_day(date(2025, 9, 28)) and date(2025, 9, 28).weekday() == 6
    assert CALENDAR.is_working_day(date(2025, 10, 11)) and date(2025, 10, 11).weekday() == 5
    assert date(2026, 12, 31) + timedelta(days=1) == date(2027, 1, 1)


def test_a_date_moved_past_9999_rejects_the_record_instead_of_crashing():
    # 9999 placed by weekends: only the range of representable dates is left.
    weekends = WorkingCalendar(
        additional_years=frozenset({9999}),
        extra_holidays=frozenset({date(9999, 12, 31)}),
    )
    fact = _fact(0, {"occurred_date": date(9999, 12, 20), "reported_date": date(9999, 12, 21)})
    with pytest.raises(DateRangeError):
        shift(date(9999, 12, 20), 30)
    for engine in (FAST, DURABLE):
        evaluation = engine.evaluate([fact], CATALOG_CONFIG, weekends, AS_OF)
        assert evaluation.matches == []
        assert [type(u.error) for u in evaluation.unplaced] == [DateRangeError]


# --------------------------------------------------------------------------- related records

TRADE_DAYS = [date(2025, 1, 1), date(2025, 1, 31), date(2025, 2, 1), date(2025, 3, 1)]
_MANDATES = c.related("Mandate", member_id=F.member_id, trader_id=F.trader_id)
_COVERING = _MANDATES.where(
    (R.valid_from <= F.trade_date) & (R.valid_to.is_null() | (R.valid_to >= F.trade_date))
)
AGGREGATES: dict[str, c.Operand] = {
    "count": _MANDATES.count(),
    "covering": _COVERING.count(),
    "exists": _COVERING.exists(),
    "first by start": _COVERING.first(R.mandate_id, by=(R.valid_from,)),
    "last by start": _COVERING.last(R.mandate_id, by=(R.valid_from,)),
    "first by end": _MANDATES.first(R.mandate_id, by=(R.valid_to,)),
    "last by end": _MANDATES.last(R.mandate_id, by=(R.valid_to,)),
    "last read": _MANDATES.last(R.mandate_id),
    "value of the last": _MANDATES.last(R.valid_to, by=(R.valid_from, R.mandate_id)),
}


RELATED_CHECKS = {
    "several": _MANDATES.count() > 1,
    "covered": c.Compare("==", _COVERING.exists(), False),
    "first is W9": _COVERING.first(R.mandate_id, by=(R.valid_from,)) == "W9",
    "ends last": _MANDATES.last(R.valid_to, by=(R.valid_from, R.mandate_id)) >= date(2025, 2, 1),
}
RELATED_RULES = [
    replace(
        CATALOG.rules["MEM-14-2"],
        id=f"REL-{name}",
        checks=(Check("Trade", condition, Text(name, name)),),
    )
    for name, condition in [
        *RELATED_CHECKS.items(),
        # Every aggregate read by some check, so that it is measured.
        *((name, c.Compare("==", operand, operand)) for name, operand in AGGREGATES.items()),
    ]
]
RELATED_DURABLE = DurableEngine(RELATED_RULES, name="related-records")


def _oracle(name: str, trade: dict[str, Any], mandates: list[Any]) -> Any:
    """Each aggregate in plain Python: ties in input order, empty values ordered last."""
    mine = [
        (n, m)
        for n, m in enumerate(mandates)
        if (m.member_id, m.trader_id) == (trade["member_id"], trade["trader_id"])
    ]
    if name in ("covering", "exists", "first by start", "last by start"):
        day = trade["trade_date"]
        mine = [
            (n, m)
            for n, m in mine
            if m.valid_from <= day and (m.valid_to is None or m.valid_to >= day)
        ]
    if name in ("count", "covering"):
        return len(mine)
    if name == "exists":
        return bool(mine)
    if not mine:
        return None
    if name.endswith("by start"):
        key = lambda item: (item[1].valid_from, item[0])  # noqa: E731
    elif name.endswith("by end"):
        key = lambda item: (item[1].valid_to is None, item[1].valid_to or date.min, item[0])  # noqa: E731
    elif name == "value of the last":
        key = lambda item: (item[1].valid_from, item[1].mandate_id, item[0])  # noqa: E731
    else:
        key = lambda item: item[0]  # noqa: E731
    chosen = sorted(mine, key=key)
    found = chosen[0] if name.startswith("first") else chosen[-1]
    return found[1].valid_to if name == "value of the last" else found[1].mandate_id


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    trades=st.lists(
        st.fixed_dictionaries(
            {
                "member_id": st.sampled_from(["M1", "M2"]),
                "trader_id": st.sampled_from(["T1", "T2"]),
                "trade_date": st.sampled_from(TRADE_DAYS),
            }
        ),
        min_size=1,
        max_size=8,
    ),
    mandates=st.lists(
        st.tuples(
            st.sampled_from(["M1", "M2"]),
            st.sampled_from(["T1"]),
            st.sampled_from(TRADE_DAYS[:3]),
            st.sampled_from([None, *TRADE_DAYS]),
        ),
        max_size=6,
    ),
)
def test_aggregates_over_related_records_agree_with_plain_python(trades, mandates):
    from checker.loading import Loaded
    from checker.records.member import Mandate

    records = [
        Mandate(mandate_id=f"W{9 - n}", member_id=m, trader_id=t, valid_from=start, valid_to=end)
        for n, (m, t, start, end) in enumerate(mandates)
    ]
    loaded = {"Mandate": [Loaded(r, Source("mandates.csv", n + 2)) for n, r in enumerate(records)]}
    facts = [
        Fact(
            "Trade",
            f"X{n}",
            RecordRef("Trade", f"X{n}", Source("t.csv", n + 2)),
            Subject("member", t["member_id"], None),
            t,
            t["trade_date"],
        )
        for n, t in enumerate(trades)
    ]
    plans = cached_plans(RELATED_RULES)
    rows = dict(Measurer(plans, CATALOG_CONFIG, CALENDAR, AS_OF).run(facts, "rows", loaded))
    measured = rows[plans["Trade"]].to_pylist()
    for name, operand in AGGREGATES.items():
        for n, trade in enumerate(trades):
            found = measured[n][computed_column(operand)]
            assert found == _oracle(name, trade, records), (name, trade, mandates)
    expected = {
        "several": lambda v: v["count"] > 1,
        "covered": lambda v: v["exists"] is False,
        "first is W9": lambda v: v["first by start"] == "W9",
        "ends last": lambda v: (v["value of the last"] or date.min) >= date(2025, 2, 1),
    }
    for engine in (ColumnarEngine(RELATED_RULES), RELATED_DURABLE):
        evaluation = engine.evaluate(facts, CATALOG_CONFIG, CALENDAR, AS_OF, loaded)
        matched = {(m.fact_index, m.rule_id) for m in evaluation.matches}
        for n, trade in enumerate(trades):
            values = {name: _oracle(name, trade, records) for name in AGGREGATES}
            for name, test in expected.items():
                assert ((n, f"REL-{name}") in matched) == test(values), (engine, name, trade)


def test_related_records_render_in_chinese_and_english():
    first = _COVERING.first(R.mandate_id, by=(R.valid_from,))
    label = {"member_id": "会员编号", "trader_id": "交易商编号", "trade_date": "成交日期"}.get
    assert first.render(lambda n: label(n) or n, "zh") == (
        "（交易委托中会员编号 = 会员编号 且 交易商编号 = 交易商编号 且 生效日期 ≤ 成交日期 且 "
        "(失效日期 为空 或 失效日期 ≥ 成交日期)的记录按生效日期最前一条的委托编号）"
    )
    assert _MANDATES.count().render(str, "en") == (
        "(the number of trader mandate records where Mandate.member_id = member_id and "
        "Mandate.trader_id = trader_id)"
    )


@pytest.mark.parametrize(
    "operand, problem",
    [
        (c.related("Nothing", member_id=F.member_id).count(), "unknown record kind Nothing"),
        (c.related("Mandate", valid_from=F.member_id).count(), "matched with member_id"),
        (_MANDATES.where(R.nothing.is_null()).count(), "unknown field nothing"),
        (_MANDATES.where(R.valid_from + days(1) > F.trade_date).count(), "compared as they are"),
        (_MANDATES.where(_MANDATES.count() > 1).count(), "related() inside related()"),
        (R.valid_from, "outside related()"),
    ],
)
def test_related_records_that_mean_nothing_are_refused_when_rules_load(operand, problem):
    problems = c.operand_problems(operand, FACT_KINDS["Trade"].fields, {})
    assert any(problem in p for p in problems), problems


AMOUNTS = [
    "-0.05",
    "-0.03",
    "0",
    "0.01",
    "0.02",
    "0.03",
    "0.05",
    "1.25",
    "3333333.33",
    "99999999.99",
]


@pytest.mark.parametrize("share", [20, 33, 40, 50, 60])
def test_a_percent_of_an_amount_rounds_half_up_to_the_fen(share):
    operand = F.amount_cny.percent(share)
    rule = _rule(f"percent {share}", c.Compare("==", operand, operand))
    amounts = [*(Decimal(a) for a in AMOUNTS), None]
    facts = [_fact(n, {"amount_cny": a}) for n, a in enumerate(amounts)]
    plans = cached_plans([rule])
    rows = dict(Measurer(plans, CATALOG_CONFIG, CALENDAR, AS_OF).run(facts, "rows"))
    measured = [row[computed_column(operand)] for row in rows[plans[KIND]].to_pylist()]
    # a 元 × share % is a × share 分
    expected = [int((Decimal(a) * share).to_integral_value(ROUND_HALF_UP)) for a in AMOUNTS]
    assert measured == [*expected, None]  # in 分, empty for an empty amount
