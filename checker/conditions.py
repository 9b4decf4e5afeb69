"""The declarative condition language rules are written in.

A condition is a small tree of data (comparisons, set membership, null tests, and, or, not),
never a Python function, so that it can be validated against the record model when rules load,
shown to a reader in Chinese or English, serialised, and compiled for more than one engine.
Its operands are fields, parameters, constants, the audit date, arithmetic, date offsets and
working days on the PRC calendar, so that a deadline is read in the policy file:

    F.registered_capital_cny < 10_000_000
    F.change_type.is_in(["法定代表人"]) & (F.working_days_elapsed > 10)
    F.materials.lacks("公司章程") | F.report_written.is_false()
    F.reported_date.or_else(AUDIT_DATE) > working_day_after(F.occurred_date, 10)
    ~F.status.is_in(["正常"])

Logic is SQL's three-valued logic. An operand that reads an empty value is empty (arithmetic,
offsets and working days of an empty date are empty), and a comparison, `is_in` or `not_in`
with an empty side is *unknown*. `&` is false when any side is false, else unknown when any side
is unknown; `|` is true when any side is true, else unknown when any side is unknown; `~` turns
true and false round and leaves unknown unknown. A check matches only where its condition is
true. So `~(F.amount > 5)` does not match an empty amount: a rule that means "missing" says so
with `is_null()`. `is_null`, `not_null`, `has` and `lacks` are never unknown (an empty set lacks
everything).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from checker.records.base import FieldSpec

Value = int | Decimal | str | bool | date | datetime | time
Labeler = Callable[[str], str]
"""Maps a field name (or `param:key`) to the label shown to a reader."""

_ORDER_OPS = ("<", "<=", ">", ">=")
_NUMERIC = ("int", "decimal", "money")


class Condition:
    """Base of every condition node."""

    def __and__(self, other: Condition) -> Condition:
        return All(tuple(_flatten(All, (self, other))))

    def __or__(self, other: Condition) -> Condition:
        return AnyOf(tuple(_flatten(AnyOf, (self, other))))

    def __invert__(self) -> Condition:
        return Not(self)

    def children(self) -> tuple[Condition, ...]:
        return ()

    def operands(self) -> tuple[Operand, ...]:
        return ()

    def walk(self) -> Iterator[Condition]:
        yield self
        for child in self.children():
            yield from child.walk()

    def leaves(self) -> Iterator[Operand]:
        """Every operand the condition reads, the parts of expressions included."""
        for node in self.walk():
            for operand in node.operands():
                yield from operand.walk()

    def fields(self) -> list[str]:
        """Field names the condition reads, in order of first appearance."""
        return list(dict.fromkeys(o.name for o in self.leaves() if isinstance(o, FieldRef)))

    def params(self) -> list[str]:
        return list(dict.fromkeys(o.key for o in self.leaves() if isinstance(o, ParamRef)))

    def to_data(self) -> dict[str, Any]:
        raise NotImplementedError

    def render(self, label: Labeler, lang: str) -> str:
        raise NotImplementedError


def _flatten(cls: type, items: Iterable[Condition]) -> Iterator[Condition]:
    for item in items:
        if isinstance(item, cls):
            yield from item.children()
        else:
            yield item


# --------------------------------------------------------------------------- operands


class Operand:
    """A value a condition compares: a field, a parameter, the audit date, or an expression."""

    def _compare(self, op: str, other: Any) -> Compare:
        return Compare(op, self, other)

    def __lt__(self, other: Any) -> Compare:
        return self._compare("<", other)

    def __le__(self, other: Any) -> Compare:
        return self._compare("<=", other)

    def __gt__(self, other: Any) -> Compare:
        return self._compare(">", other)

    def __ge__(self, other: Any) -> Compare:
        return self._compare(">=", other)

    def __eq__(self, other: Any) -> Compare:  # type: ignore[override]
        return self._compare("==", other)

    def __ne__(self, other: Any) -> Compare:  # type: ignore[override]
        return self._compare("!=", other)

    __hash__ = object.__hash__

    def __add__(self, other: Any) -> Arithmetic:
        return Arithmetic("+", self, other)

    def __sub__(self, other: Any) -> Arithmetic:
        return Arithmetic("-", self, other)

    def __mul__(self, other: Any) -> Arithmetic:
        return Arithmetic("*", self, other)

    def __radd__(self, other: Any) -> Arithmetic:
        return Arithmetic("+", other, self)

    def __rsub__(self, other: Any) -> Arithmetic:
        return Arithmetic("-", other, self)

    def __rmul__(self, other: Any) -> Arithmetic:
        return Arithmetic("*", other, self)

    def __floordiv__(self, other: Any) -> Arithmetic:
        """Whole numbers divided, rounded down (empty when divided by 0): `(n + 2) // 3` is n/3
        rounded up."""
        return Arithmetic("//", self, other)

    def percent(self, share: int) -> Percent:
        """`share` per cent of an amount, rounded half up to the fen (20% of a peak margin)."""
        return Percent(self, share)

    def or_else(self, other: Any) -> Coalesce:
        """This value, or `other` where it is empty (a report date, or else the audit date)."""
        return Coalesce(self, other)

    def children(self) -> tuple[Any, ...]:
        """The operands and constants this one is computed from."""
        return ()

    def walk(self) -> Iterator[Operand]:
        yield self
        for child in self.children():
            if isinstance(child, Operand):
                yield from child.walk()

    def to_data(self) -> dict[str, Any]:
        raise NotImplementedError

    def render(self, label: Labeler, lang: str) -> str:
        raise NotImplementedError


@dataclass(frozen=True, eq=False)
class FieldRef(Operand):
    name: str

    def is_true(self) -> Compare:
        return Compare("==", self, True)

    def is_false(self) -> Compare:
        return Compare("==", self, False)

    def is_in(self, values: Iterable[str] | ParamRef) -> Condition:
        """One of these values, or of the values a list parameter holds (unknown when empty)."""
        if isinstance(values, ParamRef):
            return Compare("==", Listed(self, values), True)
        return OneOf(self, tuple(values))

    def not_in(self, values: Iterable[str]) -> NoneOf:
        return NoneOf(self, tuple(values))

    def is_null(self) -> IsNull:
        return IsNull(self)

    def not_null(self) -> NotNull:
        return NotNull(self)

    def has(self, value: str) -> Has:
        return Has(self, value)

    def lacks(self, value: str) -> Lacks:
        return Lacks(self, value)

    def to_data(self) -> dict[str, Any]:
        return {"field": self.name}

    def render(self, label: Labeler, lang: str) -> str:
        return label(self.name)


@dataclass(frozen=True, eq=False)
class ParamRef(Operand):
    """A configuration parameter, read when the audit runs."""

    key: str

    def to_data(self) -> dict[str, Any]:
        return {"param": self.key}

    def render(self, label: Labeler, lang: str) -> str:
        return label(f"param:{self.key}")


@dataclass(frozen=True, eq=False)
class AuditDate(Operand):
    """The day the audit is as of (`--as-of`, by default today)."""

    def to_data(self) -> dict[str, Any]:
        return {"audit_date": True}

    def render(self, label: Labeler, lang: str) -> str:
        return "审计日" if lang == "zh" else "the audit date"


AUDIT_DATE = AuditDate()

_UNITS = {"days": ("天", "days"), "months": ("个月", "months")}


@dataclass(frozen=True, eq=False)
class Period(Operand):
    """A number of calendar days or months, added to or taken from a date."""

    count: int | ParamRef
    unit: str  # days | months

    def children(self) -> tuple[Any, ...]:
        return (self.count,)

    def to_data(self) -> dict[str, Any]:
        return {"period": _value_data(self.count), "unit": self.unit}

    def render(self, label: Labeler, lang: str) -> str:
        zh, en = _UNITS[self.unit]
        count = _render_operand(self.count, label, lang)
        return f"{count}{zh}" if lang == "zh" else f"{count} {en}"


def days(count: int | ParamRef) -> Period:
    return Period(count, "days")


def months(count: int | ParamRef) -> Period:
    return Period(count, "months")


@dataclass(frozen=True, eq=False)
class Arithmetic(Operand):
    """`left op right`: numbers added, subtracted or multiplied; a date moved by a period; the
    calendar days from one date to another (`later - earlier`)."""

    op: str  # + - * //
    left: Any  # Operand or constant
    right: Any

    def children(self) -> tuple[Any, ...]:
        return (self.left, self.right)

    def to_data(self) -> dict[str, Any]:
        return {"arith": self.op, "left": _value_data(self.left), "right": _value_data(self.right)}

    def render(self, label: Labeler, lang: str) -> str:
        op = {"*": "×", "-": "−", "//": "÷"}.get(self.op, self.op)
        if self.op == "//":
            left, right = (_render_operand(x, label, lang) for x in (self.left, self.right))
            return f"⌊{left} ÷ {right}⌋"
        left, right = (_render_operand(x, label, lang) for x in (self.left, self.right))
        return f"({left} {op} {right})"


@dataclass(frozen=True, eq=False)
class Percent(Operand):
    """A whole number of per cent of an amount, rounded half up (away from zero) to the fen."""

    amount: Operand
    share: int

    def children(self) -> tuple[Any, ...]:
        return (self.amount,)

    def to_data(self) -> dict[str, Any]:
        return {"percent": self.share, "of": self.amount.to_data()}

    def render(self, label: Labeler, lang: str) -> str:
        amount = self.amount.render(label, lang)
        if lang == "zh":
            return f"{amount}的{self.share}%（四舍五入到分）"
        return f"{self.share}% of {amount} (to the fen, half up)"


@dataclass(frozen=True, eq=False)
class Listed(Operand):
    """Whether a field's value is one of those a list parameter holds: yes, no, or empty when
    the field is. Read through `F.x.is_in(P("key"))`."""

    field: FieldRef
    values: ParamRef

    def children(self) -> tuple[Any, ...]:
        return (self.field, self.values)

    def to_data(self) -> dict[str, Any]:
        return {"listed": self.field.to_data(), "in": self.values.to_data()}

    def render(self, label: Labeler, lang: str) -> str:
        return f"{self.field.render(label, lang)} ∈ {self.values.render(label, lang)}"


@dataclass(frozen=True, eq=False)
class Coalesce(Operand):
    """The first operand, or the second where the first is empty."""

    first: Operand
    otherwise: Any  # Operand or constant

    def children(self) -> tuple[Any, ...]:
        return (self.first, self.otherwise)

    def to_data(self) -> dict[str, Any]:
        return {"or_else": [self.first.to_data(), _value_data(self.otherwise)]}

    def render(self, label: Labeler, lang: str) -> str:
        first, otherwise = (
            self.first.render(label, lang),
            _render_operand(self.otherwise, label, lang),
        )
        return f"{first}（空则{otherwise}）" if lang == "zh" else f"{first} (or {otherwise})"


@dataclass(frozen=True, eq=False)
class When(Operand):
    """`then` where the condition is true, else `otherwise` (unknown counts as not true)."""

    condition: Condition
    then: Any  # Operand or constant
    otherwise: Any

    def children(self) -> tuple[Any, ...]:
        read = tuple(o for node in self.condition.walk() for o in node.operands())
        return (*read, self.then, self.otherwise)

    def to_data(self) -> dict[str, Any]:
        return {
            "when": self.condition.to_data(),
            "then": _value_data(self.then),
            "else": _value_data(self.otherwise),
        }

    def render(self, label: Labeler, lang: str) -> str:
        test = self.condition.render(label, lang)
        then, otherwise = (_render_operand(x, label, lang) for x in (self.then, self.otherwise))
        if lang == "zh":
            return f"（{test}时为{then}，否则为{otherwise}）"
        return f"({then} if {test}, else {otherwise})"


def when(condition: Condition, then: Any, otherwise: Any) -> When:
    if not isinstance(condition, Condition):
        raise TypeError(f"when() tests a condition, not {condition!r}")
    return When(condition, then, otherwise)


# Working days on the PRC official calendar (checker.calendar.WorkingCalendar, as configured).
WORKING_DAY_AFTER = (
    "working_day_after"  # the count-th working day after a date: a deadline's last day
)
WORKING_DAYS_BETWEEN = (
    "working_days_between"  # after the first date, up to and including the second
)
NEXT_WORKING_DAY = "next_working_day"  # the day itself when a working day, else the next one
_WORKING_DAY_TEXTS = {
    WORKING_DAY_AFTER: ("{0}后第{1}个工作日", "working day {1} after {0}"),
    WORKING_DAYS_BETWEEN: ("{0}至{1}的工作日数", "working days from {0} to {1}"),
    NEXT_WORKING_DAY: ("{0}（遇休息日顺延）", "{0} (or the next working day)"),
}


@dataclass(frozen=True, eq=False)
class WorkingDays(Operand):
    function: str  # one of the three above
    args: tuple[Any, ...]  # date operands, and for working_day_after a count (int or parameter)

    def children(self) -> tuple[Any, ...]:
        return self.args

    def to_data(self) -> dict[str, Any]:
        return {"calendar": self.function, "args": [_value_data(a) for a in self.args]}

    def render(self, label: Labeler, lang: str) -> str:
        zh, en = _WORKING_DAY_TEXTS[self.function]
        args = [_render_operand(a, label, lang) for a in self.args]
        return (zh if lang == "zh" else en).format(*args)


def working_day_after(start: Operand, count: int | ParamRef) -> WorkingDays:
    """The `count`-th working day after `start` (count ≥ 1): the last day of a deadline of
    `count` working days that does not count its first day."""
    return WorkingDays(WORKING_DAY_AFTER, (start, count))


def working_days_between(start: Operand, end: Any) -> WorkingDays:
    """The working days after `start` up to and including `end`; negative when `end` is earlier."""
    return WorkingDays(WORKING_DAYS_BETWEEN, (start, end))


def next_working_day(day: Operand) -> WorkingDays:
    """`day`, or the next working day when it is a rest day (民法典 第二百零三条)."""
    return WorkingDays(NEXT_WORKING_DAY, (day,))


@dataclass(frozen=True, eq=False)
class TheirRef(FieldRef):
    """A field of the related records an aggregate reads (`R.valid_from`), inside `related()`."""

    def to_data(self) -> dict[str, Any]:
        return {"their": self.name}

    def render(self, label: Labeler, lang: str) -> str:
        return label(f"their:{self.name}")


# What an aggregate measures over the related records: how many, whether any, or a field of the
# first or last in an order (ties in input order: the last of equals is the latest read).
_AGGREGATES = {
    "count": ("{title}中{where}的记录数", "the number of {title} records where {where}"),
    "exists": ("{title}中有{where}的记录", "some {title} record where {where}"),
    "first": (
        "{title}中{where}的记录{order}最前一条的{value}",
        "{value} of the first {title} record by {order} where {where}",
    ),
    "last": (
        "{title}中{where}的记录{order}最后一条的{value}",
        "{value} of the last {title} record by {order} where {where}",
    ),
}


@dataclass(frozen=True, eq=False)
class Aggregate(Operand):
    """A measurement over the records of another kind that belong to the fact: those whose `on`
    fields equal the fact's, and for which `where` holds (theirs read as `R.x`, the fact's as
    `F.x`). The records are the input's, whether or not a check reads their kind."""

    function: str  # count | exists | first | last
    kind: str
    on: tuple[tuple[str, FieldRef], ...]  # (their field, the fact's field)
    where: Condition | None
    value: TheirRef | None = None  # of first and last
    order: tuple[TheirRef, ...] = ()  # of first and last

    def children(self) -> tuple[Any, ...]:
        """The fact's side only: what the fact must hold before its related records are read."""
        ours: list[Any] = [ref for _, ref in self.on]
        if self.where is not None:
            for node in self.where.walk():
                for operand in node.operands():
                    ours.extend(_ours(operand))
        return tuple(ours)

    def their_fields(self) -> list[str]:
        """The related kind's fields read, in order of first appearance."""
        refs: list[Any] = [TheirRef(name) for name, _ in self.on]
        if self.where is not None:
            refs.extend(self.where.leaves())
        refs.extend([self.value, *self.order])
        return list(dict.fromkeys(r.name for r in refs if isinstance(r, TheirRef)))

    def to_data(self) -> dict[str, Any]:
        return {
            "aggregate": self.function,
            "kind": self.kind,
            "on": [[name, ref.to_data()] for name, ref in self.on],
            "where": None if self.where is None else self.where.to_data(),
            "value": None if self.value is None else self.value.to_data(),
            "order": [ref.to_data() for ref in self.order],
        }

    def render(self, label: Labeler, lang: str) -> str:
        from checker.records import KINDS, field_specs

        title = KINDS[self.kind].meta.title
        specs = field_specs(KINDS[self.kind])

        def theirs(name: str) -> str:
            if name.startswith("their:"):
                name = name[6:]
                return specs[name].label if lang == "zh" else f"{self.kind}.{name}"
            return label(name)

        tests = [
            f"{TheirRef(n).render(theirs, lang)} = {ref.render(label, lang)}" for n, ref in self.on
        ]
        if self.where is not None:
            tests.append(self.where.render(theirs, lang))
        order = ("、" if lang == "zh" else ", ").join(
            ref.render(theirs, lang) for ref in self.order
        )
        zh, en = _AGGREGATES[self.function]
        parts = {
            "title": title.zh if lang == "zh" else title.en,
            "where": (" 且 " if lang == "zh" else " and ").join(tests),
            "value": "" if self.value is None else self.value.render(theirs, lang),
        }
        if lang == "zh":
            return "（" + zh.format(order=f"按{order}" if order else "按输入顺序", **parts) + "）"
        return "(" + en.format(order=order or "input order", **parts) + ")"


