"""Where records come from: one reader per input form, all yielding rows the same way.

A *container* is what a user points the checker at: a CSV or JSON file, a workbook, a Parquet
file, an SQLite file or a PostgreSQL database. It holds one or more *parts* (the file itself, a
sheet, a table, a configured query), and each part opens as a `Table` of raw rows: the cells as
they were read, before any header is mapped or value normalised. The loading pipeline
(checker/loading.py) maps headers to fields, reads values (checker/values.py), validates and
accounts for every row in one place whatever the form.

Readers never execute anything from the data and never follow a path found in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from checker.i18n import Text


@dataclass(frozen=True, slots=True)  # slots: one per record, all kept
class Source:
    """Where a value, a row or a whole input came from: file, sheet or table, row, column."""

    file: str
    row: int | None = None  # spreadsheet row (the header is row 1), JSON Lines line, position
    part: str | None = None  # sheet of a workbook, table or query of a database
    column: str | None = None  # the column's header as read

    @property
    def input(self) -> tuple[str, str | None]:
        """The input this source belongs to: its file and part."""
        return (self.file, self.part)

    @property
    def sort_key(self) -> tuple[str, str, int, str]:
        return (self.file, self.part or "", self.row or 0, self.column or "")

    def __lt__(self, other: Source) -> bool:  # sources sort by file, part, row and column
        return self.sort_key < other.sort_key

    def __str__(self) -> str:
        where = self.file if self.part is None else f"{self.file}#{self.part}"
        return where if self.row is None else f"{where}:{self.row}"


class SourceError(Exception):
    """A container or part that cannot be read at all, with the reason in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.message = Text(zh, en)


RAW_LINE = "原始内容"  # the column a line that could not be parsed is kept under, for --rejected


class RawRow(NamedTuple):  # a tuple: made for every row read, quicker than a frozen dataclass
    """A row as read: its number in the source and its cells, or why it could not be read.

    In a grid table the cells are values in column order; in a keyed table (JSON) they are
    (key, value) pairs, each row naming its own keys. A workbook row's cells past the table's
    `width` that hold something are `beyond` it, as (column, value) pairs (column 0 for A): a
    value in column XFD costs one pair, not a list of 16,384 cells.
    """

    number: int
    cells: Sequence[Any]
    error: Text | None = None
    beyond: tuple[tuple[int, Any], ...] = ()


@dataclass
class Table:
    """One part's rows. `header` is known for databases and Parquet; for CSV and workbooks the
    header is among the first rows (titles may stand above it); JSON rows are `keyed`."""

    rows: Iterator[RawRow]
    header: list[str] | None = None
    keyed: bool = False
    # The columns read, set by the loader once it has found the header (None until then): a
    # reader may hand over the cells past it sparsely, and tell a stray quote by it.
    width: int | None = None


@dataclass(frozen=True)
class Part:
    name: str | None  # None: the container is a single table (a CSV file)
    kind: str | None = None  # the record kind the configuration assigns, if any


OrderBy = Callable[[list[str]], list[str]]
"""Given a table's columns, those to sort its rows by (the kind's key), for a stable order."""


class Container(Protocol):
    label: str  # the file, or the database URL without its password
    format: str  # csv, json, jsonl, xlsx, parquet, sqlite, postgresql
    encoding: str | None
    serial_epoch: date  # day zero of the Excel date serial numbers its cells may hold

    def parts(self) -> list[Part]: ...

    def table(self, part: Part, order_by: OrderBy) -> Table: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class InputOptions:
    """How to read the inputs: from the configuration's [input] and [database] and the CLI."""

    encoding: str | None = None  # text files: None detects UTF-8, UTF-8 with BOM, GB18030
    sheets: Mapping[str, str] = field(default_factory=dict)  # sheet name -> kind
    tables: Mapping[str, str] = field(default_factory=dict)  # kind -> table ("schema.table")
    queries: Mapping[str, str] = field(default_factory=dict)  # kind -> SELECT query


def _csv(path: Path, options: InputOptions) -> Container:
    from checker.sources.text import DelimitedFile

    return DelimitedFile(path, options.encoding)


def _json(path: Path, options: InputOptions) -> Container:
    from checker.sources.jsonfile import JsonFile

    return JsonFile(path, options.encoding)


def _workbook(path: Path, options: InputOptions) -> Container:
    from checker.sources.workbook import Workbook

    return Workbook(path, options.sheets)


def _parquet(path: Path, options: InputOptions) -> Container:
    from checker.sources.parquet import ParquetFile

    return ParquetFile(path)


def _sqlite(path: Path, options: InputOptions) -> Container:
    from checker.sources.database import SQLiteDatabase

    return SQLiteDatabase(path, options.tables, options.queries)


OPENERS: dict[str, Callable[[Path, InputOptions], Container]] = {
    ".csv": _csv,
    ".tsv": _csv,
    ".json": _json,
    ".jsonl": _json,
    ".ndjson": _json,
    ".xlsx": _workbook,
    ".xlsm": _workbook,
    ".parquet": _parquet,
    ".sqlite": _sqlite,
    ".sqlite3": _sqlite,
    ".db": _sqlite,
}
"""Every file form read, by suffix (lower case). The readers' libraries load only when used."""

REFUSED: dict[str, Text] = {
    ".xls": Text(
        "Excel 97–2003 工作簿（.xls）：请另存为 .xlsx",
        "an Excel 97–2003 workbook (.xls): save it as .xlsx",
    ),
    ".ods": Text(
        "OpenDocument 表格（.ods）：请另存为 .xlsx",
        "an OpenDocument sheet (.ods): save it as .xlsx",
    ),
    ".numbers": Text("Numbers 表格：请导出为 .xlsx 或 CSV", "a Numbers sheet: export it as .xlsx"),
}
"""Forms a user may expect to work, with what to do instead."""


def open_file(path: Path, options: InputOptions) -> Container:
    suffix = path.suffix.lower()
    if suffix in REFUSED:
        message = REFUSED[suffix]
        raise SourceError(message.zh, message.en)
    opener = OPENERS.get(suffix)
    if opener is None:
        raise SourceError(
            f"不支持的文件类型 {path.suffix or '（无扩展名）'}"
            "（可读取 CSV、TSV、JSON、JSON Lines、xlsx、Parquet、SQLite）",
            f"unsupported file type {path.suffix or '(no suffix)'} (CSV, TSV, JSON, JSON Lines, "
            "xlsx, Parquet and SQLite are read)",
        )
    return opener(path, options)


def open_database(url: str, options: InputOptions) -> Container:
    from checker.sources.database import PostgresDatabase

    return PostgresDatabase(url, options.tables, options.queries)


def unreadable(error: OSError) -> SourceError:
    """Why a file could not be read, in the user's terms."""
    if isinstance(error, PermissionError):
        return SourceError(
            "没有读取权限（请检查文件权限）", "permission denied (check the file's permissions)"
        )
    if isinstance(error, IsADirectoryError):
        return SourceError("是目录，不是文件", "is a folder, not a file")
    if isinstance(error, FileNotFoundError):
        return SourceError("文件不存在（读取时已被移走或删除）", "no such file (moved or deleted)")
    reason = error.strerror or str(error)
    return SourceError(f"无法读取：{reason}", f"cannot read: {reason}")


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or a clear reason why they cannot be had."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise unreadable(error) from None
