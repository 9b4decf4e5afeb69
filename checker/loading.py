"""Reading a dataset: every input form through one pipeline to validated records and problems.

A dataset is a folder with one file per record kind (`change_events.csv`, or the kind's Chinese
title, `变更事项.csv`), files given one by one, workbooks with one sheet per kind, SQLite files
and PostgreSQL databases with one table or query per kind (checker/sources/ reads each form).
Whatever the form, each row passes the same steps here: its header is found and mapped to fields
(Chinese or English, full-width brackets, units such as 注册资本（万元）), each cell is read by
its field's reader (checker/values.py), the record is validated, and the row is counted.

Nothing is dropped silently: a row that fails is rejected with every reason at once (file, sheet,
row, column, value, reason) and kept as read for `--rejected`; an unknown column is reported once
per input; a file that cannot be read, changes while it is read or names no kind stops the audit.
"""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.config import CONFIG_FILE_NAME, Config, ConfigError
from checker.i18n import Text
from checker.records import KINDS, Record, kind_by_stem
from checker.records.base import FieldSpec, FieldType, field_specs
from checker.records.secrecy import WITHHELD_FIELDS
from checker.sources import (
    OPENERS,
    REFUSED,
    Container,
    InputOptions,
    Part,
    RawRow,
    Source,
    SourceError,
    Table,
    open_database,
    open_file,
    unreadable,
)
from checker.values import (
    EXCEL_EPOCH,
    MONEY_UNITS,
    FormError,
    Unreadable,
    is_empty,
    printable,
    reader,
    shown,
)

__all__ = ["Dataset", "InputFile", "InputOptions", "Loaded", "Problem", "Source", "load_dataset"]

DATA_SUFFIXES = (*OPENERS, *REFUSED)
IGNORED_SUFFIXES = (".md", ".txt", ".toml", ".yaml", ".yml", ".pdf", ".doc", ".docx")
HEADER_SEARCH_ROWS = 10  # titles above a header: how many rows to look through for it
ANNOTATIONS = {"拒绝原因": "reason", "原始位置": "source"}
"""Columns `--rejected` adds (in Chinese, or as rejection_reason / original_source); they are
ignored when the file is read again, so a clerk can fix the rows and re-run them as they are."""


@dataclass(frozen=True)
class Problem:
    """A rejected record, an unusable input, or a warning about an input."""

    source: Source
    message: Text
    field: str | None = None
    fatal: bool = False  # the input cannot be used at all: the audit stops (exit code 2)
    rejects_record: bool = True  # False for a warning that loses nothing (an ignored column)
    value: str | None = None  # the value as read, as messages quote it
    reason: Text | None = None  # the reason alone, without the field and value


@dataclass(frozen=True, slots=True)  # slots: one per record, all kept
class Loaded:
    record: Record
    source: Source


@dataclass
class InputFile:
    """One input: a file, a sheet of a workbook, a table or query of a database."""

    path: str
    kind: str | None
    read: int = 0
    rejected: int = 0
    part: str | None = None
    format: str | None = None
    encoding: str | None = None

    @property
    def source(self) -> Source:
        return Source(self.path, part=self.part)


@dataclass(frozen=True)
class RejectedRow:
    """A rejected row as it was read, for `--rejected`: its cells under their headers."""

    source: Source
    kind: str
    cells: tuple[tuple[str, Any], ...]


def rejected_values(dataset: Dataset, kind: str) -> Iterator[dict[str, str]]:
    """The cells of each rejected row of a kind, by field name, as text as they were read.

    For what must stay safe even in a row that could not be validated: the title of an item
    whose grade cell says 绝密 is withheld from its rejection too.
    """
    model = KINDS[kind]
    for row in dataset.rejected_rows:
        if row.kind != kind:
            continue
        columns = Columns(model, row.source)
        values: dict[str, str] = {}
        for header, value in row.cells:
            target = columns.target(header) if isinstance(header, str) else None
            if target is not None and value is not None and str(value).strip():
                values[target.field] = str(value).strip()
        yield values


