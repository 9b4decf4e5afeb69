"""Generators for the fuzz suite: valid seed tables of several record kinds, writers for every
input form, byte-level and structure-level mutations, and the oracle every run must satisfy.

The seeds are the first rows of the demo registers (members, a secrecy register, a sales
department's vehicle sales), so each mutation starts from a file the checker reads cleanly.
`run_cli` runs a command in-process under a SIGALRM bound; `Oracle` checks what must hold for
any input: no exit code 3, no traceback, no hang, every input's rows accounted for
(read = audited + rejected) and no input file changed.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
import shutil
import signal
import sqlite3
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import settings
from hypothesis import strategies as st

import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# --------------------------------------------------------------------------- profiles

# COMPLIANCE_FUZZ=long selects the long profile (registered in tests/conftest.py): random seeds
# and many more examples, for a run by hand. The default is the CI profile: derandomised, bounded.
PROFILE = "fuzz-long" if os.environ.get("COMPLIANCE_FUZZ", "").lower() == "long" else "fuzz-ci"
LONG = PROFILE == "fuzz-long"
HANG_SECONDS = 60 if LONG else 20  # one command; the slowest honest run here takes well under 1 s


def fuzz(examples: int) -> settings:
    """The active profile with this test's CI number of examples (x25 in the long profile)."""
    return settings(settings.get_profile(PROFILE), max_examples=examples * (25 if LONG else 1))


# --------------------------------------------------------------------------- seed tables


@dataclass
class Table:
    """A table as an export holds it: a header and rows of cells (any Python value)."""

    stem: str  # the record kind's file stem: members, secret_items, ...
    header: list[Any]
    rows: list[list[Any]]
    titles: list[list[Any]] = field(default_factory=list)  # rows above the header

    def copy(self) -> Table:
        return Table(self.stem, list(self.header), [list(r) for r in self.rows], list(self.titles))


@dataclass(frozen=True)
class Kind:
    """A record kind to fuzz: its seed table, the files beside it, the configuration."""

    name: str
    folder: Path  # the demo folder it comes from
    stem: str
    companions: tuple[str, ...] = ()  # other CSV files of the folder the rules need
    config: bool = True  # copy the folder's compliance.toml
    as_of: str = "2026-06-30"
    rows: int = 8

    def seed(self) -> Table:
        return read_csv_table(self.folder / f"{self.stem}.csv", self.stem, self.rows)


KINDS = {
    "members": Kind("members", FIXTURES / "demo", "members", config=False, as_of="2026-01-05"),
    "secrecy": Kind(
        "secrecy",
        FIXTURES / "demo-secrecy",
        "secret_items",
        ("secrecy_companies", "secrecy_staff", "secret_access", "secret_copies"),
    ),
    "vehicle_sales": Kind(
        "vehicle_sales",
        FIXTURES / "demo-sales" / "department",
        "dept_vehicle_sales",
        ("employees",),
        as_of="2026-03-31",
    ),
}


def read_csv_table(path: Path, stem: str, limit: int) -> Table:
    text = path.read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    return Table(stem, header, rows[:limit])


def _grade(value: Any) -> str:
    """A grade as a reader would take it: width, spaces, invisible marks, 機/絕, 级 and ★ aside."""
    text = unicodedata.normalize("NFKC", _plain(value)).translate(_GRADE_SPELLINGS)
    return re.sub(r"[\s\x00-\x1f\u200b\ufeff★级]", "", text)


_GRADE_SPELLINGS = str.maketrans({"機": "机", "絕": "绝", "祕": "秘"})


def secret_titles(table: Table) -> set[str]:
    """Titles of a secrecy register's 绝密 and 机密 items, however the grade is spelt, in any row
    (rows above the header too): the reports withhold them (checker/facts/secrecy.py). A title
    that an ungraded or 秘密 row also carries may be shown, so it is left out."""
    if table.stem != "secret_items":
        return set()
    header = [_plain(h) for h in table.header]
    if "标题" not in header or "密级" not in header:
        return set()
    title, grade = header.index("标题"), header.index("密级")
    secret, shown = set(), set()
    for row in [*table.titles, *table.rows]:
        if len(row) <= max(title, grade) or len(_plain(row[title]).strip()) < 6:
            continue
        graded = _grade(row[grade]) in ("绝密", "机密")
        (secret if graded else shown).add(_plain(row[title]).strip())
    return secret - shown


