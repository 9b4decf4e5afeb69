"""The violations as CSV: UTF-8 with a BOM, so spreadsheet programs show the Chinese."""

from __future__ import annotations

import csv
import io

from checker.formats.rows import Cell, headers, violation_rows
from checker.i18n import Lang
from checker.report import Report
from checker.safety import neutralise_formula


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return neutralise_formula(str(value))


def render(report: Report, lang: Lang) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_cell(h) for h in headers(lang)])
    for row in violation_rows(report, lang):
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()
