"""Conditions over columns: fact rows as tables, conditions compiled to Ibis, run on DuckDB.

Each fact kind's rows are one table: a `_fact` column (the fact's position in the audit), then
the fields the checks read, typed as both engines compare them: money in 分 (BIGINT), decimals
as doubles, dates, times and date-times as themselves, a set as one yes/no column per choice.

*Measuring* adds a column per computed operand (working days, arithmetic, date offsets,
`or_else`, the audit date): the PRC calendar is a table with a working-day ordinal built from
`WorkingCalendar`, so a deadline is the working day whose ordinal is the start's plus N, and an
elapsed count is a difference of ordinals. The fast engine (`ColumnarEngine`) then compiles every
check's condition to one boolean column, in SQL's three-valued logic, and keeps the rows where
one is true. The durable engine reads the same measured rows (checker.engine).

A date the calendar cannot place (a year it does not know, a span across such a year, a deadline
past 9999-12-31) leaves its row *unplaced*: the record is rejected with the message
`WorkingCalendar` gives for it, as when the facts were computed in Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import pyarrow as pa

from checker import conditions as c
from checker.calendar import OFFICIAL_YEARS, CalendarError, WorkingCalendar, add_months, shift
from checker.config import Config
from checker.facts import FACT_KINDS, Fact
from checker.records import FieldSpec
from checker.rules import Rule

if TYPE_CHECKING:  # Ibis takes most of a second to import: only an audit needs it
    import ibis.expr.types as ir

FACT = "_fact"  # the fact's position in the facts evaluated
AUDIT_DATE = "_audit_date"
_CALENDAR = "working_calendar"
_RUN_GAP = 10**8  # ordinals of days across a year the calendar cannot place never meet
_ARROW_TYPES = {
    "int": pa.int64(),
    "money": pa.int64(),
    "decimal": pa.float64(),
    "date": pa.date32(),
    "datetime": pa.timestamp("us"),
    "time": pa.time64("us"),
    "bool": pa.bool_(),
    "choice": pa.string(),
    "text": pa.string(),
}
_IBIS_TYPES = {
    "int": "int64",
    "money": "int64",
    "decimal": "float64",
    "date": "date",
    "datetime": "timestamp",
    "time": "time",
    "bool": "boolean",
    "choice": "string",
    "text": "string",
}


# --------------------------------------------------------------------------- values


def set_column(field: str, choice: str) -> str:
    """The yes/no column of one choice of a set field."""
    return f"{field}#{choice}"


def param_column(key: str, typed: str) -> str:
    """The column of a parameter, valued as a field of type `typed` (money in 分)."""
    return f"param__{key.replace('.', '__')}__{typed}"


def computed_column(operand: c.Operand) -> str:
    """The column a computed operand is measured into: the same name in every process."""
    text = json.dumps(operand.to_data(), ensure_ascii=False, sort_keys=True)
    return "calc__" + hashlib.sha1(text.encode()).hexdigest()[:12]


def column_value(value: Any, spec_type: str) -> Any:
    """A typed value as the columns hold it: money in 分, decimals as floats."""
    if value is None:
        return None
    if spec_type == "money":
        return int((Decimal(value) * 100).to_integral_value())
    if spec_type == "decimal":
        return float(value)
    return value


def is_computed(operand: Any) -> bool:
    return isinstance(operand, c.Operand) and not isinstance(operand, (c.FieldRef, c.ParamRef))


# --------------------------------------------------------------------------- what a kind reads


@dataclass(frozen=True, eq=False)  # one per kind and rule set, cached: compared by identity
class KindPlan:
    """What the checks of one kind read: fields, computed operands, and each check."""

    kind: str
    fields: dict[str, FieldSpec]
    computed: dict[str, c.Operand]  # column -> operand, innermost first
    checks: tuple[tuple[str, int, c.Condition], ...]  # (rule id, check index, condition)

    @classmethod
    def of(cls, kind: str, checks: Iterable[tuple[str, int, c.Condition]]) -> KindPlan:
        specs = FACT_KINDS[kind].fields
        fields: dict[str, FieldSpec] = {}
        computed: dict[str, c.Operand] = {}
        checks = tuple(checks)
        for _, _, condition in checks:
            for name in condition.fields():
                fields[name] = specs[name]
            for node in condition.walk():
                for operand in node.operands():
                    for part in reversed(list(operand.walk())):  # innermost first
                        if is_computed(part) and not isinstance(part, c.Period):
                            computed.setdefault(computed_column(part), part)
        return cls(kind, fields, computed, checks)

    def columns(self) -> list[str]:
        names = []
        for name, spec in self.fields.items():
            if spec.type == "set":
                names.extend(set_column(name, choice) for choice in spec.choices)
            else:
                names.append(name)
        return names


def plans_of(rules: Iterable[Rule]) -> dict[str, KindPlan]:
    """A plan per kind some check reads, checks in (rule id, check index) order."""
    checks: dict[str, list[tuple[str, int, c.Condition]]] = {}
    for rule in sorted(rules, key=lambda r: r.id):
        for index, check in enumerate(rule.checks):
            checks.setdefault(check.kind, []).append((rule.id, index, check.when))
    return {kind: KindPlan.of(kind, found) for kind, found in checks.items()}


def fact_rows(plan: KindPlan, facts: Sequence[Fact], positions: Sequence[int]) -> pa.Table:
    """The rows of the facts at `positions`, as the plan's kind reads them."""
    arrays: dict[str, pa.Array] = {FACT: pa.array(positions, pa.int64())}
    chosen = [facts[i].values for i in positions]
    for name, spec in plan.fields.items():
        values = [v.get(name) for v in chosen]
        if spec.type == "set":
            for choice in spec.choices:
                arrays[set_column(name, choice)] = pa.array(
                    [choice in (v or ()) for v in values], pa.bool_()
                )
        else:
            arrays[name] = pa.array(
                [column_value(v, spec.type) for v in values], _ARROW_TYPES[spec.type]
            )
    return pa.table(arrays)


