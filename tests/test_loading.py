import json

import pytest

from checker.loading import load_dataset

MEMBERS = "会员编号,会员名称,入会日期,会员状态\n"


def write(folder, name, text, encoding="utf-8"):
    path = folder / name
    path.write_text(text, encoding=encoding)
    return path


def messages(dataset, lang="en"):
    return [f"{p.source} {p.field} {p.message(lang)}" for p in dataset.problems]


def test_chinese_headers_with_bom_and_full_width_brackets(tmp_path):
    write(
        tmp_path,
        "member_applications.csv",
        "\ufeff申请编号,申请单位编号,申请单位名称,主体类型,申请日期,"
        "注册资本（元）,经营场所独立,经营场所固定,计算机硬件,计算机软件,通讯线路,专业人员,管理制度,认缴费用,治理制度\n"
        "A1,X1,广西桂通商贸有限公司,企业法人,2025-03-02,10000000,是,是,是,是,是,是,是,否,交易制度、结算制度\n",
    )
    dataset = load_dataset([tmp_path])
    assert dataset.problems == []
    (loaded,) = dataset.records["MemberApplication"]
    assert str(loaded.record.registered_capital_cny) == "10000000.00"
    assert loaded.record.fees_subscribed is False
    assert loaded.record.governance_docs == frozenset({"交易制度", "结算制度"})
    assert str(loaded.source).endswith("member_applications.csv:2")


def test_english_headers_and_the_chinese_file_name(tmp_path):
    write(
        tmp_path,
        "会员名册.csv",
        "member_id,MEMBER_NAME,admitted_date,status\nM1,南宁恒达物产有限公司,2024-01-05,撤消\n",
    )
    dataset = load_dataset([tmp_path])
    assert dataset.problems == []
    assert dataset.records["Member"][0].record.status == "撤销"  # 撤消 and 撤销 are one word


def test_every_problem_of_a_row_at_once_with_file_row_and_field(tmp_path):
    write(tmp_path, "members.csv", MEMBERS + "M1,甲,2024-13-01,正常\nM2,,2024-01-02,休眠\n")
    dataset = load_dataset([tmp_path])
    found = messages(dataset)
    assert any("members.csv:2 admitted_date" in m and "no such day" in m for m in found)
    assert any("members.csv:3 member_name" in m and "required" in m for m in found)
    assert any("members.csv:3 status" in m for m in found)
    zh = messages(dataset, "zh")
    assert any(
        "会员状态（status）：“休眠” 不是允许的取值（允许：正常、暂停、终止、撤销、取消）" in m
        for m in zh
    )
    assert dataset.inputs[0].read == 2 and dataset.inputs[0].rejected == 2


def _member(key, name, status):
    return {"会员编号": key, "会员名称": name, "入会日期": "2024-01-02", "会员状态": status}


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("members.csv", MEMBERS + "M1,,2024-01-02,正常\nM2,  ,2024-01-02,正常\nM3,甲,2024-01-02\n"),
        (
            "members.json",
            json.dumps(
                [_member("M1", "", "正常"), _member("M2", None, "正常"), _member("M3", "甲", " ")]
            ),
        ),
    ],
    ids=["csv", "json"],
)
def test_an_empty_required_cell_names_its_column(tmp_path, name, text):
    """An empty cell (blank, spaces, null, or a short CSV row's missing last cell) in a column the
    file has: the problem names the column, and quotes no value."""
    write(tmp_path, name, text)
    dataset = load_dataset([tmp_path])
    found = {(p.source.row, p.field): p for p in dataset.problems}
    first = 2 if name.endswith(".csv") else 1
    expected = {
        (first, "member_name"): "会员名称",
        (first + 1, "member_name"): "会员名称",
        (first + 2, "status"): "会员状态",
    }
    assert set(found) == set(expected)
    for where, column in expected.items():
        assert found[where].source.column == column and found[where].value is None
        assert "会员名称" in found[where].message("zh") or "会员状态" in found[where].message("zh")


def test_unknown_column_reported_once_and_nothing_lost(tmp_path):
    write(
        tmp_path,
        "members.csv",
        "会员编号,会员名称,入会日期,会员状态,备注\n"
        "M1,甲,2024-01-02,正常,x\nM2,乙,2024-01-02,正常,y\n",
    )
    dataset = load_dataset([tmp_path])
    assert len(dataset.records["Member"]) == 2
    (warning,) = dataset.problems
    assert not warning.rejects_record and "备注" in warning.message.en


