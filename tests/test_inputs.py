"""Every input form read into the same records: encodings, workbooks, JSON, Parquet, SQLite."""

import json
import re
import sqlite3
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from checker.loading import InputOptions, load_dataset
from tests.conftest import ROOT
from tests.inputs import MEMBER_HEADER, cache_formulas, parquet, patch_sheet, sqlite, workbook

MEMBERS_CSV = "会员编号,会员名称,入会日期,会员状态\nM1,广西桂通商贸有限公司,2024-01-05,正常\nM2,南宁𠀾物产有限公司,2024/1/6,暂停\n"


def members(dataset):
    return {m.record.member_id: m.record for m in dataset.records.get("Member", [])}


def messages(dataset, lang="en"):
    return [f"{p.source} {p.field} {p.message(lang)}" for p in dataset.problems]


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_text_encodings_are_detected(tmp_path, encoding):
    text = MEMBERS_CSV if encoding != "gbk" else MEMBERS_CSV.replace("𠀾", "恒")  # not in GBK
    (tmp_path / "members.csv").write_bytes(text.encode(encoding))
    dataset = load_dataset([tmp_path])
    assert dataset.problems == []
    found = members(dataset)
    assert found["M1"].member_name == "广西桂通商贸有限公司"
    assert found["M2"].member_name in ("南宁𠀾物产有限公司", "南宁恒物产有限公司")
    assert found["M2"].admitted_date == date(2024, 1, 6)
    expected = {
        "utf-8": "utf-8",
        "utf-8-sig": "utf-8-sig",
        "gbk": "gb18030",
        "gb18030": "gb18030",
        "utf-16": "utf-16",
    }
    assert dataset.inputs[0].encoding == expected[encoding]


def test_gb18030_only_characters_survive(tmp_path):
    (tmp_path / "members.csv").write_bytes(MEMBERS_CSV.encode("gb18030"))
    assert members(load_dataset([tmp_path]))["M2"].member_name == "南宁𠀾物产有限公司"


def test_the_encoding_can_be_given(tmp_path):
    (tmp_path / "members.csv").write_bytes(MEMBERS_CSV.encode("utf-16-le"))  # no BOM to tell
    detected = load_dataset([tmp_path])
    assert detected.fatal and "--encoding" in detected.fatal[0].message.en
    given = load_dataset([tmp_path], InputOptions(encoding="utf-16-le"))
    assert given.problems == [] and set(members(given)) == {"M1", "M2"}
    assert given.inputs[0].encoding == "utf-16-le"


def test_damaged_bytes_reject_their_row_only(tmp_path):
    data = MEMBERS_CSV.encode("utf-8").replace("广西".encode(), b"\xff\xfe")
    (tmp_path / "members.csv").write_bytes(data)
    dataset = load_dataset([tmp_path])
    assert set(members(dataset)) == {"M2"}
    (problem,) = dataset.problems
    assert problem.source.row == 2 and problem.field == "member_name"
    assert "cannot decode" in problem.message.en and "\\xff\\xfe" in problem.message.en
    assert dataset.inputs[0].encoding == "utf-8"


def test_a_gbk_file_with_a_damaged_byte_is_still_gbk(tmp_path):
    data = MEMBERS_CSV.replace("𠀾", "恒").encode("gbk").replace("桂通".encode("gbk"), b"\x80\x80")
    (tmp_path / "members.csv").write_bytes(data)
    dataset = load_dataset([tmp_path])
    assert (
        set(members(dataset)) == {"M2"}
        and members(dataset)["M2"].member_name == "南宁恒物产有限公司"
    )
    assert dataset.inputs[0].encoding == "gb18030"


def test_text_neither_utf8_nor_gb18030_is_refused_naming_encoding(tmp_path):
    (tmp_path / "members.csv").write_bytes(b"\xff\x80" * 40)
    (fatal,) = load_dataset([tmp_path]).fatal
    assert "neither UTF-8 nor GB18030" in fatal.message.en and "--encoding" in fatal.message.en


def test_a_header_that_names_no_field_says_so_once(tmp_path):
    (tmp_path / "members.csv").write_text("编号,名字\nM1,甲\nM2,乙\n", encoding="utf-8")
    dataset = load_dataset([tmp_path])
    (fatal,) = dataset.problems
    assert fatal.fatal and "no header in the first 3 rows" in fatal.message.en
    assert "编号、名字" in fatal.message.en and "--encoding" in fatal.message.en