# --------------------------------------------------------------------------- writers

TEXT_ENCODINGS = {  # form -> how its text becomes bytes (checker/sources/text.py reads them all)
    "csv-utf8": ("utf-8", b""),
    "csv-utf8-bom": ("utf-8", codecs.BOM_UTF8),
    "csv-gbk": ("gbk", b""),
    "csv-gb18030": ("gb18030", b""),
    "csv-utf16": ("utf-16-le", codecs.BOM_UTF16_LE),  # Excel's "Unicode text"
}
FORMS = [*TEXT_ENCODINGS, "json", "jsonl", "xlsx", "parquet", "sqlite"]
SUFFIX = {"json": ".json", "jsonl": ".jsonl", "xlsx": ".xlsx", "parquet": ".parquet"}


def _plain(value: Any) -> str:
    return "" if value is None else str(value)


def _encode(text: str, encoding: str) -> bytes:
    # Lone surrogates and characters GBK lacks become bytes anyway: damage, not a writer failure.
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    return text.encode(encoding, errors=errors)


def csv_text(table: Table, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in [*table.titles, table.header, *table.rows]:
        writer.writerow([_plain(v) for v in row])
    return out.getvalue()


def _objects(table: Table) -> list[dict[str, Any]]:
    # Later cells of a repeated header name win, as a dict does; extra cells get no key.
    return [{str(h): v for h, v in zip(table.header, row, strict=False)} for row in table.rows]


def _json_value(value: Any) -> Any:
    return (
        value
        if isinstance(value, (str, int, float, bool, list, dict)) or value is None
        else str(value)
    )


def json_text(table: Table, ascii_only: bool = False) -> str:
    items = [{k: _json_value(v) for k, v in o.items()} for o in _objects(table)]
    return json.dumps(items, ensure_ascii=ascii_only)


def jsonl_text(table: Table, ascii_only: bool = False) -> str:
    return "".join(
        json.dumps({k: _json_value(v) for k, v in o.items()}, ensure_ascii=ascii_only) + "\n"
        for o in _objects(table)
    )


def _cell(value: Any) -> Any:
    """A value openpyxl can store: no control characters, no surrogates, no containers."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or isinstance(value, (int, float, bool)):
        return value
    text = str(value).encode("utf-8", "replace").decode("utf-8")
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:32_767]


def write_xlsx(path: Path, table: Table) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = table.stem
    for row in [*table.titles, table.header, *table.rows]:
        sheet.append([_cell(v) for v in row])
    book.save(path)


def write_parquet(path: Path, table: Table) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = _unique([_plain(h) or f"column{i}" for i, h in enumerate(table.header)])
    columns = {}
    for i, name in enumerate(names):
        values = [row[i] if i < len(row) else None for row in table.rows]
        kinds = {type(v) for v in values if v is not None}
        if len(kinds) > 1 or kinds & {list, dict, str}:
            values = [None if v is None else _surrogate_free(str(v)) for v in values]
        columns[name] = pa.array(values)
    pq.write_table(pa.table(columns), path)


def _surrogate_free(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}.{seen[name]}")
    return out


def write_sqlite(path: Path, table: Table, types: list[str] | None = None) -> None:
    names = _unique([_surrogate_free(_plain(h)) or f"c{i}" for i, h in enumerate(table.header)])
    declared = types or [""] * len(names)
    columns = ", ".join(
        '"' + n.replace('"', '""') + '" ' + t for n, t in zip(names, declared, strict=False)
    )
    connection = sqlite3.connect(path)
    try:
        connection.execute(f'CREATE TABLE "{table.stem}" ({columns})')
        marks = ", ".join("?" for _ in names)
        for row in table.rows:
            cells = [_sqlite_value(v) for v in (list(row) + [None] * len(names))[: len(names)]]
            connection.execute(f'INSERT INTO "{table.stem}" VALUES ({marks})', cells)
        connection.commit()
    finally:
        connection.close()


def _sqlite_value(value: Any) -> Any:
    if value is None or isinstance(value, (int, float, bytes)):
        return value if not isinstance(value, int) or abs(value) < 2**63 else str(value)
    return _surrogate_free(str(value))


def table_bytes(form: str, table: Table, path: Path) -> None:
    """Write `table` in `form` at `path` (the writers of binary forms need the path)."""
    if form in TEXT_ENCODINGS:
        encoding, bom = TEXT_ENCODINGS[form]
        path.write_bytes(bom + _encode(csv_text(table), encoding))
    elif form == "json":
        path.write_bytes(_encode(json_text(table), "utf-8"))
    elif form == "jsonl":
        path.write_bytes(_encode(jsonl_text(table), "utf-8"))
    elif form == "xlsx":
        write_xlsx(path, table)
    elif form == "parquet":
        write_parquet(path, table)
    elif form == "sqlite":
        write_sqlite(path, table)
    else:
        raise ValueError(form)


def file_name(form: str, stem: str) -> str:
    if form == "sqlite":
        return "export.sqlite"
    return stem + SUFFIX.get(form, ".csv")


# --------------------------------------------------------------------------- datasets


def dataset(folder: Path, kind: Kind) -> None:
    """The kind's companions and configuration, copied as they are (the fuzzed file is added)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem in kind.companions:
        shutil.copy(kind.folder / f"{stem}.csv", folder / f"{stem}.csv")
    if kind.config:
        shutil.copy(kind.folder / "compliance.toml", folder / "compliance.toml")


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --------------------------------------------------------------------------- cell mutations

ODD_DIGITS = [
    "１５０００",  # fullwidth
    "15000²",
    "①⓪⓪",
    "٥٠٠",  # Arabic-Indic
    "²⁵",
    "१२",  # Devanagari
    "𝟓𝟎",  # mathematical bold
    "2026-0١-05",
    "二〇二六年一月五日",
]
CONTROLS = ["\x00", "\x07", "\x1b[2J", "\x7f", "\u2028", "\u200b", "\ufeff", "\r", "\n"]
ODD_DATES = [
    "0001-01-01",
    "9999-12-31",
    "9999-12-31T23:59:59-12:00",
    "0001-01-01T00:00:00+14:00",
    "2026-02-29",
    "2024-02-29",
    "99999-01-01",
    "-0001-01-01",
    "2026-01-05T25:00",
    "2958466",  # one past Excel's last serial day
    "1e308",
]
GRADES = [
    "绝密",
    "機密",
    "机 密",
    " 机密 ",
    "机密★",
    "秘密级",
    "★★",
    "MIMI",
    "機密\u200b",
    "机密\x00",
]
TEXTS = st.text(max_size=12)
CELL_VALUES = st.one_of(
    TEXTS,
    st.sampled_from(ODD_DIGITS),
    st.sampled_from(ODD_DATES),
    st.sampled_from(GRADES),
    st.sampled_from(
        ["", " ", "#N/A", "=1+1", "'0012", '"', '""', 'a"b', "NULL", "null", "是", "否"]
    ),
    st.builds(lambda c, t: t + c + t, st.sampled_from(CONTROLS), TEXTS),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.just("甲" * 40_000),  # huge
    st.builds(lambda n: "9" * n, st.integers(300, 5_000)),  # a number too long for a float
    st.lists(st.integers(0, 9), max_size=3),
)


@st.composite
def table_mutations(draw: Any, table: Table) -> tuple[Table, list[str]]:
    """A few structure-level edits of a table: rows and columns, cells, header, title rows."""
    t = table.copy()
    done = []
    for _ in range(draw(st.integers(1, 4))):
        op = draw(
            st.sampled_from(
                [
                    "cell",
                    "cell",
                    "cell",
                    "duplicate_row",
                    "swap_rows",
                    "delete_row",
                    "extra_column",
                    "missing_column",
                    "short_row",
                    "long_row",
                    "header_only",
                    "rename_header",
                    "duplicate_header",
                    "title_rows",
                    "empty_header_cell",
                    "shuffle_columns",
                    "many_rows",
                ]
            )
        )
        n = len(t.rows)
        width = len(t.header)
        if op == "cell" and n and width:
            r, c = draw(st.integers(0, n - 1)), draw(st.integers(0, width - 1))
            t.rows[r] = (list(t.rows[r]) + [None] * width)[: max(width, len(t.rows[r]))]
            t.rows[r][c] = draw(CELL_VALUES)
            op = f"cell[{r},{t.header[c]}]={t.rows[r][c]!r:.60}"
        elif op == "duplicate_row" and n:
            r = draw(st.integers(0, n - 1))
            t.rows.insert(draw(st.integers(0, n)), list(t.rows[r]))
        elif op == "swap_rows" and n > 1:
            a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
            t.rows[a], t.rows[b] = t.rows[b], t.rows[a]
        elif op == "delete_row" and n:
            del t.rows[draw(st.integers(0, n - 1))]
        elif op == "extra_column":
            t.header.append(draw(st.sampled_from(["备注", "", "extra", "会员编号", "标题"])))
            for row in t.rows:
                row.append(draw(CELL_VALUES))
        elif op == "missing_column" and width:
            c = draw(st.integers(0, width - 1))
            del t.header[c]
            for row in t.rows:
                if c < len(row):
                    del row[c]
        elif op == "short_row" and n:
            r = draw(st.integers(0, n - 1))
            t.rows[r] = t.rows[r][: draw(st.integers(0, max(0, width - 1)))]
        elif op == "long_row" and n:
            t.rows[draw(st.integers(0, n - 1))].extend(["x", "y", None])
        elif op == "header_only":
            t.rows = []
        elif op == "rename_header" and width:
            c = draw(st.integers(0, width - 1))
            t.header[c] = draw(st.one_of(TEXTS, st.sampled_from(ODD_DIGITS)))
            op = f"rename_header[{c}]={t.header[c]!r}"
        elif op == "duplicate_header" and width > 1:
            a, b = draw(st.integers(0, width - 1)), draw(st.integers(0, width - 1))
            t.header[a] = t.header[b]
        elif op == "title_rows":
            t.titles = draw(st.sampled_from([[["登记簿"]], [["机密 登记簿"], []], [[*t.header]]]))
            if t.stem == "secret_items" and t.rows:  # a secret row above the header
                t.titles = [*t.titles, list(t.rows[0])]
        elif op == "empty_header_cell" and width:
            t.header[draw(st.integers(0, width - 1))] = ""
        elif op == "shuffle_columns" and width > 1:
            order = draw(st.permutations(range(width)))
            t.header = [t.header[i] for i in order]
            t.rows = [[(row + [None] * width)[i] for i in order] for row in t.rows]
        elif op == "many_rows" and n:
            t.rows = t.rows * draw(st.integers(2, 30))
        else:
            continue
        done.append(op)
    return t, done


# --------------------------------------------------------------------------- byte mutations


@st.composite
def byte_mutations(draw: Any, data: bytes) -> tuple[bytes, list[str]]:
    """Truncate, flip, insert, delete or duplicate bytes; sometimes empty the file."""
    done = []
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "duplicate", "empty"]))
        size = len(data)
        at = draw(st.integers(0, size))
        if op == "truncate":
            data = data[:at]
        elif op == "flip" and size:
            at = min(at, size - 1)
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        elif op == "insert":
            noise = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=24),
                    st.sampled_from(
                        [
                            b'"',
                            b"\xff\xfe",
                            b"\x80",
                            b"\xed\xa0\x80",
                            b"\r",
                            b"\n",
                            b"\x00",
                            b"\xef\xbb\xbf",
                            b"\x81\x30",
                            b",,,,",
                            b"{",
                            b"]",
                        ]
                    ),
                )
            )
            data = data[:at] + noise + data[at:]
        elif op == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 64)) :]
        elif op == "duplicate":
            data = data[:at] + data[at : at + draw(st.integers(1, 200))] + data[at:]
        elif op == "empty":
            data = draw(st.sampled_from([b"", b"\n", b"   ", codecs.BOM_UTF8, b"\xff\xfe"]))
        done.append(op)
    return data, done