def _ours(operand: Any) -> Iterator[Any]:
    """The largest parts of an operand that read only the fact's side."""
    if not isinstance(operand, Operand):
        return
    if not any(isinstance(part, TheirRef) for part in operand.walk()):
        yield operand
        return
    for child in operand.children():
        yield from _ours(child)


@dataclass(frozen=True)
class Related:
    """The records of `kind` whose `on` fields equal the fact's, narrowed by `where`; measured
    with count(), exists(), first() or last()."""

    kind: str
    on: tuple[tuple[str, FieldRef], ...]
    condition: Condition | None = None

    def where(self, condition: Condition) -> Related:
        combined = condition if self.condition is None else self.condition & condition
        return Related(self.kind, self.on, combined)

    def count(self) -> Aggregate:
        return Aggregate("count", self.kind, self.on, self.condition)

    def exists(self) -> Aggregate:
        return Aggregate("exists", self.kind, self.on, self.condition)

    def first(self, value: TheirRef, by: Iterable[TheirRef] = ()) -> Aggregate:
        return Aggregate("first", self.kind, self.on, self.condition, value, tuple(by))

    def last(self, value: TheirRef, by: Iterable[TheirRef] = ()) -> Aggregate:
        return Aggregate("last", self.kind, self.on, self.condition, value, tuple(by))


