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

import contextlib
import hashlib
import json
import os
import tempfile
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import pyarrow as pa

from checker import conditions as c
from checker.calendar import OFFICIAL_YEARS, CalendarError, WorkingCalendar, add_months, shift
from checker.config import Config
from checker.derived import DERIVED_FIELDS
from checker.facts import FACT_KINDS, Fact
from checker.loading import Loaded
from checker.records import KINDS, FieldSpec, field_specs
from checker.rules import Rule

if TYPE_CHECKING:  # Ibis takes most of a second to import: only an audit needs it
    import ibis.expr.types as ir

FACT = "_fact"  # the fact's position in the facts evaluated
RELATED = "_rel"  # a related record's position in the input's records of its kind
THEIR = "their__"  # a related record's columns, joined to a fact's
AUDIT_DATE = "_audit_date"
WHY = "_why__"  # columns that carry what WorkingCalendar needs to say why a row is unplaced
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
    "list": pa.list_(pa.string()),  # a list parameter's values
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
    "list": "array<string>",
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
    if spec_type == "list":  # a mapping's keys, as `in` reads it in Python
        return [str(item) for item in value]
    return value


# --------------------------------------------------------------------------- what a kind reads


@dataclass(frozen=True, eq=False)  # one per kind and rule set, cached: compared by identity
class KindPlan:
    """What the checks of one kind read: input fields, computed operands, and each check."""

    kind: str
    fields: dict[str, FieldSpec]  # read from the facts
    computed: dict[str, c.Operand]  # column -> operand, each after the operands it reads
    derived: tuple[str, ...]  # the kind's derived fields, measured for messages and evidence
    checks: tuple[tuple[str, int, c.Condition], ...]  # (rule id, check index, condition)
    related: dict[str, tuple[str, ...]]  # kind -> the fields its aggregates read of its records

    @classmethod
    def of(cls, kind: str, checks: Iterable[tuple[str, int, c.Condition]]) -> KindPlan:
        specs = FACT_KINDS[kind].fields
        derived = DERIVED_FIELDS.get(kind, {})
        fields: dict[str, FieldSpec] = {}
        computed: dict[str, c.Operand] = {}

        def gather(operand: Any) -> None:
            if not isinstance(operand, c.Operand):
                return
            for part in reversed(list(operand.walk())):  # each after the parts it reads
                if isinstance(part, c.FieldRef) and part.name in derived:
                    if part.name not in computed:
                        gather(derived[part.name].expression)
                        computed[part.name] = derived[part.name].expression
                elif isinstance(part, c.FieldRef):
                    fields[part.name] = specs[part.name]
                elif c.is_expression(part) and not isinstance(part, c.Period):
                    computed.setdefault(computed_column(part), part)

        checks = tuple(checks)
        for _, _, condition in checks:
            for node in condition.walk():
                if isinstance(node, (c.OneOf, c.NoneOf, c.IsNull, c.NotNull, c.Has, c.Lacks)):
                    gather(node.field)
                for operand in node.operands():
                    gather(operand)
        for name in derived:
            gather(c.FieldRef(name))
        related: dict[str, dict[str, None]] = {}
        for operand in computed.values():
            if isinstance(operand, c.Aggregate):
                related.setdefault(operand.kind, {}).update(dict.fromkeys(operand.their_fields()))
        read = {name: tuple(found) for name, found in sorted(related.items())}
        return cls(kind, fields, computed, tuple(derived), checks, read)

    def params(self) -> list[str]:
        """The parameters the checks and computed operands read."""
        keys = [key for _, _, condition in self.checks for key in condition.params()]
        for operand in self.computed.values():
            keys.extend(p.key for p in _parts(operand) if isinstance(p, c.ParamRef))
        return sorted(set(keys))

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
    plans = {}
    for kind, found in checks.items():
        # One plan per kind and checks, whichever rule set they came in: its query is compiled
        # once (an audit of one regulation reads the same plans as an audit of all).
        key = (kind, tuple((rule_id, index, id(condition)) for rule_id, index, condition in found))
        if key not in _interned:
            _interned[key] = (tuple(c for _, _, c in found), KindPlan.of(kind, found))
        plans[kind] = _interned[key][1]
    return plans