@st.composite
def line_mutations(draw: Any, text: str) -> tuple[str, list[str]]:
    """Edits of a text file's lines: duplicate, swap, delete, stray quotes, odd characters."""
    lines = text.splitlines(keepends=True)
    done = []
    for _ in range(draw(st.integers(1, 3))):
        op = draw(
            st.sampled_from(
                ["duplicate", "swap", "delete", "stray_quote", "insert", "odd_chars", "cut_quote"]
            )
        )
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "delete" and len(lines) > 1:
            del lines[i]
        elif op in ("stray_quote", "cut_quote"):
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            quote = draw(st.sampled_from(['"', '"', '\\"', '""', "'", "“"]))
            lines[i] = line[:at] + quote + line[at:] if op == "stray_quote" else line[:at] + quote
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(["\n", ",,,\n", '"\n', "# 注释\n", "\x00\n"])))
        elif op == "odd_chars":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            odd = draw(st.sampled_from([*CONTROLS, *ODD_DIGITS, "\ud800", "\udcff", "\uffff"]))
            lines[i] = line[:at] + odd + line[at:]
        done.append(op)
    return "".join(lines), done


@st.composite
def json_mutations(draw: Any, table: Table) -> tuple[str, list[str]]:
    """JSON-only edits: duplicate keys, escaped lone surrogates, nesting, other top levels."""
    op = draw(
        st.sampled_from(
            ["duplicate_key", "surrogate", "nested", "top_level", "big_number", "ascii_escaped"]
        )
    )
    objects = _objects(table)
    if op == "duplicate_key" and objects and table.header:
        key = json.dumps(str(table.header[0]), ensure_ascii=False)
        text = json_text(table)
        text = text.replace("{" + key + ":", "{" + key + ': "DUP", ' + key + ":", 1)
    elif op == "surrogate":
        text = json_text(table, ascii_only=True)
        text = re.sub(
            r"\\u([0-9a-f]{4})",
            lambda m: "\\ud800" if draw(st.booleans()) else m.group(0),
            text,
            count=3,
        )
        if "\\ud800" not in text:
            text = text.replace('"', '"\\udc80', 2)
    elif op == "nested":
        depth = draw(st.sampled_from([10, 1_000, 100_000]))
        text = (
            "[" * depth + "]" * depth
            if draw(st.booleans())
            else json_text(table)[:-1] + ", " + "[" * depth + "]" * depth + "]"
        )
    elif op == "top_level":
        text = draw(
            st.sampled_from(
                ["null", "1", '"x"', "{}", "[]", "[1, 2]", '{"rows": []}', "[[]]", "[null]"]
            )
        )
    elif op == "big_number":
        text = json_text(table).replace('"', "", 0)
        if objects:
            key = json.dumps(str(table.header[-1]), ensure_ascii=False)
            text = text.replace(
                key + ": ", key + ": " + "9" * draw(st.integers(20, 6000)) + ", " + key + "X: ", 1
            )
    else:
        text = json_text(table, ascii_only=True)
    return text, [op]