def test_duplicate_keys_and_ragged_rows_are_rejected(tmp_path):
    write(
        tmp_path,
        "members.csv",
        MEMBERS
        + "M1,甲,2024-01-02,正常\nM1,乙,2024-01-02,正常\nM3,丙,2024-01-02,正常,extra\n\n"
        + "M4,丁,2024-01-02,正常\nM4,丁,2024/1/2,正常\n",
    )
    dataset = load_dataset([tmp_path])
    # M1 twice with different values: neither row is audited; M4 twice alike: audited once
    assert [str(m.source) for m in dataset.records["Member"]] == [f"{tmp_path}/members.csv:6"]
    found = messages(dataset)
    for row, other in ((2, 3), (3, 2)):
        assert any(
            f"members.csv:{row}" in m
            and "duplicate key M1 with different values (also at" in m
            and f"members.csv:{other})" in m
            for m in found
        )
    assert any("members.csv:7" in m and "exact duplicate of" in m for m in found)
    assert any("members.csv:4" in m and "5 cells" in m for m in found)
    assert dataset.inputs[0].read == 5  # the blank line is not a record
    assert dataset.inputs[0].rejected == 4


def test_json_lines_and_json_arrays(tmp_path):
    write(
        tmp_path,
        "members.jsonl",
        json.dumps(
            {"会员编号": "M1", "会员名称": "甲", "入会日期": "2024-01-02", "会员状态": "正常"},
            ensure_ascii=False,
        )
        + "\n{oops\n[1]\n",
    )
    write(
        tmp_path,
        "trades.json",
        json.dumps(
            [{"trade_id": "T1", "member_id": "M1", "trader_id": "R1", "trade_date": "2025-01-02"}]
        ),
    )
    dataset = load_dataset([tmp_path])
    assert len(dataset.records["Member"]) == 1 and len(dataset.records["Trade"]) == 1
    found = messages(dataset)
    assert any("members.jsonl:2" in m and "malformed JSON" in m for m in found)
    assert any("members.jsonl:3" in m and "expected a JSON object" in m for m in found)


def test_files_that_cannot_be_used_stop_the_audit(tmp_path):
    (tmp_path / "members.csv").write_bytes(b"\xff\x80" * 50)
    write(tmp_path, "notes.csv", "a,b\n1,2\n")
    write(tmp_path, "trades.xlsx", "not really")
    write(tmp_path, "fee_invoices.csv", "")
    write(tmp_path, "compliance.toml", "[audit]\n")
    write(tmp_path, "README.md", "# about this export\n")
    dataset = load_dataset([tmp_path, tmp_path / "missing.csv"])
    fatal = {p.source.file.rsplit("/", 1)[-1]: p.message.en for p in dataset.fatal}
    assert "neither UTF-8 nor GB18030" in fatal["members.csv"]
    assert "cannot tell the record kind" in fatal["notes.csv"]
    assert "not an xlsx workbook" in fatal["trades.xlsx"]
    assert "empty" in fatal["fee_invoices.csv"]
    assert "no such file" in fatal["missing.csv"]
    assert len(fatal) == 5  # compliance.toml and README.md are not data


def test_a_header_only_file_is_a_warning_not_an_error(tmp_path):
    write(tmp_path, "members.csv", MEMBERS)
    dataset = load_dataset([tmp_path / "members.csv"])
    (warning,) = dataset.problems
    assert not warning.rejects_record and "only a header" in warning.message.en
    assert dataset.records["Member"] == []


# --------------------------------------------------------------------------- headers


def test_headers_with_spaces_units_marks_and_english_words(tmp_path):
    write(
        tmp_path,
        "member_applications.csv",
        "*申请编号,申请单位编号 ,Applicant Name,主体 类型,申请日期(YYYY-MM-DD),注册资本（万元）,"
        "实缴资本/万元,经营场所独立,经营场所固定,计算机硬件,计算机软件,通讯线路,专业人员,管理制度,认缴费用\n"
        "A1,X1,甲,企业法人,2025/3/2,1200,500,是,是,是,是,是,是,是,否\n"
        "A2,X2,乙,企业法人,2025/3/2,1200元,12万元,是,是,是,是,是,是,是,否\n",
    )
    dataset = load_dataset([tmp_path])
    loaded = {m.record.application_id: m.record for m in dataset.records["MemberApplication"]}
    assert loaded["A1"].registered_capital_cny == 12_000_000
    assert loaded["A1"].paid_in_capital_cny == 5_000_000
    assert loaded["A1"].applicant_name == "甲"
    (problem,) = dataset.problems
    assert problem.source.row == 3 and problem.source.column == "注册资本（万元）"
    assert "ambiguous" in problem.message.en and problem.value == "1200元"


