"""The declarative condition language rules are written in.

A condition is a small tree of data (comparisons, set membership, null tests, and/or), never a
Python function, so that it can be validated against the record model when rules load, shown to
a reader in Chinese or English, serialised, and compiled for more than one engine.

Null semantics are those of SQL: a comparison that involves an empty value is false. A rule that
means "missing" says so with `is_null()`.

    F.registered_capital_cny < 10_000_000
    F.change_type.is_in(["法定代表人"]) & (F.working_days_elapsed > 10)
    F.materials.lacks("公司章程") | F.report_written.is_false()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
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

    def children(self) -> tuple[Condition, ...]:
        return ()

    def operands(self) -> tuple[Operand, ...]:
        return ()

    def walk(self) -> Iterator[Condition]:
        yield self
        for child in self.children():
            yield from child.walk()

    def fields(self) -> list[str]:
        """Field names the condition reads, in order of first appearance."""
        seen: dict[str, None] = {}
        for node in self.walk():
            for operand in node.operands():
                if isinstance(operand, FieldRef):
                    seen[operand.name] = None
        return list(seen)

    def params(self) -> list[str]:
        seen: dict[str, None] = {}
        for node in self.walk():
            for operand in node.operands():
                if isinstance(operand, ParamRef):
                    seen[operand.key] = None
        return list(seen)

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
    def to_data(self) -> dict[str, Any]:
        raise NotImplementedError

    def render(self, label: Labeler) -> str:
        raise NotImplementedError


@dataclass(frozen=True, eq=False)
class FieldRef(Operand):
    name: str

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

    def is_true(self) -> Compare:
        return Compare("==", self, True)

    def is_false(self) -> Compare:
        return Compare("==", self, False)

    def is_in(self, values: Iterable[str]) -> OneOf:
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

    def render(self, label: Labeler) -> str:
        return label(self.name)


@dataclass(frozen=True, eq=False)
class ParamRef(Operand):
    """A configuration parameter, read when the audit runs."""

    key: str

    def __eq__(self, other: Any) -> Compare:  # type: ignore[override]
        return Compare("==", self, other)

    def __ne__(self, other: Any) -> Compare:  # type: ignore[override]
        return Compare("!=", self, other)

    def to_data(self) -> dict[str, Any]:
        return {"param": self.key}

    def render(self, label: Labeler) -> str:
        return label(f"param:{self.key}")


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
    return value.render(label) if isinstance(value, Operand) else render_value(value, lang)


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
        op = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥"}.get(self.op, self.op)
        return f"{self.left.render(label)} {op} {_render_operand(self.right, label, lang)}"


@dataclass(frozen=True)
class OneOf(Condition):
    field: FieldRef
    values: tuple[str, ...]

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "in", "left": self.field.to_data(), "values": list(self.values)}

    def render(self, label: Labeler, lang: str) -> str:
        return f"{label(self.field.name)} ∈ {{{'、'.join(self.values)}}}"


@dataclass(frozen=True)
class NoneOf(Condition):
    field: FieldRef
    values: tuple[str, ...]

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "not in", "left": self.field.to_data(), "values": list(self.values)}

    def render(self, label: Labeler, lang: str) -> str:
        return f"{label(self.field.name)} ∉ {{{'、'.join(self.values)}}}"


@dataclass(frozen=True)
class IsNull(Condition):
    field: FieldRef

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "is null", "left": self.field.to_data()}

    def render(self, label: Labeler, lang: str) -> str:
        return f"{label(self.field.name)} {'为空' if lang == 'zh' else 'is empty'}"


@dataclass(frozen=True)
class NotNull(Condition):
    field: FieldRef

    def operands(self) -> tuple[Operand, ...]:
        return (self.field,)

    def to_data(self) -> dict[str, Any]:
        return {"op": "is not null", "left": self.field.to_data()}

    def render(self, label: Labeler, lang: str) -> str:
        return f"{label(self.field.name)} {'不为空' if lang == 'zh' else 'is not empty'}"


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
        return f"{label(self.field.name)} {'含' if lang == 'zh' else 'includes'} {self.value}"


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
        return f"{label(self.field.name)} {'不含' if lang == 'zh' else 'lacks'} {self.value}"


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


def validate(
    condition: Condition, specs: Mapping[str, FieldSpec], param_types: Mapping[str, str]
) -> list[str]:
    """Every problem with a condition over a fact kind; empty when it is sound.

    `param_types` maps each known parameter key to its field type family.
    """
    problems: list[str] = []

    def spec_of(name: str) -> FieldSpec | None:
        if name not in specs:
            problems.append(f"unknown field {name}")
            return None
        return specs[name]

    def type_of(operand: Operand) -> str | None:
        if isinstance(operand, FieldRef):
            spec = spec_of(operand.name)
            return None if spec is None else spec.type
        assert isinstance(operand, ParamRef)
        if operand.key not in param_types:
            problems.append(f"unknown parameter {operand.key}")
            return None
        return param_types[operand.key]

    for node in condition.walk():
        if isinstance(node, Compare):
            left = type_of(node.left)
            if isinstance(node.right, Operand):
                right = type_of(node.right)
                if left and right and _family(left) != _family(right):
                    problems.append(f"{node.render(str, 'en')}: compares {left} with {right}")
                if {left, right} & {"set"}:
                    problems.append(f"{node.render(str, 'en')}: sets are tested with has()/lacks()")
            elif isinstance(node.left, ParamRef):
                pass  # a reading switch: the parameter's allowed values are checked by config
            elif left:
                spec = spec_of(node.left.name)  # type: ignore[attr-defined]
                reason = spec and _constant_fits(spec, node.right)
                if reason:
                    problems.append(reason)
            if node.op in _ORDER_OPS and left in ("choice", "text", "bool", "set"):
                problems.append(f"{node.render(str, 'en')}: {left} values have no order")
        elif isinstance(node, (OneOf, NoneOf)):
            spec = spec_of(node.field.name)
            if spec is not None:
                if spec.type not in ("choice", "text"):
                    problems.append(f"{spec.name}: in/not in needs a text or choice field")
                for value in node.values:
                    reason = _constant_fits(spec, value) if spec.type == "choice" else None
                    if reason:
                        problems.append(reason)
        elif isinstance(node, (Has, Lacks)):
            spec = spec_of(node.field.name)
            if spec is not None:
                if spec.type != "set" or not spec.choices:
                    problems.append(f"{spec.name}: has/lacks needs a set field with fixed choices")
                elif node.value not in spec.choices:
                    problems.append(f"{node.value!r} is not a choice of {spec.name}")
        elif isinstance(node, (IsNull, NotNull)):
            spec_of(node.field.name)
    return list(dict.fromkeys(problems))