@dataclass
class Dataset:
    records: dict[str, list[Loaded]] = field(default_factory=dict)
    inputs: list[InputFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rejected_rows: list[RejectedRow] = field(default_factory=list)

    @property
    def fatal(self) -> list[Problem]:
        return [p for p in self.problems if p.fatal]

    @property
    def read(self) -> int:
        return sum(i.read for i in self.inputs)

    @property
    def valid(self) -> int:
        return sum(len(v) for v in self.records.values())


def rejected_rows(problems: Iterable[Problem]) -> dict[tuple[str, str | None], set[int]]:
    """The rows each input lost: a row with several problems is one rejected row."""
    rows: dict[tuple[str, str | None], set[int]] = defaultdict(set)
    for problem in problems:
        if problem.rejects_record and problem.source.row is not None:
            rows[problem.source.input].add(problem.source.row)
    return rows


# --------------------------------------------------------------------------- discovery


def dataset_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The data files the given paths name: files as given, folders expanded (sorted), each file
    once however often it is named.

    A symbolic link inside a folder that leads outside it is refused: the dataset is what the
    folder holds, and no name in it may make the checker read elsewhere. So is anything but a
    regular file (a named pipe, a socket, a device), unopened: reading it could wait for ever.
    """
    files: dict[Path, Path] = {}  # the file itself -> the name it was first given by
    problems: list[Problem] = []

    def refuse(path: Path, message: Text) -> None:
        problems.append(Problem(Source(printable(str(path))), message, fatal=True))

    def add(path: Path) -> None:
        try:
            mode = path.stat().st_mode  # stat, not open: a named pipe would block
        except OSError as error:
            refuse(path, unreadable(error).message)
            return
        if not stat.S_ISREG(mode):
            refuse(
                path,
                Text(
                    "不是普通文件（命名管道、套接字或设备），拒绝读取",
                    "not a regular file (a named pipe, socket or device): refused",
                ),
            )
            return
        files.setdefault(path.resolve(), path)

    for path in paths:
        if path.is_dir():
            root = path.resolve()
            try:
                children = sorted(path.iterdir())
            except OSError as error:
                refuse(
                    path,
                    Text(
                        f"无法读取目录：{error.strerror}",
                        f"cannot read the folder: {error.strerror}",
                    ),
                )
                continue
            for child in children:
                name = child.name
                if name.startswith((".", "~$")) or name == CONFIG_FILE_NAME:
                    continue  # hidden files, Excel's lock files (~$members.xlsx)
                if child.is_dir() or child.suffix.lower() in IGNORED_SUFFIXES:
                    continue
                if child.is_symlink() and not child.resolve().is_relative_to(root):
                    refuse(
                        child,
                        Text(
                            "符号链接指向数据集目录之外，拒绝读取",
                            "a symbolic link that leads outside the dataset folder: refused",
                        ),
                    )
                    continue
                add(child)
        elif path.exists():
            add(path)
        else:
            refuse(path, Text("文件或目录不存在", "no such file or folder"))
    return list(files.values()), problems


def kind_for(path: Path) -> type[Record] | None:
    stem = path.name.rsplit(".", 1)[0] if path.suffix else path.name
    return kind_by_stem(stem)


def _kind_names() -> str:
    return "、".join(m.meta.file_stem for m in KINDS.values())


# --------------------------------------------------------------------------- headers


def header_key(header: str) -> str:
    """A header as compared: full-width forms folded, spaces, _ - and 必填 marks (*) dropped."""
    text = unicodedata.normalize("NFKC", header).translate(_BRACKETS)
    return re.sub(r"[\s_\-\u200b\ufeff]+", "", text).strip("*※").lower()


_BRACKETS = str.maketrans("【】[]〔〕", "()()()")
_WITH_UNIT = re.compile(r"(?P<base>.+?)(?:\((?P<unit>[^()]*)\)|/(?P<slash>[^/()]+))")


def _split_unit(key: str) -> tuple[str, str | None]:
    match = _WITH_UNIT.fullmatch(key)
    if match:
        return match["base"], match["unit"] if match["unit"] is not None else match["slash"]
    return key, None


EMPTY: Any = object()
"""A cell that gives no value: blank, null, NaN (see `is_empty`)."""

MEMO_LIMIT = 50_000
"""Distinct texts remembered per column; past it, the rest (mostly unique keys) are read anew."""


class Unfilled:
    """A non-empty cell that leaves its field without a value: refused (with the reason), or
    blank once spaces and invisible marks are stripped (reason None)."""

    __slots__ = ("reason",)

    def __init__(self, reason: Text | None) -> None:
        self.reason = reason


BLANK = Unfilled(None)


class Target:
    """The field a column fills and how its cells are read.

    Exports repeat the same dates, names, codes and amounts on row after row: each distinct text
    is read once per column (`seen`), and the records that repeat it share its value.
    """

    __slots__ = ("column", "field", "key", "read", "seen")

    def __init__(self, column: str, field: str, key: str, read: Callable[[Any], Any]) -> None:
        self.column = column
        self.field = field
        self.key = key  # the field's alias, which the model looks up first: a quicker validation
        self.read = read
        self.seen: dict[str, Any] = {}

    def value(self, raw: Any) -> Any:
        """A cell's value for its field: EMPTY, an Unfilled, or the value read. (The row loop
        looks a text up in `seen` first.)"""
        value = self._convert(raw)
        if type(raw) is str and len(self.seen) < MEMO_LIMIT:  # 1 == 1.0 == True: texts only
            self.seen[raw] = value
        return value

    def _convert(self, raw: Any) -> Any:
        if is_empty(raw):
            return EMPTY
        if isinstance(raw, Unreadable):
            return Unfilled(raw.reason)
        try:
            value = self.read(raw)
        except FormError as error:
            return Unfilled(error.text)
        return BLANK if value == "" else value


class Columns:
    """Maps column headers (or JSON keys) to fields and readers; reports each unknown one once.

    A header matches a field by its English name or its Chinese header, whatever the case,
    spaces, full-width brackets or 必填 asterisk. A unit in the header (注册资本（万元）,
    注册资本/万元) is read: a money column in 千元/万元/亿元 scales its bare numbers; a unit the
    contract's header already names (请假天数(天)) is accepted; any other unit on a number is an
    error for every value of the column, never a conversion guessed.
    """

    def __init__(
        self, model: type[Record], source: Source, serial_epoch: date = EXCEL_EPOCH
    ) -> None:
        self.model = model
        self.source = source
        self.serial_epoch = serial_epoch  # day zero of the file's date serial numbers
        self.specs = field_specs(model)
        self.unknown: dict[str, None] = {}
        self.unnamed: dict[str, None] = {}
        self._exact: dict[str, tuple[str, str | None]] = {}  # key -> field, the contract's unit
        self._base: dict[str, str] = {}
        for name, spec in self.specs.items():
            base, unit = _split_unit(header_key(spec.label))
            self._exact[header_key(name)] = (name, unit)
            self._exact[header_key(spec.label)] = (name, unit)
            self._base.setdefault(base, name)
            if spec.type == "money":
                self._base.setdefault(header_key(name.removesuffix("_cny")), name)
        self._targets: dict[str, Target | None] = {}

    def names_field(self, header: Any) -> bool:
        """Whether a header cell names a field (looking for the header row; reports nothing)."""
        return isinstance(header, str) and self._resolve(header) is not None

    def target(self, header: str) -> Target | None:
        if header not in self._targets:
            self._targets[header] = self._resolve(header)
            key = header_key(header)
            if self._targets[header] is None and key and key not in _ANNOTATION_KEYS:
                self.unknown.setdefault(header)
        return self._targets[header]

    def label(self, name: str) -> str:
        spec = self.specs[name]
        return f"{spec.label}（{name}）" if spec.label != name else name

    def _resolve(self, header: str) -> Target | None:
        key = header_key(header)
        if not key or key in _ANNOTATION_KEYS:
            return None
        if key in self._exact:
            name, unit = self._exact[key]
            return self._target(header, name, self._reader(self.specs[name].type, unit))
        base, unit = _split_unit(key)
        if unit is None:  # 注册资本万元: a money unit written without brackets
            for word in sorted(MONEY_UNITS, key=len, reverse=True):
                name = self._base.get(key.removesuffix(word)) if key.endswith(word) else None
                if name and self.specs[name].type == "money":
                    return self._target(header, name, self._reader("money", word))
            return None
        name = self._base.get(base)
        if name is None:
            return None
        return self._target(header, name, self._unit_reader(self.specs[name], unit, header))

    def _target(self, header: str, name: str, read: Callable[[Any], Any]) -> Target:
        return Target(header, name, self.model.model_fields[name].alias or name, read)

    def _reader(self, field_type: FieldType, unit: str | None) -> Callable[[Any], Any]:
        return reader(field_type, unit, self.serial_epoch)

    def _unit_reader(self, spec: FieldSpec, unit: str, header: str) -> Callable[[Any], Any]:
        contract_unit = _split_unit(header_key(spec.label))[1]
        # The header and unit are the file's text: undecodable bytes and controls escaped.
        column, shown_unit = shown(header), shown(unit)
        if spec.type == "money":
            if unit in MONEY_UNITS:
                return self._reader("money", unit)
            return _refuse(
                f"列“{column}”的单位“{shown_unit}”无法识别（金额的单位可为元、千元、万元、亿元）",
                f"the unit '{shown_unit}' of column '{column}' is not understood (amounts are in "
                "元, 千元, 万元 or 亿元)",
            )
        if spec.type in ("int", "decimal") and unit != contract_unit and unit not in spec.label:
            return _refuse(
                f"列“{column}”的单位“{shown_unit}”与数据规范（{spec.label}）不符，不作换算",
                f"the unit '{shown_unit}' of column '{column}' is not the contract's "
                f"({spec.label}); no conversion is guessed",
            )
        return self._reader(spec.type, contract_unit)  # 日期(YYYY-MM-DD) is only a hint

    def key_columns(self, header: list[str]) -> list[str]:
        """The columns holding the kind's key, to read a database table in a stable order."""
        found = {}
        for column in header:
            target = self._resolve(column)
            if target is not None:
                found.setdefault(target.field, column)
        keys = [found.get(name) for name in self.model.meta.key_fields]
        return [k for k in keys if k is not None]

    def problems(self) -> list[Problem]:
        kind = self.model.meta
        warnings = [
            Problem(
                self.source,
                Text(
                    f"未知列“{key}”，已忽略（{kind.title.zh}没有此字段）",
                    f"unknown column {key!r} ignored ({kind.name} has no such field)",
                ),
                rejects_record=False,
            )
            for key in map(printable, self.unknown)
        ]
        warnings += [
            Problem(
                self.source,
                Text(
                    f"第 {column} 列没有表头，其中的值已忽略",
                    f"column {column} has no header: its values are ignored",
                ),
                rejects_record=False,
            )
            for column in self.unnamed
        ]
        return warnings


