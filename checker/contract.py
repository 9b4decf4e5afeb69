"""The data contract, generated from the record models so that it cannot drift from them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from checker.facts import FACT_KINDS
from checker.records import KINDS, FieldSpec, field_specs
from checker.values import EXAMPLES, EXCEL_EPOCH, SERIAL_RANGE, shown

TYPE_NAMES = {
    "text": "text",
    "choice": "one of",
    "int": "whole number",
    "decimal": "number",
    "money": "amount in 元 (≤ 2 decimals)",
    "bool": "yes/no (是/否, Y/N, √/×, true/false, 1/0)",
    "date": "date YYYY-MM-DD",
    "datetime": "date and time YYYY-MM-DD HH:MM[:SS]",
    "time": "time of day HH:MM[:SS]",
    "set": "list in one cell (separated by ；、,)",
}

READING = """\
## How data is read

**Forms.** A dataset is a folder, files given one by one, or a database (`--db`):

{forms}

A kind's name is its file name (`members`), its English name (`Member`) or its Chinese title
(`会员名册`). Sheets and tables that name no kind are listed once as ignored. Excel's lock files
(`~$…`), hidden files, `compliance.toml` and documents (`.md`, `.txt`, `.pdf`, `.docx`, `.yaml`)
are not data; `.xls` and `.ods` are refused with what to do. A symbolic link in a dataset folder
that leads outside it is refused, and so is anything but a regular file (a named pipe, socket or
device), unopened. A file named twice (a folder and a file in it) is read once. An SQLite view is
refused, never run: export it as a table.

**A kind in several places.** Two files, sheets or tables of one kind (`members.csv` and
`会员名册.csv`, or sheets `members` and `会员名册`) are each read, each an input of its own. A JSON
object that gives one key twice, or a workbook with two sheets of one name, is refused: which
one is meant cannot be told.

**Headers.** The header is the first row, within the first 10, that names a field; rows above it
are reported once as titles. A header names a field by its Chinese header or English field name
below, whatever its case, surrounding or inner spaces, full-width characters, brackets
(`注册资本（元）`, `注册资本[元]`), `_`/`-`, or a required-mark `*`. A money column may state its
unit: `注册资本（万元）`, `注册资本/万元`, `注册资本万元` (元, 千元, 万元, 亿元); any other unit
on a number is an error for each value of the column, and a unit the contract's header already names
(`请假天数(天)`) is accepted. A hint on a date or text column (`日期(YYYY-MM-DD)`) is ignored. An
unknown column, and a column with values but no header, is reported once per input; two columns
naming one field make the input unusable.

