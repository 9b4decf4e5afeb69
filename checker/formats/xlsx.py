"""The workbook compliance officers open: summary, violations with filters, rejected records.

Headers follow the report's language; every text cell is neutralised against formula injection;
the file is the same bytes for the same report (fixed timestamps), so it can be archived and
compared.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from wcwidth import wcswidth

from checker.formats.rows import Cell, headers, violation_rows, waiver_headers, waiver_rows
from checker.i18n import SEVERITY_LABELS, Lang, Text, label
from checker.report import Report, Totals
from checker.rules import SEVERITIES
from checker.safety import neutralise_formula

SHEETS = {
    "summary": Text("汇总", "Summary"),
    "violations": Text("违规明细", "Violations"),
    "rejected": Text("被拒绝的记录", "Rejected records"),
    "waivers": Text("豁免", "Waivers"),
}
FIGURES = {
    "as_of": Text("审计日期", "Audit date"),
    "read": Text("读取记录", "Records read"),
    "audited": Text("审计记录", "Records audited"),
    "rejected": Text("拒绝记录", "Records rejected"),
    "violations": Text("违规", "Violations"),
    "waived": Text("豁免", "Waived"),
    "new": Text("基线之外新增", "New since the baseline"),
    "gating": Text("计入门禁", "Counting against the gate"),
}
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAPPED = Alignment(wrap_text=True, vertical="top")
MONEY = "#,##0.00"
MAX_WIDTH = 60


def _value(value: Cell) -> Cell:
    return neutralise_formula(value) if isinstance(value, str) else value


def _table(sheet: Worksheet, top: int, head: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write a header and rows from row `top`; the last row written."""
    for column, title in enumerate(head, start=1):
        cell = sheet.cell(top, column, _value(title))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    row = top
    for row, values in enumerate(rows, start=top + 1):
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, _value(value)).alignment = WRAPPED
    return row


def _fit(sheet: Worksheet) -> None:
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                longest = max(wcswidth(line) for line in str(cell.value).splitlines() or [""])
                widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)


def _totals_row(name: Sequence[Cell], totals: Totals) -> list[Cell]:
    measures = "、".join(f"{m.label}×{m.count}" for m in totals.measures)
    return [
        *name,
        totals.violations,
        totals.waived,
        totals.fine_min_cny,
        totals.fine_max_cny,
        totals.points,
        measures,
    ]


def _summary(sheet: Worksheet, report: Report, lang: Lang) -> None:
    s = report.summary
    figures: list[tuple[str, Cell]] = [
        ("as_of", report.as_of),
        ("read", s.records.read),
        ("audited", s.records.audited),
        ("rejected", s.records.rejected),
        ("violations", s.violations.total),
    ]
    figures += [(f"severity:{k}", s.violations.by_severity.get(k, 0)) for k in SEVERITIES[::-1]]
    figures.append(("waived", s.violations.waived))
    if s.violations.new is not None:
        figures.append(("new", s.violations.new))
    figures.append(("gating", s.violations.gating))
    for row, (key, value) in enumerate(figures, start=1):
        name = (
            SEVERITY_LABELS[key.split(":")[1]](lang)
            if key.startswith("severity:")
            else FIGURES[key](lang)
        )
        sheet.cell(row, 1, name).font = HEADER_FONT
        sheet.cell(row, 2, _value(value))
    totals_head = [label(k, lang) for k in ("violations", "waivers", "fine_min", "fine_max")]
    totals_head += [label("points", lang), label("measures", lang)]
    top = len(figures) + 2
    sheet.cell(top, 1, label("totals_by_regulation", lang)).font = HEADER_FONT
    end = _table(
        sheet,
        top + 1,
        [label("regulation", lang), *totals_head],
        (_totals_row([t.title], t) for t in s.totals_by_regulation),
    )
    top = end + 2
    sheet.cell(top, 1, label("totals_by_subject", lang)).font = HEADER_FONT
    _table(
        sheet,
        top + 1,
        [label("subject", lang), label("subject_name", lang), *totals_head],
        (_totals_row([t.subject.id, t.subject.name], t) for t in s.penalties_by_subject),
    )
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, float):
                cell.number_format = MONEY


# openpyxl stamps the save's wall-clock time as the workbook's modification time.
_CREATED = re.compile(rb"<dcterms:created[^>]*>([^<]*)</dcterms:created>")
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _deterministic(data: bytes) -> bytes:
    """The same archive with fixed entry times and the audit date as its modification time, so
    equal reports give equal files."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(item.filename)
            created = _CREATED.search(content) if item.filename == "docProps/core.xml" else None
            if created:
                content = _MODIFIED.sub(rb"\g<1>" + created[1] + rb"\g<2>", content)
            target.writestr(entry, content)
    return out.getvalue()


def render(report: Report, lang: Lang) -> bytes:
    book = Workbook()
    moment = datetime.fromisoformat(report.as_of)
    book.properties.creator = f"{report.tool.name} {report.tool.version}"
    book.properties.created = book.properties.modified = moment
    summary = book.active
    summary.title = SHEETS["summary"](lang)
    _summary(summary, report, lang)

    violations = book.create_sheet(SHEETS["violations"](lang))
    head = headers(lang)
    last = _table(violations, 1, head, violation_rows(report, lang))
    violations.auto_filter.ref = f"A1:{get_column_letter(len(head))}{max(last, 1)}"
    violations.freeze_panes = "A2"
    for column in ("fine_min", "fine_max"):
        letter = get_column_letter(head.index(label(column, lang)) + 1)
        for cell in violations[letter][1:]:
            cell.number_format = MONEY

    rejected = book.create_sheet(SHEETS["rejected"](lang))
    _table(
        rejected,
        1,
        [label(k, lang) for k in ("source", "file", "row", "field", "reason")],
        ([e.source, e.file, e.row, e.field, e.message] for e in report.errors),
    )
    rejected.freeze_panes = "A2"

    if report.waivers:
        waivers = book.create_sheet(SHEETS["waivers"](lang))
        _table(waivers, 1, waiver_headers(lang), waiver_rows(report, lang))
    for sheet in book.worksheets:
        _fit(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic(buffer.getvalue())