_ANNOTATION_KEYS = {header_key(k) for k in ANNOTATIONS} | {"rejectionreason", "originalsource"}


def _refuse(zh: str, en: str) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        raise FormError(zh, en)

    return read


def _column_name(index: int) -> str:
    """A spreadsheet column letter: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


# --------------------------------------------------------------------------- rows of a table


def _header_cell(cell: Any) -> str:
    return "" if is_empty(cell) else str(cell).strip()


def _find_header(rows: Iterator[RawRow], columns: Columns) -> tuple[RawRow, list[RawRow]]:
    """The header row (the first of the first rows that names a field) and the titles above it."""
    scanned: list[RawRow] = []
    for row in rows:
        if row.error is not None:
            raise SourceError(f"表头之前：{row.error.zh}", f"before the header: {row.error.en}")
        if all(is_empty(cell) for cell in row.cells):
            continue
        if any(columns.names_field(_header_cell(cell)) for cell in row.cells):
            return row, scanned
        scanned.append(row)
        if len(scanned) >= HEADER_SEARCH_ROWS:
            break
    if not scanned:
        raise SourceError("空：没有表头，也没有数据", "empty: no header row and no data")
    kind = columns.model.meta
    if kind.name in WITHHELD_FIELDS:  # the rows may be secret items: not quoted
        first = Text("", "")
    else:
        cells = "、".join(shown(_header_cell(c), 30) for c in scanned[0].cells if not is_empty(c))
        first = Text(f"（第一行：{cells}）", f" (first row: {cells})")
    raise SourceError(
        f"前 {len(scanned)} 行中没有表头：没有一列是{kind.title.zh}的字段{first.zh}；"
        "若文件乱码，请用 --encoding 指定编码",
        f"no header in the first {len(scanned)} rows: no column is a field of {kind.name}"
        f"{first.en}; if the text looks garbled, give --encoding",
    )


def _check_header(header: list[str], columns: Columns) -> None:
    targets = [columns.target(h) if h else None for h in header]
    fields = [t.field for t in targets if t is not None]
    duplicated = sorted({f for f in fields if fields.count(f) > 1})
    if duplicated:
        labels = "、".join(columns.label(f) for f in duplicated)
        raise SourceError(
            f"多列对应同一字段：{labels}",
            f"several columns map to the same field: {', '.join(duplicated)}",
        )
    if not fields:
        raise SourceError(
            f"没有一列是{columns.model.meta.title.zh}的字段"
            f"（表头：{'、'.join(map(shown, header))}）",
            f"no column is a field of {columns.model.meta.name} "
            f"(header: {', '.join(map(shown, header))})",
        )


def _grid_header(
    table: Table, columns: Columns, warnings: list[Problem], source: Source
) -> tuple[list[str], Iterator[RawRow]]:
    """The header (found among the first rows when not given) and the rows after it."""
    rows = iter(table.rows)
    if table.header is not None:
        header = [str(h) for h in table.header]
    else:
        header_row, titles = _find_header(rows, columns)
        header = [_header_cell(c) for c in header_row.cells]
        if titles:
            warnings.append(
                Problem(
                    source,
                    Text(
                        f"表头（第 {header_row.number} 行）之上的 {len(titles)} 行是标题，"
                        f"不是记录{_titles(titles, columns, '：')}",
                        f"{len(titles)} row(s) above the header (row {header_row.number}) are "
                        f"titles, not records{_titles(titles, columns, ': ')}",
                    ),
                    rejects_record=False,
                )
            )
    _check_header(header, columns)
    return header, rows


def _titles(titles: list[RawRow], columns: Columns, lead: str) -> str:
    """The rows above a header as the warning quotes them; none of a register with secret
    titles (they may be secret items: how many were skipped is said, not what they hold)."""
    if columns.model.meta.name in WITHHELD_FIELDS:
        return ""
    return lead + " / ".join(
        "、".join(shown(_header_cell(c), 40) for c in t.cells if not is_empty(c)) for t in titles
    )


def _grid_rows(
    header: list[str],
    rows: Iterator[RawRow],
    columns: Columns,
    strict_width: bool,
    warnings: list[Problem],
    source: Source,
) -> Iterator[RawRow]:
    """The data rows, their cells in the header's order; a row with an error holds
    (header, cell) pairs, as `--rejected` writes it.

    The work per row is by its cells: those a reader hands over past the table's width hold
    something (`RawRow.beyond`), and a column without a header is looked at only as far as the
    row reaches."""
    width = len(header)
    unnamed = [i for i, h in enumerate(header) if not h]
    data = 0
    for row in rows:
        if row.error is not None:
            data += 1
            yield row
            continue
        cells = row.cells
        if all(map(is_empty, cells)) and all(is_empty(v) for _, v in row.beyond):
            continue
        data += 1
        if len(cells) > width:
            extra = list(cells[width:])
            if strict_width and any(not is_empty(c) for c in extra):
                yield RawRow(
                    row.number,
                    [*zip(header, cells, strict=False), *_extra(header, extra)],
                    Text(
                        f"本行有 {len(cells)} 个单元格，表头只有 {width} 列"
                        "（某个值含未加引号的逗号？）",
                        f"the row has {len(cells)} cells, the header {width} (a value with an "
                        "unquoted comma?)",
                    ),
                )
                continue
        for index in unnamed:
            if index >= len(cells):
                break
            if not is_empty(cells[index]):
                columns.unnamed.setdefault(_column_name(index))
        for index in range(width, len(cells)):
            if not is_empty(cells[index]):
                columns.unnamed.setdefault(_column_name(index))
        for index, value in row.beyond:
            if (index >= width or not header[index]) and not is_empty(value):
                columns.unnamed.setdefault(_column_name(index))
        yield row
    if data == 0:
        warnings.append(
            Problem(
                source,
                Text("只有表头，没有数据行", "only a header, no data rows"),
                rejects_record=False,
            )
        )


def _as_read(header: list[str], row: RawRow) -> list[tuple[str, Any]]:
    """A grid row's cells under their headers, as `--rejected` writes them; a cell past the
    header under its column's letter."""
    pairs = list(zip(header, row.cells, strict=False))
    for index, value in row.beyond:
        name = header[index] if index < len(header) and header[index] else None
        pairs.append((name or f"({_column_name(index)})", value))
    return pairs


