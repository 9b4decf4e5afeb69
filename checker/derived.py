"""Derived fields: a regulation's measurements, declared beside its rules as expressions.

A derived field is a named operand of the condition language (checker/conditions.py) over one
fact kind — a deadline, an elapsed count of working days, the day a clock starts — with the
article it serves. Conditions and messages read it like any field; the engines measure it over
columns (checker/columnar.py), so the arithmetic of a deadline is read in the policy file, once,
rather than computed in Python before the engine. It is a measurement, never a verdict: whether
a report came too late is the condition's to say.

    REPORT_DEADLINE = derived_field(
        "ChangeEvent", "report_deadline", working_day_after(F.clock_start, 10),
        "第十条", "报告期限", "Last working day to report",
    )
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from checker import conditions as c
from checker.facts import FACT_KINDS
from checker.records import KINDS, FieldSpec, field_specs


@dataclass(frozen=True, eq=False)
class DerivedField:
    kind: str
    name: str
    expression: c.Operand
    article: str  # the article it serves, as cited: 第十条, 第十八条(十)
    spec: FieldSpec  # its label, description and type, as the kind's other fields have


DERIVED_FIELDS: dict[str, dict[str, DerivedField]] = {}  # kind -> name -> field


def derived_field(
    kind: str,
    name: str,
    expression: c.Operand,
    article: str,
    label: str,
    description: str,
    choices: tuple[str, ...] = (),
) -> DerivedField:
    """Declares a derived field of a fact kind; conditions and messages may then name it.
    `choices`: the values a text expression can take, when they are a closed list."""
    fields = FACT_KINDS[kind].fields
    if name in fields:
        raise TypeError(f"{kind}.{name} is already a field")
    spec_type = c.operand_type(expression, fields)  # parameters are checked when rules load
    if spec_type is None or spec_type == "period":
        raise TypeError(f"{kind}.{name}: {expression.render(str, 'en')} has no type")
    if choices:
        taken = {p for p in _constants(expression) if isinstance(p, str)}
        if spec_type != "text" or not taken <= set(choices):
            raise TypeError(f"{kind}.{name}: takes {sorted(taken)}, not only {choices}")
        spec_type = "choice"
    elif spec_type == "choice":  # a choice field's value, of this record or a related one
        choices = _choices_read(expression, fields)
    spec = FieldSpec(name, label, description, spec_type, choices, False)  # type: ignore[arg-type]
    field = DerivedField(kind, name, expression, article, spec)
    fields[name] = spec
    # Computed, not read from the input: a finding's fingerprint and the data contract leave it out.
    FACT_KINDS[kind] = replace(FACT_KINDS[kind], computed=FACT_KINDS[kind].computed | {name})
    DERIVED_FIELDS.setdefault(kind, {})[name] = field
    return field


def _choices_read(expression: c.Operand, fields: dict[str, FieldSpec]) -> tuple[str, ...]:
    if isinstance(expression, c.Aggregate) and expression.value is not None:
        return field_specs(KINDS[expression.kind])[expression.value.name].choices
    if isinstance(expression, c.FieldRef):
        return fields[expression.name].choices
    raise TypeError(f"{expression.render(str, 'en')}: name the choices it takes")


def _constants(value: object) -> Iterable[object]:
    if isinstance(value, c.When):
        yield from _constants(value.then)
        yield from _constants(value.otherwise)
    elif not isinstance(value, c.Operand):
        yield value


def derived_of(kind: str, name: str) -> DerivedField | None:
    return DERIVED_FIELDS.get(kind, {}).get(name)


def derived_read(kind: str, names: Iterable[str]) -> list[DerivedField]:
    """The derived fields these field names read, directly or through other derived fields,
    each after those it reads."""
    found: dict[str, DerivedField] = {}

    def visit(name: str) -> None:
        field = derived_of(kind, name)
        if field is None or name in found:
            return
        for part in field.expression.walk():
            if isinstance(part, c.FieldRef):
                visit(part.name)
        found[name] = field

    for name in names:
        visit(name)
    return list(found.values())
