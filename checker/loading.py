"""Reading a dataset: files to validated records, and every problem with file, row and field.

A dataset is a folder with one file per record kind (`change_events.csv`, or the kind's Chinese
title, `变更事项.csv`), or files given one by one. CSV (UTF-8 with or without BOM), JSON Lines and
JSON arrays are read. Column headers may be the English field names or the Chinese headers of the
data contract; full-width brackets and surrounding spaces in headers are tolerated.

Nothing is dropped silently: a row that fails validation is rejected with every reason at once,
an unknown column is reported once per file, and a file that cannot be read stops the audit.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.config import CONFIG_FILE_NAME
from checker.i18n import Text
from checker.records import KINDS, Record, kind_by_stem
from checker.records.base import describe_field

DATA_SUFFIXES = (".csv", ".jsonl", ".json")
IGNORED_SUFFIXES = (".md", ".txt", ".toml")


@dataclass(frozen=True, order=True, slots=True)  # slots: one per record, many kept
class Source:
    file: str
    row: int | None = None  # spreadsheet row (the header is row 1) or JSON Lines line

    def __str__(self) -> str:
        return self.file if self.row is None else f"{self.file}:{self.row}"


@dataclass(frozen=True)
class Problem:
    """A rejected record, an unusable file, or a warning about a file."""

    source: Source
    message: Text
    field: str | None = None
    fatal: bool = False  # the input cannot be used at all: the audit stops (exit code 2)
    rejects_record: bool = True  # False for a warning that loses nothing (an ignored column)


@dataclass(frozen=True, slots=True)
class Loaded:
    record: Record
    source: Source


@dataclass
class InputFile:
    path: str
    kind: str | None
    read: int = 0
    rejected: int = 0


@dataclass
class Dataset:
    records: dict[str, list[Loaded]] = field(default_factory=dict)
    inputs: list[InputFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def fatal(self) -> list[Problem]:
        return [p for p in self.problems if p.fatal]

    @property
    def read(self) -> int:
        return sum(i.read for i in self.inputs)

    @property
    def valid(self) -> int:
        return sum(len(v) for v in self.records.values())


class _FileError(Exception):
    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


# --------------------------------------------------------------------------- discovery


def dataset_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The data files the given paths name: files as given, folders expanded (sorted)."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.name.startswith(".") or child.name == CONFIG_FILE_NAME:
                    continue
                if child.is_dir() or child.suffix.lower() in IGNORED_SUFFIXES:
                    continue
                files.append(child)
        elif path.exists():
            files.append(path)
        else:
            problems.append(
                Problem(
                    Source(str(path)),
                    Text("文件或目录不存在", "no such file or folder"),
                    fatal=True,
                )
            )
    return files, problems


def kind_for(path: Path) -> type[Record] | None:
    stem = path.name.rsplit(".", 1)[0] if path.suffix else path.name
    return kind_by_stem(stem)


# --------------------------------------------------------------------------- headers


def _normalise_header(header: str) -> str:
    return header.strip().replace("（", "(").replace("）", ")").replace(" ", "").lstrip("\ufeff")


class Columns:
    """Maps column headers or JSON keys to field names, reporting each unknown one once."""

    def __init__(self, model: type[Record], file: str) -> None:
        self.model = model
        self.file = file
        self.unknown: dict[str, None] = {}
        self._mapping: dict[str, str] = {}
        for name, info in model.model_fields.items():
            self._mapping[name.lower()] = name
            if info.alias:
                self._mapping[_normalise_header(info.alias)] = name

    def field(self, key: str) -> str | None:
        normal = _normalise_header(key)
        name = self._mapping.get(normal) or self._mapping.get(normal.lower())
        if name is None and normal:
            self.unknown.setdefault(key)
        return name

    def values(self, items: Iterable[tuple[str, Any]]) -> dict[str, Any]:
        """A row's non-empty values by field name; empty cells are left to the model's default."""
        values: dict[str, Any] = {}
        for key, value in items:
            name = self.field(str(key))
            if (
                name is not None
                and value is not None
                and not (isinstance(value, str) and not value.strip())
            ):
                values[name] = value
        return values

    def problems(self) -> list[Problem]:
        return [
            Problem(
                Source(self.file),
                Text(
                    f"未知列“{key}”，已忽略（{self.model.meta.title.zh}没有此字段）",
                    f"unknown column {key!r} ignored ({self.model.meta.name} has no such field)",
                ),
                rejects_record=False,
            )
            for key in self.unknown
        ]


# --------------------------------------------------------------------------- readers

Row = tuple[int, dict[str, Any] | Text]
"""A row number and the row's values, or why the row could not be read."""


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise _FileError(
            Text(
                f"不是 UTF-8 编码（第 {error.start} 字节处）；请另存为 UTF-8",
                f"not UTF-8 (at byte {error.start}); save it as UTF-8",
            )
        ) from None
    except OSError as error:
        raise _FileError(
            Text(f"无法读取：{error.strerror}", f"cannot read: {error.strerror}")
        ) from None