def related(kind: str, **on: FieldRef) -> Related:
    """The records of another kind that belong to the fact, matched on fields: `related(
    "Termination", member_id=F.member_id)` are the member's terminations."""
    return Related(kind, tuple(on.items()))


class _TheirFactory:
    def __getattr__(self, name: str) -> TheirRef:
        return TheirRef(name)


R = _TheirFactory()


def is_expression(operand: Any) -> bool:
    """An operand computed from others: neither a field, a parameter nor a constant."""
    return isinstance(operand, Operand) and not isinstance(operand, (FieldRef, ParamRef))


class _FieldFactory:
    def __getattr__(self, name: str) -> FieldRef:
        return FieldRef(name)


F = _FieldFactory()


def P(key: str) -> ParamRef:
    return ParamRef(key)


# --------------------------------------------------------------------------- nodes


def _value_data(value: Any) -> Any:
    if isinstance(value, Operand):
        return value.to_data()
    if isinstance(value, Decimal):
        return {"value": str(value), "type": "decimal"}
    if isinstance(value, datetime):
        return {"value": value.isoformat(timespec="seconds"), "type": "datetime"}
    if isinstance(value, date):
        return {"value": value.isoformat(), "type": "date"}
    if isinstance(value, time):
        return {"value": value.isoformat(timespec="seconds"), "type": "time"}
    return {"value": value}


