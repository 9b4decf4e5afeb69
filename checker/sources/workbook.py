"""xlsx workbooks: one sheet per record kind, read with openpyxl, formulas as their cached values.

A formula is never evaluated: a cell holds the value Excel (or LibreOffice) last calculated and
saved. A formula cell without such a value (a workbook written by a program that does not
calculate) is reported, not read as empty, and so is a cell holding an Excel error (#N/A).
Cells formatted as percentages are read as "30%" (Excel stores 0.3), so that only a column in %
accepts them. Links to other workbooks are not followed, macros are never run, and the XML is
parsed with defusedxml.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from itertools import repeat
from pathlib import Path
from typing import IO, Any

from checker.i18n import Text
from checker.sources import OrderBy, Part, RawRow, SourceError, Table, unreadable
from checker.values import Unreadable, printable

# What a damaged archive raises while a member is read: a bad zip structure or CRC, a corrupted
# deflate stream (zlib.error), a stream cut short (EOFError), a member missing (KeyError).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, RuntimeError, ValueError)
MAX_EXPANDED = 1 << 30  # 1 GiB: a workbook that unzips to more is refused as a possible zip bomb
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
# A sheet has at most 16,384 columns (XFD) and 1,048,576 rows: a longer reference is not one.
_MERGE = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"'
)


def _refuse_container(path: Path) -> None:
    """Refuse, with the reason, what openpyxl could only fail on obscurely."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _CFB:
                handle.seek(0)
                if _ENCRYPTED in handle.read(64 << 20):
                    raise SourceError(
                        "工作簿设有打开密码（已加密），无法读取；请取消密码后另存"
                        "（文件 → 信息 → 保护工作簿 → 用密码进行加密）",
                        "the workbook is password-protected (encrypted) and cannot be read; remove "
                        "the password and save it again (File → Info → Protect Workbook → Encrypt "
                        "with Password)",
                    )
                raise SourceError(
                    "是 Excel 97–2003 工作簿（.xls 格式）；请另存为 .xlsx",
                    "is an Excel 97–2003 workbook (.xls format); save it as .xlsx",
                )
    except OSError as error:
        raise unreadable(error) from None
    if not zipfile.is_zipfile(path):
        raise SourceError(
            "不是 xlsx 工作簿（文件已损坏，或并非 Excel 文件）",
            "not an xlsx workbook (damaged, or not an Excel file)",
        )


def _damaged(error: Exception) -> SourceError:
    reason = printable(f"{type(error).__name__}: {error}")
    return SourceError(f"工作簿已损坏：{reason}", f"damaged workbook: {reason}")


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet holds a formula; a zip bomb is refused on the way."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(m.file_size for m in members) > MAX_EXPANDED:
                raise SourceError(
                    "工作簿解压后超过 1 GiB，疑为压缩炸弹，拒绝读取",
                    "the workbook expands to more than 1 GiB: refused as a possible zip bomb",
                )
            sheets = [m for m in members if m.filename.startswith("xl/worksheets/")]
            if not sheets:
                return True  # an unusual layout: check every cell rather than assume
            return any(_member_has_formula(archive, m) for m in sheets)
    except _DAMAGED as error:
        raise _damaged(error) from None


def _windows(stream: IO[bytes], overlap: int) -> Iterator[bytes]:
    """A member's XML a MiB at a time, each led by the `overlap` bytes before it: a tag split
    across two reads is still found whole."""
    tail = b""
    while chunk := stream.read(1 << 20):
        yield tail + chunk
        tail = chunk[-overlap:]


