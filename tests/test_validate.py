"""`compliance validate` and `--rejected`: every problem at once, rows to fix and re-run, safely."""

import csv
import json
from datetime import datetime, timedelta, timezone

import jsonschema
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import cli
from checker.i18n import Text
from checker.loading import Dataset, Problem, RejectedRow
from checker.rejected import write_rejected
from checker.sources import Source
from checker.validation import validation_schema
from tests.conftest import DEMO, ROOT
from tests.inputs import MEMBER_HEADER, workbook

SCHEMA_FILE = ROOT / "schemas" / "validation-v1.schema.json"
MEMBERS = (
    "会员编号,会员名称,入会日期,会员状态,备注\n"
    "M1,甲,2024-01-02,正常,\n"
    'M2,,2024-13-01,休眠,"=HYPERLINK(""http://evil"",""x"")"\n'
    "M3,\x1b[31m丙,2024/1/2,正常,-2+3\n"
)


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def dataset(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "members.csv").write_text(MEMBERS, encoding="utf-8")
    workbook(
        folder / "book.xlsx",
        {
            "trades": [
                ["trade_id", "member_id", "trader_id", "trade_date"],
                ["T1", "M1", "R1", "2025-01-02"],
                ["T2", "M1", "R1", "someday"],
            ]
        },
    )
    return folder


def test_every_problem_at_once_with_file_sheet_row_column_value_and_reason(tmp_path):
    result = run("validate", dataset(tmp_path))
    assert result.exit_code == 1
    out = result.output
    for expected in (
        "members.csv",
        "book.xlsx",
        "trades",
        "2024-13-01",
        "没有这一天",
        "休眠",
        "不是允许的取值",
        "会员名称",
        "缺少必填值",
        "someday",
        "控制字符 U+001B",
        "未知列“备注”",
        "读取 5 条记录，有效 2 条，拒绝 3 条；问题 5 项，警告 1 项",
    ):
        assert expected in out, expected
    assert "\x1b" not in out  # a value from the data cannot drive the terminal


def test_the_json_form_is_valid_against_its_schema(tmp_path):
    result = run("validate", dataset(tmp_path), "--format", "json", "--lang", "en")
    document = json.loads(result.output)
    jsonschema.validate(document, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    errors = {
        (e["file"].rsplit("/", 1)[-1], e["sheet"], e["row"], e["column"]): e
        for e in document["errors"]
    }
    assert errors[("members.csv", None, 3, "入会日期")]["value"] == "2024-13-01"
    assert "no such day" in errors[("members.csv", None, 3, "入会日期")]["reason"]
    assert errors[("members.csv", None, 3, "会员名称")]["field"] == "member_name"  # empty, named
    assert errors[("members.csv", None, 3, "会员名称")]["value"] is None
    assert errors[("book.xlsx", "trades", 3, "trade_date")]["value"] == "someday"
    summary = document["summary"]
    assert (summary["read"], summary["valid"], summary["rejected"]) == (5, 2, 3)
    for item in document["inputs"]:
        assert item["records"] == item["audited"] + item["rejected"]


def test_the_committed_schema_is_the_generated_one():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == validation_schema(), (
        "regenerate: compliance schema --validation > schemas/validation-v1.schema.json"
    )


def test_exit_codes(tmp_path):
    assert run("validate", DEMO).exit_code == 0
    assert run("validate", dataset(tmp_path)).exit_code == 1
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "members.csv").write_text(
        "会员编号,会员名称,入会日期,会员状态\nM1,甲,never,正常\n", encoding="utf-8"
    )
    assert run("validate", bad).exit_code == 2  # nothing valid
    (bad / "notes.csv").write_text("a\n1\n", encoding="utf-8")
    result = run("validate", bad)
    assert result.exit_code == 2 and "无法从文件名判断记录类型" in result.output
    assert run("validate").exit_code == 2
    assert run("validate", bad, "--db", "mysql://x").exit_code == 2
    assert run("validate", bad, "--encoding", "no-such-codec").exit_code == 2


def test_rejected_rows_to_a_workbook_re_run_as_they_are(tmp_path):
    target = tmp_path / "out" / "rejected.xlsx"
    result = run("validate", dataset(tmp_path), "--rejected", target)
    assert result.exit_code == 1 and "3 rejected rows" in result.output
    book = load_workbook(target)
    assert book.sheetnames == ["交易记录", "会员名册"]  # in the order of the rows' sources
    members = [[c.value for c in row] for row in book["会员名册"].iter_rows()]
    assert members[0] == [
        "会员编号",
        "会员名称",
        "入会日期",
        "会员状态",
        "备注",
        "拒绝原因",
        "原始位置",
    ]
    rows = {r[0]: r for r in members[1:]}
    assert set(rows) == {"M2", "M3"}
    assert rows["M2"][2] == "2024-13-01" and "没有这一天" in rows["M2"][5]
    assert rows["M2"][6].endswith("members.csv:3")
    assert rows["M2"][4] == '\'=HYPERLINK("http://evil","x")'  # never a live formula
    assert rows["M3"][4] == "'-2+3"
    assert book["会员名册"]["E2"].data_type == "s"
    again = run("validate", target, "--format", "json")
    document = json.loads(again.stdout)
    assert [w["message"] for w in document["warnings"]] == [
        "未知列“备注”，已忽略（会员名册没有此字段）"
    ]
    # a workbook cannot hold the control character: it is written as \u001b, which reads as text
    assert rows["M3"][1] == "\\u001b[31m丙"
    assert document["summary"]["read"] == 3 and document["summary"]["rejected"] == 2