def _table_rows(
    table: Table, columns: Columns, form: str | None, warnings: list[Problem]
) -> tuple[list[str], list[Target | None], Iterable[RawRow]]:
    """A table's header, the target of each column up to its last field, and its rows."""
    if table.keyed:
        return [], [], table.rows
    header, rows = _grid_header(table, columns, warnings, columns.source)
    grid = [columns.target(h) for h in header]
    # No cell past the last column that names a field is read: a reader may hand those over
    # sparsely (a value in column XFD is one cell, not 16,384).
    grid = grid[: max((i + 1 for i, t in enumerate(grid) if t is not None), default=0)]
    table.width = len(grid)
    strict_width = form in ("csv", "tsv")
    return header, grid, _grid_rows(header, rows, columns, strict_width, warnings, columns.source)


def _rows_as_read(
    table: Table, columns: Columns, form: str | None, wanted: dict[int | None, Loaded]
) -> Iterator[tuple[Source, tuple[Any, ...]]]:
    """The cells as read of the wanted rows of a table read again, each if it still reads as
    the record it gave."""
    header, grid, rows = _table_rows(table, columns, form, [])
    left = len(wanted)
    for row in rows:
        item = wanted.get(row.number)
        if item is None or row.error is not None:
            continue
        if table.keyed:
            targets = [columns.target(str(key)) for key, _ in row.cells]
            cells: Sequence[Any] = [value for _, value in row.cells]
            pairs: Iterable[tuple[Any, Any]] = row.cells
        else:
            targets, cells, pairs = grid, row.cells, _as_read(header, row)
        record, _ = _read_row(row.number, targets, cells, columns, columns.source)
        if record is not None and record.__dict__ == item.record.__dict__:
            yield item.source, tuple((str(k), v) for k, v in pairs)
        left -= 1
        if not left:
            return