**Rows.** A row with every problem is rejected with all its reasons at once; blank rows are not
records. A record key given more than once (in one input or several) is decided whatever the order
of rows and files: given with different values, every row of it is rejected, naming the others;
given with identical values, it is audited once, from its first place by file, sheet and row, and
the other rows are rejected as exact duplicates. A CSV quote that never closes rejects its line,
naming the lines it ran to, and those lines are read on their own. So does a quote that closes only
lines later when its line and one of the lines it swallowed each hold a whole record's delimiters
(one fewer than the columns up to the header's last field): a stray quote has swallowed records.
Otherwise a quoted cell spanning lines (an address with a line break) is one cell. A workbook sheet
whose XML lists a row out of order or twice is refused as damaged, naming the rows, and so is a
workbook that declares a sheet it does not hold (its part or relationship missing), naming the
sheet. A CSV row with more cells than
the header is rejected (a value with an unquoted comma shifts the rest). In a workbook, a formula
is read as the value last calculated and saved; a formula without a saved value and a cell holding
an Excel error (`#N/A`) reject the row; a value merged down a column (one department over the rows
of its staff) is each row's, as the sheet shows it, while a range merged across columns keeps it in
its first cell, as Excel stores it; hidden rows and sheets are read like the others. A Parquet or
database row is numbered from 1 in the order read (a table by its key columns).

**Empty values.** An empty cell, a cell of spaces, JSON `null`, SQL `NULL` and NaN are absent.

**Values.** Each field type reads these forms (a test checks every line); anything it would have
to guess is refused:

| type | column | written | read as | note |
|---|---|---|---|---|
{examples}

Dates and times with a time zone are read in China time (UTC+8). Numbers from a workbook or
JSON are read to 15 significant digits, as Excel shows them; Excel serial numbers count in the
1900 date system (in a workbook saved in the 1904 date system, in its own) and are taken as
dates only from {first} to {last}. An amount may not reach
10^15 元. In a text column, a number from a workbook is written as it shows (`1001`, not
`1001.0`), and a leading `'` before `=`, `+`, `-` or `@` (which keeps a formula as text) is
dropped.

**Rejected rows** (`--rejected FILE`) are written as read with two more columns, `拒绝原因` and
`原始位置`; reading the file again ignores those two columns. No cell the checker writes starts
with `=`, `+`, `-`, `@`, a tab or a carriage return: such text gets a leading `'`.
"""


FORMS = (
    ("CSV, TSV", "`.csv`, `.tsv`", "the file's name; UTF-8, UTF-8 with BOM, UTF-16 with BOM or "
     "GB18030/GBK, detected (`--encoding` or `[input] encoding` to say); comma, or tab when the "
     "header has tabs and no commas"),
    ("JSON", "`.json`", "an array of objects named after the kind, or an object whose keys are "
     "kinds and values arrays"),
    ("JSON Lines", "`.jsonl`, `.ndjson`", "the file's name; one object a line"),
    ("xlsx", "`.xlsx`, `.xlsm`", "each sheet's name (`会员名册`, `members`), `[input.sheets]` "
     "(sheet = kind), or the file's name for a workbook whose sheets name no kind (its first "
     "sheet)"),
    ("Parquet", "`.parquet`", "the file's name"),
    ("SQLite", "`.sqlite`, `.sqlite3`, `.db`", "each table's name, or "
     "`[database.tables]` / `[database.queries]` (a view is refused, never run)"),
    ("PostgreSQL", "`--db postgresql://…`", "each table or view's name, or the configuration's"),
)  # fmt: skip


def _written(value: Any) -> str:
    if isinstance(value, str):
        return f"`{_escape(shown(value))}`"
    if isinstance(value, datetime):
        return f"a date-and-time cell {value.isoformat(sep=' ', timespec='minutes')}"
    return f"{value} (a number)"


def _read_as(value: Any, field_type: str) -> str:
    if value is None:
        return "refused"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal) and field_type == "money":
        return f"{value:,} 元"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (date, time)):
        return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
    return f"`{value}`" if isinstance(value, str) else str(value)


def reading_section() -> str:
    rows = [
        f"| {e.type} | {e.unit or ''} | {_written(e.written)} | {_read_as(e.read_as, e.type)} | "
        f"{_escape(e.note)} |"
        for e in EXAMPLES
    ]
    first, last = (EXCEL_EPOCH + timedelta(days=n) for n in SERIAL_RANGE)
    forms = ["| form | files | how a record kind is found |", "|---|---|---|"]
    forms += [f"| {form} | {files} | {how} |" for form, files, how in FORMS]
    return READING.format(
        forms="\n".join(forms),
        examples="\n".join(rows),
        first=first.isoformat(),
        last=last.isoformat(),
    )


def _type(spec: FieldSpec) -> str:
    name = TYPE_NAMES[spec.type]
    if spec.choices:
        name += ": " + "、".join(spec.choices)
    return name


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def data_contract() -> str:
    # Derived fields are declared beside their regulation's rules: the policies hold them.
    import policies  # noqa: F401
    from checker.derived import derived_of

    lines = [
        "# Data contract",
        "",
        "Generated from the record models by `compliance schema --contract`; do not edit by hand "
        "(a test fails when this file and the models differ).",
        "",
        "A dataset holds one table per record kind: a file named after the kind's file name "
        "(`members.csv`), its English name (`Member.csv`) or its Chinese title (`会员名册.csv`), "
        "a sheet of a workbook or a database table named so. `compliance validate DATASET` "
        "checks a dataset against this contract; `compliance schema KIND` prints a kind's JSON "
        "Schema.",
        "",
        reading_section(),
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
        "# Facts computed from the records",
        "",
        "Rules may also read these fields, which the checker computes from several records, the "
        "working-day calendar and the audit date: a derived field is declared beside the rules "
        "of its regulation (policies/), with the article it serves; the others are computed in "
        "checker/facts.",
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
            "| 名称 | field | type | article | description |",
            "|---|---|---|---|---|",
        ]
        for field in sorted(kind.computed, key=list(kind.fields).index):
            spec = kind.fields[field]
            derived = derived_of(kind.name, field)
            article = derived.article if derived else ""
            lines.append(
                f"| {_escape(spec.label)} | `{field}` | {_escape(_type(spec))} | "
                f"{_escape(article)} | {_escape(spec.description)} |"
            )
        lines.append("")
    return "\n".join(lines)