def render_value(value: Any, lang: str) -> str:
    if value is None:
        return "空" if lang == "zh" else "empty"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("true" if value else "false")
    if isinstance(value, (int, Decimal)):
        return f"{value:,}"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _render_operand(value: Any, label: Labeler, lang: str) -> str:
    return value.render(label, lang) if isinstance(value, Operand) else render_value(value, lang)


@dataclass(frozen=True)
class Compare(Condition):
    op: str
    left: Operand
    right: Any  # Operand or constant

    def operands(self) -> tuple[Operand, ...]:
        return tuple(x for x in (self.left, self.right) if isinstance(x, Operand))

    def to_data(self) -> dict[str, Any]:
        return {"op": self.op, "left": self.left.to_data(), "right": _value_data(self.right)}

    def render(self, label: Labeler, lang: str) -> str:
        if isinstance(self.left, Listed) and self.right is True and self.op in ("==", "!="):
            listed = self.left.render(label, lang)
            return listed if self.op == "==" else listed.replace(" ∈ ", " ∉ ")
        op = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥"}.get(self.op, self.op)
        return f"{self.left.render(label, lang)} {op} {_render_operand(self.right, label, lang)}"


@dataclass(frozen=True)
class OneOf(Condition):
    field: FieldRef
    values: tuple[str, ...]

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "in", "left": self.field.to_data(), "values": list(self.values)}

    def render(self, label: Labeler, lang: str) -> str:
        return f"{self.field.render(label, lang)} ∈ {{{'、'.join(self.values)}}}"