# --------------------------------------------------------------------------- xlsx mutations


def rewrite_zip(path: Path, edit: Callable[[str, bytes], bytes | None]) -> None:
    """Rewrite every member of a zip (None drops it), keeping names and compression."""
    temporary = path.with_name(path.name + ".tmp")
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = edit(item.filename, source.read(item))
            if data is not None:
                target.writestr(item, data)
    temporary.replace(path)


SHEET = "xl/worksheets/sheet1.xml"
# A row numbered 10**30 hangs the reader (test_fuzz_known.py): each such example would cost the
# whole hang bound, so only the long profile draws it until the fix merges.
ROW_NUMBERS = [0, -1, 1048576, 1048577, *([10**30] if LONG else [])]


@st.composite
def sheet_xml_mutations(draw: Any, xml: str) -> tuple[str, list[str]]:
    """Edits of a worksheet's XML: rows out of order or twice, cell references far out (XFD),
    references dropped, a stale dimension, a bad shared-string index, broken markup."""
    rows = re.findall(r"<row [^>]*>.*?</row>|<row [^>]*/>", xml, flags=re.S)
    done = []
    for _ in range(draw(st.integers(1, 3))):
        op = draw(
            st.sampled_from(
                [
                    "reverse_rows",
                    "duplicate_row",
                    "swap_rows",
                    "far_column",
                    "drop_refs",
                    "dimension",
                    "bad_shared",
                    "break_markup",
                    "huge_row_number",
                    "inline_string",
                    "empty_sheet",
                    "entity",
                ]
            )
        )
        if op == "reverse_rows" and len(rows) > 1:
            body = "".join(rows)
            xml = xml.replace(body, "".join(reversed(rows)), 1)
        elif op == "duplicate_row" and rows:
            row = draw(st.sampled_from(rows))
            xml = xml.replace(row, row + row, 1)
        elif op == "swap_rows" and len(rows) > 2:
            a, b = rows[1], rows[-1]
            xml = xml.replace(a, "\x00A", 1).replace(b, a, 1).replace("\x00A", b, 1)
        elif op == "far_column":
            every = draw(st.booleans())
            xml = re.sub(
                r'(<row r="(\d+)"[^>]*>)',
                lambda m: (
                    m.group(1) + f'<c r="XFD{m.group(2)}" t="inlineStr"><is><t>x</t></is></c>'
                ),
                xml,
                count=0 if every else 1,
            )
            xml = re.sub(r'(<row [^>]*?) spans="[^"]*"', r"\1", xml)
        elif op == "drop_refs":
            xml = re.sub(r' r="[A-Z]+\d+"', "", xml, count=draw(st.integers(0, 50)))
        elif op == "dimension":
            ref = draw(
                st.sampled_from(["A1", "A1:XFD1048576", "B2:A1", "A1:" + "Z9" * 300, "junk"])
            )
            xml = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>', xml)
        elif op == "bad_shared":
            xml = re.sub(
                r'<c r="([A-Z]+\d+)"([^>]*)>',
                r'<c r="\1" t="s"><v>99999</v></c><c r="Z\1"\2>',
                xml,
                count=1,
            )
        elif op == "break_markup":
            at = draw(st.integers(0, len(xml)))
            xml = (
                xml[:at]
                + draw(
                    st.sampled_from(["<", "</row>", "&", "<c r=", "\x00", "]]>", "<v>1e999</v>"])
                )
                + xml[at:]
            )
        elif op == "huge_row_number" and rows:
            xml = re.sub(
                r'<row r="\d+"',
                f'<row r="{draw(st.sampled_from(ROW_NUMBERS))}"',
                xml,
                count=1,
            )
        elif op == "inline_string":
            xml = re.sub(
                r"<v>([^<]*)</v>",
                lambda m: (
                    m.group(0)
                    if draw(st.booleans())
                    else "<v>"
                    + draw(st.sampled_from(["", "NaN", "1e309", "-0", "x", "٥"]))
                    + "</v>"
                ),
                xml,
                count=5,
            )
        elif op == "empty_sheet":
            xml = re.sub(r"<sheetData>.*</sheetData>", "<sheetData/>", xml, flags=re.S)
        elif op == "entity":
            xml = xml.replace("?>", '?><!DOCTYPE w [<!ENTITY e "机密机密">]>', 1).replace(
                "<v>", "<v>&e;", 1
            )
        else:
            continue
        done.append(op)
    return xml, done