def test_rejected_rows_to_a_csv_file_keep_what_was_read(tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "members.csv").write_text(MEMBERS, encoding="utf-8")
    target = tmp_path / "members.csv"
    assert run("validate", folder, "--rejected", target).exit_code == 1
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheet programs show the Chinese
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][-2:] == ["拒绝原因", "原始位置"]
    assert [line[0] for line in lines[1:]] == ["M2", "M3"]
    assert lines[2][1] == "\x1b[31m丙"  # as read: the clerk fixes it in the file
    for line in lines:
        for cell in line:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    # fixed by the clerk and re-run: the reason and source columns are ignored
    fixed = (
        target.read_text(encoding="utf-8-sig")
        .replace("2024-13-01", "2024-12-01")
        .replace("休眠", "正常")
    )
    fixed = fixed.replace(",,2024-12-01", ",乙,2024-12-01").replace("\x1b[31m", "")
    target.write_text(fixed, encoding="utf-8-sig")
    rerun = run("validate", target)
    assert rerun.exit_code == 0, rerun.output


def test_rejected_rows_of_several_kinds_need_a_workbook_or_a_folder(tmp_path):
    folder = dataset(tmp_path)
    result = run("validate", folder, "--rejected", tmp_path / "rejected.csv")
    assert result.exit_code == 2 and "several kinds" in result.output
    out = tmp_path / "fix"
    assert run("validate", folder, "--rejected", out).exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["members.csv", "trades.csv"]
    assert run("validate", out, "--format", "json").exit_code == 2  # every row still bad


def test_audit_writes_rejected_rows_too(tmp_path):
    target = tmp_path / "rejected.xlsx"
    result = run("audit", dataset(tmp_path), "--as-of", "2026-01-05", "--rejected", target)
    assert result.exit_code in (0, 1) and "3 rejected rows" in result.output
    assert "会员名册" in load_workbook(target).sheetnames