def _extra(header: list[str], cells: list[Any]) -> list[tuple[str, Any]]:
    return [(f"({_column_name(len(header) + i)})", c) for i, c in enumerate(cells)]


# --------------------------------------------------------------------------- validation messages

_ZH_ERRORS = {
    "missing": "缺少必填值",
    "bool_parsing": "不是有效的是/否值（是/否、Y/N、√/×、true/false、1/0）",
    "int_parsing": "不是整数",
    "decimal_parsing": "不是有效数字",
    "string_pattern_mismatch": "格式不符",
    "string_type": "应为文本",
    "frozen_set_type": "应为以顿号或分号分隔的列表",
    "greater_than": "必须大于 {gt}",
    "less_than": "必须小于 {lt}",
    "greater_than_equal": "不能小于 {ge}",
    "less_than_equal": "不能大于 {le}",
    "string_too_long": "过长（最多 {max_length} 个字符）",
}


def _zh_error(error: dict[str, Any], choices: tuple[str, ...]) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "literal_error":
        return f"不是允许的取值（允许：{'、'.join(choices) or ctx.get('expected', '')}）"
    if kind == "value_error":
        return f"取值无效：{ctx.get('error', error['msg'])}"
    template = _ZH_ERRORS.get(kind)
    if template is None:
        return error["msg"]
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template


def _problem(source: Source, columns: Columns, name: str | None, raw: Any, reason: Text) -> Problem:
    label = columns.label(name) if name else ""
    # A field reports withhold (a secret title) is never quoted: a value escaped or cut here
    # would not be found to withhold, whatever the row's grade.
    withheld = name in WITHHELD_FIELDS.get(columns.model.meta.name, ())
    value = None if raw is None or withheld else shown(raw)
    quoted_zh = f"：“{value}”" if value is not None else ""
    quoted_en = f": '{value}'" if value is not None else ""  # shown() has escaped it already
    return Problem(
        source,
        Text(f"{label}{quoted_zh} {reason.zh}".strip(), f"{name or ''}{quoted_en}: {reason.en}"),
        field=name,
        value=value,
        reason=reason,
    )


# --------------------------------------------------------------------------- one row


