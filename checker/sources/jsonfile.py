"""JSON files: an array of objects, an object holding one array per kind, or JSON Lines.

Numbers with a fraction are read as exact decimals (1234.56 stays 1234.56, never a binary
float); keys may repeat within an object only to be reported (the pipeline rejects the row).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from checker.i18n import Text
from checker.sources import OrderBy, Part, RawRow, SourceError, Table
from checker.sources.text import read_text
from checker.values import EXCEL_EPOCH

RAW_LINE = "原始内容"  # the column a line that is not JSON is kept under, for --rejected


class JsonObject(list):  # type: ignore[type-arg]
    """A JSON object as its (key, value) pairs, in order, repeated keys kept."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _loads(text: str) -> Any:
    return json.loads(
        text, object_pairs_hook=JsonObject, parse_float=Decimal, parse_constant=_refuse_constant
    )


def _error(error: Exception) -> Text:
    if isinstance(error, json.JSONDecodeError):
        return Text(
            f"JSON 格式错误（第 {error.lineno} 行第 {error.colno} 列）：{error.msg}",
            f"malformed JSON (line {error.lineno}, column {error.colno}): {error.msg}",
        )
    if isinstance(error, RecursionError):
        return Text("JSON 嵌套过深", "JSON nested too deeply")
    return Text(f"JSON 无法读取：{error}", f"unreadable JSON: {error}")


def _row(number: int, item: Any) -> RawRow:
    if isinstance(item, JsonObject):
        return RawRow(number, item)
    return RawRow(number, (), Text("应为 JSON 对象", "expected a JSON object"))


class JsonFile:
    serial_epoch = EXCEL_EPOCH

    def __init__(self, path: Path, encoding: str | None) -> None:
        self.label = str(path)
        self.format = "json" if path.suffix.lower() == ".json" else "jsonl"
        self.text, self.encoding = read_text(path, encoding)
        self.document: Any = None
        if self.format == "json":
            try:
                self.document = _loads(self.text.lstrip("\ufeff"))
            except (ValueError, RecursionError) as error:
                message = _error(error)
                raise SourceError(message.zh, message.en) from None
            if isinstance(self.document, JsonObject):
                if not all(isinstance(value, list) for _, value in self.document):
                    raise SourceError(
                        "JSON 文件应为对象数组，或以记录类型为键、以数组为值的对象",
                        "a JSON file must hold an array of objects, or an object of such arrays "
                        "keyed by record kind",
                    )
            elif not isinstance(self.document, list):
                raise SourceError(
                    "JSON 文件应为对象数组", "a JSON file must hold an array of objects"
                )

    def parts(self) -> list[Part]:
        if isinstance(self.document, JsonObject):
            return [Part(str(key)) for key, _ in self.document]
        return [Part(None)]

    def table(self, part: Part, order_by: OrderBy) -> Table:
        if self.format == "jsonl":
            return Table(self._lines(), keyed=True)
        items = self.document
        if part.name is not None:
            items = next(value for key, value in self.document if key == part.name)
        return Table((_row(n, item) for n, item in enumerate(items, start=1)), keyed=True)

    def _lines(self) -> Iterator[RawRow]:
        # JSON Lines end at \n only: a JSON string may hold U+2028 and other line breaks.
        for number, line in enumerate(self.text.lstrip("\ufeff").split("\n"), start=1):
            line = line.removesuffix("\r")
            if not line.strip():
                continue
            try:
                item = _loads(line)
            except (ValueError, RecursionError) as error:
                yield RawRow(number, ((RAW_LINE, line),), _error(error))
                continue
            yield _row(number, item)

    def close(self) -> None:
        self.text, self.document = "", None
