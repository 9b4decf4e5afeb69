"""Text files: their encoding, and CSV/TSV rows.

Encodings. Without `--encoding` (or `[input] encoding`), a file is read as UTF-8 with BOM when it
starts with one (UTF-16 too, as Excel's "Unicode text" writes it), else as UTF-8 when it decodes
as UTF-8, else as GB18030, which includes GBK and GB2312 (Excel's "CSV" on Chinese Windows).
A file that is almost all valid UTF-8 (or GB18030) but for a few damaged bytes is read in that
encoding and the rows holding the damaged bytes are rejected, rather than guessing another
encoding for the whole file. Anything else is refused with a message that names --encoding.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Generator, Iterator
from pathlib import Path

from checker.i18n import Text
from checker.sources import RAW_LINE, OrderBy, Part, RawRow, SourceError, Table, read_bytes
from checker.values import EXCEL_EPOCH

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = {
    b"PK\x03\x04": Text(
        "是 zip 压缩包或 xlsx 工作簿，不是文本（xlsx 请使用 .xlsx 扩展名）",
        "is a zip archive or xlsx workbook, not text (name a workbook .xlsx)",
    ),
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": Text(
        "是 Excel 97–2003 或加密的工作簿，不是文本",
        "is an Excel 97–2003 or encrypted workbook, not text",
    ),
    b"SQLite format 3\x00": Text(
        "是 SQLite 数据库，不是文本（请使用 .sqlite 扩展名）",
        "is an SQLite database, not text (name it .sqlite)",
    ),
    b"PAR1": Text(
        "是 Parquet 文件，不是文本（请使用 .parquet 扩展名）",
        "is a Parquet file, not text (name it .parquet)",
    ),
}


def _damage(text: str) -> tuple[int, int]:
    """Undecodable bytes and well-decoded non-ASCII characters in surrogate-escaped text."""
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    return bad, good


def decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """The text and the name of the encoding it was read in.

    Undecodable bytes stay in the text as lone surrogates (surrogateescape), so that the rows
    holding them are rejected one by one (checker/values.py) and the rest of the file is read.
    """
    for signature, message in _SIGNATURES.items():
        if data.startswith(signature):
            raise SourceError(message.zh, message.en)
    if encoding is not None:
        return _decoded(data, encoding), codecs.lookup(encoding).name
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decoded(data, name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = data.decode("utf-8", errors="surrogateescape")
    bad, good = _damage(text)
    if good >= bad:  # UTF-8 with a few damaged bytes, not another encoding
        return text, "utf-8"
    text = data.decode("gb18030", errors="surrogateescape")
    bad, good = _damage(text)
    if bad == 0 or good >= bad:
        return text, "gb18030"
    line = data.count(b"\n", 0, first_bad) + 1
    raise SourceError(
        f"既不是 UTF-8 也不是 GB18030/GBK 编码（第 {line} 行，第 {first_bad} 字节处）；"
        "请另存为 UTF-8，或用 --encoding 指定编码",
        f"neither UTF-8 nor GB18030/GBK (line {line}, byte {first_bad}); save it as UTF-8 or "
        "give its encoding with --encoding",
    )


def _decoded(data: bytes, encoding: str) -> str:
    """The text in an encoding given or signed. UTF-16 and UTF-32 cannot keep an undecodable byte
    (surrogateescape keeps single bytes only): a cut or a lone surrogate there is damage."""
    try:
        return data.decode(encoding, errors="surrogateescape")
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
        raise SourceError(
            f"文件已损坏：不是有效的 {encoding.upper()} 文本"
            f"（第 {line} 行，第 {error.start} 字节处）",
            f"damaged: not valid {encoding.upper()} text (line {line}, byte {error.start}: "
            f"{error.reason})",
        ) from None


def read_text(path: Path, encoding: str | None) -> tuple[str, str]:
    data = read_bytes(path)
    if not data.strip():
        raise SourceError("空文件", "empty file")
    return decode(data, encoding)


def _delimiter(text: str, suffix: str) -> str:
    """Tab for .tsv and for a header with tabs but no commas (Excel's "Unicode text")."""
    if suffix == ".tsv":
        return "\t"
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if "," not in first and "，" not in first and "\t" in first:
        return "\t"
    return ","


class DelimitedFile:
    """A CSV or TSV file: one table, its header in the first rows."""

    format = "csv"
    serial_epoch = EXCEL_EPOCH

    def __init__(self, path: Path, encoding: str | None) -> None:
        self.label = str(path)
        self.text, self.encoding = read_text(path, encoding)
        self.delimiter = _delimiter(self.text, path.suffix.lower())
        if self.delimiter == "\t":
            self.format = "tsv"

    def parts(self) -> list[Part]:
        return [Part(None)]

    def table(self, part: Part, order_by: OrderBy) -> Table:
        table = Table(iter(()))
        table.rows = self._rows(table)
        return table

    def _rows(self, table: Table) -> Iterator[RawRow]:
        lines = io.StringIO(self.text.lstrip("\ufeff"), newline="").readlines()
        start = 0  # lines before this one are read
        while start < len(lines):
            start = yield from self._rows_from(lines, start, table)

    def _rows_from(
        self, lines: list[str], start: int, table: Table
    ) -> Generator[RawRow, None, int]:
        """The rows from line `start` (0-based) on; where to go on from, if a quote opened in a
        row swallowed lines that are rows of their own (`_stray_quote`): that row is rejected and
        the lines it swallowed are read again."""
        reader = csv.reader(iter(lines[start:]), delimiter=self.delimiter)
        while True:
            first_line = start + reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return len(lines)
            except csv.Error as error:
                yield RawRow(first_line, (), _csv_error(error, first_line, start + reader.line_num))
                continue
            last_line = start + reader.line_num
            if last_line > first_line:  # a quoted cell spans lines
                spanned = lines[first_line - 1 : last_line]
                at_end = last_line == len(lines) and _unclosed(spanned)  # runs to the end
                if at_end or _stray_quote(spanned, table.width, self.delimiter):
                    raw = lines[first_line - 1].rstrip("\r\n")
                    why = _swallowed(first_line, last_line, at_end)
                    yield RawRow(first_line, ((RAW_LINE, raw),), why)
                    return first_line  # line first_line + 1 on, read as rows of their own
            yield RawRow(first_line, cells)

    def close(self) -> None:
        self.text = ""


def _unclosed(lines: list[str]) -> bool:
    """Whether a row's lines hold a quote that never closes: an odd number of quotes (a quote
    inside a quoted cell is doubled, so a closed row has an even number)."""
    return sum(line.count('"') for line in lines) % 2 == 1


def _stray_quote(lines: list[str], width: int | None, delimiter: str) -> bool:
    """Whether a row read over several lines is a stray quote's doing: its first line and one
    of the lines it swallowed each hold a whole record's delimiters (one fewer than the columns
    up to the header's last field), as lines of a record do and the lines of an address or a
    note broken over lines seldom do. Until the header is found (`width` None), or in a file of
    one column, no line can be told from a cell's."""
    if width is None or width < 2:
        return False
    whole = width - 1
    return lines[0].count(delimiter) >= whole and any(
        line.count(delimiter) >= whole for line in lines[1:]
    )


def _swallowed(first: int, last: int, at_end: bool) -> Text:
    if at_end:
        return Text(
            f"第 {first} 行的引号未闭合，吞并了第 {first}–{last} 行（直至文件末尾）；"
            f"本行已拒绝，第 {first + 1}–{last} 行另行读取",
            f"an unclosed quote in line {first} runs to line {last} (the end of the file): the "
            f"line is rejected and lines {first + 1}–{last} are read on their own",
        )
    return Text(
        f"第 {first} 行的引号到第 {last} 行才闭合，吞并了第 {first + 1}–{last} 行"
        f"（其中有自成一条记录的行，引号多半是误加的）；"
        f"本行已拒绝，第 {first + 1}–{last} 行另行读取",
        f"a quote in line {first} closes only in line {last}, swallowing lines {first + 1}–"
        f"{last}, which hold a record of their own (a stray quote?): the line is rejected and "
        f"lines {first + 1}–{last} are read on their own",
    )


def _csv_error(error: csv.Error, first: int, last: int) -> Text:
    lines_zh = f"第 {first} 行" if last <= first else f"第 {first}–{last} 行"
    lines_en = f"line {first}" if last <= first else f"lines {first}–{last}"
    if "field larger than field limit" in str(error):
        limit = csv.field_size_limit()
        return Text(
            f"{lines_zh}：单元格超过 {limit} 个字符（引号未闭合？）",
            f"{lines_en}: a cell longer than {limit} characters (an unclosed quote?)",
        )
    return Text(f"{lines_zh}：CSV 格式错误：{error}", f"{lines_en}: malformed CSV: {error}")