def _member_has_formula(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    with archive.open(member) as stream:
        return any(_FORMULA.search(window) for window in _windows(stream, 16))


def _column_merges(path: Path, member: str) -> dict[int, list[tuple[int, int]]]:
    """A sheet's merged ranges that lie in one column (a department merged down the rows of its
    staff), by the row each begins: its column (0 for A) and its last row."""
    from openpyxl.utils.cell import column_index_from_string

    try:
        with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as stream:
            found = {m.groups() for w in _windows(stream, 256) for m in _MERGE.finditer(w)}
    except _DAMAGED as error:
        raise _damaged(error) from None
    merges: dict[int, list[tuple[int, int]]] = {}
    for first_column, first_row, last_column, last_row in sorted(found):
        if first_column == last_column and int(last_row) > int(first_row):
            column = column_index_from_string(first_column.decode()) - 1
            merges.setdefault(int(first_row), []).append((column, int(last_row)))
    return merges


def _fill_merged(
    rows: Iterator[tuple[int, dict[int, Any]]], merges: dict[int, list[tuple[int, int]]]
) -> Iterator[tuple[int, dict[int, Any]]]:
    """Rows with the value of each one-column merged range in every cell of it, as the sheet shows
    it (Excel stores it in the first cell only)."""
    down: dict[int, tuple[int, Any]] = {}  # column -> the last row of its merge, and the value
    width = 0  # a merged value fills a row only within the widest row read
    for number, cells in rows:
        width = max(width, max(cells, default=-1) + 1)
        for column, last in merges.get(number, ()):
            if cells.get(column) is not None:
                down[column] = (last, cells[column])
        for column, (last, value) in list(down.items()):
            if number > last:
                del down[column]
            elif column < width and cells.get(column) is None:
                cells[column] = value
        yield number, cells


def _open(path: Path, data_only: bool) -> Any:
    from openpyxl.reader.excel import ExcelReader

    reader = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            # load_workbook, keeping the reader: it knows the sheets the workbook declares
            reader = ExcelReader(path, read_only=True, data_only=data_only, keep_links=False)
            reader.read()
    except Exception as error:  # a hostile or damaged file may fail anywhere inside openpyxl
        if reader is not None and (unread := _unread_sheets(reader)):
            raise unread from None
        raise SourceError(
            f"无法读取工作簿：{type(error).__name__}: {error}",
            f"cannot read the workbook: {type(error).__name__}: {error}",
        ) from None
    if unread := _unread_sheets(reader):
        reader.wb.close()
        raise unread
    return reader.wb


def _unread_sheets(reader: Any) -> SourceError | None:
    """The sheets the workbook declares (xl/workbook.xml and its relationships) that openpyxl
    passes over without a word, their rows unseen: a sheet that names no part, or names a part
    the archive does not hold."""
    parser = getattr(reader, "parser", None)  # set once the workbook's own part is parsed
    if parser is None:
        return None
    try:
        relationships = parser.rels
    except _DAMAGED:
        relationships = {}
    unread = []
    for sheet in parser.sheets:
        relationship = relationships.get(sheet.id) if sheet.id else None
        if relationship is None or relationship.target not in reader.valid_files:
            part = "" if relationship is None else printable(relationship.target)
            unread.append((printable(str(sheet.name)), part))
    if not unread:
        return None
    zh = "；".join(
        f"“{name}”{f'的内容 {part} 缺失' if part else '未指明内容'}" for name, part in unread
    )
    en = "; ".join(
        f"{name!r} ({f'its part {part} is missing' if part else 'it names no part'})"
        for name, part in unread
    )
    return SourceError(
        f"工作簿已损坏：无法读取工作表 {zh}，其中的行无从核对；请用 Excel 打开修复后另存",
        f"damaged workbook: cannot read sheet {en}, and its rows cannot be accounted for; "
        "open it in Excel to repair it and save it again",
    )


def _sheet_rows(sheet: Any, title: str) -> Iterator[tuple[int, dict[int, dict[str, Any]]]]:
    """A read-only sheet's rows as its XML lists them: each row's number and its cells that hold
    something, by column (1 for A).

    openpyxl's own iteration is not used: it skips a row listed out of order or twice without a
    word, and builds every row out to its last cell, if only a formatted empty one in column XFD
    (16,384 cells a row). Here the work is by the cells that hold something, and a row number
    that does not increase makes the sheet damaged, naming the rows.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    book = sheet.parent
    with sheet._get_source() as source:  # openpyxl's internal access to the sheet's XML
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        previous = 0
        for number, parsed in parser.parse():
            if number <= previous:
                raise _disordered(title, number, previous)
            previous = number
            cells: dict[int, dict[str, Any]] = {}
            for cell in parsed:
                if cell["value"] is None:
                    continue  # an empty cell, perhaps only formatted
                if cell["column"] in cells:
                    raise SourceError(
                        f"工作表“{title}”已损坏：第 {number} 行的同一单元格出现了两次",
                        f"sheet {title!r} is damaged: a cell of row {number} is listed twice",
                    )
                cells[cell["column"]] = cell
            yield number, cells


def _disordered(title: str, number: int, previous: int) -> SourceError:
    where_zh = (
        f"第 {number} 行出现了两次"
        if number == previous
        else (f"第 {number} 行排在第 {previous} 行之后")
    )
    where_en = (
        f"row {number} is listed twice"
        if number == previous
        else (f"row {number} comes after row {previous}")
    )
    return SourceError(
        f"工作表“{title}”已损坏：{where_zh}（Excel 不会这样保存）；请用 Excel 打开后另存",
        f"sheet {title!r} is damaged: {where_en} (Excel never saves that); open it in Excel and "
        "save it again",
    )


def _cell(
    sheet: Any, value_cell: dict[str, Any] | None, formula_cell: dict[str, Any] | None
) -> Any:
    value = None if value_cell is None else value_cell["value"]
    data_type = None if value_cell is None else value_cell["data_type"]
    if data_type == "e":
        return Unreadable(
            str(value),
            Text(
                f"单元格是 Excel 错误值 {value}（其公式计算失败）",
                f"the cell holds the Excel error {value} (its formula failed)",
            ),
        )
    if value is None and formula_cell is not None and formula_cell["data_type"] == "f":
        return Unreadable(
            printable(str(formula_cell["value"])),
            Text(
                "公式没有已保存的计算结果（工作簿由不计算公式的程序写成）；"
                "请用 Excel 打开并保存，或填写数值",
                "the formula has no saved result (the workbook was written by a program that "
                "does not calculate); open and save it in Excel, or enter the value",
            ),
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.cell.read_only import ReadOnlyCell

        assert value_cell is not None
        number_format = ReadOnlyCell(sheet, **value_cell).number_format or ""
        if "%" in number_format:
            return f"{Decimal(format(value * 100, '.15g'))}%"
    return value


def _raw_row(number: int, cells: dict[int, Any], width: int | None) -> RawRow:
    """A row's cells in column order up to its last that holds something, or up to the table's
    width once it is known, the cells past it that hold something sparsely: the work is by the
    cells that hold values, whatever column they are in."""
    last = max(cells, default=-1) + 1
    dense: list[Any] = [None] * (last if width is None else min(last, width))
    beyond = []
    for column, value in cells.items():
        if column < len(dense):
            dense[column] = value
        elif value is not None:
            beyond.append((column, value))
    return RawRow(number, dense, beyond=tuple(sorted(beyond)))


class Workbook:
    format = "xlsx"
    encoding = None

    def __init__(self, path: Path, sheets: Mapping[str, str]) -> None:
        self.label = str(path)
        self.path = path
        _refuse_container(path)
        self.formulas = _has_formulas(path)
        self.values = _open(path, data_only=True)
        if not self.values.worksheets:  # openpyxl passes over a sheet whose XML is missing
            raise SourceError(
                "工作簿已损坏：没有可读取的工作表", "damaged workbook: no sheet can be read"
            )
        self.formula_book = _open(path, data_only=False) if self.formulas else None
        # Date-formatted cells come read as dates; a plain number in a date column is a serial of
        # the workbook's own date system (1900, or 1904 for a workbook begun on an old Mac).
        self.serial_epoch = self.values.epoch.date()
        self.sheets = sheets

    def parts(self) -> list[Part]:
        return [Part(ws.title, self.sheets.get(ws.title)) for ws in self.values.worksheets]

    def table(self, part: Part, order_by: OrderBy) -> Table:
        table = Table(iter(()))
        table.rows = self._rows(str(part.name), table)
        return table

    def _rows(self, sheet: str, table: Table) -> Iterator[RawRow]:
        values = self.values[sheet]
        # read-only openpyxl gives no merged ranges: they are read from the sheet's own XML,
        # which its (internal) _worksheet_path names; a test reads merged cells through it.
        merges = _column_merges(self.path, values._worksheet_path)
        formulas: Iterator[Any] = repeat((0, {}))
        if self.formula_book is not None:
            formulas = _sheet_rows(self.formula_book[sheet], sheet)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rows = (
                    (number, self._cells(values, found, formula_cells))
                    for (number, found), (_, formula_cells) in zip(
                        _sheet_rows(values, sheet), formulas, strict=False
                    )
                )
                for number, cells in _fill_merged(rows, merges) if merges else rows:
                    yield _raw_row(number, cells, table.width)
        except SourceError:
            raise
        except Exception as error:  # damaged sheet XML fails while it is streamed
            reason = printable(f"{type(error).__name__}: {error}")
            raise SourceError(
                f"工作表“{sheet}”已损坏：{reason}", f"sheet {sheet!r} is damaged: {reason}"
            ) from None

    @staticmethod
    def _cells(
        sheet: Any, found: dict[int, dict[str, Any]], formulas: dict[int, dict[str, Any]]
    ) -> dict[int, Any]:
        """A row's cells that hold something, by column (0 for A)."""
        return {
            column - 1: _cell(sheet, found.get(column), formulas.get(column))
            for column in found.keys() | formulas.keys()
        }

    def close(self) -> None:
        for book in (self.values, self.formula_book):
            if book is not None:
                book.close()