def _read_row(
    number: int,
    targets: Sequence[Target | None],
    cells: Sequence[Any],
    columns: Columns,
    input_source: Source,
) -> tuple[Record | None, list[Problem]]:
    """A record from a row's cells (each under its column's target), or every reason it cannot be
    one."""
    values: dict[str, Any] = {}  # field's key -> value, or an Unfilled until validation
    refused: list[tuple[Target, Any, Text]] = []  # cells refused, in the row's order
    unfilled = False
    for target, raw in zip(targets, cells, strict=False):
        if target is None:
            continue
        value = target.seen.get(raw) if type(raw) is str else None
        if value is None:
            value = target.value(raw)
        if value is EMPTY:
            continue
        key = target.key
        if key in values:
            also = printable(_given(targets, cells, target.field)[0] or "")
            reason = Text(f"与“{also}”重复给出同一字段", f"given twice (also as '{also}')")
            refused.append((target, raw, reason))
            continue
        values[key] = value
        if type(value) is Unfilled:
            unfilled = True
            if value.reason is not None:
                refused.append((target, raw, value.reason))
    if unfilled:
        values = {k: v for k, v in values.items() if type(v) is not Unfilled}
    try:
        record = columns.model.model_validate(values)
    except ValidationError as error:
        record = None
        invalid = error.errors()
    else:
        if not refused:
            return record, []
        invalid = []

    def where(column: str | None) -> Source:
        return Source(input_source.file, number, input_source.part, column and printable(column))

    problems = [_problem(where(t.column), columns, t.field, raw, why) for t, raw, why in refused]
    failed = {t.field for t, _, _ in refused}
    for item in invalid:
        name = _field_of(columns.model, item["loc"])
        if name in failed:
            continue  # its cell was already reported, with the reason it could not be read
        column, raw = _given(targets, cells, name)
        spec = columns.specs.get(name or "")
        reason = Text(_zh_error(item, spec.choices if spec else ()), item["msg"])
        problems.append(_problem(where(column), columns, name, raw, reason))
    return None, problems


def _given(
    targets: Sequence[Target | None], cells: Sequence[Any], name: str | None
) -> tuple[str | None, Any]:
    """The column and cell that first gave a field (looked up again only for a problem); for a
    field left empty, its column and no cell, so that a missing value names its column."""
    column = None
    for index, target in enumerate(targets):
        if target is None or target.field != name:
            continue
        raw = cells[index] if index < len(cells) else None  # a short CSV row lacks its last cells
        if not is_empty(raw):
            return target.column, raw
        column = column or target.column
    return column, None


def _field_of(model: type[Record], loc: Sequence[Any]) -> str | None:
    if not loc:
        return None
    first = str(loc[0])
    if first in model.model_fields:
        return first
    return next((n for n, i in model.model_fields.items() if i.alias == first), first)


# --------------------------------------------------------------------------- loading


