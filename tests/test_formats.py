"""The file formats, read back by the programs their readers use: a JUnit parser, the SARIF
schema, a spreadsheet library and LibreOffice. Each shows what the JSON report holds."""

import csv
import io
import json
import subprocess
import zipfile

import jsonschema
import pytest
from click.testing import CliRunner
from junitparser import Failure, JUnitXml
from openpyxl import load_workbook

import cli
from checker.safety import neutralise_formula
from tests.conftest import CHANGES, MEMBERS, ROOT, require_tool, small_dataset

SARIF_SCHEMA = ROOT / "tests" / "sarif" / "sarif-schema-2.1.0.json"
HOSTILE_NAME = '=HYPERLINK("http://example.invalid")'
WAIVERS = """
waivers:
  - id: W-1
    rule: MEM-10-1
    record: E1
    justification: 已补交书面报告
    approver: 李敏（合规部）
    approved: 2025-12-01
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """One audit written in every format, and its JSON report."""
    root = tmp_path_factory.mktemp("formats")
    data = small_dataset(
        root / "exports",
        CHANGES + "E9,M2,法定代表人,someday,2025-10-20,是\n",  # rejected: not a date
        MEMBERS.replace("南宁恒达物产有限公司", HOSTILE_NAME),
    )
    (root / "waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    out = root / "out"
    args = ["audit", str(data), "--as-of", "2026-01-05", "--waivers", str(root / "waivers.yaml")]
    for name, file in [
        ("json", "r.json"),
        ("junit", "junit.xml"),
        ("sarif", "r.sarif"),
        ("xlsx", "r.xlsx"),
        ("csv", "v.csv"),
    ]:
        args += ["-f", f"{name}:{out / file}"]
    result = CliRunner().invoke(cli.main, args, catch_exceptions=False)
    assert result.exit_code == 1, result.output
    return out, json.loads((out / "r.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+86 771", "'+86 771"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("广西=1", "广西=1"),
        ("2026-01-05", "2026-01-05"),
        ("", ""),
    ],
)
def test_neutralise_formula(value, written):
    assert neutralise_formula(value) == written


def test_csv_is_utf8_with_bom_one_row_per_violation(outputs):
    out, report = outputs
    raw = (out / "v.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, *body = rows
    assert header[:4] == ["规则", "级别", "制度", "条款"]
    assert [(r[0], r[3], r[7]) for r in body] == [
        (v["rule_id"], v["article"], v["record"]["key"]) for v in report["violations"]
    ]
    named = header.index("对象名称")
    assert body[1][named] == "'" + HOSTILE_NAME  # a formula is never live
    assert body[0][header.index("豁免")] == "W-1 已豁免"
    assert body[0][header.index("计入门禁")] == "否" and body[1][header.index("计入门禁")] == "是"


def test_junit_is_read_by_a_junit_parser(outputs):
    out, report = outputs
    xml = JUnitXml.fromfile(str(out / "junit.xml"))
    suites = list(xml)
    assert [s.name for s in suites] == ["会员管理办法 (nnce-membership)"]
    cases = list(suites[0])
    assert len(cases) == len(report["rules"]) > 1  # one test case per rule that ran
    failed = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
    assert [c.name.split()[0] for c in failed] == ["MEM-10-1"]
    (failure,) = failed[0].result
    assert failure.type == "error"
    assert failure.message == "《会员管理办法》第十条第（一）项: 违规 1 项"
    assert "E3 (" in failure.text and "change_events.csv:4" in failure.text
    assert "E1 (" not in failure.text  # waived: listed in system-out, not as the failure
    assert "E1 (" in failed[0].system_out and "W-1 已豁免" in failed[0].system_out
    assert suites[0].tests == len(cases) and suites[0].failures == 1


def test_sarif_validates_against_the_official_schema(outputs):
    out, report = outputs
    log = json.loads((out / "r.sarif").read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r["id"] for r in report["rules"]]
    mem_10_1 = rules[[r["id"] for r in rules].index("MEM-10-1")]
    assert mem_10_1["properties"]["citation"] == "《会员管理办法》第十条第（一）项"
    assert "应当在10个工作日内" in mem_10_1["help"]["text"]
    results = run["results"]
    assert len(results) == len(report["violations"])
    for result, violation in zip(results, report["violations"], strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == violation["rule_id"]
        assert result["message"]["text"].startswith(violation["citation"])
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].endswith("exports/change_events.csv")
        assert location["region"]["startLine"] == violation["record"]["row"]
        assert result["partialFingerprints"]["complianceFinding/v1"] == violation["fingerprint"]
    assert results[0]["suppressions"][0]["status"] == "accepted"
    assert "suppressions" not in results[1]
    (rejected,) = run["invocations"][0]["toolExecutionNotifications"]
    assert rejected["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_xlsx_has_chinese_headers_filters_and_every_sheet(outputs):
    out, report = outputs
    book = load_workbook(out / "r.xlsx")
    assert book.sheetnames == ["汇总", "违规明细", "被拒绝的记录", "豁免"]
    sheet = book["违规明细"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["规则", "级别", "制度", "条款"]
    assert sheet.auto_filter.ref == f"A1:W{len(report['violations']) + 1}"
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3]) for r in rows] == [
        (v["rule_id"], v["article"]) for v in report["violations"]
    ]
    name = sheet.cell(3, header.index("对象名称") + 1)
    assert name.data_type == "s" and name.value == "'" + HOSTILE_NAME
    rejected = list(book["被拒绝的记录"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rejected] == [e["source"] for e in report["errors"]]
    summary = {r[0]: r[1] for r in book["汇总"].iter_rows(values_only=True) if r[0]}
    assert summary["违规"] == report["summary"]["violations"]["total"]
    assert summary["豁免"] == 1 and summary["拒绝记录"] == 1


def test_xlsx_is_the_same_bytes_for_the_same_report(outputs, tmp_path, monkeypatch):
    out, _ = outputs
    import datetime as real

    import openpyxl.writer.excel

    from checker.formats import xlsx
    from checker.report import Report

    report = Report.model_validate_json((out / "r.json").read_text(encoding="utf-8"))
    first = xlsx.render(report, "zh")

    class Later(real.datetime):  # openpyxl stamps the time of saving: a later save
        @classmethod
        def now(cls, tz=None):
            return real.datetime(2031, 2, 3, 4, 5, 6, tzinfo=tz)

    monkeypatch.setattr(openpyxl.writer.excel.datetime, "datetime", Later)
    assert xlsx.render(report, "zh") == first
    with zipfile.ZipFile(io.BytesIO(xlsx.render(report, "zh"))) as archive:
        assert archive.testzip() is None


def test_libreoffice_opens_the_workbook_without_repair(outputs, tmp_path):
    office = require_tool("/usr/bin/libreoffice", "libreoffice-calc")
    out, report = outputs
    result = subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--norestore",
            "--convert-to",
            # every sheet to its own UTF-8 CSV file (the last token: all sheets)
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(tmp_path),
            str(out / "r.xlsx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower() and "repair" not in result.stderr.lower()
    sheet = tmp_path / "r-违规明细.csv"
    assert sheet.is_file(), sorted(p.name for p in tmp_path.iterdir())
    header, *rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    assert header[0] == "规则" and len(rows) == len(report["violations"])
    assert [r[7] for r in rows] == [v["record"]["key"] for v in report["violations"]]
    assert (tmp_path / "r-被拒绝的记录.csv").is_file() and (tmp_path / "r-汇总.csv").is_file()


def test_a_report_to_a_device_is_written_into_it_never_renamed_over_it(tmp_path):
    import os
    import stat
    import threading

    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    data = small_dataset(tmp_path / "exports", CHANGES, MEMBERS)
    args = ["audit", str(data), "--as-of", "2026-01-05", "-f", f"json:{fifo}", "--quiet"]
    CliRunner().invoke(cli.main, args, catch_exceptions=False)
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a file renamed over it
    assert json.loads(received[0])["schema_version"] == 1