def test_tab_separated_text_as_excel_saves_unicode_text(tmp_path):
    text = MEMBERS_CSV.replace(",", "\t")
    (tmp_path / "members.txt").write_text("not data", encoding="utf-8")
    (tmp_path / "members.csv").write_bytes(codecs_bom_utf16(text))
    (tmp_path / "trades.tsv").write_text(
        "trade_id\tmember_id\ttrader_id\ttrade_date\nT1\tM1\tR1\t2025-01-02\n", encoding="utf-8"
    )
    dataset = load_dataset([tmp_path])
    assert dataset.problems == []
    assert set(members(dataset)) == {"M1", "M2"} and len(dataset.records["Trade"]) == 1


def codecs_bom_utf16(text):
    return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (b"PK\x03\x04rest", "xlsx workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "encrypted workbook"),
        (b"SQLite format 3\x00rest", "SQLite"),
        (b"PAR1rest", "Parquet"),
    ],
)
def test_a_binary_file_named_csv_says_what_it_is(tmp_path, data, hint):
    (tmp_path / "members.csv").write_bytes(data)
    (fatal,) = load_dataset([tmp_path]).fatal
    assert hint in fatal.message.en


# --------------------------------------------------------------------------- workbooks


def test_a_workbook_with_a_sheet_per_kind(tmp_path):
    workbook(
        tmp_path / "export.xlsx",
        {
            "说明": [["本工作簿由 ERP 导出"]],
            "会员名册": [
                ["会员名册（2026年3月导出）"],
                [],
                [" 会员编号 ", "会员名称", "入会日期", "会员状态", "备注"],
                ["M1", "甲", datetime(2024, 3, 5), "正常", "x"],
                [1002, "乙", 45356, "正常"],
                ["M3", "丙", "2024年3月5日", "正常"],
                [None, None, None, None],
            ],
            "trades": [
                ["trade_id", "member_id", "trader_id", "trade_date"],
                ["T1", "M1", "R1", date(2025, 1, 2)],
            ],
        },
    )
    dataset = load_dataset([tmp_path])
    found = members(dataset)
    assert set(found) == {"M1", "1002", "M3"}
    assert {m.admitted_date for m in found.values()} == {date(2024, 3, 5)}
    assert dataset.records["Trade"][0].record.trade_date == date(2025, 1, 2)
    assert str(dataset.records["Member"][0].source).endswith("export.xlsx#会员名册:4")
    notes = messages(dataset)
    assert any("ignored, named after no record kind: 说明" in m for m in notes)
    assert any(
        "#会员名册" in m and "1 row(s) above the header (row 3) are titles" in m for m in notes
    )
    assert any("#会员名册" in m and "unknown column '备注'" in m for m in notes)
    assert [(i.part, i.kind, i.read) for i in dataset.inputs] == [
        ("会员名册", "Member", 3),
        ("trades", "Trade", 1),
    ]


@pytest.mark.parametrize("date_system", [1900, 1904])
def test_a_workbook_s_date_system_dates_its_plain_serial_numbers(tmp_path, date_system):
    """A date-formatted cell comes read as a date; a plain number in a date column counts from
    the workbook's own day zero: 1899-12-30, or 1904-01-01 in the 1904 date system (old Macs)."""
    serial = 45356 if date_system == 1900 else 45356 - 1462  # 2024-03-05 either way
    header = ["考勤编号", "员工编号", "日期", "出勤", "上班打卡"]
    leave_header = ["请假编号", "员工编号", "请假类型", "开始日期", "结束日期", "请假天数"]
    workbook(
        tmp_path / "export.xlsx",
        {
            "attendance": [
                header,
                ["A1", "E1", datetime(2024, 3, 5), "是", time(9, 5)],
                ["A2", "E1", serial, "是", "09:05"],
                ["A3", "E1", serial + 0.375, "是", None],  # a date and time: its day
                ["A4", "E1", 2, "是", None],  # day 2 of either system: not 1950–2099
            ],
            "leave_requests": [
                [*leave_header, "已批准", "提交时间"],
                ["L1", "E1", "事假", serial, serial, 1, "是", serial + 0.375],
            ],
        },
        date_system=date_system,
    )
    dataset = load_dataset([tmp_path])
    attendance = {r.record.attendance_id: r.record for r in dataset.records["Attendance"]}
    assert {i: a.work_date for i, a in attendance.items()} == {
        "A1": date(2024, 3, 5),
        "A2": date(2024, 3, 5),
        "A3": date(2024, 3, 5),
    }
    assert attendance["A1"].clock_in == attendance["A2"].clock_in == time(9, 5)
    (leave,) = dataset.records["LeaveRequest"]
    assert leave.record.start_date == date(2024, 3, 5)
    assert leave.record.submitted_at == datetime(2024, 3, 5, 9, 0)
    (refused,) = [p for p in dataset.problems if p.rejects_record]
    assert (refused.source.part, refused.source.row, refused.source.column) == (
        "attendance",
        5,
        "日期",
    )
    assert "is not an Excel date serial of 1950–2099" in refused.message.en