def _csv_rows(path: Path, columns: Columns) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(_read_text(path), newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise _FileError(Text(f"CSV 格式错误：{error}", f"malformed CSV: {error}")) from None
    if not header:
        raise _FileError(Text("空文件：没有表头", "empty file: no header row"))
    names = [columns.field(cell) for cell in header]
    duplicated = [n for n in set(names) if n is not None and names.count(n) > 1]
    if duplicated:
        raise _FileError(
            Text(
                f"多列对应同一字段：{'、'.join(sorted(duplicated))}",
                f"several columns map to the same field: {', '.join(sorted(duplicated))}",
            )
        )
    while True:
        row_number = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield row_number, Text(f"CSV 格式错误：{error}", f"malformed CSV: {error}")
            return
        if not "".join(cells).strip():  # a blank row
            continue
        if len(cells) > len(header):
            yield (
                row_number,
                Text(
                    f"本行有 {len(cells)} 个单元格，表头只有 {len(header)} 列",
                    f"the row has {len(cells)} cells, the header {len(header)}",
                ),
            )
            continue
        # Short rows: the missing cells are empty. Empty cells are left to the model's default.
        pairs = zip(names, cells, strict=False)
        yield row_number, {name: cell for name, cell in pairs if name is not None and cell.strip()}


def _json_rows(path: Path, columns: Columns) -> Iterator[Row]:
    text = _read_text(path)
    items: list[tuple[int, Any]] = []
    if path.suffix.lower() == ".json":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise _FileError(
                Text(
                    f"JSON 格式错误（第 {error.lineno} 行）：{error.msg}",
                    f"malformed JSON (line {error.lineno}): {error.msg}",
                )
            ) from None
        if not isinstance(document, list):
            raise _FileError(
                Text("JSON 文件应为对象数组", "a JSON file must hold an array of objects")
            )
        items = list(enumerate(document, start=1))
    else:
        for line_number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append((line_number, json.loads(line)))
            except json.JSONDecodeError as error:
                items.append(
                    (
                        line_number,
                        Text(f"JSON 格式错误：{error.msg}", f"malformed JSON: {error.msg}"),
                    )
                )
    for number, item in items:
        if isinstance(item, Text):
            yield number, item
        elif not isinstance(item, dict):
            yield number, Text("应为 JSON 对象", "expected a JSON object")
        else:
            yield number, columns.values(item.items())


# --------------------------------------------------------------------------- validation messages

_ZH_ERRORS = {
    "missing": "缺少必填值",
    "date_parsing": "不是有效日期（应为 YYYY-MM-DD）",
    "date_from_datetime_parsing": "不是有效日期（应为 YYYY-MM-DD）",
    "date_type": "不是有效日期（应为 YYYY-MM-DD）",
    "bool_parsing": "不是有效的是/否值（是/否、Y/N、true/false、1/0）",
    "bool_type": "不是有效的是/否值",
    "int_parsing": "不是整数",
    "int_from_float": "不是整数",
    "int_type": "不是整数",
    "decimal_parsing": "不是有效数字",
    "decimal_type": "不是有效数字",
    "string_pattern_mismatch": "格式不符",
    "string_type": "应为文本",
    "frozen_set_type": "应为以顿号或分号分隔的列表",
}


def _zh_error(error: dict[str, Any], choices: tuple[str, ...]) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "literal_error":
        return f"不是允许的取值（允许：{'、'.join(choices) or ctx.get('expected', '')}）"
    if kind == "greater_than_equal":
        return f"不能小于 {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"不能大于 {ctx.get('le')}"
    if kind == "value_error":
        return f"取值无效：{ctx.get('error', error['msg'])}"
    return _ZH_ERRORS.get(kind, error["msg"])


def _validation_problems(
    error: ValidationError, model: type[Record], source: Source, values: dict[str, Any]
) -> list[Problem]:
    problems = []
    by_alias = {info.alias: name for name, info in model.model_fields.items() if info.alias}
    for item in error.errors():
        loc = item["loc"]
        name = by_alias.get(str(loc[0]), str(loc[0])) if loc else None  # a missing field: its alias
        info = model.model_fields.get(name) if name else None
        label = f"{info.alias}（{name}）" if info and info.alias else (name or "")
        raw = values.get(name) if name else None
        shown_zh = f"：“{raw}”" if raw is not None else ""
        shown_en = f": {raw!r}" if raw is not None else ""
        choices = describe_field(name, info).choices if name and info else ()
        problems.append(
            Problem(
                source,
                Text(
                    f"{label}{shown_zh} {_zh_error(item, choices)}",
                    f"{name}{shown_en}: {item['msg']}",
                ),
                field=name,
            )
        )
    return problems


# --------------------------------------------------------------------------- loading


def _ingest(
    dataset: Dataset,
    model: type[Record],
    entry: InputFile,
    rows: Iterable[Row],
    first_seen: dict[tuple[str, str], Source],
) -> None:
    """Validate rows into the dataset: each becomes a record or a rejection with its reasons."""
    bucket = dataset.records.setdefault(model.meta.name, [])
    for row, values in rows:
        entry.read += 1
        source = Source(entry.path, row)
        if isinstance(values, Text):
            dataset.problems.append(Problem(source, values))
            entry.rejected += 1
            continue
        try:
            record = model.model_validate(values)
        except ValidationError as error:
            dataset.problems.extend(_validation_problems(error, model, source, values))
            entry.rejected += 1
            continue
        identity = (model.meta.name, record.key())
        if identity in first_seen:
            dataset.problems.append(
                Problem(
                    source,
                    Text(
                        f"重复的记录编号 {record.key()}（首次出现于 {first_seen[identity]}）",
                        f"duplicate key {record.key()} (first at {first_seen[identity]})",
                    ),
                    field=model.meta.key_fields[0],
                )
            )
            entry.rejected += 1
            continue
        first_seen[identity] = source
        bucket.append(Loaded(record, source))


def load_dataset(paths: list[Path]) -> Dataset:
    dataset = Dataset()
    files, problems = dataset_files(paths)
    dataset.problems.extend(problems)
    first_seen: dict[tuple[str, str], Source] = {}
    for path in files:
        model = kind_for(path)
        entry = InputFile(str(path), model.meta.name if model else None)
        dataset.inputs.append(entry)
        suffix = path.suffix.lower()
        if suffix not in DATA_SUFFIXES:
            dataset.problems.append(
                Problem(
                    Source(str(path)),
                    Text(
                        f"不支持的文件类型 {path.suffix}（可读取 CSV、JSON Lines、JSON）",
                        f"unsupported file type {path.suffix} (CSV, JSON Lines and JSON are read)",
                    ),
                    fatal=True,
                )
            )
            continue
        if model is None:
            known = "、".join(m.meta.file_stem for m in KINDS.values())
            dataset.problems.append(
                Problem(
                    Source(str(path)),
                    Text(
                        f"无法从文件名判断记录类型；可用文件名：{known}",
                        f"cannot tell the record kind from the file name; known names: {known}",
                    ),
                    fatal=True,
                )
            )
            continue
        columns = Columns(model, str(path))
        reader = _csv_rows if suffix == ".csv" else _json_rows
        try:
            _ingest(dataset, model, entry, reader(path, columns), first_seen)
        except _FileError as error:
            dataset.problems.append(Problem(Source(str(path)), error.message, fatal=True))
        dataset.problems.extend(columns.problems())
    return dataset


def load_rows(tables: dict[str, list[dict[str, Any]]], file: str) -> Dataset:
    """Validate in-memory rows (rule fixtures) exactly as files of those kinds would be."""
    dataset = Dataset()
    first_seen: dict[tuple[str, str], Source] = {}
    for kind, rows in tables.items():
        model = KINDS[kind]
        entry = InputFile(f"{file}#{kind}", kind)
        dataset.inputs.append(entry)
        columns = Columns(model, entry.path)
        _ingest(
            dataset,
            model,
            entry,
            ((n, columns.values(row.items())) for n, row in enumerate(rows, start=1)),
            first_seen,
        )
        dataset.problems.extend(columns.problems())
    return dataset