@dataclass(frozen=True)
class NoneOf(Condition):
    field: FieldRef
    values: tuple[str, ...]

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "not in", "left": self.field.to_data(), "values": list(self.values)}

    def render(self, label: Labeler, lang: str) -> str:
        return f"{self.field.render(label, lang)} ∉ {{{'、'.join(self.values)}}}"


@dataclass(frozen=True)
class IsNull(Condition):
    field: FieldRef

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "is null", "left": self.field.to_data()}

    def render(self, label: Labeler, lang: str) -> str:
        return f"{self.field.render(label, lang)} {'为空' if lang == 'zh' else 'is empty'}"


@dataclass(frozen=True)
class NotNull(Condition):
    field: FieldRef

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "is not null", "left": self.field.to_data()}

    def render(self, label: Labeler, lang: str) -> str:
        empty = "不为空" if lang == "zh" else "is not empty"
        return f"{self.field.render(label, lang)} {empty}"


@dataclass(frozen=True)
class Has(Condition):
    """A set field includes a value."""

    field: FieldRef
    value: str

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "has", "left": self.field.to_data(), "value": self.value}

    def render(self, label: Labeler, lang: str) -> str:
        has = "含" if lang == "zh" else "includes"
        return f"{self.field.render(label, lang)} {has} {self.value}"


@dataclass(frozen=True)
class Lacks(Condition):
    """A set field does not include a value (an empty set lacks everything)."""

    field: FieldRef
    value: str

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "lacks", "left": self.field.to_data(), "value": self.value}

    def render(self, label: Labeler, lang: str) -> str:
        lacks = "不含" if lang == "zh" else "lacks"
        return f"{self.field.render(label, lang)} {lacks} {self.value}"