# --------------------------------------------------------------------------- the calendar


def calendar_table(calendar: WorkingCalendar, first_year: int, last_year: int) -> pa.Table:
    """Every day of the years the calendar can place: whether it is a working day, its ordinal
    (working days on or before it), and its run (years placed without a gap)."""
    days = np.arange(
        np.datetime64(f"{first_year:04d}-01-01"),
        np.datetime64(f"{last_year:04d}-12-31") + 1,
        dtype="datetime64[D]",
    )
    years = days.astype("datetime64[Y]").astype(int) + 1970
    workday = (days.astype(int) + 3) % 7 < 5  # 1970-01-01 was a Thursday
    for year in OFFICIAL_YEARS & set(range(first_year, last_year + 1)):
        start = np.datetime64(f"{year:04d}-01-01")
        for offset in range(366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365):
            day = (start + offset).astype(date)
            workday[(start - days[0]).astype(int) + offset] = calendar.is_working_day(day)
    for day, value in [
        *((d, False) for d in calendar.extra_holidays),
        *((d, True) for d in calendar.extra_workdays),
    ]:
        if first_year <= day.year <= last_year:
            workday[(np.datetime64(day) - days[0]).astype(int)] = value
    placed = np.isin(years, sorted(calendar.known_years)) | (calendar.fallback == "weekends")
    run = np.cumsum(~placed)  # a year that cannot be placed ends a run
    ordinal = np.cumsum(workday & placed) + run * _RUN_GAP
    return pa.table(
        {
            "day": pa.array(days[placed], pa.date32()),
            "workday": pa.array(workday[placed]),
            "ordinal": pa.array(ordinal[placed]),
            "run": pa.array(run[placed]),
        }
    )