def corrupt_deflate(path: Path, member: str, at: float) -> bool:
    """Damage the compressed bytes of one member in place (its CRC left as it was)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    offset = info.header_offset
    name_length, extra_length = struct.unpack("<HH", data[offset + 26 : offset + 30])
    start = offset + 30 + name_length + extra_length
    if info.compress_size < 2:
        return False
    i = start + min(info.compress_size - 1, int(info.compress_size * at))
    data[i] ^= 0xA5
    path.write_bytes(bytes(data))
    return True


# --------------------------------------------------------------------------- SQLite mutations


@st.composite
def sqlite_mutations(draw: Any, path: Path, table: Table) -> list[str]:
    """Edits of an export database: names, declared types, views, other tables, raw bytes."""
    ops = draw(
        st.lists(
            st.sampled_from(
                [
                    "rename_table",
                    "rename_column",
                    "retype",
                    "view",
                    "extra_table",
                    "blob_cells",
                    "drop_rows",
                    "non_utf8_name",
                    "raw_bytes",
                    "empty_table",
                ]
            ),
            min_size=1,
            max_size=3,
        )
    )
    done = []
    for op in ops:
        connection = sqlite3.connect(path)
        try:
            quoted = f'"{table.stem}"'
            if op == "rename_table":
                new = draw(
                    st.sampled_from(["Members", "会员名册", "members ", "x", table.stem.upper()])
                )
                connection.execute(f'ALTER TABLE {quoted} RENAME TO "{new}"')
            elif op == "rename_column" and table.header:
                old = _surrogate_free(_plain(table.header[0])) or "c0"
                new = draw(st.sampled_from(["", " ", "rowid", "编号", "会员编号", "x\ny"]))
                connection.execute(f'ALTER TABLE {quoted} RENAME COLUMN "{old}" TO "{new}"')
            elif op == "retype":
                kind = draw(st.sampled_from(["INTEGER", "REAL", "BLOB", "DATE", "NUMERIC"]))
                connection.execute(f"CREATE TABLE _t AS SELECT * FROM {quoted}")
                columns = [r[1] for r in connection.execute("PRAGMA table_info(_t)")]
                declared = ", ".join('"' + c.replace('"', '""') + '" ' + kind for c in columns)
                connection.execute(f"DROP TABLE {quoted}")
                connection.execute(f"CREATE TABLE {quoted} ({declared})")
                connection.execute(f"INSERT INTO {quoted} SELECT * FROM _t")
                connection.execute("DROP TABLE _t")
            elif op == "view":
                other = draw(
                    st.sampled_from(["members", "secret_items", "employees", table.stem + "_v"])
                )
                if other != table.stem:
                    connection.execute(
                        f'CREATE VIEW "{other}" AS SELECT * FROM {quoted} UNION ALL SELECT * FROM {quoted}'
                    )
            elif op == "extra_table":
                connection.execute('CREATE TABLE "sqlite_stat_x" (a, b)')
                connection.execute('CREATE TABLE "notes" (备注 TEXT)')
            elif op == "blob_cells":
                column = (
                    f'"{_surrogate_free(_plain(table.header[-1]))}"' if table.header else "rowid"
                )
                connection.execute(
                    f"UPDATE {quoted} SET {column} = X'FFFE00E9' WHERE rowid % 2 = 0"
                )
            elif op == "drop_rows":
                connection.execute(f"DELETE FROM {quoted} WHERE rowid % 3 = 0")
            elif op == "empty_table":
                connection.execute(f"DELETE FROM {quoted}")
            connection.commit()
        except sqlite3.Error:
            continue  # this edit does not apply to this table (e.g. a column already renamed)
        finally:
            connection.close()
        if op == "non_utf8_name" and table.header:
            name = _plain(table.header[0]).encode("utf-8")
            data = path.read_bytes()
            if name and name in data:  # the same length, so the schema stays parseable
                path.write_bytes(data.replace(name, b"\xff" * len(name)))
        elif op == "raw_bytes":
            data = path.read_bytes()
            mutated, _ = draw(byte_mutations(data))
            path.write_bytes(mutated)
        done.append(op)
    return done


# --------------------------------------------------------------------------- running


class Hang(BaseException):
    """Raised by SIGALRM: a BaseException, so the CLI's guard cannot turn it into exit 3."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def alarm(signum: int, frame: Any) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Outcome:
    args: list[str]
    code: int | None  # None: it hung
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def json(self) -> Any:
        try:
            return json.loads(self.stdout) if self.stdout.strip() else None
        except json.JSONDecodeError:
            return None


