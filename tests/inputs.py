"""Builders of real input files for the tests: workbooks, Parquet files, SQLite databases."""

from __future__ import annotations

import re
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

MEMBER_HEADER = ["会员编号", "会员名称", "入会日期", "会员状态"]


def workbook(
    path: Path,
    sheets: dict[str, list[list[Any]]],
    formats: dict[str, str] | None = None,
    date_system: int = 1900,
    merged: dict[str, list[str]] | None = None,
) -> Path:
    """An xlsx file with these sheets and rows; `formats` gives cells a number format ("B2": "0%");
    `date_system` 1904 makes it a workbook whose date serials count from 1904-01-01; `merged`
    merges ranges of a sheet's cells ("C2:C4"), keeping the first cell's value, as Excel does."""
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    book.remove(book.active)
    if date_system == 1904:
        book.epoch = CALENDAR_MAC_1904
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cell, number_format in (formats or {}).items():
            sheet[cell].number_format = number_format
        for cells in (merged or {}).get(title, []):
            sheet.merge_cells(cells)
    book.save(path)
    return path


def patch_sheet(path: Path, sheet: int, edit: Callable[[str], str]) -> Path:
    """Rewrite a worksheet's XML in place, as programs other than openpyxl write it."""
    member = f"xl/worksheets/sheet{sheet}.xml"
    temporary = path.with_suffix(".tmp.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == member:
                data = edit(data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)
    shutil.move(temporary, path)
    return path


def cache_formulas(path: Path, sheet: int, cached: dict[str, Any]) -> Path:
    """Give formula cells the saved results Excel would store (openpyxl writes none)."""

    def edit(text: str) -> str:
        for cell, value in cached.items():
            kind = ' t="str"' if isinstance(value, str) else ""
            if isinstance(value, str) and value.startswith("#"):
                kind = ' t="e"'
            text, count = re.subn(
                rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/>',
                rf'<c r="{cell}"\1{kind}><f>\2</f><v>{value}</v>',
                text,
            )
            assert count == 1, f"no formula cell {cell}"
        return text

    return patch_sheet(path, sheet, edit)


def parquet(path: Path, columns: dict[str, list[Any]], types: dict[str, Any] | None = None) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = {
        name: pa.array(values, type=(types or {}).get(name)) for name, values in columns.items()
    }
    pq.write_table(pa.table(arrays), path)
    return path


def sqlite(path: Path, tables: dict[str, tuple[list[str], list[list[Any]]]]) -> Path:
    connection = sqlite3.connect(path)
    for name, (header, rows) in tables.items():
        quoted = '"' + name.replace('"', '""') + '"'
        columns = ", ".join('"' + h.replace('"', '""') + '"' for h in header)
        connection.execute(f"CREATE TABLE {quoted} ({columns})")
        marks = ", ".join("?" for _ in header)
        connection.executemany(f"INSERT INTO {quoted} VALUES ({marks})", rows)
    connection.commit()
    connection.close()
    return path