@dataclass
class _Loader:
    dataset: Dataset
    options: InputOptions
    # kind -> key -> where its first record is in the kind's records; the later ones that repeat
    # the key wait in `repeated` until every input is read (`finish` decides them all).
    first_seen: dict[str, dict[str, int]] = field(default_factory=dict)
    repeated: dict[str, dict[str, list[Loaded]]] = field(default_factory=dict)
    fields_sets: dict[frozenset[str], set[str]] = field(default_factory=dict)
    # how each container (by its label as inputs give it) opens again, and the name it goes by
    reopen: dict[str, tuple[Callable[[], Container], str | None]] = field(default_factory=dict)

    def _share_fields_set(self, record: Record) -> Record:
        """The record, holding one set of given fields shared with its like.

        pydantic gives each record its own set of the fields given (664 bytes on average, half
        of what a record costs); the records of a file give a few distinct sets. A frozen record
        never changes its set (model_copy copies it first).
        """
        given = record.__pydantic_fields_set__
        shared = self.fields_sets.setdefault(frozenset(given), given)
        if shared is not given:
            object.__setattr__(record, "__pydantic_fields_set__", shared)
        return record

    def fatal(self, source: Source, message: Text) -> None:
        self.dataset.problems.append(Problem(source, message, fatal=True, reason=message))

    def container(self, label: str, open_: Callable[[], Container], stem: str | None) -> None:
        try:
            container = open_()
        except SourceError as error:
            self.fatal(Source(printable(label)), error.message)
            return
        self.reopen[printable(container.label)] = (open_, stem)
        try:
            for part, model in self._assign(container, stem):
                entry = InputFile(
                    printable(container.label),
                    model.meta.name,
                    part=None if part.name is None else printable(part.name),
                    format=container.format,
                    encoding=container.encoding,
                )
                self.dataset.inputs.append(entry)
                columns = Columns(model, entry.source, container.serial_epoch)
                try:
                    self._ingest(columns, entry, container.table(part, columns.key_columns))
                except SourceError as error:
                    self.fatal(entry.source, error.message)
                self.dataset.problems.extend(columns.problems())
        except SourceError as error:
            self.fatal(Source(printable(container.label)), error.message)
        finally:
            container.close()

    def _assign(
        self, container: Container, stem: str | None, again: bool = False
    ) -> list[tuple[Part, type[Record]]]:
        """Each part's record kind: the configuration's, the part's name, or the file's name.
        The parts named after no kind are reported, unless the container is read `again`."""
        parts = container.parts()
        names = [part.name for part in parts]
        twice = sorted({str(n) for n in names if names.count(n) > 1})
        if twice:  # a JSON object's key repeated, or a sheet's name: which one is meant?
            shown_twice = "、".join(map(printable, twice))
            raise SourceError(
                f"“{shown_twice}”出现了两次（JSON 对象中重复的键，或同名的工作表）；"
                "请合并为一个后重新运行",
                f"{shown_twice} given twice (a JSON object's key repeated, or two sheets of one "
                "name): merge them into one and run again",
            )
        if parts == [Part(None)]:
            model = kind_by_stem(stem or "")
            if model is None:
                raise SourceError(
                    f"无法从文件名判断记录类型；可用文件名：{_kind_names()}",
                    f"cannot tell the record kind from the file name; known names: {_kind_names()}",
                )
            return [(parts[0], model)]
        assigned = []
        ignored = []
        for part in parts:
            model = kind_by_stem(part.kind or part.name or "")
            if model is None:
                ignored.append(part)
            else:
                assigned.append((part, model))
        by_file = kind_by_stem(stem or "")
        if not assigned and parts and by_file is not None and container.format == "xlsx":
            assigned, ignored = [(parts[0], by_file)], parts[1:]  # members.xlsx with one Sheet1
        if not assigned:
            names = "、".join(printable(str(p.name)) for p in parts) or "（无）"
            raise SourceError(
                f"没有以记录类型命名的工作表或数据表（有：{names}）；请按类型命名，或在配置中指定"
                f"（[input.sheets] / [database.tables]）；可用名称：{_kind_names()}",
                f"no sheet or table is named after a record kind (found: {names}); name them "
                f"after a kind or map them in the configuration ([input.sheets] / "
                f"[database.tables]); known names: {_kind_names()}",
            )
        if ignored and not again:
            names = "、".join(printable(str(p.name)) for p in ignored)
            self.dataset.problems.append(
                Problem(
                    Source(printable(container.label)),
                    Text(
                        f"已忽略（不是任何记录类型的名称）：{names}",
                        f"ignored, named after no record kind: {names}",
                    ),
                    rejects_record=False,
                )
            )
        return assigned

    def _ingest(self, columns: Columns, entry: InputFile, table: Table) -> None:
        """Validate rows into the dataset: each becomes a record or a rejection with its reasons.

        A grid's columns are resolved once, from its header; a keyed row (JSON) names its own.
        """
        model = columns.model
        bucket = self.dataset.records.setdefault(model.meta.name, [])
        first_seen = self.first_seen.setdefault(model.meta.name, {})
        repeated = self.repeated.setdefault(model.meta.name, {})
        input_source = entry.source
        warnings: list[Problem] = []
        header, grid, rows = _table_rows(table, columns, entry.format, warnings)
        for row in rows:
            entry.read += 1
            source = Source(entry.path, row.number, entry.part)
            if row.error is not None:
                problems = [Problem(source, row.error, reason=row.error)]
            else:
                if table.keyed:
                    targets = [columns.target(str(key)) for key, _ in row.cells]
                    cells = [value for _, value in row.cells]
                else:
                    targets, cells = grid, row.cells
                record, problems = _read_row(row.number, targets, cells, columns, input_source)
                if record is not None:
                    loaded = Loaded(self._share_fields_set(record), source)
                    key = record.key()
                    if first_seen.setdefault(key, len(bucket)) == len(bucket):
                        bucket.append(loaded)
                    else:
                        repeated.setdefault(key, []).append(loaded)
                    continue
            entry.rejected += 1
            self.dataset.problems.extend(problems)
            pairs = row.cells if table.keyed or row.error else _as_read(header, row)
            self.dataset.rejected_rows.append(
                RejectedRow(source, model.meta.name, tuple((str(k), v) for k, v in pairs))
            )
        self.dataset.problems.extend(warnings)

    def _cells_as_read(self, wanted: dict[Source, Loaded]) -> dict[Source, tuple[Any, ...]]:
        """The cells of rows as they were read, for `--rejected`, by reading their inputs again.

        Only a row rejected once every input is read (a duplicate key) needs it, and no accepted
        row keeps its cells in memory for that: its input is read again up to the row. A row
        that no longer reads as the same record (its file changed) is left out.
        """
        found: dict[Source, tuple[Any, ...]] = {}
        by_file: dict[str, dict[Source, Loaded]] = defaultdict(dict)
        for source, item in wanted.items():
            by_file[source.file][source] = item
        for label, items in by_file.items():
            if label not in self.reopen:
                continue  # in-memory rows (rule fixtures)
            open_, stem = self.reopen[label]
            try:
                container = open_()
            except SourceError:
                continue
            try:
                for part, model in self._assign(container, stem, again=True):
                    name = None if part.name is None else printable(part.name)
                    rows = {s.row: i for s, i in items.items() if s.part == name}
                    if rows:
                        source = Source(label, part=name)
                        columns = Columns(model, source, container.serial_epoch)
                        table = container.table(part, columns.key_columns)
                        found.update(_rows_as_read(table, columns, container.format, rows))
            except SourceError:
                pass  # what could be read stays; the rest is written from the record
            finally:
                container.close()
        return found

    def finish(self) -> None:
        """Decide each key given more than once, the same whatever the order of rows and files.

        Given with different values, no row of it can be trusted over another: every one is
        rejected, naming the others. Given with identical values, the record is audited once,
        from the first place it appears (by file, sheet and row), and the rest are rejected as
        exact duplicates.
        """
        entries = {entry.source.input: entry for entry in self.dataset.inputs}
        for kind, repeated in self.repeated.items():
            if not repeated:
                continue
            model = KINDS[kind]
            columns = Columns(model, Source(""))
            bucket = self.dataset.records[kind]
            dropped: set[int] = set()
            rejected_items: list[Loaded] = []
            for key, later in repeated.items():
                index = self.first_seen[kind][key]
                rows = sorted([bucket[index], *later], key=lambda item: item.source.sort_key)
                exact = all(r.record.__dict__ == rows[0].record.__dict__ for r in rows[1:])
                if exact:
                    bucket[index], rejected = rows[0], rows[1:]
                else:
                    dropped.add(index)
                    rejected = rows
                for item in rejected:
                    reason = _duplicate(printable(key), item, rows, exact)
                    self.dataset.problems.append(
                        _problem(item.source, columns, model.meta.key_fields[0], None, reason)
                    )
                    entries[item.source.input].rejected += 1
                    rejected_items.append(item)
            as_read = self._cells_as_read({item.source: item for item in rejected_items})
            for item in rejected_items:
                cells = as_read.get(item.source)
                if cells is None:  # its input could not be read again as it was
                    values = item.record.model_dump(by_alias=True, exclude_none=True)
                    cells = tuple(values.items())
                self.dataset.rejected_rows.append(RejectedRow(item.source, kind, cells))
            if dropped:
                self.dataset.records[kind] = [r for i, r in enumerate(bucket) if i not in dropped]