def test_a_money_column_in_an_unknown_unit_rejects_its_values_not_guesses(tmp_path):
    write(
        tmp_path,
        "fee_invoices.csv",
        "账单编号,会员编号,费用类型,金额(美元),应缴日期\nF1,M1,年费,100,2025-01-31\nF2,M1,年费,,2025-01-31\n",
    )
    dataset = load_dataset([tmp_path])
    rows = {p.source.row: p.message.en for p in dataset.problems}
    assert "unit '美元'" in rows[2] and "amount_cny" in rows[3] and "required" in rows[3].lower()


def test_a_number_column_in_another_unit_is_refused(tmp_path):
    header = "请假编号,员工编号,请假类型,开始日期,结束日期,请假天数{unit},已批准\n"
    row = "L1,E1,事假,2026-03-02,2026-03-03,2,是\n"
    write(tmp_path, "leave_requests.csv", header.format(unit="(天)") + row)
    accepted = load_dataset([tmp_path])
    assert accepted.problems == [] and accepted.records["LeaveRequest"][0].record.days == 2
    write(tmp_path, "leave_requests.csv", header.format(unit="(小时)") + row)
    (problem,) = load_dataset([tmp_path]).problems
    assert "unit '小时'" in problem.message.en and "no conversion is guessed" in problem.message.en


def test_two_columns_for_one_field_make_the_file_unusable(tmp_path):
    write(
        tmp_path,
        "members.csv",
        "会员编号,member_id,会员名称,入会日期,会员状态\nM1,M1,甲,2024-01-02,正常\n",
    )
    (fatal,) = load_dataset([tmp_path]).fatal
    assert "several columns map to the same field" in fatal.message.en


def test_values_without_a_header_are_reported_once(tmp_path):
    write(
        tmp_path,
        "members.csv",
        MEMBERS.strip() + ",,\nM1,甲,2024-01-02,正常,,x\nM2,乙,2024-01-02,正常,,y\n",
    )
    dataset = load_dataset([tmp_path])
    assert len(dataset.records["Member"]) == 2
    (warning,) = dataset.problems
    assert "column F has no header" in warning.message.en and not warning.rejects_record


def test_trailing_empty_cells_are_not_a_ragged_row(tmp_path):
    write(tmp_path, "members.csv", MEMBERS + "M1,甲,2024-01-02,正常,,,\n")
    dataset = load_dataset([tmp_path])
    assert dataset.problems == [] and len(dataset.records["Member"]) == 1


def test_the_columns_rejected_adds_are_ignored_when_read_again(tmp_path):
    write(
        tmp_path,
        "members.csv",
        "会员编号,会员名称,入会日期,会员状态,拒绝原因,原始位置\nM1,甲,2024-01-02,正常,x,y\n",
    )
    dataset = load_dataset([tmp_path])
    assert dataset.problems == [] and len(dataset.records["Member"]) == 1


# --------------------------------------------------------------------------- robustness


def test_a_file_that_changes_while_it_is_read(tmp_path, monkeypatch):
    import checker.loading as loading

    path = write(
        tmp_path, "members.csv", MEMBERS + "M1,甲,2024-01-02,正常\nM2,乙,2024-01-02,正常\n"
    )
    original = loading._read_row

    def read_and_append(*args, **kwargs):
        with path.open("a", encoding="utf-8") as handle:  # the export is still being written
            handle.write("M9,丙,2024-01-02,正常\n")
        return original(*args, **kwargs)

    monkeypatch.setattr(loading, "_read_row", read_and_append)
    (fatal,) = load_dataset([tmp_path]).fatal
    assert "changed while it was read" in fatal.message.en


def test_a_file_removed_before_it_is_read(tmp_path, monkeypatch):
    import checker.loading as loading

    write(tmp_path, "members.csv", MEMBERS)
    files, _ = loading.dataset_files([tmp_path])
    (tmp_path / "members.csv").unlink()
    monkeypatch.setattr(loading, "dataset_files", lambda paths: (files, []))
    (fatal,) = load_dataset([tmp_path]).fatal
    assert "no such file" in fatal.message.en


@pytest.mark.parametrize("content", ["", "\n\n  \n", "\ufeff"])
def test_an_empty_file(tmp_path, content):
    write(tmp_path, "members.csv", content)
    (fatal,) = load_dataset([tmp_path]).fatal
    assert "empty" in fatal.message.en


def unreadable(path):
    """Run the CLI on a file this process may not read, as root too (without DAC override)."""
    import os
    import shutil
    import subprocess
    import sys

    from tests.conftest import ROOT

    path.chmod(0)
    command = [sys.executable, str(ROOT / "cli.py"), "validate", str(path), "--lang", "en"]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot drop the right to read any file")
        command = [
            "setpriv",
            "--inh-caps=-all",
            "--bounding-set=-dac_override,-dac_read_search",
            *command,
        ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)