def calendar_years(tables: Iterable[pa.Table], as_of: date, reach: int) -> tuple[int, int]:
    """The years the calendar table must hold for these rows: every date column's, the audit
    date's, and `reach` more years for deadlines counted forward."""
    low = high = as_of.year
    for table in tables:
        for column in table.itercolumns():
            if pa.types.is_date(column.type) and column.null_count < len(column):
                lowest, highest = (v.as_py() for v in pa.compute.min_max(column).values())
                low, high = min(low, lowest.year), max(high, highest.year)
    return max(low - 1, date.min.year), min(high + reach, date.max.year)


# --------------------------------------------------------------------------- compiling


def _literal(value: Any, spec_type: str | None) -> ir.Value:
    import ibis

    ibis_type = _IBIS_TYPES.get(spec_type or "")
    if value is None:
        return ibis.null(ibis_type)
    if spec_type in ("money", "decimal"):
        return ibis.literal(column_value(value, spec_type), type=ibis_type)
    return ibis.literal(value, type=ibis_type)


class _Compiler:
    """Compiles one kind's operands and conditions over its measured table."""

    def __init__(
        self, plan: KindPlan, table: ir.Table, families: Mapping[str, str], collecting: bool
    ) -> None:
        self.plan, self.table, self.families = plan, table, families
        # Parameters and the audit date are columns of a one-row table joined to the facts, so
        # that one query serves every configuration. A first pass collects which columns.
        self.collecting = collecting
        self.wanted: dict[str, tuple[str, str]] = {}  # column -> (parameter key, type)
        self.specs = FACT_KINDS[plan.kind].fields
        self.unplaced: list[ir.BooleanValue] = []

    def type_of(self, operand: Any) -> str | None:
        if isinstance(operand, c.ParamRef):
            return None  # typed by the other side
        return c.operand_type(operand, self.specs)

    def value(self, operand: Any, typed: str | None = None) -> ir.Value:
        """An operand as a column expression; constants and parameters typed as `typed`."""
        if not isinstance(operand, c.Operand):
            return _literal(operand, typed)
        if isinstance(operand, c.FieldRef):
            return self.table[operand.name]
        if isinstance(operand, c.ParamRef):
            typed = typed or self.families[operand.key]
            name = param_column(operand.key, typed)
            self.wanted[name] = (operand.key, typed)
            return _literal(None, typed) if self.collecting else self.table[name]
        name = computed_column(operand)
        if name in self.table.columns:
            return self.table[name]
        return self.expression(operand)

    def expression(self, operand: c.Operand) -> ir.Value:
        """A computed operand that needs no join."""
        import ibis

        if isinstance(operand, c.AuditDate):
            return ibis.null("date") if self.collecting else self.table[AUDIT_DATE]
        if isinstance(operand, c.Coalesce):
            kind = self.type_of(operand.first)
            return ibis.coalesce(self.value(operand.first), self.value(operand.otherwise, kind))
        assert isinstance(operand, c.Arithmetic), operand
        left_type, right_type = self.type_of(operand.left), self.type_of(operand.right)
        if isinstance(operand.right, c.Period) or isinstance(operand.left, c.Period):
            period, day = (
                (operand.right, operand.left)
                if isinstance(operand.right, c.Period)
                else (operand.left, operand.right)
            )
            count = self.value(period.count, "int")
            if operand.op == "-":
                count = -count
            interval = count.as_interval("D") if period.unit == "days" else count.as_interval("M")
            # DuckDB types a date plus an interval a timestamp, which Ibis still calls a date.
            return (self.value(day).cast("timestamp") + interval).date()
        if operand.op == "-" and left_type == right_type == "date":
            return self.value(operand.left).delta(self.value(operand.right), "day")
        if operand.op == "*":
            # A rate multiplies as itself, an amount in 分.
            left = self.value(operand.left, None if left_type == "money" else left_type)
            right = self.value(operand.right, None if right_type == "money" else right_type)
            return left * right
        kind = left_type or right_type
        left, right = self.value(operand.left, kind), self.value(operand.right, kind)
        return left + right if operand.op == "+" else left - right

    def condition(self, node: c.Condition) -> ir.BooleanValue:
        import ibis

        if isinstance(node, c.All):
            return ibis.and_(*(self.condition(item) for item in node.items))
        if isinstance(node, c.AnyOf):
            return ibis.or_(*(self.condition(item) for item in node.items))
        if isinstance(node, c.Not):
            return ~self.condition(node.item)
        if isinstance(node, c.Compare):
            typed = self.type_of(node.left) or self.type_of(node.right)
            left, right = self.value(node.left, typed), self.value(node.right, typed)
            return {
                "<": left < right,
                "<=": left <= right,
                ">": left > right,
                ">=": left >= right,
                "==": left == right,
                "!=": left != right,
            }[node.op]
        if isinstance(node, c.OneOf):
            return self.table[node.field.name].isin(node.values)
        if isinstance(node, c.NoneOf):
            return self.table[node.field.name].notin(node.values)
        if isinstance(node, c.IsNull):
            return self.table[node.field.name].isnull()
        if isinstance(node, c.NotNull):
            return self.table[node.field.name].notnull()
        if isinstance(node, (c.Has, c.Lacks)):
            has = self.table[set_column(node.field.name, node.value)]
            return has if isinstance(node, c.Has) else ~has
        raise TypeError(f"cannot compile {node!r}")

    # ------------------------------------------------------------------ measuring

    def measure(self, calendar: ir.Table) -> None:
        """Adds a column per computed operand, innermost first; working days by joins with the
        calendar, and a yes/no column per working-day operand that could not be placed."""
        for name, operand in self.plan.computed.items():
            if isinstance(operand, c.WorkingDays):
                self.working_days(name, operand, calendar)
            else:
                self.table = self.table.mutate(**{name: self.expression(operand)})

    def _lookup(self, day: ir.Value, calendar: ir.Table, prefix: str) -> None:
        """Adds the calendar's ordinal, workday and run of `day` as `{prefix}_ordinal` etc."""
        self.table = self.table.mutate(**{f"{prefix}_day": day})
        row = calendar.rename(
            {f"{prefix}_cday": "day", f"{prefix}_ordinal": "ordinal"}
            | {f"{prefix}_workday": "workday", f"{prefix}_run": "run"}
        )
        self.table = self.table.left_join(
            row, self.table[f"{prefix}_day"] == row[f"{prefix}_cday"]
        ).drop(f"{prefix}_cday")

    def _day_at(self, ordinal: ir.Value, calendar: ir.Table, prefix: str) -> None:
        """Adds the working day of an ordinal as `{prefix}_at`."""
        self.table = self.table.mutate(**{f"{prefix}_target": ordinal})
        days = calendar.filter(calendar.workday).select(
            **{f"{prefix}_at": "day", f"{prefix}_aordinal": "ordinal"}
        )
        self.table = self.table.left_join(
            days, self.table[f"{prefix}_target"] == days[f"{prefix}_aordinal"]
        ).drop(f"{prefix}_aordinal")

    def working_days(self, name: str, operand: c.WorkingDays, calendar: ir.Table) -> None:
        self._lookup(self.value(operand.args[0]), calendar, f"{name}_a")
        t = lambda column: self.table[f"{name}_{column}"]  # noqa: E731
        if operand.function == c.WORKING_DAYS_BETWEEN:
            self._lookup(self.value(operand.args[1]), calendar, f"{name}_b")
            same_run = t("a_run") == t("b_run")
            result = same_run.ifelse(t("b_ordinal") - t("a_ordinal"), None)
            placed = t("a_ordinal").notnull() & t("b_ordinal").notnull() & same_run
            given = t("a_day").notnull() & t("b_day").notnull()
        else:
            if operand.function == c.WORKING_DAY_AFTER:
                target = t("a_ordinal") + self.value(operand.args[1], "int")
            else:  # the day itself when it is a working day
                target = t("a_ordinal") + t("a_workday").ifelse(0, 1)
            self._day_at(target, calendar, f"{name}_n")
            result = t("n_at")
            placed = t("n_at").notnull()
            given = t("a_day").notnull()
        unplaced = given & ~placed.fill_null(False)
        self.table = self.table.mutate(**{name: result, f"{name}_unplaced": unplaced})
        self.unplaced.append(self.table[f"{name}_unplaced"])


