"""`compliance validate`: a dataset checked against the data contract, without auditing.

Every problem at once, each with its file, sheet, row, column, value and reason, and per input
the rows read, valid and rejected. The JSON form's schema is schemas/validation-v1.schema.json,
generated from the models below (a test keeps the two identical).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from tabulate import tabulate

from checker.config import Config
from checker.i18n import Lang, label
from checker.loading import Dataset
from checker.report import (
    InputSummary,
    ProblemOut,
    RedactionOut,
    Tool,
    inputs_out,
    problem_out,
    withholding,
)
from checker.table import inputs_table


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ValidationSummary(_Model):
    read: int = Field(description="Rows read from every input")
    valid: int = Field(description="Rows that meet the contract: read = valid + rejected")
    rejected: int = Field(description="Rows refused, each with its reasons in errors")
    unusable: int = Field(description="Inputs that could not be used at all")
    warnings: int


class ValidationReport(_Model):
    schema_version: Literal[1] = 1
    tool: Tool = Field(default_factory=Tool)
    lang: Literal["zh", "en"]
    inputs: list[InputSummary] = Field(description="Per input: records = audited + rejected")
    errors: list[ProblemOut] = Field(description="Rejected rows' problems and unusable inputs")
    warnings: list[ProblemOut] = Field(description="Problems that lost nothing")
    summary: ValidationSummary
    redaction: RedactionOut = Field(
        default_factory=lambda: RedactionOut(withheld=False, grades=[], items=[]),
        description="What the result leaves out so that it does not leak secrets",
    )


def build_validation(
    dataset: Dataset, config: Config, lang: Lang, reveal_titles: bool = False
) -> ValidationReport:
    """Every problem of the dataset; secret titles withheld unless `reveal_titles`."""
    problems = sorted(dataset.problems, key=lambda p: (p.source.sort_key, p.field or ""))
    inputs = inputs_out(dataset, problems)
    rejected = sum(i.rejected for i in inputs)
    report = ValidationReport(
        lang=lang,
        inputs=inputs,
        errors=[problem_out(p, lang) for p in problems if p.rejects_record],
        warnings=[problem_out(p, lang) for p in problems if not p.rejects_record],
        summary=ValidationSummary(
            read=dataset.read,
            valid=dataset.read - rejected,
            rejected=rejected,
            unusable=sum(p.fatal for p in problems),
            warnings=sum(not p.rejects_record for p in problems),
        ),
    )
    withhold = withholding(dataset, config, lang, reveal_titles)
    return report if withhold is None else withhold.redacted(report)


def _blank(value: Any) -> Any:
    return "" if value is None else value


def render_validation(report: ValidationReport, lang: Lang) -> str:
    out: list[str] = []
    if report.errors:
        out.append(f"{label('problems', lang)}")
        out.append(
            tabulate(
                [
                    [
                        e.file,
                        _blank(e.sheet),
                        _blank(e.row),
                        _blank(e.column),
                        _blank(e.value),
                        e.reason,
                    ]
                    for e in report.errors
                ],
                headers=[
                    label(k, lang) for k in ("file", "sheet", "row", "column", "value", "reason")
                ],
                tablefmt="simple_grid",
                maxcolwidths=[30, 16, None, 16, 24, 48],
            )
        )
    else:
        out.append(label("no_problems", lang))
    for warning in report.warnings:
        out.append(f"! {warning.source}: {warning.message}")
    if report.inputs:
        out.append(f"\n{label('inputs', lang)}")
        out.append(inputs_table(report.inputs, lang, audited="valid"))
    summary = report.summary
    out.append(
        "\n"
        + label("validation_line", lang).format(
            read=summary.read,
            valid=summary.valid,
            rejected=summary.rejected,
            errors=len(report.errors),
            warnings=summary.warnings,
        )
    )
    if report.redaction.withheld:
        out.append(label("redacted", lang).format(count=len(report.redaction.items)))
    return "\n".join(out)


def validation_schema() -> dict[str, Any]:
    schema = ValidationReport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://compliance.invalid/schemas/validation-v1.schema.json"
    return schema