@pytest.mark.parametrize(
    "name", ["members.csv", "members.xlsx", "members.parquet", "members.sqlite"]
)
def test_a_permission_error_is_a_clear_message(tmp_path, name):
    path = write(tmp_path, name, "x")
    result = unreadable(path)
    assert result.returncode == 2, result.stderr
    assert "permission denied" in result.stdout.lower() and "Traceback" not in result.stderr


def test_a_symbolic_link_out_of_the_dataset_is_refused(tmp_path):
    outside = write(tmp_path, "secret.csv", MEMBERS + "M1,甲,2024-01-02,正常\n")
    dataset_folder = tmp_path / "dataset"
    dataset_folder.mkdir()
    (dataset_folder / "members.csv").symlink_to(outside)
    write(
        dataset_folder,
        "trades.txt",
        "trade_id,member_id,trader_id,trade_date\nT1,M1,R1,2025-01-02\n",
    )
    (dataset_folder / "trades.csv").symlink_to(dataset_folder / "trades.txt")  # inside: read
    dataset = load_dataset([dataset_folder])
    (fatal,) = dataset.fatal
    assert "leads outside the dataset folder" in fatal.message.en
    assert fatal.source.file.endswith("members.csv") and "Member" not in dataset.records
    assert len(dataset.records["Trade"]) == 1


def test_a_truncated_csv_loses_only_its_last_row(tmp_path):
    text = MEMBERS + 'M1,甲,2024-01-02,正常\nM2,"乙,2024-0'
    write(tmp_path, "members.csv", text)
    dataset = load_dataset([tmp_path])
    assert [m.record.member_id for m in dataset.records["Member"]] == ["M1"]
    assert {p.source.row for p in dataset.problems} == {3}
    assert dataset.inputs[0].read == 2 and dataset.inputs[0].rejected == 1


def test_a_huge_cell_rejects_its_row_and_reading_goes_on(tmp_path):
    write(
        tmp_path,
        "members.csv",
        MEMBERS + f"M1,{'甲' * 200_000},2024-01-02,正常\nM2,乙,2024-01-02,正常\n",
    )
    dataset = load_dataset([tmp_path])
    assert [m.record.member_id for m in dataset.records["Member"]] == ["M2"]
    (problem,) = dataset.problems
    assert problem.source.row == 2 and "longer than" in problem.message.en


# --------------------------------------------------------------------------- accounting


def test_every_row_is_audited_or_rejected_per_input_in_a_corrupted_dataset(
    tmp_path, catalog, config
):
    """read = audited + rejected for each input, whatever went wrong and wherever."""
    from datetime import date

    from checker.audit import audit_dataset
    from checker.report import build_report
    from tests.inputs import workbook

    write(
        tmp_path,
        "members.csv",
        MEMBERS
        + "M1,甲,2024-01-02,正常\n"
        + "M2,,2024-13-01,休眠\n"  # three problems, one row
        + "M3,丙,2024-01-02,正常,extra\n"
        + "\n"
        + "M1,甲again,2024-01-02,正常\n"  # duplicate key, another name: both M1 rows rejected
        + 'M4,"丁\x00",2024-01-02,正常\n'
        + "M5,戊,2024-01-02,正常\n",
    )
    write(
        tmp_path,
        "change_events.csv",
        "事项编号,会员编号,变更事项,发生日期,报告日期,书面报告\nE1,M1,法定代表人,2031-09-26,2031-10-17,是\nE2,M1,法定代表人,2025-09-26,2025-10-17,maybe\n",
    )
    workbook(
        tmp_path / "book.xlsx",
        {
            "trades": [
                ["trade_id", "member_id", "trader_id", "trade_date"],
                ["T1", "M1", "R1", "2025-01-02"],
                ["T2", "M1", None, "2025-01-02"],
                ["T3", "M1", "R1", "03/01/2025"],
            ]
        },
    )
    (tmp_path / "fee_invoices.jsonl").write_text(
        '{"invoice_id": "F1"}\nnot json\n', encoding="utf-8"
    )
    dataset = load_dataset([tmp_path])
    result = audit_dataset(dataset, catalog, config, date(2026, 1, 5))
    report = build_report(result, "en")
    by_input = {(i.path.rsplit("/", 1)[-1], i.sheet): i for i in report.inputs}
    assert {k: (i.records, i.audited, i.rejected) for k, i in by_input.items()} == {
        ("book.xlsx", "trades"): (3, 1, 2),
        ("change_events.csv", None): (2, 0, 2),  # 2031 is outside the calendar: the facts reject it
        ("fee_invoices.jsonl", None): (2, 0, 2),
        ("members.csv", None): (6, 1, 5),
    }
    for summary in report.inputs:
        assert summary.records == summary.audited + summary.rejected
    records = report.summary.records
    assert records.read == records.audited + records.rejected == 13
