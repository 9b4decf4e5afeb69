"""The data contract, generated from the record models so that it cannot drift from them."""

from __future__ import annotations

from checker.facts import FACT_KINDS
from checker.records import KINDS, FieldSpec, field_specs

TYPE_NAMES = {
    "text": "text",
    "choice": "one of",
    "int": "whole number",
    "decimal": "number",
    "money": "amount in 元 (≤ 2 decimals)",
    "bool": "yes/no (是/否, Y/N, true/false, 1/0)",
    "date": "date YYYY-MM-DD",
    "datetime": "date and time YYYY-MM-DD HH:MM[:SS]",
    "time": "time of day HH:MM[:SS]",
    "set": "list in one cell (separated by ；、,)",
}


def _type(spec: FieldSpec) -> str:
    name = TYPE_NAMES[spec.type]
    if spec.choices:
        name += ": " + "、".join(spec.choices)
    return name


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def data_contract() -> str:
    lines = [
        "# Data contract",
        "",
        "Generated from the record models by `compliance schema --contract`; do not edit by hand "
        "(a test fails when this file and the models differ).",
        "",
        "A dataset is a folder with one file per record kind, named after the kind's file name "
        "(`members.csv`), its English name (`Member.csv`) or its Chinese title (`会员名册.csv`), "
        "or such files given one by one. CSV (UTF-8, with or without BOM), JSON Lines (`.jsonl`) "
        "and JSON arrays (`.json`) are read. Column headers may be the Chinese header or the "
        "English field name below. An empty cell is an absent value. `compliance schema KIND` "
        "prints a kind's JSON Schema.",
        "",
    ]
    for name, model in KINDS.items():
        meta = model.meta
        subject = (
            f"{meta.subject.title.zh} / {meta.subject.title.en} (`{meta.subject_field}`)"
            if meta.subject
            else "reference data, not audited itself"
        )
        lines += [
            f"## {meta.title.zh} — {name} (`{meta.file_stem}.csv`)",
            "",
            f"{meta.title.en.capitalize()}. Key: `{'` + `'.join(meta.key_fields)}`. "
            f"Subject: {subject}.",
            "",
            "| 列名 header | field | type | required | description |",
            "|---|---|---|---|---|",
        ]
        for spec in field_specs(model).values():
            lines.append(
                f"| {_escape(spec.label)} | `{spec.name}` | {_escape(_type(spec))} | "
                f"{'yes' if spec.required else ''} | {_escape(spec.description)} |"
            )
        lines.append("")
    lines += [
        "# Facts computed before the engine",
        "",
        "Rules may also read these fields, which the checker computes from several records, the "
        "working-day calendar and the audit date (checker/facts).",
        "",
    ]
    for kind in FACT_KINDS.values():
        if not kind.computed:
            continue
        origin = (
            f"computed for each {kind.record_kind} record"
            if kind.record_kind
            else "one fact per obligation, not per row"
        )
        lines += [
            f"## {kind.title.zh} — {kind.name}",
            "",
            f"{origin.capitalize()}.",
            "",
            "| 名称 | field | type | description |",
            "|---|---|---|---|",
        ]
        for field in sorted(kind.computed, key=list(kind.fields).index):
            spec = kind.fields[field]
            lines.append(
                f"| {_escape(spec.label)} | `{field}` | {_escape(_type(spec))} | "
                f"{_escape(spec.description)} |"
            )
        lines.append("")
    return "\n".join(lines)