@dataclass(frozen=True)
class All(Condition):
    items: tuple[Condition, ...]

    def children(self) -> tuple[Condition, ...]:
        return self.items

    def to_data(self) -> dict[str, Any]:
        return {"all": [item.to_data() for item in self.items]}

    def render(self, label: Labeler, lang: str) -> str:
        joiner = " 且 " if lang == "zh" else " and "
        return joiner.join(_nested(item, label, lang) for item in self.items)


@dataclass(frozen=True)
class AnyOf(Condition):
    items: tuple[Condition, ...]

    def children(self) -> tuple[Condition, ...]:
        return self.items

    def to_data(self) -> dict[str, Any]:
        return {"any": [item.to_data() for item in self.items]}

    def render(self, label: Labeler, lang: str) -> str:
        joiner = " 或 " if lang == "zh" else " or "
        return joiner.join(_nested(item, label, lang) for item in self.items)


@dataclass(frozen=True)
class Not(Condition):
    """True where the item is false, false where it is true, unknown where it is unknown."""

    item: Condition

    def children(self) -> tuple[Condition, ...]:
        return (self.item,)

    def to_data(self) -> dict[str, Any]:
        return {"not": self.item.to_data()}

    def render(self, label: Labeler, lang: str) -> str:
        return f"{'非' if lang == 'zh' else 'not '}({self.item.render(label, lang)})"


def _nested(item: Condition, label: Labeler, lang: str) -> str:
    text = item.render(label, lang)
    return f"({text})" if isinstance(item, (All, AnyOf)) else text


def any_of(*items: Condition) -> Condition:
    return AnyOf(tuple(_flatten(AnyOf, items)))


def all_of(*items: Condition) -> Condition:
    return All(tuple(_flatten(All, items)))


# --------------------------------------------------------------------------- validation


def _constant_fits(spec: FieldSpec, value: Any) -> str | None:
    """Why a constant cannot be compared with a field, or None when it can."""
    if spec.type in _NUMERIC:
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            return f"compares {spec.type} field {spec.name} with {value!r}"
        if spec.type == "int" and isinstance(value, Decimal):
            return f"compares whole-number field {spec.name} with a decimal"
    elif spec.type == "date":
        if not isinstance(value, date) or isinstance(value, datetime):
            return f"compares date field {spec.name} with {value!r}"
    elif spec.type == "datetime":
        if not isinstance(value, datetime):
            return f"compares date-time field {spec.name} with {value!r}"
    elif spec.type == "time":
        if not isinstance(value, time):
            return f"compares time field {spec.name} with {value!r}"
    elif spec.type == "bool":
        if not isinstance(value, bool):
            return f"compares yes/no field {spec.name} with {value!r}"
    elif spec.type == "choice":
        if value not in spec.choices:
            return f"{value!r} is not a choice of {spec.name} ({'、'.join(spec.choices)})"
    elif spec.type == "text":
        if not isinstance(value, str):
            return f"compares text field {spec.name} with {value!r}"
    else:
        return f"set field {spec.name} can only be tested with has()/lacks()"
    return None


def _family(spec_type: str) -> str:
    return "number" if spec_type in _NUMERIC else spec_type


def _constant_type(value: Any) -> str | None:
    for python_type, name in (
        (bool, "bool"),
        (int, "int"),
        (Decimal, "decimal"),
        (datetime, "datetime"),
        (date, "date"),
        (time, "time"),
        (str, "text"),
    ):
        if isinstance(value, python_type):
            return name
    return None


def _arithmetic_type(op: str, left: str, right: str) -> str | None:
    """The type of `left op right`, or None when the operation means nothing."""
    if op == "//":
        return "int" if left == right == "int" else None
    if op in "+-" and left == "date" and right == "period":
        return "date"
    if op == "+" and left == "period" and right == "date":
        return "date"
    if op == "-" and left == right == "date":
        return "int"  # calendar days
    if left in _NUMERIC and right in _NUMERIC:
        if op == "*" and "money" in (left, right):
            # An amount times a rate or a count; two amounts do not multiply.
            return "money" if {left, right} != {"money"} else None
        if "money" in (left, right):
            return "money" if {left, right} == {"money"} else None
        return "int" if left == right == "int" else "decimal"
    return None