# --------------------------------------------------------------------------- running


@dataclass(frozen=True)
class Unplaced:
    """A fact whose dates the calendar could not place, with the calendar's own reason."""

    fact_index: int
    error: CalendarError


class Backend(Protocol):
    """Where the queries run: DuckDB in this process, or Spark (checker.spark)."""

    dialect: str  # the SQL dialect Ibis compiles for

    def query(self, sql: str, tables: Mapping[str, pa.Table]) -> pa.Table:
        """The query's result, with `tables` registered under their names while it runs."""
        ...


class Session:
    """This process's DuckDB database, in memory, with its memory and threads set explicitly
    (by default DuckDB takes 80% of the machine's memory and spills into the working folder)."""

    dialect = "duckdb"

    def __init__(self, memory_limit: str, threads: int) -> None:
        import duckdb

        self.connection = duckdb.connect(":memory:")
        spill = os.path.join(tempfile.gettempdir(), f"compliance-duckdb-{os.getpid()}")
        self.connection.execute(f"SET memory_limit = '{memory_limit}'")
        self.connection.execute(f"SET threads = {int(threads)}")
        self.connection.execute("SET temp_directory = ?", [spill])
        self.connection.execute("SET preserve_insertion_order = true")

    def query(self, sql: str, tables: Mapping[str, pa.Table]) -> pa.Table:
        for name, table in tables.items():
            self.connection.register(name, table)
        try:
            # execute() plans once where sql() plans twice (a relation, then its result): its
            # one extra copy of the rows costs less than the second plan (about 10 ms a query).
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", "Arrow output on a DB-API result", UserWarning)
                return self.connection.execute(sql).to_arrow_table()
        finally:
            for name in tables:
                self.connection.unregister(name)