def test_a_value_merged_down_a_column_is_every_row_s(tmp_path):
    """A column merged over several rows (one admission date for three members) shows its value
    on each; a range over several columns (a title) keeps it in its first cell, as stored."""
    workbook(
        tmp_path / "members.xlsx",
        {
            "会员名册": [
                ["会员名册（2026年3月导出）", None, None, None],
                MEMBER_HEADER,
                ["M1", "甲", date(2024, 3, 5), "正常"],
                ["M2", "乙", None, None],
                ["M3", "丙", None, "暂停"],
                ["M4", "丁", date(2024, 4, 1), "正常"],
            ]
        },
        merged={"会员名册": ["A1:D1", "C3:C5", "D3:D4"]},
    )
    dataset = load_dataset([tmp_path])
    found = members(dataset)
    assert {k: (m.admitted_date, m.status) for k, m in found.items()} == {
        "M1": (date(2024, 3, 5), "正常"),
        "M2": (date(2024, 3, 5), "正常"),
        "M3": (date(2024, 3, 5), "暂停"),
        "M4": (date(2024, 4, 1), "正常"),
    }
    assert not [p for p in dataset.problems if p.rejects_record]


def test_a_merged_range_beyond_any_sheet_s_size_is_a_damaged_sheet(tmp_path):
    path = workbook(
        tmp_path / "members.xlsx",
        {"会员名册": [MEMBER_HEADER, ["M1", "甲", "2024-03-05", "正常"]]},
        merged={"会员名册": ["C2:C3"]},
    )
    patch_sheet(path, 1, lambda xml: xml.replace('ref="C2:C3"', f'ref="C2:C{"9" * 5000}"'))
    (fatal,) = load_dataset([path]).fatal  # a message, not a traceback
    assert str(fatal.source).endswith("members.xlsx#会员名册")
    assert "sheet '会员名册' is damaged" in fatal.message.en


def test_a_merged_value_widens_a_row_no_wider_than_the_sheet_s_widest():
    from checker.sources.workbook import _fill_merged

    rows = [(1, {0: "M1", 1: "甲", 2: "正常"}), (2, {0: "M2"}), (3, {}), (4, {0: "M4"})]
    merges = {1: [(2, 3)], 2: [(16383, 4)]}  # C1:C3, and XFD2:XFD4 (the last column) from row 2
    assert list(_fill_merged(iter(rows), merges)) == [
        (1, {0: "M1", 1: "甲", 2: "正常"}),
        (2, {0: "M2", 2: "正常"}),
        (3, {2: "正常"}),
        (4, {0: "M4"}),
    ]


def test_a_workbook_named_after_its_kind(tmp_path):
    workbook(
        tmp_path / "members.xlsx",
        {"Sheet1": [MEMBER_HEADER, ["M1", "甲", "2024-01-02", "正常"]], "Sheet2": [["x"]]},
    )
    dataset = load_dataset([tmp_path])
    assert set(members(dataset)) == {"M1"}
    assert any("ignored" in m and "Sheet2" in m for m in messages(dataset))