def _duplicate(key: str, item: Loaded, rows: list[Loaded], exact: bool) -> Text:
    """Why a row of a repeated key is rejected: an exact duplicate of the first of `rows` (in
    source order), or one of rows giving the key different values."""
    if exact:
        return Text(
            f"与 {rows[0].source} 完全相同的重复记录（{key}），只审核一次",
            f"an exact duplicate of {rows[0].source} (key {key}): audited once",
        )
    others = [str(r.source) for r in rows if r is not item]
    shown_others = "、".join(others[:5]) + (f" 等 {len(others)} 处" if len(others) > 5 else "")
    listed = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
    return Text(
        f"重复的记录编号 {key}，且内容不同（另见 {shown_others}）：各行均不审核",
        f"duplicate key {key} with different values (also at {listed}): none of its rows is "
        "audited",
    )


def _fingerprint(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


def load_dataset(
    paths: list[Path], options: InputOptions | None = None, db: str | None = None
) -> Dataset:
    """Every input of the dataset: files and folders, and a PostgreSQL database if given."""
    options = options or InputOptions()
    dataset = Dataset()
    files, problems = dataset_files(paths)
    dataset.problems.extend(problems)
    loader = _Loader(dataset, options)
    for path in files:
        before = _fingerprint(path)
        stem = path.name.rsplit(".", 1)[0] if path.suffix else path.name
        loader.container(str(path), lambda path=path: open_file(path, options), stem)
        if before is not None and _fingerprint(path) != before:
            loader.fatal(
                Source(printable(str(path))),
                Text(
                    "文件在读取过程中被修改；请待导出完成后重新运行",
                    "the file changed while it was read; run again once the export has finished",
                ),
            )
    if db is not None:
        from checker.sources.database import redact

        loader.container(redact(db), lambda: open_database(db, options), None)
    loader.finish()
    return dataset


def load_rows(tables: dict[str, list[dict[str, Any]]], file: str) -> Dataset:
    """Validate in-memory rows (rule fixtures) exactly as files of those kinds would be."""
    dataset = Dataset()
    loader = _Loader(dataset, InputOptions())
    for kind, rows in tables.items():
        model = KINDS[kind]
        entry = InputFile(f"{file}#{kind}", kind, format="fixture")
        dataset.inputs.append(entry)
        columns = Columns(model, entry.source)
        table = Table(
            (RawRow(n, list(row.items())) for n, row in enumerate(rows, start=1)), keyed=True
        )
        loader._ingest(columns, entry, table)
        dataset.problems.extend(columns.problems())
    loader.finish()
    return dataset


def input_options(config: Config) -> InputOptions:
    """How to read the inputs, from [input] and [database]; kinds and encodings checked here."""
    encoding = config["input.encoding"]
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ConfigError(
                f"{config.sources['input.encoding']}: input.encoding = {encoding!r}: unknown "
                "encoding (e.g. utf-8, gb18030, gbk)"
            ) from None

    def kinds(key: str, by_kind: bool) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for left, right in config[key].items():
            name = left if by_kind else right
            model = kind_by_stem(name)
            if model is None:
                raise ConfigError(
                    f"{config.sources[key]}: {key}: unknown record kind {name!r}; known: "
                    f"{', '.join(KINDS)}"
                )
            if by_kind:
                mapping[model.meta.name] = right
            else:
                mapping[left] = model.meta.name
        return mapping

    return InputOptions(
        encoding=encoding,
        sheets=kinds("input.sheets", by_kind=False),
        tables=kinds("database.tables", by_kind=True),
        queries=kinds("database.queries", by_kind=True),
    )