_sessions: dict[tuple[str, int], Session] = {}


def session_for(config: Config) -> Backend:
    if config["audit.backend"] == "spark":  # PySpark is imported only then
        from checker.spark import backend_for

        return backend_for(config["audit.spark_master"])
    threads = config["audit.workers"] or os.cpu_count() or 1
    key = (config["audit.memory_limit"], threads)
    if key not in _sessions:
        _sessions[key] = Session(*key)
    return _sessions[key]


def _schema(plan: KindPlan) -> dict[str, str]:
    schema = {FACT: "int64"}
    for name, spec in plan.fields.items():
        if spec.type == "set":
            schema.update((set_column(name, choice), "boolean") for choice in spec.choices)
        else:
            schema[name] = _IBIS_TYPES[spec.type]
    return schema


def _calendar_schema() -> dict[str, str]:
    return {"day": "date", "workday": "boolean", "ordinal": "int64", "run": "int64"}


def _reach(plans: Iterable[KindPlan], params: Mapping[str, Any]) -> int:
    """Years past the latest date a deadline of working days may reach (250 working days a
    year at least, nesting included), and one for `next_working_day`."""
    total = 1
    for plan in plans:
        for operand in plan.computed.values():
            if isinstance(operand, c.WorkingDays) and operand.function == c.WORKING_DAY_AFTER:
                count = operand.args[1]
                count = params.get(count.key) if isinstance(count, c.ParamRef) else count
                total += (count or 0) // 200 + 1
    return total


@dataclass(frozen=True)
class _Query:
    sql: str
    params: dict[str, tuple[str, str]]  # the one-row table's columns: (parameter key, type)