def test_sheets_mapped_in_the_configuration(tmp_path):
    rows = [MEMBER_HEADER, ["M1", "甲", "2024-01-02", "正常"]]
    workbook(
        tmp_path / "book.xlsx",
        {"2026年3月": rows, "2026年4月": [MEMBER_HEADER, ["M2", "乙", "2024-01-02", "正常"]]},
    )
    dataset = load_dataset(
        [tmp_path], InputOptions(sheets={"2026年3月": "Member", "2026年4月": "Member"})
    )
    assert set(members(dataset)) == {"M1", "M2"}
    unmapped = load_dataset([tmp_path])
    assert "no sheet or table is named after a record kind" in unmapped.fatal[0].message.en


def test_formulas_are_read_as_their_saved_values_never_evaluated(tmp_path):
    path = workbook(
        tmp_path / "members.xlsx",
        {
            "会员名册": [
                MEMBER_HEADER,
                ["M1", '=A2&"公司"', "2024-01-02", "正常"],
                ["M2", '=HYPERLINK("http://x","乙")', "=DATE(2024,1,2)", "正常"],
                ["M3", "=1/0", "2024-01-02", "正常"],
                ["M4", "=A5", "2024-01-02", "正常"],
            ]
        },
    )
    cache_formulas(path, 1, {"B2": "M1公司", "B3": "乙", "C3": 45293, "B4": "#DIV/0!"})
    dataset = load_dataset([path])
    found = members(dataset)
    assert found["M1"].member_name == "M1公司" and found["M2"].member_name == "乙"
    assert found["M2"].admitted_date == date(2024, 1, 2)
    problems = {p.source.row: p for p in dataset.problems}
    assert set(problems) == {4, 5}
    assert (
        "Excel error #DIV/0!" in problems[4].message.en and problems[4].source.column == "会员名称"
    )
    assert "formula has no saved result" in problems[5].message.en and problems[5].value == "=A5"


def test_percent_cells_are_percentages_and_only_where_the_column_is_in_percent(tmp_path):
    header = [
        "接待编号",
        "员工编号",
        "接待日期",
        "客户",
        "已问是否来过",
        "主动接待",
        "本人奖金分成(%)",
    ]
    invoices = [
        ["账单编号", "会员编号", "费用类型", "金额(元)", "应缴日期"],
        ["F1", "M1", "年费", 0.3, "2025-01-31"],
    ]
    workbook(
        tmp_path / "book.xlsx",
        {
            "dept_receptions": [header, ["R1", "E1", "2026-03-02", "张三", "是", "是", 0.3]],
            "fee_invoices": invoices,
        },
        formats={"G2": "0%", "D2": "0.00%"},
    )
    dataset = load_dataset([tmp_path])
    assert dataset.records["DeptReception"][0].record.bonus_share_pct == Decimal(30)
    (problem,) = dataset.problems
    assert problem.field == "amount_cny" and problem.value == "30%"


def test_a_stale_dimension_does_not_cut_rows_off(tmp_path):
    path = workbook(
        tmp_path / "members.xlsx",
        {"会员名册": [MEMBER_HEADER, *[[f"M{i}", "甲", "2024-01-02", "正常"] for i in range(5)]]},
    )
    patch_sheet(
        path, 1, lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:B2"', xml)
    )
    assert len(members(load_dataset([path]))) == 5


def test_a_protected_sheet_is_read(tmp_path):
    from openpyxl import load_workbook

    path = workbook(
        tmp_path / "members.xlsx", {"会员名册": [MEMBER_HEADER, ["M1", "甲", "2024-01-02", "正常"]]}
    )
    book = load_workbook(path)
    book.active.protection.set_password("secret")
    book.active.protection.sheet = True
    book.save(path)
    assert set(members(load_dataset([path]))) == {"M1"}