# The conditions are kept beside their plan: the key holds their ids.
_interned: dict[tuple[Any, ...], tuple[tuple[c.Condition, ...], KindPlan]] = {}


def fact_rows(plan: KindPlan, facts: Sequence[Fact], positions: Sequence[int]) -> pa.Table:
    """The rows of the facts at `positions`, as the plan's kind reads them."""
    chosen = [facts[i].values for i in positions]
    columns = _columns(plan.fields, [[v.get(name) for v in chosen] for name in plan.fields])
    return pa.table({FACT: pa.array(positions, pa.int64()), **columns})


def related_rows(kind: str, fields: Sequence[str], records: Sequence[Loaded]) -> pa.Table:
    """The input records of a kind that aggregates read, in input order (`_rel`)."""
    specs = field_specs(KINDS[kind])
    chosen = {name: specs[name] for name in fields}
    values = [[getattr(item.record, name) for item in records] for name in fields]
    return pa.table({RELATED: pa.array(range(len(records)), pa.int64())} | _columns(chosen, values))


def _columns(specs: Mapping[str, FieldSpec], values: Sequence[list[Any]]) -> dict[str, pa.Array]:
    arrays: dict[str, pa.Array] = {}
    for (name, spec), column in zip(specs.items(), values, strict=True):
        if spec.type == "set":
            for choice in spec.choices:
                arrays[set_column(name, choice)] = pa.array(
                    [choice in (v or ()) for v in column], pa.bool_()
                )
        else:
            arrays[name] = pa.array(
                [column_value(v, spec.type) for v in column], _ARROW_TYPES[spec.type]
            )
    return arrays


# --------------------------------------------------------------------------- the calendar


def calendar_table(calendar: WorkingCalendar, first_year: int, last_year: int) -> pa.Table:
    """Every day of the years the calendar can place: whether it is a working day, its ordinal
    (working days on or before it), and its run (years placed without a gap)."""
    if calendar.fallback == "error":  # only the years it knows: a far date costs nothing
        first_year = max(first_year, min(calendar.known_years))
        last_year = min(last_year, max(calendar.known_years))
        if first_year > last_year:
            return _empty_calendar()
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


