"""Issue 14, reading inputs: nothing half read, no row lost, no order deciding, no crash, no hang.

Each input here is generated; the CLI is run as a user runs it (exit codes 0, 1, 2, never 3), and
the accounting holds for every input and in total: read = audited + rejected.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import cli
from checker.audit import audit_dataset
from checker.loading import load_dataset
from tests.conftest import ROOT
from tests.inputs import MEMBER_HEADER, patch_sheet, sqlite, workbook
from tests.test_fuzz import FUZZ

AS_OF = "2026-01-05"
ROW = ["2024-01-02", "正常"]


def run(*args: Any) -> Any:
    result = CliRunner().invoke(cli.main, list(map(str, args)), catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result


def audit_json(*paths: Path) -> tuple[int, dict[str, Any] | None]:
    result = run("audit", *paths, "--as-of", AS_OF, "--format", "json", "--fail-on", "never")
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else None


def validate_json(*paths: Path) -> tuple[int, dict[str, Any]]:
    result = run("validate", *paths, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def assert_accounts(report: dict[str, Any]) -> None:
    for item in report["inputs"]:
        assert item["records"] == item["audited"] + item["rejected"], item
    records = report["summary"]["records"]
    assert records["read"] == records["audited"] + records["rejected"]
    assert records["read"] == sum(i["records"] for i in report["inputs"])
    assert records["rejected"] == sum(i["rejected"] for i in report["inputs"])


def member_rows(*keys: str) -> list[list[str]]:
    return [[key, f"{key}公司", *ROW] for key in keys]


def csv_text(rows: list[list[str]]) -> str:
    return "\n".join(",".join(r) for r in [MEMBER_HEADER, *rows]) + "\n"


# --------------------------------------------------------------------------- a kind given twice


def test_a_json_object_with_a_kind_twice_is_refused_not_half_read(tmp_path):
    first = [dict(zip(MEMBER_HEADER, r, strict=True)) for r in member_rows("M1")]
    second = [dict(zip(MEMBER_HEADER, r, strict=True)) for r in member_rows("M2", "M3")]
    text = f'{{"members": {json.dumps(first)}, "members": {json.dumps(second)}}}'
    (tmp_path / "export.json").write_text(text, encoding="utf-8")
    code, report = validate_json(tmp_path)
    assert code == 2 and report["summary"]["read"] == 0
    (error,) = report["errors"]
    assert "members" in error["message"] and "两次" in error["message"]
    assert audit_json(tmp_path) == (2, None)


def test_a_workbook_with_two_sheets_of_one_name_is_refused(tmp_path):
    path = workbook(
        tmp_path / "export.xlsx",
        {"members": [MEMBER_HEADER, *member_rows("M1")], "会员名册": [MEMBER_HEADER]},
    )
    temporary = tmp_path / "renamed.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = data.replace('name="会员名册"'.encode(), b'name="members"')
            target.writestr(item, data)
    temporary.replace(path)
    code, report = validate_json(tmp_path)
    assert code == 2 and "两次" in report["errors"][0]["message"]
    assert audit_json(tmp_path) == (2, None)


def test_two_sheets_and_two_files_of_one_kind_are_each_read_and_counted(tmp_path):
    workbook(
        tmp_path / "book.xlsx",
        {
            "members": [MEMBER_HEADER, *member_rows("M1", "M2")],
            "会员名册": [MEMBER_HEADER, *member_rows("M3", "M2")],  # M2 again, the same values
        },
    )
    (tmp_path / "members.csv").write_text(csv_text(member_rows("M4", "M5")), encoding="utf-8")
    (tmp_path / "会员名册.csv").write_text(
        csv_text([*member_rows("M6"), ["M5", "另一家公司", *ROW]]), encoding="utf-8"
    )
    # the folder, and a file in it given again: each file is read once
    paths = (tmp_path, tmp_path / "members.csv")
    code, report = audit_json(*paths)
    assert code == 0 and report is not None
    assert_accounts(report)
    assert len(report["inputs"]) == 4
    assert report["summary"]["records"] == {"read": 8, "audited": 5, "rejected": 3}
    validated_code, validated = validate_json(*paths)
    assert validated_code == 1  # rows were rejected
    assert validated["summary"]["read"] == 8 and validated["summary"]["rejected"] == 3


def _rewrite(path: Path, edit: dict[str, Any]) -> None:
    """Rewrite a workbook's archive: each member named in `edit` dropped (None) or its text
    edited (a function)."""
    temporary = path.with_suffix(".tmp.zip")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w") as target:
        for item in source.infolist():
            change = edit.get(item.filename, lambda text: text)
            if change is not None:
                target.writestr(item, change(source.read(item).decode("utf-8")).encode("utf-8"))
    temporary.replace(path)


UNREAD_SHEET = {
    "its part is missing": {"xl/worksheets/sheet2.xml": None},
    "its relationship is missing": {
        "xl/_rels/workbook.xml.rels": lambda t: re.sub(r"<Relationship [^>]*Id=\"rId2\" />", "", t)
    },
    "it names no part": {"xl/workbook.xml": lambda t: t.replace(' r:id="rId2"', "")},
}


@pytest.mark.parametrize("damage", sorted(UNREAD_SHEET))
def test_a_declared_sheet_that_cannot_be_read_makes_the_workbook_damaged(tmp_path, damage):
    """openpyxl passes over a sheet the workbook declares but whose XML it cannot find: its rows
    would be lost unseen while the other sheets are read."""
    path = workbook(
        tmp_path / "export.xlsx",
        {
            "members": [MEMBER_HEADER, *member_rows("M1")],
            "会员名册": [MEMBER_HEADER, *member_rows("M2", "M3")],
        },
    )
    _rewrite(path, UNREAD_SHEET[damage])
    code, report = validate_json(tmp_path)
    assert code == 2
    (error,) = report["errors"]
    assert "工作簿已损坏" in error["message"] and "会员名册" in error["message"]
    assert audit_json(tmp_path) == (2, None)


# --------------------------------------------------------------------------- rows lost in a file


def _swap_rows(text: str, first: int, second: int) -> str:
    a = re.search(rf'<row r="{first}".*?</row>', text).group()
    b = re.search(rf'<row r="{second}".*?</row>', text).group()
    return text.replace(a, "\0").replace(b, a).replace("\0", b)


def _repeat_row(text: str, row: int, over: int) -> str:
    a = re.search(rf'<row r="{row}".*?</row>', text).group()
    b = re.search(rf'<row r="{over}".*?</row>', text).group()
    return text.replace(b, a.replace(">M", ">X"))  # another record, listed as row `row`


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (lambda t: _swap_rows(t, 3, 5), "第 4 行排在第 5 行之后"),
        (lambda t: _swap_rows(t, 2, 6), "第 3 行排在第 6 行之后"),
        (lambda t: _repeat_row(t, 3, 4), "第 3 行出现了两次"),
        (lambda t: _repeat_row(t, 6, 7), "第 6 行出现了两次"),
    ],
)
def test_a_sheet_whose_rows_are_out_of_order_or_twice_is_damaged_naming_them(tmp_path, edit, named):
    path = workbook(
        tmp_path / "members.xlsx",
        {"members": [MEMBER_HEADER, *member_rows(*(f"M{n}" for n in range(1, 7)))]},
    )
    patch_sheet(path, 1, edit)
    code, report = validate_json(tmp_path)
    assert code == 2
    assert any(named in e["message"] and "members" in e["message"] for e in report["errors"])


@given(
    rows=st.integers(2, 30),
    at=st.floats(0, 1),
    line_ends=st.sampled_from(["\n", "\r\n"]),
)
@FUZZ
def test_an_unclosed_quote_swallows_no_line_unseen(tmp_path_factory, rows, at, line_ends):
    """Every physical line is a row read: the line with the open quote is rejected, naming the
    lines it ran to, and the lines it swallowed are read on their own."""
    folder = tmp_path_factory.mktemp("quote")
    lines = [",".join(r) for r in member_rows(*(f"M{n}" for n in range(1, rows + 1)))]
    broken = int(at * (rows - 2))  # not the last line: a quote there swallows nothing
    lines[broken] = lines[broken].replace(",M", ',"M', 1)  # a quote opens the name
    (folder / "members.csv").write_text(
        line_ends.join([",".join(MEMBER_HEADER), *lines]) + line_ends, encoding="utf-8"
    )
    dataset = load_dataset([folder])
    (entry,) = dataset.inputs
    assert entry.read == rows and entry.rejected == 1
    (problem,) = dataset.problems
    first, last = broken + 2, rows + 1
    assert problem.source.row == first
    assert f"an unclosed quote in line {first} runs to line {last}" in problem.message.en
    assert f"第 {first} 行的引号未闭合，吞并了第 {first}–{last} 行" in problem.message.zh
    assert len(dataset.records["Member"]) == rows - 1


BANK_HEADER = [*MEMBER_HEADER, "结算银行"]


@st.composite
def quoted_files(draw: Any) -> tuple[list[str], int | None, int | None]:
    """Member records, some with a bank address broken over two lines (a legitimate quoted cell
    that spans lines), and perhaps a stray quote opening a cell of one single-line record and
    another quote, in a later one, that closes it."""
    records = []
    for number in range(1, draw(st.integers(3, 14)) + 1):
        bank = f'"北京市朝阳区\n建国路{number}号"' if draw(st.booleans()) else f"银行{number}"
        records.append(f"M{number},M{number}公司,2024-01-02,正常,{bank}")
    single = [i for i, r in enumerate(records) if "\n" not in r]
    if len(single) < 2 or not draw(st.booleans()):
        return records, None, None
    opens, closes = sorted(
        draw(st.lists(st.sampled_from(single), min_size=2, max_size=2, unique=True))
    )
    cells = records[opens].split(",")
    at = draw(st.integers(0, len(cells) - 1))
    cells[at] = '"' + cells[at]
    records[opens] = ",".join(cells)
    cells = records[closes].split(",")
    at = draw(st.integers(1, len(cells) - 1))  # not in the id: it is the record's to keep
    cut = draw(st.integers(0, len(cells[at])))  # at the cell's start, or inside it
    cells[at] = cells[at][:cut] + '"' + cells[at][cut:]
    records[closes] = ",".join(cells)
    return records, opens, closes


@given(file=quoted_files(), line_ends=st.sampled_from(["\n", "\r\n"]))
@FUZZ
def test_a_stray_quote_pair_swallows_no_record_while_a_cell_may_span_lines(
    tmp_path_factory, file, line_ends
):
    """A quote that closes lines later swallows whole records: the row it opened is rejected,
    naming the lines, and they are read on their own. A cell that legitimately spans lines (an
    address with a line break) is read as one cell. Every id written is audited or rejected."""
    records, opens, closes = file
    folder = tmp_path_factory.mktemp("stray")
    text = line_ends.join([",".join(BANK_HEADER), *records]) + line_ends
    (folder / "members.csv").write_text(text, encoding="utf-8")
    dataset = load_dataset([folder])
    (entry,) = dataset.inputs
    audited = {item.record.member_id: item.record for item in dataset.records.get("Member", [])}
    assert entry.read == len(audited) + entry.rejected
    rejected_text = [" ".join(str(v) for _, v in row.cells) for row in dataset.rejected_rows]
    for number in range(1, len(records) + 1):
        key = f"M{number}"
        if key in audited:
            continue
        assert any(re.search(rf"\bM{number}\b", t) for t in rejected_text), key
    for index, line in enumerate(records):
        if index in (opens, closes):
            continue  # what a stray quote touched is rejected, or read as the text it holds
        record = audited[f"M{index + 1}"]
        assert record.member_name == f"M{index + 1}公司"
        bank = line.rsplit(",", 1)[1].strip('"')
        assert record.settlement_bank == bank.replace("\\n", "\n")
    if opens is not None:
        assert f"M{opens + 1}" not in audited
        # the closing quote, read again on its own, may open a quote of its own: rejected too
        swallowing = {p.source.row for p in dataset.problems if "swallowing lines" in p.message.en}
        assert text[: text.index(records[opens])].count("\n") + 1 in swallowing


# --------------------------------------------------------------------------- order decides nothing

EVENT_HEADER = "事项编号,会员编号,变更事项,发生日期,报告日期,书面报告"
MEMBERS_CSV = "会员编号,会员名称,入会日期,会员状态\nM1,甲公司,2024-01-05,正常\n"
REPORTED = ["2025-10-16", "2025-10-17", "2025-10-20"]  # in time, late, late


@st.composite
def event_rows(draw: Any) -> list[str]:
    """Change events, some keys given twice or thrice: alike (a date written another way) or not."""
    rows: list[str] = []
    for number in range(draw(st.integers(1, 8))):
        reported = draw(st.sampled_from(REPORTED))
        row = f"E{number},M1,法定代表人,2025-09-26,{reported},是"
        rows.append(row)
        for _ in range(draw(st.integers(0, 2))):
            if draw(st.booleans()):  # the same record, its date written as a clerk might
                rows.append(row.replace("2025-09-26", "2025/9/26"))
            else:
                other = draw(st.sampled_from(REPORTED))
                rows.append(f"E{number},M1,法定代表人,2025-09-26,{other},否")
    return rows


def _outcome(folder: Path, catalog: Any, config: Any) -> tuple[Any, ...]:
    dataset = load_dataset([folder])
    result = audit_dataset(dataset, catalog, config, date.fromisoformat(AS_OF))
    audited = {
        (kind, item.record.key(), repr(sorted(item.record.__dict__.items())))
        for kind, loaded in dataset.records.items()
        for item in loaded
    }
    rejected_keys = {
        re.search(r"E\d+", p.message.en).group() for p in dataset.problems if p.rejects_record
    }
    findings = {(v.rule.id, v.fact.key) for v in result.violations}
    assert result.audited + result.rejected == dataset.read
    return audited, rejected_keys, findings


@given(rows=event_rows(), seed=st.integers(0, 2**32 - 1), split=st.floats(0, 1))
@FUZZ
def test_the_order_of_rows_and_files_decides_nothing(
    tmp_path_factory, catalog, config, rows, seed, split
):
    """A repeated key: given with different values, every row of it is rejected; alike, audited
    once. Shuffling the rows and dealing them over two files changes no audited record, no
    rejection and no finding."""
    outcomes = []
    for attempt in range(3):
        folder = tmp_path_factory.mktemp("order")
        (folder / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
        shuffled = (
            rows[:] if attempt == 0 else random.Random(seed + attempt).sample(rows, len(rows))
        )
        cut = int(split * len(shuffled)) if attempt else len(shuffled)
        files = {"change_events.csv": shuffled[:cut], "变更事项.csv": shuffled[cut:]}
        for name, part in files.items():
            if part:
                (folder / name).write_text("\n".join([EVENT_HEADER, *part]) + "\n", "utf-8")
        outcomes.append(_outcome(folder, catalog, config))
    assert outcomes[1] == outcomes[0] and outcomes[2] == outcomes[0]
    audited, rejected, _ = outcomes[0]
    keys = [row.split(",", 1)[0] for row in rows]
    for key in set(keys):
        normalised = {r.replace("2025/9/26", "2025-09-26") for r in rows if r.startswith(f"{key},")}
        audited_keys = {k for kind, k, _ in audited if kind == "ChangeEvent"}
        assert (key in audited_keys) == (len(normalised) == 1)
        assert (key in rejected) == (keys.count(key) > 1)


@pytest.mark.parametrize("form", ["csv", "xlsx", "json"])
def test_rows_rejected_as_duplicates_keep_their_cells_as_read(tmp_path, form):
    """A row rejected as a duplicate key is written to --rejected as it was read, under the file's
    own headers, like every other rejected row: not as the validated record."""
    header = ["member_id", "member_name", "admitted_date", "会员状态"]
    first = [["M1", "甲", "2024/1/2", "正常"], ["M2", "乙", "2024-01-02", "正常"]]
    second = [["M1", "甲", "2024-1-2", "正常"], ["M2", "丙", "2024-01-02", "正常"]]
    for name, rows in (("members", first), ("会员名册", second)):
        if form == "csv":
            text = "\n".join(",".join(r) for r in [header, *rows]) + "\n"
            (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
        elif form == "json":
            items = [dict(zip(header, r, strict=True)) for r in rows]
            (tmp_path / f"{name}.json").write_text(json.dumps(items), encoding="utf-8")
        else:
            workbook(tmp_path / f"{name}.xlsx", {name: [header, *rows]})
    dataset = load_dataset([tmp_path])
    assert [item.record.key() for item in dataset.records["Member"]] == ["M1"]
    rejected = {
        (Path(r.source.file).stem, r.source.row): dict(r.cells) for r in dataset.rejected_rows
    }
    as_read = {
        ("会员名册", 2): dict(zip(header, second[0], strict=True)),  # an exact duplicate of M1
        ("members", 3): dict(zip(header, first[1], strict=True)),  # M2, given two ways
        ("会员名册", 3): dict(zip(header, second[1], strict=True)),
    }
    if form == "json":  # a JSON record is numbered by its place in the array
        as_read = {(stem, row - 1): cells for (stem, row), cells in as_read.items()}
    assert rejected == as_read


# --------------------------------------------------------------------------- no crash on any text


def _json_lone_surrogates(folder: Path) -> None:
    (folder / "members.json").write_text(
        '[{"会员编号":"M1","会员名称":"甲\\ud800","入会日期":"2024-01-02","会员状态":"正常"},'
        '{"会员编号":"M2","会员名称":"乙","入会日期":"2024-01-02","会员状态":"正常",'
        '"\\udc00键\\udfff":1},'
        '{"会员编号":"M3","会员名称":"丙\\ud83d\\ude00","入会日期":"2024-01-02","会员状态":"正常"}]',
        encoding="utf-8",
    )


def _jsonl_lone_surrogate(folder: Path) -> None:
    (folder / "members.jsonl").write_text(
        '{"会员编号":"M1\\ud800","会员名称":"甲","入会日期":"2024-01-02","会员状态":"正常"}\n'
        '{"会员编号":"M2","会员名称":"乙","入会日期":"2024-01-02","会员状态":"正常"}\n',
        encoding="utf-8",
    )


def _undecodable_unit(folder: Path) -> None:
    (folder / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    header = "事项编号,会员编号,变更事项,发生日期,报告日期,书面报告,涉案金额(".encode("gbk")
    row = "E1,M1,法定代表人,2025-09-26,2025-10-17,是,5".encode("gbk")
    (folder / "change_events.csv").write_bytes(header + b"\xe5)\n" + row + b"\n")


def _sqlite_column_not_utf8(folder: Path) -> None:
    path = sqlite(folder / "export.sqlite", {"members": ([*MEMBER_HEADER, "aé"], [])})
    data = path.read_bytes()
    path.write_bytes(data.replace("aé".encode(), b"a\xff\xfe"))


def _damaged_deflate(folder: Path) -> None:
    rows = [MEMBER_HEADER, *member_rows(*(f"M{n}" for n in range(50)))]
    path = workbook(folder / "members.xlsx", {"members": rows})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 20, start + 40):
        data[offset] ^= 0x55
    path.write_bytes(bytes(data))


def _missing_part(folder: Path) -> None:
    path = workbook(folder / "members.xlsx", {"members": [MEMBER_HEADER, *member_rows("M1")]})
    temporary = folder / "part.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w") as target:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item))
    temporary.replace(path)


BAD_TEXT = {
    "json lone surrogates": (_json_lone_surrogates, 1),
    "json lines lone surrogate": (_jsonl_lone_surrogate, 1),
    "undecodable byte in a unit": (_undecodable_unit, 1),
    "sqlite column not utf-8": (_sqlite_column_not_utf8, 2),
    "damaged deflate stream": (_damaged_deflate, 2),
    "missing sheet part": (_missing_part, 2),
}


@pytest.mark.parametrize("name", sorted(BAD_TEXT))
def test_bad_input_is_a_message_in_every_output_never_a_crash(tmp_path, name):
    write, validate_code = BAD_TEXT[name]
    data = tmp_path / "data"
    data.mkdir()
    write(data)
    out = tmp_path / "out"
    out.mkdir()
    formats = [f"{f}:{out / f'report.{f}'}" for f in ("json", "sarif", "html", "xlsx")]
    audit = run(
        "audit", data, "--as-of", AS_OF, "--fail-on", "never",
        *[a for f in formats for a in ("--format", f)],
        "--rejected", out / "rejected.xlsx",
    )  # fmt: skip
    assert audit.exit_code == (2 if validate_code == 2 else 0)
    for fmt in ("json", "sarif", "html"):
        path = out / f"report.{fmt}"
        if path.exists():
            path.read_text(encoding="utf-8")  # valid UTF-8
    validate = run("validate", data)
    assert validate.exit_code == validate_code
    validate.stdout_bytes.decode("utf-8")  # the terminal gets valid UTF-8
    for fmt in ("json", "table"):
        result = run("validate", data, "--format", fmt, "--output", out / f"v.{fmt}")
        assert result.exit_code == validate_code
        (out / f"v.{fmt}").read_text(encoding="utf-8")
    run("validate", data, "--rejected", out / "rejected")
    if validate_code == 2:
        assert any(word in validate.output for word in ("损坏", "UTF-8")), validate.output


# --------------------------------------------------------------------------- no hang, bounded work


def test_a_cell_in_column_xfd_on_every_row_costs_no_more_than_its_values(tmp_path):
    rows = 3_000
    path = workbook(
        tmp_path / "members.xlsx",
        {"members": [MEMBER_HEADER, *member_rows(*(f"M{n}" for n in range(rows)))]},
    )

    def far_cells(text: str) -> str:
        # a formatted empty cell in the last column of every row, as a row formatted whole
        return re.sub(r'(<row r="(\d+)"[^>]*>.*?)</row>', r'\1<c r="XFD\2" s="0"/></row>', text)

    patch_sheet(path, 1, far_cells)
    started = time.perf_counter()
    dataset = load_dataset([tmp_path])
    seconds = time.perf_counter() - started
    assert dataset.problems == [] and len(dataset.records["Member"]) == rows
    assert seconds < 6, f"{seconds:.1f} s for {rows} rows"  # was 5 ms a row, 15 s


def test_values_far_past_the_header_cost_a_cell_each_and_are_reported_once(tmp_path, monkeypatch):
    """A value in column XFD on every row: each row hands the loader its cells up to the last
    column that names a field and one more for each far value, not 16,384; each column without a
    header is reported once, and a rejected row keeps its far cells for --rejected."""
    rows = 200
    path = workbook(
        tmp_path / "members.xlsx",
        {"members": [MEMBER_HEADER, *member_rows(*(f"M{n}" for n in range(rows)))]},
    )
    far = {"ZZ": "甲", "AAA": "备注", "XFD": "x"}  # AAA1 heads an unknown column 备注

    def far_cells(text: str) -> str:
        def add(match: re.Match[str]) -> str:
            row = match.group(2)
            cells = "".join(
                f'<c r="{column}{row}" t="inlineStr"><is><t>{value}{row}</t></is></c>'
                for column, value in far.items()
                if row != "1" or column == "AAA"
            )
            return match.group(1) + cells + "</row>"

        return re.sub(r'(<row r="(\d+)"[^>]*>.*?)</row>', add, text)

    patch_sheet(path, 1, far_cells)
    patch_sheet(path, 1, lambda t: t.replace(">2024-01-02<", ">2024-13-02<", 1))  # one bad date

    import checker.loading as loading

    handed: list[int] = []
    grid_rows = loading._grid_rows

    def watched(header: list[str], rows: Any, *rest: Any) -> Any:
        def each() -> Any:
            for row in rows:
                handed.append(len(row.cells) + len(row.beyond))
                yield row

        return grid_rows(header, each(), *rest)

    monkeypatch.setattr(loading, "_grid_rows", watched)
    dataset = load_dataset([tmp_path])
    assert len(handed) == rows and max(handed) <= len(MEMBER_HEADER) + len(far)
    assert len(dataset.records["Member"]) == rows - 1
    warnings = sorted(p.message.en for p in dataset.problems if not p.rejects_record)
    assert warnings == [
        "column XFD has no header: its values are ignored",
        "column ZZ has no header: its values are ignored",
        "unknown column '备注1' ignored (Member has no such field)",
    ]
    (rejected,) = dataset.rejected_rows
    cells = dict(rejected.cells)
    assert cells["(ZZ)"] == "甲2" and cells["备注1"] == "备注2" and cells["(XFD)"] == "x2"


def _subprocess(*args: Any) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own, so that a hang fails the test rather than the run."""
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.parametrize(
    "view",
    [
        # never ends
        "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x AS 会员编号 FROM r",
        "SELECT * FROM data",  # a plain view of a table: SQL from the data all the same
    ],
)
def test_an_sqlite_view_is_never_run(tmp_path, view):
    path = tmp_path / "export.sqlite"
    connection = sqlite3.connect(path)
    connection.execute(f"CREATE TABLE data ({', '.join(MEMBER_HEADER)})")
    connection.execute(f"CREATE VIEW members AS {view}")
    connection.commit()
    connection.close()
    result = _subprocess("validate", tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert (
        "members" in result.stdout and "视图" in result.stdout and "导出为数据表" in result.stdout
    )


def test_a_view_read_by_a_configured_query_is_never_run(tmp_path):
    path = sqlite(tmp_path / "export.sqlite", {"data": (MEMBER_HEADER, member_rows("M1"))})
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIEW 会员视图 AS SELECT * FROM data")
    connection.commit()
    connection.close()
    (tmp_path / "compliance.toml").write_text(
        '[database.queries]\nmembers = "SELECT * FROM 会员视图"\n', encoding="utf-8"
    )
    result = _subprocess("validate", tmp_path, "--config", tmp_path / "compliance.toml")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "会员视图" in result.stdout and "视图" in result.stdout


@pytest.mark.parametrize("given", ["folder", "file"])
def test_a_named_pipe_is_refused_unopened(tmp_path, given):
    os.mkfifo(tmp_path / "members.csv")
    (tmp_path / "会员名册.csv").write_text(csv_text(member_rows("M1")), encoding="utf-8")
    target = tmp_path if given == "folder" else tmp_path / "members.csv"
    result = _subprocess("validate", target)
    assert result.returncode == 2
    assert "members.csv" in result.stdout and "不是普通文件" in result.stdout