def run_cli(*args: Any, seconds: int = HANG_SECONDS) -> Outcome:
    arguments = [str(a) for a in args]
    runner = CliRunner()
    try:
        with time_limit(seconds):
            result = runner.invoke(cli.main, arguments, catch_exceptions=True)
    except Hang:
        return Outcome(arguments, None, "", f"hang: {arguments} ran past {seconds} s")
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # An exception the CLI's guard let through: as a user would see it.
        import traceback

        stderr += "Traceback (most recent call last):\n" + "".join(
            traceback.format_exception(result.exception)
        )
    return Outcome(arguments, result.exit_code, result.stdout, stderr)


# --------------------------------------------------------------------------- the oracle


class Failure(AssertionError):
    pass


def check(condition: bool, what: str, outcome: Outcome, context: str) -> None:
    if condition:
        return
    raise Failure(
        f"{what}\n  context: {context}\n  command: compliance {' '.join(outcome.args)}\n"
        f"  exit: {outcome.code}\n{outcome.output[-3000:]}"
    )


def sound(outcome: Outcome, context: str) -> None:
    """What holds for every command on any input."""
    check(outcome.code is not None, "hang", outcome, context)
    check(outcome.code != 3, "exit code 3 (internal error)", outcome, context)
    check("Traceback" not in outcome.output, "a traceback", outcome, context)
    check(outcome.code in (0, 1, 2), f"exit code {outcome.code}", outcome, context)