class _Typer:
    """The type of every operand of a condition over a fact kind, and the problems met."""

    def __init__(
        self,
        specs: Mapping[str, FieldSpec],
        param_types: Mapping[str, str],
        their: Mapping[str, FieldSpec] | None = None,  # the related records' inside related()
    ) -> None:
        self.specs, self.param_types, self.their = specs, param_types, their
        self.problems: list[str] = []

    def spec(self, ref: FieldRef) -> FieldSpec | None:
        if isinstance(ref, TheirRef):
            if self.their is None:
                self.problems.append(f"R.{ref.name} is read outside related()")
                return None
            if ref.name not in self.their:
                self.problems.append(f"unknown field {ref.name} of the related records")
                return None
            return self.their[ref.name]
        if ref.name not in self.specs:
            self.problems.append(f"unknown field {ref.name}")
            return None
        return self.specs[ref.name]

    def aggregate(self, operand: Aggregate) -> str | None:
        from checker.records import KINDS, field_specs

        if operand.kind not in KINDS:
            self.problems.append(f"unknown record kind {operand.kind}")
            return None
        inner = _Typer(self.specs, self.param_types, field_specs(KINDS[operand.kind]))
        for name, ref in operand.on:
            theirs, ours = inner.of(TheirRef(name)), self.of(ref)
            if theirs and ours and _family(theirs) != _family(ours):
                self.problems.append(f"{operand.kind}.{name} ({theirs}) matched with {ref.name}")
        if operand.where is not None:
            self.problems.extend(validate(operand.where, self.specs, self.param_types, inner.their))
            for part in operand.where.leaves():
                if isinstance(part, Aggregate):
                    self.problems.append(f"{operand.kind}: related() inside related()")
                elif is_expression(part) and any(isinstance(p, TheirRef) for p in part.walk()):
                    # Measured on the fact's side only: the related side compares fields.
                    self.problems.append(
                        f"{part.render(str, 'en')}: the related records' fields are compared "
                        "as they are"
                    )
        if operand.function in ("count", "exists"):
            return "int" if operand.function == "count" else "bool"
        for ref in operand.order:
            if inner.of(ref) in ("set", "bool"):
                self.problems.append(f"{operand.kind}.{ref.name} does not order records")
        value = inner.of(operand.value)
        if value == "set":
            self.problems.append(f"{operand.kind}.{operand.value.name}: a set is not a value")
        self.problems.extend(p for p in inner.problems if p not in self.problems)
        return value

    def of(self, operand: Any) -> str | None:
        if not isinstance(operand, Operand):
            return _constant_type(operand)
        if isinstance(operand, FieldRef):
            spec = self.spec(operand)
            return None if spec is None else spec.type
        if isinstance(operand, Aggregate):
            return self.aggregate(operand)
        if isinstance(operand, ParamRef):
            if operand.key not in self.param_types:
                self.problems.append(f"unknown parameter {operand.key}")
                return None
            return self.param_types[operand.key]
        if isinstance(operand, AuditDate):
            return "date"
        if isinstance(operand, Period):
            if self.of(operand.count) not in ("int", None):
                self.problems.append(f"{operand.render(str, 'en')}: a period counts whole units")
            return "period"
        if isinstance(operand, Arithmetic):
            left, right = self.of(operand.left), self.of(operand.right)
            if left is None or right is None:
                return None
            result = _arithmetic_type(operand.op, left, right)
            if result is None:
                self.problems.append(f"{operand.render(str, 'en')}: {left} {operand.op} {right}")
            return result
        if isinstance(operand, When):
            self.problems.extend(validate(operand.condition, self.specs, self.param_types))
            then, otherwise = self.of(operand.then), self.of(operand.otherwise)
            if then and otherwise and _family(then) != _family(otherwise):
                self.problems.append(f"{operand.render(str, 'en')}: {then} or else {otherwise}")
            return then or otherwise
        if isinstance(operand, Percent):
            if self.of(operand.amount) not in ("money", None):
                self.problems.append(f"{operand.render(str, 'en')}: a per cent of an amount")
            if isinstance(operand.share, bool) or not isinstance(operand.share, int):
                self.problems.append(f"{operand.render(str, 'en')}: a whole number per cent")
            return "money"
        if isinstance(operand, Listed):
            field, values = self.of(operand.field), self.of(operand.values)
            if field not in ("text", "choice", None) or values not in ("list", None):
                self.problems.append(f"{operand.render(str, 'en')}: a text in a list parameter")
            return "bool"
        if isinstance(operand, Coalesce):
            first, otherwise = self.of(operand.first), self.of(operand.otherwise)
            if first and otherwise and _family(first) != _family(otherwise):
                self.problems.append(f"{operand.render(str, 'en')}: {first} or else {otherwise}")
            return first
        assert isinstance(operand, WorkingDays)
        *dates, last = operand.args
        if operand.function == WORKING_DAY_AFTER:
            count = last
            if not isinstance(count, Operand) and (
                not isinstance(count, int) or isinstance(count, bool) or count < 1
            ):
                self.problems.append(f"{operand.render(str, 'en')}: count at least one working day")
            elif isinstance(count, Operand) and self.of(count) not in ("int", None):
                self.problems.append(f"{operand.render(str, 'en')}: a count of working days")
        else:
            dates = [*dates, last]
        for day in dates:
            if self.of(day) not in ("date", None):
                self.problems.append(f"{operand.render(str, 'en')}: working days between dates")
        return "int" if operand.function == WORKING_DAYS_BETWEEN else "date"


