"""`--rejected FILE`: the rejected rows as they were read, with the reasons, to fix and re-run.

Every rejected row is written with its original columns and values, then two columns the
checker adds: 拒绝原因 (every reason, joined) and 原始位置 (file#sheet:row). The loader ignores
those two columns, so the file can be corrected and audited as it is:

- `FILE.xlsx`: one sheet per record kind, named after the kind (re-read as that kind);
- `FILE.csv`: the rows of one kind, UTF-8 with BOM so spreadsheet programs show the Chinese
  (name it after the kind, e.g. `members.csv`, to re-run it; rows of several kinds need .xlsx
  or a folder);
- a folder (a path without suffix, or an existing folder): one CSV per kind, `members.csv` ….

No cell is written so that a spreadsheet would run it as a formula (checker/safety.py), and the
titles of 绝密 and 机密 items are withheld as from every report unless --reveal-titles: a row
holding one is to be fixed in the source.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from checker.i18n import Lang, Text
from checker.loading import Dataset, Problem, RejectedRow, rejected_rows
from checker.records import KINDS
from checker.safety import neutralise_formula, write_atomically
from checker.sources.jsonfile import JsonObject
from checker.values import CHINA, Unreadable

REASON = Text("拒绝原因", "rejection_reason")
ORIGIN = Text("原始位置", "original_source")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class RejectedFileError(ValueError):
    """A --rejected path that cannot take the rows (a CSV for rows of several kinds)."""


def _rows(dataset: Dataset, problems: list[Problem]) -> list[RejectedRow]:
    """Every rejected row: as read at loading, or, if a later step rejected it, its values."""
    rows = list(dataset.rejected_rows)
    known = {r.source for r in rows}
    lost = rejected_rows(problems)
    for kind, loaded in dataset.records.items():
        for item in loaded:
            if item.source not in known and item.source.row in lost.get(item.source.input, ()):
                values = item.record.model_dump(by_alias=True, exclude_none=True)
                rows.append(RejectedRow(item.source, kind, tuple(values.items())))
    return sorted(rows, key=lambda r: r.source.sort_key)


def _reasons(problems: Iterable[Problem], lang: Lang) -> dict[Any, str]:
    reasons: dict[Any, list[str]] = defaultdict(list)
    for p in problems:
        if p.rejects_record and p.source.row is not None:
            reasons[(p.source.file, p.source.part, p.source.row)].append(p.message(lang))
    joiner = "；" if lang == "zh" else "; "
    return {key: joiner.join(dict.fromkeys(texts)) for key, texts in reasons.items()}


def _columns(rows: list[RejectedRow]) -> list[tuple[str, int]]:
    """Each header with its occurrence, in first-seen order (a header may repeat in a row)."""
    columns: dict[tuple[str, int], None] = {}
    for row in rows:
        seen: dict[str, int] = defaultdict(int)
        for header, _ in row.cells:
            columns.setdefault((header, seen[header]), None)
            seen[header] += 1
    return list(columns)


def _lines(rows: list[RejectedRow], reasons: dict[Any, str], lang: Lang) -> list[list[Any]]:
    columns = _columns(rows)
    index = {column: n for n, column in enumerate(columns)}
    lines: list[list[Any]] = [[h for h, _ in columns] + [REASON(lang), ORIGIN(lang)]]
    for row in rows:
        line: list[Any] = [None] * len(columns)
        seen: dict[str, int] = defaultdict(int)
        for header, value in row.cells:
            line[index[(header, seen[header])]] = value
            seen[header] += 1
        key = (row.source.file, row.source.part, row.source.row)
        lines.append([*line, reasons.get(key, ""), str(row.source)])
    return lines


def _json(value: Any) -> Any:
    if isinstance(value, JsonObject):
        return {str(k): _json(v) for k, v in value}
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def _text(value: Any) -> str:
    if isinstance(value, Unreadable):
        return value.shown
    if isinstance(value, (JsonObject, dict)):
        return json.dumps(_json(value), ensure_ascii=False, default=str)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "、".join(_text(v) for v in value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)  # a number is not text a spreadsheet could run
    return neutralise_formula(_text(value))


def _xlsx_cell(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    if isinstance(value, datetime) and value.tzinfo is not None:
        try:
            return value.astimezone(CHINA).replace(tzinfo=None)
        except OverflowError:  # 9999-12-31 23:59-12:00 is past the dates China time can show
            return value.isoformat()
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value  # dates and times stay dates and times
    text = _XML_ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04x}", _text(value))
    return neutralise_formula(text)


def _write_csv(path: Path, lines: list[list[Any]]) -> None:
    def write(target: Path) -> None:
        # Damaged bytes go back as they were read (surrogateescape): the row is as it came.
        with target.open("w", encoding="utf-8-sig", errors="surrogateescape", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([neutralise_formula(str(h)) for h in lines[0]])
            writer.writerows([_csv_cell(v) for v in line] for line in lines[1:])

    write_atomically(path, write)


def _sheet_name(kind: str, used: set[str]) -> str:
    name = _SHEET_FORBIDDEN.sub("_", KINDS[kind].meta.title.zh)[:31]
    while name in used:
        name = f"{name[:28]}_{len(used)}"
    used.add(name)
    return name


def _write_xlsx(path: Path, by_kind: dict[str, list[list[Any]]], lang: Lang) -> None:
    from openpyxl import Workbook

    def write(target: Path) -> None:
        book = Workbook(write_only=True)
        used: set[str] = set()
        if not by_kind:
            book.create_sheet("拒绝的记录" if lang == "zh" else "rejected").append(
                [REASON(lang), ORIGIN(lang)]
            )
        for kind, lines in by_kind.items():
            sheet = book.create_sheet(_sheet_name(kind, used))
            sheet.append([_xlsx_cell(h) for h in lines[0]])
            for line in lines[1:]:
                sheet.append([_xlsx_cell(v) for v in line])
        book.save(target)

    write_atomically(path, write)


def write_rejected(
    path: Path,
    dataset: Dataset,
    problems: list[Problem],
    lang: Lang,
    withhold: Callable[[Any], Any] | None = None,
) -> list[Path]:
    """Write the rejected rows to `path` (see the module's docstring); the files written.

    `withhold` takes secret titles out of every cell and reason, as from every report.
    """
    rows = _rows(dataset, problems)
    reasons = _reasons(problems, lang)
    if withhold is not None:
        rows = [RejectedRow(r.source, r.kind, withhold(r.cells)) for r in rows]
        reasons = withhold(reasons)
    grouped: dict[str, list[RejectedRow]] = defaultdict(list)
    for row in rows:
        grouped[row.kind].append(row)
    by_kind = {kind: _lines(items, reasons, lang) for kind, items in grouped.items()}
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(path, by_kind, lang)
        return [path]
    if suffix == ".csv":
        if len(by_kind) > 1:
            kinds = ", ".join(KINDS[k].meta.file_stem for k in by_kind)
            raise RejectedFileError(
                f"--rejected {path}: rows of several kinds were rejected ({kinds}); give an "
                ".xlsx file (a sheet per kind) or a folder (a CSV per kind)"
            )
        (lines,) = by_kind.values() if by_kind else ([[REASON(lang), ORIGIN(lang)]],)
        _write_csv(path, lines)
        return [path]
    if path.exists() and not path.is_dir():
        raise RejectedFileError(f"--rejected {path}: give a .csv or .xlsx file, or a folder")
    path.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, lines in by_kind.items():
        target = path / f"{KINDS[kind].meta.file_stem}.csv"
        _write_csv(target, lines)
        written.append(target)
    return written