def test_nothing_in_the_data_is_executed(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    marker = tmp_path / "pwned"
    payloads = [
        f"=cmd|' /C touch {marker}'!A0",
        f"__import__('os').system('touch {marker}')",
        f"$(touch {marker})",
        f"`touch {marker}`",
        "{{7*7}}",
        "../../../../etc/passwd",
    ]
    rows = "".join(f'M{i},"{p}",2024-01-02,正常\n' for i, p in enumerate(payloads))
    (folder / "members.csv").write_text(
        "会员编号,会员名称,入会日期,会员状态\n" + rows, encoding="utf-8"
    )
    workbook(
        folder / "book.xlsx",
        {
            "trades": [
                ["trade_id", "member_id", "trader_id", "trade_date"],
                ["T1", f'=WEBSERVICE("file://{marker}")', "R1", "2025-01-02"],
            ]
        },
    )
    result = run(
        "audit",
        folder,
        "--as-of",
        "2026-01-05",
        "--format",
        "json",
        "--rejected",
        tmp_path / "r.xlsx",
    )
    assert not marker.exists()
    document = json.loads(result.stdout)
    assert document["summary"]["records"] == {"read": 7, "audited": 6, "rejected": 1}
    (error,) = document["errors"]  # the workbook's formula was never calculated: not run either
    assert (
        error["source"].endswith("book.xlsx#trades:2")
        and "公式没有已保存的计算结果" in error["message"]
    )
    sheet = load_workbook(tmp_path / "r.xlsx")["交易记录"]
    assert sheet["B2"].value == f'\'=WEBSERVICE("file://{marker}")' and sheet["B2"].data_type == "s"


def test_a_password_in_a_database_url_never_shows(tmp_path):
    result = run(
        "validate",
        "--db",
        "postgresql://auditor:s3cret-pw@127.0.0.1:1/nowhere?connect_timeout=1",
        "--format",
        "json",
    )
    assert result.exit_code == 2
    assert "s3cret-pw" not in result.output
    assert "postgresql://auditor@127.0.0.1:1/nowhere" in result.output


@pytest.mark.parametrize("args", [["audit", DEMO], ["validate", DEMO]])
def test_the_demo_still_reads_cleanly(args):
    result = run(*args)
    assert "拒绝 0 条" in result.output


def test_sheet_workbooks_with_member_header(tmp_path):
    path = workbook(
        tmp_path / "members.xlsx", {"会员名册": [MEMBER_HEADER, ["M1", "甲", "2024-01-02", "正常"]]}
    )
    result = run("validate", path, "--lang", "en")
    assert result.exit_code == 0 and "1 records read, 1 valid, 0 rejected" in result.output


def test_rejected_rows_to_a_device_write_into_it_not_over_it(tmp_path):
    import os
    import stat

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    import threading

    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    one = tmp_path / "one"
    one.mkdir()
    (one / "members.csv").write_text(MEMBERS, encoding="utf-8")
    assert run("validate", one, "--rejected", fifo).exit_code == 1
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and "拒绝原因".encode() in received[0]


def test_secret_titles_stay_withheld_from_validation_and_rejected_rows(tmp_path):
    """A rejected row that repeats a 绝密 item's title: neither the result nor the file shows it."""
    import shutil

    folder = tmp_path / "secrecy"
    shutil.copytree(
        ROOT / "fixtures" / "demo-secrecy",
        folder,
        ignore=shutil.ignore_patterns("*-*", "client*", "customer*", "service*", "tenants"),
    )
    items = folder / "secret_items.csv"
    lines = items.read_text(encoding="utf-8").splitlines()
    title = "2027—2029年集团战略投资决策方案"
    copy = lines[1].replace("S001,", "S901,").replace("2026-01-10", "2026-13-10")
    items.write_text("\n".join([*lines, copy]) + "\n", encoding="utf-8")
    target = tmp_path / "rejected.xlsx"
    result = run("validate", folder, "--rejected", target, "--format", "json")
    document = json.loads(result.stdout)
    assert document["summary"]["rejected"] == 1 and document["redaction"]["withheld"]
    assert title not in result.output
    cells = [c.value for row in load_workbook(target).active.iter_rows() for c in row]
    assert "S901" in cells and "〔已隐去〕" in cells and title not in cells
    revealed = tmp_path / "revealed.xlsx"
    run("validate", folder, "--rejected", revealed, "--reveal-titles")
    assert title in [c.value for row in load_workbook(revealed).active.iter_rows() for c in row]


def test_a_rejected_secret_rows_own_title_is_withheld_too(tmp_path):
    """A 绝密 row rejected for a bad date says its grade as written: its title stays out of the
    validation, the audit and the rejected rows, unless --reveal-titles."""
    import shutil

    folder = tmp_path / "secrecy"
    shutil.copytree(
        ROOT / "fixtures" / "demo-secrecy",
        folder,
        ignore=shutil.ignore_patterns("*-*", "client*", "customer*", "service*", "tenants"),
    )
    items = folder / "secret_items.csv"
    lines = items.read_text(encoding="utf-8").splitlines()
    title = "北部湾港口收购底价测算（仅限董事会）"
    row = lines[1].split(",")
    row[0], row[1], row[7] = "S902", title, "2026-02-30"  # 标密日期 that does not exist
    unmarked = lines[1].split(",")  # an unmarked row whose category requires 绝密
    unmarked[0], unmarked[1], unmarked[3], unmarked[7] = "S903", "未标密级的决策方案X", "", "bad"
    plain = lines[1].split(",")  # a 秘密 contract: nothing to withhold
    plain[0], plain[1], plain[2], plain[3], plain[7] = (
        "S904",
        "门面租赁合同Y",
        "合同",
        "秘密",
        "bad",
    )
    items.write_text(
        "\n".join([*lines, ",".join(row), ",".join(unmarked), ",".join(plain)]) + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "rejected.csv"
    validation = run("validate", folder, "--rejected", target, "--format", "json")
    assert json.loads(validation.stdout)["summary"]["rejected"] == 3
    audit = CliRunner().invoke(cli.main, ["audit", str(folder), "-f", "json"])
    written = target.read_text(encoding="utf-8-sig")
    for text in (validation.output, audit.output, written):
        assert title not in text and "未标密级的决策方案X" not in text
    assert "门面租赁合同Y" in written  # 秘密 titles are not withheld
    run("validate", folder, "--rejected", target, "--reveal-titles")
    assert title in target.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("offset", [-12, 14])
def test_a_rejected_moment_past_china_times_dates_is_written_as_read(tmp_path, offset):
    """A database or Parquet cell at the calendar's edge with a time zone: China time cannot
    show it, so the workbook holds it as it was read (it was an OverflowError, exit 3)."""
    edge = datetime(9999, 12, 31, 23, 59) if offset < 0 else datetime(1, 1, 1, 0, 0)
    moment = edge.replace(tzinfo=timezone(timedelta(hours=offset)))
    source = Source("members.parquet", 2)
    dataset = Dataset(rejected_rows=[RejectedRow(source, "Member", (("入会日期", moment),))])
    problem = Problem(source, Text("超出可表示的日期范围", "beyond the representable dates"))
    target = tmp_path / "rejected.xlsx"
    write_rejected(target, dataset, [problem], "zh")
    sheet = load_workbook(target)["会员名册"]
    assert sheet["A2"].value == moment.isoformat()