def operand_problems(
    operand: Any, specs: Mapping[str, FieldSpec], param_types: Mapping[str, str]
) -> list[str]:
    """Every problem with an operand over a fact kind (a derived field's expression)."""
    typer = _Typer(specs, param_types)
    typer.of(operand)
    return list(dict.fromkeys(typer.problems))


def operand_type(operand: Any, specs: Mapping[str, FieldSpec]) -> str | None:
    """The type of a sound operand over fields of these specs (parameters typed elsewhere)."""
    return _Typer(specs, {}).of(operand)


def validate(
    condition: Condition,
    specs: Mapping[str, FieldSpec],
    param_types: Mapping[str, str],
    their: Mapping[str, FieldSpec] | None = None,
) -> list[str]:
    """Every problem with a condition over a fact kind; empty when it is sound.

    `param_types` maps each known parameter key to its field type family; `their` are the fields
    of the related records a condition inside `related()` may read as `R.x`.
    """
    typer = _Typer(specs, param_types, their)
    problems = typer.problems
    spec_of = typer.spec

    for node in condition.walk():
        if isinstance(node, Compare):
            left = typer.of(node.left)
            if isinstance(node.right, Operand):
                right = typer.of(node.right)
                if left and right and _family(left) != _family(right):
                    problems.append(f"{node.render(str, 'en')}: compares {left} with {right}")
                if {left, right} & {"set", "period"}:
                    problems.append(f"{node.render(str, 'en')}: {left} and {right} do not compare")
            elif isinstance(node.left, ParamRef):
                pass  # a reading switch: the parameter's allowed values are checked by config
            elif isinstance(node.left, FieldRef):
                spec = spec_of(node.left)
                reason = spec and _constant_fits(spec, node.right)
                if reason:
                    problems.append(reason)
            elif left:
                constant = _constant_type(node.right)
                if constant is None or _family(constant) != _family(left) or left == "period":
                    problems.append(f"{node.render(str, 'en')}: compares {left} with {constant}")
            if node.op in _ORDER_OPS and left in ("choice", "text", "bool", "set"):
                problems.append(f"{node.render(str, 'en')}: {left} values have no order")
        elif isinstance(node, (OneOf, NoneOf)):
            spec = spec_of(node.field)
            if spec is not None:
                if spec.type not in ("choice", "text"):
                    problems.append(f"{spec.name}: in/not in needs a text or choice field")
                for value in node.values:
                    reason = _constant_fits(spec, value) if spec.type == "choice" else None
                    if reason:
                        problems.append(reason)
        elif isinstance(node, (Has, Lacks)):
            spec = spec_of(node.field)
            if spec is not None:
                if spec.type != "set" or not spec.choices:
                    problems.append(f"{spec.name}: has/lacks needs a set field with fixed choices")
                elif node.value not in spec.choices:
                    problems.append(f"{node.value!r} is not a choice of {spec.name}")
        elif isinstance(node, (IsNull, NotNull)):
            spec_of(node.field)
    return list(dict.fromkeys(problems))


# --------------------------------------------------------------------------- negation

_NEGATED_OPS = {"<": ">=", ">=": "<", ">": "<=", "<=": ">", "==": "!=", "!=": "=="}


def without_not(condition: Condition) -> Condition:
    """The same condition with every `~` pushed down to the leaves and gone.

    Under three-valued logic the negation of a comparison is the opposite comparison (both are
    unknown on an empty side), `~` of `is_in` is `not_in` (both unknown on an empty field), and De
    Morgan's laws hold; so the result is true, false or unknown exactly where the condition is.
    For engines without a NOT of their own (durable-rules).
    """
    return _push(condition, negate=False)


def _push(node: Condition, negate: bool) -> Condition:
    if isinstance(node, Not):
        return _push(node.item, not negate)
    if isinstance(node, (All, AnyOf)):
        items = tuple(_push(item, negate) for item in node.items)
        flipped = {All: AnyOf, AnyOf: All}[type(node)] if negate else type(node)
        return flipped(tuple(_flatten(flipped, items)))
    if not negate:
        return node
    if isinstance(node, Compare):
        return Compare(_NEGATED_OPS[node.op], node.left, node.right)
    opposite = {
        OneOf: NoneOf,
        NoneOf: OneOf,
        IsNull: NotNull,
        NotNull: IsNull,
        Has: Lacks,
        Lacks: Has,
    }
    return opposite[type(node)](*(getattr(node, f.name) for f in dataclass_fields(node)))