def accounted(
    outcome: Outcome, context: str, validate: bool = False, side_files: bool = False
) -> None:
    """read = audited + rejected for every input and in total (audit's or validate's JSON)."""
    report = outcome.json()
    if report is None:
        check(outcome.code == 2, "no JSON report, yet not exit code 2", outcome, context)
        check("错误 error" in outcome.stderr, "exit 2 without a message", outcome, context)
        return
    for item in report["inputs"]:
        check(
            item["records"] == item["audited"] + item["rejected"],
            f"input {item['path']}: {item['records']} read != {item['audited']} audited + "
            f"{item['rejected']} rejected",
            outcome,
            context,
        )
    if validate:
        summary = report["summary"]
        check(
            summary["read"] == summary["valid"] + summary["rejected"],
            "summary: read != valid + rejected",
            outcome,
            context,
        )
        check(
            summary["read"] == sum(i["records"] for i in report["inputs"]),
            "summary read != sum of inputs",
            outcome,
            context,
        )
    else:
        records = report["summary"]["records"]
        check(
            records["read"] == records["audited"] + records["rejected"],
            "summary: read != audited + rejected",
            outcome,
            context,
        )
        check(
            records["read"] == sum(i["records"] for i in report["inputs"]),
            "summary read != sum of inputs",
            outcome,
            context,
        )
        if not side_files:  # an unusable side file is exit 2 after a report, too
            check(
                (outcome.code == 2) == (records["audited"] == 0),
                "exit 2 iff nothing audited",
                outcome,
                context,
            )


def untouched(
    before: dict[str, str], after: dict[str, str], outcome: Outcome, context: str
) -> None:
    changed = sorted(k for k in before if after.get(k) != before[k])
    check(not changed, f"inputs changed: {changed}", outcome, context)


def no_leak(titles: set[str], texts: dict[str, str], outcome: Outcome, context: str) -> None:
    leaked = sorted(f"{t} in {n}" for t in titles for n, text in texts.items() if t in text)
    check(not leaked, f"secret titles in the outputs: {leaked}", outcome, context)


def read_outputs(folder: Path, outcome: Outcome) -> dict[str, str]:
    """Standard output and error, and every output file as text (xlsx: its XML members)."""
    texts = {"stdout": outcome.stdout, "stderr": outcome.stderr}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data.startswith(b"PK"):
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for n in archive.namelist():
                        texts[f"{path.name}:{n}"] = archive.read(n).decode("utf-8", "replace")
                continue
            except zipfile.BadZipFile:
                pass
        for encoding in ("utf-8", "utf-16", "gb18030"):
            with suppress(UnicodeDecodeError):
                texts[f"{path.name} ({encoding})"] = data.decode(encoding)
    return texts