@cache
def _compiled(
    plan: KindPlan, families: tuple[tuple[str, str], ...], purpose: str, dialect: str
) -> _Query:
    """A kind's query: `matches` keeps the rows a check is true for (a column per check) or
    that are unplaced; `rows` measures every row. Compiled once per plan, whatever the
    parameters' values."""
    import ibis

    facts = ibis.table(_schema(plan), name=f"facts_{purpose}")
    calendar = ibis.table(_calendar_schema(), name=_CALENDAR)
    collector = _Compiler(plan, facts, dict(families), collecting=True)
    _compile_query(collector, calendar, purpose)
    wanted = dict(sorted(collector.wanted.items()))
    schema = {AUDIT_DATE: "date"} | {
        name: _IBIS_TYPES[typed] for name, (_, typed) in wanted.items()
    }
    params = ibis.table(schema, name=f"params_{purpose}")
    query = _compile_query(
        _Compiler(plan, facts.cross_join(params), dict(families), collecting=False),
        calendar,
        purpose,
    )
    return _Query(str(ibis.to_sql(query, dialect=dialect)), wanted)


def _compile_query(compiler: _Compiler, calendar: ir.Table, purpose: str) -> ir.Table:
    import ibis

    plan = compiler.plan
    compiler.measure(calendar)
    unplaced = ibis.or_(ibis.literal(False), *compiler.unplaced).name("_unplaced")
    if purpose == "rows":
        query = compiler.table.select(FACT, *plan.columns(), *plan.computed, unplaced)
    else:
        checks = [
            compiler.condition(condition).fill_null(False).name(f"check_{n}")
            for n, (_, _, condition) in enumerate(plan.checks)
        ]
        query = compiler.table.select(compiler.table[FACT], *checks, unplaced)
        query = query.filter(ibis.or_(query._unplaced, *(query[x.get_name()] for x in checks)))
    return query.order_by(FACT)


_cached_plans: dict[tuple[int, ...], tuple[tuple[Rule, ...], dict[str, KindPlan]]] = {}


def cached_plans(rules: Sequence[Rule]) -> dict[str, KindPlan]:
    key = tuple(id(rule) for rule in rules)  # the rules are kept alive beside their plans
    if key not in _cached_plans:
        _cached_plans[key] = (tuple(rules), plans_of(rules))
    return _cached_plans[key][1]


@dataclass(frozen=True, slots=True)
class Match:
    fact_index: int  # position in the facts given to evaluate()
    rule_id: str
    check_index: int


@dataclass
class Evaluation:
    matches: list[Match]
    unplaced: list[Unplaced]


class Measurer:
    """Builds and measures the fact rows of each kind the plans read, on the session."""

    def __init__(
        self, plans: Mapping[str, KindPlan], config: Config, calendar: WorkingCalendar, as_of: date
    ) -> None:
        self.plans, self.config, self.calendar, self.as_of = plans, config, calendar, as_of
        keys = sorted(
            {key for plan in plans.values() for _, _, w in plan.checks for key in w.params()}
            | {
                p.key
                for plan in plans.values()
                for o in plan.computed.values()
                for p in o.walk()
                if isinstance(p, c.ParamRef)
            }
        )
        self.params = {key: config[key] for key in keys}
        self.families = tuple((key, config.parameters[key].family) for key in keys)
        self.session = session_for(config)

    def _params_row(self, queries: Iterable[_Query]) -> pa.Table:
        columns = {AUDIT_DATE: pa.array([self.as_of], pa.date32())}
        wanted = {name: param for query in queries for name, param in query.params.items()}
        for name, (key, typed) in sorted(wanted.items()):
            value = column_value(self.params[key], typed)
            columns[name] = pa.array([value], _ARROW_TYPES[typed])
        return pa.table(columns)

    def run(self, facts: Sequence[Fact], purpose: str) -> Iterable[tuple[KindPlan, pa.Table]]:
        """Each kind's query result over the facts, kind by kind in name order."""
        positions: dict[str, list[int]] = {}
        for index, fact in enumerate(facts):
            if fact.kind in self.plans:
                positions.setdefault(fact.kind, []).append(index)
        tables = {
            kind: fact_rows(self.plans[kind], facts, found) for kind, found in positions.items()
        }
        needs_calendar = any(self.plans[kind].computed for kind in tables)
        years = calendar_years(
            tables.values(), self.as_of, _reach(self.plans.values(), self.params)
        )
        calendar = calendar_table(self.calendar, *years) if needs_calendar else _empty_calendar()
        queries = {
            kind: _compiled(self.plans[kind], self.families, purpose, self.session.dialect)
            for kind in sorted(tables)
        }
        params = self._params_row(queries.values())
        for kind, query in queries.items():
            registered = {
                f"facts_{purpose}": tables[kind],
                f"params_{purpose}": params,
                _CALENDAR: calendar,
            }
            yield self.plans[kind], self.session.query(query.sql, registered)

    def unplaced(self, plan: KindPlan, row: Mapping[str, Any], facts: Sequence[Fact]) -> Unplaced:
        """Why a row is unplaced, in the calendar's own words (computed again in Python)."""
        fact = facts[row[FACT]]
        for operand in plan.computed.values():
            try:
                _in_python(operand, fact.values, self.params, self.calendar, self.as_of)
            except CalendarError as error:
                return Unplaced(row[FACT], error)
        raise CalendarError(
            f"{fact.kind} {fact.key}: the calendar table and WorkingCalendar disagree"
        )