def _empty_calendar() -> pa.Table:
    return pa.table(
        {
            "day": pa.array([], pa.date32()),
            "workday": pa.array([], pa.bool_()),
            "ordinal": pa.array([], pa.int64()),
            "run": pa.array([], pa.int64()),
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
        self,
        plan: KindPlan,
        table: ir.Table,
        families: Mapping[str, str],
        related: Mapping[str, ir.Table],
    ) -> None:
        # Parameters and the audit date are columns of a one-row table joined to the facts, so
        # that one query serves every configuration.
        self.plan, self.table, self.families, self.related = plan, table, families, related
        self.theirs = table  # inside related(): the related records, as joined to the facts
        self.specs = FACT_KINDS[plan.kind].fields
        self.unplaced: list[ir.BooleanValue] = []
        # Per working-day operand, the columns that say why a row could not be placed.
        self.reasons: list[ir.Value] = []

    def type_of(self, operand: Any) -> str | None:
        if isinstance(operand, c.ParamRef):
            return None  # typed by the other side
        return c.operand_type(operand, self.specs)

    def value(self, operand: Any, typed: str | None = None) -> ir.Value:
        """An operand as a column expression; constants and parameters typed as `typed`."""
        if not isinstance(operand, c.Operand):
            return _literal(operand, typed)
        if isinstance(operand, c.TheirRef):
            return self.theirs[_column(operand)]
        if isinstance(operand, c.FieldRef):
            return self.table[_column(operand)]
        if isinstance(operand, c.ParamRef):
            family = self.families[operand.key]
            if typed not in _param_types(family):
                typed = family  # a choice compared with its text, say
            return self.table[param_column(operand.key, typed)]
        name = computed_column(operand)
        if name in self.table.columns:
            return self.table[name]
        return self.expression(operand)

    def expression(self, operand: c.Operand) -> ir.Value:
        """A computed operand that needs no join."""
        import ibis

        if isinstance(operand, c.AuditDate):
            return self.table[AUDIT_DATE]
        if isinstance(operand, c.When):
            kind = self.type_of(operand.then) or self.type_of(operand.otherwise)
            then, otherwise = self.value(operand.then, kind), self.value(operand.otherwise, kind)
            return self.condition(operand.condition).ifelse(then, otherwise)
        if isinstance(operand, c.Percent):
            # In 分, exactly: |x| × share / 100, half up, then the sign again.
            amount = self.value(operand.amount)
            share = ((amount.abs() * operand.share + 50) / 100).floor().cast("int64")
            return (amount < 0).ifelse(-share, share)  # Spark's SIGN() is a double
        if isinstance(operand, c.Listed):
            field = self.value(operand.field)
            found = self.value(operand.values, "list").contains(field)
            return field.isnull().ifelse(ibis.null("boolean"), found)
        if isinstance(operand, c.Coalesce):
            kind = self.type_of(operand.first)
            return ibis.coalesce(self.value(operand.first), self.value(operand.otherwise, kind))
        assert isinstance(operand, c.Arithmetic), operand
        left_type, right_type = self.type_of(operand.left), self.type_of(operand.right)
        shifted = _shifted(operand)
        if shifted is not None:
            day, period, count = shifted
            count = self.value(count, "int")
            interval = count.as_interval("D") if period.unit == "days" else count.as_interval("M")
            # DuckDB types a date plus an interval a timestamp, which Ibis still calls a date.
            moved = (self.value(day).cast("timestamp") + interval).date()
            # Past 9999-12-31 a date cannot be represented: the row is unplaced, as shift() says.
            beyond = (moved > date.max) | (moved < date.min)
            name = computed_column(operand)
            self.unplaced.append(beyond.fill_null(False))
            self.reasons.append(self.value(day).name(f"{WHY}{name}_a"))
            self.reasons.append(count.name(f"{WHY}{name}_count"))
            return beyond.ifelse(ibis.null("date"), moved)
        if operand.op == "-" and left_type == right_type == "date":
            return self.value(operand.left).delta(self.value(operand.right), unit="day")
        if operand.op == "//":
            left, right = self.value(operand.left, "int"), self.value(operand.right, "int")
            # Divided by 0: empty, on every backend (Spark's ANSI mode would fail the query).
            return (left / right.nullif(0)).floor().cast("int64")
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
            return self.value(node.field).isin(node.values)
        if isinstance(node, c.NoneOf):
            return self.value(node.field).notin(node.values)
        if isinstance(node, c.IsNull):
            return self.value(node.field).isnull()
        if isinstance(node, c.NotNull):
            return self.value(node.field).notnull()
        if isinstance(node, (c.Has, c.Lacks)):
            side = self.theirs if isinstance(node.field, c.TheirRef) else self.table
            has = side[_column(node.field, node.value)]
            return has if isinstance(node, c.Has) else ~has
        raise TypeError(f"cannot compile {node!r}")

    # ------------------------------------------------------------------ measuring

    def measure(self, calendar: ir.Table) -> None:
        """Adds a column per computed operand, innermost first; working days by joins with the
        calendar, and a yes/no column per working-day operand that could not be placed."""
        for name, operand in self.plan.computed.items():
            if isinstance(operand, c.WorkingDays) and name == computed_column(operand):
                self.working_days(name, operand, calendar)
            elif isinstance(operand, c.Aggregate) and name == computed_column(operand):
                self.aggregate(name, operand)
            else:  # a derived field is its operand's column, or computed here
                self.table = self.table.mutate(**{name: self.value(operand)})

    def aggregate(self, name: str, operand: c.Aggregate) -> None:
        """Adds the aggregate's column: each fact's related records joined on the `on` fields
        and `where` (a fact without any keeps one row of empty values), then counted, or the
        first or last one's value, on one row per fact again.

        The fact's rows are read once, never joined back to: each aggregate adds one join to
        the query, not a copy of everything measured before it."""
        import ibis

        ours = self.table
        theirs = self.related[operand.kind]
        self.theirs = theirs.rename({THEIR + column: column for column in theirs.columns})
        matched = [ours[ref.name] == self.theirs[THEIR + field] for field, ref in operand.on]
        if operand.where is not None:
            matched.append(self.condition(operand.where))
        joined = ours.left_join(self.theirs, matched)
        position = joined[THEIR + RELATED]
        later = operand.function == "last"  # the last is the first in the reverse order
        order = [
            ibis.desc(joined[THEIR + r.name], nulls_first=True)
            if later
            else ibis.asc(joined[THEIR + r.name], nulls_first=False)
            for r in operand.order
        ]
        order.append(ibis.desc(position) if later else ibis.asc(position))
        if operand.function == "count":
            value = position.count().over(group_by=FACT)
        elif operand.function == "exists":
            value = position.count().over(group_by=FACT) > 0
        else:
            value = joined[_column(operand.value)]
        place = ibis.row_number().over(group_by=FACT, order_by=order)
        ranked = joined.mutate(**{name: value, f"{name}_place": place})
        kept = ranked.filter(ranked[f"{name}_place"] == 0)
        self.table = kept.select(*ours.columns, name)

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
        # The dates and count, for WorkingCalendar to give its own reason on an unplaced row.
        self.reasons.append(self.table[f"{name}_a_day"].name(f"{WHY}{name}_a"))
        if operand.function == c.WORKING_DAYS_BETWEEN:
            self.reasons.append(self.table[f"{name}_b_day"].name(f"{WHY}{name}_b"))
        elif operand.function == c.WORKING_DAY_AFTER:
            count = self.value(operand.args[1], "int")
            self.reasons.append(count.name(f"{WHY}{name}_count"))


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
            # one extra copy of the rows costs less than the second plan.
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
    return {FACT: "int64"} | _types(plan.fields)


def _related_schema(kind: str, fields: Sequence[str]) -> dict[str, str]:
    specs = field_specs(KINDS[kind])
    return {RELATED: "int64"} | _types({name: specs[name] for name in fields})


def _types(specs: Mapping[str, FieldSpec]) -> dict[str, str]:
    types = {}
    for name, spec in specs.items():
        if spec.type == "set":
            types.update((set_column(name, choice), "boolean") for choice in spec.choices)
        else:
            types[name] = _IBIS_TYPES[spec.type]
    return types


def _column(ref: c.FieldRef, choice: str | None = None) -> str:
    """The column of a field of the fact, or of a related record (`R.x`) joined to it."""
    name = ref.name if choice is None else set_column(ref.name, choice)
    return THEIR + name if isinstance(ref, c.TheirRef) else name


def related_table_name(kind: str) -> str:
    return f"related_{kind}"


def _calendar_schema() -> dict[str, str]:
    return {"day": "date", "workday": "boolean", "ordinal": "int64", "run": "int64"}


def _shifted(operand: c.Operand) -> tuple[Any, c.Period, Any] | None:
    """(day, period, signed count) of a date moved by a period, else None."""
    if not isinstance(operand, c.Arithmetic):
        return None
    if isinstance(operand.right, c.Period):
        day, period = operand.left, operand.right
    elif isinstance(operand.left, c.Period):
        day, period = operand.right, operand.left
    else:
        return None
    count = period.count
    if operand.op == "-":
        count = c.Arithmetic("*", count, -1) if isinstance(count, c.Operand) else -count
    return day, period, count


def _parts(value: Any) -> Iterator[Any]:
    """An operand and everything it is computed from, constants included."""
    yield value
    if isinstance(value, c.Operand):
        for child in value.children():
            yield from _parts(child)


def _reach(plans: Iterable[KindPlan], params: Mapping[str, Any]) -> int:
    """Years past the latest date a deadline of working days may reach (250 working days a
    year at least, nesting included), and one for `next_working_day`."""
    total = 1
    for plan in plans:
        for operand in plan.computed.values():
            if isinstance(operand, c.WorkingDays) and operand.function == c.WORKING_DAY_AFTER:
                for count in _parts(operand.args[1]):
                    count = params.get(count.key) if isinstance(count, c.ParamRef) else count
                    if isinstance(count, int):
                        total += count // 200 + 1
    return total


@dataclass(frozen=True)
class _Query:
    sql: str
    params: dict[str, tuple[str, str]]  # the one-row table's columns: (parameter key, type)


def _param_types(family: str) -> tuple[str, ...]:
    """The types a parameter of a family may be compared as: a number also as an amount in 分."""
    if family == "int":
        return ("int", "decimal", "money")
    if family == "decimal":
        return ("decimal", "money")
    return (family,) if family in _IBIS_TYPES else ()


def _plan_text(plan: KindPlan, families: tuple[tuple[str, str], ...], *more: str) -> str:
    """Everything a kind's query is compiled from, as text."""
    return json.dumps(
        {
            "kind": plan.kind,
            "schema": _schema(plan),
            "related": {k: _related_schema(k, f) for k, f in plan.related.items()},
            "computed": {name: o.to_data() for name, o in plan.computed.items()},
            "derived": plan.derived,
            "checks": [[r, i, w.to_data()] for r, i, w in plan.checks],
            "families": families,
            "more": more,
        },
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )


@cache
def _compiler_version() -> str:
    """The code and library versions a compiled query depends on."""
    from importlib.metadata import version

    sources = [Path(__file__), Path(c.__file__)]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()
    return f"{digest[:16]} ibis {version('ibis-framework')} sqlglot {version('sqlglot')}"


def cache_folder() -> Path:
    """Where compiled queries are kept between runs (COMPLIANCE_CACHE_DIR, by default the
    user's cache folder): compiling a kind's query costs more than running a small one."""
    chosen = os.environ.get("COMPLIANCE_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "compliance" / "queries"


@cache
def _compiled(
    plan: KindPlan, families: tuple[tuple[str, str], ...], purpose: str, dialect: str
) -> _Query:
    """A kind's query, from the cache folder when an identical one was compiled before (same
    plan, parameters' types, purpose, dialect, compiler code and library versions)."""
    text = _plan_text(plan, families, purpose, dialect, _compiler_version())
    path = cache_folder() / f"{hashlib.sha256(text.encode()).hexdigest()}.json"
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["plan"] == text:
            return _Query(kept["sql"], {k: tuple(v) for k, v in kept["params"].items()})
    query = _compile(plan, families, purpose, dialect)
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        path.parent.mkdir(parents=True, exist_ok=True)
        kept_text = json.dumps({"plan": text, "sql": query.sql, "params": query.params})
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(kept_text, encoding="utf-8")
        temporary.replace(path)
    return query


def _compile(
    plan: KindPlan, families: tuple[tuple[str, str], ...], purpose: str, dialect: str
) -> _Query:
    """A kind's query: `matches` keeps the rows a check is true for (a column per check) or
    that are unplaced; `rows` measures every row. Compiled once per plan, whatever the
    parameters' values: they are columns of a one-row table, in every type they may be read as."""
    import ibis

    wanted = {
        param_column(key, typed): (key, typed)
        for key, family in families
        for typed in _param_types(family)
    }
    schema = {AUDIT_DATE: "date"} | {
        name: _IBIS_TYPES[typed] for name, (_, typed) in wanted.items()
    }
    facts = ibis.table(_schema(plan), name=f"facts_{purpose}")
    params = ibis.table(schema, name=f"params_{purpose}")
    calendar = ibis.table(_calendar_schema(), name=_CALENDAR)
    related = {
        kind: ibis.table(_related_schema(kind, fields), name=related_table_name(kind))
        for kind, fields in plan.related.items()
    }
    compiler = _Compiler(plan, facts.cross_join(params), dict(families), related)
    query = _compile_query(compiler, calendar, purpose)
    return _Query(str(ibis.to_sql(query, dialect=dialect)), wanted)


def _compile_query(compiler: _Compiler, calendar: ir.Table, purpose: str) -> ir.Table:
    import ibis

    plan = compiler.plan
    compiler.measure(calendar)
    unplaced = ibis.or_(ibis.literal(False), *compiler.unplaced).name("_unplaced")
    why = [unplaced, *compiler.reasons]
    if purpose == "rows":
        query = compiler.table.select(FACT, *plan.columns(), *plan.computed, *why)
    else:
        checks = [
            compiler.condition(condition).fill_null(False).name(f"check_{n}")
            for n, (_, _, condition) in enumerate(plan.checks)
        ]
        query = compiler.table.select(compiler.table[FACT], *checks, *plan.derived, *why)
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
    derived: dict[int, dict[str, Any]]  # per matched fact, its derived fields


class Measurer:
    """Builds and measures the fact rows of each kind the plans read, on the session."""

    def __init__(
        self, plans: Mapping[str, KindPlan], config: Config, calendar: WorkingCalendar, as_of: date
    ) -> None:
        self.plans, self.config, self.calendar, self.as_of = plans, config, calendar, as_of
        keys = sorted({key for plan in plans.values() for key in plan.params()})
        self.params = {key: config[key] for key in keys}
        self.session = session_for(config)

    def _params_row(self, queries: Iterable[_Query]) -> pa.Table:
        columns = {AUDIT_DATE: pa.array([self.as_of], pa.date32())}
        wanted = {name: param for query in queries for name, param in query.params.items()}
        for name, (key, typed) in sorted(wanted.items()):
            value = column_value(self.params[key], typed)
            columns[name] = pa.array([value], _ARROW_TYPES[typed])
        return pa.table(columns)

    def run(
        self,
        facts: Sequence[Fact],
        purpose: str,
        records: Mapping[str, Sequence[Loaded]] | None = None,
    ) -> Iterable[tuple[KindPlan, pa.Table]]:
        """Each kind's query result over the facts, kind by kind in name order; `records` are
        the input's records by kind, which aggregates over related records read."""
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
        queries = {}
        for kind in sorted(tables):
            plan = self.plans[kind]
            families = tuple((key, self.config.parameters[key].family) for key in plan.params())
            queries[kind] = _compiled(plan, families, purpose, self.session.dialect)
        params = self._params_row(queries.values())
        related: dict[str, dict[str, None]] = {}
        for kind in tables:
            for other, fields in self.plans[kind].related.items():
                related.setdefault(other, {}).update(dict.fromkeys(fields))
        related_tables = {
            related_table_name(kind): related_rows(
                kind, list(fields), (records or {}).get(kind, [])
            )
            for kind, fields in related.items()
        }
        for kind, query in queries.items():
            registered = {
                f"facts_{purpose}": tables[kind],
                f"params_{purpose}": params,
                _CALENDAR: calendar,
            } | {
                name: related_tables[name]
                for name in map(related_table_name, self.plans[kind].related)
            }
            yield self.plans[kind], self.session.query(query.sql, registered)

    def unplaced(self, plan: KindPlan, row: Mapping[str, Any]) -> Unplaced:
        """Why a row is unplaced, in WorkingCalendar's own words."""
        for name, operand in plan.computed.items():
            if f"{WHY}{name}_a" not in row:
                continue
            start = row[f"{WHY}{name}_a"]
            try:
                shifted = _shifted(operand)
                if shifted is not None:
                    count = row[f"{WHY}{name}_count"]
                    if start is not None and count is not None:
                        unit = shifted[1].unit
                        (shift if unit == "days" else add_months)(start, count)
                elif not isinstance(operand, c.WorkingDays):
                    continue
                elif operand.function == c.WORKING_DAYS_BETWEEN:
                    end = row[f"{WHY}{name}_b"]
                    if start is not None and end is not None:
                        self.calendar.working_days_between(start, end)
                elif operand.function == c.WORKING_DAY_AFTER:
                    count = row[f"{WHY}{name}_count"]
                    if start is not None and count is not None:
                        self.calendar.add_working_days(start, count)
                elif start is not None:
                    self.calendar.on_working_day(start)
            except CalendarError as error:
                return Unplaced(row[FACT], error)
        # Not the input's fault: the audit stops as an internal error (exit 3), never a rejection.
        raise RuntimeError(f"{plan.kind}: the calendar table and WorkingCalendar disagree")


def derived_values(plan: KindPlan, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row's derived fields as a fact's values hold them (money in 元)."""
    values = {}
    for name in plan.derived:
        value, spec_type = row[name], FACT_KINDS[plan.kind].fields[name].type
        if value is not None and spec_type == "money":
            value = Decimal(value) / 100
        elif value is not None and spec_type == "decimal":
            value = Decimal(str(value))
        values[name] = value
    return values


class ColumnarEngine:
    """The fast engine: every check's condition compiled to Ibis and run on DuckDB."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.plans = cached_plans(rules)

    def evaluate(
        self,
        facts: Sequence[Fact],
        config: Config,
        calendar: WorkingCalendar,
        as_of: date,
        records: Mapping[str, Sequence[Loaded]] | None = None,
    ) -> Evaluation:
        measurer = Measurer(self.plans, config, calendar, as_of)
        matches: list[Match] = []
        unplaced: list[Unplaced] = []
        derived: dict[int, dict[str, Any]] = {}
        for plan, found in measurer.run(facts, "matches", records):
            # Only the rows some check matched (or the calendar could not place) come back.
            for row in found.to_pylist():
                if row["_unplaced"]:
                    unplaced.append(measurer.unplaced(plan, row))
                    continue
                for n, (rule_id, index, _) in enumerate(plan.checks):
                    if row[f"check_{n}"]:
                        matches.append(Match(row[FACT], rule_id, index))
                if plan.derived:
                    derived[row[FACT]] = derived_values(plan, row)
        matches.sort(key=lambda m: (m.fact_index, m.rule_id, m.check_index))
        unplaced.sort(key=lambda u: u.fact_index)
        return Evaluation(matches, unplaced, derived)


def measure(
    facts: Sequence[Fact],
    rules: Sequence[Rule],
    config: Config,
    calendar: WorkingCalendar,
    as_of: date,
    records: Mapping[str, Sequence[Loaded]] | None = None,
) -> dict[int, dict[str, Any] | Unplaced]:
    """Each fact's derived fields as both engines measure them, by position; a fact the calendar
    cannot place gets why. For tests and for a reader asking what a rule saw."""
    measurer = Measurer(cached_plans(rules), config, calendar, as_of)
    measured: dict[int, dict[str, Any] | Unplaced] = {}
    for plan, rows in measurer.run(facts, "rows", records):
        for row in rows.to_pylist():
            lost = row["_unplaced"]
            measured[row[FACT]] = (
                measurer.unplaced(plan, row) if lost else derived_values(plan, row)
            )
    return measured