def test_a_password_protected_workbook_is_a_clear_message():
    (fatal,) = load_dataset([ROOT / "tests" / "data" / "password.xlsx"]).fatal
    assert "password-protected" in fatal.message.en and "密码" in fatal.message.zh


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("members.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "save it as .xlsx"),
        ("members.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls format"),
        ("members.xlsx", b"PK\x03\x04 truncated", "not an xlsx workbook"),
        ("members.xlsx", b"", "not an xlsx workbook"),
        ("members.ods", b"PK", "OpenDocument"),
    ],
)
def test_workbooks_that_cannot_be_read(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (fatal,) = load_dataset([tmp_path]).fatal
    assert reason in fatal.message.en


def test_a_damaged_workbook_is_a_clear_message(tmp_path):
    path = workbook(
        tmp_path / "members.xlsx", {"会员名册": [MEMBER_HEADER, ["M1", "甲", "2024-01-02", "正常"]]}
    )
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    (fatal,) = load_dataset([path]).fatal
    assert "workbook" in fatal.message.en


def test_a_zip_bomb_is_refused(tmp_path, monkeypatch):
    from checker.sources import workbook as module

    path = workbook(tmp_path / "members.xlsx", {"会员名册": [MEMBER_HEADER]})
    monkeypatch.setattr(module, "MAX_EXPANDED", 1000)
    (fatal,) = load_dataset([path]).fatal
    assert "zip bomb" in fatal.message.en


def test_excel_lock_files_are_not_data(tmp_path):
    (tmp_path / "~$members.xlsx").write_bytes(b"\x08owner")
    (tmp_path / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    assert load_dataset([tmp_path]).problems == []


# --------------------------------------------------------------------------- JSON


def test_json_object_of_arrays_keyed_by_kind(tmp_path):
    (tmp_path / "export.json").write_text(
        json.dumps(
            {
                "members": [
                    {
                        "会员编号": "M1",
                        "会员名称": "甲",
                        "入会日期": "2024-01-02",
                        "会员状态": "正常",
                    }
                ],
                "Trade": [
                    {"trade_id": "T1", "member_id": "M1", "trader_id": "R1", "trade_date": 45658}
                ],
                "notes": [],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    dataset = load_dataset([tmp_path])
    assert set(members(dataset)) == {"M1"} and dataset.records["Trade"][
        0
    ].record.trade_date == date(2025, 1, 1)
    assert any("ignored" in m and "notes" in m for m in messages(dataset))


def test_json_numbers_stay_exact_and_keys_may_not_repeat(tmp_path):
    (tmp_path / "fee_invoices.jsonl").write_text(
        '{"invoice_id": "F1", "member_id": "M1", "fee_type": "年费", "amount_cny": 1234.56, "due_date": "2025-01-31", "会员编号": "M2"}\n'
        '{"invoice_id": "F2", "member_id": "M1", "fee_type": "年费", "amount_cny": 0.1, "due_date": "2025-01-31"}\n'
        "[[[[[[[[[[" * 20000 + "\n" + "1" * 5000 + "\n",
        encoding="utf-8",
    )
    dataset = load_dataset([tmp_path])
    rows = {p.source.row: p.message.en for p in dataset.problems}
    assert "given twice" in rows[1]
    assert 3 in rows and 4 in rows
    assert [i.record.amount_cny for i in dataset.records["FeeInvoice"]] == [Decimal("0.10")]


def test_a_json_line_break_inside_a_string_is_not_a_new_record(tmp_path):
    record = {
        "会员编号": "M1",
        "会员名称": "甲\u2028乙",
        "入会日期": "2024-01-02",
        "会员状态": "正常",
    }
    (tmp_path / "members.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\r\n", encoding="utf-8"
    )
    assert members(load_dataset([tmp_path]))["M1"].member_name == "甲\u2028乙"


# --------------------------------------------------------------------------- Parquet


def test_parquet_with_typed_columns(tmp_path):
    import pyarrow as pa

    parquet(
        tmp_path / "members.parquet",
        {
            "会员编号": ["M1", "M2", "M3"],
            "会员名称": ["甲", "乙", None],
            "入会日期": [datetime(2024, 3, 4, 16, 30, tzinfo=UTC), datetime(2024, 3, 5), None],
            "会员状态": ["正常", "正常", "正常"],
        },
        types={"入会日期": pa.timestamp("ns", tz="UTC")},
    )
    dataset = load_dataset([tmp_path])
    found = members(dataset)
    assert found["M1"].admitted_date == date(2024, 3, 5)  # 00:30 the next day in China
    assert found["M2"].admitted_date == date(2024, 3, 5)
    assert {p.source.row for p in dataset.problems} == {3}
    assert dataset.inputs[0].format == "parquet" and dataset.inputs[0].read == 3


def test_parquet_decimals_and_nan(tmp_path):
    import pyarrow as pa

    parquet(
        tmp_path / "fee_invoices.parquet",
        {
            "invoice_id": ["F1", "F2"],
            "member_id": ["M1", "M1"],
            "fee_type": ["年费", "年费"],
            "amount_cny": [Decimal("1234.56"), Decimal("12.00")],
            "due_date": [date(2025, 1, 31), date(2025, 1, 31)],
            "paid_date": [float("nan"), 45688.0],  # a data frame's float column: NaN, a serial
        },
        types={"amount_cny": pa.decimal128(12, 2)},
    )
    dataset = load_dataset([tmp_path])
    assert dataset.problems == []
    invoices = {i.record.invoice_id: i.record for i in dataset.records["FeeInvoice"]}
    assert invoices["F1"].amount_cny == Decimal("1234.56") and invoices["F1"].paid_date is None
    assert invoices["F2"].paid_date == date(2025, 1, 31)


def test_a_damaged_parquet_file(tmp_path):
    (tmp_path / "members.parquet").write_bytes(b"PAR1 not really PAR1")
    (fatal,) = load_dataset([tmp_path]).fatal
    assert "cannot read the Parquet file" in fatal.message.en


# --------------------------------------------------------------------------- SQLite


def test_sqlite_tables_named_after_kinds(tmp_path):
    sqlite(
        tmp_path / "export.sqlite",
        {
            "members": (
                MEMBER_HEADER,
                [
                    ["M2", "乙", "2024-01-02", "正常"],
                    ["M1", "甲", "2024/1/2", "正常"],
                    ["M3", "丙", "someday", "正常"],
                ],
            ),
            "会员名册 old": (["x"], [[1]]),
        },
    )
    dataset = load_dataset([tmp_path])
    assert set(members(dataset)) == {"M1", "M2"}
    # rows are read in the order of the kind's key, so their numbers do not depend on storage
    assert [(m.record.member_id, m.source.row) for m in dataset.records["Member"]] == [
        ("M1", 1),
        ("M2", 2),
    ]
    (problem, ignored) = sorted(dataset.problems, key=lambda p: p.rejects_record, reverse=True)
    assert (
        str(problem.source).endswith("export.sqlite#members:3") and problem.field == "admitted_date"
    )
    assert "会员名册 old" in ignored.message.en


def test_sqlite_tables_and_queries_from_the_configuration(tmp_path):
    path = sqlite(
        tmp_path / "erp.db",
        {
            'hr "staff"': (["id", "name"], [["x", "y"]]),
            "t_member": (
                ["member_id", "member_name", "admitted", "status"],
                [["M1", "甲", "2024-01-02", "正常"], ["M2", "乙", "2024-01-02", "注销"]],
            ),
        },
    )
    options = InputOptions(
        tables={"Member": "t_member"},
        queries={
            "Trade": "SELECT 'T1' AS trade_id, 'M1' AS member_id, 'R1' AS trader_id, '2025-01-02' AS trade_date"
        },
    )
    dataset = load_dataset([path], options)
    assert [i.part for i in dataset.inputs] == ["t_member", "query:Trade"]
    assert len(dataset.records["Trade"]) == 1
    # the table's columns do not all match: admitted is not a field, so admitted_date is missing
    assert any("unknown column 'admitted'" in m for m in messages(dataset))


def test_sqlite_is_opened_read_only(tmp_path):
    path = sqlite(
        tmp_path / "erp.db", {"members": (MEMBER_HEADER, [["M1", "甲", "2024-01-02", "正常"]])}
    )
    options = InputOptions(queries={"Member": "DELETE FROM members RETURNING *"})
    dataset = load_dataset([path], options)
    assert "the query failed" in dataset.fatal[0].message.en
    assert sqlite3.connect(path).execute("SELECT count(*) FROM members").fetchone() == (1,)


def test_not_an_sqlite_file(tmp_path):
    (tmp_path / "members.db").write_bytes(b"hello")
    (fatal,) = load_dataset([tmp_path]).fatal
    assert "not an SQLite database" in fatal.message.en


def test_an_empty_sheet_named_after_a_kind_is_a_clear_message(tmp_path):
    workbook(
        tmp_path / "book.xlsx",
        {
            "members": [],
            "trades": [
                ["trade_id", "member_id", "trader_id", "trade_date"],
                ["T1", "M1", "R1", "2025-01-02"],
            ],
        },
    )
    dataset = load_dataset([tmp_path])
    (fatal,) = dataset.fatal
    assert fatal.source.part == "members" and "empty: no header row" in fatal.message.en
    assert len(dataset.records["Trade"]) == 1