def _empty_calendar() -> pa.Table:
    return pa.table(
        {
            "day": pa.array([], pa.date32()),
            "workday": pa.array([], pa.bool_()),
            "ordinal": pa.array([], pa.int64()),
            "run": pa.array([], pa.int64()),
        }
    )


def _in_python(
    operand: Any,
    values: Mapping[str, Any],
    params: Mapping[str, Any],
    calendar: WorkingCalendar,
    as_of: date,
) -> Any:
    """An operand worked out with `WorkingCalendar`: to find the calendar's reason for a row."""

    def of(x: Any) -> Any:
        return _in_python(x, values, params, calendar, as_of)

    if not isinstance(operand, c.Operand):
        return operand
    if isinstance(operand, c.FieldRef):
        return values.get(operand.name)
    if isinstance(operand, c.ParamRef):
        return params.get(operand.key)
    if isinstance(operand, c.AuditDate):
        return as_of
    if isinstance(operand, c.Coalesce):
        first = of(operand.first)
        return of(operand.otherwise) if first is None else first
    if isinstance(operand, c.Arithmetic):
        # Only a date moved by a period can fail (past 9999-12-31).
        period, day = operand.right, of(operand.left)
        if isinstance(operand.left, c.Period):
            period, day = operand.left, of(operand.right)
        count = of(period.count) if isinstance(period, c.Period) else None
        if day is None or count is None:
            return None
        count = -count if operand.op == "-" else count
        return shift(day, count) if period.unit == "days" else add_months(day, count)
    if isinstance(operand, c.WorkingDays):
        args = [of(a) for a in operand.args]
        if any(a is None for a in args):
            return None
        if operand.function == c.WORKING_DAY_AFTER:
            return calendar.add_working_days(*args)
        if operand.function == c.WORKING_DAYS_BETWEEN:
            return calendar.working_days_between(*args)
        return calendar.on_working_day(*args)
    return None


class ColumnarEngine:
    """The fast engine: every check's condition compiled to Ibis and run on DuckDB."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.plans = cached_plans(rules)

    def evaluate(
        self, facts: Sequence[Fact], config: Config, calendar: WorkingCalendar, as_of: date
    ) -> Evaluation:
        measurer = Measurer(self.plans, config, calendar, as_of)
        matches: list[Match] = []
        unplaced: list[Unplaced] = []
        for plan, found in measurer.run(facts, "matches"):
            flags = [found.column(f"check_{n}").to_pylist() for n in range(len(plan.checks))]
            positions = found.column(FACT).to_pylist()
            for row, lost in enumerate(found.column("_unplaced").to_pylist()):
                if lost:
                    unplaced.append(measurer.unplaced(plan, {FACT: positions[row]}, facts))
                    continue
                for n, (rule_id, index, _) in enumerate(plan.checks):
                    if flags[n][row]:
                        matches.append(Match(positions[row], rule_id, index))
        matches.sort(key=lambda m: (m.fact_index, m.rule_id, m.check_index))
        unplaced.sort(key=lambda u: u.fact_index)
        return Evaluation(matches, unplaced)
