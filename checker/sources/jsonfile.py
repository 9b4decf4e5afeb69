"""JSON files: an array of objects, an object holding one array per kind, or JSON Lines.

Numbers with a fraction are read as exact decimals (1234.56 stays 1234.56, never a binary
float); keys may repeat within an object only to be reported (the pipeline rejects the row).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from checker.i18n import Text
from checker.sources import RAW_LINE, OrderBy, Part, RawRow, SourceError, Table
from checker.sources.text import read_text
from checker.values import EXCEL_EPOCH, LONE_SURROGATE, Unreadable, escape_surrogates


class JsonObject(list):  # type: ignore[type-arg]
    """A JSON object as its (key, value) pairs, in order, repeated keys kept."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# A \u escape of a surrogate. Paired, it is one character; alone, it is no text at all, and no
# report could be written with it. (A lone \udc80–\udcff is read as printable() reads an
# undecodable byte, and rejected as one.)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _safe(value: Any) -> Any:
    """A value with no lone surrogate: a text holding one is unreadable, with the reason."""
    if isinstance(value, str) and (found := LONE_SURROGATE.search(value)):
        escape = f"\\u{ord(found.group()):04x}"
        return Unreadable(
            escape_surrogates(value),
            Text(
                f"含有无效的 Unicode 转义 {escape}（孤立的代理项，不是文字）",
                f"holds an invalid Unicode escape {escape} (a lone surrogate, no character)",
            ),
        )
    if isinstance(value, list):
        return [_safe(item) for item in value]
    return value


def _safe_object(pairs: list[tuple[str, Any]]) -> JsonObject:
    return JsonObject((escape_surrogates(key), _safe(value)) for key, value in pairs)


def _loads(text: str) -> Any:
    hook = _safe_object if _SURROGATE_ESCAPE.search(text) else JsonObject
    return json.loads(
        text, object_pairs_hook=hook, parse_float=Decimal, parse_constant=_refuse_constant
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
